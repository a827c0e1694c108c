// Package repeats finds the lines that recur across several documents of one site in a
// batch — menus, newsletter blurbs, disclaimers — which are chrome even when they look like
// prose.
//
// A batch is read twice: first every document's lines are added to an Index, then the
// clean stage asks the index how many documents of the same site hold each kept line.
// The counts depend only on the set of documents, never on their order or on the number
// of workers, so the output stays deterministic.
package repeats

import (
	"fmt"
	"hash/fnv"
	"net/url"
	"path/filepath"
	"strings"
	"unicode"

	"newspipe/record"
)

// DefaultMinDocs is how many documents of a site must hold a line for it to count as chrome.
// Two is too few: two stories of a batch can quote the same sentence.
const DefaultMinDocs = 3

// maxKeys bounds the memory of an index: past this many distinct lines, new lines are not
// counted (about 40 MB). Lines already counted keep counting.
const maxKeys = 2_000_000

// Index counts, per site, the number of documents that hold each line. Add is not safe
// for concurrent use; Count is, once adding is done.
type Index struct {
	minDocs int
	counts  map[key]int32
	docs    map[key]bool // sites' document fingerprints, so a document read twice counts once
}

type key struct {
	site string
	line uint64
}

// NewIndex returns an empty index that reports lines held by at least minDocs documents.
func NewIndex(minDocs int) *Index {
	if minDocs < 2 {
		minDocs = DefaultMinDocs
	}
	return &Index{minDocs: minDocs, counts: map[key]int32{}, docs: map[key]bool{}}
}

// Site names the group a document belongs to: the host of its URL without "www.", or
// else the folder its file is in.
func Site(pageURL, path string) string {
	if u, err := url.Parse(pageURL); err == nil && u.Host != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	if path == "" || path == "-" {
		return "-"
	}
	return "dir:" + filepath.Dir(path)
}

// fold returns the form of a line that is compared: lower case, letters and digits only,
// so that punctuation and spacing differences between pages do not matter.
func fold(line string) string {
	var b strings.Builder
	b.Grow(len(line))
	for _, r := range line {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case r == ' ' && b.Len() > 0:
			b.WriteByte(' ')
		}
	}
	return strings.TrimSpace(b.String())
}

func (x *Index) hash(line string) (uint64, bool) {
	f := fold(line)
	if f == "" {
		return 0, false
	}
	// A fixed hash, not a seeded one: the same line gets the same key in every run.
	h := fnv.New64a()
	h.Write([]byte(f))
	return h.Sum64(), true
}

// Add counts the distinct lines of one document of site. A document whose lines are
// exactly those of one already added (the same page read twice) is not counted again.
func (x *Index) Add(site string, lines []string) {
	seen := map[uint64]bool{}
	var fingerprint uint64
	for _, l := range lines {
		if h, ok := x.hash(l); ok && !seen[h] {
			seen[h] = true
			fingerprint ^= h*0x9e3779b97f4a7c15 + 1 // order-independent set fingerprint
		}
	}
	if len(seen) == 0 {
		return
	}
	fp := key{site, fingerprint}
	if x.docs[fp] {
		return
	}
	x.docs[fp] = true
	for h := range seen {
		k := key{site, h}
		if _, ok := x.counts[k]; !ok && len(x.counts) >= maxKeys {
			continue
		}
		x.counts[k]++
	}
}

// Count returns how many documents of site hold line, or 0 when fewer than the index's
// minimum do.
func (x *Index) Count(site, line string) int {
	if x == nil {
		return 0
	}
	h, ok := x.hash(line)
	if !ok {
		return 0
	}
	n := int(x.counts[key{site, h}])
	if n < x.minDocs {
		return 0
	}
	return n
}

// Filter moves the paragraphs that recur on other pages of site out of the body, each
// with the reason "repeated on N pages of this site". It leaves the body alone when such
// paragraphs would make up more than half of its text: the document is then most likely
// another copy or version of the same story, not a page full of chrome.
func (x *Index) Filter(site string, paragraphs []string) (kept []string, removed []record.Removed) {
	if x == nil || len(paragraphs) == 0 {
		return paragraphs, nil
	}
	counts := make([]int, len(paragraphs))
	total, repeated := 0, 0
	for i, p := range paragraphs {
		counts[i] = x.Count(site, p)
		total += len(p)
		if counts[i] > 0 {
			repeated += len(p)
		}
	}
	if repeated == 0 || 2*repeated > total {
		return paragraphs, nil
	}
	kept = make([]string, 0, len(paragraphs))
	for i, p := range paragraphs {
		if counts[i] > 0 {
			removed = append(removed, record.Removed{Text: p, Reason: fmt.Sprintf("repeated on %d pages of this site", counts[i])})
			continue
		}
		kept = append(kept, p)
	}
	return kept, removed
}
