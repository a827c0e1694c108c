package main

import (
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"time"

	"github.com/newspipe/newspipe/stages/ingest"
)

// progress draws a one-line progress report on a terminal: documents, MB/s, elapsed time
// and, when the input's total size is known, the share done and the time left. It draws
// from the writer's side, at most five times a second, so it needs no goroutine of its own.
type progress struct {
	w     io.Writer
	start time.Time
	total int64        // bytes of input, 0 when unknown
	read  atomic.Int64 // bytes read by the source
	docs  int
	last  time.Time
}

// newProgress returns a progress report on w, or nil when w is not a terminal.
func newProgress(w io.Writer, paths []string) *progress {
	f, ok := w.(*os.File)
	if !ok {
		return nil
	}
	if fi, err := f.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return &progress{w: w, start: time.Now(), total: ingest.InputSize(paths)}
}

// addRead counts bytes the source has read from input files; safe for concurrent use.
func (p *progress) addRead(n int64) {
	if p != nil {
		p.read.Add(n)
	}
}

// written counts one written record and redraws the line when it is time.
func (p *progress) written() {
	if p == nil {
		return
	}
	p.docs++
	if now := time.Now(); now.Sub(p.last) >= 200*time.Millisecond {
		p.last = now
		p.draw(now)
	}
}

func (p *progress) draw(now time.Time) {
	elapsed := now.Sub(p.start)
	read := p.read.Load()
	rate := float64(read) / 1e6 / max(elapsed.Seconds(), 1e-3)
	line := fmt.Sprintf("%d records  %.1f MB/s  %s", p.docs, rate, elapsed.Round(time.Second))
	if p.total > 0 && read > 0 {
		done := min(float64(read)/float64(p.total), 1)
		left := time.Duration(float64(elapsed) * (1 - done) / done)
		line += fmt.Sprintf("  %3.0f%%  ETA %s", 100*done, left.Round(time.Second))
	}
	fmt.Fprintf(p.w, "\r\033[K%s", line)
}

// finish draws the final state and ends the line. A complete run has read all its input,
// whatever the sizes said (a file that grew or shrank): it shows 100%.
func (p *progress) finish(complete bool) {
	if p == nil {
		return
	}
	if complete && p.total > 0 {
		p.read.Store(p.total)
	}
	p.draw(time.Now())
	fmt.Fprintln(p.w)
}
