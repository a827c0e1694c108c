package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// BenchmarkReadMeta measures reading the metadata of a parsed dev page alone; b.N counts
// pages, so ns/op is per page. cpu-ns/op is the process's CPU time per page, which the
// neighbours of a shared machine do not inflate as they do the wall time.
func BenchmarkReadMeta(b *testing.B) {
	pages := loadDev(b)
	docs := make([]*html.Node, len(pages))
	for i, p := range pages {
		doc, err := html.Parse(strings.NewReader(p.html))
		if err != nil {
			b.Fatal(err)
		}
		docs[i] = doc
	}
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		readMeta(docs[i%len(docs)])
	}
	b.ReportMetric(float64((cpuTime()-cpu).Nanoseconds())/float64(b.N), "cpu-ns/op")
}
