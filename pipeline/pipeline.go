// Package pipeline runs items through a typed sequence of stages connected by bounded
// channels, each stage with its own number of workers, and hands the results to a sink in
// input order.
//
// A stage is a plain function from one type to another; a Line chains stages, and its
// type parameters make the compiler check that each stage takes what the one before it
// gives. The pipeline alone knows about goroutines and channels. An error or a panic in a
// stage fails that item only: it skips the remaining stages and still reaches the sink,
// so every input item yields exactly one result.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
	"time"
)

// Stage is one step of a pipeline: it turns an In into an Out.
type Stage[In, Out any] struct {
	// Name identifies the stage in errors and statistics.
	Name string
	// Workers is how many items the stage processes at once; 0 means 1.
	Workers int
	// Process does the stage's work on one item. A returned error fails the item. It
	// must not modify in, which the sink may read when a later stage fails, and should
	// return soon after ctx ends.
	Process func(ctx context.Context, in In) (Out, error)
}

// step is a stage with its types erased, so that a Line can hold stages of any types;
// Then is where the types are checked.
type step struct {
	name    string
	workers int
	process func(ctx context.Context, v any) (any, error)
}

// Line is a sequence of stages that turns an In into an Out.
type Line[In, Out any] struct {
	steps []step
}

// First starts a line with one stage.
func First[In, Out any](s Stage[In, Out]) Line[In, Out] {
	return Line[In, Out]{steps: []step{erase(s)}}
}

// Then returns the line l followed by the stage s, which must take what l gives.
func Then[In, Mid, Out any](l Line[In, Mid], s Stage[Mid, Out]) Line[In, Out] {
	steps := make([]step, len(l.steps), len(l.steps)+1)
	copy(steps, l.steps)
	return Line[In, Out]{steps: append(steps, erase(s))}
}

func erase[In, Out any](s Stage[In, Out]) step {
	return step{name: s.Name, workers: s.Workers, process: func(ctx context.Context, v any) (any, error) {
		return s.Process(ctx, v.(In))
	}}
}

// Names returns the names of the line's stages, in order.
func (l Line[In, Out]) Names() []string {
	names := make([]string, len(l.steps))
	for i, s := range l.steps {
		names[i] = s.name
	}
	return names
}

// Process runs every stage of the line on one item, in the calling goroutine: the line
// outside any pipeline, for one document at a time. It returns what Run would give the
// sink: errors and panics as a *StageError (wrapping ErrTimeout once ctx's deadline has
// passed), with the failing stage's input in Last.
func (l Line[In, Out]) Process(ctx context.Context, in In) Result[In, Out] {
	var v any = in
	for _, s := range l.steps {
		err := ctx.Err()
		var out any
		if err == nil {
			out, err = callBounded(ctx, s, v)
		}
		if err != nil {
			return Result[In, Out]{In: in, Err: &StageError{Stage: s.name, Err: timeoutOr(ctx, err)}, Last: v}
		}
		v = out
	}
	return Result[In, Out]{In: in, Out: v.(Out)}
}

// timeoutOr wraps err in ErrTimeout when ctx's deadline has passed.
func timeoutOr(ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) && !errors.Is(err, ErrTimeout) {
		return fmt.Errorf("%w: %w", ErrTimeout, err)
	}
	return err
}

// call runs one stage on one value and turns a panic into an error with the stack.
func call(ctx context.Context, s step, v any) (out any, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("internal error (panic): %v\n%s", r, debug.Stack())
		}
	}()
	return s.process(ctx, v)
}

// StageError is the failure of an item in one stage.
type StageError struct {
	Stage string
	Err   error
}

// Error names the stage before the cause.
func (e *StageError) Error() string { return e.Stage + ": " + e.Err.Error() }

// Unwrap returns the stage's own error, for errors.Is and errors.As.
func (e *StageError) Unwrap() error { return e.Err }

// Result is what the sink receives for one input item.
type Result[In, Out any] struct {
	// In is the item as the source emitted it.
	In In
	// Out is the last stage's result; valid when Err is nil and Skipped is false.
	Out Out
	// Err, when not nil, is a *StageError: the stage that failed the item and why.
	Err error
	// Last is, for a failed item, what the failing stage was given (In for the first
	// stage): the item's state as far as it got.
	Last any
	// Skipped is true for an item that Options.Skip sent straight to the sink.
	Skipped bool
}

// Source produces the items of a run, in input order, by calling emit for each.
// It must stop and return when emit returns an error.
type Source[In any] func(ctx context.Context, emit func(In) error) error

// Sink receives one result per input item, in input order.
type Sink[In, Out any] func(Result[In, Out]) error

// Options tune a run.
type Options[In any] struct {
	// Buffer is the capacity of each channel between stages; 0 means 16.
	Buffer int
	// Window bounds how many items may be in flight between the source and the sink,
	// which bounds memory even when one slow item holds back the ones behind it.
	// 0 means 4 × (Buffer + the largest worker count).
	Window int
	// WindowBytes, when positive, also bounds the sum of the sizes of the items in flight
	// (the Size() int of an item as the source emits it, when it has one), so that a
	// window of large items does not hold them all in memory at once; an item larger
	// than WindowBytes still goes, alone.
	WindowBytes int64
	// ItemTimeout limits the processing time of one item, summed over the stages; 0 means
	// no limit. Each stage gets a context that ends when the item's time is up; the
	// pipeline stops waiting for the stage then and fails the item, so one pathological
	// item holds the batch up for little longer than the limit even in code that does
	// not look at its context.
	ItemTimeout time.Duration
	// Skip, when not nil, reports whether an item needs no processing (it was done in
	// an earlier run): it goes straight to the sink, in order, with Result.Skipped set.
	Skip func(In) bool
}

// ErrCanceled is returned by Run when the context ended the run before the source was exhausted.
var ErrCanceled = errors.New("run canceled")

// ErrTimeout is wrapped by the failure of an item that exceeded Options.ItemTimeout.
var ErrTimeout = errors.New("per-document time limit exceeded")

// envelope carries one item through the channels.
type envelope struct {
	seq     int
	in      any           // the item as emitted
	v       any           // the current value: what the next stage takes
	err     *StageError   // the failure, once a stage has failed the item
	spent   time.Duration // processing time so far, for Options.ItemTimeout
	size    int64         // the item's size as emitted, held in Options.WindowBytes
	skipped bool          // Options.Skip: no stage touches it
	dropped bool          // not processed because the run was canceled
}

// Run reads items from src, passes each through the stages of line and gives the results
// to sink in input order. It returns the statistics of the run and the first error of the
// source or the sink, or an error wrapping ErrCanceled when ctx ended the run early; in
// that case the sink has received a gap-free prefix of the input. Run returns once the
// sink has its last result and every worker has ended; a stage call abandoned at an
// item's deadline or at cancellation may still be finishing then, and its result is
// discarded.
func Run[In, Out any](ctx context.Context, src Source[In], line Line[In, Out], sink Sink[In, Out], opt Options[In]) (*Stats, error) {
	if opt.Buffer <= 0 {
		opt.Buffer = 16
	}
	if opt.Window <= 0 {
		maxWorkers := 1
		for _, s := range line.steps {
			maxWorkers = max(maxWorkers, s.workers)
		}
		opt.Window = 4 * (opt.Buffer + maxWorkers)
	}
	stats := newStats(line.Names())

	// stop ends the source early when the sink fails, without canceling the caller's context.
	runCtx, stop := context.WithCancel(ctx)
	defer stop()

	window := make(chan struct{}, opt.Window)
	bytesInFlight := newByteWindow(opt.WindowBytes)
	var wg sync.WaitGroup

	first := make(chan envelope, opt.Buffer)
	var srcErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(first)
		seq := 0
		srcErr = src(runCtx, func(item In) error {
			// Measured before the hand-off: once sent, the item belongs to the stage's workers.
			size := sizeOf(item)
			stats.Source.add(size, 0)
			env := envelope{seq: seq, in: item, v: item, size: int64(size)}
			env.skipped = opt.Skip != nil && opt.Skip(item)
			if err := bytesInFlight.acquire(runCtx, env.size); err != nil {
				return err
			}
			select {
			case window <- struct{}{}:
			case <-runCtx.Done():
				bytesInFlight.release(env.size)
				return runCtx.Err()
			}
			select {
			case first <- env:
				seq++
				return nil
			case <-runCtx.Done():
				<-window
				bytesInFlight.release(env.size)
				return runCtx.Err()
			}
		})
	}()

	in := first
	for i, s := range line.steps {
		out := make(chan envelope, opt.Buffer)
		runStage(runCtx, &wg, s, &stats.Stages[i], in, out, opt.ItemTimeout)
		in = out
	}

	// drain returns once the last stage has closed its channel, so every worker has ended.
	leave := func(e envelope) {
		<-window
		bytesInFlight.release(e.size)
	}
	sinkErr := drain(in, leave, opt.Window, sink, stop)
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
func runStage(ctx context.Context, wg *sync.WaitGroup, s step, st *StageStats, in <-chan envelope, out chan<- envelope, limit time.Duration) {
	workers := max(s.workers, 1)
	var stageWG sync.WaitGroup
	stageWG.Add(workers)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer stageWG.Done()
			for env := range in {
				if !env.dropped && !env.skipped && env.err == nil {
					if ctx.Err() != nil {
						env.dropped = true
					} else {
						processEnvelope(ctx, s, st, &env, limit)
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

// processEnvelope runs one stage on one item under the item's remaining time.
func processEnvelope(ctx context.Context, s step, st *StageStats, env *envelope, limit time.Duration) {
	start := time.Now()
	stageCtx := ctx
	if limit > 0 {
		var cancel context.CancelFunc
		stageCtx, cancel = context.WithDeadline(ctx, start.Add(limit-env.spent))
		defer cancel()
	}
	v, err := callBounded(stageCtx, s, env.v)
	took := time.Since(start)
	env.spent += took
	switch {
	case ctx.Err() != nil:
		env.dropped = true // the run ended: not a failure of this item
	case limit > 0 && (env.spent > limit || errors.Is(stageCtx.Err(), context.DeadlineExceeded)):
		env.err = &StageError{Stage: s.name, Err: fmt.Errorf("%w (%s)", ErrTimeout, limit)}
	case err != nil:
		env.err = &StageError{Stage: s.name, Err: err}
	default:
		env.v = v
		st.add(sizeOf(v), took)
		return
	}
	st.add(0, took)
}

// callBounded runs the stage and returns when it does or when ctx ends, whichever comes
// first. A stage that does not look at its context is then left to finish alone; it must
// not modify its input (see Stage.Process), so abandoning it leaves nothing half-written.
func callBounded(ctx context.Context, s step, v any) (any, error) {
	if ctx.Done() == nil {
		return call(ctx, s, v)
	}
	type result struct {
		v   any
		err error
	}
	done := make(chan result, 1)
	go func() {
		out, err := call(ctx, s, v)
		done <- result{out, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// sizer is implemented by values that know their size in bytes, for statistics.
type sizer interface{ Size() int }

func sizeOf(v any) int {
	if s, ok := v.(sizer); ok {
		return s.Size()
	}
	return 0
}

// drain restores input order and hands results to sink, calling leave for every item
// that leaves the window. After a dropped item or a sink error it stops delivering, so
// the sink has seen a gap-free prefix of the input. Items in flight are fewer than the
// window's size, so a ring of that size indexed by sequence number holds every item that
// waits for an earlier one.
func drain[In, Out any](in <-chan envelope, leave func(envelope), size int, sink Sink[In, Out], stop func()) error {
	pending := make([]envelope, size)
	present := make([]bool, size)
	next := 0
	done := false
	var err error
	for env := range in {
		if done {
			leave(env)
			continue
		}
		pending[env.seq%size], present[env.seq%size] = env, true
		for present[next%size] {
			e := pending[next%size]
			pending[next%size], present[next%size] = envelope{}, false
			next++
			if e.dropped {
				leave(e)
				done = true
				break
			}
			// The item leaves once the sink is done with it, which may keep what it
			// refers to.
			err = sink(result[In, Out](e))
			leave(e)
			if err != nil {
				done = true
				stop()
				break
			}
		}
		if done {
			for i := range present {
				if present[i] {
					leave(pending[i])
					pending[i], present[i] = envelope{}, false
				}
			}
		}
	}
	return err
}

// result turns a finished envelope into what the sink receives.
func result[In, Out any](e envelope) Result[In, Out] {
	r := Result[In, Out]{In: e.in.(In), Skipped: e.skipped}
	switch {
	case e.err != nil:
		r.Err, r.Last = e.err, e.v
	case !e.skipped:
		r.Out = e.v.(Out)
	}
	return r
}
