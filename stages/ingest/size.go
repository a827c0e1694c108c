package ingest

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// InputSize returns the bytes that Read reads from paths (as stored, compressed or not),
// for a progress report, or 0 when standard input makes it unknown.
func InputSize(paths []string) int64 {
	var total int64
	for _, p := range paths {
		if p == "-" {
			return 0
		}
		info, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !info.IsDir() {
			total += info.Size()
			continue
		}
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				return nil
			case strings.HasPrefix(d.Name(), ".") && path != p:
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			case d.IsDir() || !readInWalk(d.Name()):
				return nil
			}
			if info, err := os.Stat(path); err == nil && !info.IsDir() {
				total += info.Size()
			}
			return nil
		})
	}
	return total
}
