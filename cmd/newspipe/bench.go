package main

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/internal/benchcorpus"
	"github.com/newspipe/newspipe/pipeline"
	"github.com/newspipe/newspipe/stages"
	"github.com/newspipe/newspipe/stages/extract"
	"github.com/newspipe/newspipe/stages/ingest"
	"github.com/newspipe/newspipe/stages/output"
)

const benchUsage = `Usage: newspipe bench [flags]

Builds a large corpus of varied articles (text and HTML, half each by bytes) from the
bundled articles, as JSON Lines shards, then runs the whole pipeline over the text shards
and over the HTML shards with each worker count, and prints throughput, the stages' share
of the time, peak memory, and the prose/v2 and go-trafilatura baselines beside the goals.
Everything is measured in --rounds rounds, the baselines after the pipeline runs in each,
and each speed is the median round's: one round on a shared machine can be 15% off.

Example:
  newspipe bench --size 200MB --workers 1,2

Flags:
`

// benchFlags are the options of newspipe bench.
type benchFlags struct {
	size          int64
	dir           string
	corpus        string
	workers       []int
	baselineBytes int64
	htmlPages     int
	keep          bool
	repeats       bool
	seed          uint64
	cpuProfile    string
	rounds        int
	trafilatura   string // a newspipe built with -tags trafilatura, to measure the baseline in
}

// Goals of issue 6.
const (
	goalMBps        = 2.0   // newspipe text MB/s per core
	goalProseRatio  = 50.0  // newspipe text MB/s ÷ prose/v2 MB/s
	goalTrafiRatio  = 1.0   // newspipe HTML pages/s ÷ go-trafilatura pages/s
	goalPeakRSSMB   = 300.0 // peak RSS, whatever the input size
	benchSampleHeap = 50 * time.Millisecond
)

func cmdBench(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	f := benchFlags{size: 200 << 20, baselineBytes: 2 << 20, workers: []int{1, 2}}
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, benchUsage); fs.PrintDefaults() }
	fs.Func("size", "total corpus `SIZE` (e.g. 200MB, 1GB), half text and half HTML (default 200MB)", func(s string) error {
		n, err := benchcorpus.ParseSize(s)
		f.size = n
		return err
	})
	fs.StringVar(&f.dir, "dir", "", "write the corpus into `DIR` and keep it; a corpus of the same size and seed\nalready there is reused (default: a temporary folder, removed afterwards)")
	fs.StringVar(&f.corpus, "corpus", "corpus", "`DIR` of template articles (.txt, .html, .jsonl)")
	fs.Func("workers", "comma-separated worker `COUNTS` per stage to measure, each on as many cores (GOMAXPROCS) (default 1,2)", func(s string) error {
		f.workers = nil
		for _, p := range strings.Split(s, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(p))
			if err != nil || n < 1 {
				return fmt.Errorf("bad worker count %q", p)
			}
			f.workers = append(f.workers, n)
		}
		return nil
	})
	fs.Func("baseline-bytes", "`SIZE` of raw text given to the prose/v2 baseline (default 2MB)", func(s string) error {
		n, err := benchcorpus.ParseSize(s)
		f.baselineBytes = n
		return err
	})
	fs.IntVar(&f.htmlPages, "html-pages", 300, "`N` HTML pages given to the go-trafilatura baseline")
	fs.StringVar(&f.trafilatura, "trafilatura-bin", "", "measure go-trafilatura in `PROGRAM`, a newspipe built with -tags trafilatura,\nwhen this build does not have it (make bench passes bin/newspipe-dev)")
	fs.BoolVar(&f.keep, "keep", false, "keep the temporary corpus folder")
	fs.BoolVar(&f.repeats, "site-repeats", true, "include the site-repeats pre-pass, as newspipe run does")
	fs.Uint64Var(&f.seed, "seed", 1, "`SEED` of the generated corpus")
	fs.StringVar(&f.cpuProfile, "cpuprofile", "", "write a CPU profile of the pipeline runs to `FILE`")
	fs.IntVar(&f.rounds, "rounds", 3, "measure everything `N` times, the runs of a round one after another, and report\nthe median round of each measure: shared machines are noisy")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "newspipe bench: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if f.size <= 0 || len(f.workers) == 0 || f.rounds < 1 {
		fmt.Fprintln(stderr, "newspipe bench: --size, --workers and --rounds must be positive")
		return exitUsage
	}
	if err := runBench(ctx, f, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "newspipe bench: %v\n", err)
		if errors.Is(err, context.Canceled) {
			return 130
		}
		return exitFailures
	}
	return exitOK
}

// benchRun is the measure of one pipeline run over the shards of one kind.
type benchRun struct {
	kind      benchcorpus.Kind
	workers   int
	docs      int
	failed    int
	bytes     int64         // raw input bytes
	prepass   time.Duration // site-repeats pre-pass
	wall      time.Duration // pre-pass and main run
	stats     *pipeline.Stats
	peakRSS   int64 // bytes, or -1 when unknown
	peakHeap  uint64
	indexHeap int64 // live heap held by the site-repeats index
	rssIsReal bool  // the peak was reset before the run, so it is this run's own
	// roundMBps, set by medianRuns, holds the throughput of every round in order.
	roundMBps []float64
}

func (r benchRun) mbps() float64 { return float64(r.bytes) / 1e6 / r.wall.Seconds() }
func (r benchRun) docsps() float64 {
	return float64(r.docs) / r.wall.Seconds()
}

func runBench(ctx context.Context, f benchFlags, stdout, stderr io.Writer) error {
	dir := f.dir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "newspipe-bench-")
		if err != nil {
			return fmt.Errorf("corpus folder: %w", err)
		}
		dir = tmp
		if !f.keep {
			defer os.RemoveAll(tmp)
		} else {
			fmt.Fprintf(stderr, "corpus kept in %s\n", tmp)
		}
	}

	startRSS := currentRSS()

	// 1. The corpus.
	opt := benchcorpus.Options{Size: f.size, Seed: f.seed, ShardSize: benchcorpus.DefaultShardSize, Sites: 64}
	resetPeakRSS()
	genStart := time.Now()
	corpus, err := benchcorpus.Open(dir)
	reused := err == nil && corpus.Options == opt
	if !reused {
		templates, err := benchcorpus.LoadDir(f.corpus)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "generating %s corpus from %d articles in %s ...\n", humanSize(f.size), len(templates), dir)
		if corpus, err = benchcorpus.Write(dir, templates, opt); err != nil {
			return err
		}
		if err := corpus.Save(dir); err != nil {
			return err
		}
	}
	genTime := time.Since(genStart)
	genRSS := peakRSS()

	// 2. The pipeline, per kind and worker count.
	applyMemoryLimit() // as run does, so that peak RSS is what users get
	models, err := stages.Load()
	if err != nil {
		return err
	}
	if f.cpuProfile != "" {
		pf, err := os.Create(f.cpuProfile)
		if err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		defer pf.Close()
		if err := pprof.StartCPUProfile(pf); err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	// 3. Baselines on samples of the same inputs, in each round after the pipeline runs,
	// so that a slow spell of the machine touches both sides of a ratio alike.
	var runs []benchRun
	var proses, trafis []baseline
	for round := 1; round <= f.rounds; round++ {
		for _, kind := range []benchcorpus.Kind{benchcorpus.Text, benchcorpus.HTML} {
			files := corpus.Text.Files
			if kind == benchcorpus.HTML {
				files = corpus.HTML.Files
			}
			if len(files) == 0 {
				continue
			}
			for _, w := range f.workers {
				fmt.Fprintf(stderr, "round %d of %d: running %s, %d worker(s) on %d core(s) ...\n", round, f.rounds, kind, w, w)
				// N workers run on N cores (GOMAXPROCS), so "1 worker" is a per-core figure
				// even though the stages themselves run concurrently.
				prev := runtime.GOMAXPROCS(w)
				r, err := benchPipeline(ctx, models, files, w, f.repeats)
				runtime.GOMAXPROCS(prev)
				if err != nil {
					return err
				}
				r.kind = kind
				runs = append(runs, r)
			}
		}
		fmt.Fprintf(stderr, "round %d of %d: running baselines ...\n", round, f.rounds)
		prose, err := benchProse(ctx, corpus.Text.Files, f.baselineBytes)
		if err != nil {
			return err
		}
		trafi, err := measureTrafilatura(ctx, f.trafilatura, corpus.HTML.Files, f.htmlPages)
		if err != nil {
			return err
		}
		proses, trafis = append(proses, prose), append(trafis, trafi)
	}
	if f.cpuProfile != "" {
		pprof.StopCPUProfile()
	}

	// 4. The table.
	return writeBenchTable(stdout, benchReport{
		corpus: corpus, reused: reused, startRSS: startRSS, genTime: genTime, genRSS: genRSS,
		rounds: f.rounds, runs: medianRuns(runs), prose: medianBaseline(proses), trafi: medianBaseline(trafis), repeats: f.repeats,
	})
}

// benchPipeline runs the pipeline as newspipe run does, with output to io.Discard.
func benchPipeline(ctx context.Context, models *stages.Models, files []string, workers int, repeats bool) (benchRun, error) {
	runtime.GC()
	debug.FreeOSMemory()
	heap := startHeapSampler()
	r := benchRun{workers: workers, rssIsReal: resetPeakRSS()}
	reader, prepassReader := &ingest.Reader{}, &ingest.Reader{NoHash: true} // as run reads them
	src := func(ctx context.Context, emit func(*document.Document) error) error {
		return reader.Read(ctx, files, emit)
	}
	prepassSrc := func(ctx context.Context, emit func(*document.Document) error) error {
		return prepassReader.Read(ctx, files, emit)
	}
	start := time.Now()
	opt := stages.Options{Workers: workers, Published: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), EncodeJSON: true}
	if repeats {
		// The pre-pass is run here rather than by Models.Run, to measure it apart.
		before := liveHeap()
		idx, err := models.IndexRepeats(ctx, prepassSrc, workers, stages.DefaultTimeout)
		if err != nil {
			heap()
			return r, err
		}
		opt.Repeats = idx
		r.prepass = time.Since(start)
		// The index lives for the whole run: its size is what the pre-pass adds to memory.
		r.indexHeap = int64(liveHeap()) - int64(before)
		start = start.Add(time.Since(start) - r.prepass) // the measuring GC is not the pipeline's time
	}
	w := output.NewLines(io.Discard)
	sink := func(o stages.Outcome) error {
		r.docs++
		if o.Err != nil || o.In.Failed() {
			r.failed++
		}
		b, err := stages.JSON(o)
		if err != nil {
			return err
		}
		return w.WriteLine(b)
	}
	st, err := models.Run(ctx, stages.Batch{Options: opt, Source: src}, sink)
	r.wall = time.Since(start)
	r.stats = st
	r.peakHeap = heap()
	r.peakRSS = peakRSS()
	if err != nil {
		return r, err
	}
	if err := w.Flush(); err != nil {
		return r, err
	}
	r.bytes = st.Source.Bytes()
	return r, nil
}

// baseline is the measure of a baseline over a sample.
type baseline struct {
	docs  int
	bytes int64
	took  time.Duration
	err   error
	// roundTook, set by medianBaseline, holds the time of every round in order.
	roundTook []time.Duration
}

// medianRuns returns one run per kind and worker count, in the order first seen: the
// round with the median throughput (the lower one of an even count), carrying the
// largest peak RSS and heap of all its rounds, since memory goals bound the worst.
func medianRuns(runs []benchRun) []benchRun {
	type key struct {
		kind    benchcorpus.Kind
		workers int
	}
	var order []key
	groups := map[key][]benchRun{}
	for _, r := range runs {
		k := key{r.kind, r.workers}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], r)
	}
	out := make([]benchRun, 0, len(order))
	for _, k := range order {
		g := groups[k]
		speeds := make([]float64, len(g))
		for i, r := range g {
			speeds[i] = r.mbps()
		}
		sorted := slices.Clone(g)
		slices.SortStableFunc(sorted, func(a, b benchRun) int { return cmp.Compare(a.mbps(), b.mbps()) })
		m := sorted[(len(sorted)-1)/2]
		for _, r := range g {
			if r.peakRSS > m.peakRSS {
				m.peakRSS, m.rssIsReal = r.peakRSS, r.rssIsReal
			}
			m.peakHeap = max(m.peakHeap, r.peakHeap)
			m.indexHeap = max(m.indexHeap, r.indexHeap)
		}
		m.roundMBps = speeds
		out = append(out, m)
	}
	return out
}

// scaling returns how many times faster many ran than one. With a figure per round for
// both, it is the median of the rounds' ratios, also returned: the two runs of a round
// follow each other, so a slow spell of a shared machine that spans both cancels out,
// where the ratio of the two medians could pair a fast round with a slow one.
func scaling(one, many benchRun) (float64, []float64) {
	if len(one.roundMBps) < 2 || len(one.roundMBps) != len(many.roundMBps) {
		return many.mbps() / one.mbps(), nil
	}
	ratios := make([]float64, len(one.roundMBps))
	for i := range ratios {
		ratios[i] = many.roundMBps[i] / one.roundMBps[i]
	}
	sorted := slices.Sorted(slices.Values(ratios))
	return sorted[(len(sorted)-1)/2], ratios
}

// medianBaseline returns the round of a baseline with the median time (the faster
// one of an even count, which favours the baseline).
func medianBaseline(rounds []baseline) baseline {
	if len(rounds) == 0 {
		return baseline{}
	}
	took := make([]time.Duration, len(rounds))
	for i, b := range rounds {
		took[i] = b.took
	}
	sorted := slices.Clone(rounds)
	slices.SortStableFunc(sorted, func(a, b baseline) int { return cmp.Compare(a.took, b.took) })
	m := sorted[(len(sorted)-1)/2]
	m.roundTook = took
	return m
}

// sample reads documents of the shards in order until keep returns false.
func sample(ctx context.Context, files []string, keep func(d *document.Document) bool) error {
	stop := errors.New("enough")
	err := (&ingest.Reader{}).Read(ctx, files, func(d *document.Document) error {
		if d.Failed() {
			return nil
		}
		if !keep(d) {
			return stop
		}
		return nil
	})
	if errors.Is(err, stop) {
		return nil
	}
	return err
}

// benchProse runs prose/v2's default pipeline (tokenizer, segmenter, tagger and NER,
// model loaded once) over about n bytes of the raw text articles.
func benchProse(ctx context.Context, files []string, n int64) (baseline, error) {
	var texts []string
	var size int64
	err := sample(ctx, files, func(d *document.Document) bool {
		texts = append(texts, string(d.Raw))
		size += int64(len(d.Raw))
		return size < n
	})
	if err != nil || len(texts) == 0 {
		return baseline{}, err
	}
	doc, err := prose.NewDocument("Load.")
	if err != nil {
		return baseline{}, fmt.Errorf("load prose model: %w", err)
	}
	model := doc.Model
	b := baseline{docs: len(texts), bytes: size}
	start := time.Now()
	for _, t := range texts {
		if ctx.Err() != nil {
			return b, ctx.Err()
		}
		if _, err := prose.NewDocument(t, prose.UsingModel(model)); err != nil && b.err == nil {
			b.err = err
		}
	}
	b.took = time.Since(start)
	return b, nil
}

// benchTrafilatura runs go-trafilatura's extraction alone over the first n HTML pages.
func benchTrafilatura(ctx context.Context, files []string, n int) (baseline, error) {
	if !extract.HasBaseline {
		return baseline{}, nil
	}
	type page struct{ html, url string }
	var pages []page
	var size int64
	err := sample(ctx, files, func(d *document.Document) bool {
		pages = append(pages, page{string(d.Raw), d.Record.Source.URL})
		size += int64(len(d.Raw))
		return len(pages) < n
	})
	if err != nil || len(pages) == 0 {
		return baseline{}, err
	}
	b := baseline{docs: len(pages), bytes: size}
	start := time.Now()
	for _, p := range pages {
		if ctx.Err() != nil {
			return b, ctx.Err()
		}
		if _, err := extract.Baseline(p.html, p.url); err != nil && b.err == nil {
			b.err = err
		}
	}
	b.took = time.Since(start)
	return b, nil
}

// benchReport is everything the table shows.
type benchReport struct {
	corpus  *benchcorpus.Corpus
	reused  bool
	genTime time.Duration
	genRSS  int64
	// startRSS is the resident size before any work: the binary and its embedded models.
	startRSS int64
	rounds   int
	runs     []benchRun // the median round of each kind and worker count
	prose    baseline
	trafi    baseline
	repeats  bool
}

// roundsNote lists the figure of every round after the median, when there are several.
func roundsNote(figures []float64, format string) string {
	if len(figures) < 2 {
		return ""
	}
	parts := make([]string, len(figures))
	for i, f := range figures {
		parts[i] = fmt.Sprintf(format, f)
	}
	return " (rounds: " + strings.Join(parts, ", ") + ")"
}

func writeBenchTable(w io.Writer, r benchReport) error {
	if r.rounds > 1 {
		fmt.Fprintf(w, "Speeds and ratios are the median of %d rounds (each round's figure in brackets); memory is the largest of any round.\n\n", r.rounds)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	row := func(measure, figure, goal string) { fmt.Fprintf(tw, "%s\t%s\t%s\n", measure, figure, goal) }
	row("measure", "figure", "goal")
	gen := fmt.Sprintf("generated in %s", r.genTime.Round(time.Millisecond))
	if r.reused {
		gen = "reused from --dir"
	}
	for _, s := range []struct {
		kind string
		set  benchcorpus.Set
	}{{"text", r.corpus.Text}, {"HTML", r.corpus.HTML}} {
		row(fmt.Sprintf("corpus, %s", s.kind), fmt.Sprintf("%s in %d shards, %d docs (%s of articles)", humanSize(s.set.Bytes), len(s.set.Files), s.set.Docs, humanSize(s.set.RawBytes)), gen)
	}
	row("process RSS at start (binary, embedded models)", rssString(r.startRSS), "")
	row("corpus generation, peak RSS", rssString(r.genRSS), fmt.Sprintf("<= %.0f MB", goalPeakRSSMB))

	one := map[benchcorpus.Kind]benchRun{}
	for _, run := range r.runs {
		if _, ok := one[run.kind]; !ok || run.workers == 1 {
			one[run.kind] = run
		}
	}
	pre := ""
	if r.repeats {
		pre = " (incl. site-repeats pre-pass)"
	}
	for _, run := range r.runs {
		k := string(run.kind)
		mbGoal := ""
		if run.kind == benchcorpus.Text && run.workers == 1 {
			mbGoal = fmt.Sprintf(">= %.0f MB/s", goalMBps)
		}
		row(fmt.Sprintf("%s, whole pipeline%s, %d worker(s)", k, pre, run.workers), fmt.Sprintf("%.2f MB/s", run.mbps())+roundsNote(run.roundMBps, "%.2f"), mbGoal)
		row(fmt.Sprintf("%s, whole pipeline, %d worker(s)", k, run.workers), fmt.Sprintf("%.0f docs/s", run.docsps()), "")
		if run.prepass > 0 {
			main := run.wall - run.prepass
			row(fmt.Sprintf("%s, main run without pre-pass, %d worker(s)", k, run.workers),
				fmt.Sprintf("%.2f MB/s, %.0f docs/s", float64(run.bytes)/1e6/main.Seconds(), float64(run.docs)/main.Seconds()), "")
			row(fmt.Sprintf("%s, site-repeats pre-pass share of wall time", k), fmt.Sprintf("%.1f%%", 100*run.prepass.Seconds()/run.wall.Seconds()), "")
		}
		if b, ok := one[run.kind]; ok && run.workers > b.workers {
			x, rounds := scaling(b, run)
			row(fmt.Sprintf("%s, scaling %d->%d workers", k, b.workers, run.workers), fmt.Sprintf("%.2fx", x)+roundsNote(rounds, "%.2fx"), fmt.Sprintf(">= %.1fx", 0.9*float64(run.workers)/float64(b.workers)))
		}
		rss := rssString(run.peakRSS)
		if !run.rssIsReal && run.peakRSS >= 0 {
			rss += " (process peak so far)"
		}
		row(fmt.Sprintf("%s, peak RSS, %d worker(s)", k, run.workers), rss, fmt.Sprintf("<= %.0f MB", goalPeakRSSMB))
		row(fmt.Sprintf("%s, peak Go heap (sampled), %d worker(s)", k, run.workers), humanSize(int64(run.peakHeap)), "")
		if run.prepass > 0 {
			row(fmt.Sprintf("%s, live heap held by the site-repeats index", k), humanSize(run.indexHeap), "")
		}
		if run.failed > 0 {
			row(fmt.Sprintf("%s, failed documents, %d worker(s)", k, run.workers), fmt.Sprint(run.failed), "0")
		}
	}
	if r.prose.docs > 0 {
		p := float64(r.prose.bytes) / 1e3 / r.prose.took.Seconds()
		row(fmt.Sprintf("prose/v2 baseline, text (%s, %d docs)", humanSize(r.prose.bytes), r.prose.docs), fmt.Sprintf("%.1f KB/s", p)+roundsNote(rates(r.prose, float64(r.prose.bytes)/1e3), "%.1f"), "")
		if run, ok := one[benchcorpus.Text]; ok {
			row(fmt.Sprintf("newspipe / prose/v2, text, %d worker(s)", run.workers), fmt.Sprintf("%.0fx", run.mbps()*1e3/p), fmt.Sprintf(">= %.0fx", goalProseRatio))
		}
	}
	if _, ok := one[benchcorpus.HTML]; ok && r.trafi.docs == 0 {
		row("go-trafilatura baseline, HTML", "not measured: needs -tags trafilatura or --trafilatura-bin (make bench)", "")
	}
	if r.trafi.docs > 0 {
		t := float64(r.trafi.docs) / r.trafi.took.Seconds()
		row(fmt.Sprintf("go-trafilatura baseline, HTML (%d pages)", r.trafi.docs), fmt.Sprintf("%.0f pages/s, %.2f MB/s", t, float64(r.trafi.bytes)/1e6/r.trafi.took.Seconds())+roundsNote(rates(r.trafi, float64(r.trafi.docs)), "%.0f"), "")
		if run, ok := one[benchcorpus.HTML]; ok {
			row(fmt.Sprintf("newspipe whole pipeline / trafilatura, HTML, %d worker(s)", run.workers), fmt.Sprintf("%.2fx", run.docsps()/t), fmt.Sprintf(">= %.1fx", goalTrafiRatio))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	// Each stage's share of the busy time, per run.
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "stage share of busy time\t")
	for _, run := range r.runs {
		fmt.Fprintf(tw, "%s/%dw\t", run.kind, run.workers)
	}
	fmt.Fprintln(tw)
	if len(r.runs) > 0 && r.runs[0].stats != nil {
		names := []string{}
		if r.repeats {
			names = append(names, "(pre-pass)")
		}
		for i := range r.runs[0].stats.Stages {
			names = append(names, r.runs[0].stats.Stages[i].Name)
		}
		for _, name := range names {
			fmt.Fprintf(tw, "%s\t", name)
			for _, run := range r.runs {
				fmt.Fprintf(tw, "%.1f%%\t", 100*stageShare(run, name))
			}
			fmt.Fprintln(tw)
		}
	}
	return tw.Flush()
}

// rates returns amount per second for each round of a baseline.
func rates(b baseline, amount float64) []float64 {
	out := make([]float64, len(b.roundTook))
	for i, d := range b.roundTook {
		out[i] = amount / d.Seconds()
	}
	return out
}

// stageShare is a stage's share of the busy time of a run, the pre-pass counted as
// busy for its wall time times the worker count.
func stageShare(run benchRun, name string) float64 {
	if run.stats == nil {
		return 0
	}
	pre := time.Duration(run.workers) * run.prepass
	total := pre
	var mine time.Duration
	if name == "(pre-pass)" {
		mine = pre
	}
	for i := range run.stats.Stages {
		b := run.stats.Stages[i].Busy()
		total += b
		if run.stats.Stages[i].Name == name {
			mine = b
		}
	}
	if total == 0 {
		return 0
	}
	return float64(mine) / float64(total)
}

// humanSize prints a byte count in binary units.
func humanSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.2f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

func rssString(n int64) string {
	if n < 0 {
		return "n/a"
	}
	return humanSize(n)
}

// currentRSS returns the process's resident set size (VmRSS) in bytes, or -1.
func currentRSS() int64 { return procStatus("VmRSS:") }

// peakRSS returns the process's peak resident set size (VmHWM) in bytes, or -1 where
// /proc/self/status does not exist or lacks it.
func peakRSS() int64 { return procStatus("VmHWM:") }

// procStatus reads a size in kB from a field of /proc/self/status, or returns -1.
func procStatus(field string) int64 {
	fh, err := os.Open("/proc/self/status")
	if err != nil {
		return -1
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), field); ok {
			f := strings.Fields(rest)
			if len(f) == 2 && f[1] == "kB" {
				if kb, err := strconv.ParseInt(f[0], 10, 64); err == nil {
					return kb << 10
				}
			}
		}
	}
	return -1
}

// resetPeakRSS sets VmHWM back to the current RSS (Linux 4.0 and later), so that each
// phase's peak is its own; it reports whether that worked.
func resetPeakRSS() bool {
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}

// liveHeap returns the live Go heap after a garbage collection.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// startHeapSampler samples the live Go heap until the returned function is called,
// which returns the largest sample.
func startHeapSampler() func() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var (
		mu   sync.Mutex
		peak uint64
	)
	read := func() {
		metrics.Read(s)
		if s[0].Value.Kind() == metrics.KindUint64 {
			mu.Lock()
			peak = max(peak, s[0].Value.Uint64())
			mu.Unlock()
		}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(benchSampleHeap)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				read()
			}
		}
	}()
	return func() uint64 {
		close(done)
		wg.Wait()
		read()
		mu.Lock()
		defer mu.Unlock()
		return peak
	}
}
