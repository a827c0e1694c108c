package output

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newspipe/newspipe/record"
)

func TestLines(t *testing.T) {
	var buf bytes.Buffer
	w := NewLines(&buf)
	for _, r := range []*record.Record{
		{ID: "a", Text: "Q&A <b>", Language: "en"},
		{ID: "b", Error: &record.Error{Stage: "decode", Message: "not text"}},
	} {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	want := `{"id":"a","source":{"path":"","url":"","format":"","sha256":""},"title":"","subtitle":"","authors":[],"site":"","language":"en","text":"Q&A <b>","removed":[],"entities":[],"dates":[]}` + "\n" +
		`{"id":"b","source":{"path":"","url":"","format":"","sha256":""},"error":{"stage":"decode","message":"not text"}}` + "\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestDirWritesOneFilePerRecord(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	d, err := NewDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Write(&record.Record{ID: "sub/x:1", Text: "t"}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "sub_x_1.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("{\n  \"id\": \"sub/x:1\",\n")) || !bytes.HasSuffix(b, []byte("}\n")) {
		t.Errorf("unexpected file content:\n%s", b)
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".*tmp*"))
	if len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

// TestDirNeverReplacesAFileOfTheRun checks that ids that map to the same file name both
// get a file.
func TestDirNeverReplacesAFileOfTheRun(t *testing.T) {
	dir := t.TempDir()
	d, err := NewDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"a/b", "a_b", "A_B", "a/b"} {
		if err := d.Write(&record.Record{ID: id}); err != nil {
			t.Fatal(err)
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	if want := "A_B~3.json a_b.json a_b~2.json"; strings.Join(names, " ") != want {
		t.Errorf("files %q, want %s", names, want)
	}
}

// TestDirLongIDs checks that ids longer than a file name may be are written: the name
// keeps the id's start, cut at a character, and a hash of the whole id.
func TestDirLongIDs(t *testing.T) {
	long := strings.Repeat("x", 300)
	tests := []struct {
		name string
		ids  []string
	}{
		{"one long id", []string{long}},
		{"long ids with a common start", []string{long + "a", long + "b"}},
		{"long id of multi-byte characters", []string{strings.Repeat("新聞", 100)}},
		{"long id of characters that are replaced", []string{strings.Repeat("a/", 200)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			d, err := NewDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]bool{}
			for _, id := range tt.ids {
				if err := d.Write(&record.Record{ID: id}); err != nil {
					t.Fatalf("write %.20q...: %v", id, err)
				}
				name := filepath.Base(d.Path(id))
				if len(name) > maxNameBytes+len(".json") || !utf8.ValidString(name) || seen[name] {
					t.Errorf("file name %q (%d bytes)", name, len(name))
				}
				seen[name] = true
			}
			if files, _ := filepath.Glob(filepath.Join(dir, "*.json")); len(files) != len(tt.ids) {
				t.Errorf("%d files, want %d", len(files), len(tt.ids))
			}
		})
	}
}
