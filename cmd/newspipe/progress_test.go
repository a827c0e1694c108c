package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// TestProgressEndsAtFullShare checks that a complete run's last line says 100%, however the
// bytes read compare with the sizes found before the run, and counts written records.
func TestProgressEndsAtFullShare(t *testing.T) {
	var buf bytes.Buffer
	p := &progress{w: &buf, start: time.Now(), total: 1000}
	p.addRead(600)
	p.written()
	p.written()
	p.finish(true)
	last := buf.String()[strings.LastIndex(buf.String(), "\r"):]
	if !strings.Contains(last, "2 records") || !strings.Contains(last, "100%") {
		t.Errorf("last progress line %q, want 2 records and 100%%", last)
	}
}
