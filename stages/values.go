package stages

import (
	"time"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/record"
)

// The values that flow from stage to stage. Each holds the record as far as the stages
// before have filled it, and what the next stage needs besides. A stage does not modify
// the value it is given: it returns a new one (the pipeline may still read the old one,
// for an error record, once the stage is abandoned at its deadline).

// Decoded is a document's content as UTF-8 text, its format known.
type Decoded struct {
	// Record has the input's identity and source, and Source.Format set.
	Record record.Record
	// Content is the decoded page or text.
	Content string
	// Published is the publication date given with the input, if any.
	Published string
	// Fetched is when a crawler fetched the page (document.Document.Fetched).
	Fetched time.Time
}

// Parsed is a document split into normalised blocks.
type Parsed struct {
	Record    record.Record
	Published string
	Fetched   time.Time
	// Site is the group of documents whose shared lines are site chrome (repeats.Site),
	// known while the page is at hand.
	Site string
	// Blocks are the non-empty blocks of the page (HTML) or the lines of the text, in order.
	Blocks []document.Block
	// HTMLMeta is metadata read from the HTML head (JSON-LD, Open Graph, <title>, <time>).
	HTMLMeta document.Metadata
}

// Cleaned is a document whose article body is known: Record.Text and Record.Removed are set.
type Cleaned struct {
	Record    record.Record
	Published string
	Fetched   time.Time
	HTMLMeta  document.Metadata
	// TextMeta is metadata read from the article's lines (headline, byline).
	TextMeta document.Metadata
	// Review lists every block with the clean stage's decision (Options.Review only).
	Review []document.Line
}

// Described is a document whose metadata and language are known.
type Described struct {
	Record record.Record
	// Reference is the date that relative dates are resolved against; zero when unknown.
	Reference time.Time
	Review    []document.Line
}

// Annotated is a document's finished record.
type Annotated struct {
	Record record.Record
	Review []document.Line
	// JSON is the record as one line of JSON Lines, without the newline
	// (Options.EncodeJSON only).
	JSON []byte
}

// Sizes, for the pipeline's statistics: the bytes of text each value holds.

// Size is the length of the decoded content in bytes.
func (d *Decoded) Size() int { return len(d.Content) }

// Size is the bytes of text of the parsed blocks.
func (d *Parsed) Size() int { return blocksSize(d.Blocks) }

// Size is the bytes of the cleaned text.
func (d *Cleaned) Size() int { return len(d.Record.Text) }

// Size is the bytes of the record's text.
func (d *Described) Size() int { return len(d.Record.Text) }

// Size is the bytes of the record's text.
func (d *Annotated) Size() int { return len(d.Record.Text) }

func blocksSize(bs []document.Block) int {
	n := 0
	for _, b := range bs {
		n += len(b.Text)
	}
	return n
}

// draft returns the record as the value holds it, for an error record.
func (d *Decoded) draft() *record.Record   { return &d.Record }
func (d *Parsed) draft() *record.Record    { return &d.Record }
func (d *Cleaned) draft() *record.Record   { return &d.Record }
func (d *Described) draft() *record.Record { return &d.Record }
func (d *Annotated) draft() *record.Record { return &d.Record }
