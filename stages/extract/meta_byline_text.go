package extract

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// The byline walk tests every short element of a page, and most of them (menus, headings,
// prices, sentences) name nobody. textScan reads what those tests need from an element's
// text nodes as they stand, so that only the texts that pass are copied and collapsed.

// textScan is the shape of the text under an element (textOf's concatenation of its
// text nodes), read without a copy, as far as limit bytes and maxFields fields.
type textScan struct {
	limit, maxFields int

	size   int  // bytes read
	long   bool // more than limit bytes, or more than maxFields fields: reading stopped
	fields int  // fields as strings.Fields splits the text

	amp     bool // a '&', which may start an entity
	upper   bool // an upper-case letter
	pair    bool // a field holding an upper-case letter followed by one opening with one, short small words between ("Nick van Mead")
	digit   bool // an ASCII digit
	invalid bool // a byte that is no UTF-8 (and may join one in the next text node)
	by      bool // "by", in any case, as the first or the second field (opensWithBy)

	inField, fieldUpper, prevUpper bool
	field                          [maxParticleRunes]byte // the field being read, when a short ASCII one
	fieldLen                       int                    // its bytes; more than len(field) when longer or not ASCII
	fieldRunes                     int                    // its runes, counted as far as three
	fieldBy                        bool                   // its first two runes are "by", in any case
}

// scanText reads the text under n.
func scanText(n *html.Node, limit, maxFields int) textScan {
	s := textScan{limit: limit, maxFields: maxFields}
	s.node(n)
	return s
}

// node reads the text nodes under n, in order; it reports false once reading stopped.
func (s *textScan) node(n *html.Node) bool {
	if n.Type == html.TextNode {
		return s.text(n.Data)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !s.node(c) {
			return false
		}
	}
	return true
}

// text reads one text node.
func (s *textScan) text(t string) bool {
	if s.size += len(t); s.size > s.limit {
		s.long = true
		return false
	}
	for _, r := range t {
		switch {
		case r < utf8.RuneSelf:
			switch c := byte(r); {
			case c == ' ' || '\t' <= c && c <= '\r':
				s.space()
				continue
			case c == '&':
				s.amp = true
			case isDigit(c):
				s.digit = true
			}
		case r == utf8.RuneError:
			s.invalid = true
		case unicode.IsSpace(r):
			s.space()
			continue
		}
		if !s.inField {
			s.inField, s.fieldUpper, s.fieldLen, s.fieldRunes = true, false, 0, 0
			if s.fields++; s.fields > s.maxFields {
				s.long = true
				return false
			}
			if s.prevUpper && unicode.IsUpper(r) {
				s.pair = true
			}
		}
		// A "by" glued to what follows it by a sign ("BY,Jane", "by:Jane") is a label
		// as byLead reads it: "by" then a byte that is no ASCII word character.
		if s.fieldRunes < 3 {
			s.fieldRunes++
			switch s.fieldRunes {
			case 1:
				s.fieldBy = r == 'b' || r == 'B'
			case 2:
				s.fieldBy = s.fieldBy && (r == 'y' || r == 'Y')
			case 3:
				if s.fieldBy && !isASCIIWord(r) && s.fields <= 2 {
					s.by = true
				}
			}
		}
		if s.fieldLen < len(s.field) && r < utf8.RuneSelf {
			s.field[s.fieldLen] = byte(r)
			s.fieldLen++
		} else {
			s.fieldLen = len(s.field) + 1
		}
		if unicode.IsUpper(r) {
			s.upper, s.fieldUpper = true, true
		}
	}
	return true
}

// space ends the field being read.
func (s *textScan) space() {
	if s.inField {
		s.inField = false
		// A particle inside a name ("van", "de") does not part the words around it.
		if s.fieldLen > len(s.field) || !nameParticles[string(s.field[:s.fieldLen])] {
			s.prevUpper = s.fieldUpper
		}
		if s.fields <= 2 && isByField(s.field[:min(s.fieldLen, len(s.field))]) {
			s.by = true
		}
	}
}

// mayNameByline reports an element whose text may name people (bylineNames): at most
// 160 bytes and 14 words, and two words of a name, each opening with a capital, the
// first maybe glued to what stands before it ("ByJane Roe", "Staff,Jane Roe"). Every
// name readNames gives has them: it cuts the text only at spaces and separators, and
// isPersonName wants two to four capitalised words; a "by" as the first or the second
// word may lead to a name of one word ("by ibby"). A '&' may start an entity that makes
// a space ("Jane&nbsp;Roe"), and a byte that is no UTF-8 may join one in the next text
// node: such texts are read whole.
func mayNameByline(n *html.Node) bool {
	s := scanText(n, 160, 14)
	if s.long || s.fields == 0 {
		return false
	}
	return s.amp || s.invalid || s.pair || s.by
}

// isASCIIWord reports an ASCII word character as regexp's \b reads them: [0-9A-Za-z_].
func isASCIIWord(r rune) bool {
	return r < utf8.RuneSelf && (isDigit(byte(r)) || isLetter(byte(r)) || r == '_')
}

// isByField reports a field "by" or "by:", in any case.
func isByField(f []byte) bool {
	return (len(f) == 2 || len(f) == 3 && f[2] == ':') && f[0]|0x20 == 'b' && f[1]|0x20 == 'y'
}

// labelBefore reports a byline label in the element before n ("Written by" / "Jane
// Roe"): byTail.MatchString(previousText(n)), reading the words of the elements before
// n before their text.
func labelBefore(n *html.Node) bool {
	for sib := n.PrevSibling; sib != nil; sib = sib.PrevSibling {
		s := scanText(sib, int(^uint(0)>>1), 4)
		switch {
		case s.invalid:
			return byTail.MatchString(previousText(n))
		case s.fields == 0:
			continue
		case s.long:
			return false // previousText gives no text of more than four words
		}
		return byTail.MatchString(collapse(textOf(sib)))
	}
	return false
}
