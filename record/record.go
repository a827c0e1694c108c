// Package record defines the JSON record that newspipe writes for every input document.
package record

import (
	"bytes"
	"encoding/json"
)

// Source says where a document came from.
type Source struct {
	Path   string `json:"path"`
	URL    string `json:"url"`
	Format string `json:"format"` // "text" or "html"
	// SHA256 is the hex SHA-256 of the document's bytes as read, for deduplication and
	// for --resume; empty when the document could not be read.
	SHA256 string `json:"sha256"`
}

// Removed is one line of the input that is not part of the article, with the reason it went.
type Removed struct {
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// Mention is one occurrence of an entity in the clean text.
// Start and End are Unicode code point offsets into Record.Text.
type Mention struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Entity is one named entity of a document with all its mentions.
type Entity struct {
	Name     string    `json:"name"`
	Type     string    `json:"type"` // PERSON, ORG, GPE, LOC, NORP or MISC
	Mentions []Mention `json:"mentions"`
}

// Date is one temporal expression of the clean text with its TIMEX3 value.
// Start and End are Unicode code point offsets into Record.Text.
type Date struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"`  // TIMEX3 type: DATE, TIME, DURATION or SET
	Value string `json:"value"` // TIMEX3 value, e.g. "2018-05-31", "XXXX-06-12", "PAST_REF"
	// Mod is the TIMEX3 mod, when the expression has one: START, MID or END ("early June",
	// "the end of 2017"), APPROX ("about 20 minutes"), LESS_THAN, MORE_THAN, EQUAL_OR_LESS,
	// EQUAL_OR_MORE ("at least six months"), or BEFORE, AFTER, ON_OR_BEFORE, ON_OR_AFTER
	// ("more than two years ago").
	Mod string `json:"mod,omitempty"`
}

// Error describes why a document could not be processed.
type Error struct {
	Stage   string `json:"stage"`
	Message string `json:"message"`
}

// Record is the output for one input document: either an annotated article or an error.
type Record struct {
	ID        string    `json:"id"`
	Source    Source    `json:"source"`
	Title     string    `json:"title"`
	Subtitle  string    `json:"subtitle"`
	Authors   []string  `json:"authors"`
	Site      string    `json:"site"`
	Published string    `json:"published,omitempty"`
	Language  string    `json:"language"`
	Text      string    `json:"text"`
	Removed   []Removed `json:"removed"`
	Entities  []Entity  `json:"entities"`
	Dates     []Date    `json:"dates"`
	// Warnings say what newspipe could not do fully for this document, in words.
	Warnings []string        `json:"warnings,omitempty"`
	Meta     json.RawMessage `json:"meta,omitempty"`
	Error    *Error          `json:"error,omitempty"`
}

// errorRecord is the shape of a record for a document that failed: no text nor
// annotations; the article's metadata only when the page gave it (a page with no visible
// text whose markup names its title, authors, date).
type errorRecord struct {
	ID        string          `json:"id"`
	Source    Source          `json:"source"`
	Title     string          `json:"title,omitempty"`
	Subtitle  string          `json:"subtitle,omitempty"`
	Authors   []string        `json:"authors,omitempty"`
	Site      string          `json:"site,omitempty"`
	Published string          `json:"published,omitempty"`
	Meta      json.RawMessage `json:"meta,omitempty"`
	Error     *Error          `json:"error"`
}

// MarshalJSON writes the record with a fixed field order, empty lists as [] and,
// for error records, only id, source, the metadata the page gave, meta and error.
func (r Record) MarshalJSON() ([]byte, error) {
	if r.Error != nil {
		return marshal(errorRecord{ID: r.ID, Source: r.Source, Title: r.Title, Subtitle: r.Subtitle, Authors: r.Authors,
			Site: r.Site, Published: r.Published, Meta: r.Meta, Error: r.Error})
	}
	type plain Record // no MarshalJSON method: avoids recursion
	p := plain(r)
	if p.Authors == nil {
		p.Authors = []string{}
	}
	if p.Removed == nil {
		p.Removed = []Removed{}
	}
	if p.Entities == nil {
		p.Entities = []Entity{}
	}
	for i := range p.Entities {
		if p.Entities[i].Mentions == nil {
			p.Entities[i].Mentions = []Mention{}
		}
	}
	if p.Dates == nil {
		p.Dates = []Date{}
	}
	return marshal(p)
}

// marshal encodes v without escaping <, > and &, so article text stays readable.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}
