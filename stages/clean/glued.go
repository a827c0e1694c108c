package clean

import (
	"regexp"
	"strings"
)

// gluedMonths are the month names a copied byline glues to the name before them:
// "Jeffrey ZeldmanNovember 20, 2007" (the name and the date were two elements).
var gluedMonths = []string{"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
	"Sept", "Sep", "Oct", "Nov", "Dec"}

// unglueDate returns s with a space before a date glued to the word before it: a month
// name, capitalised, right after a lower-case letter and followed by its day ("By
// AnthonyJanuary 4, 2026" gives "By Anthony January 4, 2026"). s is returned as it is
// when nothing is glued.
func unglueDate(s string) string {
	for k := 1; k < len(s); k++ {
		if s[k] < 'A' || s[k] > 'Z' || s[k-1] < 'a' || s[k-1] > 'z' {
			continue
		}
		for _, m := range gluedMonths {
			rest, ok := strings.CutPrefix(s[k:], m)
			if !ok {
				continue
			}
			rest = strings.TrimPrefix(rest, ".")
			if len(rest) >= 2 && rest[0] == ' ' && isDigit(rest[1]) {
				return s[:k] + " " + unglueDate(s[k:])
			}
			break
		}
	}
	return s
}

// unglueBy returns s with a space after a "By" glued to the name after it: "ByKathryn
// Giuffrida" (the label and the name were two elements) gives "By Kathryn Giuffrida". The
// name must start with a capital and a lower-case letter, so that "ByteDance" and "BYU"
// stay as they are; s is returned as it is when nothing is glued.
func unglueBy(s string) string {
	if len(s) >= 4 && s[0] == 'B' && s[1] == 'y' && 'A' <= s[2] && s[2] <= 'Z' && 'a' <= s[3] && s[3] <= 'z' {
		return "By " + s[2:]
	}
	return s
}

// onceIfRepeated returns a name written twice in a row ("Colin Gray Colin Gray": a
// link's text and its picture's) once, and any other text as it is.
func onceIfRepeated(s string) string {
	w := strings.Fields(s)
	if len(w) < 2 || len(w)%2 != 0 {
		return s
	}
	h := len(w) / 2
	for i := range h {
		if w[i] != w[h+i] {
			return s
		}
	}
	return strings.Join(w[:h], " ")
}

// beforeMonthDay returns s up to the first month name, capitalised, that a day follows
// ("Jane Roe January 14, 202620 Mins Read" gives "Jane Roe "), or s when none does.
func beforeMonthDay(s string) string {
	for k := 1; k < len(s); k++ {
		if s[k-1] != ' ' || s[k] < 'A' || s[k] > 'Z' {
			continue
		}
		for _, m := range gluedMonths {
			if rest, ok := strings.CutPrefix(s[k:], m); ok {
				rest = strings.TrimPrefix(rest, ".")
				if len(rest) >= 2 && rest[0] == ' ' && isDigit(rest[1]) {
					return s[:k]
				}
				break
			}
		}
	}
	return s
}

// gluedYear is a written date whose year is glued to the number after it, as copied text
// glues a date to the time or the count beside it: "October 17, 20236:01 PM", "Mar 27,
// 20255 mins".
var gluedYear = regexp.MustCompile(`((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\d\d)(\d)`)

// readableDate returns s with the dates glued to the words or numbers around them set
// apart (see unglueDate and gluedYear), so that pubdate reads them; s as it is when none is.
func readableDate(s string) string {
	s = unglueDate(s)
	run := 0
	for k := 0; k < len(s); k++ {
		if !isDigit(s[k]) {
			run = 0
			continue
		}
		if run++; run == 5 { // only a glued year makes five digits in a row
			return gluedYear.ReplaceAllString(s, "$1 $2")
		}
	}
	return s
}
