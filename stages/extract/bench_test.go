package extract

import "testing"

// The benchmarks run over the dev pages; b.N counts pages, so ns/op is per page.

func BenchmarkExtract(b *testing.B) {
	pages := loadDev(b)
	e := New()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := e.Extract(pages[i%len(pages)].html, ""); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBaseline(b *testing.B) {
	if !HasBaseline {
		b.Skip(ErrNoBaseline)
	}
	pages := loadDev(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, _ = Baseline(pages[i%len(pages)].html, "")
	}
}
