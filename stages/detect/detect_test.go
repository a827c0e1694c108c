package detect

import "testing"

func TestFormat(t *testing.T) {
	tests := []struct {
		name, content, want string
	}{
		{"doctype", "<!DOCTYPE html>\n<html><body>x</body></html>", HTML},
		{"leading whitespace and BOM", "\ufeff  \n<html lang=en>", HTML},
		{"xml declaration then html", `<?xml version="1.0"?><!-- c --><html xmlns="http://www.w3.org/1999/xhtml">`, HTML},
		{"fragment of paragraphs", "<p>One.</p>\n<p>Two.</p>", HTML},
		{"html after preamble text", "saved from url\n<html><body>hi</body></html>", HTML},
		{"plain article", "Syria's Assad plans visit\n\nThe president said <b> is a tag.", Text},
		{"text mentioning html", "Use the <p> tag for paragraphs, she said.", Text},
		{"text starting with a less-than sign", "<3 years later, the town recovered.", Text},
		{"empty", "", Text},
	}
	for _, tt := range tests {
		if got := Format(tt.content); got != tt.want {
			t.Errorf("%s: Format = %s, want %s", tt.name, got, tt.want)
		}
	}
}

func FuzzFormat(f *testing.F) {
	f.Add("<html>")
	f.Add("<!-- x")
	f.Add("<?xml")
	f.Fuzz(func(t *testing.T, s string) {
		if got := Format(s); got != HTML && got != Text {
			t.Fatalf("Format = %q", got)
		}
	})
}
