package extract

import (
	_ "embed"
	"fmt"
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newspipe/newspipe/internal/credentials"
	"github.com/newspipe/newspipe/internal/personnames"

	"golang.org/x/net/html"

	"github.com/newspipe/newspipe/internal/pubdate"
)

// A page names its authors in its markup (JSON-LD, meta tags, itemprop, rel=author) and
// shows them: "By Jane Roe", a name linked to an author page, a name above the date. The
// two often agree; where they do not, the markup may name a team, the site or a login
// where the page shows the writer, or one of the writers the page lists. Every short
// element of the page that names only people is a candidate, weighed by where it stands;
// the markup's names are one more, weighed by their source, the words of a team or an
// organisation, and how they stand to the names shown (the same, within them, holding
// them); the page may also name nobody, a choice of its own. The weights are learned
// (byline.json, `newspipe-dev train authors`).

// BylineFeatureNames name the features of a byline candidate, in order. The first marks
// the choice of naming nobody.
var BylineFeatureNames = []string{
	"nobody",
	"author class",
	"author link",
	"by label",
	"the rules' byline",
	"after the headline",
	"close under the headline",
	"in the article element",
	"in footer, aside or nav",
	"in comments",
	"log times named",
	"date beside",
	"several names",
	"1/(1+rank) among candidates",
	"heading",
	"the site's name",
	"before the headline",
	"menu link",
	"share of its words in the headline",
	"share of names opening with a known given name",
	"the markup's names",
	"the markup's names, named by JSON-LD",
	"the markup's names, shown on the page",
	"the markup's names, logins",
	"an organisation's or team's word",
	"holds the markup's names and more",
	"some of the markup's names",
	"nobody, where the markup names someone",
	"shown, where the markup names someone",
	"log number of names",
	"nobody, where no name shown has a byline's sign",
	"share of names a picture's alt text holds",
	"share of names of one word",
	"a date in its text",
	"a person's site: the site's name, a person's",
	"a \"by\" after other words: a work's credit",
}

const (
	bNobody = iota
	bAuthorClass
	bAuthorLink
	bByLabel
	bRules
	bAfterHeadline
	bNearHeadline
	bInArticle
	bInChrome
	bInComments
	bTimes
	bDateBeside
	bSeveral
	bRank
	bHeading
	bSiteName
	bBeforeHeadline
	bMenuLink
	bHeadlineWords
	bGivenName
	bMarkup
	bMarkupLD
	bMarkupShown
	bMarkupLogin
	bOrgWord
	bHoldsMarkup
	bInMarkup
	bNobodyOverMarkup
	bShownOverMarkup
	bNames
	bNobodyUnsigned
	bPictured
	bOneWord
	bDated
	bPersonalSite
	bByAfterWords
	numBylineFeatures
)

// BylineRulesFeature is the index of the feature that marks the names the byline rules
// (visibleAuthors) read.
const BylineRulesFeature = bRules

// BylineCandidate is a list of people the page may name as its authors; no names is the
// choice of naming nobody.
type BylineCandidate struct {
	Names    []string
	Features []float64 // see BylineFeatureNames
}

// maxBylineCandidates caps the candidates of a page, in page order. A shop's or a
// portal's menus name a few hundred topics before the article, and its byline after
// them must still be read; the cap bounds the work on a page made only of names.
const maxBylineCandidates = 400

var (
	authorClass = regexp.MustCompile(`(?i)author|byline|writer|contributor|posted-?by|profile-name`)
	authorHref  = regexp.MustCompile(`(?i)/(author|authors|by|profile|profiles|people|staff|contributors?|writers?|team|user|users|members?)/`)
	commentKey  = regexp.MustCompile(`(?i)comment|reply|respond|discussion`)
	byLead      = regexp.MustCompile(`(?i)^(?:(?:written|posted|authored|words|story|article|reported)\s+)?by\b[:\s]*|^(?:author|contributor)s?\s*:?\s+|^about\s+`)
	gluedBy     = regexp.MustCompile(`^By(\p{Lu})`)
	namesEnd    = regexp.MustCompile(`(?i)\s(?:last\s+)?(?:updated|published|posted|reviewed|fact[- ]checked|edited)\b.*$`)
	byTail      = regexp.MustCompile(`(?i)(?:^|\s)(?:(?:written|posted|authored)\s+)?by:?$|^(?:author|contributor)s?:?$`)
)

// candidateTags are the elements whose text may be a byline.
var candidateTags = map[string]bool{
	"a": true, "span": true, "p": true, "div": true, "strong": true, "b": true, "em": true, "i": true,
	"li": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "address": true, "small": true,
	"cite": true, "dd": true, "td": true, "figcaption": false,
}

// bylineCandidates returns the lists of people the page's short elements name, in page
// order, each with its features, after the choice of naming nobody; then the names the
// page's markup gives (markup: people, or organisations when it names no person), when
// no element shows the same list.
// alts are the page's pictures' alt texts, in lower case (pictureAlts): a writer's
// portrait beside the byline is captioned with the writer's name.
func (pm *pageMeta) bylineCandidates(root *html.Node, rules []string, markup markupNames, alts []string) []BylineCandidate {
	nobody := BylineCandidate{Features: make([]float64, numBylineFeatures)}
	nobody.Features[bNobody] = 1
	cands := make([]BylineCandidate, 1, 32)
	cands[0] = nobody
	// The features of the candidates, allocated a few candidates at a time.
	var slab []float64
	newFeatures := func() []float64 {
		if len(slab) < numBylineFeatures {
			slab = make([]float64, 16*numBylineFeatures)
		}
		f := slab[:numBylineFeatures:numBylineFeatures]
		slab = slab[numBylineFeatures:]
		return f
	}
	// dateBeside of the last candidate's parent: the candidates of a list share it.
	var lastParent *html.Node
	lastDated := false
	index := map[string]int{}
	site := pm.ogSite
	host := hostName(pm.canonical)
	headline, sinceHeadline := false, 0
	headlineWords := map[string]bool{}
	for _, h := range append([]string{pm.title, pm.ogTitle, pm.ld.Title}, pm.headlines...) {
		for _, w := range strings.Fields(strings.ToLower(h)) {
			headlineWords[strings.Trim(w, ".,:;!?'\"")] = true
		}
	}
	// read is the text of the nearest element around n read for names, which named
	// nobody: the elements inside it often hold the same text.
	var walk func(n *html.Node, inArticle, inChrome, inComments bool, read string)
	walk = func(n *html.Node, inArticle, inChrome, inComments bool, read string) {
		if len(cands) > maxBylineCandidates {
			return
		}
		if n.Type == html.TextNode {
			if headline && strings.TrimSpace(n.Data) != "" {
				sinceHeadline++
			}
			return
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "noscript", "template", "head", "svg", "select", "option", "button", "form":
				return
			case "article", "main":
				inArticle = true
			case "footer", "aside", "nav":
				inChrome = true
			case "h1":
				headline = true
			}
			if attr(n, "role") == "main" {
				inArticle = true
			}
			if isCommentKey(attr(n, "class")) || isCommentKey(attr(n, "id")) {
				inComments = true
			}
			if candidateTags[n.Data] {
				names, byLabel, byAfterWords, dated, text := bylineNames(n, read)
				if text != "" {
					read = text
				}
				if len(names) > 0 {
					key := strings.ToLower(strings.Join(names, "|"))
					i, seen := index[key]
					if !seen {
						i = len(cands)
						index[key] = i
						cands = append(cands, BylineCandidate{Names: names, Features: newFeatures()})
					}
					f := cands[i].Features
					f[bTimes]++
					set := func(k int, on bool) {
						if on {
							f[k] = 1
						}
					}
					set(bByLabel, byLabel)
					set(bByAfterWords, byAfterWords)
					set(bDated, dated)
					set(bAuthorClass, nearAttr(n, 3, func(a *html.Node) bool {
						return authorAttr(a)
					}))
					set(bAuthorLink, authorLink(n))
					set(bAfterHeadline, headline)
					set(bBeforeHeadline, !headline)
					if headline {
						f[bNearHeadline] = math.Max(f[bNearHeadline], 1/(1+float64(sinceHeadline)/10))
					}
					set(bInArticle, inArticle)
					set(bInChrome, inChrome)
					set(bInComments, inComments)
					if n.Parent != lastParent {
						lastParent, lastDated = n.Parent, dateBeside(n)
					}
					set(bDateBeside, lastDated)
					set(bHeading, len(n.Data) == 2 && n.Data[0] == 'h')
					set(bMenuLink, menuLink(n))
					f[bHeadlineWords] = math.Max(f[bHeadlineWords], wordsIn(names, headlineWords))
					// The elements inside say the same names.
					return
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inArticle, inChrome, inComments, read)
		}
	}
	walk(root, false, false, false, "")
	if len(rules) > 0 {
		known := false
		for _, c := range cands[1:] {
			known = known || sameNames(c.Names, rules)
		}
		if !known {
			cands = append(cands, BylineCandidate{Names: rules, Features: newFeatures()})
			cands[len(cands)-1].Features[bTimes] = 1
		}
	}
	// A person's site names its owner as the site's name (og:site_name, the JSON-LD
	// publisher, the <title>'s last part: "Polly Barks"), often nowhere else but in a
	// copyright notice: the owner is a candidate.
	for _, name := range []string{pm.ogSite, pm.ld.Site, titleSuffix(pm.title)} {
		if !personShaped(name) {
			continue
		}
		i := -1
		for k, c := range cands[1:] {
			if len(c.Names) == 1 && samePerson(c.Names[0], name) {
				i = k + 1
				break
			}
		}
		if i < 0 {
			i = len(cands)
			cands = append(cands, BylineCandidate{Names: []string{name}, Features: newFeatures()})
		}
		cands[i].Features[bPersonalSite] = 1
	}
	shown := len(cands)
	// A page whose shown names bear no sign of a byline (an author class or link, a "By")
	// often names nobody, whatever its markup says.
	signed := false
	for _, c := range cands[1:] {
		f := c.Features
		signed = signed || f[bAuthorClass] > 0 || f[bAuthorLink] > 0 || f[bByLabel] > 0
	}
	if !signed {
		cands[0].Features[bNobodyUnsigned] = 1
	}
	if len(markup.names) > 0 {
		i := -1
		for k, c := range cands[1:] {
			if sameNames(c.Names, markup.names) {
				i = k + 1
				break
			}
		}
		if i < 0 {
			i = len(cands)
			cands = append(cands, BylineCandidate{Names: markup.names, Features: newFeatures()})
		} else if withCredentials(markup.names, cands[i].Names) {
			// "Genevieve Carlton, Ph.D." in the markup, "Genevieve Carlton" in a link:
			// the byline writes the credentials the markup gives.
			cands[i].Names = markup.names
		}
		f := cands[i].Features
		f[bMarkup] = 1
		if markup.ld {
			f[bMarkupLD] = 1
		}
		if i < shown {
			f[bMarkupShown] = 1
		}
		if standIns(markup.names) {
			f[bMarkupLogin] = 1
		}
		if markup.people {
			cands[0].Features[bNobodyOverMarkup] = 1
		}
		for k := 1; k < shown; k++ {
			g := cands[k].Features
			if markup.people {
				g[bShownOverMarkup] = 1
			}
			if k == i {
				continue
			}
			if in := namesIn(markup.names, cands[k].Names); in == len(markup.names) {
				g[bHoldsMarkup] = 1
			} else if in > 0 && namesIn(cands[k].Names, markup.names) == len(cands[k].Names) {
				g[bInMarkup] = 1
			}
		}
	}
	for i := 1; i < len(cands); i++ {
		f := cands[i].Features
		f[bTimes] = math.Log1p(f[bTimes])
		f[bRank] = 1 / float64(i)
		if len(cands[i].Names) > 1 {
			f[bSeveral] = 1
		}
		f[bNames] = math.Log(float64(len(cands[i].Names)))
		if sameNames(cands[i].Names, rules) {
			f[bRules] = 1
		}
		for _, name := range cands[i].Names {
			if isSiteName(name, site, host) {
				f[bSiteName] = 1
			}
			if orgWords(name) {
				f[bOrgWord] = 1
			}
			if first, _, _ := strings.Cut(strings.ToLower(name), " "); personnames.Given(strings.TrimSuffix(first, ".")) {
				f[bGivenName] += 1 / float64(len(cands[i].Names))
			}
			if altHolds(alts, name) {
				f[bPictured] += 1 / float64(len(cands[i].Names))
			}
			if !strings.Contains(name, " ") {
				f[bOneWord] += 1 / float64(len(cands[i].Names))
			}
		}
	}
	return cands
}

// markupNames are the authors a page's markup names.
type markupNames struct {
	names  []string
	ld     bool // named by JSON-LD
	people bool // people, not organisations
}

// markupNames returns the people the markup names (JSON-LD, meta tags, itemprop,
// rel=author), or else the organisations JSON-LD names.
func (pm *pageMeta) markupNames() markupNames {
	if people := pm.markupAuthors(); len(people) > 0 {
		return markupNames{names: people, ld: !pm.ldOrgAuthors && len(pm.ld.Authors) > 0, people: true}
	}
	return markupNames{names: pm.ld.Authors, ld: true}
}

// namesIn counts the names of a that b holds, case aside.
func namesIn(a, b []string) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if samePerson(x, y) {
				n++
				break
			}
		}
	}
	return n
}

// orgWord are words naming an organisation, a team or a desk rather than a person.
var orgWord = map[string]bool{
	"team": true, "staff": true, "editorial": true, "editors": true, "editor": true, "desk": true,
	"newsroom": true, "inc": true, "llc": true, "ltd": true, "group": true, "media": true, "news": true,
	"press": true, "magazine": true, "foundation": true, "institute": true, "company": true,
	"agency": true, "services": true, "solutions": true, "blog": true, "admin": true, "contributors": true,
	"writers": true, "department": true, "office": true, "association": true, "university": true,
}

// orgWords reports a name holding a word of an organisation or a team ("The Investopedia
// Team", "Flatworld Solutions Editorial Team", "Reuters Staff").
func orgWords(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if orgWord[strings.Trim(w, ".,()'’")] {
			return true
		}
	}
	return false
}

// commentWords are the words of commentKey, whose letters have no case folding outside
// ASCII but the "s" (U+017F).
var commentWords = []string{"comment", "reply", "respond", "discussion"}

// isCommentKey reports a class or id that commentKey matches, without the regular
// expression for an ASCII one.
func isCommentKey(s string) bool {
	if !isASCII(s) {
		return commentKey.MatchString(s)
	}
	return mayHoldWord(s, commentWords)
}

// bylineNames returns the people an element's text names, when it names only people
// ("By Jane Roe and John Doe", "Jane Roe · 5 min read", "Published May 1, 2024 by Jane
// Roe"), whether a byline label stands before them, whether the text holds a date, and
// the text read ("" when the element's text cannot name people). A text that is the
// same as around, a text read before that named nobody, names nobody.
func bylineNames(n *html.Node, around string) (names []string, byLabel, byAfterWords, dated bool, text string) {
	// A text that cannot name a person is not copied.
	if !mayNameByline(n) {
		return nil, false, false, false, ""
	}
	text = collapse(boundedText(n, 160))
	if text == "" || !mayNamePeople(text) || wordCount(text) > 14 || text == around {
		return nil, false, false, false, text
	}
	tn := readNames(text)
	if len(tn.names) == 0 {
		return nil, false, false, false, text
	}
	tn.names = namesOfOneText(n, tn.names)
	// The label may stand in the element before: "Written by" / "Jane Roe".
	return tn.names, tn.label || !tn.labelRead && labelBefore(n), tn.byAfterWords, tn.dated, text
}

// namesOfOneText returns the names an element of several texts gives as names: a
// name that runs from one text into the next is the person's name in the first and a
// role in the next ("<a>Celeste Longacre</a> <span>Gardener &amp; Astrologer</span>"
// reads "Celeste Longacre Gardener"), and the names after it within that role's text
// are the role's words ("Jack Shepherd" / "Co-Founder &amp; Marketing Director").
func namesOfOneText(n *html.Node, names []string) []string {
	if n.FirstChild == nil || n.FirstChild.NextSibling == nil && n.FirstChild.Type == html.TextNode {
		return names // one text
	}
	inOne := true
	for _, name := range names {
		inOne = inOne && textNodeHolds(n, name)
	}
	if inOne {
		return names // each name in one text, as most are: nothing is copied
	}
	var texts []string
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		if c.Type == html.TextNode {
			if t := collapse(c.Data); t != "" {
				texts = append(texts, t)
			}
			return
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	kept, role := names[:0], ""
	for _, name := range names {
		if role != "" && strings.Contains(role, name) {
			continue
		}
		inOne := false
		for _, t := range texts {
			inOne = inOne || strings.Contains(t, name)
		}
		if !inOne {
			for i, t := range texts {
				if len(t) < len(name) && strings.HasPrefix(name, t) && name[len(t)] == ' ' && isPersonName(t) {
					name = t
					if i+1 < len(texts) {
						role = texts[i+1]
					}
					break
				}
			}
		}
		kept = appendName(kept, name)
	}
	return kept
}

// textNodeHolds reports a text node under n whose text, as it stands, holds s.
func textNodeHolds(n *html.Node, s string) bool {
	if n.Type == html.TextNode {
		return strings.Contains(n.Data, s)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if textNodeHolds(c, s) {
			return true
		}
	}
	return false
}

// textNames is what the text of an element names (see readNames).
type textNames struct {
	names []string
	// label reports a byline label in the text; labelRead, that the text says where
	// the names start, so that no label before the element is looked for.
	label, labelRead bool
	// dated reports a date in the text, before or after the names.
	dated bool
	// byAfterWords reports a "by" after words holding no date ("Crown of Salt by").
	byAfterWords bool
}

// readNames reads the people a byline's text names, when it names only people (a text
// that mayNamePeople).
func readNames(text string) textNames {
	var tn textNames
	if strings.HasPrefix(text, "By") && gluedBy.MatchString(text) {
		text, tn.label = text[2:], true // "ByAmy Roeder": the label glued to the name
	}
	// "By ibby", "Posted by BeauHD": after a "by" that opens the text, one word
	// may name the writer, as a login or a given name alone.
	byOpens := false
	if loc := byLeadIndex(text); loc != nil {
		lead := strings.TrimRight(text[:loc[1]], " \t\n:")
		byOpens = strings.EqualFold(lead, "by") || len(lead) > 3 && strings.EqualFold(lead[len(lead)-3:], " by")
		text, tn.label, tn.labelRead = text[loc[1]:], true, true
	} else if i := indexBy(text); i > 0 {
		// "Crown of Salt by Jane Roe", "a workshop by Jane Roe": a "by" after words
		// that hold no date credits a work the element names, not always the article.
		tn.byAfterWords = !hasDigit(text[:i])
		text, tn.label, tn.labelRead = text[i+4:], true, true
	}
	// A date, a reading time or a separator ends the names.
	// A date holds a year's digits: a text without digits is not searched for one.
	if m := findDate(text); m.Value != "" {
		tn.dated = true
		if m.Start == 0 {
			// "Dec. 19, 2025 · Niko Matsakis": the names follow the date and a
			// separator.
			text = strings.TrimLeft(text[m.End:], " ")
			if !opensWithSeparator(text) {
				return textNames{}
			}
			text = strings.TrimLeft(text, " "+separatorRunes)
			if m := findDate(text); m.Value != "" {
				text = text[:m.Start]
			}
		} else {
			text = trimWeekday(text[:m.Start])
		}
		if text == "" {
			return textNames{}
		}
	}
	for _, sep := range []string{" | ", " · ", " • ", " on ", " - ", " — ", " – "} {
		if i := strings.Index(text, sep); i > 0 {
			text = text[:i]
		}
	}
	if mayHoldWord(text, endWords) {
		text = namesEnd.ReplaceAllString(text, "")
	}
	text = strings.Trim(text, " ,;:|-–—·•")
	// "by Jane Roe on" a date: the word that led to the date is not the name's.
	for _, w := range []string{" on", " at"} {
		if len(text) > len(w) && strings.EqualFold(text[len(text)-len(w):], w) {
			text = text[:len(text)-len(w)]
		}
	}
	if byOpens && isOneWordName(text) {
		tn.names = []string{text}
		return tn
	}
	if !mayNamePeople(text) {
		return textNames{} // what is left names nobody
	}
	text = withoutRole(text)
	for _, a := range splitAuthors(text) {
		if !isPersonName(a) {
			a = withoutPlace(a)
		}
		if !isPersonName(a) {
			return textNames{}
		}
		tn.names = appendName(tn.names, a)
	}
	return tn
}

// separatorRunes are the marks that part a byline's date from its names.
const separatorRunes = ",;:|-–—·•/"

// opensWithSeparator reports a text opening with a separator (separatorRunes).
func opensWithSeparator(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	return r != utf8.RuneError && strings.ContainsRune(separatorRunes, r)
}

// maxOneWordName bounds the letters of a one-word name: a longer word is a slug or a
// sentence glued together.
const maxOneWordName = 30

// isOneWordName reports a word that may name a writer after a "by": a login or a given
// name ("ibby", "BeauHD", "Amanda"), of letters and digits and maybe a dot, a dash or an
// underscore, opening with a letter, and neither a byline's label, a role nor a generic
// login ("admin", "staff").
func isOneWordName(w string) bool {
	n := utf8.RuneCountInString(w)
	if n < 3 || n > maxOneWordName {
		return false
	}
	for i, r := range w {
		switch {
		case unicode.IsLetter(r):
		case i > 0 && (unicode.IsDigit(r) || r == '.' || r == '-' || r == '_'):
		default:
			return false
		}
	}
	lower := strings.ToLower(w)
	return !isBylineLabel(lower) && !genericLogins[lower] && !hasRoleWord(lower) && !orgWord[lower]
}

// withoutRole returns a byline's text without the role after its one name and a comma
// ("Danielle Padula, Head of Marketing and Community Development"), or text as it is
// when what follows the comma is credentials ("Jane Roe, MD") or names ("Jane Roe, John
// Doe and Max Mustermann").
func withoutRole(text string) string {
	name, rest, ok := strings.Cut(text, ", ")
	if !ok || strings.ContainsAny(name, "&;|") || hasWordAnd(name) || !isPersonName(name) {
		return text
	}
	if first, _, _ := strings.Cut(rest, ","); credentials.Only(first) || fieldCount(rest, 2) < 2 {
		return text
	}
	for _, a := range splitAuthors(rest) {
		if !isPersonName(a) {
			return name
		}
	}
	return text
}

// withoutPlace returns the name of a byline's "Jane Roe in Berlin" without the place the
// writer reports from, or a unchanged.
func withoutPlace(a string) string {
	name, place, ok := strings.Cut(a, " in ")
	if !ok || place == "" {
		return a
	}
	if r, _ := utf8.DecodeRuneInString(place); !unicode.IsUpper(r) || wordCount(place) > 3 {
		return a
	}
	return name
}

// findDate is pubdate.Find, not run on a text that cannot hold a date (mayHoldDate).
func findDate(text string) pubdate.Match {
	if !mayHoldDate(text) {
		return pubdate.Match{}
	}
	return pubdate.Find(text)
}

// weekdays are the weekday names a shown date may open with.
var weekdays = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

// trimWeekday drops the weekday name that opens the date after the names ("by Jane
// Roe, Site Thursday, 21 September 2023"), which the date's match may leave out.
func trimWeekday(text string) string {
	text = strings.TrimRight(text, " ,")
	i := strings.LastIndexByte(text, ' ') + 1
	for _, d := range weekdays {
		if strings.EqualFold(text[i:], d) {
			return strings.TrimRight(text[:i], " ,")
		}
	}
	return text
}

// authorClassWords are the words authorClass needs, one of them in any case.
var authorClassWords = []string{"author", "byline", "writer", "contributor", "posted", "profile-name"}

// authorAttr reports an element whose class, id or itemprop says it holds an author,
// without the regular expression for an ASCII value holding none of its words.
func authorAttr(a *html.Node) bool {
	for _, k := range []string{"class", "id", "itemprop"} {
		if v := attr(a, k); v != "" && mayHoldWord(v, authorClassWords) && authorClass.MatchString(v) {
			return true
		}
	}
	return false
}

// byLeadWords are the first words byLead may match.
var byLeadWords = []string{"written", "posted", "authored", "words", "story", "article", "reported", "by", "author", "authors", "contributor", "contributors", "about"}

// byLeadIndex is byLead.FindStringIndex(text), not run on a text whose first word (its
// leading ASCII letters) is none of byLeadWords.
func byLeadIndex(text string) []int {
	i := 0
	for i < len(text) && isLetter(text[i]) {
		i++
	}
	if i == len(text) || text[i] < utf8.RuneSelf {
		lead := false
		for _, w := range byLeadWords {
			lead = lead || strings.EqualFold(text[:i], w)
		}
		if !lead {
			return nil
		}
	}
	return byLead.FindStringIndex(text)
}

// indexBy is the offset of the first " by " in text, in any case. (The offset of " by "
// in strings.ToLower(text) is not one in text: a lower-case letter may be longer or
// shorter than its capital, and an invalid byte becomes three.) The letters of "by" fold
// to no others, and no byte of a longer UTF-8 sequence is a space or an ASCII letter.
func indexBy(text string) int {
	for i := 0; i+4 <= len(text); i++ {
		if text[i] == ' ' && text[i+1]|0x20 == 'b' && text[i+2]|0x20 == 'y' && text[i+3] == ' ' {
			return i
		}
	}
	return -1
}

// endWords are the words namesEnd needs, one of them in any case.
var endWords = []string{"updated", "published", "posted", "reviewed", "fact", "edited"}

// isASCII reports a text of ASCII bytes only.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// mayNamePeople is a cheap test that a collapsed text may name a person, run before the
// regular expressions: a name (isPersonName) has two words, the first capitalised, which
// the text holds, or an entity that splitAuthors unescapes ("Jane&nbsp;Roe") may make.
func mayNamePeople(text string) bool {
	if strings.IndexByte(text, '&') >= 0 || opensWithBy(text) {
		return true
	}
	if strings.IndexByte(text, ' ') < 0 {
		return false
	}
	for _, r := range text {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// opensWithBy reports a text whose first or second word is "by", in any case ("by
// ibby", "Posted by BeauHD"): the one word after it may name the writer (readNames).
func opensWithBy(text string) bool {
	for k := 0; k < 2 && text != ""; k++ {
		word, rest, _ := strings.Cut(text, " ")
		if strings.EqualFold(strings.TrimRight(word, ":"), "by") {
			return true
		}
		text = rest
	}
	return false
}

// menuLink reports a link of a list, a menu's item: n is or holds a link that is not to
// an author's page, inside a list item.
func menuLink(n *html.Node) bool {
	link := nearAttr(n, 2, func(a *html.Node) bool { return a.Data == "a" })
	if !link && n.FirstChild != nil && n.FirstChild.Type == html.ElementNode && n.FirstChild.Data == "a" {
		link = true
	}
	return link && !authorLink(n) && nearAttr(n, 3, func(a *html.Node) bool { return a.Data == "li" })
}

// wordsIn is the share of the names' words in words.
func wordsIn(names []string, words map[string]bool) float64 {
	n, in := 0, 0
	for _, name := range names {
		for _, w := range strings.Fields(strings.ToLower(name)) {
			n++
			if words[strings.Trim(w, ".,")] {
				in++
			}
		}
	}
	if n == 0 {
		return 0
	}
	return float64(in) / float64(n)
}

// nearAttr reports whether n or one of its up ancestors passes test.
func nearAttr(n *html.Node, up int, test func(*html.Node) bool) bool {
	for a, k := n, 0; a != nil && k <= up; a, k = a.Parent, k+1 {
		if a.Type == html.ElementNode && test(a) {
			return true
		}
	}
	return false
}

// authorHrefWords are the words authorHref needs, one of them in any case.
var authorHrefWords = []string{"author", "by", "profile", "people", "staff", "contributor", "writer", "team", "user", "member"}

// authorLink reports a name linked to an author's page: n, an element around it or the
// link inside it points to /author/..., or says rel=author.
func authorLink(n *html.Node) bool {
	isLink := func(a *html.Node) bool {
		if a.Data != "a" {
			return false
		}
		href := attr(a, "href")
		return mayHoldWord(href, authorHrefWords) && authorHref.MatchString(href) || strings.Contains(attr(a, "rel"), "author")
	}
	if nearAttr(n, 2, isLink) {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && isLink(c) {
			return true
		}
	}
	return false
}

// dateBeside reports a date shown in the element around n: a byline's "Jane Roe ·
// March 3, 2025".
func dateBeside(n *html.Node) bool {
	for a, k := n.Parent, 0; a != nil && k < 2; a, k = a.Parent, k+1 {
		// A date holds a digit: a text without one is not copied.
		if s := scanText(a, 300, math.MaxInt); s.long || s.size == 0 {
			return false
		} else if !s.digit {
			continue
		}
		text := boundedText(a, 300)
		if mayHoldDate(text) && pubdate.Find(collapse(text)).Value != "" {
			return true
		}
	}
	return false
}

// maxAltWords bounds the alt texts read for a name: a longer one describes a scene.
const maxAltWords = 8

// pictureAlts returns the alt texts of the page's pictures of at most maxAltWords words,
// but a logo's, collapsed, in lower case: "Jane Roe", "Picture of Jane Roe", "Jane Roe,
// Senior Reporter".
func pictureAlts(pe *pageElements) []string {
	var alts []string
	for _, n := range pe.pictures {
		alt := attr(n, "alt")
		if alt == "" || fieldCount(alt, maxAltWords+1) > maxAltWords {
			continue
		}
		alt = strings.ToLower(collapse(alt))
		if hasWord(alt, "logo") {
			continue // the site's logo, not a writer's portrait
		}
		alts = append(alts, alt)
	}
	return alts
}

// altHolds reports an alt text of alts (pictureAlts) holding name as whole words.
func altHolds(alts []string, name string) bool {
	name = strings.ToLower(credentials.Trim(name))
	if name == "" {
		return false
	}
	for _, alt := range alts {
		for i := strings.Index(alt, name); i >= 0; {
			j := i + len(name)
			if (i == 0 || !isWordByte(alt[i-1])) && (j == len(alt) || !isWordByte(alt[j])) {
				return true
			}
			k := strings.Index(alt[i+1:], name)
			if k < 0 {
				break
			}
			i += 1 + k
		}
	}
	return false
}

// samePerson reports two names of one person, their credentials and titles aside ("Dr
// Marna van der Merwe" is "Marna van der Merwe").
func samePerson(a, b string) bool {
	return strings.EqualFold(withoutTitle(credentials.Trim(a)), withoutTitle(credentials.Trim(b)))
}

// personTitles are the titles that may stand before a person's name, in lower case.
var personTitles = []string{"dr", "dr.", "prof", "prof.", "mr", "mr.", "mrs", "mrs.", "ms", "ms."}

// withoutTitle returns name without the title before it ("Dr", "Prof."), or name.
func withoutTitle(name string) string {
	first, rest, ok := strings.Cut(name, " ")
	if !ok || rest == "" {
		return name
	}
	for _, t := range personTitles {
		if strings.EqualFold(first, t) {
			return rest
		}
	}
	return name
}

// sameNames reports two lists of the same names, case aside.
func sameNames(a, b []string) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	for i := range a {
		if !samePerson(a[i], b[i]) {
			return false
		}
	}
	return true
}

//go:embed byline.json
var bylineJSON []byte

// bylineWeights are the embedded weights, checked against BylineFeatureNames.
var bylineWeights = func() []float64 {
	w, err := ParseBylineModel(bylineJSON)
	if err != nil {
		panic(err)
	}
	return w
}()

// ParseBylineModel reads byline weights written by EncodeBylineModel.
func ParseBylineModel(b []byte) ([]float64, error) {
	return parseChoiceModel("byline", BylineFeatureNames, b)
}

// EncodeBylineModel writes byline weights as JSON, with the names of their features.
func EncodeBylineModel(w []float64) ([]byte, error) {
	return encodeChoiceModel("byline", BylineFeatureNames, w)
}

// BestByline is the index of the best-scored candidate, the first of equals (naming
// nobody first).
func BestByline(cands []BylineCandidate, w []float64) int {
	best, bestScore := -1, 0.0
	for i, c := range cands {
		if s := Score(w, c.Features); best < 0 || s > bestScore+1e-12 {
			best, bestScore = i, s
		}
	}
	return best
}

// BylineCandidates returns the byline candidates of an HTML page, for training the
// weights.
func BylineCandidates(page string) ([]BylineCandidate, error) {
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return nil, fmt.Errorf("parse page: %w", err)
	}
	pm := readPageMeta(root)
	pe := findElements(root)
	return pm.bylineCandidates(root, visibleAuthors(pe), pm.markupNames(), pictureAlts(pe)), nil
}

// withCredentials reports names (the markup's) that give credentials where shown, the same
// people, gives none: "Jane Roe, MD" for "Jane Roe".
func withCredentials(names, shown []string) bool {
	more := false
	for k, name := range names {
		if credentials.Trim(shown[k]) != shown[k] {
			return false
		}
		more = more || credentials.Trim(name) != name
	}
	return more
}

// titleSuffix returns the part of a page's title after its last separator (" | ",
// " - "), "" for a title without one.
func titleSuffix(title string) string {
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(title, sep); i > 0 {
			return strings.TrimSpace(title[i+len(sep):])
		}
	}
	return ""
}

// personShaped reports a name of two or three capitalised words of letters (and
// hyphens, apostrophes, dots) whose first word is a known given name or whose last is a
// known family name: "Polly Barks", "Cassidy Williams", not "Rust Blog" or "The
// Organized Mama".
func personShaped(name string) bool {
	words := strings.Fields(name)
	if len(words) < 2 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) ||
			strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '.' }) >= 0 {
			return false
		}
	}
	first := strings.ToLower(strings.TrimSuffix(words[0], "."))
	last := strings.ToLower(words[len(words)-1])
	return !orgWords(name) && (personnames.Given(first) || personnames.Family(last))
}

// hasDigit reports an ASCII digit in s.
func hasDigit(s string) bool { return strings.IndexAny(s, "0123456789") >= 0 }
