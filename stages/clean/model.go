package clean

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"slices"
)

// Model holds the learned weights of the two logistic regressions that score lines: the
// line model reads a line's own features, the context model re-scores it from the line
// model's scores of its neighbours (content comes in runs).
type Model struct {
	Features []string `json:"features"`
	// Span weighs a line's features without those that depend on the span, to find the
	// span: the run of lines that holds the article.
	Span []float64 `json:"span"`
	// RunFeatures and Run weigh the candidate runs of a page (see runCandidates); the
	// span is the candidate Run scores highest.
	RunFeatures []string  `json:"runFeatures"`
	Run         []float64 `json:"run"`
	Line        []float64 `json:"line"`    // one weight per feature, then the bias
	Context     []float64 `json:"context"` // one weight per context feature, then the bias
	Threshold   float64   `json:"threshold"`
}

//go:embed weights.json
var defaultWeights []byte

// DefaultModel returns the model trained on the development pages and stored in the package.
func DefaultModel() (*Model, error) {
	return ParseModel(defaultWeights)
}

// ParseModel reads a model written by Train as JSON and checks that it fits this version's features.
func ParseModel(data []byte) (*Model, error) {
	var m Model
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("parse clean model: %w", err)
	}
	if !slices.Equal(m.Features, featureNames) || len(m.Span) != numFeatures+1 || len(m.Line) != numFeatures+1 || len(m.Context) != numContext+1 ||
		!slices.Equal(m.RunFeatures, runFeatureNames) || len(m.Run) != numRunFeatures+1 {
		return nil, fmt.Errorf("parse clean model: features do not match this version (retrain with newspipe train clean)")
	}
	return &m, nil
}

const numContext = 10

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

func dot(w, x []float64) float64 {
	z := w[len(w)-1]
	for i, v := range x {
		z += w[i] * v
	}
	return z
}

// contextFeatures fills c (len numContext) for line i from the line-model scores p and the local features x.
func contextFeatures(c []float64, p []float64, x []float64, i int) {
	n := len(p)
	pi := min(max(p[i], 1e-6), 1-1e-6)
	c[0] = math.Log(pi / (1 - pi))
	var sb, sa, cb, ca, mb, ma float64
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		if j >= i-3 {
			sb += p[j]
			cb++
		}
		mb = max(mb, p[j])
	}
	for j := i + 1; j < n && j <= i+5; j++ {
		if j <= i+3 {
			sa += p[j]
			ca++
		}
		ma = max(ma, p[j])
	}
	if cb > 0 {
		c[1] = sb / cb
	}
	if ca > 0 {
		c[2] = sa / ca
	}
	c[3], c[4] = mb, ma
	c[5] = min(mb, ma)
	short := x[2] // w<=5
	c[6] = short
	c[7] = short * c[5]
	c[8] = x[7]  // final
	c[9] = x[27] // inSpan
}

// findSpan returns the run of lines that holds the article: of the candidate runs the
// span model's scores give, the one the run model prefers.
func (m *Model) findSpan(info []lineInfo) span {
	p0 := m.spanScores(info)
	v := runEvidence(info, p0)
	rs := runCandidates(info, p0, v)
	cands := rs.spans
	if len(cands) == 1 || len(m.Run) != numRunFeatures+1 {
		return cands[0]
	}
	var x [numRunFeatures]float64
	best, bestScore := 0, math.Inf(-1)
	for k := range cands {
		clear(x[:])
		runFeatures(x[:], info, p0, v, rs, k)
		if s := dot(m.Run, x[:]); s > bestScore {
			best, bestScore = k, s
		}
	}
	return cands[best]
}

// spanScores returns every line's probability of body by the span model.
func (m *Model) spanScores(info []lineInfo) []float64 {
	p0 := make([]float64, len(info))
	var x [numFeatures]float64
	for i := range info {
		clear(x[:])
		spanFreeFeatures(x[:], info, i)
		p0[i] = sigmoid(dot(m.Span, x[:]))
	}
	return p0
}

// score returns, for every line, the probability that it is article body, and the span.
func (m *Model) score(info []lineInfo) ([]float64, span) {
	n := len(info)
	if n == 0 {
		return nil, span{}
	}
	sp := m.findSpan(info)
	header := firstCommentHeader(info, sp)
	related := firstRelatedHeader(info, sp)
	// Only three local features reach the context model; keep those rather than all rows.
	p := make([]float64, n)
	local := make([]float64, 3*n)
	var x [numFeatures]float64
	for i := range info {
		clear(x[:])
		lineFeatures(x[:], info, i, sp, header, related)
		p[i] = sigmoid(dot(m.Line, x[:]))
		local[3*i], local[3*i+1], local[3*i+2] = x[2], x[7], x[27]
	}
	out := make([]float64, n)
	var c [numContext]float64
	for i := range info {
		clear(x[:])
		x[2], x[7], x[27] = local[3*i], local[3*i+1], local[3*i+2]
		contextFeatures(c[:], p, x[:], i)
		out[i] = sigmoid(dot(m.Context, c[:]))
	}
	return out, sp
}
