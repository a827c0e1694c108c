// Package personnames knows the given and family names of people, lower-cased: evidence
// that a short line of capitalised words names a person ("Jane Roe", "Karen Rhodes")
// rather than a menu, a product or a place ("Select Page", "Proton VPN", "Hunt Valley").
//
// The lists are those newspipe-dev derives from grobid's lexicon (kermitt2/grobid,
// Apache-2.0): given_names.txt from its lists of male and female given names (`train
// authors -given-names`), family_names.txt from its list of family names (`train byline
// -family-names`). They are read once and never changed.
package personnames

import (
	_ "embed"
	"strings"
)

var (
	//go:embed given_names.txt
	givenTxt string
	//go:embed family_names.txt
	familyTxt string
)

// given and family are the lower-cased names of given_names.txt and family_names.txt.
var (
	given  = set(givenTxt)
	family = set(familyTxt)
)

// set returns the words of a list, one a line, as a set.
func set(list string) map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(list) {
		m[n] = true
	}
	return m
}

// Given reports whether lower, a word in lower case, is a known given name.
func Given(lower string) bool { return given[lower] }

// Family reports whether lower, a word in lower case, is a known family name.
func Family(lower string) bool { return family[lower] }
