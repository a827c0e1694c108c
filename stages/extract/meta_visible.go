package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"

	"github.com/newspipe/newspipe/internal/credentials"
	"github.com/newspipe/newspipe/internal/pubdate"
)

// selByline finds the elements that name an article's author on the page itself.
var selByline = cascadia.MustCompile(`[class*=author], [class*=Author], [id=author], [class*=byline], [class~=writer]`)

// selDate finds the elements that show an article's date on the page itself.
var selDate = cascadia.MustCompile(`[itemprop~=datePublished], [class*=publish], [class*=post-date], [class*=entry-date],
	[class*=article-date], [class*=posted], [class~=date], [class*=byline], [class*=meta-date], [class*=dateline]`)

// selArticle finds the article's container.
var selArticle = cascadia.MustCompile("article, main, [role=main]")

// selLabel finds the short elements that may hold a byline label on its own.
var selLabel = cascadia.MustCompile("p, span, div, strong, b, em, dt, h4, h5, h6")

// isBylineElement reports an element selByline matches, reading its attributes once.
func isBylineElement(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			if strings.Contains(a.Val, "author") || strings.Contains(a.Val, "Author") || strings.Contains(a.Val, "byline") ||
				strings.Contains(a.Val, "writer") && hasWord(a.Val, "writer") {
				return true
			}
		case "id":
			if a.Val == "author" {
				return true
			}
		}
	}
	return false
}

// datedClassParts are the parts of a class that selDate looks for that hold "date"; the
// others are "publish", "posted" and "byline".
var datedClassParts = []string{"post-date", "entry-date", "article-date", "meta-date", "dateline"}

// isDateElement reports an element selDate matches, reading its attributes once.
func isDateElement(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			if strings.Contains(a.Val, "publish") || strings.Contains(a.Val, "posted") || strings.Contains(a.Val, "byline") {
				return true
			}
			if !strings.Contains(a.Val, "date") {
				continue // nor "date" as a word, "post-date", "entry-date", ...
			}
			if hasWord(a.Val, "date") {
				return true
			}
			for _, p := range datedClassParts {
				if strings.Contains(a.Val, p) {
					return true
				}
			}
		case "itemprop":
			if hasWord(a.Val, "datePublished") {
				return true
			}
		}
	}
	return false
}

// hasWord reports whether the list of words s, separated by white space, holds w: the
// selector [attr~=w].
func hasWord(s, w string) bool {
	for s != "" {
		i := strings.IndexAny(s, " \t\r\n\f")
		if i < 0 {
			return s == w
		}
		if s[:i] == w {
			return true
		}
		s = s[i+1:]
	}
	return false
}

// inScope returns the elements of the article's container (article) or of the page.
func inScope(nodes []scopedNode, article bool) []*html.Node {
	var out []*html.Node
	for _, sn := range nodes {
		if sn.inArticle || !article {
			out = append(out, sn.n)
		}
	}
	return out
}

// scopes lists the places the byline and date are looked for, in turn: true for the
// article's container, first when the page has one, false for the whole page.
func (pe *pageElements) scopes() []bool {
	if pe.article != nil {
		return []bool{true, false}
	}
	return []bool{false}
}

// visibleAuthors returns the people named by the page's visible byline: the first byline
// element (by its class) whose text, without "By", is a list of names; else the element
// right after a byline label standing on its own. The article is searched first, then the page.
func visibleAuthors(pe *pageElements) []string {
	for _, article := range pe.scopes() {
		var people []string
		for i, n := range inScope(pe.bylines, article) {
			text := ""
			if fewWords(n, 8) {
				text = collapse(textOf(n))
			}
			if text == "" {
				if i < 40 {
					continue
				}
				break
			}
			if i := strings.Index(strings.ToLower(text), "by "); i > 0 && len(strings.Fields(text[:i])) > 1 {
				text = text[i:] // "Published August 7, 2023 by Nicole Burke"
			}
			for _, a := range splitAuthors(text) {
				if isPersonName(a) {
					people = appendName(people, a)
				}
			}
			people = namesOfOneText(n, people)
			if len(people) > 0 || i >= 40 {
				break
			}
		}
		if len(people) > 0 {
			return people
		}
		scope := pe.root
		if article {
			scope = pe.article
		}
		if people = labelledAuthor(scope); len(people) > 0 {
			return people
		}
	}
	return nil
}

// labelledAuthor returns the person named by the element right after a byline label that
// stands in an element of its own under scope: <p>Written by</p><p>Jane Roe</p>. The
// first label decides.
func labelledAuthor(scope *html.Node) []string {
	var people []string
	found := false
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && !found; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if firstChildElement(c) == nil && selLabel.Match(c) {
				switch strings.ToLower(strings.TrimRight(collapse(textOf(c)), ": ")) {
				case "written by", "by", "author", "authored by", "posted by", "words by", "article by", "story by":
					found = true
					if next := nextElement(c); next != nil {
						if name := collapse(textOf(next)); isPersonName(name) {
							people = []string{name}
						}
					}
					return
				}
			}
			walk(c)
		}
	}
	walk(scope)
	return people
}

// fewWords reports whether the text under n has at most max words, as
// len(strings.Fields(textOf(n))) <= max, reading no further than the word past max.
func fewWords(n *html.Node, max int) bool {
	words, inWord := 0, false
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.TextNode {
			for _, r := range n.Data {
				switch space := unicode.IsSpace(r); {
				case space:
					inWord = false
				case !inWord:
					inWord = true
					if words++; words > max {
						return false
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c) {
				return false
			}
		}
		return true
	}
	return walk(n)
}

// firstChildElement returns the first element under n, or nil.
func firstChildElement(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}

// nextElement returns the element after n among its siblings, or nil.
func nextElement(n *html.Node) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode {
			return s
		}
	}
	return nil
}

// bylineLabels are words of a byline that are no name: "The Author", "Written By".
var bylineLabels = map[string]bool{"the": true, "author": true, "authors": true, "by": true, "written": true, "posted": true, "about": true, "editor": true, "staff": true}

// nameParticles are the small words that join the parts of a surname in many languages
// ("Nick van Mead", "Ana de la Cruz", "Ursula von der Leyen"), written in small letters.
var nameParticles = map[string]bool{
	"van": true, "von": true, "der": true, "den": true, "de": true, "del": true, "della": true,
	"di": true, "da": true, "das": true, "dos": true, "du": true, "la": true, "le": true,
	"ter": true, "ten": true, "bin": true, "ibn": true, "al": true, "zu": true,
}

// maxParticleRunes is the length in bytes of the longest of nameParticles.
const maxParticleRunes = 5

// isPersonName reports two to four capitalised words without digits: "Jane Roe",
// "Mary-Kate O'Neil", "Trevor J. Mitchell", maybe with credentials after them ("Jane Roe,
// MD"), and maybe with particles in small letters between them ("Marna van der Merwe").
func isPersonName(s string) bool {
	s = credentials.Trim(s)
	var buf [6]string
	words, ok := fewFields(buf[:0], s)
	if !ok || len(words) < 2 {
		return false
	}
	// The particles inside the name are set aside; one opening or ending it is no
	// particle ("de Gaulle" alone is a surname without the given name).
	kept := words[:1]
	for i, w := range words[1:] {
		if i+2 < len(words) && nameParticles[w] {
			continue
		}
		kept = append(kept, w)
	}
	if len(kept) > 4 {
		return false
	}
	words = kept
	labels := 0
	for _, w := range words {
		if isBylineLabel(strings.Trim(w, ".:,")) {
			labels++
		}
	}
	if labels == len(words) || strings.EqualFold(words[0], "the") {
		return false // "The Author", "Written By"
	}
	upper := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !strings.ContainsRune(".-'’", r) }) >= 0 || glued(w) {
			return false
		}
		if utf8.RuneCountInString(w) > 2 && isUpperCase(w) {
			upper++
		}
	}
	return upper < len(words) // "USE CASE" is a heading
}

// fewFields appends the fields of s (as strings.Fields splits them) to words, when s has
// no more of them than words has room for, and reports whether it had.
func fewFields(words []string, s string) ([]string, bool) {
	start := -1
	for i, r := range s {
		switch space := unicode.IsSpace(r); {
		case space && start >= 0:
			if len(words) == cap(words) {
				return words, false
			}
			words, start = append(words, s[start:i]), -1
		case !space && start < 0:
			start = i
		}
	}
	if start >= 0 {
		if len(words) == cap(words) {
			return words, false
		}
		words = append(words, s[start:])
	}
	return words, true
}

// isBylineLabel reports bylineLabels[strings.ToLower(w)], without the lower-case copy of
// an ASCII word: no label is longer than seven letters.
func isBylineLabel(w string) bool {
	if !isASCII(w) {
		return bylineLabels[strings.ToLower(w)]
	}
	var lower [7]byte
	if len(w) > len(lower) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	return bylineLabels[string(lower[:len(w)])]
}

// isUpperCase reports strings.ToUpper(w) == w without the copy: no rune of w changes
// in upper case, and w is valid UTF-8.
func isUpperCase(w string) bool {
	for i, r := range w {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(w[i:]); size == 1 {
				return false // ToUpper writes U+FFFD for an invalid byte
			}
		}
		if unicode.ToUpper(r) != r {
			return false
		}
	}
	return true
}

// glued reports a word made of two glued by the page's markup, a capital after four or
// more small letters: "EdinResearch", "WalkerCasey"; not "McDevitt", "DeShawn", "MacArthur".
func glued(w string) bool {
	lower := 0
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			lower++
		case unicode.IsUpper(r) && lower >= 3:
			return true
		default:
			lower = 0
		}
	}
	return false
}

// visibleDate returns the first publication date shown in a date or byline element of the
// article, else of the page: never one marked as a modification ("Updated", "modified").
func visibleDate(pe *pageElements) string {
	for _, article := range pe.scopes() {
		for i, n := range inScope(pe.dates, article) {
			if i > 12 {
				break
			}
			if isModified(n) {
				continue
			}
			text := attr(n, "content")
			if text == "" && fewWords(n, 16) {
				text = collapse(textOf(n))
			}
			lower := strings.ToLower(text)
			if text == "" || len(strings.Fields(text)) > 16 || strings.HasPrefix(lower, "updated") || strings.HasPrefix(lower, "last updated") || strings.HasPrefix(lower, "modified") {
				continue
			}
			if d := pubdate.ISO(text); d != "" {
				return d
			}
			if m := pubdate.Find(text); m.Value != "" && !strings.Contains(strings.ToLower(text[:m.Start]), "updated") {
				return m.Value
			}
		}
	}
	return ""
}

// updateLead matches the label of an update date: "Updated", "Last updated on", "Page
// updated:", "Last modified".
var updateLead = regexp.MustCompile(`(?i)^(?:[-–—·|]\s*)?(?:page\s+|last\s+)?(?:updated|modified|reviewed)(?:\s+on)?\s*:?\s*`)

// visibleUpdate returns the first update date shown in the article, else in the page: a
// short element that reads "Updated March 13, 2024" or "Last updated: 2025-02-22". Only
// the elements around an update label are read; the article, searched first, is not
// searched again in the page.
func visibleUpdate(pe *pageElements) string {
	if pe.article != nil {
		if d := updateUnder(pe.article, nil); d != "" {
			return d
		}
	}
	return updateUnder(pe.root, pe.article)
}

// updateUnder returns the date of the first update label under n but not under skip,
// read from the label's element or, when the date stands in an element of its own
// ("Updated on" / "April 19, 2025"), its parent's.
func updateUnder(n, skip *html.Node) string {
	if n == skip || n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style" || n.Data == "noscript") {
		return ""
	}
	if n.Type == html.TextNode {
		if !mayLeadUpdate(n.Data) || !updateLead.MatchString(strings.TrimSpace(n.Data)) {
			return ""
		}
		for el, up := n.Parent, 0; el != nil && up < 2; el, up = el.Parent, up+1 {
			if !fewWords(el, 10) {
				return ""
			}
			text := collapse(textOf(el))
			loc := updateLead.FindStringIndex(text)
			if loc == nil {
				continue
			}
			rest := text[loc[1]:]
			if d := shortISO(rest); d != "" {
				return d
			}
			if m := pubdate.Find(rest); m.Value != "" && m.Start == 0 {
				return m.Value
			}
		}
		return ""
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if d := updateUnder(c, skip); d != "" {
			return d
		}
	}
	return ""
}

// mayLeadUpdate is a cheap test, run before updateLead, that a text holds one of its
// words, in any case: "updated", "modified" or "reviewed" (their letters have no case
// folding outside ASCII).
func mayLeadUpdate(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] | 0x20 {
		case 'u':
			if hasPrefixFold(s[i:], "updated") {
				return true
			}
		case 'm':
			if hasPrefixFold(s[i:], "modified") {
				return true
			}
		case 'r':
			if hasPrefixFold(s[i:], "reviewed") {
				return true
			}
		}
	}
	return false
}

// hasPrefixFold reports whether s starts with the lower-case ASCII word, in any case.
func hasPrefixFold(s, word string) bool {
	if len(s) < len(word) {
		return false
	}
	for k := 0; k < len(word); k++ {
		if s[k]|0x20 != word[k] {
			return false
		}
	}
	return true
}
