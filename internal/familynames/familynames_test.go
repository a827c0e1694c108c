package familynames

import (
	"fmt"
	"testing"
)

func TestKnown(t *testing.T) {
	tests := []struct {
		name, word string
		want       bool
	}{
		{"a common surname", "hansen", true},
		{"another surname", "rhodes", true},
		{"a product word", "vpn", false},
		{"a place word", "valley", false},
		{"capitalised words are not looked up", "Hansen", false},
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
	fmt.Println(Known("rhodes"), Known("insurance"))
	// Output: true false
}
