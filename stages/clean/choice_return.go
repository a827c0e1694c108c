package clean

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/internal/shingle"
)

// The content extractor often drops blocks in the middle of an article: a section
// heading, the items of a list, a paragraph with a link. Such a block stands between two
// blocks of the body, and no element of the page says why it is not body, so the
// extractor leaves it "outside the article body". On modern pages most of these words are
// the article's; on older layouts most are not (a table of teasers between two parts of a
// post, a signature). Return is a small logistic regression, trained on pages with known
// bodies, that decides block by block whether such a block comes back into the body. It
// judges as well the untold blocks that lead straight into the body's first block (an
// opening paragraph or a standfirst the extractor missed), which a feature of their own
// tells apart: the page's header chrome stands there too. And it judges the untold blocks
// that a line of the body announces with a colon ("Previous interviews:", "From left to
// right:") where no block of the body follows them: the list the article ends on, whose
// items are often links, which the extractor puts out as it puts out a list of teasers.

// ReturnFeatureNames name the features of the per-block return, in order.
var ReturnFeatureNames = []string{
	"heading", "tag_li", "tag_td", "tag_other", "link_density", "log_words", "sentence",
	"prob", "log_run_blocks", "log_run_words", "run_prob", "run_links", "neighbour_prob",
	"position", "run_share", "same_tag", "after_body", "before_body", "in_body", "repeated", "run_in_body", "leading",
	"announced", "open_end",
}

// Return holds the learned per-block return: a block left outside the body with no
// element saying why, between two blocks of the body or just before its first, comes
// back into the body when the
// logistic regression Weights (one per feature, then the bias) give it a probability
// above Threshold. A Threshold of 1 or more never returns a block.
type Return struct {
	Features  []string  `json:"features"`
	Threshold float64   `json:"threshold"`
	Weights   []float64 `json:"weights"`
}

//go:embed choice_return.json
var defaultReturn []byte

// DefaultReturn returns the per-block return stored in the package.
func DefaultReturn() (*Return, error) {
	return ParseReturn(defaultReturn)
}

// ParseReturn reads a per-block return written as JSON by newspipe-dev train return.
func ParseReturn(data []byte) (*Return, error) {
	r, err := parseBlockModel(data, ReturnFeatureNames, "block return", "return")
	if err != nil {
		return nil, err
	}
	return &r, nil
}

// parseBlockModel reads a logistic regression over blocks written as JSON by
// newspipe-dev train NAME (trainer), and checks that its features are names, in order:
// weights learned for other features would weigh the wrong evidence. what names the
// model in errors.
func parseBlockModel(data []byte, names []string, what, trainer string) (Return, error) {
	var r Return
	if err := json.Unmarshal(data, &r); err != nil {
		return Return{}, fmt.Errorf("parse %s: %w", what, err)
	}
	if len(r.Features) != len(names) || len(r.Weights) != len(names)+1 {
		return Return{}, fmt.Errorf("parse %s: features do not match this version (retrain with newspipe-dev train %s)", what, trainer)
	}
	for i, f := range r.Features {
		if f != names[i] {
			return Return{}, fmt.Errorf("parse %s: feature %d is %q, want %q", what, i, f, names[i])
		}
	}
	return r, nil
}

// Returns reports whether the block with features x comes back into the body.
func (r *Return) Returns(x []float64) bool {
	return r.Threshold < 1 && sigmoid(dot(r.Weights, x)) > r.Threshold
}

// ReturnCandidate is a block that a per-block model (the return, the trim, the dispute)
// may move into or out of the body.
type ReturnCandidate struct {
	Block    int       // its index among the page's blocks
	Features []float64 // the model's features, in order
	// Mark, when not empty, is what the block's Outside becomes when the model chooses it,
	// over the model's own (a model that moves blocks both into and out of the body).
	Mark string
}

// returnCandidates lists the blocks left outside the body with no element saying why
// (untold) that stand in a run of such blocks followed by a block of the body (between
// two blocks of the body, or leading into its first), or announced by the body block
// just before the run, which ends with a colon, with their features. Blocks without a
// word neither make nor break a run.
func returnCandidates(blocks []document.Block, info []lineInfo, prob []float64) []ReturnCandidate {
	bodyWords := 0
	for i := range blocks {
		if blocks[i].Outside == "" {
			bodyWords += info[i].words
		}
	}
	var out []ReturnCandidate
	var run []int             // the blocks of the current run
	var inBody []float64      // the body's share of each block of the run
	var body *windows         // the body's 4-token windows, made when a run is found
	prevBody, before := -1, 0 // the last body block with words, and the body words up to it
	for i := 0; i < len(blocks); i++ {
		if info[i].words == 0 {
			continue
		}
		if blocks[i].Outside == "" {
			prevBody = i
			before += info[i].words
			continue
		}
		if !untold(blocks[i].Outside) {
			continue
		}
		// A run of untold blocks: it is a candidate when the next block with words after
		// it is body.
		run = run[:0]
		j := i
		for ; j < len(blocks); j++ {
			if info[j].words == 0 {
				continue
			}
			if !untold(blocks[j].Outside) {
				break
			}
			run = append(run, j)
		}
		// The run is announced when the body block with words just before it ends with a
		// colon: the article's own list follows.
		announced := prevBody >= 0 && prevBody == lastWords(info, i) && endsWithColon(blocks[prevBody].Text)
		openEnd := j == len(blocks) || blocks[j].Outside != ""
		if openEnd && !announced {
			i = j - 1
			continue
		}
		next := j
		if openEnd {
			// No body block follows: the block before the run stands in for it, and the
			// list it announces ends at the first block that is not one of its items
			// (a heading, a block of another element): the page's footer follows.
			next = prevBody
			items := 1
			for items < len(run) && !blocks[run[items]].Heading && blocks[run[items]].Tag == blocks[run[0]].Tag {
				items++
			}
			run = run[:items]
		}
		if body == nil {
			w := bodyWindows(blocks, bodyWords)
			body = &w
		}
		var words int
		var probSum, links, repeats float64
		inBody = slices.Grow(inBody[:0], len(run))[:len(run)]
		for r, k := range run {
			inBody[r] = body.share(blocks[k].Text)
			repeats = max(repeats, inBody[r])
			w := float64(info[k].words)
			words += info[k].words
			probSum += prob[k] * w
			links += blocks[k].LinkDensity * w
		}
		neighbours := prob[next]
		if prevBody >= 0 {
			neighbours = (prob[prevBody] + prob[next]) / 2
		}
		// One array holds the features of the run's blocks.
		all := make([]float64, 0, len(run)*len(ReturnFeatureNames))
		for r, k := range run {
			b, li := &blocks[k], &info[k]
			if b.Heading && b.LinkDensity >= 0.9 {
				// A heading that is wholly a link introduces another page (see
				// extract's markTeasers): it stays out whatever the model says.
				continue
			}
			tag := b.Tag
			all = append(all,
				b2f(b.Heading),
				b2f(!b.Heading && tag == "li"),
				b2f(!b.Heading && (tag == "td" || tag == "th")),
				b2f(!b.Heading && tag != "li" && tag != "td" && tag != "th" && tag != "p"),
				b.LinkDensity,
				li.logWords,
				b2f(li.final),
				prob[k],
				math.Log(float64(len(run))),
				math.Log1p(float64(words)),
				probSum/float64(words),
				links/float64(words),
				neighbours,
				float64(before)/float64(max(1, bodyWords)),
				float64(words)/float64(words+bodyWords),
				b2f(prevBody >= 0 && tag == blocks[prevBody].Tag || tag == blocks[next].Tag),
				b2f(prevBody >= 0 && k == run[0]),
				b2f(!openEnd && k == run[len(run)-1]),
				inBody[r],
				b2f(li.repeated),
				repeats,
				b2f(prevBody < 0),
				b2f(announced),
				b2f(openEnd),
			)
			x := all[len(all)-len(ReturnFeatureNames):]
			out = append(out, ReturnCandidate{Block: k, Features: x[:len(x):len(x)]})
		}
		i = j - 1
	}
	return out
}

// lastWords returns the index of the last block with words before i, or -1.
func lastWords(info []lineInfo, i int) int {
	for i--; i >= 0 && info[i].words == 0; i-- {
	}
	return i
}

// endsWithColon reports whether text ends with a colon, as a line announcing a list does.
func endsWithColon(text string) bool {
	t := strings.TrimRight(text, " \u00a0")
	return strings.HasSuffix(t, ":") || strings.HasSuffix(t, "：")
}

// windows are the sorted hashes of a text's 4-token windows, with a buffer of tokens.
type windows struct {
	hashes []uint64
	toks   []string
}

// bodyWindows returns the windows of the body blocks' text; words is the body's words.
func bodyWindows(blocks []document.Block, words int) windows {
	w := windows{hashes: make([]uint64, 0, words)}
	for i := range blocks {
		if blocks[i].Outside != "" {
			continue
		}
		w.toks = shingle.AppendTokens(w.toks[:0], blocks[i].Text)
		for j := 0; j+4 <= len(w.toks); j++ {
			w.hashes = append(w.hashes, windowHash(w.toks[j:j+4]))
		}
	}
	slices.Sort(w.hashes)
	return w
}

// share returns the share of text's 4-token windows that are among w's: how much of a
// block repeats the body (a standfirst that is the first paragraph again).
func (w *windows) share(text string) float64 {
	w.toks = shingle.AppendTokens(w.toks[:0], text)
	if len(w.toks) < 4 {
		return 0
	}
	n := 0
	for j := 0; j+4 <= len(w.toks); j++ {
		if _, ok := slices.BinarySearch(w.hashes, windowHash(w.toks[j:j+4])); ok {
			n++
		}
	}
	return float64(n) / float64(len(w.toks)-3)
}

// windowHash hashes a window of tokens (FNV-1a, the tokens separated by a zero byte).
func windowHash(toks []string) uint64 {
	h := uint64(14695981039346656037)
	for _, t := range toks {
		for i := 0; i < len(t); i++ {
			h = (h ^ uint64(t[i])) * 1099511628211
		}
		h = (h ^ 0) * 1099511628211
	}
	return h
}

// returnBlocks returns the blocks with the candidates that r returns brought back into
// the body, a copy when it changes any; blocks itself is not changed.
func (r *Return) returnBlocks(blocks []document.Block, info []lineInfo, prob []float64) []document.Block {
	if r == nil || r.Threshold >= 1 {
		return blocks
	}
	var back []int
	for _, c := range returnCandidates(blocks, info, prob) {
		if r.Returns(c.Features) {
			back = append(back, c.Block)
		}
	}
	return withOutside(blocks, back, "")
}

// withOutside returns blocks with the blocks at ks marked outside the body for the reason
// outside ("" brings them back into it): a copy when ks names any, so that blocks itself,
// which the caller may share, is not changed.
func withOutside(blocks []document.Block, ks []int, outside string) []document.Block {
	if len(ks) == 0 {
		return blocks
	}
	out := make([]document.Block, len(blocks))
	copy(out, blocks)
	for _, k := range ks {
		out[k].Outside = outside
	}
	return out
}

// ReturnCandidates returns the blocks the cleaner judges for an HTML page (the page's
// prose instead of the extractor's body when the body choice takes it) and the blocks
// among them that the per-block return may bring back into the body, whatever c's own
// return decides.
func (c *Cleaner) ReturnCandidates(blocks []document.Block) ([]document.Block, []ReturnCandidate) {
	if !isHTML(blocks) {
		return blocks, nil
	}
	blocks, info, prob, _ := c.chosenBody(blocks)
	return blocks, returnCandidates(blocks, info, prob)
}

// ReturnExample is one candidate block for training the per-block return: its features,
// and how many of its words are in the page's human-marked body and how many are not,
// each as a share of the page's marked body and of its kept text, as the page's F1 would
// gain and lose by them.
type ReturnExample struct {
	Features   []float64
	Gain, Loss float64
}

// TrainReturn fits the per-block return on the examples: a logistic regression of "the
// block's words are the article's", each word weighing as it moves the page's F1, with
// ridge penalty l2, returning blocks above threshold. Training is deterministic.
func TrainReturn(examples []ReturnExample, threshold, l2 float64) *Return {
	return trainBlockModel(examples, ReturnFeatureNames, threshold, l2)
}

// trainBlockModel fits a per-block logistic regression on features names: a block with
// Gain is a positive example, with Loss a negative one, each weighed by it.
func trainBlockModel(examples []ReturnExample, names []string, threshold, l2 float64) *Return {
	var xs [][]float64
	var ys, ws []float64
	for _, e := range examples {
		if e.Gain > 0 {
			xs, ys, ws = append(xs, e.Features), append(ys, 1), append(ws, e.Gain)
		}
		if e.Loss > 0 {
			xs, ys, ws = append(xs, e.Features), append(ys, 0), append(ws, e.Loss)
		}
	}
	r := &Return{Features: names, Threshold: threshold, Weights: fitLogistic(xs, ys, ws, l2)}
	if r.Weights == nil {
		r.Threshold = 1
		r.Weights = make([]float64, len(names)+1)
	}
	return r
}
