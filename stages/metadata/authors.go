package metadata

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// jobWords are the words of the roles that bylines glue to names: "Staff Writer",
// "Senior Correspondent".
var jobWords = map[string]bool{
	"writer": true, "editor": true, "reporter": true, "correspondent": true, "contributor": true,
	"columnist": true, "producer": true, "journalist": true, "analyst": true, "critic": true,
	"staff": true, "senior": true, "contributing": true, "chief": true, "freelance": true,
	"editors": true, "writers": true, "reporters": true, "photographer": true,
	"expert": true, "founder": true, "reviewer": true, "director": true, "manager": true,
	"specialist": true, "consultant": true, "strategist": true, "ceo": true, "officer": true,
}

// bylineWords are words that stand in bylines beside the names and are never a name
// alone: labels ("Written By", "Date"), link texts ("Video", "Last").
var bylineWords = map[string]bool{
	"by": true, "written": true, "posted": true, "published": true, "updated": true,
	"date": true, "last": true, "video": true, "originally": true, "share": true,
	"admin": true, "administrator": true, "editor": true, "author": true, "authors": true, "more": true, "about": true, "and": true,
	"follow": true, "email": true, "read": true, "view": true, "profile": true, "staff": true, "the": true,
}

// linkLeads start the text of links beside a byline that are not names: "More About Jane Roe »",
// "View all posts by Jane Roe".
var linkLeads = []string{"more about ", "more from ", "more by ", "view all ", "view more ", "see all ", "all posts ", "all articles "}

// otherRoles start the credit of someone who worked on the article without writing it:
// "Updated by Jon Linkov", "Reviewed by ...".
var otherRoles = []string{"updated by ", "reviewed by ", "edited by ", "fact checked by ", "fact-checked by ", "medically reviewed by "}

// CleanAuthors returns the people of an author list as a reader expects them: without
// "By", e-mail addresses, a role glued on ("Meg JamesStaff Writer", "Jane Roe, Senior
// Editor") or the publication after a full stop ("Finian Cunningham. Sputnik
// International"), without the site itself (but for a personal site's owner) or byline
// labels ("Written By"), each once.
func CleanAuthors(authors []string, site string) []string {
	var out []string
	afterRole := false
	for i, a := range authors {
		a = cleanAuthor(a)
		// The names come first: a role after them was split from the name it follows
		// ("Paul Frew, Digital Security Expert", "Jane Roe Founder, Lead Reviewer"), and
		// what follows a role is the employer's name unless it is a person's
		// ("Daniel Burstein, Senior Director, MECLABS Institute").
		if i > 0 && isRole(a) {
			afterRole = true
			continue
		}
		if afterRole && !personName(a) {
			continue
		}
		if i == 0 {
			a = withoutRole(a)
		}
		// The site itself is no author, unless it is the only one and its name is a
		// person's: a personal site. A company credited alone ("By : CottageCare") is named
		// as the author by the WCXB gold on most pages where the page shows it, but giving
		// it names an author on pages whose gold names none more often than go-trafilatura
		// does (HTML 0.099 -> 0.128), so the publisher is not given as the author.
		if a == "" || site != "" && sameWords(a, site) && (len(authors) > 1 || !personName(a)) || isBylineLabel(a) {
			continue
		}
		dup := false
		for _, have := range out {
			dup = dup || strings.EqualFold(have, a)
		}
		if !dup {
			out = append(out, a)
		}
	}
	return out
}

func cleanAuthor(a string) string {
	words := strings.Fields(a)
	// E-mail addresses and handles are contact details, not names.
	kept := words[:0]
	for _, w := range words {
		if !strings.Contains(w, "@") {
			kept = append(kept, w)
		}
	}
	words = kept
	if len(words) > 1 && (strings.EqualFold(words[0], "by") ||
		strings.EqualFold(strings.TrimSuffix(words[0], ":"), "author") && capitalised(words[1])) {
		words = words[1:] // "By Jane Roe", "Author: Jane Roe"
	}
	a = strings.Join(words, " ")
	lower := strings.ToLower(a)
	for _, lead := range append(linkLeads, otherRoles...) {
		if strings.HasPrefix(lower, lead) {
			return ""
		}
	}
	// "About Jane Roe": the heading of the author's box.
	if len(words) >= 3 && words[0] == "About" && capitalised(strings.Join(words[1:], " ")) {
		words = words[1:]
		a = strings.Join(words, " ")
	}
	if strings.HasSuffix(a, "»") || strings.HasSuffix(a, "›") {
		return ""
	}
	// "Written ByReyan Perumal", "BySummer Swann": a label glued to the name.
	for _, label := range []string{"written by", "posted by", "by"} {
		if len(a) > len(label) && strings.EqualFold(a[:len(label)], label) {
			if r, _ := utf8.DecodeRuneInString(a[len(label):]); unicode.IsUpper(r) {
				a = a[len(label):]
				break
			}
		}
	}
	// "Meg JamesStaff Writer": a role glued to the last name without a space.
	for i := 1; i < len(a); i++ {
		r, _ := utf8.DecodeRuneInString(a[i:])
		p, _ := utf8.DecodeLastRuneInString(a[:i])
		if unicode.IsUpper(r) && unicode.IsLower(p) && jobWords[strings.ToLower(firstWord(a[i:]))] && isRole(a[i:]) {
			a = a[:i]
			break
		}
	}
	// "Jane Roe, Senior Editor", "Jane Roe - Staff Writer", "Jane Roe | Reuters".
	for _, sep := range []string{", ", " - ", " – ", " — ", " | "} {
		if i := strings.Index(a, sep); i > 0 && isRole(a[i+len(sep):]) {
			a = a[:i]
		}
	}
	// "Finian Cunningham. Sputnik International": a name, a full stop, a publication.
	if i := strings.Index(a, ". "); i > 0 {
		head := a[:i]
		last := head[strings.LastIndexByte(head, ' ')+1:]
		if utf8.RuneCountInString(last) > 1 && len(strings.Fields(head)) >= 2 && capitalised(a[i+2:]) {
			a = head
		}
	}
	return strings.Trim(a, " ,;:|-–—")
}

// firstWord returns the first word of s.
func firstWord(s string) string {
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}

// withoutRole returns the first name of a list without the role the byline put after it:
// "Jane Roe Founder" is Jane Roe.
func withoutRole(a string) string {
	words := strings.Fields(a)
	for len(words) > 2 && jobWords[strings.ToLower(words[len(words)-1])] && capitalised(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	return strings.Join(words, " ")
}

// isRole reports a job title: every word a job word, or "Staff Writer"-like phrases
// led by one.
func isRole(s string) bool {
	words := strings.Fields(strings.ToLower(s))
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	return jobWords[strings.Trim(words[0], ",.")] || jobWords[strings.Trim(words[len(words)-1], ",.")]
}

// capitalised reports words that all start with a capital letter.
func capitalised(s string) bool {
	words := strings.Fields(s)
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return len(words) > 0
}

// isBylineLabel reports a would-be name made only of byline labels: "Written By", "DATE".
func isBylineLabel(a string) bool {
	for _, w := range strings.Fields(strings.ToLower(a)) {
		if !bylineWords[strings.Trim(w, ".:,")] {
			return false
		}
	}
	return true
}

// sameWords reports two names with the same letters and digits, case and a leading
// "The" aside.
func sameWords(a, b string) bool {
	norm := func(s string) string {
		return strings.TrimPrefix(strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return unicode.ToLower(r)
			}
			return -1
		}, s), "the")
	}
	return norm(a) != "" && norm(a) == norm(b)
}

// orgWords mark the name of an organization rather than a person.
var orgWords = map[string]bool{
	"inc": true, "llc": true, "ltd": true, "team": true, "group": true, "media": true, "news": true,
	"corporation": true, "corp": true, "company": true, "co": true, "pc": true, "bank": true, "store": true,
	"official": true, "university": true, "institute": true, "agency": true, "solutions": true, "services": true,
}

// personName reports a name shaped like a person's: two or three capitalised words, none
// of them a word of organization names.
func personName(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || orgWords[strings.ToLower(strings.Trim(w, ".,"))] ||
			strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '.' }) >= 0 {
			return false
		}
	}
	return true
}
