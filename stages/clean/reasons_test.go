package clean

import (
	"slices"
	"strings"
	"testing"

	"github.com/newspipe/newspipe/internal/shingle"
)

func TestReasons(t *testing.T) {
	article := []string{
		"The council voted on Tuesday to extend the library's opening hours, after a year in which the number of visitors rose by a third.",
		"Librarians said the reading rooms had been full on most weekday evenings since the spring, and that students had asked for longer hours.",
		"The new hours start next month and will be reviewed after a year, the council said in a statement on its website.",
	}
	chrome := []string{"Home", "News", "Sport", "Weather"}
	page := func(name string) Page {
		lines := append(slices.Clone(chrome), article...)
		return Page{Name: name, Blocks: SplitLines(strings.Join(lines, "\n")), Truth: strings.Join(article, "\n")}
	}
	rows := Reasons(New(), []Page{page("a/1"), page("b/1"), page("a/2")})
	var sets []string
	total := map[string][2]int{}
	for _, r := range rows {
		if len(sets) == 0 || sets[len(sets)-1] != r.Set {
			sets = append(sets, r.Set)
		}
		c := total[r.Set]
		c[0] += r.Gold
		c[1] += r.NotGold
		total[r.Set] = c
		if r.Reason == "" && r.Gold == 0 {
			t.Errorf("%s: no article words kept", r.Set)
		}
		if r.Reason != "" && r.Gold > 0 {
			t.Errorf("%s: %d article words went as %q", r.Set, r.Gold, r.Reason)
		}
	}
	if !slices.Equal(sets, []string{"a", "b"}) {
		t.Errorf("sets in order %q, want a then b, each once", sets)
	}
	words := 0
	for _, l := range article {
		words += len(shingle.Tokens(l)) // the metric's tokens: "library's" is two
	}
	// Set a holds two copies of the page, b one: every word is counted once per page.
	if got := total["a"]; got[0] != 2*words || got[1] != 2*len(chrome) {
		t.Errorf("set a: %d article and %d other words, want %d and %d", got[0], got[1], 2*words, 2*len(chrome))
	}
	if got := total["b"]; got[0] != words || got[1] != len(chrome) {
		t.Errorf("set b: %d article and %d other words, want %d and %d", got[0], got[1], words, len(chrome))
	}
}
