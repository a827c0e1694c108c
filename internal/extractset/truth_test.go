package extractset

import (
	"testing"

	"golang.org/x/text/encoding/unicode"
)

func TestTruthText(t *testing.T) {
	utf16le := func(s string) []byte {
		b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	// asLatin1 converts every byte to the UTF-8 of the Latin-1 character it names.
	asLatin1 := func(b []byte) []byte {
		var out []byte
		for _, c := range b {
			out = append(out, string(rune(c))...)
		}
		return out
	}
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"UTF-8", []byte("Forgiving your enemies\r\nby Paulo"), "Forgiving your enemies\r\nby Paulo"},
		{"UTF-8 starting with ÿþ as text", []byte("ÿþ is no mark here"), "ÿþ is no mark here"},
		{"UTF-16 with its mark", utf16le("Café opens – today"), "Café opens – today"},
		{"UTF-16 converted from Latin-1 to UTF-8", asLatin1(utf16le("Forgiving your enemies, café")), "Forgiving your enemies, café"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := truthText(tt.in); got != tt.want {
				t.Errorf("truthText = %q, want %q", got, tt.want)
			}
		})
	}
}
