// Package document holds the state of one article as it moves through the pipeline stages.
package document

import (
	"time"

	"github.com/newspipe/newspipe/record"
)

// Block is one block-level piece of an article's page: a line of raw text, or a paragraph,
// heading or list item of an HTML page. Stages that remove chrome work on blocks.
type Block struct {
	Text string
	// Tag is the HTML element that holds the block ("p", "h2", "li", "blockquote", ...);
	// empty for raw text input.
	Tag string
	// Heading is true for HTML headings h1-h6.
	Heading bool
	// LinkDensity is the share of the block's characters inside links (HTML only).
	LinkDensity float64
	// Outside, when not empty, says why the HTML extractor placed the block outside the
	// article body ("navigation menu", "page footer", ...). Always empty for raw text.
	Outside string
}

// Line is one block of the input as the reader saw it, with what the clean stage decided:
// the material for a review of a document.
type Line struct {
	Text string
	// Reason is empty for a line kept in the article body, else why it was removed.
	Reason string
}

// Metadata is what a stage learned about the article itself.
// Empty fields are unknown.
type Metadata struct {
	Title     string
	Subtitle  string
	Authors   []string
	Site      string
	Published string // ISO 8601 date or date-time, as precise as the source
	// Updated is the page's modification date (ISO 8601), never a publication date: it
	// stands for one only when no source gives a publication date (see metadata.Merge).
	Updated string
	URL     string // the page's canonical URL, as the page gives it
}

// Document is one input article as read: what the first stage takes. Stages do not modify
// it; what they learn flows on in their own types (package stages).
type Document struct {
	// Raw is the document as read, before decoding.
	Raw []byte
	// ContentType is an HTTP-style Content-Type given with the input (WARC, JSONL), if any.
	ContentType string
	// Published is the publication date given with the input (a JSONL field), if any.
	Published string
	// Fetched is when a crawler fetched the page (WARC-Date), zero when unknown. It is not
	// the publication date: relative dates are resolved against it only when the page gives
	// none.
	Fetched time.Time
	// FormatHint is "text" or "html" when the input said which (JSONL field), else empty.
	FormatHint string
	// Record holds what the input says of the document: its id, its source and the
	// input's extra fields (meta); and its error, when it could not be read.
	Record record.Record
	// Previous, when not nil, is this document's record from an earlier run (--resume):
	// the run gives it to the writer without processing the document.
	Previous []byte
}

// Fail turns the document into an error record: stage could not process it.
func (d *Document) Fail(stage string, err error) {
	d.Record.Error = &record.Error{Stage: stage, Message: err.Error()}
}

// Failed reports whether the document could not be read.
func (d *Document) Failed() bool { return d.Record.Error != nil }

// Size is the document's size in bytes as read.
func (d *Document) Size() int { return len(d.Raw) }
