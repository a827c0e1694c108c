package dates

// Rules for holidays and fiscal periods.

import (
	"fmt"
	"strings"
	"time"
)

// ruleHoliday tags fixed holidays: "Christmas", "New Year's Day", "Halloween", "Thanksgiving".
func (c *tagging) ruleHoliday(i int) (match, bool) {
	t := c.at(i)
	if t.w == nil || !t.cap {
		return match{}, false
	}
	mo, d, e := 0, 0, i+1
	switch t.w.key {
	case "christmas":
		if n := c.at(i + 1); n.kind == kWord && !n.cap && christmasNames[strings.ToLower(c.str(n))] {
			return match{}, false // "Christmas cacti", "Christmas trees": things, not the day
		}
		mo, d = 12, 25
		if c.is(e, "eve") && c.at(e).cap {
			d, e = 24, e+1
		} else if c.is(e, "day") && c.at(e).cap {
			e++
		}
	case "new":
		if !(c.is(i+1, "year") && c.at(i+2).isCh('\'') && c.is(i+3, "s") && c.at(i+4).cap) {
			return match{}, false
		}
		switch {
		case c.is(i+4, "day"):
			mo, d, e = 1, 1, i+5
		case c.is(i+4, "eve"):
			mo, d, e = 12, 31, i+5
		default:
			return match{}, false
		}
	case "halloween":
		mo, d = 10, 31
	case "valentine":
		if !(c.at(i+1).isCh('\'') && c.is(i+2, "s") && c.is(i+3, "day")) {
			return match{}, false
		}
		mo, d, e = 2, 14, i+4
	case "thanksgiving":
		mo, d = 11, 0
		if c.is(e, "day") && c.at(e).cap {
			e++
		}
	case "easter":
		return c.easter(i)
	case "black", "cyber", "good", "super":
		return c.namedDay(i)
	default:
		return match{}, false
	}
	m := match{start: i, end: e, typ: tDate}
	y := 0
	if yy, ok := c.yearAt(e); ok {
		y, m.end = yy, e+1
	} else if c.hasRef {
		dd := d
		if dd == 0 {
			dd = 25
		}
		y = c.pickYear(i, e, true, func(y int) (time.Time, time.Time) {
			s := day(y, mo, dd)
			return s, s.AddDate(0, 0, 1)
		})
	}
	if y == 0 {
		if d == 0 {
			m.val = "XXXX-11-XX"
		} else {
			m.val = fmt.Sprintf("XXXX-%02d-%02d", mo, d)
		}
		return m, true
	}
	if d == 0 {
		d = thanksgiving(y).Day()
	}
	m.day = day(y, mo, d)
	m.val = fmtDay(m.day)
	return m, true
}

// christmasNames are the nouns that "Christmas" names a thing with: a plant, a tree, a card.
var christmasNames = map[string]bool{"cactus": true, "cacti": true, "cactuses": true, "tree": true,
	"trees": true, "card": true, "cards": true, "carol": true, "carols": true, "lights": true,
	"ornament": true, "ornaments": true, "wreath": true, "wreaths": true, "stocking": true, "stockings": true,
	"pudding": true, "puddings": true, "cracker": true, "crackers": true, "jumper": true, "jumpers": true,
	"sweater": true, "sweaters": true, "decorations": true, "lily": true, "lilies": true, "fern": true,
	"ferns": true, "rose": true, "roses": true}

// easter tags "Easter", "Easter Sunday" and "Easter Monday", whose dates move with the
// year, but not "Easter Island" or "Easter eggs".
func (c *tagging) easter(i int) (match, bool) {
	e, off := i+1, 0
	n := c.at(e)
	switch {
	case n.is("sunday") && n.cap:
		e++
	case n.is("monday") && n.cap:
		e, off = e+1, 1
	case n.kind == kWord && n.w == nil && !c.boundary(e):
		return match{}, false // "Easter Island", "Easter eggs"
	}
	m := match{start: i, end: e, typ: tDate}
	y := 0
	if yy, ok := c.yearAt(e); ok {
		y, m.end = yy, e+1
	} else if c.hasRef {
		y = c.pickYear(i, e, true, func(y int) (time.Time, time.Time) {
			s := easterSunday(y).AddDate(0, 0, off)
			return s, s.AddDate(0, 0, 1)
		})
	}
	if y == 0 {
		m.val = "XXXX-XX-XX"
		return m, true
	}
	m.day = easterSunday(y).AddDate(0, 0, off)
	m.val = fmtDay(m.day)
	return m, true
}

// thanksgiving returns the date of (US) Thanksgiving in year y: the fourth Thursday of November.
func thanksgiving(y int) time.Time {
	first := isoWeekday(day(y, 11, 1))
	return day(y, 11, 1+(4-first+7)%7+21)
}

// namedDays are the days named after a feast or a sale, by their first word and weekday,
// with the day they fall on in a year.
var namedDays = map[string]struct {
	wday int
	on   func(y int) time.Time
	// since is the first year the day falls on on's day (0: every year); before it the
	// value is the year alone.
	since int
}{
	"black": {5, func(y int) time.Time { return thanksgiving(y).AddDate(0, 0, 1) }, 0},
	"cyber": {1, func(y int) time.Time { return thanksgiving(y).AddDate(0, 0, 4) }, 0},
	"good":  {5, func(y int) time.Time { return easterSunday(y).AddDate(0, 0, -2) }, 0},
	// Super Tuesday, the day of most US presidential primaries: the first Tuesday of March,
	// its date since 2012 (2008's was in February, 2004's in March on the 2nd).
	"super": {2, func(y int) time.Time { return day(y, 3, 1+(2-isoWeekday(day(y, 3, 1))+7)%7) }, 2012},
}

// namedDay tags "Black Friday", "Cyber Monday", "Good Friday" and "Super Tuesday".
func (c *tagging) namedDay(i int) (match, bool) {
	nd, ok := namedDays[c.at(i).w.key]
	n := c.at(i + 1)
	if !ok || !c.at(i).cap || n.w == nil || n.w.wday != nd.wday || n.w.wdPl || n.w.wdAbbr || !n.cap {
		return match{}, false
	}
	m := match{start: i, end: i + 2, typ: tDate}
	y := 0
	if yy, ok := c.yearAt(i + 2); ok {
		y, m.end = yy, i+3
	} else if c.hasRef {
		y = c.pickYear(i, i+2, true, func(y int) (time.Time, time.Time) {
			s := nd.on(y)
			return s, s.AddDate(0, 0, 1)
		})
	}
	switch {
	case y == 0:
		m.val = "XXXX-XX-XX"
	case y < nd.since:
		m.val = fmt.Sprintf("%04d", y)
	default:
		m.day = nd.on(y)
		m.val = fmtDay(m.day)
	}
	return m, true
}

// easterSunday returns the date of Easter Sunday in year y of the Gregorian calendar
// (the anonymous Gregorian algorithm).
func easterSunday(y int) time.Time {
	a, b, cc := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := cc/4, cc%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	dd := (h+l-7*m+114)%31 + 1
	return day(y, month, dd)
}

// ruleFiscal tags fiscal years: "fiscal 2019", "fiscal year 2019", "the 2019 fiscal year", "FY2019", "FY19".
func (c *tagging) ruleFiscal(i int) (match, bool) {
	t := c.at(i)
	j := i
	if t.is("the") {
		j++
	}
	if y, ok := c.yearAt(j); ok && c.is(j+1, "fiscal") && c.is(j+2, "year") {
		return match{start: i, end: j + 3, typ: tDate, val: fmt.Sprintf("FY%04d", y)}, true // "the 2024 fiscal year"
	}
	switch {
	case t.is("fiscal"):
		j := i + 1
		if c.is(j, "year") {
			j++
		}
		if y, ok := c.yearAt(j); ok {
			return match{start: i, end: j + 1, typ: tDate, val: fmt.Sprintf("FY%04d", y)}, true
		}
	case t.is("fy"):
		if y, ok := c.yearAt(i + 1); ok {
			return match{start: i, end: i + 2, typ: tDate, val: fmt.Sprintf("FY%04d", y)}, true
		}
	case t.kind == kOther && len(c.str(t)) >= 4 && (c.str(t)[0]|0x20 == 'f') && (c.str(t)[1]|0x20 == 'y'):
		ds := c.str(t)[2:]
		if len(ds) != 2 && len(ds) != 4 {
			return match{}, false
		}
		y := 0
		for k := 0; k < len(ds); k++ {
			if !isDigit(ds[k]) {
				return match{}, false
			}
			y = y*10 + int(ds[k]-'0')
		}
		if len(ds) == 2 {
			y += 2000
			if y > 2060 {
				y -= 100
			}
		}
		return match{start: i, end: i + 1, typ: tDate, val: fmt.Sprintf("FY%04d", y)}, true
	}
	return match{}, false
}
