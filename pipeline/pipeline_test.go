package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

type item struct {
	n     int
	trace []string
}

// Size makes the pipeline's statistics read the item.
func (it *item) Size() int { return it.n }

func counting(n int) Source[*item] {
	return func(ctx context.Context, emit func(*item) error) error {
		for i := range n {
			if err := emit(&item{n: i}); err != nil {
				return err
			}
		}
		return nil
	}
}

// jitter makes later items finish before earlier ones, so ordering is really exercised.
func jitter(name string, workers int) Stage[*item, *item] {
	return Stage[*item, *item]{Name: name, Workers: workers, Process: func(ctx context.Context, it *item) (*item, error) {
		if it.n%7 == 0 {
			time.Sleep(time.Millisecond)
		}
		return &item{n: it.n, trace: append(it.trace[:len(it.trace):len(it.trace)], name)}, nil
	}}
}

func collect(out *[]Result[*item, *item]) Sink[*item, *item] {
	return func(r Result[*item, *item]) error { *out = append(*out, r); return nil }
}

func TestRunKeepsInputOrder(t *testing.T) {
	for _, workers := range []int{1, 8} {
		t.Run(fmt.Sprint(workers, " workers"), func(t *testing.T) {
			line := Then(First(jitter("a", workers)), jitter("b", workers))
			var got []Result[*item, *item]
			stats, err := Run(context.Background(), counting(500), line, collect(&got), Options[*item]{Buffer: 2})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 500 {
				t.Fatalf("got %d items, want 500", len(got))
			}
			for i, r := range got {
				if r.In.n != i || r.Out.n != i || strings.Join(r.Out.trace, ",") != "a,b" {
					t.Fatalf("item %d: in %d out %d trace=%v", i, r.In.n, r.Out.n, r.Out.trace)
				}
			}
			if stats.Stages[1].Items() != 500 || stats.Source.Items() != 500 {
				t.Errorf("stats: source %d, b %d items", stats.Source.Items(), stats.Stages[1].Items())
			}
		})
	}
}

// TestLineChangesType runs a line whose stages take and give different types.
func TestLineChangesType(t *testing.T) {
	count := Stage[string, int]{Name: "count", Process: func(_ context.Context, s string) (int, error) { return len(s), nil }}
	double := Stage[int, string]{Name: "double", Process: func(_ context.Context, n int) (string, error) { return strings.Repeat("x", 2*n), nil }}
	line := Then(First(count), double)
	if got := strings.Join(line.Names(), ","); got != "count,double" {
		t.Errorf("Names() = %q", got)
	}
	src := func(ctx context.Context, emit func(string) error) error {
		for _, s := range []string{"a", "bb", "ccc"} {
			if err := emit(s); err != nil {
				return err
			}
		}
		return nil
	}
	var got []string
	_, err := Run(context.Background(), src, line, func(r Result[string, string]) error { got = append(got, r.Out); return r.Err }, Options[string]{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, " ") != "xx xxxx xxxxxx" {
		t.Errorf("got %q", got)
	}
	if r := line.Process(context.Background(), "abcd"); r.Err != nil || r.Out != "xxxxxxxx" {
		t.Errorf("Process = %q, %v", r.Out, r.Err)
	}
}

func TestRunFailsOnlyTheBadItem(t *testing.T) {
	bad := Stage[*item, *item]{Name: "bad", Workers: 4, Process: func(ctx context.Context, it *item) (*item, error) {
		switch it.n {
		case 3:
			return nil, errors.New("broken input")
		case 5:
			var m map[string]int
			m["x"] = 1 // panics: assignment to nil map
		}
		return &item{n: it.n, trace: []string{"bad"}}, nil
	}}
	var got []Result[*item, *item]
	_, err := Run(context.Background(), counting(10), Then(First(bad), jitter("after", 2)), collect(&got), Options[*item]{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 10 {
		t.Fatalf("got %d items, want 10", len(got))
	}
	for _, r := range got {
		var se *StageError
		switch r.In.n {
		case 3:
			if !errors.As(r.Err, &se) || r.Err.Error() != "bad: broken input" || r.Last.(*item) != r.In {
				t.Errorf("item 3: err %v, last %v", r.Err, r.Last)
			}
		case 5:
			if !errors.As(r.Err, &se) || se.Stage != "bad" || !strings.HasPrefix(se.Err.Error(), "internal error (panic): assignment to entry in nil map") ||
				!strings.Contains(se.Err.Error(), "pipeline_test.go") {
				t.Errorf("item 5 error = %v, want a panic with its stack", r.Err)
			}
		default:
			if r.Err != nil || strings.Join(r.Out.trace, ",") != "bad,after" {
				t.Errorf("item %d: err %v out %v", r.In.n, r.Err, r.Out)
			}
		}
		if r.Err != nil && r.Out != nil {
			t.Errorf("failed item %d has an output: %v", r.In.n, r.Out)
		}
	}
}

func TestRunSkip(t *testing.T) {
	var got []Result[*item, *item]
	skip := func(it *item) bool { return it.n%3 == 0 }
	_, err := Run(context.Background(), counting(30), First(jitter("a", 4)), collect(&got), Options[*item]{Skip: skip})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range got {
		if r.In.n != i || r.Skipped != skip(r.In) || r.Skipped == (r.Out != nil) {
			t.Errorf("item %d: in %d skipped %v out %v", i, r.In.n, r.Skipped, r.Out)
		}
	}
}

func TestRunCancelDeliversAPrefixAndLeaksNothing(t *testing.T) {
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	infinite := func(ctx context.Context, emit func(*item) error) error {
		for i := 0; ; i++ {
			if err := emit(&item{n: i}); err != nil {
				return err
			}
		}
	}
	var got []Result[*item, *item]
	sink := func(r Result[*item, *item]) error {
		got = append(got, r)
		if r.In.n == 100 {
			cancel()
		}
		return nil
	}
	_, err := Run(ctx, infinite, Then(First(jitter("a", 8)), jitter("b", 8)), sink, Options[*item]{})
	if !errors.Is(err, ErrCanceled) {
		t.Fatalf("err = %v, want ErrCanceled", err)
	}
	if len(got) < 101 {
		t.Fatalf("got %d items, want at least the 101 before cancel", len(got))
	}
	for i, r := range got {
		if r.In.n != i || r.Err != nil {
			t.Fatalf("output is not a gap-free prefix of processed items: position %d holds item %d (err %v)", i, r.In.n, r.Err)
		}
	}
	waitGoroutines(t, before)
}

// TestRunCancelStopsAStuckStage cancels a run whose stage ignores its context: Run still
// returns promptly, and the stuck item is not reported as a failure.
func TestRunCancelStopsAStuckStage(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	release := make(chan struct{})
	defer close(release)
	stuck := Stage[*item, *item]{Name: "stuck", Process: func(_ context.Context, it *item) (*item, error) {
		if it.n == 1 {
			cancel()
			<-release
		}
		return it, nil
	}}
	var got []Result[*item, *item]
	done := make(chan error, 1)
	go func() {
		_, err := Run(ctx, counting(5), First(stuck), collect(&got), Options[*item]{})
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrCanceled) {
			t.Errorf("err = %v, want ErrCanceled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
	if len(got) != 1 || got[0].In.n != 0 {
		t.Errorf("got %d results, want item 0 alone", len(got))
	}
}

func TestRunStopsOnSinkError(t *testing.T) {
	before := runtime.NumGoroutine()
	full := errors.New("disk full")
	n := 0
	sink := func(r Result[*item, *item]) error {
		n++
		if r.In.n == 20 {
			return full
		}
		return nil
	}
	_, err := Run(context.Background(), counting(1000), First(jitter("a", 8)), sink, Options[*item]{})
	if !errors.Is(err, full) {
		t.Fatalf("err = %v, want the sink's error", err)
	}
	if n != 21 {
		t.Errorf("sink called %d times after failing, want 21", n)
	}
	waitGoroutines(t, before)
}

// TestRunDoesNotTouchItemsItHandedOn has the stages write into what Size reads, so
// that the race detector (go test -race) sees any read of an item by the source or a
// stage after it was handed to the next one.
func TestRunDoesNotTouchItemsItHandedOn(t *testing.T) {
	grow := func(name string) Stage[*item, *item] {
		return Stage[*item, *item]{Name: name, Workers: 4, Process: func(ctx context.Context, it *item) (*item, error) {
			it.n += 1000 // in place, against the rule for inputs, to give the detector something to see
			return it, nil
		}}
	}
	var got []Result[*item, *item]
	stats, err := Run(context.Background(), counting(200), Then(First(grow("a")), grow("b")), collect(&got), Options[*item]{Buffer: 1})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range got {
		if r.Out.n != i+2000 {
			t.Fatalf("item %d: n = %d, want %d", i, r.Out.n, i+2000)
		}
	}
	// The source counts sizes as emitted (0..199), each stage as it left them.
	if got, want := stats.Source.Bytes(), int64(199*200/2); got != want {
		t.Errorf("source bytes = %d, want %d", got, want)
	}
	if got, want := stats.Stages[1].Bytes(), int64(199*200/2+200*2000); got != want {
		t.Errorf("stage b bytes = %d, want %d", got, want)
	}
}

func TestRunReturnsSourceError(t *testing.T) {
	bad := errors.New("unreadable folder")
	src := func(ctx context.Context, emit func(*item) error) error {
		if err := emit(&item{n: 0}); err != nil {
			return err
		}
		return bad
	}
	var got []Result[*item, *item]
	_, err := Run(context.Background(), src, First(jitter("a", 1)), collect(&got), Options[*item]{})
	if !errors.Is(err, bad) || len(got) != 1 {
		t.Fatalf("err = %v, %d items; want the source's error after 1 item", err, len(got))
	}
}

// waitGoroutines fails the test if the goroutine count does not return to its earlier level.
func waitGoroutines(t *testing.T, want int) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > want {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("goroutines leaked: %d > %d\n%s", runtime.NumGoroutine(), want, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestRunItemTimeout(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	slow := Stage[*item, *item]{Name: "slow", Workers: 2, Process: func(ctx context.Context, it *item) (*item, error) {
		switch it.n {
		case 2:
			<-ctx.Done() // a stage that honours the deadline
			return nil, ctx.Err()
		case 4:
			<-release // one that does not: the pipeline stops waiting for it
		}
		return it, nil
	}}
	var got []Result[*item, *item]
	_, err := Run(context.Background(), counting(6), Then(First(slow), jitter("after", 1)), collect(&got), Options[*item]{ItemTimeout: 40 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range got {
		timedOut := errors.Is(r.Err, ErrTimeout) && r.Err.Error() == "slow: per-document time limit exceeded (40ms)"
		if want := r.In.n == 2 || r.In.n == 4; timedOut != want {
			t.Errorf("item %d: err %v", r.In.n, r.Err)
		}
		if timedOut && r.Out != nil {
			t.Errorf("item %d went on after its time was up", r.In.n)
		}
	}
}

func TestLineProcessTimeout(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	stuck := Stage[int, int]{Name: "stuck", Process: func(_ context.Context, n int) (int, error) { <-release; return n, nil }}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	r := First(stuck).Process(ctx, 1)
	var se *StageError
	if !errors.As(r.Err, &se) || se.Stage != "stuck" || !errors.Is(r.Err, ErrTimeout) || r.Last != 1 {
		t.Errorf("err = %v, last %v; want a timeout of stage stuck, given 1", r.Err, r.Last)
	}
}

// TestRunWindowBytes checks that Options.WindowBytes bounds the bytes of the items
// between the source and the sink, that an item larger than the bound still goes alone,
// and that every item arrives in order.
func TestRunWindowBytes(t *testing.T) {
	tests := []struct {
		name    string
		limit   int64
		sizes   func(i int) int
		maxSeen int64 // the most bytes that may be seen in flight
	}{
		{"small items", 30, func(int) int { return 10 }, 30},
		{"an item over the bound", 30, func(i int) int { return map[bool]int{true: 50, false: 10}[i == 40] }, 50},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var inFlight, most atomic.Int64
			src := func(ctx context.Context, emit func(*item) error) error {
				for i := range 100 {
					it := &item{n: tt.sizes(i), trace: []string{fmt.Sprint(i)}}
					if err := emit(it); err != nil {
						return err
					}
					// Counted once admitted: the count can only fall behind the truth.
					if now := inFlight.Add(int64(it.n)); now > most.Load() {
						most.Store(now)
					}
				}
				return nil
			}
			slow := Stage[*item, *item]{Name: "slow", Workers: 4, Process: func(ctx context.Context, it *item) (*item, error) {
				time.Sleep(200 * time.Microsecond)
				return it, nil
			}}
			next := 0
			sink := func(r Result[*item, *item]) error {
				if r.In.trace[0] != fmt.Sprint(next) {
					t.Fatalf("item %s arrived in place %d", r.In.trace[0], next)
				}
				next++
				inFlight.Add(-int64(r.In.n))
				return nil
			}
			if _, err := Run(context.Background(), src, First(slow), sink, Options[*item]{WindowBytes: tt.limit}); err != nil {
				t.Fatal(err)
			}
			if next != 100 {
				t.Fatalf("%d items arrived, want 100", next)
			}
			if m := most.Load(); m > tt.maxSeen {
				t.Errorf("%d bytes in flight, want at most %d", m, tt.maxSeen)
			}
		})
	}
	// A source waiting for room ends with the run.
	t.Run("canceled while waiting", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		stuck := Stage[*item, *item]{Name: "stuck", Process: func(ctx context.Context, it *item) (*item, error) {
			<-ctx.Done()
			return nil, ctx.Err()
		}}
		time.AfterFunc(20*time.Millisecond, cancel)
		_, err := Run(ctx, counting(10), First(stuck), func(Result[*item, *item]) error { return nil },
			Options[*item]{WindowBytes: 1})
		if !errors.Is(err, ErrCanceled) {
			t.Errorf("got %v, want ErrCanceled", err)
		}
	})
}
