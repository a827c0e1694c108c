package ner

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Feature templates. A feature's key is mix(template, value hash); the numbers are part
// of the model format, so append new templates at the end.
const (
	fBias uint64 = iota + 1
	fWord
	fLower
	fShape
	fShort
	fPrefix1
	fPrefix2
	fPrefix3
	fPrefix4
	fSuffix1
	fSuffix2
	fSuffix3
	fSuffix4
	fPrevLower
	fNextLower
	fPrev2Lower
	fNext2Lower
	fPrevShape
	fNextShape
	fPrevCurLower
	fCurNextLower
	fShortTrigram
	fInitialShort
	fCapsShape
	fCapsLower
	fHyphenPart
	fGazetteer
	fGazetteerShort
	fDocCase
	fTrueShape
	fTrueWord
	fPrevLowerShort
	fNextLowerShort
	fLength
	fHyphenCased
	_ // reserved
	fAggType
	fAggNone
	_ // reserved
	_ // reserved
	_ // reserved
	fAggTypeTag
	_        // reserved
	fCluster // + index in clusterPrefixes
	_
	_
	_
	_
	fPrevCluster // + index in clusterPrefixes
	_
	_
	_
	_
	fNextCluster // + index in clusterPrefixes
	_
	_
	_
	_
	fLexicon
	fLexiconShort
	fHyphenCluster // + index in clusterPrefixes[:3]
	_
	_
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
	// maxGazetteerLen is the longest gazetteer phrase, in tokens.
	maxGazetteerLen = 6
)

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// mix combines two hashes; it is not symmetric, so (a, b) and (b, a) differ.
func mix(a, b uint64) uint64 {
	h := a*0x9E3779B97F4A7C15 ^ b
	h ^= h >> 31
	h *= 0xBF58476D1CE4E5B9
	h ^= h >> 29
	return h
}

// Sentinel hashes for positions outside the sentence.
var (
	hashBOS = hashString("<s>")
	hashEOS = hashString("</s>")
)

// tokenInfo is what the feature templates need of one token, computed once.
type tokenInfo struct {
	word, lower, shape, short uint64
	lowerStr                  string
	// lowerID numbers lowerStr in the featurizer's word cache, or is -1 for a token
	// outside it.
	lowerID    int32
	capInitial bool // first rune upper case
	allCaps    bool // letters only upper case, at least one letter
	hasLetter  bool
	runes      int
	cluster    uint32 // the lower-cased word's path in the word clusters, or 0
}

// docWord is what a document says about one lower-cased word.
type docWord struct {
	lowerSeen  bool   // written all in lower case somewhere
	midCap     bool   // capitalised (not all caps) away from a sentence start
	trueForm   string // the cased form in normal (not all-caps) sentences
	trueShape  uint64 // shape hash of trueForm
	trueHash   uint64 // hash of trueForm
	trueCount  int
	initialCap bool // capitalised at a sentence start
}

// featurizer computes feature keys; it holds scratch space and is not safe for concurrent use.
type featurizer struct {
	gaz      gazetteer
	nTypes   int
	clusters *WordClusters
	lex      *Lexicon
	lexMarks []uint64 // per token: bit (category*4 + position) of its lexicon match
	// gazFilter has bit h&gazFilterMask set for each phrase hash h of gaz: most word
	// sequences are no phrase, and a bit test is cheaper than a map lookup.
	gazFilter []uint64
	// docInfo holds the token infos of the whole document that scanDocument saw,
	// sentence si at docInfo[sentStart[si]:sentStart[si+1]], so that they are computed once.
	docInfo   []tokenInfo
	docWords  []int32 // per token of docInfo, its index in wordInfo
	sentStart []int
	info      []tokenInfo // the current sentence's
	words     []int32     // the current sentence's indexes in wordInfo, or nil
	// wordIndex caches token infos by word: wordInfo[wordIndex[w]] is w's. It is
	// emptied, and cacheGen counts up, when it holds maxCachedWords words at the start
	// of a document.
	wordIndex map[string]int32
	wordInfo  []tokenInfo
	cacheGen  int
	// lowerIndex numbers the lower-cased forms of the word cache (tokenInfo.lowerID).
	lowerIndex map[string]int32
	// docByLower, by lowerID, says what the document that scanDocument saw (generation
	// docGen) says of each lower-cased word; an entry of another generation is absent.
	docByLower []docWord
	docStamp   []int32
	docGen     int32
	caps       bool     // the current sentence is written in capitals
	gazMarks   []uint32 // per token: bit (type*4 + position) set when a gazetteer phrase covers it
	buf        []byte
	// For a label stage: labels[id] counts the first stage's types of the word whose
	// key is id (countLabels) in the current document (generation labelGen, stamped in
	// labelStamp).
	labels     []labelCounts
	labelStamp []int32
	labelGen   int32
	labelKeys  []int32 // per token of the document: its key in labels, or -1
}

// tagType is the type index of a BILOU tag id, 8 for O.
func tagType(tag int) int {
	if tag <= 0 {
		return 8
	}
	return (tag - 1) / 4
}

// shapeInto writes the shape of w to buf: X for upper case, x for lower case, d for digits,
// other runes as they are; long runs are cut to 4 (full) or 1 (short).
func shapeInto(buf []byte, w string, maxRun int) []byte {
	buf = buf[:0]
	var last byte
	run := 0
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		case unicode.IsLetter(r):
			c = 'x'
		default:
			c = '*'
		}
		if c == last {
			run++
			if run >= maxRun {
				continue
			}
		} else {
			run = 0
		}
		last = c
		buf = append(buf, c)
	}
	return buf
}

// lower returns s in lower case without allocating when it already is.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// maxCachedWords bounds the word caches of a featurizer and of a model's scratch.
const maxCachedWords = 1 << 15

// appendDocInfo appends the token infos of a sentence and their word indexes to
// docInfo and docWords, from the word cache.
func (f *featurizer) appendDocInfo(words []string) {
	for _, w := range words {
		at, ok := f.wordIndex[w]
		if !ok {
			// The key is cloned so that the cache does not keep the document's text alive.
			w = strings.Clone(w)
			at = int32(len(f.wordInfo))
			f.wordInfo = appendInfo(f.wordInfo, []string{w}, f.clusters)
			f.wordIndex[w] = at
			ti := &f.wordInfo[at]
			id, ok := f.lowerIndex[ti.lowerStr]
			if !ok {
				id = int32(len(f.lowerIndex))
				f.lowerIndex[ti.lowerStr] = id
			}
			ti.lowerID = id
		}
		f.docInfo = append(f.docInfo, f.wordInfo[at])
		f.docWords = append(f.docWords, at)
	}
}

// appendInfo appends the token infos of a sentence to info.
func appendInfo(info []tokenInfo, words []string, clusters *WordClusters) []tokenInfo {
	var buf [64]byte
	for _, w := range words {
		w = normalizeToken(w)
		ti := tokenInfo{lowerID: -1}
		ti.word = hashString(w)
		ti.lowerStr = lower(w)
		ti.lower = hashString(ti.lowerStr)
		ti.cluster = clusters.path(ti.lower)
		ti.shape = hashBytes(shapeInto(buf[:0], w, 4))
		ti.short = hashBytes(shapeInto(buf[:0], w, 1))
		upper, low := 0, 0
		for _, r := range w {
			ti.runes++
			if unicode.IsUpper(r) {
				upper++
			} else if unicode.IsLower(r) {
				low++
			}
		}
		ti.hasLetter = upper+low > 0
		ti.capInitial = unicode.IsUpper(firstRune(w))
		ti.allCaps = upper > 0 && low == 0
		info = append(info, ti)
	}
	return info
}

// useSentence makes sentence si of the document given to scanDocument, whose words
// are words, the current sentence.
func (f *featurizer) useSentence(si int, words []string) {
	if si+1 < len(f.sentStart) && f.sentStart[si+1]-f.sentStart[si] == len(words) {
		f.info = f.docInfo[f.sentStart[si]:f.sentStart[si+1]]
		f.words = f.docWords[f.sentStart[si]:f.sentStart[si+1]]
		return
	}
	f.info, f.words = appendInfo(f.info[:0:0], words, f.clusters), nil
}

// typographic maps typographic punctuation to the ASCII that the CoNLL training text
// uses, so that "’s" and "“" look like "'s" and the quotes the model knows.
var typographic = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"", "„", "\"",
	"—", "--", "–", "-", "‐", "-", "‑", "-", "…", "...", "′", "'", "«", "\"", "»", "\"")

// normalizeToken returns w with typographic punctuation made ASCII.
func normalizeToken(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return typographic.Replace(w)
		}
	}
	return w
}

// capsSentence reports whether a sentence is written in capitals (a headline or dateline).
func capsSentence(info []tokenInfo) bool {
	caps, letters := 0, 0
	for _, ti := range info {
		if !ti.hasLetter {
			continue
		}
		letters++
		if ti.allCaps {
			caps++
		}
	}
	return letters > 0 && caps*10 >= letters*8 && (letters > 1 || caps == 1)
}

// isOpener reports whether a token opens a clause so that the next word may be capitalised
// for that reason alone.
func isOpener(w string) bool {
	switch w {
	case "\"", "“", "‘", "'", "(", "[", "-", "--", "—", "–", ":", "``":
		return true
	}
	return false
}

// scanDocument gathers document-level facts about words. It is called with every sentence
// of a document before features are computed.
func (f *featurizer) scanDocument(doc [][]string) {
	f.docGen++
	n := 0
	for _, words := range doc {
		n += len(words)
	}
	// Sized once: growing by appends copies a large document's infos several times. A
	// scratch space left large by an earlier document is not kept for small ones.
	if cap(f.docInfo) > max(4*n, 1<<16) {
		f.docInfo, f.docWords = nil, nil
	}
	f.docInfo, f.docWords = slices.Grow(f.docInfo[:0], n), slices.Grow(f.docWords[:0], n)
	f.sentStart = append(f.sentStart[:0], 0)
	if f.wordIndex == nil || len(f.wordIndex) >= maxCachedWords {
		f.wordIndex, f.wordInfo = make(map[string]int32, 1024), f.wordInfo[:0]
		f.lowerIndex = make(map[string]int32, 1024)
		f.cacheGen++
	}
	for _, words := range doc {
		start := len(f.docInfo)
		f.appendDocInfo(words)
		f.sentStart = append(f.sentStart, len(f.docInfo))
		info := f.docInfo[start:]
		caps := capsSentence(info)
		for i, w := range words {
			ti := &info[i]
			if !ti.hasLetter {
				continue
			}
			dw := f.newDocWord(ti.lowerID)
			initial := i == 0 || isOpener(words[i-1])
			switch {
			case !ti.capInitial && !ti.allCaps:
				dw.lowerSeen = true
			case caps:
				continue
			case initial:
				dw.initialCap = true
			default:
				dw.midCap = true
			}
			if !caps {
				// Prefer forms seen away from sentence starts, then the first seen.
				if dw.trueForm == "" || !initial && dw.trueCount == 0 {
					dw.trueForm, dw.trueHash = w, hashString(w)
					f.buf = shapeInto(f.buf, w, 4)
					dw.trueShape = hashBytes(f.buf)
					if !initial {
						dw.trueCount = 1
					}
				}
			}
		}
	}
}

// newDocWord returns the entry of the current document for the lower-cased word id,
// emptied if it is the first time the document has the word.
func (f *featurizer) newDocWord(id int32) *docWord {
	if int(id) >= len(f.docStamp) {
		n := max(int(id)+1, 2*len(f.docStamp))
		f.docStamp = append(f.docStamp, make([]int32, n-len(f.docStamp))...)
		f.docByLower = append(f.docByLower, make([]docWord, n-len(f.docByLower))...)
	}
	if f.docStamp[id] != f.docGen {
		f.docStamp[id], f.docByLower[id] = f.docGen, docWord{}
	}
	return &f.docByLower[id]
}

// docWord returns what the current document says of the token with info ti, or nil.
func (f *featurizer) docWord(ti *tokenInfo) *docWord {
	id := ti.lowerID
	if id < 0 {
		var ok bool
		if id, ok = f.lowerIndex[ti.lowerStr]; !ok {
			return nil
		}
	}
	if int(id) >= len(f.docStamp) || f.docStamp[id] != f.docGen {
		return nil
	}
	return &f.docByLower[id]
}

// sentenceFeatures appends to keys the feature keys of every token of sentence si of
// the document that scanDocument saw, whose words are words, with offsets[i] the start
// of token i's keys; offsets has len(words)+1 entries.
// gazMask, when not nil, filters gazetteer hits: given a phrase and its types it returns the types to use.
func (f *featurizer) sentenceFeatures(si int, words []string, keys []uint64, offsets []int32, gazMask func(key uint64, types uint8) uint8) ([]uint64, []int32) {
	f.startSentence(si, words, gazMask)
	offsets = append(offsets, int32(len(keys)))
	for i := range words {
		keys = f.wordFeatures(keys, words[i], &f.info[i])
		keys = f.contextFeatures(keys, words, i)
		offsets = append(offsets, int32(len(keys)))
	}
	return keys, offsets
}

// startSentence makes sentence si the current one and finds what contextFeatures needs
// of it as a whole.
func (f *featurizer) startSentence(si int, words []string, gazMask func(key uint64, types uint8) uint8) {
	f.useSentence(si, words)
	f.caps = capsSentence(f.info)
	f.markGazetteer(words, gazMask)
	f.markLexicon(len(words))
}

// wordFeatures appends the keys of the features that depend on the word w alone, whose
// info is ti, wherever it is: the same word always has the same ones.
func (f *featurizer) wordFeatures(keys []uint64, w string, ti *tokenInfo) []uint64 {
	ss := ti.short
	keys = append(keys,
		fBias,
		mix(fWord, ti.word),
		mix(fLower, ti.lower),
		mix(fShape, ti.shape),
		mix(fShort, ss),
	)
	// Affixes of the lower-cased word.
	ls := ti.lowerStr
	if ti.runes > 1 {
		for k, end := 0, 0; k < 4 && end < len(ls); k++ {
			_, sz := utf8.DecodeRuneInString(ls[end:])
			end += sz
			if k >= 2 { // one- and two-letter prefixes only memorise frequent words
				keys = append(keys, mix(fPrefix1+uint64(k), hashString(ls[:end])))
			}
		}
		for k, start := 0, len(ls); k < 4 && start > 0; k++ {
			_, sz := utf8.DecodeLastRuneInString(ls[:start])
			start -= sz
			keys = append(keys, mix(fSuffix1+uint64(k), hashString(ls[start:])))
		}
	}
	keys = append(keys, mix(mix(fLength, uint64(min(ti.runes, 8))), ss))
	if ti.cluster != 0 {
		for k, l := range clusterPrefixes {
			keys = append(keys, mix(fCluster+uint64(k), uint64(pathPrefix(ti.cluster, l))))
		}
	}
	if strings.IndexByte(w, '-') > 0 {
		// Parts both lower-cased and as written: "un" in "Jong-un" is not "UN".
		parts := strings.Split(w, "-")
		for pi, part := range parts {
			if part == "" {
				continue
			}
			lp := lower(part)
			keys = append(keys, mix(fHyphenPart, hashString(lp)), mix(fHyphenCased, hashString(part)))
			if ti.cluster == 0 && f.clusters != nil {
				// A compound the vectors lack ("Jae-in", "London-listed") is known by its
				// parts' clusters, first and last part apart.
				if cl := f.clusters.path(hashString(lp)); cl != 0 && (pi == 0 || pi == len(parts)-1) {
					for k, l := range clusterPrefixes[:3] {
						keys = append(keys, mix(mix(fHyphenCluster+uint64(k), uint64(pathPrefix(cl, l))), uint64(min(pi, 1))))
					}
				}
			}
		}
	}
	return keys
}

// contextFeatures appends the keys of the features of token i of the current sentence,
// whose words are words, that depend on its neighbours, its sentence or its document.
func (f *featurizer) contextFeatures(keys []uint64, words []string, i int) []uint64 {
	info, n := f.info, len(words)
	for role, j := range [nRoles]int{asPrev: i - 1, asNext: i + 1, asPrev2: i - 2, asNext2: i + 2} {
		switch {
		case j < 0:
			keys = neighbourFeatures(keys, role, hashBOS, hashBOS, 0)
		case j >= n:
			keys = neighbourFeatures(keys, role, hashEOS, hashEOS, 0)
		default:
			keys = neighbourFeatures(keys, role, info[j].lower, info[j].shape, info[j].cluster)
		}
	}
	return f.pairFeatures(keys, words, i)
}

// Neighbour roles: the features that a word gives to the token after it (asPrev),
// before it (asNext), two after it (asPrev2) and two before it (asNext2). They depend on
// the word alone, so Predict sums them once per word.
const (
	asPrev = iota
	asNext
	asPrev2
	asNext2
	nRoles
)

// neighbourFeatures appends the keys of the features that a token whose lower-cased
// and shape hashes are lw and sh and whose cluster path is cl gives its neighbour in role.
func neighbourFeatures(keys []uint64, role int, lw, sh uint64, cl uint32) []uint64 {
	switch role {
	case asPrev:
		keys = append(keys, mix(fPrevLower, lw), mix(fPrevShape, sh))
		if cl != 0 {
			for k, l := range clusterPrefixes[:3] {
				keys = append(keys, mix(fPrevCluster+uint64(k), uint64(pathPrefix(cl, l))))
			}
		}
		return keys
	case asNext:
		keys = append(keys, mix(fNextLower, lw), mix(fNextShape, sh))
		if cl != 0 {
			for k, l := range clusterPrefixes[:3] {
				keys = append(keys, mix(fNextCluster+uint64(k), uint64(pathPrefix(cl, l))))
			}
		}
		return keys
	case asPrev2:
		return append(keys, mix(fPrev2Lower, lw))
	default:
		return append(keys, mix(fNext2Lower, lw))
	}
}

// pairFeatures appends the keys of the context features of token i other than the
// ones neighbourFeatures gives: those that combine two tokens, or depend on the
// sentence or the document.
func (f *featurizer) pairFeatures(keys []uint64, words []string, i int) []uint64 {
	info, n := f.info, len(words)
	get := func(i int) (lw, ss uint64) {
		if i < 0 {
			return hashBOS, hashBOS
		}
		if i >= n {
			return hashEOS, hashEOS
		}
		return info[i].lower, info[i].short
	}
	ti := &info[i]
	lw, sh, ss := ti.lower, ti.shape, ti.short
	plw, pss := get(i - 1)
	nlw, nss := get(i + 1)
	keys = append(keys,
		mix(mix(fPrevCurLower, plw), lw),
		mix(mix(fCurNextLower, lw), nlw),
		mix(mix(mix(fShortTrigram, pss), ss), nss),
		mix(mix(fPrevLowerShort, plw), ss),
		mix(mix(fNextLowerShort, nlw), ss),
	)
	initial := i == 0 || isOpener(words[i-1])
	if initial {
		keys = append(keys, mix(fInitialShort, ss))
	}
	caps := f.caps
	if caps {
		keys = append(keys, mix(fCapsShape, sh), mix(fCapsLower, lw))
	}
	if m := f.gazMarks[i]; m != 0 {
		for b := 0; b < 32; b++ {
			if m&(1<<b) != 0 {
				keys = append(keys, mix(fGazetteer, uint64(b)), mix(mix(fGazetteerShort, uint64(b)), ss))
			}
		}
	}
	if m := f.lexMarks[i]; m != 0 {
		for b := 0; b < 4*nLexCategories; b++ {
			if m&(1<<b) != 0 {
				keys = append(keys, mix(fLexicon, uint64(b)), mix(mix(fLexiconShort, uint64(b)), ss))
			}
		}
	}
	if ti.hasLetter && f.docGen > 0 {
		if dw := f.docWord(ti); dw != nil {
			var flags uint64
			if dw.lowerSeen {
				flags |= 1
			}
			if dw.midCap {
				flags |= 2
			}
			if dw.initialCap {
				flags |= 4
			}
			if initial {
				flags |= 8
			}
			if caps {
				flags |= 16
			}
			keys = append(keys, mix(mix(fDocCase, flags), ss))
			if (caps || initial) && dw.trueForm != "" {
				keys = append(keys, mix(fTrueShape, dw.trueShape), mix(fTrueWord, dw.trueHash))
			}
		}
	}
	return keys
}

// gazFilterMask selects the bit of gazFilter for a phrase hash: 2^19 bits, 64 KB, in
// which the 8,000 phrases of the CoNLL model leave 1.5% of the other hashes through.
const gazFilterMask = 1<<19 - 1

// newFeaturizer returns a featurizer for a model's gazetteer and number of entity types.
func newFeaturizer(gaz gazetteer, nTypes int, clusters *WordClusters, lex *Lexicon) featurizer {
	f := featurizer{gaz: gaz, nTypes: nTypes, clusters: clusters, lex: lex, gazFilter: make([]uint64, (gazFilterMask+1)/64)}
	for h := range gaz {
		f.gazFilter[(h&gazFilterMask)/64] |= 1 << (h % 64)
	}
	return f
}

// markGazetteer sets gazMarks for every token covered by a gazetteer phrase.
func (f *featurizer) markGazetteer(words []string, gazMask func(key uint64, types uint8) uint8) {
	n := len(words)
	if cap(f.gazMarks) < n {
		f.gazMarks = make([]uint32, n)
	}
	f.gazMarks = f.gazMarks[:n]
	clear(f.gazMarks)
	if len(f.gaz) == 0 {
		return
	}
	for i := 0; i < n; i++ {
		h := uint64(fnvOffset)
		for l := 1; l <= maxGazetteerLen && i+l <= n; l++ {
			h = mix(h, f.info[i+l-1].word)
			if f.gazFilter != nil && f.gazFilter[(h&gazFilterMask)/64]&(1<<(h%64)) == 0 {
				continue
			}
			types, ok := f.gaz[h]
			if !ok {
				continue
			}
			if gazMask != nil {
				types = gazMask(h, types)
			}
			for t := 0; t < f.nTypes && t < 8; t++ {
				if types&(1<<t) == 0 {
					continue
				}
				base := uint32(t * 4)
				if l == 1 {
					f.gazMarks[i] |= 1 << (base + 3) // unit
					continue
				}
				f.gazMarks[i] |= 1 << base // begin
				for k := i + 1; k < i+l-1; k++ {
					f.gazMarks[k] |= 1 << (base + 1) // inside
				}
				f.gazMarks[i+l-1] |= 1 << (base + 2) // last
			}
		}
	}
}

// gazetteer maps a phrase hash (mix of its tokens' word hashes) to the entity types, one
// bit each, that the phrase had in the training data.
type gazetteer map[uint64]uint8

func phraseHash(words []string) uint64 {
	h := uint64(fnvOffset)
	for _, w := range words {
		h = mix(h, hashString(w))
	}
	return h
}
