package extract

import (
	"reflect"
	"testing"
)

func TestUnhide(t *testing.T) {
	tests := []struct {
		name, page string
		want       []Reading
	}{
		{"page with text and a noscript", `<title>T</title><body><p>Text</p><noscript><img src=x></noscript>`,
			[]Reading{{`<title>T</title><body><p>Text</p><img src=x>`, "its text was in <noscript>"}}},
		{"forum in noscript", `<title>T</title><body><NOSCRIPT data-path="/t/1"><p>Post</p></NOSCRIPT ></body>`,
			[]Reading{{`<title>T</title><body><p>Post</p></body>`, "its text was in <noscript>"}}},
		{"runaway title", "<head><title>Bush to Saudis</titlevalue=\"true\"></head><body><p>Oil</p>",
			[]Reading{{"<head><title>Bush to Saudis</title></titlevalue=\"true\"></head><body><p>Oil</p>", "its <title> was not closed"}}},
		{"runaway title and noscript", "<title>A<noscript><p>B</p></noscript>",
			[]Reading{
				{"<title>A</title><noscript><p>B</p></noscript>", "its <title> was not closed"},
				{"<title>A</title><p>B</p>", "its <title> was not closed and its text was in <noscript>"},
			}},
		{"closed title, no noscript", "<title>A</title ><p>B</p>", nil},
		{"names that only begin like the tags", "<titles>A</titles><noscripts>B</noscripts>", nil},
		{"tag never ended", "<title>A</title><noscript", nil},
	}
	for _, tt := range tests {
		if got := Unhide(tt.page); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}
