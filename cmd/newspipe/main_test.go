package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run calls the CLI in-process and returns its exit status and outputs.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := dispatch(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

const article = `Council approves new budget

By Jane Doe | June 10, 2018

The city council approved a new budget on Tuesday after a long debate about library hours and road repairs.

Mayor Ann Lee said the plan would keep taxes steady for the third year in a row while protecting police and fire services.

Subscribe to our newsletter
`

func TestRunExitStatus(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	writeFile(t, good, article)
	png := filepath.Join(dir, "image.txt")
	writeFile(t, png, "\x89PNG\r\n\x1a\n\x00\x00")

	code, out, errOut := run(t, "", "run", good)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatalf("output is not one JSON record: %v\n%s", err, out)
	}
	if rec["id"] != "good" || !strings.Contains(rec["text"].(string), "library hours") {
		t.Errorf("unexpected record: %v", rec)
	}

	code, out, errOut = run(t, "", "run", good, png)
	if code != exitFailures || !strings.Contains(errOut, "1 of 2 documents failed") {
		t.Errorf("with a bad document: exit %d, stderr %q", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[1], `"error":{"stage":"decode","message":"not text: looks like a PNG image"}`) {
		t.Errorf("want 2 records, the second an error record; got:\n%s", out)
	}

	for _, args := range [][]string{{"run"}, {"run", "--workers", "0", good}, {"run", "--published", "June", good}, {"frobnicate"}} {
		if code, _, _ := run(t, "", args...); code != exitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, exitUsage)
		}
	}
}

func TestRunOutputs(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	writeFile(t, filepath.Join(in, "a.txt"), article)
	writeFile(t, filepath.Join(in, "b.html"), "<html><body><article><h1>Title</h1><p>"+strings.Repeat("A sentence of the story. ", 20)+"</p></article></body></html>")

	outFile := filepath.Join(dir, "out.jsonl")
	if code, _, errOut := run(t, "", "run", in, "-o", outFile); code != exitOK {
		t.Fatalf("-o: exit %d: %s", code, errOut)
	}
	b, err := os.ReadFile(outFile)
	if err != nil || bytes.Count(b, []byte("\n")) != 2 {
		t.Fatalf("-o wrote %q, %v", b, err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".out.jsonl.tmp*")); len(left) != 0 {
		t.Errorf("temporary file left: %v", left)
	}

	outDir := filepath.Join(dir, "records")
	if code, _, errOut := run(t, "", "run", "--out-dir", outDir, in); code != exitOK {
		t.Fatalf("--out-dir: exit %d: %s", code, errOut)
	}
	for _, id := range []string{"a", "b"} {
		if _, err := os.Stat(filepath.Join(outDir, id+".json")); err != nil {
			t.Errorf("--out-dir: %v", err)
		}
	}

	code, out, _ := run(t, `{"id":"x1","text":"One line.","section":"sport"}`+"\n", "run", "-")
	if code != exitOK || !strings.Contains(out, `"id":"x1"`) || !strings.Contains(out, `"meta":{"section":"sport"}`) {
		t.Errorf("stdin JSONL: exit %d, %s", code, out)
	}
}

func TestRunCanceled(t *testing.T) {
	dir := t.TempDir()
	for i := range 50 {
		writeFile(t, filepath.Join(dir, strings.Repeat("x", 1)+string(rune('a'+i%26))+string(rune('a'+i/26))+".txt"), article)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errOut bytes.Buffer
	code := dispatch(ctx, []string{"run", "--site-repeats=false", dir}, strings.NewReader(""), &out, &errOut)
	if code != 130 {
		t.Errorf("canceled run: exit %d, want 130 (stderr %s)", code, errOut.String())
	}
}

func TestRunWritesGzipAndParquet(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.txt")
	writeFile(t, in, article)
	for _, name := range []string{"out.jsonl.gz", "out.parquet"} {
		out := filepath.Join(dir, name)
		if code, _, errOut := run(t, "", "run", "-o", out, in); code != exitOK {
			t.Fatalf("%s: exit %d: %s", name, code, errOut)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		magic := map[string]string{"out.jsonl.gz": "\x1f\x8b", "out.parquet": "PAR1"}[name]
		if !bytes.HasPrefix(b, []byte(magic)) {
			t.Errorf("%s does not start with %q", name, magic)
		}
	}
}

func TestRunWritesAReviewPage(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.txt")
	writeFile(t, in, article)
	page := filepath.Join(dir, "review.html")
	if code, out, errOut := run(t, "", "run", "--report", page, in); code != exitOK || out == "" {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Subscribe to our newsletter", "library hours", "<html"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("review page lacks %q", want)
		}
	}
}
