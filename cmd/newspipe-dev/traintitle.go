package main

import (
	"fmt"
	"io"
	"slices"

	"github.com/newspipe/newspipe/stages/extract"
)

const trainTitleUsage = `Usage: newspipe-dev train title [flags] DIR...

Learns the weights of the HTML title's choice: for every article page of each DIR with a
gold title (ID.meta.json) the extractor lists the texts the page gives as its title
(JSON-LD headline, og:title, twitter:title, <title>, their parts cut at a separator or
without the site's name, the visible <h1>s), each with its features; the page is right
when its best-scored text is the gold title (compared as lowercased word tokens, as eval
meta compares titles). The weights are fitted as a per-page choice (conditional logit);
the ridge penalty is chosen by cross-validation grouped by site (URL host, the folds of
"eval meta"). The weights fitted on all pages (or on all but the --without fold) are
written as JSON, to be embedded as stages/extract/title.json.

Example:
  newspipe-dev train title ../shared/data/extraction/train/wcxb-dev

Flags:
`

// titlePage is one page's title candidates and which of them is the gold title.
type titlePage struct {
	fold  int
	id    string
	title string
	cands []extract.TitleCandidate
	gold  []bool
}

func cmdTrainTitle(args []string, stdout, stderr io.Writer) int {
	fs, out, folds := trainerFlags("title", trainTitleUsage, "stages/extract/title.json", stderr)
	without := fs.Int("without", -1, "fit the written weights without the pages of `fold` (to score them held out)")
	failures := fs.Int("failures", 0, "list up to `N` pages of folds 1.. whose cross-validated choice is wrong (fold 0 is held out)")
	dirs, ok := trainerDirs(fs, args, folds)
	if !ok {
		return exitUsage
	}
	var pages []titlePage
	gold := goldPages{dirs: dirs, folds: *folds, form: "html"}
	for c, raw := range gold.All(func(c metaCase) bool { return c.gold.Title != nil && *c.gold.Title != "" }) {
		cands, err := extract.TitleCandidates(string(raw))
		if err != nil {
			fmt.Fprintf(stderr, "newspipe-dev train title: %s: %v\n", c.id, err)
			return exitFailures
		}
		p := titlePage{fold: c.fold, id: c.id, title: *c.gold.Title, cands: cands}
		want := normText(p.title)
		for _, t := range cands {
			p.gold = append(p.gold, normText(t.Text) == want)
		}
		pages = append(pages, p)
	}
	if err := gold.Err(); err != nil {
		fmt.Fprintf(stderr, "newspipe-dev train title: %v\n", err)
		return exitFailures
	}
	reachable := countReachable(pages, func(p titlePage) []bool { return p.gold })
	all := func(titlePage) bool { return true }
	rule := make([]float64, len(extract.TitleFeatureNames)+1)
	rule[slices.Index(extract.TitleFeatureNames, "the rule's title")] = 1
	fmt.Fprintf(stdout, "%d pages with a gold title; the gold title is among the candidates on %d (%.3f)\n",
		len(pages), reachable, float64(reachable)/float64(len(pages)))
	fmt.Fprintf(stdout, "the rule's title alone: %.3f of pages right\n", titleAccuracy(pages, rule, all))
	bestL2, best := chooseRidge(stdout, pages, *folds, func(p titlePage) int { return p.fold },
		func(l2 float64, in func(titlePage) bool) []float64 { return fitTitle(pages, l2, in) },
		func(w []float64, in func(titlePage) bool) float64 { return titleAccuracy(pages, w, in) })
	listFailures(stdout, pages, *failures, *folds, func(p titlePage) int { return p.fold },
		func(in func(titlePage) bool) []float64 { return fitTitle(pages, bestL2, in) }, titleFailure)
	in := all
	if *without >= 0 {
		in = func(p titlePage) bool { return p.fold != *without }
	}
	w := fitTitle(pages, bestL2, in)
	fmt.Fprintf(stdout, "chosen l2 %g: grouped CV %.3f, pages fitted (training) %.3f\n", bestL2, best, titleAccuracy(pages, w, in))
	if *without >= 0 {
		heldOut := func(p titlePage) bool { return p.fold == *without }
		fmt.Fprintf(stdout, "fold %d, not fitted: %.3f (the rule's title alone: %.3f)\n", *without, titleAccuracy(pages, w, heldOut), titleAccuracy(pages, rule, heldOut))
	}
	data, err := extract.EncodeTitleModel(w)
	return saveModel("title", *out, data, err, stdout, stderr)
}

// fitTitle fits the title weights as a per-page choice among the page's candidates on
// the pages in.
func fitTitle(pages []titlePage, l2 float64, in func(titlePage) bool) []float64 {
	return fitChoice(pages, l2, in,
		func(p titlePage) ([]extract.TitleCandidate, []bool) { return p.cands, p.gold },
		func(c extract.TitleCandidate) []float64 { return c.Features })
}

// titleFailure is the failure line of the page under w (its gold title, then its
// candidates scored, the chosen one marked "*" and the gold ones "="), or "" when its
// best-scored candidate is the gold title.
func titleFailure(p titlePage, w []float64) string {
	b := extract.BestTitle(p.cands, w)
	if b >= 0 && p.gold[b] {
		return ""
	}
	texts := scoredCandidates(len(p.cands), b, p.gold,
		func(i int) string { return fmt.Sprintf("%q", p.cands[i].Text) },
		func(i int) float64 { return extract.Score(w, p.cands[i].Features) })
	return fmt.Sprintf("  %s: %q | %s", p.id, p.title, texts)
}

// titleAccuracy is the share of the pages in whose best-scored candidate is the gold
// title.
func titleAccuracy(pages []titlePage, w []float64, in func(titlePage) bool) float64 {
	return shareRight(pages, in, func(p titlePage) bool {
		b := extract.BestTitle(p.cands, w)
		return b >= 0 && p.gold[b]
	})
}
