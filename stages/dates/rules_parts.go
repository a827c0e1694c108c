package dates

// The building blocks the rules share: month, day, year, ordinal and time-of-day readers,
// and shifts from the reference date.

import (
	"fmt"
	"time"
)

const (
	tDate     = "DATE"
	tTime     = "TIME"
	tDuration = "DURATION"
	tSet      = "SET"
)

// monthAt reads a capitalised month name at i, with the period of an abbreviation.
func (c *tagging) monthAt(i int) (m, end int, abbr bool) {
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
func (c *tagging) dayAt(i int) (int, bool) {
	t := c.at(i)
	if t.kind != kNum || t.ndig > 2 || t.num < 1 || t.num > 31 || (t.suf != sufNone && t.suf != sufOrd) {
		return 0, false
	}
	n := c.at(i + 1)
	if c.adjacent(i+1) && n.kind == kPunct && (n.ch == ':' && c.at(i+2).kind == kNum && c.adjacent(i+2) || n.ch == '%' ||
		n.ch == '/' || n.ch == '.' && c.at(i+2).kind == kNum) {
		return 0, false // "10:30", "5%", "5/6", "5.6"; but "Oct. 26: the army said"
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
func (c *tagging) yearAt(i int) (int, bool) {
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
func (c *tagging) ordinalAt(i int) (n, end int) {
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
func (c *tagging) timeOfDay(i int) (end int, hhmm string, ok bool) {
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
func (c *tagging) attachTime(m *match) {
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
func (c *tagging) refDay(n int) (string, time.Time) {
	if !c.hasRef {
		return "XXXX-XX-XX", time.Time{}
	}
	t := c.ref.AddDate(0, 0, n)
	return fmtDay(t), t
}

// anchorShift moves the anchor (the last full date, else ref) by n units.
func (c *tagging) anchorShift(n int, u unit) (string, time.Time) {
	if !c.hasAnchor {
		return unknownAt(u), time.Time{}
	}
	return shift(c.anchor, n, u)
}

// refShift moves the reference date by n units.
func (c *tagging) refShift(n int, u unit) (string, time.Time) {
	if !c.hasRef {
		return unknownAt(u), time.Time{}
	}
	return shift(c.ref, n, u)
}
