package clean

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/newspipe/newspipe/document"
)

// EncodeHeadlineModel writes headline weights (one per feature, then the bias) as JSON.
func EncodeHeadlineModel(w []float64) ([]byte, error) {
	if len(w) != len(headlineFeatureNames)+1 {
		return nil, fmt.Errorf("encode headline model: %d weights for %d features", len(w), len(headlineFeatureNames))
	}
	b, err := json.MarshalIndent(headlineModel{Features: headlineFeatureNames, Weights: w}, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode headline model: %w", err)
	}
	return append(b, '\n'), nil
}

// FitHeadline fits the headline scorer's logistic weights (one per feature, then the bias)
// to candidate lines xs labelled ys (1 for the gold headline), with ridge penalty l2.
func FitHeadline(xs [][]float64, ys []float64, l2 float64) []float64 {
	ws := make([]float64, len(xs))
	for i := range ws {
		ws[i] = 1
	}
	return fitLogistic(xs, ys, ws, l2)
}

// ScoreHeadline is the score (log-odds) weights w give a candidate with features x.
func ScoreHeadline(w, x []float64) float64 { return dot(w, x) }

// HeadlineCandidates returns the lines of an article that the cleaner weighs as its
// headline, with their features, in the order it weighs them: the training data of the
// headline scorer.
func (c *Cleaner) HeadlineCandidates(blocks []document.Block) []HeadlineCandidate {
	var out []HeadlineCandidate
	collect := func(info []lineInfo, cands []headlineCandidate) {
		for _, h := range cands {
			out = append(out, HeadlineCandidate{Text: info[h.line].text, Features: h.x})
		}
	}
	info, keep, reasons := c.classify(context.Background(), blocks)
	readMetaWith(blocks, info, keep, reasons, storedHeadline, collect)
	return out
}

// classify marks each block kept or removed with a reason, as CleanContext does before it
// reads the metadata (TestClassifyMatchesClean holds the two together).
func (c *Cleaner) classify(ctx context.Context, blocks []document.Block) (info []lineInfo, keep []bool, reasons []string) {
	info = analyseBlocks(blocks)
	prob := c.model.score(info)
	keep = make([]bool, len(blocks))
	reasons = make([]string, len(blocks))
	for i := range blocks {
		if i%256 == 0 && ctx.Err() != nil {
			return info, keep, reasons
		}
		li := &info[i]
		keep[i] = prob[i] >= c.model.Threshold
		if r := hardChrome(li); r != "" {
			keep[i], reasons[i] = false, r
			continue
		}
		if r := noteAboutArticle(blocks[i].Text); r != "" {
			keep[i], reasons[i] = false, r
			continue
		}
		b := &blocks[i]
		switch {
		case b.Outside != "":
			if !(keep[i] && prob[i] > 0.97 && li.words >= 25 && li.final) {
				keep[i], reasons[i] = false, b.Outside
			}
		case b.Tag != "":
			// Inside the HTML extractor's body only in-body chrome goes: short lines with
			// chrome vocabulary or mostly links that the classifier also rejects.
			inBodyChrome := li.words <= 25 && (li.vocab&(chromeVocab|vRelated|vCredit|vComment) != 0 || b.LinkDensity > 0.5)
			keep[i] = b.Heading || keep[i] || !inBodyChrome
		}
	}
	sandwich(info, keep, reasons)
	fillGaps(info, keep, reasons)
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
	return info, keep, reasons
}
