package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/stages/extract"
	"github.com/newspipe/newspipe/stages/ingest"
)

// baseline is the measure of a baseline over a sample.
type baseline struct {
	docs  int
	bytes int64
	took  time.Duration
	err   error
	// roundTook, set by medianBaseline, holds the time of every round in order.
	roundTook []time.Duration
}

// medianBaseline returns the round of a baseline with the median time (the faster
// one of an even count, which favours the baseline).
func medianBaseline(rounds []baseline) baseline {
	if len(rounds) == 0 {
		return baseline{}
	}
	took := make([]time.Duration, len(rounds))
	for i, b := range rounds {
		took[i] = b.took
	}
	sorted := slices.Clone(rounds)
	slices.SortStableFunc(sorted, func(a, b baseline) int { return cmp.Compare(a.took, b.took) })
	m := sorted[(len(sorted)-1)/2]
	m.roundTook = took
	return m
}

// sample reads documents of the shards in order until keep returns false.
func sample(ctx context.Context, files []string, keep func(d *document.Document) bool) error {
	stop := errors.New("enough")
	err := (&ingest.Reader{}).Read(ctx, files, func(d *document.Document) error {
		if d.Failed() {
			return nil
		}
		if !keep(d) {
			return stop
		}
		return nil
	})
	if errors.Is(err, stop) {
		return nil
	}
	return err
}

// benchProse runs prose/v2's default pipeline (tokenizer, segmenter, tagger and NER,
// model loaded once) over about n bytes of the raw text articles.
func benchProse(ctx context.Context, files []string, n int64) (baseline, error) {
	var texts []string
	var size int64
	err := sample(ctx, files, func(d *document.Document) bool {
		texts = append(texts, string(d.Raw))
		size += int64(len(d.Raw))
		return size < n
	})
	if err != nil || len(texts) == 0 {
		return baseline{}, err
	}
	doc, err := prose.NewDocument("Load.")
	if err != nil {
		return baseline{}, fmt.Errorf("load prose model: %w", err)
	}
	model := doc.Model
	b := baseline{docs: len(texts), bytes: size}
	start := time.Now()
	for _, t := range texts {
		if ctx.Err() != nil {
			return b, ctx.Err()
		}
		if _, err := prose.NewDocument(t, prose.UsingModel(model)); err != nil && b.err == nil {
			b.err = err
		}
	}
	b.took = time.Since(start)
	return b, nil
}

// benchTrafilatura runs go-trafilatura's extraction alone over the first n HTML pages.
func benchTrafilatura(ctx context.Context, files []string, n int) (baseline, error) {
	if !extract.HasBaseline {
		return baseline{}, nil
	}
	type page struct{ html, url string }
	var pages []page
	var size int64
	err := sample(ctx, files, func(d *document.Document) bool {
		pages = append(pages, page{string(d.Raw), d.Record.Source.URL})
		size += int64(len(d.Raw))
		return len(pages) < n
	})
	if err != nil || len(pages) == 0 {
		return baseline{}, err
	}
	b := baseline{docs: len(pages), bytes: size}
	start := time.Now()
	for _, p := range pages {
		if ctx.Err() != nil {
			return b, ctx.Err()
		}
		if _, err := extract.Baseline(p.html, p.url); err != nil && b.err == nil {
			b.err = err
		}
	}
	b.took = time.Since(start)
	return b, nil
}
