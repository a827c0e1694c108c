package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestShardsWithXargs runs the README's sharding example — newspipe as a map step over
// JSON Lines shards, two at a time with xargs, and over standard input as Spark's
// RDD.pipe does — and checks that the shards' outputs, joined, equal one run over all.
func TestShardsWithXargs(t *testing.T) {
	bin := buildCLI(t)
	if _, err := exec.LookPath("xargs"); err != nil {
		t.Skip("xargs not installed")
	}
	dir := t.TempDir()
	shards := filepath.Join(dir, "shards")
	out := filepath.Join(dir, "out")
	os.Mkdir(shards, 0o755)
	os.Mkdir(out, 0o755)
	var all bytes.Buffer
	for s := range 4 {
		var b strings.Builder
		for i := range 25 {
			fmt.Fprintf(&b, `{"id":"s%d-%02d","url":"https://example.org/%d/%d","published":"2021-04-0%d","text":"Story %d\n\nThe council voted %d to 2 on Tuesday to approve the plan for the harbour, the mayor said."}`+"\n", s, i, s, i, 1+s, i, 3+i%5)
		}
		all.WriteString(b.String())
		writeFile(t, filepath.Join(shards, fmt.Sprintf("part-%d.jsonl", s)), b.String())
	}
	// The README's command, with the binary's path.
	script := `ls shards/*.jsonl | xargs -P 2 -I{} sh -c 'NEWSPIPE run --site-repeats=false {} > out/$(basename {} .jsonl).out.jsonl'`
	cmd := exec.Command("sh", "-c", strings.ReplaceAll(script, "NEWSPIPE", bin))
	cmd.Dir = dir
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("xargs: %v\n%s", err, b)
	}
	var joined bytes.Buffer
	for s := range 4 {
		b, err := os.ReadFile(filepath.Join(out, fmt.Sprintf("part-%d.out.jsonl", s)))
		if err != nil {
			t.Fatal(err)
		}
		joined.Write(b)
	}
	// One run over standard input: the RDD.pipe form.
	whole := exec.Command(bin, "run", "-")
	whole.Stdin = &all
	want, err := whole.Output()
	if err != nil {
		t.Fatalf("stdin run: %v", err)
	}
	// Records differ only in source.path: the shard's file name, or - for standard input.
	pathField := regexp.MustCompile(`"path":"[^"]*"`)
	strip := func(b []byte) []byte { return pathField.ReplaceAll(b, []byte(`"path":""`)) }
	if !bytes.Equal(strip(joined.Bytes()), strip(want)) {
		t.Errorf("shard outputs joined (%d bytes) differ from one run over all input (%d bytes)", joined.Len(), len(want))
	}
	if n := bytes.Count(want, []byte("\n")); n != 100 {
		t.Errorf("%d records, want 100", n)
	}
}
