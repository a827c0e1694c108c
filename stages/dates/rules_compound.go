package dates

// Rules for compound forms ("weeklong") and ordinal days ("on the 5th").

import "fmt"

// longUnits are the one-word "unit-long" adjectives.
var longUnits = map[string]unit{"yearlong": uYear, "monthlong": uMonth, "weeklong": uWeek, "decadelong": uDecade,
	"daylong": uDay, "hourlong": uHour}

// ruleCompound tags hyphenated unit words: "year-end" (this year), "year-earlier" and "year-ago"
// (last year), "year-long" and "yearlong" (a one-unit duration).
func (c *tagging) ruleCompound(i int) (match, bool) {
	t := c.at(i)
	if t.w == nil || t.kind != kWord {
		return match{}, false
	}
	if u, ok := longUnits[t.w.key]; ok {
		return match{start: i, end: i + 1, typ: tDuration, val: durVal(1, u)}, true
	}
	if t.w.key == "prior" {
		// "the prior-year period" is last year's, as "year-earlier" is.
		if c.at(i+1).isCh('-') && c.adjacent(i+1) && c.is(i+2, "year") && c.adjacent(i+2) {
			v, _ := c.refShift(-1, uYear)
			return match{start: i, end: i + 3, typ: tDate, val: v}, true
		}
		return match{}, false
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
func (c *tagging) ruleOrdinalDay(i int) (match, bool) {
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
