package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/internal/shingle"
	"github.com/newspipe/newspipe/stages"
	"github.com/newspipe/newspipe/stages/clean"
)

const trainReturnUsage = `Usage: newspipe-dev train return [-o FILE] DIR...

Learns the chrome cleaner's per-block return for HTML pages: which blocks that the content
extractor left outside the body, with no element saying why, between two blocks of the
body (a section heading, list items, a paragraph with a link) come back into the body.
Every HTML page of each DIR (ID.html[.gz], ID.truth.txt) is parsed as the pipeline parses
it and cleaned with the stored body choice; each candidate block is labelled by its words
in the human-marked body and not, weighed as they move the page's F1. The threshold and
the ridge penalty are selected by cross-validation with folds grouped by site (URL host),
each page cleaned again with the blocks its held-out model returns: a setting is
eligible when it raises the mean of the sets' cross-validated F1, lowers no set's by
more than noise (one standard error of the mean of its pages' differences in F1) and
turns no page catastrophic (from 0.8 or more to under 0.5), as train lines asks, and
among the eligible settings whose mean lies within one standard error of the best (that
of their per-fold differences), the one that returns the fewest blocks is kept, then the
larger ridge penalty; the grid prints each setting's standard error over the folds and
against the best. Prints the cross-validated F1 per set
beside the F1 without the return and the trained return's own (in-sample) F1, and writes
the return as JSON (to be embedded as stages/clean/choice_return.json). Training is
deterministic.

Flags:
`

const trainTrimUsage = `Usage: newspipe-dev train trim [-o FILE] DIR...

Learns the chrome cleaner's tail trim for HTML pages: which of the last blocks of the body
(a disclaimer, the author's biography, a blurb about the publisher, a note on affiliate
links) are past the article's end and leave the body. Every HTML page of each DIR
(ID.html[.gz], ID.truth.txt) is parsed as the pipeline parses it and cleaned with the
stored body choice and per-block return; each candidate block is labelled by its words in
the human-marked body and not, weighed as they move the page's F1. The threshold and the
ridge penalty are selected by cross-validation grouped by site (URL host) as train return
selects them. Prints the cross-validated F1 per set beside the F1 without the trim and
the trained trim's own (in-sample) F1, and writes the trim as JSON (to be embedded as
stages/clean/choice_trim.json). Training is deterministic.

Flags:
`

// blockModel decides block by block: the per-block return or the tail trim.
type blockModel interface {
	Returns(x []float64) bool
}

// blockTask is what a per-block trainer learns: the return of untold blocks into the body,
// or the trim of the body's tail.
type blockTask struct {
	name, usage, out string
	// cleaner cleans a page as the pipeline does without the model being learned.
	cleaner *clean.Cleaner
	// candidates returns the blocks the cleaner judges and the candidate blocks among them.
	candidates func(c *clean.Cleaner, blocks []document.Block) ([]document.Block, []clean.ReturnCandidate)
	// mark is what a chosen candidate's Outside becomes.
	mark string
	// trims says the candidates are in the body, the last first, and leave it when chosen
	// as a tail: a candidate stays when the one after it stays.
	trims bool
	// unswapped, when set, is the cleaner the task also learns from where cleaner leaves a
	// page no candidate (the dispute: a page whose raw lines the lines choice takes has no
	// disputed block, but its HTML body's disputed blocks are evidence all the same, and
	// learning from them keeps the model from changing with the lines choice's decision on
	// a page near its confidence). Such a page is scored as cleaner cleans it.
	unswapped *clean.Cleaner
	train     func(examples []clean.ReturnExample, threshold, l2 float64) blockModel
	verb      string   // what the model does to a block, as the grid prints it
	names     []string // the model's feature names
}

func returnTask() blockTask {
	return blockTask{name: "return", usage: trainReturnUsage, out: "stages/clean/choice_return.json",
		cleaner:    clean.New().WithReturn(nil),
		candidates: (*clean.Cleaner).ReturnCandidates,
		train: func(ex []clean.ReturnExample, t, l2 float64) blockModel {
			return clean.TrainReturn(ex, t, l2)
		},
		verb: "returns", names: clean.ReturnFeatureNames}
}

func trimTask() blockTask {
	return blockTask{name: "trim", usage: trainTrimUsage, out: "stages/clean/choice_trim.json",
		cleaner:    clean.New().WithTrim(nil),
		candidates: (*clean.Cleaner).TrimCandidates,
		mark:       clean.TrimmedTail,
		trims:      true,
		train: func(ex []clean.ReturnExample, t, l2 float64) blockModel {
			return clean.TrainTrim(ex, t, l2)
		},
		verb: "trims", names: clean.TrimFeatureNames}
}

// decide sets dec to the decisions of m on the candidates of a page.
func (task blockTask) decide(m blockModel, cands []clean.ReturnCandidate, dec []bool) {
	for k, c := range cands {
		dec[k] = m.Returns(c.Features) && (!task.trims || k == 0 || dec[k-1])
	}
}

func cmdTrainReturn(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return trainBlocks(ctx, returnTask(), args, stdout, stderr)
}

func cmdTrainTrim(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return trainBlocks(ctx, trimTask(), args, stdout, stderr)
}

// returnPage is one page's training record for a per-block model.
type returnPage struct {
	mark               string // what a chosen candidate's Outside becomes
	set, id, site, typ string
	fold               int
	learn              bool // the return learns from the page's candidates
	learnOnly          bool // the candidates are learned from, but the page is scored as it is cleaned (see blockTask.unswapped)
	truth              string
	base               shingle.Page     // the page cleaned without the return
	blocks             []document.Block // the blocks the cleaner judges, when the page has candidates
	cands              []clean.ReturnCandidate
	examples           []clean.ReturnExample
	gold, words        []int // each candidate's words in the marked body, and all its words
	// scored caches the page's score by the set of candidates returned.
	scored map[string]shingle.Page
}

// trainBlocks trains the per-block model of task.
func trainBlocks(ctx context.Context, task blockTask, args []string, stdout, stderr io.Writer) int {
	fs, out, folds, workers := bodyTrainerFlags(task.name, task.usage, task.out, "write the model to `FILE` (- for standard output)", stderr)
	types := fs.String("types", "", "learn only from the pages of these comma-separated `TYPES` (e.g. article) where a set gives page types; every page is scored")
	fixed := fs.String("setting", "", "use this `THRESHOLD,L2` rather than selecting one (to study it)")
	pagesOut := fs.String("pages", "", "also write every page with a candidate to `FILE` as tab-separated values: its F1 without the return, under grouped cross-validation and in-sample")
	table := fs.String("blocks", "", "also write every candidate block to `FILE` as tab-separated values: its page, features, words in the marked body and not, the cross-validated decision and why the block is outside the body")
	if !bodyTrainerArgs(fs, args, folds) {
		return exitUsage
	}
	pages, sets, err := returnPages(ctx, task, fs.Args(), *workers, *folds)
	if err != nil {
		fmt.Fprintf(stderr, "newspipe-dev train %s: %v\n", task.name, err)
		return exitFailures
	}
	if *types != "" {
		want := strings.Split(*types, ",")
		for i := range pages {
			if p := &pages[i]; p.typ != "" && !slices.Contains(want, p.typ) {
				p.learn = false
			}
		}
	}
	plain := clean.New().WithoutChoice()
	none := make([][]bool, len(pages))
	for i := range pages {
		none[i] = make([]bool, len(pages[i].cands))
	}
	groups := reportGroups(pages, sets, func(p returnPage) (string, string) { return p.set, p.typ })
	base := returnF1(plain, pages, groups, none)
	fmt.Fprintf(stdout, "grouped cross-validation (%d folds by site), per-set F1 without the %s: %s\n", *folds, task.name, groupFigures(groups, base))
	fold := make([]int, len(pages))
	groupPages := make([][]int, len(groups))
	for i, p := range pages {
		fold[i] = p.fold
	}
	for g, grp := range groups {
		groupPages[g] = grp.pages
	}
	thresholds, penalties := []float64{0.5, 0.6, 0.7, 0.8}, []float64{0.01, 0.1, 1}
	if *fixed != "" {
		t, l2, ok := strings.Cut(*fixed, ",")
		tv, err1 := strconv.ParseFloat(t, 64)
		lv, err2 := strconv.ParseFloat(l2, 64)
		if !ok || err1 != nil || err2 != nil {
			fs.Usage()
			return exitUsage
		}
		thresholds, penalties = []float64{tv}, []float64{lv}
	}
	var grid []choiceSetting
	var figures []string
	var cvs [][]float64
	var decisions [][][]bool
	for _, t := range thresholds {
		for _, l2 := range penalties {
			dec := crossValidateReturn(task, pages, *folds, t, l2)
			cv := returnF1(plain, pages, groups, dec)
			se := returnNoise(plain, pages, groups, dec)
			ok := mean(cv) > mean(base)
			for s := range cv {
				ok = ok && cv[s] >= base[s]-se[s]
			}
			made, rescued := 0, 0
			for i := range pages {
				m, r := catastrophe(f1(pages[i].base), f1(pages[i].score(plain, dec[i])))
				made, rescued = made+b2i(m), rescued+b2i(r)
			}
			ok = ok && made == 0
			fs := foldScores(groupPages, fold, *folds, func(i int) shingle.Page { return pages[i].score(plain, dec[i]) })
			grid = append(grid, choiceSetting{gate: t, l2: l2, mean: mean(cv), folds: fs, takes: countAll(dec), eligible: ok || *fixed != ""})
			figures = append(figures, groupFigures(groups, cv)+fmt.Sprintf("  catastrophic pages made %d, rescued %d", made, rescued))
			cvs, decisions = append(cvs, cv), append(decisions, dec)
		}
	}
	printGrid(stdout, grid, figures, "threshold", func(n int) string { return fmt.Sprintf("%s %d blocks", task.verb, n) })
	best, found := selectSetting(grid)
	var bestCV []float64
	var bestDecisions [][]bool
	for k, s := range grid {
		if found && s.gate == best.gate && s.l2 == best.l2 {
			bestCV, bestDecisions = cvs[k], decisions[k]
		}
	}
	var ret blockModel
	if !found {
		fmt.Fprintf(stdout, "no setting raises the mean without lowering a set beyond noise or making a page catastrophic: the %s stays off\n", task.name)
		ret = task.train(nil, 1, 0)
		bestCV, bestDecisions = base, none
	} else {
		fmt.Fprintf(stdout, "selected (fewest blocks changed within one SE of the best eligible mean): threshold %.2f, l2 %g\n", best.gate, best.l2)
		var all []clean.ReturnExample
		for _, p := range pages {
			if p.learn {
				all = append(all, p.examples...)
			}
		}
		ret = task.train(all, best.gate, best.l2)
	}
	in := make([][]bool, len(pages))
	for i, p := range pages {
		in[i] = make([]bool, len(p.cands))
		if !p.learnOnly {
			task.decide(ret, p.cands, in[i])
		}
	}
	inSample := returnF1(plain, pages, groups, in)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "set\tpages\twithout the %[1]s\t%[1]s, grouped CV\t%[1]s, in-sample\t\n", task.name)
	for g, grp := range groups {
		fmt.Fprintf(tw, "%s\t%d\t%.4f\t%.4f\t%.4f\t\n", grp.name, len(grp.pages), base[g], bestCV[g], inSample[g])
	}
	tw.Flush()
	if *pagesOut != "" {
		var b strings.Builder
		b.WriteString("set\tid\ttype\tbase\tcv\tin_sample\n")
		for i := range pages {
			p := &pages[i]
			if len(p.cands) > 0 {
				fmt.Fprintf(&b, "%s\t%s\t%s\t%.4f\t%.4f\t%.4f\n", p.set, p.id, p.typ, f1(p.base), f1(p.score(plain, bestDecisions[i])), f1(p.score(plain, in[i])))
			}
		}
		if err := os.WriteFile(*pagesOut, []byte(b.String()), 0o644); err != nil {
			fmt.Fprintf(stderr, "newspipe-dev train %s: write page table: %v\n", task.name, err)
			return exitFailures
		}
	}
	if *table != "" {
		if err := writeReturnTable(*table, task.names, pages, bestDecisions); err != nil {
			fmt.Fprintf(stderr, "newspipe-dev train %s: %v\n", task.name, err)
			return exitFailures
		}
	}
	return saveJSON(task.name, *out, ret, stdout, stderr)
}

// returnGroup is a set of pages whose F1 is reported and must not fall: each set, and the
// articles of a set whose pages have types.
type returnGroup struct {
	name  string
	pages []int
}

// reportGroups returns each set's pages, and apart the articles of a set whose pages have
// types: the groups whose F1 is reported and must not fall. setType gives a page's set
// and page type.
func reportGroups[P any](pages []P, sets []string, setType func(P) (set, typ string)) []returnGroup {
	var groups []returnGroup
	for _, name := range sets {
		var all, articles []int
		for i, p := range pages {
			set, typ := setType(p)
			if set != name {
				continue
			}
			all = append(all, i)
			if typ == "article" {
				articles = append(articles, i)
			}
		}
		groups = append(groups, returnGroup{name: name, pages: all})
		if len(articles) > 0 {
			groups = append(groups, returnGroup{name: name + " articles", pages: articles})
		}
	}
	return groups
}

func groupFigures(groups []returnGroup, v []float64) string {
	var b strings.Builder
	for g, grp := range groups {
		fmt.Fprintf(&b, " %s %.4f", grp.name, v[g])
	}
	return strings.TrimSpace(b.String())
}

func countAll(dec [][]bool) int {
	n := 0
	for _, d := range dec {
		n += count(d)
	}
	return n
}

// returnF1 returns each group's F1 when each page returns the candidates dec marks: the
// page is cleaned again, without the body choice (its blocks are already those the choice
// keeps), with those blocks in the body.
func returnF1(plain *clean.Cleaner, pages []returnPage, groups []returnGroup, dec [][]bool) []float64 {
	scores := make([]shingle.Page, len(pages))
	for i := range pages {
		scores[i] = pages[i].score(plain, dec[i])
	}
	out := make([]float64, len(groups))
	for g, grp := range groups {
		sc := make([]shingle.Page, 0, len(grp.pages))
		for _, i := range grp.pages {
			sc = append(sc, scores[i])
		}
		out[g] = shingle.Summarize(sc).F1
	}
	return out
}

// returnNoise returns, for each group, the standard error of the mean of its pages'
// differences in F1 when the pages return the candidates dec marks: how far the group's
// F1 may fall by chance of which pages it holds.
func returnNoise(plain *clean.Cleaner, pages []returnPage, groups []returnGroup, dec [][]bool) []float64 {
	return groupNoise(groups, func(i int) float64 { return f1(pages[i].score(plain, dec[i])) - f1(pages[i].base) })
}

// groupNoise returns, for each group, the standard error of the mean of diff over its
// pages (diff(i) is page i's difference in F1), 0 for a group of fewer than two pages.
func groupNoise(groups []returnGroup, diff func(i int) float64) []float64 {
	out := make([]float64, len(groups))
	for g, grp := range groups {
		n := float64(len(grp.pages))
		if n < 2 {
			continue
		}
		var sum, sq float64
		for _, i := range grp.pages {
			d := diff(i)
			sum += d
			sq += d * d
		}
		variance := (sq - sum*sum/n) / (n - 1)
		out[g] = math.Sqrt(max(0, variance) / n)
	}
	return out
}

// score returns the page's score when the candidates that dec marks come back.
func (p *returnPage) score(plain *clean.Cleaner, dec []bool) shingle.Page {
	var key strings.Builder
	for k, d := range dec {
		if d {
			key.WriteString(strconv.Itoa(k) + ",")
		}
	}
	if key.Len() == 0 || p.learnOnly {
		return p.base
	}
	if s, ok := p.scored[key.String()]; ok {
		return s
	}
	blocks := make([]document.Block, len(p.blocks))
	copy(blocks, p.blocks)
	for k, d := range dec {
		if d {
			blocks[p.cands[k].Block].Outside = p.markOf(p.cands[k])
		}
	}
	s := shingle.Score(strings.Join(plain.Clean(blocks).Paragraphs, "\n\n"), p.truth)
	if p.scored == nil {
		p.scored = map[string]shingle.Page{}
	}
	p.scored[key.String()] = s
	return s
}

// markOf returns what a chosen candidate's Outside becomes: its own mark, or the model's.
func (p *returnPage) markOf(c clean.ReturnCandidate) string {
	if c.Mark != "" {
		return c.Mark
	}
	return p.mark
}

// crossValidateReturn reports for every candidate whether the model of task trained
// without its page's fold chooses it.
func crossValidateReturn(task blockTask, pages []returnPage, folds int, threshold, l2 float64) [][]bool {
	dec := make([][]bool, len(pages))
	for i := range pages {
		dec[i] = make([]bool, len(pages[i].cands))
	}
	for k := 0; k < folds; k++ {
		var train []clean.ReturnExample
		for _, p := range pages {
			if p.fold != k && p.learn {
				train = append(train, p.examples...)
			}
		}
		r := task.train(train, threshold, l2)
		for i, p := range pages {
			if p.fold != k {
				continue
			}
			if !p.learnOnly {
				task.decide(r, p.cands, dec[i])
			}
		}
	}
	return dec
}

// returnPages parses every HTML page of the dirs, cleans it without the model of task,
// and lists its candidate blocks with their labels.
func returnPages(ctx context.Context, task blockTask, dirs []string, workers, folds int) ([]returnPage, []string, error) {
	list, sets, err := sortedPages(dirs)
	if err != nil {
		return nil, nil, err
	}
	cleaner := task.cleaner
	pages := make([]returnPage, len(list))
	err = parseHTMLPages(ctx, list, workers, func(i int, parsed *stages.Parsed) error {
		p := &pages[i]
		p.set, p.id, p.site, p.typ, p.truth = list[i].Set, list[i].ID, list[i].Site(), list[i].PageType, list[i].Truth
		p.fold = hostFold(p.site, folds)
		p.learn, p.mark = true, task.mark
		if parsed == nil {
			p.base = shingle.Score("", p.truth)
			return nil
		}
		output := strings.Join(cleaner.Clean(parsed.Blocks).Paragraphs, "\n\n")
		p.base = shingle.Score(output, p.truth)
		blocks, cands := task.candidates(cleaner, parsed.Blocks)
		if len(cands) == 0 && task.unswapped != nil {
			if blocks, cands = task.candidates(task.unswapped, parsed.Blocks); len(cands) > 0 {
				p.learnOnly = true
				output = strings.Join(task.unswapped.Clean(parsed.Blocks).Paragraphs, "\n\n")
			}
		}
		if len(cands) == 0 {
			return nil
		}
		p.blocks, p.cands = blocks, cands
		truthToks := shingle.Tokens(p.truth)
		truth := map[string]bool{}
		for j := 0; j+4 <= len(truthToks); j++ {
			truth[strings.Join(truthToks[j:j+4], " ")] = true
		}
		truthText := " " + strings.Join(truthToks, " ") + " "
		outToks := shingle.Tokens(output)
		kept := max(1, len(outToks))
		// A window the output already holds gains nothing when it comes back again: the
		// metric counts shingles as a multiset. Blocks that leave the body are counted
		// against the whole marked body.
		missing := map[string]bool{}
		for w := range truth {
			missing[w] = true
		}
		for j := 0; j+4 <= len(outToks); j++ {
			delete(missing, strings.Join(outToks[j:j+4], " "))
		}
		marked := max(1, len(truthToks))
		for _, c := range cands {
			toks := shingle.Tokens(blocks[c.Block].Text)
			leaves := p.markOf(c) != ""
			var g int
			if leaves {
				g = goldWords(toks, truth, truthText)
			} else {
				g = goldWords(toks, missing, truthText)
			}
			p.gold = append(p.gold, g)
			p.words = append(p.words, len(toks))
			e := clean.ReturnExample{Features: c.Features,
				Gain: float64(g) / float64(marked), Loss: float64(len(toks)-g) / float64(kept)}
			if leaves {
				// Putting a block out of the body loses its marked words and gains the
				// others, and does nothing when the cleaner removes the block anyway.
				e.Gain, e.Loss = e.Loss, e.Gain
				if !strings.Contains(output, blocks[c.Block].Text) {
					e.Gain, e.Loss = 0, 0
				}
			}
			p.examples = append(p.examples, e)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return pages, sets, nil
}

// goldWords counts the tokens of a block that a 4-token window of the marked body covers;
// a block of fewer than four tokens counts whole when the marked body holds it.
func goldWords(toks []string, truth map[string]bool, truthText string) int {
	if len(toks) < 4 {
		if len(toks) > 0 && strings.Contains(truthText, " "+strings.Join(toks, " ")+" ") {
			return len(toks)
		}
		return 0
	}
	covered := make([]bool, len(toks))
	for j := 0; j+4 <= len(toks); j++ {
		if truth[strings.Join(toks[j:j+4], " ")] {
			for k := j; k < j+4; k++ {
				covered[k] = true
			}
		}
	}
	return count(covered)
}

// writeReturnTable writes one row per candidate block.
func writeReturnTable(name string, names []string, pages []returnPage, dec [][]bool) error {
	var b strings.Builder
	b.WriteString("set\tid\ttype\tblock\t" + strings.Join(names, "\t") + "\tgold\twords\tcv_returns\toutside\ttext\n")
	for i, p := range pages {
		for k, c := range p.cands {
			fmt.Fprintf(&b, "%s\t%s\t%s\t%d", p.set, p.id, p.typ, c.Block)
			for _, x := range c.Features {
				fmt.Fprintf(&b, "\t%.4f", x)
			}
			text := strings.NewReplacer("\t", " ", "\n", " ").Replace(p.blocks[c.Block].Text)
			if len(text) > 100 {
				text = text[:100]
			}
			fmt.Fprintf(&b, "\t%d\t%d\t%v\t%s\t%s\n", p.gold[k], p.words[k], dec[i][k], p.blocks[c.Block].Outside, text)
		}
	}
	if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write block table: %w", err)
	}
	return nil
}
