package clean

import (
	"strings"
	"testing"

	"github.com/newspipe/newspipe/stages/extract"
)

// TestUntoldReasons checks that the reasons the extractor gives blocks that no element
// explains are those the per-block return judges.
func TestUntoldReasons(t *testing.T) {
	para := "<p>" + strings.Repeat("The council voted on the bridge repairs after a long debate. ", 4) + "</p>"
	tests := []struct {
		name, html, text string
	}{
		{
			name: "a line wholly a link inside the article",
			html: "<html><body><article><h1>Bridge</h1>" + para + `<p><a href="/report">See: the engineers' report on the piers</a></p>` + para + para + "</article></body></html>",
			text: "See: the engineers' report on the piers",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := extract.New().Extract(tt.html, "https://example.com/bridge")
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range page.Blocks {
				if b.Text == tt.text {
					if !untold(b.Outside) {
						t.Errorf("block %q: reason %q is not untold", b.Text, b.Outside)
					}
					return
				}
			}
			t.Fatalf("no block %q among %v", tt.text, page.Blocks)
		})
	}
}
