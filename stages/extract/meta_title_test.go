package extract

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestTitleCuts(t *testing.T) {
	tests := []struct {
		name, title string
		want        []titleCut
	}{
		{"no separator", "Storm closes schools", nil},
		{"one separator", "Storm closes schools | Daily Planet",
			[]titleCut{{"Storm closes schools", false}, {"Daily Planet", true}}},
		{"two kinds of separators", "Gym Workouts — Strength Training - Gold's Gym",
			[]titleCut{{"Gym Workouts — Strength Training", false}, {"Gold's Gym", true},
				{"Gym Workouts", false}, {"Strength Training - Gold's Gym", true}}},
		{"a separator at the edge cuts nothing", "| Daily Planet", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := titleCuts(tt.title); !slices.Equal(got, tt.want) {
				t.Errorf("titleCuts(%q) = %v, want %v", tt.title, got, tt.want)
			}
		})
	}
}

// titleCandidatesOf reads the title candidates of a page as resolve does.
func titleCandidatesOf(t *testing.T, page string) []TitleCandidate {
	t.Helper()
	cands, err := TitleCandidates(page)
	if err != nil {
		t.Fatal(err)
	}
	return cands
}

func TestTitleCandidateFeatures(t *testing.T) {
	page := `<html><head><title>Storm closes schools | Daily Planet</title>
		<meta property="og:title" content="Storm closes schools">
		<meta property="og:site_name" content="Daily Planet"></head>
		<body><h1>Daily Planet</h1><article><h1>Storm closes schools</h1><p>Text.</p></article></body></html>`
	cands := titleCandidatesOf(t, page)
	byText := map[string]TitleCandidate{}
	for _, c := range cands {
		byText[c.Text] = c
	}
	tests := []struct {
		name, text string
		feature    int
		want       float64
	}{
		{"the rule's title comes first", cands[0].Text, tRule, 1},
		{"og:title", "Storm closes schools", tOG, 1},
		{"the <title> without the site's name", "Storm closes schools", tSiteCut, 1},
		{"the article's headline", "Storm closes schools", tArticleHeadline, 1},
		{"declared and shown", "Storm closes schools", tDeclaredVisible, 1},
		{"first headline", "Storm closes schools", tFirstHeadline, 1},
		{"the site's <h1> is the site's name", "Daily Planet", tSiteName, 1},
		{"the site's <h1> is no article headline", "Daily Planet", tArticleHeadline, 0},
		{"the site's <h1> is a page headline", "Daily Planet", tPageHeadline, 1},
		{"the <title> whole holds a separator", "Storm closes schools | Daily Planet", tSeparator, 1},
		{"the part before the separator", "Storm closes schools", tHead, 1},
		{"the part after the separator", "Daily Planet", tTail, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := byText[tt.text]
			if !ok {
				t.Fatalf("no candidate %q among %v", tt.text, cands)
			}
			if got := c.Features[tt.feature]; got != tt.want {
				t.Errorf("%q: %s = %v, want %v", tt.text, TitleFeatureNames[tt.feature], got, tt.want)
			}
		})
	}
	if cands[0].Text != "Storm closes schools" {
		t.Errorf("the rule's title = %q, want the article's headline", cands[0].Text)
	}
}

func TestTitleChoice(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"the headline agreeing with the declared title",
			`<title>Storm closes all city schools on Monday - Daily Planet</title></head><body><article><h1>Storm closes city schools on Monday</h1></article>`,
			"Storm closes city schools on Monday"},
		{"the declared title when the <h1> is the site's name",
			`<title>Storm closes all city schools | Daily Planet</title><meta property="og:site_name" content="Daily Planet"></head><body><h1>Daily Planet</h1>`,
			"Storm closes all city schools"},
		{"a headline alone", `</head><body><article><h1>Storm closes schools</h1><p>Text.</p></article>`, "Storm closes schools"},
		{"the declared title alone, without the site's name",
			`<title>Storm closes schools – Daily Planet</title><meta property="og:site_name" content="Daily Planet">`,
			"Storm closes schools"},
		{"no title", `</head><body><p>Text.</p>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<html><head>" + tt.page + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			if got := readMeta(root).Title; got != tt.want {
				t.Errorf("title = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTitleModelRoundTrip(t *testing.T) {
	w, err := ParseTitleModel(titleJSON)
	if err != nil {
		t.Fatal(err)
	}
	b, err := EncodeTitleModel(w)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != string(titleJSON) {
		t.Error("title.json is not as EncodeTitleModel writes it: retrain with newspipe-dev train title")
	}
	if _, err := ParseTitleModel([]byte(`{"features": ["JSON-LD headline"], "weights": [1, 0]}`)); err == nil {
		t.Error("weights of other features were read")
	}
}

func TestTrimDecoration(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"arrows", "=> The One to Watch <=", "The One to Watch"},
		{"shapes", "::► The One to Watch ◄::", "The One to Watch"},
		{"stars", "** The One to Watch **", "The One to Watch"},
		{"dangling separator", "The One to Watch |", "The One to Watch"},
		{"question", "Is it over?", "Is it over?"},
		{"quotes", "\"The One to Watch\"", "\"The One to Watch\""},
		{"plus", "Learn C++", "Learn C++"},
		{"brackets", "(Video) The One to Watch [Update]", "(Video) The One to Watch [Update]"},
		{"currency", "$5 billion deal", "$5 billion deal"},
		{"degrees", "Temperatures hit 40°", "Temperatures hit 40°"},
		{"nothing but signs", " => ", "=>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := trimDecoration(tt.in); got != tt.want {
				t.Errorf("trimDecoration(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
