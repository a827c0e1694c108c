package repeats

import (
	"hash/fnv"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/newspipe/newspipe/record"
)

func TestSite(t *testing.T) {
	tests := []struct{ name, url, page, path, want string }{
		{"input URL", "https://www.Example.org/news/1", `<link rel="canonical" href="https://other.example/x">`, "feed.jsonl", "example.org"},
		{"canonical link", "", `<html><head><link rel="canonical" href="https://www.news.example.com/a"></head>`, "crawl/p1.html", "news.example.com"},
		{"og:url, content first", "", `<meta content="http://blog.example.net/p" property="og:url">`, "crawl/p2.html", "blog.example.net"},
		{"address in the body is not the page's", "", `<head></head><body><link rel="canonical" href="https://x.example/">`, "crawl/siteA/page1.html", "dir:crawl/siteA"},
		{"no address: the folder", "", "<p>text</p>", "crawl/siteA/page1.html", "dir:crawl/siteA"},
		{"not a url", "not a url", "", "a.txt", "dir:."},
		{"standard input", "", "", "-", "-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Site(tt.url, tt.page, tt.path); got != tt.want {
				t.Errorf("Site(%q, %q, %q) = %q, want %q", tt.url, tt.page, tt.path, got, tt.want)
			}
		})
	}
}

func TestFilterKeepsOwnContent(t *testing.T) {
	x := NewIndex(3)
	lines := []string{"3 2 1 0 7 4", "Arsenal 38 26 8 4 88-43 86", `"We will fight on," he said.`,
		"Sign up for our newsletter to get the best stories every morning."}
	for i := range 4 {
		x.Add("s", append([]string{string(rune('a'+i)) + " story of its own with words"}, lines...))
	}
	body := append([]string{"A long paragraph that only this page has, with many words in it, and more of them still to come."}, lines...)
	kept, removed := x.Filter("s", body)
	if want := body[:4]; !reflect.DeepEqual(kept, want) {
		t.Errorf("kept = %q, want %q", kept, want)
	}
	if len(removed) != 1 || removed[0].Text != lines[3] {
		t.Errorf("removed = %v, want only the newsletter line", removed)
	}
}

func TestCountNeedsMinDocsOfTheSameSite(t *testing.T) {
	x := NewIndex(3)
	blurb := "Get the best of The Daily delivered to your inbox every morning."
	x.Add("a", []string{"Story one.", blurb})
	x.Add("a", []string{"Story two.", "get the best of the daily delivered to your inbox, every morning"})
	x.Add("b", []string{"Other site.", blurb})
	if n := x.Count("a", blurb); n != 0 {
		t.Errorf("two documents of site a: Count = %d, want 0 (below the minimum)", n)
	}
	x.Add("a", []string{"Story two.", "get the best of the daily delivered to your inbox, every morning"}) // same page again
	if n := x.Count("a", blurb); n != 0 {
		t.Errorf("a page read twice counted twice: Count = %d", n)
	}
	x.Add("a", []string{"Story three.", blurb, blurb})
	if n := x.Count("a", blurb); n != 3 {
		t.Errorf("three documents of site a: Count = %d, want 3", n)
	}
	if n := x.Count("b", blurb); n != 0 {
		t.Errorf("site b has the line once: Count = %d, want 0", n)
	}
}

func TestFilter(t *testing.T) {
	x := NewIndex(3)
	disclaimer := "The views expressed here are the author's own and not those of the publisher."
	for _, story := range []string{"First story paragraph.", "Second story paragraph.", "Third story paragraph."} {
		x.Add("s", []string{story, disclaimer})
	}
	body := []string{"A long new paragraph of this story that appears nowhere else on the site.", disclaimer, "Another paragraph of the story that only this page has, with more words."}
	kept, removed := x.Filter("s", body)
	if want := []string{body[0], body[2]}; !reflect.DeepEqual(kept, want) {
		t.Errorf("kept = %q, want %q", kept, want)
	}
	if want := []record.Removed{{Text: disclaimer, Reason: "repeated on 3 pages of this site"}}; !reflect.DeepEqual(removed, want) {
		t.Errorf("removed = %v, want %v", removed, want)
	}

	// A story republished on three pages: its paragraphs all recur, so it is left alone.
	y := NewIndex(3)
	story := []string{"Paragraph one of a syndicated story.", "Paragraph two of it."}
	for i := range 3 {
		y.Add("s", append([]string{string(rune('a' + i))}, story...))
	}
	if kept, removed := y.Filter("s", story); len(removed) != 0 || len(kept) != 2 {
		t.Errorf("syndicated story was cut: kept %q removed %v", kept, removed)
	}
}

func TestHTMLLines(t *testing.T) {
	page := `<html><head><title>T</title><script>var x = "<p>no</p>";</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<p>First <b>bold</b> paragraph.</p><div>Second<br>line</div><style>p{}</style></body></html>`
	want := []string{"Home News", "First bold paragraph.", "Second", "line"}
	if got := HTMLLines(page); !reflect.DeepEqual(got, want) {
		t.Errorf("HTMLLines = %q, want %q", got, want)
	}
}

// foldedLine is the definition hash implements: lower-case letters and digits, each run
// of spaces between two of them kept as it is, everything else dropped.
func foldedLine(line string) string {
	var b strings.Builder
	spaces := 0
	for _, r := range line {
		switch {
		case r == ' ':
			if b.Len() > 0 {
				spaces++
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteString(strings.Repeat(" ", spaces))
			spaces = 0
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// fnv1a is FNV-1a of site, a zero byte and s.
func fnv1a(site, s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(site))
	h.Write([]byte{0})
	h.Write([]byte(s))
	return h.Sum64()
}

func TestHash(t *testing.T) {
	tests := []struct {
		line   string
		folded string
	}{
		{"Subscribe to The Week", "subscribe to the week"},
		{"  Sign up -- now!  ", "sign up  now"},
		{"Ünïcode  ÉTÉ 2024", "ünïcode  été 2024"},
		{"***", ""},
		{"bad \xff byte", "bad  byte"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := foldedLine(tt.line); got != tt.folded {
			t.Errorf("foldedLine(%q) = %q, want %q", tt.line, got, tt.folded)
		}
		h, ok := hash("example.com", tt.line)
		if ok != (tt.folded != "") {
			t.Errorf("hash(%q) ok = %v, want %v", tt.line, ok, !ok)
		}
		if want := fnv1a("example.com", tt.folded); ok && h != want {
			t.Errorf("hash(%q) = %x, want FNV-1a of %q, %x", tt.line, h, tt.folded, want)
		}
		if other, _ := hash("example.org", tt.line); ok && other == h {
			t.Errorf("hash(%q) is the same for two sites", tt.line)
		}
	}
	// Every length up to two words and a half, so that both the whole words and the
	// last, partial one are covered: no two prefixes of a line may collide.
	line := "abcdefghijklmnopqrstu"
	seen := map[uint64]string{}
	for n := 1; n <= len(line); n++ {
		h, _ := hash("", line[:n])
		if prev, dup := seen[h]; dup {
			t.Errorf("hash(%q) = hash(%q)", line[:n], prev)
		}
		seen[h] = line[:n]
	}
}

// FuzzHash checks that two lines have the same key exactly when their folded forms are
// equal (the fuzzer would need a 64-bit collision to find an exception to the "only when").
func FuzzHash(f *testing.F) {
	for _, s := range [][2]string{
		{"Subscribe to The Week", "subscribe to the week!"},
		{" a  B\tc ", "a b c"},
		{"Ünïcode ÉTÉ", "ünïcode été"},
		{"\xff\xfe", ""},
		{"İstanbul ǅ", "i̇stanbul ǆ"},
		{"abcdefgh", "abcdefgh\x00"},
	} {
		f.Add("example.com", s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, site, a, b string) {
		ha, okA := hash(site, a)
		hb, okB := hash(site, b)
		fa, fb := foldedLine(a), foldedLine(b)
		if okA != (fa != "") || okB != (fb != "") {
			t.Fatalf("hash(%q), hash(%q): ok = %v, %v; folded %q, %q", a, b, okA, okB, fa, fb)
		}
		if okA && ha != fnv1a(site, fa) {
			t.Fatalf("hash(%q) is not FNV-1a of its folded form %q", a, fa)
		}
		if okA && okB && (ha == hb) != (fa == fb) {
			t.Fatalf("hash(%q) == hash(%q) is %v; folded %q, %q", a, b, ha == hb, fa, fb)
		}
	})
}

func BenchmarkHash(b *testing.B) {
	line := "The ministry said on Tuesday that 1,200 households – about a third of the village – had been evacuated."
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		hash("example.com", line)
	}
}
