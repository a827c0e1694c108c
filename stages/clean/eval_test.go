package clean

import "testing"

func TestPageHost(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<link rel="canonical" href="https://www.example.com/a/b">`, "example.com"},
		{`<meta property="og:url" content="http://news.example.org/x">`, "news.example.org"},
		{`<p>no link</p>`, ""},
	}
	for _, tt := range tests {
		if got := pageHost([]byte(tt.in)); got != tt.want {
			t.Errorf("pageHost(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
