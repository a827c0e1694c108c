package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newspipe/newspipe/document"
)

// got is one emitted document, flattened for comparison.
type got struct {
	id, path, raw, hint, published, meta, err string
	sha                                       string
}

func readAll(t *testing.T, r *Reader, paths ...string) []got {
	t.Helper()
	var out []got
	err := r.Read(context.Background(), paths, func(d *document.Document) error {
		g := got{id: d.Record.ID, path: d.Record.Source.Path, raw: string(d.Raw), hint: d.FormatHint,
			published: d.Published, meta: string(d.Record.Meta), sha: d.Record.Source.SHA256}
		if d.Record.Error != nil {
			g.err = d.Record.Error.Stage + ": " + d.Record.Error.Message
		}
		out = append(out, g)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReadFolderInLexicalOrder(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "b.html"), "<p>b</p>")
	write(t, filepath.Join(dir, "a.txt"), "a")
	write(t, filepath.Join(dir, "sub", "c.txt"), "c")
	write(t, filepath.Join(dir, "notes.md"), "skipped: not an input format")
	write(t, filepath.Join(dir, ".hidden.txt"), "skipped: hidden")
	out := readAll(t, &Reader{}, dir)
	var ids []string
	for _, g := range out {
		ids = append(ids, g.id+"="+g.raw)
	}
	if want := "a=a b=<p>b</p> sub/c=c"; strings.Join(ids, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(ids, " "), want)
	}
	// sha256 of "a", as sha256sum prints it.
	if want := "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"; out[0].sha != want {
		t.Errorf("sha256 of a.txt = %q, want %q", out[0].sha, want)
	}
}

func TestReadJSONLines(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "feed.jsonl")
	write(t, path, strings.Join([]string{
		`{"id": "a", "url": "https://example.org/a", "text": "Hello.", "published": "2021-04-05", "section": "sport", "tags": ["x", "y"]}`,
		``,
		`not json`,
		`{"id": 7, "html": "<p>Hi</p>"}`,
		`{"id": "a", "text": "same id again"}`,
		`{"id": "b", "text": 42}`,
		`{"id": "c"}`,
		`["an", "array"]`,
		`{"id": "d", "text": "", "html": null}`,
	}, "\n"))
	out := readAll(t, &Reader{}, path)
	want := []got{
		{id: "a", path: path, raw: "Hello.", hint: "text", published: "2021-04-05", meta: `{"section":"sport","tags":["x","y"]}`},
		{id: "feed:3", path: path, err: `ingest: invalid JSON on line 3: invalid character 'o' in literal null (expecting 'u')`},
		{id: "7", path: path, raw: "<p>Hi</p>", hint: "html"},
		{id: "a~2", path: path, raw: "same id again", hint: "text"},
		{id: "b", path: path, err: `ingest: line 6: field "text" must be a string`},
		{id: "c", path: path, err: `ingest: line 7: no "text" or "html" field`},
		{id: "feed:8", path: path, err: `ingest: line 8 is a JSON array, not an object`},
		{id: "d", path: path, err: `ingest: line 9: field "text" is empty`},
	}
	if len(out) != len(want) {
		t.Fatalf("got %d documents, want %d: %+v", len(out), len(want), out)
	}
	for i := range want {
		if (out[i].sha == "") != (out[i].err != "" && out[i].raw == "") {
			t.Errorf("document %d: sha256 %q", i, out[i].sha)
		}
		out[i].sha = ""
		if out[i] != want[i] {
			t.Errorf("document %d:\n got %+v\nwant %+v", i, out[i], want[i])
		}
	}
}

func TestReadLimitsSize(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	write(t, big, strings.Repeat("x", 2048))
	lines := filepath.Join(dir, "lines.jsonl")
	write(t, lines, `{"id":"long","text":"`+strings.Repeat("y", 5000)+`"}`+"\n"+`{"id":"ok","text":"fine"}`)
	out := readAll(t, &Reader{MaxBytes: 1024}, big, lines)
	want := []string{
		"ingest: document larger than --max-bytes (1 KB)",
		"ingest: line 1 is larger than --max-bytes (1 KB)",
		"",
	}
	if len(out) != 3 {
		t.Fatalf("got %d documents, want 3", len(out))
	}
	for i, w := range want {
		if out[i].err != w {
			t.Errorf("document %d: err %q, want %q", i, out[i].err, w)
		}
	}
	if out[2].raw != "fine" {
		t.Errorf("the line after a too long one was not read: %+v", out[2])
	}
}

func TestReadMissingPathAndStdin(t *testing.T) {
	stdin := strings.NewReader(`{"id":"s1","text":"one"}` + "\n" + `{"id":"s2","text":"two"}` + "\n")
	out := readAll(t, &Reader{Stdin: stdin}, "does/not/exist.txt", "-")
	if len(out) != 3 {
		t.Fatalf("got %d documents, want 3: %+v", len(out), out)
	}
	if out[0].id != "exist" || out[0].err != "ingest: cannot read file: no such file or directory" {
		t.Errorf("missing file: %+v", out[0])
	}
	if out[1].id != "s1" || out[2].raw != "two" {
		t.Errorf("stdin JSON Lines: %+v", out[1:])
	}

	noStdin := readAll(t, &Reader{}, "-")
	if len(noStdin) != 1 || noStdin[0].id != "stdin" || noStdin[0].err != `ingest: "-" names standard input, which this reader is not given` {
		t.Errorf("no stdin: %+v", noStdin)
	}

	plain := readAll(t, &Reader{Stdin: strings.NewReader("Just an article.\n")}, "-")
	if len(plain) != 1 || plain[0].id != "stdin" || plain[0].raw != "Just an article.\n" {
		t.Errorf("stdin text: %+v", plain)
	}
}

func TestReadGzip(t *testing.T) {
	dir := t.TempDir()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(`{"id":"z","text":"zipped"}` + "\n"))
	zw.Close()
	good := filepath.Join(dir, "feed.jsonl.gz")
	write(t, good, buf.String())
	// Compression is read from the content: a .gz file of plain text is plain text.
	plain := filepath.Join(dir, "plain.txt.gz")
	write(t, plain, "plain text, not gzip")
	out := readAll(t, &Reader{}, good, plain)
	if len(out) != 2 || out[0].raw != "zipped" || out[1].raw != "plain text, not gzip" || out[1].err != "" {
		t.Errorf("got %+v", out)
	}
	if out[1].id != "plain" {
		t.Errorf("id of plain.txt.gz = %q, want plain", out[1].id)
	}
}

func TestReadWARC(t *testing.T) {
	page := "<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xe9</p></body></html>"
	n := 0
	rec := func(typ, uri, headers, block string) string {
		n++
		return "WARC/1.1\r\nWARC-Type: " + typ + "\r\nWARC-Record-ID: <urn:uuid:r" + strconv.Itoa(n) + ">\r\n" +
			"WARC-Date: 2019-03-04T05:06:07Z\r\nWARC-Target-URI: " + uri + "\r\n" + headers +
			"Content-Length: " + strconv.Itoa(len(block)) + "\r\n\r\n" + block + "\r\n\r\n"
	}
	http := func(status, ctype, body string) string {
		return "HTTP/1.1 " + status + "\r\nContent-Type: " + ctype + "\r\n\r\n" + body
	}
	const resp = "Content-Type: application/http; msgtype=response\r\n"
	warcFile := rec("warcinfo", "", "Content-Type: application/warc-fields\r\n", "software: test\r\n") +
		rec("response", "https://example.org/page", resp, http("200 OK", "text/html; charset=windows-1252", page)) +
		rec("request", "https://example.org/page", "Content-Type: application/http; msgtype=request\r\n", "GET / HTTP/1.1\r\n\r\n") +
		rec("metadata", "https://example.org/page", "Content-Type: application/warc-fields\r\n", "outlink: x\r\n") +
		rec("revisit", "https://example.org/page", resp, "HTTP/1.1 200 OK\r\n\r\n") +
		"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\ngarbage that ends too soon\r\n\r\n" +
		rec("response", "https://example.org/gone", resp, http("404 Not Found", "text/html", "<p>gone</p>")) +
		rec("response", "https://example.org/moved", resp, http("301 Moved", "text/html", "<p>moved</p>")) +
		rec("response", "https://example.org/robots.txt", resp, http("200 OK", "text/plain", "User-agent: *")) +
		rec("response", "https://example.org/a.css", resp, http("200 OK", "text/css", "p{}")) +
		rec("response", "https://example.org/a.js", resp, http("200 OK", "application/javascript", "var x")) +
		rec("response", "dns:example.org", "Content-Type: text/dns\r\n", "20190304 example.org. 300 IN A 1.2.3.4") +
		rec("response", "https://example.org/empty", resp, http("200 OK", "text/html", "")) +
		rec("resource", "https://example.org/logo.png", "Content-Type: image/png\r\n", "\x89PNG") +
		rec("resource", "metadata://example.org/crawl.log", "Content-Type: text/plain\r\n", "log line") +
		rec("resource", "https://example.org/plain", "Content-Type: text/plain\r\n", "A plain text article.")
	dir := t.TempDir()
	path := filepath.Join(dir, "crawl.warc")
	write(t, path, warcFile)
	r := &Reader{}
	out := readAll(t, r, path)
	var got []string
	for _, g := range out {
		got = append(got, g.id+" "+g.hint+" "+g.err)
	}
	if len(out) != 3 {
		t.Fatalf("got %d documents, want the page, the corrupt record and the text: %q", len(out), got)
	}
	if out[0].id != "r2" || out[0].hint != "html" || out[0].raw != page || out[0].err != "" {
		t.Errorf("page: %+v", out[0])
	}
	if !strings.Contains(out[1].err, "corrupt WARC record") || out[1].id != "crawl:6" {
		t.Errorf("corrupt record: %+v", out[1])
	}
	if out[2].raw != "A plain text article." || out[2].id != "r15" {
		t.Errorf("text resource: %+v", out[2])
	}
	want := "13 web-archive records skipped (not documents): 2 non-2xx responses, 2 scripts and styles, " +
		"1 DNS lookup, 1 crawler record (metadata:), 1 empty payload, 1 file description, 1 image, " +
		"1 metadata record, 1 request, 1 revisit, 1 robots.txt file"
	if line := r.Summary().RecordsLine(); line != want {
		t.Errorf("summary\n got %q\nwant %q", line, want)
	}
}

// TestReadWARCFetchDate checks that a page's WARC-Date reaches the document as the fetch
// date, not as its publication date.
func TestReadWARCFetchDate(t *testing.T) {
	block := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Yesterday it rained.</p>"
	dir := t.TempDir()
	path := filepath.Join(dir, "a.warc")
	write(t, path, "WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2012-01-18T09:10:11Z\r\nWARC-Target-URI: http://example.org/\r\n"+
		"Content-Length: "+strconv.Itoa(len(block))+"\r\n\r\n"+block+"\r\n\r\n")
	var docs []*document.Document
	if err := (&Reader{}).Read(context.Background(), []string{path}, func(d *document.Document) error {
		docs = append(docs, d)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Fetched.Format(time.RFC3339) != "2012-01-18T09:10:11Z" || docs[0].Published != "" {
		t.Fatalf("got %+v", docs)
	}
	if docs[0].Record.ID != "a:1" || docs[0].Record.Source.URL != "http://example.org/" {
		t.Errorf("a record without WARC-Record-ID: id %q, url %q", docs[0].Record.ID, docs[0].Record.Source.URL)
	}
}

// TestReadNoHash checks that NoHash changes nothing but the hash, for every kind of input.
func TestReadNoHash(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), "Plain text.")
	write(t, filepath.Join(dir, "b.jsonl"), `{"id":"x","text":"Line one."}`+"\n"+`{"html":"<p>Two</p>","url":"https://example.org/2"}`+"\n")
	block := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Three</p>"
	write(t, filepath.Join(dir, "c.warc"), "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/3\r\n"+
		"Content-Type: application/http; msgtype=response\r\nContent-Length: "+strconv.Itoa(len(block))+"\r\n\r\n"+block+"\r\n\r\n")
	hashed := readAll(t, &Reader{}, dir)
	plain := readAll(t, &Reader{NoHash: true}, dir)
	if len(hashed) != 4 || len(plain) != len(hashed) {
		t.Fatalf("read %d and %d documents, want 4 each", len(hashed), len(plain))
	}
	for i := range hashed {
		if hashed[i].sha != Hash([]byte(hashed[i].raw)) && !strings.HasSuffix(hashed[i].path, ".jsonl") || hashed[i].sha == "" {
			t.Errorf("document %d: hash %q", i, hashed[i].sha)
		}
		want := hashed[i]
		want.sha = ""
		if plain[i] != want {
			t.Errorf("document %d with NoHash = %+v, want %+v", i, plain[i], want)
		}
	}
}
