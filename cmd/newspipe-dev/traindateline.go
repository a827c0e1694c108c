package main

import (
	"fmt"
	"io"

	"github.com/newspipe/newspipe/stages/clean"
)

const trainDatelineUsage = `Usage: newspipe-dev train dateline [flags] DIR...

Learns the weights of the text path's date scorer, which reads the publication date
when the cleaner's date rules read none: for every article page of each DIR with a gold
date (ID.meta.json, "" for none) and a text copy (ID.txt) on which the rules find no
date, the cleaner lists the dates written on the page's short lines, each with its
features; a date is a positive example when it is the gold day. The ridge penalty is the
one with the lowest log-loss of the candidates under cross-validation grouped by site
(URL host, the folds of "eval meta"); the score a page's best date needs to be taken is
learned from the out-of-fold scores, as train byline learns its threshold, where taking
none leaves the update date the rules read, which stands for the publication date (right
when it is the gold day, or when there is none and the gold gives none). Printed for
each penalty: the fit, its threshold and the share of pages whose date comes out right
on each fold at the threshold learned from the others. The weights fitted on all pages
are written as JSON, to be embedded as stages/clean/dateline.json.

Example:
  newspipe-dev train dateline ../shared/data/extraction/train/wcxb-dev

Flags:
`

func cmdTrainDateline(args []string, stdout, stderr io.Writer) int {
	fs, out, folds := trainerFlags("dateline", trainDatelineUsage, "stages/clean/dateline.json", stderr)
	without := fs.Int("without", -1, "leave out the sites of `fold` (to measure a model on sites it never saw with eval meta --heldout)")
	dirs, ok := trainerDirs(fs, args, folds)
	if !ok {
		return exitUsage
	}
	cleaner := clean.New()
	var pages []thresholdPage
	ruledRight, ruledPages, withGold := 0, 0, 0
	// Of the pages with a gold date (dated), readable counts those the rules get right or
	// whose gold day is among the dates the scorer weighs or is the update date standing
	// for it: the most the text path can get right.
	dated, readable := 0, 0
	gold := goldPages{dirs: dirs, folds: *folds, form: "text"}
	for c, raw := range gold.All(func(c metaCase) bool { return c.gold.Published != nil && c.fold != *without }) {
		day := *c.gold.Published
		if len(day) > 10 {
			day = day[:10]
		}
		ruled, updated, cands := cleaner.DatelineCandidates(clean.SplitLines(string(raw)))
		if ruled != "" {
			ruledPages++
			if sameDay(ruled, day) {
				ruledRight++
			}
			if day != "" {
				dated++
				if sameDay(ruled, day) || hasDay(cands, day) {
					readable++
				}
			}
			continue
		}
		// Where the scorer takes no date, the update date the rules read stands for the
		// publication date (metadata.Merge): taking none is right when that is the gold.
		p := thresholdPage{fold: c.fold, none: sameDay(updated, day)}
		for _, d := range cands {
			p.x = append(p.x, d.Features)
			p.gold = append(p.gold, day != "" && d.Date == day)
		}
		pages = append(pages, p)
		if day != "" {
			withGold++
			dated++
			if p.none || hasDay(cands, day) {
				readable++
			}
		}
	}
	if err := gold.Err(); err != nil {
		fmt.Fprintf(stderr, "newspipe-dev train dateline: %v\n", err)
		return exitFailures
	}
	reachable := countReachable(pages, func(p thresholdPage) []bool { return p.gold })
	fmt.Fprintf(stdout, "the rules read a date on %d pages (%d right); on the other %d pages (%d with a gold date) the gold day is among the candidates on %d\n",
		ruledPages, ruledRight, len(pages), withGold, reachable)
	fmt.Fprintf(stdout, "of the %d pages with a gold date, the text path can get %d right (%.3f): the rules' date is right, or the gold day is among the candidates, or is the update date\n",
		dated, readable, float64(readable)/float64(max(dated, 1)))
	scorer := thresholdScorer{features: clean.DatelineFeatures, fit: clean.FitDateline, score: clean.ScoreDateline}
	w, threshold := scorer.train(stdout, pages, *folds)
	data, err := clean.EncodeDatelineModel(w, threshold)
	return saveModel("dateline", *out, data, err, stdout, stderr)
}

// hasDay reports whether the gold day is among the candidates' dates.
func hasDay(cands []clean.DatelineCandidate, day string) bool {
	for _, d := range cands {
		if d.Date == day {
			return true
		}
	}
	return false
}

// sameDay reports whether the date value (ISO 8601, "" for none) names the gold day
// ("" for none).
func sameDay(value, day string) bool {
	if len(value) > 10 {
		value = value[:10]
	}
	return value == day
}
