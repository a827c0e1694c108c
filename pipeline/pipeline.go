// Package pipeline runs items through a sequence of stages connected by bounded channels,
// each stage with its own number of workers, and hands them to a sink in input order.
//
// A stage is a plain function of one item; the pipeline alone knows about goroutines and
// channels. An error or a panic in a stage fails that item only: it skips the remaining
// stages and still reaches the sink, so every input item yields exactly one output.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
	"time"
)

// Item is what flows through a pipeline.
type Item interface {
	// Fail records that stage could not process the item.
	Fail(stage string, err error)
	// Failed reports whether an earlier stage failed the item.
	Failed() bool
	// Size is the item's size in bytes after the last stage, for statistics.
	Size() int
}

// Stage is one step of a pipeline.
type Stage[T Item] struct {
	// Name identifies the stage in error records and statistics.
	Name string
	// Workers is how many items the stage processes at once; 0 means 1.
	Workers int
	// Process does the stage's work on one item. A returned error fails the item.
	Process func(ctx context.Context, item T) error
}

// Source produces the items of a run, in input order, by calling emit for each.
// It must stop and return when emit returns an error.
type Source[T Item] func(ctx context.Context, emit func(T) error) error

// Sink receives every item exactly once, in input order.
type Sink[T Item] func(item T) error

// Options tune a run.
type Options struct {
	// Buffer is the capacity of each channel between stages; 0 means 16.
	Buffer int
	// Window bounds how many items may be in flight between the source and the sink,
	// which bounds memory even when one slow item holds back the ones behind it.
	// 0 means 4 × (Buffer + the largest worker count).
	Window int
	// ItemTimeout limits the processing time of one item, summed over the stages; 0 means
	// no limit. Stages get a context that ends when the item's time is up and should stop
	// work then; an item over its time after a stage is failed and skips the rest, so one
	// pathological item cannot hold the batch up for much longer than the limit.
	ItemTimeout time.Duration
}

// ErrCanceled is returned by Run when the context ended the run before the source was exhausted.
var ErrCanceled = errors.New("run canceled")

type envelope[T Item] struct {
	seq     int
	item    T
	spent   time.Duration // processing time so far, for Options.ItemTimeout
	dropped bool          // not processed because the run was canceled
}

// ErrTimeout is wrapped by the failure of an item that exceeded Options.ItemTimeout.
var ErrTimeout = errors.New("per-document time limit exceeded")

// Run reads items from src, passes each through the stages and gives it to sink in input
// order. It returns the statistics of the run and the first error of the source or the
// sink, or an error wrapping ErrCanceled when ctx ended the run early; in that case the
// sink has received a gap-free prefix of the input. Run returns only after every
// goroutine it started has ended.
func Run[T Item](ctx context.Context, src Source[T], stages []Stage[T], sink Sink[T], opt Options) (*Stats, error) {
	if opt.Buffer <= 0 {
		opt.Buffer = 16
	}
	if opt.Window <= 0 {
		maxWorkers := 1
		for _, s := range stages {
			maxWorkers = max(maxWorkers, s.Workers)
		}
		opt.Window = 4 * (opt.Buffer + maxWorkers)
	}
	stats := newStats(stages)

	// stop ends the source early when the sink fails, without canceling the caller's context.
	runCtx, stop := context.WithCancel(ctx)
	defer stop()

	window := make(chan struct{}, opt.Window)
	var wg sync.WaitGroup

	first := make(chan envelope[T], opt.Buffer)
	var srcErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(first)
		seq := 0
		srcErr = src(runCtx, func(item T) error {
			// Measured before the hand-off: once sent, the item belongs to the stage's workers.
			size := item.Size()
			select {
			case window <- struct{}{}:
			case <-runCtx.Done():
				return runCtx.Err()
			}
			select {
			case first <- envelope[T]{seq: seq, item: item}:
				seq++
				stats.Source.add(size, 0)
				return nil
			case <-runCtx.Done():
				<-window
				return runCtx.Err()
			}
		})
	}()

	in := first
	for i := range stages {
		out := make(chan envelope[T], opt.Buffer)
		runStage(runCtx, &wg, stages[i], &stats.Stages[i], in, out, opt.ItemTimeout)
		in = out
	}

	// drain returns once the last stage has closed its channel, so every worker has ended.
	sinkErr := drain(in, window, sink, stop)
	wg.Wait()

	switch {
	case sinkErr != nil:
		return stats, sinkErr
	case ctx.Err() != nil:
		return stats, fmt.Errorf("%w: %w", ErrCanceled, ctx.Err())
	case srcErr != nil:
		return stats, srcErr
	}
	return stats, nil
}

// runStage starts the workers of one stage; out is closed when all of them have ended.
func runStage[T Item](ctx context.Context, wg *sync.WaitGroup, s Stage[T], st *StageStats, in <-chan envelope[T], out chan<- envelope[T], limit time.Duration) {
	workers := max(s.Workers, 1)
	var stageWG sync.WaitGroup
	stageWG.Add(workers)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer stageWG.Done()
			for env := range in {
				if !env.dropped && !env.item.Failed() {
					if ctx.Err() != nil {
						env.dropped = true
					} else {
						start := time.Now()
						var deadline time.Time
						if limit > 0 {
							deadline = start.Add(limit - env.spent)
						}
						process(ctx, s, env.item, deadline)
						took := time.Since(start)
						env.spent += took
						st.add(env.item.Size(), took)
						if limit > 0 && env.spent > limit && !env.item.Failed() {
							env.item.Fail(s.Name, fmt.Errorf("%w (%s)", ErrTimeout, limit))
						}
					}
				}
				out <- env // never blocks forever: the sink drains until every stage has closed
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		stageWG.Wait()
		close(out)
	}()
}

// process runs one stage on one item and turns an error or a panic into a failure of that item.
func process[T Item](ctx context.Context, s Stage[T], item T, deadline time.Time) {
	if !deadline.IsZero() {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, deadline)
		defer cancel()
	}
	defer func() {
		if r := recover(); r != nil {
			item.Fail(s.Name, fmt.Errorf("internal error (panic): %v\n%s", r, debug.Stack()))
		}
	}()
	if err := s.Process(ctx, item); err != nil {
		item.Fail(s.Name, err)
	}
}

// drain restores input order and hands items to sink. After a dropped item or a sink
// error it stops delivering, so the sink has seen a gap-free prefix of the input.
func drain[T Item](in <-chan envelope[T], window chan struct{}, sink Sink[T], stop func()) error {
	pending := map[int]envelope[T]{}
	next := 0
	done := false
	var err error
	for env := range in {
		if done {
			<-window
			continue
		}
		pending[env.seq] = env
		for {
			e, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-window
			if e.dropped {
				done = true
				break
			}
			if err = sink(e.item); err != nil {
				done = true
				stop()
				break
			}
		}
		if done {
			for k := range pending {
				delete(pending, k)
				<-window
			}
		}
	}
	return err
}
