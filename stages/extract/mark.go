package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"newspipe/document"
	"newspipe/internal/shingle"
)

// nearSlack is how many content tokens a short block may skip when it is matched:
// short texts ("Share", "Photo") occur by chance further on, and matching them there
// would both keep chrome and skip real content.
const nearSlack = 3

// shortBlock is the token count under which a block must match near the cursor.
const shortBlock = 6

// mark turns the raw blocks into document blocks, keeping as body the blocks whose
// text occurs, in order, in the extracted content text.
func mark(raw []rawBlock, content string) []document.Block {
	ct := shingle.Tokens(content)
	pos := map[string][]int{}
	for i, t := range ct {
		pos[t] = append(pos[t], i)
	}
	inside := make([]bool, len(raw))
	toks := make([][]string, len(raw))
	cur := 0
	for i, b := range raw {
		bt := shingle.Tokens(b.text)
		toks[i] = bt
		if len(bt) == 0 {
			continue
		}
		limit := len(ct)
		if len(bt) < shortBlock {
			limit = cur + nearSlack + 1
		}
		if q := find(ct, pos, bt, cur, limit); q >= 0 {
			inside[i] = true
			cur = q + len(bt)
		}
	}
	// Blocks without a word (separators, bullets) follow their neighbours.
	for i := range raw {
		if len(toks[i]) == 0 && i > 0 && i+1 < len(raw) && inside[i-1] && inside[i+1] {
			inside[i] = true
		}
	}
	out := make([]document.Block, len(raw))
	for i, b := range raw {
		d := document.Block{Text: b.text, Tag: b.tag, Heading: b.heading}
		if len(b.text) > 0 {
			d.LinkDensity = float64(b.linkLen) / float64(len(b.text))
		}
		if !inside[i] {
			d.Outside = reason(b.ancestry)
		}
		out[i] = d
	}
	return out
}

// find returns the first index q in [from, limit) where want occurs in ct, or -1.
func find(ct []string, pos map[string][]int, want []string, from, limit int) int {
	for _, q := range pos[want[0]] {
		if q < from {
			continue
		}
		if q >= limit || q+len(want) > len(ct) {
			return -1
		}
		ok := true
		for j := 1; j < len(want); j++ {
			if ct[q+j] != want[j] {
				ok = false
				break
			}
		}
		if ok {
			return q
		}
	}
	return -1
}

// reasonWords map words found in an ancestor's id, class or role to a reason,
// checked in order so the most specific wins.
var reasonWords = []struct{ word, reason string }{
	{"cookie", "cookie notice"},
	{"consent", "cookie notice"},
	{"gdpr", "cookie notice"},
	{"breadcrumb", "breadcrumb trail"},
	{"comment", "comment section"},
	{"disqus", "comment section"},
	{"related", "related stories"},
	{"recommend", "related stories"},
	{"more-stories", "related stories"},
	{"read-more", "related stories"},
	{"newsletter", "newsletter box"},
	{"subscribe", "newsletter box"},
	{"signup", "newsletter box"},
	{"share", "share bar"},
	{"social", "share bar"},
	{"advert", "advertisement"},
	{"sponsor", "advertisement"},
	{"promo", "advertisement"},
	{"footer", "page footer"},
	{"masthead", "page header"},
	{"header", "page header"},
	{"navigation", "navigation menu"},
	{"navbar", "navigation menu"},
	{"menu", "navigation menu"},
	{"nav", "navigation menu"},
	{"sidebar", "sidebar"},
	{"widget", "sidebar"},
	{"rail", "sidebar"},
	{"byline", "byline"},
	{"author", "byline"},
	{"caption", "photo caption"},
	{"credit", "photo caption"},
	{"tags", "tag list"},
}

// reason says why a block with the given open elements is outside the article body,
// from the nearest element that tells.
func reason(ancestry []*html.Node) string {
	for i := len(ancestry) - 1; i >= 0; i-- {
		n := ancestry[i]
		switch n.DataAtom {
		case atom.Nav:
			return "navigation menu"
		case atom.Footer:
			return "page footer"
		case atom.Header:
			return "page header"
		case atom.Aside:
			return "sidebar"
		case atom.Form:
			return "form"
		case atom.Figcaption:
			return "photo caption"
		}
		var hint strings.Builder
		for _, a := range n.Attr {
			switch a.Key {
			case "id", "class", "role", "itemprop":
				hint.WriteString(strings.ToLower(a.Val))
				hint.WriteByte(' ')
			}
		}
		h := hint.String()
		if h == "" {
			continue
		}
		for _, rw := range reasonWords {
			if strings.Contains(h, rw.word) {
				return rw.reason
			}
		}
	}
	return "outside the article body"
}
