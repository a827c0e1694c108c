package entities

import (
	"fmt"
	"slices"
	"testing"

	"github.com/newspipe/newspipe/internal/ner"
)

func TestPredict(t *testing.T) {
	r := newRecognizer(t)
	doc := [][]string{
		{"Former", "President", "Barack", "Obama", "visited", "Paris", "on", "Tuesday", "."},
		{"The", "U.S.", "Senate", "voted", "92-6", "."},
		{"Obama", "'s", "speech", "was", "praised", "by", "Germans", "."},
	}
	got := r.Predict(doc)
	want := [][]ner.Span{
		{{Start: 2, End: 4, Type: "PER"}, {Start: 5, End: 6, Type: "LOC"}},
		{{Start: 1, End: 3, Type: "ORG"}},
		{{Start: 0, End: 1, Type: "PER"}, {Start: 6, End: 7, Type: "MISC"}},
	}
	if len(got) != len(doc) {
		t.Fatalf("Predict gave %d sentences, want %d", len(got), len(doc))
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("sentence %d: got %v, want %v", i, got[i], want[i])
		}
	}
}

func TestDedupeSpans(t *testing.T) {
	tests := []struct {
		name string
		in   []ner.Span
		want []ner.Span
	}{
		{"none", nil, nil},
		{"sorted by start", []ner.Span{{Start: 3, End: 4, Type: "LOC"}, {Start: 0, End: 2, Type: "PER"}},
			[]ner.Span{{Start: 0, End: 2, Type: "PER"}, {Start: 3, End: 4, Type: "LOC"}}},
		{"an overlap drops the later", []ner.Span{{Start: 0, End: 2, Type: "PER"}, {Start: 1, End: 3, Type: "ORG"}},
			[]ner.Span{{Start: 0, End: 2, Type: "PER"}}},
		{"the same tokens twice", []ner.Span{{Start: 1, End: 2, Type: "ORG"}, {Start: 1, End: 2, Type: "ORG"}},
			[]ner.Span{{Start: 1, End: 2, Type: "ORG"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := dedupeSpans(slices.Clone(tc.in)); fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("dedupeSpans(%v) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}
