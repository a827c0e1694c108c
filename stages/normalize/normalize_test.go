package normalize

import (
	"strings"
	"testing"
	"unicode/utf8"
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

func FuzzLine(f *testing.F) {
	f.Add("  a\u00a0b\u200b c ")
	f.Add("e\u0301\r\n\x00")
	f.Fuzz(func(t *testing.T, s string) {
		got := Line(s)
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
