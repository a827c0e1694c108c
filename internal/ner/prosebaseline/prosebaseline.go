// Package prosebaseline runs prose/v2's default named-entity model over CoNLL tokens, as
// the baseline that newspipe-dev eval ner compares the entity model with. It is a package
// of its own so that only the development program links prose/v2 and its models.
package prosebaseline

import (
	"strings"

	"github.com/jdkato/prose/v2"

	"github.com/newspipe/newspipe/internal/ner"
)

// proseTypes maps prose's entity labels to CoNLL types; other labels are dropped.
// prose has no MISC: it calls nationalities GPE.
var proseTypes = map[string]string{
	"PERSON":       "PER",
	"GPE":          "LOC",
	"ORGANIZATION": "ORG",
}

// Tagger is prose/v2's default NER model run over the same tokens, for comparison.
// It is not safe for concurrent use.
type Tagger struct {
	model *prose.Model
}

// New loads prose's default model once.
func New() (*Tagger, error) {
	doc, err := prose.NewDocument("Load.", prose.WithSegmentation(false))
	if err != nil {
		return nil, err
	}
	return &Tagger{model: doc.Model}, nil
}

// Predict runs prose on each sentence, its tokens joined by spaces, and maps prose's
// tokens back onto the given ones.
func (b *Tagger) Predict(doc [][]string) [][]ner.Span {
	out := make([][]ner.Span, len(doc))
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
		// prose chunks entities as its Document.Entities does: B- starts one, any I- goes
		// on with it, and the first token's type names it.
		var spans []ner.Span
		cursor, wi := 0, 0
		open := false
		for _, tok := range pd.Tokens() {
			at := strings.Index(text[cursor:], tok.Text)
			if at < 0 || tok.Text == "" {
				open = false
				continue
			}
			pos := cursor + at
			cursor = pos + len(tok.Text)
			for wi+1 < len(words) && starts[wi+1] <= pos {
				wi++
			}
			switch {
			case strings.HasPrefix(tok.Label, "B-"):
				typ, ok := proseTypes[tok.Label[2:]]
				if !ok {
					open = false
					continue
				}
				if open && spans[len(spans)-1].End > wi {
					continue // a second prose token inside the same word
				}
				spans = append(spans, ner.Span{Start: wi, End: wi + 1, Type: typ})
				open = true
			case strings.HasPrefix(tok.Label, "I-") && open:
				spans[len(spans)-1].End = wi + 1
			default:
				open = false
			}
		}
		out[si] = spans
	}
	return out
}
