package ingest

import "os"

// Rereadable reports whether every path can be read a second time with the same
// content, as the site-repeats pre-pass reads the inputs once before the run reads them
// again: not standard input ("-"), and no named pipe or device, such as the /dev/fd/N
// of a shell's process substitution (`newspipe run <(zcat dump.gz)`), whose bytes the
// first reading consumes. Folders count as rereadable: a walk opens only regular files.
// A path that does not exist counts too, as both readings give it the same error record.
func Rereadable(paths []string) bool {
	for _, p := range paths {
		if p == "-" {
			return false
		}
		info, err := os.Stat(p)
		if err == nil && !info.Mode().IsRegular() && !info.IsDir() {
			return false
		}
	}
	return true
}
