// Package newspipe turns raw news articles (HTML pages or text copied out of pages, in any
// character set) into clean annotated records: the article body without site chrome, each
// removed line with the reason it went, title, subtitle, authors, site, publication date,
// language, named entities with one canonical name each, and date expressions with their
// TIMEX3 values resolved against the publication date.
//
// An Annotator loads the models once and is safe for concurrent use. Annotate processes
// one document; AnnotateAll runs a batch through the pipeline's concurrent stages and
// gives the records in input order; AnnotateFiles reads files, folders, JSON Lines and
// WARC crawls as the newspipe command does.
//
// Every input document yields exactly one record. A document that cannot be processed
// gives a record with Error set (and only its id, source and meta), never a panic.
package newspipe

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"time"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/pipeline"
	"github.com/newspipe/newspipe/record"
	"github.com/newspipe/newspipe/stages"
	"github.com/newspipe/newspipe/stages/ingest"
)

// Record is the output for one document (see package record for its fields and the
// JSON it encodes to).
type Record = record.Record

// DefaultTimeout is the processing time a document may take unless Options.Timeout says
// otherwise: the same limit as newspipe run's --timeout.
const DefaultTimeout = stages.DefaultTimeout

// ErrTimeout is wrapped by the error of a document that took longer than Options.Timeout.
var ErrTimeout = pipeline.ErrTimeout

// Options configure an Annotator.
type Options struct {
	// Published is the reference date for documents whose own publication date is
	// unknown, used to resolve "yesterday" or "May 31"; zero means none, and such dates
	// stay unresolved ("XXXX-05-31").
	Published time.Time
	// Workers is the number of workers of each stage in AnnotateAll and AnnotateFiles;
	// 0 means one per core (runtime.GOMAXPROCS). The output is the same for any number.
	Workers int
	// Timeout limits the processing time of one document; 0 means DefaultTimeout, and a
	// negative value means no limit. A document over it gets an error record.
	Timeout time.Duration
	// SiteRepeats makes AnnotateFiles read its inputs twice and remove body lines that
	// recur on three or more pages of the same site (URL host, or input folder); not
	// when a path is a pipe or a device, whose bytes can be read only once.
	SiteRepeats bool
}

// Input is one document.
type Input struct {
	// ID names the document in its record.
	ID string
	// URL is the page's address, if known: it tells the site, and resolves the page's links.
	URL string
	// Content is the document as fetched: an HTML page or plain text, in any character set.
	Content []byte
	// ContentType is the HTTP Content-Type the page came with, if any; its charset is
	// believed before the page's own <meta> tags.
	ContentType string
	// Format is "html" or "text", or empty to tell from the content.
	Format string
	// Published is the publication date given with the document (ISO 8601), if any.
	Published string
}

// An Annotator annotates documents. Its methods may be called from several goroutines.
type Annotator struct {
	models *stages.Models
	opt    Options
}

// New loads the models (about a second) and returns an Annotator.
func New(opt Options) (*Annotator, error) {
	m, err := stages.Load()
	if err != nil {
		return nil, fmt.Errorf("newspipe: %w", err)
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	return &Annotator{models: m, opt: opt}, nil
}

// Annotate processes one document in the calling goroutine. When the document cannot be
// processed, the record has Error set and the error says which stage failed and why
// (errors.Is(err, ErrTimeout) for a document over its time); ctx bounds the work too.
func (a *Annotator) Annotate(ctx context.Context, in Input) (Record, error) {
	d, err := toDocument(in)
	if err != nil {
		return d.Record, err
	}
	if t := a.timeout(); t > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, t)
		defer cancel()
	}
	o := a.models.Annotate(ctx, d, a.stageOptions())
	return *stages.Record(o), o.Err
}

// AnnotateAll runs the documents of inputs through the stages concurrently and calls
// write with each record, in input order, from one goroutine. Documents that cannot be
// processed give error records and the batch goes on. It returns the first error of
// write, or ctx's error when ctx ends first.
func (a *Annotator) AnnotateAll(ctx context.Context, inputs iter.Seq[Input], write func(Record) error) error {
	src := func(ctx context.Context, emit func(*document.Document) error) error {
		for in := range inputs {
			d, _ := toDocument(in) // an invalid input is an error record, in its place
			if err := emit(d); err != nil {
				return err
			}
		}
		return nil
	}
	return a.run(ctx, stages.Batch{Options: a.stageOptions(), Source: src, Timeout: a.opt.Timeout}, write)
}

// AnnotateFiles reads the documents under paths as newspipe run does (files, folders read
// recursively in sorted order, JSON Lines, WARC, gzipped or not; "-" is not read but
// gives an error record: give standard input's documents to AnnotateAll) and
// calls write with each record, in input order, from one goroutine.
func (a *Annotator) AnnotateFiles(ctx context.Context, paths []string, write func(Record) error) error {
	reader, prepassReader := &ingest.Reader{}, &ingest.Reader{NoHash: true}
	b := stages.Batch{Options: a.stageOptions(), Timeout: a.opt.Timeout,
		Source: func(ctx context.Context, emit func(*document.Document) error) error {
			return reader.Read(ctx, paths, emit)
		}}
	if a.opt.SiteRepeats && ingest.Rereadable(paths) {
		b.Prepass = func(ctx context.Context, emit func(*document.Document) error) error {
			return prepassReader.Read(ctx, paths, emit)
		}
	}
	return a.run(ctx, b, write)
}

func (a *Annotator) run(ctx context.Context, b stages.Batch, write func(Record) error) error {
	_, err := a.models.Run(ctx, b, func(o stages.Outcome) error { return write(*stages.Record(o)) })
	if errors.Is(err, pipeline.ErrCanceled) {
		return ctx.Err()
	}
	return err
}

func (a *Annotator) stageOptions() stages.Options {
	return stages.Options{Published: a.opt.Published, Workers: a.opt.Workers}
}

func (a *Annotator) timeout() time.Duration {
	switch {
	case a.opt.Timeout == 0:
		return DefaultTimeout
	case a.opt.Timeout < 0:
		return 0
	}
	return a.opt.Timeout
}

// errFormat is the error for an Input.Format that is neither "html" nor "text".
var errFormat = errors.New(`format must be "html", "text" or empty`)

// toDocument turns an input into the document the first stage takes; an invalid input
// gives a failed document.
func toDocument(in Input) (*document.Document, error) {
	// A copy: the stages keep strings that share the bytes they decode, and the caller
	// may reuse Content once the record is back.
	d := &document.Document{Raw: bytes.Clone(in.Content), ContentType: in.ContentType, Published: in.Published, FormatHint: in.Format}
	d.Record.ID = in.ID
	d.Record.Source.URL = in.URL
	d.Record.Source.SHA256 = ingest.Hash(in.Content)
	if in.Format != "" && in.Format != "html" && in.Format != "text" {
		err := fmt.Errorf("%w, not %q", errFormat, in.Format)
		d.Fail(ingest.Stage, err)
		return d, err
	}
	return d, nil
}
