package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/internal/cli"
	"github.com/newspipe/newspipe/internal/report"
	"github.com/newspipe/newspipe/pipeline"
	"github.com/newspipe/newspipe/stages"
	"github.com/newspipe/newspipe/stages/ingest"
	"github.com/newspipe/newspipe/stages/output"
)

const runUsage = `Usage: newspipe run [flags] PATH...

Reads articles and writes one JSON record per article, in input order, as JSON Lines on
standard output (or into -o FILE, or one file per article with --out-dir).

A PATH is a file, a folder or - for standard input. What a file holds is read from its
content: gzip, zstd and bzip2 are undone; a WARC or ARC web archive gives one article per
HTML, XHTML or text page fetched with a 2xx status (other records are skipped and counted);
JSON Lines (.jsonl, .ndjson, or an unnamed stream whose first line is a JSON object) give
one per line: {"id", "url", "text" or "html", "published", ...}, other fields carried into
"meta"; anything else is one article, HTML or text. A file named here is always read; a
folder is read recursively in sorted order, files ending in .txt .text .html .htm .xhtml
.shtml .jsonl .ndjson .warc .arc (each optionally .gz .zst .bz2, or those endings alone),
and the other files are listed on standard error.

An id is the path below the folder (or the file name) without its format and compression
endings, the WARC-Record-ID of a web-archive page, or a JSON line's "id"; a repeated id
gets "~2", "~3"... in input order.

--resume keeps the records of an earlier -o FILE (JSON Lines, gzipped or not; Parquet
cannot be resumed) or --out-dir run; the options that change records (--published,
--site-repeats, --max-bytes, --timeout) are kept beside the output, in .FILE.options or
DIR/.options, and a resume with other values is refused.

Exit status: 0 when every article succeeded, 1 when some became error records or the input
held no article, 2 for a usage error (including --resume with Parquet or with other record
options), 130 when interrupted (records written so far are kept, whole).

Examples:
  newspipe run corpus/ > articles.jsonl
  newspipe run --published 2018-06-10 --workers 4 --stats -o out.jsonl article.txt page.html
  cat feed.jsonl | newspipe run - | jq .title

Flags:
`

// runFlags are the options of newspipe run.
type runFlags struct {
	out       string
	outDir    string
	published string
	workers   int
	stats     bool
	maxBytes  int64
	repeats   bool
	resume    bool
	timeout   time.Duration
	report    string
}

func cmdRun(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var f runFlags
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, runUsage); fs.PrintDefaults() }
	fs.StringVar(&f.out, "o", "", "write to `FILE` instead of standard output, atomically: JSON Lines, gzipped when FILE\nends in .gz, or Parquet when it ends in .parquet")
	fs.StringVar(&f.outDir, "out-dir", "", "write one indented JSON file per article, `DIR`/<id>.json")
	fs.StringVar(&f.published, "published", "", "reference `DATE` (YYYY-MM-DD) for articles whose publication date is unknown,\nused to resolve \"yesterday\" or \"May 31\"")
	fs.IntVar(&f.workers, "workers", 2, "`N` workers per stage; the output is the same for any N")
	fs.BoolVar(&f.stats, "stats", false, "print documents, bytes and time per stage on standard error")
	fs.Int64Var(&f.maxBytes, "max-bytes", ingest.DefaultMaxBytes, "largest article in `BYTES`; a larger one becomes an error record")
	fs.BoolVar(&f.repeats, "site-repeats", true, "read the inputs twice and remove body lines that recur on 3 or more pages of the\nsame site (URL host, or input folder); not done for standard input and pipes")
	fs.BoolVar(&f.resume, "resume", false, "with -o or --out-dir: keep the records of documents already in the output (same id and\ninput SHA-256) and process only the rest, e.g. after an interrupted run")
	fs.DurationVar(&f.timeout, "timeout", stages.DefaultTimeout, "per-document processing time `LIMIT`; a document over it becomes an error record (0: none)")
	fs.StringVar(&f.report, "report", "", "also write a self-contained HTML review page of the run to `FILE` (keeps every\nrecord in memory: for review batches, not for millions of pages)")
	paths, err := cli.Positional(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	if len(paths) == 0 {
		fmt.Fprintln(stderr, "newspipe run: no input: name files, folders or - for standard input")
		fs.Usage()
		return exitUsage
	}
	if f.out != "" && f.outDir != "" {
		fmt.Fprintln(stderr, "newspipe run: give -o or --out-dir, not both")
		return exitUsage
	}
	var ref time.Time
	if f.published != "" {
		if ref, err = time.Parse("2006-01-02", f.published); err != nil {
			fmt.Fprintf(stderr, "newspipe run: --published %q: want YYYY-MM-DD\n", f.published)
			return exitUsage
		}
	}
	if f.resume && f.out == "" && f.outDir == "" {
		fmt.Fprintln(stderr, "newspipe run: --resume needs -o FILE or --out-dir DIR")
		return exitUsage
	}
	if f.resume && strings.HasSuffix(f.out, ".parquet") {
		fmt.Fprintln(stderr, "newspipe run: --resume reads JSON Lines output (-o FILE.jsonl or FILE.jsonl.gz) or --out-dir, not Parquet")
		return exitUsage
	}
	options := recordOptions(f)
	if f.resume {
		if err := output.CheckOptions(optionsPath(f), options); err != nil {
			fmt.Fprintf(stderr, "newspipe run: --resume: %v\n", err)
			if errors.Is(err, output.ErrOptionsDiffer) {
				return exitUsage
			}
			return exitFailures
		}
	}
	if f.workers < 1 {
		fmt.Fprintln(stderr, "newspipe run: --workers must be at least 1")
		return exitUsage
	}

	cli.ApplyMemoryLimit()
	models, err := stages.Load()
	if err != nil {
		fmt.Fprintf(stderr, "newspipe run: %v\n", err)
		return exitFailures
	}
	reader := &ingest.Reader{Stdin: stdin, MaxBytes: f.maxBytes}
	// The site-repeats pre-pass reads the documents for their lines only.
	prepassReader := &ingest.Reader{MaxBytes: f.maxBytes, NoHash: true}
	prepassSrc := func(ctx context.Context, emit func(*document.Document) error) error {
		return prepassReader.Read(ctx, paths, emit)
	}
	var prev *output.Previous
	if f.resume {
		if prev, err = openPrevious(f); err != nil {
			fmt.Fprintf(stderr, "newspipe run: %v\n", err)
			return exitFailures
		}
		defer prev.Close()
	}
	bar := newProgress(stderr, paths)
	reader.Progress = bar.addRead
	mainSrc := func(ctx context.Context, emit func(*document.Document) error) error {
		return reader.Read(ctx, paths, func(d *document.Document) error {
			if prev != nil {
				old, err := prev.Lookup(d.Record.ID, d.Record.Source.SHA256)
				if err != nil {
					return err
				}
				if old != nil {
					d.Previous, d.Raw = old, nil
				}
			}
			return emit(d)
		})
	}

	batch := stages.Batch{
		Options: stages.Options{Published: ref, Workers: f.workers, Review: f.report != "",
			EncodeJSON: f.outDir == "" && !strings.HasSuffix(f.out, ".parquet")},
		Source:  mainSrc,
		Timeout: f.timeout,
	}
	if f.timeout == 0 {
		batch.Timeout = -1 // --timeout 0: no limit
	}
	if f.repeats && ingest.Rereadable(paths) {
		// Standard input and pipes are read once: no pre-pass consumes them.
		batch.Prepass = prepassSrc
	}

	sink, finish, err := openSink(f, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "newspipe run: %v\n", err)
		return exitFailures
	}
	if f.outDir != "" {
		// Files appear one by one: the folder says how they are made before the first.
		if err := output.WriteOptions(optionsPath(f), options); err != nil {
			fmt.Fprintf(stderr, "newspipe run: %v\n", err)
			return exitFailures
		}
	}
	failed, reused, written := 0, 0, 0
	var reviewed []report.Doc
	count := func(o stages.Outcome) error {
		rec := stages.Record(o)
		switch {
		case rec == nil:
			reused++
			if bytes.Contains(o.In.Previous, []byte(`"error":{"stage"`)) {
				failed++
			}
		case rec.Error != nil:
			failed++
		}
		bar.written()
		if f.report != "" && rec != nil {
			reviewed = append(reviewed, report.Doc{Record: *rec, Lines: stages.Review(o)})
		}
		if err := sink(o); err != nil {
			return err
		}
		written++
		return nil
	}
	start := time.Now()
	st, runErr := models.Run(ctx, batch, count)
	bar.finish(runErr == nil)
	if err := finish(); err != nil {
		if runErr == nil {
			runErr = err
		}
	} else if f.out != "" {
		if err := output.WriteOptions(optionsPath(f), options); err != nil && runErr == nil {
			runErr = err
		}
	}
	if f.report != "" && runErr == nil {
		runErr = writeFileAtomic(f.report, func(w io.Writer) error { return report.Write(w, reviewed) })
	}
	summary := reader.Summary()
	if f.stats && st != nil {
		st.Left = skippedCounts(summary)
		st.Write(stderr, time.Since(start))
	}
	for _, line := range []string{summary.FilesLine(), summary.RecordsLine()} {
		if line != "" {
			fmt.Fprintf(stderr, "newspipe run: %s\n", line)
		}
	}
	if f.resume {
		fmt.Fprintf(stderr, "newspipe run: resumed: %d documents kept from the earlier output\n", reused)
	}
	switch {
	case errors.Is(runErr, pipeline.ErrCanceled):
		fmt.Fprintf(stderr, "newspipe run: interrupted: %d records written%s\n", written, outputName(f))
		return exitInterrupted
	case runErr != nil:
		fmt.Fprintf(stderr, "newspipe run: %v\n", runErr)
		return exitFailures
	case summary.Documents == 0:
		fmt.Fprintln(stderr, "newspipe run: no documents in the input")
		return exitFailures
	case failed > 0:
		fmt.Fprintf(stderr, "newspipe run: %d of %d documents failed (see their \"error\" field)\n", failed, st.Source.Items())
		return exitFailures
	}
	return exitOK
}

// skippedCounts lists, for the --stats table, the files and web-archive records that
// the input held but that are not documents.
func skippedCounts(s ingest.Summary) []pipeline.Count {
	var counts []pipeline.Count
	if s.SkippedFiles > 0 {
		counts = append(counts, pipeline.Count{Name: "skipped files", N: s.SkippedFiles})
	}
	for _, reason := range s.RecordReasons() {
		counts = append(counts, pipeline.Count{Name: "skipped records: " + reason, N: s.SkippedRecords[reason]})
	}
	return counts
}

// outputName says where the records went, for messages: " to FILE", or "".
func outputName(f runFlags) string {
	switch {
	case f.out != "":
		return " to " + f.out
	case f.outDir != "":
		return " to " + f.outDir
	}
	return ""
}

// openSink returns the function that writes each record and the one that finishes the
// output (flush, or rename the temporary file into place).
func openSink(f runFlags, stdout io.Writer) (func(stages.Outcome) error, func() error, error) {
	switch {
	case f.outDir != "":
		dir, err := output.NewDir(f.outDir)
		if err != nil {
			return nil, nil, err
		}
		write := func(o stages.Outcome) error {
			rec := stages.Record(o)
			if rec == nil {
				return nil // its file is already there
			}
			return dir.Write(rec)
		}
		return write, func() error { return nil }, nil
	case f.out != "":
		file, err := output.CreateAtomic(f.out)
		if err != nil {
			return nil, nil, err
		}
		switch {
		case strings.HasSuffix(f.out, ".parquet"):
			pw := output.NewParquet(file)
			// --resume refuses Parquet, so no record comes from an earlier run here.
			write := func(o stages.Outcome) error { return pw.Write(stages.Record(o)) }
			return write, func() error { return file.Commit(pw.Close) }, nil
		case strings.HasSuffix(f.out, ".gz"):
			zw := gzip.NewWriter(file)
			w := output.NewLines(zw)
			return linesSink(w), func() error { return file.Commit(w.Flush, zw.Close) }, nil
		}
		w := output.NewLines(file)
		return linesSink(w), func() error { return file.Commit(w.Flush) }, nil
	}
	w := output.NewLines(stdout)
	return linesSink(w), w.Flush, nil
}

// linesSink writes each document's record, or copies its record from an earlier run.
func linesSink(w *output.Lines) func(stages.Outcome) error {
	return func(o stages.Outcome) error {
		if o.Skipped && o.In.Previous != nil {
			return w.WriteRaw(o.In.Previous)
		}
		b, err := stages.JSON(o)
		if err != nil {
			return err
		}
		return w.WriteLine(b)
	}
}

// openPrevious indexes the output of an earlier run for --resume.
func openPrevious(f runFlags) (*output.Previous, error) {
	if f.outDir != "" {
		dir, err := output.NewDir(f.outDir)
		if err != nil {
			return nil, err
		}
		return output.PreviousDir(dir), nil
	}
	if strings.HasSuffix(f.out, ".gz") {
		return output.OpenPreviousGzip(f.out)
	}
	return output.OpenPrevious(f.out)
}

// recordOptions lists the options that change records, one "name=value" a line: an
// output made with others cannot be resumed.
func recordOptions(f runFlags) []byte {
	return fmt.Appendf(nil, "published=%s\nsite-repeats=%t\nmax-bytes=%d\ntimeout=%s\n", f.published, f.repeats, f.maxBytes, f.timeout)
}

// optionsPath is where the options of the output are kept.
func optionsPath(f runFlags) string {
	if f.outDir != "" {
		return output.OptionsPath(f.outDir, true)
	}
	return output.OptionsPath(f.out, false)
}
