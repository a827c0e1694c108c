//go:build !trafilatura

package extract

// HasBaseline reports whether this build has the go-trafilatura baseline.
const HasBaseline = false

// Baseline returns ErrNoBaseline: this build leaves the unmodified go-trafilatura out.
func Baseline(page string, pageURL string) (text string, err error) {
	return "", ErrNoBaseline
}
