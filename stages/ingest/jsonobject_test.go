package ingest

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// checkParseObject fails t when parseObject accepts data differently from encoding/json.
func checkParseObject(t *testing.T, data []byte) (accepted bool) {
	t.Helper()
	got, err := parseObject(data)
	var want map[string]json.RawMessage
	werr := json.Unmarshal(data, &want)
	if err != nil {
		return false
	}
	if werr != nil {
		t.Fatalf("parseObject accepted %q, encoding/json says %v", data, werr)
	}
	if len(got) != len(want) {
		t.Fatalf("%q: %d members, encoding/json %d", data, len(got), len(want))
	}
	for k, w := range want {
		g, ok := got[k]
		if !ok || !bytes.Equal(g, w) {
			t.Fatalf("%q: member %q = %q, encoding/json %q", data, k, g, w)
		}
		if len(w) > 0 && w[0] == '"' {
			var ws string
			if err := json.Unmarshal(w, &ws); err != nil {
				t.Fatal(err)
			}
			if gs, ok := unquote(g); !ok || gs != ws {
				t.Fatalf("%q: unquote(%q) = %q, %v; encoding/json %q", data, g, gs, ok, ws)
			}
		}
	}
	return true
}

func TestParseObjectMatchesEncodingJSON(t *testing.T) {
	tests := []struct {
		line   string
		accept bool
	}{
		{`{}`, true},
		{` { } `, true},
		{`{"id":"a","text":"plain"}`, true},
		{`{"id": 12, "text": "tab\tand \"quotes\" and \\ and \/"}`, true},
		{`{"text":"caf\u00e9 \ud83d\ude00 and lone \ud800 end"}`, true},
		{"{\"text\":\"raw \xff byte\"}", true},
		{`{"meta":{"a":[1,2,{"b":"}"}]},"n":-1.5e3,"t":true,"f":null}`, true},
		{`{"a":"x","a":"y"}`, true},
		{`{"text":"bad \x escape"}`, false},
		{"{\"text\":\"control \x01\"}", false},
		{`{"text":"unterminated}`, false},
		{`{"n":01}`, false},
		{`{"t":tru}`, false},
		{`{"a":1,}`, false},
		{`{"a":1} x`, false},
		{`[1,2]`, false},
		{`null`, false},
		{``, false},
	}
	for _, tc := range tests {
		if got := checkParseObject(t, []byte(tc.line)); got != tc.accept {
			t.Errorf("parseObject(%q) accepted = %v, want %v", tc.line, got, tc.accept)
		}
	}
}

func FuzzParseObject(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"caf\u00e9 \ud83d\ude00","meta":{"x":[1,"]"]}}`))
	f.Add([]byte(`{"html":"<p>x<\/p>","published":null}`))
	f.Add([]byte("{\"text\":\"\xff\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParseObject(t, data)
	})
}

// BenchmarkParseObject compares the one-pass reader with encoding/json on a typical
// JSON Lines document: a few short fields and a long article text.
func BenchmarkParseObject(b *testing.B) {
	text := bytes.Repeat([]byte("Officials said on Tuesday that the \"talks\" would resume in Geneva. "), 80)
	line, err := json.Marshal(map[string]any{"id": "doc-1", "url": "https://example.com/a", "published": "2018-06-10", "text": string(text), "lang": "en"})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("one-pass", func(b *testing.B) {
		b.SetBytes(int64(len(line)))
		for b.Loop() {
			fields, err := parseObject(line)
			if err != nil {
				b.Fatal(err)
			}
			if _, ok := unquote(fields["text"]); !ok {
				b.Fatal("bad text")
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(line)))
		for b.Loop() {
			var fields map[string]json.RawMessage
			if err := json.Unmarshal(line, &fields); err != nil {
				b.Fatal(err)
			}
			var s string
			if err := json.Unmarshal(fields["text"], &s); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestHasControl puts every byte value at every position of short and long inputs,
// against the byte-by-byte definition.
func TestHasControl(t *testing.T) {
	for n := 1; n <= 20; n++ {
		for pos := range n {
			for c := range 256 {
				s := bytes.Repeat([]byte{'a'}, n)
				s[pos] = byte(c)
				if got, want := hasControl(s), c < ' '; got != want {
					t.Fatalf("hasControl(%q) = %v, want %v", s, got, want)
				}
			}
		}
	}
}

func TestStringEnd(t *testing.T) {
	tests := []struct {
		data string
		end  int // -1: unterminated
	}{
		{`"abc" x`, 5},
		{`"a\"b" x`, 6},
		{`"a\\" x`, 5},
		{`"a\\\"b" x`, 8},
		{`"\\\\" x`, 6},
		{`"a\" x`, -1},
		{`"`, -1},
	}
	for _, tt := range tests {
		end, ok := stringEnd([]byte(tt.data), 0)
		if !ok {
			end = -1
		}
		if end != tt.end {
			t.Errorf("stringEnd(%q) = %d, want %d", tt.data, end, tt.end)
		}
	}
}

// appendUnquotedBySegments is appendUnquoted as it was: validate and copy the segment up
// to each backslash, then decode the escape. It is the reference of FuzzAppendUnquoted.
func appendUnquotedBySegments(b, lit []byte) ([]byte, bool) {
	if len(lit) < 2 || lit[0] != '"' || lit[len(lit)-1] != '"' {
		return b, false
	}
	s := lit[1 : len(lit)-1]
	for len(s) > 0 {
		k := bytes.IndexByte(s, '\\')
		plain := s
		if k >= 0 {
			plain = s[:k]
		}
		if hasControl(plain) || bytes.IndexByte(plain, '"') >= 0 {
			return b, false
		}
		if utf8.Valid(plain) {
			b = append(b, plain...)
		} else {
			b = appendValidUTF8(b, plain)
		}
		if k < 0 {
			break
		}
		s = s[k:]
		n := escapeLen(s)
		switch {
		case n == 0:
			return b, false
		case n == 2:
			b = append(b, unescaped[s[1]])
		default:
			r, _ := hex4(s[2:6])
			if utf16.IsSurrogate(r) {
				if len(s) >= 12 && s[6] == '\\' && s[7] == 'u' {
					if r2, ok := hex4(s[8:12]); ok {
						if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
							b = utf8.AppendRune(b, dec)
							n = 12
							s = s[n:]
							continue
						}
					}
				}
				r = utf8.RuneError
			}
			b = utf8.AppendRune(b, r)
		}
		s = s[n:]
	}
	return b, true
}

// appendValidUTF8 appends s with each invalid byte replaced by U+FFFD.
func appendValidUTF8(b, s []byte) []byte {
	for len(s) > 0 {
		r, size := utf8.DecodeRune(s)
		if r == utf8.RuneError && size == 1 {
			b = utf8.AppendRune(b, utf8.RuneError)
		} else {
			b = append(b, s[:size]...)
		}
		s = s[size:]
	}
	return b
}

func FuzzAppendUnquoted(f *testing.F) {
	for _, s := range []string{`"plain"`, `"a\"b\\c\/d\n"`, `"\u003cp\u003e caf\u00e9"`, `"\ud83d\ude00 \ud83d x \ude00"`,
		"\"caf\xc3\xa9 \xff \xe2\x82\"", "\"\xe2\x82\\n\"", `"\x"`, `"\u12"`, `"a"b"`, "\"a\tb\"", `"`, `""`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, lit []byte) {
		got, ok := appendUnquoted([]byte("x"), lit)
		want, wantOK := appendUnquotedBySegments([]byte("x"), lit)
		if ok != wantOK || ok && !bytes.Equal(got, want) {
			t.Fatalf("appendUnquoted(%q) = %q, %v; want %q, %v", lit, got, ok, want, wantOK)
		}
	})
}

// BenchmarkAppendUnquoted unquotes a page as Go's encoder writes it into JSON Lines.
func BenchmarkAppendUnquoted(b *testing.B) {
	page := strings.Repeat("<div class=\"story\">\n  <p>Officials said on Tuesday that the talks would resume in Gen\u00e8ve &amp; Z\u00fcrich.</p>\n</div>\n", 200)
	lit, err := json.Marshal(page)
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		fn   func(b, lit []byte) ([]byte, bool)
	}{{"one-pass", appendUnquoted}, {"by-segments", appendUnquotedBySegments}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(lit)))
			buf := make([]byte, 0, len(lit))
			for b.Loop() {
				if _, ok := bc.fn(buf[:0], lit); !ok {
					b.Fatal("not a string")
				}
			}
		})
	}
}

// TestPlainWord puts every byte value at every position of a plain word, against plainByte.
func TestPlainWord(t *testing.T) {
	for pos := 0; pos < 8; pos++ {
		for c := 0; c < 256; c++ {
			w := []byte("abcdefgh")
			w[pos] = byte(c)
			if got, want := plainWord(binary.LittleEndian.Uint64(w)), plainByte[c]; got != want {
				t.Errorf("plainWord(%q) = %v, want %v", w, got, want)
			}
		}
	}
}
