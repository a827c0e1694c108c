package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/internal/extractset"
	"github.com/newspipe/newspipe/internal/shingle"
	"github.com/newspipe/newspipe/pipeline"
	"github.com/newspipe/newspipe/stages"
	"github.com/newspipe/newspipe/stages/extract"
)

const evalCleanUsage = `Usage: newspipe-dev eval clean [flags] DIR...

Runs the pipeline's chrome removal on every page of each DIR twice, once from ID.txt (the
page's visible text) and once from ID.html or ID.html.gz, scores the "text" field against
ID.truth.txt with the article-extraction benchmark's 4-word-shingle metric, and prints F1
per set and overall, beside go-trafilatura's own extraction of the same HTML (in a build
with the "trafilatura" tag, see make devbuild). A page is catastrophic when newspipe
scores under 0.5 where go-trafilatura alone scores 0.8 or more. The page's URL is read
from ID.meta.json when there is one.

Example:
  newspipe-dev eval clean ../shared/data/extraction/dev ../shared/data/extraction/train/*

Flags:
`

// Forms of a page that are scored.
const (
	formText  = "text"
	formHTML  = "html"
	formTrafi = "trafilatura"
)

// evalPage is one page with its score in each form.
type evalPage struct {
	extractset.Page
	f1 map[string]float64
	sc map[string]shingle.Page
}

func cmdEvalClean(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval clean", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, evalCleanUsage); fs.PrintDefaults() }
	worst := fs.Int("worst", 8, "list the `N` worst pages of each input form")
	workers := fs.Int("workers", 2, "`N` workers per stage")
	baseline := fs.Bool("baseline", true, "also score go-trafilatura alone on the HTML")
	every := fs.Int("every", 1, "score only every `K`th page of each set (a quick sample)")
	pagesOut := fs.String("pages", "", "write every page's scores as tab-separated lines to `FILE`")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}
	var pages []*evalPage
	var sets []string
	for _, dir := range fs.Args() {
		list, err := extractset.List(dir)
		if err != nil {
			fmt.Fprintf(stderr, "newspipe-dev eval clean: %v\n", err)
			return exitFailures
		}
		sets = append(sets, list[0].Set)
		for i, p := range list {
			if i%max(1, *every) == 0 {
				pages = append(pages, &evalPage{Page: p, f1: map[string]float64{}, sc: map[string]shingle.Page{}})
			}
		}
	}
	models, err := stages.Load()
	if err != nil {
		fmt.Fprintf(stderr, "newspipe-dev eval clean: %v\n", err)
		return exitFailures
	}
	// Only the stages up to chrome removal matter to the text.
	body := models.BodyLine(stages.Options{Workers: *workers})
	list := make([]extractset.Page, len(pages))
	for i, p := range pages {
		list[i] = p.Page
	}
	for _, form := range []string{formText, formHTML} {
		src := pageSource(list, form)
		sink := func(r pipeline.Result[*document.Document, *stages.Cleaned]) error {
			i, _ := strconv.Atoi(r.In.Record.ID)
			p := pages[i]
			text := ""
			if r.Err == nil && !r.Skipped {
				text = r.Out.Record.Text
			}
			p.sc[form] = shingle.Score(text, p.Truth)
			p.f1[form] = f1(p.sc[form])
			return nil
		}
		opt := pipeline.Options[*document.Document]{ItemTimeout: stages.DefaultTimeout}
		if _, err := pipeline.Run(ctx, src, body, sink, opt); err != nil {
			fmt.Fprintf(stderr, "newspipe-dev eval clean: %v\n", err)
			return exitFailures
		}
	}
	forms := []string{formText, formHTML}
	if *baseline && !extract.HasBaseline {
		fmt.Fprintf(stderr, "newspipe-dev eval clean: no go-trafilatura column: %v\n", extract.ErrNoBaseline)
	}
	if *baseline && extract.HasBaseline {
		forms = append(forms, formTrafi)
		for _, p := range pages {
			raw, err := p.HTML()
			if err != nil {
				fmt.Fprintf(stderr, "newspipe-dev eval clean: %v\n", err)
				return exitFailures
			}
			text, _ := extract.Baseline(string(raw), p.URL)
			p.sc[formTrafi] = shingle.Score(text, p.Truth)
			p.f1[formTrafi] = f1(p.sc[formTrafi])
		}
	}
	writeEvalTable(stdout, sets, pages, forms)
	if *pagesOut != "" {
		if err := writeEvalPages(*pagesOut, pages, forms); err != nil {
			fmt.Fprintf(stderr, "newspipe-dev eval clean: %v\n", err)
			return exitFailures
		}
	}
	for _, form := range []string{formHTML, formText} {
		ps := append([]*evalPage(nil), pages...)
		sort.SliceStable(ps, func(i, j int) bool { return ps[i].f1[form] < ps[j].f1[form] })
		fmt.Fprintf(stdout, "\nworst pages, newspipe %s (F1, go-trafilatura F1, set/ID):\n", form)
		for _, p := range ps[:min(*worst, len(ps))] {
			fmt.Fprintf(stdout, "  %.3f  %s  %s/%s\n", p.f1[form], trafiF1(p), p.Set, p.ID)
		}
	}
	return exitOK
}

// catastrophic reports whether newspipe failed the page in form where go-trafilatura
// alone did well.
func catastrophic(p *evalPage, form string) bool {
	t, ok := p.f1[formTrafi]
	return ok && t >= 0.8 && p.f1[form] < 0.5
}

func trafiF1(p *evalPage) string {
	if t, ok := p.f1[formTrafi]; ok {
		return fmt.Sprintf("%.3f", t)
	}
	return "  -  "
}

// writeEvalTable prints F1 per set (and for WCXB, its articles apart), then overall.
func writeEvalTable(w io.Writer, sets []string, pages []*evalPage, forms []string) {
	fmt.Fprintf(w, "chrome removal, F1 of 4-word shingles (catastrophic: newspipe < 0.5 where go-trafilatura >= 0.8)\n\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := "set\tpages\tnewspipe text\tnewspipe html"
	if len(forms) > 2 {
		head += "\tgo-trafilatura\tcatastrophic text\tcatastrophic html"
	}
	fmt.Fprintln(tw, head+"\t")
	row := func(name string, keep func(*evalPage) bool) {
		var n, catT, catH int
		scores := map[string][]shingle.Page{}
		for _, p := range pages {
			if !keep(p) {
				continue
			}
			n++
			for _, f := range forms {
				scores[f] = append(scores[f], p.sc[f])
			}
			if catastrophic(p, formText) {
				catT++
			}
			if catastrophic(p, formHTML) {
				catH++
			}
		}
		if n == 0 {
			return
		}
		line := fmt.Sprintf("%s\t%d", name, n)
		for _, f := range forms {
			line += fmt.Sprintf("\t%.3f", shingle.Summarize(scores[f]).F1)
		}
		if len(forms) > 2 {
			line += fmt.Sprintf("\t%d\t%d", catT, catH)
		}
		fmt.Fprintln(tw, line+"\t")
	}
	for _, s := range sets {
		row(s, func(p *evalPage) bool { return p.Set == s })
		row(s+" articles", func(p *evalPage) bool { return p.Set == s && p.PageType == "article" })
	}
	if len(sets) > 1 {
		row("all", func(*evalPage) bool { return true })
	}
	tw.Flush()
}

// writeEvalPages writes one line per page: set, ID, page type, then F1, precision and
// recall of each form.
func writeEvalPages(name string, pages []*evalPage, forms []string) error {
	var b strings.Builder
	b.WriteString("set\tid\ttype")
	for _, f := range forms {
		fmt.Fprintf(&b, "\t%s_f1\t%s_p\t%s_r", f, f, f)
	}
	b.WriteString("\n")
	for _, p := range pages {
		fmt.Fprintf(&b, "%s\t%s\t%s", p.Set, p.ID, p.PageType)
		for _, f := range forms {
			fmt.Fprintf(&b, "\t%.4f\t%.4f\t%.4f", p.f1[f], p.sc[f].Precision, p.sc[f].Recall)
		}
		b.WriteString("\n")
	}
	if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write page scores: %w", err)
	}
	return nil
}

func f1(p shingle.Page) float64 {
	if p.Precision+p.Recall == 0 {
		return 0
	}
	return 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
}
