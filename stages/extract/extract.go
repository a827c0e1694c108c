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

// MaxTags is the most tags a page may have for its structure to be read. The parsed page
// and its blocks cost about 350 bytes a tag, and the GC's work grows with them: a page of
// 400,000 table cells or 300,000 links is not an article page, and its text is better read
// as lines (Extract refuses it with ErrTooManyTags) than at several hundred MB. News pages
// have at most a few tens of thousands of tags.
const MaxTags = 200_000

// ErrTooManyTags is returned by Extract for a page of more than MaxTags tags.
var ErrTooManyTags = errors.New("page too large to read its structure")

// countTags counts the "<" of page that start a tag (followed by a letter or "/"),
// outside scripts and styles. It overcounts only a "<" in a comment.
func countTags(page string) int {
	n := 0
	for i := 0; ; {
		j := strings.IndexByte(page[i:], '<')
		if j < 0 || i+j+1 >= len(page) {
			return n
		}
		i += j + 1
		if c := page[i]; c != '/' && !isASCIILetter(c) {
			continue
		}
		n++
		for _, raw := range []string{"script", "style"} {
			if len(page)-i > len(raw) && strings.EqualFold(page[i:i+len(raw)], raw) && !isASCIILetter(page[i+len(raw)]) {
				// The element's text runs to its end tag, whatever it holds.
				end := indexFold(page[i:], "</"+raw)
				if end < 0 {
					return n
				}
				i += end
			}
		}
	}
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// indexFold returns the index of the first instance of the lower-case ASCII sep in s,
// ignoring ASCII case, or -1.
func indexFold(s, sep string) int {
	for i := 0; i+len(sep) <= len(s); {
		j := strings.IndexByte(s[i:], sep[0])
		if j < 0 {
			return -1
		}
		i += j
		if i+len(sep) <= len(s) && strings.EqualFold(s[i:i+len(sep)], sep) {
			return i
		}
		i++
	}
	return -1
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
	if n := countTags(page); n > MaxTags {
		return Page{}, fmt.Errorf("%w: %d tags, more than %d", ErrTooManyTags, n, MaxTags)
	}
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return Page{}, fmt.Errorf("parse html %s: %w", pageURL, err)
	}
	if err := ctx.Err(); err != nil {
		return Page{}, err
	}
	// The blocks and the metadata are read first: the content extractor takes doc apart.
	raw := pageBlocks(doc)
	meta := readMetaAt(doc, pageURL)
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
