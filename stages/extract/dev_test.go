package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newspipe/newspipe/internal/sharedtest"
	"github.com/newspipe/newspipe/internal/shingle"
)

// devDir returns the dev pages directory beside the repository, or skips the test.
func devDir(tb testing.TB) string {
	tb.Helper()
	return sharedtest.Path(tb, "data/extraction/dev")
}

// devPage is one dev page with its human-marked body.
type devPage struct {
	id, html, truth string
}

func loadDev(tb testing.TB) []devPage {
	dev := devDir(tb)
	names, err := filepath.Glob(filepath.Join(dev, "*.html"))
	if err != nil || len(names) == 0 {
		tb.Skip("no dev pages")
	}
	var pages []devPage
	for _, name := range names {
		h, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(name), ".html")
		t, err := os.ReadFile(filepath.Join(dev, id+".truth.txt"))
		if err != nil {
			tb.Fatal(err)
		}
		pages = append(pages, devPage{id: id, html: string(h), truth: string(t)})
	}
	return pages
}

// bodyText joins the article body blocks as the benchmark compares them.
func bodyText(p Page) string {
	var parts []string
	for _, b := range p.Blocks {
		if b.Outside == "" {
			parts = append(parts, b.Text)
		}
	}
	return strings.Join(parts, "\n\n")
}

func TestDevF1(t *testing.T) {
	pages := loadDev(t)
	e := New()
	var mine, base []shingle.Page
	for _, p := range pages {
		got, err := e.Extract(p.html, "")
		if err != nil {
			t.Errorf("%s: %v", p.id, err)
		}
		m := shingle.Score(bodyText(got), p.truth)
		mine = append(mine, m)
		bt, err := Baseline(p.html, "")
		if err != nil && HasBaseline {
			t.Logf("%s: baseline: %v", p.id, err)
		}
		b := shingle.Score(bt, p.truth)
		base = append(base, b)
		if os.Getenv("EXTRACT_VERBOSE") != "" {
			t.Logf("%s mine P=%.3f R=%.3f  base P=%.3f R=%.3f", p.id[:8], m.Precision, m.Recall, b.Precision, b.Recall)
		}
	}
	ms, bs := shingle.Summarize(mine), shingle.Summarize(base)
	t.Logf("extract  F1=%.3f P=%.3f R=%.3f (%d pages)", ms.F1, ms.Precision, ms.Recall, ms.Pages)
	if HasBaseline {
		t.Logf("baseline F1=%.3f P=%.3f R=%.3f", bs.F1, bs.Precision, bs.Recall)
	}
	if ms.F1 < 0.975 {
		t.Errorf("dev F1 = %.3f, want >= 0.975", ms.F1)
	}
}
