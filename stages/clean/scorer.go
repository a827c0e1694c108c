package clean

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
)

// scorerModel is a learned linear scorer of candidates as it is stored: the names of the
// features it weighs, in the order of the feature vector, one logistic weight per feature
// then the bias, and the score the best candidate needs to be taken. The byline and date
// scorers of a raw text are stored so; the headline scorer always takes its best
// candidate and is stored without the threshold.
type scorerModel struct {
	Features  []string  `json:"features"`
	Weights   []float64 `json:"weights"`
	Threshold float64   `json:"threshold"`
}

// parseScorerModel reads a scorer written by encodeScorerModel and checks that it weighs
// features, in that order. name names the scorer and trainer the newspipe-dev command that
// retrains it, for the errors.
func parseScorerModel(data []byte, name string, features []string, trainer string) (scorerModel, error) {
	var m scorerModel
	if err := json.Unmarshal(data, &m); err != nil {
		return m, fmt.Errorf("parse %s model: %w", name, err)
	}
	if !slices.Equal(m.Features, features) || len(m.Weights) != len(features)+1 {
		return m, fmt.Errorf("parse %s model: features do not match this version (retrain with newspipe-dev %s)", name, trainer)
	}
	return m, nil
}

// mustScorer returns m, and panics when err is not nil. It reads the scorers stored in the
// package, which are part of the source tree and checked by the tests:
// mustScorer(parseBylineModel(bylineWeights)).
func mustScorer(m scorerModel, err error) scorerModel {
	if err != nil {
		panic(err)
	}
	return m
}

// encodeScorerModel writes weights w (one per feature, then the bias) and the score
// threshold of the scorer name as JSON.
func encodeScorerModel(name string, features []string, w []float64, threshold float64) ([]byte, error) {
	if len(w) != len(features)+1 {
		return nil, fmt.Errorf("encode %s model: %d weights for %d features", name, len(w), len(features))
	}
	b, err := json.MarshalIndent(scorerModel{Features: features, Weights: w, Threshold: threshold}, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode %s model: %w", name, err)
	}
	return append(b, '\n'), nil
}

// neverTaken returns a scorer over features that takes no candidate: with it the cleaner
// lists the candidates it weighs as if its rules had found nothing.
func neverTaken(features []string) scorerModel {
	return scorerModel{Weights: make([]float64, len(features)+1), Threshold: math.Inf(1)}
}

// best returns the first of the n candidates (features x(k)) that m scores highest when
// its score reaches m's threshold, or -1.
func (m scorerModel) best(n int, x func(k int) []float64) int {
	best, score := -1, 0.0
	for k := range n {
		if s := dot(m.Weights, x(k)); best < 0 || s > score {
			best, score = k, s
		}
	}
	if best < 0 || score < m.Threshold {
		return -1
	}
	return best
}

// fitScorer fits a scorer's logistic weights (one per feature, then the bias) to
// candidates xs labelled ys, every candidate weighed the same, with ridge penalty l2.
func fitScorer(xs [][]float64, ys []float64, l2 float64) []float64 {
	ws := make([]float64, len(xs))
	for i := range ws {
		ws[i] = 1
	}
	return fitLogistic(xs, ys, ws, l2)
}
