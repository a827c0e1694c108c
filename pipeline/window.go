package pipeline

import (
	"context"
	"sync"
)

// byteWindow bounds the bytes of the items in flight (Options.WindowBytes): acquire
// waits until the item fits, or until nothing else is in flight, so that an item larger
// than the limit still goes, alone.
type byteWindow struct {
	limit int64 // 0: no bound
	mu    sync.Mutex
	used  int64
	freed chan struct{} // closed, and replaced, when bytes are released
}

func newByteWindow(limit int64) *byteWindow {
	return &byteWindow{limit: limit, freed: make(chan struct{})}
}

// acquire takes n bytes of the window, waiting for room; it fails when ctx ends first.
func (w *byteWindow) acquire(ctx context.Context, n int64) error {
	if w.limit <= 0 {
		return nil
	}
	for {
		w.mu.Lock()
		if w.used == 0 || w.used+n <= w.limit {
			w.used += n
			w.mu.Unlock()
			return nil
		}
		freed := w.freed
		w.mu.Unlock()
		select {
		case <-freed:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// release gives back n bytes taken by acquire.
func (w *byteWindow) release(n int64) {
	if w.limit <= 0 {
		return
	}
	w.mu.Lock()
	w.used -= n
	close(w.freed)
	w.freed = make(chan struct{})
	w.mu.Unlock()
}
