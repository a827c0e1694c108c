package clean

import (
	"math"
	"slices"
	"testing"

	"github.com/newspipe/newspipe/document"
)

// sideBias returns a dispute that takes the line model's reading of every block it
// disputes on the sides ("add_", "drop_") named, and of no other.
func sideBias(sides ...string) *Dispute {
	w := make([]float64, len(DisputeFeatureNames)+1)
	w[len(w)-1] = -10
	for _, s := range sides {
		w[slices.Index(DisputeFeatureNames, s+"bias")] = 20
	}
	return &Dispute{Return{Features: DisputeFeatureNames, Threshold: 0.5, Weights: w}}
}

// disputePage returns an HTML page of five paragraphs, a paragraph of prose in a block
// labelled as a sidebar (block 2), and a last paragraph of the body (block 6), with
// scores by which the line model keeps the sidebar and not the last paragraph.
func disputePage(sidebar string) ([]document.Block, []float64) {
	blocks := []document.Block{
		{Text: proseA, Tag: "p"}, {Text: proseB, Tag: "p"},
		{Text: proseC, Tag: "div", Outside: sidebar},
		{Text: proseA, Tag: "p"}, {Text: proseB, Tag: "p"}, {Text: proseC, Tag: "p"},
		{Text: "Jane Roe is a reporter who covers transport for the paper.", Tag: "p"},
	}
	prob := []float64{0.95, 0.95, 0.9, 0.95, 0.95, 0.95, 0.01}
	return blocks, prob
}

func TestDisputeCandidates(t *testing.T) {
	// The lines keep three blocks but the first or the last.
	both := []bool{true, true, false, true, true}
	tests := []struct {
		name          string
		outside       []string
		keep, lkeep   []bool
		lreason       string // the lines' reason for block 3
		want          []int  // the candidates' blocks
		wantDropMarks []int  // those among them that leave the body
	}{
		{"the readings agree", []string{"", "", "sidebar", "", ""}, both, both, "", nil, nil},
		{"a labelled block only the lines keep comes in", []string{"", "", "sidebar", "", ""}, both, []bool{true, true, true, true, true}, "", []int{2}, nil},
		{"a block only the HTML body keeps leaves", []string{"", "", "sidebar", "", ""}, both, []bool{true, true, false, true, false}, "", []int{4}, []int{4}},
		{"a block the lines give a rule's reason leaves", []string{"", "", "sidebar", "", ""}, both, both, "navigation", []int{3}, []int{3}},
		{"no block leaves a lines body of two blocks", []string{"", "", "sidebar", "", ""}, both, []bool{true, true, false, false, false}, "", nil, nil},
		{"in-body chrome only the lines keep is already in the body", []string{"", "", "", "", ""}, both, []bool{true, true, true, true, true}, "", nil, nil},
		{"lines that keep nothing dispute nothing", []string{"", "", "sidebar", "", ""}, both, []bool{false, false, false, false, false}, "", nil, nil},
		{"a block before the lines' body stays", []string{"", "", "sidebar", "", ""}, both, []bool{false, true, false, true, true}, "", nil, nil},
		{"the headline only the lines keep stays out", []string{"", "", "article headline", "", ""}, both, []bool{true, true, true, true, true}, "", nil, nil},
		{"a caption only the lines keep stays out", []string{"", "", "photo caption", "", ""}, both, []bool{true, true, true, true, true}, "", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := make([]document.Block, len(tt.outside))
			for i, o := range tt.outside {
				blocks[i] = document.Block{Text: proseA, Tag: "p", Outside: o}
			}
			info := analyseBlocks(blocks)
			lreasons := make([]string, len(blocks))
			lreasons[3] = tt.lreason
			cands := disputeCandidates(blocks, info, make([]float64, len(blocks)), tt.keep, make([]string, len(blocks)), tt.lkeep, lreasons)
			var got, drops []int
			for _, c := range cands {
				got = append(got, c.Block)
				if c.Mark == DisputedBlock {
					drops = append(drops, c.Block)
				}
				if len(c.Features) != len(DisputeFeatureNames) {
					t.Fatalf("%d features, want %d", len(c.Features), len(DisputeFeatureNames))
				}
				side := "add_"
				if c.Mark != "" {
					side = "drop_"
				}
				if c.Features[slices.Index(DisputeFeatureNames, side+"bias")] != 1 {
					t.Errorf("block %d: %sbias is not set", c.Block, side)
				}
			}
			if !slices.Equal(got, tt.want) || !slices.Equal(drops, tt.wantDropMarks) {
				t.Errorf("candidates %v leaving %v, want %v leaving %v", got, drops, tt.want, tt.wantDropMarks)
			}
		})
	}
}

func TestDisputeLabelFamilies(t *testing.T) {
	keep := []bool{true, false, true}
	lkeep := []bool{true, true, true}
	tests := []struct {
		name, outside string
		set           []string // the add_ features set besides the side's own
	}{
		{"a sidebar inside the body's span", "sidebar", []string{"sidebar", "inside_sidebar"}},
		{"a page header inside the body's span", "page header", []string{"nav", "inside_nav"}},
		{"an untold block inside the body's span", outsideProse, []string{"untold", "inside_untold"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := []document.Block{{Text: proseA, Tag: "p"}, {Text: proseB, Tag: "div", Outside: tt.outside}, {Text: proseC, Tag: "p"}}
			cands := disputeCandidates(blocks, analyseBlocks(blocks), make([]float64, 3), keep, make([]string, 3), lkeep, make([]string, 3))
			if len(cands) != 1 {
				t.Fatalf("candidates %+v, want block 1", cands)
			}
			for _, f := range []string{"sidebar", "inside_sidebar", "nav", "inside_nav", "untold", "inside_untold", "footer"} {
				want := 0.0
				if slices.Contains(tt.set, f) {
					want = 1
				}
				if got := cands[0].Features[slices.Index(DisputeFeatureNames, "add_"+f)]; got != want {
					t.Errorf("add_%s = %v, want %v", f, got, want)
				}
			}
		})
	}
}

func TestDisputeBlockFeatures(t *testing.T) {
	T, F := true, false
	heading := document.Block{Text: "References", Tag: "h2", Heading: true}
	item := func(text string) document.Block { return document.Block{Text: text, Tag: "li"} }
	tests := []struct {
		name        string
		blocks      []document.Block
		keep, lkeep []bool
		block       int                // the candidate whose features are checked
		want        map[string]float64 // features of the candidate's side ("add_" or "drop_" left out)
	}{
		{
			"a menu item the HTML body repeats",
			[]document.Block{{Text: "Sports", Tag: "li", Outside: "navigation menu"}, {Text: proseA, Tag: "p"}, item("Sports"), {Text: proseB, Tag: "p"}, {Text: proseC, Tag: "p"}},
			[]bool{F, T, T, T, T}, []bool{F, T, F, T, T}, 2,
			map[string]float64{"copy_out_html": 1, "copy_in_html": 0, "repeated": 1, "link_line": 0, "log_run_blocks": math.Log1p(1), "run_headed": 0},
		},
		{
			"a link on a line of its own between two paragraphs",
			[]document.Block{{Text: proseA, Tag: "p"}, {Text: "Our pick for 2025 budgets", Tag: "p", LinkDensity: 1, Outside: outsideLinkLine}, {Text: proseB, Tag: "p"}},
			[]bool{T, F, T}, []bool{T, T, T}, 1,
			map[string]float64{"link_line": 1, "link_line_between": 1, "copy_out_html": 0, "copy_in_html": 0},
		},
		{
			"a list under a heading",
			[]document.Block{{Text: proseA, Tag: "p"}, heading, item("Roe, J. Bridges of the county. 2019."), item("Doe, A. Piers and their cracks. 2021."), item("Poe, E. Detours. 2023."), {Text: proseB, Tag: "p"}, {Text: proseC, Tag: "p"}},
			[]bool{T, T, T, T, T, T, T}, []bool{T, T, F, F, F, T, T}, 3,
			map[string]float64{"log_run_blocks": math.Log1p(3), "run_headed": 1, "link_line": 0, "copy_in_html": 0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := len(tt.blocks)
			cands := disputeCandidates(tt.blocks, analyseBlocks(tt.blocks), make([]float64, n), tt.keep, make([]string, n), tt.lkeep, make([]string, n))
			at := slices.IndexFunc(cands, func(c ReturnCandidate) bool { return c.Block == tt.block })
			if at < 0 {
				t.Fatalf("block %d is no candidate among %+v", tt.block, cands)
			}
			side := "add_"
			if cands[at].Mark == DisputedBlock {
				side = "drop_"
			}
			for f, want := range tt.want {
				if got := cands[at].Features[slices.Index(DisputeFeatureNames, side+f)]; math.Abs(got-want) > 1e-9 {
					t.Errorf("%s%s = %v, want %v", side, f, got, want)
				}
			}
		})
	}
}

func TestSettle(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		d         *Dispute
		sidebar   string
		wantIn    bool // the sidebar comes into the body
		wantOutAt bool // the last paragraph leaves it
	}{
		{"no dispute", nil, "sidebar", false, false},
		{"a dispute that is off", &Dispute{Return{Features: DisputeFeatureNames, Threshold: 1, Weights: sideBias("add_", "drop_").Weights}}, "sidebar", false, false},
		{"the lines' reading of every disputed block", sideBias("add_", "drop_"), "sidebar", true, true},
		{"only the blocks the lines add", sideBias("add_"), "sidebar", true, false},
		{"only the blocks the lines drop", sideBias("drop_"), "sidebar", false, true},
		{"a caption is not brought in", sideBias("add_", "drop_"), "photo caption", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks, prob := disputePage(tt.sidebar)
			info := analyseBlocks(blocks)
			rules := lineRules(blocks, info)
			keep, reasons, _ := judge(t.Context(), blocks, info, prob, rules, m.Threshold, false)
			lkeep, lreasons, _ := judge(t.Context(), blocks, info, prob, rules, m.Threshold, true)
			out, changed := tt.d.settle(blocks, info, prob, keep, reasons, lkeep, lreasons)
			if changed != (tt.wantIn || tt.wantOutAt) {
				t.Errorf("changed %v", changed)
			}
			if got := out[2].Outside == ""; got != tt.wantIn {
				t.Errorf("sidebar in the body %v, want %v (%q)", got, tt.wantIn, out[2].Outside)
			}
			if got := out[6].Outside == DisputedBlock; got != tt.wantOutAt {
				t.Errorf("last paragraph out %v, want %v (%q)", got, tt.wantOutAt, out[6].Outside)
			}
			if blocks[2].Outside != tt.sidebar || blocks[6].Outside != "" {
				t.Errorf("the caller's blocks changed")
			}
		})
	}
}
