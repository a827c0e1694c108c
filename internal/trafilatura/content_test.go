package trafilatura

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	upstream "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"newspipe/internal/sharedtest"
)

// TestContentMatchesUpstream checks that Content finds, node for node, the content that
// the unmodified go-trafilatura's ExtractDocument finds, on the bundled HTML pages and,
// where ../shared is present, on the 60 development pages.
func TestContentMatchesUpstream(t *testing.T) {
	pages, _ := filepath.Glob(filepath.Join(sharedtest.Root(t), "corpus", "*.html"))
	if dev, err := filepath.Glob(filepath.Join(sharedtest.Root(t), "..", "shared", "data", "extraction", "dev", "*.html")); err == nil {
		pages = append(pages, dev...)
	}
	if len(pages) == 0 {
		t.Skip("no HTML pages")
	}
	pages = append(pages, "") // an empty page: neither finds content
	for _, p := range pages {
		var b []byte
		if p != "" {
			var err error
			if b, err = os.ReadFile(p); err != nil {
				t.Fatal(err)
			}
		}
		doc, err := html.Parse(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		before := render(t, doc)
		got := Content(doc, Options{})
		if render(t, doc) != before {
			t.Errorf("%s: Content changed its input", filepath.Base(p))
		}
		res, err := upstream.ExtractDocument(doc, upstream.Options{ExcludeComments: true})
		var want *html.Node
		if err == nil {
			want = res.ContentNode
		}
		switch {
		case (got == nil) != (want == nil):
			t.Errorf("%s: Content found content: %v, upstream: %v", filepath.Base(p), got != nil, want != nil)
		case got != nil && render(t, got) != render(t, want):
			t.Errorf("%s: Content differs from upstream:\n%.300s\nwant\n%.300s", filepath.Base(p), render(t, got), render(t, want))
		}
	}
}

func render(t *testing.T, n *html.Node) string {
	t.Helper()
	var sb strings.Builder
	if err := html.Render(&sb, n); err != nil {
		t.Fatal(err)
	}
	return sb.String()
}
