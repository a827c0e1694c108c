package entities

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/newspipe/newspipe/internal/ner"
)

// Predict finds the entities of a document given as sentences of tokens, as the stage
// finds them (titles trimmed, types voted over the document, lexicon fixes), and gives
// each mention back as a span of the tokens it covers, with its CoNLL-2003 type
// (PERSON is PER, GPE is LOC, NORP is MISC). It makes a Recognizer a ner.Predictor, so
// that the stage's output is scored on CoNLL files as the tagger's is.
//
// The document is written out one sentence a line, the tokens separated by spaces. A
// mention that does not begin and end on token boundaries grows to the tokens it
// touches; one that crosses a line is dropped.
func (r *Recognizer) Predict(doc [][]string) [][]ner.Span {
	var b strings.Builder
	type pos struct{ sent, tok int }
	var starts, ends []int // rune offsets of each token, in text order
	var at []pos
	runes := 0
	for si, s := range doc {
		if si > 0 {
			b.WriteByte('\n')
			runes++
		}
		for ti, w := range s {
			if ti > 0 {
				b.WriteByte(' ')
				runes++
			}
			starts = append(starts, runes)
			b.WriteString(w)
			runes += utf8.RuneCountInString(w)
			ends = append(ends, runes)
			at = append(at, pos{si, ti})
		}
	}
	out := make([][]ner.Span, len(doc))
	// tokenAt is the index of the first token that ends after rune offset off.
	tokenAt := func(off int) int {
		lo, hi := 0, len(ends)
		for lo < hi {
			if mid := int(uint(lo+hi) >> 1); ends[mid] <= off {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		return lo
	}
	for _, e := range r.Entities(b.String()) {
		typ := ner.CoarseType(e.Type)
		for _, m := range e.Mentions {
			first, last := tokenAt(m.Start), tokenAt(m.End-1)
			if first >= len(at) || last >= len(at) || at[first].sent != at[last].sent {
				continue
			}
			s := at[first].sent
			out[s] = append(out[s], ner.Span{Start: at[first].tok, End: at[last].tok + 1, Type: typ})
		}
	}
	for s := range out {
		out[s] = dedupeSpans(out[s])
	}
	return out
}

// dedupeSpans sorts a sentence's spans by start and drops any that overlaps an earlier
// one (two mentions grown to the same tokens).
func dedupeSpans(sp []ner.Span) []ner.Span {
	if len(sp) < 2 {
		return sp
	}
	slices.SortStableFunc(sp, func(a, b ner.Span) int { return cmp.Compare(a.Start, b.Start) })
	out := sp[:1]
	for _, s := range sp[1:] {
		if s.Start >= out[len(out)-1].End {
			out = append(out, s)
		}
	}
	return out
}
