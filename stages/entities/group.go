package entities

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newspipe/newspipe/internal/ner"
	"github.com/newspipe/newspipe/record"
)

// entity is a group of mentions being built.
type entity struct {
	key      string
	mentions []int    // indexes into ms
	merged   int      // index of the entity it joined, or -1
	typ      string   // type by vote of its own mentions
	words    []string // nameWords of its first mention
}

// group joins mentions into canonical entities.
func group(ms []mention) []record.Entity {
	var ents []*entity
	byKey := map[string]int{}
	for i := range ms {
		g, ok := byKey[ms[i].key]
		if !ok {
			g = len(ents)
			byKey[ms[i].key] = g
			ents = append(ents, &entity{key: ms[i].key, merged: -1})
		}
		ents[g].mentions = append(ents[g].mentions, i)
		ms[i].group = g
	}
	for _, e := range ents {
		e.typ = voteType(ms, e.mentions)
		e.words = nameWords(ms[e.mentions[0]].text)
	}
	// Short forms join a longer name used elsewhere in the document: a surname or given
	// name ("Assad", "Kim", "Putin") a person's full name, an acronym ("KCNA") the name
	// whose initials it is.
	for gi, e := range ents {
		if len(strings.Fields(e.key)) != 1 {
			continue // only one-word names join others, so there are no chains
		}
		if target := fullNameFor(ms, ents, gi); target >= 0 {
			e.merged = target
		} else {
			if target := expansionFor(ms, ents, gi); target >= 0 {
				e.merged = target
			}
		}
	}
	root := func(g int) int {
		for n := 0; ents[g].merged >= 0 && n < len(ents); n++ {
			g = ents[g].merged
		}
		return g
	}
	members := map[int][]int{}
	for gi := range ents {
		r := root(gi)
		members[r] = append(members[r], ents[gi].mentions...)
	}
	var out []record.Entity
	for r, idx := range members {
		slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(ms[a].toks[0].RuneStart, ms[b].toks[0].RuneStart) })
		e := record.Entity{Name: canonicalName(ms, ents[r].mentions), Type: voteType(ms, idx)}
		// A person's full name decides the type of the short forms that joined it:
		// "Obama" under an administration is the president, not an organisation.
		if ents[r].typ == "PERSON" {
			e.Type = "PERSON"
		}
		if e.Type == "PERSON" && thingNotPerson(ms, idx) {
			e.Type = "ORG"
		}
		for _, i := range idx {
			m := ms[i]
			e.Mentions = append(e.Mentions, record.Mention{
				Text:  m.text,
				Start: m.toks[0].RuneStart,
				End:   m.toks[len(m.toks)-1].RuneEnd,
			})
		}
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b record.Entity) int {
		return cmp.Or(cmp.Compare(a.Mentions[0].Start, b.Mentions[0].Start), cmp.Compare(a.Name, b.Name))
	})
	return out
}

// typeOrder breaks ties in type votes.
var typeOrder = map[string]int{"PERSON": 0, "GPE": 1, "ORG": 2, "NORP": 3, "LOC": 4, "MISC": 5}

// voteType is the most frequent type of the mentions, ties going to the earlier of typeOrder.
func voteType(ms []mention, idx []int) string {
	votes := map[string]int{}
	for _, i := range idx {
		votes[ms[i].typ]++
		if ms[i].cued {
			votes[ms[i].typ]++
		}
	}
	best, bestN := "", -1
	for t, n := range votes {
		if n > bestN || n == bestN && rank(t) < rank(best) {
			best, bestN = t, n
		}
	}
	return best
}

func rank(t string) int {
	if r, ok := typeOrder[t]; ok {
		return r
	}
	return len(typeOrder)
}

// canonicalName picks the most frequent written form, then one not in capitals, then
// the longest, then the first in byte order.
func canonicalName(ms []mention, idx []int) string {
	counts := map[string]int{}
	for _, i := range idx {
		counts[ms[i].text]++
	}
	best := ""
	for name, n := range counts {
		if best == "" {
			best = name
			continue
		}
		bn := counts[best]
		switch {
		case n != bn:
			if n > bn {
				best = name
			}
		case allCaps(name) != allCaps(best): // "Astana" over "ASTANA" from a dateline
			if !allCaps(name) {
				best = name
			}
		case len(name) != len(best):
			if len(name) > len(best) {
				best = name
			}
		case name < best:
			best = name
		}
	}
	return best
}

// orgWords mark a name as an organisation's or a place's, never a person's.
var orgWords = map[string]bool{
	"bank": true, "group": true, "council": true, "ministry": true, "university": true,
	"inc": true, "inc.": true, "corp": true, "corp.": true, "company": true, "party": true,
	"agency": true, "association": true, "court": true, "department": true, "institute": true,
	"college": true, "school": true, "hospital": true, "committee": true, "commission": true,
	"authority": true, "office": true, "union": true, "fund": true, "foundation": true,
	"league": true, "club": true, "news": true, "times": true, "post": true, "review": true,
	"daily": true, "summit": true, "war": true, "river": true, "sea": true, "street": true,
	"city": true, "county": true, "state": true, "republic": true, "kingdom": true,
	"airlines": true, "airways": true, "motors": true, "media": true, "service": true,
	"services": true, "board": true, "centre": true, "center": true, "house": true,
	"hotel": true, "hotels": true, "restaurant": true, "airport": true, "station": true,
	"park": true, "square": true, "bridge": true, "building": true, "tower": true, "palace": true,
	"museum": true, "theatre": true, "theater": true, "stadium": true, "arena": true, "hall": true,
}

// fullNameFor finds the person whose longer name contains entity gi's name as whole
// words, written the same way ("Assad" and "Bashar al-Assad", "Kim" and "Kim Jong Un",
// but not "UN"); -1 when there is none. A surname match beats a given-name match, then
// the name with more mentions wins.
func fullNameFor(ms []mention, ents []*entity, gi int) int {
	// A place's name joins a person's only as the surname, and only when the tagger
	// took it for a person once or no curated list has it as a state or city: "Obama"
	// (a Japanese city to GeoNames) and "Lloyd Austin", but not "Jordan" the country
	// beside "Michael Jordan".
	placeSurname := false
	if typ := ents[gi].typ; typ == "GPE" || typ == "NORP" || typ == "LOC" {
		if typ == "NORP" || ner.IsGPE(ms[ents[gi].mentions[0]].text) && !anyTaggedPerson(ms, ents[gi].mentions) {
			return -1
		}
		placeSurname = true
	}
	// Only one-word short forms join: two-word names are as likely a different person
	// as a part of a longer name ("Donald Trump" in "Explainer Donald Trump").
	short := ents[gi].words
	if len(short) != 1 {
		return -1
	}
	best, bestScore := -1, -1
	for ti, t := range ents {
		long := t.words
		if ti == gi || t.typ != "PERSON" && (ents[gi].typ != "PERSON" || anyIn(long, orgWords)) {
			continue
		}
		if placeSurname && (t.typ != "PERSON" || !slices.Equal(long[len(long)-1:], short)) {
			continue
		}
		if len(long) <= len(short) {
			continue
		}
		score := -1
		for k := 0; k+len(short) <= len(long); k++ {
			if !slices.Equal(long[k:k+len(short)], short) {
				continue
			}
			switch {
			case k+len(short) == len(long):
				score = max(score, 2) // surname
			case k == 0:
				score = max(score, 1) // given name, or family name first ("Kim Jong Un")
			default:
				score = max(score, 0)
			}
		}
		if score < 0 {
			continue
		}
		score = score*1000 + min(len(t.mentions), 999)
		if t.typ == "PERSON" {
			score += 10000
		}
		if score > bestScore {
			best, bestScore = ti, score
		}
	}
	return best
}

// anyTaggedPerson reports whether the tagger took any of the mentions for a person.
func anyTaggedPerson(ms []mention, idx []int) bool {
	return slices.ContainsFunc(idx, func(i int) bool { return ms[i].taggedPerson })
}

// nameWords splits a name into words at spaces, and at hyphens after a lower-case
// particle: "Bashar al-Assad" gives Bashar, al, Assad, but "Trump-Kim" and "Jong-un"
// stay whole.
func nameWords(name string) []string {
	var out []string
	for _, w := range strings.Fields(name) {
		for {
			i := strings.IndexAny(w, "-‐‑")
			if i <= 0 || !unicode.IsLower(firstRune(w)) {
				break
			}
			out = append(out, w[:i])
			_, n := utf8.DecodeRuneInString(w[i:])
			w = w[i+n:]
		}
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// expansionFor finds the entity whose initials spell entity gi's name, written in
// capitals ("KCNA" for "Korean Central News Agency", "BoE" for "Bank of England").
func expansionFor(ms []mention, ents []*entity, gi int) int {
	short := ms[ents[gi].mentions[0]].text
	var caps []rune
	for _, r := range short {
		if unicode.IsUpper(r) {
			caps = append(caps, r)
		} else if !unicode.IsLower(r) && r != '.' {
			return -1
		}
	}
	if len(caps) < 2 || len(caps) > 6 || strings.Contains(short, " ") {
		return -1
	}
	for ti, t := range ents {
		if ti == gi {
			continue
		}
		long := ms[t.mentions[0]].text
		if slices.Contains(strings.Fields(t.key), ents[gi].key) {
			continue // a longer name that holds the short one whole ("U.S. Senate" for "U.S.") does not spell it
		}
		var initials []rune
		for _, w := range strings.FieldsFunc(long, func(r rune) bool { return r == ' ' || r == '-' }) {
			if r := firstRune(w); unicode.IsUpper(r) {
				initials = append(initials, r)
			}
		}
		if len(initials) >= 2 && string(initials) == string(caps) {
			return ti
		}
	}
	return -1
}
