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

const trainLinesUsage = `Usage: newspipe-dev train lines [-o FILE] DIR...

Learns the chrome cleaner's lines choice for HTML pages: whether the body the line model
keeps from the page's blocks read as raw text lines replaces the finished HTML body (the
stored body choice's, with the stored return and trim applied). It is trained after train
choice, train return and train trim, and before train dispute.
Every HTML page of each DIR (ID.html[.gz], ID.truth.txt) is parsed as the pipeline parses
it and cleaned twice, as HTML and as lines. The gate (how little the two bodies may agree
before the choice is asked), the ridge penalty and the confidence (the probability the
regression must give the lines to take them: pages it barely prefers them on flip with
any small change upstream) are selected by cross-validation with folds grouped by site
(URL host): a setting is eligible when it raises the mean of the sets' cross-validated F1,
lowers no set's (nor a typed set's articles') by more than noise (one standard error of
the mean of its pages' differences in F1) and turns no page catastrophic (the HTML body
scoring 0.8 or more, the lines under 0.5: a page lost whole weighs on a reader more than
the mean F1 says), and among the eligible settings whose mean lies within one standard
error of the best (that of their per-fold differences), the one that takes the lines on
the fewest pages is kept, then the larger ridge penalty. Prints the cross-validated F1
per set beside the HTML body's and the trained choice's own (in-sample) F1, and writes
the stored body choice with the lines choice as JSON (to be embedded as
stages/clean/choice.json). Training is deterministic.

Flags:
`

// linesPage is one page's training record for the lines choice.
type linesPage struct {
	set, id, site, typ string
	fold               int
	html, lines        shingle.Page
	has                bool // the raw lines give another body
	ex                 clean.ChoiceExample
}

// pick returns the page's score when the lines choice takes the lines or not.
func (p *linesPage) pick(lines bool) shingle.Page {
	if lines && p.has {
		return p.lines
	}
	return p.html
}

func cmdTrainLines(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs, out, folds, workers := bodyTrainerFlags("lines", trainLinesUsage, "stages/clean/choice.json", "write the body choice with the lines choice to `FILE` (- for standard output)", stderr)
	table := fs.String("pages", "", "also write every page whose raw lines give another body to `FILE` as tab-separated values: the lines choice's features, both bodies' F1 and its decisions")
	if !bodyTrainerArgs(fs, args, folds) {
		return exitUsage
	}
	pages, sets, err := linesPages(ctx, fs.Args(), *workers, *folds)
	if err != nil {
		fmt.Fprintf(stderr, "newspipe-dev train lines: %v\n", err)
		return exitFailures
	}
	groups := reportGroups(pages, sets, func(p linesPage) (string, string) { return p.set, p.typ })
	groupPages := make([][]int, len(groups))
	for g, grp := range groups {
		groupPages[g] = grp.pages
	}
	fold := make([]int, len(pages))
	has := make([]bool, len(pages))
	examples := make([]clean.ChoiceExample, len(pages))
	var learn []clean.ChoiceExample
	for i, p := range pages {
		fold[i], has[i], examples[i] = p.fold, p.has, p.ex
		if p.has {
			learn = append(learn, p.ex)
		}
	}
	none := make([]bool, len(pages))
	base := linesF1(pages, groups, none)
	fmt.Fprintf(stdout, "grouped cross-validation (%d folds by site), per-set F1 of the HTML body: %s\n", *folds, groupFigures(groups, base))
	var grid []choiceSetting
	var figures []string
	var decisions [][]bool
	for _, gate := range []float64{0.35, 0.5, 0.65, 0.8, 0.9, 1} {
		for _, l2 := range []float64{0.01, 0.1, 1} {
			for _, confidence := range []float64{0.5, 0.6, 0.7, 0.8, 0.9} {
				takes := crossValidateTakes(has, examples, fold, *folds, func(ex []clean.ChoiceExample) *clean.Choice {
					return clean.TrainLinesChoice(ex, gate, l2, confidence)
				})
				cv := linesF1(pages, groups, takes)
				se := linesNoise(pages, groups, takes)
				ok := mean(cv) > mean(base)
				for g := range cv {
					ok = ok && cv[g] >= base[g]-se[g]
				}
				made, rescued := catastrophes(pages, takes)
				ok = ok && made == 0
				fsc := foldScores(groupPages, fold, *folds, func(i int) shingle.Page { return pages[i].pick(takes[i]) })
				grid = append(grid, choiceSetting{gate: gate, l2: l2, confidence: confidence, mean: mean(cv), folds: fsc, takes: count(takes), eligible: ok})
				figures = append(figures, fmt.Sprintf("confidence %.1f  ", confidence)+groupFigures(groups, cv)+fmt.Sprintf("  catastrophic pages made %d, rescued %d", made, rescued))
				decisions = append(decisions, takes)
			}
		}
	}
	printGrid(stdout, grid, figures, "gate", takesThe("lines"))
	choice, err := clean.DefaultChoice()
	if err != nil {
		fmt.Fprintf(stderr, "newspipe-dev train lines: %v\n", err)
		return exitFailures
	}
	best, found := selectSetting(grid)
	cvTakes := none
	if !found {
		fmt.Fprintln(stdout, "no setting raises the mean without lowering a set beyond noise: the lines choice stays off")
		choice.Lines = nil
	} else {
		fmt.Fprintf(stdout, "selected (fewest pages taken within one SE of the best eligible mean): gate %.2f, l2 %g, confidence %.1f\n", best.gate, best.l2, best.confidence)
		choice.Lines = clean.TrainLinesChoice(learn, best.gate, best.l2, best.confidence)
		for k, s := range grid {
			if s.gate == best.gate && s.l2 == best.l2 && s.confidence == best.confidence {
				cvTakes = decisions[k]
			}
		}
	}
	inTakes := make([]bool, len(pages))
	for i, p := range pages {
		inTakes[i] = choice.Lines != nil && p.has && p.ex.Agreement < choice.Lines.Gate && choice.Lines.Prefers(p.ex.Features)
	}
	cv, in := linesF1(pages, groups, cvTakes), linesF1(pages, groups, inTakes)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "set\tpages\tHTML body\tlines choice, grouped CV\tlines choice, in-sample\tlines taken (CV)\t")
	for g, grp := range groups {
		n := 0
		for _, i := range grp.pages {
			if cvTakes[i] {
				n++
			}
		}
		fmt.Fprintf(tw, "%s\t%d\t%.4f\t%.4f\t%.4f\t%d\t\n", grp.name, len(grp.pages), base[g], cv[g], in[g], n)
	}
	tw.Flush()
	if *table != "" {
		if err := writeLinesPages(*table, pages, choice.Lines, cvTakes, inTakes); err != nil {
			fmt.Fprintf(stderr, "newspipe-dev train lines: %v\n", err)
			return exitFailures
		}
	}
	return saveJSON("lines", *out, choice, stdout, stderr)
}

// linesPages parses every HTML page of the dirs and cleans it as HTML, with the stored
// body choice, return and trim and without a lines choice, and as raw lines.
func linesPages(ctx context.Context, dirs []string, workers, folds int) ([]linesPage, []string, error) {
	list, sets, err := sortedPages(dirs)
	if err != nil {
		return nil, nil, err
	}
	cleaner := clean.New().WithoutLines()
	plain := cleaner.WithoutChoice()
	pages := make([]linesPage, len(list))
	err = parseHTMLPages(ctx, list, workers, func(i int, parsed *stages.Parsed) error {
		p := &pages[i]
		p.set, p.id, p.site, p.typ = list[i].Set, list[i].ID, list[i].Site(), list[i].PageType
		p.fold = hostFold(p.site, folds)
		truth := list[i].Truth
		if parsed == nil {
			p.html = shingle.Score("", truth)
			return nil
		}
		blocks := parsed.Blocks
		p.html = shingle.Score(strings.Join(cleaner.Clean(blocks).Paragraphs, "\n\n"), truth)
		x, agree, lines, ok := cleaner.LinesChoice(blocks)
		if !ok {
			return nil
		}
		p.has = true
		p.lines = shingle.Score(strings.Join(plain.Clean(lines).Paragraphs, "\n\n"), truth)
		p.ex = clean.ChoiceExample{Features: x, Agreement: agree, Gain: f1(p.lines) - f1(p.html)}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return pages, sets, nil
}

// linesF1 returns each group's F1 when the pages takes marks take the lines.
func linesF1(pages []linesPage, groups []returnGroup, takes []bool) []float64 {
	out := make([]float64, len(groups))
	for g, grp := range groups {
		sc := make([]shingle.Page, 0, len(grp.pages))
		for _, i := range grp.pages {
			sc = append(sc, pages[i].pick(takes[i]))
		}
		out[g] = shingle.Summarize(sc).F1
	}
	return out
}

// catastrophes counts the pages that taking the lines where takes says so makes
// catastrophic and rescues (see catastrophe).
func catastrophes(pages []linesPage, takes []bool) (made, rescued int) {
	for i, p := range pages {
		if !takes[i] || !p.has {
			continue
		}
		m, r := catastrophe(f1(p.html), f1(p.lines))
		made, rescued = made+b2i(m), rescued+b2i(r)
	}
	return made, rescued
}

// linesNoise returns, for each group, the standard error of the mean of its pages'
// differences in F1 when the pages takes marks take the lines.
func linesNoise(pages []linesPage, groups []returnGroup, takes []bool) []float64 {
	return groupNoise(groups, func(i int) float64 { return f1(pages[i].pick(takes[i])) - f1(pages[i].html) })
}

// writeLinesPages writes one row per page whose raw lines give another body: the page,
// the lines choice's features, both bodies' F1, and whether the choice takes the lines
// under grouped cross-validation and as trained on all pages (lines, nil when none), with
// the probability that one gives the lines: a page near its confidence is one a small
// change upstream may flip.
func writeLinesPages(name string, pages []linesPage, lines *clean.Choice, cvTakes, inTakes []bool) error {
	var b strings.Builder
	b.WriteString("set\tid\tsite\ttype\t" + strings.Join(clean.LinesFeatureNames, "\t") + "\tf1_html\tf1_lines\tcv_takes\ttakes\tprob_lines\n")
	for i, p := range pages {
		if !p.has {
			continue
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s", p.set, p.id, p.site, p.typ)
		for _, x := range p.ex.Features {
			fmt.Fprintf(&b, "\t%.4f", x)
		}
		prob := 0.0
		if lines != nil {
			prob = lines.Probability(p.ex.Features)
		}
		fmt.Fprintf(&b, "\t%.4f\t%.4f\t%v\t%v\t%.4f\n", f1(p.html), f1(p.lines), cvTakes[i], inTakes[i], prob)
	}
	if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write page table: %w", err)
	}
	return nil
}
