package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/newspipe/newspipe/internal/shingle"
	"github.com/newspipe/newspipe/stages"
	"github.com/newspipe/newspipe/stages/clean"
)

const trainChoiceUsage = `Usage: newspipe-dev train choice [-o FILE] DIR...

Learns the chrome cleaner's body choice for HTML pages: when the body aligned with the
content extractor's content and the page's prose disagree, which of the two to keep. Every
HTML page of each DIR (ID.html[.gz], ID.truth.txt) is parsed as the pipeline parses it and
cleaned twice, with the aligned body and with the prose; the gate (how little the two may
agree before the choice is asked) and the ridge penalty are selected by cross-validation
with folds grouped by site (URL host): a setting is eligible when it lowers no set's
cross-validated F1 and raises their mean, and among the eligible settings whose mean lies
within one standard error of the best (that of their per-fold differences), the one that
takes the prose on the fewest pages is kept, then the larger ridge penalty; the grid prints
each setting's standard error over the folds and against the best. Prints the
cross-validated F1 per set beside the aligned body's and the trained choice's own
(in-sample) F1, and writes the choice as JSON (to be embedded as stages/clean/choice.json),
without a lines choice: train lines adds it, after train return and train trim. Training
is deterministic.

Flags:
`

// choicePage is one page's training record.
type choicePage struct {
	set, id, site  string
	typ            string // the set's page type ("article", ...), or ""
	aligned, prose shingle.Page
	has            bool // the page has a prose candidate
	ex             clean.ChoiceExample
}

func cmdTrainChoice(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs, out, folds, workers := bodyTrainerFlags("choice", trainChoiceUsage, "stages/clean/choice.json", "write the choice to `FILE` (- for standard output)", stderr)
	table := fs.String("pages", "", "also write every page with a prose candidate to `FILE` as tab-separated values: its features, both candidates' F1 and the choice's decisions")
	if !bodyTrainerArgs(fs, args, folds) {
		return exitUsage
	}
	pages, sets, err := choicePages(ctx, fs.Args(), *workers)
	if err != nil {
		fmt.Fprintf(stderr, "newspipe-dev train choice: %v\n", err)
		return exitFailures
	}
	fold := make([]int, len(pages))
	for i, p := range pages {
		fold[i] = hostFold(p.site, *folds)
	}
	examples, has := make([]clean.ChoiceExample, len(pages)), make([]bool, len(pages))
	for i, p := range pages {
		examples[i], has[i] = p.ex, p.has
	}
	base := perSet(pages, sets, func(int) bool { return false })
	setPages := setGroups(pages, sets)
	aligned := func(i int) shingle.Page { return pages[i].aligned }
	var figures []string
	fmt.Fprintf(stdout, "grouped cross-validation (%d folds by site), mean of per-set F1: aligned body only %.4f (SE over folds %.4f)\n",
		*folds, mean(base), standardError(foldScores(setPages, fold, *folds, aligned)))
	var grid []choiceSetting
	for _, gate := range []float64{0.2, 0.35, 0.5, 0.65, 0.8, 0.9, 1} {
		for _, l2 := range []float64{0.01, 0.1, 1} {
			takes := crossValidateTakes(has, examples, fold, *folds, func(ex []clean.ChoiceExample) *clean.Choice { return clean.TrainChoice(ex, gate, l2) })
			cv := perSet(pages, sets, func(i int) bool { return takes[i] })
			ok := mean(cv) > mean(base)
			for s := range sets {
				ok = ok && cv[s] >= base[s]
			}
			fs := foldScores(setPages, fold, *folds, func(i int) shingle.Page { return pickProse(pages[i], takes[i]) })
			grid = append(grid, choiceSetting{gate: gate, l2: l2, mean: mean(cv), folds: fs, takes: count(takes), eligible: ok})
			figures = append(figures, setFigures(sets, cv))
		}
	}
	best, found := selectSetting(grid)
	printGrid(stdout, grid, figures, "gate", takesThe("prose"))
	var choice *clean.Choice
	var cvTakes []bool
	if !found {
		fmt.Fprintln(stdout, "no setting raises the mean without lowering a set: the choice stays off")
		choice = clean.TrainChoice(nil, 0, 0)
		cvTakes = make([]bool, len(pages))
	} else {
		fmt.Fprintf(stdout, "selected (fewest pages taken within one SE of the best eligible mean): gate %.2f, l2 %g\n", best.gate, best.l2)
		choice = clean.TrainChoice(examples, best.gate, best.l2)
		cvTakes = crossValidateTakes(has, examples, fold, *folds, func(ex []clean.ChoiceExample) *clean.Choice { return clean.TrainChoice(ex, best.gate, best.l2) })
	}
	inTakes := make([]bool, len(pages))
	for i, p := range pages {
		inTakes[i] = p.has && p.ex.Agreement < choice.Gate && choice.Prefers(p.ex.Features)
	}
	cv := perSet(pages, sets, func(i int) bool { return cvTakes[i] })
	all := perSet(pages, sets, func(i int) bool { return inTakes[i] })
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "set\tpages\taligned body\tbody choice, grouped CV\tbody choice, in-sample\t")
	for s, name := range sets {
		fmt.Fprintf(tw, "%s\t%d\t%.4f\t%.4f\t%.4f\t\n", name, countSet(pages, name), base[s], cv[s], all[s])
	}
	// A set whose pages have types has its articles apart: the goals are set on them.
	for _, name := range sets {
		var n int
		var b, c, a []shingle.Page
		for i, p := range pages {
			if p.set != name || p.typ != "article" {
				continue
			}
			n++
			b = append(b, p.aligned)
			c = append(c, pickProse(p, cvTakes[i]))
			a = append(a, pickProse(p, inTakes[i]))
		}
		if n > 0 {
			fmt.Fprintf(tw, "%s articles\t%d\t%.4f\t%.4f\t%.4f\t\n", name, n, shingle.Summarize(b).F1,
				shingle.Summarize(c).F1, shingle.Summarize(a).F1)
		}
	}
	tw.Flush()
	if *table != "" {
		if err := writeChoiceTable(*table, pages, cvTakes, choice); err != nil {
			fmt.Fprintf(stderr, "newspipe-dev train choice: %v\n", err)
			return exitFailures
		}
	}
	return saveJSON("choice", *out, choice, stdout, stderr)
}

// choicePages parses and cleans every HTML page of the dirs both ways.
func choicePages(ctx context.Context, dirs []string, workers int) ([]choicePage, []string, error) {
	list, sets, err := sortedPages(dirs)
	if err != nil {
		return nil, nil, err
	}
	cleaner := clean.New().WithoutChoice()
	pages := make([]choicePage, len(list))
	err = parseHTMLPages(ctx, list, workers, func(i int, parsed *stages.Parsed) error {
		p := &pages[i]
		p.set, p.id, p.site, p.typ = list[i].Set, list[i].ID, list[i].Site(), list[i].PageType
		truth := list[i].Truth
		if parsed == nil {
			p.aligned = shingle.Score("", truth)
			return nil
		}
		blocks := parsed.Blocks
		p.aligned = shingle.Score(strings.Join(cleaner.Clean(blocks).Paragraphs, "\n\n"), truth)
		alt, ok := cleaner.BodyChoice(blocks)
		if !ok {
			return nil
		}
		p.has = true
		p.prose = shingle.Score(strings.Join(cleaner.Clean(alt.Blocks).Paragraphs, "\n\n"), truth)
		p.ex = clean.ChoiceExample{Features: alt.Features, Agreement: alt.Agreement, Gain: f1(p.prose) - f1(p.aligned)}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return pages, sets, nil
}

// writeChoiceTable writes one row per page with a prose candidate: the page, its
// features, both candidates' F1, and whether the choice takes the prose under grouped
// cross-validation and as trained on all pages.
func writeChoiceTable(name string, pages []choicePage, cvTakes []bool, choice *clean.Choice) error {
	var b strings.Builder
	b.WriteString("set\tid\tsite\t" + strings.Join(clean.ChoiceFeatureNames, "\t") + "\tf1_aligned\tf1_prose\tcv_takes\ttakes\n")
	for i, p := range pages {
		if !p.has {
			continue
		}
		fmt.Fprintf(&b, "%s\t%s\t%s", p.set, p.id, p.site)
		for _, x := range p.ex.Features {
			fmt.Fprintf(&b, "\t%.4f", x)
		}
		takes := p.ex.Agreement < choice.Gate && choice.Prefers(p.ex.Features)
		fmt.Fprintf(&b, "\t%.4f\t%.4f\t%v\t%v\n", f1(p.aligned), f1(p.prose), cvTakes[i], takes)
	}
	if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write page table: %w", err)
	}
	return nil
}

// crossValidateTakes reports for every page whether the choice train fits without the
// page's fold takes the other body (the prose, or the lines); has marks the pages that
// have one.
func crossValidateTakes(has []bool, examples []clean.ChoiceExample, fold []int, folds int, train func([]clean.ChoiceExample) *clean.Choice) []bool {
	takes := make([]bool, len(has))
	for k := 0; k < folds; k++ {
		var fit []clean.ChoiceExample
		for i := range has {
			if fold[i] != k && has[i] {
				fit = append(fit, examples[i])
			}
		}
		c := train(fit)
		for i := range has {
			if fold[i] == k && has[i] && examples[i].Agreement < c.Gate {
				takes[i] = c.Prefers(examples[i].Features)
			}
		}
	}
	return takes
}

// pickProse returns the page's score when the body choice takes the prose or not.
func pickProse(p choicePage, prose bool) shingle.Page {
	if prose {
		return p.prose
	}
	return p.aligned
}

// setGroups returns, for each set, the indices of its pages.
func setGroups(pages []choicePage, sets []string) [][]int {
	groups := make([][]int, len(sets))
	for s, name := range sets {
		for i, p := range pages {
			if p.set == name {
				groups[s] = append(groups[s], i)
			}
		}
	}
	return groups
}

// takesThe says of a count of pages that a choice takes what on them.
func takesThe(what string) func(int) string {
	return func(n int) string { return fmt.Sprintf("takes the %s on %d pages", what, n) }
}

// setFigures lists each set's figure.
func setFigures(sets []string, v []float64) string {
	var b strings.Builder
	for s, name := range sets {
		fmt.Fprintf(&b, " %s %.4f", name, v[s])
	}
	return strings.TrimSpace(b.String())
}

// perSet returns each set's F1 when the pages for which prose reports true take the prose body.
func perSet(pages []choicePage, sets []string, prose func(int) bool) []float64 {
	out := make([]float64, len(sets))
	for s, name := range sets {
		var sc []shingle.Page
		for i, p := range pages {
			if p.set != name {
				continue
			}
			if prose(i) {
				sc = append(sc, p.prose)
			} else {
				sc = append(sc, p.aligned)
			}
		}
		out[s] = shingle.Summarize(sc).F1
	}
	return out
}

func mean(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s / float64(max(1, len(v)))
}

func count(b []bool) int {
	n := 0
	for _, v := range b {
		if v {
			n++
		}
	}
	return n
}

func countSet(pages []choicePage, set string) int {
	n := 0
	for _, p := range pages {
		if p.set == set {
			n++
		}
	}
	return n
}
