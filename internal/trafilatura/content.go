// Package trafilatura finds the main content of a web page. It is a trimmed copy of
// github.com/markusmobius/go-trafilatura v1.12.2 (Apache License 2.0, see LICENSE and
// README.md) whose one entry point, Content, skips the work newspipe does not use.
package trafilatura

import (
	"unicode/utf8"

	"github.com/andybalholm/cascadia"
	"github.com/go-shiori/dom"
	"golang.org/x/net/html"

	"github.com/newspipe/newspipe/internal/trafilatura/internal/lru"
	"github.com/newspipe/newspipe/internal/trafilatura/internal/selector"
)

// Content returns the main content of doc as go-trafilatura's ExtractDocument finds
// it, or nil when there is too little. It leaves doc as it was.
//
// It skips the work of ExtractDocument whose results newspipe does not use: metadata,
// comments, language detection (newspipe detects the language itself) and the two
// backup copies of the page (the one the rescue needs is made only when it runs).
func Content(doc *html.Node, opts Options) *html.Node {
	return ContentOf(dom.Clone(doc, true), func() *html.Node { return dom.Clone(doc, true) }, opts)
}

// ContentOf is Content for a page the caller gives away: it finds the content in work
// itself, taking work apart, where Content finds it in a copy of the page. For a page of
// a million elements the copy is a hundred megabytes. original returns the page as it
// was, for the rescue that extracts from the untouched page; it is called at most once,
// and only when the content found is short.
func ContentOf(work *html.Node, original func() *html.Node, opts Options) *html.Node {
	if opts.Config == nil {
		opts.Config = DefaultConfig()
	}
	cache := lru.NewCache(opts.Config.CacheSize)

	// Upstream extracts from a dom.Clone of the page, which leaves out the namespace of
	// <svg> and <math> elements; so does this.
	clearNamespaces(work)
	if opts.PruneSelector != "" {
		if sel, err := cascadia.ParseGroup(opts.PruneSelector); err == nil {
			removeUnwantedNodes(work, []selector.Rule{sel.Match})
		}
	}
	docCleaning(work, opts)
	convertTags(work, opts)
	if opts.Focus == FavorPrecision {
		removeUnwantedNodes(work, selector.RemovedComments)
	}
	postBody, text := extractContent(work, cache, opts)

	// Rescue: try the original, dirty tree.
	if utf8.RuneCountInString(text) < opts.Config.MinExtractedSize && opts.Focus != FavorPrecision {
		work = nil // the rescue does not use it: let it go before the page is made again
		postBody, text = baseline(original())
	}
	// Upstream gives up when both text and comments are short; there are no comments here.
	if utf8.RuneCountInString(text) < opts.Config.MinOutputSize && 0 < opts.Config.MinOutputCommentSize {
		return nil
	}
	postCleaning(postBody)
	return postBody
}

// clearNamespaces sets the namespace of every node of tree to "", as in a dom.Clone of it.
func clearNamespaces(tree *html.Node) {
	tree.Namespace = ""
	for c := tree.FirstChild; c != nil; c = c.NextSibling {
		clearNamespaces(c)
	}
}
