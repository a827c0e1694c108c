package extract

import (
	"errors"
	"strings"
	"testing"
)

func TestCountTags(t *testing.T) {
	tests := []struct {
		name string
		page string
		want int
	}{
		{"elements", "<html><body><p>One</p><br/></body></html>", 7},
		{"not tags", "a < b, c <= d, <3, <!-- x --> <!DOCTYPE html>", 0},
		{"script text", "<script>if (a<b) { s = '<p>x</p><div>'; }</script><p>y</p>", 4},
		{"style and case", "<STYLE>p<a{}</style ><Script type=x>'</b>'</SCRIPT>", 4},
		{"unclosed script", "<p>x</p><script>'<p>' + '<div>'", 3},
		{"ends on <", "<p>x<", 1},
		{"scripting word", "<scripts><p></p>", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := countTags(tt.page); got != tt.want {
				t.Errorf("countTags(%q) = %d, want %d", tt.page, got, tt.want)
			}
		})
	}
}

// TestExtractRefusesTooManyTags checks that a page of more than MaxTags tags is refused
// before it is parsed (the pipeline then reads it as lines of text), and that one just
// under the limit is read.
func TestExtractRefusesTooManyTags(t *testing.T) {
	article := "<p>" + strings.Repeat("The council met on Tuesday to vote on the harbour bridge. ", 5) + "</p>"
	tests := []struct {
		name  string
		cells int // <td>x</td>: two tags each
		err   error
	}{
		{"under the limit", (MaxTags - 10) / 2, nil},
		{"over the limit", MaxTags/2 + 1, ErrTooManyTags},
		{"a script of tags does not count", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := "<table><tr>" + strings.Repeat("<td>x</td>", tt.cells) + "</tr></table>"
			if tt.cells == 0 {
				body = "<script>var s = '" + strings.Repeat("<td>x</td>", MaxTags) + "';</script>"
			}
			_, err := New().Extract("<html><body>"+article+body+"</body></html>", "")
			if !errors.Is(err, tt.err) {
				t.Errorf("error %v, want %v", err, tt.err)
			}
		})
	}
}
