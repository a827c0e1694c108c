package dates

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

const (
	presentRef = "PRESENT_REF"
	pastRef    = "PAST_REF"
	futureRef  = "FUTURE_REF"
)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func fmtDay(t time.Time) string {
	return fmt.Sprintf("%04d-%02d-%02d", t.Year(), int(t.Month()), t.Day())
}

func fmtYM(y, m int) string { return fmt.Sprintf("%04d-%02d", y, m) }

func fmtYear(y int) string { return fmt.Sprintf("%04d", y) }

func fmtWeek(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// fmtDecade writes a decade as its first three digits and X: 1970 -> "197X".
func fmtDecade(y int) string { return fmt.Sprintf("%03dX", y/10) }

// fmtCentury writes a century as its first two digits: 1850 -> "18".
func fmtCentury(y int) string { return fmt.Sprintf("%02d", y/100) }

// validDay reports whether y-m-d is a real calendar day (y = 0: any leap year).
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	if y == 0 {
		y = 2000
	}
	return day(y, m, d).Day() == d
}

// dayVal writes a month-day, resolving the year against ref and the tense around tokens [i0, i1).
func (c *tagging) dayVal(m, d, i0, i1 int) (string, time.Time) {
	if !c.hasRef {
		return fmt.Sprintf("XXXX-%02d-%02d", m, d), time.Time{}
	}
	y := c.pickYear(i0, i1, true, func(y int) (time.Time, time.Time) {
		s := day(y, m, d)
		return s, s.AddDate(0, 0, 1)
	})
	if !validDay(y, m, d) {
		return fmt.Sprintf("XXXX-%02d-%02d", m, d), time.Time{}
	}
	t := day(y, m, d)
	return fmtDay(t), t
}

// monthVal writes a month without a year.
func (c *tagging) monthVal(m, i0, i1 int) string {
	if !c.hasRef {
		return fmt.Sprintf("XXXX-%02d", m)
	}
	y := c.pickYear(i0, i1, false, func(y int) (time.Time, time.Time) {
		return day(y, m, 1), day(y, m+1, 1)
	})
	return fmtYM(y, m)
}

// seasonSpan returns the months a season covers in year y (winter starts in December of y).
func seasonSpan(s string, y int) (time.Time, time.Time) {
	switch s {
	case "SP":
		return day(y, 3, 1), day(y, 6, 1)
	case "SU":
		return day(y, 6, 1), day(y, 9, 1)
	case "FA":
		return day(y, 9, 1), day(y, 12, 1)
	}
	return day(y, 12, 1), day(y+1, 3, 1)
}

// seasonOf returns the season and its year that contain t.
func seasonOf(t time.Time) (string, int) {
	switch m := t.Month(); {
	case m >= 3 && m <= 5:
		return "SP", t.Year()
	case m >= 6 && m <= 8:
		return "SU", t.Year()
	case m >= 9 && m <= 11:
		return "FA", t.Year()
	case m == 12:
		return "WI", t.Year()
	}
	return "WI", t.Year() - 1
}

// seasonVal writes a season without a year; rel is -1 (last), 0 (this or bare) or +1 (next).
func (c *tagging) seasonVal(s string, rel, i0, i1 int) string {
	if !c.hasRef {
		return "XXXX-" + s
	}
	var y int
	switch rel {
	case -1:
		// The most recent such season that is over.
		y = c.ref.Year()
		for {
			_, e := seasonSpan(s, y)
			if !e.After(c.ref) {
				break
			}
			y--
		}
	case 1:
		y = c.ref.Year() - 1
		for {
			st, _ := seasonSpan(s, y)
			if st.After(c.ref) {
				break
			}
			y++
		}
	default:
		y = c.pickYear(i0, i1, false, func(y int) (time.Time, time.Time) { return seasonSpan(s, y) })
	}
	return fmt.Sprintf("%04d-%s", y, s)
}

// quarterVal writes a quarter (1-4) without a year.
func (c *tagging) quarterVal(q, i0, i1 int) string {
	if !c.hasRef {
		return fmt.Sprintf("XXXX-Q%d", q)
	}
	y := c.pickYear(i0, i1, false, func(y int) (time.Time, time.Time) {
		return day(y, 3*q-2, 1), day(y, 3*q+1, 1)
	})
	return fmt.Sprintf("%04d-Q%d", y, q)
}

// pickYear chooses the year of a recurring period (given by span) that the tense around
// tokens [i0, i1) makes likely; see the package comment.
func (c *tagging) pickYear(i0, i1 int, dayLevel bool, span func(y int) (time.Time, time.Time)) int {
	ref := c.ref
	y0 := ref.Year()
	for y := y0 - 1; y <= y0+1; y++ {
		s, e := span(y)
		if !ref.Before(s) && ref.Before(e) {
			return y
		}
	}
	tn, dist := c.tenseAt(i0, i1)
	strict := tn != tUnknown && tn != tPresent && (dayLevel || dist <= 5)
	best, bestCost := y0, -1.0
	for y := y0 - 1; y <= y0+1; y++ {
		s, e := span(y)
		mid := s.Add(e.Sub(s) / 2)
		d := mid.Sub(ref).Hours() / 24
		cost := d
		if cost < 0 {
			cost = -cost
		}
		// The present tense leans to the coming occurrence: "the exhibition is in December".
		against := (tn == tPast && s.After(ref)) || ((tn == tFuture || tn == tPresent) && !e.After(ref))
		if against {
			if strict {
				continue
			}
			cost *= 2
		}
		if bestCost < 0 || cost < bestCost {
			best, bestCost = y, cost
		}
	}
	return best
}

// weekdayDate resolves a bare weekday (ISO 1-7) around ref by the tense near tokens [i0, i1).
func (c *tagging) weekdayDate(wd, i0, i1 int) time.Time {
	cur := isoWeekday(c.ref)
	tn, _ := c.tenseAt(i0, i1)
	switch tn {
	case tFuture, tPresent:
		// A weekday in a present-tense news sentence is a schedule: "the vote is on Thursday".
		return c.ref.AddDate(0, 0, (wd-cur+7)%7)
	}
	// Past tense, or no tense at all: news mostly reports what has happened.
	return c.ref.AddDate(0, 0, -((cur - wd + 7) % 7))
}

func isoWeekday(t time.Time) int {
	wd := int(t.Weekday())
	if wd == 0 {
		return 7
	}
	return wd
}

// pastEdExceptions are words ending in -ed that are not past tense verbs.
var pastEdExceptions = map[string]bool{"indeed": true, "speed": true, "proceed": true, "exceed": true,
	"succeed": true, "breed": true, "bleed": true, "hundred": true, "greed": true, "creed": true, "tweed": true,
	"steed": true}

// tenseAt finds the tense marker nearest to tokens [i0, i1) within their sentence and
// returns it with its distance in tokens.
func (c *tagging) tenseAt(i0, i1 int) (tense, int) {
	leftOpen, rightOpen := true, true
	for k := 1; k <= 16 && (leftOpen || rightOpen); k++ {
		if leftOpen {
			l := i0 - k
			if c.boundary(l+1) || l < 0 {
				leftOpen = false
			} else if tn := c.tenseOf(l); tn != tUnknown {
				return tn, k
			}
		}
		if rightOpen {
			r := i1 - 1 + k
			if r >= len(c.toks) || c.boundary(r) {
				rightOpen = false
			} else if tn := c.tenseOf(r); tn != tUnknown {
				return tn, k
			}
		}
	}
	return tUnknown, 0
}

// tenseOf returns the tense token i marks, if any.
func (c *tagging) tenseOf(i int) tense {
	t := &c.toks[i]
	if t.kind != kWord {
		return tUnknown
	}
	if t.w != nil {
		if t.w.tense == tPast && t.w.key != "ago" {
			return c.auxTense(i)
		}
		if t.w.tense != tUnknown {
			return t.w.tense
		}
		if t.w.key == "won" && c.at(i+1).isCh('\'') {
			return tFuture
		}
		return tUnknown
	}
	s := c.str(t)
	if !t.cap && len(s) >= 5 && s[len(s)-2] == 'e' && s[len(s)-1] == 'd' && !pastEdExceptions[strings.ToLower(s)] {
		return c.auxTense(i)
	}
	return tUnknown
}

// auxTense returns the tense of the past form at token i given the auxiliaries before it:
// "will be published" is future, "is published" present, "was published" past.
func (c *tagging) auxTense(i int) tense {
	for k := i - 1; k >= i-3 && k >= 0 && !c.boundary(k+1); k-- {
		w := c.toks[k].w
		if w == nil {
			continue
		}
		switch {
		case w.tense == tFuture && (w.key == "will" || w.key == "ll" || w.key == "shall" || w.key == "would" || w.key == "wo" ||
			w.key == "must" || w.key == "should" || w.key == "might"):
			return tFuture
		case w.key == "is" || w.key == "are" || w.key == "am":
			return tPresent
		}
	}
	return tPast
}

// unitCode returns the TIMEX3 duration designator of u and whether it goes after "T".
func unitCode(u unit) (string, bool) {
	switch u {
	case uSecond:
		return "S", true
	case uMinute:
		return "M", true
	case uHour:
		return "H", true
	case uDay:
		return "D", false
	case uWeek:
		return "W", false
	case uWeekend:
		return "WE", false
	case uFortnight:
		return "W", false
	case uMonth:
		return "M", false
	case uQuarter:
		return "Q", false
	case uYear:
		return "Y", false
	case uDecade:
		return "DE", false
	case uCentury:
		return "CE", false
	case uMillennium:
		return "ML", false
	}
	return "", false
}

// durVal writes a duration of n units; n < 0 means an unknown amount (X).
func durVal(n float64, u unit) string {
	if u == uFortnight && n >= 0 {
		n *= 2
	}
	code, isTime := unitCode(u)
	if n == 0.5 {
		switch u {
		case uHour:
			return "PT30M"
		case uMinute:
			return "PT30S"
		case uDay:
			return "PT12H"
		case uYear:
			return "P6M"
		case uDecade:
			return "P5Y"
		case uCentury:
			return "P50Y"
		}
	}
	var amount string
	if n < 0 {
		amount = "X"
	} else {
		amount = strconv.FormatFloat(n, 'f', -1, 64)
	}
	if isTime {
		return "PT" + amount + code
	}
	return "P" + amount + code
}

// shift moves t by n units (n may be negative) and writes the result at the unit's granularity.
// It returns the full day too when the granularity is a day.
func shift(t time.Time, n int, u unit) (string, time.Time) {
	switch u {
	case uSecond, uMinute, uHour, uDay:
		if u == uDay {
			t = t.AddDate(0, 0, n)
		}
		return fmtDay(t), t
	case uWeek, uFortnight:
		if u == uFortnight {
			n *= 2
		}
		return fmtWeek(t.AddDate(0, 0, 7*n)), time.Time{}
	case uWeekend:
		return fmtWeek(t.AddDate(0, 0, 7*n)) + "-WE", time.Time{}
	case uMonth:
		m := day(t.Year(), int(t.Month())+n, 1)
		return fmtYM(m.Year(), int(m.Month())), time.Time{}
	case uQuarter:
		q := (int(t.Month())-1)/3 + n
		y := t.Year() + floorDiv(q, 4)
		return fmt.Sprintf("%04d-Q%d", y, q-4*floorDiv(q, 4)+1), time.Time{}
	case uYear:
		return fmtYear(t.Year() + n), time.Time{}
	case uDecade:
		return fmtDecade(t.Year() + 10*n), time.Time{}
	case uCentury:
		return fmtCentury(t.Year() + 100*n), time.Time{}
	case uMillennium:
		return fmt.Sprintf("%d", (t.Year()+1000*n)/1000), time.Time{}
	}
	return pastRef, time.Time{}
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// unknownAt writes an unresolved value at the granularity of u, for an unknown reference date.
func unknownAt(u unit) string {
	switch u {
	case uSecond, uMinute, uHour, uDay:
		return "XXXX-XX-XX"
	case uWeek, uFortnight:
		return "XXXX-WXX"
	case uWeekend:
		return "XXXX-WXX-WE"
	case uMonth:
		return "XXXX-XX"
	case uQuarter:
		return "XXXX-QX"
	case uDecade:
		return "XXXX"
	}
	return "XXXX"
}
