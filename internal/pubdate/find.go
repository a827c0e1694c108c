package pubdate

import (
	"fmt"
	"strconv"
	"strings"
)

// Match is a date found in a byline or date line.
type Match struct {
	Value      string // ISO 8601: "2018-06-10" or "2018-06-10T12:39:00"; empty when none
	Start, End int    // byte offsets of the date text in the line
}

var months = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
	"june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

type dtok struct {
	s          string
	start, end int
	num        int // value when s is all digits, else -1
}

// dateTokens splits s into runs of letters or digits, keeping their offsets.
func dateTokens(s string) []dtok { return appendDateTokens(nil, s) }

// appendDateTokens appends the tokens of s (see dateTokens) to dst: a caller that passes
// a buffer of its own reads a short text without allocating.
func appendDateTokens(dst []dtok, s string) []dtok {
	toks := dst
	start := -1
	kind := 0 // 1 letters, 2 digits
	for i := 0; i <= len(s); i++ {
		k := 0
		if i < len(s) {
			switch c := s[i]; {
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
				k = 1
			case c >= '0' && c <= '9':
				k = 2
			}
		}
		if (k != kind || k == 0) && start >= 0 {
			t := dtok{s: s[start:i], start: start, end: i, num: -1}
			if kind == 2 && i-start <= 4 {
				t.num, _ = strconv.Atoi(t.s)
			}
			// "18th": the ordinal suffix belongs to the number.
			if n := len(toks); kind == 1 && n > len(dst) && toks[n-1].num >= 0 && toks[n-1].end == start && isOrdinalSuffix(t.s) {
				toks[n-1].end = i
			} else {
				toks = append(toks, t)
			}
			start = -1
		}
		if k != 0 && start < 0 {
			start = i
		}
		kind = k
	}
	return toks
}

// isOrdinalSuffix reports "st", "nd", "rd" or "th" in any case.
func isOrdinalSuffix(w string) bool {
	if len(w) != 2 {
		return false
	}
	switch strings.ToLower(w) {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// numberToken returns the run of digits of s at i as dateTokens reads it: its value when
// it has four digits or fewer, else -1, and an ordinal suffix ("18th") as its own.
func numberToken(s string, i int) dtok {
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	t := dtok{s: s[i:j], start: i, end: j, num: -1}
	if j-i <= 4 {
		t.num, _ = strconv.Atoi(t.s)
		k := j
		for k < len(s) && (s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z') {
			k++
		}
		if isOrdinalSuffix(s[j:k]) {
			t.end = k
		}
	}
	return t
}

// MonthNumber returns the number of an English month's name, whole or shortened
// ("October", "oct", "Sept"), in any case, or 0.
func MonthNumber(name string) int {
	return monthOf(dtok{s: name, num: -1})
}

func monthOf(t dtok) int {
	if t.num >= 0 || len(t.s) < 3 || len(t.s) > 9 {
		return 0
	}
	var buf [9]byte
	for i := 0; i < len(t.s); i++ {
		c := t.s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return months[string(buf[:len(t.s)])]
}

func isDay(t dtok) bool  { return t.num >= 1 && t.num <= 31 && len(t.s) <= 2 }
func isYear(t dtok) bool { return t.num >= 1900 && t.num <= 2100 && len(t.s) == 4 }

// Find finds the first calendar date in s ("June 10, 2018, 12:39 PM", "10 June 2018",
// "Nov. 13, 2019 4:26 pm", "2019-11-18 10:30", "2023 Jan 7") and returns it in ISO 8601 with the time when given.
func Find(s string) Match { return FindOrdered(s, OrderUnknown) }

// Order is the order in which a page writes the day and the month of its dates written
// with numbers.
type Order uint8

// Orders of the day and month.
const (
	OrderUnknown Order = iota // the page does not say: 03/01/2017 stays unread
	MonthFirst                // 12/19/2025: 03/01/2017 is the 1st of March
	DayFirst                  // 19/12/2025: 03/01/2017 is the 3rd of January
)

// NumericOrder returns the order that the dates s writes with numbers agree on, from
// those whose day is above 12 ("12/19/2025", "27/05/2024"): OrderUnknown when s writes
// none or both orders.
func NumericOrder(s string) Order {
	// Only numbers matter here: they are read as dateTokens reads them, without the
	// tokens of every word of a page's text.
	var votes orderVotes
	var last [3]dtok // the last three numbers of s, in its order
	seen := 0
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			i++
			continue
		}
		t := numberToken(s, i)
		i = t.end
		last[0], last[1], last[2] = last[1], last[2], t
		if seen++; seen < 3 || !numericShape(s, last[0], last[1], last[2]) || !isYear(last[2]) {
			continue
		}
		votes.add(last[0].num, last[1].num)
	}
	return votes.order()
}

// orderVotes records which orders of day and month a page's dates of numbers show.
type orderVotes struct{ monthFirst, dayFirst bool }

// add counts the date whose first two numbers are a and b: a day above 12 tells the order.
func (v *orderVotes) add(a, b int) {
	switch {
	case a > 12 && a <= 31 && b >= 1 && b <= 12:
		v.dayFirst = true
	case b > 12 && b <= 31 && a >= 1 && a <= 12:
		v.monthFirst = true
	}
}

// order is the order the dates agree on, or OrderUnknown when they show none or both.
func (v orderVotes) order() Order {
	switch {
	case v.monthFirst && !v.dayFirst:
		return MonthFirst
	case v.dayFirst && !v.monthFirst:
		return DayFirst
	}
	return OrderUnknown
}

// FindOrdered is Find reading a date written with numbers whose day and month are both 12
// or below ("03/01/2017") in the order o, the page's (see NumericOrder).
func FindOrdered(s string, o Order) Match {
	var buf [32]dtok
	toks := appendDateTokens(buf[:0], s)
	for i := range toks {
		var y, m, d, end, next int
		switch {
		case monthOf(toks[i]) > 0 && i+2 < len(toks) && isDay(toks[i+1]) && isYear(toks[i+2]):
			m, d, y = monthOf(toks[i]), toks[i+1].num, toks[i+2].num
			end, next = toks[i+2].end, i+3
		case isDay(toks[i]) && i+2 < len(toks) && monthOf(toks[i+1]) > 0 && isYear(toks[i+2]):
			d, m, y = toks[i].num, monthOf(toks[i+1]), toks[i+2].num
			end, next = toks[i+2].end, i+3
		case isYear(toks[i]) && i+2 < len(toks) && monthOf(toks[i+1]) > 0 && isDay(toks[i+2]) &&
			toks[i+2].end-toks[i].start <= 16 && !followedByYear(toks, i+3):
			// "2023 Jan 7", as journals and their citation_publication_date write it.
			y, m, d = toks[i].num, monthOf(toks[i+1]), toks[i+2].num
			end, next = toks[i+2].end, i+3
		case isYear(toks[i]) && i+2 < len(toks) && toks[i+1].num >= 1 && toks[i+1].num <= 12 && isDay(toks[i+2]) &&
			s[toks[i].end] == '-' && s[toks[i+1].end] == '-':
			y, m, d = toks[i].num, toks[i+1].num, toks[i+2].num
			end, next = toks[i+2].end, i+3
		case i+2 < len(toks):
			var ok bool
			if y, m, d, ok = numericDate(s, toks[i], toks[i+1], toks[i+2], o); !ok {
				continue
			}
			end, next = toks[i+2].end, i+3
		default:
			continue
		}
		if d > daysIn(m, y) {
			continue
		}
		val := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
		start := toks[i].start
		if hh, mm, e, ok := parseTime(s, toks, next); ok {
			val += fmt.Sprintf("T%02d:%02d:00", hh, mm)
			end = e
		} else if hh, mm, st, ok := timeBefore(s, toks, i); ok {
			val += fmt.Sprintf("T%02d:%02d:00", hh, mm)
			start = st
		}
		return Match{Value: val, Start: start, End: end}
	}
	return Match{}
}

// followedByYear reports a year at token k: "2019 Jan 7 2020" is no year-month-day date
// but a year and a month-day-year date after it.
func followedByYear(toks []dtok, k int) bool {
	return k < len(toks) && isYear(toks[k])
}

// numericShape reports three numbers joined by one separator, "/", "." or "-", with no
// fourth glued on (a version or a phone number, not a date: "1.2.2024.5").
func numericShape(s string, a, b, c dtok) bool {
	if a.num < 0 || b.num < 0 || c.num < 0 || b.start != a.end+1 || c.start != b.end+1 {
		return false
	}
	sep := s[a.end]
	if s[b.end] != sep || sep != '/' && sep != '.' && sep != '-' {
		return false
	}
	return !(c.end < len(s) && (s[c.end] == sep || s[c.end] >= '0' && s[c.end] <= '9') || a.start > 0 && (s[a.start-1] == sep || s[a.start-1] >= '0' && s[a.start-1] <= '9'))
}

// numericDate reads a date written with numbers only when the way it is written leaves
// no doubt: year/month/day ("2019/11/18"), day and month where one of them is above 12
// ("27/05/2024", "12/19/2025", "06.18.2025"), either in the page's order o, else
// day.month.year with dots ("23.07.2025"). Without an order, "03/01/2017" may be the 3rd
// of January or March the 1st: not read.
func numericDate(s string, a, b, c dtok, o Order) (y, m, d int, ok bool) {
	if !numericShape(s, a, b, c) {
		return 0, 0, 0, false
	}
	sep := s[a.end]
	switch {
	case isYear(a) && sep != '-' && b.num >= 1 && b.num <= 12 && isDay(c):
		y, m, d = a.num, b.num, c.num
	case !isYear(c) || !isDay(a) || !isDay(b):
		return 0, 0, 0, false
	case a.num > 12 && b.num <= 12:
		y, m, d = c.num, b.num, a.num
	case b.num > 12 && a.num <= 12:
		y, m, d = c.num, a.num, b.num
	case o == MonthFirst:
		y, m, d = c.num, a.num, b.num
	case o == DayFirst || sep == '.':
		y, m, d = c.num, b.num, a.num
	default:
		return 0, 0, 0, false
	}
	return y, m, d, m >= 1 && m <= 12 && d >= 1
}

// parseTime reads "12:39 PM", "at 6:21 am", "T10:30" starting at token k, within a few bytes of the date.
func parseTime(s string, toks []dtok, k int) (hh, mm, end int, ok bool) {
	if k < len(toks) && (strings.EqualFold(toks[k].s, "at") || toks[k].s == "T") {
		k++
	}
	if k+1 >= len(toks) || toks[k].num < 0 || toks[k+1].num < 0 || len(toks[k+1].s) != 2 {
		return 0, 0, 0, false
	}
	if toks[k].start-toks[k-1].end > 6 || toks[k].end >= len(s) || s[toks[k].end] != ':' || toks[k+1].start != toks[k].end+1 {
		return 0, 0, 0, false
	}
	hh, mm, end = toks[k].num, toks[k+1].num, toks[k+1].end
	if hh > 23 || mm > 59 {
		return 0, 0, 0, false
	}
	if k+2 < len(toks) && toks[k+2].start-end <= 1 {
		switch strings.ToLower(toks[k+2].s) {
		case "pm", "p":
			if hh < 12 {
				hh += 12
			}
			end = toks[k+2].end
		case "am", "a":
			if hh == 12 {
				hh = 0
			}
			end = toks[k+2].end
		}
	}
	return hh, mm, end, true
}

// timeBefore reads a time written just before the date at token k: "14:05 GMT, 2 March 2022",
// "9:30 am on June 10, 2018".
func timeBefore(s string, toks []dtok, k int) (hh, mm, start int, ok bool) {
	j := k - 1
	for j >= 0 && k-j <= 3 && toks[j].num < 0 {
		j-- // "GMT", "am", "on"
	}
	if j < 1 || toks[j].num < 0 || toks[j-1].num < 0 || len(toks[j].s) != 2 || toks[k].start-toks[j].end > 14 {
		return 0, 0, 0, false
	}
	h, m := toks[j-1], toks[j]
	if h.end >= len(s) || s[h.end] != ':' || m.start != h.end+1 || h.num > 23 || m.num > 59 {
		return 0, 0, 0, false
	}
	hh, mm = h.num, m.num
	if j+1 < k {
		switch strings.ToLower(toks[j+1].s) {
		case "pm", "p":
			if hh < 12 {
				hh += 12
			}
		case "am", "a":
			if hh == 12 {
				hh = 0
			}
		}
	}
	return hh, mm, h.start, true
}

func daysIn(m, y int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// HasNumericDate reports a date written with numbers only: "27/09/2018", "9.11.2019", "2019/11/18".
func HasNumericDate(s string) bool {
	var buf [32]dtok
	toks := appendDateTokens(buf[:0], s)
	for i := 0; i+2 < len(toks); i++ {
		a, b, c := toks[i], toks[i+1], toks[i+2]
		if a.num < 0 || b.num < 0 || c.num < 0 || b.start != a.end+1 || c.start != b.end+1 {
			continue
		}
		sep := s[a.end]
		if (sep == '/' || sep == '.' || sep == '-') && s[b.end] == sep &&
			(isYear(c) && a.num >= 1 && a.num <= 31 && b.num >= 1 && b.num <= 31 || isYear(a) && b.num <= 12 && c.num <= 31) {
			return true
		}
	}
	return false
}
