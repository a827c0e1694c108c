package shingle

import (
	"math"
	"reflect"
	"testing"
	"unicode"
)

func TestTokens(t *testing.T) {
	got := Tokens("Kim's 2018 summit — in Singapore_city, ça va?")
	want := []string{"Kim", "s", "2018", "summit", "in", "Singapore_city", "ça", "va"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Tokens = %q, want %q", got, want)
	}
}

// tokensReference is Tokens by its definition, rune by rune.
func tokensReference(s string) []string {
	var toks []string
	start := -1
	for i, r := range s {
		switch word := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'; {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			toks = append(toks, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, s[start:])
	}
	return toks
}

// FuzzTokens checks Tokens, ASCII table included, against its definition.
func FuzzTokens(f *testing.F) {
	for _, s := range []string{"", "Kim's 2018 summit — in Singapore_city, ça va?", "\xffa\xc3", "x\u00a0y٣z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Tokens(s), tokensReference(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("Tokens(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestShingles(t *testing.T) {
	tests := []struct {
		text string
		want map[string]int
	}{
		{"", map[string]int{}},
		{"one two", map[string]int{"one two": 1}},
		{"a b c d e", map[string]int{"a b c d": 1, "b c d e": 1}},
		{"x x x x x", map[string]int{"x x x x": 2}},
	}
	for _, tt := range tests {
		if got := Shingles(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Shingles(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScoreAndSummarize(t *testing.T) {
	truth := "a b c d e f" // shingles: abcd bcde cdef
	perfect := Score("a b c d e f", truth)
	half := Score("a b c d e x y z", truth) // abcd bcde (TP 2), cdex dexy exyz (FP 3), cdef (FN 1)
	empty := Score("", truth)
	if !near(perfect.Precision, 1) || !near(perfect.Recall, 1) {
		t.Errorf("perfect = %+v", perfect)
	}
	if !near(half.Precision, 2.0/5) || !near(half.Recall, 2.0/3) {
		t.Errorf("half = %+v", half)
	}
	if !empty.Empty || empty.Recall != 0 {
		t.Errorf("empty = %+v", empty)
	}
	s := Summarize([]Page{perfect, half, empty})
	// Precision averages the two non-empty pages; recall averages all three.
	p, r := (1+2.0/5)/2, (1+2.0/3+0)/3
	if !near(s.Precision, p) || !near(s.Recall, r) || !near(s.F1, 2*p*r/(p+r)) || s.Pages != 3 {
		t.Errorf("Summarize = %+v, want P %.4f R %.4f", s, p, r)
	}
}
