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

// thresholdScorer is a scorer of the cleaner that takes a page's best candidate when it
// scores at least a threshold (the byline and date scorers of a raw text).
type thresholdScorer struct {
	features int                                                      // the number of features
	fit      func(xs [][]float64, ys []float64, l2 float64) []float64 // clean.FitByline, clean.FitDateline
	score    func(w, x []float64) float64                             // clean.ScoreByline, clean.ScoreDateline
}

// penalties are the ridge penalties tried for the scorer's weights.
var penalties = []float64{0.01, 0.1, 1, 10}

// train chooses the ridge penalty by cross-validation over folds of sites and learns the
// threshold from the out-of-fold scores, printing each penalty's figures to stdout, and
// returns the weights fitted on all pages with the learned threshold.
//
// The threshold is not picked from a grid by the best cross-validated share of pages
// right: that pick jumps a grid step with any small change upstream (a refit line model,
// a new feature, new candidates), neighbouring thresholds being a page or two apart. It
// is learned as a continuous quantity instead: a one-dimensional logistic model
// (fitPlatt) of "taking the page's best candidate is right" against "taking none is
// right", fitted on the out-of-fold best scores of the pages where one of the two is, and
// the threshold is the score from which taking is worth more (plattFit.threshold, with
// misnameCost). Pages where both are wrong (the right candidate is not the best, or not
// among the candidates) are wrong whatever the threshold and have no say. A small change
// of the scores moves this fit, and so the threshold, by a small amount.
//
// The penalty is the one with the lowest out-of-fold log-loss of the candidates (the
// scorer's own measure, a sum over every candidate, which does not turn on a page or
// two as the share of pages right does), the larger of equal ones. The table shows for
// each penalty that log-loss, the fit and its threshold, the thresholds learned without
// each fold, and the share of pages right on each fold at the threshold learned from the
// other folds, so the learning of the threshold is measured too.
func (s thresholdScorer) train(stdout io.Writer, pages []thresholdPage, folds int) (w []float64, threshold float64) {
	type penaltyFit struct {
		platt plattFit
		loss  float64
		t     float64
		named int
		foldT []float64
	}
	var grid []choiceSetting
	var fits []penaltyFit
	for _, l2 := range penalties {
		scores := make([]float64, len(pages))
		picks := make([]int, len(pages))
		pf := penaltyFit{}
		rows := 0
		for f := range folds {
			w := s.fitPages(pages, l2, func(p thresholdPage) bool { return p.fold != f })
			for i, p := range pages {
				if p.fold == f {
					picks[i], scores[i] = s.best(p, w)
					for k, x := range p.x {
						z := s.score(w, x)
						if p.gold[k] {
							z = -z
						}
						pf.loss += softplus(z)
						rows++
					}
				}
			}
		}
		pf.loss /= float64(max(rows, 1))
		all := func(thresholdPage) bool { return true }
		pf.platt, pf.t = learnThreshold(pages, picks, scores, all)
		_, _, pf.named = thresholdAccuracy(pages, picks, scores, everywhere(pf.t), folds)
		for f := range folds {
			_, t := learnThreshold(pages, picks, scores, func(p thresholdPage) bool { return p.fold != f })
			pf.foldT = append(pf.foldT, t)
		}
		g := choiceSetting{gate: pf.t, l2: l2, takes: pf.named, eligible: true}
		g.mean, g.folds, _ = thresholdAccuracy(pages, picks, scores, func(f int) float64 { return pf.foldT[f] }, folds)
		grid = append(grid, g)
		fits = append(fits, pf)
	}
	top := bestEligible(grid)
	losses := make([]float64, len(fits))
	for i, f := range fits {
		losses[i] = f.loss
	}
	pick := lowestLoss(losses)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "l2\tlog-loss\tslope\tintercept\tthreshold\tfolds' thresholds\tgrouped CV\tfolds\tSE vs best\tpages named")
	for i, g := range grid {
		spread := "-"
		if len(g.folds) > 0 {
			spread = fmt.Sprintf("%.2f-%.2f", slices.Min(g.folds), slices.Max(g.folds))
		}
		f := fits[i]
		fmt.Fprintf(tw, "%g\t%.4f\t%.3f\t%.3f\t%.3f\t%.2f..%.2f\t%.3f\t%s\t%.3f\t%d\n", g.l2, f.loss, f.platt.a, f.platt.b, g.gate,
			slices.Min(f.foldT), slices.Max(f.foldT), g.mean, spread, pairedSE(grid[top], g), g.takes)
	}
	tw.Flush()
	best := grid[pick]
	w = s.fitPages(pages, best.l2, func(thresholdPage) bool { return true })
	picks := make([]int, len(pages))
	scores := make([]float64, len(pages))
	for i, p := range pages {
		picks[i], scores[i] = s.best(p, w)
	}
	train, _, _ := thresholdAccuracy(pages, picks, scores, everywhere(best.gate), folds)
	fmt.Fprintf(stdout, "best grouped CV of pages right (threshold learned on the other folds): l2 %g, %.3f\n", grid[top].l2, grid[top].mean)
	fmt.Fprintf(stdout, "chosen (lowest log-loss) l2 %g, threshold %.3f (from which taking the best is worth more than taking none): grouped CV %.3f, all pages (training) %.3f\n",
		best.l2, best.gate, best.mean, train)
	return w, best.gate
}

// lowestLoss is the index of the lowest of the penalties' log-losses, the last of equal
// ones (the penalties rise, and of equal fits the simpler is kept); -1 when there is none.
func lowestLoss(losses []float64) int {
	pick := -1
	for i, l := range losses {
		if pick < 0 || l <= losses[pick] {
			pick = i
		}
	}
	return pick
}

// learnThreshold fits the logistic model of fitPlatt on the best scores of the pages in
// (picks and scores as best gives them): the pages whose best candidate is right, against
// those that name nobody; pages with no candidate, or whose best is wrong where the gold
// names someone, are left out. It returns the fit and its threshold, which is the lowest
// of these scores when taking is the likelier everywhere and one above the highest when
// taking none is.
func learnThreshold(pages []thresholdPage, picks []int, scores []float64, in func(thresholdPage) bool) (plattFit, float64) {
	var take, not []float64
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, p := range pages {
		if !in(p) || picks[i] < 0 {
			continue
		}
		switch {
		case p.gold[picks[i]]:
			take = append(take, scores[i])
		case p.none:
			not = append(not, scores[i])
		default:
			continue
		}
		lo, hi = min(lo, scores[i]), max(hi, scores[i])
	}
	if len(take)+len(not) == 0 {
		return plattFit{}, 0
	}
	f := fitPlatt(take, not)
	return f, f.threshold(lo, hi+1)
}

// everywhere is the threshold t for every fold.
func everywhere(t float64) func(int) float64 { return func(int) float64 { return t } }

// pageRight reports whether a page comes out right when its best candidate (pick, with
// score) is taken at scores of at least t: a right candidate, or none where the gold names
// nothing.
func pageRight(p thresholdPage, pick int, score, t float64) bool {
	took := pick >= 0 && score >= t
	return took && p.gold[pick] || !took && p.none
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
// candidate is taken at scores of at least its fold's threshold t(fold): a right
// candidate, or none where the gold names nothing; with the share of each fold that has
// pages, and the number of pages on which a candidate is taken. Out-of-fold figures give
// each fold the threshold learned without it; in-sample ones, one threshold everywhere.
func thresholdAccuracy(pages []thresholdPage, picks []int, scores []float64, t func(fold int) float64, folds int) (acc float64, perFold []float64, taken int) {
	right, n := make([]int, folds), make([]int, folds)
	for i, p := range pages {
		n[p.fold]++
		if picks[i] >= 0 && scores[i] >= t(p.fold) {
			taken++
		}
		if pageRight(p, picks[i], scores[i], t(p.fold)) {
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
