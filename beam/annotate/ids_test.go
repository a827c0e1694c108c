package annotate

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/stages/ingest"
)

func TestIDStem(t *testing.T) {
	for _, c := range []struct{ id, want string }{
		{"x", "x"},
		{"x~2", "x"},
		{"x~2~13", "x"},
		{"x~", "x~"},
		{"x~a", "x~a"},
		{"x~2a", "x~2a"},
		{"~2", ""},
		{"feed:3~2", "feed:3"},
	} {
		if got := idStem(c.id); got != c.want {
			t.Errorf("idStem(%q) = %q, want %q", c.id, got, c.want)
		}
	}
}

// TestClaimAcrossFilesEqualsRead reads files one by one, as Read does, makes their ids
// unique across them with claimAcrossFiles, and compares with the ids that newspipe
// run's reader gives reading all the files in one call.
func TestClaimAcrossFilesEqualsRead(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string][]string // JSON Lines file → its documents' ids; "" for a text file
		order []string
	}{
		{"distinct", map[string][]string{"a.jsonl": {"x", "y"}, "b.jsonl": {"z"}}, []string{"a.jsonl", "b.jsonl"}},
		{"one id in two files", map[string][]string{"a.jsonl": {"x"}, "b.jsonl": {"x"}}, []string{"a.jsonl", "b.jsonl"}},
		{"repeated in the later file", map[string][]string{"a.jsonl": {"x"}, "b.jsonl": {"x", "x"}}, []string{"a.jsonl", "b.jsonl"}},
		{"repeated in both", map[string][]string{"a.jsonl": {"x", "y", "x"}, "b.jsonl": {"x", "x", "y"}}, []string{"b.jsonl", "a.jsonl"}},
		{"a later file holds a suffixed id", map[string][]string{"a.jsonl": {"x", "x"}, "b.jsonl": {"x~2", "x"}}, []string{"a.jsonl", "b.jsonl"}},
		{"an earlier file holds a suffixed id", map[string][]string{"a.jsonl": {"x~2"}, "b.jsonl": {"x", "x", "x"}}, []string{"a.jsonl", "b.jsonl"}},
		{"suffixes of suffixes", map[string][]string{"a.jsonl": {"x", "x~2", "x"}, "b.jsonl": {"x~2", "x~2", "x"}}, []string{"a.jsonl", "b.jsonl"}},
		{"one file name in two folders", map[string][]string{"a/page.txt": nil, "b/page.txt": nil, "c/page.jsonl": {"page", "page"}}, []string{"a/page.txt", "b/page.txt", "c/page.jsonl"}},
		{"a file given twice", map[string][]string{"a.jsonl": {"x", "x"}}, []string{"a.jsonl", "a.jsonl"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			var paths []string
			for _, name := range c.order {
				path := filepath.Join(dir, name)
				paths = append(paths, path)
				var b strings.Builder
				if ids := c.files[name]; ids == nil {
					b.WriteString("A page of text.\n")
				} else {
					for i, id := range ids {
						fmt.Fprintf(&b, "{\"id\":%q,\"text\":\"Document %d.\"}\n", id, i)
					}
				}
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}

			var want []string
			err := (&ingest.Reader{NoHash: true}).Read(context.Background(), paths, func(d *document.Document) error {
				want = append(want, d.Record.ID)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}

			var docs []DocID
			for input, path := range paths {
				open := func() (io.ReadCloser, error) { return os.Open(path) }
				err := (&ingest.Reader{NoHash: true}).ReadFrom(context.Background(), path, open, func(d *document.Document) error {
					docs = append(docs, DocID{Input: input, Path: path, Position: len(docs), ID: d.Record.ID})
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
			}
			got := make([]string, len(docs))
			for i, d := range docs {
				got[i] = d.ID
			}
			// claimAcrossFiles sorts what it is given: give it the documents out of order.
			shuffled := append([]DocID(nil), docs...)
			for i, j := 0, len(shuffled)-1; i < j; i, j = i+1, j-1 {
				shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
			}
			for _, r := range claimAcrossFiles(shuffled) {
				for i, d := range docs {
					if d.Input == r.Input && d.Path == r.Path && d.Position == r.Position {
						got[i] = r.ID
					}
				}
			}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("ids %q, newspipe run's %q", got, want)
			}
		})
	}
}
