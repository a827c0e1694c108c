package extract

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/internal/pubdate"
)

// readJSONLD fills m from the first article object in a JSON-LD script, keeping
// fields already set; orgAuthors is set when the authors it gives are organizations.
func readJSONLD(src string, m *document.Metadata, orgAuthors *bool) {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(src)), &v); err != nil {
		return
	}
	var objs []map[string]any
	collectObjects(v, &objs, 0)
	byID := map[string]map[string]any{}
	for _, o := range objs {
		if id := str(o["@id"]); id != "" {
			if _, seen := byID[id]; !seen || str(o["name"]) != "" {
				byID[id] = o
			}
		}
	}
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
			for _, key := range []string{"author", "creator"} {
				for _, a := range names(o[key], byID) {
					m.Authors = appendName(m.Authors, a)
				}
				if len(m.Authors) > 0 {
					*orgAuthors = onlyOrganizations(resolveRef(o[key], byID))
					break
				}
			}
		}
		if m.Published == "" {
			m.Published = pubdate.ISO(str(o["datePublished"]))
		}
		if m.Published == "" {
			m.Published = pubdate.ISO(str(o["dateCreated"]))
		}
		if m.Updated == "" {
			m.Updated = pubdate.ISO(str(o["dateModified"]))
		}
		if m.Site == "" {
			if p := names(o["publisher"], byID); len(p) > 0 {
				m.Site = p[0]
			}
		}
	}
	if len(m.Authors) == 0 {
		// An author given on another object of the page (its WebPage) when the article names none.
		for _, o := range objs {
			if a := names(o["author"], byID); len(a) > 0 && !isType(o, "Person", "Organization") {
				m.Authors = a
				*orgAuthors = onlyOrganizations(resolveRef(o["author"], byID))
				break
			}
		}
	}
	if m.Published == "" {
		// A date given on another object of the page (its WebPage) when the article has none.
		for _, o := range objs {
			if d := pubdate.ISO(str(o["datePublished"])); d != "" && !isType(o, "Person", "Organization") {
				m.Published = d
				break
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
// A reference {"@id": "..."} without a name is looked up in byID, the graph's objects.
func names(v any, byID map[string]map[string]any) []string {
	switch t := v.(type) {
	case string:
		return splitAuthors(t)
	case map[string]any:
		if n := str(t["name"]); n != "" {
			return splitAuthors(n)
		}
		if ref := byID[str(t["@id"])]; ref != nil {
			if n := str(ref["name"]); n != "" {
				return splitAuthors(n)
			}
		}
	case []any:
		var out []string
		for _, e := range t {
			out = append(out, names(e, byID)...)
		}
		return out
	}
	return nil
}

// resolve returns the object a reference {"@id": "..."} points to in byID, or v itself.
func resolveRef(v any, byID map[string]map[string]any) any {
	switch t := v.(type) {
	case map[string]any:
		if ref := byID[str(t["@id"])]; ref != nil && len(t) == 1 {
			return ref
		}
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = resolveRef(e, byID)
		}
		return out
	}
	return v
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

// onlyOrganizations reports whether a JSON-LD author value names organizations only.
func onlyOrganizations(v any) bool {
	switch t := v.(type) {
	case map[string]any:
		return isType(t, "Organization", "NewsMediaOrganization", "Corporation") && !isType(t, "Person")
	case []any:
		for _, e := range t {
			if !onlyOrganizations(e) {
				return false
			}
		}
		return len(t) > 0
	}
	return false
}
