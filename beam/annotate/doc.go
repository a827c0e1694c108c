package annotate

import (
	"time"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/record"
)

// Doc is a document as read, on its way from the reading step to the annotating one:
// what ingest learns of a document, in fields that Beam can encode.
type Doc struct {
	ID, Path, URL, SHA256   string
	ContentType, Published  string
	FormatHint              string
	Fetched                 string // RFC 3339 with nanoseconds, or empty when unknown
	Meta, Raw               []byte
	ErrorStage, ErrorString string
	// Input is the index of the pattern that matched the document's file, Position the
	// document's place in the file: with Path, its place in the input (see DocID).
	Input, Position int
}

func fromDocument(d *document.Document) Doc {
	x := Doc{
		ID: d.Record.ID, Path: d.Record.Source.Path, URL: d.Record.Source.URL, SHA256: d.Record.Source.SHA256,
		ContentType: d.ContentType, Published: d.Published, FormatHint: d.FormatHint,
		Meta: d.Record.Meta, Raw: d.Raw,
	}
	if !d.Fetched.IsZero() {
		x.Fetched = d.Fetched.Format(time.RFC3339Nano)
	}
	if e := d.Record.Error; e != nil {
		x.ErrorStage, x.ErrorString = e.Stage, e.Message
	}
	return x
}

func (x Doc) document() *document.Document {
	d := &document.Document{Raw: x.Raw, ContentType: x.ContentType, Published: x.Published, FormatHint: x.FormatHint}
	if x.Fetched != "" {
		// Written by fromDocument, so it parses; a zero time is what an unknown date is.
		d.Fetched, _ = time.Parse(time.RFC3339Nano, x.Fetched)
	}
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
