package extract

import (
	"encoding/json"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/internal/shingle"
)

// pageMeta is everything the page says about itself, by source, before precedence.
type pageMeta struct {
	ld                            document.Metadata // JSON-LD article
	ogTitle, ogSite, ogDesc, desc string
	published                     string // article:published_time and kin
	authors                       []string
	title                         string // <title>
	timeAttr                      string // first <time datetime>
}

// publishedNames are meta names and properties that carry the publication date, in
// order of trust.
var publishedNames = []string{
	"article:published_time", "og:article:published_time", "datepublished",
	"parsely-pub-date", "sailthru.date", "pubdate", "publishdate", "publish-date",
	"date", "dc.date", "dc.date.issued", "dcterms.created", "article.published",
	"published_time", "og:published_time", "cxenseparse:recs:publishtime",
	"article:published", "datecreated", "originalpublicationdate",
}

// authorNames are meta names and properties that carry an author's name.
var authorNames = map[string]bool{
	"author": true, "article:author": true, "og:article:author": true,
	"parsely-author": true, "sailthru.author": true, "dc.creator": true, "byl": true,
}

// readMeta reads the article's metadata from the parsed page with the precedence
// JSON-LD, then Open Graph and article meta, then the page title.
func readMeta(doc *html.Node) document.Metadata {
	var pm pageMeta
	dates := map[string]string{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if pm.title == "" {
					pm.title = collapse(textOf(n))
				}
			case atom.Meta:
				pm.readMetaTag(n, dates)
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
					readJSONLD(textOf(n), &pm.ld)
				}
				return
			case atom.Time:
				if pm.timeAttr == "" {
					pm.timeAttr = isoDate(attr(n, "datetime"))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, name := range publishedNames {
		if d := dates[name]; d != "" {
			pm.published = d
			break
		}
	}
	return pm.resolve()
}

// readMetaTag records what one <meta> element says.
func (pm *pageMeta) readMetaTag(n *html.Node, dates map[string]string) {
	key := strings.ToLower(strings.TrimSpace(attr(n, "property")))
	if key == "" {
		key = strings.ToLower(strings.TrimSpace(attr(n, "name")))
	}
	if key == "" {
		// itemprop may list several properties: "datePublished dateCreated".
		if f := strings.Fields(strings.ToLower(attr(n, "itemprop"))); len(f) > 0 {
			key = f[0]
		}
	}
	val := collapse(attr(n, "content"))
	if key == "" || val == "" {
		return
	}
	switch key {
	case "og:title":
		setOnce(&pm.ogTitle, val)
	case "og:site_name":
		setOnce(&pm.ogSite, val)
	case "og:description":
		setOnce(&pm.ogDesc, val)
	case "description":
		setOnce(&pm.desc, val)
	}
	if authorNames[key] {
		for _, a := range splitAuthors(val) {
			pm.authors = appendName(pm.authors, a)
		}
	}
	if d := isoDate(val); d != "" {
		if _, seen := dates[key]; !seen {
			dates[key] = d
		}
	}
}

// resolve applies the precedence between sources.
func (pm *pageMeta) resolve() document.Metadata {
	m := pm.ld
	if m.Title == "" {
		m.Title = pm.ogTitle
	}
	if m.Site == "" {
		m.Site = pm.ogSite
	}
	if m.Title == "" {
		m.Title = stripSiteSuffix(pm.title, m.Site)
	} else {
		m.Title = stripSiteSuffix(m.Title, m.Site)
	}
	if len(m.Authors) == 0 {
		m.Authors = pm.authors
	}
	if m.Published == "" {
		m.Published = pm.published
	}
	if m.Published == "" {
		m.Published = pm.timeAttr
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

// titleSeparators split a page title from the site name appended to it.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " » "}

// stripSiteSuffix removes a trailing " | Site" from a title: the named site when it is
// known, otherwise a short last part after a separator.
func stripSiteSuffix(title, site string) string {
	title = strings.TrimSpace(title)
	for _, sep := range titleSeparators {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
		if site != "" && sameName(tail, site) {
			return head
		}
		// A site name is short next to the headline it follows.
		if site == "" && len(strings.Fields(tail)) <= 4 && len(strings.Fields(head)) >= 4 {
			return head
		}
	}
	return title
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

// readJSONLD fills m from the first article object in a JSON-LD script, keeping
// fields already set.
func readJSONLD(src string, m *document.Metadata) {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(src)), &v); err != nil {
		return
	}
	var objs []map[string]any
	collectObjects(v, &objs, 0)
	var site string
	for _, o := range objs {
		if isType(o, "WebSite", "Organization", "NewsMediaOrganization") && site == "" {
			site = str(o["name"])
		}
	}
	article := false
	for _, o := range objs {
		article = article || isArticle(o)
	}
	for _, o := range objs {
		// A web page object speaks for the article only when there is no article object.
		if !isArticle(o) && (article || !isWebPage(o)) {
			continue
		}
		if m.Title == "" {
			m.Title = collapse(html.UnescapeString(str(o["headline"])))
			if m.Title == "" && !isWebPage(o) {
				m.Title = collapse(html.UnescapeString(str(o["name"])))
			}
		}
		if len(m.Authors) == 0 {
			for _, a := range names(o["author"]) {
				m.Authors = appendName(m.Authors, a)
			}
			if len(m.Authors) == 0 {
				for _, a := range names(o["creator"]) {
					m.Authors = appendName(m.Authors, a)
				}
			}
		}
		if m.Published == "" {
			m.Published = isoDate(str(o["datePublished"]))
		}
		if m.Published == "" {
			m.Published = isoDate(str(o["dateCreated"]))
		}
		if m.Site == "" {
			if p := names(o["publisher"]); len(p) > 0 {
				m.Site = p[0]
			}
		}
	}
	if m.Site == "" {
		m.Site = site
	}
}

// collectObjects flattens JSON-LD arrays and @graph lists into their objects.
func collectObjects(v any, out *[]map[string]any, depth int) {
	if depth > 8 {
		return
	}
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			collectObjects(e, out, depth+1)
		}
	case map[string]any:
		*out = append(*out, t)
		if g, ok := t["@graph"]; ok {
			collectObjects(g, out, depth+1)
		}
		if me, ok := t["mainEntity"]; ok {
			collectObjects(me, out, depth+1)
		}
	}
}

// isArticle reports whether a JSON-LD object is an article or post of any kind
// (NewsArticle, ReportageNewsArticle, BlogPosting, LiveBlogPosting...).
func isArticle(o map[string]any) bool {
	return hasTypeSuffix(o, "Article", "Posting", "Report")
}

// isWebPage reports whether a JSON-LD object is a page (WebPage, MedicalWebPage...).
func isWebPage(o map[string]any) bool { return hasTypeSuffix(o, "WebPage") }

// hasTypeSuffix reports whether one of the object's types ends in one of suffixes.
func hasTypeSuffix(o map[string]any, suffixes ...string) bool {
	for _, h := range types(o) {
		for _, s := range suffixes {
			if strings.HasSuffix(h, s) {
				return true
			}
		}
	}
	return false
}

// types returns the object's @type values without a schema.org prefix.
func types(o map[string]any) []string {
	var have []string
	switch t := o["@type"].(type) {
	case string:
		have = []string{t}
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok {
				have = append(have, s)
			}
		}
	}
	for i, h := range have {
		have[i] = strings.TrimPrefix(strings.TrimPrefix(h, "http://schema.org/"), "https://schema.org/")
	}
	return have
}

// isType reports whether the object's @type is, or includes, one of types.
func isType(o map[string]any, want ...string) bool {
	for _, h := range types(o) {
		for _, t := range want {
			if strings.EqualFold(h, t) {
				return true
			}
		}
	}
	return false
}

// names returns the names in a JSON-LD person or organization value: a string, an
// object with "name", or a list of them.
func names(v any) []string {
	switch t := v.(type) {
	case string:
		return splitAuthors(t)
	case map[string]any:
		if n := str(t["name"]); n != "" {
			return splitAuthors(n)
		}
	case []any:
		var out []string
		for _, e := range t {
			out = append(out, names(e)...)
		}
		return out
	}
	return nil
}

func str(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t)
	case []any:
		if len(t) > 0 {
			return str(t[0])
		}
	}
	return ""
}

var (
	byPrefix   = regexp.MustCompile(`(?i)^\s*(written\s+)?by[:\s]+`)
	authorSep  = regexp.MustCompile(`\s*(?:,|;|\band\b|&|\|)\s*`)
	roleWord   = regexp.MustCompile(`(?i)\b(writer|reporter|correspondent|editor|contributor|columnist)s?\b`)
	urlLike    = regexp.MustCompile(`(?i)^(https?://|www\.)|\.(com|org|net)(/|$)|@`)
	roleSuffix = regexp.MustCompile(`(?i)\s*[,\-–—]\s*(staff writer|reporter|correspondent|editor|contributor).*$`)
)

// splitAuthors turns an author field into cleaned names: no "By ", no URLs or
// handles, one name per entry.
func splitAuthors(s string) []string {
	s = collapse(html.UnescapeString(s))
	s = byPrefix.ReplaceAllString(s, "")
	s = roleSuffix.ReplaceAllString(s, "")
	var out []string
	parts := authorSep.Split(s, -1)
	for i, part := range parts {
		part = strings.Trim(part, " .:-–—")
		part = byPrefix.ReplaceAllString(part, "")
		if part == "" || urlLike.MatchString(part) || roleWord.MatchString(part) {
			continue
		}
		// A lowercase word is a login or a slug ("admin", "kevin-r"), not a name.
		if strings.ToLower(part) == part && !strings.Contains(part, " ") {
			continue
		}
		// "Jane Roe, MS, RD": a one-word part after a name is a credential.
		if i > 0 && len(out) > 0 && !strings.Contains(part, " ") {
			continue
		}
		// Long strings are sentences or blurbs, not names.
		if len(strings.Fields(part)) > 5 || utf8.RuneCountInString(part) > 60 {
			continue
		}
		out = append(out, part)
	}
	return out
}

// appendName adds name to list unless it is already there.
func appendName(list []string, name string) []string {
	for _, have := range list {
		if strings.EqualFold(have, name) {
			return list
		}
	}
	return append(list, name)
}

// Date output forms: as given with its offset, a local date-time, or a date.
const (
	withZone  = "2006-01-02T15:04:05Z07:00"
	localTime = "2006-01-02T15:04:05"
	dateOnly  = "2006-01-02"
)

// dateLayouts are the date forms pages use in metadata, most specific first, with how
// to print each: only as precise as the source. Layouts with a zone abbreviation
// print local time, since abbreviations like EST are ambiguous, except GMT and UTC.
var dateLayouts = []struct{ layout, out string }{
	{time.RFC3339Nano, withZone},
	{"2006-01-02T15:04:05.999999999Z0700", withZone},
	{"2006-01-02T15:04Z07:00", withZone},
	{"2006-01-02T15:04:05", localTime},
	{"2006-01-02T15:04:05.999999999", localTime},
	{"2006-01-02T15:04", localTime},
	{"2006-01-02 15:04:05Z07:00", withZone},
	{"2006-01-02 15:04:05 -0700", withZone},
	{"2006-01-02 15:04:05 -07:00", withZone},
	{"2006-01-02 15:04:05 MST", "abbr"},
	{"2006-01-02 15:04:05", localTime},
	{"2006-01-02 15:04", localTime},
	{"2006-01-02", dateOnly},
	{"2006/01/02", dateOnly},
	{"20060102", dateOnly},
	{time.RFC1123Z, withZone},
	{time.RFC1123, "abbr"},
	{"Mon, 2 Jan 2006 15:04:05 -0700", withZone},
	{"Mon Jan 02 2006 15:04:05 GMT-0700", withZone},
	{"2 Jan 2006 15:04 MST", "abbr"},
	{"2 Jan 2006 15:04:05 MST", "abbr"},
	{"January 2, 2006, 03:04 PM MST", "abbr"},
	{"January 2, 2006 03:04 PM MST", "abbr"},
	{"January 2, 2006 3:04 PM", localTime},
	{"January 2, 2006", dateOnly},
	{"Jan 2, 2006", dateOnly},
	{"2 January 2006", dateOnly},
	{"2 Jan 2006", dateOnly},
}

// isoDate returns s as an ISO 8601 date or date-time, as precise as s, or "" when s
// is not a date.
func isoDate(s string) string {
	s = collapse(s)
	if len(s) < 8 || len(s) > 48 {
		return ""
	}
	digit := isDigit(s[0])
	for _, l := range dateLayouts {
		// A layout that starts with a number (year, day) needs a digit, one that starts
		// with a name a letter: skip the others without a failed, allocating time.Parse.
		if isDigit(l.layout[0]) != digit {
			continue
		}
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if t.Year() < 1900 || t.Year() > 2200 {
			return ""
		}
		t = t.Truncate(time.Second)
		if l.out != "abbr" {
			return t.Format(l.out)
		}
		if name, _ := t.Zone(); name == "GMT" || name == "UTC" {
			return t.Format(localTime) + "Z"
		}
		return t.Format(localTime)
	}
	return ""
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
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return sb.String()
}

// collapse trims s and collapses its runs of whitespace to single spaces.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// sameName reports whether two site names are the same but for case, spaces and
// punctuation ("TheHill" and "The Hill").
func sameName(a, b string) bool {
	norm := func(s string) string {
		return strings.ToLower(strings.Join(shingle.Tokens(s), ""))
	}
	return norm(a) != "" && norm(a) == norm(b)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
