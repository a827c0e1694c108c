package output

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
