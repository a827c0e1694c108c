package clean

import (
	"context"

	"github.com/newspipe/newspipe/document"
)

// BylineFeatures is the number of features of a candidate byline line.
var BylineFeatures = len(bylineFeatureNames)

// BylineCandidate is a line the cleaner weighs as the one naming the article's authors,
// when its rules find no byline.
type BylineCandidate struct {
	Text     string
	Names    []string
	Features []float64
}

// EncodeBylineModel writes byline weights (one per feature, then the bias) and the score
// threshold as JSON.
func EncodeBylineModel(w []float64, threshold float64) ([]byte, error) {
	return encodeScorerModel("byline", bylineFeatureNames, w, threshold)
}

// FitByline fits the byline scorer's logistic weights (one per feature, then the bias)
// to candidate lines xs labelled ys (1 for a line naming the gold authors), with ridge
// penalty l2.
func FitByline(xs [][]float64, ys []float64, l2 float64) []float64 {
	return fitScorer(xs, ys, l2)
}

// ScoreByline is the score (log-odds) weights w give a candidate with features x.
func ScoreByline(w, x []float64) float64 { return dot(w, x) }

// BylineCandidates returns the authors the cleaner's rules read in an article's lines,
// the site's name it reads there (which metadata.CleanAuthors takes, as the stages give
// it) and, when the rules read no author, the lines the byline scorer weighs, with their
// features: the training data of the byline scorer.
func (c *Cleaner) BylineCandidates(blocks []document.Block) (ruled []string, site string, cands []BylineCandidate) {
	collect := func(info []lineInfo, bc []bylineCandidate) {
		for _, b := range bc {
			cands = append(cands, BylineCandidate{Text: info[b.line].text, Names: b.names, Features: b.x})
		}
	}
	blocks, info, keep, reasons, _, _ := c.classify(context.Background(), blocks)
	m := storedMetaModels()
	m.byline = neverTaken(bylineFeatureNames)
	meta := readMetaWith(blocks, info, keep, reasons, m, &metaTrace{bylines: collect})
	return meta.Authors, meta.Site, cands
}
