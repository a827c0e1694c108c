package clean

import (
	"math"
	"reflect"
	"testing"
)

// TestFitSoftmaxChoosesByEvidence fits a per-page choice where one feature marks the right
// line of each page and another is noise shared by all lines, and checks the fitted
// weights rank each page's right line first.
func TestFitSoftmaxChoosesByEvidence(t *testing.T) {
	var pages [][][]float64
	var gold [][]bool
	for k := range 30 {
		var p [][]float64
		var g []bool
		for i := range 4 {
			x := []float64{float64((k + i) % 3), float64(k % 5)} // noise, page-wide noise
			right := i == k%4
			if right {
				x[0] += 3 // the evidence
			}
			p, g = append(p, x), append(g, right)
		}
		pages, gold = append(pages, p), append(gold, g)
	}
	w := fitSoftmax(pages, gold, 0.1)
	if len(w) != 3 || w[2] != 0 {
		t.Fatalf("weights %v: want two and a zero bias", w)
	}
	for k, p := range pages {
		best, score := -1, math.Inf(-1)
		for i, x := range p {
			if s := dot(w, x); s > score {
				best, score = i, s
			}
		}
		if !gold[k][best] {
			t.Errorf("page %d: line %d chosen, weights %v", k, best, w)
		}
	}
	if again := fitSoftmax(pages, gold, 0.1); !reflect.DeepEqual(again, w) {
		t.Error("fitting twice gave different weights")
	}
}

func TestLogAdd(t *testing.T) {
	tests := []struct{ a, b, want float64 }{
		{0, 0, math.Log(2)},
		{math.Inf(-1), 1.5, 1.5},
		{2, math.Inf(-1), 2},
		{1000, 1000, 1000 + math.Log(2)},
	}
	for _, tt := range tests {
		if got := logAdd(tt.a, tt.b); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("logAdd(%g, %g) = %g, want %g", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestFitSoftmaxIgnoresPageShifts checks that a per-page choice is fitted to the same
// weights when a feature moves by the same amount on every line of a page, as the
// distance and share features of a page's headline candidates do when a refit of the line
// model moves the body's first line: "train meta" prefers the choice for that reason.
func TestFitSoftmaxIgnoresPageShifts(t *testing.T) {
	build := func(shift func(page, feature int) float64) ([][][]float64, [][]bool) {
		var pages [][][]float64
		var gold [][]bool
		for k := range 24 {
			var p [][]float64
			var g []bool
			for i := range 4 {
				x := []float64{float64(i), float64((k + i) % 3)}
				right := i == (k*7)%4
				if right {
					x[1] += 2
				}
				for f := range x {
					x[f] += shift(k, f)
				}
				p, g = append(p, x), append(g, right)
			}
			pages, gold = append(pages, p), append(gold, g)
		}
		return pages, gold
	}
	pages, gold := build(func(int, int) float64 { return 0 })
	base := fitSoftmax(pages, gold, 0.1)
	for _, tc := range []struct {
		name  string
		shift func(page, feature int) float64
	}{
		{"position shifted per page", func(k, f int) float64 { return b2f(f == 0) * float64(k%5) }},
		{"evidence shifted per page", func(k, f int) float64 { return b2f(f == 1) * float64(k%3) * 0.5 }},
		{"both shifted", func(k, f int) float64 { return float64(k%4) - float64(f) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pages, gold := build(tc.shift)
			w := fitSoftmax(pages, gold, 0.1)
			for j := range base {
				if math.Abs(w[j]-base[j]) > 1e-6 {
					t.Errorf("weights %v, unshifted %v", w, base)
					break
				}
			}
		})
	}
}
