package clean

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestMaxRun(t *testing.T) {
	tests := []struct {
		name   string
		v      []float64
		lo, hi int
		want   span
		ok     bool
	}{
		{"one positive line", []float64{-1, 3, -1}, 0, 3, span{1, 2}, true},
		{"a dip worth crossing", []float64{4, -1, 2, -9}, 0, 4, span{0, 3}, true},
		{"a dip not worth crossing", []float64{2, -5, 3}, 0, 3, span{2, 3}, true},
		{"ties go to the earlier run", []float64{2, -5, 2}, 0, 3, span{0, 1}, true},
		{"inside a range only", []float64{9, -1, 2, -1, 9}, 1, 4, span{2, 3}, true},
		{"no positive line", []float64{-1, -2}, 0, 2, span{0, 1}, false},
		{"empty range", []float64{1}, 1, 1, span{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, ok := maxRun(tt.v, tt.lo, tt.hi)
			if got != tt.want || ok != tt.ok {
				t.Errorf("maxRun(%v, %d, %d) = %v, %v; want %v, %v", tt.v, tt.lo, tt.hi, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestRunCandidates(t *testing.T) {
	tests := []struct {
		name string
		v    []float64
		want []span
	}{
		{"no body", []float64{-1, -1}, []span{{0, 1}}},
		{"one run", []float64{-1, 5, 5, -1}, []span{{1, 3}}},
		{
			// The best run first, then the others by sum, then each joined with the best.
			"three runs", []float64{3, -9, 10, 10, -9, 1, -9, 5},
			[]span{{2, 4}, {7, 8}, {0, 1}, {5, 6}, {2, 8}, {0, 4}, {2, 6}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info := make([]lineInfo, len(tt.v))
			if got := runCandidates(info, probabilitiesOf(info, tt.v), tt.v).spans; !slices.Equal(got, tt.want) {
				t.Errorf("runCandidates(%v) = %v, want %v", tt.v, got, tt.want)
			}
		})
	}
}

func TestRunCandidatesAtMost(t *testing.T) {
	// Many separate positive lines: maxRuns runs, and as many joins less one, then at most
	// one run of each shifted evidence.
	v := make([]float64, 40)
	for i := range v {
		v[i] = float64(1 + i%2*-3)
	}
	info := make([]lineInfo, len(v))
	rs := runCandidates(info, probabilitiesOf(info, v), v)
	unshifted := 0
	for _, d := range rs.shift {
		if d == 0 {
			unshifted++
		}
	}
	if unshifted != 2*maxRuns-1 || len(rs.spans)-unshifted > len(shifts) {
		t.Errorf("%d candidates, %d of unshifted evidence; want %d and at most %d more", len(rs.spans), unshifted, 2*maxRuns-1, len(shifts))
	}
}

func TestRunFeatures(t *testing.T) {
	lines := []string{
		"Home",
		"By Jane Roe",
		"The council voted on Tuesday to extend the library's opening hours, after a year in which visitors rose by a third.",
		"Librarians said the reading rooms had been full on most weekday evenings since the spring.",
		"34 Comments",
		"Sam Poe 11.07.12 at 12:32 am",
		"I have been going to that library for years and the evenings were always the busiest time there.",
	}
	info := analyseBlocks(SplitLines(strings.Join(lines, "\n")))
	p0 := []float64{0.1, 0.3, 0.9, 0.9, 0.1, 0.2, 0.6}
	v := runEvidence(info, p0)
	cands := runCandidates(info, p0, v)
	if got := cands.spans; len(got) < 3 || got[0] != (span{2, 4}) || got[1] != (span{6, 7}) || cands.lone {
		t.Fatalf("candidates %v (lone %v), want the article [2,4), the comment [6,7) and their join", got, cands.lone)
	}
	x := make([]float64, numRunFeatures)
	feature := func(name string) float64 { return x[slices.Index(runFeatureNames, name)] }
	runFeatures(x, info, p0, v, cands, 0)
	if feature("maxSum") != 1 || feature("afterCommentHeader") != 0 || feature("afterByline") != 1 || feature("sentenceShare") != 1 {
		t.Errorf("article run: maxSum %v afterCommentHeader %v afterByline %v sentenceShare %v; want 1 0 1 1",
			feature("maxSum"), feature("afterCommentHeader"), feature("afterByline"), feature("sentenceShare"))
	}
	clear(x)
	runFeatures(x, info, p0, v, cands, 1)
	if feature("maxSum") != 0 || feature("afterCommentHeader") != 1 || feature("afterByline") != 1 || feature("joined") != 0 {
		t.Errorf("comment run: maxSum %v afterCommentHeader %v afterByline %v joined %v; want 0 1 1 0",
			feature("maxSum"), feature("afterCommentHeader"), feature("afterByline"), feature("joined"))
	}
	clear(x)
	runFeatures(x, info, p0, v, cands, 2)
	if feature("joined") != 1 || feature("logGap") <= 0 || feature("logStamps") <= 0 {
		t.Errorf("joined run: joined %v logGap %v logStamps %v; want 1 and two positive", feature("joined"), feature("logGap"), feature("logStamps"))
	}
}

func TestRunCandidatesLone(t *testing.T) {
	tests := []struct {
		name  string
		words []int
		v     []float64
		want  []span
		lone  bool
	}{
		{
			// The post of 120 words scores below one half (0.43); a short comment wins the
			// sum. Measured from 0.3, the post and the comment make one run [2,5), and
			// measured from 0.2, the short lines around them join it [1,6).
			"a post of negative evidence", []int{1, 6, 120, 3, 20, 2},
			[]float64{-1, -2, -9, -1, 4, -1},
			[]span{{4, 5}, {1, 6}, {2, 5}, {2, 3}}, true,
		},
		{
			"the longest line is a run already", []int{1, 40, 3, 120, 2},
			[]float64{-1, 9, -20, 5, -1},
			[]span{{1, 2}, {3, 4}, {1, 4}, {1, 5}}, false,
		},
		{
			// The page's longest line is in the first run: the lone line is the longest of the rest.
			"the longest line is in the first run", []int{1, 120, 30, 2, 5, 0},
			[]float64{-1, 9, 4, -1, -2, -1},
			[]span{{1, 3}, {1, 5}, {4, 5}}, true,
		},
		{"no word outside the first run", []int{0, 120, 0}, []float64{-1, 9, -1}, []span{{1, 2}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info := make([]lineInfo, len(tt.words))
			for i, w := range tt.words {
				info[i].words = w
			}
			got := runCandidates(info, probabilitiesOf(info, tt.v), tt.v)
			if !slices.Equal(got.spans, tt.want) || got.lone != tt.lone {
				t.Errorf("runCandidates = %v (lone %v), want %v (lone %v)", got.spans, got.lone, tt.want, tt.lone)
			}
		})
	}
}

// TestLoneParagraphPages checks the shipped model on pages of the Dragnet set whose article
// is one long paragraph the span model scores below one half: a story above its comment
// thread, a note under its byline. The lone paragraph is their span.
func TestLoneParagraphPages(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "extraction", "train", "dragnet")
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, id, start string
	}{
		{"story above its thread", "dragnet_131", "Hugh Pickens writes"},
		{"note under its byline", "dragnet_R725", "Steely Dan fans will want"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, err := os.ReadFile(filepath.Join(dir, tt.id+".txt"))
			if errors.Is(err, fs.ErrNotExist) {
				t.Skipf("no %s: the shared data is absent", tt.id)
			}
			if err != nil {
				t.Fatal(err)
			}
			blocks := SplitLines(string(text))
			info := analyseBlocks(blocks)
			p0 := m.spanScores(info)
			rs := runCandidates(info, p0, runEvidence(info, p0))
			lone := rs.spans[len(rs.spans)-1]
			if !rs.lone || !strings.HasPrefix(blocks[lone.start].Text, tt.start) {
				t.Fatalf("lone candidate %v (lone %v) is %.60q, want the article", lone, rs.lone, blocks[lone.start].Text)
			}
			if got := m.findSpan(info); got != lone {
				t.Errorf("span %v, want the lone paragraph %v", got, lone)
			}
		})
	}
}

func TestRunFeaturesGap(t *testing.T) {
	// An article whose list scores below one half line by line, and one followed by its
	// comment thread: the join of the article's two runs bridges plain items, the join of
	// the article with a comment bridges the comment header.
	para := "The council voted on Tuesday to extend the library's opening hours, after a year in which visitors rose by a third."
	tests := []struct {
		name   string
		lines  []string
		p0     []float64
		body   float64 // gapBody of the join, to within 0.01
		chrome float64
		header float64
	}{
		{
			"list inside the article",
			[]string{"Home", para, para, "Opening hours:", "Monday to Friday nine to nine", "Saturday ten to six", para},
			[]float64{0.1, 0.9, 0.9, 0.3, 0.2, 0.2, 0.6},
			(0.3*4 + 0.2*8 + 0.2*6) / 18, 0, 0,
		},
		{
			"comment thread after the article",
			[]string{"Home", para, para, "34 Comments", "Share this", para},
			[]float64{0.1, 0.9, 0.9, 0.1, 0.1, 0.6},
			0.1, 1, 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info := analyseBlocks(SplitLines(strings.Join(tt.lines, "\n")))
			v := runEvidence(info, tt.p0)
			rs := runCandidates(info, tt.p0, v)
			if rs.runs != 1 || len(rs.spans) < 3 {
				t.Fatalf("candidates %v with %d runs, want two runs and their join", rs.spans, rs.runs)
			}
			x := make([]float64, numRunFeatures)
			feature := func(name string) float64 { return x[slices.Index(runFeatureNames, name)] }
			runFeatures(x, info, tt.p0, v, rs, 2)
			if got := feature("gapBody"); got < tt.body-0.01 || got > tt.body+0.01 {
				t.Errorf("gapBody %v, want %v", got, tt.body)
			}
			if feature("gapChromeShare") != tt.chrome || feature("gapClosing") != tt.header {
				t.Errorf("gapChromeShare %v gapClosing %v, want %v %v", feature("gapChromeShare"), feature("gapClosing"), tt.chrome, tt.header)
			}
			for k := 0; k < 2; k++ {
				clear(x)
				runFeatures(x, info, tt.p0, v, rs, k)
				if feature("gapBody") != 0 || feature("gapChromeShare") != 0 || feature("gapClosing") != 0 {
					t.Errorf("run %v has gap features %v %v %v, want none", rs.spans[k], feature("gapBody"), feature("gapChromeShare"), feature("gapClosing"))
				}
			}
		})
	}
}

// probabilitiesOf returns the span-model probabilities whose evidence (see runEvidence) is v,
// so that a test can give the evidence.
func probabilitiesOf(info []lineInfo, v []float64) []float64 {
	p0 := make([]float64, len(v))
	for i := range v {
		p0[i] = 0.5 + v[i]/float64(info[i].words+2)
	}
	return p0
}

// TestShiftedRuns checks the runs of shifted evidence: an article whose list items score a
// little under one half ends, as the maximum-sum run, where they begin; measured from a
// lower probability, the run takes them, and its features say what it takes.
func TestShiftedRuns(t *testing.T) {
	para := "The library will open its new reading room on Monday, and the council expects it to be busy in the evenings."
	lines := []string{
		"Home",
		para,
		para,
		"Opening hours of the new room:",
		"Monday to Friday from nine to nine",
		"Saturday and Sunday from ten to six",
		"Share this",
		"34 Comments",
	}
	info := analyseBlocks(SplitLines(strings.Join(lines, "\n")))
	p0 := []float64{0.05, 0.9, 0.9, 0.35, 0.35, 0.35, 0.05, 0.05}
	v := runEvidence(info, p0)
	rs := runCandidates(info, p0, v)
	if rs.spans[0] != (span{1, 3}) {
		t.Fatalf("first run %v, want the two paragraphs [1,3)", rs.spans[0])
	}
	wide := slices.Index(rs.spans, span{1, 6})
	if wide < 0 || rs.shift[wide] >= 0 {
		t.Fatalf("candidates %v (shifts %v), want the paragraphs and the list [1,6) of shifted evidence", rs.spans, rs.shift)
	}
	if rs.shift[0] != 0 {
		t.Errorf("first run has shift %v, want 0", rs.shift[0])
	}
	x := make([]float64, numRunFeatures)
	feature := func(name string) float64 { return x[slices.Index(runFeatureNames, name)] }
	runFeatures(x, info, p0, v, rs, wide)
	if feature("shifted") != 1 || feature("shift") != rs.shift[wide] {
		t.Errorf("shifted %v shift %v, want 1 and %v", feature("shifted"), feature("shift"), rs.shift[wide])
	}
	if got := feature("shiftDiffBody"); got < 0.34 || got > 0.36 {
		t.Errorf("shiftDiffBody %v, want the list's 0.35", got)
	}
	if feature("shiftLogRatio") <= 0 || feature("shiftDiffClosing") != 0 {
		t.Errorf("shiftLogRatio %v shiftDiffClosing %v, want a positive ratio and no closing line", feature("shiftLogRatio"), feature("shiftDiffClosing"))
	}
	clear(x)
	runFeatures(x, info, p0, v, rs, 0)
	if feature("shifted") != 0 || feature("shiftDiffBody") != 0 || feature("shiftLogRatio") != 0 {
		t.Errorf("first run has shift features %v %v %v, want none", feature("shifted"), feature("shiftDiffBody"), feature("shiftLogRatio"))
	}
}
