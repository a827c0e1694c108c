package extract

import (
	"cmp"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/internal/shingle"
)

// shortBlock is the token count under which a block must match a whole block of
// the content: "Hong Kong" as a section label is not the start of "Hong Kong is burning".
const shortBlock = 6

// maxSkip is how many leading tokens of a long block may be missing from the content.
const maxSkip = 6

// maxCandidates bounds the places one block may match in the content; common short
// texts occur many times and need not be tried everywhere.
const maxCandidates = 32

// anchorTokens is how many of a block's first tokens are looked at to find its rarest,
// whose occurrences are the places tried; maxVisits bounds those places per block, so
// that a page of thousands of near-identical paragraphs stays linear.
const (
	anchorTokens = 8
	maxVisits    = 4096
)

// match is one place where a block's text occurs in the content tokens.
type match struct {
	block, q, n int
	score       int // best total matched tokens of a chain ending here
	prev        int // previous match of that chain, or -1
}

// mark turns the raw blocks into document blocks, keeping as body the blocks whose
// text occurs, in order, in the extracted content.
func mark(raw []rawBlock, content *html.Node) []document.Block {
	toks, n := blockTokens(raw)
	ct, unit := contentTokens(content, n)
	inside := align(toks, ct, unit, newPositions(ct, unit))
	dropWrapperReasons(raw, toks, inside)
	dropHiddenBody(raw, toks, inside)
	addSplitBody(raw, toks, inside)
	comments := dropComments(raw, toks, inside)
	comments = append(comments, dropSignedThread(raw, toks, inside)...)
	comments = append(comments, dropAfterCommentHeader(raw, toks, inside)...)
	if !slices.Contains(inside, true) {
		fallbackBody(raw, toks, inside)
		if !slices.Contains(inside, true) {
			// The comments were all the content and no prose stands outside them: the
			// page is a discussion (a forum thread, a comment permalink), whose posts are
			// its text, not reader comments under an article.
			for _, i := range comments {
				inside[i] = true
			}
		}
	}
	// Blocks without a word (separators, bullets) follow their neighbours.
	for i := range raw {
		if len(toks[i]) == 0 && i > 0 && i+1 < len(raw) && inside[i-1] && inside[i+1] {
			inside[i] = true
		}
	}
	out := make([]document.Block, 0, len(raw))
	for i, b := range raw {
		if b.hidden && !inside[i] {
			continue
		}
		d := document.Block{Text: b.text, Tag: b.tag, Heading: b.heading}
		if len(b.text) > 0 {
			d.LinkDensity = float64(b.linkLen) / float64(len(b.text))
		}
		if !inside[i] {
			d.Outside = cmp.Or(b.outside, unexplainedReason(b, toks[i]))
		}
		out = append(out, d)
	}
	return out
}

// layoutReasons are the reasons of elements named for where they stand on the page
// rather than for what they hold.
var layoutReasons = map[string]bool{"form": true, "page header": true, "page footer": true, "sidebar": true}

// dropWrapperReasons forgets the reason of a layout element (layoutReasons) that is the
// nearest telling element to more than half of the page's words and to some of the
// extracted content, and to no less of it than stands outside every telling element:
// such an element wraps the page rather than a part of it (ASP.NET pages put the whole
// page in one form, some themes the article in an element named "header" or "widget"),
// and the article inside it is not chrome. A sidebar that holds many words (a long
// profile) and a line of the content (a list of recent posts that repeats the post's
// title), while the rest of the content stands outside it, is beside the article, not
// around it. Elements named for what they hold (comments, related stories) keep their
// reason however much they hold.
func dropWrapperReasons(raw []rawBlock, toks [][]string, inside []bool) {
	total, layout := 0, 0
	for i, b := range raw {
		total += len(toks[i])
		if b.teller != 0 && layoutReasons[b.outside] {
			layout += len(toks[i])
		}
	}
	if layout*2 <= total {
		return // no layout element can hold more than half of the words
	}
	words := map[int]int{} // words of the blocks each layout element is the nearest to
	for i, b := range raw {
		if b.teller != 0 && layoutReasons[b.outside] {
			words[b.teller] += len(toks[i])
		}
	}
	// free: the content's words outside every telling element, and so outside any
	// layout element.
	free := 0
	holds := map[int]int{} // content words of the blocks each telling element is the nearest to
	for i, b := range raw {
		if inside[i] {
			if b.teller != 0 {
				holds[b.teller] += len(toks[i])
			} else {
				free += len(toks[i])
			}
		}
	}
	for i, b := range raw {
		if t := b.teller; t != 0 && layoutReasons[b.outside] && words[t]*2 > total && holds[t] > 0 && holds[t] >= free {
			raw[i].outside, raw[i].teller = "", 0
		}
	}
}

// blockTokens returns the tokens of each block, which share one array, and their number.
func blockTokens(raw []rawBlock) ([][]string, int) {
	size := 0
	for _, b := range raw {
		size += len(b.text)
	}
	all := make([]string, 0, size/5+1) // about one token per five bytes of text
	ends := make([]int, len(raw))
	for i, b := range raw {
		all = appendBlockTokens(all, b)
		ends[i] = len(all)
	}
	toks := make([][]string, len(raw))
	start := 0
	for i, end := range ends {
		toks[i] = all[start:end:end]
		start = end
	}
	return toks, len(all)
}

// dropHiddenBody takes the hidden blocks out of the body unless they hold more of the
// page's text than both the visible body and the visible prose that fallbackBody would
// take. A page that keeps its article in a hidden element until a script reveals it has
// little visible prose; on other pages the hidden blocks the content extractor kept are
// boxes that open on demand (a paywall notice, "What are these links for?").
func dropHiddenBody(raw []rawBlock, toks [][]string, inside []bool) {
	visible, hidden, prose := 0, 0, 0
	for i, b := range raw {
		switch {
		case !inside[i]:
			if isProse(b, toks[i]) {
				prose += len(toks[i])
			}
		case b.hidden:
			hidden += len(toks[i])
		default:
			visible += len(toks[i])
		}
	}
	if hidden > visible && hidden > prose {
		return
	}
	for i, b := range raw {
		if b.hidden {
			inside[i] = false
		}
	}
}

// commentSection is the reason of the blocks under an element whose id, class or role
// names comments.
const commentSection = "comment section"

// dropComments takes out of the body the blocks of comment elements that the content
// extractor kept: reader comments under a post (a list of them, each in an element
// named "comment") often read to it as the article's continuation. An element named
// "comment" that holds half of the body's words or more is kept: that is the article
// inside a wrapper whose class only says the page has comments ("has-comments",
// "no-comments"). It returns the blocks it took out of the body.
func dropComments(raw []rawBlock, toks [][]string, inside []bool) []int {
	total := 0
	var words map[int]int // body words under each comment element, by its number
	for i, b := range raw {
		if !inside[i] {
			continue
		}
		total += len(toks[i])
		if b.outside == commentSection {
			if words == nil {
				words = map[int]int{}
			}
			words[b.teller] += len(toks[i])
		}
	}
	if words == nil {
		return nil
	}
	var out []int
	dropped := make([]bool, len(raw))
	for i, b := range raw {
		if inside[i] && b.outside == commentSection && words[b.teller]*2 < total {
			inside[i], dropped[i] = false, true
			out = append(out, i)
		}
	}
	// A short run of body blocks between two dropped comments, or after the last one
	// at the end of the body, is part of the list: the signature or date line that a
	// page puts outside each comment's element ("Posted By: jane | January 16 2008").
	last, run := -1, 0 // the last dropped comment, and the body words since it
	for i := 0; i <= len(raw); i++ {
		switch {
		case i == len(raw) || dropped[i]:
			if last >= 0 && run <= commentGap {
				for j := last + 1; j < i; j++ {
					if inside[j] {
						inside[j] = false
						raw[j].outside = commentSection
						out = append(out, j)
					}
				}
			}
			last, run = i, 0
		case inside[i]:
			run += len(toks[i])
		}
	}
	return out
}

// A comment thread that no element names is told by its signatures: blog engines close
// the post and then each comment with a line such as "Posted by: jane at January 16,
// 2008 11:40 AM".
const (
	// signedThread is how many signature lines make a comment thread.
	signedThread = 3
	// threadLead is how many body words come before the thread: a signature in the
	// article's first words opens the post rather than closing it.
	threadLead = 50
	// signatureWords is the most words of a signature line.
	signatureWords = 16
)

// dropSignedThread labels as a comment section the text from the first signature line
// after the article's first threadLead words to the page's end, when at least
// signedThread signature lines stand there: the post's own signature, then those of the
// comments below it. The text is the body and the blocks outside it that no element
// explains, where a thread the content extractor left out stands, so that the page's
// prose (clean's body choice) does not take it either. It returns the blocks it took out
// of the body.
func dropSignedThread(raw []rawBlock, toks [][]string, inside []bool) []int {
	start, sigs, words := -1, 0, 0
	for i, b := range raw {
		if !inside[i] && (b.outside != "" || b.hidden) {
			continue
		}
		if words >= threadLead && isSignature(b.text, toks[i]) {
			if start < 0 {
				start = i
			}
			sigs++
		}
		words += len(toks[i])
	}
	if sigs < signedThread {
		return nil
	}
	for i := start; i < len(raw); i++ {
		if !inside[i] && raw[i].outside == "" {
			raw[i].outside = commentSection
		}
	}
	return endBodyAt(raw, inside, start)
}

// dropAfterCommentHeader takes out of the body, as a comment section, the body from the
// first comment section header ("Leave a Reply", "12 Comments") after the article's first
// threadLead words to the body's end: what follows such a header is the comment form and
// the thread, not the article. It returns the blocks it took out.
func dropAfterCommentHeader(raw []rawBlock, toks [][]string, inside []bool) []int {
	start, words := -1, 0
	for i := range raw {
		if !inside[i] {
			continue
		}
		if words >= threadLead && len(toks[i]) <= headerWords && isCommentHeader(toks[i]) {
			start = i
			break
		}
		words += len(toks[i])
	}
	if start < 0 {
		return nil
	}
	return endBodyAt(raw, inside, start)
}

// endBodyAt ends the body at block start: the body blocks from there on leave it as a
// comment section. It returns them.
func endBodyAt(raw []rawBlock, inside []bool, start int) []int {
	var out []int
	for i := start; i < len(raw); i++ {
		if inside[i] {
			inside[i] = false
			raw[i].outside = commentSection
			out = append(out, i)
		}
	}
	return out
}

// headerWords is the most words of a comment section header.
const headerWords = 12

// isCommentHeader reports whether a block's tokens are a comment section's header: a
// count of comments ("12 Comments", "Comments (3)"), a call to comment ("Leave a Reply",
// "Post a Comment"), "Comments are closed", "Join the discussion" or "4 thoughts on ...".
// A count of replies ("76 Replies") is not one: forums number the posts of a thread so,
// and on a discussion page the posts are the text.
func isCommentHeader(toks []string) bool {
	t := toks
	if len(t) > 0 && isNumber(t[0]) {
		t = t[1:]
	}
	switch {
	case len(t) == 0:
		return false
	case len(t) <= 2 && isAny(t[0], "comment", "comments") && (len(t) == 1 || isNumber(t[1])):
		return true
	case len(t) < len(toks): // a count before words other than comments
		return len(t) >= 2 && isAny(t[0], "thought", "thoughts") && strings.EqualFold(t[1], "on")
	case len(t) >= 3 && isAny(t[0], "leave", "post", "add", "write") && isAny(t[1], "a", "your") && isAny(t[2], "reply", "comment"):
		return true
	case len(t) >= 3 && strings.EqualFold(t[0], "comments") && isAny(t[1], "are", "is") &&
		(strings.EqualFold(t[2], "closed") || len(t) >= 4 && strings.EqualFold(t[2], "now") && strings.EqualFold(t[3], "closed")):
		return true
	case len(t) >= 3 && isAny(t[0], "join", "start") && strings.EqualFold(t[1], "the") && strings.EqualFold(t[2], "discussion"):
		return true
	}
	return false
}

// isAny reports whether w is one of words, ignoring case.
func isAny(w string, words ...string) bool {
	for _, x := range words {
		if strings.EqualFold(w, x) {
			return true
		}
	}
	return false
}

// isNumber reports whether a token is all ASCII digits.
func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) {
			return false
		}
	}
	return w != ""
}

// isSignature reports whether a block is a post's or a comment's signature line: a short
// line that opens with "Posted" and gives a time of day.
func isSignature(text string, toks []string) bool {
	return len(toks) > 0 && len(toks) <= signatureWords && strings.EqualFold(toks[0], "posted") && hasTimeOfDay(text)
}

// hasTimeOfDay reports whether text holds a clock time such as "9:01" or "11:40".
func hasTimeOfDay(text string) bool {
	for i := 1; i+2 < len(text); i++ {
		if text[i] == ':' && isDigit(text[i-1]) && isDigit(text[i+1]) && isDigit(text[i+2]) &&
			(i+3 == len(text) || !isDigit(text[i+3])) {
			return true
		}
	}
	return false
}

// commentGap is the most words between two comments that are read as their signature
// or date line rather than as text of the article.
const commentGap = 30

// appendBlockTokens appends the tokens of a block as the content extractor's tree
// splits them: its text nodes are tokenised apart, so a word written over two elements
// ("<span>I</span>f") is two tokens on both sides of the alignment.
func appendBlockTokens(toks []string, b rawBlock) []string {
	from := 0
	for _, at := range b.joins {
		toks = shingle.AppendTokens(toks, b.text[from:at])
		from = at
	}
	return shingle.AppendTokens(toks, b.text[from:])
}

// positions lists where each content token occurs in the content, in order: first
// occurrence, then a chain of next ones (one map entry and one int32 per token rather
// than a slice per distinct token).
type positions struct {
	first map[string]occurrences
	next  []int32 // next occurrence of the same token, or -1
	// unitFirst and unitNext chain the same way the tokens that start a unit of the
	// content: the only places a short block may match, so a short text repeated all over
	// a page is looked up among the units that start with it, not among all its tokens.
	unitFirst map[string]occurrences
	unitNext  []int32
}

// occurrences are where a token first occurs in the content, and how often.
type occurrences struct {
	first, count int32
}

func newPositions(ct []string, unit []uint8) positions {
	p := positions{first: make(map[string]occurrences, len(ct)/2), next: make([]int32, len(ct)),
		unitFirst: map[string]occurrences{}, unitNext: make([]int32, len(ct))}
	for i := len(ct) - 1; i >= 0; i-- {
		p.next[i] = -1
		o, ok := p.first[ct[i]]
		if ok {
			p.next[i] = o.first
		}
		p.first[ct[i]] = occurrences{first: int32(i), count: o.count + 1}
		p.unitNext[i] = -1
		if unit[i]&unitStart != 0 {
			o, ok := p.unitFirst[ct[i]]
			if ok {
				p.unitNext[i] = o.first
			}
			p.unitFirst[ct[i]] = occurrences{first: int32(i), count: o.count + 1}
		}
	}
	return p
}

// fallbackBody marks as body the prose blocks outside any telling chrome element,
// for pages where the content extractor finds nothing: a rough body beats none.
func fallbackBody(raw []rawBlock, toks [][]string, inside []bool) {
	for i, b := range raw {
		if isProse(b, toks[i]) {
			inside[i] = true
		}
	}
}

// isProse reports whether a visible block reads as prose outside any telling chrome
// element: ten words or more, mostly not links.
func isProse(b rawBlock, toks []string) bool {
	return !b.hidden && len(toks) >= 10 && b.linkLen*2 < len(b.text) && b.outside == ""
}

// addSplitBody adds to the body the prose of containers that repeat the body's own
// container: pages often split a long article into several identical containers
// around an advertisement, and the content extractor keeps only the first.
func addSplitBody(raw []rawBlock, toks [][]string, inside []bool) {
	// The container that holds most of the body's words.
	weight := map[int]int{}
	for i, b := range raw {
		if inside[i] && b.box != 0 {
			weight[b.box] += len(toks[i])
		}
	}
	// Walk in page order, not map order, so that ties always break the same way.
	main := -1
	for i, b := range raw {
		if inside[i] && b.box != 0 {
			if main < 0 || weight[b.box] > weight[raw[main].box] {
				main = i
			}
		}
	}
	if main < 0 {
		return
	}
	mainBox, mainAtom, class := raw[main].box, raw[main].boxAtom, raw[main].boxClass
	if strings.TrimSpace(class) == "" {
		return
	}
	// Group the outside blocks by the twin container that holds them.
	type twin struct {
		blocks       []int
		words, prose int // all words, and words in blocks long enough to be prose
	}
	twins := map[int]*twin{}
	for i, b := range raw {
		if inside[i] || b.hidden || b.box == 0 || len(toks[i]) == 0 {
			continue
		}
		c := b.box
		if c == mainBox || b.boxAtom != mainAtom || b.boxClass != class {
			continue
		}
		tw := twins[c]
		if tw == nil {
			tw = &twin{}
			twins[c] = tw
		}
		tw.blocks = append(tw.blocks, i)
		tw.words += len(toks[i])
		if len(toks[i]) >= 10 && b.linkLen*2 < len(b.text) {
			tw.prose += len(toks[i])
		}
	}
	// A twin joins the body only when it reads as prose, not as a menu or a form
	// that happens to share a generic class.
	for _, tw := range twins {
		if tw.words < 30 || tw.prose*10 < tw.words*7 {
			continue
		}
		for _, i := range tw.blocks {
			if raw[i].linkLen*2 < len(raw[i].text) {
				inside[i] = true
			}
		}
	}
}

// align picks, among the places where each block occurs in the content, the ordered,
// non-overlapping set that covers the most content tokens, and reports which blocks
// it uses. Choosing the best chain rather than the first match keeps a pull quote or
// a teaser that repeats a later paragraph from pulling the match past real content.
func align(toks [][]string, ct []string, unit []uint8, pos positions) []bool {
	var ms []match
	var places [][2]int // reused: a page has as many blocks as cells in its tables
	best := newMaxTree(len(ct) + 1)
	for i, bt := range toks {
		if len(bt) == 0 {
			continue
		}
		first := len(ms)
		places = candidates(ct, unit, pos, bt, places[:0])
		// The content extractor sometimes drops a paragraph's leading link ("<a>Jane
		// Roe</a> writes: ..."): a long block that matches nowhere may match without its
		// first few tokens.
		for skip := 1; len(places) == 0 && len(bt) >= 2*shortBlock && skip <= min(maxSkip, len(bt)/4); skip++ {
			places = candidates(ct, unit, pos, bt[skip:], places[:0])
		}
		for _, c := range places {
			m := match{block: i, q: c[0], n: c[1], prev: -1}
			// Chains may only end at or before this match starts.
			if v, at := best.max(m.q); at >= 0 {
				m.score, m.prev = v, at
			}
			m.score += m.n
			ms = append(ms, m)
		}
		// Insert after the whole block is scored so a block never chains to itself. A
		// match that a chain ending no later already equals or beats can never be the
		// best end of a chain: it is dropped, so that a text repeated all over a page
		// (a table of identical cells) keeps a few matches rather than 32 per copy.
		kept := first
		for j := first; j < len(ms); j++ {
			m := ms[j]
			if v, at := best.max(m.q + m.n); at >= 0 && v >= m.score {
				continue
			}
			ms[kept] = m
			best.put(m.q+m.n, m.score, kept)
			kept++
		}
		ms = ms[:kept]
	}
	inside := make([]bool, len(toks))
	if _, at := best.max(len(ct)); at >= 0 {
		for j := at; j >= 0; j = ms[j].prev {
			inside[ms[j].block] = true
		}
	}
	return inside
}

// candidates appends to out the places [q, n] where the block's tokens bt occur in ct:
// whole occurrences, plus for a long block a long enough leading part, since trafilatura
// sometimes drops the tail of a paragraph after a link or a footnote mark.
func candidates(ct []string, unit []uint8, pos positions, bt []string, out [][2]int) [][2]int {
	need := len(bt)
	if len(bt) >= shortBlock {
		need = max(8, (len(bt)+1)/2)
		need = min(need, len(bt))
	}
	// A place matches the block's first need tokens, so any of them can find the places:
	// the rarest does with the fewest tries. The places come in the same order whichever
	// token finds them.
	anchor, o, next := 0, pos.first[bt[0]], pos.next
	for k := 1; k < min(need, anchorTokens) && o.count > 0; k++ {
		if ok := pos.first[bt[k]]; ok.count < o.count {
			anchor, o = k, ok
		}
	}
	if len(bt) < shortBlock {
		// A short block starts where a unit starts: those places are fewer.
		if uo := pos.unitFirst[bt[0]]; uo.count <= o.count {
			anchor, o, next = 0, uo, pos.unitNext
		}
	}
	if o.count == 0 {
		return out
	}
	visits := 0
	for at := int(o.first); at >= 0 && visits < maxVisits; at, visits = int(next[at]), visits+1 {
		q := at - anchor
		if q < 0 {
			continue
		}
		n := 0
		for n < len(bt) && q+n < len(ct) && ct[q+n] == bt[n] {
			n++
		}
		if n < need {
			continue
		}
		if len(bt) < shortBlock && (unit[q]&unitStart == 0 || unit[q+n-1]&unitEnd == 0) {
			continue
		}
		out = append(out, [2]int{q, n})
		if len(out) == maxCandidates {
			break
		}
	}
	return out
}

// maxTree is a Fenwick tree over content positions answering "the best chain score
// ending at or before position p".
type maxTree struct {
	val []int
	at  []int
}

func newMaxTree(n int) *maxTree {
	t := &maxTree{val: make([]int, n+1), at: make([]int, n+1)}
	for i := range t.at {
		t.at[i] = -1
	}
	return t
}

// put records a chain ending at position p with the given score and match index.
func (t *maxTree) put(p, score, idx int) {
	for i := p + 1; i < len(t.val); i += i & -i {
		if t.at[i] < 0 || score > t.val[i] {
			t.val[i], t.at[i] = score, idx
		}
	}
}

// max returns the best score of chains ending at or before position p and its match
// index, or -1 when there is none.
func (t *maxTree) max(p int) (int, int) {
	v, at := 0, -1
	for i := min(p+1, len(t.val)-1); i > 0; i -= i & -i {
		if t.at[i] >= 0 && (at < 0 || t.val[i] > v) {
			v, at = t.val[i], t.at[i]
		}
	}
	return v, at
}

// reasonWords map words found in an ancestor's id, class or role to a reason,
// checked in order so the most specific wins.
var reasonWords = []struct{ word, reason string }{
	{"cookie", "cookie notice"},
	{"consent", "cookie notice"},
	{"gdpr", "cookie notice"},
	{"breadcrumb", "breadcrumb trail"},
	{"comment", commentSection},
	{"disqus", commentSection},
	{"related", "related stories"},
	{"recommend", "related stories"},
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
	{"pullquote", "pull quote (repeats the article's text)"},
	{"credit", "photo caption"},
	{"tags", "tag list"},
}

// hintReason returns the reason named by a word of an id, class or role value; a word
// counts when it starts with a reason word, so "comments" and "navbar" count but
// "canvas" does not. A word after a state word in the same name does not count:
// "has-comments", "no-sidebar" and "summary-item-has-author" say what an element
// holds or lacks, not that it is that chrome.
func hintReason(v string) string {
	v = strings.ToLower(v)
	best := len(reasonWords) // the index of the most specific reason found
	state := false           // a state word came earlier in the current class name
	for i := 0; i < len(v); {
		c := v[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
			state = false
			i++
			continue
		}
		if !isClassWordByte(c) {
			i++
			continue
		}
		j := i
		for j < len(v) && isClassWordByte(v[j]) {
			j++
		}
		w := v[i:j]
		i = j
		if state {
			continue
		}
		if stateWords[w] {
			state = true
			continue
		}
		if strings.HasPrefix(w, "commentary") {
			continue
		}
		for k, rw := range reasonWords[:best] {
			if strings.HasPrefix(w, rw.word) {
				best = k
				break
			}
		}
	}
	if best == len(reasonWords) {
		return ""
	}
	return reasonWords[best].reason
}

// isClassWordByte reports whether c belongs to a word of a lower-cased class name: an ASCII letter or digit.
func isClassWordByte(c byte) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' }

// stateWords start the part of a class name that describes a state or a content of the
// element ("has-", "no-", "with-", "show-", "hide-") rather than what the element is.
var stateWords = map[string]bool{
	"has": true, "no": true, "not": true, "with": true, "without": true, "is": true,
	"show": true, "hide": true, "hidden": true, "enable": true, "enabled": true,
	"disable": true, "disabled": true,
}

// ownReason says why a block inside element n is outside the article body, or "" when
// n does not tell; the walker takes the reason of the nearest element that tells.
func ownReason(n *html.Node) string {
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
	for _, a := range n.Attr {
		switch a.Key {
		case "id", "class", "role":
			if r := hintReason(a.Val); r != "" {
				return r
			}
		}
	}
	return ""
}

// outsideBody is the reason for a block outside the body that no element explains.
const outsideBody = "outside the article body"

// teaserExcerpt is the reason for prose outside the body that ends in an ellipsis: the
// opening of another page's text cut to length, as lists of related or latest posts
// show it. On the extraction sets nine in ten words of such blocks are not article text.
const teaserExcerpt = "teaser excerpt (cut off with an ellipsis)"

// unexplainedReason is the reason for a block outside the body under no telling element.
func unexplainedReason(b rawBlock, toks []string) string {
	if len(toks) >= 10 && endsInEllipsis(b.text) {
		return teaserExcerpt
	}
	return outsideBody
}

// endsInEllipsis reports whether text ends in an ellipsis ("…", "...", "[…]", "[...]"),
// the mark of a text cut to length.
func endsInEllipsis(text string) bool {
	t := strings.TrimRight(text, " \u00a0]")
	return strings.HasSuffix(t, "…") || strings.HasSuffix(t, "...")
}

// Unit flags mark the content tokens that start or end a block of the content.
const (
	unitStart = 1 << iota
	unitEnd
)

// inlineContent elements do not break a block of trafilatura's content.
var inlineContent = map[string]bool{
	"a": true, "span": true, "b": true, "i": true, "em": true, "strong": true, "u": true,
	"sub": true, "sup": true, "small": true, "code": true, "abbr": true, "hi": true,
	"ref": true, "mark": true, "q": true, "cite": true, "time": true, "font": true,
	"s": true, "del": true, "ins": true, "big": true, "tt": true, "kbd": true, "var": true,
	"dfn": true, "label": true, "bdi": true, "bdo": true, "data": true, "strike": true,
}

// contentTokens returns the word tokens of trafilatura's content in order, with flags
// for the tokens that start and end one of its blocks. sizeHint is the expected number of
// tokens (the page's, which the content rarely exceeds).
func contentTokens(root *html.Node, sizeHint int) ([]string, []uint8) {
	toks := make([]string, 0, sizeHint)
	flags := make([]uint8, 0, sizeHint)
	brk := true
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			from := len(toks)
			toks = shingle.AppendTokens(toks, n.Data)
			for range toks[from:] {
				var f uint8
				if brk {
					f = unitStart
					if len(flags) > 0 {
						flags[len(flags)-1] |= unitEnd
					}
					brk = false
				}
				flags = append(flags, f)
			}
			return
		}
		block := n.Type == html.ElementNode && !inlineContent[n.Data]
		if block {
			brk = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			brk = true
		}
	}
	if root != nil {
		walk(root)
	}
	if len(flags) > 0 {
		flags[len(flags)-1] |= unitEnd
	}
	return toks, flags
}

// markHeadline moves the article's headline out of the body: body headings that
// repeat the title, and an h1 that opens the body, since the title is metadata and
// the body starts after it.
func markHeadline(blocks []document.Block, title string) {
	tt := strings.Join(shingle.Tokens(title), " ")
	opening := true // no body text seen yet
	for i := range blocks {
		b := &blocks[i]
		if b.Outside != "" {
			continue
		}
		if !b.Heading {
			opening = false
			continue
		}
		bt := strings.Join(shingle.Tokens(b.Text), " ")
		if bt == "" {
			continue
		}
		repeats := tt != "" && (bt == tt || b.Tag == "h1" && len(bt) >= len(tt)/2 && strings.Contains(tt, bt))
		if repeats || opening && b.Tag == "h1" {
			b.Outside = "article headline"
		}
	}
}

// markTeasers moves headings that are wholly links out of the body, with the
// unlinked headings that follow them: a linked heading introduces another story, often
// with a summary line styled as a heading. A linked heading between two blocks of the
// body, followed by running text rather than another heading, is the article's own
// section heading that links to its subject (a product, a place, a source): on the
// extraction sets 9 in 10 of its words are article text.
func markTeasers(blocks []document.Block) {
	teaser := false
	for i := range blocks {
		b := &blocks[i]
		if b.Outside != "" {
			continue
		}
		switch {
		case b.Heading && b.LinkDensity >= 0.9 && !linkedSectionHeading(blocks, i):
			b.Outside = "related stories"
			teaser = true
		case b.Heading && teaser:
			b.Outside = "related stories"
		default:
			teaser = false
		}
	}
}

// linkedSectionHeading reports whether the heading at i stands between two blocks of the
// body and is followed by running text, not by another heading.
func linkedSectionHeading(blocks []document.Block, i int) bool {
	return i > 0 && i+1 < len(blocks) && blocks[i-1].Outside == "" &&
		blocks[i+1].Outside == "" && !blocks[i+1].Heading
}

// linkLine is the reason markLinkLines gives. It is a reason of its own, not "related
// stories", because no element says it: the cleaner's per-block return judges such a line
// that stands between two blocks of the body (on recent pages it is often the article's
// own pointer to a source or a step of a list of projects).
const linkLine = "link on a line of its own"

// markLinkLines moves short lines that are wholly a link out of the body: a link on a
// line of its own points to another page ("Read more: ...", a promoted story).
func markLinkLines(blocks []document.Block) {
	for i := range blocks {
		b := &blocks[i]
		if b.Outside == "" && !b.Heading && b.LinkDensity >= 0.9 && len(strings.Fields(b.Text)) <= 20 {
			b.Outside = linkLine
		}
	}
}

// markBareURLs moves blocks that are nothing but a web address out of the body: a
// printed link to the page itself or a share target, not prose.
func markBareURLs(blocks []document.Block) {
	for i := range blocks {
		b := &blocks[i]
		t := strings.ToLower(b.Text)
		if b.Outside == "" && !strings.Contains(t, " ") && (strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "https://") || strings.HasPrefix(t, "www.")) {
			b.Outside = "bare web address"
		}
	}
}

// isExcerpt reports whether a description is the start of the article body cut to
// length rather than a standfirst written apart from it.
func isExcerpt(desc string, blocks []document.Block) bool {
	dt := shingle.Tokens(desc)
	if len(dt) == 0 {
		return false
	}
	var body strings.Builder
	for _, b := range blocks {
		if b.Outside == "" {
			body.WriteString(" " + strings.Join(shingle.Tokens(b.Text), " ") + " ")
		}
	}
	text := body.String()
	// The excerpt may start with a dateline or credit the body has elsewhere, so
	// try the first few 8-word windows.
	for i := 0; i < 4 && i+8 <= len(dt); i++ {
		if strings.Contains(text, " "+strings.Join(dt[i:i+8], " ")+" ") {
			return true
		}
	}
	return len(dt) < 8 && strings.Contains(text, " "+strings.Join(dt, " ")+" ")
}
