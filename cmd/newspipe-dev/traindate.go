package main

import (
	"fmt"
	"io"

	"github.com/newspipe/newspipe/stages/extract"
)

const trainDateUsage = `Usage: newspipe-dev train date [flags] DIR...

Learns the weights of the HTML publication date's choice: for every article page of each
DIR with a gold date (ID.meta.json) the extractor lists the days the page names (JSON-LD,
meta tags, <time>, the dates shown in its text, its URL), each with its features; the
page is right when its best-scored day is the gold day. The weights are fitted as a
per-page choice (conditional logit); the ridge penalty is chosen by cross-validation
grouped by site (URL host, the folds of "eval meta"). The weights fitted on all pages (or
on all but the --without fold) are written as JSON, to be embedded as
stages/extract/date.json.

Example:
  newspipe-dev train date ../shared/data/extraction/train/wcxb-dev

Flags:
`

// datePage is one page's date candidates and which of them is the gold day.
type datePage struct {
	fold  int
	id    string
	day   string
	cands []extract.DateCandidate
	gold  []bool
}

func cmdTrainDate(args []string, stdout, stderr io.Writer) int {
	fs, out, folds := trainerFlags("date", trainDateUsage, "stages/extract/date.json", stderr)
	without := fs.Int("without", -1, "fit the written weights without the pages of `fold` (to score them held out)")
	failures := fs.Int("failures", 0, "list up to `N` pages of folds 1.. whose cross-validated choice is wrong (fold 0 is held out)")
	dirs, ok := trainerDirs(fs, args, folds)
	if !ok {
		return exitUsage
	}
	var pages []datePage
	gold := goldPages{dirs: dirs, folds: *folds, form: "html"}
	for c, raw := range gold.All(func(c metaCase) bool { return c.gold.Published != nil && *c.gold.Published != "" }) {
		cands, err := extract.DateCandidates(string(raw))
		if err != nil {
			fmt.Fprintf(stderr, "newspipe-dev train date: %s: %v\n", c.id, err)
			return exitFailures
		}
		p := datePage{fold: c.fold, id: c.id, day: *c.gold.Published, cands: cands}
		for _, d := range cands {
			p.gold = append(p.gold, d.Day == p.day)
		}
		pages = append(pages, p)
	}
	if err := gold.Err(); err != nil {
		fmt.Fprintf(stderr, "newspipe-dev train date: %v\n", err)
		return exitFailures
	}
	reachable := countReachable(pages, func(p datePage) []bool { return p.gold })
	all := func(datePage) bool { return true }
	fmt.Fprintf(stdout, "%d pages with a gold date; the gold day is among the candidates on %d (%.3f)\n",
		len(pages), reachable, float64(reachable)/float64(len(pages)))
	fmt.Fprintf(stdout, "sources in trust order (zero weights): %.3f of pages right\n",
		dateAccuracy(pages, make([]float64, len(extract.DateFeatureNames)+1), all))
	bestL2, best := chooseRidge(stdout, pages, *folds, func(p datePage) int { return p.fold },
		func(l2 float64, in func(datePage) bool) []float64 { return fitDate(pages, l2, in) },
		func(w []float64, in func(datePage) bool) float64 { return dateAccuracy(pages, w, in) })
	listFailures(stdout, pages, *failures, *folds, func(p datePage) int { return p.fold },
		func(in func(datePage) bool) []float64 { return fitDate(pages, bestL2, in) }, dateFailure)
	in := all
	if *without >= 0 {
		in = func(p datePage) bool { return p.fold != *without }
	}
	w := fitDate(pages, bestL2, in)
	fmt.Fprintf(stdout, "chosen l2 %g: grouped CV %.3f, pages fitted (training) %.3f\n", bestL2, best, dateAccuracy(pages, w, in))
	if *without >= 0 {
		fmt.Fprintf(stdout, "fold %d, not fitted: %.3f\n", *without, dateAccuracy(pages, w, func(p datePage) bool { return p.fold == *without }))
	}
	data, err := extract.EncodeDateModel(w)
	return saveModel("date", *out, data, err, stdout, stderr)
}

// fitDate fits the date weights as a per-page choice among the page's candidates on the
// pages in.
func fitDate(pages []datePage, l2 float64, in func(datePage) bool) []float64 {
	return fitChoice(pages, l2, in,
		func(p datePage) ([]extract.DateCandidate, []bool) { return p.cands, p.gold },
		func(c extract.DateCandidate) []float64 { return c.Features })
}

// dateFailure is the failure line of the page under w (its gold day, then its candidates
// scored, the chosen one marked "*"), or "" when its best-scored candidate is the gold day.
func dateFailure(p datePage, w []float64) string {
	b := extract.BestDate(p.cands, w)
	if b >= 0 && p.gold[b] {
		return ""
	}
	days := scoredCandidates(len(p.cands), b, nil,
		func(i int) string { return p.cands[i].Day },
		func(i int) float64 { return extract.Score(w, p.cands[i].Features) })
	return fmt.Sprintf("  %s: %s | %s", p.id, p.day, days)
}

// dateAccuracy is the share of the pages in whose best-scored candidate is the gold day.
func dateAccuracy(pages []datePage, w []float64, in func(datePage) bool) float64 {
	return shareRight(pages, in, func(p datePage) bool {
		b := extract.BestDate(p.cands, w)
		return b >= 0 && p.gold[b]
	})
}
