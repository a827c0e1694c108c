package main

// groupedCV cross-validates over folds of sites (URL hosts): for each fold, accuracy fits
// on the pages train keeps (those of the other folds) and returns the share right of the
// pages test keeps (those of the fold). It returns the share right of all pages and its
// range over the folds.
func groupedCV[P any](pages []P, folds int, fold func(P) int, accuracy func(train, test func(P) bool) float64) (cv, lo, hi float64) {
	right, n := 0.0, 0
	lo, hi = 1.0, 0.0
	for f := range folds {
		test := func(p P) bool { return fold(p) == f }
		acc := accuracy(func(p P) bool { return fold(p) != f }, test)
		m := 0
		for _, p := range pages {
			if test(p) {
				m++
			}
		}
		right += acc * float64(m)
		n += m
		lo, hi = min(lo, acc), max(hi, acc)
	}
	return right / float64(n), lo, hi
}

// shareRight is the share of the pages in for which right reports the choice made right;
// 0 when in keeps none.
func shareRight[P any](pages []P, in func(P) bool, right func(P) bool) float64 {
	r, n := 0, 0
	for _, p := range pages {
		if !in(p) {
			continue
		}
		n++
		if right(p) {
			r++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(r) / float64(n)
}
