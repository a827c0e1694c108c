package ingest

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/klauspost/compress/zstd"
)

func gzipString(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	z := gzip.NewWriter(&b)
	z.Write([]byte(s))
	z.Close()
	return b.String()
}

func zstdString(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	z, err := zstd.NewWriter(&b)
	if err != nil {
		t.Fatal(err)
	}
	z.Write([]byte(s))
	z.Close()
	return b.String()
}

// bzip2String compresses with the bzip2 program (Go has no bzip2 writer).
func bzip2String(t *testing.T, s string) string {
	t.Helper()
	cmd := exec.Command("bzip2", "-c")
	cmd.Stdin = strings.NewReader(s)
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("no bzip2 program: %v", err)
	}
	return string(out)
}

// TestReadStdin checks that standard input is read by its content: JSON Lines however long
// the first line, compressed or not.
func TestReadStdin(t *testing.T) {
	long := strings.Repeat("A long article sentence with \\\"quotes\\\". ", 8000) // 300 KB per line
	feed := `{"id":"one","text":"` + long + `"}` + "\n" + `{"id":"two","text":"` + long + `"}` + "\n"
	tests := []struct {
		name  string
		stdin string
		want  []string // id=first bytes of raw, or id!error
	}{
		{"300 KB JSON lines", feed, []string{"one=A long", "two=A long"}},
		{"gzip", gzipString(t, feed), []string{"one=A long", "two=A long"}},
		{"zstd", zstdString(t, feed), []string{"one=A long", "two=A long"}},
		{"bzip2", bzip2String(t, feed), []string{"one=A long", "two=A long"}},
		{"BOM, CRLF and a blank first line", "\xef\xbb\xbf\r\n" + `{"id":"a","text":"x"}` + "\r\n\r\n" + `{"id":"b","text":"y"}`, []string{"a=x", "b=y"}},
		{"blank and non-object lines", `{"id":"a","text":"x"}` + "\n\n[1]\n" + `{"text":"y"}`, []string{"a=x", "stdin:3!ingest: line 3 is a JSON array, not an object", "stdin:4=y"}},
		{"text", "Just an article.\n", []string{"stdin=Just an"}},
		{"text starting with a brace", "{Editor's note} An article.\nMore of it.\n", []string{"stdin={Editor's"}},
		{"gzipped text", gzipString(t, "<html><p>A page.</p></html>"), []string{"stdin=<html><p>"}},
		{"truncated gzip", gzipString(t, feed)[:1000], []string{"stdin!ingest: truncated gzip data: the file ends in the middle of the stream"}},
		{"empty", "", []string{"stdin="}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := readAll(t, &Reader{Stdin: strings.NewReader(tt.stdin)}, "-")
			ok := len(out) == len(tt.want)
			var got []string
			for i, g := range out {
				if g.err != "" {
					got = append(got, g.id+"!"+g.err)
				} else {
					got = append(got, g.id+"="+g.raw)
				}
				// Articles are compared by their start.
				ok = ok && strings.HasPrefix(got[i], tt.want[i]) && (g.err == "" || got[i] == tt.want[i])
			}
			if !ok {
				t.Errorf("got\n%.200s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestIDsAreUnique checks that ids keep every ending but an input format's, and that a
// repeated id gets a stable suffix across files and JSON Lines.
func TestIDsAreUnique(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "news.2024.06.01.txt"), "one")
	write(t, filepath.Join(dir, "news.2024.06.02.txt"), "two")
	write(t, filepath.Join(dir, "page.html"), "<p>three</p>")
	write(t, filepath.Join(dir, "page.txt"), "four")
	write(t, filepath.Join(dir, "photo.png.txt"), "five")
	write(t, filepath.Join(dir, "z.jsonl"), `{"id":"page","text":"six"}`+"\n"+`{"id":"page~2","text":"seven"}`+"\n")
	write(t, filepath.Join(dir, "feed.jsonl.zst"), zstdString(t, `{"text":"eight"}`))
	var ids []string
	for _, g := range readAll(t, &Reader{}, dir) {
		ids = append(ids, g.id+"="+g.raw)
	}
	want := "feed:1=eight news.2024.06.01=one news.2024.06.02=two page=<p>three</p> page~2=four photo.png=five page~3=six page~2~2=seven"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestReadFolderReportsSkippedFiles checks that files a walk does not read are counted and
// named, while the same file named on the command line is read by its content.
func TestReadFolderReportsSkippedFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), "a")
	write(t, filepath.Join(dir, "notes.md"), "markdown")
	write(t, filepath.Join(dir, "README"), "no ending")
	write(t, filepath.Join(dir, "sub", "feed.gz"), gzipString(t, `{"id":"g","text":"gzipped line"}`+"\n"))
	write(t, filepath.Join(dir, ".hidden.txt"), "hidden")
	write(t, filepath.Join(dir, "empty.txt"), "")
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dir, filepath.Join(dir, "loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "missing.txt"), filepath.Join(dir, "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	r := &Reader{}
	var got []string
	for _, g := range readAll(t, r, dir) {
		got = append(got, g.id+"="+g.raw+g.err)
	}
	want := "a=a dangling=ingest: cannot read file: no such file or directory empty= g=gzipped line"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
	s := r.Summary()
	if s.Documents != 4 || s.SkippedFiles != 4 {
		t.Errorf("summary %+v, want 4 documents and 4 skipped files (README, loop, notes.md, pipe.txt)", s)
	}
	if line := s.FilesLine(); !strings.HasPrefix(line, "4 files in folders not read (not an input format, or not a regular file): ") || !strings.Contains(line, "notes.md") {
		t.Errorf("skipped files line %q", line)
	}
	out := readAll(t, &Reader{}, filepath.Join(dir, "notes.md"))
	if len(out) != 1 || out[0].raw != "markdown" || out[0].id != "notes.md" {
		t.Errorf("a file named on the command line: %+v", out)
	}
}

// TestReadCompressedByContent checks that compression is recognised by the first bytes,
// whatever the name says.
func TestReadCompressedByContent(t *testing.T) {
	dir := t.TempDir()
	feed := `{"id":"f1","text":"first"}` + "\n" + `{"id":"f2","text":"second"}` + "\n"
	write(t, filepath.Join(dir, "feeds.gz"), gzipString(t, feed))
	write(t, filepath.Join(dir, "feeds.zst"), zstdString(t, strings.ReplaceAll(feed, `"f`, `"z`)))
	write(t, filepath.Join(dir, "story.txt.bz2"), bzip2String(t, "A bzipped story."))
	write(t, filepath.Join(dir, "named-gzip.txt"), gzipString(t, "Gzipped under a plain name."))
	var zb bytes.Buffer
	zw := zlib.NewWriter(&zb)
	zw.Write([]byte("zlib data is not text"))
	zw.Close()
	write(t, filepath.Join(dir, "zlib.txt"), zb.String())
	var got []string
	for _, g := range readAll(t, &Reader{}, dir) {
		got = append(got, g.id+"="+g.raw+g.err)
	}
	want := "f1=first f2=second z1=zirst z2=second named-gzip=Gzipped under a plain name. story=A bzipped story. zlib=" + zb.String()
	if strings.Join(got, " ") != want {
		t.Errorf("got  %q\nwant %q", strings.Join(got, " "), want)
	}
}

// TestReadARC checks that ARC files, plain and gzipped, give their pages.
func TestReadARC(t *testing.T) {
	r := &Reader{}
	out := readAll(t, r, "testdata/example.arc", "testdata/example.arc.gz")
	if len(out) != 2 {
		t.Fatalf("got %d documents, want 2: %+v", len(out), out)
	}
	for _, g := range out {
		if g.err != "" || !strings.Contains(g.raw, "<title>Example Domain</title>") || g.hint != "html" {
			t.Errorf("%s: %+v", g.id, g)
		}
	}
	if line := r.Summary().RecordsLine(); !strings.Contains(line, "2 file descriptions") {
		t.Errorf("summary %q", line)
	}
}

// TestReadWARCWithCorruptFirstMember checks that a gzipped WARC whose first member is
// corrupt still gives the pages of the members after it.
func TestReadWARCWithCorruptFirstMember(t *testing.T) {
	block := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>A page.</p>"
	rec := func(id string) string {
		return gzipString(t, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:"+id+">\r\nWARC-Target-URI: http://example.org/"+id+
			"\r\nContent-Length: "+strconv.Itoa(len(block))+"\r\n\r\n"+block+"\r\n\r\n")
	}
	first := []byte(rec("one"))
	for i := 12; i < len(first)-8; i++ {
		first[i] ^= 0x55 // the deflate data, not the gzip header
	}
	path := filepath.Join(t.TempDir(), "crawl.warc.gz")
	write(t, path, string(first)+rec("two"))
	var got []string
	for _, g := range readAll(t, &Reader{}, path) {
		got = append(got, g.id+" "+g.err)
	}
	if len(got) != 2 || !strings.Contains(got[0], "corrupt") || got[1] != "two " {
		t.Errorf("got %q, want an error record for the corrupt member, then page two", got)
	}
}
