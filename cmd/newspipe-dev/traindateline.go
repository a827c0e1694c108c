package main

import (
	"flag"
	"fmt"
	"io"
	"math"
	"text/tabwriter"

	"github.com/newspipe/newspipe/internal/cli"
	"github.com/newspipe/newspipe/stages/clean"
)

const trainDatelineUsage = `Usage: newspipe-dev train dateline [flags] DIR...

Learns the weights of the text path's date scorer, which reads the publication date
when the cleaner's date rules read none: for every article page of each DIR with a gold
date (ID.meta.json, "" for none) and a text copy (ID.txt) on which the rules find no
date, the cleaner lists the dates written on the page's short lines, each with its
features; a date is a positive example when it is the gold day. The ridge penalty and
the score a date needs to be taken are chosen by cross-validation grouped by site (URL
host, the folds of "eval meta"): the score is the share of these pages whose date comes
out right (the gold day, or none where the gold gives none). The weights fitted on all
pages are written as JSON, to be embedded as stages/clean/dateline.json.

Example:
  newspipe-dev train dateline ../shared/data/extraction/train/wcxb-dev

Flags:
`

// datelinePage is one page's candidate dates, which of them are the gold day, and the
// gold day ("" when the page has none).
type datelinePage struct {
	fold  int
	id    string
	day   string
	cands []clean.DatelineCandidate
	gold  []bool
}

func cmdTrainDateline(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("train dateline", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, trainDatelineUsage); fs.PrintDefaults() }
	out := fs.String("o", "stages/clean/dateline.json", "write the weights to `FILE` (- for standard output)")
	folds := fs.Int("folds", 5, "cross-validate over `N` folds of sites")
	without := fs.Int("without", -1, "leave out the sites of `fold` (to measure a model on sites it never saw with eval meta --heldout)")
	dirs, err := cli.Positional(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(dirs) == 0 || *folds < 2 {
		fs.Usage()
		return exitUsage
	}
	cleaner := clean.New()
	var pages []datelinePage
	ruledRight, ruledPages := 0, 0
	for _, dir := range dirs {
		cases, err := readMetaCases(dir, *folds)
		if err != nil {
			fmt.Fprintf(stderr, "newspipe-dev train dateline: %v\n", err)
			return exitFailures
		}
		for _, c := range cases {
			if c.gold.Published == nil || c.fold == *without {
				continue
			}
			raw, err := readPage(c.dir, c.id, "text")
			if err != nil {
				fmt.Fprintf(stderr, "newspipe-dev train dateline: %v\n", err)
				return exitFailures
			}
			day := *c.gold.Published
			if len(day) > 10 {
				day = day[:10]
			}
			ruled, cands := cleaner.DatelineCandidates(clean.SplitLines(string(raw)))
			if ruled != "" {
				ruledPages++
				if len(ruled) >= 10 && ruled[:10] == day {
					ruledRight++
				}
				continue
			}
			p := datelinePage{fold: c.fold, id: c.id, day: day, cands: cands}
			for _, d := range cands {
				p.gold = append(p.gold, day != "" && d.Date == day)
			}
			pages = append(pages, p)
		}
	}
	withGold, reachable := 0, 0
	for _, p := range pages {
		if p.day != "" {
			withGold++
		}
		for _, g := range p.gold {
			if g {
				reachable++
				break
			}
		}
	}
	fmt.Fprintf(stdout, "the rules read a date on %d pages (%d right); on the other %d pages (%d with a gold date) the gold day is among the candidates on %d\n",
		ruledPages, ruledRight, len(pages), withGold, reachable)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "l2\tthreshold\tgrouped CV\tfolds")
	best, bestL2, bestT := -1.0, 0.0, 0.0
	for _, l2 := range []float64{0.01, 0.1, 1, 10} {
		scores := make([]float64, len(pages))
		picks := make([]int, len(pages))
		for f := range *folds {
			w := fitDateline(pages, l2, func(p datelinePage) bool { return p.fold != f })
			for i, p := range pages {
				if p.fold == f {
					picks[i], scores[i] = bestDatelineCandidate(p, w)
				}
			}
		}
		for _, t := range bylineThresholds {
			acc, lo, hi := datelineAccuracy(pages, picks, scores, t, *folds)
			fmt.Fprintf(tw, "%g\t%g\t%.3f\t%.2f-%.2f\n", l2, t, acc, lo, hi)
			if acc > best+1e-9 {
				best, bestL2, bestT = acc, l2, t
			}
		}
	}
	tw.Flush()
	w := fitDateline(pages, bestL2, func(datelinePage) bool { return true })
	picks := make([]int, len(pages))
	scores := make([]float64, len(pages))
	for i, p := range pages {
		picks[i], scores[i] = bestDatelineCandidate(p, w)
	}
	train, _, _ := datelineAccuracy(pages, picks, scores, bestT, *folds)
	fmt.Fprintf(stdout, "chosen l2 %g, threshold %g: grouped CV %.3f, all pages (training) %.3f\n", bestL2, bestT, best, train)
	data, err := clean.EncodeDatelineModel(w, bestT)
	if err != nil {
		fmt.Fprintf(stderr, "newspipe-dev train dateline: %v\n", err)
		return exitFailures
	}
	if err := writeModel(*out, data, stdout); err != nil {
		fmt.Fprintf(stderr, "newspipe-dev train dateline: %v\n", err)
		return exitFailures
	}
	return exitOK
}

// fitDateline fits the date weights on the candidates of the pages in.
func fitDateline(pages []datelinePage, l2 float64, in func(datelinePage) bool) []float64 {
	xs, ys := labelledRows(pages, in,
		func(p datelinePage) ([]clean.DatelineCandidate, []bool) { return p.cands, p.gold },
		func(c clean.DatelineCandidate) []float64 { return c.Features })
	if len(xs) == 0 {
		return make([]float64, clean.DatelineFeatures+1)
	}
	return clean.FitDateline(xs, ys, l2)
}

// bestDatelineCandidate is the index of the page's best-scored candidate (the first of
// equals, as the cleaner takes it) and its score; -1 and -Inf when it has none.
func bestDatelineCandidate(p datelinePage, w []float64) (int, float64) {
	best, score := -1, math.Inf(-1)
	for i, d := range p.cands {
		if s := clean.ScoreDateline(w, d.Features); best < 0 || s > score {
			best, score = i, s
		}
	}
	return best, score
}

// datelineAccuracy is the share of pages whose date comes out right when a page's best
// candidate is taken at scores of at least t: the gold day, or none where the gold gives
// none; with its range over the folds.
func datelineAccuracy(pages []datelinePage, picks []int, scores []float64, t float64, folds int) (acc, lo, hi float64) {
	right, n := make([]int, folds), make([]int, folds)
	for i, p := range pages {
		n[p.fold]++
		taken := picks[i] >= 0 && scores[i] >= t
		if taken && p.gold[picks[i]] || !taken && p.day == "" {
			right[p.fold]++
		}
	}
	lo, hi = 1, 0
	total, all := 0, 0
	for f := range folds {
		total += right[f]
		all += n[f]
		if n[f] > 0 {
			a := float64(right[f]) / float64(n[f])
			lo, hi = min(lo, a), max(hi, a)
		}
	}
	if all == 0 {
		return 0, 0, 0
	}
	return float64(total) / float64(all), lo, hi
}
