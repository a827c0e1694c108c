package clean

import (
	"math"
	"slices"
)

// The span is chosen among candidate runs rather than taken as the one maximum-sum run:
// on a page whose article is short (a post of two paragraphs above a long comment thread,
// a note among teasers), the densest run of body-like lines is often not the article,
// and which of two close runs wins flips with the smallest change of the line weights.
// A learned run model weighs what a single sum cannot: where a run stands against the
// headline, the comment header and the stamps of a thread, and what its lines are.
//
// A short post of one long paragraph (a blog note, a story above its comment thread) is
// often no run at all: among short lines of chrome the span model scores it below one
// half, so its evidence is negative and the densest run is a comment or a teaser. The
// page's longest line outside the first run is therefore a candidate of its own, and the
// run model learns when such a lone paragraph is the article.
//
// Which lines the maximum-sum run takes depends on where evidence turns from for to
// against, one half: an article whose list items, short paragraphs or headline score a
// little under it ends where they begin, and a post the span model scores a little under
// it is no run at all. The maximum-sum runs of the evidence measured from lower
// probabilities are therefore candidates too, most of them the first run widened, and the
// run model learns, from what such a run takes beyond the first, when it is the article.
// (Runs measured from higher probabilities, narrower ones, were tried as well: grouped
// cross-validation found them no better on the WCXB and Dragnet pages.)
//
// A join of the first run with another bridges the lines between them. An article whose
// list, table or code scores below one half line by line is such a join, its gap plain
// short lines; a join across a comment header, a teaser list, a copyright line or a box of
// chrome is not. What the gap holds is therefore weighed by features of the joins alone,
// fitted after the others (see fitRuns).

// maxRuns is the number of disjoint runs taken as candidates, best first.
const maxRuns = 5

// runFeatureNames are the features of a candidate run, in the order of runFeatures.
var runFeatureNames = []string{
	"maxSum", "sumShare", "logSum", "logWords", "logLines", "sentenceShare", "meanBody",
	"startAt", "endAt", "logStamps", "stampRate", "afterCommentHeader", "commentishShare",
	"chromeShare", "repeatedShare", "afterByline", "joined", "logGap", "afterRelatedHeader",
	"lone", "loneLongestShare", "loneAfterByline", "loneSentence", "loneBeforeFirst",
	"shifted", "shift", "shiftLogRatio", "shiftDiffBody", "shiftDiffSentence", "shiftDiffClosing",
	"gapBody", "gapChromeShare", "gapClosing", "gapLogLines", "gapSentence", "gapStamps",
}

const numRunFeatures = 36

// numGapFeatures is the number of the joins' gap features, which end runFeatureNames.
const numGapFeatures = 6

// numShiftFeatures is the number of the features of the runs of shifted evidence, which
// come right before the gap features.
const numShiftFeatures = 6

// runSet is the candidate spans of a page: the maximum-sum run first, then runs more
// disjoint runs, then each of those joined with the first, then the maximum-sum runs of
// shifted evidence, and last, when lone is true, the longest line outside the first run.
type runSet struct {
	spans []span
	runs  int
	// shift holds, for each candidate from shifted evidence, the shift of the probability
	// its evidence is measured from (see shifts), and 0 for the others.
	shift []float64
	lone  bool
}

// shifts are the offsets from one half of the probabilities from which the evidence of the
// wider candidate runs is measured.
var shifts = [...]float64{-0.3, -0.2, -0.1}

// runEvidence returns each line's body evidence for the span: its span-model probability
// of body minus one half, weighed by its length. A long paragraph that reads as body
// outweighs many short lines that do not, so a list-like article of short items between
// paragraphs stays one run, while a menu of many links, or a lone disclaimer scored as
// chrome, does not win the page.
func runEvidence(info []lineInfo, p0 []float64) []float64 {
	v := make([]float64, len(info))
	for i := range info {
		v[i] = (p0[i] - 0.5) * float64(info[i].words+2)
	}
	return v
}

// maxRun returns the maximum-sum run of v inside [lo, hi) and its sum; ok is false when no
// run there has a positive sum. Ties go to the earliest run.
func maxRun(v []float64, lo, hi int) (sp span, sum float64, ok bool) {
	best := math.Inf(-1)
	cur, curStart := 0.0, lo
	for i := lo; i < hi; i++ {
		if cur <= 0 {
			cur, curStart = 0, i
		}
		cur += v[i]
		if cur > best {
			best, sp = cur, span{curStart, i + 1}
		}
	}
	return sp, best, best > 0
}

// runCandidates returns the spans the run model chooses among: the maximum-sum run of the
// whole page first, then up to maxRuns-1 more disjoint runs, each the
// maximum-sum run of what the runs before it leave, and then each of those joined with the
// first across the lines between them (an article broken by a box, or continued in short
// lines), and last the longest line outside the first run when it is not a candidate yet.
// Between the joins and the lone line come the maximum-sum runs of the evidence measured
// from each of shifts (see shiftedEvidence) that are not candidates yet.
// A page with no line of positive evidence has its best line as the first run.
func runCandidates(info []lineInfo, p0, v []float64) runSet {
	first, _, _ := maxRun(v, 0, len(info))
	cands := []span{first}
	free := []span{{0, first.start}, {first.end, len(info)}}
	var runs []span
	for len(runs) < maxRuns-1 {
		bestAt, bestSum := -1, 0.0
		var best span
		for k, f := range free {
			if sp, sum, ok := maxRun(v, f.start, f.end); ok && sum > bestSum {
				bestAt, bestSum, best = k, sum, sp
			}
		}
		if bestAt < 0 {
			break
		}
		f := free[bestAt]
		free = append(free[:bestAt], append([]span{{f.start, best.start}, {best.end, f.end}}, free[bestAt+1:]...)...)
		runs = append(runs, best)
	}
	cands = append(cands, runs...)
	for _, r := range runs {
		cands = append(cands, span{min(first.start, r.start), max(first.end, r.end)})
	}
	shift := make([]float64, len(cands), len(cands)+len(shifts)+1)
	w := make([]float64, len(info))
	for _, d := range shifts {
		shiftedEvidence(w, info, p0, d)
		if sp, _, ok := maxRun(w, 0, len(info)); ok && !slices.Contains(cands, sp) {
			cands = append(cands, sp)
			shift = append(shift, d)
		}
	}
	rs := runSet{spans: cands, runs: len(runs), shift: shift}
	if i := longestOutside(info, first); i >= 0 && !slices.Contains(cands, span{i, i + 1}) {
		rs.spans = append(rs.spans, span{i, i + 1})
		rs.lone = true
		rs.shift = append(rs.shift, 0)
	}
	return rs
}

// shiftedEvidence fills w with each line's body evidence measured from the probability
// one half plus d instead of one half (see runEvidence).
func shiftedEvidence(w []float64, info []lineInfo, p0 []float64, d float64) {
	for i := range info {
		w[i] = (p0[i] - 0.5 - d) * float64(info[i].words+2)
	}
}

// sectionHeader reports a short line that opens a section of its own under an article:
// a comment header ("34 Comments") or a teaser list's ("Related Posts", "You may also like").
func sectionHeader(li *lineInfo) bool {
	return commentHeader(li) || relatedHeader(li)
}

// longestOutside returns the first of the lines with the most words outside sp, or -1
// when no line there has a word.
func longestOutside(info []lineInfo, sp span) int {
	best, at := 0, -1
	for i := range info {
		if (i < sp.start || i >= sp.end) && info[i].words > best {
			best, at = info[i].words, i
		}
	}
	return at
}

// runFeatures fills x (len numRunFeatures) for candidate k of rs (see runCandidates),
// from the lines' information and body evidence v.
func runFeatures(x []float64, info []lineInfo, p0, v []float64, rs runSet, k int) {
	cands := rs.spans
	sp := cands[k]
	n := len(info)
	var sum, words, sentenceWords, bodyWords float64
	var comments, chrome, repeated float64
	longest := 0
	for i := sp.start; i < sp.end; i++ {
		li := &info[i]
		longest = max(longest, li.words)
		w := float64(li.words + 2)
		sum += v[i]
		words += float64(li.words)
		bodyWords += p0[i] * w
		if sentenceLike(li) {
			sentenceWords += float64(li.words)
		}
		if commentish(li) {
			comments++
		}
		if li.vocab&chromeVocab != 0 {
			chrome++
		}
		if li.repeated {
			repeated++
		}
	}
	lines := float64(sp.end - sp.start)
	var firstSum float64
	for i := cands[0].start; i < cands[0].end; i++ {
		firstSum += v[i]
	}
	x[0] = b2f(k == 0)
	if firstSum > 0 {
		x[1] = max(-1, sum/firstSum)
	}
	x[2] = math.Log1p(max(0, sum))
	x[3] = math.Log1p(words)
	x[4] = math.Log1p(lines)
	if words > 0 {
		x[5] = sentenceWords / words
	}
	if lines > 0 {
		x[6] = bodyWords / (words + 2*lines)
		x[12] = comments / lines
		x[13] = chrome / lines
		x[14] = repeated / lines
	}
	if n > 0 {
		x[7] = float64(sp.start) / float64(n)
		x[8] = float64(n-sp.end) / float64(n)
	}
	if sp.end > sp.start {
		stamps := stampsBefore(info, sp.end) - stampsBefore(info, sp.start)
		x[9] = math.Log1p(float64(stamps))
		x[10] = float64(stamps) / lines
	}
	for j := 0; j < sp.start; j++ {
		if commentHeader(&info[j]) {
			x[11] = 1
			break
		}
	}
	for j := max(0, sp.start-4); j < sp.start; j++ {
		if li := &info[j]; li.byline || li.dateOnly || li.stamped {
			x[15] = 1
			break
		}
	}
	joined := k > rs.runs && k <= 2*rs.runs
	x[16] = b2f(joined)
	if joined {
		// The evidence against the lines between the two runs that the join bridges.
		var gap float64
		other := cands[k-rs.runs]
		lo, hi := min(cands[0].end, other.end), max(cands[0].start, other.start)
		// What the gap holds: its lines' mean body score, its shares of chrome lines and of
		// sentences, its length and stamps, and whether a line that closes an article (a
		// comment or "Related" header, a copyright line) is among them.
		var body, bodyW, chrome, words, sentenceWords float64
		for i := lo; i < hi; i++ {
			gap += v[i]
			li := &info[i]
			w := float64(li.words + 2)
			body += p0[i] * w
			bodyW += w
			words += float64(li.words)
			if sentenceLike(li) {
				sentenceWords += float64(li.words)
			}
			if li.vocab&(chromeVocab|vRelated|vComment) != 0 || li.repeated {
				chrome++
			}
			if sectionHeader(li) || li.vocab&vLegal != 0 {
				x[32] = 1
			}
		}
		x[17] = math.Log1p(max(0, -gap))
		if hi > lo {
			x[30] = body / bodyW
			x[31] = chrome / float64(hi-lo)
			x[33] = math.Log1p(float64(hi - lo))
			x[35] = math.Log1p(float64(stampsBefore(info, hi) - stampsBefore(info, lo)))
		}
		if words > 0 {
			x[34] = sentenceWords / words
		}
	}
	for j := 0; j < sp.start; j++ {
		if relatedHeader(&info[j]) {
			x[18] = 1
			break
		}
	}
	// A run of shifted evidence is weighed by the features that describe every run, by
	// how far its evidence is shifted, and by what it takes or leaves against the first
	// run: the lines of one and not the other, their body score, their
	// share of sentences and whether a line that closes an article is among them.
	if d := rs.shift[k]; d != 0 {
		x[24] = 1
		x[25] = d
		first := cands[0]
		var firstWords, body, bodyW, dw, sentenceWords float64
		for i := first.start; i < first.end; i++ {
			firstWords += float64(info[i].words)
		}
		for i := min(sp.start, first.start); i < max(sp.end, first.end); i++ {
			if (i >= sp.start && i < sp.end) == (i >= first.start && i < first.end) {
				continue
			}
			li := &info[i]
			w := float64(li.words + 2)
			body += p0[i] * w
			bodyW += w
			dw += float64(li.words)
			if sentenceLike(li) {
				sentenceWords += float64(li.words)
			}
			if sectionHeader(li) || li.vocab&vLegal != 0 {
				x[29] = 1
			}
		}
		x[26] = math.Log((words + 1) / (firstWords + 1))
		if bodyW > 0 {
			x[27] = body / bodyW
		}
		if dw > 0 {
			x[28] = sentenceWords / dw
		}
	}
	// The lone paragraph's own features are zero on the runs, whose weighing stays as it
	// was. It is the article when it reads as one, is the page's longest line and follows
	// its byline or date; a long line anywhere else (a comment, a disclaimer) is not.
	if rs.lone && k == len(cands)-1 {
		x[19] = 1
		pageLongest := 0
		for i := range info {
			pageLongest = max(pageLongest, info[i].words)
		}
		if pageLongest > 0 {
			x[20] = float64(longest) / float64(pageLongest)
		}
		x[21] = x[15]
		x[22] = x[5]
		x[23] = b2f(sp.end <= cands[0].start)
	}
}
