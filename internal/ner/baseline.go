package ner

import (
	"strings"

	"github.com/jdkato/prose/v2"
)

// proseTypes maps prose's entity labels to CoNLL types; other labels are dropped.
var proseTypes = map[string]string{
	"PERSON": "PER",
	"GPE":    "LOC",
	"LOC":    "LOC",
	"ORG":    "ORG",
	"NORP":   "MISC",
}

// ProseBaseline is prose/v2's default NER model run over the same tokens, for comparison.
// It is not safe for concurrent use.
type ProseBaseline struct {
	model *prose.Model
}

// NewProseBaseline loads prose's default model once.
func NewProseBaseline() (*ProseBaseline, error) {
	doc, err := prose.NewDocument("Load.", prose.WithSegmentation(false))
	if err != nil {
		return nil, err
	}
	return &ProseBaseline{model: doc.Model}, nil
}

// Predict runs prose on each sentence, its tokens joined by spaces, and maps prose's
// tokens back onto the given ones.
func (b *ProseBaseline) Predict(doc [][]string) [][]Span {
	out := make([][]Span, len(doc))
	for si, words := range doc {
		if len(words) == 0 {
			continue
		}
		// Byte offset of each word in the joined sentence.
		starts := make([]int, len(words))
		var sb strings.Builder
		for i, w := range words {
			if i > 0 {
				sb.WriteByte(' ')
			}
			starts[i] = sb.Len()
			sb.WriteString(w)
		}
		text := sb.String()
		pd, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.UsingModel(b.model))
		if err != nil {
			continue
		}
		tags := make([]string, len(words))
		for i := range tags {
			tags[i] = "O"
		}
		cursor, wi := 0, 0
		for _, tok := range pd.Tokens() {
			at := strings.Index(text[cursor:], tok.Text)
			if at < 0 || tok.Text == "" {
				continue
			}
			pos := cursor + at
			cursor = pos + len(tok.Text)
			for wi+1 < len(words) && starts[wi+1] <= pos {
				wi++
			}
			if tok.Label == "O" || len(tok.Label) < 3 || tags[wi] != "O" {
				continue
			}
			typ, ok := proseTypes[tok.Label[2:]]
			if !ok {
				continue
			}
			tags[wi] = tok.Label[:2] + typ
		}
		out[si] = SpansFromTags(tags)
	}
	return out
}
