package annotate

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/stages"
	"github.com/newspipe/newspipe/stages/ingest"
)

// inputs writes a small batch: articles of the bundled corpus, a JSON Lines file with a
// bad line, a small WARC file and a missing path.
func inputs(t *testing.T) (dir string, patterns []string) {
	t.Helper()
	dir = t.TempDir()
	corpus := filepath.Join("..", "..", "corpus")
	for _, name := range []string{"000_92bbd93c5f6a1fd9.txt", "002_305ce0516b554c3e.txt", "feeds.jsonl"} {
		b, err := os.ReadFile(filepath.Join(corpus, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	html, err := filepath.Glob(filepath.Join(corpus, "*.html"))
	if err != nil || len(html) == 0 {
		t.Fatalf("no HTML article in %s", corpus)
	}
	b, err := os.ReadFile(html[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "page.html"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	jsonl := `{"id":"ok","text":"Officials met in Geneva on Monday.\n\nThe talks will resume next week."}` + "\n" +
		`{"id":"broken", "text": tru}` + "\n" +
		`{"id":"ok","html":"<p>A second document with the same id, as HTML.</p>"}` + "\n"
	if err := os.WriteFile(filepath.Join(dir, "batch.jsonl"), []byte(jsonl), 0o644); err != nil {
		t.Fatal(err)
	}
	page := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" +
		"<html><head><title>Port reopens</title></head><body><article><p>The port reopened on Tuesday after a two-day strike, officials said.</p></article></body></html>"
	warc := "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/port\r\n" +
		"WARC-Record-ID: <urn:uuid:1>\r\nContent-Type: application/http; msgtype=response\r\n" +
		"Content-Length: " + itoa(len(page)) + "\r\n\r\n" + page + "\r\n\r\n"
	if err := os.WriteFile(filepath.Join(dir, "crawl.warc"), []byte(warc), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, []string{filepath.Join(dir, "*.txt"), filepath.Join(dir, "*.html"), filepath.Join(dir, "*.jsonl"),
		filepath.Join(dir, "crawl.warc"), filepath.Join(dir, "missing.txt")}
}

func itoa(n int) string {
	var b []byte
	for ; n > 0 || len(b) == 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// sequential is what newspipe run --site-repeats=false gives for the same patterns, one
// document after another.
func sequential(t *testing.T, patterns []string, published string) []string {
	t.Helper()
	models, err := stages.Load()
	if err != nil {
		t.Fatal(err)
	}
	f := &annotateFn{Published: published}
	if err := f.Setup(); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, p := range patterns {
		paths, _ := filepath.Glob(p)
		if len(paths) == 0 {
			paths = []string{p}
		}
		src := func(ctx context.Context, emit func(*document.Document) error) error {
			return (&ingest.Reader{}).Read(ctx, paths, emit)
		}
		batch := stages.Batch{Options: stages.Options{Published: f.ref, EncodeJSON: true}, Source: src}
		_, err := models.Run(context.Background(), batch, func(o stages.Outcome) error {
			b, err := stages.JSON(o)
			lines = append(lines, string(b))
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return lines
}

func TestAnnotateOnPrismEqualsSequentialRun(t *testing.T) {
	_, patterns := inputs(t)
	out := filepath.Join(t.TempDir(), "out.jsonl") // outside dir, which the patterns read

	p, s := beam.NewPipelineWithRoot()
	lines := Annotate(s, beam.CreateList(s, patterns), Options{Published: "2018-06-12"})
	textio.Write(s, out, lines)
	if _, err := prism.Execute(context.Background(), p); err != nil {
		t.Fatalf("prism: %v", err)
	}

	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	want := sequential(t, patterns, "2018-06-12")
	slices.Sort(got)
	slices.Sort(want)
	if len(got) != len(want) {
		t.Fatalf("Beam wrote %d records, the sequential run %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("record %d differs:\nbeam       %.300s\nsequential %.300s", i, got[i], want[i])
		}
	}
	// Every input document gave one record: 2 text, 1 HTML, the JSON Lines documents, the
	// WARC page and the missing file's error record.
	for _, s := range []string{`"id":"batch:2"`, `"id":"ok~2"`, `https://news.example/port`, `missing.txt`, `"error":{"stage":"ingest"`} {
		if !bytes.Contains(b, []byte(s)) {
			t.Errorf("output lacks %s", s)
		}
	}
}

func TestMain(m *testing.M) {
	// Init makes this test binary able to serve as Prism's loopback worker.
	beam.Init()
	os.Exit(m.Run())
}
