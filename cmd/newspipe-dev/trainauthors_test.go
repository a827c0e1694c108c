package main

import "testing"

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
