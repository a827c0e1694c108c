// Package clean separates an article's body from the site chrome around it and reads the
// headline, standfirst and byline from the article's lines.
package clean

import (
	"context"
	"strings"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/record"
	"github.com/newspipe/newspipe/stages/normalize"
)

// Cleaner removes site chrome from an article's blocks; safe for concurrent use; build once per process.
type Cleaner struct {
	model  *Model
	choice *Choice // nil: the HTML extractor's body is taken as it is
	ret    *Return // nil: no block outside the extractor's body comes back into it
	trim   *Trim   // nil: no block of the body's tail leaves it
	// dispute settles the blocks the HTML body that the lines choice keeps and the line
	// model disagree on; nil: the HTML body's reading stands.
	dispute *Dispute
}

// New returns a Cleaner that uses the model stored in the package.
func New() *Cleaner {
	m, err := DefaultModel()
	if err != nil {
		// The stored weights are part of the source tree and are checked by the tests,
		// so this only happens in a broken build.
		panic(err)
	}
	ch, err := DefaultChoice()
	if err != nil {
		panic(err) // as above: the stored choice is checked by the tests
	}
	r, err := DefaultReturn()
	if err != nil {
		panic(err) // as above: the stored return is checked by the tests
	}
	t, err := DefaultTrim()
	if err != nil {
		panic(err) // as above: the stored trim is checked by the tests
	}
	d, err := DefaultDispute()
	if err != nil {
		panic(err) // as above: the stored dispute is checked by the tests
	}
	return &Cleaner{model: m, choice: ch, ret: r, trim: t, dispute: d}
}

// WithoutChoice returns a Cleaner with c's line model that takes the HTML extractor's body
// as it is, never the page's prose or its raw lines' body instead, and brings no block
// back into it (to train and measure the body and lines choices).
func (c *Cleaner) WithoutChoice() *Cleaner {
	return &Cleaner{model: c.model}
}

// WithReturn returns a Cleaner with c's line model and body choice that brings blocks
// back into the body with r, or none when r is nil, trims no tail and has no lines choice
// (to train and measure the per-block return).
func (c *Cleaner) WithReturn(r *Return) *Cleaner {
	return &Cleaner{model: c.model, choice: c.choice.withoutLines(), ret: r}
}

// WithTrim returns a Cleaner with c's line model, body choice and return that trims the
// body's tail with t, or not at all when t is nil, and has no lines choice (to train and
// measure the tail trim).
func (c *Cleaner) WithTrim(t *Trim) *Cleaner {
	return &Cleaner{model: c.model, choice: c.choice.withoutLines(), ret: c.ret, trim: t}
}

// WithDispute returns a Cleaner with c's line model, body choice, return, trim and lines
// choice that settles the blocks the HTML body and the line model disagree on with d, or
// leaves them as the HTML body has them when d is nil (to train and measure the
// per-block dispute).
func (c *Cleaner) WithDispute(d *Dispute) *Cleaner {
	return &Cleaner{model: c.model, choice: c.choice, ret: c.ret, trim: c.trim, dispute: d}
}

// WithoutLines returns a Cleaner with c's line model, body choice, return and trim, and
// no lines choice nor dispute: it keeps the HTML body the lines choice weighs (to train
// and measure the lines choice).
func (c *Cleaner) WithoutLines() *Cleaner {
	return &Cleaner{model: c.model, choice: c.choice.withoutLines(), ret: c.ret, trim: c.trim}
}

// NewWithModel returns a Cleaner that scores lines with m, e.g. one just trained; a nil or
// malformed m falls back to the stored model.
func NewWithModel(m *Model) *Cleaner {
	if m == nil || len(m.Span) != numFeatures+1 || len(m.Line) != numFeatures+1 || len(m.Context) != numContext+1 || len(m.Run) != numRunFeatures+1 {
		return New()
	}
	// The stored line model may not fit this version's features while m is being
	// trained on them: only the stored choice is read.
	ch, err := DefaultChoice()
	if err != nil {
		panic(err) // the stored choice is part of the source tree and checked by the tests
	}
	r, err := DefaultReturn()
	if err != nil {
		panic(err) // as above
	}
	t, err := DefaultTrim()
	if err != nil {
		panic(err) // as above
	}
	d, err := DefaultDispute()
	if err != nil {
		panic(err) // as above
	}
	return &Cleaner{model: m, choice: ch, ret: r, trim: t, dispute: d}
}

// Result is the cleaned article.
type Result struct {
	Paragraphs []string          // the article body, in order: each kept block (headings too) is one paragraph
	Removed    []record.Removed  // every block that is not body, in order, with a reason a person understands
	Meta       document.Metadata // title, subtitle, authors, site, published read from the lines
}

// SplitLines turns raw text into the blocks the pipeline gives the cleaner: one block per
// non-empty line, normalised by normalize.Lines. The line model is trained on exactly these.
func SplitLines(text string) []document.Block {
	var blocks []document.Block
	for _, line := range normalize.Lines(text) {
		if line != "" {
			blocks = append(blocks, document.Block{Text: line})
		}
	}
	return blocks
}

// Clean decides for each block whether it is article body. For raw text blocks Tag=="" and Outside=="".
// For HTML blocks, Outside!="" means the HTML extractor already put it outside the body and it is
// removed with that reason unless the line is long, prose-like and scored as body with high confidence;
// inside the body only in-body chrome is removed and headings stay.
func (c *Cleaner) Clean(blocks []document.Block) Result {
	res, _ := c.CleanContext(context.Background(), blocks) // fails only when its context ends
	return res
}

// chosenBody scores the page's lines and returns its blocks with the body the body choice
// takes (the page's prose instead of the extractor's body when it prefers it), the lines'
// analysis, their body scores and the line model's span.
func (c *Cleaner) chosenBody(blocks []document.Block) ([]document.Block, []lineInfo, []float64, span) {
	info := analyseBlocks(blocks)
	prob, sp := c.model.score(info)
	if c.choice != nil {
		// The line model's scores do not depend on which body the extractor chose, so
		// they serve both candidates.
		if alt, ok := alternative(blocks, info, prob); ok && alt.Agreement < c.choice.Gate && c.choice.Prefers(alt.Features) {
			blocks = proseBody(blocks, info)
		}
	}
	return blocks, info, prob, sp
}

// htmlBody returns the page's blocks with the body the HTML path judges: the one the body
// choice takes, with the blocks the return brings back and less the tail the trim cuts;
// and the lines' analysis, body scores and span as chosenBody gives them.
func (c *Cleaner) htmlBody(blocks []document.Block) ([]document.Block, []lineInfo, []float64, span) {
	blocks, info, prob, sp := c.chosenBody(blocks)
	// Untold blocks between two blocks of the body that the learned return vouches for
	// are body (section headings and list items the content extractor dropped).
	blocks = c.ret.returnBlocks(blocks, info, prob)
	// The last blocks of the body that the learned trim judges past the article's end
	// (a disclaimer, the author's biography) leave it.
	blocks = c.trim.trimBlocks(blocks, info, prob)
	return blocks, info, prob, sp
}

// classify marks each block kept or removed with a reason: all that CleanContext decides
// before it reads the metadata. It returns the blocks it judged, which are the page's prose
// instead of the extractor's body when the body choice takes it.
func (c *Cleaner) classify(ctx context.Context, blocks []document.Block) ([]document.Block, []lineInfo, []bool, []string, span, error) {
	blocks, info, prob, sp := c.htmlBody(blocks)
	rules := lineRules(blocks, info)
	keep, reasons, err := judge(ctx, blocks, info, prob, rules, c.model.Threshold, false)
	if err != nil {
		return nil, nil, nil, nil, span{}, err
	}
	if !isHTML(blocks) || (c.choice == nil || c.choice.Lines == nil) && c.dispute == nil {
		return blocks, info, keep, reasons, sp, nil
	}
	// The line model alone, reading the page's blocks as raw text lines, is the third
	// candidate: it wins where the extractor's content holds reader comments or a teaser
	// list around a short article, or misses much of a long one.
	lkeep, lreasons, err := judge(ctx, blocks, info, prob, rules, c.model.Threshold, true)
	if err != nil {
		return nil, nil, nil, nil, span{}, err
	}
	if c.takesLines(blocks, info, prob, keep, reasons, lkeep, lreasons) {
		return asLines(blocks), info, lkeep, lreasons, sp, nil
	}
	// The HTML body stays: the blocks it and the lines disagree on take the reading the
	// learned dispute gives them.
	if settled, changed := c.dispute.settle(blocks, info, prob, keep, reasons, lkeep, lreasons); changed {
		blocks = settled
		if keep, reasons, err = judge(ctx, blocks, info, prob, rules, c.model.Threshold, false); err != nil {
			return nil, nil, nil, nil, span{}, err
		}
	}
	return blocks, info, keep, reasons, sp, nil
}

// takesLines reports whether c's lines choice takes the body the line model keeps from
// the page's raw lines (lkeep, lreasons) over the HTML body (keep, reasons).
func (c *Cleaner) takesLines(blocks []document.Block, info []lineInfo, prob []float64, keep []bool, reasons []string, lkeep []bool, lreasons []string) bool {
	if c.choice == nil || c.choice.Lines == nil {
		return false
	}
	x, agree, ok := linesFeatures(blocks, info, prob, keep, reasons, lkeep, lreasons)
	return ok && agree < c.choice.Lines.Gate && c.choice.Lines.Prefers(x)
}

// ruleReasons are the reasons the rules give a line, whatever the line model says of it.
type ruleReasons struct {
	chrome string // chrome wherever it stands (hardChrome) or a note about the article
	body   string // chrome inside the body (bodyChrome)
}

// lineRules returns the rules' reasons for every line, which both readings of an HTML
// page's blocks (as HTML and as raw lines) share.
func lineRules(blocks []document.Block, info []lineInfo) []ruleReasons {
	rules := make([]ruleReasons, len(blocks))
	for i := range blocks {
		li := &info[i]
		r := &rules[i]
		if r.chrome = hardChrome(li); r.chrome == "" {
			if r.chrome = noteAboutArticle(blocks[i].Text); r.chrome == "" {
				r.body = bodyChrome(li)
			}
		}
	}
	return rules
}

// judge marks each block kept or removed with a reason, from the line model's
// probabilities and the rules' reasons. asText reads the blocks as raw text lines,
// ignoring what the HTML extractor said of them.
func judge(ctx context.Context, blocks []document.Block, info []lineInfo, prob []float64, rules []ruleReasons, threshold float64, asText bool) ([]bool, []string, error) {
	keep := make([]bool, len(blocks))
	reasons := make([]string, len(blocks))
	for i := range blocks {
		if i%256 == 0 && ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		li := &info[i]
		keep[i] = prob[i] >= threshold
		if r := rules[i].chrome; r != "" {
			keep[i], reasons[i] = false, r
			continue
		}
		if r := rules[i].body; r != "" && (asText || blocks[i].Outside == "") {
			keep[i], reasons[i] = false, r
			continue
		}
		if asText {
			// A raw text line has no element to speak for it or against it.
			continue
		}
		b := &blocks[i]
		switch {
		case b.Outside != "":
			// A long block outside the extracted content may be prose the extractor missed
			// (class names like "sidebar" are weak evidence on old layouts), and comes back
			// when the line model is sure of it; reader comments read like prose, so a
			// block of a labelled comment section stays out, and so does a text cut off
			// with an ellipsis, the opening of another page in a list of posts.
			if !(b.Outside != commentSection && b.Outside != TrimmedTail && keep[i] && prob[i] > 0.97 && li.words >= 25 && li.final && !endsInEllipsis(b.Text)) {
				keep[i], reasons[i] = false, b.Outside
			}
		case b.Tag != "":
			// Inside the HTML extractor's body only in-body chrome goes: short lines with
			// chrome vocabulary or mostly links that the classifier also rejects.
			inBodyChrome := li.words <= 25 && (li.vocab&(chromeVocab|vRelated|vCredit|vComment) != 0 && !reportedSentence(li) || b.LinkDensity > 0.5)
			keep[i] = b.Heading || keep[i] || !inBodyChrome
		}
	}
	sandwich(info, keep, reasons)
	fillGaps(info, keep, reasons)
	keepBodySentences(info, keep, reasons)
	extendBody(info, keep, reasons)
	if len(blocks) > 0 && !anyTrue(keep) {
		// A page with no line that scores as body is more likely a short item than empty:
		// keep its prose lines rather than nothing.
		for i := range info {
			if reasons[i] == "" && info[i].final && info[i].words >= 8 {
				keep[i] = true
			}
		}
	}
	return keep, reasons, nil
}

// CleanContext is Clean, checking ctx as it goes through the blocks: it returns ctx's
// error once ctx ends.
func (c *Cleaner) CleanContext(ctx context.Context, blocks []document.Block) (Result, error) {
	return c.CleanTitled(ctx, blocks, "")
}

// CleanTitled is CleanContext for the blocks of a page that declares its title (an HTML
// page's <title>, og:title or JSON-LD headline): a line is moved to the title only when it
// is that title in other words. The page's record takes the declared title, so a body line
// that the headline scorer prefers to it (the first paragraph of an article under a
// logo-only <h1>) stays in the text. An empty title declares nothing.
func (c *Cleaner) CleanTitled(ctx context.Context, blocks []document.Block, title string) (Result, error) {
	blocks, reasons, meta, err := c.decide(ctx, blocks, title)
	if err != nil {
		return Result{}, err
	}
	res := Result{Meta: meta}
	for i, b := range blocks {
		text := strings.TrimSpace(b.Text)
		if reasons[i] == "" {
			res.Paragraphs = append(res.Paragraphs, text)
		} else {
			res.Removed = append(res.Removed, record.Removed{Text: text, Reason: reasons[i]})
		}
	}
	return res, nil
}

// decide judges every block and reads the metadata of a page declaring title ("" for none,
// see CleanTitled): it returns the blocks it judged (see classify) and, for each, the
// reason it goes, "" for a line of the article.
func (c *Cleaner) decide(ctx context.Context, blocks []document.Block, title string) ([]document.Block, []string, document.Metadata, error) {
	blocks, info, keep, reasons, sp, err := c.classify(ctx, blocks)
	if err != nil {
		return nil, nil, document.Metadata{}, err
	}
	meta := readMetaUnder(blocks, info, keep, reasons, title)
	if len(blocks) > 0 && !anyTrue(keep) {
		// Still nothing: a one-line item, or a script written without spaces between words
		// (Chinese, Japanese), which the word-based features cannot read. Rather than an
		// empty article, keep the longest lines that no rule marked as chrome.
		most := 0
		for i := range info {
			if reasons[i] == "" {
				most = max(most, info[i].letters)
			}
		}
		for i := range info {
			if reasons[i] == "" && most > 0 && 2*info[i].letters >= most {
				keep[i] = true
			}
		}
	}

	comments := firstCommentHeader(info, sp)
	first, last := -1, -1
	for j, k := range keep {
		if k && reasons[j] == "" {
			if first < 0 {
				first = j
			}
			last = j
		}
	}
	for i := range blocks {
		if !keep[i] && reasons[i] == "" {
			reasons[i] = explain(info, keep, i, first, last, comments)
		}
	}
	return blocks, reasons, meta, nil
}

// endsInEllipsis reports whether text ends in an ellipsis ("…", "...", "[…]"), the mark
// of a text cut to length.
func endsInEllipsis(text string) bool {
	t := strings.TrimRight(text, " \u00a0]")
	return strings.HasSuffix(t, "…") || strings.HasSuffix(t, "...")
}

// commentSection is the extractor's reason for a block inside a comment section.
const commentSection = "comment section"

func anyTrue(b []bool) bool {
	for _, v := range b {
		if v {
			return true
		}
	}
	return false
}

// sandwich removes a short blurb between two sign-up or advertising lines, and a sign-up or
// advertising line right after one: they belong to the same box.
func sandwich(info []lineInfo, keep []bool, reasons []string) {
	for i := 1; i < len(info); i++ {
		if !keep[i] || info[i].words > 40 || keep[i-1] {
			continue
		}
		if box := info[i-1].vocab & info[i].vocab & (vNewsletter | vAd); box != 0 && !reportedSentence(&info[i]) {
			keep[i], reasons[i] = false, vocabReason(box)
		} else if info[i].text == info[i-1].text && info[i].words >= 3 {
			keep[i], reasons[i] = false, "repeated line (same as the line before)"
		}
	}
	for i := 1; i+1 < len(info); i++ {
		if !keep[i] || info[i].words > 40 {
			continue
		}
		prev, next := info[i-1].vocab, info[i+1].vocab
		if box := prev & next & (vNewsletter | vAd); box != 0 && !keep[i-1] && !keep[i+1] && !reportedSentence(&info[i]) {
			keep[i] = false
			reasons[i] = vocabReason(box)
		}
	}
}

// sentenceLike reports whether a line reads as a sentence of running text: it ends like
// one, has words enough, and its share of function words is that of prose, not of a
// headline, a label or a list of links.
func sentenceLike(li *lineInfo) bool {
	return li.final && li.words >= 8 && li.stops*5 >= li.words && !li.url && !li.byline && !li.dateOnly &&
		li.vocab&vPlaceholder == 0
}

// reportedSentence reports whether a line is a sentence that does not address the reader:
// a chrome word in it ("log in", "subscribers", "share") is then weak evidence, as in
// "Disney's tech teams isolated the problem that kept subscribers from logging in", while
// sign-up and sharing calls speak to the reader ("Sign up for our newsletter").
func reportedSentence(li *lineInfo) bool {
	return sentenceLike(li) && li.words > 12 && !addressesReader(li.lower)
}

// addressesReader reports whether a lower-cased line speaks to the reader or for the site.
func addressesReader(lower string) bool {
	for _, w := range strings.FieldsFunc(lower, func(r rune) bool { return !('a' <= r && r <= 'z' || r == '\'') }) {
		switch w {
		case "you", "your", "you're", "you'll", "our", "we", "we're", "us":
			return true
		}
	}
	return false
}

// bodyChrome returns a reason for a line of caption or headline length that is chrome
// by strong evidence wherever it stands: a call to sign up or accept cookies (sign-up
// vocabulary in a line that speaks to the reader: "delivered to your inbox", "Enter your
// email address") or the consent line under it, a credit in brackets ("(Photo courtesy of ...)"), a "Read more:" link.
func bodyChrome(li *lineInfo) string {
	if li.words > 30 {
		return ""
	}
	l := li.lower
	if li.words <= 25 && li.vocab&(vNewsletter|vCookie) != 0 && addressesReader(l) {
		return vocabReason(li.vocab & (vNewsletter | vCookie))
	}
	// The consent line under a sign-up form: "By signing up you agree to our Terms of
	// Service and Privacy Policy". No article line of the extraction sets reads so.
	if li.vocab&vLegal != 0 && strings.Contains(l, "you agree") {
		return "legal notice of a sign-up form"
	}
	for _, p := range bracketCredits {
		if strings.Contains(l, p) {
			return "photo credit or caption"
		}
	}
	for _, p := range teaserPrefixes {
		if strings.HasPrefix(l, p) {
			return "related stories list"
		}
	}
	return ""
}

// keepBodySentences keeps the sentence-like lines between the first and the last body
// line that only the line model rejected: inside an article, running text is the
// article's unless a rule names it as something else.
func keepBodySentences(info []lineInfo, keep []bool, reasons []string) {
	first, last := -1, -1
	for i := range keep {
		if keep[i] && reasons[i] == "" {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	for i := first + 1; i < last; i++ {
		li := &info[i]
		if !keep[i] && reasons[i] == "" && sentenceLike(li) && !li.repeated && (li.vocab == 0 || reportedSentence(li)) {
			keep[i] = true
		}
	}
}

// fillGaps keeps short runs of lines (up to three) between two kept lines when they have no
// chrome vocabulary: inside an article such lines are headings, one-line quotes, list items
// or short paragraphs.
func fillGaps(info []lineInfo, keep []bool, reasons []string) {
	// Neighbours are looked for past removed credits and placeholders, which sit inside articles.
	var gap []int
	seenKept := false
	for i := range info {
		if reasons[i] != "" {
			continue
		}
		if keep[i] {
			if seenKept && len(gap) > 0 && len(gap) <= 3 {
				for _, j := range gap {
					keep[j] = true
				}
			}
			seenKept, gap = true, gap[:0]
			continue
		}
		li := &info[i]
		if li.vocab == 0 && !li.byline && !li.dateOnly && !li.repeated && (li.final || li.colon || li.words <= 8) {
			gap = append(gap, i)
		} else {
			gap = append(gap, i, i, i, i) // too long a gap: this one cannot be filled
		}
	}
}

// extendBody keeps, in a short article, the full sentences that directly follow the last
// body line: a closing paragraph that scores low for lack of context is still part of the
// article when nothing separates it from the body but the label of an advertisement or
// a credit (see insideLabel). It stops at the first other line that is not plain prose,
// so lists of teasers after an article, which come after a heading or a link line, stay
// out.
func extendBody(info []lineInfo, keep []bool, reasons []string) {
	last, kept := -1, 0
	for i := range keep {
		if keep[i] && reasons[i] == "" {
			last = i
			kept++
		}
	}
	// Long articles give the line model context enough; only short ones need the help.
	if last < 0 || kept > 3 {
		return
	}
	for i := last + 1; i < len(info); i++ {
		li := &info[i]
		if reasons[i] != "" && insideLabel(li) {
			continue
		}
		if reasons[i] != "" || !li.final || li.words < 12 || li.vocab != 0 && !reportedSentence(li) || li.byline || li.dateOnly || li.repeated {
			return
		}
		keep[i] = true
	}
}

// insideLabel reports a short line that labels an advertisement, a credit or a
// placeholder: such boxes stand between an article's paragraphs, and the body goes on
// past them.
func insideLabel(li *lineInfo) bool {
	return li.words <= 3 && li.vocab != 0 && li.vocab&^(vAd|vCredit|vPlaceholder) == 0
}

// contactPhrases introduce an author's contact address in a bio line.
var contactPhrases = []string{"reach her", "reach him", "reach them", "reach the author", "email her",
	"email him", "email them", "e-mail her", "e-mail him", "contact her", "contact him", "contact them",
	"follow her", "follow him", "follow them", "can be reached", "write to her", "write to him"}

// citationPrefixes open the reference boxes that science and research news put under a story.
var citationPrefixes = []string{"journal reference:", "cite this page", "cite this article",
	"citation:", "story source:", "reference:"}

// noteAboutArticle returns a reason when a line, whatever its length, is a note about the
// article rather than part of it: an author bio with a contact address ("Jane Roe covers
// City Hall. Reach her at jroe@example.com") or a citation box.
func noteAboutArticle(text string) string {
	if len(text) > 600 {
		return ""
	}
	for _, p := range citationPrefixes {
		if len(text) >= len(p) && strings.EqualFold(text[:len(p)], p) {
			return "citation box"
		}
	}
	if rightsNotice(text) {
		return "rights notice"
	}
	// Bios always carry an address or a handle; requiring one keeps quotes that merely
	// say "contact him" in the body.
	if !strings.Contains(text, "@") {
		return ""
	}
	lower := strings.ToLower(text)
	for _, p := range contactPhrases {
		if strings.Contains(lower, p) {
			return "author bio"
		}
	}
	return ""
}

// rightsNotice reports whether a line claims the rights to the text and limits its reuse
// ("Copyright 2008 The Associated Press. All rights reserved. This material may not be
// published, broadcast, rewritten or redistributed.", "This copy is for your personal,
// non-commercial use only."): a notice under the article, not part of it. Both halves
// are needed, so that an article about copyright law stays.
func rightsNotice(text string) bool {
	// The claim is looked for without lower-casing the line: few lines have one.
	claim := strings.Contains(text, "©") || containsFoldASCII(text, "all rights reserved") ||
		containsFoldASCII(text, "this copy is for your personal")
	if !claim {
		return false
	}
	lower := strings.ToLower(text)
	for _, p := range reuseLimits {
		if strings.Contains(lower, p) {
			return true
		}
	}
	return strings.Contains(lower, "without") && strings.Contains(lower, "permission")
}

// containsFoldASCII reports whether s contains sub, a lower-case ASCII phrase, in any
// letter case.
func containsFoldASCII(s, sub string) bool {
	first, upper := sub[0], sub[0]
	if 'a' <= first && first <= 'z' {
		upper = first - 'a' + 'A'
	}
	for i := 0; i+len(sub) <= len(s); i++ {
		if (s[i] == first || s[i] == upper) && strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// reuseLimits are the phrases of a rights notice that limit what a reader may do with the text.
var reuseLimits = []string{"reproduc", "redistribut", "republish", "may not be published", "may not be copied",
	"may not be used", "non-commercial use", "noncommercial use", "licence to", "license to", "cannot be re"}

// hardChrome returns a reason when the line is chrome whatever its context: separators,
// template placeholders, photo credits, lone sign-up or advertising calls.
func hardChrome(li *lineInfo) string {
	if li.letters+li.digits == 0 {
		return "separator (no text)"
	}
	if li.vocab&vPlaceholder != 0 {
		return "template placeholder"
	}
	l := li.lower
	if li.words > 12 {
		return ""
	}
	for _, p := range creditPrefixes {
		if strings.HasPrefix(l, p) {
			return "photo credit"
		}
	}
	if li.vocab&vCredit != 0 || strings.IndexByte(l, '/') >= 0 {
		for _, p := range creditInfixes {
			if strings.Contains(l, p) {
				return "photo credit"
			}
		}
	}
	switch strings.Trim(l, " .:!") {
	case "advertisement", "advertisements", "sponsored", "sponsored content", "ad", "ads", "promoted",
		"story continues below", "story continues below advertisement", "continue reading below",
		"article continues below", "scroll to continue with content", "skip ad", "skip advertisement":
		return "advertisement"
	}
	if (strings.HasPrefix(l, "buy ") || strings.HasPrefix(l, "shop ")) && li.colon {
		return "advertisement"
	}
	if li.words <= 12 {
		for _, p := range ctaPrefixes {
			if strings.HasPrefix(l, p.prefix) {
				return p.reason
			}
		}
	}
	return ""
}

var creditPrefixes = []string{"source:", "photo:", "photos:", "image:", "images:", "credit:", "credits:",
	"picture:", "pictures:", "top image", "featured image", "header image", "cover image", "lead image",
	"image credit", "photo credit", "image source", "image via", "photo via", "photo by", "photograph:",
	"photograph by", "(photo", "(image", "(credit", "illustration:", "illustration by", "video:"}

var bracketCredits = []string{"(photo", "(image", "(picture", "(credit", "(file photo", "(courtesy"}

var teaserPrefixes = []string{"read more:", "related:", "see also:", "also read:", "read next:", "more:"}

var creditInfixes = []string{"getty images", "/ getty", "/getty", "shutterstock", "ap photo", "afp photo",
	"/ reuters", "/reuters", "photo courtesy", "image courtesy", "courtesy of", "(via "}

var ctaPrefixes = []struct{ prefix, reason string }{
	{"subscribe", "newsletter sign-up"}, {"sign up", "newsletter sign-up"}, {"signup", "newsletter sign-up"},
	{"get our newsletter", "newsletter sign-up"}, {"join our newsletter", "newsletter sign-up"},
	{"sign in", "account links"}, {"log in", "account links"}, {"register", "account links"},
	{"share this", "share buttons"}, {"share on", "share buttons"}, {"share:", "share buttons"},
	{"click to share", "share buttons"}, {"follow us", "share buttons"}, {"click to", "share buttons"},
	{"read more", "related stories list"}, {"related:", "related stories list"}, {"see also", "related stories list"},
	{"also read", "related stories list"}, {"recommended", "related stories list"}, {"more from", "related stories list"},
	{"©", "copyright notice"}, {"copyright", "copyright notice"}, {"all rights reserved", "copyright notice"},
	{"skip to", "navigation"}, {"back to top", "navigation"}, {"comments", "comment section"},
	{"leave a comment", "comment section"}, {"post a comment", "comment section"},
	{"we use cookies", "cookie notice"}, {"this site uses cookies", "cookie notice"},
	{"tags:", "tags"}, {"tagged:", "tags"}, {"filed under:", "tags"}, {"topics:", "tags"},
}

// vocabReason names the chrome family of a line's vocabulary.
func vocabReason(v vocabHits) string {
	switch {
	case v&vPlaceholder != 0:
		return "template placeholder"
	case v&vNewsletter != 0:
		return "newsletter sign-up"
	case v&vCookie != 0:
		return "cookie notice"
	case v&vAd != 0:
		return "advertisement"
	case v&vLegal != 0:
		return "copyright notice or legal links"
	case v&vShare != 0:
		return "share buttons"
	case v&vComment != 0:
		return "comment section"
	case v&vCredit != 0:
		return "photo credit or caption"
	case v&vRelated != 0:
		return "related stories list"
	case v&vNav != 0:
		return "navigation"
	}
	return ""
}

// explain gives a reason for a line the classifier scored as not body.
// first and last are the indexes of the first and last body lines, or -1; comments is the
// index of the comment section's header, or len(info).
func explain(info []lineInfo, keep []bool, i, first, last, comments int) string {
	li := &info[i]
	// A chrome word in a reported sentence does not make it chrome of that kind.
	reported := reportedSentence(li)
	if r := vocabReason(li.vocab); r != "" && !reported {
		return r
	}
	// A sentence right after a sign-up or advertising line is that box's blurb.
	if i > 0 && !keep[i-1] && li.words >= 6 && li.words <= 40 && !reported {
		if r := vocabReason(info[i-1].vocab & (vNewsletter | vAd | vCookie)); r != "" {
			return r
		}
	}
	if i > comments && i > last {
		return "comment section"
	}
	if i > last && last >= 0 {
		for j := max(last+1, i-4); j < min(len(info), i+5); j++ {
			if info[j].byline || info[j].dateOnly {
				return "related stories list (other articles after this one)"
			}
		}
	}
	if li.byline {
		return "byline of another story"
	}
	if li.dateOnly {
		return "date line"
	}
	switch {
	case first < 0:
		return "not article text (no article body found)"
	case i < first && li.words <= 4:
		return "navigation (short link before the article)"
	case i < first:
		return "not article text (before the article body)"
	case i > last && li.words <= 4:
		return "not article text (short link after the article)"
	case i > last && li.titleCase*2 >= li.words && !li.final:
		return "related stories list (headline after the article)"
	case i > last:
		return "not article text (after the article body)"
	case li.repeated:
		return "not article text (repeated line)"
	case li.words > 20:
		return "not article text (inside the body, but unlike its paragraphs)"
	}
	return "not article text (short line inside the body: caption, link or label)"
}
