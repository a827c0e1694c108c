package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/newspipe/newspipe/stages/clean"
)

const trainMetaUsage = `Usage: newspipe-dev train meta [flags] DIR...

Learns the weights of the text path's headline scorer: for every article page of each
DIR with a gold title (ID.meta.json) and a text copy (ID.txt), the cleaner lists the
lines it weighs as the headline, each with its features; a line is a positive example
when it is the gold title (as lowercased word tokens). The ridge penalty is chosen by
cross-validation grouped by site (URL host, the folds of "eval meta"): the score is the
share of pages whose best-scored line is the gold title. The weights fitted on all
pages are written as JSON, to be embedded as stages/clean/headline.json. By default a
per-page choice among the lines (conditional logit) is cross-validated beside the
per-line logistic fit, and the better one is written: the choice weighs a line only
against the other lines of its page, so a feature that moves by the same amount on all
of a page's lines (the distance, when the body's first line moves) does not change its
weights; --fit logistic or --fit choice fits one kind only.

Example:
  newspipe-dev train meta ../shared/data/extraction/train/wcxb-dev

Flags:
`

// headlinePage is one page's candidate headlines and which of them is the gold title.
type headlinePage struct {
	fold  int
	id    string
	title string
	cands []clean.HeadlineCandidate
	gold  []bool
}

func cmdTrainMeta(args []string, stdout, stderr io.Writer) int {
	fs, out, folds := trainerFlags("meta", trainMetaUsage, "stages/clean/headline.json", stderr)
	fits := fs.String("fit", "logistic,choice", "fit the scorer as `KINDS`, comma-separated, the best by cross-validation: logistic (one yes or no per line) or choice (one choice per page, a conditional logit)")
	failures := fs.Int("failures", 0, "list up to `N` pages of folds 1.. whose cross-validated choice is wrong (fold 0 is held out)")
	without := fs.Int("without", -1, "leave out the sites of `fold` (to measure a model on sites it never saw with eval meta --heldout)")
	dirs, ok := trainerDirs(fs, args, folds)
	if !ok {
		return exitUsage
	}
	cleaner := clean.New()
	var pages []headlinePage
	gold := goldPages{dirs: dirs, folds: *folds, form: "text"}
	for c, raw := range gold.All(func(c metaCase) bool { return c.gold.Title != nil && *c.gold.Title != "" && c.fold != *without }) {
		blocks := clean.SplitLines(string(raw))
		p := headlinePage{fold: c.fold, id: c.id, title: *c.gold.Title, cands: cleaner.HeadlineCandidates(blocks)}
		want := normText(*c.gold.Title)
		for _, h := range p.cands {
			p.gold = append(p.gold, normText(h.Text) == want)
		}
		pages = append(pages, p)
	}
	if err := gold.Err(); err != nil {
		fmt.Fprintf(stderr, "newspipe-dev train meta: %v\n", err)
		return exitFailures
	}
	reachable := countReachable(pages, func(p headlinePage) []bool { return p.gold })
	stored, err := clean.ParseHeadlineModel(mustRead("stages/clean/headline.json"))
	if err != nil {
		stored = nil
	}
	fmt.Fprintf(stdout, "%d pages with a gold title; the gold title is among the candidates on %d (%.3f)\n",
		len(pages), reachable, float64(reachable)/float64(len(pages)))
	if stored != nil {
		fmt.Fprintf(stdout, "stored weights: %.3f of pages right\n", headlineAccuracy(pages, stored, func(headlinePage) bool { return true }))
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "fit\tl2\tgrouped CV\tfolds")
	best, bestL2, bestFit := -1.0, 0.0, ""
	for _, fit := range strings.Split(*fits, ",") {
		if fit != "logistic" && fit != "choice" {
			fmt.Fprintf(stderr, "newspipe-dev train meta: unknown fit %q\n", fit)
			return exitUsage
		}
		for _, l2 := range ridgePenalties {
			cv, lo, hi := groupedCV(pages, *folds, func(p headlinePage) int { return p.fold }, func(train, test func(headlinePage) bool) float64 {
				return headlineAccuracy(pages, fitHeadline(pages, fit, l2, train), test)
			})
			fmt.Fprintf(tw, "%s\t%g\t%.3f\t%.2f-%.2f\n", fit, l2, cv, lo, hi)
			if cv > best+1e-9 {
				best, bestL2, bestFit = cv, l2, fit
			}
		}
	}
	tw.Flush()
	listFailures(stdout, pages, *failures, *folds, func(p headlinePage) int { return p.fold },
		func(in func(headlinePage) bool) []float64 { return fitHeadline(pages, bestFit, bestL2, in) }, headlineFailure)
	w := fitHeadline(pages, bestFit, bestL2, func(headlinePage) bool { return true })
	fmt.Fprintf(stdout, "chosen %s, l2 %g: grouped CV %.3f, all pages (training) %.3f\n", bestFit, bestL2, best,
		headlineAccuracy(pages, w, func(headlinePage) bool { return true }))
	data, err := clean.EncodeHeadlineModel(w)
	return saveModel("meta", *out, data, err, stdout, stderr)
}

// mustRead returns the file's bytes, or nil when it cannot be read.
func mustRead(name string) []byte {
	b, _ := os.ReadFile(name)
	return b
}

// fitHeadline fits the headline weights on the candidates of the pages in: fit is
// "logistic" (one yes or no per line) or "choice" (one choice per page among its lines).
func fitHeadline(pages []headlinePage, fit string, l2 float64, in func(headlinePage) bool) []float64 {
	cands := func(p headlinePage) ([]clean.HeadlineCandidate, []bool) { return p.cands, p.gold }
	features := func(c clean.HeadlineCandidate) []float64 { return c.Features }
	if fit == "choice" {
		return fitChoice(pages, l2, in, cands, features)
	}
	xs, ys := labelledRows(pages, in, cands, features)
	return clean.FitHeadline(xs, ys, l2)
}

// headlineAccuracy is the share of the pages in whose best-scored candidate (the first
// of equals, as the cleaner takes it) is the gold title.
func headlineAccuracy(pages []headlinePage, w []float64, in func(headlinePage) bool) float64 {
	return shareRight(pages, in, func(p headlinePage) bool {
		best := bestCandidate(p, w)
		return best >= 0 && p.gold[best]
	})
}

// headlineFailure is the failure line of the page under w (its gold title, then the line
// chosen), or "" when its best-scored candidate is the gold title.
func headlineFailure(p headlinePage, w []float64) string {
	b := bestCandidate(p, w)
	if b >= 0 && p.gold[b] {
		return ""
	}
	got := ""
	if b >= 0 {
		got = p.cands[b].Text
	}
	return fmt.Sprintf("  %s: %s | %s", p.id, p.title, got)
}

// bestCandidate is the index of the page's best-scored candidate (the first of equals, as
// the cleaner takes it), or -1.
func bestCandidate(p headlinePage, w []float64) int {
	best, bestScore := -1, 0.0
	for i, h := range p.cands {
		if s := clean.ScoreHeadline(w, h.Features); best < 0 || s > bestScore {
			best, bestScore = i, s
		}
	}
	return best
}
