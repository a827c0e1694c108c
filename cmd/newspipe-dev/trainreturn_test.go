package main

import (
	"testing"

	"github.com/newspipe/newspipe/internal/shingle"
	"github.com/newspipe/newspipe/stages/clean"
)

// countingModel chooses every candidate and records how many examples it was trained on.
type countingModel struct{ examples int }

func (m countingModel) Returns([]float64) bool { return true }

// TestLearnOnlyPages checks that a page whose candidates are learned from but not applied
// (the dispute's pages whose raw lines the lines choice takes) lends its examples to the
// folds' models, keeps no decision of theirs, and is scored as it was cleaned.
func TestLearnOnlyPages(t *testing.T) {
	var trained []int
	task := blockTask{train: func(ex []clean.ReturnExample, _, _ float64) blockModel {
		trained = append(trained, len(ex))
		return countingModel{len(ex)}
	}}
	page := func(fold int, learnOnly bool) returnPage {
		return returnPage{fold: fold, learn: true, learnOnly: learnOnly,
			base:     shingle.Page{Precision: 0.5, Recall: 1},
			cands:    []clean.ReturnCandidate{{Block: 0}, {Block: 1}},
			examples: []clean.ReturnExample{{Gain: 1}, {Gain: 1}},
		}
	}
	for _, tt := range []struct {
		name      string
		learnOnly bool
		// trained is the examples each fold's model learns from: fold 0 holds the page
		// under test, fold 1 a page that is learned from and scored.
		trained []int
		decided bool
	}{
		{"page learned from and scored", false, []int{2, 2}, true},
		{"page learned from only", true, []int{2, 2}, false},
	} {
		trained = nil
		pages := []returnPage{page(0, tt.learnOnly), page(1, false)}
		dec := crossValidateReturn(task, pages, 2, 0.5, 1)
		if len(trained) != 2 || trained[0] != tt.trained[0] || trained[1] != tt.trained[1] {
			t.Errorf("%s: folds' models trained on %v examples, want %v", tt.name, trained, tt.trained)
		}
		if got := dec[0][0] && dec[0][1]; got != tt.decided {
			t.Errorf("%s: decisions %v, want every candidate chosen %v", tt.name, dec[0], tt.decided)
		}
		if !dec[1][0] || !dec[1][1] {
			t.Errorf("%s: the scored page's decisions %v, want every candidate chosen", tt.name, dec[1])
		}
		if tt.learnOnly {
			p := pages[0]
			if got := p.score(nil, []bool{true, true}); got != p.base {
				t.Errorf("%s: score with candidates chosen = %+v, want the page as cleaned %+v", tt.name, got, p.base)
			}
		}
	}
}
