package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skipped elements never render text a reader sees.
var skipped = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Svg: true, atom.Math: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Select: true,
	atom.Textarea: true, atom.Input: true, atom.Audio: true, atom.Video: true,
	atom.Picture: true, atom.Img: true, atom.Map: true, atom.Title: true,
	atom.Datalist: true, atom.Dialog: true,
}

// blockLevel elements start and end a block of text.
var blockLevel = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Caption: true, atom.Center: true, atom.Dd: true,
	atom.Details: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Header: true, atom.Hgroup: true, atom.Hr: true,
	atom.Html: true, atom.Legend: true, atom.Li: true, atom.Main: true, atom.Menu: true,
	atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true,
	atom.Summary: true, atom.Table: true, atom.Tbody: true, atom.Td: true,
	atom.Tfoot: true, atom.Th: true, atom.Thead: true, atom.Tr: true, atom.Ul: true,
	atom.Option: true, atom.Frameset: true, atom.Noframes: true,
}

// rawBlock is a block of the page before the extractor decides whether it is article body.
// It holds what the marking needs of the block's elements, read before the content
// extractor takes the page apart.
type rawBlock struct {
	text    string
	tag     string
	heading bool
	linkLen int    // bytes of text inside links
	outside string // why the block is outside the body if it is: the nearest element that tells, or ""
	// teller numbers the element that gives outside (as box numbers elements), 0 when none does.
	teller int
	// box numbers the parent of the innermost element around the block, in the order the
	// walk meets elements from 1 (0 at the top), and gives its tag and class. It is a
	// number, not the element, so that the blocks do not keep the page alive.
	box      int
	boxAtom  atom.Atom
	boxClass string
	// joins are the offsets in text where a text node starts that continues the word
	// before it, with no white space between ("<span>I</span>f").
	joins []int
	// hidden blocks are inside an element hidden by its attributes. Script-driven pages
	// (streamed server rendering, "read more" boxes) often keep the article there until
	// a script reveals it, so a hidden block stays when the content extractor kept it and
	// is dropped otherwise.
	hidden bool
}

// walker collects the visible blocks of a page in document order.
type walker struct {
	blocks []rawBlock
	buf    strings.Builder
	link   int
	stack  []*html.Node // open elements, outermost first
	order  []int        // the number of each open element
	met    int          // elements met so far
	// reasons[i] is why a block inside stack[i] is outside the body; it is known for the
	// first known elements, and worked out when a block needs it, once per element.
	reasons []string
	tellers []int // the number of the element that gives reasons[i], or 0
	known   int
	inLink  int
	hidden  int // open elements hidden by their attributes
	joins   []int
	space   bool // whitespace seen since the last word
}

// pageBlocks returns every visible block of the document rooted at doc.
func pageBlocks(doc *html.Node) []rawBlock {
	// A block holds the text of one text node or more, so their number bounds the
	// blocks; growing the slice instead copies it over and over on pages of a million
	// table cells.
	w := &walker{blocks: make([]rawBlock, 0, textNodes(doc))}
	w.walk(doc)
	w.flush()
	return w.blocks
}

// textNodes counts the text nodes below n that hold more than white space.
func textNodes(n *html.Node) int {
	count := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimFunc(c.Data, isSpace) != "" {
			count++
		}
		count += textNodes(c)
	}
	return count
}

// walk visits n and its subtree, splitting text into blocks at block-level elements
// and line breaks.
func (w *walker) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		// Hidden inline elements (screen-reader labels) are skipped; hidden blocks are
		// kept, marked, for the content extractor to vouch for.
		if skipped[n.DataAtom] || !blockLevel[n.DataAtom] && isHidden(n) {
			return
		}
	case html.DocumentNode:
	default:
		return
	}
	block := n.Type == html.ElementNode && blockLevel[n.DataAtom]
	if n.DataAtom == atom.Br {
		w.flush()
		return
	}
	if block {
		w.flush()
	}
	if n.Type == html.ElementNode {
		w.stack = append(w.stack, n)
		w.met++
		w.order = append(w.order, w.met)
	}
	isLink := n.DataAtom == atom.A
	if isLink {
		w.inLink++
	}
	hidden := block && isHidden(n)
	if hidden {
		w.hidden++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && rawMarkup[n.DataAtom] {
			w.markup(c.Data)
			continue
		}
		w.walk(c)
	}
	if isLink {
		w.inLink--
	}
	if block {
		w.flush()
	}
	if hidden {
		w.hidden--
	}
	if n.Type == html.ElementNode {
		w.stack = w.stack[:len(w.stack)-1]
		w.order = w.order[:len(w.order)-1]
		w.known = min(w.known, len(w.stack))
	}
}

// rawMarkup are the elements whose content the parser keeps as one text node, although
// it is markup for the browsers that show it: the page's text for browsers without
// frames (a frameset page has no other) or without plugins.
var rawMarkup = map[atom.Atom]bool{atom.Noframes: true, atom.Noembed: true}

// markup adds the text of the markup s, split into blocks at block-level tags and line
// breaks as a page's would be, without the tags and with entities decoded.
func (w *walker) markup(s string) {
	z := html.NewTokenizer(strings.NewReader(s))
	var skip atom.Atom // an element whose content is not text (script, style), until its end
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return
		case html.TextToken:
			if skip == 0 {
				w.text(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case skip != 0:
				if a == skip && tt == html.EndTagToken {
					skip = 0
				}
			case a == atom.Script || a == atom.Style:
				skip = a
			case blockLevel[a] || a == atom.Br:
				w.flush()
			}
		}
	}
}

// text appends s to the current block with whitespace collapsed. Words split only
// where the source has whitespace, so "<b>word</b>s" stays one word.
func (w *walker) text(s string) {
	start := true
	for _, r := range s {
		if isSpace(r) {
			w.space = true
			continue
		}
		before := w.buf.Len()
		if w.space && before > 0 {
			w.buf.WriteByte(' ')
		} else if start && before > 0 {
			w.joins = append(w.joins, before)
		}
		start = false
		w.space = false
		w.buf.WriteRune(r)
		if w.inLink > 0 {
			w.link += w.buf.Len() - before
		}
	}
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' }

// flush ends the current block.
func (w *walker) flush() {
	w.space = false
	if w.buf.Len() == 0 {
		w.link = 0
		w.joins = w.joins[:0]
		return
	}
	t := w.buf.String()
	w.buf.Reset()
	owner := ""
	heading := false
	for i := len(w.stack) - 1; i >= 0; i-- {
		n := w.stack[i]
		if blockLevel[n.DataAtom] {
			owner = n.Data
			break
		}
	}
	for i := len(w.stack) - 1; i >= 0; i-- {
		switch w.stack[i].DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			heading = true
			owner = w.stack[i].Data
		}
		if heading {
			break
		}
	}
	reason, teller := w.reason()
	b := rawBlock{text: t, tag: owner, heading: heading, linkLen: min(w.link, len(t)), outside: reason, teller: teller, hidden: w.hidden > 0}
	if len(w.joins) > 0 {
		b.joins = append(b.joins, w.joins...)
		w.joins = w.joins[:0]
	}
	if len(w.stack) >= 2 {
		box := w.stack[len(w.stack)-2]
		b.box, b.boxAtom, b.boxClass = w.order[len(w.order)-2], box.DataAtom, attr(box, "class")
	}
	w.blocks = append(w.blocks, b)
	w.link = 0
}

// reason says why a block inside the open elements is outside the article body, from
// the nearest element that tells, and that element's number; "" and 0 when none does.
func (w *walker) reason() (string, int) {
	w.reasons = w.reasons[:w.known]
	w.tellers = w.tellers[:w.known]
	for i := w.known; i < len(w.stack); i++ {
		r, at := ownReason(w.stack[i]), w.order[i]
		if r == "" {
			at = 0
			if i > 0 {
				r, at = w.reasons[i-1], w.tellers[i-1]
			}
		}
		w.reasons = append(w.reasons, r)
		w.tellers = append(w.tellers, at)
	}
	w.known = len(w.stack)
	if w.known == 0 {
		return "", 0
	}
	return w.reasons[w.known-1], w.tellers[w.known-1]
}

// hiddenClasses are the common utility classes that hide an element from sight;
// responsive variants like "hidden-xs" hide it on some screens only and stay.
var hiddenClasses = map[string]bool{
	"hidden": true, "d-none": true, "sr-only": true, "visually-hidden": true,
	"visuallyhidden": true, "screen-reader-text": true, "screen-reader-only": true,
}

// isHidden reports whether the element is hidden from readers by its own attributes.
func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "style":
			s := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		case "class":
			for _, c := range strings.Fields(a.Val) {
				if hiddenClasses[strings.ToLower(c)] {
					return true
				}
			}
		case "type":
			if n.DataAtom == atom.Input && strings.EqualFold(a.Val, "hidden") {
				return true
			}
		}
	}
	return false
}
