package clean

import (
	"math"
	"slices"
	"testing"

	"github.com/newspipe/newspipe/document"
)

// featureOf returns the named return feature of x.
func featureOf(x []float64, name string) float64 {
	return x[slices.Index(ReturnFeatureNames, name)]
}

func TestReturnCandidates(t *testing.T) {
	heading := document.Block{Text: "What the engineers found", Tag: "h2", Heading: true, Outside: outsideProse}
	item := document.Block{Text: "Two of the piers have cracks", Tag: "li", Outside: outsideProse}
	tests := []struct {
		name   string
		blocks []document.Block
		want   []int // the candidates' blocks
	}{
		{
			name:   "a heading between two body paragraphs",
			blocks: []document.Block{{Text: proseA, Tag: "p"}, heading, {Text: proseB, Tag: "p"}},
			want:   []int{1},
		},
		{
			name: "a run of list items, a wordless separator inside it",
			blocks: []document.Block{{Text: proseA, Tag: "p"}, item, {Text: "•", Tag: "li", Outside: outsideProse},
				{Text: "The third pier is sound", Tag: "li", Outside: outsideProse}, {Text: proseB, Tag: "p"}},
			want: []int{1, 3},
		},
		{
			name:   "untold blocks after the body's end are not sandwiched",
			blocks: []document.Block{{Text: proseA, Tag: "p"}, {Text: proseB, Tag: "p"}, heading, item},
		},
		{
			name: "a list the body's last line announces with a colon, its items links",
			blocks: []document.Block{{Text: proseA, Tag: "p"}, {Text: "Previous interviews in the series:", Tag: "p"},
				{Text: "Jane Roe on the piers", Tag: "li", LinkDensity: 1, Outside: outsideLinkLine}, item,
				{Text: "Share this story", Tag: "div", Outside: "share bar"}},
			want: []int{2, 3},
		},
		{
			name: "an announced list ends at the first block of another element",
			blocks: []document.Block{{Text: proseA, Tag: "p"}, {Text: "Previous interviews in the series:", Tag: "p"},
				item, {Text: "Jane Roe on the piers", Tag: "li", LinkDensity: 1, Outside: outsideLinkLine},
				{Text: "Page 1 of 1", Tag: "div", Outside: outsideProse}, {Text: "Two more piers", Tag: "li", Outside: outsideProse}},
			want: []int{2, 3},
		},
		{
			name: "a list after the body's last line, announced by no colon",
			blocks: []document.Block{{Text: proseA, Tag: "p"}, {Text: "Previous interviews in the series", Tag: "p"},
				{Text: "Jane Roe on the piers", Tag: "li", LinkDensity: 1, Outside: outsideLinkLine}, item},
		},
		{
			name: "a colon line with a told block between it and the list announces nothing",
			blocks: []document.Block{{Text: proseA, Tag: "p"}, {Text: "Previous interviews in the series:", Tag: "p"},
				{Text: "Share this story", Tag: "div", Outside: "share bar"}, item},
		},
		{
			name:   "untold blocks that lead into the body's start",
			blocks: []document.Block{heading, item, {Text: proseA, Tag: "p"}, {Text: proseB, Tag: "p"}},
			want:   []int{0, 1},
		},
		{
			name:   "untold blocks before a told block before the body do not lead into it",
			blocks: []document.Block{heading, {Text: "Home", Tag: "a", Outside: "navigation menu"}, {Text: proseA, Tag: "p"}},
		},
		{
			name: "a block an element explains breaks the run",
			blocks: []document.Block{{Text: proseA, Tag: "p"}, item,
				{Text: "Share this story", Tag: "div", Outside: "share bar"}, {Text: proseB, Tag: "p"}},
		},
		{
			name: "a line wholly a link between two body paragraphs, beside a list item",
			blocks: []document.Block{{Text: proseA, Tag: "p"},
				{Text: "See: the engineers' report on the piers", Tag: "p", LinkDensity: 1, Outside: outsideLinkLine},
				item, {Text: proseB, Tag: "p"}},
			want: []int{1, 2},
		},
		{
			name: "a related-stories box between two body paragraphs is told",
			blocks: []document.Block{{Text: proseA, Tag: "p"},
				{Text: "The other story about bridges", Tag: "p", LinkDensity: 1, Outside: "related stories"},
				{Text: proseB, Tag: "p"}},
		},
		{
			name: "a heading that is wholly a link stays out",
			blocks: []document.Block{{Text: proseA, Tag: "p"},
				{Text: "Another story about bridges", Tag: "h3", Heading: true, LinkDensity: 1, Outside: outsideProse},
				item, {Text: proseB, Tag: "p"}},
			want: []int{2},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info := analyseBlocks(tt.blocks)
			prob := make([]float64, len(info))
			var got []int
			for _, c := range returnCandidates(tt.blocks, info, prob) {
				if len(c.Features) != len(ReturnFeatureNames) {
					t.Fatalf("block %d has %d features, want %d", c.Block, len(c.Features), len(ReturnFeatureNames))
				}
				got = append(got, c.Block)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("candidates %v, want %v", got, tt.want)
			}
		})
	}
}

func TestReturnFeatures(t *testing.T) {
	item := document.Block{Text: "Two of the piers have cracks", Tag: "li", Outside: outsideProse}
	tests := []struct {
		name    string
		blocks  []document.Block
		feature string
		want    float64 // of the candidate, block 1
	}{
		{
			name: "a block that repeats the body",
			blocks: []document.Block{{Text: proseA, Tag: "p"}, {Text: proseA, Tag: "div", Outside: outsideProse},
				{Text: proseB, Tag: "p"}},
			feature: "in_body", want: 1,
		},
		{
			name: "a block of its own",
			blocks: []document.Block{{Text: proseA, Tag: "p"}, {Text: proseC, Tag: "div", Outside: outsideProse},
				{Text: proseB, Tag: "p"}},
			feature: "in_body", want: 0,
		},
		{
			name: "position: a third of the body's words before the run",
			blocks: []document.Block{{Text: "one two three", Tag: "p"}, {Text: "a heading", Tag: "h2", Heading: true, Outside: outsideProse},
				{Text: "four five six seven eight nine", Tag: "p"}},
			feature: "position", want: 1.0 / 3,
		},
		{
			name: "a run leading into the body is leading",
			blocks: []document.Block{{Text: "Home", Tag: "a", Outside: "navigation menu"}, {Text: proseC, Tag: "p", Outside: outsideProse},
				{Text: proseB, Tag: "p"}},
			feature: "leading", want: 1,
		},
		{
			name: "a run leading into the body follows no body block",
			blocks: []document.Block{{Text: "Home", Tag: "a", Outside: "navigation menu"}, {Text: proseC, Tag: "p", Outside: outsideProse},
				{Text: proseB, Tag: "p"}},
			feature: "after_body", want: 0,
		},
		{
			name: "a sandwiched run is not leading",
			blocks: []document.Block{{Text: proseA, Tag: "p"}, {Text: proseC, Tag: "div", Outside: outsideProse},
				{Text: proseB, Tag: "p"}},
			feature: "leading", want: 0,
		},
		{
			name: "a run a colon line announces",
			blocks: []document.Block{{Text: "The engineers listed three faults:", Tag: "p"}, item,
				{Text: proseB, Tag: "p"}},
			feature: "announced", want: 1,
		},
		{
			name:    "a sandwiched run after a full stop is not announced",
			blocks:  []document.Block{{Text: proseA, Tag: "p"}, item, {Text: proseB, Tag: "p"}},
			feature: "announced", want: 0,
		},
		{
			name:    "an announced run that no body block follows is open-ended",
			blocks:  []document.Block{{Text: "The engineers listed three faults:", Tag: "p"}, item},
			feature: "open_end", want: 1,
		},
		{
			name:    "an open-ended run stands before no body block",
			blocks:  []document.Block{{Text: "The engineers listed three faults:", Tag: "p"}, item},
			feature: "before_body", want: 0,
		},
		{
			name: "a sandwiched run is not open-ended",
			blocks: []document.Block{{Text: "The engineers listed three faults:", Tag: "p"}, item,
				{Text: proseB, Tag: "p"}},
			feature: "open_end", want: 0,
		},
		{
			name: "a list item beside list items of the body has their tag",
			blocks: []document.Block{{Text: "first item of the list", Tag: "li"}, {Text: "second item", Tag: "li", Outside: outsideProse},
				{Text: proseB, Tag: "p"}},
			feature: "same_tag", want: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info := analyseBlocks(tt.blocks)
			c := returnCandidates(tt.blocks, info, make([]float64, len(info)))
			if len(c) != 1 || c[0].Block != 1 {
				t.Fatalf("candidates %v, want block 1 alone", c)
			}
			if got := featureOf(c[0].Features, tt.feature); math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("%s = %v, want %v", tt.feature, got, tt.want)
			}
		})
	}
}

func TestReturnBlocks(t *testing.T) {
	blocks := []document.Block{{Text: proseA, Tag: "p"},
		{Text: "What the engineers found", Tag: "h2", Heading: true, Outside: outsideProse}, {Text: proseB, Tag: "p"}}
	info := analyseBlocks(blocks)
	prob := make([]float64, len(blocks))
	bias := func(b, threshold float64) *Return {
		w := make([]float64, len(ReturnFeatureNames)+1)
		w[len(w)-1] = b
		return &Return{Features: ReturnFeatureNames, Threshold: threshold, Weights: w}
	}
	tests := []struct {
		name string
		r    *Return
		back bool
	}{
		{"no return", nil, false},
		{"a return that is off", bias(10, 1), false},
		{"the model vouches for the block", bias(10, 0.5), true},
		{"the model does not", bias(-10, 0.5), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := tt.r.returnBlocks(blocks, info, prob)
			if got := out[1].Outside == ""; got != tt.back {
				t.Errorf("block returned %v, want %v", got, tt.back)
			}
			if blocks[1].Outside != outsideProse {
				t.Errorf("the caller's blocks changed")
			}
		})
	}
}

func TestCleanReturnsBlock(t *testing.T) {
	blocks := []document.Block{{Text: proseA, Tag: "p"},
		{Text: "What the engineers found", Tag: "h2", Heading: true, Outside: outsideProse}, {Text: proseB, Tag: "p"}}
	w := make([]float64, len(ReturnFeatureNames)+1)
	w[len(w)-1] = 10
	c := New().WithReturn(&Return{Features: ReturnFeatureNames, Threshold: 0.5, Weights: w})
	if got := c.Clean(blocks).Paragraphs; !slices.Contains(got, "What the engineers found") {
		t.Errorf("paragraphs %q lack the returned heading", got)
	}
	res := New().WithReturn(nil).Clean(blocks)
	if len(res.Removed) != 1 || res.Removed[0].Reason != outsideProse {
		t.Errorf("without the return, removed %+v, want the heading as %q", res.Removed, outsideProse)
	}
}
