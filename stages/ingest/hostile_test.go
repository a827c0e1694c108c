package ingest

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/newspipe/newspipe/document"
)

// TestReadHostileFiles checks files built to confuse the reader: each gives exactly the
// documents it holds, and a clear error record where it is bad.
func TestReadHostileFiles(t *testing.T) {
	page := "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:p>\r\nWARC-Target-URI: file:///p.txt\r\n" +
		"Content-Type: text/plain\r\nContent-Length: 4\r\n\r\nText\r\n\r\n"
	// A response record whose block claims to be HTTP but is the page alone.
	html := "<html><body><p>The bridge will close for six weeks.</p></body></html>"
	bare := "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bare>\r\nWARC-Target-URI: http://a.test/\r\n" +
		"Content-Type: application/http; msgtype=response\r\nContent-Length: " + strconv.Itoa(len(html)) + "\r\n\r\n" + html + "\r\n\r\n"
	png := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
	mislabelled := "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:img>\r\nWARC-Target-URI: http://a.test/logo\r\n" +
		"Content-Type: application/http; msgtype=response\r\nContent-Length: " + strconv.Itoa(len(png)) + "\r\n\r\n" + png + "\r\n\r\n"
	// ARC records without the file description that starts an ARC file.
	arcBody := "HTTP/1.0 200 OK\nContent-Type: text/html\n\n" + html
	arcRecords := "http://a.test/1 10.0.0.1 20240501100000 text/html " + strconv.Itoa(len(arcBody)) + "\n" + arcBody + "\n" +
		"http://a.test/2 10.0.0.1 20240501100000 text/html " + strconv.Itoa(len(arcBody)) + "\n" + arcBody + "\n"
	junkErr := `junk:1!ingest: WARC record 1 at byte 0: corrupt WARC record: no WARC version line: "partial record"`
	tests := []struct {
		name    string
		content string
		want    []string // id=raw, or id!error
		skipped string   // the summary of skipped records, if any
	}{
		{"junk.warc", "partial record\r\n" + page, []string{junkErr, "p=Text"}, ""},
		{"junk.warc.gz", "partial record\r\n" + gzipString(t, page) + gzipString(t, page), []string{junkErr, "p=Text", "p~2=Text"}, ""},
		{"html-named.warc", html, []string{"html-named=" + html}, ""},
		{"blank-lines-first", "\r\n\r\n" + page, []string{"p=Text"}, ""},
		{"no-filedesc.arc", arcRecords, []string{"no-filedesc:1=" + html, "no-filedesc:2=" + html}, ""},
		{"no-filedesc.arc.gz", gzipString(t, arcRecords), []string{"no-filedesc:1=" + html, "no-filedesc:2=" + html}, ""},
		{"colon-line.txt", "Note: 1 2 3 4\nThe meeting is at noon.", []string{"colon-line=Note: 1 2 3 4\nThe meeting is at noon."}, ""},
		{"nested.txt.gz", gzipString(t, gzipString(t, "An article.")), []string{"nested=An article."}, ""},
		{"gzip-of-zstd", gzipString(t, zstdString(t, `{"id":"a","text":"x"}`+"\n")), []string{"a=x"}, ""},
		{"three-layers.warc.gz", gzipString(t, zstdString(t, gzipString(t, page))), []string{"p=Text"}, ""},
		{"empty.warc", "", nil, ""},
		{"no-http-headers.warc", bare, []string{"bare=" + html}, ""},
		{"image-labelled-html.warc", mislabelled + bare, []string{"bare=" + html},
			"1 web-archive record skipped (not documents): 1 binary payload labelled as a page"},
		{"empty.arc", "", nil, ""},
		{"empty.warc.gz", gzipString(t, ""), nil, ""},
		{"empty.jsonl", "", nil, ""},
		{"kinds.jsonl", "\"a string\"\n42\ntrue\nnull\n[{}]\n", []string{
			"kinds:1!ingest: line 1 is a JSON string, not an object",
			"kinds:2!ingest: line 2 is a JSON number, not an object",
			"kinds:3!ingest: line 3 is a JSON boolean, not an object",
			"kinds:4!ingest: line 4 is a JSON null, not an object",
			"kinds:5!ingest: line 5 is a JSON array, not an object",
		}, ""},
		{"ids.jsonl", `{"id":["a"],"text":"x"}` + "\n" + `{"id":{"k":1},"text":"x"}` + "\n" + `{"id":null,"text":"x"}` + "\n" +
			`{"id":"","text":"x"}` + "\n" + `{"id":7,"text":"x"}` + "\n" + `{"id":false,"text":"x"}` + "\n", []string{
			`ids:1!ingest: line 1: field "id" must be a string or a number`,
			`ids:2!ingest: line 2: field "id" must be a string or a number`,
			"ids:3=x", "ids:4=x", "7=x",
			`ids:6!ingest: line 6: field "id" must be a string or a number`,
		}, ""},
		// Files written with a byte order mark, joined by cat: each line starts with one.
		{"bom-each-line.jsonl", "\ufeff" + `{"id":"a","text":"x"}` + "\n\ufeff" + `{"id":"b","text":"y"}` + "\r\n\ufeff\n" + "\ufeff" + `{"text":"z"}`,
			[]string{"a=x", "b=y", "bom-each-line:4=z"}, ""},
		{"blank-runs.jsonl", strings.Repeat("\n", 200_000) + " \t\r\n" + `{"text":"x"}` + strings.Repeat("\r\n \n", 100_000) + `{"text":"y"}`,
			[]string{"blank-runs:200002=x", "blank-runs:400002=y"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.name)
			write(t, path, tt.content)
			var gotDocs []string
			r := &Reader{}
			for _, g := range readAll(t, r, path) {
				if g.err != "" {
					gotDocs = append(gotDocs, g.id+"!"+g.err)
				} else {
					gotDocs = append(gotDocs, g.id+"="+g.raw)
				}
			}
			if strings.Join(gotDocs, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(gotDocs, "\n"), strings.Join(tt.want, "\n"))
			}
			if line := r.Summary().RecordsLine(); line != tt.skipped {
				t.Errorf("skipped: %q, want %q", line, tt.skipped)
			}
		})
	}
}

// TestReadNewlineBomb checks that a small gzip file of 64 MB of line ends is read
// as no document at all. Blank lines are skipped a buffer at a time, so such a bomb goes
// at the speed of the decompressor; the test checks the count, not the time.
func TestReadNewlineBomb(t *testing.T) {
	if testing.Short() {
		t.Skip("decompresses 64 MB")
	}
	path := filepath.Join(t.TempDir(), "bomb.jsonl.gz")
	write(t, path, gzipString(t, string(bytes.Repeat([]byte("\n"), 64<<20))))
	if got := readAll(t, &Reader{}, path); len(got) != 0 {
		t.Errorf("got %d documents, want none", len(got))
	}
}

// TestIDsAreValidUTF8 reads documents whose names are not valid UTF-8 (file names,
// WARC-Record-IDs): records are JSON, where such bytes become U+FFFD, so the ids are made
// valid before they are made unique, or two documents would share one id.
func TestIDsAreValidUTF8(t *testing.T) {
	warcPage := func(id string) string {
		return "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:" + id + ">\r\nWARC-Target-URI: file:///p.txt\r\n" +
			"Content-Type: text/plain\r\nContent-Length: 4\r\n\r\nText\r\n\r\n"
	}
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"file names", map[string]string{"bad\xffname.txt": "a", "bad\xfename.txt": "b", "bad\uFFFDname.txt": "c"},
			// In the order of the names' bytes: U+FFFD (ef bf bd), fe, ff.
			[]string{"bad\uFFFDname=c", "bad\uFFFDname~2=b", "bad\uFFFDname~3=a"}},
		{"WARC-Record-IDs", map[string]string{"crawl.warc": warcPage("x\xff") + warcPage("x\xfe")},
			[]string{"x\uFFFD=Text", "x\uFFFD~2=Text"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, content := range tt.files {
				write(t, filepath.Join(dir, name), content)
			}
			var got []string
			for _, g := range readAll(t, &Reader{}, dir) {
				got = append(got, g.id+"="+g.raw)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestJSONLinesInvalidUTF8 checks that bytes of a JSON line's article that are not valid
// UTF-8, which become U+FFFD, are counted in a warning on the record, as a document's are.
func TestJSONLinesInvalidUTF8(t *testing.T) {
	tests := []struct {
		name string
		line string
		want []string
	}{
		{"valid", `{"text":"café"}`, nil},
		{"escaped", `{"text":"caf\u00e9"}`, nil},
		{"Latin-1 byte in the text", "{\"text\":\"caf\xe9 cr\xe8me\"}", []string{"2 bytes that are not valid UTF-8 were replaced with U+FFFD"}},
		{"invalid byte in the html", "{\"html\":\"<p>\xff</p>\"}", []string{"1 byte that is not valid UTF-8 was replaced with U+FFFD"}},
		{"invalid byte in another field", "{\"text\":\"x\",\"note\":\"\xff\"}", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "in.jsonl")
			write(t, path, tt.line+"\n")
			var got [][]string
			err := (&Reader{}).Read(context.Background(), []string{path}, func(d *document.Document) error {
				got = append(got, d.Record.Warnings)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || !slices.Equal(got[0], tt.want) {
				t.Errorf("warnings %q, want one document with %q", got, tt.want)
			}
		})
	}
}
