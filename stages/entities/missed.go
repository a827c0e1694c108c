package entities

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/newspipe/newspipe/internal/ner"
)

// addMissed adds a mention wherever the tokens of a name found elsewhere in the document
// occur again untagged: the tagger decides each sentence alone and misses some
// repetitions, often in headlines.
func addMissed(text string, toks []ner.Token, ms []mention) []mention {
	if len(ms) == 0 {
		return ms
	}
	index := func(start int) int { // tokens are in text order
		lo, hi := 0, len(toks)
		for lo < hi {
			if mid := int(uint(lo+hi) >> 1); toks[mid].Start < start {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		return lo
	}
	covered := make([]bool, len(toks))
	type name struct {
		words []string
		m     mention
	}
	byFirst := map[string][]name{}
	// byCaps holds the one-word names not written in capitals by their capitals, for
	// their repetitions in headings and photo credits ("REUTERS/Mark Makela" after
	// "Reuters", "ATTACKING REPUBLICANS" after "Republicans"); a longer name repeated
	// in capitals is found as a spelling variant (byKey).
	byCaps := map[string][]name{}
	byKey := map[string]mention{}  // multi-word names by their spelling-folded key
	keyStarts := map[string]bool{} // the first folded word of each key, to skip most tokens cheaply
	for _, m := range ms {
		i0 := index(m.toks[0].Start)
		for k, t := range m.toks {
			i := i0 + k // a mention's tokens are consecutive tokens of the text
			if i >= len(toks) || toks[i].Start != t.Start {
				i = index(t.Start)
			}
			if i < len(covered) {
				covered[i] = true
			}
		}
		words := make([]string, len(m.toks))
		for i, t := range m.toks {
			words[i] = t.Text
		}
		// Single short words ("US", "Mr") are too ambiguous to repeat blindly.
		if len(words) == 1 && utf8.RuneCountInString(words[0]) < 3 || !isCapitalised(words[0]) {
			continue
		}
		byFirst[words[0]] = append(byFirst[words[0]], name{words, m})
		if len(words) == 1 && !allCaps(m.text) {
			up := strings.ToUpper(words[0])
			byCaps[up] = append(byCaps[up], name{words, m})
		}
		if len(words) > 1 {
			key := normKey(strings.Join(words, " "))
			byKey[key] = m
			first, _, _ := strings.Cut(key, " ")
			keyStarts[first] = true
		}
	}
	// A mention that is the start of a spelling variant of a longer known name grows to it:
	// the tagger may take only "Kim" of "Kim Jong-un's" when the article elsewhere writes
	// "Kim Jong Un".
	for mi := range ms {
		if len(byKey) == 0 {
			break
		}
		if head, _, _ := strings.Cut(normKey(ms[mi].toks[0].Text), " "); !keyStarts[head] {
			continue // no longer name starts like this one
		}
		first, last := index(ms[mi].toks[0].Start), index(ms[mi].toks[len(ms[mi].toks)-1].Start)
		for k := 2; k >= 1; k-- {
			end := last + k
			if end >= len(toks) || slices.Contains(covered[last+1:end+1], true) ||
				slices.ContainsFunc(toks[last+1:end+1], func(t ner.Token) bool { return !hasAlnum(t.Text) }) {
				continue
			}
			words := make([]string, 0, end-first+1)
			for _, t := range toks[first : end+1] {
				words = append(words, t.Text)
			}
			if m, ok := byKey[normKey(strings.Join(words, " "))]; ok && len(words) > len(ms[mi].toks) {
				m.toks = toks[first : end+1]
				m.text = text[toks[first].Start:toks[end].End]
				ms[mi] = m
				for j := last + 1; j <= end; j++ {
					covered[j] = true
				}
				break
			}
		}
	}
	// Longest names first, so "Bashar al-Assad" wins over "Bashar".
	for _, c := range byFirst {
		slices.SortStableFunc(c, func(a, b name) int { return cmp.Compare(len(b.words), len(a.words)) })
	}
	n := len(ms)
	for i := 0; i < len(toks); i++ {
		if covered[i] {
			continue
		}
		candidates, inCaps := byFirst[toks[i].Text], false
		if len(candidates) == 0 && len(byCaps) > 0 && allCaps(toks[i].Text) {
			candidates, inCaps = byCaps[toks[i].Text], true
		}
		for _, c := range candidates {
			l := len(c.words)
			if i+l > len(toks) || slices.ContainsFunc(covered[i:i+l], func(b bool) bool { return b }) {
				continue
			}
			match := true
			for k, w := range c.words {
				if t := toks[i+k].Text; t != w && !(inCaps && t == strings.ToUpper(w)) {
					match = false
					break
				}
			}
			if !match {
				continue
			}
			m := c.m
			m.toks = toks[i : i+l]
			m.text = text[toks[i].Start:toks[i+l-1].End] // the spacing may differ
			ms = append(ms, m)
			for k := i; k < i+l; k++ {
				covered[k] = true
			}
			i += l - 1
			break
		}
		if covered[i] {
			continue
		}
		// A spelling variant of a known name: "Kim Jong-un" for "Kim Jong Un".
		if len(byKey) == 0 || !isCapitalised(toks[i].Text) {
			continue
		}
		if first, _, _ := strings.Cut(normKey(toks[i].Text), " "); !keyStarts[first] {
			continue
		}
		for l := min(3, len(toks)-i); l >= 2 || l == 1 && strings.ContainsRune(toks[i].Text, '-'); l-- {
			if l < 1 || !isCapitalised(toks[i].Text) || slices.Contains(covered[i:i+l], true) {
				continue
			}
			words := make([]string, l)
			for k := range l {
				words[k] = toks[i+k].Text
			}
			m, ok := byKey[normKey(strings.Join(words, " "))]
			if !ok || slices.ContainsFunc(toks[i:i+l], func(t ner.Token) bool { return !hasAlnum(t.Text) }) {
				continue
			}
			m.toks = toks[i : i+l]
			m.text = text[toks[i].Start:toks[i+l-1].End]
			ms = append(ms, m)
			for k := i; k < i+l; k++ {
				covered[k] = true
			}
			i += l - 1
			break
		}
	}
	if len(ms) > n {
		slices.SortStableFunc(ms, func(a, b mention) int { return cmp.Compare(a.toks[0].Start, b.toks[0].Start) })
	}
	return ms
}
