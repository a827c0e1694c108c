package clean

import (
	"testing"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/internal/extractset"
	"github.com/newspipe/newspipe/stages/extract"
)

// BenchmarkCleanHTML cleans the blocks the HTML extractor gives for the dev pages: the
// HTML path, with its body choices.
func BenchmarkCleanHTML(b *testing.B) {
	pages, err := extractset.List(sharedDir(b, "data/extraction/dev"))
	if err != nil {
		b.Skip(err)
	}
	var docs [][]document.Block
	var size int64
	ex := extract.New()
	for _, p := range pages {
		raw, err := p.HTML()
		if err != nil {
			b.Fatal(err)
		}
		page, err := ex.Extract(string(raw), p.URL)
		if err != nil {
			continue
		}
		docs = append(docs, page.Blocks)
		for _, bl := range page.Blocks {
			size += int64(len(bl.Text) + 1)
		}
	}
	c := New()
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			c.Clean(d)
		}
	}
}
