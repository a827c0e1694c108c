package dates

// Rules for relative and deictic dates: "early last year", "two weeks ago", "this month".

import (
	"fmt"
	"strings"
	"time"
)

// modPrefix reads a temporal modifier: "early", "mid-", "late", "the end of", "the
// beginning of". It returns where the modified expression starts and the TIMEX3 mod.
func (c *tagging) modPrefix(i int) (int, timexMod, bool) {
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
func (c *tagging) ruleMod(i int) (match, bool) {
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
	try(c.ruleFiscal(j))
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
func (c *tagging) relPeriod(i int) (match, bool) {
	t := c.at(i)
	if t.w == nil {
		return match{}, false
	}
	dir := 0
	switch t.w.key {
	case "that":
		return c.thatPeriod(i)
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
	case w.wday > 0 && !w.wdPl && !w.wdAbbr && (n.cap || dir != 0):
		// "last saturday": after "last" or "next" a lower-case weekday is still one.
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

// thatPeriod tags "that day", "that night", "that week", "that month", "that year": the
// period of the time the text spoke of last (the last full day for days and weeks, the
// last year or month named for months and years), or of the reference date.
func (c *tagging) thatPeriod(i int) (match, bool) {
	n := c.at(i + 1)
	w := n.w
	if w == nil || w.plural || n.kind != kWord || c.at(i+2).isCh('-') || c.is(i+2, "of") {
		return match{}, false
	}
	m := match{start: i, end: i + 2, typ: tDate}
	switch {
	case w.unit == uDay:
		m.val, m.day = c.anchorShift(0, uDay)
		c.attachTime(&m)
	case w.pod != "":
		v, _ := c.anchorShift(0, uDay)
		m.typ, m.val = tTime, v+"T"+w.pod
	case w.unit == uWeek || w.unit == uWeekend:
		m.val, _ = c.anchorShift(0, w.unit)
	case w.unit == uMonth:
		switch {
		case c.lastMonth > 0:
			m.val = fmtYM(c.lastYear, c.lastMonth)
		case c.hasAnchor:
			m.val, _ = shift(c.anchor, 0, uMonth)
		default:
			m.val = unknownAt(uMonth)
		}
	case w.unit == uYear:
		switch {
		case c.lastYear > 0:
			m.val = fmtYear(c.lastYear)
		case c.hasAnchor:
			m.val = fmtYear(c.anchor.Year())
		default:
			m.val = unknownAt(uYear)
		}
	default:
		return match{}, false
	}
	return m, true
}

// ruleRelative tags relative periods, including the "the" and "earlier/later" forms.
func (c *tagging) ruleRelative(i int) (match, bool) {
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
func (c *tagging) relThe(i int) (match, bool) {
	j := i + 1
	k := c.at(j)
	if k.w == nil {
		return match{}, false
	}
	n := c.at(j + 1)
	if u := k.w.unit; u != uNone && (n.is("ahead") || n.is("to") && c.is(j+2, "come")) {
		// "the years ahead", "the months to come"; "the year ahead" is the coming year.
		e := j + 2
		if n.is("to") {
			e++
		}
		if k.w.plural {
			return match{start: i, end: e, typ: tDate, val: futureRef}, true
		}
		switch u {
		case uWeek, uMonth, uYear, uDecade, uQuarter, uWeekend:
			v, _ := c.refShift(1, u)
			return match{start: i, end: e, typ: tDate, val: v}, true
		}
		return match{}, false
	}
	switch k.w.key {
	case "latest":
		// "the latest quarter": the last one reported, the quarter before the reference's.
		if n.w != nil && n.w.unit == uQuarter && !n.w.plural {
			v, _ := c.refShift(-1, uQuarter)
			return match{start: i, end: j + 2, typ: tDate, val: v}, true
		}
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
		case uDay, uWeek, uMonth, uYear, uWeekend, uQuarter, uDecade, uCentury:
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
	case "week", "month", "year":
		// "the week before", "the year after": one unit from the time last spoken of.
		if (n.is("before") || n.is("after")) && (c.at(j+2).kind == kPunct || j+2 >= len(c.toks)) {
			dir := 1
			if n.is("before") {
				dir = -1
			}
			v, _ := c.anchorShift(dir, k.w.unit)
			return match{start: i, end: j + 2, typ: tDate, val: v}, true
		}
	case "morning", "afternoon", "evening", "night":
		// "the morning of Oct. 19"
		if n.is("of") {
			if d, ok := c.ruleDate(j + 2); ok && d.typ == tDate && len(d.val) == 10 {
				return match{start: i, end: d.end, typ: tTime, val: d.val + "T" + k.w.pod, day: d.day}, true
			}
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
func (c *tagging) ruleDeictic(i int) (match, bool) {
	t := c.at(i)
	if t.w == nil {
		return match{}, false
	}
	m := match{start: i, end: i + 1, typ: tDate}
	switch t.w.key {
	case "today", "yesterday", "tomorrow", "tonight":
		if p := c.at(i - 1); t.cap && p.kind == kWord && p.cap && p.w == nil && !c.sentenceStart(i-1) {
			return match{}, false // "USA Today"; but "in London today"
		}
		if t.w.key == "today" && c.todayNowadays(i) {
			m.val = presentRef
			return m, true
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
		if t.w.key == "now" && (c.is(i+1, "that") && c.sentenceStart(i) || c.at(i+1).isCh('-') && c.adjacent(i+1) ||
			c.is(i+1, "let") && c.sentenceStart(i) || // "Now let's turn to": a discourse marker
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
	case "soon":
		// "soon" points to the future from the time of writing; "as soon as" and "soon
		// after" are relative to another event, and in a past-tense clause ("he soon
		// learned") it is the narrative's future, not the reader's.
		if c.is(i-1, "as") || c.is(i-1, "so") || c.is(i-1, "how") || c.is(i-1, "too") || c.is(i+1, "after") || c.is(i+1, "afterwards") ||
			c.is(i+1, "thereafter") || c.is(i+1, "as") {
			return match{}, false
		}
		if tn, _ := c.tenseAt(i, i+1); tn == tPast || t.cap && !c.sentenceStart(i) {
			return match{}, false // "By Lim Cheng Soon"
		}
		m.val = futureRef
		return m, true
	case "long", "moments", "ages", "eons", "aeons":
		// "long ago", "not long ago", "moments ago", "eons ago"; "long-ago craters" is a modifier.
		if c.is(i+1, "ago") {
			m.end, m.val = i+2, pastRef
			return m, true
		}
	case "a":
		// "a while ago", "a long time ago", "a generation ago".
		switch {
		case (c.is(i+1, "while") || c.is(i+1, "generation") || c.is(i+1, "moment")) && c.is(i+2, "ago"):
			m.end, m.val = i+3, pastRef
			return m, true
		case c.is(i+1, "long") && c.is(i+2, "time") && c.is(i+3, "ago"):
			m.end, m.val = i+4, pastRef
			return m, true
		}
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
		// "the near future", "the very near future", "the distant past": the adjective
		// places the period without making the word a modifier.
		if k, ok := c.vagueAdjective(i + 1); ok {
			switch {
			case c.is(k, "future"):
				m.end, m.val = k+1, futureRef
				return m, true
			case c.is(k, "past") && !c.at(k+1).isCh('-'):
				m.end, m.val = k+1, pastRef
				return m, true
			}
			return match{}, false
		}
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
			a.w != nil && (a.w.unit != uNone || a.w.vague || a.w.numWord || a.w.key == "couple" || a.w.key == "half")) ||
			a.kind == kNum || a.kind == kOther {
			return match{}, false
		}
		m.end, m.val = i+2, val
		return m, true
	}
	return match{}, false
}

// todayNowadays reports whether "today" at i means "nowadays" (TimeML's PRESENT_REF)
// rather than the day: after a group of people or things that it places in the present
// ("young people today rarely read", "companies today face") and before a verb that is
// not past, future or progressive, or at the end of "the world of today"; before a noun of the
// present age ("in today's world"); and starting a present-simple sentence ("Today, most
// homes have broadband").
func (c *tagging) todayNowadays(i int) bool {
	if c.at(i+1).isCh('\'') && c.adjacent(i+1) && c.is(i+2, "s") && c.adjacent(i+2) {
		return c.todaysGeneric(i + 3)
	}
	if c.at(i+1).isCh(',') && c.sentenceStart(i) {
		return c.todayGenericClause(i + 2)
	}
	p := c.at(i - 1)
	if p.is("of") {
		n := c.at(i + 1)
		return c.at(i-2).kind == kWord && !c.at(i-2).cap && c.at(i-2).w == nil &&
			(c.boundary(i+1) || n.kind == kPunct && !n.isCh('\'')) // not "of today's sale"
	}
	if p.kind != kWord || p.cap && !c.sentenceStart(i-1) || p.w != nil ||
		!(looksPlural(strings.ToLower(c.str(p))) || groupNouns[strings.ToLower(c.str(p))]) {
		return false
	}
	if pp := c.at(i - 2).w; pp != nil && (pp.yearCue || pp.numWord) && pp.key != "the" && pp.key != "and" {
		return false // "in stores today": a place of the day's events
	}
	n := c.at(i + 1)
	if n.kind != kWord || n.cap || c.boundary(i+1) {
		return false
	}
	if n.w != nil {
		if n.w.tense == tPast || n.w.tense == tFuture {
			return false
		}
		if n.w.tense == tPresent {
			a := c.at(i + 2)
			return !(a.kind == kWord && strings.HasSuffix(c.str(a), "ing")) // "are meeting" is the day's
		}
		return false
	}
	w := c.str(n)
	return !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing") && !notVerbs[w]
}

// todaysGeneric reports whether the noun phrase after "today's", starting at j, names
// something of the present age rather than of the day: "in today's world", "today's
// consumers", "today's competitive job market"; not "today's best price" or "today's meeting".
func (c *tagging) todaysGeneric(j int) bool {
	for k := j; k < j+5; k++ {
		t := c.at(k)
		if t.isCh('-') && c.adjacent(k) {
			continue // "AI-powered", "fast-moving"
		}
		if t.kind != kWord || k > j && c.boundary(k) {
			return false
		}
		w := strings.ToLower(c.str(t))
		if t.cap && c.str(t) != strings.ToUpper(c.str(t)) {
			return false // a name ("Today's Shanghai Youth Daily"); an acronym goes on ("today's AI-powered world")
		}
		if presentAgeNouns[w] {
			return w != "market" || k > j // "stocks fell in today's market" is the day's session
		}
	}
	return c.pluralGeneric(j)
}

// pluralGeneric reports whether the noun phrase after "today's", starting at j, has a plural
// head followed by a present-simple verb: a statement about things of the present age,
// "the pans in today's bread machines all have a nonstick coating", "today's large language
// models are". Things of the day are spoken of in the past or future ("today's games were
// postponed") or with no verb ("today's top stories").
func (c *tagging) pluralGeneric(j int) bool {
	e := j
	for ; e < j+5; e++ {
		t := c.at(e)
		if t.isCh('-') && c.adjacent(e) {
			continue
		}
		if t.kind != kWord || t.w != nil || t.cap && c.str(t) != strings.ToUpper(c.str(t)) || e > j && c.boundary(e) {
			break
		}
	}
	if e == j || !looksPlural(strings.ToLower(c.str(c.at(e-1)))) {
		return false
	}
	v := e
	if a := c.at(v); a.kind == kWord && presentAdverbs[strings.ToLower(c.str(a))] {
		v++ // "all have", "often use"
	}
	if w := c.at(v).w; w == nil || !(w.tense == tPresent || w.key == "have") {
		return false
	}
	return c.todayGenericClause(v)
}

// presentAdverbs may stand between a plural subject and its present-tense verb.
var presentAdverbs = map[string]bool{"all": true, "also": true, "still": true, "often": true, "usually": true,
	"typically": true, "generally": true, "now": true}

// presentAgeNouns are the nouns of the present age and its people that "today's" places in
// it: "today's world", "today's consumers".
var presentAgeNouns = map[string]bool{"world": true, "society": true, "economy": true, "market": true,
	"markets": true, "marketplace": true, "landscape": true, "environment": true, "age": true, "era": true,
	"climate": true, "industry": true, "culture": true, "youth": true, "generation": true, "children": true,
	"people": true, "technologies": true, "standards": true, "consumers": true, "customers": true,
	"clients": true, "guests": true, "homeowners": true, "workers": true, "users": true, "students": true,
	"kids": true, "parents": true, "families": true, "teens": true, "teenagers": true, "shoppers": true,
	"buyers": true, "travelers": true, "travellers": true, "patients": true, "voters": true, "readers": true,
	"viewers": true, "employees": true, "employers": true, "businesses": true, "companies": true,
	"organizations": true, "organisations": true}

// todayGenericClause reports whether the clause after a sentence-initial "Today," (starting
// at j) is a present-simple statement of how things are, so that "today" means nowadays:
// "Today, almost all of the Internet is UTF-8." It is not when the clause speaks in the first
// person ("Today, we report"), in the past or future, or in the progressive.
func (c *tagging) todayGenericClause(j int) bool {
	for k := j; k < j+25; k++ {
		t := c.at(k)
		if k >= len(c.toks) || k > j && t.nl {
			return true
		}
		if t.kind == kPunct && (t.ch == '.' && !c.initial(k-1) || t.ch == '!' || t.ch == '?' || t.ch == ';') {
			return true
		}
		if t.kind != kWord {
			continue
		}
		w := strings.ToLower(c.str(t))
		switch w {
		case "i", "we", "us", "our", "my", "me":
			return false
		}
		if t.w != nil && t.w.tense == tPast && (w == "has" || w == "have") {
			n := c.at(k + 1)
			if n.w != nil && n.w.tense == tPast || n.kind == kWord && (strings.HasSuffix(c.str(n), "ed") || strings.HasSuffix(c.str(n), "en")) {
				return false // "has grown", "have become"
			}
			continue
		}
		if t.w != nil && (t.w.tense == tPast || t.w.tense == tFuture) {
			return false
		}
		if t.w != nil && t.w.tense == tPresent {
			if n := c.at(k + 1); n.kind == kWord && strings.HasSuffix(c.str(n), "ing") {
				return false // "is launching": the day's news
			}
			continue
		}
		if k > j && strings.HasSuffix(w, "ed") && !c.at(k-1).isCh('-') && !(c.at(k-1).w != nil && c.at(k-1).w.tense == tPresent) {
			return false // "Today, the company announced"
		}
	}
	return true
}

// initial reports whether token k is a single capital letter, as in "U.S." and "J. Smith",
// so that the full stop after it ends no sentence.
func (c *tagging) initial(k int) bool {
	t := c.at(k)
	return t.kind == kWord && t.cap && t.end-t.start == 1
}

// notVerbs are frequent words after "papers today" that show no verb follows.
var notVerbs = map[string]bool{"with": true, "about": true, "because": true, "but": true, "who": true,
	"which": true, "than": true, "across": true, "like": true, "into": true, "while": true, "when": true,
	"where": true, "so": true, "if": true, "alone": true, "only": true, "here": true, "there": true, "too": true}

// groupNouns are plural nouns without the plural -s that "today" can place in the present.
var groupNouns = map[string]bool{"people": true, "children": true, "men": true, "women": true, "youth": true,
	"society": true, "world": true, "youngsters": true}

// vagueAdjective reads the adjective of "the near future", "the very distant past" at i
// and returns where the noun starts.
func (c *tagging) vagueAdjective(i int) (int, bool) {
	if c.is(i, "very") {
		i++
	}
	if w := c.at(i).w; w != nil && (w.key == "near" || w.key == "foreseeable" || w.key == "distant" ||
		w.key == "immediate" || w.key == "recent" || w.key == "remote") {
		return i + 1, true
	}
	return i, false
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
