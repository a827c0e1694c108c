package main

import (
	"context"
	"sort"
	"strconv"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/internal/extractset"
	"github.com/newspipe/newspipe/pipeline"
	"github.com/newspipe/newspipe/stages"
)

// pageSource emits the page of each extraction-set page in one form (formText: its visible
// text, formHTML: its HTML), with its URL; a document's id is its index in pages.
func pageSource(pages []extractset.Page, form string) func(context.Context, func(*document.Document) error) error {
	return func(ctx context.Context, emit func(*document.Document) error) error {
		for i, p := range pages {
			read := p.HTML
			if form == formText {
				read = p.Text
			}
			raw, err := read()
			if err != nil {
				return err
			}
			d := &document.Document{Raw: raw, FormatHint: form}
			d.Record.ID = strconv.Itoa(i)
			d.Record.Source.URL = p.URL
			if err := emit(d); err != nil {
				return err
			}
		}
		return nil
	}
}

// sortedPages lists the pages of the extraction sets in dirs ordered by set and ID, with
// the names of the sets that hold pages, sorted. The order of the dirs does not change the
// pages' order, so the sums of training, and the written weights, are the same bytes
// however the dirs are given.
func sortedPages(dirs []string) ([]extractset.Page, []string, error) {
	var list []extractset.Page
	var sets []string
	for _, dir := range dirs {
		l, err := extractset.List(dir)
		if err != nil {
			return nil, nil, err
		}
		if len(l) == 0 {
			continue
		}
		sets = append(sets, l[0].Set)
		list = append(list, l...)
	}
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].Set != list[j].Set {
			return list[i].Set < list[j].Set
		}
		return list[i].ID < list[j].ID
	})
	sort.Strings(sets)
	return list, sets, nil
}

// parseHTMLPages parses the HTML of every page of list as the pipeline parses it, with
// workers workers per stage, and calls each, one page at a time, with the page's index in
// list and its parse: nil where the pipeline failed on the page or skipped it.
func parseHTMLPages(ctx context.Context, list []extractset.Page, workers int, each func(i int, parsed *stages.Parsed) error) error {
	models, err := stages.Load()
	if err != nil {
		return err
	}
	src := pageSource(list, formHTML)
	line := models.ParseLine(stages.Options{Workers: workers})
	sink := func(r pipeline.Result[*document.Document, *stages.Parsed]) error {
		i, _ := strconv.Atoi(r.In.Record.ID)
		if r.Err != nil || r.Skipped {
			return each(i, nil)
		}
		return each(i, r.Out)
	}
	opt := pipeline.Options[*document.Document]{ItemTimeout: stages.DefaultTimeout}
	_, err = pipeline.Run(ctx, src, line, sink, opt)
	return err
}
