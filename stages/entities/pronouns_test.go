package entities

import (
	"slices"
	"testing"

	"github.com/newspipe/newspipe/internal/ner"
)

func TestMarkPronouns(t *testing.T) {
	tests := []struct {
		name, text, mention string
		want                int8
	}{
		{"its after the name", "Moncler raised its forecast.", "Moncler", 1},
		{"his after the name", "Kerry said his team was ready.", "Kerry", -1},
		{"her after the name", "Haines said she would serve.", "Haines", -1},
		{"the first pronoun decides", "Smith said his firm and its rivals agreed.", "Smith", -1},
		{"it is too often a subject of its own", "Smith said it was raining.", "Smith", 0},
		{"no pronoun", "Astralis won on Sunday.", "Astralis", 0},
		{"not past the sentence", "Sentix rose. Its index fell.", "Sentix", 0},
		{"not beyond the reach", "Pfizer a b c d e f g h i j k l m n o its", "Pfizer", 0},
		{"a two-token name has no cue", "Yara ASA said its output rose.", "Yara ASA", 0},
		{"another name may be the antecedent", "If Moxie were Frodo, QuickBooks would be its wizard.", "Moxie", 0},
		{"a capitalised word stops the search", "Rihanna sang for Apple and its fans.", "Rihanna", 0},
		{"a clause break stops the search", "songs by Rihanna, accelerating its activity", "Rihanna", 0},
		{"a capitalised pronoun is a pronoun", "Kerry said \"He would\" be there.", "Kerry", 0},
		{"a capitalised pronoun after the name", "Ms Haines She said.", "Haines", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := ner.Tokenize(tt.text)
			sents := ner.Sentences(tt.text, toks)
			sentEnd := make([]int, len(toks))
			k := 0
			for _, s := range sents {
				for j := range s {
					sentEnd[k+j] = k + len(s)
				}
				k += len(s)
			}
			mt := ner.Tokenize(tt.mention)
			at := slices.IndexFunc(toks, func(t ner.Token) bool { return t.Text == mt[0].Text })
			ms := []mention{{toks: toks[at : at+len(mt)], text: tt.mention}}
			markPronouns(toks, sentEnd, ms)
			if ms[0].pronoun != tt.want {
				t.Errorf("pronoun cue of %q in %q = %d, want %d", tt.mention, tt.text, ms[0].pronoun, tt.want)
			}
		})
	}
}

func TestThingNotPerson(t *testing.T) {
	one := []ner.Token{{Text: "Moncler"}}
	two := []ner.Token{{Text: "Remo"}, {Text: "Ruffini"}}
	tests := []struct {
		name string
		ms   []mention
		want bool
	}{
		{"its more often than he", []mention{{toks: one, pronoun: 1}, {toks: one, pronoun: 1}, {toks: one, pronoun: -1}}, true},
		{"as often he as its", []mention{{toks: one, pronoun: 1}, {toks: one, pronoun: -1}}, false},
		{"no pronoun", []mention{{toks: one}, {toks: one}}, false},
		{"a full name among the mentions", []mention{{toks: one, pronoun: 1}, {toks: two}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			idx := make([]int, len(tt.ms))
			for i := range idx {
				idx[i] = i
			}
			if got := thingNotPerson(tt.ms, idx); got != tt.want {
				t.Errorf("thingNotPerson = %v, want %v", got, tt.want)
			}
		})
	}
}
