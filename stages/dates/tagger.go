// Package dates finds temporal expressions in English news text and normalises them to
// TimeML TIMEX3 values, following the TempEval-3 annotation conventions.
//
// Extents follow TIMEX3: leading prepositions are left out ("on May 31" gives "May 31"),
// determiners and temporal modifiers are kept ("the 1970s", "early June", "the end of 2017"),
// and so are the modifiers of amounts ("more than a decade", "about 20 minutes") and time
// zones ("10:30 a.m. EST"); a date followed by a clock time is one expression ("June 10,
// 2018, 12:39 PM").
//
// Types and values:
//   - DATE: calendar values at their own granularity: "2018-05-31", "2018-09", "2018",
//     "2018-W22" (ISO week), "2018-W23-WE" (weekend), "2018-SU" (season), "2018-Q3",
//     "2018-H1", "FY2019", decades "197X", centuries "18" (the 19th century), and the
//     TimeML reference values PRESENT_REF ("now", "currently", "current", "today" meaning
//     nowadays: "young people today", "in today's world", a present-simple sentence after
//     "Today,", "today's" before a plural noun and a present-tense verb), PAST_REF ("recently", "the past", "recent years",
//     "a while ago") and FUTURE_REF ("the future", "the near future", "soon").
//   - TIME: a day plus a clock time or a part of the day: "2018-06-10T12:39", "2018-06-10TMO".
//   - DURATION: ISO 8601 periods: "P8Y" ("eight-year"), "P2W", "PT3H", "P1DE" (decade),
//     "P1CE" (century); an unknown amount is X: "PXDE" ("decades"), "PXY" ("several years").
//     A range of amounts is tagged at both ends, as TimeML tags "2019-2020": "10-15 hours"
//     gives "10" (PT10H) and "15 hours" (PT15H).
//   - SET: repeated times. The value is the period of repetition: "every week" and "weekly"
//     give "P1W", "twice a year" gives "P1Y"; a repeated calendar point keeps its calendar
//     form: "every Monday" gives "XXXX-WXX-1", "every June" gives "XXXX-06".
//
// Resolution against the reference (publication) date:
//   - Dates without a year ("May 31", "in September", "the third quarter") take the year that
//     the clause's tense makes likely. A past-tense verb close to the expression (within
//     five words) or any tense on a day-level date picks the most recent occurrence not after
//     the reference; a future marker ("will", "next", "expected", ...) picks the next one; a
//     tense marker further away only biases the choice toward its side, so a month named in
//     a long past-tense sentence may still be the coming one; otherwise the nearest occurrence
//     wins; the present tense leans to the coming occurrence. A bare weekday is the most
//     recent such day not after the reference in past-tense or tenseless sentences (news
//     mostly reports what happened) and the next one in present or future sentences.
//   - Relative expressions ("yesterday", "last week", "four years ago") count from the
//     reference date. Expressions relative to another time ("two days later", "the following
//     day") count from the last full date mentioned before them in the same text, or from the
//     reference date when there is none.
//   - Numeric dates: YYYY-MM-DD and YYYY/MM/DD are read as such; in A/B/YYYY and A-B-YYYY the
//     day comes first only when A is greater than 12, otherwise US month/day order is used;
//     dotted dates (A.B.YYYY) are European, day first. Two-digit years (A/B/YY) below 50 are 20YY.
//   - Bare four-digit numbers are years only in a year context: after a preposition ("in 1973",
//     "since 1966"), a determiner or possessive ("the 1973 war"), or alone from 1900 to 2099;
//     not before a plural noun ("1973 troops"), after an approximator ("about 2000"), a
//     currency sign, a capitalised name ("Windows 2000"), nor before a street name, nor in
//     an identifier ("CVE-2024-49113", "RSA-2048", "2019-0012"). The two-digit end of a
//     season or school year is the next year: "1990-91" gives "1990" and "1991", as TimeML
//     tags both ends of "1990-1991".
//   - Named days: "Super Tuesday" is the first Tuesday of March (its date since 2012;
//     before 2012 the value is the year alone).
//   - Decades and vague pasts follow the X convention of this project: "the 1970s" and
//     "the '70s" give "197X", "a few years ago" the decade of three years before the reference
//     ("201X" in 2018); centuries are truncated years: "the 19th century" and "the 1800s"
//     give "18" ("the 2000s" is the decade "200X").
//   - "That day", "that night" and "that week" count from the last full date mentioned;
//     "that month" and "that year" are those of the last date value that named a year.
//   - When the reference date is unknown (zero) no year is guessed: "12 June" gives
//     "XXXX-06-12", "yesterday" gives "XXXX-XX-XX", "last week" "XXXX-WXX", "Tuesday" "XXXX-WXX-2".
package dates

import (
	"context"
	"math"
	"strings"
	"sync"
	"time"

	"github.com/newspipe/newspipe/record"
)

// Tagger finds temporal expressions; safe for concurrent use; build once per process.
type Tagger struct {
	lex lexicon
	// tokens pools the token buffers of tag (*[]token): a document's lines share one,
	// and so do a worker's documents.
	tokens sync.Pool
}

// New builds a Tagger with its word tables.
func New() *Tagger {
	return &Tagger{lex: newLexicon()}
}

// match is one recognised expression over tokens [start, end).
type match struct {
	start, end int
	typ, val   string
	day        time.Time // the full day the expression denotes, when it does (an anchor for later ones)
	mod        timexMod
}

// timexMod is a TIMEX3 mod attribute; modNone, the zero value, is none.
type timexMod uint8

const (
	modNone timexMod = iota
	modStart
	modMid
	modEnd
	modApprox
	modLessThan
	modMoreThan
	modEqualOrLess
	modEqualOrMore
	modBefore
	modAfter
	modOnOrBefore
	modOnOrAfter
)

var modNames = [...]string{"", "START", "MID", "END", "APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS",
	"EQUAL_OR_MORE", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"}

// String returns the mod as TIMEX3 writes it, or "" for none.
func (m timexMod) String() string { return modNames[m] }

// tagging is the state of one Tag call.
type tagging struct {
	text      string
	toks      []token
	ref       time.Time
	hasRef    bool
	anchor    time.Time // the last full day mentioned, or ref
	hasAnchor bool
	// lastYear and lastMonth are the year and month (0: none) of the last date value
	// that named a year, for "that year" and "that month".
	lastYear, lastMonth int
	none                token
}

// Tag returns the temporal expressions of text, in order, with Unicode code point offsets into text.
// ref is the reference (publication) date; ref.IsZero() means unknown: then years are never guessed
// ("12 June" -> "XXXX-06-12", "yesterday" -> an unresolved value such as "XXXX-XX-XX").
// A panic in a rule is not recovered here: the caller (the pipeline) turns it into an
// error that names the document, rather than a record silently without dates.
func (t *Tagger) Tag(text string, ref time.Time) []record.Date {
	out, _ := t.TagContext(context.Background(), text, ref) // fails only when its context ends
	return out
}

// tag is Tag; FuzzTag calls it.
func (t *Tagger) tag(text string, ref time.Time) []record.Date { return t.Tag(text, ref) }

// TagContext is Tag, checking ctx between lines: it returns ctx's error once ctx ends.
func (t *Tagger) TagContext(ctx context.Context, text string, ref time.Time) (out []record.Date, err error) {
	if len(text) > math.MaxInt32 {
		return nil, nil // offsets are stored in 32 bits
	}
	c := &tagging{text: text}
	if !ref.IsZero() {
		c.ref = time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
		c.hasRef = true
		c.anchor, c.hasAnchor = c.ref, true
	}
	// Lines are tagged one at a time: no rule crosses a line break, and a small token
	// buffer reused for every line keeps memory flat on long documents.
	buf, _ := t.tokens.Get().(*[]token)
	if buf == nil {
		buf = &[]token{}
	}
	defer t.tokens.Put(buf)
	toks := (*buf)[:0]
	defer func() { *buf = toks[:0] }()
	rpos := 0
	for from := 0; from < len(text); {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		to := strings.IndexByte(text[from:], '\n')
		if to < 0 {
			to = len(text)
		} else {
			to += from + 1
		}
		to = pieceEnd(text, from, to)
		toks, rpos = t.tokenize(text, from, to, rpos, toks[:0])
		if len(toks) > 0 && from > 0 && text[from-1] != '\n' {
			toks[0].nl = false // a piece of a long line
		}
		c.toks = toks
		out = c.tagLine(out)
		from = to
	}
	return out, nil
}

// maxPieceBytes is the longest piece of a line that is tagged at once. Lines are
// paragraphs; a line of megabytes (a text without line breaks) is tagged in pieces, so
// that its tokens (about 50 bytes each) do not all sit in memory at once.
const maxPieceBytes = 64 << 10

// pieceEnd returns where the piece of the line text[from:to] that starts at from ends:
// at to, or, for a line longer than maxPieceBytes, after the last sentence end (". ")
// or else the last space or tab within maxPieceBytes, or else after the first space or
// tab beyond. A piece ends after white space, never inside a token.
func pieceEnd(text string, from, to int) int {
	if to-from <= maxPieceBytes {
		return to
	}
	w := text[from : from+maxPieceBytes]
	if i := strings.LastIndex(w, ". "); i > maxPieceBytes/2 {
		return from + i + 2
	}
	if i := strings.LastIndexAny(w, " \t"); i > 0 {
		return from + i + 1
	}
	if i := strings.IndexAny(text[from+maxPieceBytes:to], " \t"); i >= 0 {
		return from + maxPieceBytes + i + 1
	}
	return to
}

// tagLine appends the expressions of the tokens in c.toks to out.
func (c *tagging) tagLine(out []record.Date) []record.Date {
	for i := 0; i < len(c.toks); {
		m, ok := c.best(i)
		if !ok {
			i++
			continue
		}
		s, e := &c.toks[m.start], &c.toks[m.end-1]
		out = append(out, record.Date{Text: c.text[s.start:e.end], Start: int(s.rs), End: int(e.re), Type: m.typ, Value: m.val, Mod: m.mod.String()})
		if !m.day.IsZero() {
			c.anchor, c.hasAnchor = m.day, true
		}
		if m.typ == tDate || m.typ == tTime {
			c.notePoint(m.val)
		}
		i = m.end
	}
	return out
}

// notePoint keeps the year and month of a date value such as "2018", "2018-06" or
// "2018-06-10T12:39"; values without a year ("XXXX-06", "PAST_REF") leave them as they are.
func (c *tagging) notePoint(v string) {
	if len(v) < 4 || !isDigit(v[0]) || !isDigit(v[1]) || !isDigit(v[2]) || !isDigit(v[3]) || len(v) > 4 && v[4] != '-' {
		return
	}
	c.lastYear = int(v[0]-'0')*1000 + int(v[1]-'0')*100 + int(v[2]-'0')*10 + int(v[3]-'0')
	c.lastMonth = 0
	if len(v) >= 7 && isDigit(v[5]) && isDigit(v[6]) {
		c.lastMonth = int(v[5]-'0')*10 + int(v[6]-'0')
	}
}

// rule recognises an expression starting at token i.
type rule func(c *tagging, i int) (match, bool)

// rules are tried at every token; the longest match wins, earlier rules win ties.
var rules = []rule{
	(*tagging).ruleDate,
	(*tagging).ruleNumericDate,
	(*tagging).ruleMod,
	(*tagging).ruleRelative,
	(*tagging).ruleDeictic,
	(*tagging).ruleQuarter,
	(*tagging).ruleDecade,
	(*tagging).ruleCentury,
	(*tagging).ruleSeason,
	(*tagging).ruleWeekday,
	(*tagging).ruleMonth,
	(*tagging).ruleYear,
	(*tagging).ruleTime,
	(*tagging).ruleSet,
	(*tagging).ruleDuration,
	(*tagging).ruleHoliday,
	(*tagging).ruleFiscal,
	(*tagging).ruleCompound,
	(*tagging).ruleOrdinalDay,
}

// best returns the longest match at token i.
func (c *tagging) best(i int) (match, bool) {
	t := &c.toks[i]
	// Only words and numbers start expressions, except "'90s".
	if t.kind == kPunct && t.ch != '\'' {
		return match{}, false
	}
	if t.kind == kWord && (t.w == nil || !t.w.starter) {
		return match{}, false
	}
	rs := rules
	if t.kind == kWord && t.w.rules != nil {
		rs = t.w.rules
	}
	var best match
	found := false
	for _, r := range rs {
		m, ok := r(c, i)
		if ok && m.end > i && (!found || m.end > best.end) {
			best, found = m, true
		}
	}
	return best, found
}

// str returns the text of token t.
func (c *tagging) str(t *token) string { return c.text[t.start:t.end] }

// at returns token i, or an empty token when i is out of range.
func (c *tagging) at(i int) *token {
	if i < 0 || i >= len(c.toks) {
		return &c.none
	}
	return &c.toks[i]
}

// is reports whether token i is the word key.
func (c *tagging) is(i int, key string) bool { return c.at(i).is(key) }

// adjacent reports whether token i follows token i-1 without space.
func (c *tagging) adjacent(i int) bool {
	return i > 0 && i < len(c.toks) && !c.toks[i].space
}

// boundary reports whether a sentence boundary lies between token i-1 and token i.
func (c *tagging) boundary(i int) bool {
	if i <= 0 || i >= len(c.toks) {
		return true
	}
	if c.toks[i].nl {
		return true
	}
	p := &c.toks[i-1]
	if p.kind != kPunct {
		return false
	}
	switch p.ch {
	case '!', '?', ';':
		return true
	case '.':
		// The period of an abbreviation ("p.m.", "Aug.", "Mr.", "U.S.") is taken to end no
		// sentence; the rare sentence that ends with one then shares its tense with the next.
		if i >= 2 {
			if a := &c.toks[i-2]; a.kind == kWord &&
				(a.end-a.start == 1 || a.w != nil && (a.w.mAbbr || a.w.wdAbbr) || titleAbbr[c.str(a)]) {
				return false
			}
		}
		return true
	}
	return false
}

// titleAbbr are abbreviations written with a period that rarely end a sentence.
var titleAbbr = map[string]bool{"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "St": true, "Jr": true, "Sr": true,
	"Gen": true, "Sen": true, "Rep": true, "Gov": true, "Lt": true, "Col": true, "Prof": true, "No": true, "vs": true,
	"Inc": true, "Corp": true, "Co": true, "Ltd": true}

// sentenceStart reports whether token i starts a sentence or a line (for capitalisation tests).
func (c *tagging) sentenceStart(i int) bool {
	if i <= 0 {
		return true
	}
	if c.toks[i].nl {
		return true
	}
	p := &c.toks[i-1]
	return p.kind == kPunct && (p.ch == '.' || p.ch == '!' || p.ch == '?' || p.ch == ':' || p.ch == '"' || p.ch == '\'' || p.ch == '(' || p.ch == '-')
}
