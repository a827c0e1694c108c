package annotate

import (
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/newspipe/newspipe/stages"
)

// benchPages is the number of pages of the throughput benchmarks: HTML pages of 7 sites
// in one JSON Lines file, as TestSitePagesOnPrismEqualRun's.
const benchPages = 400

// BenchmarkPrism measures documents per second through Annotate and Write, with site
// repeats, on the in-process Prism runner: one SDK worker, in this process, with
// GOMAXPROCS cores (go test -cpu N). The models are loaded before the timer, as a worker
// process loads them once for every job it runs.
func BenchmarkPrism(b *testing.B) {
	input := sitePages(b, b.TempDir(), benchPages)
	if _, err := processModels(); err != nil {
		b.Fatal(err)
	}
	out := Output{Prefix: filepath.Join(b.TempDir(), "records"), Shards: 4}
	opt := Options{Published: "2024-06-12", SiteRepeats: true}
	for b.Loop() {
		if n := len(runOnPrism(b, []string{input}, opt, out)); n != benchPages {
			b.Fatalf("%d records, want %d", n, benchPages)
		}
	}
	b.ReportMetric(float64(benchPages*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkRun measures documents per second through newspipe run's batch (a site-repeats
// pre-pass, then the stages) on the same pages, with GOMAXPROCS workers per stage: the
// same cores as BenchmarkPrism's worker.
func BenchmarkRun(b *testing.B) {
	input := sitePages(b, b.TempDir(), benchPages)
	models, err := stages.Load()
	if err != nil {
		b.Fatal(err)
	}
	published := time.Date(2024, 6, 12, 0, 0, 0, 0, time.UTC)
	for b.Loop() {
		if n := len(runBatch(b, models, []string{input}, published, runtime.GOMAXPROCS(0))); n != benchPages {
			b.Fatalf("%d records, want %d", n, benchPages)
		}
	}
	b.ReportMetric(float64(benchPages*b.N)/b.Elapsed().Seconds(), "docs/s")
}
