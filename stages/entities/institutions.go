package entities

import (
	"strings"

	"github.com/newspipe/newspipe/internal/ner"
)

// institutionWords name a state's institutions: after the state's name they make one
// organisation's name ("U.S. Senate", "French Army", "Russian Government").
var institutionWords = map[string]bool{
	"senate": true, "congress": true, "parliament": true, "treasury": true, "army": true,
	"navy": true, "government": true, "house": true, "military": true, "police": true,
	"embassy": true, "cabinet": true, "assembly": true, "legislature": true, "marines": true,
}

// institutionOf reports whether toks are a state's name followed by one institution
// word: "U.S. Senate", "Florida House".
func institutionOf(toks []ner.Token) bool {
	if len(toks) < 2 || !institutionWords[strings.ToLower(toks[len(toks)-1].Text)] {
		return false
	}
	return prefixIsGroup(toks[:len(toks)-1])
}

// joinInstitutions joins a state's name and the institution word the tagger found
// right after it as a name of its own ("U.S." and "Senate") into one organisation.
func joinInstitutions(text string, ms []mention) []mention {
	out := ms[:0]
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		if i+1 < len(ms) && (m.typ == "GPE" || m.typ == "NORP") && len(ms[i+1].toks) == 1 {
			next := ms[i+1]
			end := m.toks[len(m.toks)-1].End
			if text[end:next.toks[0].Start] == " " && institutionWords[strings.ToLower(next.toks[0].Text)] {
				toks := make([]ner.Token, 0, len(m.toks)+1)
				toks = append(append(toks, m.toks...), next.toks[0])
				name := text[toks[0].Start:next.toks[0].End]
				out = append(out, mention{toks: toks, typ: "ORG", text: name, key: normKey(name)})
				i++
				continue
			}
		}
		out = append(out, m)
	}
	return out
}
