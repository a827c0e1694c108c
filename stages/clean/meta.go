package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/internal/credentials"
	"github.com/newspipe/newspipe/internal/pubdate"
	"github.com/newspipe/newspipe/internal/shingle"
)

const (
	reasonTitle    = "headline (moved to title)"
	reasonSubtitle = "standfirst (moved to subtitle)"
	reasonByline   = "byline (moved to authors and published)"
	reasonDate     = "date line (moved to published)"
	reasonAuthor   = "author name (moved to authors)"
)

// readMeta finds the headline, standfirst and byline around the start of the body, marks
// their lines as removed with a reason, and returns what they say.
func readMeta(blocks []document.Block, info []lineInfo, keep []bool, reasons []string) document.Metadata {
	return readMetaWith(blocks, info, keep, reasons, storedMetaModels(), nil)
}

// metaModels are the learned scorers readMetaWith uses on a raw text's lines.
type metaModels struct {
	headline []float64   // the headline among the candidate lines
	byline   scorerModel // the authors' line, when the rules find no byline
	dateline scorerModel // the publication date, when the rules find none
}

// storedMetaModels returns the models stored in the package.
func storedMetaModels() metaModels {
	return metaModels{headline: storedHeadline, byline: storedByline, dateline: storedDateline}
}

// metaTrace receives the candidates readMetaWith weighs: the training data of its models.
type metaTrace struct {
	headlines func([]lineInfo, []headlineCandidate)
	// bylines is given the candidate bylines weighed when the rules found no author.
	bylines func([]lineInfo, []bylineCandidate)
	// datelines is given the candidate dates of a raw text: those weighed when the rules
	// found no date, and those the scorer would have weighed when they found one.
	datelines func([]lineInfo, []datelineCandidate)
}

// readMetaWith is readMeta choosing the headline, and, when the rules find none, the
// author's line and the publication date, with the models m; when trace is not nil it
// is given the candidates weighed.
func readMetaWith(blocks []document.Block, info []lineInfo, keep []bool, reasons []string, m metaModels, trace *metaTrace) document.Metadata {
	meta := document.Metadata{Site: findSite(info)}
	first := -1
	for i, k := range keep {
		if k && reasons[i] == "" {
			first = i
			break
		}
	}
	if first < 0 {
		return meta
	}
	// The header sits just above the body; the body's first lines may include the
	// standfirst and the byline, which the classifier cannot tell from prose.
	lo, hi := max(0, first-20), min(len(info), first+4)
	byline := -1
	order, ordered := pubdate.OrderUnknown, false
	pageOrder := func() pubdate.Order {
		if !ordered {
			order, ordered = numericOrder(info), true
		}
		return order
	}
	for i := lo; i < hi; i++ {
		if reasons[i] != "" || info[i].words > 30 || info[i].vocab != 0 && !info[i].byline {
			continue
		}
		if authors, date, ok := parseByline(info[i].text); ok {
			if byline < 0 {
				byline = i
			}
			meta.Authors = appendNew(meta.Authors, authors...)
			if meta.Published == "" {
				meta.Published = date
				// A date of numbers is read in the page's order of day and month.
				if pubdate.HasNumericDate(info[i].text) {
					if d := pubdate.FindOrdered(readableDate(info[i].text), pageOrder()); d.Value != "" {
						meta.Published = d.Value
					}
				}
			}
			keep[i], reasons[i] = false, reasonByline
			if len(authors) == 0 {
				reasons[i] = reasonDate
				// "David Ehrlich" above "Nov 13, 2019": a bare name over a date line is the author.
				above := i - 1
				if above > 0 && reasons[above] == "" && info[above].words <= 5 && isJobTitle(info[above].text) {
					// "Tomás Reyes" over "Staff Writer" over the date line.
					keep[above], reasons[above] = false, "author's job title"
					above--
				}
				if above >= 0 && reasons[above] == "" && info[above].vocab == 0 {
					if people := authorLine(info[above].text); people != nil {
						meta.Authors = appendNew(meta.Authors, people...)
						keep[above], reasons[above] = false, reasonAuthor
					}
				}
				// "Tom Greaves" over "Chief Football Writer" under the date line.
				if i+2 < len(info) && reasons[i+1] == "" && looksLikeName(info[i+1].text) &&
					info[i+2].words <= 5 && isJobTitle(info[i+2].text) {
					meta.Authors = appendNew(meta.Authors, strings.TrimSpace(info[i+1].text))
					keep[i+1], reasons[i+1] = false, reasonAuthor
					keep[i+2], reasons[i+2] = false, "author's job title"
				}
			}
		} else if byline >= 0 && i > byline+1 {
			break
		}
	}
	if byline < 0 {
		// No byline next to the body: the first "By ..." line above it, anywhere in the header.
		for i := 0; i < min(len(info), first+4); i++ {
			if reasons[i] != "" || info[i].words > 14 || !strings.HasPrefix(info[i].lower, "by ") {
				continue
			}
			if authors, date, ok := parseByline(info[i].text); ok && len(authors) > 0 {
				meta.Authors = appendNew(meta.Authors, authors...)
				if meta.Published == "" {
					meta.Published = date
				}
				if reasons[i] == "" {
					keep[i], reasons[i] = false, reasonByline
				}
				break
			}
		}
	}
	if meta.Published == "" {
		// No date next to the body: the first date line of the header ("Dec 12, 2025",
		// "Published on July 18, 2025"), never an update's date.
		for i := 0; i < min(len(info), first+4); i++ {
			li := &info[i]
			if reasons[i] != "" && !outsideOnly(blocks, reasons, i) || li.words > 12 || li.digits == 0 || !(li.dateOnly || startsWithDateWord(li.lower)) ||
				strings.Contains(li.lower, "updated") || strings.Contains(li.lower, "modified") {
				continue
			}
			if d := pubdate.FindOrdered(readableDate(li.text), pageOrder()); d.Value != "" {
				meta.Published = d.Value
				if isDateLine(li) && reasons[i] == "" {
					keep[i], reasons[i] = false, reasonDate
				}
				break
			}
		}
	}
	if meta.Published == "" {
		meta.Updated = updateDate(info)
	}
	if byline >= 0 {
		next := byline + 1
		for next < len(keep) && !(keep[next] && reasons[next] == "") {
			next++
		}
		if next < len(keep) {
			leadIn(info, keep, reasons, byline+1, next)
		}
	}
	anchor := first
	if byline >= 0 && byline < first+4 {
		anchor = min(byline, first+1)
		for anchor > 0 && (reasons[anchor-1] == reasonAuthor || reasons[anchor-1] == "author's job title") {
			anchor--
		}
	}
	// The headline is the line the learned scorer rates highest among the lines a little
	// above the anchor, those between the byline and the body, and the body's first line
	// (see headlineCandidates, headlineFeatures).
	cands := headlineCandidates(info, keep, reasons, anchor, first, byline, fromHTML(blocks))
	if trace != nil && trace.headlines != nil {
		trace.headlines(info, cands)
	}
	title, titleText := -1, ""
	if k := bestHeadline(cands, m.headline); k >= 0 {
		title, titleText = cands[k].line, cands[k].text
		if titleText == "" {
			title = headlineOf(info, title)
			titleText = info[title].text
		} else if j := lineOf(info, titleText); j >= 0 {
			// The page title cut before its site's name, standing alone as well: that
			// line is the headline.
			title = j
		}
	}
	if title < 0 {
		meta.Authors = shownNames(info, withoutLabels(info, meta.Authors))
		learnedByline(blocks, info, keep, reasons, title, first, m.byline, trace, &meta)
		learnedDate(blocks, info, keep, reasons, title, first, m.dateline, trace, &meta)
		return meta
	}
	meta.Title = titleText
	keep[title], reasons[title] = false, reasonTitle
	// The standfirst is the line right under the headline when it is sentence-length and
	// either rejected by the classifier, followed by the byline, or lacks a full stop.
	s := title + 1
	if s < len(info) && reasons[s] == "" && info[s].words >= 5 && info[s].words <= 60 &&
		!info[s].byline && !info[s].dateOnly {
		if !keep[s] || (byline > title && byline <= s+2) || !info[s].final {
			meta.Subtitle = info[s].text
			keep[s], reasons[s] = false, reasonSubtitle
		}
	}
	if byline < 0 {
		underHeadline(blocks, info, keep, reasons, title, &meta)
	}
	meta.Authors = shownNames(info, withoutLabels(info, meta.Authors))
	learnedByline(blocks, info, keep, reasons, title, first, m.byline, trace, &meta)
	learnedDate(blocks, info, keep, reasons, title, first, m.dateline, trace, &meta)
	return meta
}

// learnedDate reads the publication date of a raw text, when the rules found none, as the
// date the learned date scorer rates highest among those written on the page's short
// lines (see datelineCandidates), if it rates it high enough. As with the byline scorer,
// an HTML page's dates are read from its markup (stages/extract).
func learnedDate(blocks []document.Block, info []lineInfo, keep []bool, reasons []string, title, first int, m scorerModel, trace *metaTrace, meta *document.Metadata) {
	if fromHTML(blocks) {
		return
	}
	traced := trace != nil && trace.datelines != nil
	if meta.Published != "" && !traced {
		return
	}
	cands := datelineCandidates(info, keep, reasons, title, first)
	if traced {
		trace.datelines(info, cands)
	}
	if meta.Published != "" {
		// Traced for the trainer's count of the pages whose gold day any reader of the
		// dates written on the page could give; the rules' date stands.
		return
	}
	best := bestDateline(cands, m)
	if best < 0 {
		return
	}
	c := cands[best]
	meta.Published = c.date
	if isDateLine(&info[c.line]) && reasons[c.line] == "" {
		keep[c.line], reasons[c.line] = false, reasonDate
	}
}

// lineOf returns the first line whose text is text, or -1.
func lineOf(info []lineInfo, text string) int {
	for j := range info {
		if info[j].text == text {
			return j
		}
	}
	return -1
}

// learnedByline names the authors of a raw text, when the rules named none, by the line the
// learned byline scorer rates highest among those that only name people (see
// bylineCandidates), if it rates it high enough. The scorer is trained on texts copied
// from pages; an HTML page's bylines are read from its markup (stages/extract), and on the
// extractor's blocks the scorer named authors where the page names none.
func learnedByline(blocks []document.Block, info []lineInfo, keep []bool, reasons []string, title, first int, m scorerModel, trace *metaTrace, meta *document.Metadata) {
	if len(meta.Authors) > 0 || fromHTML(blocks) {
		return
	}
	cands := bylineCandidates(info, keep, reasons, title, first)
	if trace != nil && trace.bylines != nil {
		trace.bylines(info, cands)
	}
	best := bestByline(cands, m)
	if best < 0 {
		return
	}
	c := cands[best]
	meta.Authors = appendNew(meta.Authors, c.names...)
	if reasons[c.line] == "" {
		keep[c.line], reasons[c.line] = false, reasonAuthor
	}
}

// withoutLabels returns the authors the rules read less those whose words the page's prose
// mostly writes in lower case ("Wedding Planning Tools - Caterer Comparison Spreadsheet"
// or "Corporate Relocation, Employee Relocation" read as "Name - Agency") and those made
// of common English words ("Released", "Latest" over a date): labels.
func withoutLabels(info []lineInfo, authors []string) []string {
	if len(authors) == 0 {
		return authors
	}
	lower := lowerCaseWords(info, authors)
	kept := authors[:0]
	for _, a := range authors {
		if lowerCaseShare([]string{a}, lower) < 0.5 && !commonWordsOnly(a) {
			kept = append(kept, a)
		}
	}
	return kept
}

// fromHTML reports blocks that the HTML extractor made, not the lines of a raw text.
func fromHTML(blocks []document.Block) bool {
	for _, b := range blocks {
		if b.Tag != "" || b.Outside != "" {
			return true
		}
	}
	return false
}

// underHeadline reads a byline or a date line among the few lines under the headline,
// when none stands next to the body: the header may be far from where the body starts.
func underHeadline(blocks []document.Block, info []lineInfo, keep []bool, reasons []string, title int, meta *document.Metadata) {
	for i := title + 1; i < min(len(info), title+5); i++ {
		li := &info[i]
		if reasons[i] != "" && !outsideOnly(blocks, reasons, i) || li.words > 14 || li.vocab != 0 && !li.byline {
			continue
		}
		authors, date, ok := parseByline(li.text)
		if !ok {
			// "Chirag Bhardwaj" over "VP - Technology" or a date line: a bare name whose
			// next line says it is the author.
			if looksLikeName(li.text) && li.vocab == 0 && i+1 < len(info) &&
				(reasons[i+1] == "" && info[i+1].words <= 5 && isJobTitle(info[i+1].text) ||
					info[i+1].dateOnly && (reasons[i+1] == "" || reasons[i+1] == reasonDate)) {
				meta.Authors = appendNew(meta.Authors, li.text)
				if reasons[i] == "" {
					keep[i], reasons[i] = false, reasonAuthor
				}
				return
			}
			continue
		}
		meta.Authors = appendNew(meta.Authors, authors...)
		if meta.Published == "" {
			meta.Published = date
		}
		if reasons[i] == "" { // a line outside the article keeps the extractor's reason
			keep[i], reasons[i] = false, reasonByline
		}
		if len(authors) > 0 {
			return
		}
	}
}

// leadIn keeps the prose lines between the byline and the first body line, when all of them
// are prose: the article's short first sentences, which the classifier alone doubts.
func leadIn(info []lineInfo, keep []bool, reasons []string, from, to int) {
	if to-from > 3 {
		return
	}
	for j := from; j < to; j++ {
		li := &info[j]
		if reasons[j] != "" || !li.final || li.words < 3 || li.vocab != 0 || li.byline || li.dateOnly {
			return
		}
	}
	for j := from; j < to; j++ {
		keep[j] = true
	}
}

func appendNew(list []string, items ...string) []string {
	for _, it := range items {
		found := false
		for _, l := range list {
			if strings.EqualFold(l, it) {
				found = true
			}
		}
		if !found {
			list = append(list, it)
		}
	}
	return list
}

// isHeadline reports a line shaped like a headline: a few words, no chrome vocabulary.
func isHeadline(li *lineInfo) bool {
	if li.words < 3 {
		return false
	}
	return headlineShape(li)
}

// twoWordHeadline reports a line of two words otherwise shaped like a headline
// ("Climate Change", "Vibe Coding").
func twoWordHeadline(li *lineInfo) bool { return li.words == 2 && headlineShape(li) }

// headlineCandidateShape is the shape of a line weighed as the headline: a headline's
// (isHeadline), two words, three words or more whose only chrome word is a menu's
// ("Understanding Your Home Electrical System") or whose digits are a year ("Best EVs
// of 2026"), or seven words or more with any chrome word ("The 16 Best Clothing
// Subscription Boxes in 2025", "How to write a (good) newsletter with AI"); the scorer
// weighs the chrome vocabulary and the digits.
func headlineCandidateShape(li *lineInfo) bool {
	if isHeadline(li) || twoWordHeadline(li) {
		return true
	}
	if li.words < 3 || li.words > 30 || li.byline || menuLike(li) || li.dateOnly || li.url || li.vocab&^vNav != 0 && li.words < 7 ||
		(li.digits-4)*3 > li.letters {
		return false
	}
	if strings.HasSuffix(li.text, ".") && !strings.HasSuffix(li.text, "...") || strings.HasSuffix(li.text, ",") {
		return false
	}
	return !(li.digits > 0 && (pubdate.Find(li.text).Value != "" || pubdate.HasNumericDate(li.text)) ||
		strings.Contains(li.lower, "min read") || strings.Contains(li.lower, "continue reading"))
}

// menuSeparators are what a menu or a list of names written on one line puts between its
// items.
var menuSeparators = [...]string{" | ", " • ", " · "}

// menuLike reports a line of four items or more between the same separator ("Tampa Bay
// Times | The New York Times | Slate | The Washington Post"): a menu, a list of sources or
// of tags, no headline. A title names the site after one separator, sometimes two
// ("Online Math Tutors | Online Math Help | The Princeton Review").
func menuLike(li *lineInfo) bool {
	for _, sep := range menuSeparators {
		if strings.Count(li.text, sep) >= 3 {
			return true
		}
	}
	return false
}

// headlineShape is isHeadline without its least number of words.
func headlineShape(li *lineInfo) bool {
	if li.words > 30 || li.byline || menuLike(li) || li.dateOnly || li.url || li.digits*3 > li.letters {
		return false
	}
	if strings.HasSuffix(li.text, ".") && !strings.HasSuffix(li.text, "...") || strings.HasSuffix(li.text, ",") {
		return false // captions and sentences end with a full stop; headlines do not
	}
	if li.digits > 0 && (pubdate.Find(li.text).Value != "" || pubdate.HasNumericDate(li.text)) || strings.Contains(li.lower, "min read") || strings.Contains(li.lower, "continue reading") {
		return false
	}
	// Longer headlines may use words like "share" or "deal"; short lines with them are chrome.
	bad := vNewsletter | vCookie | vLegal | vPlaceholder | vComment
	if li.words <= 6 {
		bad = ^vocabHits(0)
	}
	if li.vocab&bad != 0 {
		return false
	}
	return true
}

// languageNames are the names languages give themselves, as a page's language menu lists
// them: a line of one of them names no author.
var languageNames = map[string]bool{
	"English": true, "Español": true, "Deutsch": true, "Français": true, "Italiano": true, "Português": true,
	"Polski": true, "Nederlands": true, "Türkçe": true, "Magyar": true, "Svenska": true, "Dansk": true,
	"Norsk": true, "Suomi": true, "Čeština": true, "Română": true, "Русский": true, "Українська": true,
}

// authorLine returns the people of a line that only names authors: "David Ehrlich",
// "Kevin Johnson and Kevin McCoy USA TODAY", "The Associated Press"; nil for other lines.
func authorLine(s string) []string {
	s = strings.TrimSpace(s)
	if isJobTitle(s) {
		return nil
	}
	if looksLikeName(s) {
		return []string{s}
	}
	// A single capitalised word over a date line is an agency: "Reuters"; not the date's
	// label ("PUBLISHED", "Posted") nor a language menu's last item ("Deutsch").
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsUpper(r) && utf8.RuneCountInString(s) >= 3 &&
		strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) < 0 &&
		!datelineWords[lowerASCII(s)] && !bylineLabels[lowerASCII(s)] && !languageNames[s] {
		return []string{s}
	}
	if strings.HasPrefix(s, "The Associated Press") {
		return []string{"The Associated Press"}
	}
	parts := strings.Split(s, " and ")
	if len(parts) < 2 || len(strings.Fields(s)) > 14 || !nameList(s) {
		return nil
	}
	var people []string
	for _, p := range parts {
		w := strings.Fields(p)
		if len(w) < 2 {
			return nil
		}
		n := min(len(w), 3)
		if len(w) > 3 && len(w[1]) == 2 && w[1][1] == '.' { // "Trevor J. Mitchell"
			n = 3
		} else if len(w) > 2 {
			n = 2
		}
		if !looksLikeName(strings.Join(w[:n], " ")) {
			return nil
		}
		people = append(people, strings.Join(w[:n], " "))
	}
	return people
}

// looksLikeName reports a line of two to four capitalised words: a person's name.
func looksLikeName(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		// A label ends with a colon: "Written By: Tom May" is a byline, not a name.
		if !unicode.IsUpper(r) || strings.IndexFunc(w, unicode.IsDigit) >= 0 || strings.HasSuffix(w, ":") || gluedWords(w) {
			return false
		}
	}
	return !strings.EqualFold(words[0], "The")
}

// gluedWords reports a word that runs three capitalised words together, a list of
// links copied without spaces ("OrganizationOfficeOrganizingPapers"): a name's word has
// at most one capital after a small letter ("McDonald", "SubbaRao").
func gluedWords(w string) bool {
	humps := 0
	prevLower := false
	for _, r := range w {
		if prevLower && unicode.IsUpper(r) {
			humps++
		}
		prevLower = unicode.IsLower(r)
	}
	return humps >= 2
}

// parseByline reads the author names and publication date of a byline line:
// "By X", "By X and Y", "X | June 10, 2018, 12:39 PM", "X, The Week UK", "Published 3 hours ago",
// "Updated: ...", "X - Reuters", "Posted by X on November 19, 2019, 6:21 AM EST".
func parseByline(s string) (authors []string, published string, ok bool) {
	s = unglueBy(strings.TrimSpace(s))
	lower := lowerASCII(s)
	rest, prefixed := s, false
	for _, p := range []string{"posted by: ", "written by: ", "posted by ", "written by ", "words by ", "reporting by ", "story by ", "text by ", "recipe by ", "by ", "words: ",
		"author: ", "authors: ", "contributors: ", "contributor: ", "by: ", "authors:", "author:"} {
		if strings.HasPrefix(lower, p) {
			rest, prefixed = s[len(p):], true
			break
		}
	}
	if !prefixed {
		if a, date, ok := bylineWithin(s, lower); ok {
			return a, date, true
		}
	}
	rest = readableDate(rest)
	d := pubdate.Find(rest)
	names := rest
	if d.Value == "" && prefixed {
		// "By Jane Roe January 14, 202620 Mins Read": a date the reader cannot read
		// still ends the names.
		names = beforeMonthDay(names)
	}
	if d.Value != "" {
		published = d.Value
		if p := publishedAfterUpdate(rest, d); p != "" {
			published = p
		}
		names = rest[:d.Start]
		if tail := strings.TrimSpace(rest[d.End:]); !prefixed && !trailingZone(tail) && !startsWithDateWord(lower) {
			return nil, "", false
		}
	}
	relative := false
	for _, w := range []string{"originally published", "published", "last update", "updated", "posted", "last modified", "first published"} {
		if i := strings.Index(lowerASCII(names), w); i >= 0 {
			relative = i == 0 || relative
			names = names[:i]
		}
	}
	names = trimBylineTail(names)
	if !prefixed && d.Value == "" && !relative {
		// No "By" and no date: only "Name - Agency" or "Name, Publication" forms, led by a person.
		sep := strings.IndexAny(names, ",|")
		dashed := false
		for _, dash := range []string{" - ", " – ", " — "} {
			if i := strings.Index(names, dash); i >= 0 && (sep < 0 || i < sep) {
				sep, dashed = i, true
			}
		}
		// "Best Bread Machines – My Favorites!", "Process Knowledge Management, Part IV":
		// a headline of common words, not a name. Nor is a place ("Hunt Valley, MD
		// 21031") or a blog's categories ("Nonessential Thoughts, Technology"): the
		// person leading the line has a known given name.
		if sep <= 0 || !looksLikeName(names[:sep]) || !nameList(names) || len(strings.Fields(names)) > 8 ||
			commonWordsOnly(names[:sep]) || !givenNameFirst(names[:sep]) || stateAndZIP.MatchString(names) {
			return nil, "", false
		}
		if dashed {
			// "Jane Roe – Cyber Security": after the dash stand the agency, the site or
			// the topic, not a second author.
			return []string{strings.TrimSpace(names[:sep])}, "", true
		}
		return splitNames(names), "", true
	}
	if relative && names == "" {
		return nil, published, strings.IndexFunc(s, unicode.IsDigit) >= 0
	}
	if names == "" {
		return nil, published, d.Value != "" && len(strings.Fields(s)) <= 10
	}
	if prefixed {
		// "By Erin Spain 4 Comments", "By Kyle Howells 15 min read": a count after the names.
		names = trimBylineTail(countTail.ReplaceAllString(names, ""))
	}
	if prefixed && !nameList(names) {
		// "by Jason Rostar | SEO | 8 min Read", "By Jane Roe in Woodworking", "By Jane
		// Roe ⋅ Senior Editor": the names end at the first separator or at the category's "in".
		if i := strings.IndexAny(names, "|–—·•⋅"); i > 0 {
			names = strings.TrimSpace(names[:i])
		}
		if i := strings.Index(names, " in "); i > 0 {
			names = strings.TrimSpace(names[:i])
		}
	}
	// "By Gabby BoucherIn Budget Travel, Travel Tips": the category's "In" glued to the
	// name (two elements).
	if i := gluedIn(names); prefixed && i > 0 {
		names = names[:i]
	}
	if !nameList(names) {
		return nil, "", false
	}
	people := splitNames(names)
	if !prefixed {
		// Without "By", every name must look like one: "Reuters", "Jane Doe", not "Nov." or "World News".
		for _, p := range people {
			if !looksLikeName(p) && (strings.ContainsAny(p, ".") || utf8.RuneCountInString(p) < 4 || strings.Contains(p, " ")) {
				return nil, "", false
			}
		}
	}
	return people, published, true
}

// stateAndZIP matches a US state's abbreviation and a ZIP code after a place's name
// ("Hunt Valley, MD 21031"): an address, not a person and a credential.
var stateAndZIP = regexp.MustCompile(`, [A-Z]{2} [0-9]{5}(-[0-9]{4})?\b`)

// bylineWithin reads a byline that a line holds after other words: a date then "by"
// ("On January 12, 2025 By Gabby Boucher In Budget Travel"), or a standfirst's sentence
// then a dated byline ("... beyond the U.S. and Canada. By Lisa Jennings on Dec. 19,
// 2025"); lower is s in lower case.
func bylineWithin(s, lower string) (authors []string, published string, ok bool) {
	k := strings.LastIndex(lower, " by ")
	if k <= 0 {
		return nil, "", false
	}
	head := strings.TrimSpace(s[:k])
	a, date, ok := parseByline("By " + s[k+4:])
	if !ok || len(a) == 0 {
		return nil, "", false
	}
	if hd := pubdate.Find(readableDate(head)); hd.Value != "" && len(strings.Fields(head)) <= 8 {
		if date == "" {
			date = hd.Value
		}
		return a, date, true
	}
	if date != "" && strings.ContainsAny(head[len(head)-1:], ".!?") {
		return a, date, true
	}
	return nil, "", false
}

// gluedIn returns the offset of an "In " glued to the end of a name's word ("BoucherIn
// Budget"), or -1.
func gluedIn(s string) int {
	for i := 1; i+3 < len(s); i++ {
		if s[i] == 'I' && s[i+1] == 'n' && s[i+2] == ' ' && 'a' <= s[i-1] && s[i-1] <= 'z' && 'A' <= s[i+3] && s[i+3] <= 'Z' {
			return i
		}
	}
	return -1
}

// updateLabel is the label of an update date, the date right after it.
var updateLabel = regexp.MustCompile(`(?i)^(?:updated|modified)(?:\s+on)?\s*:?\s*$`)

// updateDate returns the date of the page's first update line ("Updated March 13, 2024",
// "Last updated: November 13, 2025"): the page's modification date, which stands for the
// publication date only when nothing gives one (see metadata.Merge).
func updateDate(info []lineInfo) string {
	for i := range info {
		li := &info[i]
		if li.words > 12 || li.digits == 0 {
			continue
		}
		k := strings.Index(li.lower, "updated")
		if k < 0 {
			k = strings.Index(li.lower, "modified")
		}
		if k < 0 {
			continue
		}
		// The date follows the label: "Updated on: Sep 17, 2025", not "updated to add ...".
		if d := pubdate.Find(li.text[k:]); d.Value != "" && updateLabel.MatchString(li.text[k:k+d.Start]) {
			return d.Value
		}
	}
	return ""
}

// publishedAfterUpdate returns the date a publication label gives later in a line whose
// first date d an update label leads ("Updated November 11, 2022 8:23 PM ET Originally
// published November 9, 2022 11:01 AM ET"): the article's date is the publication's, not
// its latest update's. It returns "" when the line names no such date.
func publishedAfterUpdate(line string, d pubdate.Match) string {
	before := lowerASCII(line[:d.Start])
	if !strings.Contains(before, "updated") && !strings.Contains(before, "modified") && !strings.Contains(before, "last update") {
		return ""
	}
	tail := line[d.End:]
	lower := lowerASCII(tail)
	k := strings.Index(lower, "published")
	if k < 0 {
		k = strings.Index(lower, "posted")
	}
	if k < 0 {
		return ""
	}
	if p := pubdate.Find(tail[k:]); p.Value != "" {
		return p.Value
	}
	return ""
}

// startsWithDateWord reports lines such as "Published 14:05 GMT, 2 March 2022 | Updated ...".
func startsWithDateWord(lower string) bool {
	for _, w := range []string{"published", "updated", "posted", "last updated", "last modified", "first published"} {
		if strings.HasPrefix(lower, w) {
			return true
		}
	}
	return false
}

// trimBylineTail drops what sits between the names and the date: separators, "on", "in"
// (a category follows), weekdays.
func trimBylineTail(s string) string {
	for {
		s = strings.TrimRight(s, "|-–—,:·•/ ")
		i := strings.LastIndexByte(s, ' ')
		last := lowerASCII(s[i+1:])
		if len(last) > 3 && strings.HasSuffix(last, ".") {
			// "By Jeff Cobb. Last Updated on ...": the sentence's full stop, not an
			// initial's or "Jr.".
			s = s[:len(s)-1]
			continue
		}
		switch last {
		case "on", "at", "in", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
			"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun":
			if i < 0 {
				return ""
			}
			s = s[:i]
		default:
			return s
		}
	}
}

// countTail is a count that may follow a byline's names: of comments or of reading
// time ("4 Comments", "No Comments", "15 min read", "2–3 minutes").
var countTail = regexp.MustCompile(`(?i)\s+(?:\d+(?:[–-]\d+)?|no)\s+(?:comments?|responses?|replies|mins?|minutes?)\b.*$`)

// trailingZone reports text after a date that still fits a byline: a time zone, "|", nothing.
func trailingZone(s string) bool {
	return len(strings.Fields(s)) <= 2 && utf8.RuneCountInString(s) <= 12
}

// nameList reports whether s is made of capitalised words, separators and "and".
func nameList(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 14 {
		return false
	}
	for _, w := range words {
		w = strings.Trim(w, ",|-–—&()")
		if w == "" || w == "and" || w == "de" || w == "van" || w == "von" || w == "da" || w == "der" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// splitNames splits "X and Y, The Week UK" into people, dropping publication names
// when people are named too.
func splitNames(s string) []string {
	var parts []string
	for _, sep := range []string{" and ", " & ", ",", "|", " - ", " – ", " — "} {
		s = strings.ReplaceAll(s, sep, "\x00")
	}
	for _, p := range strings.Split(s, "\x00") {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	var people []string
	for _, p := range parts {
		// "Jillian Kubala, MS, RD": credentials stay with the name before them.
		if credentials.Attach(people, p) {
			continue
		}
		if isJobTitle(p) {
			// "Jane Roe, Executive Editor, Harvard Health": what follows the role is
			// where the author works; "Associate Editor, PCWorld" names nobody.
			if len(people) == 0 && len(parts) > 1 {
				return nil
			}
			if len(people) > 0 {
				break
			}
		}
		if looksLikeName(p) || particleName(p) {
			people = append(people, onceIfRepeated(p))
		}
	}
	if len(people) > 0 {
		return people
	}
	return parts
}

// isJobTitle reports "Staff Writer", "Senior Editor" and the like, which follow names in bylines.
func isJobTitle(s string) bool {
	for _, w := range strings.Fields(lowerASCII(s)) {
		switch w {
		case "writer", "editor", "reporter", "correspondent", "contributor", "staff", "columnist", "producer", "editors",
			"journalist", "analyst", "critic":
			return true
		}
	}
	return false
}

// findSite returns the site's name when a sign-up line or a copyright line in the last
// third of the page (the footer) names it: "Subscribe to The Week", "© 2018 Mothership".
func findSite(info []lineInfo) string {
	votes := map[string]int{}
	best, bestN := "", 0
	for i := range info {
		li := &info[i]
		if li.words > 12 || li.vocab&(vNewsletter|vLegal) == 0 || li.vocab&vCredit != 0 {
			continue
		}
		name := siteIn(li.text)
		if name == "" {
			continue
		}
		// A copyright notice names the site in the footer; above it, "© REUTERS" is a
		// picture's credit.
		if !strings.Contains(li.lower, "subscribe") && 3*i < 2*len(info) {
			continue
		}
		votes[name]++
		if votes[name] > bestN {
			best, bestN = name, votes[name]
		}
	}
	return best
}

// siteIn extracts the capitalised name after "Subscribe to", "©" or "Copyright".
func siteIn(s string) string {
	lower := lowerASCII(s)
	var rest string
	for _, p := range []string{"subscribe to ", "©", "copyright ", "(c) "} {
		if i := strings.Index(lower, p); i >= 0 {
			rest = s[i+len(p):]
			break
		}
	}
	if rest == "" {
		return ""
	}
	var name []string
	for _, w := range strings.Fields(rest) {
		t := strings.TrimSuffix(strings.TrimSuffix(strings.Trim(w, ".,;:()"), "’s"), "'s")
		if len(name) == 0 && strings.EqualFold(t, "copyright") {
			continue
		}
		if t == "" {
			break
		}
		if strings.IndexFunc(t, func(r rune) bool { return !unicode.IsDigit(r) && r != '-' && r != '–' }) < 0 {
			if len(name) == 0 {
				continue // the year of "© 2018 Mothership"
			}
			break
		}
		r, _ := utf8.DecodeRuneInString(t)
		if !unicode.IsUpper(r) && !(len(name) > 0 && t == "of") {
			break
		}
		name = append(name, t)
		if t != w || len(name) == 5 {
			break
		}
	}
	if len(name) > 0 && name[len(name)-1] == "of" {
		name = name[:len(name)-1]
	}
	n := strings.Join(name, " ")
	if findVocab(lowerASCII(n)) != 0 {
		return "" // "Newsletters Manage Subscriptions"
	}
	switch lowerASCII(n) {
	case "", "all", "all rights", "our", "the", "copyright", "newsletter", "newsletters":
		return ""
	}
	return n
}

// bodyTokens returns the lower-case words of the body's first lines prose lines from first.
func bodyTokens(info []lineInfo, keep []bool, reasons []string, first, lines int) map[string]bool {
	set := map[string]bool{}
	n := 0
	for j := first; j < len(info) && n < lines; j++ {
		if keep[j] && reasons[j] == "" && info[j].final {
			for _, t := range shingle.Tokens(strings.ToLower(info[j].text)) {
				if len(t) > 3 {
					set[t] = true
				}
			}
			n++
		}
	}
	return set
}

// outsideOnly reports a line removed only because the HTML extractor put it outside the
// article: the header with the byline and the date often is.
func outsideOnly(blocks []document.Block, reasons []string, i int) bool {
	return blocks[i].Outside != "" && reasons[i] == blocks[i].Outside
}
