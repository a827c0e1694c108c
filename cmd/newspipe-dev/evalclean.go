package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/internal/shingle"
	"github.com/newspipe/newspipe/stages"
	"github.com/newspipe/newspipe/stages/extract"
)

const evalCleanUsage = `Usage: newspipe eval clean [flags] DIR

Runs the whole pipeline on every page of DIR twice, once from ID.txt (the page's visible
text) and once from ID.html, scores the "text" field against ID.truth.txt with the
article-extraction benchmark's 4-word-shingle metric, and prints F1, precision and recall
per input form, beside go-trafilatura's own extraction of the same HTML, and the worst
pages.

Example:
  newspipe eval clean ../shared/data/extraction/dev

Flags:
`

// evalPage is one page's input form and its score.
type evalPage struct {
	id    string
	score shingle.Page
}

func cmdEvalClean(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval clean", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, evalCleanUsage); fs.PrintDefaults() }
	worst := fs.Int("worst", 8, "list the `N` worst pages of each input form")
	workers := fs.Int("workers", 2, "`N` workers per stage")
	baseline := fs.Bool("baseline", true, "also score go-trafilatura alone on the HTML")
	if err := parseFlags(fs, args); err != nil {
		return exitUsage
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	dir := fs.Arg(0)
	truths, err := filepath.Glob(filepath.Join(dir, "*.truth.txt"))
	if err != nil || len(truths) == 0 {
		fmt.Fprintf(stderr, "newspipe eval clean: no ID.truth.txt files in %s\n", dir)
		return exitFailures
	}
	sort.Strings(truths)
	ids := make([]string, len(truths))
	truth := map[string]string{}
	for i, t := range truths {
		ids[i] = strings.TrimSuffix(filepath.Base(t), ".truth.txt")
		b, err := os.ReadFile(t)
		if err != nil {
			fmt.Fprintf(stderr, "newspipe eval clean: %v\n", err)
			return exitFailures
		}
		truth[ids[i]] = string(b)
	}

	models, err := stages.Load()
	if err != nil {
		fmt.Fprintf(stderr, "newspipe eval clean: %v\n", err)
		return exitFailures
	}
	results := map[string][]evalPage{}
	forms := []string{"txt", "html"}
	for _, form := range forms {
		src := func(ctx context.Context, emit func(*document.Document) error) error {
			for _, id := range ids {
				raw, err := os.ReadFile(filepath.Join(dir, id+"."+form))
				if err != nil {
					return fmt.Errorf("read page: %w", err)
				}
				d := &document.Document{Raw: raw, FormatHint: map[string]string{"txt": "text", "html": "html"}[form]}
				d.Record.ID = id
				if err := emit(d); err != nil {
					return err
				}
			}
			return nil
		}
		sink := func(o stages.Outcome) error {
			r := stages.Record(o)
			results[form] = append(results[form], evalPage{id: r.ID, score: shingle.Score(r.Text, truth[r.ID])})
			return nil
		}
		if _, err := models.Run(ctx, stages.Batch{Options: stages.Options{Workers: *workers}, Source: src}, sink); err != nil {
			fmt.Fprintf(stderr, "newspipe eval clean: %v\n", err)
			return exitFailures
		}
	}
	if *baseline && !extract.HasBaseline {
		fmt.Fprintf(stderr, "newspipe eval clean: no html/trafilatura row: %v\n", extract.ErrNoBaseline)
	}
	if *baseline && extract.HasBaseline {
		forms = append(forms, "html/trafilatura")
		for _, id := range ids {
			raw, err := os.ReadFile(filepath.Join(dir, id+".html"))
			if err != nil {
				fmt.Fprintf(stderr, "newspipe eval clean: %v\n", err)
				return exitFailures
			}
			text, _ := extract.Baseline(string(raw), "")
			results["html/trafilatura"] = append(results["html/trafilatura"], evalPage{id: id, score: shingle.Score(text, truth[id])})
		}
	}

	fmt.Fprintf(stdout, "chrome removal on %d pages of %s (4-word shingles)\n\n", len(ids), dir)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "input\tF1\tP\tR")
	for _, form := range forms {
		var pages []shingle.Page
		for _, p := range results[form] {
			pages = append(pages, p.score)
		}
		s := shingle.Summarize(pages)
		name := form
		if form != "html/trafilatura" {
			name = "newspipe " + form
		}
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\n", name, s.F1, s.Precision, s.Recall)
	}
	tw.Flush()
	for _, form := range forms[:2] {
		pages := append([]evalPage(nil), results[form]...)
		sort.SliceStable(pages, func(i, j int) bool { return f1(pages[i].score) < f1(pages[j].score) })
		fmt.Fprintf(stdout, "\nworst %s pages (F1 P R):\n", form)
		for _, p := range pages[:min(*worst, len(pages))] {
			fmt.Fprintf(stdout, "  %.3f %.3f %.3f  %s\n", f1(p.score), p.score.Precision, p.score.Recall, p.id)
		}
	}
	return exitOK
}

func f1(p shingle.Page) float64 {
	if p.Precision+p.Recall == 0 {
		return 0
	}
	return 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
}
