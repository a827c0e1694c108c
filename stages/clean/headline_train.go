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
	return fitScorer(xs, ys, l2)
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
			out = append(out, HeadlineCandidate{Text: h.textOf(info), Features: h.x})
		}
	}
	blocks, info, keep, reasons, _, _ := c.classify(context.Background(), blocks)
	readMetaWith(blocks, info, keep, reasons, storedMetaModels(), &metaTrace{headlines: collect})
	return out
}

// FitHeadlineChoice fits the headline scorer as a per-page choice among the page's
// candidates (conditional logit, see fitSoftmax) instead of one yes or no per line:
// pages[k] holds page k's candidate feature vectors, gold[k] which are the gold title.
func FitHeadlineChoice(pages [][][]float64, gold [][]bool, l2 float64) []float64 {
	return fitSoftmax(pages, gold, l2)
}
