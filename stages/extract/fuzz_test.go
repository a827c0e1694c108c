package extract

import (
	"testing"
	"unicode/utf8"

	"github.com/newspipe/newspipe/internal/pubdate"
)

var fuzzSeeds = []string{
	"",
	"plain text, no tags",
	smallPage,
	`<p>unclosed <b>bold <i>italic`,
	`<html><head><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","author":[[{"name":1}]],"headline":{}}]}</script></head></html>`,
	`<script type="application/ld+json">[[[[[[[[[[[[]]]]]]]]]]]]</script>`,
	`<meta property="article:published_time" content="9999-99-99T99:99:99Z"><time datetime="2018-06-10">`,
	`<table><tr><td><table><tr><td>nested</td></tr></table></td></tr></table>`,
	"<p>\x00\xff\xfe</p>",
	`<div style="display:none"><p>x</p></div><svg><text>y</text></svg>`,
}

func FuzzExtract(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "https://example.com/a")
	}
	e := New()
	f.Fuzz(func(t *testing.T, page, pageURL string) {
		p, err := e.Extract(page, pageURL)
		if err != nil {
			return
		}
		for _, b := range p.Blocks {
			if b.Text == "" {
				t.Errorf("empty block %+v", b)
			}
			if b.LinkDensity < 0 || b.LinkDensity > 1 {
				t.Errorf("link density %v out of [0,1]", b.LinkDensity)
			}
			if utf8.ValidString(page) && !utf8.ValidString(b.Text) {
				t.Errorf("invalid UTF-8 in block %q", b.Text)
			}
		}
	})
}

func FuzzBaseline(f *testing.F) {
	if !HasBaseline {
		f.Skip(ErrNoBaseline)
	}
	for _, s := range fuzzSeeds {
		f.Add(s, "https://example.com/a")
	}
	f.Fuzz(func(t *testing.T, page, pageURL string) {
		// Only the absence of a panic is checked: the text is trafilatura's own.
		_, _ = Baseline(page, pageURL)
	})
}

func FuzzReadMeta(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		p, err := New().Extract(page, "")
		if err != nil {
			return
		}
		if p.Meta.Published != "" && pubdate.ISO(p.Meta.Published) != p.Meta.Published {
			t.Errorf("published %q is not a date pubdate.ISO keeps as it is", p.Meta.Published)
		}
	})
}
