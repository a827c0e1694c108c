package givennames

import (
	"fmt"
	"testing"
)

func TestKnown(t *testing.T) {
	tests := []struct {
		name, word string
		want       bool
	}{
		{"a woman's name", "jane", true},
		{"a man's name", "david", true},
		{"a menu word", "select", false},
		{"capitalised words are not looked up", "Jane", false},
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
	fmt.Println(Known("maria"), Known("category"))
	// Output: true false
}
