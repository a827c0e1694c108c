package main

import (
	"math"
	"strings"
	"testing"
)

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
			acc, folds, taken := thresholdAccuracy(pages, picks, scores, everywhere(tt.t), 2)
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

func TestLowestLoss(t *testing.T) {
	tests := []struct {
		name   string
		losses []float64
		want   int
	}{
		{"none", nil, -1},
		{"the lowest", []float64{0.62, 0.61, 0.60, 0.64}, 2},
		{"of equal ones the larger penalty", []float64{0.61, 0.60, 0.60, 0.64}, 2},
		{"the first when it is lowest", []float64{0.5, 0.6}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lowestLoss(tt.losses); got != tt.want {
				t.Errorf("lowestLoss(%v) = %d, want %d", tt.losses, got, tt.want)
			}
		})
	}
}

func TestThresholdScorerTrain(t *testing.T) {
	// One feature; the score is the feature itself and the fit ignores the data, so only
	// the threshold is learned. Each of five folds has right candidates scoring 0.5, 1.5
	// and 2.5 and pages naming nobody whose wrong candidate scores -1.5, 0 and 1.
	right := func(f int, x float64) thresholdPage {
		return thresholdPage{fold: f, x: [][]float64{{x}}, gold: []bool{true}}
	}
	nobody := func(f int, x float64) thresholdPage {
		return thresholdPage{fold: f, x: [][]float64{{x}}, gold: []bool{false}, none: true}
	}
	missed := func(f int, x float64) thresholdPage {
		return thresholdPage{fold: f, x: [][]float64{{x}}, gold: []bool{false}}
	}
	base := func(extra func(f int) []thresholdPage) []thresholdPage {
		var pages []thresholdPage
		for f := range 5 {
			pages = append(pages, right(f, 0.5), right(f, 1.5), right(f, 2.5), nobody(f, -1.5), nobody(f, 0), nobody(f, 1))
			if extra != nil {
				pages = append(pages, extra(f)...)
			}
		}
		return pages
	}
	s := thresholdScorer{
		features: 1,
		fit:      func(xs [][]float64, ys []float64, l2 float64) []float64 { return []float64{0, 1} },
		score:    func(w, x []float64) float64 { return w[1] * x[0] },
	}
	train := func(pages []thresholdPage) float64 {
		var out strings.Builder
		_, got := s.train(&out, pages, 5)
		return got
	}
	t0 := train(base(nil))
	if t0 <= -1.5 || t0 >= 1.5 {
		t.Fatalf("threshold %v, want one between the scores of pages naming nobody and of right ones", t0)
	}
	tests := []struct {
		name     string
		extra    func(f int) []thresholdPage
		min, max float64 // bounds of the change of the threshold
	}{
		// A page moving by 0.1 moves the threshold a little, not by a grid step.
		{"one more right page a little above the threshold moves it a little down",
			func(f int) []thresholdPage {
				if f == 0 {
					return []thresholdPage{right(f, t0+0.1)}
				}
				return nil
			}, -0.2, -1e-6},
		{"pages whose best is wrong where the gold names someone have no say",
			func(f int) []thresholdPage { return []thresholdPage{missed(f, 3), missed(f, -3)} }, 0, 0},
		{"more pages naming nobody at high scores raise it",
			func(f int) []thresholdPage { return []thresholdPage{nobody(f, 2)} }, 1e-6, 3},
		{"pages without candidates have no say",
			func(f int) []thresholdPage { return []thresholdPage{{fold: f, none: true}} }, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := train(base(tt.extra)) - t0; d < tt.min-1e-12 || d > tt.max+1e-12 {
				t.Errorf("threshold moved by %v from %v, want a change in [%v, %v]", d, t0, tt.min, tt.max)
			}
		})
	}
}
