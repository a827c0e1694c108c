package shingle

import (
	"math"
	"reflect"
	"testing"
	"unicode"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"latin", "Kim's 2018 summit — in Singapore_city, ça va?", []string{"Kim", "s", "2018", "summit", "in", "Singapore_city", "ça", "va"}},
		{"decomposed accent stays in its word", "cafe\u0301 noir", []string{"cafe\u0301", "noir"}},
		{"devanagari vowel signs and virama", "हिन्दी समाचार", []string{"हिन्दी", "समाचार"}},
		{"japanese, one token per character", "T東京都は、", []string{"T", "東", "京", "都", "は"}},
		{"kana then latin then digits", "ニュースAI 2025年", []string{"ニ", "ュ", "ー", "ス", "AI", "2025", "年"}},
		{"thai characters keep their marks", "ที่นี่", []string{"ที่", "นี่"}},
		{"korean is written with spaces", "서울 시장", []string{"서울", "시장"}},
		{"no word", " —, ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Tokens(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Tokens(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// tokensReference is Tokens by its definition, rune by rune.
func tokensReference(s string) []string {
	var toks []string
	start, solo := -1, false
	for i, r := range s {
		word := unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || r == '_'
		mark := unicode.IsMark(r)
		alone := word && !mark && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
			unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Thai, r) || unicode.Is(unicode.Lao, r) ||
			unicode.Is(unicode.Khmer, r) || unicode.Is(unicode.Myanmar, r))
		if start >= 0 && (!word || alone || solo && !mark) {
			toks = append(toks, s[start:i])
			start = -1
		}
		if word && start < 0 {
			start = i
		}
		solo = word && (alone || solo && mark)
	}
	if start >= 0 {
		toks = append(toks, s[start:])
	}
	return toks
}

// FuzzTokens checks Tokens, ASCII table included, against its definition.
func FuzzTokens(f *testing.F) {
	for _, s := range []string{"", "Kim's 2018 summit — in Singapore_city, ça va?", "\xffa\xc3", "x\u00a0y٣z", "T東京都は、ニュースAI ที่นี่ e\u0301"} {
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
