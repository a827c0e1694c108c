package main

import (
	"math"
	"testing"
)

func TestFitPlatt(t *testing.T) {
	tests := []struct {
		name      string
		take, not []float64
		// The fitted slope's sign, and where set the score at which taking and not taking
		// are equally likely (-b/a), within tol.
		slope     int
		even, tol float64
	}{
		{"overlapping classes mirrored about 1 are even at 1",
			[]float64{0, 1.5, 2, 2.5, 3}, []float64{-1, -0.5, 0, 0.5, 2}, 1, 1, 1e-6},
		{"separated classes stay finite and even between them",
			[]float64{2, 3}, []float64{-3, -2}, 1, 0, 1e-6},
		{"scores that do not separate give no slope", []float64{1, 1}, []float64{1, 1}, 0, math.NaN(), 0},
		{"higher scores more often wrong give a falling slope",
			[]float64{-1, -0.5, 0.5}, []float64{1, 0.5, -0.5}, -1, math.NaN(), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := fitPlatt(tt.take, tt.not)
			if math.IsNaN(f.a) || math.IsNaN(f.b) || math.IsInf(f.a, 0) {
				t.Fatalf("fitPlatt = %+v, not finite", f)
			}
			switch {
			case tt.slope > 0 && f.a <= 0, tt.slope < 0 && f.a >= 0, tt.slope == 0 && math.Abs(f.a) > 1e-6:
				t.Fatalf("slope %v, want sign %d", f.a, tt.slope)
			}
			if !math.IsNaN(tt.even) {
				if even := -f.b / f.a; math.Abs(even-tt.even) > tt.tol {
					t.Errorf("even at %v, want %v", even, tt.even)
				}
			}
		})
	}
}

func TestFitPlattDeterministic(t *testing.T) {
	take, not := []float64{0.3, 1.2, 2.5, -0.4}, []float64{-2, -0.1, 0.8}
	if a, b := fitPlatt(take, not), fitPlatt(take, not); a != b {
		t.Errorf("two fits differ: %+v, %+v", a, b)
	}
}

func TestPlattThreshold(t *testing.T) {
	c := math.Log(misnameCost)
	tests := []struct {
		name string
		fit  plattFit
		want float64
	}{
		{"rising fit: where the odds of right equal the cost", plattFit{a: 2, b: 1}, (c - 1) / 2},
		{"even odds at 0 move up by the cost", plattFit{a: 1, b: 0}, c},
		{"flat fit, taking likelier: take every best", plattFit{a: 0, b: c + 1}, -5},
		{"flat fit, taking not likelier: take none", plattFit{a: 0, b: c - 0.1}, 5},
		{"falling fit: take none", plattFit{a: -1, b: 0}, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.fit.threshold(-5, 5); math.Abs(got-tt.want) > 1e-12 {
				t.Errorf("threshold = %v, want %v", got, tt.want)
			}
		})
	}
}
