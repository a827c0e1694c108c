package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/newspipe/newspipe/internal/cli"
	"github.com/newspipe/newspipe/internal/shingle"
	"github.com/newspipe/newspipe/stages/clean"
)

// cmdTrainClean implements "newspipe train clean [-o FILE] [-folds K] DIR...": it learns
// the line classifier of the chrome cleaner from the ID.txt / ID.truth.txt pages of every
// DIR, writes the weights as JSON (to be embedded as stages/clean/weights.json) and reports
// the cross-validated score (folds grouped by site) and the training-set score.
func cmdTrainClean(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("train clean", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "stages/clean/weights.json", "write the model to `FILE` (- for standard output)")
	folds := fs.Int("folds", 5, "number of cross-validation folds (0 to skip)")
	l2 := fs.Float64("l2", clean.DefaultTrainOptions.L2, "ridge penalty")
	types := fs.String("types", "", "of pages whose set gives a page type, use only these comma-separated `TYPES` (e.g. article)")
	heldOut := fs.String("test", "", "also score the model on the pages of these comma-separated `DIRS`, which it is not trained on")
	threshold := fs.Float64("threshold", clean.DefaultTrainOptions.Threshold, "body probability above which a line is kept")
	reasonsOut := fs.String("reasons", "", "write the words of the training pages' lines by set and removal reason, in the body or not, to `FILE` as TSV")
	pagesOut := fs.String("pages", "", "write every page's cross-validated F1, precision and recall to `FILE` as TSV (with -folds above 1)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newspipe train clean [-o FILE] [-folds K] DIR...")
		fs.PrintDefaults()
	}
	if err := cli.ParseFlags(fs, args); err != nil {
		return exitUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}
	pages, err := clean.LoadPages(fs.Args()...)
	if err != nil {
		fmt.Fprintf(stderr, "newspipe train clean: %v\n", err)
		return exitFailures
	}
	if *types != "" {
		want := strings.Split(*types, ",")
		kept := pages[:0]
		for _, p := range pages {
			if p.Type == "" || slices.Contains(want, p.Type) {
				kept = append(kept, p)
			}
		}
		pages = kept
	}
	opt := clean.TrainOptions{L2: *l2, Threshold: *threshold}
	if *folds > 1 {
		cv, scores := clean.CrossValidate(pages, *folds, opt)
		fmt.Fprintf(stdout, "cross-validation (%d folds grouped by site, %d pages): F1 %.3f  P %.3f  R %.3f\n",
			*folds, cv.Pages, cv.F1, cv.Precision, cv.Recall)
		// The same held-out scores, set by set (a page's name is SET/ID).
		bySet := map[string][]shingle.Page{}
		var sets []string
		for i, p := range pages {
			set, _, _ := strings.Cut(p.Name, "/")
			if bySet[set] == nil {
				sets = append(sets, set)
			}
			bySet[set] = append(bySet[set], scores[i])
		}
		for _, set := range sets {
			s := shingle.Summarize(bySet[set])
			fmt.Fprintf(stdout, "  %-12s %4d pages: F1 %.3f  P %.3f  R %.3f\n", set, s.Pages, s.F1, s.Precision, s.Recall)
		}
		if *pagesOut != "" {
			if err := writeCleanPages(*pagesOut, pages, scores); err != nil {
				fmt.Fprintf(stderr, "newspipe train clean: %v\n", err)
				return exitFailures
			}
		}
	}
	m := clean.Train(pages, opt)
	trained := clean.NewWithModel(m)
	fit, _ := clean.Score(trained, pages)
	fmt.Fprintf(stdout, "training pages (%d): F1 %.3f  P %.3f  R %.3f\n", fit.Pages, fit.F1, fit.Precision, fit.Recall)
	if *reasonsOut != "" {
		if err := writeCleanReasons(*reasonsOut, clean.Reasons(trained, pages)); err != nil {
			fmt.Fprintf(stderr, "newspipe train clean: %v\n", err)
			return exitFailures
		}
	}
	if *heldOut != "" {
		for _, dir := range strings.Split(*heldOut, ",") {
			test, err := clean.LoadPages(dir)
			if err != nil {
				fmt.Fprintf(stderr, "newspipe train clean: %v\n", err)
				return exitFailures
			}
			s, _ := clean.Score(clean.NewWithModel(m), test)
			fmt.Fprintf(stdout, "held-out %s (%d pages): F1 %.3f  P %.3f  R %.3f\n", dir, s.Pages, s.F1, s.Precision, s.Recall)
		}
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		fmt.Fprintf(stderr, "newspipe train clean: encode model: %v\n", err)
		return exitFailures
	}
	data = append(data, '\n')
	if err := writeModel(*out, data, stdout); err != nil {
		fmt.Fprintf(stderr, "newspipe train clean: write model: %v\n", err)
		return exitFailures
	}
	return 0
}

// writeCleanPages writes one row per page: its name, site, type and cross-validated F1,
// precision, recall and whether its output is empty, so that the worst held-out pages
// can be read.
func writeCleanPages(name string, pages []clean.Page, scores []shingle.Page) error {
	var b strings.Builder
	b.WriteString("page\tsite\ttype\tf1\tprecision\trecall\tempty\n")
	for i, p := range pages {
		s := scores[i]
		fmt.Fprintf(&b, "%s\t%s\t%s\t%.4f\t%.4f\t%.4f\t%v\n", p.Name, p.Site, p.Type, f1(s), s.Precision, s.Recall, s.Empty)
	}
	if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write page table: %w", err)
	}
	return nil
}

// writeCleanReasons writes one row per set and reason: the words of the lines that went
// for that reason ("kept" for the article's lines) that the human-marked body holds and
// that it does not, so that one sees where the article's words are lost before writing a rule.
func writeCleanReasons(name string, rows []clean.ReasonWords) error {
	var b strings.Builder
	b.WriteString("set\treason\tgold_words\tother_words\n")
	for _, r := range rows {
		reason := r.Reason
		if reason == "" {
			reason = "kept"
		}
		fmt.Fprintf(&b, "%s\t%s\t%d\t%d\n", r.Set, reason, r.Gold, r.NotGold)
	}
	if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write reasons: %w", err)
	}
	return nil
}
