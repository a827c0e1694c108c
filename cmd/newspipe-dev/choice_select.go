package main

import (
	"fmt"
	"io"

	"github.com/newspipe/newspipe/internal/shingle"
)

// choiceSetting is one point of a choice's grid with its grouped cross-validated figures.
type choiceSetting struct {
	gate, l2   float64
	confidence float64   // probability the other body must be given (lines choice; 0 elsewhere)
	mean       float64   // mean of per-set F1 over all pages
	folds      []float64 // per-fold mean of per-set F1
	takes      int       // pages on which the choice replaces the body it is offered (blocks the return brings back)
	eligible   bool      // lowers no set and raises the mean over the body without the choice
}

// selectSetting returns the setting to train: among the eligible settings whose mean lies
// within one standard error of the best eligible mean, the one that replaces the body on the
// fewest pages, and of those the one with the largest ridge penalty. The standard error is
// that of the per-fold differences from the best setting: the folds differ in difficulty far
// more than the settings do, so the spread of the fold means alone would call settings ties
// that lose on every fold. Settings a standard error apart are not told apart by the folds;
// the one that changes the fewest pages is the one a small change elsewhere in the pipeline
// is least likely to flip. It reports false when no setting is eligible.
func selectSetting(grid []choiceSetting) (choiceSetting, bool) {
	best := bestEligible(grid)
	if best < 0 {
		return choiceSetting{}, false
	}
	pick := best
	for i, s := range grid {
		if !s.eligible || grid[best].mean-s.mean > pairedSE(grid[best], s) {
			continue
		}
		p := grid[pick]
		if s.takes < p.takes || (s.takes == p.takes && s.l2 > p.l2) {
			pick = i
		}
	}
	return grid[pick], true
}

// bestEligible returns the index of the eligible setting with the best mean, the first of
// equal ones, or -1 when none is eligible.
func bestEligible(grid []choiceSetting) int {
	best := -1
	for i, s := range grid {
		if s.eligible && (best < 0 || s.mean > grid[best].mean) {
			best = i
		}
	}
	return best
}

// pairedSE returns the standard error of the per-fold differences between two settings.
func pairedSE(a, b choiceSetting) float64 {
	if len(a.folds) != len(b.folds) {
		return 0
	}
	d := make([]float64, len(a.folds))
	for k := range d {
		d[k] = a.folds[k] - b.folds[k]
	}
	return standardError(d)
}

// catastrophe reports whether a choice that moves a page's F1 from before to after makes
// the page catastrophic (from 0.8 or more to under 0.5: a page lost whole weighs on a
// reader more than the mean F1 says) or rescues it (the other way round).
func catastrophe(before, after float64) (made, rescued bool) {
	return before >= 0.8 && after < 0.5, before < 0.5 && after >= 0.8
}

// b2i is 1 for true and 0 for false.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// foldScores returns per fold the mean over the groups (lists of page indices) of each
// group's F1 of the scores that pick gives its pages in that fold; a group without pages in
// a fold is left out of that fold's mean.
func foldScores(groups [][]int, fold []int, folds int, pick func(int) shingle.Page) []float64 {
	var scores []float64
	for k := 0; k < folds; k++ {
		var per []float64
		for _, grp := range groups {
			var sc []shingle.Page
			for _, i := range grp {
				if fold[i] == k {
					sc = append(sc, pick(i))
				}
			}
			if len(sc) > 0 {
				per = append(per, shingle.Summarize(sc).F1)
			}
		}
		if len(per) > 0 {
			scores = append(scores, mean(per))
		}
	}
	return scores
}

// printGrid writes one line per setting: its gate (named gate), penalty and mean, the
// standard error over the folds of its fold means, the standard error of its per-fold
// differences from the best eligible setting, what it changes (takes says it of the
// setting's count), whether it is eligible, and figures.
func printGrid(w io.Writer, grid []choiceSetting, figures []string, gate string, takes func(int) string) {
	best := bestEligible(grid)
	for i, s := range grid {
		vs := "     -"
		if best >= 0 {
			vs = fmt.Sprintf("%.4f", pairedSE(grid[best], s))
		}
		fmt.Fprintf(w, "  %s %.2f  l2 %-4g  %.4f  SE %.4f  SE vs best %s  %s  eligible: %v  %s\n",
			gate, s.gate, s.l2, s.mean, standardError(s.folds), vs, takes(s.takes), s.eligible, figures[i])
	}
}
