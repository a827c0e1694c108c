package report

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/record"
)

func FuzzLines(f *testing.F) {
	f.Add("Ann in Zürich.\n\nMonday 🎉", "Menu", 0, 3, 7, 13, 16, 22)
	f.Add("", "", 0, 0, -1, 5, 3, 1)
	f.Add("a\n\n\n\nb", "a", 0, 7, 2, 3, 0, 100)
	f.Fuzz(func(t *testing.T, text, removed string, s1, e1, s2, e2, s3, e3 int) {
		rec := record.Record{
			Text:     text,
			Removed:  []record.Removed{{Text: removed, Reason: "r"}},
			Entities: []record.Entity{{Name: "n", Type: "PERSON", Mentions: []record.Mention{{Start: s1, End: e1}, {Start: s2, End: e2}}}},
			Dates:    []record.Date{{Start: s3, End: e3, Value: "v"}},
		}
		review := []document.Line{{Text: removed, Reason: "r"}}
		for _, p := range strings.Split(text, "\n\n") {
			review = append(review, document.Line{Text: p})
		}
		for _, lines := range [][]document.Line{nil, review} {
			var got strings.Builder
			for _, l := range Lines(rec, lines) {
				if l.Reason != "" {
					continue
				}
				for _, s := range l.Segments {
					got.WriteString(s.Text)
				}
				got.WriteString("\n\n")
			}
			// The kept lines, whatever the offsets, still read as the text (records hold
			// valid UTF-8; invalid bytes are shown as U+FFFD).
			if want := text + "\n\n"; text != "" && utf8.ValidString(text) && got.String() != want {
				t.Errorf("kept lines read %q, want %q", got.String(), want)
			}
		}
		if err := Write(io.Discard, []Doc{{Record: rec, Lines: review}}); err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzDiff(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"x\n\ny","entities":[{"name":"A","type":"ORG"}]}`), []byte(`{"id":"a","text":"y"}`+"\n"+`{"id":"b"}`))
	f.Add([]byte(`{"id":"a","error":{"stage":"s","message":"m"}}`), []byte(`{`))
	f.Add([]byte(``), []byte(`[]`))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		old, err1 := Decode(bytes.NewReader(a))
		cur, err2 := Decode(bytes.NewReader(b))
		if err1 != nil || err2 != nil {
			return
		}
		d := Compare(old, cur)
		if err := d.WriteText(io.Discard); err != nil {
			t.Fatal(err)
		}
		if err := d.WriteHTML(io.Discard, "a", "b"); err != nil {
			t.Fatal(err)
		}
		if self := Compare(cur, cur); !self.Same() {
			t.Errorf("an output differs from itself: %+v", self)
		}
	})
}
