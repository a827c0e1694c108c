package clean

import (
	"context"

	"github.com/newspipe/newspipe/document"
)

// DatelineFeatures is the number of features of a candidate publication date.
var DatelineFeatures = len(datelineFeatureNames)

// DatelineCandidate is a date written on a raw text's line that the cleaner weighs as the
// article's publication date, when its rules find none.
type DatelineCandidate struct {
	Line     string
	Date     string // the day, YYYY-MM-DD
	Features []float64
}

// EncodeDatelineModel writes date weights (one per feature, then the bias) and the score
// threshold as JSON.
func EncodeDatelineModel(w []float64, threshold float64) ([]byte, error) {
	return encodeScorerModel("dateline", datelineFeatureNames, w, threshold)
}

// FitDateline fits the date scorer's logistic weights (one per feature, then the bias) to
// candidate dates xs labelled ys (1 for the gold publication day), with ridge penalty l2.
func FitDateline(xs [][]float64, ys []float64, l2 float64) []float64 {
	return fitScorer(xs, ys, l2)
}

// ScoreDateline is the score (log-odds) weights w give a candidate with features x.
func ScoreDateline(w, x []float64) float64 { return dot(w, x) }

// DatelineCandidates returns the publication date the cleaner's rules read in an
// article's lines, when they read none the update date they read (which stands for the
// publication date when the date scorer takes none), and the dates the date scorer weighs,
// with their features: the training data of the date scorer where the rules read no date.
// Where they read one, the candidates are listed all the same, though the scorer never
// weighs them there, to count the pages whose gold day is written in a form the scorer reads.
func (c *Cleaner) DatelineCandidates(blocks []document.Block) (ruled, updated string, cands []DatelineCandidate) {
	collect := func(info []lineInfo, dc []datelineCandidate) {
		for _, d := range dc {
			cands = append(cands, DatelineCandidate{Line: info[d.line].text, Date: d.date, Features: d.x})
		}
	}
	m := storedMetaModels()
	m.dateline = neverTaken(datelineFeatureNames)
	blocks, info, keep, reasons, _, _ := c.classify(context.Background(), blocks)
	meta := readMetaWith(blocks, info, keep, reasons, m, &metaTrace{datelines: collect})
	return meta.Published, meta.Updated, cands
}
