package cli

import (
	"os"
	"runtime/debug"
)

// DefaultMemoryLimit is the soft memory limit of a run unless GOMEMLIMIT sets another.
const DefaultMemoryLimit = 224 << 20

// ApplyMemoryLimit sets the default soft memory limit unless GOMEMLIMIT sets one. Without
// a limit the collector lets the heap grow to twice the live data; with it, a long batch's
// memory stays near what it really holds.
func ApplyMemoryLimit() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(DefaultMemoryLimit)
	}
}
