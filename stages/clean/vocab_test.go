package clean

import "testing"

func TestPunctPhrasesHavePrecheckChars(t *testing.T) {
	for _, p := range punctPhrases {
		found := false
		for _, c := range ":(/&" {
			for _, r := range p.text {
				found = found || r == c
			}
		}
		if !found {
			t.Errorf("phrase %q has punctuation but none of the characters findVocab looks for first", p.text)
		}
	}
}

func TestFindVocab(t *testing.T) {
	tests := []struct {
		in   string
		want vocabHits
	}{
		{"sign up for our newsletters", vNewsletter},
		{"his popularity is skyrocketing", 0},
		{"most popular", vRelated},
		{"photo: jane doe", vCredit},
		{"source: the ministry", vCredit},
		{"share this article on facebook", vShare},
		{"comments", vComment},
		{"we use cookies to improve your experience", vCookie},
		{"the home-improvement retailer earned $2.8 billion", 0},
	}
	for _, tt := range tests {
		if got := findVocab(tt.in); got != tt.want {
			t.Errorf("findVocab(%q) = %b, want %b", tt.in, got, tt.want)
		}
	}
}

func TestIsStopWord(t *testing.T) {
	var buf [24]byte
	for _, tt := range []struct {
		in   string
		want bool
	}{{"The", true}, {"themselves", true}, {"Yourselves", true}, {"don't", true}, {"council", false}, {"theirselves", false}, {"", false}} {
		if got := isStopWord(tt.in, &buf); got != tt.want {
			t.Errorf("isStopWord(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestHasTimeStamp(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"clock time", "martin bento 11.07.12 at 12:32 am", true},
		{"slashdot stamp", "by mcgrew (92797) * on tuesday july 24, @11:35am (#40750343) journal", true},
		{"day and abbreviated month", "ash menon 08 nov 12", true},
		{"month and day", "posted on sept. 8", true},
		{"age", "jane roe 3 hours ago", true},
		{"ratio is no time", "the vote was 12-3 in favour", false},
		{"may as a verb", "you may 2x the dose", false},
		{"score", "chelsea 2 arsenal 1", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hasTimeStamp(tt.in); got != tt.want {
				t.Errorf("hasTimeStamp(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}
