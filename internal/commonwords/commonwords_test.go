package commonwords

import (
	"fmt"
	"testing"
)

func TestKnown(t *testing.T) {
	tests := []struct {
		name, word string
		want       bool
	}{
		{"a participle", "released", true},
		{"a superlative", "latest", true},
		{"a noun", "category", true},
		{"a plural", "posts", true},
		{"a surname", "johnson", false},
		{"a given name", "jane", false},
		{"capitalised words are not looked up", "Latest", false},
		{"one letter", "a", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Known(tt.word); got != tt.want {
				t.Errorf("Known(%q) = %v, want %v", tt.word, got, tt.want)
			}
		})
	}
}

func ExampleKnown() {
	fmt.Println(Known("marketing"), Known("johnson"))
	// Output: true false
}

func TestOnlyCommon(t *testing.T) {
	tests := []struct {
		name, in string
		want     bool
	}{
		{"a date's label", "Released", true},
		{"a menu item", "Recent Posts", true},
		{"one-letter words are not weighed", "Find A Location", true},
		{"punctuation around the words", "(Latest News)", true},
		{"a person", "Jane Roe", false},
		{"a surname that is a word, after a given name", "Autumn Adams", false},
		{"a given name that is a word", "Bill Pay", false},
		{"a word then a surname", "Marketing Jones", false},
		{"no word of two letters", "A", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := OnlyCommon(tt.in); got != tt.want {
				t.Errorf("OnlyCommon(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func ExampleOnlyCommon() {
	fmt.Println(OnlyCommon("Latest News"), OnlyCommon("Jane Roe"))
	// Output: true false
}

// TestListSorted checks that the list is sorted and without repeats, as Known's binary
// search needs.
func TestListSorted(t *testing.T) {
	if len(words) < 1000 {
		t.Fatalf("%d common words", len(words))
	}
	for i := 1; i < len(words); i++ {
		if words[i-1] >= words[i] {
			t.Fatalf("%q before %q", words[i-1], words[i])
		}
	}
}

func BenchmarkOnlyCommon(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		OnlyCommon("Recent Posts")
		OnlyCommon("Jane Roe")
	}
}
