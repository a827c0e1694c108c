package ner

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"
)

//go:embed model.bin
var embeddedModel []byte

// Default loads the model embedded in the binary, trained on CoNLL-2003 train.txt with
// word clusters and a lexicon (see the package documentation).
// Each call loads a new copy: call it once per process.
func Default() (*Model, error) {
	m, err := Load(bytes.NewReader(embeddedModel))
	if err != nil {
		return nil, fmt.Errorf("load embedded ner model: %w", err)
	}
	return m, nil
}

// Tag positions within a type (BILOU); tag 0 is O and tag 1+4*type+position is the rest.
const (
	posBegin = iota
	posInside
	posLast
	posUnit
)

// Model is a trained named-entity tagger: an averaged structured perceptron over BILOU
// tags with first-order transitions. It is safe for concurrent use.
type Model struct {
	types   []string
	nTags   int
	trans   []float32 // (nTags+1) x nTags; the last row holds start scores
	allowed []bool    // (nTags+1) x nTags
	final   []bool    // nTags: may end a sentence
	lat     lattice   // trans laid out for viterbi
	table   featTable
	// rows holds one row of nTags weights per feature, quantised to int16 as in the
	// model file: a weight is float32(value) * scale. Scores are sums of rows in int32,
	// which are exact, so they do not depend on the order features are added in:
	// the word cache of Predict relies on it.
	rows  []int16
	scale float32
	// weights, only on a model just trained, holds the float weights rows came from.
	weights []float32
	gaz     gazetteer
	// clusters and lex are the word clusters and lexicon the model's features look up;
	// the label stage shares them.
	clusters *WordClusters
	lex      *Lexicon
	pool     sync.Pool
	// second, when not nil, is a label stage: its only features are the first stage's
	// labels of the same word elsewhere in the document (labelFeatures), added to the
	// first stage's scores of the sentences they concern, which are decoded again with
	// the first stage's transitions. It shares this model's gazetteer.
	second *Model
}

// Types returns the entity types the model predicts (CoNLL's PER, ORG, LOC, MISC).
func (m *Model) Types() []string { return append([]string(nil), m.types...) }

// Knowledge returns the word clusters and the lexicon the model looks up (nil when it
// has none), so that a model can be retrained on the same ones without deriving them again.
func (m *Model) Knowledge() (*WordClusters, *Lexicon) { return m.clusters, m.lex }

func newModel(types []string) *Model {
	m := &Model{types: types, nTags: 1 + 4*len(types)}
	m.allowed, m.final = transitionMasks(len(types))
	m.trans = make([]float32, (m.nTags+1)*m.nTags)
	return m
}

// transitionMasks says which BILOU tag may follow which (the last row is the sentence
// start) and which may end a sentence.
func transitionMasks(nTypes int) (allowed, final []bool) {
	n := 1 + 4*nTypes
	allowed = make([]bool, (n+1)*n)
	final = make([]bool, n)
	open := func(t int) bool { // tag t leaves an entity open
		return t > 0 && ((t-1)%4 == posBegin || (t-1)%4 == posInside)
	}
	for prev := 0; prev <= n; prev++ {
		for cur := 0; cur < n; cur++ {
			ok := false
			if prev < n && open(prev) {
				ok = cur > 0 && (cur-1)/4 == (prev-1)/4 && ((cur-1)%4 == posInside || (cur-1)%4 == posLast)
			} else {
				ok = cur == 0 || (cur-1)%4 == posBegin || (cur-1)%4 == posUnit
			}
			allowed[prev*n+cur] = ok
		}
	}
	for t := 0; t < n; t++ {
		final[t] = !open(t)
	}
	return allowed, final
}

// featTable maps feature keys to weight rows with open addressing; key 0 marks a free slot.
type featTable struct {
	slots []slot
	shift uint
}

// slot keeps a key beside its row: one cache miss per lookup, not two.
type slot struct {
	key uint64
	row int32
}

func newFeatTable(keys []uint64) featTable {
	size, bits := 16, uint(4)
	for size < 2*len(keys) {
		size *= 2
		bits++
	}
	t := featTable{slots: make([]slot, size), shift: 64 - bits}
	for row, k := range keys {
		k = nonZero(k)
		i := (k * 0x9E3779B97F4A7C15) >> t.shift
		for t.slots[i].key != 0 {
			i = (i + 1) & uint64(size-1)
		}
		t.slots[i] = slot{k, int32(row)}
	}
	return t
}

func nonZero(k uint64) uint64 {
	if k == 0 {
		return 1
	}
	return k
}

func (t *featTable) get(k uint64) int32 {
	if len(t.slots) == 0 {
		return -1
	}
	k = nonZero(k)
	mask := uint64(len(t.slots) - 1)
	for i := (k * 0x9E3779B97F4A7C15) >> t.shift; ; i = (i + 1) & mask {
		switch s := t.slots[i]; s.key {
		case k:
			return s.row
		case 0:
			return -1
		}
	}
}

// sumCache caches, for each word of the featurizer's word cache (generation gen), the
// summed rows of one model's weights for its word features and for the features it
// gives its neighbours in each role: 1+nRoles rows of nTags, filled on first use, where
// done's bit says so. News repeats its words, so most tokens need only their pair
// features looked up.
type sumCache struct {
	sums []int32
	done []uint8
	gen  int
	// edges holds the rows that the sentence's start and end give in each role.
	edges []int32
}

// scratch is per-call working memory.
type scratch struct {
	f       featurizer
	keys    []uint64
	offsets []int32
	em      []float32
	vit     viterbiScratch
	tags    []int
	acc     []int32
	// c1 caches the summed rows of word features.
	c1       sumCache
	wordKeys []uint64
	// For a model with a label stage, per token of the document: the first stage's
	// scores (nTags each) and tags.
	docEm   []float32
	docTags []int
}

func (m *Model) getScratch() *scratch {
	if s, ok := m.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{f: newFeaturizer(m.gaz, len(m.types), m.clusters, m.lex)}
}

// Predict finds the entities of a document given as sentences of tokens; it returns the
// entity spans of each sentence. Document-level features look at all the sentences, so
// pass a whole article at once.
func (m *Model) Predict(doc [][]string) [][]Span {
	s := m.getScratch()
	defer m.pool.Put(s)
	s.f.scanDocument(doc)
	out := make([][]Span, len(doc))
	if m.second == nil {
		for si, words := range doc {
			if len(words) > 0 {
				out[si] = m.spans(m.tagSentence(s, si, words))
			}
		}
		return out
	}
	return m.predictLabeled(s, doc)
}

// predictLabeled runs a model with a label stage: the first stage tags every sentence,
// then each sentence with a capitalised word that the first stage tagged elsewhere in
// the document gets the label stage's corrections and is decoded again.
func (m *Model) predictLabeled(s *scratch, doc [][]string) [][]Span {
	T, m2 := m.nTags, m.second
	n := len(s.f.docInfo)
	s.docEm = slices.Grow(s.docEm[:0], n*T)[:n*T]
	s.docTags = slices.Grow(s.docTags[:0], n)[:n]
	for si, words := range doc {
		if len(words) == 0 {
			continue
		}
		start := s.f.sentStart[si]
		em := s.docEm[start*T : (start+len(words))*T]
		m.scoreSentence(s, si, words, em)
		copy(s.docTags[start:], m.decode(s, em, len(words)))
	}
	s.f.countLabels(s.docTags)
	out := make([][]Span, len(doc))
	acc := s.accumulator(T)
	for si, words := range doc {
		if len(words) == 0 {
			continue
		}
		start := s.f.sentStart[si]
		em := s.docEm[start*T : (start+len(words))*T]
		tags := s.docTags[start : start+len(words)]
		changed := false
		for i := range words {
			s.keys = s.f.labelFeatures(s.keys[:0], start+i, tags[i])
			if len(s.keys) == 0 {
				continue
			}
			clear(acc)
			m2.addKeys(acc, s.keys)
			row := em[i*T : i*T+T]
			for t, a := range acc {
				row[t] += float32(a) * m2.scale
			}
			changed = true
		}
		if changed {
			tags = m.decode(s, em, len(words))
		}
		out[si] = m.spans(tags)
	}
	return out
}

// decode returns the best tags for emission scores em of n tokens; the slice is scratch space.
func (m *Model) decode(s *scratch, em []float32, n int) []int {
	if cap(s.tags) < n {
		s.tags = make([]int, n)
	}
	tags := s.tags[:n]
	viterbi(&s.vit, &m.lat, em, n, tags)
	return tags
}

// firstStage returns the first stage's tags and scores for every sentence of doc.
func (m *Model) firstStage(s *scratch, doc [][]string) ([][]int, [][]float32) {
	tags := make([][]int, len(doc))
	ems := make([][]float32, len(doc))
	for si, words := range doc {
		if len(words) > 0 {
			tags[si] = slices.Clone(m.tagSentence(s, si, words))
			ems[si] = slices.Clone(s.em[:len(words)*m.nTags])
		}
	}
	return tags, ems
}

// addRow adds the quantised weights w to acc, which have the same length; it is the
// inner loop of scoring.
func addRow(acc []int32, w []int16) {
	w = w[:len(acc)]
	i := 0
	for ; i+4 <= len(acc); i += 4 {
		a, x := acc[i:i+4:i+4], w[i:i+4:i+4]
		a[0] += int32(x[0])
		a[1] += int32(x[1])
		a[2] += int32(x[2])
		a[3] += int32(x[3])
	}
	for ; i < len(acc); i++ {
		acc[i] += int32(w[i])
	}
}

// addKeys adds to acc the rows of the features keys that the model has.
func (m *Model) addKeys(acc []int32, keys []uint64) {
	T := m.nTags
	for _, k := range keys {
		if r := m.table.get(k); r >= 0 {
			addRow(acc, m.rows[int(r)*T:int(r)*T+T])
		}
	}
}

// setScaled sets the scores in row to acc scaled back to weights.
func setScaled(row []float32, acc []int32, scale float32) {
	acc = acc[:len(row)]
	for i, a := range acc {
		row[i] = float32(a) * scale
	}
}

// accumulator returns the scratch row of n integer sums.
func (s *scratch) accumulator(n int) []int32 {
	if cap(s.acc) < n {
		s.acc = make([]int32, n)
	}
	return s.acc[:n]
}

// wordSums returns the sums of m's rows of the features of the word at index at of
// the featurizer's word cache, computing them into c on first use: its word features
// for role -1, else the features it gives a neighbour in role.
func (m *Model) wordSums(s *scratch, c *sumCache, at int32, w string, role int) []int32 {
	T, stride := m.nTags, (1+nRoles)*m.nTags
	if c.gen != s.f.cacheGen {
		c.done, c.sums, c.gen = c.done[:0], c.sums[:0], s.f.cacheGen
	}
	if n := len(s.f.wordInfo); len(c.done) < n {
		c.done = append(c.done, make([]uint8, n-len(c.done))...)
		c.sums = append(c.sums, make([]int32, n*stride-len(c.sums))...)
	}
	off := int(at)*stride + (role+1)*T
	sums := c.sums[off : off+T]
	if bit := uint8(1) << (role + 1); c.done[at]&bit == 0 {
		ti := &s.f.wordInfo[at]
		if role < 0 {
			s.wordKeys = s.f.wordFeatures(s.wordKeys[:0], w, ti)
		} else {
			s.wordKeys = neighbourFeatures(s.wordKeys[:0], role, ti.lower, ti.shape, ti.cluster)
		}
		m.addKeys(sums, s.wordKeys)
		c.done[at] |= bit
	}
	return sums
}

// neighbourSums returns the summed rows of m for the features that token j of a
// sentence gives its neighbour in role; j may be outside the sentence.
func (m *Model) neighbourSums(s *scratch, c *sumCache, words []string, j, role int) []int32 {
	T := m.nTags
	if j >= 0 && j < len(words) {
		return m.wordSums(s, c, s.f.words[j], words[j], role)
	}
	if c.edges == nil {
		c.edges = make([]int32, nRoles*T)
		for r := range nRoles {
			edge := uint64(hashBOS)
			if r == asNext || r == asNext2 {
				edge = hashEOS
			}
			s.wordKeys = neighbourFeatures(s.wordKeys[:0], r, edge, edge, 0)
			m.addKeys(c.edges[r*T:r*T+T], s.wordKeys)
		}
	}
	return c.edges[role*T : role*T+T]
}

// cachedSums sets acc to m's summed rows of the word and neighbour features of token i
// of the current sentence, from cache c.
func (m *Model) cachedSums(s *scratch, c *sumCache, acc []int32, words []string, i int) {
	copy(acc, m.wordSums(s, c, s.f.words[i], words[i], -1))
	addSums(acc, m.neighbourSums(s, c, words, i-1, asPrev))
	addSums(acc, m.neighbourSums(s, c, words, i+1, asNext))
	addSums(acc, m.neighbourSums(s, c, words, i-2, asPrev2))
	addSums(acc, m.neighbourSums(s, c, words, i+2, asNext2))
}

// addSums adds the integer row b to acc.
func addSums(acc, b []int32) {
	b = b[:len(acc)]
	for i := range acc {
		acc[i] += b[i]
	}
}

// tagDoc returns the first stage's tags and scores of every token of doc.
func (m *Model) tagDoc(doc [][]string) ([][]int, [][]float32) {
	s := m.getScratch()
	defer m.pool.Put(s)
	s.f.scanDocument(doc)
	return m.firstStage(s, doc)
}

// tagSentence returns the best tags of sentence si, whose words are words, of the
// document that s.f scanned; the slice is scratch space.
func (m *Model) tagSentence(s *scratch, si int, words []string) []int {
	n, T := len(words), m.nTags
	if cap(s.em) < n*T {
		s.em = make([]float32, n*T)
	}
	em := s.em[:n*T]
	m.scoreSentence(s, si, words, em)
	return m.decode(s, em, n)
}

// scoreSentence sets em to the first stage's scores of sentence si, whose words are
// words, of the document that s.f scanned.
func (m *Model) scoreSentence(s *scratch, si int, words []string, em []float32) {
	s.f.startSentence(si, words, nil)
	T := m.nTags
	acc := s.accumulator(T)
	for i, w := range words {
		if s.f.words != nil {
			m.cachedSums(s, &s.c1, acc, words, i)
			s.keys = s.f.pairFeatures(s.keys[:0], words, i)
		} else {
			clear(acc)
			s.keys = s.f.wordFeatures(s.keys[:0], w, &s.f.info[i])
			s.keys = s.f.contextFeatures(s.keys, words, i)
		}
		m.addKeys(acc, s.keys)
		setScaled(em[i*T:i*T+T], acc, m.scale)
	}
}

// spans reads entity spans from BILOU tag ids.
func (m *Model) spans(tags []int) []Span {
	var spans []Span
	start := -1
	for i, t := range tags {
		if t == 0 {
			start = -1
			continue
		}
		typ, pos := (t-1)/4, (t-1)%4
		switch pos {
		case posUnit:
			spans = append(spans, Span{Start: i, End: i + 1, Type: m.types[typ]})
			start = -1
		case posBegin:
			start = i
		case posLast:
			if start >= 0 {
				spans = append(spans, Span{Start: start, End: i + 1, Type: m.types[typ]})
			}
			start = -1
		}
	}
	return spans
}

// lattice holds a model's transition scores laid out for viterbi.
type lattice struct {
	start []float32 // per tag, the score of starting a sentence with it; -Inf where it may not
	into  []float32 // T x T: into[cur*T+prev] is the score of tag prev followed by cur
	// The tags that may precede tag cur are prevs[prevAt[cur]:prevAt[cur+1]].
	prevs  []int32
	prevAt []int32
	final  []bool // per tag: may end a sentence
}

// set lays out trans, (T+1) x T with the start scores last, for the transitions that
// allowed allows.
func (l *lattice) set(trans []float32, allowed, final []bool) {
	T := len(final)
	inf := float32(math.Inf(-1))
	l.start = slices.Grow(l.start[:0], T)[:T]
	for t := range T {
		l.start[t] = inf
		if allowed[T*T+t] {
			l.start[t] = trans[T*T+t]
		}
	}
	l.into = slices.Grow(l.into[:0], T*T)[:T*T]
	l.prevs, l.prevAt = l.prevs[:0], append(l.prevAt[:0], 0)
	for cur := range T {
		for prev := range T {
			l.into[cur*T+prev] = trans[prev*T+cur]
			if allowed[prev*T+cur] {
				l.prevs = append(l.prevs, int32(prev))
			}
		}
		l.prevAt = append(l.prevAt, int32(len(l.prevs)))
	}
	l.final = final
}

type viterbiScratch struct {
	score, next []float32
	back        []int32
}

// viterbi writes to out the best tag sequence of n tokens with emission scores em
// (n x T) under the transitions of l. Of equal scores it prefers the lower tag.
func viterbi(v *viterbiScratch, l *lattice, em []float32, n int, out []int) {
	T := len(l.final)
	if cap(v.score) < T {
		v.score, v.next = make([]float32, T), make([]float32, T)
	}
	score, next := v.score[:T], v.next[:T]
	if cap(v.back) < n*T {
		v.back = make([]int32, n*T)
	}
	back := v.back[:n*T]
	for t := range T {
		score[t] = l.start[t] + em[t]
	}
	inf := float32(math.Inf(-1))
	for i := 1; i < n; i++ {
		e, b := em[i*T:i*T+T], back[i*T:i*T+T]
		for cur := range T {
			// An impossible previous tag scores -Inf, and -Inf plus a transition is
			// never > best: no test needed.
			into := l.into[cur*T : cur*T+T]
			best, arg := inf, int32(0)
			for _, prev := range l.prevs[l.prevAt[cur]:l.prevAt[cur+1]] {
				if s := score[prev] + into[prev]; s > best {
					best, arg = s, prev
				}
			}
			b[cur], next[cur] = arg, best+e[cur]
		}
		score, next = next, score
	}
	bestScore, arg := inf, 0
	for t := range T {
		if l.final[t] && score[t] > bestScore {
			bestScore, arg = score[t], t
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = arg
		arg = int(back[i*T+arg])
	}
}

// Model file versions: version 2 adds the word clusters and the lexicon at the end.
const (
	modelMagic1 = "newspipe-ner 1\n"
	modelMagic  = "newspipe-ner 2\n"
)

// The stage flag of the model file says what follows the first stage's weights.
// Flag 1 is reserved.
const (
	stageNone   = 0
	stageLabels = 2 // a label stage
)

// WriteTo writes the model in its binary format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: bufio.NewWriter(w)}
	le := binary.LittleEndian
	cw.Write([]byte(modelMagic))
	binary.Write(cw, le, uint32(len(m.types)))
	for _, t := range m.types {
		cw.Write([]byte{byte(len(t))})
		cw.Write([]byte(t))
	}
	binary.Write(cw, le, m.trans)
	gk := sortedKeys(m.gaz)
	binary.Write(cw, le, uint32(len(gk)))
	binary.Write(cw, le, gk)
	gv := make([]uint8, len(gk))
	for i, k := range gk {
		gv[i] = m.gaz[k]
	}
	cw.Write(gv)
	writeWeights(cw, m)
	if m.second != nil {
		cw.Write([]byte{stageLabels})
		binary.Write(cw, le, m.second.trans)
		writeWeights(cw, m.second)
	} else {
		cw.Write([]byte{0})
	}
	var ck []uint64
	var cp []uint32
	if m.clusters != nil {
		ck, cp = m.clusters.keys, m.clusters.paths
	}
	binary.Write(cw, le, uint32(len(ck)))
	binary.Write(cw, le, ck)
	binary.Write(cw, le, cp)
	var lk []uint32
	var lv []uint16
	var lat []uint32
	if m.lex != nil {
		lk, lv, lat = m.lex.keys, m.lex.vals, m.lex.at
	}
	binary.Write(cw, le, uint32(len(lk)))
	if len(lk) > 0 {
		// The bucket sizes, from which Load rebuilds the index.
		sizes := make([]uint32, lexBuckets)
		for b := range sizes {
			sizes[b] = lat[b+1] - lat[b]
		}
		binary.Write(cw, le, sizes)
	}
	binary.Write(cw, le, lk)
	binary.Write(cw, le, lv)
	if cw.err == nil {
		cw.err = cw.w.(*bufio.Writer).Flush()
	}
	if cw.err != nil {
		return cw.n, fmt.Errorf("write ner model: %w", cw.err)
	}
	return cw.n, nil
}

// countWriter counts what it writes and keeps the first error, so WriteTo can check once.
type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

// Write writes p, counting bytes and keeping the first error.
func (c *countWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}

// Load reads a model written by WriteTo.
func Load(r io.Reader) (*Model, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	le := binary.LittleEndian
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil {
		return nil, fmt.Errorf("read ner model header: %w", err)
	}
	if string(magic) != modelMagic && string(magic) != modelMagic1 {
		return nil, errors.New("read ner model: not a newspipe ner model")
	}
	var nTypes uint32
	if err := binary.Read(br, le, &nTypes); err != nil {
		return nil, fmt.Errorf("read ner model types: %w", err)
	}
	if nTypes == 0 || nTypes > 8 {
		return nil, fmt.Errorf("read ner model: %d entity types", nTypes)
	}
	types := make([]string, nTypes)
	for i := range types {
		l, err := br.ReadByte()
		if err != nil {
			return nil, fmt.Errorf("read ner model types: %w", err)
		}
		b := make([]byte, l)
		if _, err := io.ReadFull(br, b); err != nil {
			return nil, fmt.Errorf("read ner model types: %w", err)
		}
		types[i] = string(b)
	}
	m := newModel(types)
	if err := binary.Read(br, le, m.trans); err != nil {
		return nil, fmt.Errorf("read ner model transitions: %w", err)
	}
	var n uint32
	if err := binary.Read(br, le, &n); err != nil {
		return nil, fmt.Errorf("read ner model gazetteer: %w", err)
	}
	if n > 1<<21 {
		return nil, fmt.Errorf("read ner model: gazetteer of %d phrases", n)
	}
	gk, err := readSlice[uint64](br, int(n))
	if err != nil {
		return nil, fmt.Errorf("read ner model gazetteer: %w", err)
	}
	gv, err := readSlice[uint8](br, int(n))
	if err != nil {
		return nil, fmt.Errorf("read ner model gazetteer: %w", err)
	}
	m.gaz = make(gazetteer, n)
	for i, k := range gk {
		m.gaz[k] = gv[i]
	}
	if err := readWeights(br, m); err != nil {
		return nil, err
	}
	flag, err := br.ReadByte()
	if err != nil {
		return nil, fmt.Errorf("read ner model stages: %w", err)
	}
	switch flag {
	case stageNone:
	case stageLabels:
		m.second = newModel(types)
		if err := binary.Read(br, le, m.second.trans); err != nil {
			return nil, fmt.Errorf("read ner model second stage: %w", err)
		}
		if err := readWeights(br, m.second); err != nil {
			return nil, err
		}
		m.second.gaz = m.gaz
	default:
		return nil, fmt.Errorf("read ner model: unsupported stage flag %d", flag)
	}
	if string(magic) == modelMagic1 {
		return m, nil
	}
	if err := readKnowledge(br, m); err != nil {
		return nil, err
	}
	return m, nil
}

// writeWeights writes the feature keys and quantised weights of m.
func writeWeights(cw *countWriter, m *Model) {
	le := binary.LittleEndian
	// Rows in key order make the file deterministic.
	var keys []uint64
	for _, s := range m.table.slots {
		if s.key != 0 {
			keys = append(keys, s.key)
		}
	}
	sortUint64(keys)
	T := m.nTags
	q := make([]int16, len(keys)*T)
	for i, k := range keys {
		r := int(m.table.get(k))
		copy(q[i*T:i*T+T], m.rows[r*T:r*T+T])
	}
	binary.Write(cw, le, uint32(len(keys)))
	binary.Write(cw, le, m.scale)
	binary.Write(cw, le, keys)
	binary.Write(cw, le, q)
}

// quantise sets m's int16 rows from its float weights: the largest weight becomes 32767.
func (m *Model) quantise() {
	var maxAbs float32
	for _, x := range m.weights {
		maxAbs = max(maxAbs, float32(math.Abs(float64(x))))
	}
	m.scale = maxAbs / 32767
	if m.scale == 0 {
		m.scale = 1
	}
	m.rows = make([]int16, len(m.weights))
	for i, x := range m.weights {
		m.rows[i] = int16(math.Round(float64(x / m.scale)))
	}
	m.lat.set(m.trans, m.allowed, m.final)
}

// readSlice reads n little-endian values in chunks, so that a corrupt count
// fails at the end of the data instead of allocating the whole claim first.
func readSlice[T uint8 | int16 | uint16 | uint32 | uint64](br *bufio.Reader, n int) ([]T, error) {
	// Callers bound n, so the claim is allocated at once up to a limit, past which it
	// grows as the data turns out to be there.
	const chunk = 1 << 16
	out := make([]T, 0, min(n, 1<<22))
	for len(out) < n {
		k := min(chunk, n-len(out))
		out = slices.Grow(out, k)
		c := out[len(out) : len(out)+k]
		if err := binary.Read(br, binary.LittleEndian, c); err != nil {
			return nil, err
		}
		out = out[:len(out)+k]
	}
	return out, nil
}

// readWeights reads what writeWeights wrote into m.
func readWeights(br *bufio.Reader, m *Model) error {
	le := binary.LittleEndian
	var n uint32
	var scale float32
	if err := binary.Read(br, le, &n); err != nil {
		return fmt.Errorf("read ner model weights: %w", err)
	}
	if n > 1<<21 {
		return fmt.Errorf("read ner model: %d features", n)
	}
	if err := binary.Read(br, le, &scale); err != nil {
		return fmt.Errorf("read ner model weights: %w", err)
	}
	keys, err := readSlice[uint64](br, int(n))
	if err != nil {
		return fmt.Errorf("read ner model weights: %w", err)
	}
	q, err := readSlice[int16](br, int(n)*m.nTags)
	if err != nil {
		return fmt.Errorf("read ner model weights: %w", err)
	}
	m.rows, m.scale = q, scale
	m.table = newFeatTable(keys)
	for _, x := range m.trans {
		if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
			return errors.New("read ner model: a transition score is not a finite number")
		}
	}
	m.lat.set(m.trans, m.allowed, m.final)
	return nil
}

// readKnowledge reads the word clusters and the lexicon that WriteTo writes last.
func readKnowledge(br *bufio.Reader, m *Model) error {
	le := binary.LittleEndian
	var n uint32
	if err := binary.Read(br, le, &n); err != nil {
		return fmt.Errorf("read ner model clusters: %w", err)
	}
	if n > 1<<22 {
		return fmt.Errorf("read ner model: %d clustered words", n)
	}
	if n > 0 {
		keys, err := readSlice[uint64](br, int(n))
		if err != nil {
			return fmt.Errorf("read ner model clusters: %w", err)
		}
		paths, err := readSlice[uint32](br, int(n))
		if err != nil {
			return fmt.Errorf("read ner model clusters: %w", err)
		}
		if !slices.IsSorted(keys) {
			return errors.New("read ner model: cluster keys out of order")
		}
		m.clusters = &WordClusters{keys: keys, paths: paths}
	}
	if err := binary.Read(br, le, &n); err != nil {
		return fmt.Errorf("read ner model lexicon: %w", err)
	}
	if n > 1<<23 {
		return fmt.Errorf("read ner model: lexicon of %d phrases", n)
	}
	if n > 0 {
		sizes, err := readSlice[uint32](br, lexBuckets)
		if err != nil {
			return fmt.Errorf("read ner model lexicon: %w", err)
		}
		at := make([]uint32, lexBuckets+1)
		for b, sz := range sizes {
			at[b+1] = at[b] + sz
		}
		if at[lexBuckets] != n {
			return fmt.Errorf("read ner model: lexicon buckets hold %d phrases, not %d", at[lexBuckets], n)
		}
		keys, err := readSlice[uint32](br, int(n))
		if err != nil {
			return fmt.Errorf("read ner model lexicon: %w", err)
		}
		vals, err := readSlice[uint16](br, int(n))
		if err != nil {
			return fmt.Errorf("read ner model lexicon: %w", err)
		}
		m.lex = &Lexicon{keys: keys, vals: vals, at: at}
	}
	if m.second != nil {
		m.second.clusters, m.second.lex = m.clusters, m.lex
	}
	return nil
}
