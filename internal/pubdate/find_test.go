package pubdate

import (
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"June 10, 2018, 12:39 PM", "2018-06-10T12:39:00"},
		{"10 June 2018", "2018-06-10"},
		{"Nov 13, 2019 4:26 pm", "2019-11-13T16:26:00"},
		{"Posted by Michael David Smith on November 19, 2019, 6:21 AM EST", "2019-11-19T06:21:00"},
		{"Reuters November 18, 2019 11:03 PM", "2019-11-18T23:03:00"},
		{"Nov. 20, 2019", "2019-11-20"},
		{"Updated: 2019-11-18 10:30", "2019-11-18T10:30:00"},
		{"Tuesday, 5 March 2019 at 12:05 am", "2019-03-05T00:05:00"},
		{"February 29, 2019", ""}, // not a leap year
		{"February 29, 2020", "2020-02-29"},
		{"Published 3 hours ago", ""},
		{"May the force be with you in 2019", ""},
		{"the 12 June 1999 vote", "1999-06-12"},
		{"", ""},
		{"Published 14:05 GMT, 2 March 2022", "2022-03-02T14:05:00"},
		{"9:30 pm on June 10, 2018", "2018-06-10T21:30:00"},
		{"Published: 27/05/2024", "2024-05-27"},
		{"12/19/2025", "2025-12-19"},
		{"23.07.2025 · 6 min read", "2025-07-23"},
		{"2019/11/18", "2019-11-18"},
		{"Posted on the 15/12/2025 at 19:00", "2025-12-15T19:00:00"},
		{"03/01/2017", ""},                                // the 3rd of January or March the 1st
		{"31/02/2024", ""},                                // no such day
		{"v1.2.2024.5", ""},                               // a version number
		{"15-12-2025-1", ""},                              // a reference number
		{"Updated 06.18.2025", "2025-06-18"},              // month.day.year, as some American sites write it
		{"13.13.2024", ""},                                // no 13th month either way
		{"Cureus. 2023 Jan 7;15(1):e33475", "2023-01-07"}, // year, month, day, as journals write it
		{"Received 2022 Oct 12; Accepted 2023 Jan 7", "2022-10-12"},
		{"2019 Jan 7, 2020", "2020-01-07"}, // a year, then a month-day-year date
	}
	for _, tt := range tests {
		if got := Find(tt.in).Value; got != tt.want {
			t.Errorf("Find(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseDateSpan(t *testing.T) {
	in := "Matthias Ang | June 10, 2018, 12:39 PM"
	d := Find(in)
	if got := in[d.Start:d.End]; got != "June 10, 2018, 12:39 PM" {
		t.Errorf("date text = %q", got)
	}
}

func TestHasNumericDate(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Carlos Nadalim 27/09/2018 Comente!", true},
		{"Updated 2019/11/18", true},
		{"9.11.2019", true},
		{"Score 3-1-2 in the final", false},
		{"Version 2.26 released", false},
	}
	for _, tt := range tests {
		if got := HasNumericDate(tt.in); got != tt.want {
			t.Errorf("HasNumericDate(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestNumericOrder(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     Order
	}{
		{"month first", "12/16/2025 and 01/31/2025", MonthFirst},
		{"day first", "16/12/2025", DayFirst},
		{"dots count too", "10.28.2025", MonthFirst},
		{"ambiguous only", "03/01/2017", OrderUnknown},
		{"both orders", "12/16/2025 16/12/2025", OrderUnknown},
		{"no date", "Version 2.26 released", OrderUnknown},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := NumericOrder(tc.in); got != tc.want {
				t.Errorf("NumericOrder(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestFindOrdered(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		order    Order
		want     string
	}{
		{"month first", "03/01/2017", MonthFirst, "2017-03-01"},
		{"day first", "03/01/2017", DayFirst, "2017-01-03"},
		{"unknown stays unread", "03/01/2017", OrderUnknown, ""},
		{"dots month first", "09.10.2024", MonthFirst, "2024-09-10"},
		{"dots without an order: day first", "09.10.2024", OrderUnknown, "2024-10-09"},
		{"a day above 12 decides whatever the order", "27/05/2024", MonthFirst, "2024-05-27"},
		{"year first is no day-month question", "2019/11/03", DayFirst, "2019-11-03"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := FindOrdered(tc.in, tc.order).Value; got != tc.want {
				t.Errorf("FindOrdered(%q, %v) = %q, want %q", tc.in, tc.order, got, tc.want)
			}
		})
	}
}

// numericOrderOfTokens is NumericOrder over every token of s, as dateTokens reads them:
// the reference its scan of numbers alone must agree with.
func numericOrderOfTokens(s string) Order {
	toks := dateTokens(s)
	var votes orderVotes
	for i := 0; i+2 < len(toks); i++ {
		if numericShape(s, toks[i], toks[i+1], toks[i+2]) && isYear(toks[i+2]) {
			votes.add(toks[i].num, toks[i+1].num)
		}
	}
	return votes.order()
}

func TestNumericOrderReadsNumbersAsTokens(t *testing.T) {
	texts := []string{
		"12/16/2025", "16/12/2025", "Posted 12/16/2025 and 16.12.2025", "1st/2nd/2024", "13th/2/2024",
		"a12/13/2024", "12a/13/2024", "12/13/20245", "12/13/2024/", "x 03/01/2017 y 12/19/2025",
		"12345/13/2024", "5/13/2024th", "27-05-2024", "Thu, 09/25/2025 - 11:38", "",
	}
	// Strings of digits, separators, letters and ordinal suffixes, in a fixed order.
	parts := []string{"1", "12", "13", "31", "2024", "19999", "/", ".", "-", " ", "st", "th", "a", "x/", "07"}
	seed := uint32(1)
	for range 3000 {
		var b strings.Builder
		for range 9 {
			seed = seed*1664525 + 1013904223
			b.WriteString(parts[seed>>16%uint32(len(parts))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		if got, want := NumericOrder(s), numericOrderOfTokens(s); got != want {
			t.Errorf("NumericOrder(%q) = %v, want %v", s, got, want)
		}
	}
}
