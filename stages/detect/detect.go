// Package detect tells HTML pages from plain text by their content.
package detect

import (
	"strings"
)

// Formats a document can have.
const (
	Text = "text"
	HTML = "html"
)

// htmlStarts are element names that an HTML document or fragment begins with.
var htmlStarts = []string{
	"!doctype html", "html", "head", "body", "meta", "title", "link", "script", "style",
	"div", "p>", "p ", "article", "section", "main", "header", "nav", "table", "span", "h1", "h2",
}

// Format returns HTML when content looks like an HTML page or fragment and Text otherwise.
// It looks at how the content begins (a doctype, <html>, or a common element, after
// whitespace, an XML declaration and comments) and, failing that, for <html>, <body> or
// several paragraph tags in its first 8 KB.
func Format(content string) string {
	head := strings.ToLower(content[:min(len(content), 8192)])
	s := strings.TrimLeft(head, " \t\r\n\ufeff")
	for {
		switch {
		case strings.HasPrefix(s, "<?xml"):
			s = skipPast(s, "?>")
			continue
		case strings.HasPrefix(s, "<!--"):
			s = skipPast(s, "-->")
			continue
		}
		break
	}
	if strings.HasPrefix(s, "<") {
		for _, name := range htmlStarts {
			if strings.HasPrefix(s[1:], name) {
				return HTML
			}
		}
	}
	if strings.Contains(head, "<html") || strings.Contains(head, "<body") ||
		strings.Count(head, "<p>")+strings.Count(head, "<p ")+strings.Count(head, "<br") >= 3 {
		return HTML
	}
	return Text
}

func skipPast(s, marker string) string {
	i := strings.Index(s, marker)
	if i < 0 {
		return ""
	}
	return strings.TrimLeft(s[i+len(marker):], " \t\r\n")
}
