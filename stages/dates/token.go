package dates

import (
	"unicode"
	"unicode/utf8"
)

// kind is the lexical class of a token.
type kind uint8

const (
	kWord  kind = iota // letters only
	kNum               // digits, optionally with an ordinal, plural or am/pm suffix
	kPunct             // one punctuation or symbol rune
	kOther             // mixed letters and digits ("Q3", "FY2019", "4G") or a grouped number
)

// Number suffixes.
const (
	sufNone uint8 = iota
	sufOrd        // 4th, 1st
	sufS          // 1970s
	sufAM         // 3am
	sufPM         // 3pm
)

// token is one lexical unit of the input with byte and code point offsets.
// It is kept small and holds one pointer: a megabyte of text makes a few hundred thousand tokens.
type token struct {
	start, end int32 // byte offsets
	rs, re     int32 // code point offsets
	num        int   // value of a kNum token
	ch         rune  // the rune of a kPunct token, with dashes and quotes folded
	w          *word // lexicon entry of a word, nil when unknown
	ndig       uint8 // number of digits of a kNum token (capped at 255)
	kind       kind
	suf        uint8
	space      bool // whitespace (or start of text) before the token
	nl         bool // a line break (or start of text) before the token
	cap        bool // first letter is upper case
	dec        bool // a decimal number such as 2.5
}

// is reports whether the token is the lexicon word key (lower case).
func (t *token) is(key string) bool { return t.w != nil && t.w.key == key }

// isCh reports whether the token is the punctuation rune r.
func (t *token) isCh(r rune) bool { return t.kind == kPunct && t.ch == r }

// foldPunct maps the typographic variants of dashes and apostrophes to ASCII.
func foldPunct(r rune) rune {
	switch r {
	case '‐', '‑', '‒', '–', '—', '―', '−':
		return '-'
	case '’', '‘', 'ʼ', '′', '`':
		return '\''
	case '“', '”', '„':
		return '"'
	}
	return r
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// tokenize splits text[from:to] into tokens, appending to toks. Offsets are absolute; rpos is the
// code point offset of from. It returns the tokens and the code point offset of to.
func (t *Tagger) tokenize(text string, from, to, rpos int, toks []token) ([]token, int) {
	space, nl := true, true
	i := from
	for i < to {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\n':
				space, nl = true, true
				i++
				rpos++
				continue
			case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
				space = true
				i++
				rpos++
				continue
			case isDigit(c):
				tok, ni := scanNumber(text, i)
				tok.rs = int32(rpos)
				rpos += ni - i // numbers are ASCII
				tok.re = int32(rpos)
				i = ni
				tok.space, tok.nl = space, nl
				if tok.kind == kOther && !tok.dec {
					t.lookup(&tok, text)
				}
				toks = append(toks, tok)
				space, nl = false, false
				continue
			case isASCIILetter(c):
				j := i
				ascii := true
				hasDigit := false
				n := 0
				for j < len(text) {
					b := text[j]
					if b < utf8.RuneSelf {
						if isASCIILetter(b) {
							j++
							n++
							continue
						}
						if isDigit(b) {
							hasDigit = true
							j++
							n++
							continue
						}
						break
					}
					r, size := utf8.DecodeRuneInString(text[j:])
					if !unicode.IsLetter(r) {
						break
					}
					ascii = false
					j += size
					n++
				}
				tok := token{start: int32(i), end: int32(j), rs: int32(rpos), re: int32(rpos + n), kind: kWord,
					space: space, nl: nl, cap: c >= 'A' && c <= 'Z'}
				if hasDigit {
					tok.kind = kOther
				}
				if ascii {
					t.lookup(&tok, text)
				}
				toks = append(toks, tok)
				rpos += n
				i = j
				space, nl = false, false
				continue
			default:
				toks = append(toks, token{start: int32(i), end: int32(i + 1), rs: int32(rpos), re: int32(rpos + 1),
					kind: kPunct, space: space, nl: nl, ch: rune(c)})
				i++
				rpos++
				space, nl = false, false
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			space = true
			if r == '\u2028' || r == '\u2029' || r == '\u0085' {
				nl = true
			}
			i += size
			rpos++
		case unicode.IsLetter(r):
			j := i
			n := 0
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r2) && !(r2 < utf8.RuneSelf && isDigit(byte(r2))) {
					break
				}
				j += s2
				n++
			}
			toks = append(toks, token{start: int32(i), end: int32(j), rs: int32(rpos), re: int32(rpos + n), kind: kWord,
				space: space, nl: nl, cap: unicode.IsUpper(r)})
			rpos += n
			i = j
			space, nl = false, false
		default:
			toks = append(toks, token{start: int32(i), end: int32(i + size), rs: int32(rpos), re: int32(rpos + 1),
				kind: kPunct, space: space, nl: nl, ch: foldPunct(r)})
			i += size
			rpos++
			space, nl = false, false
		}
	}
	return toks, rpos
}

// scanNumber reads a number starting at text[i], which is a digit.
// Grouped numbers (1,973) and decimals (2.5) become kOther so they are never read as
// years or days; a decimal keeps its value for durations such as "2.5 years".
func scanNumber(text string, i int) (token, int) {
	j := i
	for j < len(text) && isDigit(text[j]) {
		j++
	}
	tok := token{start: int32(i), kind: kNum, ndig: uint8(min(j-i, 255))}
	// Grouping commas: ",ddd" not followed by another digit.
	grouped := false
	for j+3 < len(text)+0 && text[j] == ',' && isDigit(text[j+1]) && isDigit(text[j+2]) && isDigit(text[j+3]) &&
		(j+4 >= len(text) || !isDigit(text[j+4])) {
		j += 4
		grouped = true
	}
	// A number right after "digit." is the middle or end of a dotted date, not a decimal.
	afterDot := i >= 2 && text[i-1] == '.' && isDigit(text[i-2])
	if !grouped && !afterDot && j+1 < len(text) && text[j] == '.' && isDigit(text[j+1]) {
		k := j + 1
		for k < len(text) && isDigit(text[k]) {
			k++
		}
		// A second dot means a dotted date or a version number: leave it alone.
		if !(k < len(text) && text[k] == '.' && k+1 < len(text) && isDigit(text[k+1])) {
			tok.kind = kOther
			tok.dec = true
			j = k
		}
	}
	if grouped {
		tok.kind = kOther
	}
	if tok.kind == kNum {
		v := 0
		for k := i; k < j && k < i+9; k++ {
			v = v*10 + int(text[k]-'0')
		}
		tok.num = v
		// Suffix letters.
		k := j
		for k < len(text) && isASCIILetter(text[k]) {
			k++
		}
		if k > j {
			switch lower2(text[j:k]) {
			case "st", "nd", "rd", "th":
				tok.suf = sufOrd
			case "s":
				tok.suf = sufS
			case "am":
				tok.suf = sufAM
			case "pm":
				tok.suf = sufPM
			default:
				tok.kind = kOther
			}
			j = k
			if tok.kind == kOther {
				for j < len(text) && (isASCIILetter(text[j]) || isDigit(text[j])) {
					j++
				}
			}
		}
	}
	tok.end = int32(j)
	return tok, j
}

// lower2 lower-cases a short ASCII suffix; longer strings return "" (no suffix matches).
func lower2(s string) string {
	if len(s) > 2 {
		return ""
	}
	var b [2]byte
	for i := 0; i < len(s); i++ {
		b[i] = s[i] | 0x20
	}
	return string(b[:len(s)])
}

// parseFloat parses a plain decimal such as "2.5".
func parseFloat(s string) float64 {
	v, frac, div := 0.0, false, 1.0
	for i := 0; i < len(s) && i < 18; i++ {
		if s[i] == '.' {
			frac = true
			continue
		}
		d := float64(s[i] - '0')
		if frac {
			div *= 10
			v += d / div
		} else {
			v = v*10 + d
		}
	}
	return v
}

// lookup attaches the lexicon entry of an ASCII word token, matched case-insensitively.
func (t *Tagger) lookup(tok *token, text string) {
	s := text[tok.start:tok.end]
	if len(s) > 24 {
		return
	}
	var buf [24]byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	tok.w = t.lex[string(buf[:len(s)])]
}
