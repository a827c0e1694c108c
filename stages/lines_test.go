package stages

import (
	"strings"
	"testing"
)

func TestLineBlocks(t *testing.T) {
	tests := []struct {
		name    string
		lines   []string
		max     int
		want    []string
		warning string
	}{
		{"under the limit", []string{"a", "", "b", "c"}, 3, []string{"a", "b", "c"}, ""},
		{"empty lines do not count", []string{"", "a", "", "", "b", ""}, 2, []string{"a", "b"}, ""},
		{"grouped in order", []string{"a", "b", "", "c", "d", "e"}, 2, []string{"a\nb\nc", "d\ne"},
			"5 lines, more than 2: every 3 lines were judged as one block"},
		{"exact groups", []string{"a", "b", "c", "d"}, 2, []string{"a\nb", "c\nd"},
			"4 lines, more than 2: every 2 lines were judged as one block"},
		{"nothing", []string{"", ""}, 2, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks, warning := lineBlocks(tt.lines, tt.max)
			var got []string
			for _, b := range blocks {
				got = append(got, b.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("blocks = %q, want %q", got, tt.want)
			}
			if warning != tt.warning {
				t.Errorf("warning = %q, want %q", warning, tt.warning)
			}
			if len(blocks) > tt.max {
				t.Errorf("%d blocks, more than %d", len(blocks), tt.max)
			}
		})
	}
}
