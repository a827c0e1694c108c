package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/newspipe/newspipe/internal/cli"
	"github.com/newspipe/newspipe/internal/report"
)

const diffUsage = `Usage: newspipe diff [--html] [-o FILE] OLD NEW

Compares two outputs of newspipe, matched by document id. OLD and NEW are each a folder of
per-document JSON files (like golden/, or run --out-dir) or a JSON Lines file. For each
document that differs it prints the lines newly kept or newly removed, the entities and
dates gained or lost, and the metadata that changed; then the documents found on one side
only.

Exit status: 0 when the outputs agree, 1 when they differ, 2 for a usage error or an
output that cannot be read or written.

Examples:
  newspipe diff golden/ new.jsonl
  newspipe diff --html -o diff.html old.jsonl new.jsonl

Flags:
`

func cmdDiff(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, diffUsage); fs.PrintDefaults() }
	asHTML := fs.Bool("html", false, "write a self-contained HTML page instead of text")
	out := fs.String("o", "", "write to `FILE` instead of standard output")
	paths, err := cli.Positional(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(paths) != 2 {
		fmt.Fprintln(stderr, "newspipe diff: need exactly two outputs, OLD and NEW")
		fs.Usage()
		return exitUsage
	}
	old, err := report.Load(paths[0])
	if err != nil {
		fmt.Fprintf(stderr, "newspipe diff: %v\n", err)
		return exitUsage
	}
	cur, err := report.Load(paths[1])
	if err != nil {
		fmt.Fprintf(stderr, "newspipe diff: %v\n", err)
		return exitUsage
	}
	d := report.Compare(old, cur)
	write := func(w io.Writer) error {
		if *asHTML {
			return d.WriteHTML(w, paths[0], paths[1])
		}
		return d.WriteText(w)
	}
	if *out != "" {
		err = writeFileAtomic(*out, write)
	} else {
		err = write(stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "newspipe diff: %v\n", err)
		return exitUsage // 1 means "differ": trouble gets 2, as with diff(1)
	}
	if d.Same() {
		return exitOK
	}
	return exitFailures
}
