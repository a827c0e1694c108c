//go:build trafilatura

package extract

import (
	"fmt"
	nurl "net/url"
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"
)

// HasBaseline reports whether this build has the go-trafilatura baseline.
const HasBaseline = true

// Baseline returns go-trafilatura's own extracted text alone, for side-by-side evaluation.
func Baseline(page string, pageURL string) (text string, err error) {
	defer func() {
		if r := recover(); r != nil {
			text, err = "", fmt.Errorf("baseline %s: internal error: %v", pageURL, r)
		}
	}()
	opts := trafilatura.Options{ExcludeComments: true}
	if u, err := nurl.Parse(pageURL); err == nil && u.IsAbs() {
		opts.OriginalURL = u
	}
	res, err := trafilatura.Extract(strings.NewReader(page), opts)
	if err != nil {
		return "", fmt.Errorf("baseline %s: %w", pageURL, err)
	}
	return res.ContentText, nil
}
