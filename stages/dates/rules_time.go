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
	}
	return m, true
}

// withSeconds reports whether the clock time over tokens [i, e) is "h:mm:ss" with no
// a.m./p.m. or zone: in news such a figure is mostly an elapsed time.
func (c *tagging) withSeconds(i, e int) bool {
	return e == i+5 && c.at(i+1).isCh(':') && c.at(i+3).isCh(':')
}
