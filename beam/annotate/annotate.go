// Package annotate runs newspipe's stages as an Apache Beam pipeline, for batches too
// large for one machine: input paths in, one JSON record per input document out.
package annotate

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/record"
	"github.com/newspipe/newspipe/stages"
	"github.com/newspipe/newspipe/stages/ingest"
)

func init() {
	register.DoFn3x1[context.Context, string, func(Doc), error](&readFn{})
	register.DoFn3x1[context.Context, Doc, func(string), error](&annotateFn{})
	register.Emitter1[Doc]()
	register.Emitter1[string]()
}

// Options configure Annotate.
type Options struct {
	// Published is the reference date (YYYY-MM-DD) for documents whose own date is
	// unknown; empty means none, as with newspipe run --published.
	Published string
	// MaxBytes is the largest document accepted; 0 means newspipe's default (10 MB).
	MaxBytes int64
}

// Annotate reads every document under the file paths or glob patterns of paths (a
// PCollection of strings) — text, HTML, JSON Lines, WARC, gzipped or not, as newspipe run
// reads them — and returns a PCollection of strings: each document's record as one JSON
// line, the same bytes newspipe run --site-repeats=false writes. A document that cannot be
// read or processed gives an error record, so every input document yields one line. The
// lines are in no particular order.
func Annotate(s beam.Scope, paths beam.PCollection, opt Options) beam.PCollection {
	s = s.Scope("newspipe.Annotate")
	docs := beam.ParDo(s, &readFn{MaxBytes: opt.MaxBytes}, paths)
	// The documents of one large file (a WARC, a JSON Lines shard) spread over workers.
	docs = beam.Reshuffle(s, docs)
	return beam.ParDo(s, &annotateFn{Published: opt.Published}, docs)
}

// Doc is a document as read, on its way from the reading step to the annotating one:
// what ingest learns of a document, in fields that Beam can encode.
type Doc struct {
	ID, Path, URL, SHA256   string
	ContentType, Published  string
	FormatHint              string
	Meta, Raw               []byte
	ErrorStage, ErrorString string
}

func fromDocument(d *document.Document) Doc {
	x := Doc{
		ID: d.Record.ID, Path: d.Record.Source.Path, URL: d.Record.Source.URL, SHA256: d.Record.Source.SHA256,
		ContentType: d.ContentType, Published: d.Published, FormatHint: d.FormatHint,
		Meta: d.Record.Meta, Raw: d.Raw,
	}
	if e := d.Record.Error; e != nil {
		x.ErrorStage, x.ErrorString = e.Stage, e.Message
	}
	return x
}

func (x Doc) document() *document.Document {
	d := &document.Document{Raw: x.Raw, ContentType: x.ContentType, Published: x.Published, FormatHint: x.FormatHint}
	d.Record.ID = x.ID
	d.Record.Source = record.Source{Path: x.Path, URL: x.URL, SHA256: x.SHA256}
	if len(x.Meta) > 0 {
		d.Record.Meta = x.Meta
	}
	if x.ErrorStage != "" {
		d.Record.Error = &record.Error{Stage: x.ErrorStage, Message: x.ErrorString}
	}
	return d
}

// readFn expands a path or glob into the documents of its files.
type readFn struct {
	MaxBytes int64
}

func (f *readFn) ProcessElement(ctx context.Context, pattern string, emit func(Doc)) error {
	paths, err := filepath.Glob(pattern)
	if err != nil || len(paths) == 0 {
		paths = []string{pattern} // the reader turns a missing path into an error record
	}
	r := &ingest.Reader{MaxBytes: f.MaxBytes}
	return r.Read(ctx, paths, func(d *document.Document) error {
		emit(fromDocument(d))
		return nil
	})
}

// annotateFn runs every stage on one document, as newspipe run does with its default
// per-document timeout. The models load once per worker, in Setup.
type annotateFn struct {
	Published string

	models *stages.Models
	ref    time.Time
}

func (f *annotateFn) Setup() error {
	if f.Published != "" {
		ref, err := time.Parse("2006-01-02", f.Published)
		if err != nil {
			return fmt.Errorf("published %q: want YYYY-MM-DD", f.Published)
		}
		f.ref = ref
	}
	models, err := stages.Load()
	if err != nil {
		return fmt.Errorf("load newspipe models: %w", err)
	}
	f.models = models
	return nil
}

func (f *annotateFn) ProcessElement(ctx context.Context, x Doc, emit func(string)) error {
	d := x.document()
	ctx, cancel := context.WithTimeout(ctx, stages.DefaultTimeout)
	defer cancel()
	b, err := stages.JSON(f.models.Annotate(ctx, d, stages.Options{Published: f.ref}))
	if err != nil {
		return err
	}
	emit(string(b))
	return nil
}
