package stages

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/pipeline"
	"github.com/newspipe/newspipe/record"
	"github.com/newspipe/newspipe/stages/metadata"
)

// Batch describes one run of the stages over a batch of documents.
type Batch struct {
	Options
	// Source emits the documents, in input order. A document that ingest already failed
	// (Document.Failed) or that has a record from an earlier run (Document.Previous) goes
	// straight to the sink.
	Source pipeline.Source[*document.Document]
	// Prepass, when not nil, reads the same documents once more before the run, to find
	// the lines repeated across a site's pages (Options.Repeats). It may be a source that
	// skips what the stages do not need (ingest.Reader.NoHash).
	Prepass pipeline.Source[*document.Document]
	// Timeout limits each document's processing time; 0 means DefaultTimeout, and a
	// negative value means no limit.
	Timeout time.Duration
}

// Outcome is what a run gives its sink for one document.
type Outcome = pipeline.Result[*document.Document, *Annotated]

// Run runs the stages over a batch and gives sink one outcome per document, in input
// order (see pipeline.Run for the errors and the statistics).
func (m *Models) Run(ctx context.Context, b Batch, sink func(Outcome) error) (*pipeline.Stats, error) {
	opt := b.Options
	if b.Prepass != nil {
		idx, err := m.IndexRepeats(ctx, b.Prepass, opt.Workers, b.timeout())
		if err != nil {
			return nil, err
		}
		opt.Repeats = idx
	}
	return pipeline.Run(ctx, b.Source, m.Line(opt), sink, pipeline.Options[*document.Document]{
		WindowBytes: windowBytes(opt.Workers),
		ItemTimeout: b.timeout(),
		Skip:        func(d *document.Document) bool { return d.Failed() || d.Previous != nil },
	})
}

// windowBytes bounds the input bytes of the documents in flight in a run of the given
// workers per stage: 64 MB and 8 MB per worker. News pages of tens of KB never reach it;
// documents of megabytes would otherwise fill the whole window, each with the copies the
// stages make of it, and a batch of them would need gigabytes.
func windowBytes(workers int) int64 {
	return int64(64+8*max(workers, 1)) << 20
}

func (b Batch) timeout() time.Duration {
	switch {
	case b.Timeout == 0:
		return DefaultTimeout
	case b.Timeout < 0:
		return 0
	}
	return b.Timeout
}

// Annotate runs the stages on one document in the calling goroutine and returns its
// outcome, as Run would give it to its sink (Record turns it into the record). ctx bounds
// the work: past its deadline the document fails as with Batch.Timeout.
func (m *Models) Annotate(ctx context.Context, d *document.Document, opt Options) Outcome {
	if d.Failed() {
		return Outcome{In: d, Skipped: true}
	}
	return m.Line(opt).Process(ctx, d)
}

// Record returns the document's record: the annotated one, an error record for a
// document that a stage or ingest failed, or nil for one whose record comes from an
// earlier run (Outcome.In.Previous holds its bytes).
func Record(o Outcome) *record.Record {
	switch {
	case o.Err != nil:
		rec := o.In.Record
		if d, ok := o.Last.(interface{ draft() *record.Record }); ok {
			rec.Source = d.draft().Source // with the format, once known
		}
		var se *pipeline.StageError
		if errors.As(o.Err, &se) {
			rec.Error = &record.Error{Stage: se.Stage, Message: se.Err.Error()}
		} else {
			rec.Error = &record.Error{Message: o.Err.Error()}
		}
		// A page with no visible text may still say what it is: its record keeps the
		// metadata of its markup beside the error.
		var nt *NoTextError
		if errors.As(o.Err, &nt) {
			m := metadata.Merge(nt.Meta, document.Metadata{}, nt.Published, rec.Source.URL)
			rec.Title, rec.Subtitle, rec.Authors, rec.Site, rec.Published = m.Title, m.Subtitle, m.Authors, m.Site, m.Published
			if rec.Source.URL == "" {
				rec.Source.URL = m.URL
			}
		}
		return &rec
	case o.Skipped && o.In.Previous != nil:
		return nil
	case o.Skipped:
		return &o.In.Record
	}
	return &o.Out.Record
}

// errNoRecord is returned for an outcome that has no record to write.
var errNoRecord = errors.New("no record")

// JSON returns the document's record as one line of JSON, without the newline: the
// earlier run's bytes for a resumed document, the encoded line when the stages made it
// (Options.EncodeJSON), else the record encoded now.
func JSON(o Outcome) ([]byte, error) {
	switch {
	case o.Skipped && o.In.Previous != nil:
		return o.In.Previous, nil
	case o.Err == nil && !o.Skipped && o.Out.JSON != nil:
		return o.Out.JSON, nil
	}
	r := Record(o)
	if r == nil {
		return nil, errNoRecord
	}
	b, err := r.MarshalJSON()
	if err != nil {
		return nil, fmt.Errorf("encode record %s: %w", r.ID, err)
	}
	return b, nil
}

// Review returns the document's lines with the clean stage's decisions, when the run
// asked for them (Options.Review).
func Review(o Outcome) []document.Line {
	if o.Err != nil || o.Skipped {
		return nil
	}
	return o.Out.Review
}
