package clean

import (
	_ "embed"
	"iter"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newspipe/newspipe/document"
)

// The content extractor's body often runs on past the article's end: a disclaimer, the
// author's biography, a blurb about the publisher, a note on affiliate links, a call to
// subscribe. These paragraphs read as prose, so the line model keeps them. Trim is a
// small logistic regression, trained on pages with known bodies, that decides for each of
// the last few blocks of the body whether it is past the article's end, from where it
// stands, how it is written (who speaks, to whom) and the vocabulary of such tails.

// TrimmedTail is the reason for a block of the body's tail that the trim removes.
const TrimmedTail = "after the end of the article"

// trimTail is how many of the body's last blocks with words the trim judges.
const trimTail = 4

// TrimFeatureNames name the features of the tail trim, in order.
var TrimFeatureNames = []string{
	"from_end", "last", "log_words", "link_density", "prob", "sentence", "heading", "tag_li",
	"heading_before", "tail_share", "first_person", "second_person", "third_person",
	"bio", "disclaimer", "newsletter", "legal", "ad", "share_related", "credit", "repeated",
	"name_is", "body_overlap", "person_shift",
}

// Trim holds the learned tail trim: one of the body's last blocks leaves the body when the
// logistic regression Weights (one per feature, then the bias) give it a probability above
// Threshold. A Threshold of 1 or more never trims a block.
type Trim struct {
	Return
}

//go:embed choice_trim.json
var defaultTrim []byte

// DefaultTrim returns the tail trim stored in the package.
func DefaultTrim() (*Trim, error) {
	return ParseTrim(defaultTrim)
}

// ParseTrim reads a tail trim written as JSON by newspipe-dev train trim.
func ParseTrim(data []byte) (*Trim, error) {
	r, err := parseBlockModel(data, TrimFeatureNames, "tail trim", "trim")
	if err != nil {
		return nil, err
	}
	return &Trim{r}, nil
}

// Words of a tail's vocabulary, matched as whole words or phrases in lower case.
var (
	bioWords = []string{"is a", "is an", "is the author", "writes about", "has written", "reporter", "correspondent",
		"editor", "journalist", "contributor", "columnist", "covers", "based in", "lives in", "graduate", "founder"}
	disclaimerWords = []string{"disclaimer", "disclosure", "opinions expressed", "views expressed", "do not necessarily",
		"informational purposes", "not financial advice", "may earn", "commission", "affiliate", "this article was",
		"this story was", "originally published", "has been updated", "contributed to this", "contributed reporting"}
	firstPersonWords  = []string{"i", "me", "my", "we", "us", "our", "i'm", "we're"}
	secondPersonWords = []string{"you", "your", "you're", "yours"}
	thirdPersonWords  = []string{"he", "she", "his", "her", "him", "they", "their", "them"}
)

// anyPhrase reports whether lower holds one of the phrases as whole words.
func anyPhrase(lower string, phrases []string) bool {
	for _, p := range phrases {
		if containsWord(lower, p) {
			return true
		}
	}
	return false
}

// pronounShares returns the shares of a text's words that are first, second and third
// person pronouns.
func pronounShares(lower string) (first, second, third float64) {
	var n, f, s, t int
	for w := range strings.FieldsFuncSeq(lower, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r == '\'' || r >= 0x80)
	}) {
		n++
		switch {
		case equalFoldAny(w, firstPersonWords...):
			f++
		case equalFoldAny(w, secondPersonWords...):
			s++
		case equalFoldAny(w, thirdPersonWords...):
			t++
		}
	}
	if n == 0 {
		return 0, 0, 0
	}
	return float64(f) / float64(n), float64(s) / float64(n), float64(t) / float64(n)
}

// contentWords yields the words of lower of five letters or more. The words are not
// collected: the body before the tail is long, and only its set of words is kept.
func contentWords(lower string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for w := range strings.FieldsFuncSeq(lower, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= 0x80)
		}) {
			if len(w) >= 5 && !yield(w) {
				return
			}
		}
	}
}

// overlap returns the share of words that seen holds, 1 when there are none.
func overlap(words iter.Seq[string], seen map[string]bool) float64 {
	n, in := 0, 0
	for w := range words {
		n++
		if seen[w] {
			in++
		}
	}
	if n == 0 {
		return 1
	}
	return float64(in) / float64(n)
}

// namedSubject reports whether text opens with a name (one to four capitalised words)
// followed by a verb of being or having: "Jane Roe is a reporter", the opening of a
// biography.
func namedSubject(text string) bool {
	words := strings.Fields(text)
	for i, w := range words {
		if i > 4 {
			return false
		}
		if i > 0 && (w == "is" || w == "was" || w == "has" || w == "writes" || w == "covers" || w == "joined") {
			return true
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return false
}

// trimCandidates lists the last trimTail blocks of the body with words, the last first,
// with their features. A page whose body has no more than trimTail blocks with words has none: the
// trim cuts a tail, not an article.
func trimCandidates(blocks []document.Block, info []lineInfo, prob []float64) []ReturnCandidate {
	var body []int
	bodyWords := 0
	for i := range blocks {
		if blocks[i].Outside == "" && info[i].words > 0 {
			body = append(body, i)
			bodyWords += info[i].words
		}
	}
	if len(body) <= trimTail {
		return nil
	}
	// The pronouns and the words of the body before the tail, to tell a tail that speaks
	// of something else, or to someone else, from the article's own last paragraphs.
	var bodyText strings.Builder
	for _, k := range body[:len(body)-trimTail] {
		bodyText.WriteString(strings.ToLower(blocks[k].Text))
		bodyText.WriteByte(' ')
	}
	bodyLower := bodyText.String()
	bf, bs, bt := pronounShares(bodyLower)
	// seen tells which of the tail's words the body used before the tail: the tail's
	// words are few, the body's many, so only the tail's are kept.
	var tailLower [trimTail]string
	seen := map[string]bool{}
	for r := range trimTail {
		tailLower[r] = strings.ToLower(blocks[body[len(body)-1-r]].Text)
		for w := range contentWords(tailLower[r]) {
			seen[w] = false
		}
	}
	for w := range contentWords(bodyLower) {
		if _, ok := seen[w]; ok {
			seen[w] = true
		}
	}
	var out []ReturnCandidate
	after := 0 // body words after the block
	for r := 0; r < trimTail; r++ {
		at := len(body) - 1 - r
		k := body[at]
		b, li := &blocks[k], &info[k]
		lower := tailLower[r]
		vocab := findVocab(lower)
		first, second, third := pronounShares(lower)
		prev := body[at-1]
		x := []float64{
			float64(r),
			b2f(r == 0),
			li.logWords,
			b.LinkDensity,
			prob[k],
			b2f(li.final),
			b2f(b.Heading),
			b2f(!b.Heading && b.Tag == "li"),
			b2f(blocks[prev].Heading),
			float64(after+li.words) / float64(bodyWords),
			first, second, third,
			b2f(anyPhrase(lower, bioWords)),
			b2f(anyPhrase(lower, disclaimerWords)),
			b2f(vocab&vNewsletter != 0),
			b2f(vocab&(vLegal|vCookie) != 0),
			b2f(vocab&vAd != 0),
			b2f(vocab&(vShare|vRelated) != 0),
			b2f(vocab&vCredit != 0),
			b2f(li.repeated),
			b2f(namedSubject(b.Text)),
			overlap(contentWords(lower), seen),
			math.Abs(first-bf) + math.Abs(second-bs) + math.Abs(third-bt),
		}
		after += li.words
		out = append(out, ReturnCandidate{Block: k, Features: x})
	}
	return out
}

// trimBlocks returns the blocks with the candidates that t trims put outside the body, a
// copy when it changes any; blocks itself is not changed.
func (t *Trim) trimBlocks(blocks []document.Block, info []lineInfo, prob []float64) []document.Block {
	if t == nil || t.Threshold >= 1 || !isHTML(blocks) {
		return blocks
	}
	var cut []int
	for _, c := range trimCandidates(blocks, info, prob) {
		if !t.Returns(c.Features) {
			// The trim cuts the body's tail: the blocks before one it keeps stay.
			break
		}
		cut = append(cut, c.Block)
	}
	return withOutside(blocks, cut, TrimmedTail)
}

// TrimCandidates returns the blocks the cleaner judges for an HTML page (after the body
// choice and the per-block return) and the blocks among them that the tail trim may put
// outside the body, whatever c's own trim decides.
func (c *Cleaner) TrimCandidates(blocks []document.Block) ([]document.Block, []ReturnCandidate) {
	if !isHTML(blocks) {
		return blocks, nil
	}
	blocks, info, prob, _ := c.chosenBody(blocks)
	blocks = c.ret.returnBlocks(blocks, info, prob)
	return blocks, trimCandidates(blocks, info, prob)
}

// TrainTrim fits the tail trim on the examples: a logistic regression of "the block's
// words are not the article's", each word weighing as it moves the page's F1 (Gain is
// what trimming the block gains, Loss what it loses), with ridge penalty l2, trimming
// blocks above threshold. Training is deterministic.
func TrainTrim(examples []ReturnExample, threshold, l2 float64) *Trim {
	return &Trim{*trainBlockModel(examples, TrimFeatureNames, threshold, l2)}
}
