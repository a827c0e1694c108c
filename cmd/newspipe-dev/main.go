// Command newspipe-dev holds newspipe's development commands: measuring (bench, eval)
// and retraining the models (train). They link what users' runs do not need: prose/v2
// as the entity and speed baseline, and, built with -tags trafilatura (make devbuild),
// the unmodified go-trafilatura as the HTML baseline.
//
// "newspipe-dev help" lists the commands; "newspipe-dev help COMMAND" shows a command's flags.
package main

import (
	"context"
	"io"

	"github.com/newspipe/newspipe/internal/cli"
)

// Exit statuses (see package cli).
const (
	exitOK       = cli.ExitOK
	exitFailures = cli.ExitFailures
	exitUsage    = cli.ExitUsage
)

func main() { program.Exit() }

// program is newspipe-dev's command table.
var program = &cli.Program{
	Name: "newspipe-dev",
	Doc:  "newspipe-dev measures newspipe and retrains its models.",
	Commands: []cli.Command{
		{Name: "eval clean", Args: "DIR...", Summary: "chrome removal F1 per set of pages (ID.html[.gz], ID.txt, ID.truth.txt), beside go-trafilatura",
			Run: func(ctx context.Context, args []string, e cli.Env) int {
				return cmdEvalClean(ctx, args, e.Stdout, e.Stderr)
			}},
		{Name: "eval ner", Args: "FILE...", Summary: "entity F1 on CoNLL-2003 files side by side, beside prose/v2",
			Run: func(_ context.Context, args []string, e cli.Env) int { return cmdEvalNER(args, e.Stdout, e.Stderr) }},
		{Name: "eval dates", Args: "[CASES.tsv]", Summary: "date tagger P/R/F1 on a table of cases",
			Run: func(_ context.Context, args []string, e cli.Env) int { return cmdEvalDates(args, e.Stdout, e.Stderr) }},
		{Name: "eval meta", Args: "DIR...", Summary: "title, authors, date, URL against ID.meta.json, beside go-trafilatura",
			Run: func(ctx context.Context, args []string, e cli.Env) int {
				return cmdEvalMeta(ctx, args, e.Stdout, e.Stderr)
			}},
		{Name: "train ner", Args: "[-o FILE] FILE...", Summary: "train the entity model from CoNLL-2003 files",
			Run: func(_ context.Context, args []string, e cli.Env) int { return cmdTrainNER(args, e.Stdout, e.Stderr) }},
		{Name: "train clean", Args: "[-o FILE] DIR...", Summary: "train the text-cleaning weights from a folder of pages",
			Run: func(_ context.Context, args []string, e cli.Env) int { return cmdTrainClean(args, e.Stdout, e.Stderr) }},
		{Name: "train meta", Args: "[-o FILE] DIR...", Summary: "train the text headline scorer on pages with gold titles",
			Run: func(_ context.Context, args []string, e cli.Env) int { return cmdTrainMeta(args, e.Stdout, e.Stderr) }},
		{Name: "train byline", Args: "[-o FILE] DIR...", Summary: "train the text byline scorer on pages with gold authors",
			Run: func(_ context.Context, args []string, e cli.Env) int { return cmdTrainByline(args, e.Stdout, e.Stderr) }},
		{Name: "train date", Args: "[-o FILE] DIR...", Summary: "train the HTML publication date's choice on pages with gold dates",
			Run: func(_ context.Context, args []string, e cli.Env) int { return cmdTrainDate(args, e.Stdout, e.Stderr) }},
		{Name: "train title", Args: "[-o FILE] DIR...", Summary: "train the HTML title's choice on pages with gold titles",
			Run: func(_ context.Context, args []string, e cli.Env) int { return cmdTrainTitle(args, e.Stdout, e.Stderr) }},
		{Name: "train authors", Args: "[-o FILE] DIR...", Summary: "train the HTML byline's choice on pages with gold authors",
			Run: func(_ context.Context, args []string, e cli.Env) int {
				return cmdTrainAuthors(args, e.Stdout, e.Stderr)
			}},
		{Name: "train dateline", Args: "[-o FILE] DIR...", Summary: "train the text publication-date scorer on pages with gold dates",
			Run: func(_ context.Context, args []string, e cli.Env) int {
				return cmdTrainDateline(args, e.Stdout, e.Stderr)
			}},
		{Name: "train choice", Args: "[-o FILE] DIR...", Summary: "train the cleaner's choice between the aligned body and the page's prose (HTML)",
			Run: func(ctx context.Context, args []string, e cli.Env) int {
				return cmdTrainChoice(ctx, args, e.Stdout, e.Stderr)
			}},
		{Name: "train return", Args: "[-o FILE] DIR...", Summary: "train the cleaner's per-block return of untold blocks between two blocks of the body (HTML)",
			Run: func(ctx context.Context, args []string, e cli.Env) int {
				return cmdTrainReturn(ctx, args, e.Stdout, e.Stderr)
			}},
		{Name: "train trim", Args: "[-o FILE] DIR...", Summary: "train the cleaner's trim of the body's tail blocks past the article's end (HTML)",
			Run: func(ctx context.Context, args []string, e cli.Env) int {
				return cmdTrainTrim(ctx, args, e.Stdout, e.Stderr)
			}},
		{Name: "train dispute", Args: "[-o FILE] DIR...", Summary: "train the cleaner's per-block dispute between the HTML body and the line model's reading of the raw lines (HTML)",
			Run: func(ctx context.Context, args []string, e cli.Env) int {
				return cmdTrainDispute(ctx, args, e.Stdout, e.Stderr)
			}},
		{Name: "train lines", Args: "[-o FILE] DIR...", Summary: "train the cleaner's choice between the finished HTML body and the line model's from the raw lines (HTML)",
			Run: func(ctx context.Context, args []string, e cli.Env) int {
				return cmdTrainLines(ctx, args, e.Stdout, e.Stderr)
			}},
		{Name: "bench", Args: "[--size 200MB]", Summary: "build a large corpus and measure throughput and memory",
			Run: func(ctx context.Context, args []string, e cli.Env) int {
				return cmdBench(ctx, args, e.Stdout, e.Stderr)
			}},
		{Name: "bench-trafilatura", Hidden: true, // run by bench in a binary built with -tags trafilatura
			Run: func(ctx context.Context, args []string, e cli.Env) int {
				return cmdBenchTrafilatura(ctx, args, e.Stdout, e.Stderr)
			}},
	},
	Example: "  newspipe-dev eval dates\n  newspipe-dev bench --size 40MB\n",
}

// dispatch runs the command named by args and returns the exit status.
func dispatch(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return program.Main(ctx, args, cli.Env{Stdin: stdin, Stdout: stdout, Stderr: stderr})
}
