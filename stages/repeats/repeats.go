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
	"math"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newspipe/newspipe/record"
)

// DefaultMinDocs is how many documents of a site must hold a line for it to count as chrome.
// Two is too few: two stories of a batch can quote the same sentence.
const DefaultMinDocs = 3

// maxKeys bounds the memory of an index: past this many distinct lines (or documents),
// new ones are not counted. A key is 8 bytes and a count 4, so with the map's overhead the
// index stays near 30 MB however large the batch; lines already counted keep counting.
const maxKeys = 1_000_000

// Index counts, per site, the number of documents that hold each line. Add is not safe
// for concurrent use; Count is, once adding is done.
type Index struct {
	minDocs int
	counts  map[uint64]int32    // hash of site and line -> documents holding it
	docs    map[uint64]struct{} // hash of site and document fingerprint, so a document read twice counts once
}

// NewIndex returns an empty index that reports lines held by at least minDocs documents.
func NewIndex(minDocs int) *Index {
	if minDocs < 2 {
		minDocs = DefaultMinDocs
	}
	return &Index{minDocs: minDocs, counts: map[uint64]int32{}, docs: map[uint64]struct{}{}}
}

// Site names the group a document belongs to: the host of its URL without "www.", else
// the host of the address the page declares for itself (page, the HTML source, may be
// ""; see DeclaredURL), else the folder its file is in. A folder stands for a site only
// for pages that carry no address at all: a folder of pages saved from many sites is not
// one site.
func Site(pageURL, page, path string) string {
	if h := host(pageURL); h != "" {
		return h
	}
	if h := host(DeclaredURL(page)); h != "" {
		return h
	}
	if path == "" || path == "-" {
		return "-"
	}
	return "dir:" + filepath.Dir(path)
}

// host returns the lower-cased host of an absolute URL without "www.", or "".
func host(pageURL string) string {
	if pageURL == "" {
		return ""
	}
	if u, err := url.Parse(pageURL); err == nil && u.Host != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return ""
}

// headLimit bounds how far into a page DeclaredURL looks: the address is in the head.
const headLimit = 64 << 10

// declaredPattern finds a canonical link or an Open Graph URL, attributes in either order.
var declaredPattern = regexp.MustCompile(`(?i)<(?:link[^>]*\brel\s*=\s*["']?canonical\b[^>]*\bhref|meta[^>]*\bproperty\s*=\s*["']?og:url\b[^>]*\bcontent)\s*=\s*["']?(https?://[^"'\s>]+)|<(?:link[^>]*\bhref\s*=\s*["']?(https?://[^"'\s>]+)[^>]*\brel\s*=\s*["']?canonical\b|meta[^>]*\bcontent\s*=\s*["']?(https?://[^"'\s>]+)[^>]*\bproperty\s*=\s*["']?og:url\b)`)

// DeclaredURL returns the absolute address an HTML page declares for itself in its head
// (<link rel=canonical>, <meta property=og:url>), or "".
func DeclaredURL(page string) string {
	page = page[:min(len(page), headLimit)]
	if i := strings.Index(page, "</head"); i >= 0 {
		page = page[:i]
	} else if i := strings.Index(page, "</HEAD"); i >= 0 {
		page = page[:i]
	}
	m := declaredPattern.FindStringSubmatch(page)
	for _, g := range m[min(1, len(m)):] {
		if g != "" {
			return g
		}
	}
	return ""
}

// hash returns the key of a line of a site, and false for a line with no letter or
// digit. Lines are compared folded: lower case, letters and digits only, words separated
// by spaces as in the line, so that punctuation differences between pages do not
// matter. The key is FNV-1a of the site, a zero byte and the folded line: a fixed hash,
// not a seeded one, so the same line gets the same key in every run. The folded form is
// hashed as it is produced, without building it.
func hash(site, line string) (uint64, bool) {
	return newSiteHash(site).line(line)
}

// siteHash is the hash state after a site's name and the zero byte, which all the lines
// of a page start from.
type siteHash uint64

const fnvPrime = 1099511628211

func newSiteHash(site string) siteHash {
	h := uint64(14695981039346656037)
	for i := 0; i < len(site); i++ {
		h = (h ^ uint64(site[i])) * fnvPrime
	}
	return siteHash(h * fnvPrime)
}

func (s siteHash) line(line string) (uint64, bool) {
	h := uint64(s)
	var buf [utf8.UTFMax]byte
	empty, spaces := true, 0
	for i := 0; i < len(line); {
		c := line[i]
		var folded []byte
		if c < utf8.RuneSelf {
			i++
			switch fc := asciiFold[c]; fc {
			case 0:
				continue
			case ' ':
				if !empty {
					spaces++
				}
				continue
			default:
				if spaces == 0 {
					h = (h ^ uint64(fc)) * fnvPrime
					empty = false
					continue
				}
				buf[0] = fc
				folded = buf[:1]
			}
		} else {
			r, size := utf8.DecodeRuneInString(line[i:])
			i += size
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				continue
			}
			folded = utf8.AppendRune(buf[:0], unicode.ToLower(r))
		}
		for ; spaces > 0; spaces-- {
			h = (h ^ ' ') * fnvPrime
		}
		for _, c := range folded {
			h = (h ^ uint64(c)) * fnvPrime
		}
		empty = false
	}
	return h, !empty
}

// asciiFold maps an ASCII byte to its folded form for hash: a lower-case letter or a
// digit, ' ' for a space, 0 for a byte that is skipped.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	t[' '] = ' '
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c, c
	}
	return t
}()

// Page is what an Index keeps of one document: the keys of its distinct lines. Computing
// it is the costly part of indexing and needs no index, so callers compute pages in
// parallel and add them one at a time.
type Page struct {
	keys        []uint64
	fingerprint uint64
}

// NewPage returns the page of a document of site with the given lines.
func NewPage(site string, lines []string) Page {
	var p Page
	sh := newSiteHash(site)
	p.keys = make([]uint64, 0, len(lines))
	for _, l := range lines {
		if h, ok := sh.line(l); ok {
			p.keys = append(p.keys, h)
		}
	}
	// Sorting finds the distinct keys faster than a map for a page's few dozen lines.
	slices.Sort(p.keys)
	p.keys = slices.Compact(p.keys)
	for _, h := range p.keys {
		p.fingerprint ^= h*0x9e3779b97f4a7c15 + 1 // order-independent set fingerprint
	}
	return p
}

// Keys returns the keys of the page's distinct lines, in increasing order, and
// Fingerprint the key of that set. They let the counting be spread over machines: the
// count of a key is the number of distinct fingerprints whose pages hold it (as AddPage
// counts), and SetCount gives it to an index.
func (p Page) Keys() []uint64 { return p.keys }

// Fingerprint identifies the page's set of lines (see Keys).
func (p Page) Fingerprint() uint64 { return p.fingerprint }

// SetCount sets the number of documents holding the line whose key is key (Page.Keys),
// for an index whose counts were made elsewhere.
func (x *Index) SetCount(key uint64, n int) { x.counts[key] = int32(min(n, math.MaxInt32)) }

// Add counts the distinct lines of one document of site. A document whose lines are
// exactly those of one already added (the same page read twice) is not counted again.
func (x *Index) Add(site string, lines []string) {
	x.AddPage(NewPage(site, lines))
}

// AddPage counts the lines of one page, unless a page with exactly the same lines was
// added before.
func (x *Index) AddPage(p Page) {
	if len(p.keys) == 0 {
		return
	}
	if _, dup := x.docs[p.fingerprint]; dup {
		return
	}
	if len(x.docs) < maxKeys {
		x.docs[p.fingerprint] = struct{}{}
	}
	for _, h := range p.keys {
		if _, ok := x.counts[h]; !ok && len(x.counts) >= maxKeys {
			continue
		}
		x.counts[h]++
	}
}

// Count returns how many documents of site hold line, or 0 when fewer than the index's
// minimum do.
func (x *Index) Count(site, line string) int {
	if x == nil {
		return 0
	}
	return x.count(newSiteHash(site), line)
}

func (x *Index) count(sh siteHash, line string) int {
	h, ok := sh.line(line)
	if !ok {
		return 0
	}
	n := int(x.counts[h])
	if n < x.minDocs {
		return 0
	}
	return n
}

// Filter moves the paragraphs that recur on other pages of site out of the body, each
// with the reason "repeated on N pages of this site", except lines that are the article's
// own content even when they recur (see ownContent). It leaves the body alone when such
// paragraphs would make up more than half of its text: the document is then most likely
// another copy or version of the same story, not a page full of chrome.
func (x *Index) Filter(site string, paragraphs []string) (kept []string, removed []record.Removed) {
	if x == nil || len(paragraphs) == 0 {
		return paragraphs, nil
	}
	counts := make([]int, len(paragraphs))
	total, repeated := 0, 0
	sh := newSiteHash(site)
	for i, p := range paragraphs {
		if !ownContent(p) {
			counts[i] = x.count(sh, p)
		}
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

// ownContent reports whether a line is article content however often it recurs on a
// site: a line of figures (a table row or cell, a score, a price) or a quotation. Pages
// of one site share such lines because they report on the same things, not because the
// lines are chrome.
func ownContent(line string) bool {
	letters, digits := 0, 0
	for _, r := range line {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		}
	}
	if digits > 0 && digits >= letters {
		return true
	}
	// A quotation opens with a quotation mark, whatever attribution follows it.
	first, _ := utf8.DecodeRuneInString(line)
	return strings.ContainsRune(`"“«„‘`, first)
}
