package main

import (
	"math"
	"strings"
	"testing"
)

func TestBeatsThreshold(t *testing.T) {
	tests := []struct {
		name                            string
		acc, l2, t, best, bestL2, bestT float64
		want                            bool
	}{
		{"higher accuracy", 0.52, 0.1, -2, 0.51, 0.01, -1, true},
		{"lower accuracy", 0.50, 0.01, 1, 0.51, 0.01, -1, false},
		{"tie, higher threshold, same penalty", 0.509, 0.01, -1, 0.509, 0.01, -1.5, true},
		{"tie, lower threshold", 0.509, 0.01, -2, 0.509, 0.01, -1.5, false},
		{"tie, other penalty", 0.509, 0.1, 2, 0.509, 0.01, -1.5, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := beatsThreshold(tt.acc, tt.l2, tt.t, tt.best, tt.bestL2, tt.bestT); got != tt.want {
				t.Errorf("beatsThreshold = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestStandardError(t *testing.T) {
	tests := []struct {
		name string
		xs   []float64
		want float64
	}{
		{"none", nil, 0},
		{"one fold", []float64{0.5}, 0},
		{"equal folds", []float64{0.5, 0.5, 0.5}, 0},
		// mean 0.5, sample variance 0.02/3, over sqrt(4).
		{"four folds", []float64{0.4, 0.5, 0.5, 0.6}, math.Sqrt(0.02/3) / 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := standardError(tt.xs); math.Abs(got-tt.want) > 1e-12 {
				t.Errorf("standardError(%v) = %v, want %v", tt.xs, got, tt.want)
			}
		})
	}
}

func TestThresholdAccuracy(t *testing.T) {
	// Four pages in two folds: a right candidate at 1, a wrong one at 0.5, none right on a
	// page naming nobody whose best scores -1, and a page without candidates naming nobody.
	pages := []thresholdPage{
		{fold: 0, x: [][]float64{{1}}, gold: []bool{true}},
		{fold: 0, x: [][]float64{{0.5}}, gold: []bool{false}},
		{fold: 1, x: [][]float64{{-1}}, gold: []bool{false}, none: true},
		{fold: 1, none: true},
	}
	picks := []int{0, 0, 0, -1}
	scores := []float64{1, 0.5, -1, math.Inf(-1)}
	tests := []struct {
		name      string
		t         float64
		wantAcc   float64
		wantFolds []float64
		wantTaken int
	}{
		{"low threshold names everyone it can", -2, 0.5, []float64{0.5, 0.5}, 3},
		{"middle threshold names the two best", 0, 0.75, []float64{0.5, 1}, 2},
		{"high threshold names the best alone", 0.75, 0.75, []float64{0.5, 1}, 1},
		{"above every score names nobody", 2, 0.5, []float64{0, 1}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			acc, folds, taken := thresholdAccuracy(pages, picks, scores, tt.t, 2)
			if math.Abs(acc-tt.wantAcc) > 1e-12 || taken != tt.wantTaken || len(folds) != len(tt.wantFolds) {
				t.Fatalf("thresholdAccuracy = %v, %v, %d; want %v, %v, %d", acc, folds, taken, tt.wantAcc, tt.wantFolds, tt.wantTaken)
			}
			for f := range folds {
				if math.Abs(folds[f]-tt.wantFolds[f]) > 1e-12 {
					t.Errorf("fold %d = %v, want %v", f, folds[f], tt.wantFolds[f])
				}
			}
		})
	}
}

func TestThresholdScorerTrain(t *testing.T) {
	// One feature; the score is the feature itself and the fit ignores the data, so only
	// the threshold is chosen. Every fold has a right candidate scoring 2.2, and some a
	// right candidate at 0.2 (lost by thresholds over 0) or a page naming nobody whose
	// candidate scores 0.4 (won by thresholds over 0.4).
	right := func(f int, x float64) thresholdPage {
		return thresholdPage{fold: f, x: [][]float64{{x}}, gold: []bool{true}}
	}
	nobody := func(f int) thresholdPage {
		return thresholdPage{fold: f, x: [][]float64{{0.4}}, gold: []bool{false}, none: true}
	}
	var mixed, lowWins []thresholdPage
	for f := range 5 {
		mixed = append(mixed, right(f, 2.2))
		lowWins = append(lowWins, right(f, 2.2), right(f, 0.2))
		if f%2 == 0 {
			mixed = append(mixed, right(f, 0.2))
		} else {
			mixed = append(mixed, nobody(f))
		}
	}
	tests := []struct {
		name  string
		pages []thresholdPage
		want  float64
	}{
		// Thresholds up to 0 score 0.8, 0.5 and over 0.7: 0.1 less, but the folds
		// disagree (+0.5 on three, -0.5 on two: SE 0.245), and 0.5 names 5 pages, not 10.
		{"a threshold within one SE that names fewer pages is chosen", mixed, 0.5},
		// 0.5 loses 0.5 on every fold: no tie; the thresholds up to 0 name the same pages.
		{"a threshold that loses on every fold is not", lowWins, -3},
	}
	s := thresholdScorer{
		features: 1,
		fit:      func(xs [][]float64, ys []float64, l2 float64) []float64 { return []float64{0, 1} },
		score:    func(w, x []float64) float64 { return w[1] * x[0] },
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out strings.Builder
			if _, got := s.train(&out, tt.pages, 5); got != tt.want {
				t.Errorf("threshold = %v, want %v\n%s", got, tt.want, out.String())
			}
		})
	}
}
