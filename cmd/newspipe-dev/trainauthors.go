package main

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/newspipe/newspipe/internal/cli"
	"github.com/newspipe/newspipe/stages/extract"
	"github.com/newspipe/newspipe/stages/metadata"
)

const trainAuthorsUsage = `Usage: newspipe-dev train authors [flags] DIR...

Learns the weights of the HTML authors' choice: for every article page of each DIR whose
gold (ID.meta.json) lists its authors (or none), the extractor lists the short elements
of the page that name only people, and the names its markup gives (JSON-LD, meta tags,
itemprop, rel=author; JSON-LD organisations when it names no person), each with its
features, beside the choice of naming nobody. The right choice is the candidate that
names the gold authors once cleaned as the record gives them (metadata.CleanAuthors), or
nobody when the gold names none; a page whose gold authors no candidate names has no
right choice and is not fitted. The weights are fitted as a per-page choice (conditional
logit); the ridge penalty, and the margin by which a candidate must beat naming nobody
(added to the weight of nobody; of equal scores the higher margin: naming nobody over a
wrong author), are chosen by cross-validation grouped by site (URL host, the folds of
"eval meta"). The weights fitted on all pages (or on all but the --without fold) are
written as JSON, to be embedded as stages/extract/byline.json.

Example:
  newspipe-dev train authors ../shared/data/extraction/train/wcxb-dev

Flags:
`

// bylineChoicePage is one page's byline candidates and which is the right choice.
type bylineChoicePage struct {
	fold    int
	id      string
	authors []string
	cands   []extract.BylineCandidate
	gold    []bool
}

func cmdTrainAuthors(args []string, stdout, stderr io.Writer) int {
	fs, out, folds := trainerFlags("authors", trainAuthorsUsage, "stages/extract/byline.json", stderr)
	without := fs.Int("without", -1, "fit the written weights without the pages of `fold` (to score them held out)")
	givenNames := fs.String("given-names", "", "first derive internal/personnames/given_names.txt from the lists names.male and names.female of gazetteer `DIR` (../shared/data/gazetteers)")
	failures := fs.Int("failures", 0, "list up to `N` pages of folds 1.. whose cross-validated choice is wrong (fold 0 is held out)")
	dirs, err := cli.Positional(fs, args)
	if err != nil {
		return exitUsage
	}
	if (len(dirs) == 0 && *givenNames == "") || *folds < 2 {
		fs.Usage()
		return exitUsage
	}
	if *givenNames != "" {
		if err := writeNameList(*givenNames, []string{"names.male", "names.female"}, "internal/personnames/given_names.txt"); err != nil {
			fmt.Fprintf(stderr, "newspipe-dev train authors: %v\n", err)
			return exitFailures
		}
		fmt.Fprintln(stdout, "wrote internal/personnames/given_names.txt: rebuild before training on it")
		return exitOK
	}
	var pages []bylineChoicePage
	gold := goldPages{dirs: dirs, folds: *folds, form: "html"}
	for c, raw := range gold.All(func(c metaCase) bool { return c.gold.Authors != nil }) {
		cands, err := extract.BylineCandidates(string(raw))
		if err != nil {
			fmt.Fprintf(stderr, "newspipe-dev train authors: %s: %v\n", c.id, err)
			return exitFailures
		}
		if cands == nil {
			continue
		}
		p := bylineChoicePage{fold: c.fold, id: c.id, authors: c.gold.Authors, cands: cands, gold: make([]bool, len(cands))}
		for i, b := range cands {
			// The names as the record gives them: metadata.Merge cleans the chosen ones.
			p.gold[i] = i > 0 && len(c.gold.Authors) > 0 && namesScore(c.gold.Authors, metadata.CleanAuthors(b.Names, "")).exact == 1
		}
		found := false
		for _, g := range p.gold {
			found = found || g
		}
		// Naming nobody is right when the gold names none; a page whose gold authors no
		// candidate names has no right choice and is not fitted.
		p.gold[0] = !found && len(c.gold.Authors) == 0
		pages = append(pages, p)
	}
	if err := gold.Err(); err != nil {
		fmt.Fprintf(stderr, "newspipe-dev train authors: %v\n", err)
		return exitFailures
	}
	named, reachable, none := 0, 0, 0
	for _, p := range pages {
		if len(p.authors) == 0 {
			none++
			continue
		}
		named++
		if slices.Contains(p.gold, true) {
			reachable++
		}
	}
	all := func(bylineChoicePage) bool { return true }
	fmt.Fprintf(stdout, "%d pages: %d with gold authors (named by a candidate on %d), %d naming none\n",
		len(pages), named, reachable, none)
	var rules []int
	for _, p := range pages {
		b := 0
		for i, c := range p.cands {
			if i > 0 && c.Features[extract.BylineRulesFeature] > 0 {
				b = i
			}
		}
		rules = append(rules, b)
	}
	r, a, fa := scoreChoices(pages, rules, 0)
	fmt.Fprintf(stdout, "the byline rules alone: right %.3f, authors right %.3f, authors where none %.3f\n", r, a, fa)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "l2\tmargin\tgrouped CV: right\tauthors right\tauthors where none\tfolds (right)")
	best, bestL2, bestMargin := -1.0, 0.0, 0.0
	for _, l2 := range ridgePenalties {
		ws := make([][]float64, *folds)
		for f := range *folds {
			ws[f] = fitHTMLByline(pages, l2, func(p bylineChoicePage) bool { return p.fold != f })
		}
		for _, margin := range bylineMargins {
			var chosen []int
			lo, hi := 1.0, 0.0
			for f := range *folds {
				w := withMargin(ws[f], margin)
				in := func(p bylineChoicePage) bool { return p.fold == f }
				acc, _, _ := htmlBylineAccuracy(pages, w, in)
				lo, hi = min(lo, acc), max(hi, acc)
				for _, p := range pages {
					if in(p) {
						chosen = append(chosen, extract.BestByline(p.cands, w))
					}
				}
			}
			right, authors, falseAuthors := scoreChoices(pages, chosen, *folds)
			fmt.Fprintf(tw, "%g\t%g\t%.3f\t%.3f\t%.3f\t%.2f-%.2f\n", l2, margin, right, authors, falseAuthors, lo, hi)
			if beatsThreshold(right, l2, margin, best, bestL2, bestMargin) {
				best, bestL2, bestMargin = max(right, best), l2, margin
			}
		}
	}
	tw.Flush()
	listFailures(stdout, pages, *failures, *folds, func(p bylineChoicePage) int { return p.fold },
		func(in func(bylineChoicePage) bool) []float64 {
			return withMargin(fitHTMLByline(pages, bestL2, in), bestMargin)
		},
		bylineChoiceFailure)
	in := all
	if *without >= 0 {
		in = func(p bylineChoicePage) bool { return p.fold != *without }
	}
	w := withMargin(fitHTMLByline(pages, bestL2, in), bestMargin)
	acc, _, _ := htmlBylineAccuracy(pages, w, in)
	fmt.Fprintf(stdout, "chosen l2 %g, margin %g: grouped CV %.3f, pages fitted (training) %.3f\n", bestL2, bestMargin, best, acc)
	if *without >= 0 {
		acc, authors, falseAuthors := htmlBylineAccuracy(pages, w, func(p bylineChoicePage) bool { return p.fold == *without })
		fmt.Fprintf(stdout, "fold %d, not fitted: right %.3f, authors right %.3f, authors where none %.3f\n", *without, acc, authors, falseAuthors)
		var sub []bylineChoicePage
		var subRules []int
		for i, p := range pages {
			if p.fold == *without {
				sub, subRules = append(sub, p), append(subRules, rules[i])
			}
		}
		r, a, fa := scoreChoices(sub, subRules, 0)
		fmt.Fprintf(stdout, "fold %d, the byline rules alone: right %.3f, authors right %.3f, authors where none %.3f\n", *without, r, a, fa)
	}
	data, err := extract.EncodeBylineModel(w)
	return saveModel("authors", *out, data, err, stdout, stderr)
}

// bylineChoiceFailure is the failure line of the page under w (its gold authors, then
// its best-scored candidates), or "" when its choice is right.
func bylineChoiceFailure(p bylineChoicePage, w []float64) string {
	b := extract.BestByline(p.cands, w)
	if p.gold[b] {
		return ""
	}
	// The best-scored candidates, the chosen one first ("*"), and the right ones ("+")
	// wherever they rank.
	order := make([]int, len(p.cands))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		return extract.Score(w, p.cands[order[i]].Features) > extract.Score(w, p.cands[order[j]].Features)
	})
	var cs []string
	for k, i := range order {
		if k >= maxListedCandidates && !p.gold[i] {
			continue
		}
		mark := ""
		switch {
		case i == b:
			mark = "*"
		case p.gold[i]:
			mark = "+"
		}
		name := strings.Join(p.cands[i].Names, " & ")
		if i == 0 {
			name = "(nobody)"
		}
		cs = append(cs, fmt.Sprintf("%s%s %.2f", mark, name, extract.Score(w, p.cands[i].Features)))
	}
	// A page whose gold authors no candidate names is marked: its names are to be found,
	// not chosen.
	mark := ""
	if !slices.Contains(p.gold, true) {
		mark = " (no candidate names them)"
	}
	return fmt.Sprintf("  %s: %s%s | %s", p.id, strings.Join(p.authors, "; "), mark, strings.Join(cs, ", "))
}

// maxListedCandidates is the number of best-scored candidates a failure lists, besides
// the right ones.
const maxListedCandidates = 5

// bylineMargins are the margins tried by which a person must beat naming nobody.
var bylineMargins = []float64{0, 0.25, 0.5, 0.75, 1, 1.5, 2}

// withMargin returns the weights with the weight of naming nobody raised by margin: a
// candidate is chosen only when it scores margin above nobody.
func withMargin(w []float64, margin float64) []float64 {
	out := append([]float64(nil), w...)
	out[0] += margin
	return out
}

// fitHTMLByline fits the byline weights as a per-page choice on the pages in that have a
// right choice.
func fitHTMLByline(pages []bylineChoicePage, l2 float64, in func(bylineChoicePage) bool) []float64 {
	fitted := func(p bylineChoicePage) bool { return in(p) && slices.Contains(p.gold, true) }
	return fitChoice(pages, l2, fitted,
		func(p bylineChoicePage) ([]extract.BylineCandidate, []bool) { return p.cands, p.gold },
		func(c extract.BylineCandidate) []float64 { return c.Features })
}

// htmlBylineAccuracy scores the choices under w of the pages in: the share right, the share
// of pages with gold authors whose authors are right, the share of pages whose gold
// names none that are given authors.
func htmlBylineAccuracy(pages []bylineChoicePage, w []float64, in func(bylineChoicePage) bool) (right, authors, falseAuthors float64) {
	var sub []bylineChoicePage
	var chosen []int
	for _, p := range pages {
		if in(p) {
			sub = append(sub, p)
			chosen = append(chosen, extract.BestByline(p.cands, w))
		}
	}
	return scoreChoices(sub, chosen, 0)
}

// scoreChoices scores the choices made on pages: in page order, or, with folds > 0, in
// the order of the cross-validation (fold by fold).
func scoreChoices(pages []bylineChoicePage, chosen []int, folds int) (right, authors, falseAuthors float64) {
	order := pages
	if folds > 0 {
		order = nil
		for f := range folds {
			for _, p := range pages {
				if p.fold == f {
					order = append(order, p)
				}
			}
		}
	}
	n, named, none := 0, 0, 0
	r, a, fa := 0, 0, 0
	for i, p := range order {
		b := chosen[i]
		n++
		if p.gold[b] {
			r++
		}
		if len(p.authors) > 0 {
			named++
			if b > 0 && p.gold[b] {
				a++
			}
		} else {
			none++
			if b > 0 {
				fa++
			}
		}
	}
	div := func(x, y int) float64 {
		if y == 0 {
			return 0
		}
		return float64(x) / float64(y)
	}
	return div(r, n), div(a, named), div(fa, none)
}

// beatsThreshold reports whether the setting (l2, t) with cross-validated accuracy acc
// is to be chosen over the best so far: a higher accuracy, or the same accuracy with the
// same penalty and a higher threshold. Where the evidence is equal, naming nobody is
// better than naming the wrong author.
func beatsThreshold(acc, l2, t, best, bestL2, bestT float64) bool {
	return acc > best+1e-9 || acc > best-1e-9 && l2 == bestL2 && t > bestT
}
