package clean

import (
	"math"
	"strings"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/internal/shingle"
)

// Page is one page of training or evaluation data: its blocks and the human-marked body.
type Page struct {
	Name string
	// Site groups pages of one web site for cross-validation; pages with an empty Site form one group.
	Site string
	// Type is the page's kind where the set says ("article", "forum", "product"...), else "".
	Type   string
	Blocks []document.Block
	Truth  string
}

// Labels marks, for every block of the page, whether the human-marked body contains it:
// a line of four or more tokens when most of its 4-word shingles are in the truth, a
// shorter line (a heading, a one-line quote) when it is a whole paragraph of the truth.
func (p Page) Labels() []bool {
	truth := shingle.Shingles(p.Truth)
	paras := map[string]bool{}
	for _, para := range strings.Split(p.Truth, "\n") {
		if toks := shingle.Tokens(para); len(toks) > 0 {
			paras[strings.Join(toks, " ")] = true
		}
	}
	labels := make([]bool, len(p.Blocks))
	for i, b := range p.Blocks {
		toks := shingle.Tokens(b.Text)
		if len(toks) == 0 {
			continue
		}
		if len(toks) < 4 {
			labels[i] = paras[strings.Join(toks, " ")]
			continue
		}
		hit := 0
		for j := 0; j+4 <= len(toks); j++ {
			if truth[strings.Join(toks[j:j+4], " ")] > 0 {
				hit++
			}
		}
		labels[i] = float64(hit) >= 0.5*float64(len(toks)-3)
	}
	return labels
}

// TrainOptions tunes Train.
type TrainOptions struct {
	// L2 is the ridge penalty of both regressions.
	L2 float64
	// Threshold is the body probability above which a line is kept.
	Threshold float64
}

// DefaultTrainOptions are the options the stored model was trained with.
var DefaultTrainOptions = TrainOptions{L2: 0.3, Threshold: 0.45}

// Train fits the span, run, line and context models on labelled pages. Every page weighs the
// same; inside a page a line weighs by its length, as the extraction metric counts words.
func Train(pages []Page, opt TrainOptions) *Model {
	type pageData struct {
		info []lineInfo
		x    []float64 // numFeatures per line
	}
	var data []pageData
	var xs, cs [][]float64
	var ys, ws []float64
	for _, pg := range pages {
		info := analyseBlocks(pg.Blocks)
		if len(info) == 0 {
			continue
		}
		labels := pg.Labels()
		d := pageData{info: info, x: make([]float64, len(info)*numFeatures)}
		total := 0.0
		for i := range info {
			total += float64(info[i].words) + 2
		}
		for i := range info {
			x := d.x[i*numFeatures : (i+1)*numFeatures]
			spanFreeFeatures(x, info, i)
			xs = append(xs, x)
			ys = append(ys, b2f(labels[i]))
			ws = append(ws, 100*(float64(info[i].words)+2)/total)
		}
		data = append(data, d)
	}
	m := &Model{Features: featureNames, Threshold: opt.Threshold}
	m.Span = fitLogistic(xs, ys, ws, opt.L2)
	m.RunFeatures = runFeatureNames
	m.Run = fitRuns(m, pages, runL2)
	// The line model learns from the features of the span the span model finds; xs holds
	// slices of the pages' rows, which are rewritten in place.
	for _, d := range data {
		sp := m.findSpan(d.info)
		header := firstCommentHeader(d.info, sp)
		related := firstRelatedHeader(d.info, sp)
		for i := range d.info {
			x := d.x[i*numFeatures : (i+1)*numFeatures]
			clear(x)
			lineFeatures(x, d.info, i, sp, header, related)
		}
	}
	m.Line = fitLogistic(xs, ys, ws, opt.L2)
	for _, d := range data {
		n := len(d.info)
		p := make([]float64, n)
		for i := range p {
			p[i] = sigmoid(dot(m.Line, d.x[i*numFeatures:(i+1)*numFeatures]))
		}
		for i := range p {
			c := make([]float64, numContext)
			contextFeatures(c, p, d.x[i*numFeatures:(i+1)*numFeatures], i)
			cs = append(cs, c)
		}
	}
	m.Context = fitLogistic(cs, ys, ws, opt.L2)
	return m
}

// fitRuns fits the run model of m, whose span model is trained: on every page, the
// candidate runs whose lines match the human-marked body best (by word F1, within
// runTolerance of the best candidate) are the right choices. The runs of shifted evidence
// are left out of the first of its two fits, whose right choices are those of the other
// candidates, so that they weigh each other as they would without them.
func fitRuns(m *Model, pages []Page, l2 float64) []float64 {
	var xs, firstPages [][][]float64
	var gold, firstGold [][]bool
	for _, pg := range pages {
		info := analyseBlocks(pg.Blocks)
		if len(info) == 0 {
			continue
		}
		labels := pg.Labels()
		p0 := m.spanScores(info)
		v := runEvidence(info, p0)
		rs := runCandidates(info, p0, v)
		cands := rs.spans
		if len(cands) < 2 {
			continue
		}
		var goldWords float64
		for i := range info {
			if labels[i] {
				goldWords += float64(info[i].words)
			}
		}
		if goldWords == 0 {
			continue
		}
		f1 := make([]float64, len(cands))
		best := 0.0
		px := make([][]float64, len(cands))
		for k, sp := range cands {
			var in, all float64
			for i := sp.start; i < sp.end; i++ {
				all += float64(info[i].words)
				if labels[i] {
					in += float64(info[i].words)
				}
			}
			f1[k] = 2 * in / (all + goldWords)
			best = max(best, f1[k])
			px[k] = make([]float64, numRunFeatures)
			runFeatures(px[k], info, p0, v, rs, k)
		}
		if best == 0 {
			continue
		}
		var unshifted []int
		bestUnshifted := 0.0
		for k := range cands {
			if rs.shift[k] == 0 {
				unshifted = append(unshifted, k)
				bestUnshifted = max(bestUnshifted, f1[k])
			}
		}
		// A run of shifted evidence is right only when it matches the body better than
		// every other candidate by more than runTolerance: most are the first run and a
		// line or two, which match it about as well, and a span that takes a short line
		// more before the article (a back link, a kicker) misleads what reads the lines
		// around its start (the headline).
		g := make([]bool, len(cands))
		for k := range cands {
			g[k] = f1[k] >= best-runTolerance && (rs.shift[k] == 0 || f1[k] > bestUnshifted+runTolerance)
		}
		xs = append(xs, px)
		gold = append(gold, g)
		// The first fit sees the candidates of unshifted evidence alone, right when
		// within runTolerance of the best of them.
		ux := make([][]float64, len(unshifted))
		ug := make([]bool, len(unshifted))
		for j, k := range unshifted {
			ux[j] = px[k]
			ug[j] = bestUnshifted > 0 && f1[k] >= bestUnshifted-runTolerance
		}
		firstPages = append(firstPages, ux)
		firstGold = append(firstGold, ug)
	}
	// The joins' gap features are fitted after the others, which are fitted first without
	// them: what the gap holds then re-weighs the joins alone, and the weighing of runs
	// and lone lines against each other stays that of the features that describe them
	// (fitted together, the gap features take over part of what the comment and stamp
	// features say of every candidate). So are the features of the runs of shifted
	// evidence, which the first fit does not see: they re-weigh those runs alone.
	base := numRunFeatures - numGapFeatures - numShiftFeatures
	firstXs := make([][][]float64, len(firstPages))
	for k, px := range firstPages {
		firstXs[k] = make([][]float64, len(px))
		for i, x := range px {
			firstXs[k][i] = x[:base]
		}
	}
	first := fitSoftmax(firstXs, firstGold, l2)
	// The second fit weighs the first fit's score and the shift and gap features.
	secondXs := make([][][]float64, len(xs))
	for k, px := range xs {
		secondXs[k] = make([][]float64, len(px))
		for i, x := range px {
			secondXs[k][i] = append([]float64{dot(first, x[:base])}, x[base:]...)
		}
	}
	second := fitSoftmax(secondXs, gold, l2)
	w := make([]float64, numRunFeatures+1)
	for a := 0; a < base; a++ {
		w[a] = second[0] * first[a]
	}
	copy(w[base:numRunFeatures], second[1:])
	return w
}

// runL2 is the ridge penalty of the run model.
const runL2 = 1

// runTolerance is how far below the best candidate's word F1 a candidate run still counts
// as a right choice.
const runTolerance = 0.02

// fitLogistic fits weighted, L2-penalised logistic regression by Newton's method and
// returns the weights followed by the (unpenalised) bias.
func fitLogistic(xs [][]float64, ys, ws []float64, l2 float64) []float64 {
	if len(xs) == 0 {
		return nil
	}
	d := len(xs[0]) + 1
	w := make([]float64, d)
	xb := make([]float64, d)
	for iter := 0; iter < 25; iter++ {
		grad := make([]float64, d)
		hess := make([]float64, d*d)
		for k, x := range xs {
			copy(xb, x)
			xb[d-1] = 1
			p := sigmoid(dot(w, x))
			g := ws[k] * (p - ys[k])
			h := ws[k] * max(p*(1-p), 1e-9)
			for a := 0; a < d; a++ {
				grad[a] += g * xb[a]
				ha := h * xb[a]
				for b := a; b < d; b++ {
					hess[a*d+b] += ha * xb[b]
				}
			}
		}
		for a := 0; a < d; a++ {
			for b := 0; b < a; b++ {
				hess[a*d+b] = hess[b*d+a]
			}
			if a < d-1 {
				grad[a] += l2 * w[a]
				hess[a*d+a] += l2
			} else {
				hess[a*d+a] += 1e-6
			}
		}
		step := solve(hess, grad, d)
		change := 0.0
		for a := range w {
			w[a] -= step[a]
			change = max(change, math.Abs(step[a]))
		}
		if change < 1e-6 {
			break
		}
	}
	return w
}

// solve returns x with A x = b by Gaussian elimination with partial pivoting; A is d×d, row-major,
// and is overwritten.
func solve(a, b []float64, d int) []float64 {
	x := append([]float64(nil), b...)
	for c := 0; c < d; c++ {
		piv := c
		for r := c + 1; r < d; r++ {
			if math.Abs(a[r*d+c]) > math.Abs(a[piv*d+c]) {
				piv = r
			}
		}
		if a[piv*d+c] == 0 {
			continue
		}
		if piv != c {
			for k := 0; k < d; k++ {
				a[c*d+k], a[piv*d+k] = a[piv*d+k], a[c*d+k]
			}
			x[c], x[piv] = x[piv], x[c]
		}
		for r := c + 1; r < d; r++ {
			f := a[r*d+c] / a[c*d+c]
			if f == 0 {
				continue
			}
			for k := c; k < d; k++ {
				a[r*d+k] -= f * a[c*d+k]
			}
			x[r] -= f * x[c]
		}
	}
	for c := d - 1; c >= 0; c-- {
		if a[c*d+c] == 0 {
			x[c] = 0
			continue
		}
		s := x[c]
		for k := c + 1; k < d; k++ {
			s -= a[c*d+k] * x[k]
		}
		x[c] = s / a[c*d+c]
	}
	return x
}
