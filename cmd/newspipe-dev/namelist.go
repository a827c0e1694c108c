package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// writeNameList writes to out, one a line and sorted, the names of the gazetteer lists
// files of dir (grobid's lexicon), lower-cased, of two letters or more and letters only:
// the lists internal/personnames embeds.
func writeNameList(dir string, files []string, out string) error {
	seen := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			return fmt.Errorf("name list %s: %w", out, err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			n := strings.ToLower(strings.TrimSpace(line))
			if utf8.RuneCountInString(n) >= 2 && strings.IndexFunc(n, func(r rune) bool { return !unicode.IsLetter(r) }) < 0 {
				seen[n] = true
			}
		}
	}
	if err := writeSortedSet(out, seen); err != nil {
		return fmt.Errorf("name list: %w", err)
	}
	return nil
}

// writeSortedSet writes the words of set to out, one a line and sorted, so that a list
// derived twice from the same sources comes out byte-identical.
func writeSortedSet(out string, set map[string]bool) error {
	words := make([]string, 0, len(set))
	for w := range set {
		words = append(words, w)
	}
	sort.Strings(words)
	return os.WriteFile(out, []byte(strings.Join(words, "\n")+"\n"), 0o644)
}
