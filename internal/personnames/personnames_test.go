package personnames

import (
	"fmt"
	"testing"
)

func TestGivenAndFamily(t *testing.T) {
	tests := []struct {
		name, word    string
		given, family bool
	}{
		{"a woman's given name", "jane", true, false},
		{"a man's given name", "david", true, true},
		{"a common surname", "hansen", false, true},
		{"another surname", "rhodes", false, true},
		{"a menu word", "select", false, false},
		{"a product word", "vpn", false, false},
		{"a place word", "valley", false, false},
		{"capitalised words are not looked up", "Hansen", false, false},
		{"empty", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Given(tt.word); got != tt.given {
				t.Errorf("Given(%q) = %v, want %v", tt.word, got, tt.given)
			}
			if got := Family(tt.word); got != tt.family {
				t.Errorf("Family(%q) = %v, want %v", tt.word, got, tt.family)
			}
		})
	}
}

func ExampleGiven() {
	fmt.Println(Given("maria"), Given("category"))
	// Output: true false
}

func ExampleFamily() {
	fmt.Println(Family("rhodes"), Family("insurance"))
	// Output: true false
}
