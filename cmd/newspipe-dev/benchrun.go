package main

import (
	"cmp"
	"context"
	"io"
	"runtime"
	"runtime/debug"
	"slices"
	"time"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/internal/benchcorpus"
	"github.com/newspipe/newspipe/pipeline"
	"github.com/newspipe/newspipe/stages"
	"github.com/newspipe/newspipe/stages/ingest"
	"github.com/newspipe/newspipe/stages/output"
)

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
