package clean

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/internal/shingle"
)

// readMetaUnder is readMeta for a page that declares its title ("" for none). The record
// takes the declared title, so when the headline readMeta picks among the lines is not
// that title in other words, nothing moves to the title: the line leaves as a headline
// the page does not declare (on older news pages the declared title is often the site's
// name and the line the story's real headline, which benchmarks leave out of the body),
// and a line of two sentences or more, which no headline is (the first paragraph of an
// article in a script the headline features cannot read), goes back to what the
// classifier made of it.
func readMetaUnder(blocks []document.Block, info []lineInfo, keep []bool, reasons []string, declared string) document.Metadata {
	if declared == "" {
		return readMeta(blocks, info, keep, reasons)
	}
	keep0, reasons0 := slices.Clone(keep), slices.Clone(reasons)
	meta := readMeta(blocks, info, keep, reasons)
	if meta.Title == "" || sameTitle(meta.Title, declared) {
		return meta
	}
	for i, r := range reasons {
		if r != reasonTitle {
			continue
		}
		if sentences(info[i].text) >= 2 {
			keep[i], reasons[i] = keep0[i], reasons0[i]
		} else {
			reasons[i] = reasonUndeclared
		}
	}
	meta.Title = ""
	return meta
}

// reasonUndeclared is the reason for a line the headline scorer takes for the headline on
// a page that declares another title.
const reasonUndeclared = "headline or deck (the page declares another title)"

// sentences counts the sentences of a line: its sentence ends followed by more text, plus
// one. A sentence end is a full stop after a lower-case letter and before a capital, "? "
// or "! " before more text, or a full-width "。", "？", "！" before more text.
func sentences(text string) int {
	n := 1
	t := strings.TrimSpace(text)
	for i, r := range t {
		switch r {
		case '.':
			// "said. The", not "U.S. Senate" or "No. 10".
			prev, _ := utf8.DecodeLastRuneInString(t[:i])
			next, _ := utf8.DecodeRuneInString(strings.TrimLeft(t[i+1:], " "))
			if unicode.IsLower(prev) && strings.HasPrefix(t[i+1:], " ") && unicode.IsUpper(next) {
				n++
			}
		case '?', '!':
			if strings.HasPrefix(t[i+1:], " ") && strings.TrimSpace(t[i+1:]) != "" {
				n++
			}
		case '。', '？', '！':
			if strings.TrimSpace(t[i+len(string(r)):]) != "" {
				n++
			}
		}
	}
	return n
}

// sameTitle reports whether a headline line is the declared title in other words: most
// words of the shorter are among the words of the longer ("Fed holds rates" under "Fed
// holds rates steady - Reuters"), where a section name, a table of contents or the
// article's first sentence is not.
func sameTitle(line, declared string) bool {
	a := shingle.Tokens(strings.ToLower(line))
	b := shingle.Tokens(strings.ToLower(declared))
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	n := 0
	for _, t := range a {
		if slices.Contains(b, t) {
			n++
		}
	}
	return 10*n >= 6*len(a)
}
