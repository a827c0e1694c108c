package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
)

// groupedCV cross-validates over folds of sites (URL hosts): for each fold, accuracy fits
// on the pages train keeps (those of the other folds) and returns the share right of the
// pages test keeps (those of the fold). It returns the share right of all pages and its
// range over the folds.
func groupedCV[P any](pages []P, folds int, fold func(P) int, accuracy func(train, test func(P) bool) float64) (cv, lo, hi float64) {
	right, n := 0.0, 0
	lo, hi = 1.0, 0.0
	for f := range folds {
		test := func(p P) bool { return fold(p) == f }
		acc := accuracy(func(p P) bool { return fold(p) != f }, test)
		m := 0
		for _, p := range pages {
			if test(p) {
				m++
			}
		}
		right += acc * float64(m)
		n += m
		lo, hi = min(lo, acc), max(hi, acc)
	}
	return right / float64(n), lo, hi
}

// shareRight is the share of the pages in for which right reports the choice made right;
// 0 when in keeps none.
func shareRight[P any](pages []P, in func(P) bool, right func(P) bool) float64 {
	r, n := 0, 0
	for _, p := range pages {
		if !in(p) {
			continue
		}
		n++
		if right(p) {
			r++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(r) / float64(n)
}

// ridgePenalties are the ridge penalties the per-page choices are cross-validated with.
var ridgePenalties = []float64{0.01, 0.1, 1, 10, 100}

// chooseRidge cross-validates a per-page choice over folds of sites for each of
// ridgePenalties: fit fits weights on the pages in, accuracy scores weights on the pages in.
// It prints each penalty's grouped CV share right and its range over the folds to out, and
// returns the penalty with the best share (the smallest of equals) and that share.
func chooseRidge[P any](out io.Writer, pages []P, folds int, fold func(P) int, fit func(l2 float64, in func(P) bool) []float64, accuracy func(w []float64, in func(P) bool) float64) (l2, cv float64) {
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "l2\tgrouped CV\tfolds")
	cv = -1
	for _, pen := range ridgePenalties {
		acc, lo, hi := groupedCV(pages, folds, fold, func(train, test func(P) bool) float64 {
			return accuracy(fit(pen, train), test)
		})
		fmt.Fprintf(tw, "%g\t%.3f\t%.2f-%.2f\n", pen, acc, lo, hi)
		if acc > cv+1e-9 {
			cv, l2 = acc, pen
		}
	}
	tw.Flush()
	return l2, cv
}

// countReachable counts the pages of which some candidate is right.
func countReachable[P any](pages []P, gold func(P) []bool) int {
	n := 0
	for _, p := range pages {
		if slices.Contains(gold(p), true) {
			n++
		}
	}
	return n
}

// listFailures prints to out, one a line, up to n pages of folds 1 to folds-1 (fold 0 is
// held out) whose choice is wrong under the weights fit fits on the other folds' pages:
// failure returns a page's line under weights w, or "" when its choice is right.
func listFailures[P any](out io.Writer, pages []P, n, folds int, fold func(P) int, fit func(in func(P) bool) []float64, failure func(p P, w []float64) string) {
	listed := 0
	for f := 1; f < folds && listed < n; f++ {
		w := fit(func(p P) bool { return fold(p) != f })
		for _, p := range pages {
			if fold(p) != f || listed >= n {
				continue
			}
			if line := failure(p, w); line != "" {
				fmt.Fprintln(out, line)
				listed++
			}
		}
	}
}

// scoredCandidates lists a page's n candidates in order, separated by commas, each as its
// label and its score: the chosen one, b, marked "*" and, where gold is not nil, the gold
// ones "=" (after the "*").
func scoredCandidates(n, b int, gold []bool, label func(i int) string, score func(i int) float64) string {
	var cs []string
	for i := range n {
		mark := ""
		if i == b {
			mark = "*"
		}
		if gold != nil && gold[i] {
			mark += "="
		}
		cs = append(cs, fmt.Sprintf("%s%s %.2f", mark, label(i), score(i)))
	}
	return strings.Join(cs, ", ")
}
