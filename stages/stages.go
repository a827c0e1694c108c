// Package stages is newspipe's sequence of stages, from a document as read to its annotated
// record, and the one place where they are wired into a pipeline: newspipe run, report,
// bench, eval, the golden test, the library API and the Beam module all run them through
// Models.Line or Models.Run.
//
// Each stage is a plain function from one type to the next (see Line): what a stage needs
// is in the type it takes, and the compiler checks their order.
package stages

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/pipeline"
	"github.com/newspipe/newspipe/stages/clean"
	"github.com/newspipe/newspipe/stages/dates"
	"github.com/newspipe/newspipe/stages/entities"
	"github.com/newspipe/newspipe/stages/extract"
	"github.com/newspipe/newspipe/stages/language"
	"github.com/newspipe/newspipe/stages/repeats"
)

// DefaultTimeout is the processing time a document may take, summed over the stages,
// unless a run sets another (newspipe run --timeout).
const DefaultTimeout = time.Minute

// Options configure the stages of a run.
type Options struct {
	// Published is the reference date for documents whose own date is unknown; zero means
	// none, so relative dates in such documents stay unresolved.
	Published time.Time
	// Workers is the number of workers of each stage; 0 means 1.
	Workers int
	// Repeats, when not nil, holds the lines of every document of the batch by site; the
	// clean stage removes body lines that recur on several pages of the same site.
	Repeats *repeats.Index
	// Review keeps, in each result, its blocks in input order with the clean stage's
	// decision (Annotated.Review), for review pages.
	Review bool
	// EncodeJSON adds a last stage that encodes each record as a JSON line
	// (Annotated.JSON), so that the writer, which runs alone, only copies bytes.
	EncodeJSON bool
}

// Models holds the models that the stages share. Load it once per process: loading the
// entity model is the expensive part. A Models is safe for concurrent use.
type Models struct {
	extractor  *extract.Extractor
	cleaner    *clean.Cleaner
	detector   *language.Detector
	recognizer *entities.Recognizer
	tagger     *dates.Tagger
}

// Load loads the models.
func Load() (*Models, error) {
	rec, err := entities.New()
	if err != nil {
		return nil, fmt.Errorf("load entity model: %w", err)
	}
	return &Models{
		extractor:  extract.New(),
		cleaner:    clean.New(),
		detector:   language.New(),
		recognizer: rec,
		tagger:     dates.New(),
	}, nil
}

// ParseLine returns the first stages of Line, decode and parse: a document's blocks as the
// cleaner is given them, for training what judges them.
func (m *Models) ParseLine(opt Options) pipeline.Line[*document.Document, *Parsed] {
	l1 := pipeline.First(pipeline.Stage[*document.Document, *Decoded]{Name: "decode", Workers: opt.Workers, Process: Decode})
	return pipeline.Then(l1, pipeline.Stage[*Decoded, *Parsed]{Name: "parse", Workers: opt.Workers, Process: m.Parse})
}

// BodyLine returns the first stages of Line, decode, parse and clean: a document's article
// body and removed lines without the annotation, for measuring chrome removal.
func (m *Models) BodyLine(opt Options) pipeline.Line[*document.Document, *Cleaned] {
	return pipeline.Then(m.ParseLine(opt), pipeline.Stage[*Parsed, *Cleaned]{Name: "clean", Workers: opt.Workers,
		Process: func(ctx context.Context, p *Parsed) (*Cleaned, error) {
			return m.Clean(ctx, p, opt.Repeats, opt.Review)
		}})
}

// ErrEmpty is wrapped by the error for a document with no text.
var ErrEmpty = errors.New("empty document")

// NoTextError is the error for a document with no visible text: an HTML page whose text
// scripts write, say. It wraps ErrEmpty and carries what the page's markup says of the
// article (JSON-LD, meta tags), which the error record keeps.
type NoTextError struct {
	Meta      document.Metadata // the page's metadata, from its markup
	Published string            // the input's published field, if any
}

// Error says that the document has no visible text.
func (e *NoTextError) Error() string { return ErrEmpty.Error() + ": no visible text" }

// Unwrap returns ErrEmpty.
func (e *NoTextError) Unwrap() error { return ErrEmpty }

// Line returns the stages in order, from a document as read to its annotated record:
//
//	decode    *document.Document → *Decoded    bytes to UTF-8 text, format (text or HTML)
//	parse     *Decoded           → *Parsed     normalised blocks; an HTML page's metadata
//	clean     *Parsed            → *Cleaned    the article body, and each removed line's reason
//	metadata  *Cleaned           → *Described  title, authors, site, date, language
//	entities  *Described         → *Described  named entities
//	dates     *Described         → *Annotated  temporal expressions
//	encode    *Annotated         → *Annotated  the record as a JSON line (Options.EncodeJSON)
func (m *Models) Line(opt Options) pipeline.Line[*document.Document, *Annotated] {
	w := opt.Workers
	l4 := pipeline.Then(m.BodyLine(opt), pipeline.Stage[*Cleaned, *Described]{Name: "metadata", Workers: w,
		Process: func(ctx context.Context, c *Cleaned) (*Described, error) { return m.Describe(ctx, c, opt.Published) }})
	l5 := pipeline.Then(l4, pipeline.Stage[*Described, *Described]{Name: "entities", Workers: w, Process: m.Entities})
	l6 := pipeline.Then(l5, pipeline.Stage[*Described, *Annotated]{Name: "dates", Workers: w, Process: m.Dates})
	if !opt.EncodeJSON {
		return l6
	}
	return pipeline.Then(l6, pipeline.Stage[*Annotated, *Annotated]{Name: "encode", Workers: w, Process: Encode})
}
