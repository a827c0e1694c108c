// Package stages assembles newspipe's stages, from raw bytes to an annotated record, into
// the list that the pipeline runs.
package stages

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/pipeline"
	"github.com/newspipe/newspipe/record"
	"github.com/newspipe/newspipe/stages/clean"
	"github.com/newspipe/newspipe/stages/dates"
	"github.com/newspipe/newspipe/stages/decode"
	"github.com/newspipe/newspipe/stages/detect"
	"github.com/newspipe/newspipe/stages/entities"
	"github.com/newspipe/newspipe/stages/extract"
	"github.com/newspipe/newspipe/stages/language"
	"github.com/newspipe/newspipe/stages/metadata"
	"github.com/newspipe/newspipe/stages/normalize"
	"github.com/newspipe/newspipe/stages/repeats"
)

// Options configure the stages of a run.
type Options struct {
	// Published is the reference date for documents whose own date is unknown; zero means
	// none, so relative dates in such documents stay unresolved.
	Published time.Time
	// Workers is the number of workers of each stage; 0 means 1.
	Workers int
	// Repeats, when not nil, holds the lines of every document of the batch by site; the
	// clean stage removes body lines that recur on several pages of the same site.
	Repeats *repeats.Index
	// Review keeps, in each document, its blocks in input order with the clean stage's
	// decision (Document.Review), for review pages.
	Review bool
	// EncodeJSON adds a last stage that encodes each record as a JSON line
	// (Document.JSON), so that the writer, which runs alone, only copies bytes.
	EncodeJSON bool
}

// Set holds the models that the stages share. Build it once per process: loading the
// entity model is the expensive part.
type Set struct {
	extractor  *extract.Extractor
	cleaner    *clean.Cleaner
	detector   *language.Detector
	recognizer *entities.Recognizer
	tagger     *dates.Tagger
}

// New loads the models.
func New() (*Set, error) {
	rec, err := entities.New()
	if err != nil {
		return nil, fmt.Errorf("load entity model: %w", err)
	}
	return &Set{
		extractor:  extract.New(),
		cleaner:    clean.New(),
		detector:   language.New(),
		recognizer: rec,
		tagger:     dates.New(),
	}, nil
}

// Stages returns the stages in pipeline order.
func (s *Set) Stages(opt Options) []pipeline.Stage[*document.Document] {
	stage := func(name string, fn func(*document.Document) error) pipeline.Stage[*document.Document] {
		return pipeline.Stage[*document.Document]{Name: name, Workers: opt.Workers,
			Process: func(_ context.Context, d *document.Document) error {
				if d.Previous != nil {
					return nil // done in an earlier run
				}
				return fn(d)
			}}
	}
	list := []pipeline.Stage[*document.Document]{
		stage("decode", s.Decode),
		stage("detect", Detect),
		stage("normalize", s.Normalize),
		stage("clean", func(d *document.Document) error { return s.Clean(d, opt.Repeats, opt.Review) }),
		stage("metadata", func(d *document.Document) error { return s.Metadata(d, opt.Published) }),
		stage("entities", s.Entities),
		stage("dates", s.Dates),
	}
	if opt.EncodeJSON {
		list = append(list, stage("encode", Encode))
	}
	return list
}

// Encode encodes the document's record as one line of JSON Lines into Document.JSON.
func Encode(d *document.Document) error {
	b, err := d.Record.MarshalJSON()
	if err != nil {
		return fmt.Errorf("encode record %s: %w", d.Record.ID, err)
	}
	d.JSON = b
	return nil
}

// Process runs every stage on one document, outside any pipeline: for tests and for
// callers that process one document at a time. A failing stage fails the document.
func (s *Set) Process(d *document.Document, opt Options) {
	for _, st := range s.Stages(opt) {
		if d.Failed() {
			return
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					d.Fail(st.Name, fmt.Errorf("internal error (panic): %v", r))
				}
			}()
			if err := st.Process(context.Background(), d); err != nil {
				d.Fail(st.Name, err)
			}
		}()
	}
}

// ErrEmpty is wrapped by the error for a document with no text.
var ErrEmpty = errors.New("empty document")

// Decode turns the raw bytes into UTF-8 and hands them over to the text (see decode.Decode).
func (s *Set) Decode(d *document.Document) error {
	html := d.FormatHint == detect.HTML || d.FormatHint == "" && detect.Format(string(d.Raw[:min(len(d.Raw), 8192)])) == detect.HTML
	// Decode fails on NUL bytes unless they are stray ones in text, which the text loses.
	nuls := 0
	if k := bytes.IndexByte(d.Raw, 0); k >= 0 {
		nuls = bytes.Count(d.Raw[k:], []byte{0})
	}
	content, charset, err := decode.Decode(d.Raw, d.ContentType, html)
	if err != nil {
		return err
	}
	if nuls > 0 && !strings.HasPrefix(charset, "utf-16") {
		w := "a NUL byte was removed from the text"
		if nuls > 1 {
			w = fmt.Sprintf("%d NUL bytes were removed from the text", nuls)
		}
		d.Record.Warnings = append(d.Record.Warnings, w)
	}
	if strings.TrimSpace(content) == "" {
		if len(d.Raw) == 0 {
			return ErrEmpty
		}
		return fmt.Errorf("%w: only white space", ErrEmpty)
	}
	d.Content, d.Raw = content, nil
	return nil
}

// Detect sets the document's format from the input's hint or from its content.
func Detect(d *document.Document) error {
	f := d.FormatHint
	if f == "" {
		f = detect.Format(d.Content)
	}
	d.Record.Source.Format = f
	return nil
}

// Normalize splits the content into normalised blocks: the lines of a text, or the
// blocks of an HTML page together with the page's metadata.
func (s *Set) Normalize(d *document.Document) error {
	var blocks []document.Block
	if d.Record.Source.Format == detect.HTML {
		page, err := s.extractor.Extract(d.Content, d.Record.Source.URL)
		if err != nil {
			// A page the DOM parser refuses (nested thousands of levels deep, say) still
			// has text: fall back to its visible lines, and let the cleaner judge them.
			d.Record.Warnings = append(d.Record.Warnings, fmt.Sprintf("HTML structure not used (%v): the page was read as lines of text", err))
			for _, l := range repeats.HTMLLines(d.Content) {
				blocks = append(blocks, document.Block{Text: l})
			}
		} else {
			d.HTMLMeta = page.Meta
			blocks = page.Blocks
			for i := range blocks {
				blocks[i].Text = normalize.Line(blocks[i].Text)
			}
		}
	} else {
		for _, line := range normalize.Lines(d.Content) {
			blocks = append(blocks, document.Block{Text: line})
		}
	}
	d.Site = siteOf(d)
	kept := blocks[:0]
	for _, b := range blocks {
		if b.Text != "" {
			kept = append(kept, b)
		}
	}
	if len(kept) == 0 {
		return fmt.Errorf("%w: no visible text", ErrEmpty)
	}
	d.Blocks, d.Content = kept, ""
	return nil
}

// siteOf returns the site of a document whose content is read (see repeats.Site).
func siteOf(d *document.Document) string {
	page := ""
	if d.Record.Source.Format == detect.HTML {
		page = d.Content
	}
	return repeats.Site(d.Record.Source.URL, page, d.Record.Source.Path)
}

// Clean keeps the article's paragraphs as the record's text and lists the rest as removed.
// With an index of the batch's lines, body lines repeated on other pages of the same site
// are removed too.
func (s *Set) Clean(d *document.Document, idx *repeats.Index, review bool) error {
	res := s.cleaner.Clean(d.Blocks)
	paragraphs, removed := res.Paragraphs, res.Removed
	if idx != nil {
		var more []record.Removed
		paragraphs, more = idx.Filter(d.Site, paragraphs)
		removed = append(removed, more...)
	}
	d.Record.Text = strings.Join(paragraphs, "\n\n")
	d.Record.Removed = removed
	if review {
		d.Review = reviewLines(d.Blocks, paragraphs, removed)
	}
	d.TextMeta = res.Meta
	d.Blocks = nil
	return nil
}

// Metadata fills the record's metadata and language and sets the reference date, which
// falls back to published when the article's own date is unknown.
func (s *Set) Metadata(d *document.Document, published time.Time) error {
	m := metadata.Merge(d.HTMLMeta, d.TextMeta, d.Published, d.Record.Source.URL)
	r := &d.Record
	r.Title, r.Subtitle, r.Authors, r.Site, r.Published = m.Title, m.Subtitle, m.Authors, m.Site, m.Published
	r.Language = s.detector.Detect(r.Title + "\n" + r.Text)
	d.Reference = metadata.Reference(m.Published, published)
	return nil
}

// Entities finds the named entities of English and undetermined-language text; the model
// knows only English, so for other languages the record says that entities were skipped.
func (s *Set) Entities(d *document.Document) error {
	if d.Record.Language == "en" || d.Record.Language == language.Undetermined {
		d.Record.Entities = s.recognizer.Entities(d.Record.Text)
		return nil
	}
	d.Record.Warnings = append(d.Record.Warnings, fmt.Sprintf("entities not extracted: the entity model is English-only and the text is in %q", d.Record.Language))
	return nil
}

// Dates finds the temporal expressions of the text, resolved against the reference date.
func (s *Set) Dates(d *document.Document) error {
	d.Record.Dates = s.tagger.Tag(d.Record.Text, d.Reference)
	return nil
}

// IndexRepeats reads a batch once, decoding each document and splitting it into lines
// cheaply, and counts the lines of each site, for Options.Repeats. Documents that fail to
// decode are skipped here; the main run reports them.
func (s *Set) IndexRepeats(ctx context.Context, src pipeline.Source[*document.Document], workers int) (*repeats.Index, error) {
	idx := repeats.NewIndex(repeats.DefaultMinDocs)
	pages := func(ctx context.Context, emit func(*pageItem) error) error {
		return src(ctx, func(d *document.Document) error { return emit(&pageItem{Document: d}) })
	}
	// Hashing the lines happens in the workers; the sink, which runs alone, only counts.
	lines := func(_ context.Context, it *pageItem) error {
		d := it.Document
		if err := s.Decode(d); err != nil {
			return err
		}
		Detect(d)
		var ls []string
		if d.Record.Source.Format == detect.HTML {
			ls = repeats.HTMLLines(d.Content)
		} else {
			for _, l := range normalize.Lines(d.Content) {
				if l != "" {
					ls = append(ls, l)
				}
			}
		}
		it.page = repeats.NewPage(siteOf(d), ls)
		d.Content = ""
		return nil
	}
	sink := func(it *pageItem) error {
		if !it.Failed() {
			idx.AddPage(it.page)
		}
		return nil
	}
	st := []pipeline.Stage[*pageItem]{{Name: "lines", Workers: workers, Process: lines}}
	if _, err := pipeline.Run(ctx, pages, st, sink, pipeline.Options{}); err != nil {
		return nil, fmt.Errorf("count repeated lines: %w", err)
	}
	return idx, nil
}

// pageItem is a document of the repeats pre-pass with the page it gives the index.
type pageItem struct {
	*document.Document
	page repeats.Page
}

// reviewLines puts the kept paragraphs and the removed lines back into the order of the
// blocks they came from. Both lists keep block order, except lines removed for recurring
// across pages, which are found wherever they stand.
func reviewLines(blocks []document.Block, kept []string, removed []record.Removed) []document.Line {
	lines := make([]document.Line, 0, len(blocks))
	used := make([]bool, len(removed))
	k, r := 0, 0
	for _, b := range blocks {
		switch {
		case k < len(kept) && kept[k] == b.Text:
			lines = append(lines, document.Line{Text: b.Text})
			k++
			continue
		case r < len(removed) && removed[r].Text == b.Text:
			lines = append(lines, document.Line{Text: b.Text, Reason: removed[r].Reason})
			used[r] = true
			r++
			continue
		}
		reason := ""
		for i := r; i < len(removed); i++ {
			if !used[i] && removed[i].Text == b.Text {
				reason, used[i] = removed[i].Reason, true
				break
			}
		}
		if reason == "" {
			reason = "removed"
		}
		lines = append(lines, document.Line{Text: b.Text, Reason: reason})
	}
	return lines
}
