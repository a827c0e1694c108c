package entities

import (
	"strings"
	"testing"
)

func TestWindowEnd(t *testing.T) {
	tests := []struct {
		name string
		text string
		max  int
		want int
	}{
		{"short text", "One paragraph.", 100, len("One paragraph.")},
		{"after a paragraph", "First one.\n\nSecond one.\nThird line here", 30, len("First one.\n\n")},
		{"after a line", "First line.\nSecond line goes on and on", 25, len("First line.\n")},
		{"after a space", "words without any line break at all", 12, len("words ")},
		{"inside a word, at a character", "ééééé", 5, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := windowEnd(tt.text, 0, tt.max); got != tt.want {
				t.Errorf("windowEnd = %d, want %d", got, tt.want)
			}
		})
	}
}

// TestEntitiesOfALongText checks that a text longer than one window gives its entities
// with offsets into the whole text, in every window.
func TestEntitiesOfALongText(t *testing.T) {
	para := "The council of Riverton met on Tuesday to debate the harbour bridge and its repairs, which will take six weeks.\n\n"
	last := "Angela Merkel visited Paris on Friday."
	text := strings.Repeat("é "+para, 3*windowBytes/len(para)) + last
	ents := newRecognizer(t).Entities(text)
	runes := []rune(text)
	found := map[string]int{}
	for _, e := range ents {
		for _, m := range e.Mentions {
			if string(runes[m.Start:m.End]) != m.Text {
				t.Fatalf("%s: %q at [%d,%d) holds %q", e.Name, m.Text, m.Start, m.End, string(runes[m.Start:m.End]))
			}
			found[m.Text]++
		}
	}
	if want := 3 * windowBytes / len(para); found["Riverton"] != want {
		t.Errorf("Riverton found %d times, want %d", found["Riverton"], want)
	}
	if found["Angela Merkel"] != 1 || found["Paris"] != 1 {
		t.Errorf("the last window's names: %v", found)
	}
}
