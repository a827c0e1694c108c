package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newspipe/newspipe/internal/ner"
)

func TestSilverSentences(t *testing.T) {
	tests := []struct {
		name string
		body string
		want int // sentences taken
	}{
		{"two sentences of a paragraph", "Angela Merkel met the French president in Berlin on Monday. They talked about trade for two hours.", 2},
		{"a heading is left out", "Merkel And Macron Meet In Berlin To Talk About Trade", 0},
		{"so is a paragraph of names", "Angela Merkel met Emmanuel Macron in Berlin on Monday.", 0},
		{"a short paragraph is left out", "Merkel met Macron.", 0},
		{"a short sentence is left out", "Angela Merkel met the French president in Berlin on Monday. They met.", 1},
		{"one paragraph a line", "Angela Merkel met the French president in Berlin on Monday.\n\nThey talked about trade for two hours.", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := silverSentences(tt.body); len(got) != tt.want {
				t.Errorf("silverSentences(%q) = %q, want %d sentences", tt.body, got, tt.want)
			}
		})
	}
}

func TestSilverDocs(t *testing.T) {
	m, err := ner.Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pages := map[string]string{
		"a.truth.txt": "Angela Merkel met the French president in Berlin on Monday. They talked about trade for two hours.\n\nTHE MEETING IN BERLIN\n",
		"b.truth.txt": "Boris Johnson spoke to the head of the commission in London on Friday.",
		"b.txt":       "Not an article body: Joe Biden spoke in Washington on Friday.",
	}
	for name, text := range pages {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	all, err := silverDocs(dir, m, 1)
	if err != nil {
		t.Fatal(err)
	}
	var firsts []string
	for _, d := range all {
		for _, s := range d.Sentences {
			firsts = append(firsts, s.Words[0])
			if len(s.Tags) != len(s.Words) || len(s.Lines) != len(s.Words) {
				t.Errorf("%q: %d tags and %d lines for %d words", s.Words, len(s.Tags), len(s.Lines), len(s.Words))
			}
		}
	}
	// Pages in path order, a.truth.txt's heading and b.txt left out.
	if want := []string{"Angela", "They", "Boris"}; !slices.Equal(firsts, want) {
		t.Errorf("sentences open with %q, want %q", firsts, want)
	}
	if tags := strings.Join(all[0].Sentences[0].Tags, " "); !strings.Contains(tags, "I-PER I-PER O") || !strings.Contains(tags, "I-LOC") {
		t.Errorf("the first sentence's tags %q lack the person and the place", tags)
	}
	// Every second sentence, counted across pages: "They" only.
	half, err := silverDocs(dir, m, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(half) != 1 || len(half[0].Sentences) != 1 || half[0].Sentences[0].Words[0] != "They" {
		t.Errorf("every second sentence: %+v, want the one opening with They", half)
	}
}

func TestTrainNERSilverUsage(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(a, []byte(conllOld), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
	}{
		{"a teacher without -silver", []string{"-teacher", a, a}},
		{"-silver with -cv", []string{"-silver", dir, "-cv", "2", a}},
		{"no sentence taken", []string{"-silver", dir, "-silver-every", "0", a}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"train", "ner"}, tt.args...)
			if code, _, _ := run(t, "", args...); code != exitUsage {
				t.Errorf("train ner %q: exit %d, want %d", tt.args, code, exitUsage)
			}
		})
	}
}
