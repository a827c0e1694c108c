package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildCLI compiles newspipe into a temporary folder, for tests that need a real process.
func buildCLI(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "newspipe")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// manyArticles writes n distinct small articles into a new folder.
func manyArticles(t *testing.T, n int) string {
	dir := t.TempDir()
	for i := range n {
		text := fmt.Sprintf("Council vote number %d\n\nBy Jane Doe | June %d, 2018\n\n", i, 1+i%28) +
			fmt.Sprintf("The council of Riverton voted %d to %d on Tuesday to approve the plan after a long debate about library hours and roads.\n\n", 5+i%4, i%5) +
			"Mayor Ann Lee said on May 31 that the plan would keep taxes steady for the third year in a row, protecting police and fire services.\n\n" +
			"Subscribe to our newsletter\n"
		writeFile(t, filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), text)
	}
	return dir
}

func TestInterruptedRunResumesToTheSameBytes(t *testing.T) {
	bin := buildCLI(t)
	in := manyArticles(t, 1000)
	outDir := t.TempDir()
	full := filepath.Join(outDir, "full.jsonl")
	start := time.Now()
	if out, err := exec.Command(bin, "run", "-o", full, in).CombinedOutput(); err != nil {
		t.Fatalf("uninterrupted run: %v\n%s", err, out)
	}
	took := time.Since(start)
	want, err := os.ReadFile(full)
	if err != nil {
		t.Fatal(err)
	}

	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT, syscall.SIGKILL} {
		t.Run(sig.String(), func(t *testing.T) {
			part := filepath.Join(t.TempDir(), "part.jsonl")
			cmd := exec.Command(bin, "run", "-o", part, in)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Signal once records are being written: the temporary output has grown.
			deadline := time.Now().Add(took + 10*time.Second)
			for time.Now().Before(deadline) {
				tmps, _ := filepath.Glob(filepath.Join(filepath.Dir(part), ".part.jsonl.tmp*"))
				if len(tmps) > 0 {
					if fi, err := os.Stat(tmps[0]); err == nil && fi.Size() > 0 {
						break
					}
				}
				time.Sleep(5 * time.Millisecond)
			}
			cmd.Process.Signal(sig)
			cmd.Wait()

			// Complete or absent, never half-written: every line whole, a prefix of the full output.
			got, err := os.ReadFile(part)
			switch {
			case os.IsNotExist(err):
			case err != nil:
				t.Fatal(err)
			default:
				if !bytes.HasPrefix(want, got) {
					t.Fatalf("interrupted output is not a prefix of the full output (%d bytes)", len(got))
				}
				for _, line := range bytes.Split(bytes.TrimSuffix(got, []byte("\n")), []byte("\n")) {
					if len(got) > 0 && !json.Valid(line) {
						t.Fatalf("half-written record: %q", line)
					}
				}
			}
			t.Logf("interrupted output: %d of %d records", bytes.Count(got, []byte("\n")), bytes.Count(want, []byte("\n")))
			if out, err := exec.Command(bin, "run", "--resume", "-o", part, in).CombinedOutput(); err != nil {
				t.Fatalf("resumed run: %v\n%s", err, out)
			}
			resumed, err := os.ReadFile(part)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(resumed, want) {
				t.Errorf("resumed output (%d bytes) differs from the uninterrupted one (%d bytes)", len(resumed), len(want))
			}
		})
	}
}

// TestResumeEveryOutput checks --resume on gzipped JSON Lines, its refusal of Parquet, and
// its refusal to mix records made with other options.
func TestResumeEveryOutput(t *testing.T) {
	in := manyArticles(t, 3)
	dir := t.TempDir()
	gz := filepath.Join(dir, "out.jsonl.gz")
	if code, _, errOut := run(t, "", "run", "-o", gz, in); code != exitOK {
		t.Fatalf("first run: exit %d: %s", code, errOut)
	}
	first, _ := os.ReadFile(gz)
	code, _, errOut := run(t, "", "run", "--resume", "-o", gz, in)
	if code != exitOK || !strings.Contains(errOut, "resumed: 3 documents kept") {
		t.Errorf("resume of .jsonl.gz: exit %d: %s", code, errOut)
	}
	if again, _ := os.ReadFile(gz); !bytes.Equal(gunzip(t, again), gunzip(t, first)) {
		t.Errorf("resumed .jsonl.gz differs from the first run")
	}
	if code, _, errOut := run(t, "", "run", "--resume", "-o", filepath.Join(dir, "out.parquet"), in); code != exitUsage || !strings.Contains(errOut, "not Parquet") {
		t.Errorf("resume of Parquet: exit %d: %s", code, errOut)
	}
	for _, args := range [][]string{
		{"run", "--resume", "--published", "2018-06-10", "-o", gz, in},
		{"run", "--resume", "--site-repeats=false", "-o", gz, in},
	} {
		code, _, errOut := run(t, "", args...)
		if code != exitUsage || !strings.Contains(errOut, "the earlier output was made with other options") {
			t.Errorf("%q: exit %d: %s", args, code, errOut)
		}
	}
	outDir := filepath.Join(dir, "records")
	if code, _, errOut := run(t, "", "run", "--out-dir", outDir, in); code != exitOK {
		t.Fatalf("--out-dir: exit %d: %s", code, errOut)
	}
	if code, _, errOut := run(t, "", "run", "--resume", "--published", "2018-06-10", "--out-dir", outDir, in); code != exitUsage {
		t.Errorf("--out-dir resume with another --published: exit %d: %s", code, errOut)
	}
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
