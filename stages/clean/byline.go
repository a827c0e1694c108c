package clean

import (
	_ "embed"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newspipe/newspipe/internal/commonwords"
	"github.com/newspipe/newspipe/internal/credentials"
	"github.com/newspipe/newspipe/internal/personnames"
	"github.com/newspipe/newspipe/internal/pubdate"
)

// bylineFeatureNames name the evidence weighed for a line that may name the article's
// author, in the order of the feature vector (see bylineFeatures).
var bylineFeatureNames = []string{
	"right under the headline or a copy of it", "within 3 lines under the headline", "log distance to the headline",
	"above the body", "log distance to the body", "byline label above", "date line just below",
	"date line just above", "job title or reading time just below", "log times named on the page",
	"in the last third", "words", "one word", "kept as body", "chrome vocabulary", "starts with by",
	"organization word", "headline found", "role after the name", "date on the line", "label before the name",
	"words of the name written in lower case", "a biography below", "no lower-case letter", "copyright notice", "a known given name first",
	"a known family name last", "common words only", "common words after a given name",
	"a user name after by", "an institution's word",
}

//go:embed byline.json
var bylineWeights []byte

// storedByline is the byline model trained by "newspipe-dev train byline" and stored in
// the package; it is read once and never changed.
var storedByline = mustScorer(parseBylineModel(bylineWeights))

// parseBylineModel reads byline weights written by EncodeBylineModel and checks that they
// fit this version's features.
func parseBylineModel(data []byte) (scorerModel, error) {
	return parseScorerModel(data, "byline", bylineFeatureNames, "train byline")
}

// bylineCandidate is a line that may name the article's authors: its index, the names it
// gives and its features.
type bylineCandidate struct {
	line  int
	names []string
	role  bool // a role or an affiliation follows the name: "Jane Roe, Staff Writer"
	// copyright: the name is the owner's in a copyright notice ("© 2025 Jane Roe").
	copyright bool
	// common: the name is made of common English words ("Block Renovation").
	common bool
	// handle: the name is a user name after "by" ("by infuy"), not a person's name.
	handle bool
	x      []float64
}

// bylineLabels are lines that stand alone above the author's name: "By", "Written by".
var bylineLabels = map[string]bool{
	"by": true, "written by": true, "author": true, "authors": true, "posted by": true, "words by": true,
	"article by": true, "story by": true, "reviewed by": false, "about the author": true, "written by:": true,
	"by:": true, "author:": true,
}

// bylineLabel reports a line that stands alone above the author's name: one of
// bylineLabels, or a short label ending in "by" or "author" ("Article written by:",
// "Posted by:", "The Author").
func bylineLabel(li *lineInfo) bool {
	label := strings.TrimRight(strings.TrimSpace(li.lower), ": ")
	if v, ok := bylineLabels[label]; ok {
		return v
	}
	if li.words > 4 || !strings.HasSuffix(label, " by") && !strings.HasSuffix(label, " author") {
		return false
	}
	// Not a reviewer's, an editor's or a photographer's label.
	for _, w := range otherCredits {
		if strings.Contains(label, w) {
			return false
		}
	}
	return true
}

// otherCredits are the words of labels that credit someone other than the author.
var otherCredits = []string{"review", "edit", "photo", "image", "illustrat", "fact", "check", "sponsor", "powered", "design"}

// orgNameWords mark a name as an organization's or a team's: "Marketing Team".
var orgNameWords = map[string]bool{"team": true, "inc": true, "llc": true, "ltd": true, "staff": true, "group": true, "editors": true}

// institutionWords mark a name as an institution's, which pages name in their menus and
// footers more often than as an author: "Park University", "Batten School".
var institutionWords = map[string]bool{
	"university": true, "college": true, "school": true, "institute": true, "services": true, "systems": true,
	"hospital": true, "clinic": true, "center": true, "centre": true, "park": true, "museum": true,
}

// bylineCandidates lists the lines that only name people ("Jane Roe", "By Jane Roe and
// John Doe") anywhere on the page, each with its features: title is the headline's line
// (-1 when none was found), first the body's first line.
func bylineCandidates(info []lineInfo, keep []bool, reasons []string, title, first int) []bylineCandidate {
	counts := map[string]int{}
	var cands []bylineCandidate
	for i := range info {
		li := &info[i]
		if li.words == 0 || li.words > datedBylineWords || i == title {
			continue
		}
		if li.words > 10 {
			// "© 2025 Sam Bossley. All rights reserved.": a personal site's owner.
			if name := copyrightName(li); name != "" && li.words <= copyrightWords {
				cands = append(cands, bylineCandidate{line: i, names: []string{name}, copyright: true})
			} else if names := datedNames(li); names != nil && !commonWordsOnly(names[0]) {
				cands = append(cands, bylineCandidate{line: i, names: names})
			} else if names, _ := labelledNames(li); names != nil && bylinePrefix(lowerASCII(unglueBy(li.text))) != "" {
				// "Written by Dr Marna van der Merwe, Dr Dieter Veldsman, Erik van Vulpen".
				cands = append(cands, bylineCandidate{line: i, names: names})
			} else if names := commaNames(li.text); names != nil {
				cands = append(cands, bylineCandidate{line: i, names: names})
			} else if names := separatedNames(li); names != nil {
				cands = append(cands, bylineCandidate{line: i, names: names})
			}
			continue
		}
		// Names start with a capital letter; bylines with "by". A line that opens with
		// a byline's label in capitals ("Written By Alpha Apex") is read as a byline,
		// not as a name of four words.
		var names []string
		if r, _ := utf8.DecodeRuneInString(li.text); unicode.IsUpper(r) && bylinePrefix(li.lower) == "" {
			names = authorLine(li.text)
		}
		role, copyright, team := false, false, false
		if names == nil && (title >= 0 && i == title+1 || i > 0 && bylineLabel(&info[i-1]) || bylinePrefix(li.lower) != "") {
			// A team signs where a byline stands: under the headline, under a "By"
			// label or after it ("By The Currency editors").
			text := unglueBy(li.text)
			text = strings.TrimLeft(text[len(bylinePrefix(lowerASCII(text))):], ": ")
			if t := teamByline(text); t != "" {
				names, team = []string{t}, true
			}
		}
		if names == nil {
			// Before labelledNames, which reads "Jane Roe, John Doe, Ann Lee" as a
			// name and a role.
			names = commaNames(li.text)
		}
		if names == nil {
			names, role = labelledNames(li)
		}
		if names == nil {
			names = datedNames(li)
		}
		if names == nil {
			names = separatedNames(li)
		}
		if names == nil {
			if name := copyrightName(li); name != "" {
				names, copyright = []string{name}, true
			}
		}
		handle := false
		if names == nil {
			if h := bylineHandle(li); h != "" {
				names, handle = []string{h}, true
			}
		}
		if len(names) == 0 {
			continue
		}
		// A label of common English words ("Recent Posts") names nobody, unless a byline's
		// label stands before it: "By Quiet Light" names the company that wrote the article.
		common := commonWordsOnly(names[0])
		if common && bylinePrefix(li.lower) == "" && !team {
			continue
		}
		cands = append(cands, bylineCandidate{line: i, names: names, role: role, copyright: copyright, common: common, handle: handle})
	}
	if len(cands) == 0 {
		return nil
	}
	for _, c := range cands {
		key := lowerASCII(c.names[0])
		if _, seen := counts[key]; seen {
			continue
		}
		// Lines longer than longLine have no lower-case copy: the name is counted in the
		// short lines (bylines, author boxes, "About Jane Roe").
		for j := range info {
			if info[j].lower != "" && strings.Contains(info[j].lower, key) {
				counts[key]++
			}
		}
	}
	anchor := title
	if anchor < 0 {
		anchor = first
	}
	names := make([][]string, len(cands))
	for k, c := range cands {
		names[k] = c.names
	}
	lower := lowerCaseWords(info, names...)
	// Under the article, "By ..." lines naming different people are a list of other
	// stories' bylines ("By Justin Klawans, The Week US" under a related headline).
	last := first
	for j := len(keep) - 1; j > first; j-- {
		if keep[j] && reasons[j] == "" {
			last = j
			break
		}
	}
	under := map[string]bool{}
	for _, c := range cands {
		if c.line > last && strings.HasPrefix(info[c.line].lower, "by") {
			under[lowerASCII(c.names[0])] = true
		}
	}
	if len(under) > 1 {
		kept := cands[:0]
		for _, c := range cands {
			if c.line <= last || !strings.HasPrefix(info[c.line].lower, "by") {
				kept = append(kept, c)
			}
		}
		cands = kept
	}
	logDist := func(a, b int) float64 { return math.Log1p(math.Abs(float64(a - b))) }
	for k := range cands {
		c := &cands[k]
		i, li := c.line, &info[c.line]
		x := make([]float64, len(bylineFeatureNames))
		// Under the headline or under a copy of it: a page may show its headline in its
		// breadcrumbs above the article's header too.
		x[0] = b2f(title >= 0 && (i == title+1 || i > 0 && info[i-1].text == info[title].text))
		x[1] = b2f(title >= 0 && i > title && i <= title+3)
		x[2] = logDist(i, anchor)
		x[3] = b2f(i < first)
		x[4] = logDist(i, first)
		if i > 0 {
			x[5] = b2f(bylineLabel(&info[i-1]))
		}
		for _, j := range []int{i + 1, i + 2} {
			if j < len(info) && info[j].dateOnly {
				x[6] = 1
			}
		}
		for _, j := range []int{i - 1, i - 2} {
			if j >= 0 && info[j].dateOnly {
				x[7] = 1
			}
		}
		if i+1 < len(info) && info[i+1].words <= 6 && (isJobTitle(info[i+1].text) || strings.Contains(info[i+1].lower, "min read") || strings.Contains(info[i+1].lower, "bio")) {
			x[8] = 1
		}
		x[9] = math.Log1p(float64(counts[lowerASCII(c.names[0])]))
		x[10] = b2f(i*3 >= 2*len(info))
		x[11] = float64(li.words) / 4
		x[12] = b2f(li.words == 1)
		x[13] = b2f(keep[i] && reasons[i] == "")
		x[14] = b2f(li.vocab != 0)
		x[15] = b2f(strings.HasPrefix(li.lower, "by"))
		for _, w := range strings.Fields(li.lower) {
			if orgNameWords[strings.Trim(w, ".,")] {
				x[16] = 1
			}
		}
		x[17] = b2f(title >= 0)
		x[18] = b2f(c.role)
		x[19] = b2f(li.digits > 0 && pubdate.Find(li.text).Value != "")
		x[20] = b2f(!strings.HasPrefix(li.lower, "by") && bylinePrefix(li.lower) != "")
		x[21] = lowerCaseShare(c.names, lower)
		x[22] = b2f(biographyBelow(info, i, c.names[0]))
		x[23] = b2f(li.upper == li.letters)
		x[24] = b2f(c.copyright)
		x[25] = b2f(givenNameFirst(c.names[0]))
		x[26] = b2f(familyNameLast(c.names[0]))
		x[27] = b2f(c.common)
		x[28] = b2f(commonAfterGivenName(c.names[0]))
		x[29] = b2f(c.handle)
		x[30] = b2f(institutionName(c.names[0]))
		c.x = x
	}
	return cands
}

// institutionName reports a name with a word of institutionWords: "Park University",
// "TP-Link Systems Inc", not "Jane Roe".
func institutionName(name string) bool {
	for _, w := range strings.Fields(lowerASCII(name)) {
		if institutionWords[strings.Trim(w, ".,")] {
			return true
		}
	}
	return false
}

// givenNameFirst reports a name whose first word is a known given name: "Jane Roe", not
// "Select Page" or "Las Vegas".
func givenNameFirst(name string) bool {
	var buf [32]byte
	first, _ := nextNameWord(strings.TrimPrefix(name, "By "))
	return len(first) >= 2 && personnames.Given(string(appendLowerASCII(buf[:0], first)))
}

// bylineHandle returns the user name a byline gives instead of a person's name, "" for
// none: "By infuy", "Posted on July 1, 2024 by infuy", "By: ShawnHymel | December 16,
// 2025". The name is one word of letters, digits, dots, dashes or underscores, with a
// lower-case letter, alone after the label or before a separator or a date.
func bylineHandle(li *lineInfo) string {
	if li.words > datedBylineWords {
		return ""
	}
	text, lower := unglueBy(li.text), li.lower
	if len(text) != len(li.text) {
		lower = lowerASCII(text)
	}
	var rest string
	if p := bylinePrefix(lower); p != "" {
		rest = text[len(p):]
	} else if k := strings.LastIndex(li.lower, " by "); k > 0 && li.digits > 0 && pubdate.Find(li.text[:k]).Value != "" {
		rest = li.text[k+4:]
	} else {
		return ""
	}
	rest = strings.TrimLeft(rest, ": ")
	name, after, _ := strings.Cut(rest, " ")
	if len(name) < 3 || len(name) > 30 || strings.IndexFunc(name, func(r rune) bool {
		return !(r < utf8.RuneSelf && (isASCIILetter(byte(r)) || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-'))
	}) >= 0 || strings.IndexFunc(name, unicode.IsLower) < 0 || !isASCIILetter(name[0]) {
		return ""
	}
	after = strings.TrimSpace(after)
	if r, _ := utf8.DecodeRuneInString(after); after != "" && !strings.ContainsRune("|·•-–—,", r) {
		if d := pubdate.Find(after); d.Value == "" || d.Start != 0 {
			return ""
		}
	}
	return strings.TrimRight(name, ".")
}

// familyNameLast reports a name of two words or more whose last word, before any role or
// credentials after a comma, is a known family name: "Karen Rhodes", "Jane Roe, MD", not
// "Proton VPN" or "Hunt Valley".
func familyNameLast(name string) bool {
	name, _, _ = strings.Cut(strings.TrimPrefix(name, "By "), ",")
	words := strings.Fields(name)
	if len(words) < 2 {
		return false
	}
	last := strings.Trim(words[len(words)-1], ".;:!?'\"()")
	return utf8.RuneCountInString(last) >= 2 && personnames.Family(strings.ToLower(last))
}

// commonAfterGivenName reports a name whose first word is a known given name and whose
// other words are common English words: "Pet Insurance", "Case Study", and also "Bill Pay"
// or "Tim Green"; the scorer weighs it with the family names.
func commonAfterGivenName(name string) bool {
	name = strings.TrimPrefix(name, "By ")
	_, rest, ok := strings.Cut(name, " ")
	return ok && givenNameFirst(name) && commonwords.OnlyCommon(rest)
}

// commonWordsOnly reports a name made of common English words whose first word is no
// known given name: a label read as a name ("Latest", "Recent Posts"), not "Jane Roe".
func commonWordsOnly(name string) bool {
	return commonwords.OnlyCommon(strings.TrimPrefix(name, "By "))
}

// copyrightWords is the most words of a copyright notice weighed as naming the author.
const copyrightWords = 15

// copyrightName returns the name a copyright notice gives its owner when it is shaped like
// a person's ("© 2025 Sam Bossley. All rights reserved." gives "Sam Bossley"), or "".
func copyrightName(li *lineInfo) string {
	if li.vocab&vLegal == 0 {
		return ""
	}
	if name := siteIn(li.text); looksLikeName(name) {
		return name
	}
	return ""
}

// biographyBelow reports an author box: one of the two lines under line i is prose that
// starts with the name or its first word ("Maria is a growth analyst ...", "Jane Roe has
// covered ...").
func biographyBelow(info []lineInfo, i int, name string) bool {
	given, _, _ := strings.Cut(strings.TrimPrefix(name, "By "), " ")
	if len(given) < 2 {
		return false
	}
	for j := i + 1; j < min(len(info), i+3); j++ {
		if t := info[j].text; info[j].words >= proseWords && strings.HasPrefix(t, given) &&
			len(t) > len(given) && !isASCIILetter(t[len(given)]) {
			return true
		}
	}
	return false
}

// proseWords is the number of words from which a line is read as prose by
// lowerCaseWords.
const proseWords = 8

// lowerCaseWords returns the words of names, lower-cased (see nameWordKey), each with
// whether the page's prose lines write it in lower case ("select", "page", "planning"): a
// line of capitalised words that the prose writes so is a label ("Select Page", "Wedding
// Planning Tools"), not a person's name. Only the names' words are kept, not the prose's.
func lowerCaseWords(info []lineInfo, names ...[]string) map[string]bool {
	words := map[string]bool{}
	var buf [64]byte
	for _, list := range names {
		for _, name := range list {
			for w, rest := nextNameWord(name); w != "" || rest != ""; w, rest = nextNameWord(rest) {
				if len(w) < 2 {
					continue
				}
				if key := appendLowerASCII(buf[:0], w); !hasKey(words, key) {
					words[string(key)] = false
				}
			}
		}
	}
	if len(words) == 0 {
		return words
	}
	for j := range info {
		if info[j].words < proseWords {
			continue
		}
		t := info[j].text
		for k := 0; k < len(t); {
			if t[k] < 'a' || t[k] > 'z' || k > 0 && !wordBefore(t[k-1]) {
				k++
				continue
			}
			e := k
			for e < len(t) && isASCIILetter(t[e]) {
				e++
			}
			// A word of the prose, not a piece of an address or a handle
			// ("example.com/jane-roe", "jane_roe@example.com").
			if e-k >= 2 && (e == len(t) || wordAfter(t[e]) || t[e] == '.' && (e+1 == len(t) || t[e+1] == ' ')) {
				if _, ok := words[t[k:e]]; ok {
					words[t[k:e]] = true
				}
			}
			k = e
		}
	}
	return words
}

// nextNameWord returns the first word of a name without the punctuation around it ("" for
// none), and the rest of the name after it: the words lowerCaseWords keys, in lower case,
// when they have two letters or more.
func nextNameWord(name string) (word, rest string) {
	name = strings.TrimLeft(name, " ")
	end := strings.IndexByte(name, ' ')
	if end < 0 {
		end = len(name)
	}
	return strings.Trim(name[:end], ".,;:!?'\"()"), name[end:]
}

// hasKey reports whether words has the key key; the lookup does not copy key.
func hasKey(words map[string]bool, key []byte) bool {
	_, ok := words[string(key)]
	return ok
}

// lowerCaseShare is the share of the words of names (two letters or more) that lower, as
// lowerCaseWords returns it, marks as written in lower case.
func lowerCaseShare(names []string, lower map[string]bool) float64 {
	n, found := 0, 0
	var buf [64]byte
	for _, name := range names {
		for w, rest := nextNameWord(name); w != "" || rest != ""; w, rest = nextNameWord(rest) {
			if len(w) < 2 {
				continue
			}
			n++
			if lower[string(appendLowerASCII(buf[:0], w))] {
				found++
			}
		}
	}
	if n == 0 {
		return 0
	}
	return float64(found) / float64(n)
}

// wordBefore and wordAfter report the bytes that may stand before and after a word of prose.
func wordBefore(c byte) bool { return c == ' ' || c == '(' || c == '"' }
func wordAfter(c byte) bool  { return strings.IndexByte(" ,;:!?)\"'", c) >= 0 }

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// bylinePrefixes are the labels a byline starts with.
var bylinePrefixes = []string{"written by", "posted by", "words by", "reporting by", "story by", "article by",
	"text by", "recipe by", "authors:", "author:", "contributors:", "contributor:", "by:", "by "}

// bylinePrefix returns the byline label lower starts with, or "".
func bylinePrefix(lower string) string {
	for _, p := range bylinePrefixes {
		if strings.HasPrefix(lower, p) {
			return p
		}
	}
	return ""
}

// nameListJoins turns the joins of a list of names into commas.
var nameListJoins = strings.NewReplacer(" and ", ",", " & ", ",")

// labelledNames returns the people a line names when it is not only their names: a
// byline with its label ("Written by Jane Roe", "Author: Jane Roe"), a date then "by"
// ("October 11, 2023 by Jane Roe"), or a name and its role ("Jane Roe, Staff Writer",
// "Jane Roe - Product marketer"); role reports the last form.
func labelledNames(li *lineInfo) (names []string, role bool) {
	if li.words > 15 {
		return nil, false
	}
	if text := unglueBy(li.text); bylinePrefix(lowerASCII(text)) != "" {
		p := bylinePrefix(lowerASCII(text))
		rest := strings.TrimLeft(text[len(p):], ": ")
		if a, _, ok := parseByline("By " + rest); ok && len(a) > 0 {
			return a, false
		}
		return nil, false
	}
	if k := strings.LastIndex(li.lower, " by "); k > 0 && li.digits > 0 && pubdate.Find(li.text[:k]).Value != "" {
		if a, _, ok := parseByline(li.text[k+1:]); ok && len(a) > 0 {
			return a, false
		}
		return nil, false
	}
	// "Jane Roe, John Doe and Ann Lee"; without "and", "Jane Roe, Clemson University" is
	// a name and an affiliation.
	if strings.Contains(li.text, " and ") || strings.Contains(li.text, " & ") {
		parts := strings.Split(nameListJoins.Replace(li.text), ",")
		all := len(parts) >= 2
		for k, p := range parts {
			parts[k] = strings.TrimSpace(p)
			all = all && looksLikeName(parts[k]) && !isJobTitle(parts[k])
		}
		if all {
			return parts, false // "Rui Ma, Heba Ledwon & Suparn Patra"
		}
	}
	// "Dylan Bailey, MS, RD": a name and its credentials.
	if name := credentials.Trim(li.text); name != li.text && looksLikeName(name) {
		return []string{strings.TrimSpace(li.text)}, false
	}
	for _, sep := range []string{", ", " - ", " – ", " | "} {
		head, tail, ok := strings.Cut(li.text, sep)
		if ok && looksLikeName(head) && !isJobTitle(head) && len(strings.Fields(tail)) <= 6 {
			return []string{strings.TrimSpace(head)}, true
		}
	}
	return nil, false
}

// datedBylineWords is the most words of a line read as a dated byline by datedNames: the
// byline, its date and what a blog's header line sets beside them (categories, a count of
// comments).
const datedBylineWords = 25

// datedNames returns the people a byline with its date names when the line is more than a
// name and a label or a role: "by Jane Roe | Mar 11, 2023 | Brakes, Repair | 0 comments",
// "Jane Roe January 23, 2025 10:01 am", or the date first, then the name ("Dec 26, 2025 •
// Jane Roe in Project Management", "Dec 17, 2025Jane Roe"); nil for other lines.
func datedNames(li *lineInfo) []string {
	if li.words > datedBylineWords || li.digits == 0 {
		return nil
	}
	if a, date, ok := parseByline(li.text); ok && len(a) > 0 && (date != "" || bylinePrefix(li.lower) != "") {
		if dateWordIn(a) || weekdayAfter(li.text, a[len(a)-1]) {
			return nil // "Released Wednesday, March 2, 2022"
		}
		return a
	}
	t := readableDate(li.text)
	d := pubdate.Find(t)
	if d.Value == "" || strings.TrimSpace(t[:d.Start]) != "" {
		return nil
	}
	name := strings.TrimLeft(t[d.End:], " |·•⋅-–—,")
	for _, stop := range []string{" in ", " on ", " | ", " · ", " • ", " ⋅ ", " - ", " – ", " — "} {
		if k := strings.Index(name, stop); k > 0 {
			name = name[:k]
		}
	}
	if name = strings.TrimSpace(name); looksLikeName(name) && !isJobTitle(name) && !dateWordIn([]string{name}) {
		return []string{name}
	}
	return nil
}

// dateWordIn reports names one of whose words belongs to a date line ("Wednesday",
// "Updated"): what parseByline left of a date line's label, not a person.
func dateWordIn(names []string) bool {
	for _, n := range names {
		for _, w := range strings.Fields(n) {
			if datelineWords[lowerASCII(strings.Trim(w, ".,:;"))] {
				return true
			}
		}
	}
	return false
}

// weekdays are the names of the days of the week, as lower-case words.
var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"mon": true, "tue": true, "wed": true, "thu": true, "fri": true, "sat": true, "sun": true,
}

// weekdayAfter reports a weekday right after name in text: name is then a date line's
// label ("Released" of "Released Wednesday, March 2, 2022"), not a person.
func weekdayAfter(text, name string) bool {
	k := strings.Index(text, name)
	if k < 0 {
		return false
	}
	next, _ := nextNameWord(text[k+len(name):])
	return weekdays[lowerASCII(next)]
}

// bestByline returns the candidate the model scores highest when its score passes the
// model's threshold, or -1.
func bestByline(cands []bylineCandidate, m scorerModel) int {
	return m.best(len(cands), func(k int) []float64 { return cands[k].x })
}
