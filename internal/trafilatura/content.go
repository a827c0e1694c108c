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
	if opts.Config == nil {
		opts.Config = DefaultConfig()
	}
	cache := lru.NewCache(opts.Config.CacheSize)

	work := dom.Clone(doc, true)
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
		postBody, text = baseline(dom.Clone(doc, true))
	}
	// Upstream gives up when both text and comments are short; there are no comments here.
	if utf8.RuneCountInString(text) < opts.Config.MinOutputSize && 0 < opts.Config.MinOutputCommentSize {
		return nil
	}
	postCleaning(postBody)
	return postBody
}
