package pubdate

import (
	"fmt"
	"testing"
	"time"
)

func TestISO(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"local date-time", "2018-06-10T12:39:00", "2018-06-10T12:39:00"},
		{"UTC", "2018-06-10T12:39:00Z", "2018-06-10T12:39:00Z"},
		{"offset kept", "2018-06-10T12:39:00.000-05:00", "2018-06-10T12:39:00-05:00"},
		{"offset without colon", "2018-06-10T12:39:00+0200", "2018-06-10T12:39:00+02:00"},
		{"minutes and offset", "2018-06-10T12:39+02:00", "2018-06-10T12:39:00+02:00"},
		{"date", "2018-06-10", "2018-06-10"},
		{"space between date and time", "2018-06-10 12:39:00", "2018-06-10T12:39:00"},
		{"GMT is a zone", "2019-11-18 17:19:53 GMT", "2019-11-18T17:19:53Z"},
		{"JavaScript form", "Tue Nov 19 2019 05:44:06 GMT+0000", "2019-11-19T05:44:06Z"},
		{"day month year GMT", "19 Nov 2019 07:09 GMT", "2019-11-19T07:09:00Z"},
		{"ambiguous abbreviation dropped", "November 19, 2019, 07:47 PM EST", "2019-11-19T19:47:00"},
		{"RFC 1123 with offset", "Tue, 19 Nov 2019 07:09:00 +0100", "2019-11-19T07:09:00+01:00"},
		{"JSON Lines field", "June 10, 2018", "2018-06-10"},
		{"abbreviated month with stop", "Nov. 13, 2019", "2019-11-13"},
		{"weekday first", "Monday, June 11, 2018", "2018-06-11"},
		{"day first", "10 June 2018", "2018-06-10"},
		{"dotted European", "10.06.2018", "2018-06-10"},
		{"spaces collapsed", "  June   10, 2018 ", "2018-06-10"},
		{"year zero", "0001-01-01T00:00:00Z", ""},
		{"relative", "yesterday", ""},
		{"empty", "", ""},
		{"no day", "June 2018", ""},
		{"Drupal's weekday, numbers and time", "Thu, 09/25/2025 - 11:38", "2025-09-25T11:38:00"},
		{"year month day of journals", "2023 Jan 7", "2023-01-07"},
		{"written time with UTC", "June 10, 2018 at 9:05 am UTC", "2018-06-10T09:05:00Z"},
		{"written time, ambiguous zone dropped", "January 2, 2025, 9:06am CST", "2025-01-02T09:06:00"},
		{"a label is no field of one date", "Posted June 10, 2018", ""},
		{"ambiguous numbers stay unread", "Thu, 03/01/2017 - 11:38", ""},
		{"JavaScript form with the zone's name", "Mon Dec 23 2024 18:24:18 GMT+0000 (Coordinated Universal Time)", "2024-12-23T18:24:18Z"},
		{"JavaScript form with the zone's abbreviation", "Mon Dec 23 2024 18:24:18 GMT+0000 (UTC)", "2024-12-23T18:24:18Z"},
		{"brackets of other words are no zone", "Mon Dec 23 2024 18:24:18 GMT+0000 (v2)", ""},
		{"brackets without a GMT offset stay", "June 10, 2018 (Updated)", ""},
		{"year month day between spaces", "2025 09 09", "2025-09-09"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ISO(tt.in); got != tt.want {
				t.Errorf("ISO(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLocalDay(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"evening west of UTC stays that day", "2019-11-18T21:30:00-08:00", "2019-11-18"},
		{"morning east of UTC stays that day", "2019-11-19T01:30:00+09:00", "2019-11-19"},
		{"local time", "2019-11-18T23:59:00", "2019-11-18"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := Parse(tt.in)
			if !ok {
				t.Fatalf("Parse(%q) failed", tt.in)
			}
			if got := d.LocalDay().Format("2006-01-02"); got != tt.want {
				t.Errorf("LocalDay = %s, want %s", got, tt.want)
			}
		})
	}
}

func ExampleParse() {
	d, _ := Parse("2019-11-18T21:30:00-08:00")
	fmt.Println(d.ISO(), d.LocalDay().Format("2006-01-02"))
	d, _ = Parse("June 10, 2018")
	fmt.Println(d.ISO())
	// Output:
	// 2019-11-18T21:30:00-08:00 2019-11-18
	// 2018-06-10
}

// FuzzLayoutStart checks what Parse's skip relies on: time.Parse accepts a text with
// a layout only when both start with a digit or both do not.
func FuzzLayoutStart(f *testing.F) {
	for _, s := range []string{"2024-06-01", "June 1, 2024", "Mon, 02 Jan 2006 15:04:05 MST", "1 May 2020", "+2024-06-01", " 2024"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if s == "" {
			return
		}
		for _, l := range layouts {
			if _, err := time.Parse(l.layout, s); err == nil && isDigit(l.layout[0]) != isDigit(s[0]) {
				t.Fatalf("time.Parse(%q, %q) succeeds, but Parse skips that layout", l.layout, s)
			}
		}
	})
}
