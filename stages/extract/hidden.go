package extract

import "strings"

// A Reading is a page changed so that a parser finds the text it hides, and what was
// changed.
type Reading struct {
	Page, Change string
}

// Unhide returns the readings to try, in order, of a page that shows no text: each
// changes the page further toward what a reader without scripts sees. Two kinds of page
// put all their text where the parser does not look:
//
//   - a page whose <title> is never closed: the parser reads the rest of the page as
//     the title's text, so the title is closed before its first tag;
//   - a page whose text is in <noscript> (a forum's view for readers without scripts):
//     the element's tags are dropped, so its content is read as the page's own.
//
// Unhide returns nothing for a page it would not change.
func Unhide(page string) []Reading {
	var out []Reading
	if p, ok := closeRunawayTitle(page); ok {
		page = p
		out = append(out, Reading{p, "its <title> was not closed"})
	}
	if p, ok := dropTags(page, "noscript"); ok {
		change := "its text was in <noscript>"
		if len(out) > 0 {
			change = out[0].Change + " and " + change
		}
		out = append(out, Reading{p, change})
	}
	return out
}

// closeRunawayTitle closes a <title> that has no end tag before the first tag of its
// text.
func closeRunawayTitle(page string) (string, bool) {
	i, n := findTag(page, "title", false)
	if i < 0 {
		return page, false
	}
	text := i + n
	if j, _ := findTag(page[text:], "title", true); j >= 0 {
		return page, false
	}
	lt := strings.IndexByte(page[text:], '<')
	if lt < 0 {
		return page, false
	}
	return page[:text+lt] + "</title>" + page[text+lt:], true
}

// dropTags removes the start and end tags of every element named name.
func dropTags(page, name string) (string, bool) {
	var b strings.Builder
	rest, changed := page, false
	for {
		i, n := findTag(rest, name, false)
		if j, m := findTag(rest, name, true); j >= 0 && (i < 0 || j < i) {
			i, n = j, m
		}
		if i < 0 {
			if !changed {
				return page, false
			}
			b.WriteString(rest)
			return b.String(), true
		}
		if !changed {
			b.Grow(len(page))
			changed = true
		}
		b.WriteString(rest[:i])
		rest = rest[i+n:]
	}
}

// findTag returns the index and length of the first start tag (end tag, if end) of the
// lower-case element name in s, in any case, or -1. As in a tokenizer, the name must
// end at white space, '/' or '>': "</titlevalue" does not end a title.
func findTag(s, name string, end bool) (int, int) {
	open := "<" + name
	if end {
		open = "</" + name
	}
	for from := 0; ; {
		i := indexFold(s[from:], open)
		if i < 0 {
			return -1, 0
		}
		i += from
		from = i + len(open)
		if from < len(s) && !tagNameEnd(s[from]) {
			continue
		}
		gt := strings.IndexByte(s[from:], '>')
		if gt < 0 {
			return -1, 0
		}
		return i, from + gt + 1 - i
	}
}

// tagNameEnd reports whether c ends a tag's name.
func tagNameEnd(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\f', '/', '>':
		return true
	}
	return false
}
