package ner

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// viterbiReference is the textbook Viterbi over the full (T+1) x T transition table
// trans, which viterbi must match tag for tag, ties included (the lower tag wins).
func viterbiReference(em []float32, n, T int, trans []float32, allowed, final []bool) []int {
	inf := float32(math.Inf(-1))
	score := make([]float32, T)
	back := make([]int, n*T)
	for t := range T {
		score[t] = inf
		if allowed[T*T+t] {
			score[t] = trans[T*T+t] + em[t]
		}
	}
	for i := 1; i < n; i++ {
		next := make([]float32, T)
		for cur := range T {
			best, arg := inf, 0
			for prev := range T {
				if !allowed[prev*T+cur] {
					continue
				}
				if s := score[prev] + trans[prev*T+cur]; s > best {
					best, arg = s, prev
				}
			}
			next[cur] = best + em[i*T+cur]
			back[i*T+cur] = arg
		}
		score = next
	}
	best, arg := inf, 0
	for t := range T {
		if final[t] && score[t] > best {
			best, arg = score[t], t
		}
	}
	out := make([]int, n)
	for i := n - 1; i >= 0; i-- {
		out[i] = arg
		arg = back[i*T+arg]
	}
	return out
}

func TestViterbiMatchesReference(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	T := m.nTags
	rng := rand.New(rand.NewPCG(1, 2))
	var v viterbiScratch
	var lat lattice
	for trial := range 2000 {
		trans := slices.Clone(m.trans)
		n := 1 + rng.IntN(40)
		em := make([]float32, n*T)
		// Half the trials use few distinct small values, so that ties are common,
		// including ties of -0 and +0.
		few := trial%2 == 0
		value := func(x float32) float32 {
			if few {
				return float32(rng.IntN(5)-2) * 0.5
			}
			return x
		}
		for i := range em {
			em[i] = value(float32(rng.NormFloat64() * 3))
		}
		if few {
			for i := range trans {
				trans[i] = value(0)
				if rng.IntN(10) == 0 {
					trans[i] = float32(math.Copysign(0, -1))
				}
			}
		}
		lat.set(trans, m.allowed, m.final)
		got := make([]int, n)
		viterbi(&v, &lat, em, n, got)
		want := viterbiReference(em, n, T, trans, m.allowed, m.final)
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d: viterbi %v, reference %v", trial, got, want)
		}
	}
}

func BenchmarkViterbi(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	T, n := m.nTags, 30
	rng := rand.New(rand.NewPCG(1, 2))
	em := make([]float32, n*T)
	for i := range em {
		em[i] = float32(rng.NormFloat64() * 3)
	}
	var v viterbiScratch
	out := make([]int, n)
	for b.Loop() {
		viterbi(&v, &m.lat, em, n, out)
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
