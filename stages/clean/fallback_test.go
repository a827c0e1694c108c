package clean

import (
	"strings"
	"testing"
)

// TestShortArticlesKeepTheirText covers pages with little context for the line model: a
// short article's closing sentence, a text in a script without spaces, a one-word item.
func TestShortArticlesKeepTheirText(t *testing.T) {
	c := New()
	tests := []struct {
		name, page, want string
	}{
		{"closing sentence of a two-paragraph story",
			"Harbour ferry fares to rise\n\nBy Ola Berg | May 2, 2022\n\n" +
				"The harbour ferry will raise its fares by ten percent from June, the operator said on Monday after a long review.\n\n" +
				"Commuters who buy a monthly pass will pay four dollars more, while single tickets for children stay at the old price.\n\n" +
				"Follow us on Facebook\n",
			"Commuters who buy a monthly pass will pay four dollars more"},
		{"Japanese without spaces",
			"東京都、過去最大の予算案\n\n東京都は水曜日、来年度の予算案を発表した。知事は記者会見で、子育て支援と防災対策に重点を置くと述べた。\n",
			"東京都は水曜日"},
		{"one word", "Breaking\n", "Breaking"},
	}
	for _, tt := range tests {
		res := c.Clean(SplitLines(tt.page))
		if got := strings.Join(res.Paragraphs, "\n\n"); !strings.Contains(got, tt.want) {
			t.Errorf("%s: body %q lacks %q (removed %v)", tt.name, got, tt.want, res.Removed)
		}
	}
}

func TestNoteAboutArticle(t *testing.T) {
	tests := []struct{ line, want string }{
		{"Priya Das covers health for the Courier. Reach her at pdas@courier.example or on X @priyadas.", "author bio"},
		{"Ken Ito writes about energy. Email him at ken.ito@example.org.", "author bio"},
		{"Journal reference: Smith J. et al., \"Cold bacteria\", Nature 12 (2020).", "citation box"},
		{"Cite this page: MLA | APA | Chicago", "citation box"},
		{"\"If anyone has seen him, please contact him,\" his sister said.", ""},
		{"The company said customers could reach it at help@example.com during the outage.", ""},
		{"Copyright 2008 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.", "rights notice"},
		{"This copy is for your personal, non-commercial use only. To order presentation-ready copies for distribution, use the Order Reprints tool.", "rights notice"},
		{"© Example Media Ltd. Please do not use our images without prior permission.", "rights notice"},
		{"The U.S. Copyright Office said unauthorised reproduction of protected works for training raised new questions.", ""},
		{"© 2024 Example Media Ltd.", ""},
	}
	for _, tt := range tests {
		if got := noteAboutArticle(tt.line); got != tt.want {
			t.Errorf("noteAboutArticle(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}
