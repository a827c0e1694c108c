package clean

import (
	_ "embed"
	"math"
	"strings"

	"github.com/newspipe/newspipe/internal/pubdate"
)

// datelineFeatureNames name the evidence weighed for a date written on a raw text's line
// as the article's publication date, in the order of the feature vector (see
// datelineCandidates).
var datelineFeatureNames = []string{
	"date-only line", "starts with a date word", "published or posted before it", "updated or modified before it",
	"by in the line", "log distance to the headline", "within 5 lines under the headline", "above the headline",
	"headline found", "log distance to the body", "above the body", "place on the page", "kept as body",
	"log words", "first date of the page", "log rank among the page's dates", "latest date of the page",
	"earliest date of the page", "log times the day is written", "comment words", "time of day",
	"in the last third", "copyright", "reviewed or fact checked", "other dates on the line",
	"after the body", "log other words on the line", "dates on the lines around",
}

//go:embed dateline.json
var datelineWeights []byte

// storedDateline is the date model trained by "newspipe-dev train dateline" and stored in
// the package; it is read once and never changed.
var storedDateline = mustScorer(parseDatelineModel(datelineWeights))

// parseDatelineModel reads date weights written by EncodeDatelineModel and checks that
// they fit this version's features.
func parseDatelineModel(data []byte) (scorerModel, error) {
	return parseScorerModel(data, "dateline", datelineFeatureNames, "train dateline")
}

// datelineCandidate is a date written on one of the page's lines: the line, the date
// (ISO 8601) and its features.
type datelineCandidate struct {
	line  int
	date  string
	start int  // byte offset of the date in the line as readableDate writes it
	clock bool // the date is written with its time of day
	x     []float64
}

// datelineMaxWords is the length above which a line is not searched for the date: the
// publication date stands in short lines (bylines, date lines, "Published ..." notes).
const datelineMaxWords = 30

// datelinePerLine is the most dates read from one line (an archive list repeats many).
const datelinePerLine = 4

// datelineCandidates lists the dates written on the page's short lines, each with its
// features: title is the headline's line (-1 when none was found), first the body's first line.
func datelineCandidates(info []lineInfo, keep []bool, reasons []string, title, first int) []datelineCandidate {
	var cands []datelineCandidate
	order := numericOrder(info)
	for i := range info {
		li := &info[i]
		if li.words == 0 || li.words > datelineMaxWords || li.digits == 0 {
			continue
		}
		t, off := readableDate(li.text), 0
		for n := 0; n < datelinePerLine && off < len(t); n++ {
			m := pubdate.FindOrdered(t[off:], order)
			if m.Value == "" {
				break
			}
			cands = append(cands, datelineCandidate{line: i, date: m.Value[:10], start: off + m.Start, clock: len(m.Value) > 10})
			off += m.End
		}
	}
	last := first
	for i := len(keep) - 1; i > first; i-- {
		if keep[i] && reasons[i] == "" {
			last = i
			break
		}
	}
	kept := cands[:0]
	for _, c := range cands {
		// Under the article, a date that is not a dateline's ("Crossword: February 20,
		// 2025") is another story's: a related list, an archive.
		li := &info[c.line]
		if c.line > last && otherWords(li.lower) > 0 && !startsWithDateWord(li.lower) && !opensWithDate(li.text, c.start) && !strings.Contains(li.lower, "posted") &&
			!strings.Contains(li.lower, "published") && !strings.HasPrefix(li.lower, "by") && !strings.Contains(li.lower, " by ") {
			continue
		}
		kept = append(kept, c)
	}
	cands = kept
	if len(cands) == 0 {
		return nil
	}
	days := map[string]int{}
	latest, earliest := cands[0].date, cands[0].date
	for _, c := range cands {
		days[c.date]++
		latest, earliest = max(latest, c.date), min(earliest, c.date)
	}
	perLine := map[int]int{}
	for _, c := range cands {
		perLine[c.line]++
	}
	anchor := title
	if anchor < 0 {
		anchor = first
	}
	logDist := func(a, b int) float64 { return math.Log1p(math.Abs(float64(a - b))) }
	for k := range cands {
		c := &cands[k]
		i, li := c.line, &info[c.line]
		before := lowerASCII(readableDate(li.text)[:c.start])
		x := make([]float64, len(datelineFeatureNames))
		x[0] = b2f(li.dateOnly || isNumericDateLine(li))
		x[1] = b2f(startsWithDateWord(li.lower))
		x[2] = b2f(strings.Contains(before, "publish") || strings.Contains(before, "posted"))
		x[3] = b2f(strings.Contains(before, "updated") || strings.Contains(before, "modified"))
		x[4] = b2f(strings.HasPrefix(li.lower, "by") || strings.Contains(li.lower, " by "))
		x[5] = logDist(i, anchor)
		x[6] = b2f(title >= 0 && i > title && i <= title+5)
		x[7] = b2f(title >= 0 && i < title)
		x[8] = b2f(title >= 0)
		x[9] = logDist(i, first)
		x[10] = b2f(i < first)
		x[11] = float64(i) / float64(len(info))
		x[12] = b2f(keep[i] && reasons[i] == "")
		x[13] = li.logWords
		x[14] = b2f(k == 0)
		x[15] = math.Log1p(float64(k))
		x[16] = b2f(c.date == latest)
		x[17] = b2f(c.date == earliest)
		x[18] = math.Log1p(float64(days[c.date] - 1))
		x[19] = b2f(li.vocab&vComment != 0 || strings.Contains(li.lower, "comment") || strings.Contains(li.lower, "reply"))
		x[20] = b2f(c.clock)
		x[21] = b2f(i*3 >= 2*len(info))
		x[22] = b2f(strings.Contains(li.lower, "©") || strings.Contains(li.lower, "copyright"))
		x[23] = b2f(strings.Contains(li.lower, "reviewed") || strings.Contains(li.lower, "fact checked") || strings.Contains(li.lower, "fact-checked"))
		x[24] = b2f(perLine[i] > 1)
		x[25] = b2f(i > last)
		x[26] = math.Log1p(float64(otherWords(li.lower)))
		for _, j := range []int{i - 2, i - 1, i + 1, i + 2} {
			if j >= 0 && j < len(info) && perLine[j] > 0 {
				x[27] = 1
			}
		}
		c.x = x
	}
	return cands
}

// opensWithDate reports a line whose date, at byte start of readableDate(text), opens
// it, after a weekday at most: an entry's own footer ("Monday, August 11th, 2025 at 11:00
// am | Categories: Helena, Thermostats"), where another story's date follows its title.
func opensWithDate(text string, start int) bool {
	before := readableDate(text)[:start]
	for _, w := range strings.FieldsFunc(before, func(r rune) bool { return !('a' <= r|0x20 && r|0x20 <= 'z') && !('0' <= r && r <= '9') }) {
		if !weekdays[lowerASCII(w)] {
			return false
		}
	}
	return true
}

// isDateLine reports whether a short line that names a date can go as the page's date line
// once its date is read: a sentence of the article that names a day ("The film is set to
// hit theaters February 13, 2013.") ends like a sentence and says more than a dateline's
// labels, a name and the date; it stays in the body though its date may be the page's.
func isDateLine(li *lineInfo) bool {
	return li.dateOnly && !(li.final && otherWords(li.lower) >= datelineSentenceWords)
}

// datelineSentenceWords is the number of words besides the date's and a dateline's labels
// from which a line ending like a sentence is read as one: a name beside the date ("Jane
// Doe, March 3, 2024.") stays under it.
const datelineSentenceWords = 3

// isNumericDateLine reports a short line with a date written in numbers that only the
// page's order of day and month reads ("03/01/2017" under a byline): lineInfo.dateOnly,
// which reads dates without that order, misses it, yet it is as much a date line as
// "1 March 2017".
func isNumericDateLine(li *lineInfo) bool {
	return li.words <= 10 && pubdate.HasNumericDate(li.text)
}

// datelineWords are the words a dateline has beside its date: labels, weekdays, "by".
var datelineWords = map[string]bool{
	"published": true, "posted": true, "updated": true, "last": true, "modified": true, "on": true, "by": true,
	"at": true, "first": true, "date": true, "am": true, "pm": true, "th": true, "st": true, "nd": true, "rd": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"mon": true, "tue": true, "wed": true, "thu": true, "fri": true, "sat": true, "sun": true, "gmt": true, "utc": true,
	"est": true, "edt": true, "pst": true, "pdt": true, "cet": true, "bst": true,
}

// otherWords counts the words of a lower-cased line that are neither a date's (numbers,
// months) nor a dateline's labels: a headline with a date in it ("Crossword: February 20,
// 2025") has many, "Published on March 1, 2024 at 9:00 am" none.
func otherWords(lower string) int {
	n := 0
	for _, w := range strings.FieldsFunc(lower, func(r rune) bool { return !('a' <= r && r <= 'z') }) {
		if !datelineWords[w] && !isMonthWord(w) {
			n++
		}
	}
	return n
}

// numericOrder returns the order of day and month that the dates the page writes with
// numbers agree on (pubdate.NumericOrder): "12/16/2025" elsewhere on the page makes
// "03/01/2017" the 1st of March.
func numericOrder(info []lineInfo) pubdate.Order {
	var sb strings.Builder
	for i := range info {
		if info[i].digits >= 6 { // the fewest a date of numbers has: 1/2/2024
			sb.WriteString(info[i].text)
			sb.WriteByte('\n')
		}
	}
	return pubdate.NumericOrder(sb.String())
}

// bestDateline returns the candidate the model scores highest when its score passes the
// model's threshold, or -1.
func bestDateline(cands []datelineCandidate, m scorerModel) int {
	return m.best(len(cands), func(k int) []float64 { return cands[k].x })
}
