package dates

// unit is a calendar or clock unit of a duration or relative expression.
type unit uint8

const (
	uNone unit = iota
	uSecond
	uMinute
	uHour
	uDay
	uWeek
	uWeekend
	uFortnight
	uMonth
	uQuarter
	uYear
	uDecade
	uCentury
	uMillennium
)

// tense is the time orientation of a clause.
type tense int8

const (
	tUnknown tense = iota
	tPast
	tPresent
	tFuture
)

// word is a lexicon entry. A word may belong to several classes ("second" is a unit and an ordinal).
type word struct {
	key     string
	month   int  // 1-12
	mAbbr   bool // month abbreviation (needs a day or year nearby)
	wday    int  // ISO weekday 1 (Monday) - 7 (Sunday)
	wdAbbr  bool
	wdPl    bool // plural weekday: "Mondays"
	num     int  // cardinal number word value
	numWord bool // is a cardinal number word
	ord     int  // ordinal word value
	unit    unit
	plural  bool   // plural unit
	season  string // SP, SU, FA, WI
	pod     string // MO, AF, EV, NI
	decade  int    // "nineties" -> 9
	tense   tense  // tense indicator
	vague   bool   // vague quantity: several, many, few, some
	setUnit unit   // daily, weekly...
	yearCue bool   // word before a bare year that makes it a year ("in 1973")
	strong  bool   // strong year cue: a preposition
	approx  bool   // approximator before a quantity: "about 2000 people"
	starter bool   // may start an expression; other words are skipped quickly
	rules   []rule // the rules an expression starting with this word can match, when not all
	street  bool   // street designator: "1600 Pennsylvania Avenue" is not a year
}

// starterKeys are the function words that can start an expression.
var starterKeys = map[string]bool{"the": true, "a": true, "an": true, "this": true, "last": true, "next": true,
	"past": true, "coming": true, "previous": true, "earlier": true, "later": true, "early": true, "late": true,
	"mid": true, "end": true, "beginning": true, "start": true, "today": true, "yesterday": true, "tomorrow": true,
	"tonight": true, "now": true, "currently": true, "current": true, "nowadays": true, "present": true,
	"recently": true, "lately": true, "recent": true, "these": true, "every": true, "each": true, "once": true,
	"twice": true, "thrice": true, "per": true, "half": true, "noon": true, "midnight": true, "midday": true,
	"fiscal": true, "fy": true, "q1": true, "q2": true, "q3": true, "q4": true, "h1": true, "h2": true,
	"christmas": true, "new": true, "halloween": true, "valentine": true, "thanksgiving": true, "dozens": true,
	"hundreds": true, "final": true, "yearlong": true, "monthlong": true, "weeklong": true, "decadelong": true,
	"daylong": true, "hourlong": true,
	// modifiers of an amount: "about 20 minutes", "more than a decade", "at least six months"
	"about": true, "around": true, "approximately": true, "roughly": true, "nearly": true, "almost": true,
	"more": true, "less": true, "fewer": true, "at": true}

// narrowStarters are starters that begin expressions of one rule only: trying that rule
// alone keeps frequent words such as "that" and "good" cheap.
var narrowStarters = map[string]rule{"that": (*tagging).ruleRelative, "soon": (*tagging).ruleDeictic,
	"long": (*tagging).ruleDeictic, "moments": (*tagging).ruleDeictic, "ages": (*tagging).ruleDeictic,
	"eons": (*tagging).ruleDeictic, "aeons": (*tagging).ruleDeictic, "good": (*tagging).ruleHoliday,
	"black": (*tagging).ruleHoliday, "cyber": (*tagging).ruleHoliday, "easter": (*tagging).ruleHoliday, "super": (*tagging).ruleHoliday,
	"prior": (*tagging).ruleCompound, "all": (*tagging).ruleDuration}

// articleRules are the rules, in the order of rules, whose expressions can start with the
// articles, the most frequent starters: "the 4th of July", "the end of", "the past year",
// "the 1970s", "the summer", "a while ago", "a year", "twice a week".
var articleRules = map[string][]rule{
	"the": {(*tagging).ruleDate, (*tagging).ruleMod, (*tagging).ruleRelative, (*tagging).ruleDeictic,
		(*tagging).ruleQuarter, (*tagging).ruleDecade, (*tagging).ruleCentury, (*tagging).ruleSeason,
		(*tagging).ruleDuration, (*tagging).ruleFiscal, (*tagging).ruleOrdinalDay},
	"a":  {(*tagging).ruleDeictic, (*tagging).ruleSet, (*tagging).ruleDuration},
	"an": {(*tagging).ruleDeictic, (*tagging).ruleSet, (*tagging).ruleDuration},
}

// lexicon is the read-only word table built by New.
type lexicon map[string]*word

func (l lexicon) get(key string) *word {
	w := l[key]
	if w == nil {
		w = &word{key: key}
		l[key] = w
	}
	return w
}

// newLexicon builds the word table. Keys are lower case.
func newLexicon() lexicon {
	l := lexicon{}
	months := []struct {
		full  string
		abbrs []string
	}{
		{"january", []string{"jan"}}, {"february", []string{"feb"}}, {"march", []string{"mar"}},
		{"april", []string{"apr"}}, {"may", nil}, {"june", []string{"jun"}}, {"july", []string{"jul"}},
		{"august", []string{"aug"}}, {"september", []string{"sep", "sept"}}, {"october", []string{"oct"}},
		{"november", []string{"nov"}}, {"december", []string{"dec"}},
	}
	for i, m := range months {
		l.get(m.full).month = i + 1
		for _, a := range m.abbrs {
			w := l.get(a)
			w.month = i + 1
			w.mAbbr = true
		}
	}
	days := []struct {
		full  string
		abbrs []string
	}{
		{"monday", []string{"mon"}}, {"tuesday", []string{"tue", "tues"}}, {"wednesday", []string{"wed"}},
		{"thursday", []string{"thu", "thur", "thurs"}}, {"friday", []string{"fri"}},
		{"saturday", []string{"sat"}}, {"sunday", []string{"sun"}},
	}
	for i, d := range days {
		l.get(d.full).wday = i + 1
		p := l.get(d.full + "s")
		p.wday = i + 1
		p.wdPl = true
		for _, a := range d.abbrs {
			w := l.get(a)
			w.wday = i + 1
			w.wdAbbr = true
		}
	}
	nums := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	for i, n := range nums {
		w := l.get(n)
		w.num = i
		w.numWord = true
	}
	tens := []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	for i, n := range tens {
		w := l.get(n)
		w.num = (i + 2) * 10
		w.numWord = true
		l.get(n[:len(n)-1] + "ies").decade = i + 2 // "twenties".."nineties"
	}
	for _, n := range []struct {
		s string
		v int
	}{{"hundred", 100}, {"dozen", 12}} {
		w := l.get(n.s)
		w.num = n.v
		w.numWord = true
	}
	ords := []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
		"nineteenth", "twentieth"}
	for i, o := range ords {
		l.get(o).ord = i + 1
	}
	l.get("thirtieth").ord = 30
	units := []struct {
		s  []string
		pl []string
		u  unit
	}{
		{[]string{"second", "sec"}, []string{"seconds", "secs"}, uSecond},
		{[]string{"minute", "min"}, []string{"minutes", "mins"}, uMinute},
		{[]string{"hour", "hr"}, []string{"hours", "hrs"}, uHour},
		{[]string{"day"}, []string{"days"}, uDay},
		{[]string{"week"}, []string{"weeks"}, uWeek},
		{[]string{"weekend"}, []string{"weekends"}, uWeekend},
		{[]string{"fortnight"}, []string{"fortnights"}, uFortnight},
		{[]string{"month"}, []string{"months"}, uMonth},
		{[]string{"quarter"}, []string{"quarters"}, uQuarter},
		{[]string{"year", "yr"}, []string{"years", "yrs"}, uYear},
		{[]string{"decade"}, []string{"decades"}, uDecade},
		{[]string{"century"}, []string{"centuries"}, uCentury},
		{[]string{"millennium"}, []string{"millennia", "millenniums"}, uMillennium},
	}
	for _, u := range units {
		for _, s := range u.s {
			l.get(s).unit = u.u
		}
		for _, s := range u.pl {
			w := l.get(s)
			w.unit = u.u
			w.plural = true
		}
	}
	for s, v := range map[string]string{"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"} {
		l.get(s).season = v
	}
	for s, v := range map[string]string{"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"} {
		l.get(s).pod = v
	}
	for s, u := range map[string]unit{"daily": uDay, "weekly": uWeek, "monthly": uMonth, "yearly": uYear,
		"annually": uYear, "hourly": uHour, "nightly": uDay, "quarterly": uQuarter, "biweekly": uFortnight} {
		l.get(s).setUnit = u
	}
	for _, s := range []string{"several", "many", "few", "some", "numerous", "countless", "multiple"} {
		l.get(s).vague = true
	}
	for _, s := range []string{"in", "since", "of", "by", "until", "till", "before", "after", "from", "to", "through",
		"during", "between", "throughout", "circa", "c", "year", "and", "or", "early", "late", "mid", "fiscal",
		"around", "spring", "summer", "autumn", "fall", "winter", "end", "beginning", "start", "middle", "the",
		"than", "as", "on", "at", "for", "his", "her", "its", "their", "our", "my", "your"} {
		l.get(s).yearCue = true
	}
	for _, s := range []string{"in", "since", "by", "until", "till", "before", "after", "from", "through",
		"during", "between", "throughout", "circa", "year", "early", "late", "mid", "fiscal"} {
		l.get(s).strong = true
	}
	for _, s := range []string{"about", "some", "nearly", "almost", "approximately", "roughly", "least", "only",
		"just", "over", "than", "around", "some", "additional", "another", "total", "estimated", "all",
		"more", "those", "these"} {
		l.get(s).approx = true
	}
	for _, s := range []string{"was", "were", "had", "did", "said", "told", "ago", "wasn", "weren", "didn", "hadn",
		"went", "came", "saw", "made", "took", "gave", "met", "got", "became", "began", "left", "found", "held",
		"led", "paid", "sent", "spent", "brought", "bought", "thought", "fought", "won", "lost", "ran", "wrote",
		"spoke", "broke", "chose", "rose", "fell", "knew", "grew", "drew", "threw", "flew", "sold", "stood",
		"built", "felt", "kept", "meant", "heard", "struck", "sat", "wore", "ate", "drove", "rode", "says",
		"has", "have", "been", "earlier", "previously", "former", "lay", "sank", "shot", "swore", "hung", "overtook",
		"withdrew", "undertook", "forgot", "dealt", "sought", "taught", "caught", "fled", "won", "cut", "hit", "shut",
		"quit", "beat", "struck", "spread", "cost"} {
		l.get(s).tense = tPast
	}
	l.get("says").tense = tPresent
	for _, s := range []string{"will", "ll", "shall", "upcoming", "expected", "scheduled", "planned", "plans",
		"plan", "planning", "due", "tomorrow", "next", "later", "soon", "intends", "aims", "hopes", "future",
		"would", "going", "won't", "wo", "starts", "begins", "opens", "ends", "meets", "arrives", "leaves", "returns",
		"resumes", "closes", "kicks", "visits", "travels", "holds", "must", "should", "might", "take", "takes"} {
		l.get(s).tense = tFuture
	}
	for _, s := range []string{"is", "are", "am", "do", "does"} {
		l.get(s).tense = tPresent
	}
	// Words the rules test by key; they need an entry so token.is can see them.
	for _, s := range []string{"a", "an", "ago", "earlier", "later", "before", "after", "now", "today", "yesterday",
		"tomorrow", "tonight", "currently", "current", "recently", "lately", "nowadays", "recent", "past", "future",
		"present", "last", "next", "this", "coming", "previous", "following", "that", "same", "every", "each",
		"other", "per", "once", "twice", "thrice", "times", "half", "and", "the", "of", "mid", "early", "late",
		"end", "beginning", "start", "middle", "turn", "close", "noon", "midnight", "midday", "am", "pm", "m",
		"p", "o", "clock", "fiscal", "fy", "q", "h", "long", "old", "couple", "dozens", "hundreds", "these",
		"days", "christmas", "eve", "new", "halloween", "thanksgiving", "valentine", "s", "day", "for", "over",
		"within", "took", "takes", "take", "spent", "lasted", "lasting", "yearlong", "ongoing", "million",
		"billion", "percent", "trillion", "thousand", "moment", "account", "accounts", "affairs", "events",
		"edition", "issue", "version", "president", "period", "q1", "q2", "q3", "q4", "h1", "h2", "more", "less",
		"era", "time", "times", "year", "on", "in", "at", "prior", "run", "up", "whole", "entire", "full",
		"earliest", "latest", "yet", "again", "pre", "post", "right", "final", "no", "yearlong", "monthlong",
		"weeklong", "decadelong", "daylong", "hourlong", "fewer", "most", "soon", "while", "generation",
		"near", "foreseeable", "distant", "immediate", "remote", "very", "let", "so", "how", "as",
		"afterwards", "thereafter", "number", "or", "easter", "its", "their", "black", "cyber", "good", "super", "ahead",
		"come", "too", "x", "back", "prior", "remaining", "left", "split", "mark", "local", "h", "moments", "ages", "eons", "aeons",
		"spend", "spends", "spending", "all", "during", "throughout", "single"} {
		l.get(s)
	}
	for _, s := range []string{"st", "street", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln", "drive",
		"dr", "way", "place", "pl", "court", "ct", "highway", "hwy", "route", "square", "sq", "parkway", "pkwy"} {
		l.get(s).street = true
	}
	for key, w := range l {
		w.starter = w.month > 0 || w.wday > 0 || w.numWord || w.ord > 0 || w.unit != uNone || w.season != "" ||
			w.pod != "" || w.decade > 0 || w.setUnit != uNone || w.vague || starterKeys[key]
		if r, ok := narrowStarters[key]; ok && !w.starter {
			w.starter, w.rules = true, []rule{r}
		}
		if rs, ok := articleRules[key]; ok {
			w.rules = rs
		}
	}
	return l
}
