package repeats

import (
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/newspipe/newspipe/stages/normalize"
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
	z := pageScanner{s: page}
	var b lineBuilder
	for {
		switch z.next() {
		case tokError:
			b.flush()
			return b.lines
		case tokText:
			if b.visible() {
				b.cur.WriteString(z.text())
			}
		case tokStartTag:
			b.startTag(z.tagName())
		case tokEndTag:
			b.endTag(z.tagName())
		case tokSelfClosingTag:
			b.selfClosingTag(z.tagName())
		}
	}
}

// lineBuilder gathers the lines of a page from its tokens.
type lineBuilder struct {
	lines        []string
	cur          strings.Builder
	depthSkipped int
}

func (b *lineBuilder) flush() {
	if l := normalize.Line(b.cur.String()); l != "" {
		b.lines = append(b.lines, l)
	}
	b.cur.Reset()
}

// visible reports whether text here is visible, outside the skipped elements.
func (b *lineBuilder) visible() bool { return b.depthSkipped == 0 }

func (b *lineBuilder) startTag(name string) {
	a := atom.Lookup([]byte(name))
	if skipped[a] {
		b.depthSkipped++
	}
	if breaks[a] {
		b.flush()
	}
}

func (b *lineBuilder) endTag(name string) {
	a := atom.Lookup([]byte(name))
	if skipped[a] && b.depthSkipped > 0 {
		b.depthSkipped--
	}
	if breaks[a] {
		b.flush()
	}
}

func (b *lineBuilder) selfClosingTag(name string) {
	if breaks[atom.Lookup([]byte(name))] {
		b.flush()
	}
}
