// Package givennames knows the given names of people, lower-cased: evidence that a short
// line of capitalised words names a person ("Jane Roe") rather than a menu or a place
// ("Select Page", "Las Vegas").
//
// The list (given_names.txt) is the one `newspipe-dev train authors -given-names` derives
// from grobid's lists of male and female given names (kermitt2/grobid, Apache-2.0); it is
// read once and never changed.
package givennames

import (
	_ "embed"
	"strings"
)

//go:embed given_names.txt
var namesTxt string

// names are the lower-cased given names of given_names.txt.
var names = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(namesTxt) {
		m[n] = true
	}
	return m
}()

// Known reports whether lower, a word in lower case, is a known given name.
func Known(lower string) bool { return names[lower] }
