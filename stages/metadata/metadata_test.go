package metadata

import (
	"reflect"
	"testing"
	"time"

	"github.com/newspipe/newspipe/document"
)

func TestMerge(t *testing.T) {
	html := document.Metadata{Title: "Headline from JSON-LD", Authors: []string{"Ana Ruiz"}, Published: "2021-03-04T10:00:00+01:00"}
	text := document.Metadata{Title: "Headline line", Subtitle: "Standfirst", Authors: []string{"Someone Else"}, Site: "The Paper", Published: "2021-03-03"}
	tests := []struct {
		name      string
		html      document.Metadata
		text      document.Metadata
		published string
		url       string
		want      document.Metadata
	}{
		{"HTML metadata first", html, text, "2020-01-01", "https://www.example.org/a",
			document.Metadata{Title: "Headline from JSON-LD", Subtitle: "Standfirst", Authors: []string{"Ana Ruiz"}, Site: "The Paper", Published: "2021-03-04T10:00:00+01:00"}},
		{"text lines when no HTML", document.Metadata{}, text, "2020-01-01", "",
			document.Metadata{Title: "Headline line", Subtitle: "Standfirst", Authors: []string{"Someone Else"}, Site: "The Paper", Published: "2021-03-03"}},
		{"input field and URL host last", document.Metadata{}, document.Metadata{Title: "T"}, "2020-01-01 08:30", "https://www.example.org/a",
			document.Metadata{Title: "T", Site: "example.org", Published: "2020-01-01T08:30:00"}},
		{"input field in prose form", document.Metadata{}, document.Metadata{Title: "T"}, "June 10, 2018", "",
			document.Metadata{Title: "T", Published: "2018-06-10"}},
		{"canonical URL and authors cleaned", document.Metadata{URL: "https://example.org/a", Authors: []string{"By Meg JamesStaff Writer"}, Site: "Planet"},
			document.Metadata{}, "", "", document.Metadata{URL: "https://example.org/a", Authors: []string{"Meg James"}, Site: "Planet"}},
		{"update date only when no publication date", document.Metadata{Updated: "2024-03-13"}, document.Metadata{Title: "T"}, "", "",
			document.Metadata{Title: "T", Published: "2024-03-13", Updated: "2024-03-13"}},
		{"publication date of the text over the update date", document.Metadata{Updated: "2024-03-13"}, document.Metadata{Published: "March 1, 2024"}, "", "",
			document.Metadata{Published: "2024-03-01", Updated: "2024-03-13"}},
		{"input field over the update date", document.Metadata{Updated: "2024-03-13"}, document.Metadata{}, "2024-02-01", "",
			document.Metadata{Published: "2024-02-01", Updated: "2024-03-13"}},
		{"unreadable dates dropped", document.Metadata{Published: "last Tuesday"}, document.Metadata{}, "soon", "",
			document.Metadata{}},
	}
	for _, tt := range tests {
		if got := Merge(tt.html, tt.text, tt.published, tt.url); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
	}
}

func TestISO(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2018-06-10T12:39:00", "2018-06-10T12:39:00"},
		{"2018-06-10T12:39", "2018-06-10T12:39:00"},
		{"2018-06-10T12:39:00Z", "2018-06-10T12:39:00Z"},
		{"2018-06-10T12:39:00.123+08:00", "2018-06-10T12:39:00+08:00"},
		{"2018-06-10", "2018-06-10"},
		{"Sun, 10 Jun 2018 12:39:00 +0800", "2018-06-10T12:39:00+08:00"},
		{"June 10", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := ISO(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("ISO(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestReference(t *testing.T) {
	fallback := time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2018-06-10T23:39:00+08:00", time.Date(2018, 6, 10, 0, 0, 0, 0, time.UTC)},
		{"2018-06-10", time.Date(2018, 6, 10, 0, 0, 0, 0, time.UTC)},
		{"2019-11-18T21:30:00-08:00", time.Date(2019, 11, 18, 0, 0, 0, 0, time.UTC)}, // the 19th in UTC
		{"June 10, 2018", time.Date(2018, 6, 10, 0, 0, 0, 0, time.UTC)},
		{"", fallback},
		{"not a date", fallback},
	}
	for _, tt := range tests {
		if got := Reference(tt.in, fallback); !got.Equal(tt.want) {
			t.Errorf("Reference(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
