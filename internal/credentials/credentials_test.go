package credentials

import (
	"fmt"
	"slices"
	"testing"
)

func TestKnown(t *testing.T) {
	tests := []struct {
		name, in string
		want     bool
	}{
		{"capitals", "RD", true},
		{"dotted", "Ph.D.", true},
		{"hyphen", "PA-C", true},
		{"a word of the same letters", "Do", false},
		{"lower case", "md", false},
		{"an agency", "CNN", false},
		{"too long", "ABCDEFGHIJ", false},
		{"digits", "E-RYT200", false},
		{"a registered title", "CFP®", true},
		{"a footnote's mark", "MD*", true},
		{"a mark alone", "*", false},
		{"a mark after a word", "Do*", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Known(tt.in); got != tt.want {
				t.Errorf("Known(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestOnly(t *testing.T) {
	tests := []struct {
		name, in string
		want     bool
	}{
		{"one", "MS", true},
		{"two", "M.D. FACLM", true},
		{"a role", "Senior Editor", false},
		{"a credential and a word", "MD Reuters", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Only(tt.in); got != tt.want {
				t.Errorf("Only(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestTrim(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"credentials", "Jillian Kubala, MS, RD", "Jillian Kubala"},
		{"dotted", "Genevieve Carlton, Ph.D.", "Genevieve Carlton"},
		{"none", "Jillian Kubala", "Jillian Kubala"},
		{"a role", "Jane Roe, Senior Editor", "Jane Roe, Senior Editor"},
		{"a credential then a publication", "Jane Roe, MD, Reuters", "Jane Roe, MD, Reuters"},
		{"a credential with a footnote's mark", "Angela Holliday-Bell, MD*", "Angela Holliday-Bell"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Trim(tt.in); got != tt.want {
				t.Errorf("Trim(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestAttach(t *testing.T) {
	tests := []struct {
		name  string
		names []string
		part  string
		want  []string
		ok    bool
	}{
		{"credentials after a name", []string{"Jane Roe", "Jillian Kubala"}, "MS", []string{"Jane Roe", "Jillian Kubala, MS"}, true},
		{"spaces trimmed", []string{"Jillian Kubala"}, " MS RD ", []string{"Jillian Kubala, MS RD"}, true},
		{"a name, not credentials", []string{"Jane Roe"}, "John Doe", []string{"Jane Roe"}, false},
		{"no name before", nil, "MD", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if ok := Attach(tt.names, tt.part); ok != tt.ok || !slices.Equal(tt.names, tt.want) {
				t.Errorf("Attach(%q) = %v, names %q; want %v, %q", tt.part, ok, tt.names, tt.ok, tt.want)
			}
		})
	}
}

func ExampleTrim() {
	fmt.Println(Trim("Jillian Kubala, MS, RD"))
	// Output: Jillian Kubala
}
