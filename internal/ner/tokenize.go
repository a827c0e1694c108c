package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word or punctuation mark of a text with its position in it.
type Token struct {
	Text string
	// Start and End are byte offsets into the text.
	Start, End int
	// RuneStart and RuneEnd are Unicode code point offsets into the text.
	RuneStart, RuneEnd int
}

// abbreviations are words that keep a following period, as CoNLL (Reuters) text writes them.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "sen": true,
	"rep": true, "gov": true, "lt": true, "col": true, "capt": true, "sgt": true, "st": true,
	"jr": true, "sr": true, "inc": true, "corp": true, "co": true, "ltd": true, "bros": true,
	"vs": true, "jan": true, "feb": true, "mar": true, "apr": true, "aug": true, "sept": true,
	"sep": true, "oct": true, "nov": true, "dec": true, "no": true, "etc": true, "mt": true,
	"ft": true, "rev": true, "hon": true, "pres": true, "ave": true, "adm": true, "maj": true,
	"cpl": true, "messrs": true, "plc": true, "cie": true, "dept": true, "univ": true, "approx": true,
}

// titleAbbreviations never end a sentence: a name follows them.
var titleAbbreviations = map[string]bool{
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "prof.": true, "gen.": true, "sen.": true,
	"rep.": true, "gov.": true, "lt.": true, "col.": true, "capt.": true, "sgt.": true, "st.": true,
	"rev.": true, "hon.": true, "adm.": true, "maj.": true, "cpl.": true, "messrs.": true,
}

// contractions are the clitics split from the word before them ("he's" -> "he" "'s").
var contractions = map[string]bool{"s": true, "re": true, "ll": true, "ve": true, "m": true, "d": true}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// runeAt decodes the rune at byte offset i of s, returning utf8.RuneError and 0 past the end.
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return utf8.RuneError, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// prevRune returns the rune ending at byte offset i of s.
func prevRune(s string, i int) rune {
	if i <= 0 {
		return utf8.RuneError
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// Tokenize splits text into CoNLL-style tokens: punctuation is split from words, the
// possessive 's and n't are separate tokens, and abbreviations ("U.S.", "Mr."), numbers
// ("1,000", "3.5") and hyphenated words ("Jong-un") stay whole.
func Tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/5+1)
	return appendTokens(toks, text)
}

func appendTokens(toks []Token, text string) []Token {
	first := len(toks)
	i := 0
	for i < len(text) {
		r, n := runeAt(text, i)
		if unicode.IsSpace(r) || r == utf8.RuneError && n <= 1 || unicode.IsControl(r) || r == '\u200b' || r == '\ufeff' {
			i += n
			continue
		}
		end := scanToken(text, i)
		toks = append(toks, Token{Text: text[i:end], Start: i, End: end})
		i = end
	}
	// Code point offsets in one forward pass.
	pos, runes := 0, 0
	for k := first; k < len(toks); k++ {
		t := &toks[k]
		runes += utf8.RuneCountInString(text[pos:t.Start])
		t.RuneStart = runes
		runes += utf8.RuneCountInString(t.Text)
		t.RuneEnd = runes
		pos = t.End
	}
	return toks
}

// scanToken returns the end of the token that starts at byte offset i of text.
func scanToken(text string, i int) int {
	r, n := runeAt(text, i)
	switch {
	case isAlnum(r):
		return scanWord(text, i)
	case isApostrophe(r):
		// A clitic after a word: "'s", "'re", "’ll".
		if i > 0 && isAlnum(prevRune(text, i)) {
			j := i + n
			for j < len(text) {
				c, m := runeAt(text, j)
				if !unicode.IsLetter(c) {
					break
				}
				j += m
			}
			if contractions[strings.ToLower(text[i+n:j])] {
				return j
			}
		}
		return i + n
	case r == '.':
		j := i
		for j < len(text) && text[j] == '.' {
			j++
		}
		return j
	case r == '-':
		j := i
		for j < len(text) && text[j] == '-' {
			j++
		}
		return j
	}
	return i + n
}

// scanWord scans a word starting with a letter or digit at byte offset i.
func scanWord(text string, i int) int {
	j := i
	dotted := false // has an inner period: "U.S", "3.5"
	for j < len(text) {
		r, n := runeAt(text, j)
		if isAlnum(r) {
			// n't is split from its verb: "don't" -> "do" "n't".
			if (r == 'n' || r == 'N') && j > i && j+n < len(text) {
				a, an := runeAt(text, j+n)
				if isApostrophe(a) {
					t, tn := runeAt(text, j+n+an)
					if (t == 't' || t == 'T') && !isAlnum(nextRune(text, j+n+an+tn)) {
						return j
					}
				}
			}
			j += n
			continue
		}
		prev := prevRune(text, j)
		next, nn := runeAt(text, j+n)
		if nn == 0 || !isAlnum(next) {
			break
		}
		ok := false
		switch r {
		case '-', '‐', '‑':
			ok = true
		case '.':
			ok, dotted = true, true
		case ',':
			ok = unicode.IsDigit(prev) && unicode.IsDigit(next) && digitsAhead(text, j+n) == 3
		case '/', ':':
			ok = unicode.IsDigit(prev) && unicode.IsDigit(next)
		case '&':
			ok = unicode.IsUpper(prev) && unicode.IsUpper(next)
		case '\'', '’':
			// Keep O'Neill and D'Alema, split he's and we're.
			k := j + n
			for k < len(text) {
				c, m := runeAt(text, k)
				if !unicode.IsLetter(c) {
					break
				}
				k += m
			}
			ok = unicode.IsLetter(prev) && !contractions[strings.ToLower(text[j+n:k])]
		}
		if !ok {
			break
		}
		j += n
	}
	// A currency sign belongs to a country code of up to three capitals before it: "C$",
	// "HK$", "US$", one token as Reuters text writes them.
	if j < len(text) && text[j] == '$' && j-i <= 3 && upperASCII(text[i:j]) {
		return j + 1
	}
	// A final period belongs to abbreviations and initials.
	if j < len(text) && text[j] == '.' {
		w := text[i:j]
		if dotted && !strings.ContainsAny(w, "0123456789") && shortPieces(w) ||
			utf8.RuneCountInString(w) == 1 && unicode.IsUpper(firstRune(w)) ||
			abbreviations[strings.ToLower(w)] {
			j++
		}
	}
	return j
}

// upperASCII reports whether w is made of ASCII capital letters only.
func upperASCII(w string) bool {
	for k := 0; k < len(w); k++ {
		if w[k] < 'A' || w[k] > 'Z' {
			return false
		}
	}
	return true
}

func nextRune(s string, i int) rune {
	r, _ := runeAt(s, i)
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// digitsAhead counts the ASCII digits starting at byte offset i of s.
func digitsAhead(s string, i int) int {
	n := 0
	for i+n < len(s) && s[i+n] >= '0' && s[i+n] <= '9' {
		n++
	}
	return n
}

// shortPieces reports whether every period-separated piece of w is at most 3 runes long,
// as in "U.S", "p.m" and "Ph.D" but not "example.com".
func shortPieces(w string) bool {
	for _, p := range strings.Split(w, ".") {
		if utf8.RuneCountInString(p) > 3 {
			return false
		}
	}
	return true
}

// sentenceEnders end a sentence when a capitalised word or an opening quote follows.
var sentenceEnders = map[string]bool{".": true, "!": true, "?": true, "...": true, "…": true}

// isSentenceEnder is sentenceEnders[w] without a map lookup for the words, nearly
// all, that are not punctuation.
func isSentenceEnder(w string) bool {
	return len(w) <= len("…") && (w == "" || !isAlnumByte(w[0])) && sentenceEnders[w]
}

// closers may follow a sentence's final punctuation and still belong to the sentence.
var closers = map[string]bool{"\"": true, "'": true, "”": true, "’": true, ")": true, "]": true, "»": true}

// isCloser is closers[w] without a map lookup for words.
func isCloser(w string) bool {
	return len(w) <= len("”") && (w == "" || !isAlnumByte(w[0])) && closers[w]
}

// isAlnumByte reports whether c is an ASCII letter or digit.
func isAlnumByte(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
}

// MaxSentenceTokens is the longest sentence Sentences returns; a longer run of tokens
// without a boundary is cut into pieces of this length. Real sentences are far shorter
// (CoNLL-2003's longest has 124 tokens); a page of 2 million words on one line would
// otherwise be one sentence whose tagging lattice takes hundreds of megabytes.
const MaxSentenceTokens = 500

// Sentences splits the tokens of text into sentences. A line break always ends a
// sentence, so headlines, captions and list items stand alone.
func Sentences(text string, toks []Token) [][]Token {
	var sents [][]Token
	start := 0
	for k := 1; k <= len(toks); k++ {
		if k == len(toks) || k-start == MaxSentenceTokens || boundary(text, toks, k) {
			sents = append(sents, toks[start:k:k])
			start = k
		}
	}
	return sents
}

// boundary reports whether a sentence starts at token k (k > 0).
func boundary(text string, toks []Token, k int) bool {
	if strings.ContainsAny(text[toks[k-1].End:toks[k].Start], "\n\r\u2028\u2029") {
		return true
	}
	// A quote or bracket right after the period closes the sentence rather than opening the next.
	if isCloser(toks[k].Text) && toks[k-1].End == toks[k].Start {
		return false
	}
	j := k - 1
	for j > 0 && isCloser(toks[j].Text) {
		j--
	}
	last := toks[j].Text
	if !isSentenceEnder(last) {
		// An abbreviation at the end of a sentence swallows its period: "in the U.S. The ..."
		if !strings.HasSuffix(last, ".") || len(last) < 3 || titleAbbreviations[strings.ToLower(last)] || j != k-1 {
			return false
		}
		if !strings.Contains(last[:len(last)-1], ".") {
			return false
		}
		nx := toks[k].Text
		return len(nx) > 1 && unicode.IsUpper(firstRune(nx)) && commonSentenceStarts[nx]
	}
	r := firstRune(toks[k].Text)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'([«", r)
}

// commonSentenceStarts are capitalised function words that start a sentence after an
// abbreviation such as "U.S.".
var commonSentenceStarts = map[string]bool{
	"The": true, "A": true, "An": true, "It": true, "He": true, "She": true, "They": true,
	"We": true, "I": true, "This": true, "That": true, "But": true, "And": true, "In": true,
	"On": true, "At": true, "If": true, "As": true, "However": true, "There": true, "Its": true,
}
