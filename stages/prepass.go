package stages

import (
	"context"
	"fmt"
	"time"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/pipeline"
	"github.com/newspipe/newspipe/stages/detect"
	"github.com/newspipe/newspipe/stages/normalize"
	"github.com/newspipe/newspipe/stages/repeats"
)

// IndexRepeats reads a batch once, decoding each document and splitting it into lines
// cheaply, and counts the lines of each site, for Options.Repeats. Documents that fail to
// decode, or take longer than timeout (0: no limit), are skipped here; the main run
// reports them.
func (m *Models) IndexRepeats(ctx context.Context, src pipeline.Source[*document.Document], workers int, timeout time.Duration) (*repeats.Index, error) {
	idx := repeats.NewIndex(repeats.DefaultMinDocs)
	// Hashing the lines happens in the workers; the sink, which runs alone, only counts.
	lines := pipeline.Stage[*document.Document, repeats.Page]{Name: "lines", Workers: workers,
		Process: RepeatsPage}
	sink := func(r pipeline.Result[*document.Document, repeats.Page]) error {
		if r.Err == nil && !r.Skipped {
			idx.AddPage(r.Out)
		}
		return nil
	}
	opt := pipeline.Options[*document.Document]{ItemTimeout: timeout, Skip: (*document.Document).Failed,
		WindowBytes: windowBytes(workers)}
	if _, err := pipeline.Run(ctx, src, pipeline.First(lines), sink, opt); err != nil {
		return nil, fmt.Errorf("count repeated lines: %w", err)
	}
	return idx, nil
}

// RepeatsPage returns what IndexRepeats counts of one document: its site and the keys of
// its lines, found cheaply (decoding, and splitting a page at its block elements).
func RepeatsPage(ctx context.Context, d *document.Document) (repeats.Page, error) {
	dec, err := Decode(ctx, d)
	if err != nil {
		return repeats.Page{}, err
	}
	var ls []string
	if dec.Record.Source.Format == detect.HTML {
		ls = repeats.HTMLLines(dec.Content)
	} else {
		for _, l := range normalize.Lines(dec.Content) {
			if l != "" {
				ls = append(ls, l)
			}
		}
	}
	return repeats.NewPage(siteOf(dec), ls), nil
}
