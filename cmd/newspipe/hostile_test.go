package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// hostileRecord is the part of a record the hostile-input tests look at.
type hostileRecord struct {
	ID       string   `json:"id"`
	Language string   `json:"language"`
	Title    string   `json:"title"`
	Text     string   `json:"text"`
	Warnings []string `json:"warnings"`
	Error    *struct {
		Stage   string `json:"stage"`
		Message string `json:"message"`
	} `json:"error"`
}

// runHostile runs newspipe on paths and returns its records by id, checking the invariant:
// one record per input document, every line valid JSON.
func runHostile(t *testing.T, wantRecords int, args ...string) map[string]hostileRecord {
	t.Helper()
	code, out, errOut := run(t, "", append([]string{"run"}, args...)...)
	if code != exitFailures && code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != wantRecords {
		t.Fatalf("got %d records, want %d\n%s", len(lines), wantRecords, errOut)
	}
	recs := map[string]hostileRecord{}
	for _, l := range lines {
		var r hostileRecord
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("invalid JSON record %.200q: %v", l, err)
		}
		recs[r.ID] = r
	}
	return recs
}

func TestHostileInputs(t *testing.T) {
	files, _ := filepath.Glob("testdata/hostile/*")
	sort.Strings(files)
	// broken.jsonl holds 6 documents; every other file is one.
	recs := runHostile(t, len(files)-1+6, files...)

	fails := map[string]string{ // id -> "stage: message" it must give
		"empty":        "decode: empty document",
		"whitespace":   "decode: empty document: only white space",
		"image":        "decode: not text: looks like a PNG image",
		"binary":       "decode: not text: looks like a PNG image",
		"truncated":    "ingest: truncated gzip data: the file ends in the middle of the stream",
		"scripts-only": "normalize: empty document: no visible text",
		"broken:2":     "ingest: invalid JSON on line 2: invalid character 'h' in literal true (expecting 'r')",
		"missing-text": `ingest: line 3: no "text" or "html" field`,
		"wrong-type":   `ingest: line 4: field "text" must be a string`,
		"42":           `ingest: line 6: field "published" must be a string`,
	}
	for id, want := range fails {
		r, ok := recs[id]
		if !ok {
			t.Errorf("%s: no record", id)
			continue
		}
		if r.Error == nil || r.Error.Stage+": "+r.Error.Message != want {
			t.Errorf("%s: error %+v, want %q", id, r.Error, want)
		}
	}

	texts := map[string]struct{ lang, contains string }{ // id -> what a good record holds
		"article":                 {"en", "Harbour Bridge in Port Aldine will close for six weeks"},
		"invalid-utf8":            {"en", "close for six \uFFFD weeks"},
		"utf16le-bom":             {"en", "“We know this is disruptive,” said Mayor Tom Reed."},
		"utf16be-nobom":           {"en", "“We know this is disruptive,” said Mayor Tom Reed."},
		"windows-1252-declared":   {"fr", "ont été marquées par des désaccords"},
		"windows-1252-undeclared": {"fr", "ont été marquées par des désaccords"},
		"latin1-declared":         {"fr", "ont été marquées par des désaccords"},
		"shift-jis":               {"ja", "東京都は水曜日、来年度の予算案を発表した。"},
		"german":                  {"de", "Die Bundesregierung hat sich am Mittwoch"},
		"one-word":                {"und", "Breaking"},
		"nul-bytes":               {"en", "The council voted on Tuesday to close the harbour bridge for repairs."},
		"ok-1":                    {"en", "weather in Riverton"},
		"ok-1~2":                  {"en", "reuses the id"},
	}
	for id, want := range texts {
		r, ok := recs[id]
		switch {
		case !ok:
			t.Errorf("%s: no record", id)
		case r.Error != nil:
			t.Errorf("%s: error %+v", id, r.Error)
		case !strings.Contains(r.Text, want.contains) && !strings.Contains(r.Title, want.contains):
			t.Errorf("%s: text %.120q lacks %q", id, r.Text, want.contains)
		case r.Language != want.lang:
			t.Errorf("%s: language %q, want %q", id, r.Language, want.lang)
		}
	}
	if w := recs["nul-bytes"].Warnings; len(w) != 1 || w[0] != "3 NUL bytes were removed from the text" {
		t.Errorf("nul-bytes: warnings %q, want one saying 3 NUL bytes were removed", w)
	}
	if w := recs["german"].Warnings; len(w) != 2 || !strings.Contains(w[0], "entity model is English-only") ||
		!strings.Contains(w[1], "date rules are English-only") {
		t.Errorf("german: warnings %q, want one saying entities were skipped and one saying dates were", w)
	}
}

func TestHostileLargeInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("writes about 60 MB")
	}
	dir := t.TempDir()
	// A 50 MB single line: over the default --max-bytes of 10 MB.
	writeFile(t, filepath.Join(dir, "a-long-line.txt"), strings.Repeat("word ", 10<<20))
	// HTML nested 200,000 levels deep: the parser refuses it, the text is still read.
	writeFile(t, filepath.Join(dir, "b-deep.html"), "<html><body>"+strings.Repeat("<div>", 200_000)+
		"<p>The deeply nested paragraph of this page still holds the article text that readers came for.</p>"+strings.Repeat("</div>", 200_000)+"</body></html>")
	// JSON Lines with a line over the limit between two good ones.
	writeFile(t, filepath.Join(dir, "c-feed.jsonl"), `{"id":"before","text":"The first short article of the feed is fine."}`+"\n"+
		`{"id":"huge","text":"`+strings.Repeat("x", 11<<20)+`"}`+"\n"+`{"id":"after","text":"The last short article of the feed is fine too."}`+"\n")
	recs := runHostile(t, 5, dir)
	if e := recs["a-long-line"].Error; e == nil || e.Message != "document larger than --max-bytes (10 MB)" {
		t.Errorf("50 MB line: error %+v", e)
	}
	if r := recs["b-deep"]; r.Error != nil || !strings.Contains(r.Text, "deeply nested paragraph") || len(r.Warnings) == 0 {
		t.Errorf("deep HTML: %+v", r)
	}
	if e := recs["c-feed:2"].Error; e == nil || e.Message != "line 2 is larger than --max-bytes (10 MB)" {
		t.Errorf("huge JSONL line: error %+v", e)
	}
	if recs["before"].Error != nil || recs["after"].Error != nil {
		t.Errorf("a huge line harmed its neighbours: %+v %+v", recs["before"], recs["after"])
	}
	if _, err := os.Stat(dir); err != nil {
		t.Fatal(err)
	}
}
