package dates

// Rules for times of day.

// ruleTime tags a clock time on its own: "3 p.m.", "noon"; it is placed on the reference day.
func (c *tagging) ruleTime(i int) (match, bool) {
	e, hm, ok := c.timeOfDay(i)
	if !ok {
		return match{}, false
	}
	if c.at(i-1).isCh(':') && c.adjacent(i) {
		return match{}, false // the middle of "1:13:13"
	}
	if c.withSeconds(i, e) && !c.is(i-1, "at") {
		return match{}, false // "2:09:49", "1:13:13": a race time, not a time of day
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
	} else if c.bareClock(i, e) && !c.clockCued(i, e) {
		return match{}, false // "a 14:29 split", "with 8:54 remaining": a time on a race or game clock
	}
	return m, true
}

// bareClock reports whether the time over tokens [i, e) is a bare "h:mm", without a.m.,
// p.m. or a zone.
func (c *tagging) bareClock(i, e int) bool {
	return e == i+3 && c.at(i+1).isCh(':') && c.at(i+2).suf == sufNone
}

// clockTimeCue are the words before a bare "h:mm" that make it a time of day.
var clockTimeCue = map[string]bool{"at": true, "by": true, "until": true, "till": true, "from": true, "to": true,
	"before": true, "after": true, "around": true, "about": true, "since": true, "between": true, "and": true,
	"approximately": true}

// clockCued reports whether the bare "h:mm" over tokens [i, e) reads as a time of day
// and not as a race split or game clock: after "at", "by", "from"... (but not "at 7:50 of
// the first period"), at the start of a line, in a range ("8:00 - 9:30"), or before a
// zone or "local time".
func (c *tagging) clockCued(i, e int) bool {
	n := c.at(e)
	if n.is("of") || n.is("remaining") || n.is("left") || n.is("split") || n.is("mark") {
		return false
	}
	if n.kind == kWord && n.cap && (c.str(n) == "Eastern" || c.str(n) == "Pacific" || c.str(n) == "Central" ||
		c.str(n) == "Mountain" || c.str(n) == "Universal") || n.is("local") || n.is("hours") || n.is("h") {
		return true
	}
	if n.isCh('-') && c.at(e+1).kind == kNum && c.at(e+2).isCh(':') {
		return true // the start of "8:00 - 9:30"
	}
	if n.isCh('-') || n.is("to") {
		if end, _, ok := c.timeOfDay(e + 1); ok && !c.bareClock(e+1, end) {
			return true // "9:30 to 11:30 a.m."
		}
	}
	if c.toks[i].nl {
		return true
	}
	p := c.at(i - 1)
	if p.w != nil && clockTimeCue[p.w.key] {
		return true
	}
	// The end of a range, or a time after a date line: "8:00 - 9:30", "5 November, 2012 - 13:55".
	return (p.isCh('-') || p.isCh('|') || p.isCh(',')) && c.at(i-2).kind == kNum
}

// withSeconds reports whether the clock time over tokens [i, e) is "h:mm:ss" with no
// a.m./p.m. or zone: in news such a figure is mostly an elapsed time.
func (c *tagging) withSeconds(i, e int) bool {
	return e == i+5 && c.at(i+1).isCh(':') && c.at(i+3).isCh(':')
}
