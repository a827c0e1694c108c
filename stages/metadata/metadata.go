// Package metadata merges what the stages learned about an article (HTML head, the
// article's own lines, the input's fields) into one set of metadata and one reference date.
package metadata

import (
	"net/url"
	"strings"
	"time"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/internal/pubdate"
)

// Merge returns the article's metadata. Each field comes from the first source that has
// it: the page's structured HTML metadata (JSON-LD, Open Graph, meta tags), then what the
// cleaner read from the article's lines (headline, byline), then the input's own
// published field (in any form pubdate reads: "June 10, 2018" too), then the page's
// modification date when nothing gives a publication date; the site falls back to
// the host of pageURL. Published is normalised to ISO 8601 and dropped when it cannot be
// read as a date. URL is the page's canonical URL, for inputs that gave none.
func Merge(fromHTML, fromText document.Metadata, inputPublished, pageURL string) document.Metadata {
	m := document.Metadata{
		Title:    first(fromHTML.Title, fromText.Title),
		Subtitle: first(fromHTML.Subtitle, fromText.Subtitle),
		Authors:  fromHTML.Authors,
		Site:     first(fromHTML.Site, fromText.Site, host(pageURL)),
		URL:      fromHTML.URL,
	}
	if len(m.Authors) == 0 {
		m.Authors = fromText.Authors
	}
	m.Authors = CleanAuthors(m.Authors, m.Site)
	// The page's modification date is no publication date: it stands for one only when
	// no source gives a publication date (the page shows "Updated March 13, 2024" and no
	// other date), as the date of the version read.
	for _, p := range []string{fromHTML.Published, fromText.Published, inputPublished, fromHTML.Updated, fromText.Updated} {
		if iso, ok := ISO(p); ok {
			m.Published = iso
			break
		}
	}
	m.Updated = first(fromHTML.Updated, fromText.Updated)
	return m
}

func first(values ...string) string {
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// host returns the host of a URL without a leading "www.".
func host(pageURL string) string {
	u, err := url.Parse(pageURL)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// ISO normalises a date or date-time to ISO 8601 with pubdate, the parser every source
// of metadata goes through: "2018-06-10", "2018-06-10T12:39:00", or with its zone offset
// when one was given. ok is false when s is not such a date.
func ISO(s string) (string, bool) {
	iso := pubdate.ISO(s)
	return iso, iso != ""
}

// Reference returns the date that relative expressions in the article are resolved
// against: the calendar day of published (in its own zone) or, when published is empty or
// unreadable, fallback (which may be zero: unknown).
func Reference(published string, fallback time.Time) time.Time {
	d, ok := pubdate.Parse(published)
	if !ok {
		return fallback
	}
	return d.LocalDay()
}
