package entities

import (
	"strings"
	"unicode"

	"github.com/newspipe/newspipe/internal/ner"
)

// indexNouns, right after a name, say that the name is a market index's ("the Nikkei
// average", "the Dow Jones index"), a MISC name in the CoNLL guidelines, though the same
// name may also be a company's or a newspaper's.
var indexNouns = map[string]bool{
	"index": true, "indices": true, "indexes": true, "average": true, "averages": true,
}

// indexModifiers may stand between an index's name and its noun: "the Nasdaq composite
// index", "the Dow Jones industrial average", "the Nikkei share average".
var indexModifiers = map[string]bool{
	"share": true, "stock": true, "composite": true, "industrial": true, "industrials": true,
	"blue-chip": true, "benchmark": true, "all-share": true, "price": true,
}

// indexProducts after an index noun make the name a company's: "Vanguard index funds".
var indexProducts = map[string]bool{"fund": true, "funds": true, "provider": true, "providers": true}

// organisationHeads are words of the names of bodies that publish an index of their own:
// "the American Stock Exchange index" is the exchange's.
var organisationHeads = map[string]bool{
	"exchange": true, "board": true, "institute": true, "association": true, "bureau": true,
	"department": true, "commission": true, "office": true, "bank": true, "university": true,
	"survey": true, "council": true, "ministry": true, "agency": true, "managers": true,
}

// indexCue reports whether the tokens after the name toks say it is an index's: at most
// two modifiers (a number such as "100", "225-share", or a word of indexModifiers) and
// then an index noun. A possessive ("Sentix's index") or a body's name ("Chicago
// Purchasing Managers") does not count.
func indexCue(toks, after []ner.Token) bool {
	if len(toks) == 0 {
		return false
	}
	for _, t := range toks {
		if organisationHeads[strings.ToLower(t.Text)] {
			return false
		}
	}
	for k := 0; k < 3 && k < len(after); k++ {
		w := after[k].Text
		switch {
		case indexNouns[w]:
			// "the Vanguard index fund" is the fund company's product.
			return k+1 == len(after) || !indexProducts[strings.ToLower(after[k+1].Text)]
		case k < 2 && (indexModifiers[w] || isIndexSize(w)):
		default:
			return false
		}
	}
	return false
}

// isIndexSize reports whether w is an index's size: "100", "225-share", "30-stock".
func isIndexSize(w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "-share"), "-stock")
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
