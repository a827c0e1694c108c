package extract

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// tablePage returns a page holding one table of rows x cols cells of cell text.
func tablePage(rows, cols int, cell string) string {
	var b strings.Builder
	b.WriteString("<html><body><table>")
	for r := 0; r < rows; r++ {
		b.WriteString("<tr>")
		for c := 0; c < cols; c++ {
			b.WriteString("<td>" + cell + "</td>")
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</table></body></html>")
	return b.String()
}

// divsPage returns a page of n one-letter <div>s.
func divsPage(n int) string {
	return "<html><body>" + strings.Repeat("<div>a</div>", n) + "</body></html>"
}

// BenchmarkExtractLargeTable extracts tables of 200 cells a row with more and more rows;
// ns/row and B/row stay flat when Extract is linear in the page.
func BenchmarkExtractLargeTable(b *testing.B) {
	for _, rows := range []int{60, 120, 240, 480} { // 480 rows: 193,000 tags, under MaxTags
		page := tablePage(rows, 200, "abcdefghij")
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			benchExtract(b, page, rows, "row")
		})
	}
}

// BenchmarkExtractManyDivs extracts pages of more and more one-letter <div>s; ns/div and
// B/div stay flat when Extract is linear in the page.
func BenchmarkExtractManyDivs(b *testing.B) {
	for _, n := range []int{12000, 24000, 48000, 96000} { // 96,000 divs: 192,000 tags, under MaxTags
		page := divsPage(n)
		b.Run(fmt.Sprintf("divs=%d", n), func(b *testing.B) {
			benchExtract(b, page, n, "div")
		})
	}
}

// benchExtract extracts page b.N times and reports wall time, CPU time (the garbage
// collector's included) and bytes allocated per unit of the page (a row, a div).
func benchExtract(b *testing.B, page string, units int, unit string) {
	e := New()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := e.Extract(page, ""); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	cpu = cpuTime() - cpu
	runtime.ReadMemStats(&after)
	n := float64(b.N * units)
	b.ReportMetric(float64(cpu.Nanoseconds())/n, "cpu-ns/"+unit)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/"+unit)
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/n, "B/"+unit)
	b.ReportMetric(0, "ns/op")
}
