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
			want: map[string]float64{"share_added": 23.0 / 84, "chrome_added": 1, "share_dropped": 0},
		},
		{
			name: "the lines add the article's end",
			html: []bool{true, false, false, false}, text: []bool{true, true, true, false}, ok: true,
			want: map[string]float64{"agreement": 19.0 / 61, "share_dropped": 0, "share_added": 42.0 / 61,
				"dropped_after": 0, "log_words_html": math.Log1p(19)},
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
	c := TrainLinesChoice(ex, 0.8, 0.01)
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
