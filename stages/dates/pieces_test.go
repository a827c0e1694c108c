package dates

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestPieceEnd(t *testing.T) {
	long := func(parts ...string) string { return strings.Join(parts, "") }
	tests := []struct {
		name string
		line string
		want int
	}{
		{"short line", "On May 31 it rained.\n", len("On May 31 it rained.\n")},
		{"after a sentence end", long(strings.Repeat("w ", maxPieceBytes/4), "End. ", strings.Repeat("w ", maxPieceBytes)), maxPieceBytes/2 + len("End. ")},
		{"after the last space", long(strings.Repeat("word ", maxPieceBytes)), maxPieceBytes - maxPieceBytes%5},
		{"one long word, then a space", long(strings.Repeat("x", maxPieceBytes+10), " tail"), maxPieceBytes + 11},
		{"one long word", strings.Repeat("x", maxPieceBytes+10), maxPieceBytes + 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pieceEnd(tt.line, 0, len(tt.line)); got != tt.want {
				t.Errorf("pieceEnd = %d, want %d", got, tt.want)
			}
		})
	}
}

// TestTagLongLine checks that a line of megabytes, tagged in pieces, gives every date
// with its offsets, as a short line does.
func TestTagLongLine(t *testing.T) {
	sentence := "The council met on May 31, 2018 and again on Tuesday. "
	text := strings.Repeat(sentence, 3*maxPieceBytes/len(sentence)+7)
	got := New().Tag(text, time.Date(2018, 6, 10, 0, 0, 0, 0, time.UTC))
	want := 2 * strings.Count(text, sentence)
	if len(got) != want {
		t.Fatalf("%d dates, want %d", len(got), want)
	}
	runes := []rune(text)
	for i, d := range got {
		if string(runes[d.Start:d.End]) != d.Text {
			t.Fatalf("date %d: %q at [%d,%d) holds %q", i, d.Text, d.Start, d.End, string(runes[d.Start:d.End]))
		}
		if wantText := []string{"May 31, 2018", "Tuesday"}[i%2]; d.Text != wantText {
			t.Fatalf("date %d is %q, want %q", i, d.Text, wantText)
		}
	}
}

func TestEasterSunday(t *testing.T) {
	tests := []struct {
		year int
		want string
	}{
		{1916, "1916-04-23"}, {2000, "2000-04-23"}, {2018, "2018-04-01"}, {2019, "2019-04-21"},
		{2024, "2024-03-31"}, {2025, "2025-04-20"}, {2038, "2038-04-25"},
	}
	for _, tt := range tests {
		if got := fmtDay(easterSunday(tt.year)); got != tt.want {
			t.Errorf("easterSunday(%d) = %s, want %s", tt.year, got, tt.want)
		}
	}
}

// TestNotePoint checks which date values set the year and month that "that year" and
// "that month" refer to.
func TestNotePoint(t *testing.T) {
	tests := []struct {
		name      string
		values    []string
		year, mon int
	}{
		{"day", []string{"2017-05-04"}, 2017, 5},
		{"time", []string{"2016-03-03T10:30"}, 2016, 3},
		{"year only clears the month", []string{"2017-05-04", "2009"}, 2009, 0},
		{"week keeps the year", []string{"2018-W22"}, 2018, 0},
		{"no year leaves both", []string{"2017-05", "XXXX-06", "PAST_REF", "197X", "18"}, 2017, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &tagging{}
			for _, v := range tt.values {
				c.notePoint(v)
			}
			if c.lastYear != tt.year || c.lastMonth != tt.mon {
				t.Errorf("after %v: year %d month %d, want %d %d", tt.values, c.lastYear, c.lastMonth, tt.year, tt.mon)
			}
		})
	}
}

// TestStarterRules checks that trying only some rules after the articles and the narrow
// starters changes no output: every case sentence is tagged as with all rules tried.
func TestStarterRules(t *testing.T) {
	var sentences []string
	for _, name := range []string{"cases.tsv", "timeml-dev.tsv", "timeml-test.tsv"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		cs, err := ReadCases(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, c := range cs {
			sentences = append(sentences, c.Sentence)
		}
	}
	narrow, all := New(), New()
	for _, w := range all.lex {
		w.rules = nil
	}
	ref := time.Date(2018, 6, 10, 0, 0, 0, 0, time.UTC)
	for _, s := range sentences {
		if got, want := narrow.Tag(s, ref), all.Tag(s, ref); !reflect.DeepEqual(got, want) {
			t.Errorf("Tag(%q) = %v, with all rules %v", s, got, want)
		}
	}
}

// TestSuperTuesday checks the day "Super Tuesday" falls on: the first Tuesday of March.
func TestSuperTuesday(t *testing.T) {
	tests := []struct {
		year int
		want string
	}{
		{2016, "2016-03-01"}, {2020, "2020-03-03"}, {2024, "2024-03-05"}, {2026, "2026-03-03"}, {2028, "2028-03-07"},
	}
	for _, tt := range tests {
		if got := fmtDay(namedDays["super"].on(tt.year)); got != tt.want {
			t.Errorf("Super Tuesday %d = %s, want %s", tt.year, got, tt.want)
		}
	}
}

// TestCodePrefix checks which words before "-2024" make the number part of an identifier.
func TestCodePrefix(t *testing.T) {
	tests := []struct {
		name string
		word string
		want bool
	}{
		{"vulnerability id", "CVE", true},
		{"standard", "ISO", true},
		{"fiscal year", "FY", false},
		{"mid", "mid", false},
		{"capitalised word", "Mid", false},
		{"one letter", "Q", false},
	}
	for _, tt := range tests {
		if got := codePrefix(tt.word); got != tt.want {
			t.Errorf("%s: codePrefix(%q) = %v, want %v", tt.name, tt.word, got, tt.want)
		}
	}
}

// TestTodayPresentAge checks when "today" means nowadays (PRESENT_REF) rather than the day.
func TestTodayPresentAge(t *testing.T) {
	ref := time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text, want string
	}{
		{"possessive before a noun of the age", "Data matters in today's world.", presentRef},
		{"possessive before people", "Today's homeowners want smaller gardens.", presentRef},
		{"market with an adjective", "It is hard in today's crowded market.", presentRef},
		{"the day's market", "Oil fell in today's market.", "2025-01-10"},
		{"the day's meeting", "Today's meeting was short.", "2025-01-10"},
		{"present-simple sentence", "It was slow. Today, most homes have broadband.", presentRef},
		{"first person", "Today, I want to share a method.", "2025-01-10"},
		{"past tense", "Today, the court ruled on the case.", "2025-01-10"},
		{"present perfect", "Today, the firm has signed a deal.", "2025-01-10"},
		{"plural head, present verb", "The pans in today's bread machines all have a coating.", presentRef},
		{"plural head, past verb", "Today's games were postponed.", "2025-01-10"},
		{"plural head, no verb", "Today's headlines: rain.", "2025-01-10"},
	}
	tg := New()
	for _, tt := range tests {
		ds := tg.Tag(tt.text, ref)
		if len(ds) != 1 || ds[0].Value != tt.want {
			t.Errorf("%s: Tag(%q) = %+v, want one expression valued %s", tt.name, tt.text, ds, tt.want)
		}
	}
}
