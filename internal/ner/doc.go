// Package ner finds named entities (people, organisations, places and other names) in
// tokenised text with an averaged structured perceptron over BILOU tags, and provides its
// tokeniser, sentence splitter, training, model format, CoNLL reader and scorer.
//
// The shipped model is trained on CoNLL-2003 train.txt (make model) and embedded in the
// binary; Default loads it. Words are never the only evidence: shapes, affixes, context,
// a gazetteer of training entities, document-level casing, word clusters (a hierarchy
// derived from word vectors, as Brown clusters are from text: DeriveClusters) and a
// lexicon of place, organisation, team, event and person-name lists (BuildLexicon) let it
// recognise names it has not seen. The model file holds the clusters and the lexicon in
// their derived, hashed form; nothing is read at run time but the embedded file.
package ner
