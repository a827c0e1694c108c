package main

import "github.com/newspipe/newspipe/stages/clean"

// labelledRows flattens the candidates of the pages that in keeps into training rows, in
// page and candidate order: each candidate's features, labelled 1 when it is gold, else 0.
func labelledRows[P, C any](pages []P, in func(P) bool, cands func(P) ([]C, []bool), features func(C) []float64) (xs [][]float64, ys []float64) {
	for _, p := range pages {
		if !in(p) {
			continue
		}
		cs, gold := cands(p)
		for i, c := range cs {
			xs = append(xs, features(c))
			y := 0.0
			if gold[i] {
				y = 1
			}
			ys = append(ys, y)
		}
	}
	return xs, ys
}

// choiceRows gathers the pages that in keeps as per-page choices, in page and candidate
// order: each page's candidates' features, and which of them are gold.
func choiceRows[P, C any](pages []P, in func(P) bool, cands func(P) ([]C, []bool), features func(C) []float64) (xs [][][]float64, gold [][]bool) {
	for _, p := range pages {
		if !in(p) {
			continue
		}
		cs, g := cands(p)
		var x [][]float64
		for _, c := range cs {
			x = append(x, features(c))
		}
		xs, gold = append(xs, x), append(gold, g)
	}
	return xs, gold
}

// fitChoice fits weights with ridge penalty l2 as a per-page choice among the candidates
// of the pages that in keeps (clean.FitHeadlineChoice is the project's conditional
// logit); cands and features read the pages as choiceRows does.
func fitChoice[P, C any](pages []P, l2 float64, in func(P) bool, cands func(P) ([]C, []bool), features func(C) []float64) []float64 {
	xs, gold := choiceRows(pages, in, cands, features)
	return clean.FitHeadlineChoice(xs, gold, l2)
}
