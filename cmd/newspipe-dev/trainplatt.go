package main

import "math"

// plattFit is a one-dimensional logistic model of whether taking a page's best-scored
// candidate is right rather than taking none: P(take is right | score s) = σ(a·s + b).
type plattFit struct {
	a, b float64
}

// fitPlatt fits σ(a·s + b) to scores whose taking was right (take) or whose taking
// nothing was right (not take), by Newton's method on the log-loss with Platt's targets:
// (n₊+1)/(n₊+2) for the first and 1/(n₋+2) for the second in place of 1 and 0. The
// targets keep the fit finite when the scores separate the two, which they do on few
// pages, and shrink it toward taking either as often as the pages do. The fit is
// deterministic: it starts from a = 0 and the prior log-odds, and steps are halved until
// the loss falls.
func fitPlatt(take, not []float64) plattFit {
	np, nn := float64(len(take)), float64(len(not))
	if np+nn == 0 {
		return plattFit{}
	}
	hi, lo := (np+1)/(np+2), 1/(nn+2)
	type row struct{ s, t float64 }
	rows := make([]row, 0, len(take)+len(not))
	for _, s := range take {
		rows = append(rows, row{s, hi})
	}
	for _, s := range not {
		rows = append(rows, row{s, lo})
	}
	loss := func(a, b float64) float64 {
		l := 0.0
		for _, r := range rows {
			z := a*r.s + b
			// -t log σ(z) - (1-t) log(1-σ(z)) = log(1+e^z) - t z, computed without overflow.
			l += softplus(z) - r.t*z
		}
		return l
	}
	a, b := 0.0, math.Log((np+1)/(nn+1))
	cur := loss(a, b)
	for range 100 {
		var ga, gb, haa, hab, hbb float64
		for _, r := range rows {
			p := sigmoid(a*r.s + b)
			d, w := p-r.t, p*(1-p)
			ga += d * r.s
			gb += d
			haa += w * r.s * r.s
			hab += w * r.s
			hbb += w
		}
		// A tiny ridge on the Hessian keeps it invertible when every score is equal.
		haa += 1e-12
		hbb += 1e-12
		det := haa*hbb - hab*hab
		if det <= 0 {
			break
		}
		da := (hbb*ga - hab*gb) / det
		db := (haa*gb - hab*ga) / det
		step := 1.0
		for ; step > 1e-10; step /= 2 {
			if l := loss(a-step*da, b-step*db); l < cur {
				a, b, cur = a-step*da, b-step*db, l
				break
			}
		}
		if step <= 1e-10 || math.Abs(step*da)+math.Abs(step*db) < 1e-12 {
			break
		}
	}
	return plattFit{a: a, b: b}
}

// misnameCost is what naming a wrong author or date costs, where missing a right one
// costs 1. A reader can tell a missing author is missing, but not that a named one is
// wrong, so a wrong name is the worse error; by a quarter, a mild preference that does
// the work the old rule's tie-break toward naming fewer pages did. The best candidate is
// taken where P(right)·1 > P(taking none is right)·misnameCost.
const misnameCost = 1.25

// threshold is the score from which taking the best candidate is worth more than taking
// none: where the odds of the two being right equal misnameCost (log-odds log of it). When
// the fit finds that higher scores are not more often right (a ≤ 0) there is no such
// score; the threshold is then lo, taking every best, where taking is the likelier outcome
// (b > log misnameCost), and hi, taking none, where it is not.
func (f plattFit) threshold(lo, hi float64) float64 {
	c := math.Log(misnameCost)
	if f.a <= 0 {
		if f.b > c {
			return lo
		}
		return hi
	}
	return (c - f.b) / f.a
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// softplus is log(1 + e^z), without overflow for large z.
func softplus(z float64) float64 {
	if z > 30 {
		return z
	}
	return math.Log1p(math.Exp(z))
}
