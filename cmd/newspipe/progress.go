package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"
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
	return &progress{w: w, start: time.Now(), total: inputSize(paths)}
}

// inputSize adds up the sizes of the input files, or returns 0 when standard input or a
// compressed file makes the total unknown.
func inputSize(paths []string) int64 {
	var total int64
	for _, p := range paths {
		if p == "-" {
			return 0
		}
		err := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if strings.HasSuffix(path, ".gz") {
				return fs.SkipAll
			}
			if info, err := d.Info(); err == nil {
				total += info.Size()
			}
			return nil
		})
		if err != nil {
			return 0
		}
	}
	return total
}

// addRead counts bytes the source has read; safe for concurrent use.
func (p *progress) addRead(n int) {
	if p != nil {
		p.read.Add(int64(n))
	}
}

// written counts one written document and redraws the line when it is time.
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
	line := fmt.Sprintf("%d docs  %.1f MB/s  %s", p.docs, rate, elapsed.Round(time.Second))
	if p.total > 0 && read > 0 {
		done := min(float64(read)/float64(p.total), 1)
		left := time.Duration(float64(elapsed) * (1 - done) / done)
		line += fmt.Sprintf("  %3.0f%%  ETA %s", 100*done, left.Round(time.Second))
	}
	fmt.Fprintf(p.w, "\r\033[K%s", line)
}

// finish draws the final state and ends the line.
func (p *progress) finish() {
	if p == nil {
		return
	}
	p.draw(time.Now())
	fmt.Fprintln(p.w)
}
