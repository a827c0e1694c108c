package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"newspipe/internal/shingle"
)

// TestDump prints one dev page's blocks; set EXTRACT_DUMP to an ID prefix.
func TestDump(t *testing.T) {
	id := os.Getenv("EXTRACT_DUMP")
	if id == "" {
		t.Skip("EXTRACT_DUMP not set")
	}
	for _, p := range loadDev(t) {
		if !strings.HasPrefix(p.id, id) {
			continue
		}
		got, _ := New().Extract(p.html, "")
		for _, b := range got.Blocks {
			mark := "+"
			if b.Outside != "" {
				mark = "-"
			}
			fmt.Printf("%s %-4s %.2f %-22.22s %.150s\n", mark, b.Tag, b.LinkDensity, b.Outside, b.Text)
		}
		bt, _ := Baseline(p.html, "")
		fmt.Println("=== BASELINE\n" + bt)
		fmt.Println("=== TRUTH\n" + p.truth)
	}
}

func TestDumpContent(t *testing.T) {
	id := os.Getenv("EXTRACT_DUMP")
	if id == "" {
		t.Skip("EXTRACT_DUMP not set")
	}
	for _, p := range loadDev(t) {
		if !strings.HasPrefix(p.id, id) {
			continue
		}
		doc, _ := html.Parse(strings.NewReader(p.html))
		c := New().content(doc, "")
		var sb strings.Builder
		html.Render(&sb, c)
		fmt.Println(sb.String())
	}
}

// TestDumpFP prints the body blocks that are mostly not in the truth, for every dev page.
func TestDumpFP(t *testing.T) {
	if os.Getenv("EXTRACT_FP") == "" {
		t.Skip("EXTRACT_FP not set")
	}
	for _, p := range loadDev(t) {
		got, _ := New().Extract(p.html, "")
		truth := shingle.Shingles(p.truth)
		for _, b := range got.Blocks {
			s := shingle.Shingles(b.Text)
			hit, all := 0, 0
			for k, n := range s {
				all += n
				if truth[k] > 0 {
					hit += n
				}
			}
			fp := b.Outside == "" && hit*2 < all
			fn := b.Outside != "" && hit*2 > all && all > 0
			if fp || fn {
				fmt.Printf("%s %v %-4s %.2f %-20.20s %.140s\n", p.id[:8], map[bool]string{true: "FP", false: "FN"}[fp], b.Tag, b.LinkDensity, b.Outside, b.Text)
			}
		}
	}
}

// TestDumpMeta prints the metadata of every dev page.
func TestDumpMeta(t *testing.T) {
	if os.Getenv("EXTRACT_META") == "" {
		t.Skip("EXTRACT_META not set")
	}
	for _, p := range loadDev(t) {
		got, _ := New().Extract(p.html, "")
		m := got.Meta
		fmt.Printf("%s T=%q\n   S=%q A=%q site=%q pub=%q\n", p.id[:8], m.Title, m.Subtitle, m.Authors, m.Site, m.Published)
	}
}

// TestDumpReasons counts the Outside reasons over the dev pages.
func TestDumpReasons(t *testing.T) {
	if os.Getenv("EXTRACT_REASONS") == "" {
		t.Skip("EXTRACT_REASONS not set")
	}
	counts := map[string]int{}
	for _, p := range loadDev(t) {
		got, _ := New().Extract(p.html, "")
		for _, b := range got.Blocks {
			counts[b.Outside]++
		}
	}
	fmt.Println(counts)
}
