package report

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/record"
)

// ann finds the code point offsets of the n-th (from 0) occurrence of sub in text.
func ann(t *testing.T, text, sub string) (int, int) {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in %q", sub, text)
	}
	s := utf8.RuneCountInString(text[:i])
	return s, s + utf8.RuneCountInString(sub)
}

func TestLines(t *testing.T) {
	type seg struct{ Text, Entity, Value string }
	tests := []struct {
		name   string
		text   string
		review []document.Line
		ents   map[string]string // mention text -> type
		dates  map[string]string // date text -> value
		span   [][2]int          // extra raw mention offsets, type MISC
		want   [][]seg
	}{
		{
			name: "ascii",
			text: "Ann Lee spoke on Monday.",
			ents: map[string]string{"Ann Lee": "PERSON"}, dates: map[string]string{"Monday": "2024-04-29"},
			want: [][]seg{{{"Ann Lee", "PERSON", ""}, {" spoke on ", "", ""}, {"Monday", "", "2024-04-29"}, {".", "", ""}}},
		},
		{
			name: "non-ascii before the mention",
			text: "Café ☕ in Zürich 🎉\n\nMünchen said 31. Mai.",
			ents: map[string]string{"Zürich": "GPE", "München": "GPE"}, dates: map[string]string{"31. Mai": "XXXX-05-31"},
			want: [][]seg{
				{{"Café ☕ in ", "", ""}, {"Zürich", "GPE", ""}, {" 🎉", "", ""}},
				{{"München", "GPE", ""}, {" said ", "", ""}, {"31. Mai", "", "XXXX-05-31"}, {".", "", ""}},
			},
		},
		{
			name: "review lines with removed chrome between paragraphs",
			text: "First Ann.\n\nSecond Bob.",
			review: []document.Line{
				{Text: "Menu", Reason: "navigation"}, {Text: "First Ann."},
				{Text: "Photo: X", Reason: "photo credit"}, {Text: "Second Bob."},
			},
			ents: map[string]string{"Ann": "PERSON", "Bob": "PERSON"},
			want: [][]seg{
				{{"Menu", "", ""}},
				{{"First ", "", ""}, {"Ann", "PERSON", ""}, {".", "", ""}},
				{{"Photo: X", "", ""}},
				{{"Second ", "", ""}, {"Bob", "PERSON", ""}, {".", "", ""}},
			},
		},
		{
			name: "mention across the paragraph break is cut, not lost",
			text: "ends with New\n\nYork begins",
			span: [][2]int{{10, 19}},
			want: [][]seg{
				{{"ends with ", "", ""}, {"New", "MISC", ""}},
				{{"York", "MISC", ""}, {" begins", "", ""}},
			},
		},
		{
			name: "offsets outside the text are ignored",
			text: "short",
			span: [][2]int{{-1, 2}, {3, 99}, {4, 2}, {2, 2}},
			want: [][]seg{{{"short", "", ""}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := record.Record{Text: tt.text}
			for m, typ := range tt.ents {
				s, e := ann(t, tt.text, m)
				rec.Entities = append(rec.Entities, record.Entity{Name: m, Type: typ, Mentions: []record.Mention{{Text: m, Start: s, End: e}}})
			}
			for _, sp := range tt.span {
				rec.Entities = append(rec.Entities, record.Entity{Name: "x", Type: "MISC", Mentions: []record.Mention{{Start: sp[0], End: sp[1]}}})
			}
			for d, v := range tt.dates {
				s, e := ann(t, tt.text, d)
				rec.Dates = append(rec.Dates, record.Date{Text: d, Start: s, End: e, Type: "DATE", Value: v})
			}
			var got [][]seg
			for _, l := range Lines(rec, tt.review) {
				var ss []seg
				for _, s := range l.Segments {
					ss = append(ss, seg{s.Text, s.Entity, s.Value})
				}
				got = append(got, ss)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestLinesReasons(t *testing.T) {
	rec := record.Record{Text: "Body.", Removed: []record.Removed{{Text: "Ad", Reason: "advert"}}}
	got := Lines(rec, nil)
	if len(got) != 2 || got[0].Reason != "" || got[1].Reason != "advert" || got[1].Segments[0].Text != "Ad" {
		t.Errorf("without review lines: got %+v, want the paragraph then the removed line", got)
	}
	// A kept line that is not a paragraph (rewritten by a later stage) must not shift
	// the annotations of the lines after it.
	rec = record.Record{Text: "One.\n\nTwo Ann.", Entities: []record.Entity{{Name: "Ann", Type: "PERSON", Mentions: []record.Mention{{Start: 10, End: 13}}}}}
	got = Lines(rec, []document.Line{{Text: "Rewritten"}, {Text: "One."}, {Text: "Two Ann."}})
	if n := len(got[2].Segments); n != 3 || got[2].Segments[1].Entity != "PERSON" {
		t.Errorf("after a mismatched line: got %+v, want Ann highlighted", got[2].Segments)
	}
}

func sampleDocs() []Doc {
	text := "Ann Lee <b>spoke</b> in Zürich on Monday.\n\n<script>alert(1)</script> & more"
	return []Doc{
		{
			Record: record.Record{
				ID: "doc-1", Title: `Title with "quotes" & <tags>`, Authors: []string{"Ann Lee"}, Language: "en",
				Text:     text,
				Removed:  []record.Removed{{Text: "<img src=x onerror=alert(2)>", Reason: `reason "<b>"`}},
				Entities: []record.Entity{{Name: "Ann Lee", Type: "PERSON", Mentions: []record.Mention{{Text: "Ann Lee", Start: 0, End: 7}}}, {Name: "Zürich", Type: "GPE", Mentions: []record.Mention{{Text: "Zürich", Start: 24, End: 30}}}},
				Dates:    []record.Date{{Text: "Monday", Start: 34, End: 40, Type: "DATE", Value: "2024-04-29"}},
			},
			Lines: []document.Line{
				{Text: "<img src=x onerror=alert(2)>", Reason: `reason "<b>"`},
				{Text: "Ann Lee <b>spoke</b> in Zürich on Monday."},
				{Text: "<script>alert(1)</script> & more"},
			},
		},
		{Record: record.Record{ID: "broken</h2>", Error: &record.Error{Stage: "decode", Message: "bad <bytes>"}}},
	}
}

func TestWriteEscapes(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, sampleDocs()); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, bad := range []string{"<script>alert", "<img src", "<b>spoke", "</h2>:", "bad <bytes>", "<tags>"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains unescaped %q", bad)
		}
	}
	for _, want := range []string{
		"&lt;script&gt;alert(1)&lt;/script&gt; &amp; more",
		`<span class="ent ent-PERSON" title="PERSON: Ann Lee">Ann Lee</span>`,
		`<span class="ent ent-GPE" title="GPE: Zürich">Zürich</span>`,
		`<span class="date" title="DATE 2024-04-29">Monday</span>`,
		`class="line removed"`,
		"error in stage decode: bad &lt;bytes&gt;",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// The page must work offline: nothing loaded from elsewhere.
	for _, ext := range []string{"http://", "https://", "<link", "<img", "<script src"} {
		if strings.Contains(page, ext) {
			t.Errorf("page refers to outside resources (%q)", ext)
		}
	}
}

func TestWriteDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := Write(&a, sampleDocs()); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, sampleDocs()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of the same documents differ")
	}
}

func TestCompare(t *testing.T) {
	old, err := Load(filepath.Join("testdata", "old.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	cur, err := Load(filepath.Join("testdata", "new.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	d := Compare(old, cur)
	if d.Same() || d.Compared != 2 || len(d.Changed) != 1 {
		t.Fatalf("got %d compared, %d changed, want 2 and 1", d.Compared, len(d.Changed))
	}
	if !reflect.DeepEqual(d.OnlyOld, []string{"gone"}) || !reflect.DeepEqual(d.OnlyNew, []string{"new"}) {
		t.Errorf("only old %q, only new %q; want [gone] and [new]", d.OnlyOld, d.OnlyNew)
	}
	a := d.Changed[0]
	want := DocDiff{
		ID: "a", Title: "Budget vote passes",
		Meta:           []Change{{"title", "Budget vote", "Budget vote passes"}},
		NewlyKept:      []LineChange{{"Photo: Jo Bloggs", "photo credit"}},
		NewlyRemoved:   []LineChange{{"Sign up for our newsletter", "newsletter box"}},
		EntitiesGained: []record.Entity{{Name: "City Council", Type: "ORG"}},
		EntitiesLost:   []record.Entity{{Name: "Springfield", Type: "GPE"}},
	}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("got  %+v\nwant %+v", a, want)
	}
	var text bytes.Buffer
	if err := d.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{
		`=== a (Budget vote passes)`,
		`  title: "Budget vote" -> "Budget vote passes"`,
		`  - removed: Sign up for our newsletter  [newsletter box]`,
		`  + kept:    Photo: Jo Bloggs  [was: photo credit]`,
		`  - entity GPE Springfield`,
		`  + entity ORG City Council`,
		`only in old: gone`,
		`only in new: new`,
		`2 documents compared, 1 differ, 1 only in old, 1 only in new`,
	} {
		if !strings.Contains(text.String(), line+"\n") {
			t.Errorf("text diff lacks line %q:\n%s", line, text.String())
		}
	}
	var page bytes.Buffer
	if err := d.WriteHTML(&page, "old<", "new"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page.String(), "Sign up for our newsletter") || strings.Contains(page.String(), "old<") {
		t.Error("HTML diff lacks the removed line or leaves a name unescaped")
	}

	if same := Compare(old, old); !same.Same() || same.Compared != 3 {
		t.Errorf("an output compared with itself: got %+v, want the same", same)
	}
}

func TestLoadFolder(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"x.json":     "{\n  \"id\": \"x\",\n  \"title\": \"X\"\n}\n",
		"y.jsonl":    `{"id":"y"}` + "\n" + `{"id":"z"}` + "\n",
		"notes.txt":  "not a record",
		"golden.go":  "package golden",
		"empty.json": "",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	recs, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range recs {
		ids = append(ids, r.ID)
	}
	if !reflect.DeepEqual(ids, []string{"x", "y", "z"}) {
		t.Errorf("got ids %q, want [x y z]", ids)
	}
	if err := os.WriteFile(filepath.Join(dir, "bad.json"), []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "bad.json") {
		t.Errorf("a broken file: got error %v, want one naming bad.json", err)
	}
	if _, err := Load(filepath.Join(dir, "missing")); err == nil {
		t.Error("a missing path: got no error")
	}
}
