package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// bigPage writes an HTML page of about size bytes: one article of many paragraphs drawn
// from a small vocabulary, which is slow to split and align against the extractor's body.
func bigPage(t *testing.T, size int) string {
	t.Helper()
	words := strings.Fields("the government said on Monday that Apple and Microsoft would meet in London next week to discuss a new deal worth two billion dollars with President Smith")
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	b.WriteString("<html><head><title>A long page</title></head><body><article><h1>A long page</h1>\n")
	for b.Len() < size {
		b.WriteString("<p>")
		for i := range 40 {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[rng.IntN(len(words))])
		}
		b.WriteString(".</p>\n")
	}
	b.WriteString("</article></body></html>\n")
	path := filepath.Join(t.TempDir(), "big.html")
	writeFile(t, path, b.String())
	return path
}

// TestRunTimeoutEndsALongDocument gives a 6 MB page a limit far below the seconds it
// takes: its record is a timeout error record, and the run goes on to the next document.
func TestRunTimeoutEndsALongDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 6 MB page")
	}
	big := bigPage(t, 6<<20)
	small := filepath.Join(t.TempDir(), "small.txt")
	writeFile(t, small, article)
	code, out, errOut := run(t, "", "run", "--site-repeats=false", "--timeout", "250ms", big, small)
	if code != exitFailures {
		t.Fatalf("exit %d, want %d: %s", code, exitFailures, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d records, want 2", len(lines))
	}
	var rec struct {
		Error *struct{ Stage, Message string }
	}
	if err := json.Unmarshal([]byte(lines[0]), &rec); err != nil {
		t.Fatal(err)
	}
	if rec.Error == nil || rec.Error.Message != "per-document time limit exceeded (250ms)" {
		t.Errorf("big page: error %+v, want a timeout", rec.Error)
	}
	if !strings.Contains(lines[1], `"title":"Council approves new budget"`) {
		t.Errorf("the document after the big page was not processed: %s", lines[1])
	}
}

// TestRunInterrupted cancels a run's context, as SIGINT and SIGTERM do, while a stage is
// busy with a long page and no time limit: the run ends with the interrupted status, and
// what it wrote is whole records.
func TestRunInterrupted(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 6 MB page")
	}
	dir := t.TempDir()
	for i := range 3 {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("a%d.txt", i)), article)
	}
	big := bigPage(t, 6<<20)
	if err := os.Rename(big, filepath.Join(dir, "0.html")); err != nil { // read first
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- dispatch(ctx, []string{"run", "--site-repeats=false", "--timeout", "0", dir}, strings.NewReader(""), &out, &errOut)
	}()
	time.Sleep(2 * time.Second) // the models load, and the big page is being parsed
	cancel()
	canceled := time.Now()
	var code int
	select {
	case code = <-done:
		t.Logf("the run ended %s after the cancel", time.Since(canceled).Round(time.Millisecond))
	case <-time.After(30 * time.Second):
		t.Fatal("the run did not end after its context was canceled")
	}
	if code != exitInterrupted {
		t.Fatalf("exit %d, want %d: %s", code, exitInterrupted, errOut.String())
	}
	for _, l := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
		if l != "" && !json.Valid([]byte(l)) {
			t.Errorf("a record was cut: %q", l)
		}
	}
}
