package entities

import (
	"testing"

	"github.com/newspipe/newspipe/internal/ner"
)

func TestIndexCue(t *testing.T) {
	tests := []struct {
		name          string
		entity, after string
		want          bool
	}{
		{"noun right after", "Nikkei", "average fell", true},
		{"share modifier", "Nikkei", "share average", true},
		{"size and noun", "FTSE", "100 index", true},
		{"size in shares", "Nikkei", "225-share average", true},
		{"two modifiers", "Dow Jones", "industrial stock average", true},
		{"three modifiers are too many", "Dow Jones", "blue-chip industrial stock average", false},
		{"nothing after", "Nikkei", "", false},
		{"possessive", "Sentix", "'s index", false},
		{"other word between", "Reuters", "poll average", false},
		{"an exchange's own index", "American Stock Exchange", "index", false},
		{"an index fund is a product", "Vanguard", "index funds", false},
		{"capitalised noun", "Nikkei", "Index", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := indexCue(ner.Tokenize(tt.entity), ner.Tokenize(tt.after)); got != tt.want {
				t.Errorf("indexCue(%q, %q) = %v, want %v", tt.entity, tt.after, got, tt.want)
			}
		})
	}
}
