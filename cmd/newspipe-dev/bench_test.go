package main

import (
	"math"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newspipe/newspipe/internal/benchcorpus"
	"github.com/newspipe/newspipe/stages/extract"
)

func TestMedianRuns(t *testing.T) {
	run := func(kind benchcorpus.Kind, workers int, seconds float64, rss int64) benchRun {
		return benchRun{kind: kind, workers: workers, bytes: 10e6, wall: time.Duration(seconds * float64(time.Second)), peakRSS: rss}
	}
	// Three rounds of text/1, text/2 and html/1, in the order bench runs them.
	runs := []benchRun{
		run(benchcorpus.Text, 1, 4, 100), run(benchcorpus.Text, 2, 2, 150), run(benchcorpus.HTML, 1, 5, 120),
		run(benchcorpus.Text, 1, 2, 300), run(benchcorpus.Text, 2, 2.5, 140), run(benchcorpus.HTML, 1, 4, 110),
		run(benchcorpus.Text, 1, 5, 200), run(benchcorpus.Text, 2, 1, 130), run(benchcorpus.HTML, 1, 10, 100),
	}
	got := medianRuns(runs)
	want := []struct {
		kind    benchcorpus.Kind
		workers int
		mbps    float64
		rss     int64
		rounds  []float64
	}{
		{benchcorpus.Text, 1, 2.5, 300, []float64{2.5, 5, 2}},
		{benchcorpus.Text, 2, 5, 150, []float64{5, 4, 10}},
		{benchcorpus.HTML, 1, 2, 120, []float64{2, 2.5, 1}},
	}
	if len(got) != len(want) {
		t.Fatalf("medianRuns gave %d runs, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.kind != w.kind || g.workers != w.workers || g.mbps() != w.mbps || g.peakRSS != w.rss || !slices.Equal(g.roundMBps, w.rounds) {
			t.Errorf("run %d = %s/%d %.2f MB/s, RSS %d, rounds %v; want %s/%d %.2f MB/s, RSS %d, rounds %v",
				i, g.kind, g.workers, g.mbps(), g.peakRSS, g.roundMBps, w.kind, w.workers, w.mbps, w.rss, w.rounds)
		}
	}
}

func TestScaling(t *testing.T) {
	tests := []struct {
		name       string
		one, many  []float64 // MB/s per round; one figure means one round
		want       float64
		wantRounds []float64
	}{
		// Round 2 was slow for both runs: its ratio still counts, the ratio of the medians
		// (4 / 2.5 = 1.6) would pair round 1's two workers with round 3's one.
		{"paired rounds", []float64{2.5, 1.5, 2}, []float64{4.5, 2.7, 4}, 1.8, []float64{1.8, 1.8, 2}},
		{"median of odd count", []float64{2, 2, 2}, []float64{3, 4, 5}, 2, []float64{1.5, 2, 2.5}},
		{"lower of even count", []float64{2, 2}, []float64{3, 4}, 1.5, []float64{1.5, 2}},
		{"one round", []float64{2}, []float64{3.5}, 1.75, nil},
	}
	for _, tt := range tests {
		run := func(rounds []float64) benchRun {
			// The median round's figure stands for the run, as medianRuns leaves it.
			m := slices.Sorted(slices.Values(rounds))[(len(rounds)-1)/2]
			r := benchRun{bytes: int64(m * 1e6), wall: time.Second}
			if len(rounds) > 1 {
				r.roundMBps = rounds
			}
			return r
		}
		got, rounds := scaling(run(tt.one), run(tt.many))
		if math.Abs(got-tt.want) > 1e-9 || len(rounds) != len(tt.wantRounds) {
			t.Errorf("%s: scaling = %.3f, rounds %v; want %.3f, rounds %v", tt.name, got, rounds, tt.want, tt.wantRounds)
			continue
		}
		for i := range rounds {
			if math.Abs(rounds[i]-tt.wantRounds[i]) > 1e-9 {
				t.Errorf("%s: round %d ratio %.3f, want %.3f", tt.name, i, rounds[i], tt.wantRounds[i])
			}
		}
	}
}

func TestMedianBaseline(t *testing.T) {
	tests := []struct {
		took []time.Duration
		want time.Duration
	}{
		{[]time.Duration{3, 1, 2}, 2},
		{[]time.Duration{4, 1}, 1}, // of two, the faster: the ratio is not flattered
		{[]time.Duration{7}, 7},
	}
	for _, tt := range tests {
		var rounds []baseline
		for _, d := range tt.took {
			rounds = append(rounds, baseline{docs: 1, took: d})
		}
		if got := medianBaseline(rounds); got.took != tt.want || !slices.Equal(got.roundTook, tt.took) {
			t.Errorf("medianBaseline(%v) took %v, rounds %v; want %v", tt.took, got.took, got.roundTook, tt.want)
		}
	}
}

// TestBenchSmall runs the whole benchmark on a tiny corpus and checks that the table
// has its measures, the goals and each round's figure.
func TestBenchSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline and both baselines twice")
	}
	code, out, errOut := run(t, "", "bench", "--size", "1MB", "--corpus", "../../corpus", "--workers", "1",
		"--rounds", "2", "--baseline-bytes", "16KB", "--html-pages", "5")
	if code != 0 {
		t.Fatalf("bench exit %d: %s", code, errOut)
	}
	wants := []string{
		"median of 2 rounds",
		"text, whole pipeline (incl. site-repeats pre-pass), 1 worker(s)",
		"html, whole pipeline (incl. site-repeats pre-pass), 1 worker(s)",
		"newspipe / prose/v2, text, 1 worker(s)",
		">= 50x",
		"(rounds: ",
		"stage share of busy time",
	}
	if extract.HasBaseline {
		wants = append(wants, "newspipe whole pipeline / trafilatura, HTML, 1 worker(s)")
	} else {
		wants = append(wants, "go-trafilatura baseline, HTML", "not measured")
	}
	for _, want := range wants {
		if !strings.Contains(out, want) {
			t.Errorf("bench output lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(errOut, "running baselines"); n != 2 {
		t.Errorf("baselines ran %d times, want once per round (2):\n%s", n, errOut)
	}
}

// TestBenchTrafilaturaInChild builds newspipe with -tags trafilatura and has a build
// without it measure the go-trafilatura baseline in that program, as make bench does.
func TestBenchTrafilaturaInChild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds newspipe and runs the benchmark")
	}
	if extract.HasBaseline {
		t.Skip("this build measures go-trafilatura in its own process")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build the program with")
	}
	program := filepath.Join(t.TempDir(), "newspipe-dev")
	if out, err := exec.Command(goCmd, "build", "-tags", "trafilatura", "-o", program, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build -tags trafilatura: %v\n%s", err, out)
	}
	code, out, errOut := run(t, "", "bench", "--size", "1MB", "--corpus", "../../corpus", "--workers", "1",
		"--rounds", "1", "--baseline-bytes", "16KB", "--html-pages", "5", "--trafilatura-bin", program)
	if code != 0 {
		t.Fatalf("bench exit %d: %s", code, errOut)
	}
	for _, want := range []string{"go-trafilatura baseline, HTML (5 pages)", "newspipe whole pipeline / trafilatura, HTML, 1 worker(s)"} {
		if !strings.Contains(out, want) {
			t.Errorf("bench output lacks %q:\n%s", want, out)
		}
	}
	// A program without go-trafilatura is an error, not a silent gap.
	lean := filepath.Join(t.TempDir(), "newspipe")
	if out, err := exec.Command(goCmd, "build", "-o", lean, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	if code, _, errOut := run(t, "", "bench", "--size", "1MB", "--corpus", "../../corpus", "--workers", "1",
		"--rounds", "1", "--baseline-bytes", "16KB", "--html-pages", "5", "--trafilatura-bin", lean); code == 0 || !strings.Contains(errOut, "-tags trafilatura") {
		t.Errorf("bench with a program without go-trafilatura: exit %d, stderr %q", code, errOut)
	}
}
