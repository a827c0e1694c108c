package clean

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newspipe/newspipe/document"
)

// lineInfo is what the classifier and the reason rules know about one line.
type lineInfo struct {
	text      string
	lower     string // lower-cased text; empty for long lines, whose vocabulary is not checked
	words     int
	chars     int
	letters   int
	digits    int
	upper     int
	stops     int
	titleCase int // words starting with an upper-case letter
	commas    int
	final     bool // ends like a sentence
	colon     bool // ends with ':'
	vocab     vocabHits
	repeated  bool
	byline    bool
	dateOnly  bool
	bullet    bool
	url       bool
	logWords  float64 // log(1+words)
	stamped   bool    // a short line with a time or date: "Jane Roe 11.07.12 at 12:32 am", "08 Nov 12"
	stampsTo  int     // stamped lines before this one on the page
}

// longLine is the word count above which a line is not checked for chrome vocabulary:
// chrome lines are short, and skipping long lines keeps Clean fast.
const longLine = 45

// analyse computes the line information of text; lower is text in ASCII lower case.
func analyse(text, lower string) lineInfo {
	li := lineInfo{text: text}
	inWord := false
	wordStart := 0
	var buf [24]byte
	for i, r := range text {
		li.chars++
		var letter, upper, digit bool
		if r < utf8.RuneSelf {
			c := byte(r)
			upper = c >= 'A' && c <= 'Z'
			letter = upper || c >= 'a' && c <= 'z'
			digit = c >= '0' && c <= '9'
		} else {
			letter = unicode.IsLetter(r)
			upper = letter && unicode.IsUpper(r)
			digit = unicode.IsDigit(r)
		}
		isWord := letter || digit || r == '\'' || r == '’' || r == '-'
		switch {
		case letter:
			li.letters++
			if upper {
				li.upper++
			}
		case digit:
			li.digits++
		case r == ',':
			li.commas++
		}
		if isWord && !inWord {
			inWord = true
			wordStart = i
			li.words++
			if upper {
				li.titleCase++
			}
		}
		if !isWord && inWord {
			inWord = false
			if isStopWord(text[wordStart:i], &buf) {
				li.stops++
			}
		}
	}
	if inWord && isStopWord(text[wordStart:], &buf) {
		li.stops++
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text, " \t\"'”’)»]*"))
	switch last {
	case '.', '!', '?', '…':
		li.final = true
	case ':':
		li.colon = true
	}
	first, _ := utf8.DecodeRuneInString(text)
	li.logWords = math.Log1p(float64(li.words))
	li.bullet = first == '-' || first == '•' || first == '*' || first == '·' || first == '–' || first == '—'
	if li.words <= longLine {
		li.lower = lower
		li.vocab = findVocab(li.lower)
		if isPlaceholder(text) {
			li.vocab |= vPlaceholder
		}
		li.url = strings.Contains(li.lower, "http") || strings.Contains(li.lower, "www.") || strings.Contains(li.lower, ".com")
		li.byline = isByline(unglueBy(text))
		li.dateOnly = li.words <= 10 && li.digits > 0 && looksLikeDateLine(li.lower)
		li.stamped = li.words <= 20 && li.digits > 0 && (li.dateOnly || hasTimeStamp(li.lower))
	}
	return li
}

// isStopWord reports whether w, lower-cased, is a common English function word.
// buf is scratch space so the look-up does not allocate.
func isStopWord(w string, buf *[24]byte) bool {
	if len(w) > 8 {
		// Packed keys hold eight bytes; the three longer stop words are compared directly.
		if len(w) < 9 || len(w) > 10 {
			return false
		}
		return equalFoldAny(w, "ourselves", "yourselves", "themselves")
	}
	var key uint64
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		key = key<<8 | uint64(c)
	}
	_, ok := stopWords[key]
	return ok
}

// stopWords holds the stop words of at most eight bytes, each packed into a uint64 as
// isStopWord packs words, which hashes faster than a string.
var stopWords = func() map[uint64]struct{} {
	m := map[uint64]struct{}{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at be because been
	before being below between both but by can could did do does doing down during each few for from further had has have
	having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor
	not now of off on once only or other our ours ourselves out over own same she should so some such than that the their
	theirs them themselves then there these they this those through to too under until up very was we were what when
	where which while who whom why will with would you your yours yourself yourselves said says say one two new been
	it's that's he's she's they're we're i'm don't didn't doesn't won't can't isn't wasn't`) {
		if len(w) > 8 {
			continue
		}
		var key uint64
		for i := 0; i < len(w); i++ {
			key = key<<8 | uint64(w[i])
		}
		m[key] = struct{}{}
	}
	return m
}()

// Feature layout of the line classifier. The names are stored with the weights so that
// a model file trained on another layout is detected.
var featureNames = []string{
	"logWords", "w<=2", "w<=5", "w<=10", "w<=20", "w>40",
	"stopRatio", "final", "colon", "titleCaseRatio", "digitRatio", "upperRatio", "commaRate",
	"newsletter", "share", "credit", "related", "legal", "comment", "ad", "nav",
	"byline", "dateOnly", "bullet", "url", "repeated", "placeholder",
	"inSpan", "logDistSpan", "beforeSpan", "afterSpan",
	"prevLong", "nextLong", "prevShort", "nextShort", "ctxLogWords", "ctxFinal", "prevChrome", "nextChrome",
	"commentCtx", "afterCommentHeader", "afterRelatedHeader",
	"stamped", "stampedNear", "stampedInSpanBefore",
}

const numFeatures = 45

// span is the run of lines that holds the article: of the runs where the span model's
// evidence for body outweighs the evidence against it, the one the run model prefers
// (see runCandidates).
type span struct{ start, end int } // [start, end)

// spanFeatures are the features that depend on the span; the span model, which finds the
// span, reads a line without them.
var spanFeatures = [...]int{27, 28, 29, 30, 40, 41, 44}

// commentish reports lines typical of reader comments: "name says:", "Reply", "3 hours ago",
// "November 19, 2019 at 6:34 am".
func commentish(li *lineInfo) bool {
	return li.words <= 8 && (li.vocab&vComment != 0 || li.dateOnly)
}

// relatedHeader reports a short line that opens a list of other articles: "Related",
// "You may also like".
func relatedHeader(li *lineInfo) bool {
	return li.words <= 6 && li.vocab&vRelated != 0 && li.vocab&vPlaceholder == 0 && !li.final
}

// commentHeader reports a short line that opens a comment section: "34 Comments", "Leave a Reply".
func commentHeader(li *lineInfo) bool {
	return li.words <= 8 && li.vocab&vComment != 0 && !li.final
}

// lineFeatures fills x (len numFeatures) for line i; header is the index of the first comment
// header inside or after the span, or len(info).
func lineFeatures(x []float64, info []lineInfo, i int, sp span, header, related int) {
	li := &info[i]
	n := len(info)
	w := float64(li.words)
	x[0] = li.logWords
	x[1] = b2f(li.words <= 2)
	x[2] = b2f(li.words <= 5)
	x[3] = b2f(li.words <= 10)
	x[4] = b2f(li.words <= 20)
	x[5] = b2f(li.words > 40)
	if li.words > 0 {
		x[6] = float64(li.stops) / w
		x[9] = float64(li.titleCase) / w
		x[12] = float64(li.commas) / w
	}
	x[7] = b2f(li.final)
	x[8] = b2f(li.colon)
	if li.chars > 0 {
		x[10] = float64(li.digits) / float64(li.chars)
	}
	if li.letters > 0 {
		x[11] = float64(li.upper) / float64(li.letters)
	}
	v := li.vocab
	x[13] = b2f(v&vNewsletter != 0)
	x[14] = b2f(v&vShare != 0)
	x[15] = b2f(v&vCredit != 0)
	x[16] = b2f(v&vRelated != 0)
	x[17] = b2f(v&(vLegal|vCookie) != 0)
	x[18] = b2f(v&vComment != 0)
	x[19] = b2f(v&vAd != 0)
	x[20] = b2f(v&vNav != 0)
	x[21] = b2f(li.byline)
	x[22] = b2f(li.dateOnly)
	x[23] = b2f(li.bullet)
	x[24] = b2f(li.url)
	x[25] = b2f(li.repeated)
	x[26] = b2f(v&vPlaceholder != 0)
	x[27] = b2f(i >= sp.start && i < sp.end)
	switch {
	case i < sp.start:
		x[28] = math.Log1p(float64(sp.start - i))
		x[29] = 1
	case i >= sp.end:
		x[28] = math.Log1p(float64(i - sp.end + 1))
		x[30] = 1
	}
	if i > 0 {
		x[31] = b2f(info[i-1].words > 20)
		x[33] = b2f(info[i-1].words <= 5)
		x[37] = b2f(info[i-1].vocab&chromeVocab != 0)
	}
	if i+1 < n {
		x[32] = b2f(info[i+1].words > 20)
		x[34] = b2f(info[i+1].words <= 5)
		x[38] = b2f(info[i+1].vocab&chromeVocab != 0)
	}
	var sum, fin, cnt float64
	for j := i - 2; j <= i+2; j++ {
		if j == i || j < 0 || j >= n {
			continue
		}
		sum += info[j].logWords
		fin += b2f(info[j].final)
		cnt++
	}
	if cnt > 0 {
		x[35] = sum / cnt
		x[36] = fin / cnt
	}
	var cm float64
	for j := max(0, i-3); j < min(n, i+4); j++ {
		if j != i && commentish(&info[j]) {
			cm++
		}
	}
	x[39] = cm / 6
	x[40] = b2f(i > header)
	x[41] = b2f(i > related)
	// Reader comments and teaser lists come in runs of short stamped lines ("Jane Roe
	// 11.07.12 at 12:32 am"); an article has one dateline. The stamps around a line, and
	// those between the start of the span and the line, tell comments from the article.
	x[42] = b2f(li.stamped)
	near := stampsBefore(info, min(n, i+7)) - stampsBefore(info, max(0, i-6))
	if li.stamped {
		near--
	}
	x[43] = math.Log1p(float64(near))
	if i > sp.start && i < sp.end {
		x[44] = math.Log1p(float64(li.stampsTo - info[sp.start].stampsTo))
	}
}

// stampsBefore returns the number of stamped lines before line i; i may be len(info).
func stampsBefore(info []lineInfo, i int) int {
	if i == len(info) {
		last := &info[i-1]
		return last.stampsTo + int(b2f(last.stamped))
	}
	return info[i].stampsTo
}

// spanFreeFeatures fills x for line i without the features that depend on the span.
func spanFreeFeatures(x []float64, info []lineInfo, i int) {
	lineFeatures(x, info, i, span{}, len(info), len(info))
	for _, f := range spanFeatures {
		x[f] = 0
	}
}

// firstRelatedHeader returns the index of the first short "Related" or "You may also like"
// line inside or after the span, or len(info).
func firstRelatedHeader(info []lineInfo, sp span) int {
	for j := sp.start + 1; j < len(info); j++ {
		if relatedHeader(&info[j]) {
			return j
		}
	}
	return len(info)
}

// firstCommentHeader returns the index of the first comment header at or after the start of
// the span, or len(info).
func firstCommentHeader(info []lineInfo, sp span) int {
	for j := sp.start + 1; j < len(info); j++ {
		if commentHeader(&info[j]) {
			return j
		}
	}
	return len(info)
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// analyseBlocks computes the line information of every block, marking repeated lines.
func analyseBlocks(blocks []document.Block) []lineInfo {
	info := make([]lineInfo, len(blocks))
	seen := make(map[string]int, len(blocks))
	// One lower-cased copy of all lines, sliced per line, saves an allocation per line.
	n := 0
	for _, b := range blocks {
		n += len(b.Text)
	}
	buf := make([]byte, 0, n)
	for _, b := range blocks {
		buf = appendLowerASCII(buf, strings.TrimSpace(b.Text))
	}
	all := string(buf)
	off := 0
	for i, b := range blocks {
		t := strings.TrimSpace(b.Text)
		info[i] = analyse(t, all[off:off+len(t)])
		off += len(t)
		if prev, ok := seen[t]; ok {
			info[i].repeated = true
			info[prev].repeated = true
		} else {
			seen[t] = i
		}
	}
	stamps := 0
	for i := range info {
		info[i].stampsTo = stamps
		if info[i].stamped {
			stamps++
		}
	}
	return info
}

// appendLowerASCII appends s with ASCII letters lower-cased; other bytes are kept, so offsets
// into the result match offsets into s.
func appendLowerASCII(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// lowerASCII returns s with ASCII letters lower-cased.
func lowerASCII(s string) string {
	return string(appendLowerASCII(make([]byte, 0, len(s)), s))
}
