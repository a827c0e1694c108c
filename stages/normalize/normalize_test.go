package normalize

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestLine(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"already clean", "Kim Jong Un met Assad.", "Kim Jong Un met Assad."},
		{"trim and collapse", "  two   spaces\tand tab  ", "two spaces and tab"},
		{"no-break and thin spaces", "10\u00a0June\u2009 2018", "10 June 2018"},
		{"NFC composes", "cafe\u0301", "café"},
		{"zero-width and soft hyphen dropped", "news\u200bpaper in\u00adcredible", "newspaper incredible"},
		{"BOM and bidi marks dropped", "\ufeff\u200eHello\u202c", "Hello"},
		{"control characters dropped", "bell\x07 and\x00 nul", "bell and nul"},
		{"joiners kept", "👨\u200d👩 می\u200cخواهم", "👨\u200d👩 می\u200cخواهم"},
		{"empty", "", ""},
		{"only spaces", " \u00a0\t ", ""},
	}
	for _, tt := range tests {
		if got := Line(tt.in); got != tt.want {
			t.Errorf("%s: Line(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestText(t *testing.T) {
	in := "Title\r\n\r\n\r\n  Para one.\rPara two.\u2028Para three.\n\n\n\n"
	want := "Title\n\nPara one.\nPara two.\nPara three."
	if got := Text(in); got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
}

func TestLines(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", []string{""}},
		{"one", []string{"one"}},
		{"a\nb", []string{"a", "b"}},
		{"a\r\nb\rc", []string{"a", "b", "c"}},
		{"a\r\r\nb", []string{"a", "", "b"}},
		{"a\u2028b\u2029c", []string{"a", "b", "c"}},
		{"ends\n", []string{"ends", ""}},
		{" x \u2026\n\u2028", []string{"x \u2026", "", ""}},
	}
	for _, tt := range tests {
		if got := Lines(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Lines(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzLines checks Lines against the obvious definition: replace every line break
// by "\n", split, normalise each part.
func FuzzLines(f *testing.F) {
	f.Add("a\r\nb\rc\u2028d\u2029e\n")
	f.Add("\xe2\x80\r\xe2\x80\xa8")
	breaks := strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n")
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Split(breaks.Replace(s), "\n")
		for i, p := range want {
			want[i] = Line(p)
		}
		if got := Lines(s); !slices.Equal(got, want) {
			t.Fatalf("Lines(%q) = %q, want %q", s, got, want)
		}
	})
}

// lineByRunes is Line as its doc comment defines it, one rune at a time with the
// unicode package's tables, without the fast paths for ASCII.
func lineByRunes(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case invisible(r):
			continue
		case r == '\t' || unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
			space = true
			continue
		case unicode.IsControl(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

func FuzzLine(f *testing.F) {
	f.Add("  a\u00a0b\u200b c ")
	f.Add("e\u0301\r\n\x00")
	f.Add("\t\v\f x \x7f\x1f y\u0085z\xff ")
	f.Fuzz(func(t *testing.T, s string) {
		got := Line(s)
		if want := lineByRunes(s); got != want {
			t.Fatalf("Line(%q) = %q, want %q", s, got, want)
		}
		if !utf8.ValidString(got) && utf8.ValidString(s) {
			t.Fatalf("Line(%q) = invalid UTF-8 %q", s, got)
		}
		if strings.Contains(got, "  ") || strings.ContainsAny(got, "\n\r\t\u200b") || strings.TrimSpace(got) != got {
			t.Fatalf("Line(%q) = %q is not normal", s, got)
		}
		if Line(got) != got {
			t.Fatalf("Line is not idempotent on %q", s)
		}
	})
}
