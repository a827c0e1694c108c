package main

import (
	"flag"
	"fmt"
	"io"
	"math"
	"text/tabwriter"

	"github.com/newspipe/newspipe/internal/cli"
	"github.com/newspipe/newspipe/stages/clean"
	"github.com/newspipe/newspipe/stages/metadata"
)

const trainBylineUsage = `Usage: newspipe-dev train byline [flags] DIR...

Learns the weights of the text path's byline scorer, which names the authors when the
cleaner's byline rules name none: for every article page of each DIR with gold metadata
(ID.meta.json) and a text copy (ID.txt) on which the rules find no author, the cleaner
lists the lines that only name people, each with its features; a line is a positive
example when its names are the gold authors (the same names, however split). The ridge
penalty and the score a line needs to be taken are chosen by cross-validation grouped by
site (URL host, the folds of "eval meta"): the score is the share of these pages whose
authors come out right (the gold authors, or none where the gold names none). The weights
fitted on all pages are written as JSON, to be embedded as stages/clean/byline.json.

Example:
  newspipe-dev train byline ../shared/data/extraction/train/wcxb-dev

Flags:
`

// bylinePage is one page's candidate bylines, which of them name the gold authors, and
// whether the gold names any author.
type bylinePage struct {
	fold    int
	id      string
	authors []string
	cands   []clean.BylineCandidate
	gold    []bool
}

// bylineThresholds are the scores tried as the one a line needs to be taken.
var bylineThresholds = []float64{-3, -2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2}

func cmdTrainByline(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("train byline", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, trainBylineUsage); fs.PrintDefaults() }
	out := fs.String("o", "stages/clean/byline.json", "write the weights to `FILE` (- for standard output)")
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
	var pages []bylinePage
	ruledRight, ruledPages := 0, 0
	for _, dir := range dirs {
		cases, err := readMetaCases(dir, *folds)
		if err != nil {
			fmt.Fprintf(stderr, "newspipe-dev train byline: %v\n", err)
			return exitFailures
		}
		for _, c := range cases {
			if c.gold.Authors == nil || c.fold == *without {
				continue
			}
			raw, err := readPage(c.dir, c.id, "text")
			if err != nil {
				fmt.Fprintf(stderr, "newspipe-dev train byline: %v\n", err)
				return exitFailures
			}
			blocks := clean.SplitLines(string(raw))
			ruled, cands := cleaner.BylineCandidates(blocks)
			if len(ruled) > 0 {
				ruledPages++
				if namesScore(c.gold.Authors, metadata.CleanAuthors(ruled, "")).exact == 1 {
					ruledRight++
				}
				continue
			}
			p := bylinePage{fold: c.fold, id: c.id, authors: c.gold.Authors, cands: cands}
			for _, b := range cands {
				p.gold = append(p.gold, len(c.gold.Authors) > 0 && namesScore(c.gold.Authors, metadata.CleanAuthors(b.Names, "")).exact == 1)
			}
			pages = append(pages, p)
		}
	}
	withGold, reachable := 0, 0
	for _, p := range pages {
		if len(p.authors) > 0 {
			withGold++
		}
		for _, g := range p.gold {
			if g {
				reachable++
				break
			}
		}
	}
	fmt.Fprintf(stdout, "the rules name authors on %d pages (%d right); on the other %d pages (%d with gold authors) the gold authors are among the candidates on %d\n",
		ruledPages, ruledRight, len(pages), withGold, reachable)
	// Each l2's cross-validated best score per page; the threshold is chosen on them.
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "l2\tthreshold\tgrouped CV\tfolds")
	best, bestL2, bestT := -1.0, 0.0, 0.0
	for _, l2 := range []float64{0.01, 0.1, 1, 10} {
		scores := make([]float64, len(pages))
		picks := make([]int, len(pages))
		for f := range *folds {
			w := fitByline(pages, l2, func(p bylinePage) bool { return p.fold != f })
			for i, p := range pages {
				if p.fold == f {
					picks[i], scores[i] = bestBylineCandidate(p, w)
				}
			}
		}
		for _, t := range bylineThresholds {
			acc, lo, hi := bylineAccuracy(pages, picks, scores, t, *folds)
			fmt.Fprintf(tw, "%g\t%g\t%.3f\t%.2f-%.2f\n", l2, t, acc, lo, hi)
			if acc > best+1e-9 {
				best, bestL2, bestT = acc, l2, t
			}
		}
	}
	tw.Flush()
	w := fitByline(pages, bestL2, func(bylinePage) bool { return true })
	picks := make([]int, len(pages))
	scores := make([]float64, len(pages))
	for i, p := range pages {
		picks[i], scores[i] = bestBylineCandidate(p, w)
	}
	train, _, _ := bylineAccuracy(pages, picks, scores, bestT, *folds)
	fmt.Fprintf(stdout, "chosen l2 %g, threshold %g: grouped CV %.3f, all pages (training) %.3f\n", bestL2, bestT, best, train)
	data, err := clean.EncodeBylineModel(w, bestT)
	if err != nil {
		fmt.Fprintf(stderr, "newspipe-dev train byline: %v\n", err)
		return exitFailures
	}
	if err := writeModel(*out, data, stdout); err != nil {
		fmt.Fprintf(stderr, "newspipe-dev train byline: %v\n", err)
		return exitFailures
	}
	return exitOK
}

// fitByline fits the byline weights on the candidates of the pages in.
func fitByline(pages []bylinePage, l2 float64, in func(bylinePage) bool) []float64 {
	xs, ys := labelledRows(pages, in,
		func(p bylinePage) ([]clean.BylineCandidate, []bool) { return p.cands, p.gold },
		func(c clean.BylineCandidate) []float64 { return c.Features })
	if len(xs) == 0 {
		return make([]float64, clean.BylineFeatures+1)
	}
	return clean.FitByline(xs, ys, l2)
}

// bestBylineCandidate is the index of the page's best-scored candidate (the first of
// equals, as the cleaner takes it) and its score; -1 and -Inf when it has none.
func bestBylineCandidate(p bylinePage, w []float64) (int, float64) {
	best, score := -1, math.Inf(-1)
	for i, b := range p.cands {
		if s := clean.ScoreByline(w, b.Features); best < 0 || s > score {
			best, score = i, s
		}
	}
	return best, score
}

// bylineAccuracy is the share of pages whose authors come out right when a page's best
// candidate is taken at scores of at least t: the gold authors, or none where the gold
// names none; with its range over the folds.
func bylineAccuracy(pages []bylinePage, picks []int, scores []float64, t float64, folds int) (acc, lo, hi float64) {
	right, n := make([]int, folds), make([]int, folds)
	for i, p := range pages {
		n[p.fold]++
		taken := picks[i] >= 0 && scores[i] >= t
		if taken && p.gold[picks[i]] || !taken && len(p.authors) == 0 {
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
