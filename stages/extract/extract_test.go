package extract

import (
	"cmp"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/newspipe/newspipe/document"
)

// para is a paragraph long enough for a content extractor to take it as prose.
func para(topic string) string {
	return "The council said on Tuesday that " + topic + " would be reviewed by an independent panel, " +
		"after residents complained for months about delays, rising costs and the lack of any public " +
		"consultation before the decision was taken by the committee."
}

var smallPage = `<!DOCTYPE html><html><head><title>Council orders review of bridge repairs | Daily Planet</title></head>
<body>
<header class="site-header"><a href="/">Daily Planet</a></header>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<main><article>
<h1>Council orders review of bridge repairs</h1>
<p>` + para("the bridge repairs") + `</p>
<p>` + para("the new tram line") + `</p>
<h2>What happens next</h2>
<p>` + para("the harbour plan") + `</p>
<p>` + para("the parking charges") + `</p>
</article></main>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Cat rescued from tree</a></li><li><a href="/b">Storm closes schools</a></li></ul></aside>
<div id="comments"><p>Be the first to comment on this story and share it with your friends</p></div>
<footer><p>Copyright 2024 Daily Planet. All rights reserved.</p></footer>
</body></html>`

func TestExtractSmallPage(t *testing.T) {
	p, err := New().Extract(smallPage, "https://example.com/news/bridge")
	if err != nil {
		t.Fatal(err)
	}
	var body []string
	outside := map[string]string{}
	for _, b := range p.Blocks {
		if b.Outside == "" {
			body = append(body, b.Text)
		} else {
			outside[b.Text] = b.Outside
		}
	}
	want := []string{para("the bridge repairs"), para("the new tram line"), "What happens next",
		para("the harbour plan"), para("the parking charges")}
	if !reflect.DeepEqual(body, want) {
		t.Errorf("body blocks:\n%q\nwant\n%q", body, want)
	}
	reasons := map[string]string{
		"News":                  "navigation menu",
		"Cat rescued from tree": "sidebar",
		"Copyright 2024 Daily Planet. All rights reserved.":                    "page footer",
		"Council orders review of bridge repairs":                              "article headline",
		"Be the first to comment on this story and share it with your friends": "comment section",
	}
	for text, want := range reasons {
		if got := outside[text]; got != want {
			t.Errorf("block %q: Outside = %q, want %q", text, got, want)
		}
	}
	if p.Meta.Title != "Council orders review of bridge repairs" {
		t.Errorf("title = %q", p.Meta.Title)
	}
	for _, b := range p.Blocks {
		if b.Text == "What happens next" && (!b.Heading || b.Tag != "h2") {
			t.Errorf("heading block = %+v, want an h2 heading", b)
		}
	}
}

func TestPageBlocks(t *testing.T) {
	tests := []struct {
		name string
		html string
		want []rawBlock // text, tag, heading and linkLen are compared
	}{
		{"paragraphs", `<p>One <b>two</b>s three.</p><p>Four</p>`,
			[]rawBlock{{text: "One twos three.", tag: "p", joins: []int{7}}, {text: "Four", tag: "p"}}},
		{"heading", `<h2>Title <span>here</span></h2>`,
			[]rawBlock{{text: "Title here", tag: "h2", heading: true}}},
		{"links", `<li><a href="/x">Link</a> text</li>`,
			[]rawBlock{{text: "Link text", tag: "li", linkLen: 4}}},
		{"div lines split by br", `<div>first line<br>second   line</div>`,
			[]rawBlock{{text: "first line", tag: "div"}, {text: "second line", tag: "div"}}},
		{"nested blocks", `<div>lead<p>inner</p>tail</div>`,
			[]rawBlock{{text: "lead", tag: "div"}, {text: "inner", tag: "p"}, {text: "tail", tag: "div"}}},
		{"table cells", `<table><tr><td>a b</td><td>c</td></tr></table>`,
			[]rawBlock{{text: "a b", tag: "td"}, {text: "c", tag: "td"}}},
		{"hidden content", `<p>seen</p><p hidden>attr</p><div aria-hidden="true">aria</div>
			<span style="display: none">inline</span><div style="visibility:hidden">vis</div>
			<script>var x = "script";</script><style>p{}</style><noscript>noscript</noscript>
			<template><p>template</p></template><span class="sr-only">skip link</span>
			<div class="hidden">hidden class</div><div class="hidden-xs">also seen</div>`,
			[]rawBlock{{text: "seen", tag: "p"}, {text: "attr", tag: "p", hidden: true},
				{text: "aria", tag: "div", hidden: true}, {text: "vis", tag: "div", hidden: true},
				{text: "hidden class", tag: "div", hidden: true}, {text: "also seen", tag: "div"}}},
		{"entities and nbsp", `<p>a&nbsp;&amp;&nbsp;b</p>`, []rawBlock{{text: "a & b", tag: "p"}}},
		// The parser keeps the content of <noframes> and <noembed> as one text node of
		// markup: its text is read without the tags.
		{"frameset page", `<html><head><title>T</title></head><frameset cols="50%"><frame src="a.html">` +
			`<noframes><p>Your browser&nbsp;has no frames.</p><p>Second<br>line</p><script>x()</script></noframes></frameset></html>`,
			[]rawBlock{{text: "Your browser has no frames.", tag: "noframes"}, {text: "Second", tag: "noframes"}, {text: "line", tag: "noframes"}}},
		{"noembed in a paragraph", `<p>Watch <noembed><b>the video</b></noembed> now.</p>`,
			[]rawBlock{{text: "Watch the video now.", tag: "p"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.html))
			if err != nil {
				t.Fatal(err)
			}
			got := pageBlocks(doc)
			for i := range got {
				got[i].outside, got[i].box, got[i].boxAtom, got[i].boxClass = "", 0, 0, ""
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestReason(t *testing.T) {
	tests := []struct {
		html, text, want string
	}{
		{`<nav><a>Home</a></nav>`, "Home", "navigation menu"},
		{`<footer><p>Contact us</p></footer>`, "Contact us", "page footer"},
		{`<aside><p>Popular</p></aside>`, "Popular", "sidebar"},
		{`<div class="cookie-banner"><p>We use cookies</p></div>`, "We use cookies", "cookie notice"},
		{`<div class="related-posts"><a>Other story</a></div>`, "Other story", "related stories"},
		{`<section id="comments"><p>Nice</p></section>`, "Nice", "comment section"},
		{`<ul class="breadcrumbs"><li>World</li></ul>`, "World", "breadcrumb trail"},
		{`<div class="top-menu"><a>Sport</a></div>`, "Sport", "navigation menu"},
		{`<div class="newsletter-signup"><p>Get our email</p></div>`, "Get our email", "newsletter box"},
		// The nearest telling element wins: a share bar inside the footer.
		{`<footer><div class="share-tools"><a>Tweet</a></div></footer>`, "Tweet", "share bar"},
		// A pull quote repeats the article's own words, its attribution with it.
		{`<figure class="wp-block-pullquote"><blockquote><p>We are sorry.</p><cite>Jane Roe, CTO</cite></blockquote></figure>`, "Jane Roe, CTO", "pull quote (repeats the article's text)"},
		{`<div><p>Plain</p></div>`, "Plain", "outside the article body"},
		// Words inside longer words do not count: "canvas" is not "nav".
		{`<div class="canvas-wrap"><p>Art</p></div>`, "Art", "outside the article body"},
	}
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader(tt.html))
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, b := range pageBlocks(doc) {
			if b.text == tt.text {
				found = true
				if got := cmp.Or(b.outside, outsideBody); got != tt.want {
					t.Errorf("%s: reason = %q, want %q", tt.html, got, tt.want)
				}
			}
		}
		if !found {
			t.Errorf("%s: no block %q", tt.html, tt.text)
		}
	}
}

func TestMarkKeepsOrderedContent(t *testing.T) {
	// The pull quote repeats a later paragraph; the chain must keep the paragraph,
	// not the quote, and must not skip the paragraphs in between.
	long := "one two three four five six seven eight nine ten eleven twelve"
	raw := []rawBlock{
		{text: "Menu"},
		{text: long}, // pull quote, before the content
		{text: "alpha beta gamma delta epsilon zeta eta theta iota kappa"},
		{text: "lambda mu nu xi omicron pi rho sigma tau upsilon"},
		{text: long}, // the real paragraph
		{text: "Share"},
	}
	content, err := html.Parse(strings.NewReader("<body><p>alpha beta gamma delta epsilon zeta eta theta iota kappa</p>" +
		"<p>lambda mu nu xi omicron pi rho sigma tau upsilon</p><p>" + long + "</p><p>Share this</p></body>"))
	if err != nil {
		t.Fatal(err)
	}
	got := mark(raw, content)
	wantInside := []bool{false, false, true, true, true, false}
	for i, b := range got {
		if (b.Outside == "") != wantInside[i] {
			t.Errorf("block %d %q: inside = %v, want %v", i, b.Text, b.Outside == "", wantInside[i])
		}
	}
}

func TestMarkHeadline(t *testing.T) {
	p := document.Block{Text: "Some body text.", Tag: "p"}
	h := func(tag, text string) document.Block { return document.Block{Text: text, Tag: tag, Heading: true} }
	tests := []struct {
		name   string
		title  string
		blocks []document.Block
		want   []bool // moved out
	}{
		{"equal to title", "Council orders review", []document.Block{p, h("h2", "Council orders review"), p}, []bool{false, true, false}},
		{"title with site suffix", "Council orders review of bridge repairs | Daily Planet",
			[]document.Block{p, h("h1", "Council orders review of bridge repairs")}, []bool{false, true}},
		{"other heading stays", "Council orders review", []document.Block{h("h2", "What happens next"), p}, []bool{false, false}},
		{"opening h1 without title", "", []document.Block{h("h1", "Anything"), p}, []bool{true, false}},
		{"h1 after body text stays", "", []document.Block{p, h("h1", "Anything")}, []bool{false, false}},
	}
	for _, tt := range tests {
		blocks := append([]document.Block(nil), tt.blocks...)
		markHeadline(blocks, tt.title)
		for i, b := range blocks {
			if got := b.Outside == "article headline"; got != tt.want[i] {
				t.Errorf("%s: block %d %q moved out = %v, want %v", tt.name, i, b.Text, got, tt.want[i])
			}
		}
	}
}

func TestMarkChromeLines(t *testing.T) {
	p := document.Block{Text: "Some body text of the article.", Tag: "p"}
	tests := []struct {
		name   string
		blocks []document.Block
		want   []string
	}{
		{"linked heading and its summary", []document.Block{p,
			{Text: "Other story", Tag: "h3", Heading: true, LinkDensity: 1},
			{Text: "What the other story says", Tag: "h4", Heading: true}, p},
			[]string{"", "related stories", "related stories", ""}},
		{"linked heading with the article's text on both sides stays", []document.Block{p,
			{Text: "The Lighthouse Café", Tag: "h3", Heading: true, LinkDensity: 1}, p},
			[]string{"", "", ""}},
		{"linked heading after the body", []document.Block{p,
			{Text: "Other story", Tag: "h3", Heading: true, LinkDensity: 1},
			{Text: "Menu", Tag: "a", Outside: "navigation menu", LinkDensity: 1}},
			[]string{"", "related stories", "navigation menu"}},
		{"unlinked heading stays", []document.Block{p, {Text: "Background", Tag: "h2", Heading: true}, p},
			[]string{"", "", ""}},
		{"bare web address", []document.Block{p, {Text: "https://example.com/a/b.html", Tag: "div"}},
			[]string{"", "bare web address"}},
		{"short link line", []document.Block{p, {Text: "Read more: the other story", Tag: "p", LinkDensity: 1}},
			[]string{"", linkLine}},
		{"partly linked paragraph stays", []document.Block{{Text: "He said the report was wrong.", Tag: "p", LinkDensity: 0.3}},
			[]string{""}},
	}
	for _, tt := range tests {
		blocks := append([]document.Block(nil), tt.blocks...)
		markTeasers(blocks)
		markBareURLs(blocks)
		markLinkLines(blocks)
		for i, b := range blocks {
			if b.Outside != tt.want[i] {
				t.Errorf("%s: block %d %q Outside = %q, want %q", tt.name, i, b.Text, b.Outside, tt.want[i])
			}
		}
	}
}

func TestSplitBodyJoined(t *testing.T) {
	// The article continues in a second container of the same class after an ad;
	// a menu with the same class must not join.
	page := `<html><head><title>Banks and apps</title></head><body>
<div class="article-body"><p>` + para("the first bank") + `</p><p>` + para("the second bank") + `</p><p>` + para("the third bank") + `</p></div>
<div class="ad"><span>Advertisement</span></div>
<div class="article-body"><p>` + para("the fourth bank") + `</p><p>` + para("the fifth bank") + `</p></div>
<div class="article-body"><a href="/a">Home</a> <a href="/b">World</a> <a href="/c">Business</a></div>
</body></html>`
	p, err := New().Extract(page, "")
	if err != nil {
		t.Fatal(err)
	}
	in := map[string]bool{}
	for _, b := range p.Blocks {
		in[b.Text] = b.Outside == ""
	}
	for _, topic := range []string{"the first bank", "the fourth bank", "the fifth bank"} {
		if !in[para(topic)] {
			t.Errorf("paragraph about %s is outside the body", topic)
		}
	}
	for _, text := range []string{"Advertisement", "Home World Business"} {
		if v, ok := in[text]; !ok || v {
			t.Errorf("block %q: in body = %v, present = %v; want present and outside", text, v, ok)
		}
	}
}

func TestFallbackBody(t *testing.T) {
	// Too little text for trafilatura: the prose outside chrome still makes a body.
	page := `<html><body><nav><a href="/">Home</a></nav>
<div><p>The mayor opened the new library on Saturday morning with a short speech.</p></div>
<footer><p>All rights reserved by the newspaper company and its owners worldwide.</p></footer></body></html>`
	p, err := New().Extract(page, "")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, b := range p.Blocks {
		got[b.Text] = b.Outside
	}
	want := map[string]string{
		"Home": "navigation menu",
		"The mayor opened the new library on Saturday morning with a short speech.": "",
		"All rights reserved by the newspaper company and its owners worldwide.":    "page footer",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
