// Package extract splits an HTML page into its visible blocks, marks the blocks outside
// the article body with a reason, and reads the article's metadata from the page.
package extract

import (
	"context"
	"errors"
	"fmt"
	nurl "net/url"
	"strings"

	"golang.org/x/net/html"

	"github.com/newspipe/newspipe/document"
	content "github.com/newspipe/newspipe/internal/trafilatura"
)

// Extractor turns HTML pages into blocks and metadata; safe for concurrent use; build once per process.
type Extractor struct{}

// New returns an Extractor.
func New() *Extractor {
	return &Extractor{}
}

// Page is what the extractor found in one HTML page.
type Page struct {
	Blocks []document.Block // every visible block in page order; Outside says why a block is not article body
	Meta   document.Metadata
}

// Extract splits the UTF-8 HTML page into blocks, marks the blocks that are not article
// body, and reads the page's metadata. pageURL may be empty.
func (e *Extractor) Extract(page string, pageURL string) (Page, error) {
	return e.ExtractContext(context.Background(), page, pageURL)
}

// ExtractContext is Extract, checking ctx between its passes over the page: it returns
// ctx's error once ctx ends.
func (e *Extractor) ExtractContext(ctx context.Context, page string, pageURL string) (p Page, err error) {
	defer func() {
		// The HTML libraries below are not ours; a bad page must fail alone.
		if r := recover(); r != nil {
			p, err = Page{}, fmt.Errorf("extract %s: internal error: %v", pageURL, r)
		}
	}()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return Page{}, fmt.Errorf("parse html %s: %w", pageURL, err)
	}
	if err := ctx.Err(); err != nil {
		return Page{}, err
	}
	// The blocks and the metadata are read first: the content extractor takes doc apart.
	raw := pageBlocks(doc)
	meta := readMeta(doc)
	if err := ctx.Err(); err != nil {
		return Page{}, err
	}
	body := e.content(doc, page, pageURL)
	if err := ctx.Err(); err != nil {
		return Page{}, err
	}
	blocks := mark(raw, body)
	if err := ctx.Err(); err != nil {
		return Page{}, err
	}
	markHeadline(blocks, meta.Title)
	markTeasers(blocks)
	markBareURLs(blocks)
	markLinkLines(blocks)
	if isExcerpt(meta.Subtitle, blocks) {
		meta.Subtitle = ""
	}
	return Page{Blocks: blocks, Meta: meta}, nil
}

// content returns the article content that trafilatura finds in doc, or nil when it
// finds none. It takes doc apart: trafilatura works on doc itself rather than on a
// copy, and parses page again in the rare case that it needs the untouched page. It is
// the copy of go-trafilatura in internal/trafilatura, which finds the same content
// without the work whose results are not used here (see its README).
func (e *Extractor) content(doc *html.Node, page, pageURL string) *html.Node {
	var opts content.Options
	if u, err := nurl.Parse(pageURL); err == nil && u.IsAbs() {
		opts.OriginalURL = u
	}
	original := func() *html.Node {
		d, err := html.Parse(strings.NewReader(page))
		if err != nil { // page parsed once already, so this does not happen
			return &html.Node{Type: html.DocumentNode}
		}
		return d
	}
	return content.ContentOf(doc, original, opts)
}

// ErrNoBaseline is returned by Baseline in a build without the "trafilatura" tag.
// The unmodified go-trafilatura is only a yardstick, and its dependencies take about a
// quarter of a second and 80 MB of allocations to initialise, which every newspipe process
// would pay; make bench and make eval build it in.
var ErrNoBaseline = errors.New("the go-trafilatura baseline is not built in: build with -tags trafilatura (make bench and make eval do)")
