package repeats

import (
	"fmt"
	"slices"
	"testing"
)

// TestCountsMadeElsewhere counts lines the way a distributed run does — keys of the
// pages with distinct fingerprints, summed per key, set with SetCount — and checks that
// the index filters as one built with AddPage.
func TestCountsMadeElsewhere(t *testing.T) {
	menu := []string{"Home", "World news", "Sign up for our newsletter"}
	var pages []Page
	for i := range 5 {
		body := fmt.Sprintf("Story %d happened on day %d.", i, i)
		pages = append(pages, NewPage("herald.example", append([]string{body}, menu...)))
	}
	pages = append(pages, pages[0]) // the same page read twice counts once
	pages = append(pages, NewPage("other.example", menu), NewPage("other.example", menu[:1]))

	direct := NewIndex(DefaultMinDocs)
	byPrint := map[uint64][]uint64{}
	for _, p := range pages {
		direct.AddPage(p)
		if !slices.IsSorted(p.Keys()) {
			t.Errorf("keys not sorted: %v", p.Keys())
		}
		byPrint[p.Fingerprint()] = p.Keys()
	}
	counts := map[uint64]int{}
	for _, keys := range byPrint {
		for _, k := range keys {
			counts[k]++
		}
	}
	spread := NewIndex(DefaultMinDocs)
	for k, n := range counts {
		spread.SetCount(k, n)
	}

	for _, tc := range []struct {
		name, site string
		lines      []string
	}{
		{"menu of the site", "herald.example", append([]string{"A new story about the harbour and the long strike."}, menu...)},
		{"other site", "other.example", append([]string{"Short."}, menu...)},
		{"unknown site", "nowhere.example", menu},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wk, wr := direct.Filter(tc.site, tc.lines)
			gk, gr := spread.Filter(tc.site, tc.lines)
			if !slices.Equal(gk, wk) || !slices.Equal(gr, wr) {
				t.Errorf("spread counts kept %q removed %v; AddPage kept %q removed %v", gk, gr, wk, wr)
			}
			for _, l := range tc.lines {
				if g, w := spread.Count(tc.site, l), direct.Count(tc.site, l); g != w {
					t.Errorf("Count(%q) = %d, want %d", l, g, w)
				}
			}
		})
	}
	if n := direct.Count("herald.example", "Home"); n != 5 {
		t.Errorf("the menu counts %d pages, want 5", n)
	}
}
