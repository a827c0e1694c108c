package ner

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func tokenTexts(toks []Token) string {
	var s []string
	for _, t := range toks {
		s = append(s, t.Text)
	}
	return strings.Join(s, "|")
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Kim Jong-un's popularity", "Kim|Jong-un|'s|popularity"},
		{"Syria’s Bashar al-Assad ‘planning state visit’", "Syria|’s|Bashar|al-Assad|‘|planning|state|visit|’"},
		{"the U.S. and the U.K.", "the|U.S.|and|the|U.K."},
		{"vis-a-vis the U.S..", "vis-a-vis|the|U.S.|."},
		{"Mr. Smith paid $1,000.50 on 1996-08-22.", "Mr.|Smith|paid|$|1,000.50|on|1996-08-22|."},
		{"He said: \"We don't know.\"", "He|said|:|\"|We|do|n't|know|.|\""},
		{"they're here, aren't they?", "they|'re|here|,|are|n't|they|?"},
		{"Assad - one of the White House’s key adversaries - on", "Assad|-|one|of|the|White|House|’s|key|adversaries|-|on"},
		{"cancelled—and then (again)", "cancelled|—|and|then|(|again|)"},
		{"AT&T and O'Neill at 12:39 PM", "AT&T|and|O'Neill|at|12:39|PM"},
		{"Wait... what…", "Wait|...|what|…"},
		{"J. R. R. Tolkien", "J.|R.|R.|Tolkien"},
		{"leaders' meeting", "leaders|'|meeting"},
		{"example.com rocks.", "example.com|rocks|."},
		{"C$1.5 billion, HK$ 16,800 or US$20", "C$|1.5|billion|,|HK$|16,800|or|US$|20"},
		{"costs $5 in DOLLAR$ or Rs$3", "costs|$|5|in|DOLLAR|$|or|Rs|$|3"},
		{"", ""},
		{"  \n\t ", ""},
	}
	for _, tt := range tests {
		got := tokenTexts(Tokenize(tt.in))
		if got != tt.want {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenizeOffsets(t *testing.T) {
	text := "Syria’s Bashar al-Assad met “Kim Jong Un” in Pyongyang — São Paulo."
	runes := []rune(text)
	toks := Tokenize(text)
	if len(toks) == 0 {
		t.Fatal("no tokens")
	}
	for _, tok := range toks {
		if text[tok.Start:tok.End] != tok.Text {
			t.Errorf("byte offsets of %q: text has %q", tok.Text, text[tok.Start:tok.End])
		}
		if string(runes[tok.RuneStart:tok.RuneEnd]) != tok.Text {
			t.Errorf("rune offsets of %q: text has %q", tok.Text, string(runes[tok.RuneStart:tok.RuneEnd]))
		}
	}
	// Spot check one offset by hand: "Pyongyang" starts after 45 code points.
	want := strings.Index(text, "Pyongyang")
	for _, tok := range toks {
		if tok.Text == "Pyongyang" {
			if tok.Start != want || tok.RuneStart != utf8.RuneCountInString(text[:want]) {
				t.Errorf("Pyongyang at %d/%d, want %d/%d", tok.Start, tok.RuneStart, want, utf8.RuneCountInString(text[:want]))
			}
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Mun Jong Nam.\nAssad said so. He left.", []string{"Mun Jong Nam .", "Assad said so .", "He left ."}},
		{"Mr. Smith met Dr. Jones. They talked.", []string{"Mr. Smith met Dr. Jones .", "They talked ."}},
		{"It grew in the U.S. The rest fell.", []string{"It grew in the U.S.", "The rest fell ."}},
		{"He said \"Go.\" Then he left!", []string{"He said \" Go . \"", "Then he left !"}},
		{"Headline without a period\nBody text here.", []string{"Headline without a period", "Body text here ."}},
		{"Prices rose 3.5 percent. Analysts were surprised.", []string{"Prices rose 3.5 percent .", "Analysts were surprised ."}},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.in)
		var got []string
		for _, s := range Sentences(tt.in, toks) {
			var w []string
			for _, tok := range s {
				w = append(w, tok.Text)
			}
			got = append(got, strings.Join(w, " "))
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("Sentences(%q) =\n%q\nwant\n%q", tt.in, got, tt.want)
		}
	}
}

// TestSentencesMaxLength checks that a run of tokens without a boundary is cut into
// sentences of MaxSentenceTokens, and that the sentences still cover every token in order.
func TestSentencesMaxLength(t *testing.T) {
	tests := []struct {
		words int
		want  []int // sentence lengths
	}{
		{MaxSentenceTokens - 1, []int{MaxSentenceTokens - 1}},
		{MaxSentenceTokens, []int{MaxSentenceTokens}},
		{MaxSentenceTokens + 1, []int{MaxSentenceTokens, 1}},
		{2*MaxSentenceTokens + 200, []int{MaxSentenceTokens, MaxSentenceTokens, 200}},
	}
	for _, tt := range tests {
		text := strings.Repeat("word ", tt.words) + "\nNext line."
		toks := Tokenize(text)
		var got []int
		next := 0
		for _, s := range Sentences(text, toks) {
			got = append(got, len(s))
			if s[0] != toks[next] {
				t.Fatalf("%d words: a sentence starts at %+v, want token %d", tt.words, s[0], next)
			}
			next += len(s)
		}
		want := append(tt.want, 3) // "Next line ."
		if !slices.Equal(got, want) {
			t.Errorf("%d words on a line: sentence lengths %v, want %v", tt.words, got, want)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"Kim Jong-un's popularity", "U.S.. don't", "’s ‘ — …", "1,000.50 12:39", "\xff\xfe bad utf8 'n't",
		"a.b.c.d.e", "n't", "'s", "--- ... ''", "Mr.\nSmith",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := Tokenize(text)
		prevEnd, prevRune := 0, 0
		for _, tok := range toks {
			if tok.Start < prevEnd || tok.End <= tok.Start || tok.End > len(text) || text[tok.Start:tok.End] != tok.Text {
				t.Fatalf("bad token %+v after byte %d in %q", tok, prevEnd, text)
			}
			if tok.RuneStart < prevRune || tok.RuneEnd <= tok.RuneStart {
				t.Fatalf("bad rune offsets %+v in %q", tok, text)
			}
			prevEnd, prevRune = tok.End, tok.RuneEnd
		}
		n := 0
		for _, s := range Sentences(text, toks) {
			if len(s) == 0 {
				t.Fatalf("empty sentence in %q", text)
			}
			n += len(s)
		}
		if n != len(toks) {
			t.Fatalf("sentences hold %d tokens, want %d", n, len(toks))
		}
	})
}
