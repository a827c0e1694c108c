// Package sharedtest finds the project's shared development data (../shared beside the
// repository root) for tests, and skips them cleanly where it is absent, as it is for users.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the repository root: the nearest folder above the working directory that
// holds go.mod. It skips the test when there is none.
func Root(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Skip("no working directory")
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("repository root not found")
		}
		dir = parent
	}
}

// Path returns ../shared/REL seen from the repository root, or skips the test when that
// path does not exist.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join(Root(tb), "..", "shared", rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared data absent (%s): tests that need it are skipped", p)
	}
	return p
}
