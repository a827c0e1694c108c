package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Sentence is one sentence of a CoNLL file.
type Sentence struct {
	// Words are the tokens' texts.
	Words []string
	// Tags are the gold NER tags as written in the file (IOB1 or IOB2).
	Tags []string
	// Lines are the token lines as read, for writing predictions back.
	Lines []string
}

// CoNLLDoc is one document of a CoNLL file: the sentences between two -DOCSTART- lines.
type CoNLLDoc struct {
	// DocStart is the -DOCSTART- line that opened the document, if any.
	DocStart  string
	Sentences []Sentence
}

// ReadCoNLL reads a CoNLL-2003 style file: one token a line with the NER tag in the last
// column, blank lines between sentences and -DOCSTART- lines between documents. A file
// without -DOCSTART- is one document.
func ReadCoNLL(r io.Reader) ([]CoNLLDoc, error) {
	var docs []CoNLLDoc
	var cur Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	flush := func() {
		if len(cur.Words) == 0 {
			return
		}
		if len(docs) == 0 {
			docs = append(docs, CoNLLDoc{})
		}
		d := &docs[len(docs)-1]
		d.Sentences = append(d.Sentences, cur)
		cur = Sentence{}
	}
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		fields := strings.Fields(text)
		if len(fields) == 0 {
			flush()
			continue
		}
		if fields[0] == "-DOCSTART-" {
			flush()
			docs = append(docs, CoNLLDoc{DocStart: text})
			continue
		}
		if len(fields) < 2 {
			return nil, fmt.Errorf("conll line %d: want a word and a tag, got %q", line, text)
		}
		tag := fields[len(fields)-1]
		if tag != "O" && (len(tag) < 3 || tag[1] != '-' || !strings.ContainsRune("BIELUS", rune(tag[0]))) {
			return nil, fmt.Errorf("conll line %d: bad tag %q", line, tag)
		}
		cur.Words = append(cur.Words, fields[0])
		cur.Tags = append(cur.Tags, tag)
		cur.Lines = append(cur.Lines, text)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read conll line %d: %w", line+1, err)
	}
	flush()
	// Drop empty documents (a -DOCSTART- at the very end, or consecutive ones).
	out := docs[:0]
	for _, d := range docs {
		if len(d.Sentences) > 0 {
			out = append(out, d)
		}
	}
	return out, nil
}

// Span is an entity of a sentence: tokens Start to End-1, of type Type (PER, ORG, LOC, MISC).
type Span struct {
	Start, End int
	Type       string
}

// SpansFromTags reads the entities of a tag sequence the way conlleval does, accepting
// IOB1, IOB2 (BIO) and IOBES/BILOU tags.
func SpansFromTags(tags []string) []Span {
	var spans []Span
	start := -1
	prevTag, prevType := "O", ""
	for i := 0; i <= len(tags); i++ {
		tag, typ := "O", ""
		if i < len(tags) {
			tag, typ = splitTag(tags[i])
		}
		if start >= 0 && chunkEnds(prevTag, tag, prevType, typ) {
			spans = append(spans, Span{Start: start, End: i, Type: prevType})
			start = -1
		}
		if chunkStarts(prevTag, tag, prevType, typ) {
			start = i
		}
		prevTag, prevType = tag, typ
	}
	return spans
}

func splitTag(t string) (string, string) {
	if t == "O" || len(t) < 3 || t[1] != '-' {
		return "O", ""
	}
	p := t[:1]
	switch p {
	case "L":
		p = "E"
	case "U":
		p = "S"
	}
	return p, t[2:]
}

// chunkEnds is conlleval's endOfChunk.
func chunkEnds(prevTag, tag, prevType, typ string) bool {
	switch {
	case prevTag == "E" || prevTag == "S":
		return true
	case prevTag == "B" && (tag == "B" || tag == "S" || tag == "O"):
		return true
	case prevTag == "I" && (tag == "B" || tag == "S" || tag == "O"):
		return true
	}
	return prevTag != "O" && prevType != typ
}

// chunkStarts is conlleval's startOfChunk.
func chunkStarts(prevTag, tag, prevType, typ string) bool {
	switch {
	case tag == "B" || tag == "S":
		return true
	case (prevTag == "E" || prevTag == "S" || prevTag == "O") && (tag == "E" || tag == "I"):
		return true
	}
	return tag != "O" && prevType != typ
}

// TagsIOB1 writes spans of a sentence of n tokens as IOB1 tags: I-TYPE, with B-TYPE only
// where an entity directly follows another of the same type.
func TagsIOB1(spans []Span, n int) []string {
	tags := make([]string, n)
	for i := range tags {
		tags[i] = "O"
	}
	prevEnd, prevType := -1, ""
	for _, s := range spans {
		if s.Start < 0 || s.End > n || s.Start >= s.End {
			continue
		}
		for i := s.Start; i < s.End; i++ {
			tags[i] = "I-" + s.Type
		}
		if s.Start == prevEnd && s.Type == prevType {
			tags[s.Start] = "B-" + s.Type
		}
		prevEnd, prevType = s.End, s.Type
	}
	return tags
}

// Counts are entity-level match counts.
type Counts struct {
	Gold, Predicted, Correct int
}

// plus returns the sum of c and d.
func (c Counts) plus(d Counts) Counts {
	return Counts{Gold: c.Gold + d.Gold, Predicted: c.Predicted + d.Predicted, Correct: c.Correct + d.Correct}
}

// Precision is Correct/Predicted, 0 when nothing was predicted.
func (c Counts) Precision() float64 {
	if c.Predicted == 0 {
		return 0
	}
	return float64(c.Correct) / float64(c.Predicted)
}

// Recall is Correct/Gold, 0 when there is no gold entity.
func (c Counts) Recall() float64 {
	if c.Gold == 0 {
		return 0
	}
	return float64(c.Correct) / float64(c.Gold)
}

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Score is an entity-level exact-match evaluation, overall and per type, as conlleval reports it.
type Score struct {
	Overall Counts
	ByType  map[string]Counts
}

// Add scores one sentence's predicted entities against its gold ones.
func (s *Score) Add(gold, pred []Span) {
	if s.ByType == nil {
		s.ByType = map[string]Counts{}
	}
	set := make(map[Span]bool, len(gold))
	for _, g := range gold {
		set[g] = true
		c := s.ByType[g.Type]
		c.Gold++
		s.ByType[g.Type] = c
		s.Overall.Gold++
	}
	for _, p := range pred {
		c := s.ByType[p.Type]
		c.Predicted++
		s.Overall.Predicted++
		if set[p] {
			c.Correct++
			s.Overall.Correct++
			delete(set, p) // a duplicate prediction counts once
		}
		s.ByType[p.Type] = c
	}
}
