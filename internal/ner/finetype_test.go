package ner

import "testing"

func TestListKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"U.S.", "us"},
		{"Washington, D.C.", "washington dc"},
		{"  The  Hague ", "hague"},
		{"the", "the"},
		{"Montréal", "montreal"},
		{"Côte d’Ivoire", "cote d'ivoire"},
		{"\tNEW\nYORK\r", "new york"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := listKey(tt.in); got != tt.want {
			t.Errorf("listKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzListKey checks the short path for ASCII names against the general one.
func FuzzListKey(f *testing.F) {
	for _, s := range []string{"U.S.", "the  Hague", "the ", "Washington, D.C.", "\x0b\x0cA", "Québec"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendListKey([]byte("x"), s)), "x"+slowListKey(s); got != want {
			t.Fatalf("appendListKey(%q) = %q, want %q", s, got, want)
		}
	})
}
