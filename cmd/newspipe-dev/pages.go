package main

import (
	"context"
	"strconv"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/internal/extractset"
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
