package extract

import (
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// bylineShortcutTexts are texts on which the byline walk's cheap tests must agree with
// what they stand for: names, labels, sentences, white space of every kind, text that is
// no UTF-8, letters that fold to ASCII ones ("ſ", the Kelvin sign).
var bylineShortcutTexts = []string{
	"", " ", "Jane Roe", "By Jane Roe", "  by: Jane Roe", "written by Jane Roe", "Written\tBy\nJane Roe",
	"BY JANE ROE", "byline", "Bylines of the day", "writtenby Jane", "The Author", "Written By",
	"STAFF", "Staff Writer", "ſtaff", "POSTED", "the", "Authors:", "\u212Aelvin Roe", "JANE ROE",
	"USE CASE", "Ab", "ÉMILE ZOLA", "Émile Zola", "ß", "ǅ", "\xff\xfe", "JA\xffNE", "Jane\u00a0Roe",
	"Jane\u2028Roe", "a b c d e f g", "Mary-Kate O'Neil", "Trevor J. Mitchell", "one two three four five six",
	"ﬁ", "İstanbul", "\u0085x y", "Jane Roe\u3000and John Doe", "and", "Andrew Sand", "Jane and", "x_and y",
	"Jane,and John", "band and", "sandand and", "1and", "Staff Writers", "WRITER", "writer_x", "Writersx",
	"co-editor", "Editor's", "the columnists", "http://x", "HTTPS://x", "www.example", "example.com",
	"Example.COM/about", "a.comb", "x@y", "http\x1a//x", "www\x0e", "Jane.Net", "https:/x", "ſ.com",
}

// wordLists are the lists of words mayHoldWord is asked about.
var wordLists = [][]string{endWords, roleWords, roleSuffixWords, authorClassWords, authorHrefWords, byLeadWords, commentWords}

// mayHoldWordRef is what mayHoldWord stands for.
func mayHoldWordRef(s string, words []string) bool {
	if !isASCII(s) {
		return true
	}
	for _, w := range words {
		if strings.Contains(strings.ToLower(s), w) {
			return true
		}
	}
	return false
}

// wordAnd is the "and" authorSep splits at.
var wordAnd = regexp.MustCompile(`\band\b`)

func TestFieldShortcuts(t *testing.T) {
	for _, s := range bylineShortcutTexts {
		want := strings.Fields(s)
		for _, max := range []int{1, 2, 5, 100} {
			if got, w := fieldCount(s, max), min(len(want), max); got != w {
				t.Errorf("fieldCount(%q, %d) = %d, want %d", s, max, got, w)
			}
		}
		var buf [4]string
		got, ok := fewFields(buf[:0], s)
		if ok != (len(want) <= 4) || ok && strings.Join(got, "\x00") != strings.Join(want, "\x00") {
			t.Errorf("fewFields(%q) = %q, %v; want %q", s, got, ok, want)
		}
	}
}

// checkCaseShortcuts checks that each shortcut of the byline walk gives on s what the
// expression or standard-library call it replaces gives.
func checkCaseShortcuts(t *testing.T, s string) {
	t.Helper()
	if got, want := isUpperCase(s), strings.ToUpper(s) == s; got != want {
		t.Errorf("isUpperCase(%q) = %v, want %v", s, got, want)
	}
	if got, want := isBylineLabel(s), bylineLabels[strings.ToLower(s)]; got != want {
		t.Errorf("isBylineLabel(%q) = %v, want %v", s, got, want)
	}
	if got, want := trimByPrefix(s), byPrefix.ReplaceAllString(s, ""); got != want {
		t.Errorf("trimByPrefix(%q) = %q, want %q", s, got, want)
	}
	if got, want := hasWordAnd(s), wordAnd.MatchString(s); got != want {
		t.Errorf("hasWordAnd(%q) = %v, want %v", s, got, want)
	}
	for _, words := range wordLists {
		if got, want := mayHoldWord(s, words), mayHoldWordRef(s, words); got != want {
			t.Errorf("mayHoldWord(%q, %q) = %v, want %v", s, words, got, want)
		}
	}
	if got, want := isURLLike(s), urlLike.MatchString(s); got != want {
		t.Errorf("isURLLike(%q) = %v, want %v", s, got, want)
	}
	if got, want := hasRoleWord(s), roleWord.MatchString(s); got != want {
		t.Errorf("hasRoleWord(%q) = %v, want %v", s, got, want)
	}
}

func TestCaseShortcuts(t *testing.T) {
	for l := range bylineLabels {
		if !isBylineLabel(l) || !isBylineLabel(strings.ToUpper(l)) {
			t.Errorf("isBylineLabel(%q) = false", l)
		}
	}
	for _, s := range bylineShortcutTexts {
		checkCaseShortcuts(t, s)
	}
}

// textScanPages are elements whose text the scan reads across text nodes.
var textScanPages = []string{
	`<p id="n">By <a href="/a">Jane</a> Roe</p>`,
	`<p id="n">Ja<b>ne</b> Roe</p>`,
	`<p id="n">jane <b>Roe</b></p>`,
	`<p id="n">Jane<br>Roe</p>`,
	`<p>Home About Us</p>`,
	`<p>how to bake bread at home</p>`,
	`<p>Staff,Jane Roe</p>`,
	`<p>ByAmy Roeder</p>`,
	`<p>Jane&amp;nbsp;Roe</p>`,
	`<p>Jane` + "\u00a0" + `Roe</p>`,
	`<p id="n">JANE` + "\xc2" + `<b>` + "\xa0" + `ROE</b></p>`,
	`<p>` + strings.Repeat("Jane Roe ", 20) + `</p>`,
	`<p>One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen</p>`,
	`<p>   </p>`,
	`<p></p>`,
	`<p>Written by</p><p>Jane Roe</p>`,
	`<p>Written <i>by</i>:</p><!-- x --><p>Jane Roe</p>`,
	`<p>A long note of more than four words by</p><p>Jane Roe</p>`,
	`<span>Authors</span> <span>Jane Roe</span>`,
	`<p>March 3, 2025</p><p>Jane Roe</p>`,
}

// testElement returns the element of id "n", else the last element of the page.
func testElement(root *html.Node) *html.Node {
	var found *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && attr(n, "id") == "n" {
			found = n
		}
		for c := n.FirstChild; c != nil && found == nil; c = c.NextSibling {
			walk(c)
		}
	}
	if walk(root); found != nil {
		return found
	}
	return lastElement(root)
}

// TestMayNameByline checks the cheap test against what it stands for: an element it turns
// away is one whose text names nobody.
func TestMayNameByline(t *testing.T) {
	for _, page := range textScanPages {
		root, err := html.Parse(strings.NewReader("<body>" + page))
		if err != nil {
			t.Fatal(err)
		}
		n := testElement(root)
		text := collapse(boundedText(n, 160))
		names := text != "" && mayNamePeople(text) && wordCount(text) <= 14 && len(readNames(text).names) > 0
		if names && !mayNameByline(n) {
			t.Errorf("%s: mayNameByline is false, but %q names %q", page, text, readNames(text).names)
		}
	}
	for _, tc := range []struct {
		name, page string
		want       bool
	}{
		{"a name", `<p>Jane Roe</p>`, true},
		{"a name across elements", `<p id="n">Ja<b>ne</b> Roe</p>`, true},
		{"a name glued to its label", `<p>ByAmy Roeder</p>`, true},
		{"an entity", `<p>jane&amp;nbsp;roe</p>`, true},
		{"no two capitalised words in a row", `<p>How to bake Bread at Home</p>`, false},
		{"a particle between capitalised words", `<p>Nick van Mead</p>`, true},
		{"particles between capitalised words", `<p>Marna van der Merwe</p>`, true},
		{"one word", `<p>Jane</p>`, false},
		{"one word after by", `<p>by ibby</p>`, true},
		{"one word after posted by", `<p>Posted BY: BeauHD</p>`, true},
		{"by as the third word", `<p>Sort results by relevance</p>`, false},
		{"too long", `<p>` + strings.Repeat("Jane Roe ", 20) + `</p>`, false},
		{"fifteen words", `<p>One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen</p>`, false},
		{"white space", `<p>   </p>`, false},
	} {
		root, err := html.Parse(strings.NewReader("<body>" + tc.page))
		if err != nil {
			t.Fatal(err)
		}
		if got := mayNameByline(testElement(root)); got != tc.want {
			t.Errorf("%s: mayNameByline = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestLabelBefore checks labelBefore against the test it stands for.
func TestLabelBefore(t *testing.T) {
	for _, page := range textScanPages {
		root, err := html.Parse(strings.NewReader("<body>" + page))
		if err != nil {
			t.Fatal(err)
		}
		n := testElement(root)
		if got, want := labelBefore(n), byTail.MatchString(previousText(n)); got != want {
			t.Errorf("%s: labelBefore = %v, want %v", page, got, want)
		}
	}
}

// TestMayNameBylineDev checks on the dev pages that every element whose text names
// people passes mayNameByline, and that labelBefore agrees with the test it stands for.
func TestMayNameBylineDev(t *testing.T) {
	for _, p := range loadDev(t) {
		root, err := html.Parse(strings.NewReader(p.html))
		if err != nil {
			t.Fatal(err)
		}
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode && candidateTags[n.Data] {
				text := collapse(boundedText(n, 160))
				if text != "" && mayNamePeople(text) && wordCount(text) <= 14 && len(readNames(text).names) > 0 {
					if !mayNameByline(n) {
						t.Errorf("page %s: mayNameByline is false, but %q names people", p.id, text)
					}
					if got, want := labelBefore(n), byTail.MatchString(previousText(n)); got != want {
						t.Errorf("page %s, %q: labelBefore = %v, want %v", p.id, text, got, want)
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(root)
	}
}

// FuzzBylineShortcuts checks the byline walk's cheap tests against what they stand for
// on any text and element.
func FuzzBylineShortcuts(f *testing.F) {
	for _, s := range bylineShortcutTexts {
		f.Add(s)
	}
	for _, s := range textScanPages {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkCaseShortcuts(t, s)
		if got, want := fieldCount(s, 6), min(len(strings.Fields(s)), 6); got != want {
			t.Errorf("fieldCount(%q, 6) = %d, want %d", s, got, want)
		}
		root, err := html.Parse(strings.NewReader("<body>" + s))
		if err != nil {
			return
		}
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				text := collapse(boundedText(n, 160))
				if text != "" && mayNamePeople(text) && wordCount(text) <= 14 && len(readNames(text).names) > 0 && !mayNameByline(n) {
					t.Errorf("mayNameByline is false, but %q names people", text)
				}
				if got, want := labelBefore(n), byTail.MatchString(previousText(n)); got != want {
					t.Errorf("labelBefore = %v, want %v", got, want)
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(root)
	})
}
