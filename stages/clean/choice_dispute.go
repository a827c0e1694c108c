package clean

import (
	"context"
	_ "embed"
	"math"

	"github.com/newspipe/newspipe/document"
)

// The HTML body and the line model reading the page's blocks as raw text lines disagree on
// some blocks: paragraphs of the article the content extractor left outside its body, and
// reader comments, teasers or notes it kept in. The lines choice weighs the two bodies
// whole; a page where each is right on other blocks is lost either way. Dispute is a small
// logistic regression, trained on pages with known bodies, that decides block by block
// which reading is right: a block only the line model keeps comes into the body, a block
// only the HTML body keeps leaves it. Each feature is read apart for the two kinds of
// block (as two regressions sharing one ridge penalty and threshold), since what speaks
// for bringing a block in is not what speaks for putting one out.

// DisputedBlock is the reason for a block of the HTML body that the dispute puts out of it.
const DisputedBlock = "not article text (unlike the article's lines)"

// disputeFeatures name the evidence on a disputed block, read apart for the blocks the
// lines add ("add_") and those they drop ("drop_"). "other" is the body of the reading
// that leaves the block out; its span runs from its first block to its last. copy_in_html
// and copy_out_html say another block of the page has the same text, in the HTML body and
// out of it: a navigation item the extractor's body repeats, a heading of a list the menu
// links to. link_line is a block wholly a link (the item of a list of picks, or of a
// menu), link_line_between one whose neighbours both stand in the other body.
// log_run_blocks counts the blocks of the block's run: a long run of short lines the
// HTML body holds and the line model does not is more often a list or a table of the
// article than chrome; run_headed says a heading opens the run or stands just before it
// (the article's "References" or "Credits" over its list).
var disputeFeatures = []string{
	"bias", "prob", "log_words", "link_density", "sentence", "stops", "heading", "tag_li",
	"before_other", "after_other", "after_comment_header", "neighbour_prob", "run_share",
	"untold", "labelled", "comment_section", "trimmed", "other_body", "log_body_words", "agreement",
	"repeated", "run_prob", "run_links", "run_sentences", "between_other", "log_distance",
	"inside_untold", "copy_in_html", "copy_out_html", "link_line", "link_line_between", "log_run_blocks", "run_headed",
	"nav", "footer", "sidebar", "ad", "related", "form",
	"inside_nav", "inside_footer", "inside_sidebar", "inside_ad", "inside_related", "inside_form",
}

// labelFamilies are the families of the extractor's reasons for blocks an element labels
// chrome by where they stand, as the dispute's features read them: how often such a block
// is the article's depends much on the family, and on whether it stands inside the other
// body's span (an "advertisement" box there often holds a paragraph, a "page footer"
// rarely does).
var labelFamilies = map[string]int{
	"navigation menu": 1, "page header": 1,
	"page footer":     2,
	"sidebar":         3,
	"advertisement":   4,
	"related stories": 5,
	"form":            6, "newsletter box": 6, "share bar": 6,
}

// minDisputeBody is the fewest blocks with words the line model's body must hold for the
// dispute to put blocks out of the HTML body: the cleaner reads the first lines of a body
// as its headline and standfirst, so a body cut to one or two lines can be read empty.
const minDisputeBody = 3

// namedChrome are the extractor's reasons that name what a block is rather than where it
// stands: a caption, a teaser cut off with an ellipsis, a cookie notice, a pull quote,
// the article's headline or byline. The line model reads such a block as prose, and the
// marked bodies of the article pages hold few of their words (a tenth of the captions',
// none of the cookie notices'), or the article holds them already (a pull quote), or the
// record takes them apart (the headline, the byline), so the dispute does not bring them
// into the body; a block labelled by its region (a sidebar, a page header) is often the
// article's, and the dispute weighs it.
var namedChrome = map[string]bool{
	"photo caption": true, "teaser excerpt (cut off with an ellipsis)": true, "cookie notice": true,
	"pull quote (repeats the article's text)": true, "article headline": true, "byline": true,
}

// numLabelFamilies is the number of families in labelFamilies.
const numLabelFamilies = 6

// DisputeFeatureNames name the features of the per-block dispute, in order.
var DisputeFeatureNames = func() []string {
	var names []string
	for _, side := range []string{"add_", "drop_"} {
		for _, f := range disputeFeatures {
			names = append(names, side+f)
		}
	}
	return names
}()

// Dispute holds the learned per-block dispute: a block that one of the two readings of an
// HTML page keeps and the other does not takes the line model's reading when the logistic
// regression Weights (one per feature, then the bias) give it a probability above
// Threshold. A Threshold of 1 or more leaves every block as the HTML body has it.
type Dispute struct {
	Return
}

//go:embed choice_dispute.json
var defaultDispute []byte

// DefaultDispute returns the per-block dispute stored in the package.
func DefaultDispute() (*Dispute, error) {
	return ParseDispute(defaultDispute)
}

// ParseDispute reads a per-block dispute written as JSON by newspipe-dev train dispute.
func ParseDispute(data []byte) (*Dispute, error) {
	r, err := parseBlockModel(data, DisputeFeatureNames, "block dispute", "dispute")
	if err != nil {
		return nil, err
	}
	return &Dispute{r}, nil
}

// disputeCandidates lists the blocks with words that the HTML reading and the raw-lines
// reading of the page's blocks (keep and reasons of each, from judge) disagree on, with
// their features: a block only the lines keep, outside the HTML body, may come into it
// (Mark ""), and a block only the HTML body keeps may leave it (Mark DisputedBlock).
func disputeCandidates(blocks []document.Block, info []lineInfo, prob []float64, keep []bool, reasons []string, lkeep []bool, lreasons []string) []ReturnCandidate {
	n := len(blocks)
	inH := func(i int) bool { return keep[i] && reasons[i] == "" }
	inL := func(i int) bool { return lkeep[i] && lreasons[i] == "" }
	firstH, lastH, firstL, lastL := n, -1, n, -1
	var html, lines, both, linesBlocks int
	for i := range blocks {
		h, l := inH(i), inL(i)
		if h {
			firstH, lastH = min(firstH, i), i
			html += info[i].words
		}
		if l {
			firstL, lastL = min(firstL, i), i
			lines += info[i].words
			if info[i].words > 0 {
				linesBlocks++
			}
		}
		if h && l {
			both += info[i].words
		}
	}
	if lines == 0 || html+lines == both {
		// The line model keeping nothing is no reading to dispute the body with: it would
		// only empty the page.
		return nil
	}
	agree := float64(both) / float64(max(1, html+lines-both))
	header := n
	for i := range blocks {
		if commentHeader(&info[i]) {
			header = i
			break
		}
	}
	// runs: each disputed block's run of neighbouring blocks disputed the same way: its
	// words and blocks, their mean score, link density and share of sentences, and whether
	// a heading opens it or stands just before it.
	type run struct {
		words, blocks       int
		prob, links, finals float64
		headed              bool
	}
	runs := make([]run, n)
	for i := 0; i < n; {
		h, l := inH(i), inL(i)
		if h == l || info[i].words == 0 {
			i++
			continue
		}
		var r run
		blocksIn := 0
		j := i
		for ; j < n && (info[j].words == 0 || inH(j) == h && inL(j) == l); j++ {
			w := float64(info[j].words)
			if w == 0 {
				continue
			}
			blocksIn++
			r.words += info[j].words
			r.prob += prob[j] * w
			r.links += blocks[j].LinkDensity * w
			r.finals += b2f(info[j].final)
		}
		r.prob /= float64(r.words)
		r.links /= float64(r.words)
		r.finals /= float64(blocksIn)
		r.blocks = blocksIn
		before := i - 1
		for before >= 0 && info[before].words == 0 {
			before--
		}
		r.headed = blocks[i].Heading || before >= 0 && blocks[before].Heading
		for k := i; k < j; k++ {
			runs[k] = r
		}
		i = j
	}
	// The nearest blocks with words before and after each block.
	prevWords, nextWords := make([]int, n), make([]int, n)
	for i, last := 0, -1; i < n; i++ {
		prevWords[i] = last
		if info[i].words > 0 {
			last = i
		}
	}
	for i, next := n-1, -1; i >= 0; i-- {
		nextWords[i] = next
		if info[i].words > 0 {
			next = i
		}
	}
	// copies: how many blocks with words have each repeated text, and how many of them
	// the HTML body holds.
	type copyCount struct{ all, inHTML int }
	copies := make(map[string]copyCount)
	for i := range blocks {
		if info[i].repeated && info[i].words > 0 {
			c := copies[info[i].text]
			c.all++
			if inH(i) {
				c.inHTML++
			}
			copies[info[i].text] = c
		}
	}
	k := len(disputeFeatures)
	var out []ReturnCandidate
	for i := range blocks {
		h, l := inH(i), inL(i)
		li := &info[i]
		if h == l || li.words == 0 {
			continue
		}
		b := &blocks[i]
		add := l
		if add && namedChrome[b.Outside] || !add && (linesBlocks < minDisputeBody || i < firstL) {
			// Nor does a block before the lines' body leave the HTML body: the cleaner
			// reads the headline and the standfirst there.
			continue
		}
		if add && b.Outside == "" {
			// Inside the HTML body already and removed as in-body chrome: bringing it
			// into the body changes nothing.
			continue
		}
		first, last, other := firstH, lastH, html
		inOther := inH
		if !add {
			first, last, other, inOther = firstL, lastL, lines, inL
		}
		// between: how many of the block's neighbours with words the other body holds;
		// distance: how far, in blocks, the other body's nearest block stands.
		between := 0
		for _, j := range []int{prevWords[i], nextWords[i]} {
			if j >= 0 && inOther(j) {
				between++
			}
		}
		distance := n
		for j := i - 1; j >= 0 && i-j < distance; j-- {
			if inOther(j) {
				distance = i - j
			}
		}
		for j := i + 1; j < n && j-i < distance; j++ {
			if inOther(j) {
				distance = j - i
			}
		}
		// The block's copies elsewhere (a block is in the HTML body or out of it).
		cc := copies[li.text]
		othersIn, othersOut := cc.inHTML, cc.all-cc.inHTML
		if h {
			othersIn--
		} else {
			othersOut--
		}
		copyIn, copyOut := othersIn > 0, othersOut > 0
		linkLine := b.LinkDensity >= 0.9
		neighbours, nn := 0.0, 0
		for _, j := range []int{i - 1, i + 1} {
			if j >= 0 && j < n {
				neighbours += prob[j]
				nn++
			}
		}
		x := make([]float64, 2*k)
		side := x[:k]
		mark := ""
		if !add {
			side = x[k:]
			mark = DisputedBlock
		}
		o := b.Outside
		inside := i > first && i < last
		copy(side, []float64{
			1, prob[i], li.logWords, b.LinkDensity, b2f(li.final),
			float64(li.stops) / float64(li.words), b2f(b.Heading), b2f(!b.Heading && b.Tag == "li"),
			b2f(i < first), b2f(i > last), b2f(i > header), neighbours / float64(max(1, nn)),
			float64(runs[i].words) / float64(max(1, other+runs[i].words)),
			b2f(untold(o)), b2f(o != "" && !untold(o) && o != commentSection && o != TrimmedTail && o != notChosenBody),
			b2f(o == commentSection), b2f(o == TrimmedTail), b2f(o == notChosenBody),
			math.Log1p(float64(other)), agree, b2f(li.repeated),
			runs[i].prob, runs[i].links, runs[i].finals, float64(between) / 2, math.Log(float64(distance)),
			b2f(inside && untold(o)), b2f(copyIn), b2f(copyOut),
			b2f(linkLine), b2f(linkLine && between == 2), math.Log1p(float64(runs[i].blocks)), b2f(runs[i].headed),
		})
		// The label families, then each inside the other body's span.
		if f := labelFamilies[o]; f > 0 {
			at := len(disputeFeatures) - 2*numLabelFamilies + f - 1
			side[at] = 1
			side[at+numLabelFamilies] = b2f(inside)
		}
		out = append(out, ReturnCandidate{Block: i, Features: x, Mark: mark})
	}
	return out
}

// settle returns the blocks with the disputed blocks of the two readings (keep and
// reasons of each, from judge) that d gives to the line model's reading brought into the
// body or put out of it, a copy when it changes any (changed); blocks itself is not
// changed.
func (d *Dispute) settle(blocks []document.Block, info []lineInfo, prob []float64, keep []bool, reasons []string, lkeep []bool, lreasons []string) (settled []document.Block, changed bool) {
	if d == nil || d.Threshold >= 1 {
		return blocks, false
	}
	var add, drop []int
	for _, c := range disputeCandidates(blocks, info, prob, keep, reasons, lkeep, lreasons) {
		if !d.Returns(c.Features) {
			continue
		}
		if c.Mark == "" {
			add = append(add, c.Block)
		} else {
			drop = append(drop, c.Block)
		}
	}
	return withOutside(withOutside(blocks, add, ""), drop, DisputedBlock), len(add)+len(drop) > 0
}

// DisputeCandidates returns the blocks the cleaner judges for an HTML page (after the body
// choice, the per-block return and the tail trim) and the blocks among them that the
// per-block dispute may move into or out of the body, whatever c's own dispute decides:
// none when c's lines choice takes the line model's body from the raw lines.
func (c *Cleaner) DisputeCandidates(blocks []document.Block) ([]document.Block, []ReturnCandidate) {
	if !isHTML(blocks) {
		return blocks, nil
	}
	blocks, info, prob, _ := c.htmlBody(blocks)
	ctx := context.Background()
	rules := lineRules(blocks, info)
	// Neither judge can fail: the context never ends.
	keep, reasons, _ := judge(ctx, blocks, info, prob, rules, c.model.Threshold, false)
	lkeep, lreasons, _ := judge(ctx, blocks, info, prob, rules, c.model.Threshold, true)
	if c.takesLines(blocks, info, prob, keep, reasons, lkeep, lreasons) {
		return blocks, nil
	}
	return blocks, disputeCandidates(blocks, info, prob, keep, reasons, lkeep, lreasons)
}

// TrainDispute fits the per-block dispute on the examples: a logistic regression of "the
// line model's reading of the block is right", each word weighing as it moves the page's
// F1, with ridge penalty l2, taking the lines' reading above threshold. Training is
// deterministic.
func TrainDispute(examples []ReturnExample, threshold, l2 float64) *Dispute {
	return &Dispute{*trainBlockModel(examples, DisputeFeatureNames, threshold, l2)}
}
