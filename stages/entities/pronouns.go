package entities

import (
	"strings"

	"github.com/newspipe/newspipe/internal/ner"
)

// pronounReach is how many tokens after a name, within its sentence, are searched for
// the pronoun that refers back to it.
const pronounReach = 15

// neuterPronouns refer to a thing or an organisation ("Airbnb raised its price"),
// personalPronouns to a person ("Kerry said he would").
var (
	neuterPronouns   = map[string]bool{"its": true, "itself": true}
	personalPronouns = map[string]bool{
		"he": true, "his": true, "him": true, "himself": true,
		"she": true, "her": true, "hers": true, "herself": true,
	}
)

// markPronouns sets the pronoun cue of every one-token mention: the first third-person
// singular pronoun after it in its sentence, within pronounReach tokens and before any
// token that breaksAntecedent. sentEnd[i] is the index of the token after the last
// token of token i's sentence.
func markPronouns(toks []ner.Token, sentEnd []int, ms []mention) {
	at := 0 // mentions are in text order
	for mi := range ms {
		if len(ms[mi].toks) != 1 {
			continue
		}
		start := ms[mi].toks[0].Start
		for at < len(toks) && toks[at].Start < start {
			at++
		}
		if at >= len(toks) || toks[at].Start != start {
			continue
		}
		for k := at + 1; k < sentEnd[at] && k <= at+pronounReach; k++ {
			w := strings.ToLower(toks[k].Text)
			if neuterPronouns[w] {
				ms[mi].pronoun = 1
				break
			}
			if personalPronouns[w] {
				ms[mi].pronoun = -1
				break
			}
			if breaksAntecedent(toks[k].Text) {
				break
			}
		}
	}
}

// thingNotPerson reports whether the pronouns that refer back to a person's one-word
// name say it is a thing: more of its mentions are followed by "its" than by "he" or
// "she" ("Airbnb raised its price range"). A company or a team the tagger has not seen
// looks like a surname; news writes a person's full name at least once, and refers to
// a company as "it".
func thingNotPerson(ms []mention, idx []int) bool {
	cue := 0
	for _, i := range idx {
		if len(ms[i].toks) != 1 {
			return false
		}
		cue += int(ms[i].pronoun)
	}
	return cue > 0
}

// breaksAntecedent reports whether a token between a name and a pronoun makes the name an
// unlikely antecedent: another capitalised word, which may be the pronoun's own
// antecedent ("if Moxie were Frodo, QuickBooks would be its"), or a clause break ("artists
// like Rihanna, accelerating its activity").
func breaksAntecedent(w string) bool {
	if isCapitalised(w) {
		return true
	}
	switch w {
	case ",", ";", ":", "(", ")", "\"", "“", "”", "—", "–", "--":
		return true
	}
	return false
}
