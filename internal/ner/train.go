package ner

import (
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"time"
)

// TrainOptions sets the training hyper-parameters.
type TrainOptions struct {
	// Iterations is the number of passes over the training data (default DefaultIterations).
	Iterations int
	// Seed fixes the shuffle order, so that training is deterministic.
	Seed uint64
	// MinCount drops features seen fewer times in training (default 1: keep all).
	MinCount int
	// Dev, when not empty, is scored after every iteration and logged.
	Dev []CoNLLDoc
	// Ensemble, when above 1, trains that many models in different shuffle orders and
	// keeps their mean weights (DefaultEnsemble is what the shipped model uses).
	Ensemble int
	// LabelStage adds a label stage (see Model.second), trained on the tags of
	// jackknifed first stages.
	LabelStage bool
	// Clusters and Lexicon, when not nil, add word-cluster and lexicon features; the
	// model keeps them.
	Clusters *WordClusters
	Lexicon  *Lexicon
}

// Predictor finds entity spans in a document given as sentences of tokens.
type Predictor interface {
	Predict(doc [][]string) [][]Span
}

// Evaluate scores p's predictions on docs against their gold tags.
func Evaluate(p Predictor, docs []CoNLLDoc) Score {
	var s Score
	for _, d := range docs {
		words := make([][]string, len(d.Sentences))
		for i, sent := range d.Sentences {
			words[i] = sent.Words
		}
		pred := p.Predict(words)
		for i, sent := range d.Sentences {
			s.Add(SpansFromTags(sent.Tags), pred[i])
		}
	}
	if s.ByType == nil {
		s.ByType = map[string]Counts{}
	}
	return s
}

// knownTypes fixes the order of the CoNLL types in a model.
var knownTypes = []string{"PER", "ORG", "LOC", "MISC"}

// trainSentence is a sentence prepared for training.
type trainSentence struct {
	feats   []int32   // feature rows of all tokens
	base    []float32 // scores to start from (second stage), or nil
	offsets []int32   // token i's rows are feats[offsets[i]:offsets[i+1]]
	gold    []int
}

// Train trains a model on a CoNLL-format file (IOB1 or IOB2 tags in the last column).
// Progress goes to log.
func Train(r io.Reader, opts TrainOptions, log io.Writer) (*Model, error) {
	docs, err := ReadCoNLL(r)
	if err != nil {
		return nil, fmt.Errorf("train ner: %w", err)
	}
	return TrainDocs(docs, opts, log)
}

// TrainDocs trains a model on documents read by ReadCoNLL.
func TrainDocs(docs []CoNLLDoc, opts TrainOptions, log io.Writer) (*Model, error) {
	if log == nil {
		log = io.Discard
	}
	if opts.Iterations <= 0 {
		opts.Iterations = DefaultIterations
	}
	if opts.MinCount <= 0 {
		opts.MinCount = 1
	}
	begin := time.Now()

	// Entity types: the CoNLL ones first, others in order of appearance.
	typeIndex := map[string]int{}
	var types []string
	var spans [][][]Span
	for _, d := range docs {
		var ds [][]Span
		for _, s := range d.Sentences {
			sp := SpansFromTags(s.Tags)
			ds = append(ds, sp)
			for _, x := range sp {
				if _, ok := typeIndex[x.Type]; !ok {
					typeIndex[x.Type] = -1
				}
			}
		}
		spans = append(spans, ds)
	}
	for _, t := range knownTypes {
		if _, ok := typeIndex[t]; ok {
			typeIndex[t] = len(types)
			types = append(types, t)
		}
	}
	var others []string
	for t, i := range typeIndex {
		if i < 0 {
			others = append(others, t)
		}
	}
	slices.Sort(others)
	for _, t := range others {
		typeIndex[t] = len(types)
		types = append(types, t)
	}
	if len(types) == 0 {
		return nil, fmt.Errorf("train ner: no entities in %d documents", len(docs))
	}
	if len(types) > 8 {
		return nil, fmt.Errorf("train ner: %d entity types, at most 8 supported", len(types))
	}
	if opts.LabelStage {
		return trainLabelStage(docs, spans, types, typeIndex, opts, log, begin), nil
	}
	return fitEnsemble(docs, spans, types, typeIndex, opts, log, begin), nil
}

// fitEnsemble trains the first stage: one model, or with opts.Ensemble above 1 the
// mean of that many models trained in different orders.
func fitEnsemble(docs []CoNLLDoc, spans [][][]Span, types []string, typeIndex map[string]int, opts TrainOptions, log io.Writer, begin time.Time) *Model {
	if opts.Ensemble <= 1 {
		return fit(docs, spans, types, typeIndex, nil, opts, log, begin)
	}
	// Models trained in different orders disagree on rare features; their mean
	// weights generalise better than any one and cost nothing more to run.
	var ms []*Model
	for k := 0; k < opts.Ensemble; k++ {
		o := opts
		o.Seed = opts.Seed + uint64(k)*7919
		o.Dev = nil
		ms = append(ms, fit(docs, spans, types, typeIndex, nil, o, log, begin))
	}
	m := meanModel(ms)
	if len(opts.Dev) > 0 {
		fmt.Fprintf(log, "train ner: ensemble of %d, dev F1 %.4f\n", len(ms), Evaluate(m, opts.Dev).Overall.F1())
	}
	return m
}

func docWords(d CoNLLDoc) [][]string {
	words := make([][]string, len(d.Sentences))
	for i, s := range d.Sentences {
		words[i] = s.Words
	}
	return words
}

// firstStage is what a first stage said about every sentence of the training documents,
// from which a label stage learns; the label stage keeps the first stage's transitions trans.
type firstStage struct {
	tags  [][][]int
	em    [][][]float32
	trans []float32
}

// labelSentence returns the label-stage features of the tokens of sentence si, whose
// first-stage tags are tags, of the document f scanned and counted labels of, with
// offsets as sentenceFeatures gives them; no keys when no token has any.
func labelSentence(f *featurizer, si int, tags []int) ([]uint64, []int32) {
	start := f.sentStart[si]
	var keys []uint64
	offsets := []int32{0}
	for i, t := range tags {
		keys = f.labelFeatures(keys, start+i, t)
		offsets = append(offsets, int32(len(keys)))
	}
	return keys, offsets
}

// trainLabelStage trains a model with a label stage. The label stage learns from the
// first stage's tags on documents that it did not see (five jackknife folds), so that
// they are as wrong as on new text; the first stage is then trained on all documents
// as without a label stage (fitEnsemble).
func trainLabelStage(docs []CoNLLDoc, spans [][][]Span, types []string, typeIndex map[string]int, opts TrainOptions, log io.Writer, begin time.Time) *Model {
	const folds = 5
	first := &firstStage{tags: make([][][]int, len(docs)), em: make([][][]float32, len(docs))}
	for k := 0; k < folds; k++ {
		sub, subSpans, out := jackknifeFold(docs, spans, folds, k)
		o := opts
		o.Dev = nil
		o.Seed = opts.Seed + uint64(k)*7919
		fm := fit(sub, subSpans, types, typeIndex, nil, o, io.Discard, begin)
		for _, di := range out {
			first.tags[di], first.em[di] = fm.tagDoc(docWords(docs[di]))
		}
		fmt.Fprintf(log, "train ner: jackknife fold %d of %d done (%v)\n", k+1, folds, time.Since(begin).Round(time.Millisecond))
	}
	m := fitEnsemble(docs, spans, types, typeIndex, opts, log, begin)
	first.trans = m.trans
	o := opts
	o.Dev = nil
	m2 := fit(docs, spans, types, typeIndex, first, o, log, begin)
	m2.gaz, m2.clusters, m2.lex = nil, nil, nil
	m.second = m2
	if len(opts.Dev) > 0 {
		fmt.Fprintf(log, "train ner: with the label stage, dev F1 %.4f\n", Evaluate(m, opts.Dev).Overall.F1())
	}
	return m
}

// fit trains one averaged perceptron on docs. first, when not nil, holds a first
// stage's tags and scores for every token of every document, which makes this a
// second stage: it starts from those scores and learns corrections.
func fit(docs []CoNLLDoc, spans [][][]Span, types []string, typeIndex map[string]int, first *firstStage, opts TrainOptions, log io.Writer, begin time.Time) *Model {
	m := newModel(types)
	m.clusters, m.lex = opts.Clusters, opts.Lexicon
	T := m.nTags

	// Gazetteer of training entities. While training, a document sees only the phrases
	// that some other document has too, as unseen text will.
	type gazCount struct{ docs, first [8]int32 }
	counts := map[uint64]*gazCount{}
	for di, d := range docs {
		for si, s := range d.Sentences {
			for _, sp := range spans[di][si] {
				if sp.End-sp.Start > maxGazetteerLen {
					continue
				}
				h := phraseHash(s.Words[sp.Start:sp.End])
				c := counts[h]
				if c == nil {
					c = &gazCount{}
					counts[h] = c
				}
				t := typeIndex[sp.Type]
				if c.docs[t] == 0 {
					c.first[t] = int32(di)
					c.docs[t] = 1
				} else if c.first[t] != int32(di) && c.docs[t] == 1 {
					c.docs[t] = 2 // at least two documents is all that matters
				}
			}
		}
	}
	m.gaz = make(gazetteer, len(counts))
	for h, c := range counts {
		var mask uint8
		for t := range types {
			if c.docs[t] > 0 {
				mask |= 1 << t
			}
		}
		m.gaz[h] = mask
	}

	// Features.
	f := newFeaturizer(m.gaz, len(types), m.clusters, m.lex)
	type rawSentence struct {
		base    []float32
		keys    []uint64
		offsets []int32
		gold    []int
	}
	var raw []rawSentence
	freq := map[uint64]int32{}
	for di, d := range docs {
		words := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			words[i] = s.Words
		}
		f.scanDocument(words)
		if first != nil {
			var flat []int
			for _, t := range first.tags[di] {
				flat = append(flat, t...)
			}
			f.countLabels(flat)
		}
		mask := func(h uint64, types uint8) uint8 {
			c := counts[h]
			var out uint8
			for t := 0; t < 8; t++ {
				if types&(1<<t) != 0 && (c.docs[t] > 1 || c.first[t] != int32(di)) {
					out |= 1 << t
				}
			}
			return out
		}
		for si, s := range d.Sentences {
			var base []float32
			if first != nil {
				base = first.em[di][si]
			}
			var keys []uint64
			var offsets []int32
			if first != nil {
				// A label stage sees only the sentences it corrects.
				if keys, offsets = labelSentence(&f, si, first.tags[di][si]); len(keys) == 0 {
					continue
				}
			} else {
				keys, offsets = f.sentenceFeatures(si, s.Words, nil, nil, mask)
			}
			for _, k := range keys {
				freq[k]++
			}
			gold := make([]int, len(s.Words))
			for _, sp := range spans[di][si] {
				t := typeIndex[sp.Type]
				if sp.End-sp.Start == 1 {
					gold[sp.Start] = 1 + 4*t + posUnit
					continue
				}
				gold[sp.Start] = 1 + 4*t + posBegin
				for k := sp.Start + 1; k < sp.End-1; k++ {
					gold[k] = 1 + 4*t + posInside
				}
				gold[sp.End-1] = 1 + 4*t + posLast
			}
			raw = append(raw, rawSentence{base, keys, offsets, gold})
		}
	}
	rowOf := map[uint64]int32{}
	var rowKeys []uint64
	sents := make([]trainSentence, len(raw))
	for i, rs := range raw {
		ts := trainSentence{gold: rs.gold, base: rs.base, offsets: make([]int32, 1, len(rs.offsets))}
		for tok := 0; tok+1 < len(rs.offsets); tok++ {
			for _, k := range rs.keys[rs.offsets[tok]:rs.offsets[tok+1]] {
				if freq[k] < int32(opts.MinCount) {
					continue
				}
				r, ok := rowOf[k]
				if !ok {
					r = int32(len(rowKeys))
					rowOf[k] = r
					rowKeys = append(rowKeys, k)
				}
				ts.feats = append(ts.feats, r)
			}
			ts.offsets = append(ts.offsets, int32(len(ts.feats)))
		}
		sents[i] = ts
	}
	raw, freq, rowOf = nil, nil, nil
	fmt.Fprintf(log, "train ner: %d documents, %d sentences, %d features, %d gazetteer phrases, prepared in %v\n",
		len(docs), len(sents), len(rowKeys), len(m.gaz), time.Since(begin).Round(time.Millisecond))

	// Averaged perceptron: w holds the current weights and u the sum of c*update, so that
	// the average over all steps is w - u/c.
	w := make([]float32, len(rowKeys)*T)
	u := make([]float32, len(rowKeys)*T)
	tw := make([]float32, len(m.trans))
	tu := make([]float32, len(m.trans))
	fixedTrans := first != nil
	if fixedTrans {
		copy(tw, first.trans) // a label stage decodes with the first stage's transitions
	}
	var vs viterbiScratch
	var lat lattice
	var em []float32
	pred := make([]int, 0, 256)
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	c := float32(1)
	for it := 0; it < opts.Iterations; it++ {
		rng := rand.New(rand.NewPCG(opts.Seed, uint64(it)))
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, si := range order {
			s := &sents[si]
			n := len(s.gold)
			if cap(em) < n*T {
				em = make([]float32, n*T)
			}
			em = em[:n*T]
			if len(s.base) == len(em) {
				copy(em, s.base)
			} else {
				clear(em)
			}
			for i := 0; i < n; i++ {
				row := em[i*T : i*T+T]
				for _, r := range s.feats[s.offsets[i]:s.offsets[i+1]] {
					wr := w[int(r)*T : int(r)*T+T]
					for t := range row {
						row[t] += wr[t]
					}
				}
			}
			if cap(pred) < n {
				pred = make([]int, n)
			}
			pred = pred[:n]
			lat.set(tw, m.allowed, m.final)
			viterbi(&vs, &lat, em, n, pred)
			prevG, prevP := T, T // the start row
			for i := 0; i < n; i++ {
				g, p := s.gold[i], pred[i]
				if g != p {
					errs++
					for _, r := range s.feats[s.offsets[i]:s.offsets[i+1]] {
						w[int(r)*T+g]++
						u[int(r)*T+g] += c
						w[int(r)*T+p]--
						u[int(r)*T+p] -= c
					}
				}
				if !fixedTrans && (g != p || prevG != prevP) {
					tw[prevG*T+g]++
					tu[prevG*T+g] += c
					tw[prevP*T+p]--
					tu[prevP*T+p] -= c
				}
				prevG, prevP = g, p
			}
			c++
		}
		msg := fmt.Sprintf("iteration %d: %d token errors", it+1, errs)
		if len(opts.Dev) > 0 && first == nil {
			m.setAveraged(rowKeys, w, u, tw, tu, c)
			sc := Evaluate(m, opts.Dev)
			msg += fmt.Sprintf(", dev F1 %.4f", sc.Overall.F1())
		}
		fmt.Fprintf(log, "%s (%v)\n", msg, time.Since(begin).Round(time.Millisecond))
	}
	m.setAveraged(rowKeys, w, u, tw, tu, c)
	fmt.Fprintf(log, "train ner: %d non-zero features, done in %v\n", len(m.weights)/T, time.Since(begin).Round(time.Millisecond))
	return m
}

// setAveraged sets m's weights to the averaged perceptron weights, dropping features
// whose weights are all zero.
func (m *Model) setAveraged(rowKeys []uint64, w, u, tw, tu []float32, c float32) {
	T := m.nTags
	var keys []uint64
	weights := make([]float32, 0, len(w)/4)
	for r, k := range rowKeys {
		nonzero := false
		for t := 0; t < T; t++ {
			if w[r*T+t]-u[r*T+t]/c != 0 {
				nonzero = true
				break
			}
		}
		if !nonzero {
			continue
		}
		keys = append(keys, k)
		for t := 0; t < T; t++ {
			weights = append(weights, w[r*T+t]-u[r*T+t]/c)
		}
	}
	for i := range m.trans {
		m.trans[i] = tw[i] - tu[i]/c
	}
	m.weights = weights
	m.quantise()
	m.table = newFeatTable(keys)
}

func sortedKeys(g gazetteer) []uint64 {
	keys := make([]uint64, 0, len(g))
	for k := range g {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func sortUint64(k []uint64) { slices.Sort(k) }

// DefaultIterations is the number of training passes chosen on CoNLL-2003 dev.
const DefaultIterations = 10

// DefaultEnsemble is the number of models whose weights the shipped model averages:
// on CoNLL-2003 dev it removes most of the spread between shuffle seeds.
const DefaultEnsemble = 5

// meanModel returns a model whose weights are the mean of ms's; they share types and gazetteer.
func meanModel(ms []*Model) *Model {
	m := newModel(ms[0].types)
	m.gaz, m.clusters, m.lex = ms[0].gaz, ms[0].clusters, ms[0].lex
	T := m.nTags
	rowOf := map[uint64]int{}
	var keys []uint64
	for _, x := range ms {
		for _, sl := range x.table.slots {
			if sl.key != 0 {
				if _, ok := rowOf[sl.key]; !ok {
					rowOf[sl.key] = len(keys)
					keys = append(keys, sl.key)
				}
			}
		}
	}
	m.weights = make([]float32, len(keys)*T)
	n := float32(len(ms))
	for _, x := range ms {
		for _, sl := range x.table.slots {
			if sl.key == 0 {
				continue
			}
			r := rowOf[sl.key]
			for t := 0; t < T; t++ {
				m.weights[r*T+t] += x.weights[int(sl.row)*T+t] / n
			}
		}
		for i := range m.trans {
			m.trans[i] += x.trans[i] / n
		}
	}
	m.quantise()
	m.table = newFeatTable(keys)
	return m
}

// CrossValidate estimates how a model trained with opts does on unseen documents: it
// splits docs into folds parts of whole documents (document i in part i%folds), trains
// on all parts but one, scores the one left out, and returns the score pooled over all
// parts. Documents, not sentences, are held out, since a document repeats its names.
func CrossValidate(docs []CoNLLDoc, opts TrainOptions, folds int, log io.Writer) (Score, error) {
	if log == nil {
		log = io.Discard
	}
	if folds < 2 || len(docs) < folds {
		return Score{}, fmt.Errorf("cross-validate ner: %d folds of %d documents", folds, len(docs))
	}
	opts.Dev = nil
	total := Score{ByType: map[string]Counts{}}
	for k := 0; k < folds; k++ {
		var train, test []CoNLLDoc
		for di, d := range docs {
			if di%folds == k {
				test = append(test, d)
			} else {
				train = append(train, d)
			}
		}
		m, err := TrainDocs(train, opts, io.Discard)
		if err != nil {
			return Score{}, fmt.Errorf("cross-validate ner: fold %d: %w", k+1, err)
		}
		s := Evaluate(m, test)
		fmt.Fprintf(log, "cross-validate ner: fold %d of %d: %d documents, F1 %.4f\n", k+1, folds, len(test), s.Overall.F1())
		total.Overall = total.Overall.plus(s.Overall)
		for t, c := range s.ByType {
			total.ByType[t] = total.ByType[t].plus(c)
		}
	}
	return total, nil
}

// jackknifeFold splits the documents for fold k of folds: the documents (and their
// spans) that train the fold's model, in order, and the indexes of those it tags.
func jackknifeFold(docs []CoNLLDoc, spans [][][]Span, folds, k int) (sub []CoNLLDoc, subSpans [][][]Span, out []int) {
	for di := range docs {
		if di%folds == k {
			out = append(out, di)
		} else {
			sub = append(sub, docs[di])
			subSpans = append(subSpans, spans[di])
		}
	}
	return sub, subSpans, out
}
