// Command newspipe turns raw news articles, as text or HTML, into clean annotated JSON:
// the article body without site chrome, its metadata, named entities and dates.
//
// Usage:
//
//	newspipe run [flags] PATH...      process articles (files, folders, JSON Lines, - for stdin)
//	newspipe dates [--ref DATE] [FILE] tag the dates of a plain text
//	newspipe eval clean|ner|dates ...  measure chrome removal, entities or dates
//	newspipe train ner|clean ...       retrain a model from data
//
// Run "newspipe help COMMAND" for a command's flags.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// Exit statuses.
const (
	exitOK       = 0
	exitFailures = 1 // some documents became error records, or a command failed
	exitUsage    = 2
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := dispatch(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

const usage = `newspipe turns raw news articles (text or HTML) into clean annotated JSON.

Usage:
  newspipe run [flags] PATH...        process articles; see "newspipe help run"
  newspipe dates [--ref DATE] [FILE]   print the dates of a plain text as JSON
  newspipe eval clean DIR              chrome removal F1 on a folder of ID.html/ID.txt/ID.truth.txt
  newspipe eval ner FILE...            entity F1 on CoNLL-2003 files side by side, beside prose/v2
  newspipe eval dates [CASES.tsv]      date tagger P/R/F1 on a table of cases
  newspipe train ner [-o FILE] FILE    train the entity model from a CoNLL-2003 file
  newspipe train clean [-o FILE] DIR   train the text-cleaning weights from a folder of pages
  newspipe bench [--size 200MB]        build a large corpus and measure throughput and memory
  newspipe report -o FILE INPUT...     write a self-contained HTML review page of the output
  newspipe diff [--html] OLD NEW       compare two outputs (folders of JSON or JSONL files)
  newspipe help [COMMAND]              show help

Example:
  newspipe run --published 2018-06-10 corpus/ > articles.jsonl
`

// dispatch runs the command named by args[0] and returns the exit status.
func dispatch(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "run":
		return cmdRun(ctx, rest, stdin, stdout, stderr)
	case "dates":
		return cmdDates(rest, stdin, stdout, stderr)
	case "bench":
		return cmdBench(ctx, rest, stdout, stderr)
	case "bench-trafilatura": // used by bench; not listed
		return cmdBenchTrafilatura(ctx, rest, stdout, stderr)
	case "report":
		return cmdReport(ctx, rest, stdin, stdout, stderr)
	case "diff":
		return cmdDiff(rest, stdout, stderr)
	case "eval", "train":
		if len(rest) == 0 {
			fmt.Fprintf(stderr, "newspipe %s: name what to %s (see newspipe help)\n", cmd, cmd)
			return exitUsage
		}
		name := cmd + " " + rest[0]
		switch name {
		case "eval clean":
			return cmdEvalClean(ctx, rest[1:], stdout, stderr)
		case "eval ner":
			return cmdEvalNER(rest[1:], stdout, stderr)
		case "eval dates":
			return cmdEvalDates(rest[1:], stdout, stderr)
		case "train ner":
			return cmdTrainNER(rest[1:], stdout, stderr)
		case "train clean":
			return cmdTrainClean(rest[1:], stdout, stderr)
		}
		fmt.Fprintf(stderr, "newspipe: unknown command %q (see newspipe help)\n", name)
		return exitUsage
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 {
			return dispatch(ctx, append(rest, "-help"), stdin, stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "newspipe: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}
