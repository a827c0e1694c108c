package dates

// Rules for durations: "three years", "a few weeks".

import "strings"

// quantity reads an amount before a unit: "three", "48", "2.5", "a", "a few", "several",
// "twenty-four", "two and a half". n < 0 means an unknown amount.
func (c *tagging) quantity(j int) (n float64, end int, isA, ok bool) {
	t := c.at(j)
	if c.adjacent(j) && c.at(j-1).kind == kPunct && (c.at(j-1).ch == '/' || c.at(j-1).ch == '$' || c.at(j-1).ch == ':') {
		return 0, j, false, false // "1-1/2", "$5", "1:04:30 second half"
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
		case c.is(j+1, "half") && !c.is(j+2, "dozen"):
			n, end = 0.5, j+2 // "a half hour"
		case c.is(j+1, "number") && c.is(j+2, "of"):
			n, end = -1, j+3 // "a number of years"
		case c.is(j+1, "half") && c.is(j+2, "dozen"):
			n, end = 6, j+3
		case c.is(j+1, "single"):
			n, end = 1, j+2 // "in a single year"
		default:
			n, end, isA = 1, j+1, true
		}
	case t.w.key == "couple" && c.at(j-1).w != nil && periodPrefix[c.at(j-1).w.key]:
		n, end = 2, j+1 // "the last couple of years", "the past couple months"
		if c.is(end, "of") {
			end++
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

// periodPrefix are the words of "the last two years" that place a duration before its amount.
var periodPrefix = map[string]bool{"past": true, "last": true, "next": true, "coming": true, "previous": true,
	"first": true, "final": true, "following": true, "latest": true}

// durCue are the words before a bare plural unit that make it a duration: "for years".
var durCue = map[string]bool{"for": true, "over": true, "in": true, "within": true, "after": true,
	"took": true, "takes": true, "take": true, "spent": true, "spend": true, "spends": true, "spending": true,
	"lasted": true, "lasting": true}

// ruleDuration tags durations and the relative dates built from them: "three months", "48 hours",
// "eight-year", "the past three years", "decades", "four years ago", "two days later".
func (c *tagging) ruleDuration(i int) (match, bool) {
	if c.is(i, "all") {
		return c.allUnit(i)
	}
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
			return c.overThe(i, j)
		}
	} else if w := c.at(j).w; w != nil {
		switch w.key {
		case "past", "last", "next", "coming":
			// "past two years", but not "finished dead last a week ago".
			if _, _, isA, ok := c.quantity(j + 1); ok && !isA {
				j, prefixed = j+1, true
			}
		}
	}
	n, k, isA, ok := c.quantity(j)
	if ok && c.at(k).isCh('+') && c.adjacent(k) && !isA {
		k++ // "30+ years": at least the amount
		if mod == modNone {
			mod = modEqualOrMore
		}
	}
	if !ok {
		w := c.at(j).w
		if w != nil && w.unit >= uHour && w.unit <= uYear && w.unit != uQuarter && !w.plural && c.at(j).kind == kWord &&
			c.is(j-1, "first") && c.is(i, "the") && !c.is(j+1, "of") && c.at(i-1).w != nil && firstSpanCue[c.at(i-1).w.key] {
			// "within the first week": the first week after an event, a duration as TimeML tags it.
			return match{start: i, end: j + 1, typ: tDuration, val: durVal(1, w.unit)}, true
		}
		// A bare plural unit: "decades", "for years", "years ago".
		if w == nil || w.unit == uNone || !w.plural || w.unit == uWeekend || w.unit == uQuarter || c.at(j).kind != kWord {
			return match{}, false
		}
		if unitCompound(c, j) {
			return match{}, false // "terawatt-hours", "man-hours", "credit hours": units of their own
		}
		if c.is(j+1, "ago") || c.is(j+1, "earlier") {
			if prefixed {
				return match{}, false
			}
			return match{start: i, end: j + 2, typ: tDate, val: pastRef}, true
		}
		if c.is(j+1, "later") && !prefixed {
			return match{start: i, end: j + 2, typ: tDate, val: futureRef}, true // "years later"
		}
		p := c.at(i - 1)
		after := c.is(j+1, "of") || c.is(j+1, "after") || c.is(j+1, "before") || c.is(j+1, "later") || c.is(j+1, "earlier")
		if !prefixed && w.unit != uDecade && w.unit != uCentury && !(p.w != nil && durCue[p.w.key]) && !after {
			return match{}, false
		}
		return match{start: i, end: j + 1, typ: tDuration, val: durVal(-1, w.unit)}, true
	}
	if u, inRange := c.rangeUnit(k); ok && inRange && !isA && !prefixed && n >= 0 {
		// "10-15 hours", "two to three weeks": the first end of the range takes the unit of
		// the second, each end tagged as TimeML tags both ends of "2019-2020".
		return match{start: i, end: k, typ: tDuration, val: durVal(n, u), mod: mod}, true
	}
	if ok && c.at(k).isCh('-') && c.adjacent(k) && c.adjacent(k+1) && c.at(k+1).w != nil && c.at(k+1).w.plural &&
		(c.is(k+2, "later") || c.is(k+2, "earlier") || c.is(k+2, "ago")) {
		k++ // "Two-Years Later" is "two years later", a heading's hyphen
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
	if d := c.at(k + 1); d.isCh('-') && c.adjacent(k+1) && c.str(d) != "—" && c.str(d) != "–" {
		return match{}, false // "a year-long", "a year-end": ruleCompound; but "five months—to"
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
		if c.is(e, "or") && (c.is(e+2, "ago") || c.is(e+2, "later") || c.is(e+2, "earlier")) &&
			(c.is(e+1, "so") || c.at(e+1).w != nil && c.at(e+1).w.numWord) {
			// "a month or so ago", "a decade or two later": the first amount, approximately.
			e += 2
			if mod == modNone {
				mod = modApprox
			}
		}
		switch {
		case c.is(e, "ago"):
			dir = -1
		case c.is(e, "back") && u.unit >= uDay && (c.at(e+1).kind == kPunct || e+1 >= len(c.toks)):
			dir = -1 // "a few weeks back."; but a runner "32 seconds back" is behind
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

// overThe tags "over the years", "throughout the decades" ("the" at j): a vague span of a
// plural unit, as "for years".
func (c *tagging) overThe(i, j int) (match, bool) {
	p, u := c.at(i-1), c.at(j+1)
	if i != j || !(p.is("over") || p.is("throughout")) || u.w == nil || !u.w.plural || u.kind != kWord ||
		u.w.unit < uDay || u.w.unit == uQuarter || u.w.unit == uWeekend || c.is(j+2, "of") {
		return match{}, false
	}
	return match{start: i, end: j + 2, typ: tDuration, val: durVal(-1, u.w.unit)}, true
}

// firstSpanCue are the words before "the first week" that make it a span after an event.
var firstSpanCue = map[string]bool{"within": true, "during": true, "for": true, "over": true, "throughout": true}

// rangeUnit reads the rest of a range of amounts at k, after its first amount: "-15 hours",
// "to three weeks"; it returns the unit of the range.
func (c *tagging) rangeUnit(k int) (unit, bool) {
	switch {
	case c.at(k).isCh('-') || c.at(k).isCh('–'):
	case c.at(k).kind == kWord && c.at(k-1).kind == kWord && strings.EqualFold(c.str(c.at(k)), "to"):
	default:
		return uNone, false
	}
	t := c.at(k + 1)
	if !(t.kind == kNum && t.suf == sufNone || t.w != nil && t.w.numWord) {
		return uNone, false
	}
	_, e, _, ok := c.quantity(k + 1)
	if !ok {
		return uNone, false
	}
	u := c.at(e).w
	if u == nil || u.unit == uNone || c.at(e).kind != kWord || unitCompound(c, e) {
		return uNone, false
	}
	if n := c.at(e + 1); !u.plural && !(n.kind == kWord && !n.cap && !c.boundary(e+1)) {
		return uNone, false // a singular unit only as an adjective: "1–4 week sprints"
	}
	return u.unit, true
}

// allUnit tags "all day", "all week long", "all year round": a duration of one unit.
func (c *tagging) allUnit(i int) (match, bool) {
	j := i + 1
	if c.at(j).isCh('-') && c.adjacent(j) {
		j++ // "an all-day event"
	}
	u := c.at(j).w
	if u == nil || u.plural || c.at(j).kind != kWord {
		return match{}, false
	}
	switch u.unit {
	case uDay, uWeek, uWeekend, uMonth, uYear:
	default:
		return match{}, false
	}
	e := j + 1
	if n := c.at(e); c.is(e, "long") || n.kind == kWord && strings.EqualFold(c.str(n), "round") {
		e++
	}
	return match{start: i, end: e, typ: tDuration, val: durVal(1, u.unit)}, true
}

// unitCompound reports whether the bare unit at j is the last part of another unit:
// "terawatt-hours", "man-hours", "after-hours", "kilowatt hours", "credit hours".
func unitCompound(c *tagging, j int) bool {
	p := c.at(j - 1)
	if p.isCh('-') && c.adjacent(j) && c.adjacent(j-1) && c.at(j-2).kind == kWord {
		w := c.at(j - 2).w
		return w == nil || !w.numWord && w.key != "few" && w.key != "several" // but "two-years"
	}
	if p.kind != kWord {
		return false
	}
	w := strings.ToLower(c.str(p))
	return strings.HasSuffix(w, "watt") || w == "man" || w == "person" || w == "credit" || w == "labor" ||
		w == "labour" || w == "ampere"
}

// quantityMod reads a modifier of an amount at token i ("about", "nearly", "more than",
// "at least") and returns where the amount starts and the modifier's TIMEX3 mod for a
// duration; it returns i and modNone when there is none.
func (c *tagging) quantityMod(i int) (int, timexMod) {
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
func isAFew(c *tagging, j int) bool { return c.is(j, "a") && c.is(j+1, "few") }
