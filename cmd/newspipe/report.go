package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/internal/cli"
	"github.com/newspipe/newspipe/internal/report"
	"github.com/newspipe/newspipe/pipeline"
	"github.com/newspipe/newspipe/stages"
	"github.com/newspipe/newspipe/stages/ingest"
	"github.com/newspipe/newspipe/stages/output"
)

const reportUsage = `Usage: newspipe report -o FILE [flags] INPUT...

Runs the pipeline on INPUT (the same inputs as newspipe run) and writes one self-contained
HTML page for review: an index of the articles with their counts, and for each article its
metadata and every input line, removed chrome struck through with its reason, kept lines
with their entities coloured by type and their dates underlined (hover for the values).

The page needs no network. The same input gives the same bytes.

Exit status: 0 when the page is written and every article succeeded, 1 when some became
error records (they are on the page) or the page could not be written, 2 for a usage error.

Example:
  newspipe report -o report.html corpus/

Flags:
`

func cmdReport(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, reportUsage); fs.PrintDefaults() }
	out := fs.String("o", "", "write the page to `FILE` (required)")
	published := fs.String("published", "", "reference `DATE` (YYYY-MM-DD) for articles whose publication date is unknown")
	workers := fs.Int("workers", 2, "`N` workers per stage")
	siteRepeats := fs.Bool("site-repeats", true, "remove body lines that recur on 3 or more pages of the same site, as run does")
	paths, err := cli.Positional(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(paths) == 0 || *out == "" {
		fmt.Fprintln(stderr, "newspipe report: need -o FILE and at least one input")
		fs.Usage()
		return exitUsage
	}
	if *workers < 1 {
		fmt.Fprintln(stderr, "newspipe report: --workers must be at least 1")
		return exitUsage
	}
	opt := stages.Options{Workers: *workers, Review: true}
	if *published != "" {
		if opt.Published, err = time.Parse("2006-01-02", *published); err != nil {
			fmt.Fprintf(stderr, "newspipe report: --published %q: want YYYY-MM-DD\n", *published)
			return exitUsage
		}
	}

	models, err := stages.Load()
	if err != nil {
		fmt.Fprintf(stderr, "newspipe report: %v\n", err)
		return exitFailures
	}
	reader := &ingest.Reader{Stdin: stdin}
	src := func(ctx context.Context, emit func(*document.Document) error) error {
		return reader.Read(ctx, paths, emit)
	}
	batch := stages.Batch{Options: opt, Source: src}
	if *siteRepeats && ingest.Rereadable(paths) {
		batch.Prepass = src
	}
	var docs []report.Doc
	failed := 0
	collect := func(o stages.Outcome) error {
		rec := stages.Record(o)
		if rec.Error != nil {
			failed++
		}
		docs = append(docs, report.Doc{Record: *rec, Lines: stages.Review(o)})
		return nil
	}
	_, runErr := models.Run(ctx, batch, collect)
	switch {
	case errors.Is(runErr, pipeline.ErrCanceled):
		fmt.Fprintln(stderr, "newspipe report: interrupted; no page written")
		return exitInterrupted
	case runErr != nil:
		fmt.Fprintf(stderr, "newspipe report: %v\n", runErr)
		return exitFailures
	}
	if err := writeFileAtomic(*out, func(w io.Writer) error { return report.Write(w, docs) }); err != nil {
		fmt.Fprintf(stderr, "newspipe report: %v\n", err)
		return exitFailures
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "newspipe report: %d of %d documents failed (shown on the page)\n", failed, len(docs))
		return exitFailures
	}
	return exitOK
}

// writeFileAtomic writes a file through a temporary file in the same folder, so that a
// failed write leaves no half page behind.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	f, err := output.CreateAtomic(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Abort()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Commit()
}
