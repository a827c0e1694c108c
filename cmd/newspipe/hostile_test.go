package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/newspipe/newspipe/internal/sharedtest"
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
		"image.png":    "decode: not text: looks like a PNG image",
		"binary":       "decode: not text: looks like a PNG image",
		"truncated":    "ingest: truncated gzip data: the file ends in the middle of the stream",
		"scripts-only": "parse: empty document: no visible text",
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
	if r := recs["mostly-utf8"]; !strings.Contains(r.Text, "António Costa, \uFFFDsaid\uFFFD on Tuesday") ||
		len(r.Warnings) != 1 || r.Warnings[0] != "3 bytes that are not valid UTF-8 were replaced with U+FFFD" {
		t.Errorf("mostly-utf8: text %.200q, warnings %q", r.Text, r.Warnings)
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

// TestStdinLongJSONLines pipes JSON Lines of 300 KB a line, as a dump of news pages is.
func TestStdinLongJSONLines(t *testing.T) {
	body := strings.Repeat("The council met on Tuesday to debate the harbour bridge and its repairs. ", 4200)
	stdin := `{"id":"first","text":"` + body + `"}` + "\n" + `{"id":"second","text":"` + body + `"}` + "\n"
	code, out, errOut := run(t, stdin, "run", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var ids []string
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var r hostileRecord
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(r.Text, `"text"`) {
			t.Errorf("%s: the record holds raw JSON", r.ID)
		}
		ids = append(ids, r.ID)
	}
	if strings.Join(ids, " ") != "first second" {
		t.Errorf("records %q, want first and second", ids)
	}
}

// TestOutDirKeepsEveryDocument checks that files whose names differ only in a dotted date
// or an ending give distinct records and files.
func TestOutDirKeepsEveryDocument(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	for _, name := range []string{"news.2024.06.01.txt", "news.2024.06.02.txt", "page.txt", "page.html"} {
		writeFile(t, filepath.Join(in, name), "The story of "+name+" is told here in full, as the council decided on Tuesday.\n")
	}
	code, _, errOut := run(t, "", "run", "--out-dir", out, in)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	files, _ := filepath.Glob(filepath.Join(out, "*.json"))
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	sort.Strings(names)
	if want := "news.2024.06.01.json news.2024.06.02.json page.json page~2.json"; strings.Join(names, " ") != want {
		t.Errorf("files %q, want %s", names, want)
	}
}

// TestNoDocuments checks that an input without documents says so and fails.
func TestNoDocuments(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "notes.md"), "not an input format")
	code, out, errOut := run(t, "", "run", dir)
	if code != exitFailures || out != "" || !strings.Contains(errOut, "no documents in the input") ||
		!strings.Contains(errOut, "1 file in folders not read (not an input format, or not a regular file): "+filepath.Join(dir, "notes.md")) {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// TestSharedCrawls runs the web archives made by real crawlers: records come only from
// HTML pages, and the other records are counted on standard error.
func TestSharedCrawls(t *testing.T) {
	dir := sharedtest.Path(t, "data/warc")
	code, out, errOut := run(t, "", "run", "--site-repeats=false", dir)
	if code != exitOK && code != exitFailures {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "web-archive records skipped (not documents): ") || !strings.Contains(errOut, " images") {
		t.Errorf("no skip summary: %s", errOut)
	}
	type rec struct {
		ID     string `json:"id"`
		Source struct {
			URL    string `json:"url"`
			Format string `json:"format"`
		} `json:"source"`
		Error *struct{ Stage, Message string } `json:"error"`
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var r rec
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		n++
		switch {
		case r.Error != nil && !strings.Contains(r.Error.Message, "corrupt") && !strings.Contains(r.Error.Message, "empty document"):
			t.Errorf("%s (%s): error record %+v", r.ID, r.Source.URL, r.Error)
		case r.Error == nil && r.Source.Format != "html":
			t.Errorf("%s (%s): format %q, want html", r.ID, r.Source.URL, r.Source.Format)
		case strings.HasSuffix(r.Source.URL, ".css") || strings.HasSuffix(r.Source.URL, ".js") || strings.HasSuffix(r.Source.URL, "robots.txt"):
			t.Errorf("%s: a record for %s", r.ID, r.Source.URL)
		}
	}
	t.Logf("%d records; %s", n, errOut)
}

// TestWARCDateIsTheReference checks that a crawled page without a date of its own has its
// relative dates resolved against the day it was fetched, which is not its publication date.
func TestWARCDateIsTheReference(t *testing.T) {
	body := "<html><body><article><h1>Bridge reopens</h1><p>The harbour bridge in Port Aldine reopened yesterday after six weeks of repairs, the council said in a statement to residents.</p></article></body></html>"
	block := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
	path := filepath.Join(t.TempDir(), "crawl.warc")
	writeFile(t, path, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:page>\r\nWARC-Date: 2019-03-04T05:06:07Z\r\n"+
		"WARC-Target-URI: http://example.org/bridge\r\nContent-Length: "+fmt.Sprint(len(block))+"\r\n\r\n"+block+"\r\n\r\n")
	code, out, errOut := run(t, "", "run", "--published", "2001-01-01", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r struct {
		ID        string `json:"id"`
		Published string `json:"published"`
		Dates     []struct {
			Text  string `json:"text"`
			Value string `json:"value"`
		} `json:"dates"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.ID != "page" || r.Published != "" || len(r.Dates) == 0 || r.Dates[0].Text != "yesterday" || r.Dates[0].Value != "2019-03-03" {
		t.Errorf("got %+v, want id page, no publication date, yesterday = 2019-03-03", r)
	}
}

// TestHostileManyBlocks runs pages of tens of thousands of blocks (a big table, a flat
// run of <div>s) through the pipeline: each gives one good record that accounts for
// every block, kept or removed with a reason. How fast and small this stays is measured
// by stages/extract's BenchmarkExtractLargeTable and BenchmarkExtractManyDivs.
func TestHostileManyBlocks(t *testing.T) {
	if testing.Short() {
		t.Skip("runs pages of 60,000 blocks")
	}
	article := "<article><h1>Harbour reopens</h1>" + strings.Repeat(
		"<p>The harbour reopened on Monday after a week of repairs to the old sea wall, the council said.</p>", 3) + "</article>"
	row := "<tr>" + strings.Repeat("<td>abcdefghij</td>", 200) + "</tr>"
	pages := []struct {
		name, html string
		blocks     int  // visible blocks of the page
		prose      bool // the article's paragraphs are in the text
	}{
		// In file name order: records come out in input order.
		{"divs", "<html><body>" + strings.Repeat("<div>a</div>", 60_000) + "</body></html>", 60_000, false},
		{"table", "<html><body>" + article + "<table>" + strings.Repeat(row, 300) + "</table></body></html>", 1 + 3 + 300*200, true},
	}
	dir := t.TempDir()
	for _, p := range pages {
		writeFile(t, filepath.Join(dir, p.name+".html"), p.html)
	}
	code, out, errOut := run(t, "", "run", "--site-repeats=false", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(pages) {
		t.Fatalf("got %d records, want %d", len(lines), len(pages))
	}
	for i, p := range pages {
		var r struct {
			hostileRecord
			Removed []struct{ Text, Reason string } `json:"removed"`
		}
		if err := json.Unmarshal([]byte(lines[i]), &r); err != nil {
			t.Fatalf("%s: %v", p.name, err)
		}
		if r.ID != p.name || r.Error != nil {
			t.Errorf("%s: id %q, error %+v", p.name, r.ID, r.Error)
			continue
		}
		kept := 0
		if r.Text != "" {
			kept = len(strings.Split(r.Text, "\n\n"))
		}
		if kept+len(r.Removed) != p.blocks {
			t.Errorf("%s: %d blocks kept and %d removed, want %d in all", p.name, kept, len(r.Removed), p.blocks)
		}
		for _, b := range r.Removed {
			if b.Reason == "" {
				t.Errorf("%s: block %q removed without a reason", p.name, b.Text)
				break
			}
		}
		if got := strings.Contains(r.Text, "sea wall"); got != p.prose {
			t.Errorf("%s: article prose in the text: %v, want %v\n%.300s", p.name, got, p.prose, r.Text)
		}
	}
}

// TestStatsCountSkipped checks that --stats lists, under the source, the files of a
// folder and the web-archive records that are not documents, by reason.
func TestStatsCountSkipped(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "notes.md"), "not an input format")
	writeFile(t, filepath.Join(dir, "page.html"), "<html><body><p>"+batteryProse+"</p></body></html>")
	recs := bytes.Join(crawl(), nil)
	writeFile(t, filepath.Join(dir, "crawl.warc"), string(recs))
	code, _, errOut := run(t, "", "run", "--stats", "--site-repeats=false", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, row := range []struct {
		name string
		n    int
	}{
		{"source", 4}, {"skipped files", 1}, {"skipped records: non-2xx responses", 3}, {"skipped records: images", 1},
		{"skipped records: requests", 1}, {"skipped records: revisits", 1}, {"skipped records: robots.txt files", 1},
	} {
		if !regexp.MustCompile(`(?m)^ *` + regexp.QuoteMeta(row.name) + ` +` + fmt.Sprint(row.n) + ` `).MatchString(errOut) {
			t.Errorf("no row %q of %d in\n%s", row.name, row.n, errOut)
		}
	}
}

// TestPipesAreReadOnce names pipes on the command line, as a shell's process
// substitution does (`newspipe run <(zcat dump.gz)`): their bytes can be read only once,
// so the site-repeats pre-pass must not read them first, whatever the flags say.
func TestPipesAreReadOnce(t *testing.T) {
	feed := `{"id":"one","text":"` + batteryProse + `"}` + "\n" + `{"id":"two","text":"` + batteryProse + `"}` + "\n"
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"site repeats by default", nil},
		{"site repeats asked for", []string{"--site-repeats=true"}},
		{"report", []string{"--report", "REPORT"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			go func() {
				w.WriteString(feed)
				w.Close()
			}()
			args := []string{"run"}
			for _, a := range tt.args {
				args = append(args, strings.ReplaceAll(a, "REPORT", filepath.Join(t.TempDir(), "report.html")))
			}
			code, out, errOut := run(t, "", append(args, fmt.Sprintf("/dev/fd/%d", r.Fd()))...)
			var ids []string
			for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				var rec hostileRecord
				if err := json.Unmarshal([]byte(line), &rec); err != nil {
					t.Fatalf("invalid record %.100q: %v", line, err)
				}
				ids = append(ids, rec.ID)
			}
			if code != exitOK || strings.Join(ids, " ") != "one two" {
				t.Errorf("exit %d, records %q, want 0 and one two\nstderr: %s", code, ids, errOut)
			}
		})
	}
}
