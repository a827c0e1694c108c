package clean

import (
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/newspipe/newspipe/document"
)

// comment lines of a reader comment section under an article.
var commentLines = []string{
	"Posted by: Ellen at September 10, 2012 11:40 AM",
	"Ha! Sixty degrees for a low when your high is above a hundred is a dream, we never get that here at all.",
	"Posted by: Toni at September 10, 2012 12:11 PM",
	"This weather makes me weep, it is downright tear-inducing and I am tired of the humidity already.",
	"Posted by: Gina at September 10, 2012 12:12 PM",
}

func TestLinesFeatures(t *testing.T) {
	feature := func(x []float64, name string) float64 { return x[slices.Index(LinesFeatureNames, name)] }
	article := []document.Block{{Text: proseA, Tag: "p"}, {Text: proseB, Tag: "p"}, {Text: proseC, Tag: "p"}}
	tests := []struct {
		name    string
		outside string // the extractor's reason for the last block
		html    []bool // which blocks the HTML body keeps
		text    []bool // which the lines keep
		ok      bool
		want    map[string]float64
	}{
		{name: "same body", html: []bool{true, true, true, true}, text: []bool{true, true, true, true}},
		{name: "the lines keep nothing", html: []bool{true, true, true, true}, text: []bool{false, false, false, false}},
		{
			name: "the HTML body keeps a comment after the article",
			html: []bool{true, true, true, true}, text: []bool{true, true, true, false}, ok: true,
			// 19, 21 and 21 words of article, 23 of comment.
			want: map[string]float64{"agreement": 61.0 / 84, "share_dropped": 23.0 / 84, "share_added": 0,
				"dropped_after": 1, "dropped_before": 0, "log_words_ratio": math.Log(62.0 / 85),
				"density_dropped": math.Log1p(23), "dropped_after_header": 0, "chrome_added": 0},
		},
		{
			name: "the lines add a block of the sidebar", outside: "sidebar",
			html: []bool{true, true, true, false}, text: []bool{true, true, true, true}, ok: true,
			want: map[string]float64{"share_added": 23.0 / 84, "chrome_added": 1, "share_dropped": 0,
				"comments_added": 0, "added_after": 1, "added_before": 0},
		},
		{
			name: "the lines add the comment section", outside: commentSection,
			html: []bool{true, true, true, false}, text: []bool{true, true, true, true}, ok: true,
			want: map[string]float64{"chrome_added": 1, "comments_added": 1, "added_after": 1},
		},
		{
			name: "the lines add the article's start",
			html: []bool{false, true, true, false}, text: []bool{true, true, true, false}, ok: true,
			want: map[string]float64{"share_added": 19.0 / 61, "added_before": 1, "added_after": 0, "comments_added": 0},
		},
		{
			name: "the lines add the article's end",
			html: []bool{true, false, false, false}, text: []bool{true, true, true, false}, ok: true,
			want: map[string]float64{"agreement": 19.0 / 61, "share_dropped": 0, "share_added": 42.0 / 61,
				"dropped_after": 0, "log_words_html": math.Log1p(19), "added_after": 1, "added_before": 0},
		},
	}
	c := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := append(append([]document.Block(nil), article...), document.Block{Text: commentLines[1], Tag: "div", Outside: tt.outside})
			info := analyseBlocks(blocks)
			prob, _ := c.model.score(info)
			reasons := make([]string, len(blocks))
			x, agree, ok := linesFeatures(blocks, info, prob, tt.html, reasons, tt.text, reasons)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			if len(x) != len(LinesFeatureNames) {
				t.Fatalf("%d features, want %d", len(x), len(LinesFeatureNames))
			}
			if agree != feature(x, "agreement") {
				t.Errorf("agreement %v, feature %v", agree, feature(x, "agreement"))
			}
			for name, want := range tt.want {
				if got := feature(x, name); math.Abs(got-want) > 1e-9 {
					t.Errorf("%s = %.4f, want %.4f", name, got, want)
				}
			}
		})
	}
}

// TestCleanTakesLinesWhenChoiceSaysSo checks that the lines choice, not a preference,
// decides: on an HTML page whose aligned body holds a comment section, one choice that
// always takes the lines gives the body of the raw lines, one that never does the HTML body.
func TestCleanTakesLinesWhenChoiceSaysSo(t *testing.T) {
	blocks := []document.Block{{Text: proseA, Tag: "p"}, {Text: proseB, Tag: "p"}, {Text: proseC, Tag: "p"}}
	for _, l := range commentLines {
		blocks = append(blocks, document.Block{Text: l, Tag: "div"})
	}
	base := New()
	bias := func(b float64) *Cleaner {
		w := make([]float64, len(LinesFeatureNames)+1)
		w[len(w)-1] = b
		never := make([]float64, len(ChoiceFeatureNames)+1)
		never[len(never)-1] = -10
		ch := &Choice{Features: ChoiceFeatureNames, Gate: 0.5, Weights: never,
			Lines: &Choice{Features: LinesFeatureNames, Gate: 1, Weights: w}}
		return &Cleaner{model: base.model, choice: ch}
	}
	html := strings.Join(base.WithoutChoice().Clean(blocks).Paragraphs, "\n")
	raw := strings.Join(base.WithoutChoice().Clean(asLines(blocks)).Paragraphs, "\n")
	if html == raw {
		t.Fatalf("the HTML body and the raw lines' body are the same (the case tests nothing): %q", html)
	}
	if got := strings.Join(bias(-10).Clean(blocks).Paragraphs, "\n"); got != html {
		t.Errorf("a choice against the lines kept %q, the HTML body is %q", got, html)
	}
	lines := bias(10).Clean(blocks)
	if got := strings.Join(lines.Paragraphs, "\n"); got != raw {
		t.Errorf("a choice for the lines kept %q, the raw lines give %q", got, raw)
	}
	for _, r := range lines.Removed {
		if r.Reason == "" {
			t.Errorf("line %q removed without a reason", r.Text)
		}
	}
}

func TestTrainLinesChoice(t *testing.T) {
	// The lines win when what the HTML body alone keeps comes after the lines' body.
	after := slices.Index(LinesFeatureNames, "dropped_after")
	var ex []ChoiceExample
	for i := range 40 {
		x := make([]float64, len(LinesFeatureNames))
		x[after] = float64(i%5) / 4
		ex = append(ex, ChoiceExample{Features: x, Agreement: 0.5, Gain: x[after] - 0.5})
	}
	c := TrainLinesChoice(ex, 0.8, 0.01, 0.5)
	if !reflect.DeepEqual(c.Features, LinesFeatureNames) {
		t.Fatalf("features %v", c.Features)
	}
	for _, tt := range []struct {
		name      string
		after     float64
		wantLines bool
	}{
		{"comments after the article", 1, true},
		{"the article's own end", 0, false},
	} {
		x := make([]float64, len(LinesFeatureNames))
		x[after] = tt.after
		if got := c.Prefers(x); got != tt.wantLines {
			t.Errorf("%s: Prefers = %v, want %v", tt.name, got, tt.wantLines)
		}
	}
}

// TestChoiceConfidence checks that a choice with a confidence takes the other body only
// where the regression is that sure of it, and one without at one half.
func TestChoiceConfidence(t *testing.T) {
	// One feature, weight 1, no bias: the probability is sigmoid(x).
	names := []string{"x"}
	logit := func(p float64) float64 { return math.Log(p / (1 - p)) }
	for _, tt := range []struct {
		name       string
		confidence float64
		p          float64
		want       bool
	}{
		{"no confidence, barely preferred", 0, 0.52, true},
		{"no confidence, barely not preferred", 0, 0.48, false},
		{"confidence 0.7, barely preferred", 0.7, 0.52, false},
		{"confidence 0.7, surely preferred", 0.7, 0.75, true},
		{"confidence under one half counts as one half", 0.3, 0.4, false},
	} {
		c := &Choice{Features: names, Weights: []float64{1, 0}, Confidence: tt.confidence}
		if got := c.Prefers([]float64{logit(tt.p)}); got != tt.want {
			t.Errorf("%s: Prefers = %v, want %v", tt.name, got, tt.want)
		}
	}
	// Training keeps the confidence asked for above one half, and none at or under it.
	var ex []ChoiceExample
	for i := range 20 {
		x := make([]float64, len(LinesFeatureNames))
		x[0] = float64(i%2) - 0.5
		ex = append(ex, ChoiceExample{Features: x, Agreement: 0.1, Gain: x[0]})
	}
	for _, tt := range []struct {
		name       string
		confidence float64
		want       float64
	}{
		{"above one half", 0.8, 0.8},
		{"one half", 0.5, 0},
	} {
		if got := TrainLinesChoice(ex, 1, 1, tt.confidence).Confidence; got != tt.want {
			t.Errorf("%s: Confidence = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestParseChoiceLines(t *testing.T) {
	body := &Choice{Features: ChoiceFeatureNames, Gate: 0.8, Weights: make([]float64, len(ChoiceFeatureNames)+1)}
	lines := &Choice{Features: LinesFeatureNames, Gate: 0.8, Weights: make([]float64, len(LinesFeatureNames)+1)}
	for _, tt := range []struct {
		name  string
		lines *Choice
		ok    bool
	}{
		{"no lines choice", nil, true},
		{"lines choice", lines, true},
		{"lines choice on the body choice's features", &Choice{Features: ChoiceFeatureNames, Gate: 0.8, Weights: body.Weights}, false},
		{"nested lines choice", &Choice{Features: LinesFeatureNames, Gate: 0.8, Weights: lines.Weights, Lines: lines}, false},
		{"lines choice with a confidence", &Choice{Features: LinesFeatureNames, Gate: 0.8, Weights: lines.Weights, Confidence: 0.7}, true},
		{"lines choice with a confidence of one", &Choice{Features: LinesFeatureNames, Gate: 0.8, Weights: lines.Weights, Confidence: 1}, false},
	} {
		c := *body
		c.Lines = tt.lines
		data, err := json.Marshal(&c)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ParseChoice(data); (err == nil) != tt.ok {
			t.Errorf("%s: error %v, want ok %v", tt.name, err, tt.ok)
		}
	}
}

// TestCleanersForTrainingHaveNoLinesChoice checks that the cleaners the return, trim and
// lines trainers clean with weigh no lines choice, which is trained after them, while they
// keep the body choice.
func TestCleanersForTrainingHaveNoLinesChoice(t *testing.T) {
	base := New()
	w := make([]float64, len(LinesFeatureNames)+1)
	lined := &Cleaner{model: base.model, ret: base.ret, trim: base.trim,
		choice: &Choice{Features: ChoiceFeatureNames, Gate: 0.5, Weights: make([]float64, len(ChoiceFeatureNames)+1),
			Lines: &Choice{Features: LinesFeatureNames, Gate: 1, Weights: w}}}
	tests := []struct {
		name string
		c    *Cleaner
	}{
		{"WithReturn", lined.WithReturn(nil)},
		{"WithTrim", lined.WithTrim(nil)},
		{"WithoutLines", lined.WithoutLines()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.c.choice == nil {
				t.Fatal("the body choice is gone")
			}
			if tt.c.choice.Lines != nil {
				t.Error("the lines choice is still asked")
			}
		})
	}
	if lined.choice.Lines == nil {
		t.Error("deriving a cleaner removed the lines choice of the cleaner it came from")
	}
	if got := lined.WithoutLines(); got.ret != lined.ret || got.trim != lined.trim {
		t.Error("WithoutLines dropped the return or the trim")
	}
}

// TestStampHeads checks that a stamped line counts as a comment's or a teaser's header
// only when an unstamped line follows it: the entries of a dated list, each stamped, do
// not read as the stamps of reader comments.
func TestStampHeads(t *testing.T) {
	for _, tt := range []struct {
		name  string
		lines []string
		want  []bool
	}{
		{"comment header over its text", []string{
			"Jane Roe November 19, 2019 at 6:34 am",
			"I saw them in 1976 and they were the best band I ever heard live.",
		}, []bool{true, false}},
		{"dated list entries", []string{
			"June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre",
			"June 10 – Tampa, FL @ Midflorida Credit Union Amphitheatre",
		}, []bool{false, true}},
		{"stamped last line", []string{
			"They play the Forum in September.",
			"08 Nov 12",
		}, []bool{false, true}},
	} {
		info := analyseBlocks(linesToBlocks(tt.lines))
		for i, want := range tt.want {
			if got := stampHeads(info, i); got != want {
				t.Errorf("%s: stampHeads(line %d %q) = %v, want %v (stamped %v)", tt.name, i, tt.lines[i], got, want, info[i].stamped)
			}
		}
	}
}
