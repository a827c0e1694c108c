package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// teamWords end the name of a team that signs an article instead of a person: "The
// Investopedia Team", "EcoCult Staff", "The Currency editors".
var teamWords = map[string]bool{"team": true, "staff": true, "editors": true, "desk": true}

// teamByline returns the name of the team text opens with, "" for none: an optional
// "The", one to three capitalised words, then a word of teamWords ("the Lavazza Team
// 2–3 minutes" gives "the Lavazza Team"). A team of the site's own menu ("Our Team",
// "Meet the Team") has no capitalised word of its own.
func teamByline(text string) string {
	words := strings.Fields(text)
	start := 0
	if len(words) > 0 && strings.EqualFold(words[0], "the") {
		start = 1
	}
	for k := start; k < len(words) && k <= start+3; k++ {
		w := strings.TrimRight(words[k], ".,;:|")
		if k > start && teamWords[lowerASCII(w)] {
			if strings.EqualFold(words[start], "our") || strings.EqualFold(words[start], "meet") {
				return ""
			}
			return strings.Join(words[:k], " ") + " " + w
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			return ""
		}
	}
	return ""
}

// listMarks are what an author list sets after a name to point to an affiliation or a
// contact: "Aditya Mahindru 1,✉", "Jongnam Kim 1,*".
const listMarks = " 0123456789*✉†‡§¶#"

// nameListWords is the most words of a line read as a list of people by commaNames.
const nameListWords = 20

// correspondingMarks point to the author a paper's readers write to: "Jongnam Kim 1,*".
const correspondingMarks = "*✉"

// commaNames returns the people of a line that lists them between commas, as a paper's
// authors are listed under its title ("Naftali Tishby, Fernando C. Pereira, William
// Bialek", "Aditya Mahindru 1,✉, Pradeep Patil 1, Varun Agrawal 1"); nil for other lines.
// Every item looks like a name and at least half start with a known given name or end
// with a known family name, which a list of places or products does not ("Los Angeles,
// San Francisco"). A list whose every name carries an affiliation mark, one of them the
// corresponding author's, is a paper's authors whatever their names: given names of
// every language are not all known.
func commaNames(text string) []string {
	if strings.Count(text, ",") == 0 || len(strings.Fields(text)) > nameListWords {
		return nil
	}
	var names []string
	known, marked := 0, 0
	for _, p := range strings.Split(nameListJoins.Replace(text), ",") {
		p = strings.TrimSpace(p)
		name := strings.TrimRight(p, listMarks)
		if name == "" {
			continue // a mark alone between commas: "1,✉,"
		}
		if name != p {
			marked++
		}
		p = name
		if !looksLikeName(p) && !particleName(p) || isJobTitle(p) {
			return nil
		}
		if givenNameFirst(p) || familyNameLast(p) {
			known++
		}
		names = append(names, p)
	}
	// Two names need both given names known: "Jane Roe, Clemson University" is a person
	// and where she works.
	if len(names) >= 2 && marked == len(names) && strings.ContainsAny(text, correspondingMarks) {
		return names
	}
	if len(names) < 2 || 2*known < len(names) || len(names) == 2 && known < 2 {
		return nil
	}
	return names
}

// bylineSeparators part the items of a byline line: "0 · by Jane Roe · Updated on 8
// January 2026".
var bylineSeparators = []string{" · ", " • ", " | ", " — ", " – "}

// separatedNames returns the people a byline names when it stands after other items of
// its line, between separators: "0 · by Jane Roe · Updated on 8 January 2026",
// "Medically reviewed by John Doe, MD — Written by Jane Roe, MS, RD — Updated on March 7,
// 2025"; nil for other lines. Only an item that starts with a byline's label is read, so
// a reviewer's or a photographer's credit is not.
func separatedNames(li *lineInfo) []string {
	if li.words > datedBylineWords {
		return nil
	}
	for _, sep := range bylineSeparators {
		if !strings.Contains(li.text, sep) {
			continue
		}
		items := strings.Split(li.text, sep)
		for _, item := range items[min(1, len(items)):] {
			item = strings.TrimSpace(item)
			if bylinePrefix(lowerASCII(item)) == "" {
				continue
			}
			if a, _, ok := parseByline(item); ok && len(a) > 0 {
				return a
			}
		}
	}
	return nil
}

// nameParticles are the small words within a family name: "Marna van der Merwe".
var nameParticles = map[string]bool{"van": true, "der": true, "den": true, "de": true, "von": true, "da": true, "del": true, "di": true, "du": true, "la": true, "le": true, "ten": true, "ter": true}

// particleName reports a name with particles in small letters between its capitalised
// words ("Dr Marna van der Merwe", "Erik van Vulpen"), which looksLikeName does not take.
func particleName(s string) bool {
	words := strings.Fields(s)
	kept := words[:0:0]
	for k, w := range words {
		if nameParticles[w] {
			if k == 0 || k == len(words)-1 {
				return false
			}
			continue
		}
		kept = append(kept, w)
	}
	return len(kept) < len(words) && looksLikeName(strings.Join(kept, " "))
}

// shownNames returns authors with each name of three words or more cut to its first
// words when a line of the page gives those alone, as an author box does: the byline
// ran the name into what follows it ("Written By: Jane Roe Gardener & Astrologer",
// "by Jane Roe Global Commons May 2nd 2025") and the box under the article shows
// "Jane Roe". The authors are changed in place.
func shownNames(info []lineInfo, authors []string) []string {
	var shown map[string]bool
	for k, a := range authors {
		words := strings.Fields(a)
		if len(words) < 3 || isJobTitle(a) {
			continue // "Senior Staff Writer" is a role, not "Senior Staff"
		}
		if shown == nil {
			// The lines of two or three words, once for all the names.
			shown = map[string]bool{}
			for j := range info {
				if info[j].words == 2 || info[j].words == 3 {
					shown[strings.TrimSpace(info[j].text)] = true
				}
			}
		}
		for n := min(len(words)-1, 3); n >= 2; n-- {
			// A menu's label of common words is no person: "Digital Security" of
			// "Digital Security Expert".
			if head := strings.Join(words[:n], " "); shown[head] && looksLikeName(head) && !commonWordsOnly(head) {
				authors[k] = head
				break
			}
		}
	}
	return authors
}
