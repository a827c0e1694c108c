// Package metadata merges what the stages learned about an article (HTML head, the
// article's own lines, the input's fields) into one set of metadata and one reference date.
package metadata

import (
	"net/url"
	"strings"
	"time"

	"github.com/newspipe/newspipe/document"
)

// Merge returns the article's metadata. Each field comes from the first source that has
// it: the page's structured HTML metadata (JSON-LD, Open Graph, meta tags), then what the
// cleaner read from the article's lines (headline, byline), then the input's own
// published field; the site falls back to the host of pageURL. Published is normalised to
// ISO 8601 and dropped when it cannot be read as a date.
func Merge(fromHTML, fromText document.Metadata, inputPublished, pageURL string) document.Metadata {
	m := document.Metadata{
		Title:    first(fromHTML.Title, fromText.Title),
		Subtitle: first(fromHTML.Subtitle, fromText.Subtitle),
		Authors:  fromHTML.Authors,
		Site:     first(fromHTML.Site, fromText.Site, host(pageURL)),
	}
	if len(m.Authors) == 0 {
		m.Authors = fromText.Authors
	}
	for _, p := range []string{fromHTML.Published, fromText.Published, inputPublished} {
		if iso, ok := ISO(p); ok {
			m.Published = iso
			break
		}
	}
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

// layouts are the date forms accepted in metadata fields, most precise first.
var layouts = []struct {
	layout string
	out    string
}{
	{time.RFC3339Nano, time.RFC3339},
	{"2006-01-02T15:04:05Z0700", time.RFC3339},
	{"2006-01-02T15:04Z07:00", time.RFC3339},
	{"2006-01-02T15:04:05", "2006-01-02T15:04:05"},
	{"2006-01-02 15:04:05", "2006-01-02T15:04:05"},
	{"2006-01-02T15:04", "2006-01-02T15:04:05"},
	{"2006-01-02 15:04", "2006-01-02T15:04:05"},
	{"2006-01-02", "2006-01-02"},
	{time.RFC1123Z, time.RFC3339},
	{time.RFC1123, time.RFC3339},
}

// ISO normalises a date or date-time to ISO 8601: "2018-06-10", "2018-06-10T12:39:00", or
// with its zone offset when one was given. ok is false when s is not such a date.
func ISO(s string) (string, bool) {
	t, layout, ok := parse(s)
	if !ok {
		return "", false
	}
	return t.Format(layout), true
}

func parse(s string) (time.Time, string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, "", false
	}
	for _, l := range layouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			if t.Year() < 1000 || t.Year() > 9999 {
				return time.Time{}, "", false
			}
			if l.out == time.RFC3339 && t.Location() == time.UTC && !strings.HasSuffix(s, "Z") && !strings.Contains(s, "UTC") && !strings.Contains(s, "GMT") {
				return t, "2006-01-02T15:04:05", true
			}
			return t, l.out, true
		}
	}
	return time.Time{}, "", false
}

// Reference returns the date that relative expressions in the article are resolved
// against: the calendar day of published (in its own zone) or, when published is empty or
// unreadable, fallback (which may be zero: unknown).
func Reference(published string, fallback time.Time) time.Time {
	t, _, ok := parse(published)
	if !ok {
		return fallback
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
