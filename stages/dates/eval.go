package dates

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newspipe/newspipe/record"
)

//go:embed testdata/cases.tsv
var defaultCases []byte

// Case is one hand-written test case. Cases are read from the TSV file.
//
// A line of the file holds tab-separated fields: the sentence, the reference date
// (YYYY-MM-DD, or empty when unknown), then one field per expected expression written
// "text|TYPE|value", in order. A case without expected fields says the sentence has no
// temporal expression. Blank lines and lines starting with # are ignored.
type Case struct {
	Line     int
	Sentence string
	Ref      time.Time
	Want     []record.Date // expected expressions, with code point offsets into Sentence
}

// ReadCases reads cases from a TSV file (format: see Case).
func ReadCases(r io.Reader) ([]Case, error) {
	var cases []Case
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) < 2 {
			return nil, fmt.Errorf("cases line %d: want sentence<TAB>ref[<TAB>text|TYPE|value...], got %d fields", line, len(f))
		}
		c := Case{Line: line, Sentence: f[0]}
		if ref := strings.TrimSpace(f[1]); ref != "" {
			t, err := time.Parse("2006-01-02", ref)
			if err != nil {
				return nil, fmt.Errorf("cases line %d: reference date: %w", line, err)
			}
			c.Ref = t
		}
		from := 0 // byte offset where the next expected text is searched
		for _, e := range f[2:] {
			if strings.TrimSpace(e) == "" {
				continue
			}
			p := strings.Split(e, "|")
			if len(p) != 3 {
				return nil, fmt.Errorf("cases line %d: expected %q is not text|TYPE|value", line, e)
			}
			switch p[1] {
			case tDate, tTime, tDuration, tSet:
			default:
				return nil, fmt.Errorf("cases line %d: unknown type %q", line, p[1])
			}
			k := strings.Index(c.Sentence[from:], p[0])
			if k < 0 || p[0] == "" {
				return nil, fmt.Errorf("cases line %d: %q not found in the sentence (after the previous one)", line, p[0])
			}
			k += from
			start := utf8.RuneCountInString(c.Sentence[:k])
			c.Want = append(c.Want, record.Date{Text: p[0], Start: start, End: start + utf8.RuneCountInString(p[0]),
				Type: p[1], Value: p[2]})
			from = k + len(p[0])
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read cases: %w", err)
	}
	return cases, nil
}

// DefaultCases returns the hand-written case table embedded in the package.
func DefaultCases() ([]Case, error) {
	return ReadCases(bytes.NewReader(defaultCases))
}

// PRF is a precision, recall and F1 triple.
type PRF struct {
	P, R, F1 float64
}

func prf(correct, system, gold int) PRF {
	var s PRF
	if system > 0 {
		s.P = float64(correct) / float64(system)
	}
	if gold > 0 {
		s.R = float64(correct) / float64(gold)
	}
	if s.P+s.R > 0 {
		s.F1 = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}

// Failure is a case whose tagging differs from the expected one.
type Failure struct {
	Case Case
	Got  []record.Date
}

// Scores are TempEval-3 style scores: extent matching strict (same span) and relaxed
// (overlapping spans), and value and type correctness over relaxed matches.
type Scores struct {
	Cases, Gold, System int
	Strict, Relaxed     PRF
	Value, Type         PRF
	Failures            []Failure
}

// Evaluate runs t over cases and returns extent and value precision, recall and F1 (strict and relaxed extent).
func Evaluate(t *Tagger, cases []Case) Scores {
	var s Scores
	var strict, relaxed, value, typ int
	for _, c := range cases {
		got := t.Tag(c.Sentence, c.Ref)
		s.Cases++
		s.Gold += len(c.Want)
		s.System += len(got)
		used := make([]bool, len(got))
		ok := len(got) == len(c.Want)
		for _, w := range c.Want {
			best := -1
			for k, g := range got {
				if used[k] || g.End <= w.Start || g.Start >= w.End {
					continue
				}
				if best < 0 || g.Start == w.Start && g.End == w.End {
					best = k
				}
			}
			if best < 0 {
				ok = false
				continue
			}
			used[best] = true
			g := got[best]
			relaxed++
			if g.Start == w.Start && g.End == w.End {
				strict++
			} else {
				ok = false
			}
			if g.Value == w.Value {
				value++
			} else {
				ok = false
			}
			if g.Type == w.Type {
				typ++
			} else {
				ok = false
			}
		}
		if !ok {
			s.Failures = append(s.Failures, Failure{Case: c, Got: got})
		}
	}
	s.Strict = prf(strict, s.System, s.Gold)
	s.Relaxed = prf(relaxed, s.System, s.Gold)
	s.Value = prf(value, s.System, s.Gold)
	s.Type = prf(typ, s.System, s.Gold)
	return s
}

// String formats the scores as a small table.
func (s Scores) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "cases %d, gold expressions %d, system expressions %d, failing cases %d\n",
		s.Cases, s.Gold, s.System, len(s.Failures))
	fmt.Fprintf(&b, "%-16s %6s %6s %6s\n", "", "P", "R", "F1")
	for _, r := range []struct {
		name string
		v    PRF
	}{{"extent strict", s.Strict}, {"extent relaxed", s.Relaxed}, {"value", s.Value}, {"type", s.Type}} {
		fmt.Fprintf(&b, "%-16s %6.3f %6.3f %6.3f\n", r.name, r.v.P, r.v.R, r.v.F1)
	}
	return b.String()
}

// FailureReport lists the failing cases with the expected and the produced expressions.
func (s Scores) FailureReport() string {
	var b strings.Builder
	for _, f := range s.Failures {
		ref := "-"
		if !f.Case.Ref.IsZero() {
			ref = f.Case.Ref.Format("2006-01-02")
		}
		fmt.Fprintf(&b, "line %d (ref %s): %s\n  want:", f.Case.Line, ref, f.Case.Sentence)
		for _, w := range f.Case.Want {
			fmt.Fprintf(&b, " [%s|%s|%s]", w.Text, w.Type, w.Value)
		}
		b.WriteString("\n  got: ")
		for _, g := range f.Got {
			fmt.Fprintf(&b, " [%s|%s|%s]", g.Text, g.Type, g.Value)
		}
		b.WriteString("\n")
	}
	return b.String()
}
