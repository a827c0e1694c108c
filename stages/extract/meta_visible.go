package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"

	"github.com/newspipe/newspipe/internal/pubdate"
)

// selByline finds the elements that name an article's author on the page itself.
var selByline = cascadia.MustCompile(`[class*=author], [class*=Author], [id=author], [class*=byline], [class~=writer]`)

// selDate finds the elements that show an article's date on the page itself.
var selDate = cascadia.MustCompile(`[itemprop~=datePublished], [class*=publish], [class*=post-date], [class*=entry-date],
	[class*=article-date], [class*=posted], [class~=date], [class*=byline], [class*=meta-date], [class*=dateline]`)

var selArticle = cascadia.MustCompile("article, main, [role=main]")

// scopes returns the article's containers, where the byline and date are looked for
// first, then the whole page.
func scopes(doc *goquery.Document) []*goquery.Selection {
	var out []*goquery.Selection
	if a := doc.FindMatcher(selArticle).First(); a.Length() > 0 {
		out = append(out, a)
	}
	return append(out, doc.Selection)
}

// visibleAuthors returns the people named by the page's visible byline: the first byline
// element (by its class) whose text, without "By", is a list of names; else the element
// right after a byline label standing on its own. The article is searched first, then the page.
func visibleAuthors(doc *goquery.Document) []string {
	for _, scope := range scopes(doc) {
		var people []string
		scope.FindMatcher(selByline).EachWithBreak(func(i int, s *goquery.Selection) bool {
			text := collapse(s.Text())
			if text == "" || len(strings.Fields(text)) > 8 {
				return i < 40
			}
			if i := strings.Index(strings.ToLower(text), "by "); i > 0 && len(strings.Fields(text[:i])) > 1 {
				text = text[i:] // "Published August 7, 2023 by Nicole Burke"
			}
			for _, a := range splitAuthors(text) {
				if isPersonName(a) {
					people = appendName(people, a)
				}
			}
			return len(people) == 0 && i < 40
		})
		if len(people) > 0 {
			return people
		}
		if people = labelledAuthor(scope); len(people) > 0 {
			return people
		}
	}
	return nil
}

// selLabel finds the short elements that may hold a byline label on its own.
var selLabel = cascadia.MustCompile("p, span, div, strong, b, em, dt, h4, h5, h6")

// labelledAuthor returns the person named by the element right after a byline label that
// stands in an element of its own: <p>Written by</p><p>Jane Roe</p>.
func labelledAuthor(scope *goquery.Selection) []string {
	var people []string
	scope.FindMatcher(selLabel).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if s.Children().Length() > 0 {
			return true
		}
		switch strings.ToLower(strings.TrimRight(collapse(s.Text()), ": ")) {
		case "written by", "by", "author", "authored by", "posted by", "words by", "article by", "story by":
		default:
			return true
		}
		if name := collapse(s.Next().Text()); isPersonName(name) {
			people = []string{name}
		}
		return false
	})
	return people
}

// bylineLabels are words of a byline that are no name: "The Author", "Written By".
var bylineLabels = map[string]bool{"the": true, "author": true, "authors": true, "by": true, "written": true, "posted": true, "about": true, "editor": true, "staff": true}

// isPersonName reports two to four capitalised words without digits: "Jane Roe",
// "Mary-Kate O'Neil", "Trevor J. Mitchell".
func isPersonName(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 4 {
		return false
	}
	labels := 0
	for _, w := range words {
		if bylineLabels[strings.ToLower(strings.Trim(w, ".:,"))] {
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
		if utf8.RuneCountInString(w) > 2 && strings.ToUpper(w) == w {
			upper++
		}
	}
	return upper < len(words) // "USE CASE" is a heading
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
func visibleDate(doc *goquery.Document) string {
	for _, scope := range scopes(doc) {
		date := ""
		scope.FindMatcher(selDate).EachWithBreak(func(i int, s *goquery.Selection) bool {
			if isModified(s) {
				return i < 12
			}
			text := collapse(s.Text())
			if v := s.AttrOr("content", ""); v != "" {
				text = v
			}
			lower := strings.ToLower(text)
			if text == "" || len(strings.Fields(text)) > 16 || strings.HasPrefix(lower, "updated") || strings.HasPrefix(lower, "last updated") || strings.HasPrefix(lower, "modified") {
				return i < 12
			}
			if d := pubdate.ISO(text); d != "" {
				date = d
			} else if m := pubdate.Find(text); m.Value != "" && !strings.Contains(strings.ToLower(text[:m.Start]), "updated") {
				date = m.Value
			}
			return date == "" && i < 12
		})
		if date != "" {
			return date
		}
	}
	return ""
}

// updateLead matches the label of an update date: "Updated", "Last updated on", "Page
// updated:", "Last modified".
var updateLead = regexp.MustCompile(`(?i)^(?:[-–—·|]\s*)?(?:page\s+|last\s+)?(?:updated|modified|reviewed)(?:\s+on)?\s*:?\s*`)

// visibleUpdate returns the first update date shown in the article, else in the page: a
// short element that reads "Updated March 13, 2024" or "Last updated: 2025-02-22". The
// page's text nodes are walked once; only the elements around an update label are read.
func visibleUpdate(doc *goquery.Document) string {
	for _, scope := range scopes(doc) {
		for _, root := range scope.Nodes {
			if d := updateUnder(root); d != "" {
				return d
			}
		}
	}
	return ""
}

// updateUnder returns the date of the first update label under n, read from the label's
// element or, when the date stands in an element of its own ("Updated on" / "April 19,
// 2025"), its parent's.
func updateUnder(n *html.Node) string {
	if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style" || n.Data == "noscript") {
		return ""
	}
	if n.Type == html.TextNode {
		if !updateLead.MatchString(strings.TrimSpace(n.Data)) {
			return ""
		}
		for el, up := n.Parent, 0; el != nil && up < 2; el, up = el.Parent, up+1 {
			text := collapse(textOf(el))
			if len(strings.Fields(text)) > 10 {
				return ""
			}
			loc := updateLead.FindStringIndex(text)
			if loc == nil {
				continue
			}
			rest := text[loc[1]:]
			if d := pubdate.ISO(rest); d != "" {
				return d
			}
			if m := pubdate.Find(rest); m.Value != "" && m.Start == 0 {
				return m.Value
			}
		}
		return ""
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if d := updateUnder(c); d != "" {
			return d
		}
	}
	return ""
}
