// Package normalize puts text into the one form that later stages expect: Unicode NFC,
// "\n" line endings, no invisible or control characters, single spaces, trimmed lines.
package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Text normalises a whole document: line endings become "\n", each line is normalised
// by Line, and runs of more than one empty line become one.
func Text(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	blank := 0
	for i, line := range Lines(s) {
		if line == "" {
			blank++
			continue
		}
		if i > 0 && b.Len() > 0 {
			b.WriteByte('\n')
			if blank > 0 {
				b.WriteByte('\n')
			}
		}
		blank = 0
		b.WriteString(line)
	}
	return b.String()
}

// Lines splits s at "\n", "\r\n", "\r", U+2028 and U+2029 and normalises each line by
// Line; empty lines are kept as empty strings.
func Lines(s string) []string {
	parts := make([]string, 0, strings.Count(s, "\n")+1)
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		n := 0 // length of the line break at i
		switch {
		case c == '\n' || c == '\r':
			n = 1
			if c == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				n = 2
			}
		case c == 0xe2 && (strings.HasPrefix(s[i:], "\u2028") || strings.HasPrefix(s[i:], "\u2029")):
			n = len("\u2028")
		}
		if n == 0 {
			i++
			continue
		}
		parts = append(parts, Line(s[start:i]))
		i += n
		start = i
	}
	return append(parts, Line(s[start:]))
}

// Line normalises one line: NFC, invisible characters (zero-width space, word joiner, byte
// order mark, soft hyphen, bidirectional marks) and control characters dropped, every kind
// of space and tab turned into one ASCII space, and no space at either end. Zero-width
// joiners and non-joiners stay: scripts and emoji need them.
func Line(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i, r := range s {
		if r < utf8.RuneSelf {
			// The cases below, for ASCII: spaces are \t \n \v \f \r and ' ', controls
			// the rest below ' ' and DEL, and nothing is invisible.
			switch c := s[i]; {
			case c == ' ' || '\t' <= c && c <= '\r':
				space = true
			case c < ' ' || c == 0x7f:
			default:
				if space && b.Len() > 0 {
					b.WriteByte(' ')
				}
				space = false
				b.WriteByte(c)
			}
			continue
		}
		switch {
		case invisible(r):
			continue
		case r == '\t' || unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
			space = true
			continue
		case unicode.IsControl(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	// Composition comes last: dropping a character can bring a base and a combining
	// mark together.
	out := b.String()
	if !norm.NFC.IsNormalString(out) {
		out = norm.NFC.String(out)
	}
	return out
}

// invisible reports whether r is a character that carries no visible text and that
// breaks word matching when left in: it is dropped.
func invisible(r rune) bool {
	switch r {
	case '\u200b', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u180e':
		return true
	}
	return false
}

// isClean reports whether s is printable ASCII with single inner spaces and no space at
// either end: such a line is already normal, and most lines of English news are.
func isClean(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f {
			return false
		}
		if c == ' ' {
			if prevSpace {
				return false
			}
			prevSpace = true
		} else {
			prevSpace = false
		}
	}
	return true
}
