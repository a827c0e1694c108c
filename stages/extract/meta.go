package extract

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/internal/pubdate"
	"github.com/newspipe/newspipe/internal/shingle"
)

// pageMeta is everything the page says about itself, by source, before precedence.
type pageMeta struct {
	ld                            document.Metadata // JSON-LD article
	ldOrgAuthors                  bool              // the JSON-LD authors are organizations, not people
	ogTitle, ogSite, ogDesc, desc string
	twitterTitle                  string
	title                         string   // <title>
	headlines                     []string // the page's visible headlines: its <h1>, the article's first
	articleHeadlines              int      // how many of the headlines are the article's
	published                     string   // article:published_time and kin
	metaAuthors                   []string
	itemAuthors, relAuthors       []string    // itemprop=author, rel=author
	bylineAuthors                 []string    // the authors chosen among the markup's and the visible bylines' (none: nobody)
	timeAttr                      string      // the first <time datetime> that is no modification date
	timeModified                  string      // the first <time datetime> marked as a modification date
	shown                         []shownDate // the dates shown in the page's text, in page order
	zones                         []time.Time // the zoned times of the page's <time datetime>
	shownDate                     string      // the first publication date shown in the article's header
	modified                      string      // article:modified_time and kin
	shownUpdate                   string      // the first update date shown in the article's header
	canonical                     string      // <link rel=canonical> or og:url
	pageURL                       string      // the URL the page was fetched from, when the caller gave it
}

// publishedNames are meta names and properties that carry the publication date, in
// order of trust. Modification dates (article:modified_time, dateModified) are not
// publication dates and are never read.
var publishedNames = []string{
	"article:published_time", "og:article:published_time", "datepublished",
	"parsely-pub-date", "sailthru.date", "pubdate", "publishdate", "publish-date",
	"date", "dc.date", "dc.date.issued", "dcterms.issued", "dcterms.created", "dcterms.date",
	"citation_publication_date", "article.published", "published_time", "og:published_time",
	"cxenseparse:recs:publishtime", "article:published", "datecreated", "originalpublicationdate",
	"published",
}

// modifiedNames are meta names and properties that carry the modification date, in
// order of trust: the page's date only when it gives no publication date.
var modifiedNames = []string{"article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified", "updated"}

// isModifiedName holds modifiedNames, for the test of every meta tag.
var isModifiedName = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range modifiedNames {
		m[n] = true
	}
	return m
}()

// isPublishedName holds publishedNames, for the test of every meta tag.
var isPublishedName = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range publishedNames {
		m[n] = true
	}
	return m
}()

// authorNames are meta names and properties that carry an author's name.
var authorNames = map[string]bool{
	"author": true, "article:author": true, "og:article:author": true, "parsely-author": true,
	"sailthru.author": true, "dc.creator": true, "dcterms.creator": true, "byl": true,
	"citation_author": true, "citation_authors": true, "twitter:creator": false,
	"og:author": true, "cxenseparse:author": true, "article_author": true,
}

// The selectors of the page's metadata, compiled once.
var (
	selTitle           = cascadia.MustCompile("title")
	selMeta            = cascadia.MustCompile("meta")
	selJSONLD          = cascadia.MustCompile(`script[type*="ld+json"]`)
	selArticleHeadline = cascadia.MustCompile("article h1, main h1, [itemprop=headline]")
	selH1              = cascadia.MustCompile("h1")
	selItemAuthor      = cascadia.MustCompile("[itemprop~=author]")
	selItemName        = cascadia.MustCompile("[itemprop~=name]")
	selRelAuthor       = cascadia.MustCompile("a[rel~=author]")
	selTime            = cascadia.MustCompile("time[datetime]")
	selCanonical       = cascadia.MustCompile("link[rel~=canonical]")
)

// readMeta reads the article's metadata from the parsed page (see pageMeta.resolve for
// the precedence between sources).
func readMeta(root *html.Node) document.Metadata { return readMetaAt(root, "") }

// readMetaAt is readMeta of a page fetched from pageURL ("" when unknown), whose path may
// name the day the page was published (/2025/12/15/) where the page names no canonical
// URL that does.
func readMetaAt(root *html.Node, pageURL string) document.Metadata {
	pm := readPageMeta(root)
	pm.pageURL = pageURL
	return pm.resolve()
}

// readPageMeta reads what each source of the parsed page says.
func readPageMeta(root *html.Node) *pageMeta {
	pe := findElements(root)
	pm := &pageMeta{}
	pm.title = collapse(selection(pe.title).First().Text())
	dates := map[string][]string{}
	selection(pe.meta).Each(func(_ int, s *goquery.Selection) { pm.readMetaTag(s, dates) })
	pm.modified = firstMetaDate(dates, modifiedNames, otherModifiedName, "")
	pm.published = firstMetaDate(dates, publishedNames, otherPublishedName, pm.modified)
	selection(pe.jsonLD).Each(func(_ int, s *goquery.Selection) {
		readJSONLD(s.Text(), &pm.ld, &pm.ldOrgAuthors)
	})
	// Some pages put their JSON-LD in a meta tag (<meta name="script:ld+json" content="{...}">).
	selection(pe.meta).Each(func(_ int, s *goquery.Selection) {
		if strings.HasSuffix(strings.ToLower(s.AttrOr("name", "")), "ld+json") {
			readJSONLD(s.AttrOr("content", ""), &pm.ld, &pm.ldOrgAuthors)
		}
	})
	// The visible headline candidates: the <h1> of the article, then those of the page
	// (the first may be the site's logo).
	for k, nodes := range [][]*html.Node{pe.articleHeadlines, pe.h1s} {
		selection(nodes).EachWithBreak(func(_ int, s *goquery.Selection) bool {
			if h := collapse(s.Text()); h != "" {
				pm.headlines = append(pm.headlines, h)
			}
			return len(pm.headlines) < 6
		})
		if k == 0 {
			pm.articleHeadlines = len(pm.headlines)
		}
	}
	selection(pe.itemAuthors).Each(func(_ int, s *goquery.Selection) {
		name := s.AttrOr("content", "")
		if n := s.FindMatcher(selItemName).First(); name == "" && n.Length() > 0 {
			name = n.AttrOr("content", n.Text())
		}
		if name == "" && s.Children().Length() <= 2 {
			name = s.Text()
		}
		for _, a := range splitAuthors(name) {
			pm.itemAuthors = appendName(pm.itemAuthors, a)
		}
	})
	selection(pe.relAuthors).Each(func(_ int, s *goquery.Selection) {
		for _, a := range splitAuthors(s.Text()) {
			pm.relAuthors = appendName(pm.relAuthors, a)
		}
	})
	// The first <time> of the article's container is its own; one before it, in a list
	// of other stories above the article, is not.
	timeAttr := ""
	for _, sn := range pe.times {
		d, ok := pubdate.Parse(attr(sn.n, "datetime"))
		if !ok {
			continue
		}
		if d.Zoned && d.Precision > pubdate.Day {
			pm.zones = append(pm.zones, d.Time)
		}
		switch modified := isModified(sn.n); {
		case pm.timeAttr == "" && !modified && (sn.inArticle || pe.article == nil):
			pm.timeAttr = d.ISO()
		case timeAttr == "" && !modified:
			timeAttr = d.ISO()
		case pm.timeModified == "" && modified:
			pm.timeModified = d.ISO()
		}
	}
	if pm.timeAttr == "" {
		pm.timeAttr = timeAttr
	}
	if href := strings.TrimSpace(selection(pe.canonical).First().AttrOr("href", "")); isAbsURL(href) {
		pm.canonical = href
	}
	cands := pm.bylineCandidates(root, visibleAuthors(pe), pm.markupNames(), pictureAlts(pe))
	if b := BestByline(cands, bylineWeights); b > 0 {
		pm.bylineAuthors = cands[b].Names
	}
	pm.shownDate = visibleDate(pe)
	pm.shownUpdate = visibleUpdate(pe)
	pm.shown = shownDates(root)
	return pm
}

// pageElements are the elements of a page that its metadata are read from, found in one
// walk, each selector's in document order. The visible byline and date are looked for in
// the article's container first (the first article, main or role=main element), then in
// the whole page.
type pageElements struct {
	root, article *html.Node
	// The matches of selTitle, selMeta, selJSONLD, selArticleHeadline, selH1,
	// selItemAuthor, selRelAuthor, selTime, selCanonical.
	title, meta, jsonLD, articleHeadlines, h1s, itemAuthors, relAuthors, canonical []*html.Node
	bylines, dates, times                                                          []scopedNode // selByline, selDate, selTime
	pictures                                                                       []*html.Node // <img> with an alt text
}

// scopedNode is an element and whether it stands in the article's container.
type scopedNode struct {
	n         *html.Node
	inArticle bool
}

// findElements walks the page once for the elements its metadata are read from: those
// each selector matches, as goquery's FindMatcher finds them. A selector is tried only
// on the elements it may match, by their name or attributes.
func findElements(root *html.Node) *pageElements {
	pe := &pageElements{root: root}
	add := func(list *[]*html.Node, sel cascadia.Selector, n *html.Node) {
		if sel.Match(n) {
			*list = append(*list, n)
		}
	}
	var walk func(n *html.Node, inArticle bool)
	walk = func(n *html.Node, inArticle bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.Data {
			case "title":
				add(&pe.title, selTitle, c)
			case "meta":
				add(&pe.meta, selMeta, c)
			case "script":
				add(&pe.jsonLD, selJSONLD, c)
			case "a":
				add(&pe.relAuthors, selRelAuthor, c)
			case "time":
				if selTime.Match(c) {
					pe.times = append(pe.times, scopedNode{c, inArticle})
				}
			case "link":
				add(&pe.canonical, selCanonical, c)
			case "img":
				if hasAttrKey(c, "alt") {
					pe.pictures = append(pe.pictures, c)
				}
			}
			itemprop := hasAttrKey(c, "itemprop")
			if c.Data == "h1" || itemprop {
				add(&pe.articleHeadlines, selArticleHeadline, c)
			}
			if c.Data == "h1" {
				add(&pe.h1s, selH1, c)
			}
			if itemprop {
				add(&pe.itemAuthors, selItemAuthor, c)
			}
			if isBylineElement(c) {
				pe.bylines = append(pe.bylines, scopedNode{c, inArticle})
			}
			if isDateElement(c) {
				pe.dates = append(pe.dates, scopedNode{c, inArticle})
			}
			in := inArticle
			if pe.article == nil && (c.Data == "article" || c.Data == "main" || hasAttrKey(c, "role")) && selArticle.Match(c) {
				pe.article, in = c, true
			}
			walk(c, in)
		}
	}
	walk(root, false)
	return pe
}

// selection returns the nodes as a goquery selection.
func selection(nodes []*html.Node) *goquery.Selection { return &goquery.Selection{Nodes: nodes} }

// hasAttrKey reports whether n has the attribute.
func hasAttrKey(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// isModified reports a <time> element that gives a modification date: its itemprop or
// class, or its parent element's, says so.
func isModified(n *html.Node) bool {
	for _, e := range []*html.Node{n, n.Parent} {
		if e == nil || e.Type != html.ElementNode {
			continue
		}
		k := strings.ToLower(attr(e, "itemprop") + " " + attr(e, "class"))
		if strings.Contains(k, "modified") || strings.Contains(k, "updated") {
			return true
		}
	}
	return false
}

// isAbsURL reports an absolute http(s) URL.
func isAbsURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// readMetaTag records what one <meta> element says.
func (pm *pageMeta) readMetaTag(s *goquery.Selection, dates map[string][]string) {
	key := strings.ToLower(strings.TrimSpace(s.AttrOr("property", "")))
	if key == "" {
		key = strings.ToLower(strings.TrimSpace(s.AttrOr("name", "")))
	}
	if key == "" {
		// itemprop may list several properties: "datePublished dateCreated".
		if f := strings.Fields(strings.ToLower(s.AttrOr("itemprop", ""))); len(f) > 0 {
			key = f[0]
		}
	}
	val := collapse(s.AttrOr("content", ""))
	if key == "" || val == "" {
		return
	}
	switch key {
	case "og:title":
		setOnce(&pm.ogTitle, val)
	case "twitter:title":
		setOnce(&pm.twitterTitle, val)
	case "og:site_name":
		setOnce(&pm.ogSite, val)
	case "og:description":
		setOnce(&pm.ogDesc, val)
	case "description":
		setOnce(&pm.desc, val)
	case "og:url":
		if isAbsURL(val) && pm.canonical == "" {
			pm.canonical = val
		}
	}
	if authorNames[key] {
		for _, a := range splitAuthors(val) {
			pm.metaAuthors = appendName(pm.metaAuthors, a)
		}
	}
	if !isPublishedName[key] && !isModifiedName[key] {
		key = otherDateName(key)
	}
	if key != "" {
		if d := pubdate.ISO(val); d != "" {
			dates[key] = append(dates[key], d)
		}
	}
}

// resolve applies the precedence between sources. Title: the best of the texts the
// page gives as its title (its declared titles, their parts, its visible headlines) under
// the learned weights of title.json (see titleCandidates), the rule's title (ruleTitle)
// first among equals.
// Authors: the best of the names the markup gives (people named by JSON-LD, else by
// meta tags, itemprop or rel=author links; JSON-LD organisations when it names no
// person), the lists of people the page's short elements show, and nobody, under the
// learned weights of byline.json (see bylineCandidates; metadata.CleanAuthors drops the
// site itself unless its name is a person's).
// Published: the best of the days the page names (JSON-LD, meta tags, <time>, the
// dates shown in its text) under the learned weights of date.json (see
// dateCandidates), the most trusted source first among equals. Updated: JSON-LD
// dateModified, then article:modified_time and kin, then the first update date shown
// ("Updated March 13, 2024"); also the chosen day when only modification dates name it.
func (pm *pageMeta) resolve() document.Metadata {
	m := pm.ld
	m.URL = pm.canonical
	if m.Site == "" {
		m.Site = pm.ogSite
	}
	site, host := pm.siteAndHost()
	m.Title = ""
	if cands := pm.titleCandidates(site, host, pm.ruleTitle(site, host)); len(cands) > 0 {
		m.Title = cands[BestTitle(cands, titleWeights)].Text
	}
	m.Authors = nil
	for _, a := range pm.bylineAuthors {
		m.Authors = appendName(m.Authors, a)
	}
	m.Published = ""
	for _, d := range []string{m.Updated, pm.modified, pm.shownUpdate} {
		if d != "" {
			m.Updated = inLocalZone(d, pm.zones)
			break
		}
	}
	if cands := pm.dateCandidates(); len(cands) > 0 {
		// A day that only modification dates name is the page's update date, which
		// metadata.Merge takes for the publication date only when no other source
		// (the article's lines, the input) gives one.
		switch best := cands[BestDate(cands, dateWeights)]; {
		case best.Published:
			m.Published = best.Value
		default:
			m.Updated = best.Value
		}
	}
	desc := pm.ogDesc
	if desc == "" {
		desc = pm.desc
	}
	if isStandfirst(desc, m.Title) {
		m.Subtitle = desc
	}
	return m
}

// markupAuthors returns the people the page's markup names: JSON-LD, then meta tags,
// then itemprop, then rel=author links.
func (pm *pageMeta) markupAuthors() []string {
	if !pm.ldOrgAuthors && len(pm.ld.Authors) > 0 {
		return pm.ld.Authors
	}
	for _, list := range [][]string{pm.metaAuthors, pm.itemAuthors, pm.relAuthors} {
		if len(list) > 0 {
			return list
		}
	}
	return nil
}

// standIns reports authors that are logins standing in for a person's name: one word
// with a dot or an underscore in it ("andrew.keaveney", "page.head.extra.author") or a
// capital glued to its small letters ("KatieS", not "McDevitt"). A first name alone
// ("Kristin") or a login in small letters ("midwestlifeandstyle") is what the page
// shows as the byline. Logins are a feature of the markup's names in the authors' choice.
func standIns(authors []string) bool {
	for _, a := range authors {
		if !isLogin(strings.TrimSpace(a)) {
			return false
		}
	}
	return len(authors) > 0
}

// isLogin reports a one-word name written as a login, see standIns.
func isLogin(a string) bool {
	if a == "" || strings.ContainsAny(a, " \t") {
		return false
	}
	return strings.ContainsAny(a, "._") || glued(a)
}

// siteAndHost returns the site's name the page gives (JSON-LD publisher, og:site_name)
// and the name in its canonical URL's host.
func (pm *pageMeta) siteAndHost() (site, host string) {
	site = pm.ld.Site
	if site == "" {
		site = pm.ogSite
	}
	return site, hostName(pm.canonical)
}

// ruleTitle is the title by rule: the visible headline when it agrees with the title
// the page declares (JSON-LD headline, og:title, <title>), which are often written for
// search engines and social networks; else the declared one; without the site's name.
func (pm *pageMeta) ruleTitle(site, host string) string {
	declared := pm.ld.Title
	if declared == "" {
		declared = pm.ogTitle
	}
	if declared == "" {
		declared = pm.title
	}
	declared = stripSiteSuffix(declared, site, host)
	plain := stripSiteSuffix(pm.title, site, host)
	for _, h := range pm.headlines {
		// A blog's name in its <h1> agrees with a <title> that holds it
		// ("RogerBW's Blog: Advent of Code 2025 week 2"): it is no headline.
		if isSiteName(h, site, host) || pm.ogSite != "" && sameName(h, pm.ogSite) {
			continue
		}
		if agrees(h, declared) || agrees(h, plain) {
			return stripNamedSite(h, site, host)
		}
	}
	return declared
}

// agrees reports whether a visible headline is the page's declared title in other words:
// most of the words of the shorter are in the longer. A site logo or section name in the
// <h1> does not agree.
func agrees(headline, declared string) bool {
	return agreeTokens(shingle.Tokens(strings.ToLower(headline)), shingle.Tokens(strings.ToLower(declared)))
}

// agreeTokens is agrees of the lower-case word tokens of the headline and the declared
// title.
func agreeTokens(h, d []string) bool {
	if len(h) < 2 || len(h) > 40 || len(d) == 0 {
		return false
	}
	short, long := h, d
	if len(d) < len(h) {
		short, long = d, h
	}
	return shareIn(short, long) >= 0.6
}

// shareIn is the share of the words a that are among the words b (a few dozen words: a
// linear search allocates nothing).
func shareIn(a, b []string) float64 {
	if len(a) == 0 {
		return 0
	}
	n := 0
	for _, t := range a {
		if slices.Contains(b, t) {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// titleSeparators split a page title from the site name appended to it.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " • "}

// stripNamedSite removes the site's name after a headline's last separator: "Critics'
// Choice: Best UK Art Exhibitions 2025 – Artlyst" on artlyst.com.
func stripNamedSite(title, site, host string) string {
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(title, sep); i > 0 && isSiteName(strings.TrimSpace(title[i+len(sep):]), site, host) {
			return strings.TrimSpace(title[:i])
		}
	}
	return title
}

// domainName matches a part of a title that is a domain name: "Newegg.com".
var domainName = regexp.MustCompile(`^[\pL\pN-]+(?:\.[\pL\pN-]+)*\.[a-zA-Z]{2,6}$`)

// stripSiteSuffix removes the site's name from a title: " | Site" after it or "Site | "
// before it, where the site is the named one, or the page's host ("Artlyst" on
// artlyst.com); with no site name known, also a short last part after a separator.
func stripSiteSuffix(title, site, host string) string {
	title = strings.TrimSpace(title)
	for _, sep := range titleSeparators {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
		if isSiteName(tail, site, host) {
			return head
		}
		// A site name is short next to the headline it follows.
		if site == "" && len(strings.Fields(tail)) <= 4 && len(strings.Fields(head)) >= 4 {
			return head
		}
	}
	for _, sep := range titleSeparators {
		if i := strings.Index(title, sep); i > 0 && isSiteName(title[:i], site, host) {
			return strings.TrimSpace(title[i+len(sep):])
		}
	}
	return title
}

// isSiteName reports whether a part of a title names the site: it is the site's name,
// or its letters are the host's name ("Newegg.com", "TheFocus.AI Labs" on thefocus.ai).
func isSiteName(part, site, host string) bool {
	if site != "" && sameName(part, site) || domainName.MatchString(part) {
		return true
	}
	if host == "" || fieldCount(part, 7) > 6 {
		return false
	}
	var buf [64]byte
	letters := appendNameKey(buf[:0], part)
	// "Lessons Learned" on startuplessonslearned.com: the host holds the name.
	return len(host) >= 4 && holds(letters, host) || len(letters) >= 8 && strings.Contains(host, string(letters))
}

// holds reports strings.Contains(string(b), s) without the copy of b.
func holds(b []byte, s string) bool {
	for i := 0; i+len(s) <= len(b); i++ {
		if string(b[i:i+len(s)]) == s {
			return true
		}
	}
	return false
}

// hostName returns the name in a URL's host: "artlyst" for https://www.artlyst.com/x.
func hostName(pageURL string) string {
	u, err := url.Parse(pageURL)
	if err != nil {
		return ""
	}
	labels := strings.Split(strings.TrimPrefix(strings.ToLower(u.Hostname()), "www."), ".")
	if len(labels) < 2 {
		return ""
	}
	return strings.ReplaceAll(labels[len(labels)-2], "-", "")
}

// isStandfirst reports whether a page description reads like a standfirst: a full
// sentence or two, not a truncated teaser, a copy of the title or a site slogan.
func isStandfirst(desc, title string) bool {
	n := utf8.RuneCountInString(desc)
	if n < 40 || n > 400 {
		return false
	}
	if strings.EqualFold(strings.TrimSpace(desc), strings.TrimSpace(title)) {
		return false
	}
	// Descriptions cut by the CMS end in an ellipsis and repeat the first paragraph.
	if strings.HasSuffix(desc, "...") || strings.HasSuffix(desc, "…") || strings.HasSuffix(desc, "[…]") {
		return false
	}
	// A long description that stops mid-sentence was cut to length.
	if n > 200 && !strings.ContainsAny(lastRune(desc), ".!?\"”’)") {
		return false
	}
	return len(strings.Fields(desc)) >= 8
}

func lastRune(s string) string {
	r, _ := utf8.DecodeLastRuneInString(s)
	return string(r)
}

// setOnce sets *dst to v unless it is already set.
func setOnce(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// attr returns the value of the named attribute of n.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textOf returns the concatenated text under n.
func textOf(n *html.Node) string {
	var sb strings.Builder
	writeText(&sb, n)
	return sb.String()
}

// writeText writes the text under n to sb, in document order.
func writeText(sb *strings.Builder, n *html.Node) {
	if n.Type == html.TextNode {
		sb.WriteString(n.Data)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		writeText(sb, c)
	}
}

// collapse trims s and collapses its runs of whitespace to single spaces, as
// strings.Join(strings.Fields(s), " ") does. Most texts of a page are collapsed already
// and are returned as they are, without a copy.
func collapse(s string) string {
	space := true // a leading space is not collapsed
	for _, r := range s {
		isSpace := unicode.IsSpace(r)
		if isSpace && (r != ' ' || space) {
			return joinFields(s)
		}
		space = isSpace
	}
	if space && s != "" {
		return joinFields(s) // a trailing space
	}
	return s
}

// joinFields joins the fields of s with single spaces.
func joinFields(s string) string {
	var sb strings.Builder
	sb.Grow(len(s))
	for f := range strings.FieldsSeq(s) {
		if sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(f)
	}
	return sb.String()
}

// wordCount is the number of words of a collapsed text: len(strings.Fields(text)),
// without the slice.
func wordCount(collapsed string) int {
	if collapsed == "" {
		return 0
	}
	return strings.Count(collapsed, " ") + 1
}

// sameName reports whether two site names are the same but for case, spaces and
// punctuation ("TheHill" and "The Hill").
func sameName(a, b string) bool {
	for i, j, some := 0, 0, false; ; some = true {
		var ra, rb rune
		ra, i = nextKeyRune(a, i)
		rb, j = nextKeyRune(b, j)
		if ra != rb {
			return false
		}
		if ra < 0 {
			return some
		}
	}
}

// The key of a name is strings.ToLower(strings.Join(shingle.Tokens(name), "")): its
// letters, digits and underscores in small letters, which sameName compares.

// nextKeyRune returns the next rune of the key of s from offset i, and the offset after
// it; -1 at the end.
func nextKeyRune(s string, i int) (rune, int) {
	for i < len(s) {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' {
			return unicode.ToLower(r), i
		}
	}
	return -1, i
}

// appendNameKey appends the key of s to dst.
func appendNameKey(dst []byte, s string) []byte {
	for r, i := nextKeyRune(s, 0); r >= 0; r, i = nextKeyRune(s, i) {
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// inLocalZone returns published, a time in UTC, in the zone the page's other times are
// written in, when they all agree on one: "2025-12-19T03:05:00Z" on a page whose times
// are "-08:00" is 2025-12-18T19:05:00-08:00, published on the 18th where it was written.
// Other dates are returned as they are.
func inLocalZone(published string, zones []time.Time) string {
	d, ok := pubdate.Parse(published)
	return inLocalZoneOf(published, d, ok, zones)
}

// inLocalZoneOf is inLocalZone of published, parsed as d (ok).
func inLocalZoneOf(published string, d pubdate.Date, ok bool, zones []time.Time) string {
	if !ok || !d.Zoned || d.Precision == pubdate.Day || len(zones) == 0 {
		return published
	}
	if _, off := d.Time.Zone(); off != 0 {
		return published
	}
	_, local := zones[0].Zone()
	for _, z := range zones[1:] {
		if _, off := z.Zone(); off != local {
			return published
		}
	}
	if local == 0 {
		return published
	}
	d.Time = d.Time.In(time.FixedZone("", local))
	return d.ISO()
}
