package stages

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/record"
	"github.com/newspipe/newspipe/stages/decode"
	"github.com/newspipe/newspipe/stages/detect"
	"github.com/newspipe/newspipe/stages/extract"
	"github.com/newspipe/newspipe/stages/language"
	"github.com/newspipe/newspipe/stages/metadata"
	"github.com/newspipe/newspipe/stages/normalize"
	"github.com/newspipe/newspipe/stages/repeats"
)

// Decode turns the raw bytes into UTF-8 text (see decode.Decode) and tells the format
// from the input's hint or from the content.
func Decode(_ context.Context, d *document.Document) (*Decoded, error) {
	html := d.FormatHint == detect.HTML || d.FormatHint == "" && detect.Format(string(d.Raw[:min(len(d.Raw), 8192)])) == detect.HTML
	// Decode fails on NUL bytes unless they are stray ones in text, which the text loses.
	nuls := 0
	if k := bytes.IndexByte(d.Raw, 0); k >= 0 {
		nuls = bytes.Count(d.Raw[k:], []byte{0})
	}
	content, charset, err := decode.Decode(d.Raw, d.ContentType, html)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(content) == "" {
		if len(d.Raw) == 0 {
			return nil, ErrEmpty
		}
		return nil, fmt.Errorf("%w: only white space", ErrEmpty)
	}
	out := &Decoded{Record: d.Record, Content: content, Published: d.Published, Fetched: d.Fetched}
	if w := decode.ReplacedWarning(d.Raw, charset); w != "" {
		out.Record.Warnings = append(out.Record.Warnings, w)
	}
	if nuls > 0 && !strings.HasPrefix(charset, "utf-16") {
		w := "a NUL byte was removed from the text"
		if nuls > 1 {
			w = fmt.Sprintf("%d NUL bytes were removed from the text", nuls)
		}
		out.Record.Warnings = append(out.Record.Warnings, w)
	}
	out.Record.Source.Format = d.FormatHint
	if out.Record.Source.Format == "" {
		out.Record.Source.Format = detect.Format(content)
	}
	return out, nil
}

// Parse splits the content into normalised blocks: the lines of a text, or the blocks
// of an HTML page, which the extractor marks as inside or outside the article body,
// together with the page's metadata.
func (m *Models) Parse(ctx context.Context, d *Decoded) (*Parsed, error) {
	out := &Parsed{Record: d.Record, Published: d.Published, Fetched: d.Fetched, Site: siteOf(d)}
	var blocks []document.Block
	if d.Record.Source.Format == detect.HTML {
		var err error
		if blocks, err = m.htmlBlocks(ctx, d.Content, out); err != nil {
			return nil, err
		}
		if !hasText(blocks) {
			// A page that shows no text may hide it from the parser: read it again
			// as a reader without scripts sees it.
			for _, r := range extract.Unhide(d.Content) {
				again := &Parsed{Record: out.Record}
				again.Record.Warnings = slices.Clip(again.Record.Warnings)
				b, err := m.htmlBlocks(ctx, r.Page, again)
				if err != nil {
					return nil, err
				}
				if hasText(b) {
					blocks, out.Record, out.HTMLMeta = b, again.Record, again.HTMLMeta
					out.Record.Warnings = append(out.Record.Warnings, "the page showed no text ("+r.Change+"): it was read as a reader without scripts sees it")
					break
				}
			}
		}
	} else {
		var w string
		if blocks, w = lineBlocks(normalize.Lines(d.Content), MaxBlocks); w != "" {
			out.Record.Warnings = append(out.Record.Warnings, w)
		}
	}
	kept := blocks[:0]
	for _, b := range blocks {
		if b.Text != "" {
			kept = append(kept, b)
		}
	}
	if len(kept) == 0 {
		return nil, &NoTextError{Meta: out.HTMLMeta, Published: d.Published}
	}
	out.Blocks = kept
	return out, nil
}

// htmlBlocks returns the blocks of an HTML page, and sets out's page metadata; a page
// the DOM parser refuses is read as lines of text, with a warning in out's record.
func (m *Models) htmlBlocks(ctx context.Context, content string, out *Parsed) ([]document.Block, error) {
	page, err := m.extractor.ExtractContext(ctx, content, out.Record.Source.URL)
	switch {
	case ctx.Err() != nil:
		return nil, ctx.Err()
	case err != nil:
		// A page the DOM parser refuses (nested thousands of levels deep, say) still
		// has text: fall back to its visible lines, and let the cleaner judge them.
		out.Record.Warnings = append(out.Record.Warnings, fmt.Sprintf("HTML structure not used (%v): the page was read as lines of text", err))
		blocks, w := lineBlocks(repeats.HTMLLines(content), MaxBlocks)
		if w != "" {
			out.Record.Warnings = append(out.Record.Warnings, w)
		}
		return blocks, nil
	}
	out.HTMLMeta = page.Meta
	for i := range page.Blocks {
		page.Blocks[i].Text = normalize.Line(page.Blocks[i].Text)
	}
	return page.Blocks, nil
}

// hasText reports whether any block has text.
func hasText(blocks []document.Block) bool {
	for _, b := range blocks {
		if b.Text != "" {
			return true
		}
	}
	return false
}

// siteOf returns the site of a decoded document (see repeats.Site): the host of its URL,
// else the host the page declares, else its folder.
func siteOf(d *Decoded) string {
	page := ""
	if d.Record.Source.Format == detect.HTML {
		page = d.Content
	}
	return repeats.Site(d.Record.Source.URL, page, d.Record.Source.Path)
}

// Clean keeps the article's paragraphs as the record's text and lists the rest as removed.
// With an index of the batch's lines, body lines repeated on other pages of the same site
// are removed too.
func (m *Models) Clean(ctx context.Context, p *Parsed, idx *repeats.Index, review bool) (*Cleaned, error) {
	res, err := m.cleaner.CleanTitled(ctx, p.Blocks, p.HTMLMeta.Title)
	if err != nil {
		return nil, err
	}
	paragraphs, removed := res.Paragraphs, res.Removed
	if idx != nil {
		var more []record.Removed
		paragraphs, more = idx.Filter(p.Site, paragraphs)
		removed = append(removed, more...)
	}
	out := &Cleaned{Record: p.Record, Published: p.Published, Fetched: p.Fetched, HTMLMeta: p.HTMLMeta, TextMeta: res.Meta}
	out.Record.Text = strings.Join(paragraphs, "\n\n")
	out.Record.Removed = removed
	if out.Record.Text == "" {
		// Every line went: the record is whole (each line is in removed with its reason),
		// but a reader filtering on text should not take it for an article.
		out.Record.Warnings = append(out.Record.Warnings, noArticleText)
	}
	if review {
		out.Review = reviewLines(p.Blocks, paragraphs, removed)
	}
	return out, nil
}

// noArticleText is the warning of a record whose every line was removed.
const noArticleText = "no article text: every line was removed (see removed for the reasons)"

// Describe fills the record's metadata and language and sets the reference date, which
// falls back to published when the article's own date is unknown.
func (m *Models) Describe(_ context.Context, c *Cleaned, published time.Time) (*Described, error) {
	// A page's bylines are read from its markup, where a learned choice may name nobody
	// (stages/extract); the byline rules of raw text would second-guess it with lines
	// such as "Open Today" or "St. Thomas".
	text := c.TextMeta
	if c.Record.Source.Format == "html" {
		text.Authors = nil
	}
	meta := metadata.Merge(c.HTMLMeta, text, c.Published, c.Record.Source.URL)
	out := &Described{Record: c.Record, Review: c.Review}
	r := &out.Record
	r.Title, r.Subtitle, r.Authors, r.Site, r.Published = meta.Title, meta.Subtitle, meta.Authors, meta.Site, meta.Published
	if r.Source.URL == "" {
		r.Source.URL = meta.URL // the page's canonical URL
	}
	r.Language = m.detector.Detect(r.Title + "\n" + r.Text)
	if !c.Fetched.IsZero() {
		// A crawled page without a date of its own is about the day it was fetched.
		published = time.Date(c.Fetched.Year(), c.Fetched.Month(), c.Fetched.Day(), 0, 0, 0, 0, time.UTC)
	}
	out.Reference = metadata.Reference(meta.Published, published)
	return out, nil
}

// Entities finds the named entities of English and undetermined-language text; the model
// knows only English, so for other languages the record says that entities were skipped.
func (m *Models) Entities(ctx context.Context, d *Described) (*Described, error) {
	out := *d
	if d.Record.Language != "en" && d.Record.Language != language.Undetermined {
		out.Record.Warnings = append(out.Record.Warnings, fmt.Sprintf("entities not extracted: the entity model is English-only and the text is in %q", d.Record.Language))
		return &out, nil
	}
	ents, err := m.recognizer.EntitiesContext(ctx, d.Record.Text)
	if err != nil {
		return nil, err
	}
	out.Record.Entities = ents
	return &out, nil
}

// Dates finds the temporal expressions of English and undetermined-language text, resolved
// against the reference date; the rules know only English month and weekday names and
// number forms ("scala 1:24" is no time of day), so for other languages the record says
// that dates were skipped.
func (m *Models) Dates(ctx context.Context, d *Described) (*Annotated, error) {
	out := &Annotated{Record: d.Record, Review: d.Review}
	if lang := d.Record.Language; lang != "en" && lang != language.Undetermined {
		out.Record.Warnings = append(out.Record.Warnings, fmt.Sprintf("dates not tagged: the date rules are English-only and the text is in %q", lang))
		return out, nil
	}
	found, err := m.tagger.TagContext(ctx, d.Record.Text, d.Reference)
	if err != nil {
		return nil, err
	}
	out.Record.Dates = found
	return out, nil
}

// Encode encodes the record as one line of JSON Lines.
func Encode(_ context.Context, a *Annotated) (*Annotated, error) {
	b, err := a.Record.MarshalJSON()
	if err != nil {
		return nil, fmt.Errorf("encode record %s: %w", a.Record.ID, err)
	}
	out := *a
	out.JSON = b
	return &out, nil
}
