package clean

import (
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/newspipe/newspipe/document"
)

const (
	proseA = "The council voted on Tuesday to close the old bridge after engineers found cracks in two of its piers."
	proseB = "Residents who cross it every day said they had not been told how long the detour through the town would last."
	proseC = "The work is expected to take until next spring, and the cost will be shared by the county and the state."
)

func TestAlternative(t *testing.T) {
	tests := []struct {
		name       string
		blocks     []document.Block
		ok         bool
		agreement  float64
		addedAfter float64 // the added_after feature
		proseInAlt []bool  // which blocks the alternative keeps as body
	}{
		{
			name:   "text lines have no alternative",
			blocks: []document.Block{{Text: proseA}, {Text: proseB}},
		},
		{
			name: "no prose outside the aligned body",
			blocks: []document.Block{
				{Text: "Home", Tag: "a", Outside: "navigation menu", LinkDensity: 1},
				{Text: proseA, Tag: "p"}, {Text: proseB, Tag: "p"},
			},
		},
		{
			name: "aligned teaser box, article outside",
			blocks: []document.Block{
				{Text: "More stories from the region", Tag: "div"},
				{Text: proseA, Tag: "p", Outside: outsideProse},
				{Text: proseB, Tag: "p", Outside: outsideProse},
				{Text: proseC, Tag: "p", Outside: "sidebar"},
			},
			ok: true, agreement: 0, addedAfter: 1,
			proseInAlt: []bool{false, true, true, false},
		},
		{
			name: "half the prose aligned",
			blocks: []document.Block{
				{Text: proseA, Tag: "p"},
				{Text: proseB, Tag: "p", Outside: outsideProse},
				{Text: proseC + " A link.", Tag: "p", Outside: outsideProse, LinkDensity: 0.9},
			},
			ok: true, agreement: 19.0 / 40, // proseA's words over proseA's and proseB's
			addedAfter: 1,
			proseInAlt: []bool{true, true, false},
		},
		{
			name: "aligned link list under an article the extractor missed",
			blocks: []document.Block{
				{Text: proseA, Tag: "p", Outside: outsideProse},
				{Text: proseB, Tag: "p", Outside: outsideProse},
				{Text: "Related: bridge closures", Tag: "li", LinkDensity: 1},
			},
			ok: true, agreement: 0, addedAfter: 0,
			proseInAlt: []bool{true, true, false},
		},
		{
			name: "added prose on both sides of the aligned body",
			blocks: []document.Block{
				{Text: proseA, Tag: "p", Outside: outsideProse},
				{Text: "Read more", Tag: "div"},
				{Text: proseB, Tag: "p", Outside: outsideProse},
			},
			ok: true, agreement: 0, addedAfter: 21.0 / 40, // proseB's words over proseA's and proseB's
			proseInAlt: []bool{true, false, true},
		},
	}
	c := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := append([]document.Block(nil), tt.blocks...)
			alt, ok := c.BodyChoice(tt.blocks)
			if !reflect.DeepEqual(before, tt.blocks) {
				t.Errorf("the input blocks were modified")
			}
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			if len(alt.Features) != len(ChoiceFeatureNames) {
				t.Errorf("%d features, want %d", len(alt.Features), len(ChoiceFeatureNames))
			}
			if d := alt.Agreement - tt.agreement; d > 0.01 || d < -0.01 {
				t.Errorf("agreement = %.3f, want %.3f", alt.Agreement, tt.agreement)
			}
			if got := alt.Features[slices.Index(ChoiceFeatureNames, "added_after")]; math.Abs(got-tt.addedAfter) > 0.01 {
				t.Errorf("added_after = %.3f, want %.3f", got, tt.addedAfter)
			}
			var got []bool
			for i, b := range alt.Blocks {
				got = append(got, b.Outside == "")
				if b.Text != tt.blocks[i].Text {
					t.Errorf("block %d text changed", i)
				}
			}
			if !reflect.DeepEqual(got, tt.proseInAlt) {
				t.Errorf("alternative body = %v, want %v", got, tt.proseInAlt)
			}
		})
	}
}

// TestCleanTakesProseWhenChoiceSaysSo checks that the choice, not a preference, decides:
// one choice that always takes the prose and one that never does give the two bodies.
func TestCleanTakesProseWhenChoiceSaysSo(t *testing.T) {
	blocks := []document.Block{
		{Text: "Sign up for our daily briefing and never miss a story", Tag: "div"},
		{Text: proseA, Tag: "p", Outside: outsideProse},
		{Text: proseB, Tag: "p", Outside: outsideProse},
		{Text: proseC, Tag: "p", Outside: outsideProse},
	}
	bias := func(b float64) *Choice {
		w := make([]float64, len(ChoiceFeatureNames)+1)
		w[len(w)-1] = b
		return &Choice{Features: ChoiceFeatureNames, Gate: 0.5, Weights: w}
	}
	base := New()
	always := &Cleaner{model: base.model, choice: bias(10)}
	never := &Cleaner{model: base.model, choice: bias(-10)}
	if got := strings.Join(always.Clean(blocks).Paragraphs, "\n"); !strings.Contains(got, proseA) || !strings.Contains(got, proseC) {
		t.Errorf("a choice for the prose kept %q", got)
	}
	if got := strings.Join(never.Clean(blocks).Paragraphs, "\n"); strings.Contains(got, proseB) {
		t.Errorf("a choice against the prose kept %q", got)
	}
	if got := strings.Join(base.WithoutChoice().Clean(blocks).Paragraphs, "\n"); strings.Contains(got, proseB) {
		t.Errorf("without the choice the prose was kept: %q", got)
	}
}

func TestTrainChoice(t *testing.T) {
	// The prose wins when its line-model probability (feature 3) beats the aligned body's.
	var ex []ChoiceExample
	for i := range 40 {
		x := make([]float64, len(ChoiceFeatureNames))
		x[2], x[3] = float64(i%5)/5, float64(i%7)/7
		x[4] = x[3] - x[2]
		gain := x[4]
		ex = append(ex, ChoiceExample{Features: x, Agreement: 0.1, Gain: gain})
	}
	ex = append(ex, ChoiceExample{Features: make([]float64, len(ChoiceFeatureNames)), Agreement: 0.9, Gain: 1}) // above the gate: ignored
	c := TrainChoice(ex, 0.5, 0.01)
	if !reflect.DeepEqual(c, TrainChoice(ex, 0.5, 0.01)) {
		t.Fatal("training is not deterministic")
	}
	for _, tt := range []struct {
		name      string
		pa, pp    float64
		wantProse bool
	}{
		{"prose likelier", 0.2, 0.9, true},
		{"aligned likelier", 0.9, 0.2, false},
	} {
		x := make([]float64, len(ChoiceFeatureNames))
		x[2], x[3], x[4] = tt.pa, tt.pp, tt.pp-tt.pa
		if got := c.Prefers(x); got != tt.wantProse {
			t.Errorf("%s: Prefers = %v, want %v", tt.name, got, tt.wantProse)
		}
	}
	if off := TrainChoice(nil, 0.5, 0.01); off.Gate != 0 {
		t.Errorf("a choice trained on nothing has gate %v, want 0 (off)", off.Gate)
	}
}

func TestParseChoice(t *testing.T) {
	if _, err := DefaultChoice(); err != nil {
		t.Fatalf("stored choice: %v", err)
	}
	for _, tt := range []struct{ name, json string }{
		{"not json", "{"},
		{"too few weights", `{"features":["agreement"],"gate":0.5,"weights":[1,2]}`},
	} {
		if _, err := ParseChoice([]byte(tt.json)); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
}
