package extract

import (
	_ "embed"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"

	"github.com/newspipe/newspipe/internal/pubdate"
)

// A page names its date in many places that often disagree: JSON-LD datePublished and
// dateModified, article:published_time and article:modified_time, <time> elements, the
// dates shown under the headline ("Updated March 13, 2024"), in the URL. What a reader
// takes for the article's date is the one the page shows by its headline, which is the
// update date on pages that show only that one, and the publication date on pages that
// show both. Each day the page names is a candidate, weighed by where it stands
// (dateFeatures); the weights are learned (date.json, `newspipe-dev train date`).

// DateFeatureNames name the features of a date candidate, in order.
var DateFeatureNames = []string{
	"JSON-LD datePublished",
	"JSON-LD dateModified",
	"meta publication date",
	"meta modification date",
	"first <time> not marked modified",
	"a <time> marked modified",
	"date element",
	"update line",
	"shown in the page",
	"first date shown",
	"1/(1+rank) among the dates shown",
	"1/(1+rank) among the dates shown after the headline",
	"shown with an update label",
	"shown with a publication label",
	"shown in the article element",
	"log times shown",
	"latest candidate",
	"earliest candidate",
	"only candidate",
	"in the URL",
	"log sources",
	"publication date shown",
	"modification date shown",
	"not shown where another is",
	"share shown in a link",
	"share shown in a list of dates",
}

// Indexes of the features that the structured sources set, in trust order.
const (
	fLDPub = iota
	fLDMod
	fMetaPub
	fMetaMod
	fTimePub
	fTimeMod
	fShownDate
	fShownUpdate
	fShown
	fShownFirst
	fShownRank
	fShownRankAfterHeadline
	fShownUpdateLabel
	fShownPublishLabel
	fShownInArticle
	fShownTimes
	fLatest
	fEarliest
	fOnly
	fInURL
	fSources
	fPublishedShown
	fModifiedShown
	fNotShown
	fShownInLink
	fShownInList
	numDateFeatures
)

// DateCandidate is one day a page gives as its date, with the evidence for it.
type DateCandidate struct {
	Day      string    // YYYY-MM-DD, in the zone the page writes its times in
	Value    string    // the most trusted ISO value for the day, with its time when given
	Features []float64 // see DateFeatureNames
	// Published reports evidence that the day is a publication date: a publication
	// source names it, or the page shows it without an update label.
	Published bool
}

// shownDate is one date shown in the page's text.
type shownDate struct {
	value           string
	afterHeadline   bool
	inArticle       bool
	update, publish bool
	// inLink reports a date inside a link: another story's or an event's ("02 Apr 2026
	// 18:00" in a menu), seldom the article's own.
	inLink bool
	// class is the class of the date's element, else of its parent: dates of other days
	// under the same class are a list (related stories, an archive).
	class string
	// numeric is the text of a date written with numbers, read again in the page's
	// order of day and month (pubdate.NumericOrder); "" for other dates.
	numeric string
}

// maxShownDates caps the dates read from the page's text: the article's come first.
const maxShownDates = 40

// firstWebYear is the year the first web pages were published: a date shown in a page's
// text before it, that no metadata names, is a date the article speaks of ("This day in
// 1935"), not the page's.
const firstWebYear = 1991

// maxShownCandidates is how many distinct days shown in the page, before its headline
// and after it, become candidates.
const maxShownCandidates = 6

var (
	updateLabel  = regexp.MustCompile(`(?i)\b(updated|modified|reviewed|revised|refreshed)\b`)
	publishLabel = regexp.MustCompile(`(?i)\b(published|posted|released|written|originally|created)\b`)
	// publishedOn ends a sentence's words before the date it says the article was
	// published on: "... was originally published on ".
	publishedOn = regexp.MustCompile(`(?i)\b(published|posted)( on)?\s*$`)
	// publishedWord lets a sentence without the word skip the search for its dates:
	// most paragraphs of an article have none.
	publishedWord = regexp.MustCompile(`(?i)\b(published|posted)\b`)
)

// Keys under which readMetaTag records the first date of a meta name that is in neither
// publishedNames nor modifiedNames but says by its words what date it holds
// ("w-published-date", "og:publish_date", "date-pub", "modified-date"); they are trusted
// after every listed name. The space keeps them apart from any real name.
const (
	otherPublishedName = " published"
	otherModifiedName  = " modified"
)

// otherDateName returns otherPublishedName for a meta name whose words name a
// publication ("publish...", "pub"), otherModifiedName for one whose words name a
// modification ("modified", "updated"), and "" for any other name, a publisher's among
// them.
func otherDateName(key string) string {
	// Most of a page's meta names (viewport, og:title) hold none of these words: they
	// are not split into words.
	if !strings.Contains(key, "pub") && !strings.Contains(key, "modif") && !strings.Contains(key, "updat") {
		return ""
	}
	published, modified := false, false
	for _, w := range strings.FieldsFunc(key, func(r rune) bool { return r < 'a' || r > 'z' }) {
		switch {
		case strings.HasPrefix(w, "publisher"):
			return ""
		case strings.HasPrefix(w, "modif"), strings.HasPrefix(w, "updat"):
			modified = true
		case strings.HasPrefix(w, "publish"), w == "pub", w == "pubdate":
			published = true
		}
	}
	switch {
	case modified:
		return otherModifiedName
	case published:
		return otherPublishedName
	}
	return ""
}

// firstMetaDate returns the first date the meta tags give under names, in their order
// of trust, then under other (names that say what date they hold, see otherDateName),
// each name's dates in page order. A date more than a day after notAfter (the page's
// modification date; "" for none) is passed over while a later one is not: a page is not
// modified before it is published, and such a value is the time the page was served
// ("published-time" of the moment beside "published-date" of the day).
func firstMetaDate(dates map[string][]string, names []string, other, notAfter string) string {
	limit, bounded := time.Time{}, false
	if d, ok := pubdate.Parse(notAfter); ok {
		limit, bounded = d.Time.Add(24*time.Hour), true
	}
	first := ""
	for _, name := range append(names[:len(names):len(names)], other) {
		for _, v := range dates[name] {
			if first == "" {
				first = v
			}
			if d, ok := pubdate.Parse(v); !bounded || !ok || !d.Time.After(limit) {
				return v
			}
		}
	}
	return first
}

// shownDates walks the page's text once and returns the dates it shows, in page order:
// the text of every short element that holds a date ("Updated Dec 18, 2025 · 12 min
// read", "April 8, 2024"), with the label before it or in the element just before.
func shownDates(root *html.Node) []shownDate {
	var out []shownDate
	seen := map[*html.Node]bool{}
	headline := false
	var walk func(n *html.Node, inArticle bool)
	walk = func(n *html.Node, inArticle bool) {
		if len(out) >= maxShownDates {
			return
		}
		switch n.Type {
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template", "head", "svg", "select", "option":
				return
			case "article", "main":
				inArticle = true
			case "h1":
				defer func() { headline = true }()
			}
			if attr(n, "role") == "main" {
				inArticle = true
			}
		case html.TextNode:
			el := n.Parent
			if el == nil || seen[el] || !mayHoldDate(n.Data) {
				return
			}
			seen[el] = true
			text := collapse(boundedText(el, 400))
			if text == "" || wordCount(text) > 16 {
				text = collapse(n.Data)
				if wordCount(text) > 16 {
					// A sentence is read only for a date it says the article was
					// published on ("This article was originally published on 26 Sep
					// 2019 and has been updated since"); a paragraph longer than a
					// short one is not parsed.
					if len(text) > 400 || !publishedWord.MatchString(text) {
						return
					}
					m := pubdate.Find(text)
					if m.Value == "" || !publishedOn.MatchString(text[:m.Start]) {
						return
					}
					text = text[:m.End]
				}
			}
			value, before := "", ""
			if d := shortISO(text); d != "" {
				value = d
			} else if m := pubdate.Find(text); m.Value != "" {
				value, before = m.Value, text[:m.Start]
			}
			numeric := ""
			if value == "" {
				// A <time> whose text is no date pubdate reads ("03/01/2017" may be
				// either day) is its datetime's.
				value = timeValue(el)
			}
			if value == "" || value != "" && pubdate.HasNumericDate(text) {
				numeric = text
				if value == "" && !pubdate.HasNumericDate(text) {
					return
				}
			}
			if strings.TrimSpace(before) == "" {
				before = previousText(el)
			}
			out = append(out, shownDate{value: value, afterHeadline: headline, inArticle: inArticle,
				update: updateLabel.MatchString(before), publish: publishLabel.MatchString(before),
				inLink: inLink(el), class: classOf(el), numeric: numeric})
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inArticle)
		}
	}
	walk(root, false)
	return readInOrder(out)
}

// readInOrder reads the dates out writes with numbers again in the order of day and month
// that the page's unambiguous ones agree on ("12/16/2025" and "01/31/2025" make
// "03/01/2017" the 1st of March), and drops those that stay unread.
func readInOrder(out []shownDate) []shownDate {
	var texts []string
	for _, s := range out {
		if s.numeric != "" {
			texts = append(texts, s.numeric)
		}
	}
	if len(texts) == 0 {
		return out
	}
	order := pubdate.NumericOrder(strings.Join(texts, " \n "))
	kept := out[:0]
	for _, s := range out {
		if s.numeric != "" && order != pubdate.OrderUnknown {
			if m := pubdate.FindOrdered(s.numeric, order); m.Value != "" && !isZonedTime(s.value) {
				s.value = m.Value
			}
		}
		if s.value != "" {
			kept = append(kept, s)
		}
	}
	return kept
}

// isZonedTime reports a value with a time and zone, which only a <time datetime> gives
// among the dates shown: it is kept over the text.
func isZonedTime(value string) bool {
	d, ok := pubdate.Parse(value)
	return ok && d.Zoned
}

// inLink reports whether el is a link or stands in one, up to three levels up.
func inLink(el *html.Node) bool {
	for k := 0; k < 4 && el != nil; k, el = k+1, el.Parent {
		if el.Type == html.ElementNode && el.Data == "a" && attr(el, "href") != "" {
			return true
		}
	}
	return false
}

// classOf returns the class of el, else of its parent, else "".
func classOf(el *html.Node) string {
	for k := 0; k < 2 && el != nil; k, el = k+1, el.Parent {
		if c := attr(el, "class"); c != "" {
			sig := el.Data + "." + c
			if p := el.Parent; p != nil && p.Type == html.ElementNode {
				sig += " < " + p.Data + "." + attr(p, "class")
			}
			return sig
		}
	}
	return ""
}

// timeValue returns the datetime of a <time> element, el or its parent, as ISO 8601, or
// "" when there is none or pubdate does not read it.
func timeValue(el *html.Node) string {
	for k := 0; k < 2 && el != nil; k, el = k+1, el.Parent {
		if el.Type == html.ElementNode && el.Data == "time" {
			return pubdate.ISO(attr(el, "datetime"))
		}
	}
	return ""
}

// shortISO is pubdate.ISO of a collapsed text, which reads only texts of 8 to 48 bytes:
// a longer or shorter one is not parsed.
func shortISO(collapsed string) string {
	if len(collapsed) < 8 || len(collapsed) > 48 {
		return ""
	}
	return pubdate.ISO(collapsed)
}

// previousText returns the text of the element just before el, when it is short: a label
// standing in an element of its own ("Updated on" / "April 19, 2025").
func previousText(el *html.Node) string {
	for s := el.PrevSibling; s != nil; s = s.PrevSibling {
		t := collapse(textOf(s))
		if t == "" {
			continue
		}
		if len(strings.Fields(t)) > 4 {
			return ""
		}
		return t
	}
	return ""
}

// mayHoldDate is a cheap test that a text may hold a date: a digit and a month's name,
// or two numbers joined by "/", "." or "-" (2025-12-15, 12.12.2025). Most of a page's
// texts (prices, counts, menus) fail it and are not parsed.
func mayHoldDate(s string) bool {
	digit, month, joined := false, false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isDigit(c):
			digit = true
			if i+2 < len(s) && (s[i+1] == '/' || s[i+1] == '.' || s[i+1] == '-') && isDigit(s[i+2]) {
				joined = true
			}
		case !month && i+3 <= len(s) && (i == 0 || !isLetter(s[i-1])) && isLetter(c):
			month = isMonthPrefix(c|0x20, s[i+1]|0x20, s[i+2]|0x20)
		}
		if digit && (month || joined) {
			return true
		}
	}
	return false
}

// isMonthPrefix reports the first three letters, in lower case, of an English month's
// name.
func isMonthPrefix(a, b, c byte) bool {
	switch string([]byte{a, b, c}) {
	case "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec":
		return true
	}
	return false
}

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// boundedText returns the text under n, or "" when it is longer than limit bytes: a
// date line is short, and long elements are not read whole.
func boundedText(n *html.Node, limit int) string {
	// An element holding one text node, the most common byline and date element, has
	// that text: no copy.
	if c := n.FirstChild; c != nil && c == n.LastChild && c.Type == html.TextNode {
		if len(c.Data) > limit {
			return ""
		}
		return c.Data
	}
	// The text's size first: a long element, the most common, costs no copy.
	size := 0
	var measure func(*html.Node) bool
	measure = func(n *html.Node) bool {
		if n.Type == html.TextNode {
			if size += len(n.Data); size > limit {
				return false
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !measure(c) {
				return false
			}
		}
		return true
	}
	if !measure(n) {
		return ""
	}
	var sb strings.Builder
	sb.Grow(size)
	writeText(&sb, n)
	return sb.String()
}

// dateCandidates returns the days the page names as its date, each with its features,
// in trust order (the order of the sources in pageMeta.resolve).
func (pm *pageMeta) dateCandidates() []DateCandidate {
	var cands []DateCandidate
	index := map[string]int{}
	// The page's dates repeat (the dates shown, their local times): each is parsed once.
	type parsedDate struct {
		d  pubdate.Date
		ok bool
	}
	parsed := map[string]parsedDate{}
	parse := func(value string) (pubdate.Date, bool) {
		p, seen := parsed[value]
		if !seen {
			p.d, p.ok = pubdate.Parse(value)
			parsed[value] = p
		}
		return p.d, p.ok
	}
	add := func(value string, feature int) int {
		d, ok := parse(value)
		value = inLocalZoneOf(value, d, ok, pm.zones)
		d, ok = parse(value)
		if !ok {
			return -1
		}
		day := d.Time.Format("2006-01-02")
		i, seen := index[day]
		if !seen {
			i = len(cands)
			index[day] = i
			cands = append(cands, DateCandidate{Day: day, Value: value, Features: make([]float64, numDateFeatures)})
		}
		if feature >= 0 {
			cands[i].Features[feature] = 1
		}
		switch feature {
		case fLDPub, fMetaPub, fTimePub, fShownDate, fInURL:
			cands[i].Published = true
		}
		return i
	}
	sources := []struct {
		value   string
		feature int
	}{
		{pm.ld.Published, fLDPub}, {pm.published, fMetaPub}, {pm.timeAttr, fTimePub}, {pm.shownDate, fShownDate},
		{pm.ld.Updated, fLDMod}, {pm.modified, fMetaMod}, {pm.timeModified, fTimeMod}, {pm.shownUpdate, fShownUpdate},
	}
	for _, s := range sources {
		if s.value != "" {
			add(s.value, s.feature)
		}
	}
	// The days shown before the headline (a menu's, a sidebar's) and those after it are
	// capped apart, so that a page's header does not crowd out the article's date line.
	rank, rankAfter, distinct := map[string]int{}, map[string]int{}, [2]int{}
	classDays := map[string]map[string]bool{} // the days shown under each class
	shownCand := make([]int, len(pm.shown))   // the candidate of each date shown, -1 for none
	for k, s := range pm.shown {
		shownCand[k] = -1
		d, ok := parse(s.value)
		if !ok {
			continue
		}
		day := d.Time.Format("2006-01-02")
		_, known := index[day]
		side := 0
		if s.afterHeadline {
			side = 1
		}
		if !known && (distinct[side] >= maxShownCandidates || d.Time.Year() < firstWebYear) {
			continue
		}
		if _, ok := rank[day]; !ok {
			rank[day] = len(rank)
			distinct[side]++
		}
		if _, ok := rankAfter[day]; !ok && s.afterHeadline {
			rankAfter[day] = len(rankAfter)
		}
		i := add(s.value, fShown)
		shownCand[k] = i
		f := cands[i].Features
		f[fShownTimes]++
		if s.inLink {
			f[fShownInLink]++
		}
		if s.class != "" {
			if classDays[s.class] == nil {
				classDays[s.class] = map[string]bool{}
			}
			classDays[s.class][cands[i].Day] = true
		}
		if s.update {
			f[fShownUpdateLabel] = 1
		}
		if s.publish {
			f[fShownPublishLabel] = 1
		}
		if !s.update {
			cands[i].Published = true
		}
		if s.inArticle {
			f[fShownInArticle] = 1
		}
	}
	// A shown date is in a list when its class shows other days too.
	for k, s := range pm.shown {
		if i := shownCand[k]; i >= 0 && s.class != "" && len(classDays[s.class]) >= 2 {
			cands[i].Features[fShownInList]++
		}
	}
	// The day the URL names (/2025/12/15/, /2023/october/03/) is the publication's on every
	// page of WCXB dev that has one: a candidate even where no other source names it. The
	// canonical URL's is read first, then that of the URL the page was fetched from.
	inURL := urlDay(pm.canonical)
	if inURL == "" {
		inURL = urlDay(pm.pageURL)
	}
	if inURL != "" {
		add(inURL, fInURL)
	}
	earliest, latest, anyShown := "", "", false
	for _, c := range cands {
		anyShown = anyShown || c.Features[fShown] > 0
		if earliest == "" || c.Day < earliest {
			earliest = c.Day
		}
		if c.Day > latest {
			latest = c.Day
		}
	}
	for i := range cands {
		c := &cands[i]
		f := c.Features
		if r, ok := rank[c.Day]; ok {
			f[fShownRank] = 1 / float64(1+r)
			if r == 0 {
				f[fShownFirst] = 1
			}
		}
		if r, ok := rankAfter[c.Day]; ok {
			f[fShownRankAfterHeadline] = 1 / float64(1+r)
		}
		if f[fShownTimes] > 0 {
			f[fShownInLink] /= f[fShownTimes]
			f[fShownInList] /= f[fShownTimes]
		}
		f[fShownTimes] = math.Log1p(f[fShownTimes])
		if len(cands) > 1 && c.Day == latest {
			f[fLatest] = 1
		}
		if len(cands) > 1 && c.Day == earliest {
			f[fEarliest] = 1
		}
		if len(cands) == 1 {
			f[fOnly] = 1
		}
		if c.Day == inURL {
			f[fInURL] = 1
		}
		n := 0.0
		for _, k := range []int{fLDPub, fLDMod, fMetaPub, fMetaMod, fTimePub, fTimeMod, fShownDate, fShownUpdate, fShown} {
			n += f[k]
		}
		f[fSources] = math.Log1p(n)
		if f[fShown] > 0 && f[fLDPub]+f[fMetaPub]+f[fTimePub] > 0 {
			f[fPublishedShown] = 1
		}
		if f[fShown] > 0 && f[fLDMod]+f[fMetaMod]+f[fTimeMod] > 0 {
			f[fModifiedShown] = 1
		}
		if f[fShown] == 0 && anyShown {
			f[fNotShown] = 1
		}
	}
	return cands
}

// urlDate is a day written in a URL's path: /2025/12/15/, /2025/6/9/, /2023/october/03/,
// /2025-12-17-title.
var urlDate = regexp.MustCompile(`(?i)/((?:19|20)\d\d)[/-](\d\d?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)[/-](\d\d?)(?:[/-]|\.html?|$)`)

// urlDay returns the day a URL's path names, as YYYY-MM-DD, or "".
func urlDay(rawURL string) string {
	if k := strings.IndexAny(rawURL, "?#"); k >= 0 {
		rawURL = rawURL[:k]
	}
	m := urlDate.FindStringSubmatch(rawURL)
	if m == nil {
		return ""
	}
	month, err := strconv.Atoi(m[2])
	if err != nil {
		month = pubdate.MonthNumber(m[2])
	}
	day, _ := strconv.Atoi(m[3])
	iso := fmt.Sprintf("%s-%02d-%02d", m[1], month, day)
	if _, ok := pubdate.Parse(iso); !ok {
		return ""
	}
	return iso
}

//go:embed date.json
var dateJSON []byte

// dateWeights are the embedded weights, checked against DateFeatureNames.
var dateWeights = func() []float64 {
	w, err := ParseDateModel(dateJSON)
	if err != nil {
		panic(err)
	}
	return w
}()

// DateModelJSON returns the embedded date weights, as EncodeDateModel writes them.
func DateModelJSON() []byte { return append([]byte(nil), dateJSON...) }

// ParseDateModel reads date weights written by EncodeDateModel.
func ParseDateModel(b []byte) ([]float64, error) {
	return parseChoiceModel("date", DateFeatureNames, b)
}

// EncodeDateModel writes date weights as JSON, with the names of their features.
func EncodeDateModel(w []float64) ([]byte, error) {
	return encodeChoiceModel("date", DateFeatureNames, w)
}

// BestDate is the index of the day the page's URL names, when it names one, else of the
// best-scored candidate, the first of equals (the most trusted source), or -1 when there
// is none. A day in the URL's path is written there by the site when it publishes the
// page (a permalink, /2025/12/15/title): it is the publication's day on every page of
// WCXB dev that has one, where the sources in the page are the update's, a comment's or
// other stories' as often as the article's.
func BestDate(cands []DateCandidate, w []float64) int {
	if i := URLDate(cands); i >= 0 {
		return i
	}
	best, bestScore := -1, 0.0
	for i, c := range cands {
		if s := Score(w, c.Features); best < 0 || s > bestScore+1e-12 {
			best, bestScore = i, s
		}
	}
	return best
}

// URLDate is the index of the candidate that the page's URL names, or -1 when the URL
// names no day: BestDate takes it whatever the weights, which are learned from the other
// pages.
func URLDate(cands []DateCandidate) int {
	for i, c := range cands {
		if len(c.Features) > fInURL && c.Features[fInURL] > 0 {
			return i
		}
	}
	return -1
}

// DateCandidates returns the date candidates of an HTML page, for training the weights.
func DateCandidates(page string) ([]DateCandidate, error) {
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return nil, fmt.Errorf("parse page: %w", err)
	}
	return readPageMeta(root).dateCandidates(), nil
}
