package dates

import (
	"strings"
	"testing"
)

// tokens returns a tagging over text (one line, no reference date) and the index of the
// first token whose text is word.
func tokens(t *testing.T, tg *Tagger, text, word string) (*tagging, int) {
	t.Helper()
	c := &tagging{text: text}
	c.toks, _ = tg.tokenize(text, 0, len(text), 0, nil)
	for i := range c.toks {
		if c.str(&c.toks[i]) == word {
			return c, i
		}
	}
	t.Fatalf("no token %q in %q", word, text)
	return nil, 0
}

// TestRangeUnit checks the rest of an amount range after its first amount: the unit it
// lends to the first end.
func TestRangeUnit(t *testing.T) {
	tests := []struct {
		name, text, first string
		want              unit
		ok                bool
	}{
		{"hyphen", "It takes 10-15 hours.", "10", uHour, true},
		{"en dash with spaces", "It takes 10 – 15 minutes.", "10", uMinute, true},
		{"number words with to", "It takes two to three weeks.", "two", uWeek, true},
		{"weekends", "It took 1-3 weekends.", "1", uWeekend, true},
		{"digits with to are not read", "He went from 10 to 15 hours.", "10", uNone, false},
		{"a score", "They won 10-15 at home.", "10", uNone, false},
		{"singular unit as an adjective", "a 10-15 hour week", "10", uHour, true},
		{"singular unit alone", "It took 10-15 hour.", "10", uNone, false},
		{"compound unit", "It used 10-15 kilowatt-hours.", "10", uNone, false},
	}
	tg := New()
	for _, tt := range tests {
		c, i := tokens(t, tg, tt.text, tt.first)
		got, ok := c.rangeUnit(i + 1)
		if ok != tt.ok || got != tt.want {
			t.Errorf("%s: rangeUnit after %q in %q = %v %v, want %v %v", tt.name, tt.first, tt.text, got, ok, tt.want, tt.ok)
		}
	}
}

// TestAllUnit checks "all day" and its kin: one unit of duration, with "long" or "round".
func TestAllUnit(t *testing.T) {
	tests := []struct {
		name, text, wantText, wantVal string
	}{
		{"day", "The shop is open all day.", "all day", "P1D"},
		{"adjective", "an all-day breakfast", "all-day", "P1D"},
		{"year long", "Plants bloom all year long.", "all year long", "P1Y"},
		{"year round", "It is warm all year round.", "all year round", "P1Y"},
		{"plural is no span", "It rained all days.", "", ""},
		{"not a unit", "all people agree", "", ""},
	}
	tg := New()
	for _, tt := range tests {
		c, i := tokens(t, tg, tt.text, strings.Fields(strings.ReplaceAll(tt.text, "-", " "))[0])
		for c.str(&c.toks[i]) != "all" {
			i++
		}
		m, ok := c.allUnit(i)
		got, val := "", ""
		if ok {
			got, val = tt.text[c.toks[m.start].start:c.toks[m.end-1].end], m.val
		}
		if got != tt.wantText || val != tt.wantVal {
			t.Errorf("%s: allUnit in %q = %q %s, want %q %s", tt.name, tt.text, got, val, tt.wantText, tt.wantVal)
		}
	}
}

// TestLowerMonthAt checks which lower-case words are read as a month before a day.
func TestLowerMonthAt(t *testing.T) {
	tests := []struct {
		name, text, word string
		want             int
	}{
		{"march", "on march 2nd", "march", 3},
		{"june", "on june 5", "june", 6},
		{"capitalised is monthAt's", "on March 2nd", "March", 0},
		{"abbreviation", "on sept 5", "sept", 0},
		{"not a month", "on marches", "marches", 0},
	}
	tg := New()
	for _, tt := range tests {
		c, i := tokens(t, tg, tt.text, tt.word)
		if m, _, _ := c.lowerMonthAt(i); m != tt.want {
			t.Errorf("%s: lowerMonthAt(%q) = %d, want %d", tt.name, tt.word, m, tt.want)
		}
	}
}

// TestDayRangeEnd checks when the number before a year ends a range of days after a month.
func TestDayRangeEnd(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
	}{
		{"en dash", "January 6–9 2026", true},
		{"hyphen with spaces", "January 6 - 9 2026", true},
		{"no month", "pages 6-9 2026", false},
		{"end before start", "January 9-6 2026", false},
		{"no range", "January 9 2026", false},
	}
	tg := New()
	for _, tt := range tests {
		c, i := tokens(t, tg, tt.text, "2026")
		if got := c.dayRangeEnd(i - 1); got != tt.want {
			t.Errorf("%s: dayRangeEnd in %q = %v, want %v", tt.name, tt.text, got, tt.want)
		}
	}
}

// TestGenericYou checks which clauses after a month address the reader habitually.
func TestGenericYou(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
	}{
		{"may", "In May, you may see bees.", true},
		{"can, no comma", "In June you can pick berries.", true},
		{"will is a plan", "In May, you will vote.", false},
		{"past", "In May, you saw bees.", false},
		{"another sentence", "It was May. You can go.", false},
		{"no you", "In May, we can see bees.", false},
	}
	tg := New()
	for _, tt := range tests {
		month := "May"
		if strings.Contains(tt.text, "June") {
			month = "June"
		}
		c, i := tokens(t, tg, tt.text, month)
		if got := c.genericYou(i, i+1); got != tt.want {
			t.Errorf("%s: genericYou in %q = %v, want %v", tt.name, tt.text, got, tt.want)
		}
	}
}

// TestOverThe checks "over the years" and its kin: a vague span of a plural unit.
func TestOverThe(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"years", "It grew over the years.", "PXY"},
		{"decades", "It changed throughout the decades.", "PXDE"},
		{"of a thing", "It grew over the years of war.", ""},
		{"no cue", "It grew in the years.", ""},
		{"hours are no span", "It ran over the hours.", ""},
	}
	tg := New()
	for _, tt := range tests {
		c, i := tokens(t, tg, tt.text, "the")
		m, ok := c.overThe(i, i)
		got := ""
		if ok {
			got = m.val
		}
		if got != tt.want {
			t.Errorf("%s: overThe in %q = %q, want %q", tt.name, tt.text, got, tt.want)
		}
	}
}
