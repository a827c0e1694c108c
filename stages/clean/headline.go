package clean

import (
	_ "embed"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/newspipe/newspipe/internal/shingle"
)

// headlineFeatureNames name the evidence weighed for a candidate headline line, in the
// order of the feature vector (see headlineFeatures).
var headlineFeatureNames = []string{
	"distance", "body's first line", "between byline and body", "4-20 words", "log words",
	"title case", "byline or body follows", "words in the body's first lines", "page title with site",
	"repeated on the page", "credit or parenthesis", "ends with ? or !", "colon inside",
	"upper case", "headline-shaped line above", "ends like a sentence", "stop words",
	"chrome vocabulary", "digits", "headline-shaped line below", "at most 3 words", "next to the anchor",
	"log distance", "share of the header above", "byline or date just below", "words of the body's lead",
	"short lines above", "log headline-shaped lines below it", "inside another line", "words to the longest candidate's",
	"kept as body", "share of the body below", "addresses the reader", "call to action", "cut before a separator",
	"no shorter line just below", "no longer headline-shaped line just above",
	"ends a line nearby after a separator", "ends with a line nearby after a separator",
	"numbered like a list item", "a longer candidate just below", "a shorter candidate just above",
	"log words in sentence case",
}

// HeadlineFeatures is the number of features of a candidate headline.
var HeadlineFeatures = len(headlineFeatureNames)

// headlineModel is the headline scorer as EncodeHeadlineModel writes it: a scorerModel
// without the threshold, since the best candidate is always taken.
type headlineModel struct {
	Features []string  `json:"features"`
	Weights  []float64 `json:"weights"`
}

//go:embed headline.json
var headlineWeights []byte

// storedHeadline is the headline model trained by "newspipe-dev train meta" and stored in
// the package; it is read once and never changed.
var storedHeadline = mustScorer(parseScorerModel(headlineWeights, "headline", headlineFeatureNames, "train meta")).Weights

// ParseHeadlineModel reads headline weights written by EncodeHeadlineModel and checks
// that they fit this version's features.
func ParseHeadlineModel(data []byte) ([]float64, error) {
	m, err := parseScorerModel(data, "headline", headlineFeatureNames, "train meta")
	if err != nil {
		return nil, err
	}
	return m.Weights, nil
}

// HeadlineCandidate is a line the cleaner weighs as the article's headline.
type HeadlineCandidate struct {
	Text     string
	Features []float64
}

// headlineCandidate is a candidate line's index and features, and its text when the
// candidate is only the part of the line before a separator ("Headline | Site").
type headlineCandidate struct {
	line  int
	text  string
	words int // the words of text
	dist  int // lines to the anchor (see headlineFeatures)
	x     []float64
}

// headlineFeatures describes line i as a candidate headline, dist lines above the anchor
// (the byline or the body) or the body; first is the body's first line, body the words of
// its first prose lines.
func headlineFeatures(h *header, i, dist int) []float64 {
	return textFeatures(h, i, dist, &h.info[i])
}

// textFeatures describes the text li, standing on line i, as a candidate headline (see
// headlineFeatures).
func textFeatures(h *header, i, dist int, li *lineInfo) []float64 {
	info, reasons, anchor, first, body, lead, titles := h.info, h.reasons, h.anchor, h.first, h.body, h.lead, h.titles
	x := make([]float64, len(headlineFeatureNames))
	x[0] = float64(dist) / 10
	x[1] = b2f(i == first)
	x[2] = b2f(i >= anchor && i < first)
	x[3] = b2f(li.words >= 4 && li.words <= 20)
	x[4] = li.logWords
	if li.words > 0 {
		x[5] = float64(li.titleCase) / float64(li.words)
		x[16] = float64(li.stops) / float64(li.words)
	}
	if next := i + 1; next < len(info) && (reasons[next] == reasonByline || reasons[next] == reasonDate ||
		reasons[next] == reasonAuthor || next == anchor || info[next].final && info[next].words >= 8) {
		x[6] = 1
	}
	toks := shingle.Tokens(strings.ToLower(li.text))
	x[7] = shareIn(toks, body)
	site := titles[li.text]
	x[8] = b2f(site)
	x[9] = b2f(li.repeated && !site)
	x[10] = b2f(li.vocab&vCredit != 0 || strings.HasPrefix(li.text, "("))
	x[11] = b2f(strings.HasSuffix(li.text, "?") || strings.HasSuffix(li.text, "!"))
	x[12] = b2f(strings.Contains(li.text, ": "))
	if li.letters > 0 {
		x[13] = float64(li.upper) / float64(li.letters)
	}
	x[14] = b2f(i > 0 && h.shaped[i-1] && !info[i-1].final)
	x[15] = b2f(li.final)
	x[17] = b2f(li.vocab != 0)
	x[18] = b2f(li.digits > 0)
	x[19] = b2f(i+1 < len(info) && h.shaped[i+1] && !info[i+1].final)
	x[20] = b2f(li.words <= 3)
	x[21] = b2f(dist == 0)
	x[22] = math.Log1p(float64(dist))
	x[23] = float64(i) / float64(max(1, first))
	for j := i + 1; j < min(len(info), i+3); j++ {
		if info[j].byline || info[j].dateOnly || reasons[j] == reasonByline || reasons[j] == reasonDate || reasons[j] == reasonAuthor {
			x[24] = 1
		}
	}
	x[39] = b2f(listNumbered(li.text))
	if li.words > 0 {
		// A standfirst under its headline: a long line in sentence case ("From breath
		// meditation to yoga nidra, all types of meditation aim to help you feel calmer").
		x[42] = li.logWords * (1 - float64(li.titleCase)/float64(li.words))
	}
	x[25] = shareIn(toks, lead)
	short := 0
	for j := max(0, i-3); j < i; j++ {
		if info[j].words <= 3 {
			short++
		}
	}
	x[26] = float64(short) / 3
	x[27] = math.Log1p(float64(h.shapedBelow[i]))
	x[30] = b2f(h.keep[i])
	if total := h.bodyWords[len(info)]; total > 0 {
		x[31] = 1 - float64(h.bodyWords[i+1])/float64(total)
	}
	x[32] = b2f(addressesReader(li.lower))
	x[33] = b2f(callToAction(li.lower))
	// A headline over its standfirst: the line under it says more, in a line at least as long.
	if next := i + 1; next < len(info) && reasons[next] == "" && info[next].words >= 8 && info[next].words <= 60 &&
		info[next].words >= li.words && !info[next].byline && !info[next].dateOnly {
		x[35] = 1
	}
	if prev := i - 1; prev >= 0 && h.shaped[prev] && info[prev].words <= li.words {
		x[36] = 1
	}
	// "Home / Tips & Tools / Book Reviews" over "Book Reviews", "PROJECT: Weekend Coding
	// Agent" by "Weekend Coding Agent": a breadcrumb trail or a label ends with the headline.
	for j := max(0, i-suffixWindow); j < min(len(info), i+suffixWindow+1); j++ {
		if j == i {
			continue
		}
		if endsAfterSeparator(info[j].text, li.text) {
			x[37] = 1
		}
		if endsAfterSeparator(li.text, info[j].text) {
			x[38] = 1
		}
	}
	if !site {
		for j := range info {
			if j != i && len(info[j].text) > len(li.text) && strings.Contains(info[j].text, li.text) {
				x[28] = 1
				break
			}
		}
	}
	return x
}

// listNumbered reports a line numbered as an item of a list: "2. Costs Vary Widely",
// "9) Thrive Agency"; a listicle's items and an article's numbered sections look so.
func listNumbered(s string) bool {
	n := 0
	for n < len(s) && n < 3 && isDigit(s[n]) {
		n++
	}
	return n > 0 && n+1 < len(s) && (s[n] == '.' || s[n] == ')') && s[n+1] == ' '
}

// suffixWindow is how many lines above and below a candidate headline are searched for
// a breadcrumb trail or a labelled line ending with it.
const suffixWindow = 6

// endsAfterSeparator reports a line long that ends with the whole text short after a
// separator or a label's colon: "Home / Tips & Tools / Book Reviews" and "Book Reviews",
// "PROJECT: Weekend Coding Agent" and "Weekend Coding Agent".
func endsAfterSeparator(long, short string) bool {
	if len(short) == 0 || len(long) <= len(short) || !strings.HasSuffix(long, short) {
		return false
	}
	head := strings.TrimRight(long[:len(long)-len(short)], " ")
	if head == "" {
		return false
	}
	switch r, _ := utf8.DecodeLastRuneInString(head); r {
	case '/', '>', '|', '»', '›', ':', '–', '—', '-', '\\':
		return true
	}
	return false
}

// header is what the headline features of a page's lines are read from.
type header struct {
	info          []lineInfo
	keep          []bool
	bodyWords     []int // bodyWords[i]: the words of the body lines before line i
	reasons       []string
	anchor, first int             // the byline or the body's first line; the body's first line
	body, lead    map[string]bool // the words of the body's first two and first six prose lines
	titles        map[string]bool // texts the page also shows followed by a site's name
	shaped        []bool          // lines shaped like a headline, near the candidates
	shapedBelow   []int           // headline-shaped lines between a line and the body
}

// headlineWindow is how many lines above the anchor are weighed as the headline: menus,
// share buttons and tables of contents often stand between the headline and the body.
const headlineWindow = 400

// headlineCandidates lists the lines that may be the headline: those a little above the
// anchor, those between the byline and the body, and the body's first line when the
// classifier kept the headline as body. byline is the byline's line, or -1; html reports
// that the lines are the HTML extractor's blocks.
func headlineCandidates(info []lineInfo, keep []bool, reasons []string, anchor, first, byline int, html bool) []headlineCandidate {
	h := &header{info: info, keep: keep, reasons: reasons, anchor: anchor, first: first,
		body: bodyTokens(info, keep, reasons, first, 2), lead: bodyTokens(info, keep, reasons, first, 6),
		titles: siteTitles(info), shaped: make([]bool, len(info)), shapedBelow: make([]int, len(info))}
	h.bodyWords = make([]int, len(info)+1)
	for j := range info {
		h.bodyWords[j+1] = h.bodyWords[j]
		if keep[j] && reasons[j] == "" {
			h.bodyWords[j+1] += info[j].words
		}
	}
	lo := max(0, anchor-headlineWindow)
	for j := max(0, lo-1); j < min(len(info), max(anchor, first)+2); j++ {
		h.shaped[j] = reasons[j] == "" && isHeadline(&info[j])
	}
	for j := first - 2; j >= lo; j-- {
		h.shapedBelow[j] = h.shapedBelow[j+1] + int(b2f(h.shaped[j+1]))
	}
	var cands []headlineCandidate
	for i := lo; i < max(anchor, first); i++ {
		if reasons[i] != "" && reasons[i] != reasonByline || !headlineCandidateShape(&info[i]) {
			continue
		}
		if i >= anchor && i < first && reasons[i] != "" {
			continue
		}
		dist := anchor - 1 - i
		if i >= anchor {
			dist = first - 1 - i
		}
		cands = append(cands, headlineCandidate{line: i, dist: dist, x: headlineFeatures(h, i, dist)})
	}
	// The body's first line, when the classifier kept the headline as body: in a raw
	// text whatever stands above it and however it ends but with a full stop ("What do
	// people love about Rust?"). The HTML extractor's body starts under the headline, so
	// there its first line is weighed only right under the byline or with none above, and
	// not when it ends like a sentence: a question that opens the article is prose. A
	// line longer than all the body under it is the article, not its headline: taking it
	// would leave the form labels or the link that follow it as the text.
	firstOK := !html || (byline < 0 || first < byline || first == byline+1) && !info[first].final
	if firstOK && isHeadline(&info[first]) && h.bodyWords[len(info)]-h.bodyWords[first+1] > info[first].words {
		cands = append(cands, headlineCandidate{line: first, x: headlineFeatures(h, first, 0)})
	}
	// "Headline | Site", "Headline - Tagline": the page's title, whose first part may be
	// the headline itself.
	for _, c := range cands[:len(cands)] {
		if prefix, ok := beforeSeparator(info[c.line].text); ok {
			li := analyse(prefix, lowerASCII(prefix))
			x := textFeatures(h, c.line, c.dist, &li)
			x[34] = 1
			cands = append(cands, headlineCandidate{line: c.line, text: prefix, words: li.words, dist: c.dist, x: x})
		}
		// "Home > Blog > Headline", "Site | Headline": a breadcrumb trail or a page title
		// whose last part may be the headline.
		if suffix, ok := afterSeparator(info[c.line].text); ok {
			li := analyse(suffix, lowerASCII(suffix))
			x := textFeatures(h, c.line, c.dist, &li)
			cands = append(cands, headlineCandidate{line: c.line, text: suffix, words: li.words, dist: c.dist, x: x})
		}
	}
	longest := 0
	words := make(map[int]int, len(cands)) // the words of the lines that are candidates whole
	for _, c := range cands {
		longest = max(longest, c.wordsOf(info))
		if c.text == "" {
			words[c.line] = info[c.line].words
		}
	}
	for _, c := range cands {
		c.x[29] = float64(c.wordsOf(info)) / float64(longest)
		// A headline over its standfirst: two candidates in a row, the longer under.
		n := c.wordsOf(info)
		if w, ok := words[c.line+1]; ok && w > n {
			c.x[40] = 1
		}
		if w, ok := words[c.line-1]; ok && w < n {
			c.x[41] = 1
		}
	}
	return cands
}

// wordsOf is the number of words of the candidate's text.
func (c headlineCandidate) wordsOf(info []lineInfo) int {
	if c.text != "" {
		return c.words
	}
	return info[c.line].words
}

// textOf is the candidate's text.
func (c headlineCandidate) textOf(info []lineInfo) string {
	if c.text != "" {
		return c.text
	}
	return info[c.line].text
}

// pageTitleSeparators stand between a page title's headline and the site's name or a
// tagline, with spaces around them.
var pageTitleSeparators = []string{" | ", " – ", " — ", " - ", " / "}

// beforeSeparator returns the part of s before its first separator when that part has
// at least two words and what follows at most six: "Go ahead, self-host Postgres | Pierce
// Freeman" gives "Go ahead, self-host Postgres".
func beforeSeparator(s string) (string, bool) {
	cut := -1
	for _, sep := range pageTitleSeparators {
		if i := strings.Index(s, sep); i > 0 && (cut < 0 || i < cut) {
			cut = i
		}
	}
	if cut < 0 {
		return "", false
	}
	head, tail := strings.TrimSpace(s[:cut]), s[cut:]
	if len(strings.Fields(head)) < 2 || len(strings.Fields(tail)) > 7 {
		return "", false
	}
	return head, true
}

// trailSeparators stand between the parts of a breadcrumb trail or of a page title whose
// last part may be the headline.
var trailSeparators = []string{" | ", ">", "»", "›", "/"}

// afterSeparator returns the part of s after its last separator when that part has at
// least two words and at most 30, and what stands before it at most eight: "Home > Blog >
// Top Dental Resolutions for 2025" gives "Top Dental Resolutions for 2025", "Home /Cheap
// Fixes Are the Best!" gives "Cheap Fixes Are the Best!".
func afterSeparator(s string) (string, bool) {
	if strings.Contains(s, "://") {
		return "", false
	}
	cut, end := -1, 0
	for _, sep := range trailSeparators {
		if i := strings.LastIndex(s, sep); i > 0 && i > cut {
			cut, end = i, i+len(sep)
		}
	}
	if cut < 0 {
		return "", false
	}
	head, tail := strings.TrimSpace(s[:cut]), strings.TrimSpace(s[end:])
	// "24/7 Support", "1/2 cup": a number's slash, not a separator.
	if isDigit(s[cut-1]) || end < len(s) && isDigit(s[end]) {
		return "", false
	}
	if n := len(strings.Fields(tail)); n < 2 || n > 30 || len(strings.Fields(head)) > 8 || head == "" {
		return "", false
	}
	return tail, true
}

// shareIn is the share of the words toks found in words.
func shareIn(toks []string, words map[string]bool) float64 {
	if len(words) == 0 || len(toks) == 0 {
		return 0
	}
	n := 0
	for _, t := range toks {
		if words[t] {
			n++
		}
	}
	return float64(n) / float64(len(toks))
}

// bestHeadline returns the candidate that weights w score highest, or -1.
func bestHeadline(cands []headlineCandidate, w []float64) int {
	title, best := -1, 0.0
	for k, c := range cands {
		if s := dot(w, c.x); title < 0 || s > best {
			title, best = k, s
		}
	}
	return title
}

// headlineOf returns the line that line i repeats before " | " and a short name, when i
// is the page's title, "Headline | Site", standing beside the bare headline; else i.
func headlineOf(info []lineInfo, i int) int {
	t := info[i].text
	for j := range info {
		h := info[j].text
		if j == i || len(h)+2 >= len(t) || !strings.HasPrefix(t, h) {
			continue
		}
		if rest := strings.TrimSpace(t[len(h):]); strings.HasPrefix(rest, "|") && len(strings.Fields(rest)) <= 6 {
			return j
		}
	}
	return i
}

// titleSeparators stand between a page title's headline and the site's name.
var titleSeparators = []string{"|", "-", "–", "—", "·", "•", ":"}

// siteTitles returns the texts that stand on the page followed by a separator and a short
// name ("Headline | Site", the page's title): the headline as the page titles it.
func siteTitles(info []lineInfo) map[string]bool {
	titles := map[string]bool{}
	for j := range info {
		o := info[j].text
		if info[j].words < 2 || info[j].words > 40 {
			continue
		}
		for _, sep := range titleSeparators {
			for q := strings.Index(o, sep); q > 0; {
				t := strings.TrimRight(o[:q], " ")
				if len(t)+2 < len(o) && len(strings.Fields(o[q:])) <= 6 {
					titles[t] = true
				}
				next := strings.Index(o[q+len(sep):], sep)
				if next < 0 {
					break
				}
				q += len(sep) + next
			}
		}
	}
	return titles
}

// callToAction reports a line that starts with a verb asking the reader to act:
// "Submit Your Book", "Start My Free Trial", "Partner With Us".
func callToAction(lower string) bool {
	w, _, _ := strings.Cut(lower, " ")
	switch strings.Trim(w, "!.:>»") {
	case "add", "advance", "apply", "book", "browse", "buy", "call", "check", "choose", "claim", "compare", "contact",
		"create", "discover", "download", "enter", "explore", "find", "get", "join", "learn", "order", "partner",
		"please", "read", "request", "reserve", "save", "schedule", "secure", "see", "select", "shop", "sign", "start",
		"submit", "subscribe", "try", "view", "visit", "watch":
		return true
	}
	return false
}
