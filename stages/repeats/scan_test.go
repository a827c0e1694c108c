package repeats

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/newspipe/newspipe/internal/sharedtest"
	"github.com/newspipe/newspipe/internal/textdiff"
)

// tokenizerLines is HTMLLines with golang.org/x/net/html's Tokenizer, as it was written
// before pageScanner: the reference the scanner must match.
func tokenizerLines(page string) []string {
	z := html.NewTokenizer(strings.NewReader(page))
	var b lineBuilder
	for {
		switch z.Next() {
		case html.ErrorToken:
			b.flush()
			return b.lines
		case html.TextToken:
			if b.visible() {
				b.cur.Write(z.Text())
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			b.startTag(string(name))
		case html.EndTagToken:
			name, _ := z.TagName()
			b.endTag(string(name))
		case html.SelfClosingTagToken:
			name, _ := z.TagName()
			b.selfClosingTag(string(name))
		}
	}
}

// scanCases are pages where the HTML tokenizing rules are easy to get wrong.
var scanCases = []string{
	`<p>One</p><p>Two &amp; three</p>`,
	"<div>Carriage\r\nreturns\rhere</div>",
	`<P>Upper</P><DIV>case</DIV><BR>tags`,
	`<!DOCTYPE html><!-- a <p>comment</p> --><p>after</p>`,
	`<!--><p>empty comment</p><!---><p>again</p>`,
	`<!-- a --!> b --><p>c</p>`,
	`<!-- dashes ---><p>x</p><!-- --!x --><p>y</p>`,
	`<?xml version="1.0"?><p>pi</p>`,
	`<p>a</><p>b</ p>c</p>`,
	`<p>1 < 2 and 3 <4</p><p>tail <`,
	`<p>end tag open</`,
	`<p>unterminated <div class="x`,
	`<svg/><p>after a self-closing svg</p>`,
	`<svg a=1/><p>not self-closing: the slash is the value</p></svg><p>out</p>`,
	`<svg a="1"/><p>self-closing</p>`,
	`<svg a=1 A=/><p>duplicate key</p></svg><p>out</p>`,
	`<svg =a/><p>equals first</p>`,
	`<p title="a>b">quoted &gt;</p>`,
	`<p title='a"b' x = y >spaced</p>`,
	`<title>T &amp; U</title><p>body</p>`,
	"<title>NUL\x00here</title><p>text\x00nul</p>",
	`<textarea>RC &lt;data</textarea><p>x</p>`,
	`<script>var s = "</p>";</script><p>after script</p>`,
	`<script>if (a <!-- b) {}</script><p>escaped script</p>`,
	`<script><!--<script>x</script>--></script><p>double escaped</p>`,
	`<SCRIPT>x</SCRIPT ><p>upper raw</p>`,
	`<style>p{}</stylex></style><p>near miss</p>`,
	`<script/>var x;</script><p>self-closing script</p>`,
	`<xmp><p>raw</p></xmp><p>after</p>`,
	`<plaintext><p>everything else`,
	`<noscript><p>hidden</p></noscript><p>shown</p>`,
	`<iframe>frame</iframe><p>x</p>`,
	`<p>no end tag for raw<style>p{}`,
	`<style>abc</scr`,
	`<p>Caf&eacute; &#233; &#xE9; &notanentity; &amp</p>`,
	`<a href=x>link</a> text<br/>next`,
	`<p>entity at end &amp`,
	"",
	"no tags at all",
	`<`, `</`, `<!`, `<!-`, `<!--`, `<?`, `<a`, `</a`, `<a b='`,
	// More attributes than linearKeys: the names are then kept in a set. The last one
	// repeats an earlier name in another case, so its value's slash does not count.
	manyAttributes(40, `A3=1/><p>self-closing: the last key is a repeat</p>`),
	manyAttributes(40, `z=1/><p>the slash is the value</p></svg><p>out</p>`),
	manyAttributes(linearKeys, `a0=/><p>the repeat is the key past the limit</p>`),
	manyAttributes(3000, `>text</svg><p>out</p>`),
}

// manyAttributes returns an svg start tag with n attributes a0 ... a(n-1), some of them
// repeated in upper case, followed by tail.
func manyAttributes(n int, tail string) string {
	var b strings.Builder
	b.WriteString("<svg")
	for i := range n {
		fmt.Fprintf(&b, " a%d=%d", i, i)
		if i%7 == 6 {
			fmt.Fprintf(&b, " A%d=x", i/2)
		}
	}
	b.WriteString(" ")
	b.WriteString(tail)
	return b.String()
}

func TestHTMLLinesMatchesTokenizer(t *testing.T) {
	for _, page := range scanCases {
		if got, want := HTMLLines(page), tokenizerLines(page); !slices.Equal(got, want) {
			t.Errorf("HTMLLines(%q) = %q, want %q", page, got, want)
		}
	}
}

// pagePaths returns the bundled HTML pages and, when ../shared is there, the extraction
// dev pages; it skips the test when there are none.
func pagePaths(tb testing.TB) []string {
	root := sharedtest.Root(tb)
	paths, _ := filepath.Glob(filepath.Join(root, "corpus", "*.html"))
	dev, _ := filepath.Glob(filepath.Join(root, "..", "shared", "data", "extraction", "dev", "*.html"))
	if paths = append(paths, dev...); len(paths) == 0 {
		tb.Skip("no HTML pages found")
	}
	return paths
}

// TestHTMLLinesOnPages compares HTMLLines with the Tokenizer on real pages: the bundled ones, and the
// extraction dev pages when ../shared is there.
func TestHTMLLinesOnPages(t *testing.T) {
	paths := pagePaths(t)
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		page := string(b)
		if got, want := HTMLLines(page), tokenizerLines(page); !slices.Equal(got, want) {
			t.Errorf("%s: HTMLLines and the Tokenizer differ (- Tokenizer, + HTMLLines):\n%s", filepath.Base(p),
				textdiff.Unified(strings.Join(want, "\n"), strings.Join(got, "\n"), 2))
		}
	}
}

func FuzzHTMLLines(f *testing.F) {
	for _, page := range scanCases {
		f.Add(page)
	}
	f.Fuzz(func(t *testing.T, page string) {
		if got, want := HTMLLines(page), tokenizerLines(page); !slices.Equal(got, want) {
			t.Fatalf("HTMLLines(%q) = %q, want %q", page, got, want)
		}
	})
}

// BenchmarkHTMLLinesManyAttributes reads a tag with n attributes: the time per attribute
// must not grow with n (it did, quadratically, before keySet: 7 s for 60,000).
func BenchmarkHTMLLinesManyAttributes(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		page := manyAttributes(n, ">text")
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			for range b.N {
				HTMLLines(page)
			}
		})
	}
}

func BenchmarkHTMLLines(b *testing.B) {
	var pages []string
	var size int64
	for _, p := range pagePaths(b) {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		pages, size = append(pages, string(data)), size+int64(len(data))
	}
	if len(pages) == 0 {
		b.Skip("no HTML pages found")
	}
	for _, bc := range []struct {
		name  string
		lines func(string) []string
	}{{"scanner", HTMLLines}, {"tokenizer", tokenizerLines}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(size)
			for range b.N {
				for _, p := range pages {
					bc.lines(p)
				}
			}
		})
	}
}
