package dates

import (
	"fmt"
	"strings"
	"time"
)

const (
	tDate     = "DATE"
	tTime     = "TIME"
	tDuration = "DURATION"
	tSet      = "SET"
)

// ---- building blocks ----

// monthAt reads a capitalised month name at i, with the period of an abbreviation.
func (c *ctx) monthAt(i int) (m, end int, abbr bool) {
	t := c.at(i)
	if t.w == nil || t.w.month == 0 || !t.cap || t.kind != kWord {
		return 0, i, false
	}
	end = i + 1
	if t.w.mAbbr && c.at(end).isCh('.') && c.adjacent(end) {
		end++
	}
	return t.w.month, end, t.w.mAbbr
}

// dayAt reads a day of the month (1-31, plain or ordinal digits) at i.
func (c *ctx) dayAt(i int) (int, bool) {
	t := c.at(i)
	if t.kind != kNum || t.ndig > 2 || t.num < 1 || t.num > 31 || (t.suf != sufNone && t.suf != sufOrd) {
		return 0, false
	}
	n := c.at(i + 1)
	if c.adjacent(i+1) && n.kind == kPunct && (n.ch == ':' || n.ch == '%' || n.ch == '/' || n.ch == '.' && c.at(i+2).kind == kNum) {
		return 0, false
	}
	if c.adjacent(i+1) && n.isCh('-') && c.at(i+2).kind == kNum && (c.at(i+2).num <= t.num || c.at(i+2).num > 31) {
		return 0, false // a score such as "5-4"; "June 10-12" is a range and keeps its first day
	}
	if n.w != nil && (n.w.unit != uNone || n.w.key == "percent") {
		return 0, false
	}
	return t.num, true
}

// yearAt reads a four-digit year at i.
func (c *ctx) yearAt(i int) (int, bool) {
	t := c.at(i)
	if t.kind != kNum || t.ndig != 4 || t.suf != sufNone || t.num < 1000 || t.num > 2099 {
		return 0, false
	}
	n := c.at(i + 1)
	if c.adjacent(i+1) && n.kind == kPunct && (n.ch == '%' || n.ch == ':' && c.at(i+2).kind == kNum && c.adjacent(i+2)) {
		return 0, false
	}
	return t.num, true
}

// ordinalAt reads an ordinal ("3rd", "third", "twenty-first") at i.
func (c *ctx) ordinalAt(i int) (n, end int) {
	t := c.at(i)
	if t.kind == kNum && t.suf == sufOrd {
		return t.num, i + 1
	}
	if t.w == nil {
		return 0, i
	}
	if t.w.ord > 0 {
		return t.w.ord, i + 1
	}
	if t.w.numWord && t.w.num >= 20 && t.w.num <= 90 && t.w.num%10 == 0 {
		j := i + 1
		if c.at(j).isCh('-') && c.adjacent(j) {
			j++
		}
		if o := c.at(j).w; o != nil && o.ord >= 1 && o.ord <= 9 {
			return t.w.num + o.ord, j + 1
		}
	}
	return 0, i
}

// timeOfDay reads a clock time at i: "12:39 PM", "3 p.m.", "15:00", "noon".
func (c *ctx) timeOfDay(i int) (end int, hhmm string, ok bool) {
	t := c.at(i)
	if t.is("noon") || t.is("midday") {
		return i + 1, "12:00", true
	}
	if t.is("midnight") {
		return i + 1, "24:00", true
	}
	if t.kind != kNum || t.ndig > 2 {
		return i, "", false
	}
	h, mi := t.num, 0
	ampm := t.suf
	j := i + 1
	hasMin := false
	if t.suf == sufNone && c.at(j).isCh(':') && c.adjacent(j) && c.adjacent(j+1) {
		mt := c.at(j + 1)
		if mt.kind == kNum && mt.ndig == 2 && mt.num < 60 && (mt.suf == sufNone || mt.suf == sufAM || mt.suf == sufPM) {
			mi, hasMin, ampm = mt.num, true, mt.suf
			j += 2
			if ampm == sufNone && c.at(j).isCh(':') && c.adjacent(j) && c.at(j+1).kind == kNum && c.at(j+1).ndig == 2 && c.adjacent(j+1) {
				j += 2 // seconds are dropped: TIMEX3 values in news stop at minutes
			}
		}
	} else if t.suf != sufNone && t.suf != sufAM && t.suf != sufPM {
		return i, "", false
	}
	if ampm == sufNone {
		n := c.at(j)
		switch {
		case n.is("am"):
			ampm, j = sufAM, j+1
		case n.is("pm"):
			ampm, j = sufPM, j+1
		case (n.is("a") || n.is("p")) && c.at(j+1).isCh('.') && c.adjacent(j+1) && c.is(j+2, "m") && c.adjacent(j+2):
			if n.is("a") {
				ampm = sufAM
			} else {
				ampm = sufPM
			}
			j += 3
			if c.at(j).isCh('.') && c.adjacent(j) {
				j++
			}
		case n.is("o") && c.at(j+1).isCh('\'') && c.is(j+2, "clock"):
			j += 3
			if h < 1 || h > 12 {
				return i, "", false
			}
			return j, fmt.Sprintf("%02d:00", h), true
		}
	}
	if ampm == sufNone && !hasMin {
		return i, "", false
	}
	if ampm != sufNone {
		if h < 1 || h > 12 {
			return i, "", false
		}
		if ampm == sufPM && h < 12 {
			h += 12
		} else if ampm == sufAM && h == 12 {
			h = 0
		}
	}
	if h > 24 {
		return i, "", false
	}
	if z := c.at(j); z.kind == kWord && timeZones[c.str(z)] {
		j++ // TIMEX3 extents keep the zone: "10:30 a.m. EST"
	}
	return j, fmt.Sprintf("%02d:%02d", h, mi), true
}

// timeZones are the zone abbreviations written after clock times in news.
var timeZones = map[string]bool{"GMT": true, "UTC": true, "BST": true, "CET": true, "CEST": true, "EET": true,
	"EEST": true, "WET": true, "MSK": true, "IST": true, "JST": true, "KST": true, "HKT": true, "SGT": true,
	"AEST": true, "AEDT": true, "NZST": true, "NZDT": true, "ET": true, "EST": true, "EDT": true, "CT": true,
	"CST": true, "CDT": true, "MT": true, "MST": true, "MDT": true, "PT": true, "PST": true, "PDT": true}

// attachTime extends a day-level match with a following clock time or part of the day:
// "June 10, 2018, 12:39 PM", "Monday at 3 p.m.", "Monday night".
func (c *ctx) attachTime(m *match) {
	j := m.end
	if c.at(j).w != nil && c.at(j).w.pod != "" {
		m.end, m.typ, m.val = j+1, tTime, m.val+"T"+c.at(j).w.pod
		return
	}
	if c.at(j).isCh(',') {
		j++
	}
	if c.is(j, "at") {
		j++
	}
	if e, hm, ok := c.timeOfDay(j); ok {
		m.end, m.typ, m.val = e, tTime, m.val+"T"+hm
	}
}

// refDay writes the reference day shifted by n days, or an unknown day.
func (c *ctx) refDay(n int) (string, time.Time) {
	if !c.hasRef {
		return "XXXX-XX-XX", time.Time{}
	}
	t := c.ref.AddDate(0, 0, n)
	return fmtDay(t), t
}

// anchorShift moves the anchor (the last full date, else ref) by n units.
func (c *ctx) anchorShift(n int, u unit) (string, time.Time) {
	if !c.hasAnchor {
		return unknownAt(u), time.Time{}
	}
	return shift(c.anchor, n, u)
}

// refShift moves the reference date by n units.
func (c *ctx) refShift(n int, u unit) (string, time.Time) {
	if !c.hasRef {
		return unknownAt(u), time.Time{}
	}
	return shift(c.ref, n, u)
}

// ---- rules ----

type dparse struct{ end, y, m, d, wd int }

// dateCore reads a calendar date with a month name: "June 10, 2018", "10 June", "Monday, June 4",
// "the 4th of July", "June 2018".
func (c *ctx) dateCore(i int) (dparse, bool) {
	j, wd := i, 0
	if t := c.at(i); t.w != nil && t.w.wday > 0 && !t.w.wdPl && t.cap {
		wd, j = t.w.wday, i+1
		if t.w.wdAbbr && c.at(j).isCh('.') && c.adjacent(j) {
			j++
		}
		if c.at(j).isCh(',') {
			j++
		}
	}
	p, ok := c.monthFirst(j)
	if !ok {
		p, ok = c.dayFirst(j)
	}
	if !ok || (wd > 0 && p.d == 0) {
		return dparse{}, false
	}
	p.wd = wd
	return p, true
}

func (c *ctx) monthFirst(i int) (dparse, bool) {
	m, j, _ := c.monthAt(i)
	if m == 0 {
		return dparse{}, false
	}
	if d, ok := c.dayAt(j); ok {
		p := dparse{end: j + 1, m: m, d: d}
		k := j + 1
		if c.at(k).isCh(',') {
			k++
		}
		if y, ok := c.yearAt(k); ok {
			p.y, p.end = y, k+1
		}
		if !validDay(p.y, m, d) {
			return dparse{}, false
		}
		return p, true
	}
	k := j
	if c.at(k).isCh(',') {
		k++
	}
	if c.is(k, "of") {
		k++
	}
	if y, ok := c.yearAt(k); ok {
		return dparse{end: k + 1, m: m, y: y}, true
	}
	return dparse{}, false
}

func (c *ctx) dayFirst(i int) (dparse, bool) {
	j := i
	the := c.is(j, "the")
	if the {
		j++
	}
	var d int
	if dd, ok := c.dayAt(j); ok {
		d = dd
	} else if w := c.at(j).w; w != nil && w.ord >= 1 && w.ord <= 31 && c.is(j+1, "of") {
		d = w.ord
	} else {
		return dparse{}, false
	}
	j++
	if c.is(j, "of") {
		j++
	} else if the && c.at(j-1).suf != sufOrd {
		return dparse{}, false
	}
	m, k, _ := c.monthAt(j)
	if m == 0 {
		return dparse{}, false
	}
	p := dparse{end: k, m: m, d: d}
	kk := k
	if c.at(kk).isCh(',') {
		kk++
	}
	if y, ok := c.yearAt(kk); ok {
		p.y, p.end = y, kk+1
	}
	if !validDay(p.y, m, d) {
		return dparse{}, false
	}
	return p, true
}

// ruleDate tags dates with a month name.
func (c *ctx) ruleDate(i int) (match, bool) {
	p, ok := c.dateCore(i)
	if !ok {
		return match{}, false
	}
	m := match{start: i, end: p.end, typ: tDate}
	switch {
	case p.d > 0 && p.y > 0:
		m.day = day(p.y, p.m, p.d)
		m.val = fmtDay(m.day)
	case p.d > 0:
		m.val, m.day = c.dayVal(p.m, p.d, i, p.end)
		if p.wd > 0 && c.hasRef {
			// The weekday settles the year when exactly one nearby year fits.
			for _, y := range []int{c.ref.Year(), c.ref.Year() - 1, c.ref.Year() + 1} {
				if validDay(y, p.m, p.d) && isoWeekday(day(y, p.m, p.d)) == p.wd {
					m.day = day(y, p.m, p.d)
					m.val = fmtDay(m.day)
					break
				}
			}
		}
	default:
		m.val = fmtYM(p.y, p.m)
	}
	if p.d > 0 {
		c.attachTime(&m)
	}
	return m, true
}

// ruleNumericDate tags 2018-06-10, 2018/06/10, 06/10/2018 and 10.06.2018.
func (c *ctx) ruleNumericDate(i int) (match, bool) {
	a := c.at(i)
	if a.kind != kNum || a.suf != sufNone {
		return match{}, false
	}
	sep := c.at(i + 1)
	if sep.kind != kPunct || (sep.ch != '-' && sep.ch != '/' && sep.ch != '.') || !c.adjacent(i+1) || !c.adjacent(i+2) {
		return match{}, false
	}
	b, s2, e := c.at(i+2), c.at(i+3), c.at(i+4)
	if b.kind != kNum || b.suf != sufNone || b.ndig > 2 || !s2.isCh(sep.ch) || !c.adjacent(i+3) || !c.adjacent(i+4) ||
		e.kind != kNum || e.suf != sufNone {
		return match{}, false
	}
	var y, mo, d int
	switch {
	case a.ndig == 4 && e.ndig <= 2 && sep.ch != '.':
		y, mo, d = a.num, b.num, e.num
	case a.ndig <= 2 && (e.ndig == 4 || e.ndig == 2 && sep.ch == '/'):
		y = e.num
		if e.ndig == 2 {
			y += 1900
			if e.num < 50 {
				y += 100
			}
		}
		switch {
		case sep.ch == '.' && b.num <= 12, a.num > 12:
			d, mo = a.num, b.num // day first: European dotted dates, or a first part above 12
		default:
			mo, d = a.num, b.num // otherwise US order
		}
	default:
		return match{}, false
	}
	if y < 1000 || y > 2099 || !validDay(y, mo, d) {
		return match{}, false
	}
	n := c.at(i + 5)
	if c.adjacent(i+5) && n.kind == kPunct && (n.ch == '-' || n.ch == '/' || n.ch == '.' && c.at(i+6).kind == kNum) {
		return match{}, false
	}
	m := match{start: i, end: i + 5, typ: tDate, day: day(y, mo, d)}
	m.val = fmtDay(m.day)
	c.attachTime(&m)
	return m, true
}

// modPrefix reads a temporal modifier: "early", "mid-", "late", "the end of", "the
// beginning of". It returns where the modified expression starts and the TIMEX3 mod.
func (c *ctx) modPrefix(i int) (int, timexMod, bool) {
	t := c.at(i)
	if t.w == nil {
		return i, modNone, false
	}
	switch t.w.key {
	case "early", "late", "mid":
		j := i + 1
		if c.at(j).isCh('-') && c.adjacent(j) {
			j++
		} else if t.w.key == "mid" {
			return i, modNone, false
		}
		return j, partMod[t.w.key], true
	case "the":
		n := c.at(i + 1).w
		if n == nil {
			return i, modNone, false
		}
		switch n.key {
		case "end", "beginning", "start", "middle", "close", "turn":
			if c.is(i+2, "of") {
				return i + 3, partMod[n.key], true
			}
		case "early", "late", "mid":
			// "the early 1980s", "the late 19th century": only decades and centuries take "the".
			j, mod, _ := c.modPrefix(i + 1)
			if _, ok := c.ruleDecade(j); ok {
				return j, mod, true
			}
			if _, ok := c.ruleCentury(j); ok {
				return j, mod, true
			}
		}
	case "end", "beginning", "start":
		if c.is(i+1, "of") && !c.is(i-1, "the") {
			return i + 2, partMod[t.w.key], true
		}
	}
	return i, modNone, false
}

// partMod are the TIMEX3 mods of the words that pick a part of a period; "the turn of"
// has none.
var partMod = map[string]timexMod{"early": modStart, "beginning": modStart, "start": modStart,
	"mid": modMid, "middle": modMid, "late": modEnd, "end": modEnd, "close": modEnd}

// ruleMod tags a period with a modifier: "early June", "mid-2018", "the end of the year".
func (c *ctx) ruleMod(i int) (match, bool) {
	j, mod, ok := c.modPrefix(i)
	if !ok {
		return match{}, false
	}
	var best match
	found := false
	try := func(m match, ok bool) {
		if ok && (!found || m.end > best.end) {
			best, found = m, true
		}
	}
	try(c.ruleDate(j))
	try(c.ruleDecade(j))
	try(c.ruleCentury(j))
	try(c.relPeriod(j))
	try(c.seasonAt(j, true))
	try(c.ruleWeekday(j))
	try(c.ruleQuarter(j))
	if c.is(j, "today") || c.is(j, "yesterday") || c.is(j, "tomorrow") {
		try(c.ruleDeictic(j))
	}
	if m, e, _ := c.monthAt(j); m > 0 {
		try(match{end: e, typ: tDate, val: c.monthVal(m, i, e)}, true)
	}
	if y, ok := c.yearAt(j); ok {
		try(match{end: j + 1, typ: tDate, val: fmtYear(y)}, true)
	}
	if c.is(j, "the") {
		if w := c.at(j + 1).w; w != nil && !w.plural {
			switch w.unit {
			case uWeek, uMonth, uYear, uDecade, uCentury, uQuarter, uWeekend:
				v, _ := c.refShift(0, w.unit)
				try(match{end: j + 2, typ: tDate, val: v}, true)
			}
		}
	}
	if !found {
		return match{}, false
	}
	best.start = c.dropThe(i, best.end)
	best.day = time.Time{}
	best.mod = mod
	return best, true
}

// relPeriod tags "this week", "last year", "next month", "last spring", "next Tuesday", "this morning".
func (c *ctx) relPeriod(i int) (match, bool) {
	t := c.at(i)
	if t.w == nil {
		return match{}, false
	}
	dir := 0
	switch t.w.key {
	case "this":
	case "last", "past", "previous":
		dir = -1
	case "next", "coming":
		dir = 1
	default:
		return match{}, false
	}
	if c.is(i-1, "the") {
		return match{}, false // "the last weekend of the festival": relThe decides
	}
	j := i + 1
	if t.w.key == "this" {
		switch {
		case c.is(j, "past") || c.is(j, "last"):
			dir, j = -1, j+1
		case c.is(j, "coming") || c.is(j, "next"):
			dir, j = 1, j+1
		}
	}
	n := c.at(j)
	w := n.w
	if w == nil {
		return match{}, false
	}
	m := match{start: i, end: j + 1, typ: tDate}
	switch {
	case w.unit != uNone && !w.plural:
		switch w.unit {
		case uWeek, uWeekend, uMonth, uQuarter, uYear, uDecade, uCentury:
		default:
			return match{}, false
		}
		m.val, _ = c.refShift(dir, w.unit)
	case w.season != "":
		if dir == 0 && c.hasRef {
			// "this fall" is the fall of the reference year whatever the tense.
			y := c.ref.Year()
			if w.season == "WI" && c.ref.Month() <= 2 {
				y--
			}
			m.val = fmt.Sprintf("%04d-%s", y, w.season)
			break
		}
		m.val = c.seasonVal(w.season, dir, i, j+1)
	case w.month > 0 && n.cap && !w.mAbbr:
		if !c.hasRef {
			m.val = fmt.Sprintf("XXXX-%02d", w.month)
			break
		}
		y, rm := c.ref.Year(), int(c.ref.Month())
		switch {
		case dir < 0 && w.month >= rm:
			y--
		case dir > 0 && w.month <= rm:
			y++
		}
		m.val = fmtYM(y, w.month)
	case w.wday > 0 && !w.wdPl && !w.wdAbbr && n.cap:
		if !c.hasRef {
			m.val = fmt.Sprintf("XXXX-WXX-%d", w.wday)
			c.attachTime(&m)
			break
		}
		cur := isoWeekday(c.ref)
		var off int
		switch dir {
		case -1:
			off = -((cur - w.wday + 7) % 7)
			if off == 0 {
				off = -7
			}
		case 1:
			off = (w.wday - cur + 7) % 7
			if off == 0 {
				off = 7
			}
		default:
			off = w.wday - cur
		}
		m.val, m.day = c.refDay(off)
		c.attachTime(&m)
	case w.pod != "":
		off := 0
		if dir < 0 && w.key == "night" || dir < 0 && w.key == "evening" {
			off = -1
		} else if dir != 0 {
			return match{}, false
		}
		v, _ := c.refDay(off)
		m.typ, m.val = tTime, v+"T"+w.pod
	default:
		return match{}, false
	}
	return m, true
}

// ruleRelative tags relative periods, including the "the" and "earlier/later" forms.
func (c *ctx) ruleRelative(i int) (match, bool) {
	t := c.at(i)
	if t.w == nil {
		return match{}, false
	}
	switch t.w.key {
	case "the":
		return c.relThe(i)
	case "earlier", "later":
		j := i + 1
		switch {
		case c.is(j, "today"):
			v, _ := c.refDay(0)
			return match{start: i, end: j + 1, typ: tDate, val: v}, true
		case c.is(j, "tonight"):
			v, _ := c.refDay(0)
			return match{start: i, end: j + 1, typ: tTime, val: v + "TNI"}, true
		case c.is(j, "in") && c.is(j+1, "the"):
			if w := c.at(j + 2).w; w != nil && !w.plural && (w.unit == uWeek || w.unit == uMonth || w.unit == uYear || w.unit == uDay) {
				v, _ := c.refShift(0, w.unit)
				return match{start: i, end: j + 3, typ: tDate, val: v}, true
			}
		}
		if m, ok := c.relPeriod(j); ok && m.typ == tDate {
			m.start = i
			return m, true
		}
		return match{}, false
	}
	return c.relPeriod(i)
}

// relThe tags "the past year" (a duration), "the following day", "the previous week", "the same day",
// "the day before", "the weekend", "the coming months".
func (c *ctx) relThe(i int) (match, bool) {
	j := i + 1
	k := c.at(j)
	if k.w == nil {
		return match{}, false
	}
	n := c.at(j + 1)
	switch k.w.key {
	case "past", "last", "next":
		if n.w == nil || n.w.plural {
			return match{}, false
		}
		switch n.w.unit {
		case uWeek, uMonth, uYear, uDecade, uCentury, uWeekend, uDay:
			if n.w.unit == uCentury && k.w.key == "last" {
				v, _ := c.refShift(-1, uCentury)
				return match{start: i, end: j + 2, typ: tDate, val: v}, true
			}
			if n.w.unit == uDay && k.w.key == "next" {
				v, d := c.anchorShift(1, uDay)
				return match{start: i, end: j + 2, typ: tDate, val: v, day: d}, true
			}
			if c.is(j+2, "of") {
				return match{}, false // "the last day of the festival"
			}
			return match{start: i, end: j + 2, typ: tDuration, val: durVal(1, n.w.unit)}, true
		case uQuarter:
			if k.w.key == "next" {
				return match{}, false
			}
			v, _ := c.refShift(-1, uQuarter)
			return match{start: i, end: j + 2, typ: tDate, val: v}, true
		}
	case "current":
		if u := currentUnit(n); u != uNone {
			v, _ := c.refShift(0, u)
			return match{start: i, end: j + 2, typ: tDate, val: v}, true
		}
	case "following", "previous", "prior", "same", "coming":
		if n.w == nil {
			return match{}, false
		}
		if n.w.plural && n.w.unit != uNone && k.w.key == "coming" {
			return match{start: i, end: j + 2, typ: tDate, val: futureRef}, true
		}
		if n.w.plural {
			return match{}, false
		}
		dir := map[string]int{"following": 1, "previous": -1, "prior": -1, "same": 0, "coming": 1}[k.w.key]
		switch n.w.unit {
		case uDay, uWeek, uMonth, uYear, uWeekend, uQuarter:
			var v string
			var d time.Time
			if k.w.key == "coming" {
				v, d = c.refShift(dir, n.w.unit)
			} else {
				v, d = c.anchorShift(dir, n.w.unit)
			}
			m := match{start: i, end: j + 2, typ: tDate, val: v, day: d}
			if n.w.unit == uDay {
				c.attachTime(&m)
			}
			return m, true
		}
		if n.w.pod != "" && k.w.key != "coming" {
			v, _ := c.anchorShift(dir, uDay)
			return match{start: i, end: j + 2, typ: tTime, val: v + "T" + n.w.pod}, true
		}
	case "day":
		switch {
		case c.is(j+1, "before") && c.is(j+2, "yesterday"):
			v, d := c.refDay(-2)
			return match{start: i, end: j + 3, typ: tDate, val: v, day: d}, true
		case c.is(j+1, "after") && c.is(j+2, "tomorrow"):
			v, d := c.refDay(2)
			return match{start: i, end: j + 3, typ: tDate, val: v, day: d}, true
		case (c.is(j+1, "before") || c.is(j+1, "after")) && (c.at(j+2).kind == kPunct || j+2 >= len(c.toks)):
			dir := 1
			if c.is(j+1, "before") {
				dir = -1
			}
			v, d := c.anchorShift(dir, uDay)
			return match{start: i, end: j + 2, typ: tDate, val: v, day: d}, true
		}
	case "weekend":
		if !c.hasRef {
			return match{start: i, end: j + 1, typ: tDate, val: "XXXX-WXX-WE"}, true
		}
		off := 0
		if tn, _ := c.tenseAt(i, j+1); tn == tPast && isoWeekday(c.ref) < 6 {
			off = -1
		}
		v, _ := shift(c.ref, off, uWeekend)
		return match{start: i, end: j + 1, typ: tDate, val: v}, true
	}
	return match{}, false
}

// ruleDeictic tags "today", "yesterday morning", "now", "currently", "recently", "the past",
// "the future", "recent years", "these days".
func (c *ctx) ruleDeictic(i int) (match, bool) {
	t := c.at(i)
	if t.w == nil {
		return match{}, false
	}
	m := match{start: i, end: i + 1, typ: tDate}
	switch t.w.key {
	case "today", "yesterday", "tomorrow", "tonight":
		if p := c.at(i - 1); p.kind == kWord && p.cap && p.w == nil && !c.sentenceStart(i-1) {
			return match{}, false // "USA Today"
		}
		off := map[string]int{"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}[t.w.key]
		m.val, m.day = c.refDay(off)
		if t.w.key == "tonight" {
			m.typ, m.val = tTime, m.val+"TNI"
			return m, true
		}
		c.attachTime(&m)
		return m, true
	case "now", "currently", "nowadays":
		if t.w.key == "now" && (c.is(i+1, "that") && c.sentenceStart(i) || c.at(i+1).isCh('-') ||
			c.is(i+1, "and") && (c.is(i+2, "again") || c.is(i+2, "then")) || c.is(i-1, "every")) {
			return match{}, false
		}
		m.val = presentRef
		return m, true
	case "current":
		n := c.at(i + 1)
		if u := currentUnit(n); u != uNone {
			m.end = i + 2
			m.val, _ = c.refShift(0, u)
			return m, true
		}
		if n.kind != kWord || n.cap || n.is("account") || n.is("accounts") || n.is("affairs") {
			return match{}, false
		}
		m.val = presentRef
		return m, true
	case "present":
		if !c.is(i-1, "at") {
			return match{}, false
		}
		m.val = presentRef
		return m, true
	case "recently", "lately":
		m.val = pastRef
		return m, true
	case "recent":
		if n := c.at(i + 1); n.w != nil && (n.w.plural && n.w.unit != uNone || n.w.key == "times") {
			m.end, m.val = i+2, pastRef
			return m, true
		}
	case "coming":
		// "in coming weeks"; "the coming weeks" is handled by relThe.
		if n := c.at(i + 1); n.w != nil && n.w.plural && n.w.unit != uNone && !c.is(i-1, "the") {
			m.end, m.val = i+2, futureRef
			return m, true
		}
	case "these":
		if c.is(i+1, "days") {
			m.end, m.val = i+2, presentRef
			return m, true
		}
	case "the":
		n := c.at(i + 1)
		val := ""
		switch {
		case n.is("past"):
			val = pastRef
		case n.is("future"):
			val = futureRef
		case n.is("present"):
			val = presentRef
		case n.is("moment") && c.is(i-1, "at"):
			val = presentRef
		default:
			return match{}, false
		}
		// "the past three years", "the present government": the word is a modifier there.
		// A following unknown word ending in -s is more often a verb ("the future holds").
		if a := c.at(i + 2); a.kind == kWord && !a.cap && (a.w == nil && !strings.HasSuffix(c.str(a), "s") ||
			a.w != nil && (a.w.unit != uNone || a.w.vague || a.w.numWord)) || a.kind == kNum || a.kind == kOther {
			return match{}, false
		}
		m.end, m.val = i+2, val
		return m, true
	}
	return match{}, false
}

// currentUnit returns the calendar unit of "current week", "current quarter", and so on,
// or uNone.
func currentUnit(n *token) unit {
	if n.w == nil || n.w.plural {
		return uNone
	}
	switch n.w.unit {
	case uWeek, uMonth, uQuarter, uYear:
		return n.w.unit
	}
	return uNone
}

// ruleQuarter tags quarters and halves: "the third quarter", "Q3 2018", "first half of 2018".
func (c *ctx) ruleQuarter(i int) (match, bool) {
	j := i
	if c.is(j, "the") {
		j++
	}
	t := c.at(j)
	q, half, k := 0, false, j
	switch {
	case t.kind == kOther && t.w != nil && len(t.w.key) == 2 && t.w.key[0] == 'q':
		q, k = int(t.w.key[1]-'0'), j+1
	case t.kind == kOther && t.w != nil && len(t.w.key) == 2 && t.w.key[0] == 'h':
		q, half, k = int(t.w.key[1]-'0'), true, j+1
		if _, ok := c.yearAt(k); !ok {
			return match{}, false
		}
	default:
		o, e := c.ordinalAt(j)
		if o == 0 && (c.is(j, "final") || c.is(j, "last") && j > i) {
			o, e = 4, j+1
		}
		if o == 0 {
			return match{}, false
		}
		if c.at(e).isCh('-') && c.adjacent(e) {
			e++
		}
		switch {
		case c.at(e).w != nil && c.at(e).w.unit == uQuarter && !c.at(e).w.plural && o <= 4:
			q, k = o, e+1
		case c.is(e, "half") && o <= 2:
			q, half, k = o, true, e+1
		default:
			return match{}, false
		}
	}
	m := match{start: i, end: k, typ: tDate}
	// An explicit year: "of 2018", ", 2018", "2018", "of last year".
	y, yend := 0, k
	kk := k
	if c.is(kk, "of") {
		kk++
	} else if c.at(kk).isCh(',') {
		kk++
	}
	if yy, ok := c.yearAt(kk); ok {
		y, yend = yy, kk+1
	} else if c.is(k, "of") {
		switch {
		case c.is(kk, "the") && c.is(kk+1, "year"):
			if c.hasRef {
				y = c.ref.Year()
			}
			yend = kk + 2
		case (c.is(kk, "this") || c.is(kk, "last") || c.is(kk, "next")) && c.is(kk+1, "year"):
			if c.hasRef {
				y = c.ref.Year() + map[string]int{"this": 0, "last": -1, "next": 1}[c.at(kk).w.key]
			}
			yend = kk + 2
		}
	}
	letter := "Q"
	if half {
		letter = "H"
	}
	switch {
	case y > 0:
		m.end, m.val = yend, fmt.Sprintf("%04d-%s%d", y, letter, q)
	case yend > k:
		m.end, m.val = yend, fmt.Sprintf("XXXX-%s%d", letter, q)
	case half:
		return match{}, false // "the second half" alone is usually a match half, not a half-year
	default:
		m.val = c.quarterVal(q, i, k)
	}
	return m, true
}

// ruleDecade tags "the 1970s", "the '90s", "1990s", "the nineties".
func (c *ctx) ruleDecade(i int) (match, bool) {
	j := i
	the := c.is(j, "the")
	if the {
		j++
	}
	t := c.at(j)
	y, end := 0, 0
	switch {
	case t.kind == kNum && t.suf == sufS && t.ndig == 4 && t.num%10 == 0 && t.num >= 1000 && t.num <= 2090:
		y, end = t.num, j+1
	case t.isCh('\'') && c.at(j+1).kind == kNum && c.at(j+1).ndig == 2 && c.at(j+1).suf == sufS && c.at(j+1).num%10 == 0 && c.adjacent(j+1):
		y, end = 1900+c.at(j+1).num, j+2
	case (the || c.at(j-1).isCh('-')) && t.kind == kNum && t.ndig == 2 && t.suf == sufS && t.num%10 == 0:
		y, end = 1900+t.num, j+1
	case the && t.w != nil && t.w.decade > 0:
		y, end = 1900+10*t.w.decade, j+1
	default:
		return match{}, false
	}
	if end == j+2 || end == j+1 && t.ndig == 2 {
		for k := i - 1; k >= i-3 && k >= 0; k-- {
			if w := c.toks[k].w; w != nil && (w.key == "their" || w.key == "his" || w.key == "her" ||
				w.key == "my" || w.key == "your" || w.key == "our") {
				return match{}, false // "in their mid-50s" is an age
			}
		}
		if y < 1930 {
			y += 100 // '00s, '10s, '20s
		}
	}
	return match{start: c.dropThe(i, end), end: end, typ: tDate, val: fmtDecade(y)}, true
}

// dropThe moves the start of an expression past a leading "the" when the expression
// modifies a following noun: in "the 1990s boom" the article belongs to "boom".
func (c *ctx) dropThe(i, end int) int {
	if c.is(i, "the") {
		if n := c.at(end); n.kind == kWord && !n.cap && n.w == nil {
			return i + 1
		}
	}
	return i
}

// ruleCentury tags "the 19th century", "the twenty-first century", "this century".
func (c *ctx) ruleCentury(i int) (match, bool) {
	j := i
	if c.is(j, "the") {
		j++
	}
	n, e := c.ordinalAt(j)
	if n < 1 || n > 30 {
		return match{}, false
	}
	if c.at(e).isCh('-') && c.adjacent(e) {
		e++
	}
	if w := c.at(e).w; w == nil || w.unit != uCentury || w.plural {
		return match{}, false
	}
	return match{start: i, end: e + 1, typ: tDate, val: fmt.Sprintf("%02d", n-1)}, true
}

// seasonAt tags a season: "summer 2018", "the summer of 2017", "the fall", "spring".
// cued says a modifier already marks the word as temporal.
func (c *ctx) seasonAt(i int, cued bool) (match, bool) {
	j := i
	the := c.is(j, "the")
	if the {
		j++
	}
	t := c.at(j)
	if t.w == nil || t.w.season == "" || t.kind != kWord {
		return match{}, false
	}
	s := t.w.season
	k := j + 1
	y := 0
	if c.is(k, "of") {
		if yy, ok := c.yearAt(k + 1); ok {
			y, k = yy, k+2
		}
	} else if yy, ok := c.yearAt(k); ok {
		y, k = yy, k+1
	}
	if y > 0 {
		return match{start: i, end: k, typ: tDate, val: fmt.Sprintf("%04d-%s", y, s)}, true
	}
	if t.cap && !c.sentenceStart(j) {
		return match{}, false // "Arab Spring"
	}
	if c.is(k, "of") || c.at(k).w != nil && c.at(k).w.unit != uNone {
		return match{}, false // "the fall of Rome", "spring break"
	}
	p := c.at(i - 1)
	if !cued && !(the && t.w.key != "fall") && !(p.w != nil && (p.w.strong || p.is("this") || p.is("over"))) {
		return match{}, false
	}
	if !cued && the && !(p.w != nil && (p.w.strong || p.is("over") || p.is("in") || p.is("for"))) {
		return match{}, false
	}
	if t.w.key == "fall" && !the && !cued {
		return match{}, false
	}
	return match{start: i, end: k, typ: tDate, val: c.seasonVal(s, 0, i, k)}, true
}

func (c *ctx) ruleSeason(i int) (match, bool) { return c.seasonAt(i, false) }

// ruleWeekday tags a weekday alone or with a part of the day or a time: "Tuesday", "Monday night".
func (c *ctx) ruleWeekday(i int) (match, bool) {
	t := c.at(i)
	if t.w == nil || t.w.wday == 0 || t.w.wdPl || t.w.wdAbbr || !t.cap || t.kind != kWord {
		return match{}, false
	}
	if p := c.at(i - 1); p.kind == kWord && p.cap && p.w == nil && !c.sentenceStart(i-1) {
		return match{}, false // "Black Monday", "Good Friday"
	}
	m := match{start: i, end: i + 1, typ: tDate}
	if !c.hasRef {
		m.val = fmt.Sprintf("XXXX-WXX-%d", t.w.wday)
	} else {
		m.day = c.weekdayDate(t.w.wday, i, i+1)
		m.val = fmtDay(m.day)
	}
	c.attachTime(&m)
	if n := c.at(m.end); n.kind == kWord && n.cap && nameAfterWeekday[c.str(n)] {
		return match{}, false // "the Sunday Times", "Tuesday Morning Corp."
	}
	return m, true
}

// nameAfterWeekday are the capitalised words that make a weekday part of a name: papers
// ("Sunday Times") and companies ("Tuesday Morning Corp.").
var nameAfterWeekday = map[string]bool{"Times": true, "Telegraph": true, "Express": true, "Mirror": true,
	"Post": true, "Herald": true, "Mail": true, "Star": true, "Tribune": true, "Observer": true,
	"Independent": true, "Sport": true, "People": true, "Journal": true, "Magazine": true, "Review": true,
	"Edition": true, "Corp": true, "Corporation": true, "Inc": true, "Co": true, "Ltd": true, "LLC": true,
	"Group": true, "Live": true}

// monthCue are the words that make a bare month name a date: "in May", "since March".
var monthCue = map[string]bool{"in": true, "since": true, "until": true, "till": true, "by": true, "from": true,
	"through": true, "during": true, "between": true, "to": true, "and": true, "or": true, "of": true,
	"before": true, "after": true, "early": true, "late": true, "for": true, "throughout": true}

// nameCue are the cues of monthCue that also come before people's names: "by April Ryan".
var nameCue = map[string]bool{"by": true, "to": true, "and": true, "or": true, "of": true, "for": true, "from": true}

// ruleMonth tags a bare month name: "in September".
func (c *ctx) ruleMonth(i int) (match, bool) {
	m, e, abbr := c.monthAt(i)
	if m == 0 || abbr {
		return match{}, false
	}
	p := c.at(i - 1)
	cue := p.w != nil && monthCue[p.w.key] && !p.cap || p.w != nil && monthCue[p.w.key] && c.sentenceStart(i-1)
	key := c.at(i).w.key
	if n := c.at(e); cue && nameCue[p.w.key] && n.kind == kWord && n.cap && n.w == nil &&
		(key == "april" || key == "may" || key == "june" || key == "august") {
		return match{}, false // "by April Ryan", "for June Carter"; but "in June Apple said"
	}
	if !cue {
		if key == "may" || key == "march" {
			return match{}, false // the modal verb and the walk
		}
		if n := c.at(e); n.kind == kWord && n.cap {
			return match{}, false // "June Carter", "August Wilson"
		}
		if c.sentenceStart(i) && (key == "april" || key == "june" || key == "august") {
			return match{}, false
		}
		if p.kind == kWord && p.cap {
			return match{}, false
		}
	}
	if key == "may" && c.at(e).kind == kWord && !c.at(e).cap && c.at(e).w != nil && c.at(e).w.tense != tUnknown {
		return match{}, false // "in May be"
	}
	return match{start: i, end: e, typ: tDate, val: c.monthVal(m, i, e)}, true
}

// ruleYear tags a bare four-digit year when the context says it is one: "in 1973", "the 1973 war",
// but not "1973 troops" or "about 2000 people".
func (c *ctx) ruleYear(i int) (match, bool) {
	y, ok := c.yearAt(i)
	if !ok {
		return match{}, false
	}
	p, n := c.at(i-1), c.at(i+1)
	if c.adjacent(i) && p.kind == kPunct {
		switch p.ch {
		case '/', '.', ',', ':':
			return match{}, false
		case '-':
			if pp := c.at(i - 2); !(pp.kind == kNum && pp.ndig == 4 || pp.kind == kWord) {
				return match{}, false
			}
		}
	}
	if p.kind == kPunct && (p.ch == '$' || p.ch == '#' || p.ch == '£' || p.ch == '€' || p.ch == '+') {
		return match{}, false
	}
	if c.adjacent(i+1) && n.kind == kPunct && (n.ch == '/' || n.ch == '%') {
		return match{}, false
	}
	if n.is("percent") || n.w != nil && n.w.unit != uNone {
		return match{}, false
	}
	cue := p.w != nil && p.w.yearCue
	strong := p.w != nil && p.w.strong
	if p.w != nil && p.w.approx && !strong || p.kind == kNum || p.w != nil && p.w.numWord || p.is("no") {
		return match{}, false
	}
	if ns := c.str(n); !strong && n.kind == kWord && !n.cap && looksPlural(ns) &&
		(n.w == nil || n.w.tense == tUnknown) {
		if a := c.at(i + 2); !(a.is("the") || a.is("a") || a.is("an")) {
			return match{}, false // "1973 troops"
		}
	}
	if !cue && y < 1900 || !strong && y < 1500 {
		return match{}, false
	}
	if n.kind == kWord && n.cap {
		for k := i + 2; k <= i+3; k++ {
			if w := c.at(k).w; w != nil && w.street {
				return match{}, false // "1600 Pennsylvania Avenue"
			}
		}
	}
	if p.kind == kWord && p.cap && p.w == nil {
		return match{}, false // "Windows 2000", "Euro 2016", "Flight 1973"
	}
	return match{start: i, end: i + 1, typ: tDate, val: fmtYear(y)}, true
}

// looksPlural reports whether a lower-case word looks like a plural noun: "troops", but not
// "crisis", "census" or "congress".
func looksPlural(w string) bool {
	if len(w) <= 3 || w[len(w)-1] != 's' {
		return false
	}
	switch w[len(w)-2] {
	case 's', 'i', 'u':
		return false
	}
	return true
}

// ruleTime tags a clock time on its own: "3 p.m.", "noon"; it is placed on the reference day.
func (c *ctx) ruleTime(i int) (match, bool) {
	e, hm, ok := c.timeOfDay(i)
	if !ok {
		return match{}, false
	}
	v, _ := c.refDay(0)
	m := match{start: i, end: e, typ: tTime, val: v + "T" + hm}
	// A day right after the time belongs to it: "10:30 p.m. Aug. 9", "3 p.m. today", "2pm Friday".
	j := e
	if c.at(j).isCh(',') {
		j++
	}
	var d match
	ok = false
	if t := c.at(j); t.w != nil && (t.w.key == "today" || t.w.key == "yesterday" || t.w.key == "tomorrow") {
		d, ok = c.ruleDeictic(j)
	} else if d, ok = c.ruleDate(j); !ok {
		d, ok = c.ruleWeekday(j)
	}
	if ok && d.typ == tDate && len(d.val) == 10 {
		m.end, m.val, m.day = d.end, d.val+"T"+hm, d.day
	}
	return m, true
}

// quantity reads an amount before a unit: "three", "48", "2.5", "a", "a few", "several",
// "twenty-four", "two and a half". n < 0 means an unknown amount.
func (c *ctx) quantity(j int) (n float64, end int, isA, ok bool) {
	t := c.at(j)
	if c.adjacent(j) && c.at(j-1).kind == kPunct && (c.at(j-1).ch == '/' || c.at(j-1).ch == '$') {
		return 0, j, false, false // "1-1/2", "$5"
	}
	switch {
	case t.kind == kNum && t.suf == sufNone:
		n, end = float64(t.num), j+1
	case t.kind == kOther && t.dec:
		n, end = parseFloat(c.str(t)), j+1
	case t.w == nil:
		return 0, j, false, false
	case t.w.numWord && t.w.num < 100:
		n, end = float64(t.w.num), j+1
		if t.w.num >= 20 && t.w.num%10 == 0 {
			k := j + 1
			if c.at(k).isCh('-') && c.adjacent(k) {
				k++
			}
			if u := c.at(k).w; u != nil && u.numWord && u.num >= 1 && u.num <= 9 {
				n, end = n+float64(u.num), k+1
			}
		}
	case t.w.key == "a" || t.w.key == "an":
		switch {
		case c.is(j+1, "few"):
			n, end = -1, j+2
		case c.is(j+1, "couple"):
			n, end = 2, j+2
			if c.is(end, "of") {
				end++
			}
		case c.is(j+1, "dozen"):
			n, end = 12, j+2
		case c.is(j+1, "half") && c.is(j+2, "dozen"):
			n, end = 6, j+3
		default:
			n, end, isA = 1, j+1, true
		}
	case t.w.key == "half" && (c.is(j+1, "a") || c.is(j+1, "an")):
		n, end = 0.5, j+2
	case t.w.vague:
		n, end = -1, j+1
	case (t.w.key == "dozens" || t.w.key == "hundreds") && c.is(j+1, "of"):
		n, end = -1, j+2
	default:
		return 0, j, false, false
	}
	if n >= 0 && c.is(end, "and") && c.is(end+1, "a") && c.is(end+2, "half") {
		n, end = n+0.5, end+3
	}
	return n, end, isA, true
}

// durCue are the words before a bare plural unit that make it a duration: "for years".
var durCue = map[string]bool{"for": true, "over": true, "in": true, "within": true, "after": true,
	"took": true, "takes": true, "take": true, "spent": true, "lasted": true, "lasting": true}

// ruleDuration tags durations and the relative dates built from them: "three months", "48 hours",
// "eight-year", "the past three years", "decades", "four years ago", "two days later".
func (c *ctx) ruleDuration(i int) (match, bool) {
	j := i
	amount, mod := c.quantityMod(i)
	if amount > i {
		// TIMEX3 keeps the modifier in the extent, and says it in mod: "more than a decade".
		if _, _, _, ok := c.quantity(amount); !ok || c.is(amount, "the") {
			return match{}, false
		}
		j = amount
	}
	prefixed := false
	if c.is(j, "the") {
		if w := c.at(j + 1).w; w != nil {
			switch w.key {
			case "past", "last", "next", "coming", "previous", "first", "final", "following", "latest":
				j, prefixed = j+2, true
			}
		}
		if !prefixed {
			return match{}, false
		}
	} else if w := c.at(j).w; w != nil {
		switch w.key {
		case "past", "last", "next", "coming":
			if _, _, _, ok := c.quantity(j + 1); ok {
				j, prefixed = j+1, true
			}
		}
	}
	n, k, isA, ok := c.quantity(j)
	if !ok {
		// A bare plural unit: "decades", "for years", "years ago".
		w := c.at(j).w
		if w == nil || w.unit == uNone || !w.plural || w.unit == uWeekend || w.unit == uQuarter || c.at(j).kind != kWord {
			return match{}, false
		}
		if c.is(j+1, "ago") {
			if prefixed {
				return match{}, false
			}
			return match{start: i, end: j + 2, typ: tDate, val: pastRef}, true
		}
		p := c.at(i - 1)
		after := c.is(j+1, "of") || c.is(j+1, "after") || c.is(j+1, "before") || c.is(j+1, "later") || c.is(j+1, "earlier")
		if !prefixed && w.unit != uDecade && w.unit != uCentury && !(p.w != nil && durCue[p.w.key]) && !after {
			return match{}, false
		}
		return match{start: i, end: j + 1, typ: tDuration, val: durVal(-1, w.unit)}, true
	}
	// Hyphenated adjective: "eight-year", "10-day", "24-hour-long".
	if !prefixed && c.at(k).isCh('-') && c.adjacent(k) && c.adjacent(k+1) && !isA {
		u := c.at(k + 1).w
		if u == nil || u.unit == uNone || u.plural || u.unit == uQuarter || n < 0 {
			return match{}, false
		}
		e := k + 2
		if c.at(e).isCh('-') && c.adjacent(e) && (c.is(e+1, "long") || c.is(e+1, "old")) {
			e += 2
		}
		return match{start: i, end: e, typ: tDuration, val: durVal(n, u.unit), mod: mod}, true
	}
	u := c.at(k).w
	if u == nil || u.unit == uNone || c.at(k).kind != kWord {
		return match{}, false
	}
	if c.at(k+1).isCh('-') && c.adjacent(k+1) {
		return match{}, false // "a year-long", "a year-end": ruleCompound
	}
	if u.unit == uQuarter && !prefixed || u.unit == uSecond && !u.plural && isA {
		return match{}, false // "three quarters of", "a second term"
	}
	if n > 1 && !u.plural && !prefixed && !(c.at(k+1).kind == kWord && !c.at(k+1).cap) {
		return match{}, false
	}
	e := k + 1
	if n == 1 && isA && c.is(e, "and") && c.is(e+1, "a") && c.is(e+2, "half") {
		n, e = 1.5, e+3
	}
	if isA && !u.plural {
		if a := c.at(e); a.kind == kWord && !a.cap && a.w == nil {
			return match{}, false // "a day trip"
		}
	}
	if !prefixed {
		dir := 0
		anchored := false
		switch {
		case c.is(e, "ago"):
			dir = -1
		case c.is(e, "earlier"):
			dir, anchored = -1, true
		case c.is(e, "later"):
			dir, anchored = 1, true
		case (c.is(e, "before") || c.is(e, "after")) && (c.at(e+1).kind == kPunct || e+1 >= len(c.toks)):
			dir, anchored = 1, true
			if c.is(e, "before") {
				dir = -1
			}
		case c.is(e, "from") && c.is(e+1, "now"):
			dir = 1
			e++
		}
		if dir != 0 {
			m := match{start: i, end: e + 1, typ: tDate, mod: pointMod(mod, dir)}
			switch {
			case n < 0 && u.unit == uYear && isAFew(c, j) && c.hasRef && dir < 0:
				m.val = fmtDecade(c.ref.Year() - 3)
			case n < 0 || n != float64(int(n)):
				m.val = pastRef
				if dir > 0 {
					m.val = futureRef
				}
			case anchored:
				m.val, m.day = c.anchorShift(dir*int(n), u.unit)
			default:
				m.val, m.day = c.refShift(dir*int(n), u.unit)
			}
			return m, true
		}
	}
	return match{start: i, end: e, typ: tDuration, val: durVal(n, u.unit), mod: mod}, true
}

// quantityMod reads a modifier of an amount at token i ("about", "nearly", "more than",
// "at least") and returns where the amount starts and the modifier's TIMEX3 mod for a
// duration; it returns i and modNone when there is none.
func (c *ctx) quantityMod(i int) (int, timexMod) {
	switch {
	case c.is(i, "about") || c.is(i, "around") || c.is(i, "approximately") || c.is(i, "roughly"):
		return i + 1, modApprox
	case c.is(i, "nearly") || c.is(i, "almost"):
		return i + 1, modLessThan
	case c.is(i, "more") && c.is(i+1, "than"):
		return i + 2, modMoreThan
	case (c.is(i, "less") || c.is(i, "fewer")) && c.is(i+1, "than"):
		return i + 2, modLessThan
	case c.is(i, "at") && c.is(i+1, "least"):
		return i + 2, modEqualOrMore
	case c.is(i, "at") && c.is(i+1, "most"):
		return i + 2, modEqualOrLess
	}
	return i, modNone
}

// pointMod turns the mod of an amount into the mod of the point it counts to: "more than
// two years ago" is before the day two years ago, "more than two years from now" after it.
func pointMod(mod timexMod, dir int) timexMod {
	switch {
	case mod == modMoreThan && dir > 0, mod == modLessThan && dir < 0:
		return modAfter
	case mod == modMoreThan && dir < 0, mod == modLessThan && dir > 0:
		return modBefore
	case mod == modEqualOrMore && dir > 0, mod == modEqualOrLess && dir < 0:
		return modOnOrAfter
	case mod == modEqualOrMore && dir < 0, mod == modEqualOrLess && dir > 0:
		return modOnOrBefore
	}
	return mod // APPROX, or none
}

// isAFew reports whether the quantity at j is "a few".
func isAFew(c *ctx, j int) bool { return c.is(j, "a") && c.is(j+1, "few") }

// ruleSet tags repeated times: "every week", "twice a year", "daily", "on Mondays", "$5 a year".
func (c *ctx) ruleSet(i int) (match, bool) {
	t := c.at(i)
	if t.w == nil && t.kind != kNum {
		return match{}, false
	}
	m := match{start: i, typ: tSet}
	// "three times a week"
	if n, k, _, ok := c.quantity(i); ok && n >= 0 && c.is(k, "times") {
		if p := c.at(k + 1); p.is("a") || p.is("an") || p.is("per") || p.is("every") || p.is("each") {
			if u := c.at(k + 2).w; u != nil && u.unit != uNone && !u.plural {
				m.end, m.val = k+3, durVal(1, u.unit)
				return m, true
			}
		}
	}
	if t.w == nil {
		return match{}, false
	}
	switch key := t.w.key; {
	case key == "every" || key == "each":
		j, n := i+1, 1.0
		if c.is(j, "other") {
			j, n = j+1, 2
		} else if q, k, isA, ok := c.quantity(j); ok && !isA && q != 0 {
			j, n = k, q
		}
		w := c.at(j).w
		if w == nil {
			return match{}, false
		}
		switch {
		case w.unit != uNone:
			m.end, m.val = j+1, durVal(n, w.unit)
		case w.wday > 0 && c.at(j).cap && !w.wdAbbr:
			m.end, m.val = j+1, fmt.Sprintf("XXXX-WXX-%d", w.wday)
		case w.month > 0 && c.at(j).cap && !w.mAbbr:
			m.end, m.val = j+1, fmt.Sprintf("XXXX-%02d", w.month)
		case w.pod != "":
			m.end, m.val = j+1, "XXXX-XX-XXT"+w.pod
		case w.season != "":
			m.end, m.val = j+1, "XXXX-"+w.season
		default:
			return match{}, false
		}
		return m, true
	case key == "once" || key == "twice" || key == "thrice":
		p := c.at(i + 1)
		if p.is("a") || p.is("an") || p.is("per") || p.is("every") || p.is("each") {
			if u := c.at(i + 2).w; u != nil && u.unit != uNone && !u.plural {
				m.end, m.val = i+3, durVal(1, u.unit)
				return m, true
			}
		}
	case key == "per" || key == "a" || key == "an":
		u := c.at(i + 1).w
		if u == nil || u.unit == uNone || u.plural {
			return match{}, false
		}
		if key != "per" {
			p := c.at(i - 1)
			if !(p.kind == kNum || p.kind == kOther || p.isCh('%') || p.w != nil && p.w.plural && p.w.unit != uNone ||
				p.w != nil && (p.w.key == "million" || p.w.key == "billion" || p.w.key == "trillion" || p.w.key == "thousand" ||
					p.w.key == "percent" || p.w.numWord)) {
				return match{}, false
			}
		}
		m.end, m.val = i+2, durVal(1, u.unit)
		return m, true
	case t.w.setUnit != uNone && !t.cap:
		u := t.w.setUnit
		if u == uQuarter {
			m.end, m.val = i+1, "P3M"
		} else {
			m.end, m.val = i+1, durVal(1, u)
		}
		return m, true
	case t.w.wdPl && t.cap && !t.w.wdAbbr:
		m.end, m.val = i+1, fmt.Sprintf("XXXX-WXX-%d", t.w.wday)
		return m, true
	}
	return match{}, false
}

// ruleHoliday tags fixed holidays: "Christmas", "New Year's Day", "Halloween", "Thanksgiving".
func (c *ctx) ruleHoliday(i int) (match, bool) {
	t := c.at(i)
	if t.w == nil || !t.cap {
		return match{}, false
	}
	mo, d, e := 0, 0, i+1
	switch t.w.key {
	case "christmas":
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
		// Thanksgiving: the fourth Thursday of November.
		first := isoWeekday(day(y, 11, 1))
		d = 1 + (4-first+7)%7 + 21
	}
	m.day = day(y, mo, d)
	m.val = fmtDay(m.day)
	return m, true
}

// ruleFiscal tags fiscal years: "fiscal 2019", "fiscal year 2019", "FY2019", "FY19".
func (c *ctx) ruleFiscal(i int) (match, bool) {
	t := c.at(i)
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

// longUnits are the one-word "unit-long" adjectives.
var longUnits = map[string]unit{"yearlong": uYear, "monthlong": uMonth, "weeklong": uWeek, "decadelong": uDecade,
	"daylong": uDay, "hourlong": uHour}

// ruleCompound tags hyphenated unit words: "year-end" (this year), "year-earlier" and "year-ago"
// (last year), "year-long" and "yearlong" (a one-unit duration).
func (c *ctx) ruleCompound(i int) (match, bool) {
	t := c.at(i)
	if t.w == nil || t.kind != kWord {
		return match{}, false
	}
	if u, ok := longUnits[t.w.key]; ok {
		return match{start: i, end: i + 1, typ: tDuration, val: durVal(1, u)}, true
	}
	if t.w.unit == uNone || t.w.plural || !c.at(i+1).isCh('-') || !c.adjacent(i+1) || !c.adjacent(i+2) {
		return match{}, false
	}
	n := c.at(i + 2)
	switch {
	case n.is("long"):
		return match{start: i, end: i + 3, typ: tDuration, val: durVal(1, t.w.unit)}, true
	case t.w.unit != uYear:
		return match{}, false
	case n.is("end"):
		v, _ := c.refShift(0, uYear)
		return match{start: i, end: i + 3, typ: tDate, val: v}, true
	case n.is("earlier") || n.is("ago"):
		v, _ := c.refShift(-1, uYear)
		return match{start: i, end: i + 3, typ: tDate, val: v}, true
	}
	return match{}, false
}

// dayCue are the prepositions before "the 19th" that make it a day of the month.
var dayCue = map[string]bool{"on": true, "by": true, "until": true, "till": true, "since": true, "from": true,
	"before": true, "after": true, "to": true}

// ruleOrdinalDay tags a day of the month given alone: "on the 19th". The month is the reference
// month, or the one before (past tense) or after (future tense) when the day lies on the wrong side.
func (c *ctx) ruleOrdinalDay(i int) (match, bool) {
	if !c.is(i, "the") {
		return match{}, false
	}
	t := c.at(i + 1)
	p := c.at(i - 1)
	if t.kind != kNum || t.suf != sufOrd || t.num < 1 || t.num > 31 || p.w == nil || !dayCue[p.w.key] {
		return match{}, false
	}
	if n := c.at(i + 2); n.kind == kWord || n.kind == kNum {
		return match{}, false // "the 19th century", "the 4th of July" (ruleDate)
	}
	m := match{start: i, end: i + 2, typ: tDate}
	if !c.hasRef {
		m.val = fmt.Sprintf("XXXX-XX-%02d", t.num)
		return m, true
	}
	y, mo := c.ref.Year(), int(c.ref.Month())
	switch tn, _ := c.tenseAt(i, i+2); {
	case tn == tPast && t.num > c.ref.Day():
		mo--
	case (tn == tFuture || tn == tPresent) && t.num < c.ref.Day():
		mo++
	}
	first := day(y, mo, 1)
	if !validDay(first.Year(), int(first.Month()), t.num) {
		return match{}, false
	}
	m.day = day(first.Year(), int(first.Month()), t.num)
	m.val = fmtDay(m.day)
	return m, true
}
