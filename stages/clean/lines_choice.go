package clean

import (
	"math"

	"github.com/newspipe/newspipe/document"
)

// The HTML path keeps what the content extractor's body holds, less in-body chrome: when
// that body holds reader comments, a teaser list or a forum thread under a short article,
// or misses much of a long one, the line model alone, reading the page's blocks as raw
// text lines, does better. The lines choice compares the two kept bodies and a logistic
// regression trained on pages with known bodies decides.

// LinesFeatureNames name the features of the lines choice, in order. "HTML" is the body
// the HTML path keeps, "lines" the one the line model keeps from the raw lines; "dropped"
// is what only the HTML body keeps, "added" what only the lines keep. Shares are of words:
// chrome_added is the share of the added words that an element labelled them chrome
// ("sidebar", "comment section"), sure_dropped of the dropped words the line model gives
// under 0.1, sure_added of the added words it gives over 0.9, log_stamps_dropped counts
// the dropped lines that are stamped with no stamped line after them (stampHeads),
// dropped_after and dropped_before of the dropped words after and before the lines' body,
// dropped_after_header of the dropped words after a comment header ("34 Comments");
// the densities are log(1 + words per line); comments_added is the share of the added
// words that the extractor labelled a comment section, added_after and added_before the
// share after and before the HTML body.
var LinesFeatureNames = []string{
	"agreement", "log_words_ratio", "log_words_html",
	"prob_dropped", "prob_added", "share_dropped", "share_added",
	"links_added", "chrome_added", "log_stamps_dropped",
	"dropped_after", "dropped_before", "sentences_dropped", "sentences_added",
	"sure_dropped", "sure_added", "dropped_after_header", "density_dropped", "density_added",
	"comments_added", "added_after", "added_before",
}

// linesFeatures returns the evidence for the body the line model keeps from the raw lines
// (lkeep, lreasons) against the body the HTML path keeps (keep, reasons), and the share of
// their words that both keep; ok is false when the two keep the same lines or the line
// model keeps nothing.
func linesFeatures(blocks []document.Block, info []lineInfo, prob []float64, keep []bool, reasons []string, lkeep []bool, lreasons []string) (x []float64, agree float64, ok bool) {
	var html, lines, both int
	var dropped, added candidateStats
	chrome, stamps, comments := 0, 0, 0
	firstH, lastH := -1, -1
	// sure: words the line model is sure of, against the dropped lines and for the added.
	sureDropped, sureAdded := 0, 0
	firstL, lastL := -1, -1
	for i := range blocks {
		inH := keep[i] && reasons[i] == ""
		inL := lkeep[i] && lreasons[i] == ""
		if inL {
			if firstL < 0 {
				firstL = i
			}
			lastL = i
		}
		w := info[i].words
		if inH {
			if firstH < 0 {
				firstH = i
			}
			lastH = i
		}
		switch {
		case inH && inL:
			both += w
		case inH:
			dropped.add(&blocks[i], &info[i], prob[i])
			if prob[i] < 0.1 {
				sureDropped += w
			}
			if stampHeads(info, i) {
				stamps++
			}
		case inL:
			added.add(&blocks[i], &info[i], prob[i])
			if prob[i] > 0.9 {
				sureAdded += w
			}
			if o := blocks[i].Outside; o != "" && o != outsideProse && o != notChosenBody {
				chrome += w
			}
			if blocks[i].Outside == commentSection {
				comments += w
			}
		}
		if inH {
			html += w
		}
		if inL {
			lines += w
		}
	}
	if lines == 0 || dropped.words+added.words == 0 {
		return nil, 1, false
	}
	// Where the dropped words sit against the lines' body: after it (comments, teasers
	// under the article) or before it.
	after, before, afterHeader := 0, 0, 0
	header := len(blocks)
	for i := max(0, firstL); i < len(blocks); i++ {
		if commentHeader(&info[i]) {
			header = i
			break
		}
	}
	// And where the added words sit against the HTML body: after it (a comment thread,
	// the next article), where the lines body holding them loses a short article, or
	// before it, where the HTML body misses the article's start.
	addedAfter, addedBefore := 0, 0
	for i := range blocks {
		inH, inL := keep[i] && reasons[i] == "", lkeep[i] && lreasons[i] == ""
		switch {
		case inH && !inL:
			if i > header {
				afterHeader += info[i].words
			}
			switch {
			case i > lastL:
				after += info[i].words
			case i < firstL:
				before += info[i].words
			}
		case inL && !inH:
			switch {
			case i > lastH:
				addedAfter += info[i].words
			case i < firstH:
				addedBefore += info[i].words
			}
		}
	}
	agree = float64(both) / float64(max(1, html+lines-both))
	share := func(part, whole int) float64 { return float64(part) / float64(max(1, whole)) }
	x = []float64{
		agree,
		math.Log(float64(lines+1) / float64(html+1)),
		math.Log1p(float64(html)),
		dropped.mean(dropped.prob), added.mean(added.prob),
		share(dropped.words, html), share(added.words, lines),
		added.mean(added.links), share(chrome, added.words), math.Log1p(float64(stamps)),
		share(after, dropped.words), share(before, dropped.words),
		dropped.sentences(), added.sentences(),
		share(sureDropped, dropped.words), share(sureAdded, added.words),
		share(afterHeader, dropped.words), dropped.density(), added.density(),
		share(comments, added.words), share(addedAfter, added.words), share(addedBefore, added.words),
	}
	return x, agree, true
}

// stampHeads reports whether line i is stamped and no stamped line follows it: a
// comment's or a teaser's date over its text ("Jane Roe 11.07.12 at 12:32 am", then what
// she wrote), or the page's last line. A stamped line followed by another is an entry of a
// dated list (a tour's dates, a changelog), which an article holds as often as a page's
// chrome does.
func stampHeads(info []lineInfo, i int) bool {
	return info[i].stamped && (i+1 == len(info) || !info[i+1].stamped)
}

// asLines returns a copy of the blocks read as raw text lines, as the lines choice judged
// them.
func asLines(blocks []document.Block) []document.Block {
	out := make([]document.Block, len(blocks))
	for i, b := range blocks {
		out[i] = document.Block{Text: b.Text}
	}
	return out
}
