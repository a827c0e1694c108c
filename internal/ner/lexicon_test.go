package ner

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testLexicon builds a lexicon from small list files.
func testLexicon(t *testing.T) *Lexicon {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"places.lst": "\uFEFFNew York\nParis (Texas)\nSpringfield, Illinois\nYork\n",
		"orgs.lst":   "New York Stock Exchange\nPixar Animation Studios\n",
		"teams":      "Oklahoma Sooners\nManchester United F.C.\n",
		"given":      "Andrew\n",
		"titles":     "Prince \n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	l, err := BuildLexicon(dir, []LexiconSource{
		{"places.lst", "location"}, {"orgs.lst", "organisation"}, {"teams", "team"},
		{"given", "given-name"}, {"titles", "title"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestLexiconLookup(t *testing.T) {
	l := testLexicon(t)
	tests := []struct {
		name   string
		phrase string
		want   uint16
	}{
		{"place", "new york", 1<<lexLocation | lexPrefix},
		{"case folded", "NEW YORK", 1<<lexLocation | lexPrefix},
		{"prefix only", "new", lexPrefix},
		{"organisation", "new york stock exchange", 1 << lexOrg},
		{"qualifier dropped", "paris", 1<<lexLocation | lexPrefix},
		{"qualified form kept", "paris ( texas )", 1 << lexLocation},
		{"comma qualifier dropped", "springfield", 1<<lexLocation | lexPrefix},
		{"team", "oklahoma sooners", 1 << lexTeam},
		{"team's last word", "sooners", 1 << lexTeamName},
		{"title with trailing space", "prince", 1 << lexTitle},
		{"absent", "burbank", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := strings.Fields(strings.ToLower(tc.phrase))
			if got := l.lookup(phraseHash(toks)); got != tc.want {
				t.Errorf("lookup(%q) = %b, want %b", tc.phrase, got, tc.want)
			}
		})
	}
}

func TestMarkLexicon(t *testing.T) {
	l := testLexicon(t)
	f := newFeaturizer(nil, 4, nil, l)
	mark := func(c, pos int) uint64 { return 1 << (c*4 + pos) }
	tests := []struct {
		name  string
		words string
		want  []uint64
	}{
		{"longest match wins", "the New York Stock Exchange fell", []uint64{0,
			mark(lexOrg, posBegin), mark(lexOrg, posInside), mark(lexOrg, posInside), mark(lexOrg, posLast), 0}},
		{"shorter match where the longer fails", "New York Stock prices", []uint64{
			mark(lexLocation, posBegin), mark(lexLocation, posLast), 0, 0}},
		{"headline capitals", "NEW YORK", []uint64{mark(lexLocation, posBegin), mark(lexLocation, posLast)}},
		{"single words", "Prince Andrew", []uint64{mark(lexTitle, posUnit), mark(lexGivenName, posUnit)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			words := strings.Fields(tc.words)
			f.scanDocument([][]string{words})
			f.startSentence(0, words, nil)
			for i, want := range tc.want {
				if got := f.lexMarks[i]; got != want {
					t.Errorf("token %d %q: marks %b, want %b", i, words[i], got, want)
				}
			}
		})
	}
}

func TestBuildLexiconErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := BuildLexicon(dir, []LexiconSource{{"missing.lst", "location"}}); err == nil {
		t.Error("a missing file gave no error")
	}
	os.WriteFile(filepath.Join(dir, "a.lst"), []byte("A\n"), 0o644)
	if _, err := BuildLexicon(dir, []LexiconSource{{"a.lst", "planet"}}); err == nil {
		t.Error("an unknown category gave no error")
	}
}
