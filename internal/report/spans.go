package report

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/record"
)

// Segment is a run of a line's text with the annotations that cover all of it.
type Segment struct {
	Text string
	// Entity is the entity type (PERSON, ORG, ...) when the run is part of an entity
	// mention, else empty; Name is the entity's canonical name.
	Entity, Name string
	// Date is true when the run is part of a date expression; DateType and Value are its
	// TIMEX3 type and value.
	Date            bool
	DateType, Value string
}

// ViewLine is one input line prepared for display.
type ViewLine struct {
	// Reason is empty for a kept line, else why it was removed.
	Reason   string
	Segments []Segment
}

// span is one annotation in code points of Record.Text.
type span struct {
	start, end int
	entity     *record.Entity
	date       *record.Date
}

// Lines lays the record's annotations onto lines: the review lines when there are any
// (every input line in order, kept ones being the paragraphs of rec.Text), else the
// paragraphs of rec.Text followed by the removed lines. Annotations with offsets outside
// the text are ignored; one that spans a paragraph break is shown on each side of it.
func Lines(rec record.Record, review []document.Line) []ViewLine {
	paras, starts := paragraphs(rec.Text)
	if len(review) == 0 {
		for _, p := range paras {
			review = append(review, document.Line{Text: p})
		}
		for _, r := range rec.Removed {
			review = append(review, document.Line{Text: r.Text, Reason: r.Reason})
		}
	}
	spans := annotations(rec, utf8.RuneCountInString(rec.Text))
	out := make([]ViewLine, 0, len(review))
	next := 0 // next paragraph a kept line may match
	for _, l := range review {
		if l.Reason != "" {
			out = append(out, ViewLine{Reason: l.Reason, Segments: []Segment{{Text: l.Text}}})
			continue
		}
		// Kept lines are the paragraphs in order; search forward so that one line that
		// does not match (a stage rewrote it) does not shift the annotations of the rest.
		p := -1
		for j := next; j < len(paras); j++ {
			if paras[j] == l.Text {
				p = j
				break
			}
		}
		if p < 0 {
			out = append(out, ViewLine{Segments: []Segment{{Text: l.Text}}})
			continue
		}
		next = p + 1
		out = append(out, ViewLine{Segments: segments(paras[p], starts[p], spans)})
	}
	return out
}

// paragraphs splits text into its paragraphs and their code point offsets.
func paragraphs(text string) ([]string, []int) {
	if text == "" {
		return nil, nil
	}
	paras := strings.Split(text, "\n\n")
	starts := make([]int, len(paras))
	off := 0
	for i, p := range paras {
		starts[i] = off
		off += utf8.RuneCountInString(p) + 2
	}
	return paras, starts
}

// annotations lists the valid entity mentions and dates of rec, sorted by start.
func annotations(rec record.Record, n int) []span {
	var out []span
	valid := func(s, e int) bool { return s >= 0 && s < e && e <= n }
	for i := range rec.Entities {
		e := &rec.Entities[i]
		for _, m := range e.Mentions {
			if valid(m.Start, m.End) {
				out = append(out, span{start: m.Start, end: m.End, entity: e})
			}
		}
	}
	for i := range rec.Dates {
		d := &rec.Dates[i]
		if valid(d.Start, d.End) {
			out = append(out, span{start: d.Start, end: d.End, date: d})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// segments cuts paragraph p, which starts at code point off of the text, at every
// annotation boundary inside it.
func segments(p string, off int, spans []span) []Segment {
	runes := []rune(p)
	end := off + len(runes)
	cuts := []int{0, len(runes)}
	var inside []span
	for _, s := range spans {
		if s.end <= off || s.start >= end {
			continue
		}
		inside = append(inside, s)
		cuts = append(cuts, max(s.start, off)-off, min(s.end, end)-off)
	}
	sort.Ints(cuts)
	var out []Segment
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		if a == b {
			continue
		}
		seg := Segment{Text: string(runes[a:b])}
		// The first annotation covering the run wins: overlapping entities are rare and
		// a run can show one entity colour only.
		for _, s := range inside {
			if s.start-off > a || s.end-off < b {
				continue
			}
			switch {
			case s.entity != nil && seg.Entity == "":
				seg.Entity, seg.Name = s.entity.Type, s.entity.Name
			case s.date != nil && !seg.Date:
				seg.Date, seg.DateType, seg.Value = true, s.date.Type, s.date.Value
			}
		}
		out = append(out, seg)
	}
	return out
}
