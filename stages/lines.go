package stages

import (
	"fmt"
	"strings"

	"github.com/newspipe/newspipe/document"
)

// MaxBlocks is the most blocks Parse hands on for one document read as lines. The
// cleaner's work and memory grow with the number of blocks (a few hundred bytes each),
// so a text of millions of short lines (a data dump, a page of a million table cells
// read as lines) would take gigabytes; news articles have a few hundred lines, and the
// largest page of the extraction sets 20,000 blocks.
const MaxBlocks = 100_000

// lineBlocks returns the non-empty lines as blocks, in order. When there are more than
// max, consecutive lines are joined, one per line of the block's text, into max blocks
// or fewer, and the warning says so; no text is lost.
func lineBlocks(lines []string, max int) (blocks []document.Block, warning string) {
	n := 0
	for _, l := range lines {
		if l != "" {
			n++
		}
	}
	if n <= max {
		blocks = make([]document.Block, 0, n)
		for _, l := range lines {
			if l != "" {
				blocks = append(blocks, document.Block{Text: l})
			}
		}
		return blocks, ""
	}
	per := (n + max - 1) / max
	blocks = make([]document.Block, 0, (n+per-1)/per)
	var b strings.Builder
	k := 0
	for _, l := range lines {
		if l == "" {
			continue
		}
		if k > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l)
		if k++; k == per {
			blocks = append(blocks, document.Block{Text: b.String()})
			b.Reset()
			k = 0
		}
	}
	if k > 0 {
		blocks = append(blocks, document.Block{Text: b.String()})
	}
	return blocks, fmt.Sprintf("%d lines, more than %d: every %d lines were judged as one block", n, max, per)
}
