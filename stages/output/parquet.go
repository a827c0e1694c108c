package output

import (
	"errors"
	"fmt"
	"io"

	"github.com/parquet-go/parquet-go"

	"github.com/newspipe/newspipe/record"
)

// rowGroupBytes is about the size of the data after which a row group is written
// out, so memory stays bounded however many records there are.
const rowGroupBytes = 64 << 20

// parquetRow is one record as a flat Parquet row. Its json tags repeat the column names,
// so that a row printed as JSON by another Parquet reader decodes back into it.
type parquetRow struct {
	ID           string           `parquet:"id" json:"id"`
	SourcePath   string           `parquet:"source_path" json:"source_path"`
	SourceURL    string           `parquet:"source_url" json:"source_url"`
	Format       string           `parquet:"format" json:"format"`
	SourceSHA256 string           `parquet:"source_sha256" json:"source_sha256"`
	Title        string           `parquet:"title" json:"title"`
	Subtitle     string           `parquet:"subtitle" json:"subtitle"`
	Authors      []string         `parquet:"authors,list" json:"authors,omitempty"`
	Site         string           `parquet:"site" json:"site"`
	Published    *string          `parquet:"published,optional" json:"published,omitempty"`
	Language     string           `parquet:"language" json:"language"`
	Text         string           `parquet:"text" json:"text"`
	Removed      []parquetRemoved `parquet:"removed,list" json:"removed,omitempty"`
	Entities     []parquetEntity  `parquet:"entities,list" json:"entities,omitempty"`
	Dates        []parquetDate    `parquet:"dates,list" json:"dates,omitempty"`
	Warnings     []string         `parquet:"warnings,list" json:"warnings,omitempty"`
	Meta         *string          `parquet:"meta,optional" json:"meta,omitempty"`
	ErrorStage   *string          `parquet:"error_stage,optional" json:"error_stage,omitempty"`
	ErrorMessage *string          `parquet:"error_message,optional" json:"error_message,omitempty"`
}

type parquetRemoved struct {
	Text   string `parquet:"text" json:"text"`
	Reason string `parquet:"reason" json:"reason"`
}

type parquetEntity struct {
	Name     string           `parquet:"name" json:"name"`
	Type     string           `parquet:"type" json:"type"`
	Mentions []parquetMention `parquet:"mentions,list" json:"mentions,omitempty"`
}

type parquetMention struct {
	Text  string `parquet:"text" json:"text"`
	Start int64  `parquet:"start" json:"start"`
	End   int64  `parquet:"end" json:"end"`
}

type parquetDate struct {
	Text  string `parquet:"text" json:"text"`
	Start int64  `parquet:"start" json:"start"`
	End   int64  `parquet:"end" json:"end"`
	Type  string `parquet:"type" json:"type"`
	Value string `parquet:"value" json:"value"`
	Mod   string `parquet:"mod" json:"mod,omitempty"` // empty when none
}

// Parquet writes records as rows of a Parquet file, Snappy-compressed, for dataset
// tools such as pandas, DuckDB and Spark. The schema is flat:
//
//	id, source_path, source_url, format, source_sha256    string
//	title, subtitle                                      string
//	authors                                              list<string>
//	site                                                 string
//	published                                            optional string
//	language, text                                       string
//	removed    list<struct{text, reason string}>
//	entities   list<struct{name, type string; mentions list<struct{text string; start, end int64}>}>
//	dates      list<struct{text string; start, end int64; type, value, mod string}>
//	warnings                                             list<string>
//	meta                                                 optional string holding JSON
//	error_stage, error_message                           optional string
//
// Offsets are Unicode code points into text, as in the JSON records. An error record
// has empty article fields and non-null error_stage and error_message. The meta
// column is a plain string, not the JSON logical type, because parquet-go v0.32
// writes nulls for that type from a Go string.
type Parquet struct {
	w         *parquet.GenericWriter[parquetRow]
	pending   int64 // estimated bytes written since the last row group
	groupSize int64 // pending bytes that end a row group
	closed    bool
}

// NewParquet returns a writer of a Parquet file to w. Close must be called to write
// the file footer; it does not close w.
func NewParquet(w io.Writer) *Parquet {
	return &Parquet{
		w:         parquet.NewGenericWriter[parquetRow](w, parquet.Compression(&parquet.Snappy)),
		groupSize: rowGroupBytes,
	}
}

// Write appends one record.
func (p *Parquet) Write(r *record.Record) error {
	if r == nil {
		return errors.New("write parquet: nil record")
	}
	if p.closed {
		return fmt.Errorf("write record %s: parquet writer closed", r.ID)
	}
	row := toRow(r)
	if _, err := p.w.Write([]parquetRow{row}); err != nil {
		return fmt.Errorf("write record %s to parquet: %w", r.ID, err)
	}
	p.pending += rowSize(&row)
	if p.pending >= p.groupSize {
		p.pending = 0
		if err := p.w.Flush(); err != nil {
			return fmt.Errorf("write parquet row group: %w", err)
		}
	}
	return nil
}

// Close writes the last row group and the file footer.
func (p *Parquet) Close() error {
	if p.closed {
		return errors.New("close parquet writer: already closed")
	}
	p.closed = true
	if err := p.w.Close(); err != nil {
		return fmt.Errorf("close parquet writer: %w", err)
	}
	return nil
}

func toRow(r *record.Record) parquetRow {
	row := parquetRow{
		ID:           r.ID,
		SourcePath:   r.Source.Path,
		SourceURL:    r.Source.URL,
		Format:       r.Source.Format,
		SourceSHA256: r.Source.SHA256,
		Meta:         optional(string(r.Meta)),
	}
	if r.Error != nil {
		// As in the JSON form, an error record carries no article fields.
		row.ErrorStage = &r.Error.Stage
		row.ErrorMessage = &r.Error.Message
		return row
	}
	row.Title, row.Subtitle, row.Site = r.Title, r.Subtitle, r.Site
	row.Authors = r.Authors
	row.Published = optional(r.Published)
	row.Language, row.Text = r.Language, r.Text
	for _, x := range r.Removed {
		row.Removed = append(row.Removed, parquetRemoved{Text: x.Text, Reason: x.Reason})
	}
	for _, e := range r.Entities {
		pe := parquetEntity{Name: e.Name, Type: e.Type}
		for _, m := range e.Mentions {
			pe.Mentions = append(pe.Mentions, parquetMention{Text: m.Text, Start: int64(m.Start), End: int64(m.End)})
		}
		row.Entities = append(row.Entities, pe)
	}
	for _, d := range r.Dates {
		row.Dates = append(row.Dates, parquetDate{Text: d.Text, Start: int64(d.Start), End: int64(d.End), Type: d.Type, Value: d.Value, Mod: d.Mod})
	}
	row.Warnings = r.Warnings
	return row
}

// optional maps the empty string to null, which is how the JSON form omits the field.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// rowSize estimates the bytes a row adds to the row group being built.
func rowSize(r *parquetRow) int64 {
	n := len(r.Text) + len(r.Title) + len(r.Subtitle) + 256
	for _, x := range r.Removed {
		n += len(x.Text) + len(x.Reason)
	}
	for _, e := range r.Entities {
		n += len(e.Name) + 32*len(e.Mentions)
	}
	n += 48 * len(r.Dates)
	for _, w := range r.Warnings {
		n += len(w)
	}
	if r.Meta != nil {
		n += len(*r.Meta)
	}
	return int64(n)
}
