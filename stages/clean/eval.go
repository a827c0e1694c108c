package clean

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/newspipe/newspipe/internal/extractset"
	"github.com/newspipe/newspipe/internal/shingle"
)

// LoadPages reads the pages of extraction sets (see internal/extractset): every page's
// visible text (ID.txt), split into lines exactly as the pipeline serves raw text to the
// cleaner, with its human-marked body (ID.truth.txt), in the order of dirs and then by ID.
// A page's Site is its URL's host, else the host its HTML declares, else its own set and ID.
func LoadPages(dirs ...string) ([]Page, error) {
	var pages []Page
	for _, dir := range dirs {
		list, err := extractset.List(dir)
		if err != nil {
			return nil, err
		}
		for _, p := range list {
			raw, err := p.Text()
			if err != nil {
				return nil, err
			}
			pages = append(pages, Page{Name: p.Set + "/" + p.ID, Site: p.Site(), Type: p.PageType, Blocks: SplitLines(string(raw)), Truth: p.Truth})
		}
	}
	return pages, nil
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
// and summarises the held-out scores of all pages; it also returns each page's held-out
// score, in the order of pages. Pages of one site always share a fold, so every page is
// scored by a model that has not seen its site. Sites are dealt to folds in order of first
// appearance, so the folds, like the training, are the same in every run.
func CrossValidate(pages []Page, k int, opt TrainOptions) (shingle.Summary, []shingle.Page) {
	k = max(2, min(k, len(pages)))
	fold := map[string]int{}
	for _, p := range pages {
		if _, ok := fold[p.Site]; !ok {
			fold[p.Site] = len(fold) % k
		}
	}
	scores := make([]shingle.Page, len(pages))
	for f := 0; f < k; f++ {
		var train, test []Page
		var at []int
		for i, p := range pages {
			if fold[p.Site] == f {
				test = append(test, p)
				at = append(at, i)
			} else {
				train = append(train, p)
			}
		}
		_, s := Score(NewWithModel(Train(train, opt)), test)
		for j, i := range at {
			scores[i] = s[j]
		}
	}
	return shingle.Summarize(scores), scores
}

// ReasonWords counts the words of the lines of one set that went for one reason, or
// were kept (Reason ""), split by whether the human-marked body holds the line (see
// Page.Labels): where the article's words are lost, and what chrome is kept.
type ReasonWords struct {
	Set, Reason   string
	Gold, NotGold int
}

// Reasons cleans every page with c and counts its lines' words by set (the part of the
// page's Name before "/") and by the reason each line went. The counts come set by set
// in the order of pages, and inside a set by gold words, most first.
func Reasons(c *Cleaner, pages []Page) []ReasonWords {
	var out []ReasonWords
	at := map[[2]string]int{}
	var sets []string
	for _, p := range pages {
		blocks, reasons, _, _ := c.decide(context.Background(), p.Blocks, "") // fails only when its context ends
		labels := Page{Blocks: blocks, Truth: p.Truth}.Labels()
		set, _, _ := strings.Cut(p.Name, "/")
		for i, b := range blocks {
			key := [2]string{set, reasons[i]}
			k, ok := at[key]
			if !ok {
				if !slices.Contains(sets, set) {
					sets = append(sets, set)
				}
				k = len(out)
				at[key] = k
				out = append(out, ReasonWords{Set: set, Reason: reasons[i]})
			}
			words := len(shingle.Tokens(b.Text))
			if labels[i] {
				out[k].Gold += words
			} else {
				out[k].NotGold += words
			}
		}
	}
	slices.SortStableFunc(out, func(a, b ReasonWords) int {
		if c := cmp.Compare(slices.Index(sets, a.Set), slices.Index(sets, b.Set)); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Gold, a.Gold); c != 0 {
			return c
		}
		return cmp.Compare(a.Reason, b.Reason)
	})
	return out
}
