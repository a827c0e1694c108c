package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"text/tabwriter"
)

// thresholdPage is one page for a scorer that takes the page's best-scored candidate when
// it scores at least a threshold: the candidates' features, which of them are right, and
// whether taking none is right (the gold names nothing).
type thresholdPage struct {
	fold int
	x    [][]float64
	gold []bool
	none bool
}

// thresholds are the scores tried as the one a candidate needs to be taken.
var thresholds = []float64{-3, -2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2}

// thresholdScorer is a scorer of the cleaner that takes a page's best candidate when it
// scores at least a threshold (the byline and date scorers of a raw text).
type thresholdScorer struct {
	features int                                                      // the number of features
	fit      func(xs [][]float64, ys []float64, l2 float64) []float64 // clean.FitByline, clean.FitDateline
	score    func(w, x []float64) float64                             // clean.ScoreByline, clean.ScoreDateline
}

// train chooses the ridge penalty and the threshold by cross-validation over folds of
// sites, printing each pair's score (the share of pages that come out right) to stdout,
// and returns the weights fitted on all pages with the chosen threshold. The pair is
// chosen as the HTML choices choose theirs (selectSetting): among the pairs whose score
// lies within one standard error (that of their per-fold differences) of the best, the
// one that takes a candidate on the fewest pages, then the larger penalty. Pairs a
// standard error apart are not told apart by the folds, and naming nobody (no author,
// no date) is better than naming the wrong one; the best score alone moves to another
// threshold with any small change upstream (a refit line model).
func (s thresholdScorer) train(stdout io.Writer, pages []thresholdPage, folds int) (w []float64, threshold float64) {
	var grid []choiceSetting
	var spread []string
	for _, l2 := range []float64{0.01, 0.1, 1, 10} {
		scores := make([]float64, len(pages))
		picks := make([]int, len(pages))
		for f := range folds {
			w := s.fitPages(pages, l2, func(p thresholdPage) bool { return p.fold != f })
			for i, p := range pages {
				if p.fold == f {
					picks[i], scores[i] = s.best(p, w)
				}
			}
		}
		for _, t := range thresholds {
			acc, perFold, taken := thresholdAccuracy(pages, picks, scores, t, folds)
			grid = append(grid, choiceSetting{gate: t, l2: l2, mean: acc, folds: perFold, takes: taken, eligible: true})
			if len(perFold) == 0 {
				spread = append(spread, "-")
			} else {
				spread = append(spread, fmt.Sprintf("%.2f-%.2f", slices.Min(perFold), slices.Max(perFold)))
			}
		}
	}
	best, _ := selectSetting(grid)
	top := grid[bestEligible(grid)]
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "l2\tthreshold\tgrouped CV\tfolds\tstandard error\tSE vs best\tpages named")
	for i, g := range grid {
		fmt.Fprintf(tw, "%g\t%g\t%.3f\t%s\t%.3f\t%.3f\t%d\n", g.l2, g.gate, g.mean, spread[i], standardError(g.folds), pairedSE(top, g), g.takes)
	}
	tw.Flush()
	w = s.fitPages(pages, best.l2, func(thresholdPage) bool { return true })
	picks := make([]int, len(pages))
	scores := make([]float64, len(pages))
	for i, p := range pages {
		picks[i], scores[i] = s.best(p, w)
	}
	train, _, _ := thresholdAccuracy(pages, picks, scores, best.gate, folds)
	fmt.Fprintf(stdout, "best grouped CV: l2 %g, threshold %g, %.3f\n", top.l2, top.gate, top.mean)
	fmt.Fprintf(stdout, "chosen (fewest pages named within one SE of the best) l2 %g, threshold %g: grouped CV %.3f, all pages (training) %.3f\n", best.l2, best.gate, best.mean, train)
	return w, best.gate
}

// beatsThreshold reports whether the setting (l2, t) with cross-validated accuracy acc
// is to be chosen over the best so far: a higher accuracy, or the same accuracy with the
// same penalty and a higher threshold. Where the evidence is equal, naming nobody (no
// author, no date) is better than naming the wrong one.
func beatsThreshold(acc, l2, t, best, bestL2, bestT float64) bool {
	return acc > best+1e-9 || acc > best-1e-9 && l2 == bestL2 && t > bestT
}

// fitPages fits the weights on the candidates of the pages in; they are all zero when
// these pages have no candidate.
func (s thresholdScorer) fitPages(pages []thresholdPage, l2 float64, in func(thresholdPage) bool) []float64 {
	xs, ys := labelledRows(pages, in,
		func(p thresholdPage) ([][]float64, []bool) { return p.x, p.gold },
		func(x []float64) []float64 { return x })
	if len(xs) == 0 {
		return make([]float64, s.features+1)
	}
	return s.fit(xs, ys, l2)
}

// best is the index of the page's best-scored candidate (the first of equals, as the
// cleaner takes it) and its score; -1 and -Inf when it has none.
func (s thresholdScorer) best(p thresholdPage, w []float64) (int, float64) {
	best, score := -1, math.Inf(-1)
	for i, x := range p.x {
		if sc := s.score(w, x); best < 0 || sc > score {
			best, score = i, sc
		}
	}
	return best, score
}

// thresholdAccuracy is the share of pages that come out right when a page's best
// candidate is taken at scores of at least t: a right candidate, or none where the gold
// names nothing; with the share of each fold that has pages, and the number of pages on
// which a candidate is taken.
func thresholdAccuracy(pages []thresholdPage, picks []int, scores []float64, t float64, folds int) (acc float64, perFold []float64, taken int) {
	right, n := make([]int, folds), make([]int, folds)
	for i, p := range pages {
		n[p.fold]++
		took := picks[i] >= 0 && scores[i] >= t
		if took {
			taken++
		}
		if took && p.gold[picks[i]] || !took && p.none {
			right[p.fold]++
		}
	}
	total, all := 0, 0
	for f := range folds {
		total += right[f]
		all += n[f]
		if n[f] > 0 {
			perFold = append(perFold, float64(right[f])/float64(n[f]))
		}
	}
	if all == 0 {
		return 0, nil, 0
	}
	return float64(total) / float64(all), perFold, taken
}

// standardError is the standard error of the mean of xs: their sample standard deviation
// over the square root of their number; 0 for fewer than two.
func standardError(xs []float64) float64 {
	if len(xs) < 2 {
		return 0
	}
	mean := 0.0
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	ss := 0.0
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	return math.Sqrt(ss/float64(len(xs)-1)) / math.Sqrt(float64(len(xs)))
}
