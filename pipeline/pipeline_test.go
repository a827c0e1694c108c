package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
)

type item struct {
	n     int
	trace []string
	err   string
}

func (it *item) Fail(stage string, err error) { it.err = stage + ": " + err.Error() }
func (it *item) Failed() bool                 { return it.err != "" }
func (it *item) Size() int                    { return it.n }

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
func jitter(name string) Stage[*item] {
	return Stage[*item]{Name: name, Workers: 8, Process: func(ctx context.Context, it *item) error {
		if it.n%7 == 0 {
			time.Sleep(time.Millisecond)
		}
		it.trace = append(it.trace, name)
		return nil
	}}
}

func collect(out *[]*item) Sink[*item] {
	return func(it *item) error { *out = append(*out, it); return nil }
}

func TestRunKeepsInputOrder(t *testing.T) {
	for _, workers := range []int{1, 8} {
		t.Run(fmt.Sprint(workers, " workers"), func(t *testing.T) {
			a, b := jitter("a"), jitter("b")
			a.Workers, b.Workers = workers, workers
			var got []*item
			stats, err := Run(context.Background(), counting(500), []Stage[*item]{a, b}, collect(&got), Options{Buffer: 2})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 500 {
				t.Fatalf("got %d items, want 500", len(got))
			}
			for i, it := range got {
				if it.n != i || strings.Join(it.trace, ",") != "a,b" {
					t.Fatalf("item %d: n=%d trace=%v", i, it.n, it.trace)
				}
			}
			if stats.Stages[1].Items() != 500 || stats.Source.Items() != 500 {
				t.Errorf("stats: source %d, b %d items", stats.Source.Items(), stats.Stages[1].Items())
			}
		})
	}
}

func TestRunFailsOnlyTheBadItem(t *testing.T) {
	bad := Stage[*item]{Name: "bad", Workers: 4, Process: func(ctx context.Context, it *item) error {
		switch it.n {
		case 3:
			return errors.New("broken input")
		case 5:
			var m map[string]int
			m["x"] = 1 // panics: assignment to nil map
		}
		return nil
	}}
	var got []*item
	_, err := Run(context.Background(), counting(10), []Stage[*item]{bad, jitter("after")}, collect(&got), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 10 {
		t.Fatalf("got %d items, want 10", len(got))
	}
	for _, it := range got {
		switch it.n {
		case 3:
			if it.err != "bad: broken input" {
				t.Errorf("item 3 error = %q", it.err)
			}
		case 5:
			if !strings.HasPrefix(it.err, "bad: internal error (panic): assignment to entry in nil map") {
				t.Errorf("item 5 error = %q", it.err)
			}
		default:
			if it.err != "" || len(it.trace) != 1 {
				t.Errorf("item %d: err %q trace %v", it.n, it.err, it.trace)
			}
		}
		if it.Failed() && len(it.trace) != 0 {
			t.Errorf("failed item %d went on to later stages: %v", it.n, it.trace)
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
	var got []*item
	sink := func(it *item) error {
		got = append(got, it)
		if it.n == 100 {
			cancel()
		}
		return nil
	}
	_, err := Run(ctx, infinite, []Stage[*item]{jitter("a"), jitter("b")}, sink, Options{})
	if !errors.Is(err, ErrCanceled) {
		t.Fatalf("err = %v, want ErrCanceled", err)
	}
	if len(got) < 101 {
		t.Fatalf("got %d items, want at least the 101 before cancel", len(got))
	}
	for i, it := range got {
		if it.n != i {
			t.Fatalf("output is not a gap-free prefix: position %d holds item %d", i, it.n)
		}
	}
	waitGoroutines(t, before)
}

func TestRunStopsOnSinkError(t *testing.T) {
	before := runtime.NumGoroutine()
	full := errors.New("disk full")
	n := 0
	sink := func(it *item) error {
		n++
		if it.n == 20 {
			return full
		}
		return nil
	}
	_, err := Run(context.Background(), counting(1000), []Stage[*item]{jitter("a")}, sink, Options{})
	if !errors.Is(err, full) {
		t.Fatalf("err = %v, want the sink's error", err)
	}
	if n != 21 {
		t.Errorf("sink called %d times after failing, want 21", n)
	}
	waitGoroutines(t, before)
}

// TestRunDoesNotTouchItemsItHandedOn has every stage rewrite what Size reads, so that
// the race detector (go test -race) sees any read of an item by the source or a stage
// after it was handed to the next one.
func TestRunDoesNotTouchItemsItHandedOn(t *testing.T) {
	grow := func(name string) Stage[*item] {
		return Stage[*item]{Name: name, Workers: 4, Process: func(ctx context.Context, it *item) error {
			it.n += 1000
			it.trace = append(it.trace, name)
			return nil
		}}
	}
	var got []*item
	stats, err := Run(context.Background(), counting(200), []Stage[*item]{grow("a"), grow("b")}, collect(&got), Options{Buffer: 1})
	if err != nil {
		t.Fatal(err)
	}
	for i, it := range got {
		if it.n != i+2000 {
			t.Fatalf("item %d: n = %d, want %d", i, it.n, i+2000)
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
	var got []*item
	_, err := Run(context.Background(), src, []Stage[*item]{jitter("a")}, collect(&got), Options{})
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
	slow := Stage[*item]{Name: "slow", Workers: 2, Process: func(ctx context.Context, it *item) error {
		if it.n == 2 {
			<-ctx.Done() // a stage that honours the deadline
			return nil
		}
		if it.n == 4 {
			time.Sleep(80 * time.Millisecond) // one that does not
		}
		return nil
	}}
	var got []*item
	_, err := Run(context.Background(), counting(6), []Stage[*item]{slow, jitter("after")}, collect(&got), Options{ItemTimeout: 40 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range got {
		timedOut := strings.Contains(it.err, "per-document time limit exceeded (40ms)")
		if want := it.n == 2 || it.n == 4; timedOut != want {
			t.Errorf("item %d: err %q", it.n, it.err)
		}
		if timedOut && len(it.trace) != 0 {
			t.Errorf("item %d went on after its time was up", it.n)
		}
	}
}
