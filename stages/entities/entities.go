// Package entities finds the named entities of an article and joins their mentions
// into canonical entities.
package entities

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newspipe/newspipe/internal/ner"
	"github.com/newspipe/newspipe/record"
)

// Recognizer finds named entities in article text; safe for concurrent use; build once per process.
type Recognizer struct {
	model *ner.Model
}

// New loads the embedded model.
func New() (*Recognizer, error) {
	m, err := ner.Default()
	if err != nil {
		return nil, err
	}
	return NewWithModel(m), nil
}

// NewWithModel returns a Recognizer that uses m.
func NewWithModel(m *ner.Model) *Recognizer {
	return &Recognizer{model: m}
}

// mention is one cleaned-up entity mention.
type mention struct {
	toks  []ner.Token // the name's tokens
	typ   string      // output type (PERSON, GPE, ...)
	text  string      // text of the name as written
	key   string      // normalised name for joining spelling variants
	group int         // index of its entity
	// cued is set when the words after the name say what it is ("Sputnik news
	// agency"): the mention's type then outweighs an unsure guess elsewhere.
	cued bool
	// taggedPerson is set when the tagger (or a title before it) made the name a
	// person's, whatever type the lists then gave it ("Austin", a city too).
	taggedPerson bool
	// pronoun is 1 when the first pronoun after a one-token name in its sentence is
	// "its", -1 when it is "he" or "she" (or their other forms), 0 otherwise.
	pronoun int8
}

// Entities returns the canonical entities of text, each with all its mentions (code point offsets into text),
// ordered by first mention.
func (r *Recognizer) Entities(text string) []record.Entity {
	ents, _ := r.EntitiesContext(context.Background(), text) // fails only when its context ends
	return ents
}

// EntitiesContext is Entities, checking ctx before the tagger runs and as it goes
// through the sentences: it returns ctx's error once ctx ends.
func (r *Recognizer) EntitiesContext(ctx context.Context, text string) ([]record.Entity, error) {
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	var ms []mention
	for start, runeStart := 0, 0; start < len(text); {
		end := windowEnd(text, start, windowBytes)
		wms, err := r.windowMentions(ctx, text, start, end, runeStart)
		if err != nil {
			return nil, err
		}
		ms = append(ms, wms...)
		runeStart += utf8.RuneCountInString(text[start:end])
		start = end
	}
	return group(ms), nil
}

// windowBytes is the most text the tagger sees at once. Its document-level features (the
// tags of the same word elsewhere in the document) and the tokens cost about 200 bytes a
// token, so a text of megabytes (a dump of many articles, a book, a page of numbers) is
// tagged in windows of whole paragraphs, each seen as one document: memory stays bounded,
// and a news article, far shorter, is tagged whole.
const windowBytes = 256 << 10

// windowEnd returns where the window of text that starts at start ends: at the end of
// the text, or after the last paragraph break, line break or space (in that order of
// preference) within max bytes, or at a character boundary when there is none.
func windowEnd(text string, start, max int) int {
	if len(text)-start <= max {
		return len(text)
	}
	w := text[start : start+max]
	for _, sep := range []string{"\n\n", "\n", " "} {
		if i := strings.LastIndex(w, sep); i > 0 {
			return start + i + len(sep)
		}
	}
	end := start + max
	for end > start+1 && !utf8.RuneStart(text[end]) {
		end--
	}
	return end
}

// windowMentions returns the mentions in text[start:end], which starts at code point
// runeStart of text; their tokens' offsets are into text.
func (r *Recognizer) windowMentions(ctx context.Context, text string, start, end, runeStart int) ([]mention, error) {
	toks := ner.Tokenize(text[start:end])
	sents := ner.Sentences(text[start:end], toks)
	for i := range toks { // sents share toks
		toks[i].Start += start
		toks[i].End += start
		toks[i].RuneStart += runeStart
		toks[i].RuneEnd += runeStart
	}
	words := make([][]string, len(sents))
	all := make([]string, 0, len(toks)) // one array for every sentence's words
	for i, s := range sents {
		start := len(all)
		for _, t := range s {
			all = append(all, t.Text)
		}
		words[i] = all[start:len(all):len(all)]
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	pred := r.model.Predict(words)
	n := 0
	for _, spans := range pred {
		n += len(spans)
	}
	ms := make([]mention, 0, n+n/8) // a span may split in two; addMissed adds more
	for si, spans := range pred {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for _, sp := range spans {
			// A separator inside a span joins two things, not one name: "Harriet Cole | March".
			toks := sents[si][sp.Start:sp.End]
			// The tagger leaves titles out of names; a royal one belongs to a single name
			// ("Prince Andrew"), which clean keeps whole.
			if sp.Type == "PER" && sp.Start > 0 && regnalName(toks) && isTitle(sents[si][sp.Start-1].Text) &&
				royalTitles[strings.ToLower(sents[si][sp.Start-1].Text)] {
				toks = sents[si][sp.Start-1 : sp.End]
			}
			start := 0
			// So does a lower-case word inside a person's name: "Putin to Kim".
			for k := 0; k <= len(toks); k++ {
				if k < len(toks) && !separators[toks[k].Text] && !(sp.Type == "PER" && k > 0 && splitsPerson(toks[k].Text)) {
					continue
				}
				if m, ok := clean(text, toks[start:k], sp.Type, r.model); ok {
					if k == len(toks) && orgCue(sents[si][sp.End:]) && m.typ != "GPE" && m.typ != "NORP" && m.typ != "MISC" {
						m.typ, m.cued = "ORG", true
					}
					// An index noun types this mention only, without the cue's double vote: the
					// name may be the index's publisher elsewhere ("KSE index", "Karachi Stock Exchange").
					if k == len(toks) && m.typ != "GPE" && m.typ != "NORP" && m.typ != "LOC" && indexCue(m.toks, sents[si][sp.End:]) {
						m.typ = "MISC"
					}
					ms = append(ms, m)
				}
				start = k + 1
			}
		}
	}
	ms = addMissed(text, toks, joinInstitutions(text, splitCompounds(text, ms, r.model)))
	sentEnd := make([]int, len(toks)) // sents share toks, in order
	k := 0
	for _, s := range sents {
		for j := range s {
			sentEnd[k+j] = k + len(s)
		}
		k += len(s)
	}
	markPronouns(toks, sentEnd, ms)
	return ms, nil
}

// orgNouns are the lower-case words that, right after a name, say it is an
// organisation's: "Sputnik news agency", "Pixar animation studio".
var orgNouns = map[string]bool{
	"agency": true, "company": true, "firm": true, "group": true, "studio": true,
	"studios": true, "network": true, "newspaper": true, "broadcaster": true, "airline": true,
	"carrier": true, "maker": true, "manufacturer": true, "retailer": true, "startup": true,
	"club": true, "university": true, "channel": true, "website": true, "platform": true,
	"conglomerate": true, "insurer": true, "lender": true, "bank": true, "operator": true,
}

// orgCue reports whether the tokens after a name begin with an organisation noun, or
// with one lower-case word and then one ("news agency").
func orgCue(after []ner.Token) bool {
	for k := 0; k < 2 && k < len(after); k++ {
		w := after[k].Text
		if orgNouns[w] {
			return true
		}
		if !unicode.IsLower(firstRune(w)) {
			return false
		}
	}
	return false
}
