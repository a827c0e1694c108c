// Package ner finds named entities (people, organisations, places and other names) in
// tokenised text with an averaged structured perceptron over BILOU tags, and provides its
// tokeniser, sentence splitter, training, model format, CoNLL reader and scorer.
//
// The shipped model is trained on CoNLL-2003 train.txt only (newspipe train ner) and
// embedded in the binary; Default loads it. Words are never the only evidence: shapes,
// affixes, context, a gazetteer of training entities and document-level casing let it
// recognise names it has not seen.
package ner
