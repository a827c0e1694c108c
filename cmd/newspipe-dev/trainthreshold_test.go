package main

import (
	"math"
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
