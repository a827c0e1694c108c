// Package familynames knows the family names of people, lower-cased: evidence that a short
// line of capitalised words ends with a person's surname ("Karen Rhodes") rather than with
// a product's or a place's word ("Proton VPN", "Hunt Valley").
//
// The list (family_names.txt) is the one `newspipe-dev train byline -family-names` derives
// from grobid's list of family names (kermitt2/grobid, Apache-2.0); it is read once and
// never changed.
package familynames

import (
	_ "embed"
	"strings"
)

//go:embed family_names.txt
var namesTxt string

// names are the lower-cased family names of family_names.txt.
var names = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(namesTxt) {
		m[n] = true
	}
	return m
}()

// Known reports whether lower, a word in lower case, is a known family name.
func Known(lower string) bool { return names[lower] }
