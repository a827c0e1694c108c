package clean

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/internal/sharedtest"
	"github.com/newspipe/newspipe/internal/shingle"
)

func linesToBlocks(lines []string) []document.Block {
	blocks := make([]document.Block, len(lines))
	for i, l := range lines {
		blocks[i] = document.Block{Text: l}
	}
	return blocks
}

func TestSplitLines(t *testing.T) {
	got := SplitLines("  one \n\n two\r\nthree\n   \n")
	want := linesToBlocks([]string{"one", "two", "three"})
	if !slices.Equal(got, want) {
		t.Errorf("SplitLines = %+v, want %+v", got, want)
	}
}

func TestHardChrome(t *testing.T) {
	tests := []struct{ in, want string }{
		{"-", "separator (no text)"},
		{"[related_story]", "template placeholder"},
		{"{{ad_slot}}", "template placeholder"},
		{"[Wired]", ""},
		{"Source: Vladimir Putin Facebook", "photo credit"},
		{"Top image via screengrab from YouTube.", "photo credit"},
		{"A protester in the square. (Photo by Jane Doe/Getty Images)", "photo credit"},
		{"Advertisement", "advertisement"},
		{"Buy a Trump-Kim t-shirt:", "advertisement"},
		{"Sign up for Today's Best Articles in your inbox", "newsletter sign-up"},
		{"Subscribe to The Week", "newsletter sign-up"},
		{"© 2018 Mothership", "copyright notice"},
		{"Invitation from Putin", ""},
		{"Source: the ministry said the figures were provisional and would be revised next month, officials added.", ""},
	}
	for _, tt := range tests {
		li := analyse(tt.in, lowerASCII(tt.in))
		if got := hardChrome(&li); got != tt.want {
			t.Errorf("hardChrome(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAnalyse(t *testing.T) {
	li := analyse("By the time the vote was held, the result was known.", "by the time the vote was held, the result was known.")
	if li.words != 11 || !li.final || li.commas != 1 || li.stops < 5 || li.byline {
		t.Errorf("analyse prose = %+v", li)
	}
	li = analyse("Share on Facebook", "share on facebook")
	if li.vocab&vShare == 0 || li.final {
		t.Errorf("analyse share line = %+v", li)
	}
	li = analyse("By Jane Doe", "by jane doe")
	if !li.byline {
		t.Errorf("analyse byline = %+v", li)
	}
}

func TestCleanReasons(t *testing.T) {
	long := "The council voted on Tuesday to close the old bridge to cars after engineers found cracks in two of its piers, officials said."
	lines := []string{
		"Home", "News", "Sport", "Bridge closes", long, long + " More.", long + " Again.",
		"Sign up for our daily newsletter", "Get the best stories delivered to your inbox every morning.",
		long + " Later.", long + " Finally.",
		"Share on Facebook", "© 2024 Example Media. All rights reserved.",
	}
	res := New().Clean(linesToBlocks(lines))
	reason := map[string]string{}
	for _, r := range res.Removed {
		reason[r.Text] = r.Reason
	}
	for text, want := range map[string]string{
		"Sign up for our daily newsletter":                            "newsletter sign-up",
		"Get the best stories delivered to your inbox every morning.": "newsletter sign-up",
		"Share on Facebook":                                           "share buttons",
		"© 2024 Example Media. All rights reserved.":                  "copyright notice",
	} {
		if reason[text] != want {
			t.Errorf("reason for %q = %q, want %q", text, reason[text], want)
		}
	}
	if r := reason["Home"]; !strings.Contains(r, "navigation") {
		t.Errorf("reason for Home = %q, want navigation", r)
	}
	if len(res.Paragraphs) != 5 {
		t.Errorf("kept %d paragraphs, want the 5 long ones: %q", len(res.Paragraphs), res.Paragraphs)
	}
}

// TestCleanAccountsForEveryLine checks that no line disappears: each is a paragraph or removed.
func TestCleanAccountsForEveryLine(t *testing.T) {
	for _, text := range []string{"", "one line", "Title\nBy X\nA sentence here.\n-\n[x_y]\n", strings.Repeat("word ", 500)} {
		blocks := SplitLines(text)
		res := New().Clean(blocks)
		if got := len(res.Paragraphs) + len(res.Removed); got != len(blocks) {
			t.Errorf("Clean(%.30q): %d paragraphs + %d removed, want %d lines", text, len(res.Paragraphs), len(res.Removed), len(blocks))
		}
		for _, r := range res.Removed {
			if r.Reason == "" {
				t.Errorf("Clean(%.30q): %q removed without a reason", text, r.Text)
			}
		}
	}
}

func TestCleanHTMLBlocks(t *testing.T) {
	long := "The council voted on Tuesday to close the old bridge to cars after engineers found cracks in two of its piers, officials said."
	blocks := []document.Block{
		{Text: "Sections", Tag: "li", Outside: "navigation menu"},
		{Text: long, Tag: "p"},
		{Text: "What happens next", Tag: "h2", Heading: true},
		{Text: long + " Again.", Tag: "p"},
		{Text: "Advertisement", Tag: "p"},
		{Text: long + " Later.", Tag: "p"},
		{Text: "About us", Tag: "a", Outside: "page footer"},
	}
	res := New().Clean(blocks)
	want := []string{long, "What happens next", long + " Again.", long + " Later."}
	if !slices.Equal(res.Paragraphs, want) {
		t.Errorf("paragraphs = %q, want %q", res.Paragraphs, want)
	}
	if len(res.Removed) != 3 || res.Removed[0].Reason != "navigation menu" || res.Removed[2].Reason != "page footer" ||
		res.Removed[1].Reason != "advertisement" {
		t.Errorf("removed = %q", res.Removed)
	}
}

func TestDefaultModelMatchesFeatures(t *testing.T) {
	if _, err := DefaultModel(); err != nil {
		t.Fatal(err)
	}
	if len(featureNames) != numFeatures {
		t.Fatalf("%d feature names for %d features", len(featureNames), numFeatures)
	}
	if len(runFeatureNames) != numRunFeatures {
		t.Fatalf("%d run feature names for %d run features", len(runFeatureNames), numRunFeatures)
	}
	if _, err := ParseModel([]byte(`{"features":["x"],"line":[1],"context":[1]}`)); err == nil {
		t.Error("ParseModel accepted a model of another feature layout")
	}
}

// sharedDir returns ../shared/<rel> seen from the repository root, or skips the test.
func sharedDir(t testing.TB, rel string) string {
	t.Helper()
	return sharedtest.Path(t, rel)
}

func TestSeeds(t *testing.T) {
	dir := sharedDir(t, "seeds")
	read := func(name string) Result {
		raw, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Skip(err)
		}
		return New().Clean(SplitLines(string(raw)))
	}
	t.Run("mothership", func(t *testing.T) {
		res := read("002_305ce0516b554c3e.txt")
		m := res.Meta
		if m.Title != "Kim Jong-un making waves with high-profile meetings, Russian & Syrian presidents also want in" ||
			m.Subtitle != "Kim is the new cool kid in global politics." ||
			!slices.Equal(m.Authors, []string{"Matthias Ang"}) || m.Published != "2018-06-10T12:39:00" {
			t.Errorf("meta = %+v", m)
		}
		if len(res.Paragraphs) != 27 || res.Paragraphs[0] != "Kim Jong-un's popularity is skyrocketing." ||
			res.Paragraphs[26] != "Perhaps Kim can soon enough count himself among their ranks?" {
			t.Errorf("paragraphs (%d) = %q", len(res.Paragraphs), res.Paragraphs)
		}
		for _, h := range []string{"Invitation from Putin", "Visit from Assad", "Isolated no more",
			`"Come to Russia, we will be very happy to see you."`} {
			if !slices.Contains(res.Paragraphs, h) {
				t.Errorf("%q not kept", h)
			}
		}
		wantRemoved := []string{"Source: Vladimir Putin Facebook", "[related_story]", "Source: Bashar al-Assad Facebook",
			"Top image via screengrab from YouTube.", "Buy a Trump-Kim t-shirt:"}
		for _, w := range wantRemoved {
			if !removedContains(res, w) {
				t.Errorf("%q not removed", w)
			}
		}
	})
	t.Run("theweek", func(t *testing.T) {
		res := read("000_92bbd93c5f6a1fd9.txt")
		m := res.Meta
		if m.Title != "Syria’s Bashar al-Assad ‘planning state visit to North Korea’" ||
			!strings.HasPrefix(m.Subtitle, "Controversial president reportedly admires") || m.Site != "The Week" {
			t.Errorf("meta = %+v", m)
		}
		if len(res.Paragraphs) != 12 || !strings.HasPrefix(res.Paragraphs[0], "Syrian President Bashar al-Assad is planning") ||
			!strings.HasPrefix(res.Paragraphs[11], "“Hosting Assad, one of the worst butchers") {
			t.Errorf("paragraphs (%d) = %q", len(res.Paragraphs), res.Paragraphs)
		}
		for _, w := range []string{"Subscribe to The Week", "Escape your echo chamber.", "Sign up for The Week's Free Newsletters",
			"Sign up for Today's Best Articles in your inbox", "A free daily email", "Store closings could accelerate",
			"By Justin Klawans, The Week US Published", "-"} {
			if !removedContains(res, w) {
				t.Errorf("%q not removed", w)
			}
		}
	})
}

func removedContains(res Result, prefix string) bool {
	for _, r := range res.Removed {
		if strings.HasPrefix(r.Text, prefix) && r.Reason != "" {
			return true
		}
	}
	return false
}

// TestDevPages checks the stored model on the development pages, and that training is
// deterministic: the same pages give the same weights.
func TestDevPages(t *testing.T) {
	pages, err := LoadPages(sharedDir(t, "data/extraction/dev"))
	if err != nil {
		t.Skip(err)
	}
	got, _ := Score(New(), pages)
	t.Logf("dev F1 %.3f P %.3f R %.3f", got.F1, got.Precision, got.Recall)
	if got.F1 < 0.92 {
		t.Errorf("dev F1 %.3f, want >= 0.92", got.F1)
	}
	keepAll := make([]shingle.Page, len(pages))
	for i, p := range pages {
		var all []string
		for _, b := range p.Blocks {
			all = append(all, b.Text)
		}
		keepAll[i] = shingle.Score(strings.Join(all, "\n"), p.Truth)
	}
	if base := shingle.Summarize(keepAll); got.F1 < base.F1+0.15 {
		t.Errorf("dev F1 %.3f is not well above keeping everything (%.3f)", got.F1, base.F1)
	}
	if testing.Short() {
		return
	}
	a, b := Train(pages, DefaultTrainOptions), Train(pages, DefaultTrainOptions)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("two trainings on the same pages gave different models")
	}
	// Pages of sites the model has not seen are what counts.
	cv, _ := CrossValidate(pages, 5, DefaultTrainOptions)
	t.Logf("cross-validated F1 %.3f P %.3f R %.3f", cv.F1, cv.Precision, cv.Recall)
	if cv.F1 < 0.92 {
		t.Errorf("cross-validated F1 %.3f, want >= 0.92", cv.F1)
	}
}

func FuzzClean(f *testing.F) {
	f.Add("Title\nBy Jane Doe | June 10, 2018, 12:39 PM\nA sentence of the article.\n-\n[related_story]\n")
	f.Add("Subscribe to The Week\n© 2018 Mothership\n\n\nSource: x\nBuy a t-shirt:\n")
	f.Add("10 June 2018\nPublished 3 hours ago\nX - Reuters\nFebruary 31, 2019 99:99 PM\n{{}}\n[]")
	f.Add("\xff\xfe\x00 By\nby \n|\n2019-13-45T\n")
	f.Add("%%%\n{{}\n[[]\n14:05 GMT, 2 March 2022\n12:\n2019-")
	c := New()
	f.Fuzz(func(t *testing.T, text string) {
		blocks := SplitLines(text)
		res := c.Clean(blocks)
		if len(res.Paragraphs)+len(res.Removed) != len(blocks) {
			t.Fatalf("%d paragraphs + %d removed != %d lines", len(res.Paragraphs), len(res.Removed), len(blocks))
		}
		// The same lines as HTML blocks, some marked outside the body.
		for i := range blocks {
			if i%3 == 0 {
				blocks[i].Outside = "navigation menu"
			}
			blocks[i].Tag, blocks[i].Heading = "h2", i%2 == 0
		}
		c.Clean(blocks)
	})
}

func FuzzParseModel(f *testing.F) {
	f.Add(defaultWeights)
	f.Add([]byte(`{"features":[],"line":[],"context":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ParseModel(data)
		if err != nil {
			return
		}
		NewWithModel(m).Clean(SplitLines("A line.\nAnother line with more words in it.\n"))
	})
}

func BenchmarkClean(b *testing.B) {
	var docs [][]document.Block
	var size int64
	if pages, err := LoadPages(sharedDir(b, "data/extraction/dev")); err == nil {
		for _, p := range pages {
			docs = append(docs, p.Blocks)
			for _, bl := range p.Blocks {
				size += int64(len(bl.Text) + 1)
			}
		}
	}
	c := New()
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			c.Clean(d)
		}
	}
}

// TestBodySentencesStay checks that a sentence of the article with a chrome word in it
// stays, in the raw-text and HTML paths, while the sign-up box beside it goes with a
// reason that names it.
func TestBodySentencesStay(t *testing.T) {
	para := []string{
		"The streaming service went dark for nearly four hours on Sunday evening, the company said in a statement on Monday.",
		"Engineers worked through the night to restore the service for millions of households in the United States and Europe.",
		"The outage began shortly after the final episode of the series was released to a record audience, according to the company.",
	}
	disney := "Disney's tech teams isolated the problem, which had kept subscribers from being able to log in, within the hour."
	signup := "Sign up for our newsletter: the best stories every morning."
	tests := []struct {
		name   string
		blocks []document.Block
	}{
		{"raw text", SplitLines(strings.Join([]string{para[0], para[1], signup, disney, para[2]}, "\n"))},
		{"html", []document.Block{
			{Text: para[0], Tag: "p"}, {Text: para[1], Tag: "p"}, {Text: signup, Tag: "p"},
			{Text: disney, Tag: "p"}, {Text: para[2], Tag: "p"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := New().Clean(tt.blocks)
			if !slices.Contains(res.Paragraphs, disney) {
				t.Errorf("the article's sentence was removed: %+v", res.Removed)
			}
			var why string
			for _, r := range res.Removed {
				if r.Text == signup {
					why = r.Reason
				}
			}
			if !strings.Contains(why, "newsletter") {
				t.Errorf("sign-up line: reason %q, want a newsletter sign-up (kept: %q)", why, res.Paragraphs)
			}
		})
	}
}

func TestBodyChrome(t *testing.T) {
	tests := []struct {
		name, line, want string
	}{
		{"consent under a sign-up form", "By signing up you agree to our Terms of Service and Privacy Policy.", "legal notice of a sign-up form"},
		{"sign-up call", "Enter your email address to get the morning briefing in your inbox.", "newsletter sign-up"},
		{"bracketed credit", "The old bridge at dusk (Photo courtesy of the city archive)", "photo credit or caption"},
		{"quoted agreement is prose", "\"You agree to pay the full price,\" the judge told the landlord.", ""},
		{"privacy in a reported sentence", "The company said it takes the privacy of its users seriously and would review the breach.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			li := analyse(tt.line, lowerASCII(tt.line))
			if got := bodyChrome(&li); got != tt.want {
				t.Errorf("bodyChrome(%q) = %q, want %q", tt.line, got, tt.want)
			}
		})
	}
}

// TestOutsideProseReturns checks which long blocks outside the extractor's content come
// back into the body: prose the line model is sure of does, a text cut off with an
// ellipsis (another page's opening in a list of posts) does not.
func TestOutsideProseReturns(t *testing.T) {
	para := []string{
		"The council voted on Tuesday to close the old bridge to cars after engineers found cracks in two of its piers, officials said.",
		"Repairs are expected to take most of next year, and buses will use the new crossing upstream while the work goes on, the mayor said.",
		"Residents on both banks said they had worried about the bridge for years, and several of them had written to the council about it.",
	}
	outside := "The engineers who inspected the piers in March said the cracks had grown since their last visit, and that the bridge was no longer safe for heavy traffic in their view."
	tests := []struct {
		name, text, reason string
		back               bool
	}{
		{"prose the extractor missed", outside, "outside the article body", true},
		{"the same text cut off with an ellipsis", outside[:len(outside)-1] + " …", "outside the article body", false},
		{"cut off with three dots in brackets", outside[:len(outside)-1] + " [...]", "sidebar", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := []document.Block{
				{Text: para[0], Tag: "p"}, {Text: tt.text, Tag: "p", Outside: tt.reason},
				{Text: para[1], Tag: "p"}, {Text: para[2], Tag: "p"},
			}
			res := New().WithoutChoice().Clean(blocks)
			if got := slices.Contains(res.Paragraphs, tt.text); got != tt.back {
				t.Errorf("back in the body = %v, want %v (removed %q)", got, tt.back, res.Removed)
			}
		})
	}
}

// TestExtendBodyPastLabels checks that the closing paragraph of a short article comes
// into the body past the label of an advertisement or a credit, and not past a line
// that opens something else (a related-stories header, a sign-up call).
func TestExtendBodyPastLabels(t *testing.T) {
	para := "The council voted on Tuesday to close the old bridge to cars after engineers found cracks in two of its piers."
	closing := "Repairs are expected to take a year and to cost about four million dollars, officials said."
	tests := []struct {
		name  string
		label string
		want  bool // the closing paragraph is kept
	}{
		{"advertisement label", "Advertisement", true},
		{"photo credit", "Photo: Getty Images", true},
		{"related stories header", "Related stories", false},
		{"newsletter call", "Sign up for our newsletter", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info := analyseBlocks(SplitLines(strings.Join([]string{para, para, tt.label, closing}, "\n")))
			keep := []bool{true, true, false, false}
			reasons := []string{"", "", "removed by a rule", ""}
			extendBody(info, keep, reasons)
			if keep[3] != tt.want {
				t.Errorf("closing paragraph kept = %v, want %v", keep[3], tt.want)
			}
			if keep[2] {
				t.Errorf("the label %q came into the body", tt.label)
			}
		})
	}
}
