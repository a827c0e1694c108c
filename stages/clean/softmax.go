package clean

import "math"

// fitSoftmax fits a per-page choice (conditional logit): the weights w that make each
// page's gold candidates likely among all of that page's candidates, p(i) ∝ exp(w·x_i),
// with ridge penalty l2, by damped Newton steps. pages[k] holds page k's candidate
// feature vectors, gold[k] which of them are right; pages with no right candidate teach
// nothing and are skipped. The returned weights end with a zero bias (a choice within a
// page does not depend on it), so they score as the logistic weights do (dot).
func fitSoftmax(pages [][][]float64, gold [][]bool, l2 float64) []float64 {
	d := 0
	for _, p := range pages {
		if len(p) > 0 {
			d = len(p[0])
			break
		}
	}
	w := make([]float64, d+1)
	if d == 0 {
		return w
	}
	objective := func(w []float64) float64 {
		f := 0.0
		for k, p := range pages {
			all, right := math.Inf(-1), math.Inf(-1)
			for i, x := range p {
				s := dot(w, x)
				all = logAdd(all, s)
				if gold[k][i] {
					right = logAdd(right, s)
				}
			}
			if !math.IsInf(right, -1) {
				f -= right - all
			}
		}
		for a := 0; a < d; a++ {
			f += l2 / 2 * w[a] * w[a]
		}
		return f
	}
	f := objective(w)
	for iter := 0; iter < 50; iter++ {
		grad := make([]float64, d)
		hess := make([]float64, d*d)
		for k, p := range pages {
			scores := make([]float64, len(p))
			all, right := math.Inf(-1), math.Inf(-1)
			for i, x := range p {
				scores[i] = dot(w, x)
				all = logAdd(all, scores[i])
				if gold[k][i] {
					right = logAdd(right, scores[i])
				}
			}
			if math.IsInf(right, -1) {
				continue
			}
			// The gradient of -log p(gold) is E_p[x] - E_p[x | gold]; the Hessian is
			// approximated by the covariance of x under p (exact with one gold candidate).
			mean, meanGold := make([]float64, d), make([]float64, d)
			for i, x := range p {
				pi := math.Exp(scores[i] - all)
				for a := 0; a < d; a++ {
					mean[a] += pi * x[a]
				}
				if gold[k][i] {
					pg := math.Exp(scores[i] - right)
					for a := 0; a < d; a++ {
						meanGold[a] += pg * x[a]
					}
				}
			}
			for a := 0; a < d; a++ {
				grad[a] += mean[a] - meanGold[a]
			}
			for i, x := range p {
				pi := math.Exp(scores[i] - all)
				for a := 0; a < d; a++ {
					da := pi * (x[a] - mean[a])
					for b := a; b < d; b++ {
						hess[a*d+b] += da * (x[b] - mean[b])
					}
				}
			}
		}
		for a := 0; a < d; a++ {
			for b := 0; b < a; b++ {
				hess[a*d+b] = hess[b*d+a]
			}
			grad[a] += l2 * w[a]
			hess[a*d+a] += l2 + 1e-9
		}
		step := solve(hess, grad, d)
		// Halve the step until the objective falls.
		next := make([]float64, d+1)
		t, fn := 1.0, 0.0
		for range 30 {
			for a := 0; a < d; a++ {
				next[a] = w[a] - t*step[a]
			}
			if fn = objective(next); fn <= f {
				break
			}
			t /= 2
		}
		if fn > f {
			break
		}
		change := 0.0
		for a := 0; a < d; a++ {
			change = max(change, math.Abs(next[a]-w[a]))
		}
		copy(w, next)
		f = fn
		if change < 1e-7 {
			break
		}
	}
	return w
}

// logAdd returns log(exp(a) + exp(b)).
func logAdd(a, b float64) float64 {
	if math.IsInf(a, -1) {
		return b
	}
	if math.IsInf(b, -1) {
		return a
	}
	if a < b {
		a, b = b, a
	}
	return a + math.Log1p(math.Exp(b-a))
}
