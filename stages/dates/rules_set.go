package dates

// Rules for sets: "every Monday", "twice a year".

import "fmt"

// ruleSet tags repeated times: "every week", "twice a year", "daily", "on Mondays", "$5 a year".
func (c *tagging) ruleSet(i int) (match, bool) {
	t := c.at(i)
	if t.w == nil && t.kind != kNum {
		return match{}, false
	}
	m := match{start: i, typ: tSet}
	// "three times a week"
	if _, k, _, ok := c.quantity(i); ok && c.is(k, "times") { // also "several times a year"
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
		if c.is(j, "single") {
			j++ // "every single day"
		}
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
