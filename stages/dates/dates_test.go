package dates

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newspipe/newspipe/internal/sharedtest"
	"github.com/newspipe/newspipe/record"
)

func mustDate(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestCases runs the hand-written case table, the specification of the tagger.
func TestCases(t *testing.T) {
	cases, err := DefaultCases()
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 400 {
		t.Errorf("case table has %d cases, want at least 400", len(cases))
	}
	s := Evaluate(New(), cases)
	t.Logf("\n%s", s)
	// The table is the tagger's specification: every case passes.
	if len(s.Failures) > 0 {
		t.Errorf("%d failing cases:\n%s", len(s.Failures), s.FailureReport())
	}
}

// TestIndependentTables scores the tagger on two tables written from the TimeML 1.2.1 and
// TimeBank conventions by someone who had not read the tagger: timeml-dev.tsv, which the
// rules were checked against, and timeml-test.tsv, held out. The thresholds sit a little
// under the scores of the final tagger, so that a regression fails; the failures left are
// listed in the README (conventions of this project that differ, and two readings).
func TestIndependentTables(t *testing.T) {
	tests := []struct {
		file            string
		strict, value   float64
		minCases, minEx int
	}{
		{"timeml-dev.tsv", 0.99, 0.95, 150, 150},
		{"timeml-test.tsv", 0.98, 0.93, 150, 140},
	}
	for _, tt := range tests {
		f, err := os.Open(filepath.Join("testdata", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		cases, err := ReadCases(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		s := Evaluate(New(), cases)
		t.Logf("%s:\n%s", tt.file, s)
		if s.Cases < tt.minCases || s.Gold < tt.minEx {
			t.Errorf("%s: %d cases, %d expressions; want at least %d and %d", tt.file, s.Cases, s.Gold, tt.minCases, tt.minEx)
		}
		if s.Strict.F1 < tt.strict || s.Value.F1 < tt.value {
			t.Errorf("%s: strict extent F1 %.3f (want >= %.2f), value F1 %.3f (want >= %.2f); failing cases:\n%s",
				tt.file, s.Strict.F1, tt.strict, s.Value.F1, tt.value, s.FailureReport())
		}
	}
}

// TestMod checks the TIMEX3 mod of modified expressions, and that plain ones have none.
func TestMod(t *testing.T) {
	ref := mustDate(t, "2018-06-10")
	tests := []struct {
		sentence, text, value, mod string
	}{
		{"Sales fell in early June.", "early June", "2018-06", "START"},
		{"The plant closes in mid-2019.", "mid-2019", "2019", "MID"},
		{"Prices peaked in the late 1990s.", "the late 1990s", "199X", "END"},
		{"The law expires at the end of the year.", "the end of the year", "2018", "END"},
		{"Talks began at the beginning of May.", "the beginning of May", "2018-05", "START"},
		{"The flight lasted about 20 minutes.", "about 20 minutes", "PT20M", "APPROX"},
		{"The war went on for nearly three decades.", "nearly three decades", "P3DE", "LESS_THAN"},
		{"The work took more than a year.", "more than a year", "P1Y", "MORE_THAN"},
		{"Prices have risen for at least six months.", "at least six months", "P6M", "EQUAL_OR_MORE"},
		{"The job takes at most two hours.", "at most two hours", "PT2H", "EQUAL_OR_LESS"},
		{"He left more than two years ago.", "more than two years ago", "2016", "BEFORE"},
		{"The strike ended almost two weeks ago.", "almost two weeks ago", "2018-W21", "AFTER"},
		{"She arrived about three days ago.", "about three days ago", "2018-06-07", "APPROX"},
		{"The vote was held on June 4.", "June 4", "2018-06-04", ""},
		{"The talks lasted three hours.", "three hours", "PT3H", ""},
		{"I found this app a month or so ago.", "a month or so ago", "2018-05", "APPROX"},
		{"The firm has served clients for 30+ years.", "30+ years", "P30Y", "EQUAL_OR_MORE"},
		{"The fix takes at most a half hour.", "at most a half hour", "PT30M", "EQUAL_OR_LESS"},
	}
	tagger := New()
	for _, tt := range tests {
		got := tagger.Tag(tt.sentence, ref)
		if len(got) != 1 || got[0].Text != tt.text || got[0].Value != tt.value || got[0].Mod != tt.mod {
			t.Errorf("Tag(%q) = %+v, want one %q with value %q and mod %q", tt.sentence, got, tt.text, tt.value, tt.mod)
		}
	}
}

// repoRoot walks up from the working directory to the directory holding go.mod.
func repoRoot(t testing.TB) string {
	t.Helper()
	return sharedtest.Root(t)
}

// TestSeeds checks the expressions the lead listed for the two seed articles.
func TestSeeds(t *testing.T) {
	seeds := filepath.Join(repoRoot(t), "..", "shared", "seeds")
	tests := []struct {
		file string
		ref  string
		want []string // text|value
	}{
		{"002_305ce0516b554c3e.txt", "2018-06-10", []string{"May 31|2018-05-31", "June 4|2018-06-04",
			"September|2018-09", "Four years ago|2014", "2014|2014", "1966|1966", "currently|PRESENT_REF",
			"eight-year|P8Y", "recently|PAST_REF", "June 10, 2018, 12:39 PM|2018-06-10T12:39"}},
		{"000_92bbd93c5f6a1fd9.txt", "2018-06-08", []string{"yesterday|2018-06-07", "last week|2018-W22",
			"12 June|2018-06-12", "2011|2011", "recent months|PAST_REF", "the last few decades|PXDE"}},
	}
	tg := New()
	for _, tt := range tests {
		b, err := os.ReadFile(filepath.Join(seeds, tt.file))
		if err != nil {
			t.Skipf("seed not available: %v", err)
		}
		got := map[string]bool{}
		for _, d := range tg.Tag(string(b), mustDate(t, tt.ref)) {
			got[d.Text+"|"+d.Value] = true
		}
		for _, w := range tt.want {
			if !got[w] {
				t.Errorf("%s: missing %s; got %v", tt.file, w, got)
			}
		}
	}
}

// TestOffsets checks code point offsets on text with multi-byte runes before and inside expressions.
func TestOffsets(t *testing.T) {
	text := "Café “news” — on 12 June, São Paulo’s mayor will say: ‘yesterday’ was the day. Ünïcödé 1990s."
	got := New().Tag(text, mustDate(t, "2018-06-10"))
	want := []struct{ text, value string }{{"12 June", "2018-06-12"}, {"yesterday", "2018-06-09"}, {"1990s", "199X"}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %d expressions", got, len(want))
	}
	runes := []rune(text)
	for k, d := range got {
		if d.Text != want[k].text || d.Value != want[k].value {
			t.Errorf("expression %d: got %q=%s, want %q=%s", k, d.Text, d.Value, want[k].text, want[k].value)
		}
		if string(runes[d.Start:d.End]) != d.Text {
			t.Errorf("expression %d: runes[%d:%d] = %q, want %q", k, d.Start, d.End, string(runes[d.Start:d.End]), d.Text)
		}
	}
}

// TestUnknownRef checks that no year is guessed without a reference date.
func TestUnknownRef(t *testing.T) {
	tests := []struct{ text, want string }{
		{"It happened on 12 June.", "XXXX-06-12"},
		{"It happened yesterday.", "XXXX-XX-XX"},
		{"It happened last week.", "XXXX-WXX"},
		{"It happened on Tuesday.", "XXXX-WXX-2"},
		{"It happened in September.", "XXXX-09"},
		{"It happened this morning.", "XXXX-XX-XXTMO"},
		{"It happened last year.", "XXXX"},
		{"It happened on June 12, 2017.", "2017-06-12"},
	}
	tg := New()
	for _, tt := range tests {
		got := tg.Tag(tt.text, time.Time{})
		if len(got) != 1 || got[0].Value != tt.want {
			t.Errorf("Tag(%q) = %v, want one value %s", tt.text, got, tt.want)
		}
	}
}

// TestTense checks the year and weekday choices that depend on tense.
func TestTense(t *testing.T) {
	ref := mustDate(t, "2018-06-10") // a Sunday
	tests := []struct{ text, want string }{
		{"He resigned in October.", "2017-10"},
		{"He will resign in October.", "2018-10"},
		{"The report will be published on Friday.", "2018-06-15"},
		{"The report was published on Friday.", "2018-06-08"},
		{"The report is published on Friday.", "2018-06-15"},
		{"On December 24, he fled.", "2017-12-24"},
		{"The exhibition is in December.", "2018-12"},
	}
	tg := New()
	for _, tt := range tests {
		got := tg.Tag(tt.text, ref)
		if len(got) != 1 || got[0].Value != tt.want {
			t.Errorf("Tag(%q) = %v, want one value %s", tt.text, got, tt.want)
		}
	}
}

func TestReadCasesErrors(t *testing.T) {
	tests := []struct{ name, in string }{
		{"one field", "just a sentence\n"},
		{"bad ref", "It rained.\t2018-13-45\n"},
		{"bad expected", "It rained today.\t2018-06-10\ttoday|DATE\n"},
		{"bad type", "It rained today.\t2018-06-10\ttoday|DAY|2018-06-10\n"},
		{"text absent", "It rained today.\t2018-06-10\tyesterday|DATE|2018-06-09\n"},
	}
	for _, tt := range tests {
		if _, err := ReadCases(strings.NewReader(tt.in)); err == nil {
			t.Errorf("%s: ReadCases(%q) gave no error", tt.name, tt.in)
		}
	}
	cs, err := ReadCases(strings.NewReader("# comment\n\nOn May 31 and May 31.\t\tMay 31|DATE|XXXX-05-31\tMay 31|DATE|XXXX-05-31\n"))
	if err != nil || len(cs) != 1 || len(cs[0].Want) != 2 || cs[0].Want[1].Start != 14 || !cs[0].Ref.IsZero() {
		t.Errorf("ReadCases = %+v, %v; want one case with two expressions, the second at 14", cs, err)
	}
}

func TestEvaluateCounts(t *testing.T) {
	cs, err := ReadCases(strings.NewReader(
		"It rained yesterday.\t2018-06-10\tyesterday|DATE|2018-06-09\n" +
			"It rained on Monday.\t2018-06-10\tMonday|DATE|2018-06-05\n" + // wrong value on purpose
			"No date here.\t2018-06-10\n"))
	if err != nil {
		t.Fatal(err)
	}
	s := Evaluate(New(), cs)
	if s.Gold != 2 || s.System != 2 || s.Strict.F1 != 1 || s.Value.P != 0.5 || len(s.Failures) != 1 {
		t.Errorf("Evaluate = %+v; want 2 gold, 2 system, strict F1 1, value P 0.5, one failure", s)
	}
	if !strings.Contains(s.String(), "value") || !strings.Contains(s.FailureReport(), "Monday") {
		t.Errorf("report misses rows:\n%s\n%s", s, s.FailureReport())
	}
}

// TestConcurrent runs one Tagger from several goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	tg := New()
	ref := mustDate(t, "2018-06-10")
	done := make(chan []record.Date)
	for k := 0; k < 4; k++ {
		go func() { done <- tg.Tag("On May 31, talks began; they end next week.", ref) }()
	}
	for k := 0; k < 4; k++ {
		if got := <-done; len(got) != 2 || got[0].Value != "2018-05-31" || got[1].Value != "2018-W24" {
			t.Errorf("got %v", got)
		}
	}
}

// FuzzTag checks that Tag never panics and that offsets always index the expression text.
func FuzzTag(f *testing.F) {
	for _, s := range []string{"June 10, 2018, 12:39 PM", "On May 31, the talks collapsed. The following day...",
		"the '90s", "10/06/2018", "1-1/2 year", "FY19", "Q3 2018", "a year and a half", "the day before",
		"\xff\xfe June 4", "twenty-first century", "mid-", "Christmas Eve", "New Year's Day", "12:", "3 p.",
		"every other", "the end of", "2018-06-10 18:", "’90s", "the first half of the year"} {
		f.Add(s, int64(1528588800))
		f.Add(s, int64(0))
	}
	tg := New()
	f.Fuzz(func(t *testing.T, text string, refUnix int64) {
		var ref time.Time
		if refUnix != 0 {
			ref = time.Unix(refUnix%(1<<40), 0).UTC()
		}
		runes := []rune(text)
		n := utf8.RuneCountInString(text)
		last := 0
		for _, d := range tg.tag(text, ref) { // unguarded: a panic fails the fuzz run
			if d.Start < last || d.End <= d.Start || d.End > n {
				t.Fatalf("bad offsets %d..%d (previous end %d, %d runes) in %q", d.Start, d.End, last, n, text)
			}
			if string(runes[d.Start:d.End]) != string([]rune(d.Text)) {
				t.Fatalf("runes[%d:%d] = %q, Text %q", d.Start, d.End, string(runes[d.Start:d.End]), d.Text)
			}
			last = d.End
		}
	})
}

// FuzzReadCases checks that ReadCases never panics and that its offsets index the sentence.
func FuzzReadCases(f *testing.F) {
	f.Add("On May 31, it rained.\t2018-06-10\tMay 31|DATE|2018-05-31\n")
	f.Add("x\t\t|DATE|\n")
	f.Add("a\tb\tc|d|e\n")
	f.Fuzz(func(t *testing.T, in string) {
		cs, err := ReadCases(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, c := range cs {
			r := []rune(c.Sentence)
			for _, w := range c.Want {
				if w.Start < 0 || w.End > len(r) || string(r[w.Start:w.End]) != string([]rune(w.Text)) {
					t.Fatalf("case %q: %+v does not index the sentence", c.Sentence, w)
				}
			}
		}
	})
}

// BenchmarkTag measures throughput on news-like text built from the case table and the tokenizer's
// worst cases (long runs of words that are not temporal).
func BenchmarkTag(b *testing.B) {
	cases, err := DefaultCases()
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	filler := "The minister, who spoke to reporters outside parliament, said the government would not " +
		"change its position on the proposed reform despite pressure from unions and opposition parties. "
	for sb.Len() < 1<<20 {
		for k, c := range cases {
			sb.WriteString(c.Sentence)
			sb.WriteByte(' ')
			if k%2 == 0 {
				sb.WriteString(filler)
			}
			if k%7 == 0 {
				sb.WriteString("\n\n")
			}
		}
	}
	text := sb.String()
	tg := New()
	ref := time.Date(2018, 6, 10, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tg.Tag(text, ref)
	}
}
