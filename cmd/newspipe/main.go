// Command newspipe turns raw news articles, as text or HTML, into clean annotated JSON:
// the article body without site chrome, its metadata, named entities and dates.
//
// "newspipe help" lists the commands; "newspipe help COMMAND" shows a command's flags.
package main

import (
	"context"
	"fmt"
	"io"

	"github.com/newspipe/newspipe/internal/cli"
)

// Exit statuses (see package cli).
const (
	exitOK          = cli.ExitOK
	exitFailures    = cli.ExitFailures
	exitUsage       = cli.ExitUsage
	exitInterrupted = cli.ExitInterrupted
)

func main() { program.Exit() }

// program is newspipe's command table.
var program = &cli.Program{
	Name: "newspipe",
	Doc:  "newspipe turns raw news articles (text or HTML) into clean annotated JSON.",
	Commands: []cli.Command{
		{Name: "run", Args: "[flags] PATH...", Summary: "process articles (files, folders, JSON Lines, WARC, - for stdin)",
			Run: func(ctx context.Context, args []string, e cli.Env) int {
				return cmdRun(ctx, args, e.Stdin, e.Stdout, e.Stderr)
			}},
		{Name: "dates", Args: "[--ref DATE] [FILE]", Summary: "print the dates of a plain text as JSON",
			Run: func(_ context.Context, args []string, e cli.Env) int {
				return cmdDates(args, e.Stdin, e.Stdout, e.Stderr)
			}},
		{Name: "report", Args: "-o FILE [flags] INPUT...", Summary: "write a self-contained HTML review page of the output",
			Run: func(ctx context.Context, args []string, e cli.Env) int {
				return cmdReport(ctx, args, e.Stdin, e.Stdout, e.Stderr)
			}},
		{Name: "diff", Args: "[--html] OLD NEW", Summary: "compare two outputs (folders of JSON or JSONL files)",
			Run: func(_ context.Context, args []string, e cli.Env) int { return cmdDiff(args, e.Stdout, e.Stderr) }},
		devCommand("eval"), devCommand("train"), devCommand("bench"),
	},
	Example: "  newspipe run --published 2018-06-10 corpus/ > articles.jsonl\n",
}

// devCommand is a hidden command that says where a development command went: to
// newspipe-dev, which links the baselines that users' runs do not need.
func devCommand(name string) cli.Command {
	return cli.Command{Name: name, Hidden: true, Run: func(_ context.Context, args []string, e cli.Env) int {
		fmt.Fprintf(e.Stderr, "newspipe %s is a development command: run newspipe-dev %s (go build ./cmd/newspipe-dev, or make devbuild)\n", name, name)
		return exitUsage
	}}
}

// dispatch runs the command named by args and returns the exit status.
func dispatch(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return program.Main(ctx, args, cli.Env{Stdin: stdin, Stdout: stdout, Stderr: stderr})
}
