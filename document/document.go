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
}

// Document is one input article and everything the stages have learned about it.
type Document struct {
	// Seq is the position of the document in the input; the writer restores this order.
	Seq int
	// Raw is the document as read, before decoding.
	Raw []byte
	// ContentType is an HTTP-style Content-Type given with the input (WARC, JSONL), if any.
	ContentType string
	// Published is the publication date given with the input (a JSONL field), if any.
	Published string
	// FormatHint is "text" or "html" when the input said which (JSONL field), else empty.
	FormatHint string
	// Content is the decoded, UTF-8 content (HTML source or plain text).
	Content string
	// Blocks are the page's blocks, in order, once the page is split (HTML) or read (text).
	Blocks []Block
	// Review lists every block in input order with the clean stage's decision; it is
	// filled only when Options.Review asks for it.
	Review []Line
	// HTMLMeta is metadata read from the HTML head (JSON-LD, Open Graph, <title>, <time>).
	HTMLMeta Metadata
	// TextMeta is metadata read from the article's lines (headline, byline).
	TextMeta Metadata
	// Site is the group of documents whose shared lines are site chrome (repeats.Site),
	// set when the content is read, before it is dropped.
	Site string
	// Reference is the date that relative dates are resolved against; zero when unknown.
	Reference time.Time
	// Record is the output record being filled in.
	Record record.Record
	// JSON is the record encoded as one line of JSON Lines, without the newline, when the
	// run asked the stages to encode it (stages.Options.EncodeJSON).
	JSON []byte
	// Previous, when not nil, is this document's record from an earlier run (--resume): the
	// stages leave the document alone and the writer copies these bytes.
	Previous []byte
}

// Fail turns the document into an error record: stage could not process it.
func (d *Document) Fail(stage string, err error) {
	d.Record.Error = &record.Error{Stage: stage, Message: err.Error()}
}

// Failed reports whether a stage has failed the document.
func (d *Document) Failed() bool { return d.Record.Error != nil }

// Size is the document's current size in bytes: its clean text once cleaned, else its
// decoded content, else its raw bytes.
func (d *Document) Size() int {
	switch {
	case d.Record.Text != "":
		return len(d.Record.Text)
	case d.Content != "":
		return len(d.Content)
	}
	return len(d.Raw)
}
