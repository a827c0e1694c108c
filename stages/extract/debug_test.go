package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"
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
