package extract

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
)

// elementOf returns the first element of a page fragment.
func elementOf(t *testing.T, fragment string) *html.Node {
	t.Helper()
	root, err := html.Parse(strings.NewReader("<body>" + fragment))
	if err != nil {
		t.Fatal(err)
	}
	var first *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if first == nil && n.Type == html.ElementNode && n.Parent != nil && n.Parent.Data == "body" {
			first = n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return first
}

func TestVisibleElementTests(t *testing.T) {
	for _, tc := range []struct {
		name, fragment string
		byline, date   bool
	}{
		{"an author class", `<span class="post-author">Jane Roe</span>`, true, false},
		{"an Author class", `<span class="PostAuthor">Jane Roe</span>`, true, false},
		{"the author id", `<div id="author">Jane Roe</div>`, true, false},
		{"an id that holds author", `<div id="authors">Jane Roe</div>`, false, false},
		{"a byline class is both", `<p class="byline">By Jane Roe, May 1, 2024</p>`, true, true},
		{"writer as a word", `<p class="x writer">Jane Roe</p>`, true, false},
		{"writer in a word", `<p class="writers">Jane Roe</p>`, false, false},
		{"writer after a tab", "<p class=\"x\twriter\">Jane Roe</p>", true, false},
		{"date as a word", `<span class="meta date">May 1, 2024</span>`, false, true},
		{"date in a word", `<span class="dates">May 1, 2024</span>`, false, false},
		{"a publish class", `<span class="published-on">May 1, 2024</span>`, false, true},
		{"a dateline class", `<span class="story-dateline">May 1, 2024</span>`, false, true},
		{"itemprop datePublished among others", `<span itemprop="dateCreated datePublished">May 1, 2024</span>`, false, true},
		{"itemprop in other case", `<span itemprop="datepublished">May 1, 2024</span>`, false, false},
		{"a class in capitals", `<span class="POSTED">May 1, 2024</span>`, false, false},
		{"no attributes", `<p>Jane Roe</p>`, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := elementOf(t, tc.fragment)
			if got := isBylineElement(n); got != tc.byline || got != selByline.Match(n) {
				t.Errorf("isBylineElement = %v, want %v (selector: %v)", got, tc.byline, selByline.Match(n))
			}
			if got := isDateElement(n); got != tc.date || got != selDate.Match(n) {
				t.Errorf("isDateElement = %v, want %v (selector: %v)", got, tc.date, selDate.Match(n))
			}
		})
	}
}

func TestCheapTests(t *testing.T) {
	for _, tc := range []struct {
		name, text      string
		comment, update bool
		collapsed       string
		words           int
		mayNamePeople   bool
	}{
		{name: "empty", text: "", collapsed: "", words: 0},
		{name: "a comment class", text: "comment-list", comment: true, collapsed: "comment-list", words: 1},
		{name: "a reply class in capitals", text: "Reply-Form", comment: true, collapsed: "Reply-Form", words: 1},
		{name: "a long s", text: "reſpond", comment: true, collapsed: "reſpond", words: 1},
		{name: "an update label", text: "  Last Updated: May 1, 2024", update: true, collapsed: "Last Updated: May 1, 2024", words: 5, mayNamePeople: true},
		{name: "reviewed in capitals", text: "REVIEWED", update: true, collapsed: "REVIEWED", words: 1},
		{name: "no-break spaces", text: "Jane\u00a0\u00a0Roe", collapsed: "Jane Roe", words: 2, mayNamePeople: true},
		{name: "tabs and new lines", text: "\tBy\n Jane  Roe \n", collapsed: "By Jane Roe", words: 3, mayNamePeople: true},
		{name: "words in small letters", text: "jane roe", collapsed: "jane roe", words: 2},
		{name: "one word", text: "Jane", collapsed: "Jane", words: 1},
		{name: "an entity", text: "Jane&nbsp;Roe", collapsed: "Jane&nbsp;Roe", words: 1, mayNamePeople: true},
		{name: "a byline with an update", text: "Written BY Jane Roe, Last updated May 1, 2024", collapsed: "Written BY Jane Roe, Last updated May 1, 2024", words: 9, update: true, mayNamePeople: true},
		{name: "a capital İ before the label", text: "İstanbul by Jane Roe", collapsed: "İstanbul by Jane Roe", words: 4, mayNamePeople: true},
		{name: "a capital longer in small letters before the label", text: "Ⱥ by Jane Roe", collapsed: "Ⱥ by Jane Roe", words: 4, mayNamePeople: true},
		{name: "invalid UTF-8 before the label", text: "\xd8 BY Jane Roe", collapsed: "\xd8 BY Jane Roe", words: 4, mayNamePeople: true},
		{name: "invalid UTF-8", text: "a\xff b", collapsed: "a\xff b", words: 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := isCommentKey(tc.text); got != tc.comment || got != commentKey.MatchString(tc.text) {
				t.Errorf("isCommentKey = %v, want %v", got, tc.comment)
			}
			if got := mayLeadUpdate(tc.text); got != tc.update {
				t.Errorf("mayLeadUpdate = %v, want %v", got, tc.update)
			}
			got := collapse(tc.text)
			if got != tc.collapsed || got != strings.Join(strings.Fields(tc.text), " ") {
				t.Errorf("collapse = %q, want %q", got, tc.collapsed)
			}
			if n := wordCount(got); n != tc.words || n != len(strings.Fields(tc.text)) {
				t.Errorf("wordCount = %d, want %d", n, tc.words)
			}
			if i, want := indexBy(got), indexByRef(got); i != want {
				t.Errorf("indexBy = %d, want %d", i, want)
			}
			if !mayHoldWord(got, endWords) && namesEnd.MatchString(got) {
				t.Errorf("mayHoldWord = false where namesEnd matches")
			}
			if m := mayNamePeople(got); m != tc.mayNamePeople {
				t.Errorf("mayNamePeople = %v, want %v", m, tc.mayNamePeople)
			}
		})
	}
}

// TestUpdateWordsFoldInASCII checks what mayLeadUpdate and isCommentKey rely on: the
// letters of the words they look for have no case folding outside ASCII, but the "s" of
// commentKey's, which isCommentKey leaves to the regular expression.
func TestUpdateWordsFoldInASCII(t *testing.T) {
	for _, w := range []string{"updated", "modified", "reviewed", "comment", "reply"} {
		for _, r := range w {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				if f >= 0x80 {
					t.Errorf("%q of %q folds to %q", r, w, f)
				}
			}
		}
	}
}

// TestCheapTestsOnDevPages runs the cheap tests beside what they stand for on every text
// and element of the dev pages: a cheap test may say yes where the full one says no,
// never the other way.
func TestCheapTestsOnDevPages(t *testing.T) {
	pages := loadDev(t)
	if testing.Short() {
		pages = pages[:min(len(pages), 40)]
	}
	words := regexp.MustCompile(`(?i)comment|reply|respond|discussion`)
	for _, p := range pages {
		root, err := html.Parse(strings.NewReader(p.html))
		if err != nil {
			t.Fatal(err)
		}
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			switch n.Type {
			case html.ElementNode:
				if got, want := isBylineElement(n), selByline.Match(n); got != want {
					t.Errorf("%s: isBylineElement(<%s %v>) = %v, selector %v", p.id, n.Data, n.Attr, got, want)
				}
				if got, want := isDateElement(n), selDate.Match(n); got != want {
					t.Errorf("%s: isDateElement(<%s %v>) = %v, selector %v", p.id, n.Data, n.Attr, got, want)
				}
				if words := len(strings.Fields(textOf(n))); words <= 20 {
					for _, max := range []int{8, 10, 16} {
						if got := fewWords(n, max); got != (words <= max) {
							t.Errorf("%s: fewWords(<%s>, %d) = %v with %d words", p.id, n.Data, max, got, words)
						}
					}
				} else if fewWords(n, 16) {
					t.Errorf("%s: fewWords(<%s>, 16) = true with %d words", p.id, n.Data, words)
				}
				for _, a := range n.Attr {
					if got, want := isCommentKey(a.Val), words.MatchString(a.Val); got != want {
						t.Errorf("%s: isCommentKey(%q) = %v, want %v", p.id, a.Val, got, want)
					}
				}
			case html.TextNode:
				if !mayLeadUpdate(n.Data) && updateLead.MatchString(strings.TrimSpace(n.Data)) {
					t.Errorf("%s: mayLeadUpdate(%q) = false", p.id, n.Data)
				}
				if got, want := collapse(n.Data), strings.Join(strings.Fields(n.Data), " "); got != want {
					t.Errorf("%s: collapse(%q) = %q, want %q", p.id, n.Data, got, want)
				}
				c := collapse(n.Data)
				if !mayNamePeople(c) && len(readNames(c).names) > 0 {
					t.Errorf("%s: mayNamePeople(%q) = false", p.id, c)
				}
				if got, want := indexBy(c), indexByRef(c); got != want {
					t.Errorf("%s: indexBy(%q) = %d, want %d", p.id, c, got, want)
				}
				for _, re := range []struct {
					words []string
					re    *regexp.Regexp
				}{{endWords, namesEnd}, {roleSuffixWords, roleSuffix}, {roleWords, roleWord}} {
					if !mayHoldWord(c, re.words) && re.re.MatchString(c) {
						t.Errorf("%s: mayHoldWord(%q, %q) = false where %v matches", p.id, c, re.words, re.re)
					}
				}
				if !strings.ContainsAny(c, ".:@") && urlLike.MatchString(c) {
					t.Errorf("%s: urlLike matches %q, without '.', ':' or '@'", p.id, c)
				}
				if !strings.ContainsAny(c, ",;&|") && !strings.Contains(c, "and") && len(authorSep.Split(c, -1)) != 1 {
					t.Errorf("%s: authorSep splits %q", p.id, c)
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(root)
	}
}

func TestIsLogin(t *testing.T) {
	tests := []struct {
		name, author string
		want         bool
	}{
		{"a dotted login", "andrew.keaveney", true},
		{"a template's placeholder", "page.head.extra.author", true},
		{"an underscore", "jane_roe", true},
		{"a capital after small letters", "KatieS", true},
		{"a first name", "Kristin", false},
		{"a login in small letters, as the page shows it", "midwestlifeandstyle", false},
		{"a full name", "Jane Roe", false},
		{"a name with an initial", "J. Roe", false},
		{"a Scottish name", "McDevitt", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isLogin(tt.author); got != tt.want {
				t.Errorf("isLogin(%q) = %v, want %v", tt.author, got, tt.want)
			}
		})
	}
}

// byLabelAnyCase is " by " in any case.
var byLabelAnyCase = regexp.MustCompile(`(?i) by `)

// indexByRef is what indexBy stands for: the offset in s of the first " by ", in any
// case, or -1.
func indexByRef(s string) int {
	if loc := byLabelAnyCase.FindStringIndex(s); loc != nil {
		return loc[0]
	}
	return -1
}
