// Package shingle scores extracted article text against a human-marked body with the
// 4-word-shingle precision, recall and F1 of the article-extraction benchmark.
package shingle

import (
	"unicode"
	"unicode/utf8"
)

// Tokens splits s into words: maximal runs of Unicode letters, marks, digits or '_', case
// kept. Scripts written without spaces between words (Chinese, Japanese kana, Thai, Lao,
// Khmer, Myanmar) give one token per character with the marks that follow it, since a
// run of them is a whole sentence and would match nothing but the same sentence.
func Tokens(s string) []string {
	return AppendTokens(nil, s)
}

// AppendTokens appends the tokens of s, as Tokens splits them, to toks and returns the
// extended slice.
func AppendTokens(toks []string, s string) []string {
	start := -1
	solo := false // the open token is a character of a script written without spaces
	for i := 0; i < len(s); {
		var word, alone, mark bool
		size := 1
		if c := s[i]; c < utf8.RuneSelf {
			word = asciiWord[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			word = isWordRune(r)
			mark = word && unicode.IsMark(r)
			alone = word && !mark && unicode.In(r, unspaced...)
		}
		switch {
		case !word:
			if start >= 0 {
				toks = append(toks, s[start:i])
				start = -1
			}
		case start < 0:
			start = i
		case alone || solo && !mark:
			toks = append(toks, s[start:i])
			start = i
		}
		solo = alone || solo && mark
		i += size
	}
	if start >= 0 {
		toks = append(toks, s[start:])
	}
	return toks
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || r == '_'
}

// unspaced are the scripts written without spaces between words.
var unspaced = []*unicode.RangeTable{
	unicode.Han, unicode.Hiragana, unicode.Katakana,
	unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar,
}

// asciiWord is isWordRune for ASCII characters.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

// Shingles counts the windows of four consecutive tokens of s. A text of one to three
// tokens is a single shingle; an empty text has none.
func Shingles(s string) map[string]int {
	toks := Tokens(s)
	counts := map[string]int{}
	if len(toks) == 0 {
		return counts
	}
	if len(toks) < 4 {
		counts[join(toks)]++
		return counts
	}
	for i := 0; i+4 <= len(toks); i++ {
		counts[join(toks[i:i+4])]++
	}
	return counts
}

func join(toks []string) string {
	n := 0
	for _, t := range toks {
		n += len(t) + 1
	}
	b := make([]byte, 0, n)
	for i, t := range toks {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, t...)
	}
	return string(b)
}

// Page holds the per-page precision and recall of one extraction.
type Page struct {
	Precision, Recall float64
	// Empty is true when the extraction produced no shingle.
	Empty bool
}

// Score compares an extraction with the truth for one page. TP, FP and FN are shingle
// counts over multisets; precision and recall are TP/(TP+FP) and TP/(TP+FN).
func Score(output, truth string) Page {
	out, want := Shingles(output), Shingles(truth)
	var tp, fp, fn int
	for s, n := range out {
		m := want[s]
		tp += min(n, m)
		if n > m {
			fp += n - m
		}
	}
	for s, m := range want {
		if n := out[s]; m > n {
			fn += m - n
		}
	}
	p := Page{Empty: len(out) == 0}
	if tp+fp > 0 {
		p.Precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		p.Recall = float64(tp) / float64(tp+fn)
	} else if len(want) == 0 && len(out) == 0 {
		p.Recall = 1
	}
	return p
}

// Summary is the benchmark's figure over many pages.
type Summary struct {
	F1, Precision, Recall float64
	Pages                 int
}

// Summarize averages precision over pages with non-empty output and recall over all
// pages, then takes the harmonic mean of the two averages.
func Summarize(pages []Page) Summary {
	var sumP, sumR float64
	nonEmpty := 0
	for _, p := range pages {
		if !p.Empty {
			sumP += p.Precision
			nonEmpty++
		}
		sumR += p.Recall
	}
	s := Summary{Pages: len(pages)}
	if nonEmpty > 0 {
		s.Precision = sumP / float64(nonEmpty)
	}
	if len(pages) > 0 {
		s.Recall = sumR / float64(len(pages))
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}
