package main

import (
	"math"
	"testing"

	"github.com/newspipe/newspipe/internal/shingle"
)

func TestSelectSetting(t *testing.T) {
	best := []float64{0.90, 0.92, 0.91, 0.93, 0.89}
	noisy := []float64{0.91, 0.91, 0.90, 0.94, 0.88}      // differences +-0.01: SE 0.0049
	below := []float64{0.895, 0.915, 0.905, 0.925, 0.885} // 0.005 below on every fold: SE 0
	tests := []struct {
		name     string
		grid     []choiceSetting
		wantGate float64
		wantL2   float64
		wantOK   bool
	}{
		{
			name: "none eligible",
			grid: []choiceSetting{{gate: 0.5, l2: 1, mean: 0.95, folds: best, takes: 10}},
		},
		{
			name: "a tie within one SE goes to the fewest pages taken",
			grid: []choiceSetting{
				{gate: 0.9, l2: 0.1, mean: 0.9108, folds: best, takes: 120, eligible: true},
				{gate: 0.5, l2: 0.1, mean: 0.9100, folds: noisy, takes: 40, eligible: true},
				{gate: 0.2, l2: 0.1, mean: 0.9120, folds: noisy, takes: 10, eligible: false},
			},
			wantGate: 0.5, wantL2: 0.1, wantOK: true,
		},
		{
			name: "a setting that loses on every fold is not a tie",
			grid: []choiceSetting{
				{gate: 0.9, l2: 0.1, mean: 0.9108, folds: best, takes: 120, eligible: true},
				{gate: 0.5, l2: 0.1, mean: 0.9058, folds: below, takes: 40, eligible: true},
			},
			wantGate: 0.9, wantL2: 0.1, wantOK: true,
		},
		{
			name: "equal pages taken go to the larger penalty",
			grid: []choiceSetting{
				{gate: 0.9, l2: 0.01, mean: 0.9108, folds: best, takes: 40, eligible: true},
				{gate: 0.9, l2: 1, mean: 0.9107, folds: noisy, takes: 40, eligible: true},
				{gate: 0.9, l2: 0.1, mean: 0.9107, folds: noisy, takes: 40, eligible: true},
			},
			wantGate: 0.9, wantL2: 1, wantOK: true,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := selectSetting(tc.grid)
			if ok != tc.wantOK || got.gate != tc.wantGate || got.l2 != tc.wantL2 {
				t.Errorf("selectSetting = gate %v l2 %v, %v; want gate %v l2 %v, %v", got.gate, got.l2, ok, tc.wantGate, tc.wantL2, tc.wantOK)
			}
		})
	}
}

func TestStandardErrorOfFolds(t *testing.T) {
	// Two values 0.9 and 1.0: sample SD 0.0707, over sqrt(2) gives 0.05.
	if got := standardError([]float64{0.9, 1.0}); got < 0.0499 || got > 0.0501 {
		t.Errorf("standardError = %v, want 0.05", got)
	}
}

func TestFoldScores(t *testing.T) {
	pages := []shingle.Page{{Precision: 1, Recall: 1}, {Precision: 0.5, Recall: 0.5}, {Precision: 0, Recall: 0}}
	pick := func(i int) shingle.Page { return pages[i] }
	tests := []struct {
		name   string
		groups [][]int
		fold   []int
		folds  int
		want   []float64
	}{
		{name: "one group per fold", groups: [][]int{{0, 1, 2}}, fold: []int{0, 1, 1}, folds: 2, want: []float64{1, 0.25}},
		{name: "groups averaged within a fold", groups: [][]int{{0, 1}, {2}}, fold: []int{0, 1, 0}, folds: 2, want: []float64{0.5, 0.5}},
		{name: "a fold without pages is left out", groups: [][]int{{0}, {1}}, fold: []int{2, 2, 0}, folds: 3, want: []float64{0.75}},
		{name: "a group is scored on its pages only", groups: [][]int{{1}}, fold: []int{0, 0, 0}, folds: 1, want: []float64{0.5}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := foldScores(tc.groups, tc.fold, tc.folds, pick)
			if len(got) != len(tc.want) {
				t.Fatalf("foldScores = %v, want %v", got, tc.want)
			}
			for k := range got {
				if math.Abs(got[k]-tc.want[k]) > 1e-9 {
					t.Errorf("foldScores = %v, want %v", got, tc.want)
				}
			}
		})
	}
}

func TestCatastrophe(t *testing.T) {
	tests := []struct {
		name          string
		before, after float64
		made, rescued bool
	}{
		{"a good page lost", 0.81, 0.34, true, false},
		{"a good page lowered, not lost", 0.81, 0.5, false, false},
		{"a middling page lost", 0.79, 0.1, false, false},
		{"a lost page rescued", 0.2, 0.8, false, true},
		{"a lost page raised, not rescued", 0.2, 0.79, false, false},
		{"unchanged", 0.9, 0.9, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			made, rescued := catastrophe(tc.before, tc.after)
			if made != tc.made || rescued != tc.rescued {
				t.Errorf("catastrophe(%v, %v) = %v, %v; want %v, %v", tc.before, tc.after, made, rescued, tc.made, tc.rescued)
			}
		})
	}
}
