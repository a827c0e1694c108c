package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"iter"
	"net/url"
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

const evalMetaUsage = `Usage: newspipe-dev eval meta [flags] DIR...

Runs the pipeline up to its metadata stage on every article page of each DIR (pages
whose ID.meta.json has page_type "article", or every page with an ID.meta.json when
the gold gives no page type), once from ID.html (or ID.html.gz) and once from ID.txt,
with no URL given, and compares title, authors, publication date (the day) and URL
with the gold of ID.meta.json, beside go-trafilatura's metadata of the same HTML
(in builds with the baseline, tag trafilatura).

Per field: exact match (titles compared as lowercased word tokens, authors as the
same names whichever way the list is split, dates by day) and token F1, over the pages whose gold has the field.
"no authors" is the share of pages whose gold names no author where an author was
given (lower is better).

Pages are split by site (URL host) into folds; the sites of the held-out fold are
never looked at while writing rules: "held-out" is the score on them, "folds" the
range of the score over all folds. --failures lists wrong pages of the other folds
only.

Example:
  newspipe-dev eval meta ../shared/data/extraction/train/wcxb-dev

Flags:
`

// metaGold is the gold metadata of one page (ID.meta.json).
type metaGold struct {
	Title     *string  `json:"title"`
	Authors   []string `json:"authors"`
	Published *string  `json:"published"`
	URL       string   `json:"url"`
	PageType  string   `json:"page_type"`
}

// metaCase is one page to score.
type metaCase struct {
	set, dir, id string
	fold         int
	gold         metaGold
}

// metaOut is what one system said about a page.
type metaOut struct {
	meta document.Metadata
	url  string
}

func cmdEvalMeta(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval meta", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, evalMetaUsage); fs.PrintDefaults() }
	workers := fs.Int("workers", 2, "`N` workers per stage")
	baseline := fs.Bool("baseline", true, "also score go-trafilatura's metadata of the HTML")
	folds := fs.Int("folds", 5, "split the sites into `N` folds")
	heldOut := fs.Int("heldout", 0, "the held-out `fold`")
	failures := fs.Int("failures", 0, "list up to `N` wrong pages per system and field, outside the held-out fold")
	pages := fs.String("pages", "", "write every page's score per system and field, tab-separated, to `file` (- for stdout)")
	forms := fs.String("forms", "html,text", "the input `forms` to run, comma-separated: html, text")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() == 0 || *folds < 1 || *heldOut < 0 || *heldOut >= *folds {
		fs.Usage()
		return exitUsage
	}
	var cases []metaCase
	for _, dir := range fs.Args() {
		cs, err := readMetaCases(dir, *folds)
		if err != nil {
			fmt.Fprintf(stderr, "newspipe-dev eval meta: %v\n", err)
			return exitFailures
		}
		cases = append(cases, cs...)
	}
	models, err := stages.Load()
	if err != nil {
		fmt.Fprintf(stderr, "newspipe-dev eval meta: %v\n", err)
		return exitFailures
	}
	out := map[string][]metaOut{}
	var systems []string
	for _, form := range strings.Split(*forms, ",") {
		if form != "html" && form != "text" {
			fs.Usage()
			return exitUsage
		}
		systems = append(systems, form)
		res, err := runMeta(ctx, models, cases, form, *workers)
		if err != nil {
			fmt.Fprintf(stderr, "newspipe-dev eval meta: %v\n", err)
			return exitFailures
		}
		out[form] = res
	}
	if *baseline && !extract.HasBaseline {
		fmt.Fprintf(stderr, "newspipe-dev eval meta: no go-trafilatura column: %v\n", extract.ErrNoBaseline)
	}
	if *baseline && extract.HasBaseline {
		systems = append(systems, "trafilatura")
		for _, c := range cases {
			raw, err := readPage(c.dir, c.id, "html")
			if err != nil {
				fmt.Fprintf(stderr, "newspipe-dev eval meta: %v\n", err)
				return exitFailures
			}
			m, u, _ := extract.BaselineMeta(string(raw), "")
			out["trafilatura"] = append(out["trafilatura"], metaOut{meta: m, url: u})
		}
	}

	var sets []string
	for _, c := range cases {
		if len(sets) == 0 || sets[len(sets)-1] != c.set {
			sets = append(sets, c.set)
		}
	}
	for _, s := range sets {
		var idx []int
		for i, c := range cases {
			if c.set == s {
				idx = append(idx, i)
			}
		}
		printMetaTable(stdout, s, cases, idx, out, systems, *folds, *heldOut)
	}
	if *failures > 0 {
		printMetaFailures(stdout, cases, out, systems, *heldOut, *failures)
	}
	if *pages != "" {
		if err := writeMetaPages(*pages, stdout, cases, out, systems); err != nil {
			fmt.Fprintf(stderr, "newspipe-dev eval meta: %v\n", err)
			return exitFailures
		}
	}
	return exitOK
}

// readMetaCases reads the article pages of dir that have gold metadata.
func readMetaCases(dir string, folds int) ([]metaCase, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.meta.json"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no ID.meta.json files in %s", dir)
	}
	sort.Strings(files)
	var cases []metaCase
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("read gold: %w", err)
		}
		var g metaGold
		if err := json.Unmarshal(b, &g); err != nil {
			return nil, fmt.Errorf("read gold %s: %w", f, err)
		}
		if g.PageType != "" && g.PageType != "article" {
			continue
		}
		cases = append(cases, metaCase{set: filepath.Base(filepath.Clean(dir)), dir: dir,
			id: strings.TrimSuffix(filepath.Base(f), ".meta.json"), fold: siteFold(g.URL, folds), gold: g})
	}
	return cases, nil
}

// siteFold puts every page of a site (URL host without "www.") in the same fold.
func siteFold(pageURL string, folds int) int { return hostFold(urlHost(pageURL), folds) }

// hostFold is the fold, of folds, of the pages of the site host: a hash of the name, so
// that every page of a site falls in the same fold.
func hostFold(host string, folds int) int {
	h := fnv.New32a()
	h.Write([]byte(host))
	return int(h.Sum32() % uint32(folds))
}

func urlHost(pageURL string) string {
	u, err := url.Parse(strings.TrimSpace(pageURL))
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// readPage reads ID.html, ID.html.gz or ID.txt.
func readPage(dir, id, form string) ([]byte, error) {
	if form == "text" {
		return os.ReadFile(filepath.Join(dir, id+".txt"))
	}
	b, err := os.ReadFile(filepath.Join(dir, id+".html"))
	if !errors.Is(err, os.ErrNotExist) {
		return b, err
	}
	gz, err := os.ReadFile(filepath.Join(dir, id+".html.gz"))
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("read %s.html.gz: %w", id, err)
	}
	b, err = io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("read %s.html.gz: %w", id, err)
	}
	return b, nil
}

// runMeta runs the stages on every case in one input form and keeps what the metadata
// stage found.
func runMeta(ctx context.Context, models *stages.Models, cases []metaCase, form string, workers int) ([]metaOut, error) {
	src := func(ctx context.Context, emit func(*document.Document) error) error {
		for _, c := range cases {
			raw, err := readPage(c.dir, c.id, form)
			if err != nil {
				return fmt.Errorf("read page: %w", err)
			}
			d := &document.Document{Raw: raw, FormatHint: form}
			d.Record.ID = c.id
			if err := emit(d); err != nil {
				return err
			}
		}
		return nil
	}
	res := make([]metaOut, 0, len(cases))
	sink := func(o stages.Outcome) error {
		r := stages.Record(o)
		res = append(res, metaOut{meta: document.Metadata{Title: r.Title, Authors: r.Authors, Site: r.Site, Published: r.Published}, url: r.Source.URL})
		return nil
	}
	if _, err := models.Run(ctx, stages.Batch{Options: stages.Options{Workers: workers}, Source: src}, sink); err != nil {
		return nil, fmt.Errorf("%s pages: %w", form, err)
	}
	return res, nil
}

// metaFields are the scored fields, in table order.
var metaFields = []string{"title", "authors", "no authors", "date", "url"}

// metaScore is one page's score on one field; ok is false when the page does not count
// for the field (no gold).
type metaScore struct {
	exact, f1 float64
	ok        bool
}

// scoreMeta scores one system's output on one page and field.
func scoreMeta(field string, g metaGold, o metaOut) metaScore {
	switch field {
	case "title":
		if g.Title == nil || *g.Title == "" {
			return metaScore{}
		}
		return textScore(*g.Title, o.meta.Title)
	case "authors":
		if len(g.Authors) == 0 {
			return metaScore{}
		}
		return namesScore(g.Authors, o.meta.Authors)
	case "no authors":
		if g.Authors == nil || len(g.Authors) > 0 {
			return metaScore{}
		}
		given := 0.0
		if len(o.meta.Authors) > 0 {
			given = 1
		}
		return metaScore{exact: given, f1: given, ok: true}
	case "date":
		if g.Published == nil || *g.Published == "" {
			return metaScore{}
		}
		day := o.meta.Published[:min(10, len(o.meta.Published))]
		return boolScore(day == *g.Published)
	case "url":
		if g.URL == "" {
			return metaScore{}
		}
		return boolScore(o.url != "" && normURL(o.url) == normURL(g.URL))
	}
	return metaScore{}
}

func boolScore(b bool) metaScore {
	if b {
		return metaScore{exact: 1, f1: 1, ok: true}
	}
	return metaScore{ok: true}
}

// normText is s as lowercased word tokens.
func normText(s string) string { return strings.ToLower(strings.Join(shingle.Tokens(s), " ")) }

func textScore(gold, got string) metaScore {
	s := metaScore{ok: true, f1: tokenF1(shingle.Tokens(strings.ToLower(gold)), shingle.Tokens(strings.ToLower(got)))}
	if normText(gold) == normText(got) {
		s.exact = 1
	}
	return s
}

// namesScore compares two lists of names as the same names, however the lists are
// split: the multisets of their lowercased word tokens, "and" aside, are equal ("A, B and
// C" in one gold entry is the three names A, B, C). Two empty lists agree.
func namesScore(gold, got []string) metaScore {
	bag := func(names []string) []string {
		var toks []string
		for _, t := range shingle.Tokens(strings.ToLower(strings.Join(names, " "))) {
			if t != "and" {
				toks = append(toks, t)
			}
		}
		sort.Strings(toks)
		return toks
	}
	g, o := bag(gold), bag(got)
	s := metaScore{ok: true, f1: tokenF1(g, o)}
	if strings.Join(g, " ") == strings.Join(o, " ") {
		s.exact = 1
	}
	return s
}

// tokenF1 is the F1 of two bags of tokens, compared without case.
func tokenF1(gold, got []string) float64 {
	if len(gold) == 0 && len(got) == 0 {
		return 1
	}
	count := map[string]int{}
	for _, t := range gold {
		count[strings.ToLower(t)]++
	}
	tp := 0
	for _, t := range got {
		if t = strings.ToLower(t); count[t] > 0 {
			count[t]--
			tp++
		}
	}
	if tp == 0 {
		return 0
	}
	p, r := float64(tp)/float64(len(got)), float64(tp)/float64(len(gold))
	return 2 * p * r / (p + r)
}

// normURL compares URLs without scheme, "www.", fragment or trailing slash.
func normURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return s
	}
	return strings.TrimPrefix(strings.ToLower(u.Host), "www.") + strings.TrimSuffix(u.EscapedPath(), "/") + queryPart(u)
}

func queryPart(u *url.URL) string {
	if u.RawQuery == "" {
		return ""
	}
	return "?" + u.RawQuery
}

// metaMean is the mean exact match and token F1 over the pages that count.
type metaMean struct {
	exact, f1 float64
	n         int
}

func meanOf(field string, cases []metaCase, idx []int, out []metaOut, keep func(metaCase) bool) metaMean {
	var m metaMean
	for _, i := range idx {
		if !keep(cases[i]) {
			continue
		}
		s := scoreMeta(field, cases[i].gold, out[i])
		if !s.ok {
			continue
		}
		m.exact += s.exact
		m.f1 += s.f1
		m.n++
	}
	if m.n > 0 {
		m.exact /= float64(m.n)
		m.f1 /= float64(m.n)
	}
	return m
}

func printMetaTable(w io.Writer, set string, cases []metaCase, idx []int, out map[string][]metaOut, systems []string, folds, heldOut int) {
	fmt.Fprintf(w, "metadata of %d article pages of %s; exact match (token F1); held-out = the sites of fold %d of %d; folds = range over the %d site folds\n\n",
		len(idx), set, heldOut, folds, folds)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprint(tw, "field\tpages\t")
	for _, s := range systems {
		name := "newspipe " + s
		if s == "trafilatura" {
			name = "go-trafilatura"
		}
		fmt.Fprintf(tw, "%s\theld-out\tfolds\t", name)
	}
	fmt.Fprintln(tw)
	for _, field := range metaFields {
		all := meanOf(field, cases, idx, out[systems[0]], func(metaCase) bool { return true })
		if all.n == 0 {
			continue
		}
		fmt.Fprintf(tw, "%s\t%d\t", field, all.n)
		for _, s := range systems {
			if field == "url" && s == "text" {
				fmt.Fprint(tw, "-\t-\t-\t")
				continue
			}
			a := meanOf(field, cases, idx, out[s], func(metaCase) bool { return true })
			h := meanOf(field, cases, idx, out[s], func(c metaCase) bool { return c.fold == heldOut })
			lo, hi := 1.0, 0.0
			for f := range folds {
				m := meanOf(field, cases, idx, out[s], func(c metaCase) bool { return c.fold == f })
				if m.n > 0 {
					lo, hi = min(lo, m.exact), max(hi, m.exact)
				}
			}
			if field == "no authors" {
				fmt.Fprintf(tw, "%.3f\t%.3f\t%.2f-%.2f\t", a.exact, h.exact, lo, hi)
			} else {
				fmt.Fprintf(tw, "%.3f (%.3f)\t%.3f (%.3f)\t%.2f-%.2f\t", a.exact, a.f1, h.exact, h.f1, lo, hi)
			}
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
	fmt.Fprintln(w)
}

// printMetaFailures lists wrong pages outside the held-out fold, with gold and output.
func printMetaFailures(w io.Writer, cases []metaCase, out map[string][]metaOut, systems []string, heldOut, n int) {
	for _, s := range systems {
		for _, field := range metaFields {
			listed := 0
			for i, c := range cases {
				if c.fold == heldOut || listed >= n {
					continue
				}
				sc := scoreMeta(field, c.gold, out[s][i])
				if !sc.ok || (field == "no authors") == (sc.exact == 0) {
					continue
				}
				if listed == 0 {
					fmt.Fprintf(w, "\n%s, %s: wrong pages (gold | output)\n", s, field)
				}
				listed++
				fmt.Fprintf(w, "  %s/%s: %s | %s\n", c.set, c.id, goldField(field, c.gold), outField(field, out[s][i]))
			}
		}
	}
}

func goldField(field string, g metaGold) string {
	switch field {
	case "title":
		return *g.Title
	case "authors", "no authors":
		return strings.Join(g.Authors, "; ")
	case "date":
		return *g.Published
	}
	return g.URL
}

func outField(field string, o metaOut) string {
	switch field {
	case "title":
		return o.meta.Title
	case "authors", "no authors":
		return strings.Join(o.meta.Authors, "; ")
	case "date":
		return o.meta.Published
	}
	return o.url
}

// writeMetaPages writes one tab-separated line per page, system and field that counts:
// set, page, fold, system, field, exact match, token F1, gold, output. Held-out pages are
// written too: their fold says which they are.
func writeMetaPages(path string, stdout io.Writer, cases []metaCase, out map[string][]metaOut, systems []string) error {
	var buf bytes.Buffer
	buf.WriteString("set\tpage\tfold\tsystem\tfield\texact\tf1\tgold\toutput\n")
	clean := strings.NewReplacer("\t", " ", "\n", " ")
	for i, c := range cases {
		for _, s := range systems {
			for _, field := range metaFields {
				sc := scoreMeta(field, c.gold, out[s][i])
				if !sc.ok || field == "url" && s == "text" {
					continue
				}
				fmt.Fprintf(&buf, "%s\t%s\t%d\t%s\t%s\t%g\t%.3f\t%s\t%s\n", c.set, c.id, c.fold, s, field, sc.exact, sc.f1,
					clean.Replace(goldField(field, c.gold)), clean.Replace(outField(field, out[s][i])))
			}
		}
	}
	if path == "-" {
		_, err := stdout.Write(buf.Bytes())
		return err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write pages: %w", err)
	}
	return nil
}

// goldPages reads the article pages of extraction sets that have gold metadata, one
// after the other, in the order of eval meta: a trainer ranges over All and then checks
// Err, as with a bufio.Scanner.
type goldPages struct {
	dirs  []string
	folds int
	form  string // "text" or "html": which of a page's files is read
	err   error
}

// All yields every page whose case keep accepts, with the page read in g.form; it stops
// at the first error, which Err then returns.
func (g *goldPages) All(keep func(metaCase) bool) iter.Seq2[metaCase, []byte] {
	return func(yield func(metaCase, []byte) bool) {
		for _, dir := range g.dirs {
			cases, err := readMetaCases(dir, g.folds)
			if err != nil {
				g.err = err
				return
			}
			for _, c := range cases {
				if !keep(c) {
					continue
				}
				raw, err := readPage(c.dir, c.id, g.form)
				if err != nil {
					g.err = err
					return
				}
				if !yield(c, raw) {
					return
				}
			}
		}
	}
}

// Err returns the error that stopped All, or nil.
func (g *goldPages) Err() error { return g.err }
