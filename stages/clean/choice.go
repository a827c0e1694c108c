package clean

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"math"

	"github.com/newspipe/newspipe/document"
)

// The body of an HTML page comes from aligning its blocks with the content extractor's
// content. When that content is wrong (a list of links, a teaser box, a caption) the
// alignment succeeds on the wrong blocks, and the page's prose, which the extractor left
// outside, holds the article. BodyChoice compares the two candidate bodies by evidence,
// and a small logistic regression trained on pages with known bodies decides.

// outsideProse is the reason the extractor gives a block that no element explains.
const outsideProse = "outside the article body"

// outsideLinkLine is the reason the extractor gives a short block that is wholly a link,
// in the body otherwise: no element explains it either.
const outsideLinkLine = "link on a line of its own"

// untold reports whether the extractor left a block outside the body with no element
// saying why.
func untold(reason string) bool {
	return reason == outsideProse || reason == outsideLinkLine
}

// notChosenBody is the reason for the extractor's body blocks when the page's prose is
// chosen over them.
const notChosenBody = "outside the page's main prose"

// ChoiceFeatureNames name the features of the body choice, in order.
var ChoiceFeatureNames = []string{
	"agreement", "log_words_ratio", "prob_aligned", "prob_prose", "prob_diff",
	"links_aligned", "links_prose", "log_density_aligned", "log_density_prose", "sentences_aligned", "sentences_prose",
	"added_after",
}

// Choice holds the learned body choice: when the two candidate bodies agree on less than
// Gate of their words, the prose replaces the aligned body if the logistic regression
// Weights (one per feature, then the bias) gives it a probability above one half, or
// above Confidence when that is higher.
type Choice struct {
	Features []string  `json:"features"`
	Gate     float64   `json:"gate"`
	Weights  []float64 `json:"weights"`
	// Confidence, when above one half, is the probability the other body must be given
	// to be taken: a page the regression barely prefers it on is left as it is, since a
	// small change upstream flips such a page either way and a wrong swap loses a whole
	// article.
	Confidence float64 `json:"confidence,omitempty"`
	// Lines, when set, is the lines choice (LinesFeatureNames), asked after this one:
	// whether the line model's body from the page's raw lines replaces the HTML body.
	Lines *Choice `json:"lines,omitempty"`
}

//go:embed choice.json
var defaultChoice []byte

// DefaultChoice returns the body choice stored in the package.
func DefaultChoice() (*Choice, error) {
	return ParseChoice(defaultChoice)
}

// ParseChoice reads a body choice written as JSON by newspipe-dev train choice.
func ParseChoice(data []byte) (*Choice, error) {
	var c Choice
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("parse body choice: %w", err)
	}
	if err := c.check(ChoiceFeatureNames); err != nil {
		return nil, fmt.Errorf("parse body choice: %w", err)
	}
	if c.Lines != nil {
		if err := c.Lines.check(LinesFeatureNames); err != nil {
			return nil, fmt.Errorf("parse body choice: lines choice: %w", err)
		}
		if c.Lines.Lines != nil {
			return nil, fmt.Errorf("parse body choice: the lines choice has a lines choice of its own")
		}
	}
	return &c, nil
}

// withoutLines returns the body choice without its lines choice (nil when c is nil).
func (c *Choice) withoutLines() *Choice {
	if c == nil || c.Lines == nil {
		return c
	}
	d := *c
	d.Lines = nil
	return &d
}

// check reports whether the choice reads the features names.
func (c *Choice) check(names []string) error {
	if len(c.Features) != len(names) || len(c.Weights) != len(names)+1 {
		return fmt.Errorf("features do not match this version (retrain with newspipe-dev train choice)")
	}
	for i, f := range c.Features {
		if f != names[i] {
			return fmt.Errorf("feature %d is %q, want %q", i, f, names[i])
		}
	}
	if c.Confidence < 0 || c.Confidence >= 1 {
		return fmt.Errorf("confidence %g is not a probability below 1", c.Confidence)
	}
	return nil
}

// Prefers reports whether the choice takes the other body (the prose, or the lines) for
// features x.
func (c *Choice) Prefers(x []float64) bool {
	return c.Probability(x) > max(0.5, c.Confidence)
}

// Probability returns the probability the regression gives the other body for features x.
func (c *Choice) Probability(x []float64) float64 {
	return sigmoid(dot(c.Weights, x))
}

// Alternative is the page's prose as a candidate body, beside the aligned one.
type Alternative struct {
	Features  []float64        // ChoiceFeatureNames, in order
	Agreement float64          // share of the two bodies' words that both hold
	Blocks    []document.Block // the page's blocks with the prose as the body
}

// isHTML reports whether the blocks come from the HTML extractor.
func isHTML(blocks []document.Block) bool {
	for _, b := range blocks {
		if b.Tag != "" {
			return true
		}
	}
	return false
}

// proseBlock reports whether an HTML block reads as prose that no chrome element holds:
// ten words or more, mostly not links.
func proseBlock(b *document.Block, li *lineInfo) bool {
	return (b.Outside == "" || b.Outside == outsideProse) && li.words >= 10 && b.LinkDensity < 0.5
}

// candidateStats sums the evidence over one candidate body.
type candidateStats struct {
	blocks, words, finals int
	prob, links           float64 // word-weighted sums
}

func (s *candidateStats) add(b *document.Block, li *lineInfo, p float64) {
	w := float64(li.words)
	s.blocks++
	s.words += li.words
	s.prob += p * w
	s.links += b.LinkDensity * w
	if li.final {
		s.finals++
	}
}

func (s *candidateStats) mean(v float64) float64 {
	if s.words == 0 {
		return 0
	}
	return v / float64(s.words)
}

func (s *candidateStats) density() float64 {
	return math.Log1p(float64(s.words) / float64(max(1, s.blocks)))
}

func (s *candidateStats) sentences() float64 {
	return float64(s.finals) / float64(max(1, s.blocks))
}

// alternative returns the page's prose as a candidate body and the evidence for it
// against the aligned body, without its Blocks (see proseBody); ok is false when the
// page is not HTML or has no prose outside the aligned body.
func alternative(blocks []document.Block, info []lineInfo, prob []float64) (alt Alternative, ok bool) {
	if !isHTML(blocks) {
		return Alternative{}, false
	}
	// added: the prose the choice would add to the body.
	var a, p, added candidateStats
	both := 0
	lastAligned := -1
	for i := range blocks {
		b, li := &blocks[i], &info[i]
		aligned := b.Outside == ""
		prose := proseBlock(b, li)
		if aligned {
			a.add(b, li, prob[i])
			lastAligned = i
		}
		if prose {
			p.add(b, li, prob[i])
		}
		switch {
		case aligned && prose:
			both += li.words
		case prose:
			added.add(b, li, prob[i])
		}
	}
	if added.words == 0 {
		return Alternative{}, false
	}
	// The share of the added prose that comes after the aligned body's last block, at the
	// page's end: reader comments and posts under an article rather than an article the
	// extractor missed.
	after := 0
	for i := len(blocks) - 1; lastAligned >= 0 && i > lastAligned; i-- {
		if proseBlock(&blocks[i], &info[i]) {
			after += info[i].words
		}
	}
	union := a.words + p.words - both
	agree := float64(both) / float64(max(1, union))
	pa, pp := a.mean(a.prob), p.mean(p.prob)
	alt.Agreement = agree
	alt.Features = []float64{
		agree,
		math.Log(float64(p.words+1) / float64(a.words+1)),
		pa, pp, pp - pa,
		a.mean(a.links), p.mean(p.links),
		a.density(), p.density(),
		a.sentences(), p.sentences(),
		float64(after) / float64(added.words),
	}
	return alt, true
}

// proseBody returns a copy of the blocks with the page's prose as the body.
func proseBody(blocks []document.Block, info []lineInfo) []document.Block {
	out := make([]document.Block, len(blocks))
	copy(out, blocks)
	for i := range out {
		b := &out[i]
		switch {
		case proseBlock(b, &info[i]):
			b.Outside = ""
		case b.Outside == "":
			b.Outside = notChosenBody
		}
	}
	return out
}

// BodyChoice returns the page's prose as a candidate body beside the aligned one, with
// the evidence the choice reads; ok is false when there is nothing to choose between.
func (c *Cleaner) BodyChoice(blocks []document.Block) (alt Alternative, ok bool) {
	info := analyseBlocks(blocks)
	prob, _ := c.model.score(info)
	alt, ok = alternative(blocks, info, prob)
	if ok {
		alt.Blocks = proseBody(blocks, info)
	}
	return alt, ok
}

// LinesChoice returns the evidence the lines choice reads for an HTML page's blocks (the
// body c's body choice, return and trim give against the line model's from the raw
// lines), the share of words the two bodies agree on, and the blocks read as raw lines;
// ok is false when there is nothing to choose between. c's own lines choice is not asked.
func (c *Cleaner) LinesChoice(blocks []document.Block) (x []float64, agree float64, lines []document.Block, ok bool) {
	if !isHTML(blocks) {
		return nil, 1, nil, false
	}
	blocks, info, prob, _ := c.htmlBody(blocks)
	ctx := context.Background()
	rules := lineRules(blocks, info)
	keep, reasons, _ := judge(ctx, blocks, info, prob, rules, c.model.Threshold, false)
	lkeep, lreasons, _ := judge(ctx, blocks, info, prob, rules, c.model.Threshold, true)
	x, agree, ok = linesFeatures(blocks, info, prob, keep, reasons, lkeep, lreasons)
	if !ok {
		return nil, agree, nil, false
	}
	return x, agree, asLines(blocks), true
}

// ChoiceExample is one page for training the body choice: the evidence for its prose
// against its aligned body, and how much better (positive) or worse the prose scores.
type ChoiceExample struct {
	Features  []float64
	Agreement float64
	Gain      float64 // F1 of the prose body minus F1 of the aligned body
}

// TrainChoice fits the body choice on the examples whose candidates agree on less than
// gate of their words: a logistic regression of "the prose scores better", each page
// weighted by how much the choice matters on it, with ridge penalty l2. Training is
// deterministic.
func TrainChoice(examples []ChoiceExample, gate, l2 float64) *Choice {
	return trainChoice(ChoiceFeatureNames, examples, gate, l2)
}

// TrainLinesChoice fits the lines choice as TrainChoice fits the body choice, on examples
// with LinesFeatureNames: Gain is the F1 of the line model's body from the raw lines
// minus that of the HTML body. The choice takes the lines only when it gives them a
// probability above confidence (one half at least).
func TrainLinesChoice(examples []ChoiceExample, gate, l2, confidence float64) *Choice {
	c := trainChoice(LinesFeatureNames, examples, gate, l2)
	if confidence > 0.5 {
		c.Confidence = confidence
	}
	return c
}

func trainChoice(names []string, examples []ChoiceExample, gate, l2 float64) *Choice {
	var xs [][]float64
	var ys, ws []float64
	for _, e := range examples {
		if e.Agreement >= gate || e.Gain == 0 {
			continue
		}
		xs = append(xs, e.Features)
		ws = append(ws, math.Abs(e.Gain))
		if e.Gain > 0 {
			ys = append(ys, 1)
		} else {
			ys = append(ys, 0)
		}
	}
	c := &Choice{Features: names, Gate: gate, Weights: fitLogistic(xs, ys, ws, l2)}
	if c.Weights == nil {
		// Nothing to learn from: the choice never takes the other body.
		c.Gate = 0
		c.Weights = make([]float64, len(names)+1)
	}
	return c
}
