package clean

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestStoredHeadlineModel(t *testing.T) {
	w, err := ParseHeadlineModel(headlineWeights)
	if err != nil {
		t.Fatal(err)
	}
	if len(w) != HeadlineFeatures+1 {
		t.Fatalf("%d weights for %d features", len(w), HeadlineFeatures)
	}
	data, err := EncodeHeadlineModel(w)
	if err != nil {
		t.Fatal(err)
	}
	if again, err := ParseHeadlineModel(data); err != nil || !reflect.DeepEqual(again, w) {
		t.Errorf("encode/parse round trip: %v, %v", again, err)
	}
	tests := []struct {
		name, json string
	}{
		{"not JSON", "{"},
		{"other features", `{"features": ["distance"], "weights": [1, 0]}`},
		{"missing weights", `{"features": ` + quoteAll(headlineFeatureNames) + `, "weights": [1]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ParseHeadlineModel([]byte(tt.json)); err == nil {
				t.Error("no error")
			}
		})
	}
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = `"` + n + `"`
	}
	return "[" + strings.Join(q, ",") + "]"
}

// TestFitHeadlineLearnsTheEvidence fits weights to candidates where only one feature tells
// the headline, and checks the fitted scorer ranks by it.
func TestFitHeadlineLearnsTheEvidence(t *testing.T) {
	var xs [][]float64
	var ys []float64
	for i := range 40 {
		x := make([]float64, HeadlineFeatures)
		x[0] = float64(i%7) / 10 // distance: noise
		y := 0.0
		if i%4 == 0 {
			x[7], y = 1, 1 // the body's words
		}
		xs, ys = append(xs, x), append(ys, y)
	}
	w := FitHeadline(xs, ys, 0.1)
	with, without := make([]float64, HeadlineFeatures), make([]float64, HeadlineFeatures)
	with[7] = 1
	if ScoreHeadline(w, with) <= ScoreHeadline(w, without) {
		t.Errorf("weights %v do not prefer the line with the body's words", w)
	}
	if again := FitHeadline(xs, ys, 0.1); !reflect.DeepEqual(again, w) {
		t.Error("fitting twice gave different weights")
	}
}

// TestHeadlineCandidatesOnSeeds checks that the training data of the headline scorer
// holds the line the cleaner takes for the headline of each seed article.
func TestHeadlineCandidatesOnSeeds(t *testing.T) {
	dir := sharedDir(t, "seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skip("no seed pages")
	}
	c := New()
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		blocks := SplitLines(string(raw))
		title := c.Clean(blocks).Meta.Title
		if title == "" {
			t.Errorf("%s: no title", filepath.Base(f))
			continue
		}
		found := false
		for _, h := range c.HeadlineCandidates(blocks) {
			found = found || h.Text == title
		}
		if !found {
			t.Errorf("%s: the title %q is not among the headline candidates", filepath.Base(f), title)
		}
	}
}

func TestBodyFirstLineAsHeadline(t *testing.T) {
	lines := []string{"Home", "About",
		"Pixel heroes and villains drawn by a reader",
		"The artist drew every hero of the comics in sixteen colours and posted the set on Tuesday.",
		"Name (required)", "Website"}
	tests := []struct {
		name string
		body []int // the lines the classifier kept
		want bool  // the body's first line is a candidate
	}{
		{"the body's only line stays the article", []int{2}, false},
		{"a first line over form labels stays the article", []int{2, 4, 5}, false},
		{"a first line over more body may be the headline", []int{2, 3}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info := analyseBlocks(linesToBlocks(lines))
			keep := make([]bool, len(lines))
			reasons := make([]string, len(lines))
			for _, i := range tt.body {
				keep[i] = true
			}
			got := false
			for _, c := range headlineCandidates(info, keep, reasons, 2, 2, -1, false) {
				got = got || c.line == 2
			}
			if got != tt.want {
				t.Errorf("body's first line is a candidate: %v, want %v", got, tt.want)
			}
		})
	}
}

// TestQuestionFirstLineAsHeadline checks that the body's first line is weighed as the
// headline when it asks a question, and also under a byline and its time: neither makes it
// the article's first sentence.
func TestQuestionFirstLineAsHeadline(t *testing.T) {
	prose := "The artist drew every hero of the comics in sixteen colours and posted the set on Tuesday."
	tests := []struct {
		name   string
		lines  []string
		first  int
		byline int            // the byline's line, or -1
		html   bool           // the lines are the HTML extractor's blocks
		reason map[int]string // the reasons the rules gave lines above the body
		want   bool
	}{
		{"a question", []string{"Home", "What do people love about Rust?", prose, prose}, 1, -1, false, nil, true},
		{"under the byline and its time",
			[]string{"Home", "Andrew King", "5:50 am", "Top Nutrition Trends for Fall 2025", prose, prose},
			3, 1, false, map[int]string{1: reasonAuthor}, true},
		{"a sentence", []string{"Home", "Rust is loved by the people who use it.", prose, prose}, 1, -1, false, nil, false},
		// The extractor's body starts under the headline: a question that opens it is prose.
		{"a question in HTML", []string{"Home", "What do people love about Rust?", prose, prose}, 1, -1, true, nil, false},
		{"a title in HTML", []string{"Home", "Top Nutrition Trends for Fall 2025", prose, prose}, 1, -1, true, nil, true},
		{"under the byline and its time in HTML",
			[]string{"Home", "Andrew King", "5:50 am", "Top Nutrition Trends for Fall 2025", prose, prose},
			3, 1, true, map[int]string{1: reasonAuthor}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info := analyseBlocks(linesToBlocks(tt.lines))
			keep := make([]bool, len(tt.lines))
			reasons := make([]string, len(tt.lines))
			for i := tt.first; i < len(keep); i++ {
				keep[i] = true
			}
			for i, r := range tt.reason {
				reasons[i] = r
			}
			got := false
			for _, c := range headlineCandidates(info, keep, reasons, tt.first, tt.first, tt.byline, tt.html) {
				got = got || c.line == tt.first && c.text == ""
			}
			if got != tt.want {
				t.Errorf("body's first line is a candidate: %v, want %v", got, tt.want)
			}
		})
	}
}

func TestBeforeSeparator(t *testing.T) {
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{"site after a bar", "Go ahead, self-host Postgres | Pierce Freeman", "Go ahead, self-host Postgres", true},
		{"tagline after a dash", "15 Language Learning Apps Compared - Personally Tested", "15 Language Learning Apps Compared", true},
		{"the first separator", "Best Residential Movers in NYC 2025 | Top 19 Companies | Movers", "Best Residential Movers in NYC 2025", true},
		{"no separator", "What do people love about Rust?", "", false},
		{"one word before it", "Blog | The Best Notion Alternatives", "", false},
		{"a long second part is no site", "Tax 101 - A guide to the types of taxes Americans pay and how they work", "", false},
		{"a hyphen inside a word", "Hot-Swappable Keyboards Explained", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := beforeSeparator(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("beforeSeparator(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestAfterSeparator(t *testing.T) {
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{"breadcrumb trail", "Home > Blog > Top Dental Resolutions for 2025", "Top Dental Resolutions for 2025", true},
		{"slash glued to the headline", "Home /Cheap Fixes Are the Best!", "Cheap Fixes Are the Best!", true},
		{"slashes without spaces", "Newsroom/Online learning tips/Graphic design: Which program is right for you?", "Graphic design: Which program is right for you?", true},
		{"headline, site, headline", "Go ahead, self-host Postgres | Jane Roe | Go ahead, self-host Postgres", "Go ahead, self-host Postgres", true},
		{"site then headline", "Jane Roe's Blog » Notes on Rust", "Notes on Rust", true},
		{"no separator", "What do people love about Rust?", "", false},
		{"one word after it", "Tips & Tools / Reviews", "", false},
		{"a number's slash", "Support 24/7 for all our customers", "", false},
		{"an address", "Read it at https://example.com/notes/on-rust", "", false},
		{"a long first part is no trail", "We looked at every option there is for you and your family this year | Read more now", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := afterSeparator(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("afterSeparator(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestCallToAction(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Partner With Us", true},
		{"Submit Your Book", true},
		{"Start My Free Trial", true},
		{"Please select from the following options:", true},
		{"Employers drop coverage for weight loss drugs", false},
		{"Startups get cheaper", false}, // "startups" is no "start"
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := callToAction(lowerASCII(tt.line)); got != tt.want {
				t.Errorf("callToAction(%q) = %v, want %v", tt.line, got, tt.want)
			}
		})
	}
}

// TestPageTitleCandidates checks that a page title "Headline | Site" is weighed whole,
// cut before its separator (and that this candidate says so) and after it, as "Site |
// Headline" would be.
func TestPageTitleCandidates(t *testing.T) {
	lines := []string{"Home", "Go ahead, self-host Postgres | Pierce Freeman", "Climate Change",
		"Running your own database is less work than the cloud vendors would have you believe, and it costs far less.",
		"I have run Postgres on my own servers for ten years and it has been the least of my worries."}
	info := analyseBlocks(linesToBlocks(lines))
	keep := []bool{false, false, false, true, true}
	reasons := make([]string, len(lines))
	got := map[string]float64{}
	for _, c := range headlineCandidates(info, keep, reasons, 3, 3, -1, false) {
		got[c.textOf(info)] = c.x[34]
	}
	want := map[string]float64{
		"Go ahead, self-host Postgres | Pierce Freeman": 0,
		"Go ahead, self-host Postgres":                  1,
		"Pierce Freeman":                                0,
		"Climate Change":                                0,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("candidates (text: cut) %v, want %v", got, want)
	}
}

// TestStandfirstPair checks the features that tell a headline from the standfirst under it.
func TestStandfirstPair(t *testing.T) {
	lines := []string{"Home", "Making Google Sans Flex",
		"How seven design problems shaped Google's typeface, from its first sketches to its release",
		"The type team started from a sketch in 2019 and shipped the family to every product this year.",
		"It took six years of work on the widths and the weights of every letter to get there."}
	info := analyseBlocks(linesToBlocks(lines))
	keep := []bool{false, false, false, true, true}
	reasons := make([]string, len(lines))
	got := map[int][4]float64{}
	for _, c := range headlineCandidates(info, keep, reasons, 3, 3, -1, false) {
		got[c.line] = [4]float64{c.x[35], c.x[36], c.x[40], c.x[41]}
	}
	// The line below the headline says more, and so does the body's line below the
	// standfirst: only the pair of candidates tells them apart.
	tests := []struct {
		name string
		line int
		want [4]float64 // line at least as long below, shorter headline above, longer candidate below, shorter candidate above
	}{
		{"the headline has a longer line below", 1, [4]float64{1, 0, 1, 0}},
		{"the standfirst has a shorter headline above", 2, [4]float64{1, 1, 0, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, ok := got[tt.line]
			if !ok {
				t.Fatalf("line %d is no candidate", tt.line)
			}
			if x != tt.want {
				t.Errorf("features %v, want %v", x, tt.want)
			}
		})
	}
}

// TestSentenceCaseFeature checks that a long line in sentence case, a standfirst's shape,
// weighs more than a headline in title case or a short one.
func TestSentenceCaseFeature(t *testing.T) {
	lines := []string{"Home", "What Meditation Can Do for You (and How To Get Started)",
		"From breath meditation to yoga nidra, all types of meditation aim to help you feel calmer",
		"Making Google Sans Flex", "Vibe coding",
		"The practice is old and the research on it is young, but both say that a few minutes a day help.",
		"It took the researchers six years of work to show how much a few minutes a day can change."}
	info := analyseBlocks(linesToBlocks(lines))
	keep := []bool{false, false, false, false, false, true, true}
	reasons := make([]string, len(lines))
	got := map[int]float64{}
	for _, c := range headlineCandidates(info, keep, reasons, 5, 5, -1, false) {
		if c.text == "" {
			got[c.line] = c.x[42]
		}
	}
	for _, tt := range []struct {
		name         string
		line, weaker int // line's feature must exceed weaker's
	}{
		{"a standfirst over a headline in title case", 2, 1},
		{"a standfirst over a short headline in title case", 2, 3},
		{"a long line over a short one, both in sentence case", 2, 4},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, okA := got[tt.line]
			b, okB := got[tt.weaker]
			if !okA || !okB {
				t.Fatalf("lines %d and %d are not both candidates: %v", tt.line, tt.weaker, got)
			}
			if a <= b {
				t.Errorf("%q weighs %.3f, not more than %q (%.3f)", lines[tt.line], a, lines[tt.weaker], b)
			}
		})
	}
}

// TestBreadcrumbFeatures checks the features of a headline that ends a breadcrumb trail
// and of the trail.
func TestBreadcrumbFeatures(t *testing.T) {
	lines := []string{"Home", "Home / Tips & Tools / Book Reviews", "Book Reviews", "2. Costs Vary Widely",
		"A book review is a description, critical analysis and evaluation of a book's quality and meaning.",
		"This handout explains how to write one, from the first reading to the last draft of the review."}
	info := analyseBlocks(linesToBlocks(lines))
	keep := []bool{false, false, false, false, true, true}
	reasons := make([]string, len(lines))
	got := map[string][3]float64{}
	for _, c := range headlineCandidates(info, keep, reasons, 4, 4, -1, false) {
		if c.text != "" {
			continue // the trail's last part, cut from its line: see TestTrailCandidate
		}
		got[c.textOf(info)] = [3]float64{c.x[37], c.x[38], c.x[39]}
	}
	want := map[string][3]float64{ // ends a line nearby, ends with a line nearby, numbered
		"Home / Tips & Tools / Book Reviews": {0, 1, 0},
		"Book Reviews":                       {1, 0, 0},
		"2. Costs Vary Widely":               {0, 0, 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("candidates %v, want %v", got, want)
	}
}

// TestTrailCandidate checks that the last part of a breadcrumb trail standing above the
// body is weighed as a headline, on the trail's line.
func TestTrailCandidate(t *testing.T) {
	lines := []string{"Home > Blog > Top Dental Resolutions for 2025",
		"A new year is a good time to start caring for your teeth, and these resolutions will help.",
		"Brush twice a day, floss every evening, and see your dentist twice a year for a check-up."}
	info := analyseBlocks(linesToBlocks(lines))
	keep := []bool{false, true, true}
	reasons := make([]string, len(lines))
	found := false
	for _, c := range headlineCandidates(info, keep, reasons, 1, 1, -1, false) {
		if c.textOf(info) == "Top Dental Resolutions for 2025" {
			found = c.line == 0 && c.wordsOf(info) == 5
		}
	}
	if !found {
		t.Error("the trail's last part is no candidate of line 0 with 5 words")
	}
}

func TestEndsAfterSeparator(t *testing.T) {
	tests := []struct {
		name, long, short string
		want              bool
	}{
		{"a breadcrumb trail", "miod > software > stories > The scariest boot loader code", "The scariest boot loader code", true},
		{"a label", "PROJECT: Weekend Coding Agent", "Weekend Coding Agent", true},
		{"a slash without spaces", "Home /Cheap Fixes Are the Best!", "Cheap Fixes Are the Best!", true},
		{"a sentence ending with the words", "Why we love Book Reviews", "Book Reviews", false},
		{"the same text", "Book Reviews", "Book Reviews", false},
		{"a separator before it", "| Book Reviews", "Book Reviews", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := endsAfterSeparator(tt.long, tt.short); got != tt.want {
				t.Errorf("endsAfterSeparator(%q, %q) = %v, want %v", tt.long, tt.short, got, tt.want)
			}
		})
	}
}

func TestListNumbered(t *testing.T) {
	tests := []struct {
		name, line string
		want       bool
	}{
		{"a numbered item", "2. Costs Vary Widely", true},
		{"a parenthesis", "12) Thrive Agency", true},
		{"a year", "2025. A Year in Review", false},
		{"a number in the headline", "25 Top Social Media Agencies in 2025", false},
		{"a version", "3.5 Reasons to Upgrade", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := listNumbered(tt.line); got != tt.want {
				t.Errorf("listNumbered(%q) = %v, want %v", tt.line, got, tt.want)
			}
		})
	}
}

func TestHeadlineCandidateShape(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Understanding Your Home Electrical System", true}, // "home" is a menu's word
		{"Best EVs of 2026", true},                          // the digits are a year
		{"Climate Change", true},
		{"Tampa Bay Times | The New York Times | Slate | The Washington Post", false}, // a list of sources
		{"News • Sport • Weather • Culture", false},
		{"Online Math Tutors | Online Math Help | The Princeton Review", true}, // a title naming its site
		{"Old bridge closes to cars after engineers find cracks", true},
		{"Home", false},
		{"Sign up for our newsletter", false},
		{"The 16 Best Clothing Subscription Boxes in 2025", true},        // seven words, one chrome word
		{"I built a tool that creates a weekly newsletter digest", true}, // the same
		{"Share this article", false},
		{"Call 1-800-555-0199 today", false},
		{"Published March 1, 2024", false},
		{"The council voted on Tuesday to close the bridge.", false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			li := analyseBlocks(linesToBlocks([]string{tt.line}))[0]
			if got := headlineCandidateShape(&li); got != tt.want {
				t.Errorf("headlineCandidateShape(%q) = %v, want %v", tt.line, got, tt.want)
			}
		})
	}
}
