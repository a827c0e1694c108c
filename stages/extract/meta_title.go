package extract

import (
	_ "embed"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html"

	"github.com/newspipe/newspipe/internal/shingle"
)

// A page names its title several times, often in different words: the JSON-LD
// headline, og:title and twitter:title written for search engines and social networks,
// the <title> with the site's name beside it, the <h1> a reader sees. Each text is a
// candidate, with the parts of the declared titles cut at their separators ("Gym
// Workouts for Beginners — Strength Training - Gold's Gym"), weighed by where it comes
// from and how the others agree with it (titleFeatures); the weights are learned
// (title.json, `newspipe-dev train title`).

// TitleFeatureNames name the features of a title candidate, in order.
var TitleFeatureNames = []string{
	"JSON-LD headline",
	"og:title",
	"twitter:title",
	"<title>",
	"a visible headline in the article",
	"a visible headline of the page",
	"first visible headline",
	"1/(1+rank) among the visible headlines",
	"the site's name cut off",
	"the part before a separator",
	"the part after a separator",
	"log sources",
	"declared and visible",
	"share of the other sources agreeing with it",
	"the rule's title",
	"log words",
	"fewer than 3 words",
	"more than 20 words",
	"holds a separator",
	"the site's name",
	"all capitals",
	"share of its words in the description",
}

const (
	tLD = iota
	tOG
	tTwitter
	tTitle
	tArticleHeadline
	tPageHeadline
	tFirstHeadline
	tHeadlineRank
	tSiteCut
	tHead
	tTail
	tSources
	tDeclaredVisible
	tAgreeing
	tRule
	tWords
	tShort
	tLong
	tSeparator
	tSiteName
	tCaps
	tDescription
	numTitleFeatures
)

// TitleCandidate is one text a page gives as its title, with the evidence for it.
type TitleCandidate struct {
	Text     string
	Features []float64 // see TitleFeatureNames
}

// maxTitleParts caps the separators a declared title is cut at.
const maxTitleParts = 3

// titleCandidates returns the texts the page gives as its title, each with its
// features, the rule's title (see ruleTitle) first: the first of equals.
func (pm *pageMeta) titleCandidates(site, host, rule string) []TitleCandidate {
	var cands []TitleCandidate
	var words [][]string // each candidate's lower-case word tokens
	var sources []int    // the number of sources naming each candidate
	index := map[string]int{}
	add := func(text string, features ...int) int {
		text = trimDecoration(text)
		toks := shingle.Tokens(strings.ToLower(text))
		if len(toks) == 0 {
			return -1
		}
		key := strings.Join(toks, " ")
		i, seen := index[key]
		if !seen {
			i = len(cands)
			index[key] = i
			cands = append(cands, TitleCandidate{Text: text, Features: make([]float64, numTitleFeatures)})
			words = append(words, toks)
			sources = append(sources, 0)
		}
		for _, f := range features {
			cands[i].Features[f] = 1
		}
		return i
	}
	add(rule, tRule)
	// Each source adds its text, the text without the site's name, and the parts of
	// the text cut at its separators; it returns the index of its whole text.
	addSource := func(text string, source int) int {
		text = collapse(text)
		if text == "" {
			return -1
		}
		var named []int
		mark := func(i int) int {
			if i >= 0 && !slices.Contains(named, i) {
				named = append(named, i)
				sources[i]++
			}
			return i
		}
		whole := mark(add(text, source))
		if s := stripSiteSuffix(text, site, host); s != text {
			mark(add(s, source, tSiteCut))
		}
		if source == tArticleHeadline || source == tPageHeadline {
			if s := stripNamedSite(text, site, host); s != text {
				mark(add(s, source, tSiteCut))
			}
			return whole
		}
		for _, cut := range titleCuts(text) {
			f := tHead
			if cut.tail {
				f = tTail
			}
			mark(add(cut.text, source, f))
		}
		return whole
	}
	addSource(pm.ld.Title, tLD)
	addSource(pm.ogTitle, tOG)
	addSource(pm.twitterTitle, tTwitter)
	addSource(pm.title, tTitle)
	rank := map[int]int{}
	for k, h := range pm.headlines {
		source := tPageHeadline
		if k < pm.articleHeadlines {
			source = tArticleHeadline
		}
		if i := addSource(h, source); i >= 0 {
			if _, ranked := rank[i]; !ranked {
				rank[i] = len(rank)
			}
		}
	}
	desc := pm.ogDesc
	if desc == "" {
		desc = pm.desc
	}
	descWords := shingle.Tokens(strings.ToLower(desc))
	for i := range cands {
		c := &cands[i]
		f := c.Features
		f[tSources] = math.Log1p(float64(sources[i]))
		declared, visible := isDeclared(f), isVisible(f)
		if declared && visible {
			f[tDeclaredVisible] = 1
		}
		if r, ok := rank[i]; ok {
			f[tHeadlineRank] = 1 / float64(1+r)
			if r == 0 {
				f[tFirstHeadline] = 1
			}
		}
		w := words[i]
		f[tWords] = math.Log1p(float64(len(w)))
		if len(w) < 3 {
			f[tShort] = 1
		}
		if len(w) > 20 {
			f[tLong] = 1
		}
		for _, sep := range titleSeparators {
			if strings.Contains(c.Text, sep) {
				f[tSeparator] = 1
				break
			}
		}
		if isSiteName(c.Text, site, host) {
			f[tSiteName] = 1
		}
		if isAllCaps(c.Text) {
			f[tCaps] = 1
		}
		if len(descWords) > 0 {
			f[tDescription] = shareIn(w, descWords)
		}
		agreeing := 0
		for j := range cands {
			if j != i && agreeTokens(w, words[j]) {
				agreeing++
			}
		}
		if len(cands) > 1 {
			f[tAgreeing] = float64(agreeing) / float64(len(cands)-1)
		}
	}
	return cands
}

// isDeclared reports a candidate a declared title gives: JSON-LD, og:title,
// twitter:title, <title>.
func isDeclared(f []float64) bool { return f[tLD]+f[tOG]+f[tTwitter]+f[tTitle] > 0 }

// isVisible reports a candidate a visible headline gives.
func isVisible(f []float64) bool { return f[tArticleHeadline]+f[tPageHeadline] > 0 }

// trimDecoration returns a title without the spaces and the signs a site sets around it
// ("=> The One to Watch <=", "::► Title ◄::", "** Title **"): rules, arrows, bullets and
// mathematical signs other than "+" ("C++"), never a letter, a digit, a quote, a bracket
// or the marks that end a sentence ("Is it over?").
func trimDecoration(s string) string {
	t := strings.TrimFunc(s, isDecoration)
	if strings.IndexFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return strings.TrimSpace(s)
	}
	return t
}

// isDecoration reports a rune trimDecoration removes from a title's ends.
func isDecoration(r rune) bool {
	switch {
	case unicode.IsSpace(r), strings.ContainsRune(":|*~·•-–—_/\\", r):
		return true
	case unicode.Is(unicode.Sm, r):
		return r != '+'
	}
	// Arrows, box drawing, geometric shapes, stars and dingbat arrows.
	return 0x2190 <= r && r <= 0x21ff || 0x2500 <= r && r <= 0x25ff || r == '★' || r == '☆' || 0x27a0 <= r && r <= 0x27bf
}

// titleCut is a part of a declared title cut at a separator.
type titleCut struct {
	text string
	tail bool // the part after the separator
}

// titleCuts returns the parts of a title before and after each of its first separators:
// "A | B | C" gives "A", "B | C", "A | B" and "C".
func titleCuts(title string) []titleCut {
	var cuts []titleCut
	for _, sep := range titleSeparators {
		from := 0
		for n := 0; n < maxTitleParts; n++ {
			i := strings.Index(title[from:], sep)
			if i < 0 {
				break
			}
			i += from
			if head, tail := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):]); head != "" && tail != "" {
				cuts = append(cuts, titleCut{head, false}, titleCut{tail, true})
			}
			from = i + len(sep)
		}
	}
	return cuts
}

// isAllCaps reports a text written in capitals only.
func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	return letters > 1
}

//go:embed title.json
var titleJSON []byte

// titleWeights are the embedded weights, checked against TitleFeatureNames.
var titleWeights = func() []float64 {
	w, err := ParseTitleModel(titleJSON)
	if err != nil {
		panic(err)
	}
	return w
}()

// TitleModelJSON returns the embedded title weights, as EncodeTitleModel writes them.
func TitleModelJSON() []byte { return append([]byte(nil), titleJSON...) }

// ParseTitleModel reads title weights written by EncodeTitleModel.
func ParseTitleModel(b []byte) ([]float64, error) {
	return parseChoiceModel("title", TitleFeatureNames, b)
}

// EncodeTitleModel writes title weights as JSON, with the names of their features.
func EncodeTitleModel(w []float64) ([]byte, error) {
	return encodeChoiceModel("title", TitleFeatureNames, w)
}

// BestTitle is the index of the best-scored candidate, the first of equals (the rule's
// title), or -1 when there is none.
func BestTitle(cands []TitleCandidate, w []float64) int {
	best, bestScore := -1, 0.0
	for i, c := range cands {
		if s := Score(w, c.Features); best < 0 || s > bestScore+1e-12 {
			best, bestScore = i, s
		}
	}
	return best
}

// TitleCandidates returns the title candidates of an HTML page, for training the
// weights.
func TitleCandidates(page string) ([]TitleCandidate, error) {
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return nil, fmt.Errorf("parse page: %w", err)
	}
	pm := readPageMeta(root)
	site, host := pm.siteAndHost()
	return pm.titleCandidates(site, host, pm.ruleTitle(site, host)), nil
}
