//go:build !trafilatura

package extract

import "github.com/newspipe/newspipe/document"

// BaselineMeta returns ErrNoBaseline: this build leaves the unmodified go-trafilatura out.
func BaselineMeta(page string, pageURL string) (meta document.Metadata, canonical string, err error) {
	return document.Metadata{}, "", ErrNoBaseline
}
