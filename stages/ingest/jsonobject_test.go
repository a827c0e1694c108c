package ingest

import (
	"bytes"
	"encoding/json"
	"testing"
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
