package output

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// OptionsPath returns the file that holds the options an output was made with: beside
// an output file, ".NAME.options"; in an output folder, ".options".
func OptionsPath(out string, isDir bool) string {
	if isDir {
		return filepath.Join(out, ".options")
	}
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".options")
}

// ErrOptionsDiffer is wrapped by CheckOptions' error when an earlier output was made with
// options that change records.
var ErrOptionsDiffer = errors.New("the earlier output was made with other options")

// CheckOptions compares the options that change records (one "name=value" per line) with
// those stored at path by an earlier run. No stored options (a new output) is no conflict.
func CheckOptions(path string, options []byte) error {
	old, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read options of the earlier output: %w", err)
	}
	if bytes.Equal(old, options) {
		return nil
	}
	return fmt.Errorf("%w (%s), not %s: resuming would mix records of both; run without --resume to start again",
		ErrOptionsDiffer, bytes.ReplaceAll(bytes.TrimSpace(old), []byte("\n"), []byte(", ")),
		bytes.ReplaceAll(bytes.TrimSpace(options), []byte("\n"), []byte(", ")))
}

// WriteOptions stores the options an output is made with, for CheckOptions.
func WriteOptions(path string, options []byte) error { return WriteFileAtomic(path, options) }
