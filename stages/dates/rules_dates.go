package dates

// Rules for calendar dates: "June 10, 2018", "10/06/2018".

type dparse struct{ end, y, m, d, wd int }

// dateCore reads a calendar date with a month name: "June 10, 2018", "10 June", "Monday, June 4",
// "the 4th of July", "June 2018".
func (c *tagging) dateCore(i int) (dparse, bool) {
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

func (c *tagging) monthFirst(i int) (dparse, bool) {
	m, j, _ := c.monthAt(i)
	lower := false
	if m == 0 {
		if m, j, lower = c.lowerMonthAt(i); m == 0 {
			return dparse{}, false
		}
	}
	if d, ok := c.dayAt(j); ok {
		p := dparse{end: j + 1, m: m, d: d}
		k := j + 1
		if c.at(k).isCh(',') {
			k++
		}
		if y, ok := c.yearAt(k); ok {
			p.y, p.end = y, k+1
		} else if y, ok := c.rangeYear(j); ok {
			p.y = y // "June 17-20, 2026": the range's year, the first day's extent
		}
		if lower && (m == 3 || m == 5) && p.y == 0 && c.at(j).suf != sufOrd {
			return dparse{}, false // "march 2 miles", "may 2"; but "march 2nd"
		}
		if !validDay(p.y, m, d) {
			return dparse{}, false
		}
		return p, true
	}
	if lower {
		return dparse{}, false // a lower-case month is a date only with its day
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

func (c *tagging) dayFirst(i int) (dparse, bool) {
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

// lowerMonthAt reads a full month name in lower case at i ("march 2nd", "june 5"), which
// monthFirst takes for a month only before a day.
func (c *tagging) lowerMonthAt(i int) (m, end int, ok bool) {
	t := c.at(i)
	if t.w == nil || t.w.month == 0 || t.cap || t.w.mAbbr || t.kind != kWord {
		return 0, i, false
	}
	return t.w.month, i + 1, true
}

// rangeYear reads the year after a range of days that starts with the day at j:
// "17-20, 2026", "17 – 20 2026", and across months "31–September 3, 2026".
func (c *tagging) rangeYear(j int) (int, bool) {
	k := j + 1
	if !c.at(k).isCh('-') {
		return 0, false
	}
	if m := c.at(k + 1).w; m != nil && m.month > 0 && c.at(k+1).cap {
		k += 2
		if c.at(k).isCh('.') {
			k++ // "Sept."
		}
		d2 := c.at(k)
		if d2.kind != kNum || d2.ndig > 2 || d2.suf != sufNone && d2.suf != sufOrd || d2.num < 1 || d2.num > 31 {
			return 0, false
		}
		k++
		if c.at(k).isCh(',') {
			k++
		}
		return c.yearAt(k)
	}
	if d2 := c.at(k + 1); d2.kind != kNum || d2.ndig > 2 || d2.suf != sufNone && d2.suf != sufOrd || d2.num <= c.at(j).num || d2.num > 31 {
		return 0, false
	}
	k += 2
	if c.at(k).isCh(',') {
		k++
	}
	return c.yearAt(k)
}

// ruleDate tags dates with a month name.
func (c *tagging) ruleDate(i int) (match, bool) {
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
func (c *tagging) ruleNumericDate(i int) (match, bool) {
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
	case a.ndig == 4 && e.ndig <= 2 && (sep.ch != '.' || b.ndig == 2 && e.ndig == 2):
		// Dotted year-first dates ("2018.04.05") need two-digit parts: "2018.1.5" is a version.
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
