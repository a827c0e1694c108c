package repeats

import (
	"reflect"
	"testing"

	"newspipe/record"
)

func TestSite(t *testing.T) {
	tests := []struct{ url, path, want string }{
		{"https://www.Example.org/news/1", "feed.jsonl", "example.org"},
		{"", "crawl/siteA/page1.html", "dir:crawl/siteA"},
		{"not a url", "a.txt", "dir:."},
		{"", "-", "-"},
	}
	for _, tt := range tests {
		if got := Site(tt.url, tt.path); got != tt.want {
			t.Errorf("Site(%q, %q) = %q, want %q", tt.url, tt.path, got, tt.want)
		}
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
