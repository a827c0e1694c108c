package dates

// Rules for named periods: quarters, decades, centuries, seasons, weekdays, months, years.

import (
	"fmt"
	"strings"
)

// ruleQuarter tags quarters and halves: "the third quarter", "Q3 2018", "first half of 2018".
func (c *tagging) ruleQuarter(i int) (match, bool) {
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
func (c *tagging) ruleDecade(i int) (match, bool) {
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
	case t.kind == kNum && t.suf == sufNone && t.ndig == 4 && t.num%10 == 0 && t.num >= 1000 && t.num <= 2090 &&
		c.at(j+1).isCh('\'') && c.adjacent(j+1) && c.is(j+2, "s") && c.adjacent(j+2) && the:
		y, end = t.num, j+3 // "the 1930's", the decade with an apostrophe
	case t.isCh('\'') && c.at(j+1).kind == kNum && c.at(j+1).ndig == 2 && c.at(j+1).suf == sufS && c.at(j+1).num%10 == 0 && c.adjacent(j+1):
		y, end = 1900+c.at(j+1).num, j+2
	case (the || c.at(j-1).isCh('-')) && t.kind == kNum && t.ndig == 2 && t.suf == sufS && t.num%10 == 0:
		y, end = 1900+t.num, j+1
	case the && t.w != nil && t.w.decade > 0:
		y, end = 1900+10*t.w.decade, j+1
	default:
		return match{}, false
	}
	if (end == j+1 || end == j+3) && t.ndig == 4 && y%100 == 0 && y <= 1900 {
		// "the 1800s" is the century; "the 2000s" is read as the decade, as in news.
		return match{start: c.dropThe(i, end), end: end, typ: tDate, val: fmtCentury(y)}, true
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
func (c *tagging) dropThe(i, end int) int {
	if c.is(i, "the") {
		if n := c.at(end); n.kind == kWord && !n.cap && n.w == nil {
			return i + 1
		}
	}
	return i
}

// ruleCentury tags "the 19th century", "the twenty-first century", "this century".
func (c *tagging) ruleCentury(i int) (match, bool) {
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
	if n := c.at(e + 1); c.at(e).cap && n.kind == kWord && n.cap && !c.boundary(e+1) {
		return match{}, false // a name: "Twentieth Century Fox", "21st Century Insurance"
	}
	return match{start: i, end: e + 1, typ: tDate, val: fmt.Sprintf("%02d", n-1)}, true
}

// seasonAt tags a season: "summer 2018", "the summer of 2017", "the fall", "spring".
// cued says a modifier already marks the word as temporal.
func (c *tagging) seasonAt(i int, cued bool) (match, bool) {
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

func (c *tagging) ruleSeason(i int) (match, bool) { return c.seasonAt(i, false) }

// ruleWeekday tags a weekday alone or with a part of the day or a time: "Tuesday", "Monday night".
func (c *tagging) ruleWeekday(i int) (match, bool) {
	t := c.at(i)
	if t.w == nil || t.w.wday == 0 || t.w.wdPl || t.w.wdAbbr || !t.cap || t.kind != kWord {
		return match{}, false
	}
	if p := c.at(i - 1); p.kind == kWord && p.cap && nameBeforeWeekday[c.str(p)] {
		return match{}, false // "Black Monday", "Good Friday"
	}
	if p := c.at(i - 1); p.kind == kWord && p.cap && p.w == nil && !c.sentenceStart(i-1) {
		// After a capitalised word a weekday is a date in news ("arrived in Las Vegas
		// Friday") unless the two make a name: "Astoria Sunday Market".
		if n := c.at(i + 1); n.kind == kWord && n.cap && n.w == nil && !c.boundary(i+1) {
			return match{}, false
		}
	}
	if c.at(i+1).isCh('.') && c.adjacent(i+1) && c.adjacent(i+2) && c.at(i+2).kind == kWord && !c.at(i+2).cap {
		return match{}, false // a domain name: "Monday.com"
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

// nameBeforeWeekday are the capitalised words that make a weekday after them part of a
// name: days of the church or the trade ("Good Friday", "Black Friday"), campaigns
// ("Meatless Monday") and teams ("Sheffield Wednesday").
var nameBeforeWeekday = map[string]bool{"Black": true, "Good": true, "Cyber": true, "Super": true,
	"Ash": true, "Holy": true, "Maundy": true, "Easter": true, "Palm": true, "Bloody": true, "Fat": true,
	"Shrove": true, "Blue": true, "Giving": true, "Meatless": true, "Throwback": true, "Casual": true,
	"Taco": true, "Sheffield": true, "Whit": true, "Low": true, "Mad": true, "Manic": true, "Freaky": true,
	"Business": true}

// monthCue are the words that make a bare month name a date: "in May", "since March".
var monthCue = map[string]bool{"in": true, "since": true, "until": true, "till": true, "by": true, "from": true,
	"through": true, "during": true, "between": true, "to": true, "and": true, "or": true, "of": true,
	"before": true, "after": true, "early": true, "late": true, "for": true, "throughout": true}

// nameCue are the cues of monthCue that also come before people's names: "by April Ryan".
var nameCue = map[string]bool{"by": true, "to": true, "and": true, "or": true, "of": true, "for": true, "from": true}

// ruleMonth tags a bare month name: "in September".
func (c *tagging) ruleMonth(i int) (match, bool) {
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
	if !cue && c.monthModifier(i, e) {
		cue = true
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
	if c.genericYou(i, e) {
		return match{start: i, end: e, typ: tDate, val: fmt.Sprintf("XXXX-%02d", m)}, true // any year's May
	}
	return match{start: i, end: e, typ: tDate, val: c.monthVal(m, i, e)}, true
}

// genericYou reports whether the clause after tokens [i, e) addresses the reader with a
// modal of possibility or habit ("In May, you may see swarms", "in June you can pick
// strawberries"): a guide's habitual month, of any year, as TimeML gives it (XXXX-05).
func (c *tagging) genericYou(i, e int) bool {
	for k := e; k < e+6 && k < len(c.toks) && !c.boundary(k); k++ {
		if t := c.at(k); t.kind == kWord && strings.EqualFold(c.str(t), "you") {
			if n := c.at(k + 1); n.kind == kWord && !n.cap {
				return youModals[strings.ToLower(c.str(n))]
			}
			return false
		}
	}
	return false
}

// youModals are the words after "you" that make a clause habitual or generic.
var youModals = map[string]bool{"may": true, "can": true, "might": true, "could": true, "often": true,
	"usually": true, "typically": true, "generally": true}

// monthModifier reports whether the month name over tokens [i, e) modifies a noun after an
// article or possessive ("the September report", "its March high") or is itself
// possessive ("September's figures"). Month names that are also given names are left
// out of the possessive form ("May's government").
func (c *tagging) monthModifier(i, e int) bool {
	n := c.at(e)
	if n.isCh('\'') && c.adjacent(e) && c.is(e+1, "s") && c.adjacent(e+1) {
		switch c.at(i).w.key {
		case "april", "may", "june", "august":
			return false
		}
		return true
	}
	p := c.at(i - 1)
	if p.w == nil || !(p.w.key == "the" || p.w.key == "its" || p.w.key == "their") {
		return false
	}
	// The noun after it: a lower-case word that is no function word of the lexicon.
	return n.kind == kWord && !n.cap && !c.boundary(e) && (n.w == nil || n.w.unit != uNone && !n.w.plural)
}

// ruleYear tags a bare four-digit year when the context says it is one: "in 1973", "the 1973 war",
// but not "1973 troops" or "about 2000 people".
func (c *tagging) ruleYear(i int) (match, bool) {
	if t := c.at(i); t.kind == kNum && t.ndig == 2 {
		return c.spanEndYear(i)
	}
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
			if pp := c.at(i - 2); !(pp.kind == kNum && pp.ndig == 4 || pp.kind == kWord) || codePrefix(c.str(pp)) {
				return match{}, false // "CVE-2024-49113", "ISO-2022": an identifier
			}
		}
	}
	if n.isCh('-') && c.adjacent(i+1) && c.adjacent(i+2) {
		if a := c.at(i + 2); a.kind == kNum && !a.dec && (a.ndig == 3 || a.ndig > 4 || a.ndig == 4 && a.num <= y) {
			return match{}, false // a part or case number: "2024-49113", "2019-0012"
		}
	}
	if p.kind == kPunct && (p.ch == '$' || p.ch == '#' || p.ch == '£' || p.ch == '€' || p.ch == '+') {
		return match{}, false
	}
	if c.adjacent(i+1) && n.kind == kPunct && (n.ch == '/' || n.ch == '%' || n.ch == '.' && c.at(i+2).kind == kNum && c.adjacent(i+2)) {
		return match{}, false // "2019/20", "2019%", a version "2019.1.5"
	}
	if n.is("percent") || n.w != nil && n.w.unit != uNone {
		return match{}, false
	}
	if (n.is("x") || n.isCh('×')) && c.at(i+2).kind == kNum {
		return match{}, false // a screen size: "1920 x 1080"
	}
	cue := p.w != nil && p.w.yearCue
	strong := p.w != nil && p.w.strong
	if p.w != nil && p.w.approx && !strong || p.kind == kNum && !c.dayRangeEnd(i-1) || p.w != nil && p.w.numWord || p.is("no") {
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

// dayRangeEnd reports whether the number at j ends a range of days after a month name,
// as "9" in "January 6–9 2026": the year after it is the range's.
func (c *tagging) dayRangeEnd(j int) bool {
	if _, ok := c.dayAt(j); !ok || !c.at(j-1).isCh('-') {
		return false
	}
	if m, _, _ := c.monthAt(j - 3); m == 0 {
		return false
	}
	_, ok := c.rangeYear(j - 2)
	return ok
}

// spanEndYear tags the two-digit end of a season or school year after its first year:
// the "91" of "1990-91" is 1991. TimeML tags the two ends of a span as two expressions, as
// in "2019-2020"; a fiscal year ("fiscal 1990-91") is left to ruleQuarter's reading.
func (c *tagging) spanEndYear(i int) (match, bool) {
	t := c.at(i)
	if t.suf != sufNone || t.dec || !c.adjacent(i) || !c.at(i-1).isCh('-') || !c.adjacent(i-1) {
		return match{}, false
	}
	y, ok := c.yearAt(i - 2)
	if !ok || (y+1)%100 != t.num || c.is(i-3, "fiscal") || c.is(i-3, "fy") {
		return match{}, false
	}
	if n := c.at(i + 1); c.adjacent(i+1) && n.kind == kPunct && (n.ch == '-' || n.ch == '/' || n.ch == ':' || n.ch == '.' && c.at(i+2).kind == kNum && c.adjacent(i+2)) {
		return match{}, false // "2019-20-05", a version or an identifier
	}
	return match{start: i, end: i + 1, typ: tDate, val: fmtYear(y + 1)}, true
}

// codePrefix reports whether w, the word before "-2024", is the upper-case prefix of an
// identifier ("CVE", "ISO", "GHSA") rather than a word such as "mid" or "pre".
func codePrefix(w string) bool {
	if len(w) < 2 || w == "FY" {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
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
