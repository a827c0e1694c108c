// Package pubdate reads the publication dates that articles state about themselves, in
// metadata fields (JSON-LD, meta tags, <time datetime>, an input's "published" field) and
// in date lines, and writes them as ISO 8601, as precise as the source and with the zone
// offset when the source gave one. It is the one parser of publication dates: every
// stage that reads one calls it.
package pubdate

import (
	"strings"
	"time"
)

// Precision says how much of a Date the source gave.
type Precision uint8

// Precisions, from the coarsest.
const (
	Day Precision = iota + 1
	Minute
	Second
)

// Date is a publication date as a source gave it.
type Date struct {
	// Time is the date and time; for a date without a zone its location is UTC and its
	// clock reads the source's local time.
	Time time.Time
	// Precision is how much of Time the source gave.
	Precision Precision
	// Zoned reports whether the source gave a zone offset (or UTC / GMT / Z).
	Zoned bool
}

// ISO returns d in ISO 8601: "2018-06-10", "2018-06-10T12:39:00", or with the offset
// when the source gave a zone: "2018-06-10T12:39:00+02:00", "2018-06-10T12:39:00Z".
func (d Date) ISO() string {
	switch {
	case d.Precision == Day:
		return d.Time.Format("2006-01-02")
	case d.Zoned:
		return d.Time.Format(time.RFC3339)
	}
	return d.Time.Format("2006-01-02T15:04:05")
}

// LocalDay returns the calendar day of d where it was published (in its own zone), at
// midnight UTC: the day that relative dates in the article ("yesterday") count from.
func (d Date) LocalDay() time.Time {
	return time.Date(d.Time.Year(), d.Time.Month(), d.Time.Day(), 0, 0, 0, 0, time.UTC)
}

// zone says how a layout's zone is read.
type zone uint8

const (
	noZone zone = iota // local time without a zone
	offset             // a numeric offset or Z: kept
	abbrev             // a zone abbreviation: kept for UTC and GMT only, since "EST" and kin are ambiguous
)

// layouts are the forms publication dates take in metadata, most specific first.
var layouts = []struct {
	layout string
	prec   Precision
	zone   zone
}{
	{time.RFC3339Nano, Second, offset},
	{"2006-01-02T15:04:05.999999999Z0700", Second, offset},
	{"2006-01-02T15:04Z07:00", Minute, offset},
	{"2006-01-02T15:04Z0700", Minute, offset},
	{"2006-01-02T15:04:05", Second, noZone},
	{"2006-01-02T15:04:05.999999999", Second, noZone},
	{"2006-01-02T15:04", Minute, noZone},
	{"2006-01-02 15:04:05Z07:00", Second, offset},
	{"2006-01-02 15:04:05 -0700", Second, offset},
	{"2006-01-02 15:04:05 -07:00", Second, offset},
	{"2006-01-02 15:04:05 -0700 MST", Second, offset},
	{"2006-01-02 15:04:05 MST", Second, abbrev},
	{"2006-01-02 15:04:05", Second, noZone},
	{"2006-01-02 15:04:05.999999999", Second, noZone},
	{"2006-01-02 15:04", Minute, noZone},
	{"2006-01-02", Day, noZone},
	{"2006/01/02", Day, noZone},
	{"2006.01.02", Day, noZone},
	{"20060102", Day, noZone},
	{"2006 01 02", Day, noZone},
	{time.RFC1123Z, Second, offset},
	{time.RFC1123, Second, abbrev},
	{"Mon, 2 Jan 2006 15:04:05 -0700", Second, offset},
	{"Mon, 2 Jan 2006 15:04:05 MST", Second, abbrev},
	{"Mon Jan 02 2006 15:04:05 GMT-0700", Second, offset},
	{"Mon, January 2, 2006", Day, noZone},
	{"Monday, January 2, 2006", Day, noZone},
	{"Monday, 2 January 2006", Day, noZone},
	{"2 Jan 2006 15:04 MST", Minute, abbrev},
	{"2 Jan 2006 15:04:05 MST", Second, abbrev},
	{"January 2, 2006, 03:04 PM MST", Minute, abbrev},
	{"January 2, 2006 03:04 PM MST", Minute, abbrev},
	{"January 2, 2006 3:04 PM", Minute, noZone},
	{"January 2, 2006, 3:04 PM", Minute, noZone},
	{"January 2, 2006 15:04", Minute, noZone},
	{"January 2, 2006", Day, noZone},
	{"Jan 2, 2006", Day, noZone},
	{"Jan. 2, 2006", Day, noZone},
	{"January 2 2006", Day, noZone},
	{"2 January 2006", Day, noZone},
	{"2 Jan 2006", Day, noZone},
	{"2 Jan. 2006", Day, noZone},
	{"2 January, 2006", Day, noZone},
	{"02.01.2006", Day, noZone},
}

// Parse reads s, a whole field holding one date, in any of the forms metadata use.
// ok is false when s is not such a date or its year is implausible for an article.
func Parse(s string) (d Date, ok bool) {
	s = strings.Join(strings.Fields(s), " ")
	s = withoutZoneName(s)
	if len(s) < 8 || len(s) > 48 {
		return Date{}, false
	}
	digit := isDigit(s[0])
	for _, l := range layouts {
		// A layout that starts with a number (year, day) needs a digit, one that starts
		// with a name a letter: skip the others without a failed, allocating time.Parse.
		if isDigit(l.layout[0]) != digit {
			continue
		}
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if t.Year() < 1900 || t.Year() > 2200 {
			return Date{}, false
		}
		d := Date{Time: t.Truncate(time.Second), Precision: l.prec, Zoned: l.zone == offset}
		if l.zone == abbrev {
			name, off := t.Zone()
			d.Zoned = (name == "GMT" || name == "UTC") && off == 0
			if !d.Zoned {
				// Keep the clock as written, without the ambiguous abbreviation.
				d.Time = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
			}
		}
		return d, true
	}
	return parseWritten(s)
}

// withoutZoneName returns s without the zone's name in brackets that JavaScript's
// Date.toString writes after its GMT offset: "Mon Dec 23 2024 18:24:18 GMT+0000
// (Coordinated Universal Time)" is read as "Mon Dec 23 2024 18:24:18 GMT+0000".
// Brackets after other texts stay.
func withoutZoneName(s string) string {
	if !strings.HasSuffix(s, ")") {
		return s
	}
	i := strings.LastIndex(s, " (")
	if i < 0 || !strings.Contains(s[:i], "GMT") {
		return s
	}
	for _, r := range s[i+2 : len(s)-1] {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r == ' ') {
			return s
		}
	}
	return s[:i]
}

// parseWritten reads a field that holds one date in a form no layout has, as Find reads
// it in a date line, when nothing but a weekday, "at" or "on", a zone abbreviation and
// punctuation stands beside it: "Thu, 09/25/2025 - 11:38" (Drupal's), "2023 Jan 7"
// (citation_publication_date). A "UTC" or "GMT" after a time is kept as the zone; other
// abbreviations are dropped, as in Parse.
func parseWritten(s string) (Date, bool) {
	m := Find(s)
	if m.Value == "" {
		return Date{}, false
	}
	utc := false
	for _, w := range strings.FieldsFunc(s[:m.Start]+" "+s[m.End:], notAlnum) {
		switch lw := strings.ToLower(w); {
		case lw == "utc" || lw == "gmt" || lw == "z":
			utc = true
		case weekdays[lw] || lw == "at" || lw == "on" || zoneAbbrevs[lw]:
		default:
			return Date{}, false
		}
	}
	d := Date{Precision: Day}
	layout := "2006-01-02"
	if len(m.Value) > 10 {
		d.Precision, layout = Minute, "2006-01-02T15:04:05"
	}
	t, err := time.Parse(layout, m.Value)
	if err != nil {
		return Date{}, false
	}
	d.Time, d.Zoned = t, utc && d.Precision > Day
	return d, true
}

func notAlnum(r rune) bool {
	return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
}

// weekdays are the weekday names, whole and shortened, in lower case.
var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true, "thurs": true, "fri": true, "sat": true, "sun": true,
}

// zoneAbbrevs are the zone abbreviations dropped beside a written date: they are
// ambiguous ("IST", "CST"), so the clock is kept as written, without a zone.
var zoneAbbrevs = map[string]bool{
	"et": true, "est": true, "edt": true, "ct": true, "cst": true, "cdt": true, "mt": true, "mst": true, "mdt": true,
	"pt": true, "pst": true, "pdt": true, "bst": true, "cet": true, "cest": true, "ist": true, "aest": true, "aedt": true,
}

// ISO returns s as an ISO 8601 date or date-time (see Date.ISO), or "" when s is not a
// date Parse reads.
func ISO(s string) string {
	d, ok := Parse(s)
	if !ok {
		return ""
	}
	return d.ISO()
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
