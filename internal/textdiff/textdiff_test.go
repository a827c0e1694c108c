package textdiff

import "testing"

func TestUnified(t *testing.T) {
	tests := []struct {
		name, a, b, want string
	}{
		{"equal", "x\ny", "x\ny", ""},
		{"changed line", "a\nb\nc\nd\ne", "a\nb\nC\nd\ne", "@@ line 2\n b\n-c\n+C\n d\n"},
		{"added line", "a\nb", "a\nnew\nb", "@@ line 1\n a\n+new\n b\n"},
		{"two hunks", "1\n2\n3\n4\n5\n6\n7", "x\n2\n3\n4\n5\n6\ny", "@@ line 1\n-1\n+x\n 2\n@@ line 6\n 6\n-7\n+y\n"},
	}
	for _, tt := range tests {
		if got := Unified(tt.a, tt.b, 1); got != tt.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tt.name, got, tt.want)
		}
	}
}
