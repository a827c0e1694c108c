package trafilatura

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	upstream "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/newspipe/newspipe/internal/sharedtest"
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
		if owned := ContentOf(parse(t, string(b)), func() *html.Node { return parse(t, string(b)) }, Options{}); render(t, owned) != render(t, got) {
			t.Errorf("%s: ContentOf differs from Content:\n%.300s\nwant\n%.300s", filepath.Base(p), render(t, owned), render(t, got))
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

// FuzzContentMatchesUpstream compares Content with the unmodified go-trafilatura on
// arbitrary pages, node for node, and checks that Content leaves its input as it was.
func FuzzContentMatchesUpstream(f *testing.F) {
	para := "<p>" + strings.Repeat("A sentence of the article that goes on for a while. ", 8) + "</p>"
	for _, s := range []string{
		"",
		"<html><body><article>" + para + para + "</article></body></html>",
		"<div class=content><h2>Title</h2>" + para + "<aside>Related<a href=/x>link</a></aside><span>tail</span>" + para + "</div>",
		"<main><figure><table><tr><td>cell</td></tr></table></figure><b><i>" + para + "</i></b><!-- c -->text<script>x</script>more" + para + "</main>",
		"<body><div id=comments>" + para + "</div><footer>" + para + "</footer><p>short</p></body>",
		// Namespaced elements inside unwrapped ones; a table whose <tbody> is unwrapped.
		"<body><table><tbody><tr><td><svg><title>t</title><style>x</style></svg>cell<font>f<math><mi>x</mi></math></font></td></tr></tbody></table>" + para + "</body>",
		// Cells whose text handleTable moves: split by a comment, padded, empty, with a tail.
		"<div class=post><table><tr><td>one<!--c-->two</td><td> x </td><td></td><td>y</td>tail</tr></table><p>after</p>" + para + "</div>",
		// Pruning that leaves a seventh of the text or less is taken back; tails move.
		"<body><div class=footer>" + para + para + "</div>tail<p>short</p><div>a</div></body>",
		"<body><div><nav>menu</nav>tail one<span>x</span>" + para + "<div class=share>s</div>tail two</div></body>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			return
		}
		before := render(t, doc)
		got := Content(doc, Options{})
		if render(t, doc) != before {
			t.Fatalf("Content changed its input")
		}
		if owned := ContentOf(parse(t, page), func() *html.Node { return parse(t, page) }, Options{}); render(t, owned) != render(t, got) {
			t.Fatalf("ContentOf differs from Content:\n%s\nwant\n%s", render(t, owned), render(t, got))
		}
		res, err := upstream.ExtractDocument(doc, upstream.Options{ExcludeComments: true})
		var want *html.Node
		if err == nil {
			want = res.ContentNode
		}
		switch {
		case (got == nil) != (want == nil):
			t.Fatalf("Content found content: %v, upstream: %v", got != nil, want != nil)
		case got != nil && render(t, got) != render(t, want):
			t.Fatalf("Content differs from upstream:\n%s\nwant\n%s", render(t, got), render(t, want))
		}
	})
}

func render(t *testing.T, n *html.Node) string {
	t.Helper()
	if n == nil {
		return "(no content)"
	}
	var sb strings.Builder
	if err := html.Render(&sb, n); err != nil {
		t.Fatal(err)
	}
	return sb.String()
}

func parse(t *testing.T, page string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
