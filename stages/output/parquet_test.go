package output

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/newspipe/newspipe/record"
)

// fromRow turns a row read back into a record, the inverse of toRow.
func fromRow(row parquetRow) record.Record {
	r := record.Record{
		ID:     row.ID,
		Source: record.Source{Path: row.SourcePath, URL: row.SourceURL, Format: row.Format, SHA256: row.SourceSHA256},
		Title:  row.Title, Subtitle: row.Subtitle, Authors: row.Authors, Site: row.Site,
		Language: row.Language, Text: row.Text,
	}
	if row.Published != nil {
		r.Published = *row.Published
	}
	if row.Meta != nil {
		r.Meta = json.RawMessage(*row.Meta)
	}
	if row.ErrorStage != nil || row.ErrorMessage != nil {
		r.Error = &record.Error{}
		if row.ErrorStage != nil {
			r.Error.Stage = *row.ErrorStage
		}
		if row.ErrorMessage != nil {
			r.Error.Message = *row.ErrorMessage
		}
	}
	for _, x := range row.Removed {
		r.Removed = append(r.Removed, record.Removed{Text: x.Text, Reason: x.Reason})
	}
	for _, e := range row.Entities {
		re := record.Entity{Name: e.Name, Type: e.Type}
		for _, m := range e.Mentions {
			re.Mentions = append(re.Mentions, record.Mention{Text: m.Text, Start: int(m.Start), End: int(m.End)})
		}
		r.Entities = append(r.Entities, re)
	}
	for _, d := range row.Dates {
		r.Dates = append(r.Dates, record.Date{Text: d.Text, Start: int(d.Start), End: int(d.End), Type: d.Type, Value: d.Value, Mod: d.Mod})
	}
	r.Warnings = row.Warnings
	if len(r.Authors) == 0 {
		r.Authors = nil
	}
	if len(r.Warnings) == 0 {
		r.Warnings = nil
	}
	return r
}

var parquetRecords = []record.Record{
	{
		ID:     "001_cafe",
		Source: record.Source{Path: "in/cafe.html", URL: "https://news.test/cafe", Format: "html", SHA256: "9f86d081884c7d65"},
		Title:  "Café opens", Subtitle: "A new place", Authors: []string{"Ann Lee", "Bo Chen"},
		Warnings: []string{"a NUL byte was removed from the text"},
		Site:     "News Test", Published: "2024-05-01", Language: "en",
		Text:    "Ann Lee opened a café in Paris on Monday.",
		Removed: []record.Removed{{Text: "Sign up for our newsletter", Reason: "newsletter"}, {Text: "Photo: AP", Reason: "photo credit"}},
		Entities: []record.Entity{
			{Name: "Ann Lee", Type: "PERSON", Mentions: []record.Mention{{Text: "Ann Lee", Start: 0, End: 7}}},
			{Name: "Paris", Type: "GPE", Mentions: []record.Mention{{Text: "Paris", Start: 26, End: 31}, {Text: "Paris", Start: 50, End: 55}}},
		},
		Dates: []record.Date{{Text: "Monday", Start: 35, End: 41, Type: "DATE", Value: "2024-04-29"},
			{Text: "early May", Start: 50, End: 59, Type: "DATE", Value: "2024-05", Mod: "START"}},
		Meta: json.RawMessage(`{"warc_date":"2024-05-01T10:00:00Z"}`),
	},
	{ID: "002_bare", Source: record.Source{Path: "in/b.txt", Format: "text"}, Text: "Short.", Language: "en"},
	{
		ID:     "003_fail",
		Source: record.Source{Path: "in/c.bin"},
		Meta:   json.RawMessage(`{"size":3}`),
		Error:  &record.Error{Stage: "decode", Message: "not text"},
	},
}

func TestParquetRoundTrip(t *testing.T) {
	for _, groupSize := range []int64{rowGroupBytes, 1} {
		buf, p := writeParquet(t, groupSize)
		if err := p.Write(&parquetRecords[0]); err == nil {
			t.Error("Write after Close succeeded")
		}

		rows, err := parquet.Read[parquetRow](bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != len(parquetRecords) {
			t.Fatalf("read %d rows, want %d", len(rows), len(parquetRecords))
		}
		for i, row := range rows {
			if got, want := fromRow(row), parquetRecords[i]; !reflect.DeepEqual(got, want) {
				t.Errorf("row %d:\ngot  %+v\nwant %+v", i, got, want)
			}
		}

		f, err := parquet.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		if groupSize == 1 && len(f.RowGroups()) != len(parquetRecords) {
			t.Errorf("got %d row groups, want one per record", len(f.RowGroups()))
		}
		schema := f.Schema().String()
		for _, col := range []string{
			"required binary id (STRING)", "optional binary published (STRING)", "optional binary meta (STRING)",
			"optional binary error_stage (STRING)", "group authors (LIST)", "group mentions (LIST)",
			"required int64 start", "required binary value (STRING)",
		} {
			if !strings.Contains(schema, col) {
				t.Errorf("schema lacks %q:\n%s", col, schema)
			}
		}
	}
}

func FuzzParquet(f *testing.F) {
	f.Add("id", "text \xff\x00", `{"a":1}`, "Paris", 3, -1)
	f.Add("", "", "", "", 0, 0)
	f.Fuzz(func(t *testing.T, id, text, meta, name string, start, end int) {
		r := record.Record{
			ID: id, Text: text, Meta: json.RawMessage(meta), Authors: []string{name},
			Entities: []record.Entity{{Name: name, Mentions: []record.Mention{{Text: name, Start: start, End: end}}}},
			Dates:    []record.Date{{Text: text, Start: start, End: end}},
		}
		var buf bytes.Buffer
		p := NewParquet(&buf)
		if err := p.Write(&r); err != nil {
			t.Fatal(err)
		}
		if err := p.Close(); err != nil {
			t.Fatal(err)
		}
		rows, err := parquet.Read[parquetRow](bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 1 || rows[0].Text != text || rows[0].Entities[0].Mentions[0].Start != int64(start) {
			t.Fatalf("round trip changed the record: %+v", rows)
		}
	})
}

func TestParquetNilRecord(t *testing.T) {
	var buf bytes.Buffer
	p := NewParquet(&buf)
	if err := p.Write(nil); err == nil {
		t.Error("Write(nil) succeeded")
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if err := p.Close(); err == nil {
		t.Error("second Close succeeded")
	}
}

// writeParquet writes parquetRecords with row groups of about groupSize bytes and returns
// the file and its closed writer.
func writeParquet(t *testing.T, groupSize int64) (*bytes.Buffer, *Parquet) {
	t.Helper()
	var buf bytes.Buffer
	p := NewParquet(&buf)
	p.groupSize = groupSize
	for i := range parquetRecords {
		if err := p.Write(&parquetRecords[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	return &buf, p
}
