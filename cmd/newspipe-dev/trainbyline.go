package main

import (
	"fmt"
	"io"
	"slices"

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

func cmdTrainByline(args []string, stdout, stderr io.Writer) int {
	fs, out, folds := trainerFlags("byline", trainBylineUsage, "stages/clean/byline.json", stderr)
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
	var pages []thresholdPage
	ruledRight, ruledPages := 0, 0
	gold := goldPages{dirs: dirs, folds: *folds, form: "text"}
	for c, raw := range gold.All(func(c metaCase) bool { return c.gold.Authors != nil && c.fold != *without }) {
		blocks := clean.SplitLines(string(raw))
		ruled, cands := cleaner.BylineCandidates(blocks)
		if len(ruled) > 0 {
			ruledPages++
			if namesScore(c.gold.Authors, metadata.CleanAuthors(ruled, "")).exact == 1 {
				ruledRight++
			}
			continue
		}
		p := thresholdPage{fold: c.fold, none: len(c.gold.Authors) == 0}
		for _, b := range cands {
			p.x = append(p.x, b.Features)
			p.gold = append(p.gold, len(c.gold.Authors) > 0 && namesScore(c.gold.Authors, metadata.CleanAuthors(b.Names, "")).exact == 1)
		}
		pages = append(pages, p)
	}
	if err := gold.Err(); err != nil {
		fmt.Fprintf(stderr, "newspipe-dev train byline: %v\n", err)
		return exitFailures
	}
	withGold, reachable := 0, 0
	for _, p := range pages {
		if !p.none {
			withGold++
		}
		if slices.Contains(p.gold, true) {
			reachable++
		}
	}
	fmt.Fprintf(stdout, "the rules name authors on %d pages (%d right); on the other %d pages (%d with gold authors) the gold authors are among the candidates on %d\n",
		ruledPages, ruledRight, len(pages), withGold, reachable)
	scorer := thresholdScorer{features: clean.BylineFeatures, fit: clean.FitByline, score: clean.ScoreByline}
	w, threshold := scorer.train(stdout, pages, *folds)
	data, err := clean.EncodeBylineModel(w, threshold)
	return saveModel("byline", *out, data, err, stdout, stderr)
}
