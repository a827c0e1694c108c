//go:build trafilatura

package extract

import (
	"fmt"
	nurl "net/url"
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/newspipe/newspipe/document"
)

// BaselineMeta returns go-trafilatura's own metadata of a page (title, authors, site,
// publication date) and the page's URL as it reads it, for side-by-side evaluation.
func BaselineMeta(page string, pageURL string) (meta document.Metadata, canonical string, err error) {
	defer func() {
		if r := recover(); r != nil {
			meta, canonical, err = document.Metadata{}, "", fmt.Errorf("baseline %s: internal error: %v", pageURL, r)
		}
	}()
	opts := trafilatura.Options{ExcludeComments: true}
	if u, err := nurl.Parse(pageURL); err == nil && u.IsAbs() {
		opts.OriginalURL = u
	}
	res, err := trafilatura.Extract(strings.NewReader(page), opts)
	if err != nil {
		return document.Metadata{}, "", fmt.Errorf("baseline %s: %w", pageURL, err)
	}
	m := res.Metadata
	meta = document.Metadata{Title: m.Title, Site: m.Sitename}
	for _, a := range strings.Split(m.Author, ";") {
		if a = strings.TrimSpace(a); a != "" {
			meta.Authors = append(meta.Authors, a)
		}
	}
	if !m.Date.IsZero() {
		meta.Published = m.Date.Format("2006-01-02")
	}
	return meta, m.URL, nil
}
