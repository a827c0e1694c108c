package entities

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/newspipe/newspipe/internal/ner"
)

// splitCompounds splits a mention that joins two names with a hyphen ("US-North Korea",
// "Trump-Kim") into mentions of the two names, when each side is a country or place of the
// curated list or the last word of another mention of the document. A compound of two
// nationalities ("Arab-Israeli") stays whole, as does a hyphenated name whose parts are not
// names of their own ("Kim Il-Sung", "Moon Jae-in").
func splitCompounds(text string, ms []mention, kb *ner.Model) []mention {
	// Most documents have no hyphenated mention: give them back as they are.
	if !slices.ContainsFunc(ms, func(m mention) bool {
		return slices.ContainsFunc(m.toks, func(t ner.Token) bool { return strings.IndexByte(t.Text, '-') > 0 })
	}) {
		return ms
	}
	known := map[string]string{} // last word of a single-name mention -> its CoNLL type
	for _, m := range ms {
		last := m.toks[len(m.toks)-1].Text
		if !strings.ContainsRune(last, '-') {
			known[last] = ner.CoarseType(m.typ)
		}
	}
	side := func(words string) (string, bool) {
		if t, ok := known[words]; ok && !strings.Contains(words, " ") {
			return t, true
		}
		if ner.IsGPE(words) {
			return "LOC", true
		}
		return "", false
	}
	out := make([]mention, 0, len(ms)+1)
	for _, m := range ms {
		split := false
		for k, t := range m.toks {
			i := strings.IndexByte(t.Text, '-')
			if i <= 0 || i == len(t.Text)-1 || strings.Count(t.Text, "-") != 1 {
				continue
			}
			left, right := t.Text[:i], t.Text[i+1:]
			if ner.IsNORP(left) && ner.IsNORP(right) {
				break
			}
			lt, lok := side(joinWords(m.toks[:k], left, true))
			rt, rok := side(joinWords(m.toks[k+1:], right, false))
			if !lok || !rok {
				break
			}
			lTok := ner.Token{Text: left, Start: t.Start, End: t.Start + i, RuneStart: t.RuneStart,
				RuneEnd: t.RuneStart + utf8.RuneCountInString(left)}
			rTok := ner.Token{Text: right, Start: t.Start + i + 1, End: t.End, RuneStart: lTok.RuneEnd + 1, RuneEnd: t.RuneEnd}
			parts := []struct {
				toks []ner.Token
				typ  string
			}{
				{append(slices.Clip(m.toks[:k]), lTok), lt},
				{append([]ner.Token{rTok}, m.toks[k+1:]...), rt},
			}
			for _, p := range parts {
				if pm, ok := clean(text, p.toks, p.typ, kb); ok {
					out = append(out, pm)
				}
			}
			split = true
			break
		}
		if !split {
			out = append(out, m)
		}
	}
	return out
}

// joinWords joins the words of toks with w, after them (w last) or before them.
func joinWords(toks []ner.Token, w string, last bool) string {
	words := make([]string, 0, len(toks)+1)
	if !last {
		words = append(words, w)
	}
	for _, t := range toks {
		words = append(words, t.Text)
	}
	if last {
		words = append(words, w)
	}
	return strings.Join(words, " ")
}
