package repeats

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"newspipe/stages/normalize"
)

// breaks are the elements that end a line of visible text.
var breaks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Td: true, atom.Th: true,
	atom.Tr: true, atom.Blockquote: true, atom.Section: true, atom.Article: true, atom.Header: true,
	atom.Footer: true, atom.Nav: true, atom.Aside: true, atom.Figcaption: true, atom.Ul: true,
	atom.Ol: true, atom.Dd: true, atom.Dt: true, atom.Pre: true, atom.Form: true, atom.Main: true,
	atom.Figure: true, atom.Table: true, atom.Hr: true, atom.Title: true, atom.Option: true, atom.Button: true,
}

// skipped are the elements whose text is never visible.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Head: true, atom.Iframe: true, atom.Object: true,
}

// HTMLLines returns the visible lines of an HTML page, split at block-level elements and
// normalised. It is a fast approximation of the page's blocks, for counting repeats before
// the full extraction runs.
func HTMLLines(page string) []string {
	z := html.NewTokenizer(strings.NewReader(page))
	var lines []string
	var cur strings.Builder
	depthSkipped := 0
	flush := func() {
		if l := normalize.Line(cur.String()); l != "" {
			lines = append(lines, l)
		}
		cur.Reset()
	}
	for {
		switch z.Next() {
		case html.ErrorToken:
			flush()
			return lines
		case html.TextToken:
			if depthSkipped == 0 {
				cur.Write(z.Text())
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skipped[a] {
				depthSkipped++
			}
			if breaks[a] {
				flush()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skipped[a] && depthSkipped > 0 {
				depthSkipped--
			}
			if breaks[a] {
				flush()
			}
		case html.SelfClosingTagToken:
			name, _ := z.TagName()
			if breaks[atom.Lookup(name)] {
				flush()
			}
		}
	}
}
