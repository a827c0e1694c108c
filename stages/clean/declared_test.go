package clean

import (
	"context"
	"slices"
	"testing"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/record"
)

func TestCleanTitled(t *testing.T) {
	const (
		headline = "Measles cases climb to 23 in Pinewood County as health officials urge vaccination"
		deck     = "Most of those infected are unvaccinated children under 10; two have been hospitalized"
	)
	body := []string{
		"The number of confirmed measles cases in Pinewood County has risen to 23, county health officials said Friday.",
		"Nineteen of the cases involve children younger than 10, according to the Pinewood County Health Department.",
		"Health officials have asked about 240 unvaccinated students to stay home for 21 days after their last exposure.",
	}
	page := func(top ...document.Block) []document.Block {
		blocks := slices.Clone(top)
		for _, p := range body {
			blocks = append(blocks, document.Block{Text: p, Tag: "p"})
		}
		return blocks
	}
	jaText := []string{
		"東京都は水曜日、来年度の予算案を発表した。橋の工事は六週間続く予定だと市役所は述べた。",
		"知事は記者会見で、予算の大部分が防災と子育て支援に充てられると説明した。",
		"野党は財源の見通しが甘いと批判しており、議会での審議は難航する見通しだ。",
	}
	var japanese []document.Block
	for _, p := range jaText {
		japanese = append(japanese, document.Block{Text: p, Tag: "p"})
	}
	h1 := document.Block{Text: headline, Tag: "h1", Heading: true, Outside: "article headline"}
	tests := []struct {
		name     string
		blocks   []document.Block
		declared string
		wantText []string         // the paragraphs
		wantGone []record.Removed // removed lines that say they are the headline or standfirst
	}{
		{"a deck the scorer prefers to the declared title is no title", page(h1, document.Block{Text: deck, Tag: "div"}), headline,
			body, []record.Removed{{Text: deck, Reason: reasonUndeclared}}},
		{"the first paragraph under a one-letter title stays in the text",
			append([]document.Block{{Text: "T", Tag: "h1", Heading: true, Outside: outsideProse}}, japanese...), "T", jaText, nil},
		{"a line that is the declared title in other words is moved to it",
			page(document.Block{Text: "Measles cases climb to 23 in Pinewood County", Tag: "div"}), headline + " - Pinewood Tribune",
			body, []record.Removed{{Text: "Measles cases climb to 23 in Pinewood County", Reason: reasonTitle}}},
		{"without a declared title the lines' own headline is read", page(h1, document.Block{Text: deck, Tag: "div"}), "",
			body, []record.Removed{{Text: deck, Reason: reasonTitle}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := New().CleanTitled(context.Background(), tt.blocks, tt.declared)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(res.Paragraphs, tt.wantText) {
				t.Errorf("paragraphs = %q, want %q", res.Paragraphs, tt.wantText)
			}
			var moved []record.Removed
			for _, r := range res.Removed {
				if r.Reason == reasonTitle || r.Reason == reasonSubtitle || r.Reason == reasonUndeclared {
					moved = append(moved, r)
				}
			}
			if !slices.Equal(moved, tt.wantGone) {
				t.Errorf("moved to the title: %+v, want %+v", moved, tt.wantGone)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       int
	}{
		{"a headline", "Fed holds rates steady as inflation cools", 1},
		{"an initialism", "U.S. Senate passes No. 10 bill", 1},
		{"two sentences", "Rates stay. The Fed said so.", 2},
		{"a question and its answer", "Will rates rise? Not this year", 2},
		{"japanese", "東京都は予算案を発表した。工事は六週間続く。", 2},
		{"a trailing full stop", "Rates stay.", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sentences(tt.text); got != tt.want {
				t.Errorf("sentences(%q) = %d, want %d", tt.text, got, tt.want)
			}
		})
	}
}

func TestSameTitle(t *testing.T) {
	tests := []struct {
		name, line, declared string
		want                 bool
	}{
		{"same words", "Fed holds rates steady", "Fed holds rates steady", true},
		{"declared with the site", "Fed holds rates steady", "Fed holds rates steady - Reuters", true},
		{"shortened headline", "Fed holds rates steady as inflation cools in June", "Fed holds rates steady", true},
		{"table of contents", "Table of Contents", "Fed holds rates steady", false},
		{"the first sentence", "The Federal Reserve kept its key rate unchanged on Wednesday.", "Fed holds rates steady", false},
		{"nothing declared", "Fed holds rates steady", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sameTitle(tt.line, tt.declared); got != tt.want {
				t.Errorf("sameTitle(%q, %q) = %v, want %v", tt.line, tt.declared, got, tt.want)
			}
		})
	}
}
