package trafilatura

import (
	"strings"
	"testing"
)

// trimReference is upstream's trim, without the fast path.
func trimReference(s string) string {
	return strings.TrimSpace(strings.Join(strings.Fields(s), " "))
}

func TestTrim(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		trimmed  bool
	}{
		{"", "", true},
		{"a", "a", true},
		{"a b c", "a b c", true},
		{" a", "a", false},
		{"a ", "a", false},
		{" ", "", false},
		{"a  b", "a b", false},
		{"a\tb", "a b", false},
		{"a\nb", "a b", false},
		{"a\u00a0b", "a b", false},     // no-break space
		{"a\u3000b", "a b", false},     // ideographic space
		{"a\u200bb", "a\u200bb", true}, // zero-width space is not white space
		{"été à Paris", "été à Paris", true},
		{"\xffa b\xfe", "\xffa b\xfe", true}, // invalid UTF-8 is kept
	} {
		if got := isTrimmed(tc.in); got != tc.trimmed {
			t.Errorf("isTrimmed(%q) = %v, want %v", tc.in, got, tc.trimmed)
		}
		if got := trim(tc.in); got != tc.want {
			t.Errorf("trim(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := trimReference(tc.in); got != tc.want {
			t.Errorf("trimReference(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzTrim checks trim, fast path included, against upstream's definition.
func FuzzTrim(f *testing.F) {
	for _, s := range []string{"", "a b", " a  b ", "a\u00a0b", "\xff \x85", "a\u2028b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := trimReference(s)
		if got := trim(s); got != want {
			t.Fatalf("trim(%q) = %q, want %q", s, got, want)
		}
		if isTrimmed(s) != (want == s) {
			t.Fatalf("isTrimmed(%q) = %v, but trim gives %q", s, isTrimmed(s), want)
		}
	})
}
