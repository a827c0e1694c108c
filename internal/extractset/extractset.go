// Package extractset reads the article-extraction data sets: folders of pages, each with
// its raw HTML (ID.html or ID.html.gz), its visible text (ID.txt), the human-marked article
// body (ID.truth.txt) and, optionally, gold metadata (ID.meta.json).
package extractset

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Page is one page of a set. HTML and Text are read on demand by Load.
type Page struct {
	Set      string // the folder's base name
	ID       string
	Dir      string
	URL      string // the page's address from ID.meta.json, or ""
	PageType string // WCXB's page type ("article", "forum", ...), or ""
	Truth    string
}

// List returns the pages of the set in dir (those with an ID.truth.txt), sorted by ID,
// with their truth and metadata read.
func List(dir string) ([]Page, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.truth.txt"))
	if err != nil {
		return nil, fmt.Errorf("list pages in %s: %w", dir, err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no ID.truth.txt pages in %s", dir)
	}
	sort.Strings(names)
	set := filepath.Base(filepath.Clean(dir))
	pages := make([]Page, 0, len(names))
	for _, name := range names {
		id := strings.TrimSuffix(filepath.Base(name), ".truth.txt")
		truth, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("read truth of %s: %w", id, err)
		}
		p := Page{Set: set, ID: id, Dir: dir, Truth: string(truth)}
		if meta, err := os.ReadFile(filepath.Join(dir, id+".meta.json")); err == nil {
			var m struct {
				URL      string `json:"url"`
				PageType string `json:"page_type"`
			}
			if err := json.Unmarshal(meta, &m); err != nil {
				return nil, fmt.Errorf("read metadata of %s: %w", id, err)
			}
			p.URL, p.PageType = m.URL, m.PageType
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("read metadata of %s: %w", id, err)
		}
		pages = append(pages, p)
	}
	return pages, nil
}

// Text returns the page's visible text (ID.txt).
func (p Page) Text() ([]byte, error) {
	b, err := os.ReadFile(filepath.Join(p.Dir, p.ID+".txt"))
	if err != nil {
		return nil, fmt.Errorf("read text of %s: %w", p.ID, err)
	}
	return b, nil
}

// HTML returns the page's raw bytes, from ID.html or, gunzipped, ID.html.gz.
func (p Page) HTML() ([]byte, error) {
	b, err := os.ReadFile(filepath.Join(p.Dir, p.ID+".html"))
	if err == nil || !errors.Is(err, fs.ErrNotExist) {
		if err != nil {
			return nil, fmt.Errorf("read html of %s: %w", p.ID, err)
		}
		return b, nil
	}
	gz, err := os.ReadFile(filepath.Join(p.Dir, p.ID+".html.gz"))
	if err != nil {
		return nil, fmt.Errorf("read html of %s: %w", p.ID, err)
	}
	r, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("read html of %s: %w", p.ID, err)
	}
	b, err = io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read html of %s: %w", p.ID, err)
	}
	return b, nil
}

// Site returns the group of pages that belong to one web site, for cross-validation: the
// host of the page's URL, else the host its HTML declares (canonical link, og:url), else
// the set and ID, so that a page of unknown site forms a group of its own.
func (p Page) Site() string {
	if u, err := url.Parse(p.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	if b, err := p.HTML(); err == nil {
		if m := hostPattern.FindSubmatch(b); m != nil {
			return strings.ToLower(string(m[1]))
		}
	}
	return p.Set + "/" + p.ID
}

// hostPattern finds the page's own address in its canonical link or Open Graph URL.
var hostPattern = regexp.MustCompile(`(?i)(?:rel=["']canonical["'][^>]*href|property=["']og:url["'][^>]*content)=["']https?://(?:www\.)?([^/"':]+)`)
