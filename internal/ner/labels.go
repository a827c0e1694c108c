package ner

import "slices"

// Document-level label aggregation: a label stage corrects the first stage's scores of
// a capitalised word with what the first stage said of the same word elsewhere in the
// document ("Baylor" tagged ORG twice makes a third "Baylor" an ORG). Counts are kept
// per word id of the featurizer's word cache, so a document costs no map.

// labelCounts is how often the first stage gave each entity type (index 8: O) to a
// capitalised word of the current document.
type labelCounts [9]int32

// countLabels counts the first stage's tags of the capitalised tokens of the document
// that scanDocument saw; tags holds one tag per token of the document, in order.
//
// A word is counted by its lower-cased form, so that a heading's "MONTRÉAL" is the
// text's "Montréal", except that a word in capitals in a sentence that is not is
// counted apart: the acronym "UN" is not the "Un" of "Kim Jong Un".
func (f *featurizer) countLabels(tags []int) {
	f.labelGen++
	f.labelKeys = slices.Grow(f.labelKeys[:0], len(tags))[:len(tags)]
	for si := 0; si+1 < len(f.sentStart); si++ {
		start, end := f.sentStart[si], f.sentStart[si+1]
		info := f.docInfo[start:end]
		caps := capsSentence(info)
		for i := range info {
			ti := &info[i]
			key := int32(-1)
			if ti.capInitial && ti.lowerID >= 0 {
				key = ti.lowerID * 2
				if ti.allCaps && !caps {
					key++
				}
				f.countLabel(key, tags[start+i])
			}
			f.labelKeys[start+i] = key
		}
	}
}

// countLabel counts tag for the word whose key is id.
func (f *featurizer) countLabel(id int32, tag int) {
	if int(id) >= len(f.labelStamp) {
		n := max(int(id)+1, 2*len(f.labelStamp))
		f.labelStamp = append(f.labelStamp, make([]int32, n-len(f.labelStamp))...)
		f.labels = append(f.labels, make([]labelCounts, n-len(f.labels))...)
	}
	if f.labelStamp[id] != f.labelGen {
		f.labelStamp[id], f.labels[id] = f.labelGen, labelCounts{}
	}
	f.labels[id][tagType(tag)]++
}

// labelFeatures appends the label-stage features of token tok of the document (an
// index into docInfo), whose first-stage tag is own: the entity types the first stage
// gave the same word elsewhere, alone and with own's type. It appends nothing for a word
// that is not capitalised or is nowhere else capitalised.
func (f *featurizer) labelFeatures(keys []uint64, tok, own int) []uint64 {
	id := f.labelKeys[tok]
	if id < 0 || int(id) >= len(f.labelStamp) || f.labelStamp[id] != f.labelGen {
		return keys
	}
	others := f.labels[id]
	others[tagType(own)]-- // this token itself does not count
	total := int32(0)
	for _, n := range others {
		total += n
	}
	if total <= 0 {
		return keys
	}
	entity := false
	for t := 0; t < 8; t++ {
		if others[t] == 0 {
			continue
		}
		entity = true
		share := uint64(0)
		if others[t]*2 > total {
			share = 1
		}
		v := uint64(t)*2 + share
		keys = append(keys, mix(fAggType, v), mix(mix(fAggTypeTag, v), uint64(tagType(own))))
	}
	if !entity {
		keys = append(keys, fAggNone, mix(fAggNone, uint64(tagType(own))))
	}
	return keys
}
