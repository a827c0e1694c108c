package clean

import (
	"math"
	"slices"
	"testing"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/record"
)

// trimBody returns an HTML body of n paragraphs followed by the tail blocks.
func trimBody(n int, tail ...document.Block) []document.Block {
	var blocks []document.Block
	for i := 0; i < n; i++ {
		text := proseA
		if i%2 == 1 {
			text = proseB
		}
		blocks = append(blocks, document.Block{Text: text, Tag: "p"})
	}
	return append(blocks, tail...)
}

// biasTrim returns a trim whose every decision is its bias b's.
func biasTrim(b, threshold float64) *Trim {
	w := make([]float64, len(TrimFeatureNames)+1)
	w[len(w)-1] = b
	return &Trim{Return{Features: TrimFeatureNames, Threshold: threshold, Weights: w}}
}

const bioLine = "Jane Roe is a reporter who covers transport for the paper."

func TestTrimCandidates(t *testing.T) {
	tests := []struct {
		name   string
		blocks []document.Block
		want   []int // the candidates' blocks, the last first
	}{
		{"a body too short to have a tail", trimBody(4), nil},
		{"the last four blocks with words, the last first", trimBody(6), []int{5, 4, 3, 2}},
		{
			name: "blocks outside the body and wordless blocks are not counted",
			blocks: trimBody(5, document.Block{Text: "•", Tag: "p"},
				document.Block{Text: "Share this story", Tag: "div", Outside: "share bar"}),
			want: []int{4, 3, 2, 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info := analyseBlocks(tt.blocks)
			var got []int
			for _, c := range trimCandidates(tt.blocks, info, make([]float64, len(tt.blocks))) {
				got = append(got, c.Block)
				if len(c.Features) != len(TrimFeatureNames) {
					t.Fatalf("%d features, want %d", len(c.Features), len(TrimFeatureNames))
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("candidates %v, want %v", got, tt.want)
			}
		})
	}
}

func TestTrimFeatures(t *testing.T) {
	tests := []struct {
		name, feature string
		last          string
		want          float64
	}{
		{"a biography opens with a name and a verb", "name_is", bioLine, 1},
		{"a sentence of the article does not", "name_is", proseA, 0},
		{"biography vocabulary", "bio", bioLine, 1},
		{"disclaimer vocabulary", "disclaimer", "The views expressed here are the author's own.", 1},
		{"second person", "second_person", "Thank you for reading, we hope you enjoyed it today.", 0.2},
		{"words the body never used", "body_overlap", "Zebras graze quietly beside rivers.", 0},
		{"words the body used", "body_overlap", "The bridge piers cracks.", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := trimBody(6, document.Block{Text: tt.last, Tag: "p"})
			c := trimCandidates(blocks, analyseBlocks(blocks), make([]float64, len(blocks)))
			if len(c) == 0 || c[0].Block != 6 {
				t.Fatalf("candidates %+v, want the last block first", c)
			}
			if got := c[0].Features[slices.Index(TrimFeatureNames, tt.feature)]; math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("%s = %v, want %v", tt.feature, got, tt.want)
			}
		})
	}
}

func TestTrimBlocks(t *testing.T) {
	blocks := trimBody(6, document.Block{Text: bioLine, Tag: "p"})
	info := analyseBlocks(blocks)
	prob := make([]float64, len(blocks))
	// lastOnly trims the last block only: the feature "last" outweighs the bias.
	lastOnly := biasTrim(-5, 0.5)
	lastOnly.Weights[slices.Index(TrimFeatureNames, "last")] = 10
	// notLast trims every candidate but the last, which then keeps them all.
	notLast := biasTrim(5, 0.5)
	notLast.Weights[slices.Index(TrimFeatureNames, "last")] = -10
	tests := []struct {
		name string
		t    *Trim
		want []int // the blocks trimmed
	}{
		{"no trim", nil, nil},
		{"a trim that is off", biasTrim(10, 1), nil},
		{"the model trims the whole tail", biasTrim(10, 0.5), []int{3, 4, 5, 6}},
		{"the model trims nothing", biasTrim(-10, 0.5), nil},
		{"the model trims the last block", lastOnly, []int{6}},
		{"a kept last block keeps the blocks before it", notLast, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := tt.t.trimBlocks(blocks, info, prob)
			var got []int
			for i, b := range out {
				if b.Outside == TrimmedTail {
					got = append(got, i)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("trimmed %v, want %v", got, tt.want)
			}
			if blocks[6].Outside != "" {
				t.Errorf("the caller's blocks changed")
			}
		})
	}
}

func TestCleanTrimsTail(t *testing.T) {
	blocks := trimBody(6, document.Block{Text: bioLine, Tag: "p"})
	lastOnly := biasTrim(-5, 0.5)
	lastOnly.Weights[slices.Index(TrimFeatureNames, "last")] = 10
	res := New().WithTrim(lastOnly).Clean(blocks)
	if slices.Contains(res.Paragraphs, bioLine) {
		t.Errorf("paragraphs %q keep the trimmed biography", res.Paragraphs)
	}
	if !slices.ContainsFunc(res.Removed, func(r record.Removed) bool { return r.Reason == TrimmedTail }) {
		t.Errorf("removed %+v, want the biography as %q", res.Removed, TrimmedTail)
	}
	if got := New().WithTrim(nil).Clean(blocks).Paragraphs; !slices.Contains(got, bioLine) {
		t.Errorf("without the trim, paragraphs %q lack the biography", got)
	}
}
