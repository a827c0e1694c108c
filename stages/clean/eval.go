package clean

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/newspipe/newspipe/internal/shingle"
)

// LoadPages reads the pages of an extraction set: every ID.txt (raw text) with its ID.truth.txt
// (human-marked body) in dir, sorted by name.
func LoadPages(dir string) ([]Page, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.truth.txt"))
	if err != nil {
		return nil, fmt.Errorf("list pages in %s: %w", dir, err)
	}
	sort.Strings(names)
	var pages []Page
	for _, tp := range names {
		id := strings.TrimSuffix(filepath.Base(tp), ".truth.txt")
		raw, err := os.ReadFile(filepath.Join(dir, id+".txt"))
		if err != nil {
			return nil, fmt.Errorf("read page %s: %w", id, err)
		}
		truth, err := os.ReadFile(tp)
		if err != nil {
			return nil, fmt.Errorf("read truth of %s: %w", id, err)
		}
		site := id
		if html, err := os.ReadFile(filepath.Join(dir, id+".html")); err == nil {
			if host := pageHost(html); host != "" {
				site = host
			}
		}
		pages = append(pages, Page{Name: id, Site: site, Blocks: SplitLines(string(raw)), Truth: string(truth)})
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("no *.truth.txt pages in %s", dir)
	}
	return pages, nil
}

// hostPattern finds the page's own address in its canonical link or Open Graph URL.
var hostPattern = regexp.MustCompile(`(?i)(?:rel=["']canonical["'][^>]*href|property=["']og:url["'][^>]*content)=["']https?://(?:www\.)?([^/"']+)`)

// pageHost returns the host name the page declares for itself, or "".
func pageHost(html []byte) string {
	if m := hostPattern.FindSubmatch(html); m != nil {
		return strings.ToLower(string(m[1]))
	}
	return ""
}

// Score cleans every page with c and scores the kept paragraphs against the truth with the
// extraction benchmark's metric; it also returns each page's score.
func Score(c *Cleaner, pages []Page) (shingle.Summary, []shingle.Page) {
	scores := make([]shingle.Page, len(pages))
	for i, p := range pages {
		res := c.Clean(p.Blocks)
		scores[i] = shingle.Score(strings.Join(res.Paragraphs, "\n"), p.Truth)
	}
	return shingle.Summarize(scores), scores
}

// CrossValidate trains on all pages but one fold and scores that fold, for each of k folds,
// and summarises the held-out scores of all pages. Pages of one site always share a fold, so
// every page is scored by a model that has not seen its site.
func CrossValidate(pages []Page, k int, opt TrainOptions) shingle.Summary {
	k = max(2, min(k, len(pages)))
	fold := map[string]int{}
	for _, p := range pages {
		if _, ok := fold[p.Site]; !ok {
			fold[p.Site] = len(fold) % k
		}
	}
	scores := make([]shingle.Page, 0, len(pages))
	for f := 0; f < k; f++ {
		var train, test []Page
		for _, p := range pages {
			if fold[p.Site] == f {
				test = append(test, p)
			} else {
				train = append(train, p)
			}
		}
		_, s := Score(NewWithModel(Train(train, opt)), test)
		scores = append(scores, s...)
	}
	return shingle.Summarize(scores)
}
