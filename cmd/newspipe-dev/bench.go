package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/newspipe/newspipe/internal/benchcorpus"
	"github.com/newspipe/newspipe/internal/cli"
	"github.com/newspipe/newspipe/stages"
)

const benchUsage = `Usage: newspipe-dev bench [flags]

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
	trafilatura   string // a newspipe-dev built with -tags trafilatura, to measure the baseline in
}

// The goals that the table checks the figures against.
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
	if err := cli.ParseFlags(fs, args); err != nil {
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
	cli.ApplyMemoryLimit() // as run does, so that peak RSS is what users get
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
