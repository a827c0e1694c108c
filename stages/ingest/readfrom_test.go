package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newspipe/newspipe/document"
)

// readFromAll is readAll for ReadFrom: the documents of one opened file.
func readFromAll(t *testing.T, path string, open func() (io.ReadCloser, error)) []got {
	t.Helper()
	var out []got
	err := (&Reader{}).ReadFrom(context.Background(), path, open, func(d *document.Document) error {
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

func TestReadFromEqualsRead(t *testing.T) {
	dir := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(`{"id":"a","text":"One."}` + "\n" + `{"id":"a","text":"Two."}` + "\n" + `{"text": tru}` + "\n"))
	zw.Close()
	files := map[string][]byte{
		"story.txt":      []byte("A plain story.\n"),
		"feed.jsonl.gz":  gz.Bytes(),
		"page.html":      []byte("<p>A page.</p>"),
		"dump":           []byte(`{"url":"https://news.example/x","html":"<p>x</p>"}` + "\n"),
		"missing.jsonl":  nil, // not written: both readers give an error record
		"sub/other.text": []byte("In a folder.\n"),
	}
	for name, b := range files {
		if b == nil {
			continue
		}
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range files {
			if !yield(n) {
				return
			}
		}
	})
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, name)
			want := readAll(t, &Reader{}, p)
			got := readFromAll(t, p, func() (io.ReadCloser, error) { return os.Open(p) })
			if !slices.Equal(got, want) {
				t.Errorf("ReadFrom gave\n%+v\nRead gave\n%+v", got, want)
			}
		})
	}
}

func TestReadFromOpenError(t *testing.T) {
	path := "gs://bucket/news/feed.jsonl"
	docs := readFromAll(t, path, func() (io.ReadCloser, error) {
		return nil, &fs.PathError{Op: "open", Path: path, Err: errors.New("permission denied")}
	})
	want := []got{{id: "feed", path: path, err: "ingest: cannot read file: permission denied"}}
	if !slices.Equal(docs, want) {
		t.Errorf("got %+v, want %+v", docs, want)
	}
}
