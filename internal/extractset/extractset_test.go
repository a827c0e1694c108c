package extractset

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"
)

func write(t *testing.T, dir, name string, data []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func gz(t *testing.T, s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestListAndSite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "myset")
	os.Mkdir(dir, 0o755)
	// a: URL in its metadata; b: gzipped HTML declaring a canonical address; c: neither.
	write(t, dir, "a.truth.txt", []byte("body a"))
	write(t, dir, "a.meta.json", []byte(`{"url": "https://www.News.example.com/x", "page_type": "article"}`))
	write(t, dir, "a.html", []byte(`<p>a</p>`))
	write(t, dir, "b.truth.txt", []byte("body b"))
	write(t, dir, "b.html.gz", gz(t, `<link rel="canonical" href="https://blog.example.org/post"><p>b</p>`))
	write(t, dir, "c.truth.txt", []byte("body c"))
	write(t, dir, "c.html", []byte(`<meta property="og:title" content="x"><p>c</p>`))

	pages, err := List(dir)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, id, site, pageType, html, truth string
	}{
		{"URL from metadata", "a", "news.example.com", "article", "<p>a</p>", "body a"},
		{"canonical link in gzipped HTML", "b", "blog.example.org", "", `<link rel="canonical" href="https://blog.example.org/post"><p>b</p>`, "body b"},
		{"no address: a group of its own", "c", "myset/c", "", `<meta property="og:title" content="x"><p>c</p>`, "body c"},
	}
	if len(pages) != len(tests) {
		t.Fatalf("List returned %d pages, want %d", len(pages), len(tests))
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := pages[i]
			if p.ID != tt.id || p.Set != "myset" || p.PageType != tt.pageType || p.Truth != tt.truth {
				t.Errorf("page = %+v", p)
			}
			if got := p.Site(); got != tt.site {
				t.Errorf("Site() = %q, want %q", got, tt.site)
			}
			html, err := p.HTML()
			if err != nil || string(html) != tt.html {
				t.Errorf("HTML() = %q, %v; want %q", html, err, tt.html)
			}
		})
	}
}

func TestListEmpty(t *testing.T) {
	if _, err := List(t.TempDir()); err == nil {
		t.Error("List of a folder without pages returned no error")
	}
}
