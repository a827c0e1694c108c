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
	}, "\n"))
	out := readAll(t, &Reader{}, path)
	want := []got{
		{id: "a", path: path, raw: "Hello.", hint: "text", published: "2021-04-05", meta: `{"section":"sport","tags":["x","y"]}`},
		{id: "feed:3", path: path, err: `ingest: invalid JSON on line 3: invalid character 'o' in literal null (expecting 'u')`},
		{id: "7", path: path, raw: "<p>Hi</p>", hint: "html"},
		{id: "a~2", path: path, raw: "same id again", hint: "text"},
		{id: "b", path: path, err: `ingest: line 6: field "text" must be a string`},
		{id: "c", path: path, err: `ingest: line 7: no "text" or "html" field`},
		{id: "feed:8", path: path, err: `ingest: invalid JSON on line 8: json: cannot unmarshal array into Go value of type map[string]json.RawMessage`},
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
	bad := filepath.Join(dir, "broken.txt.gz")
	write(t, bad, "plain text, not gzip")
	out := readAll(t, &Reader{}, good, bad)
	if len(out) != 2 || out[0].raw != "zipped" || !strings.HasPrefix(out[1].err, "ingest: not a gzip file") {
		t.Errorf("got %+v", out)
	}
	if out[1].id != "broken" {
		t.Errorf("id of broken.txt.gz = %q, want broken", out[1].id)
	}
}

func TestReadWARC(t *testing.T) {
	page := "<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xe9</p></body></html>"
	rec := func(typ, headers, block string) string {
		return "WARC/1.1\r\nWARC-Type: " + typ + "\r\nWARC-Target-URI: https://example.org/" + typ + "\r\n" + headers +
			"Content-Length: " + strconv.Itoa(len(block)) + "\r\n\r\n" + block + "\r\n\r\n"
	}
	http := func(status, ctype, body string) string {
		return "HTTP/1.1 " + status + "\r\nContent-Type: " + ctype + "\r\n\r\n" + body
	}
	warcFile := rec("warcinfo", "Content-Type: application/warc-fields\r\n", "software: test\r\n") +
		rec("response", "Content-Type: application/http; msgtype=response\r\n", http("200 OK", "text/html; charset=windows-1252", page)) +
		rec("request", "Content-Type: application/http; msgtype=request\r\n", "GET / HTTP/1.1\r\n\r\n") +
		"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\ngarbage that ends too soon\r\n\r\n" +
		rec("response", "Content-Type: application/http; msgtype=response\r\n", http("404 Not Found", "text/html", "<p>gone</p>")) +
		rec("resource", "Content-Type: image/png\r\n", "\x89PNG") +
		rec("resource", "Content-Type: text/plain\r\n", "A plain text article.")
	dir := t.TempDir()
	path := filepath.Join(dir, "crawl.warc")
	write(t, path, warcFile)
	out := readAll(t, &Reader{}, path)
	var got []string
	for _, g := range out {
		got = append(got, g.id+" "+g.hint+" "+g.err)
	}
	if len(out) != 5 || out[0].hint != "html" || out[0].raw != page || out[0].err != "" {
		t.Fatalf("first response: %+v", out[0])
	}
	last := out[len(out)-1]
	if last.raw != "A plain text article." || last.hint != "text" {
		t.Errorf("last record: %+v", last)
	}
	var sawCorrupt, saw404, sawPNG bool
	for _, g := range out {
		sawCorrupt = sawCorrupt || strings.Contains(g.err, "corrupt WARC record")
		saw404 = saw404 || g.err == "ingest: HTTP status 404: the response holds no article"
		sawPNG = sawPNG || g.err == "ingest: not text: content type image/png"
	}
	if !saw404 || !sawPNG || !sawCorrupt {
		t.Errorf("want error records for the corrupt record, the 404 and the PNG: %q", got)
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
