// Package entities finds the named entities of an article and joins their mentions
// into canonical entities.
package entities

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newspipe/newspipe/internal/ner"
	"github.com/newspipe/newspipe/record"
)

// Recognizer finds named entities in article text; safe for concurrent use; build once per process.
type Recognizer struct {
	model *ner.Model
}

// New loads the embedded model.
func New() (*Recognizer, error) {
	m, err := ner.Default()
	if err != nil {
		return nil, err
	}
	return NewWithModel(m), nil
}

// NewWithModel returns a Recognizer that uses m.
func NewWithModel(m *ner.Model) *Recognizer {
	return &Recognizer{model: m}
}

// mention is one cleaned-up entity mention.
type mention struct {
	toks  []ner.Token // the name's tokens
	typ   string      // output type (PERSON, GPE, ...)
	text  string      // text of the name as written
	key   string      // normalised name for joining spelling variants
	group int         // index of its entity
}

// Entities returns the canonical entities of text, each with all its mentions (code point offsets into text),
// ordered by first mention.
func (r *Recognizer) Entities(text string) []record.Entity {
	ents, _ := r.EntitiesContext(context.Background(), text) // fails only when its context ends
	return ents
}

// EntitiesContext is Entities, checking ctx before the tagger runs and as it goes
// through the sentences: it returns ctx's error once ctx ends.
func (r *Recognizer) EntitiesContext(ctx context.Context, text string) ([]record.Entity, error) {
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	toks := ner.Tokenize(text)
	sents := ner.Sentences(text, toks)
	words := make([][]string, len(sents))
	all := make([]string, 0, len(toks)) // one array for every sentence's words
	for i, s := range sents {
		start := len(all)
		for _, t := range s {
			all = append(all, t.Text)
		}
		words[i] = all[start:len(all):len(all)]
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	pred := r.model.Predict(words)
	n := 0
	for _, spans := range pred {
		n += len(spans)
	}
	ms := make([]mention, 0, n+n/8) // a span may split in two; addMissed adds more
	for si, spans := range pred {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for _, sp := range spans {
			// A separator inside a span joins two things, not one name: "Harriet Cole | March".
			toks := sents[si][sp.Start:sp.End]
			start := 0
			// So does a lower-case word inside a person's name: "Putin to Kim".
			for k := 0; k <= len(toks); k++ {
				if k < len(toks) && !separators[toks[k].Text] && !(sp.Type == "PER" && k > 0 && splitsPerson(toks[k].Text)) {
					continue
				}
				if m, ok := clean(text, toks[start:k], sp.Type); ok {
					ms = append(ms, m)
				}
				start = k + 1
			}
		}
	}
	return group(addMissed(text, toks, splitCompounds(text, ms))), nil
}

// addMissed adds a mention wherever the tokens of a name found elsewhere in the document
// occur again untagged: the tagger decides each sentence alone and misses some
// repetitions, often in headlines.
func addMissed(text string, toks []ner.Token, ms []mention) []mention {
	if len(ms) == 0 {
		return ms
	}
	index := func(start int) int { // tokens are in text order
		lo, hi := 0, len(toks)
		for lo < hi {
			if mid := int(uint(lo+hi) >> 1); toks[mid].Start < start {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		return lo
	}
	covered := make([]bool, len(toks))
	type name struct {
		words []string
		m     mention
	}
	byFirst := map[string][]name{}
	byKey := map[string]mention{}  // multi-word names by their spelling-folded key
	keyStarts := map[string]bool{} // the first folded word of each key, to skip most tokens cheaply
	for _, m := range ms {
		i0 := index(m.toks[0].Start)
		for k, t := range m.toks {
			i := i0 + k // a mention's tokens are consecutive tokens of the text
			if i >= len(toks) || toks[i].Start != t.Start {
				i = index(t.Start)
			}
			if i < len(covered) {
				covered[i] = true
			}
		}
		words := make([]string, len(m.toks))
		for i, t := range m.toks {
			words[i] = t.Text
		}
		// Single short words ("US", "Mr") are too ambiguous to repeat blindly.
		if len(words) == 1 && utf8.RuneCountInString(words[0]) < 3 || !isCapitalised(words[0]) {
			continue
		}
		byFirst[words[0]] = append(byFirst[words[0]], name{words, m})
		if len(words) > 1 {
			key := normKey(strings.Join(words, " "))
			byKey[key] = m
			first, _, _ := strings.Cut(key, " ")
			keyStarts[first] = true
		}
	}
	// A mention that is the start of a spelling variant of a longer known name grows to it:
	// the tagger may take only "Kim" of "Kim Jong-un's" when the article elsewhere writes
	// "Kim Jong Un".
	for mi := range ms {
		if len(byKey) == 0 {
			break
		}
		if head, _, _ := strings.Cut(normKey(ms[mi].toks[0].Text), " "); !keyStarts[head] {
			continue // no longer name starts like this one
		}
		first, last := index(ms[mi].toks[0].Start), index(ms[mi].toks[len(ms[mi].toks)-1].Start)
		for k := 2; k >= 1; k-- {
			end := last + k
			if end >= len(toks) || slices.Contains(covered[last+1:end+1], true) ||
				slices.ContainsFunc(toks[last+1:end+1], func(t ner.Token) bool { return !hasAlnum(t.Text) }) {
				continue
			}
			words := make([]string, 0, end-first+1)
			for _, t := range toks[first : end+1] {
				words = append(words, t.Text)
			}
			if m, ok := byKey[normKey(strings.Join(words, " "))]; ok && len(words) > len(ms[mi].toks) {
				m.toks = toks[first : end+1]
				m.text = text[toks[first].Start:toks[end].End]
				ms[mi] = m
				for j := last + 1; j <= end; j++ {
					covered[j] = true
				}
				break
			}
		}
	}
	// Longest names first, so "Bashar al-Assad" wins over "Bashar".
	for _, c := range byFirst {
		slices.SortStableFunc(c, func(a, b name) int { return cmp.Compare(len(b.words), len(a.words)) })
	}
	n := len(ms)
	for i := 0; i < len(toks); i++ {
		if covered[i] {
			continue
		}
		for _, c := range byFirst[toks[i].Text] {
			l := len(c.words)
			if i+l > len(toks) || slices.ContainsFunc(covered[i:i+l], func(b bool) bool { return b }) {
				continue
			}
			match := true
			for k, w := range c.words {
				if toks[i+k].Text != w {
					match = false
					break
				}
			}
			if !match {
				continue
			}
			m := c.m
			m.toks = toks[i : i+l]
			m.text = text[toks[i].Start:toks[i+l-1].End] // the spacing may differ
			ms = append(ms, m)
			for k := i; k < i+l; k++ {
				covered[k] = true
			}
			i += l - 1
			break
		}
		if covered[i] {
			continue
		}
		// A spelling variant of a known name: "Kim Jong-un" for "Kim Jong Un".
		if len(byKey) == 0 || !isCapitalised(toks[i].Text) {
			continue
		}
		if first, _, _ := strings.Cut(normKey(toks[i].Text), " "); !keyStarts[first] {
			continue
		}
		for l := min(3, len(toks)-i); l >= 2 || l == 1 && strings.ContainsRune(toks[i].Text, '-'); l-- {
			if l < 1 || !isCapitalised(toks[i].Text) || slices.Contains(covered[i:i+l], true) {
				continue
			}
			words := make([]string, l)
			for k := range l {
				words[k] = toks[i+k].Text
			}
			m, ok := byKey[normKey(strings.Join(words, " "))]
			if !ok || slices.ContainsFunc(toks[i:i+l], func(t ner.Token) bool { return !hasAlnum(t.Text) }) {
				continue
			}
			m.toks = toks[i : i+l]
			m.text = text[toks[i].Start:toks[i+l-1].End]
			ms = append(ms, m)
			for k := i; k < i+l; k++ {
				covered[k] = true
			}
			i += l - 1
			break
		}
	}
	if len(ms) > n {
		slices.SortStableFunc(ms, func(a, b mention) int { return cmp.Compare(a.toks[0].Start, b.toks[0].Start) })
	}
	return ms
}

// titleWords are titles and honorifics that go before a name and are not part of it.
var titleWords = map[string]bool{
	"president": true, "vice": true, "prime": true, "minister": true, "foreign": true,
	"defence": true, "defense": true, "finance": true, "interior": true, "secretary": true,
	"deputy": true, "mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true,
	"professor": true, "sir": true, "dame": true, "lord": true, "lady": true, "he": true,
	"his": true, "her": true, "excellency": true, "majesty": true, "highness": true,
	"king": true, "queen": true, "prince": true, "princess": true, "pope": true, "senator": true,
	"sen": true, "governor": true, "gov": true, "mayor": true, "general": true, "gen": true,
	"chairman": true, "chairwoman": true, "chancellor": true, "premier": true,
	"ambassador": true, "leader": true, "supreme": true, "judge": true, "justice": true,
	"rev": true, "reverend": true, "sheikh": true, "emir": true, "crown": true, "lt": true,
	"col": true, "colonel": true, "capt": true, "captain": true, "commander": true,
	"sgt": true, "sergeant": true, "chief": true, "executive": true, "ceo": true, "rep": true,
	"representative": true, "speaker": true, "congressman": true, "congresswoman": true,
	"dictator": true, "envoy": true, "coach": true, "manager": true, "saint": true,
	"state": true, "councillor": true, "councilman": true, "councilwoman": true,
}

// uiWords are page-furniture, date and time-zone words that a tagger may take for a name
// in leftover chrome or datelines; a mention made only of them is dropped.
var uiWords = map[string]bool{
	"subscribe": true, "sign": true, "share": true, "click": true, "read": true, "follow": true,
	"advertisement": true, "newsletter": true, "newsletters": true, "login": true, "log": true,
	"register": true, "comments": true, "comment": true, "tweet": true, "email": true,
	"print": true, "menu": true, "search": true, "home": true, "related": true, "source": true,
	"staff": true, "writer": true, "reporter": true, "correspondent": true, "editor": true,
	"contributor": true, "images": true, "image": true, "photo": true, "photos": true,
	"video": true, "videos": true, "updated": true, "published": true, "opinion": true,
	"terms": true, "policy": true, "privacy": true, "cookies": true, "cookie": true,
	"news": true, "open": true, "close": true, "more": true, "next": true, "previous": true,
	"et": true, "gmt": true, "utc": true, "bst": true, "cet": true, "est": true, "edt": true,
	"pst": true, "pdt": true, "am": true, "pm": true,
	"january": true, "february": true, "march": true, "april": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "jan.": true, "feb.": true, "mar.": true, "apr.": true, "jun.": true,
	"jul.": true, "aug.": true, "sep.": true, "sept.": true, "oct.": true, "nov.": true,
	"dec.": true, "monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true,
}

// particles are the lower-case words that names contain ("Ludwig van Beethoven").
var particles = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "abu": true, "van": true, "von": true,
	"de": true, "da": true, "del": true, "della": true, "der": true, "den": true, "la": true,
	"le": true, "du": true, "dos": true, "das": true, "do": true, "di": true, "y": true,
	"ten": true, "ter": true, "zu": true, "bint": true, "ben": true, "st": true, "st.": true,
}

// splitsPerson reports whether token s cannot stand inside a person's name: a word all
// in lower case that is not a particle ("al-Assad" and "bin" may stand there).
func splitsPerson(s string) bool {
	if !unicode.IsLower(firstRune(s)) || particles[s] || isPossessive(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// separators never stand inside a name.
var separators = map[string]bool{
	"|": true, "•": true, "·": true, "—": true, "–": true, "--": true, ":": true, ";": true,
	",": true, "(": true, ")": true, "[": true, "]": true, "\"": true, "“": true, "”": true,
	"/": true, "...": true, "…": true, "?": true, "!": true,
}

// allIn reports whether every token, lower-cased, is in set.
func allIn(toks []ner.Token, set map[string]bool) bool {
	for _, t := range toks {
		if !set[strings.ToLower(t.Text)] {
			return false
		}
	}
	return len(toks) > 0
}

// clean trims a predicted span to the name itself and picks its output type; ok is false
// when nothing name-like remains.
func clean(text string, toks []ner.Token, conllType string) (mention, bool) {
	// Trailing possessives and punctuation.
	for len(toks) > 0 {
		last := toks[len(toks)-1].Text
		if isPossessive(last) || !hasAlnum(last) {
			toks = toks[:len(toks)-1]
			continue
		}
		break
	}
	for len(toks) > 0 && !hasAlnum(toks[0].Text) {
		toks = toks[1:]
	}
	// "Chinese President Xi Jinping", "Foreign Minister Sergey Lavrov", "HE Kim Jong Un":
	// a title with a capitalised name after it makes the rest a person.
	for k := 0; k+1 < len(toks); k++ {
		if !isTitle(toks[k].Text) {
			continue
		}
		j := k
		for j < len(toks) && (isTitle(toks[j].Text) || isConnector(toks[j].Text)) {
			j++
		}
		// Other types keep a leading title ("General Motors", "State Department") unless a
		// nationality precedes it.
		if j < len(toks) && isCapitalised(toks[j].Text) &&
			(conllType == "PER" || k > 0 && prefixIsGroup(toks[:k]) || k == 0 && personTitle(toks[0].Text) && looksLikeName(toks[j:])) {
			toks = toks[j:]
			conllType = "PER"
		}
		break
	}
	// An article is not part of a name ("The US"), nor is a capitalised sentence opener
	// part of a person's ("Perhaps Kim"); "First Republic" keeps its first word.
	for len(toks) > 1 && (articles[strings.ToLower(toks[0].Text)] || conllType == "PER" && openers[strings.ToLower(toks[0].Text)]) {
		toks = toks[1:]
	}
	if len(toks) == 0 {
		return mention{}, false
	}
	name := text[toks[0].Start:toks[len(toks)-1].End]
	if !hasUpperOrDigit(name) || utf8.RuneCountInString(name) < 2 && !unicode.IsUpper(firstRune(name)) {
		return mention{}, false
	}
	if len(toks) == 1 && isTitle(name) || allIn(toks, uiWords) {
		return mention{}, false
	}
	typ := ner.FineType(conllType, name)
	if ner.IsNewsOrg(name) {
		typ = "ORG"
	}
	// The curated lists overrule the tagger's guess of a person: "Pyongyang", "Syrians".
	if typ == "PERSON" || typ == "MISC" || typ == "LOC" {
		switch {
		case ner.IsGPE(name):
			typ = "GPE"
		case ner.IsNORP(name):
			typ = "NORP"
		}
	}
	return mention{toks: toks, typ: typ, text: name, key: normKey(name)}, true
}

var articles = map[string]bool{"the": true, "a": true, "an": true}

// openers are words that start sentences and do not start a person's name.
var openers = map[string]bool{
	"the": true, "a": true, "an": true, "perhaps": true, "however": true, "meanwhile": true,
	"also": true, "but": true, "and": true, "or": true, "then": true, "so": true, "still": true,
	"yet": true, "now": true, "today": true, "yesterday": true, "tomorrow": true, "when": true,
	"while": true, "if": true, "after": true, "before": true, "as": true, "in": true, "on": true,
	"at": true, "for": true, "with": true, "including": true, "should": true,
	"would": true, "could": true, "although": true, "though": true,
	"since": true, "because": true, "unlike": true, "like": true, "by": true, "from": true,
	"to": true, "of": true, "under": true, "said": true, "says": true, "says:": true,
	"indeed": true, "instead": true, "thus": true, "hence": true, "besides": true,
	"moreover": true, "furthermore": true, "finally": true, "first": true, "second": true,
	"last": true, "next": true, "later": true, "earlier": true, "recently": true, "why": true,
	"how": true, "what": true, "who": true, "where": true, "which": true, "this": true,
	"that": true, "these": true, "those": true, "his": true, "her": true, "their": true,
	"our": true, "its": true, "my": true, "your": true, "dear": true, "did": true, "does": true,
	"do": true, "is": true, "was": true, "are": true, "were": true, "has": true, "have": true,
	"had": true, "can": true, "let": true, "please": true, "even": true, "only": true,
	"just": true, "according": true, "via": true, "about": true, "against": true, "among": true,
	"amid": true, "during": true, "without": true, "within": true, "over": true, "into": true,
	"every": true, "each": true, "all": true, "both": true, "some": true, "many": true,
	"most": true, "several": true, "no": true, "not": true, "never": true, "ever": true,
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isPossessive(s string) bool {
	switch strings.ToLower(s) {
	case "'s", "’s", "'", "’":
		return true
	}
	return false
}

func isTitle(s string) bool {
	if s == "HE" { // His Excellency; "he" in lower case is a pronoun
		return true
	}
	if !isCapitalised(s) {
		return false
	}
	return titleWords[strings.TrimSuffix(strings.ToLower(s), ".")]
}

// personTitles go only before people's names ("CEO Gregory Lam"), unlike "General" or "State".
var personTitles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "president": true, "ceo": true,
	"chairman": true, "chairwoman": true, "senator": true, "sen": true, "governor": true,
	"gov": true, "mayor": true, "ambassador": true, "minister": true, "prime": true,
	"foreign": true, "he": true, "his": true, "excellency": true, "sir": true, "dame": true,
	"prof": true, "professor": true, "rev": true, "reverend": true, "judge": true, "coach": true,
	"premier": true, "chancellor": true, "king": true, "queen": true, "prince": true,
	"princess": true, "pope": true, "sheikh": true, "emir": true, "rep": true,
	"representative": true, "congressman": true, "congresswoman": true, "envoy": true,
}

func personTitle(s string) bool {
	return isTitle(s) && personTitles[strings.TrimSuffix(strings.ToLower(s), ".")]
}

// looksLikeName reports whether toks could be a person's name: one to four capitalised
// words, none of them an organisation word.
func looksLikeName(toks []ner.Token) bool {
	if len(toks) == 0 || len(toks) > 4 {
		return false
	}
	for _, t := range toks {
		if !isCapitalised(t.Text) && !isPossessive(t.Text) || orgWords[strings.ToLower(t.Text)] {
			return false
		}
	}
	return true
}

func isConnector(s string) bool {
	switch s {
	case "of", "the", "for", "and", "[", "]", "(", ")", "-":
		return true
	}
	return false
}

// prefixIsGroup reports whether the tokens before a title name a nation or group
// ("Chinese", "South Korean", "Russia's"), so the title and its name can be split off.
func prefixIsGroup(toks []ner.Token) bool {
	var b strings.Builder
	for i, t := range toks {
		if isPossessive(t.Text) {
			continue
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	s := b.String()
	return ner.IsNORP(s) || ner.IsGPE(s)
}

func isCapitalised(s string) bool {
	return unicode.IsUpper(firstRune(s))
}

func hasAlnum(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func hasUpperOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// normKey folds spelling variants together: case, hyphens, periods and apostrophes
// ("Kim Jong-un", "Kim Jong Un", "KIM JONG-UN"; "U.S." and "US").
func normKey(name string) string {
	var b strings.Builder
	space := false
	for _, r := range name {
		switch {
		case r == '.' || r == '\'' || r == '’':
			continue
		case unicode.IsSpace(r) || r == '-' || r == '‐' || r == '‑' || r == '–':
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// entity is a group of mentions being built.
type entity struct {
	key      string
	mentions []int    // indexes into ms
	merged   int      // index of the entity it joined, or -1
	typ      string   // type by vote of its own mentions
	words    []string // nameWords of its first mention
}

// group joins mentions into canonical entities.
func group(ms []mention) []record.Entity {
	var ents []*entity
	byKey := map[string]int{}
	for i := range ms {
		g, ok := byKey[ms[i].key]
		if !ok {
			g = len(ents)
			byKey[ms[i].key] = g
			ents = append(ents, &entity{key: ms[i].key, merged: -1})
		}
		ents[g].mentions = append(ents[g].mentions, i)
		ms[i].group = g
	}
	for _, e := range ents {
		e.typ = voteType(ms, e.mentions)
		e.words = nameWords(ms[e.mentions[0]].text)
	}
	// Short forms join a longer name used elsewhere in the document: a surname or given
	// name ("Assad", "Kim", "Putin") a person's full name, an acronym ("KCNA") the name
	// whose initials it is.
	for gi, e := range ents {
		if len(strings.Fields(e.key)) != 1 {
			continue // only one-word names join others, so there are no chains
		}
		if target := fullNameFor(ents, gi); target >= 0 {
			e.merged = target
		} else {
			if target := expansionFor(ms, ents, gi); target >= 0 {
				e.merged = target
			}
		}
	}
	root := func(g int) int {
		for n := 0; ents[g].merged >= 0 && n < len(ents); n++ {
			g = ents[g].merged
		}
		return g
	}
	members := map[int][]int{}
	for gi := range ents {
		r := root(gi)
		members[r] = append(members[r], ents[gi].mentions...)
	}
	var out []record.Entity
	for r, idx := range members {
		slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(ms[a].toks[0].RuneStart, ms[b].toks[0].RuneStart) })
		e := record.Entity{Name: canonicalName(ms, ents[r].mentions), Type: voteType(ms, idx)}
		for _, i := range idx {
			m := ms[i]
			e.Mentions = append(e.Mentions, record.Mention{
				Text:  m.text,
				Start: m.toks[0].RuneStart,
				End:   m.toks[len(m.toks)-1].RuneEnd,
			})
		}
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b record.Entity) int {
		return cmp.Or(cmp.Compare(a.Mentions[0].Start, b.Mentions[0].Start), cmp.Compare(a.Name, b.Name))
	})
	return out
}

// typeOrder breaks ties in type votes.
var typeOrder = map[string]int{"PERSON": 0, "GPE": 1, "ORG": 2, "NORP": 3, "LOC": 4, "MISC": 5}

// voteType is the most frequent type of the mentions, ties going to the earlier of typeOrder.
func voteType(ms []mention, idx []int) string {
	votes := map[string]int{}
	for _, i := range idx {
		votes[ms[i].typ]++
	}
	best, bestN := "", -1
	for t, n := range votes {
		if n > bestN || n == bestN && rank(t) < rank(best) {
			best, bestN = t, n
		}
	}
	return best
}

func rank(t string) int {
	if r, ok := typeOrder[t]; ok {
		return r
	}
	return len(typeOrder)
}

// canonicalName picks the most frequent written form, then one not in capitals, then
// the longest, then the first in byte order.
func canonicalName(ms []mention, idx []int) string {
	counts := map[string]int{}
	for _, i := range idx {
		counts[ms[i].text]++
	}
	best := ""
	for name, n := range counts {
		if best == "" {
			best = name
			continue
		}
		bn := counts[best]
		switch {
		case n != bn:
			if n > bn {
				best = name
			}
		case allCaps(name) != allCaps(best): // "Astana" over "ASTANA" from a dateline
			if !allCaps(name) {
				best = name
			}
		case len(name) != len(best):
			if len(name) > len(best) {
				best = name
			}
		case name < best:
			best = name
		}
	}
	return best
}

func allCaps(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsLetter(r)
	}
	return letters
}

// orgWords mark a name as an organisation's or a place's, never a person's.
var orgWords = map[string]bool{
	"bank": true, "group": true, "council": true, "ministry": true, "university": true,
	"inc": true, "inc.": true, "corp": true, "corp.": true, "company": true, "party": true,
	"agency": true, "association": true, "court": true, "department": true, "institute": true,
	"college": true, "school": true, "hospital": true, "committee": true, "commission": true,
	"authority": true, "office": true, "union": true, "fund": true, "foundation": true,
	"league": true, "club": true, "news": true, "times": true, "post": true, "review": true,
	"daily": true, "summit": true, "war": true, "river": true, "sea": true, "street": true,
	"city": true, "county": true, "state": true, "republic": true, "kingdom": true,
	"airlines": true, "airways": true, "motors": true, "media": true, "service": true,
	"services": true, "board": true, "centre": true, "center": true, "house": true,
	"hotel": true, "hotels": true, "restaurant": true, "airport": true, "station": true,
	"park": true, "square": true, "bridge": true, "building": true, "tower": true, "palace": true,
	"museum": true, "theatre": true, "theater": true, "stadium": true, "arena": true, "hall": true,
}

// fullNameFor finds the person whose longer name contains entity gi's name as whole
// words, written the same way ("Assad" and "Bashar al-Assad", "Kim" and "Kim Jong Un",
// but not "UN"); -1 when there is none. A surname match beats a given-name match, then
// the name with more mentions wins.
func fullNameFor(ents []*entity, gi int) int {
	if typ := ents[gi].typ; typ == "GPE" || typ == "NORP" {
		return -1
	}
	// Only one-word short forms join: two-word names are as likely a different person
	// as a part of a longer name ("Donald Trump" in "Explainer Donald Trump").
	short := ents[gi].words
	if len(short) != 1 {
		return -1
	}
	best, bestScore := -1, -1
	for ti, t := range ents {
		long := t.words
		if ti == gi || t.typ != "PERSON" && (ents[gi].typ != "PERSON" || anyIn(long, orgWords)) {
			continue
		}
		if len(long) <= len(short) {
			continue
		}
		score := -1
		for k := 0; k+len(short) <= len(long); k++ {
			if !slices.Equal(long[k:k+len(short)], short) {
				continue
			}
			switch {
			case k+len(short) == len(long):
				score = max(score, 2) // surname
			case k == 0:
				score = max(score, 1) // given name, or family name first ("Kim Jong Un")
			default:
				score = max(score, 0)
			}
		}
		if score < 0 {
			continue
		}
		score = score*1000 + min(len(t.mentions), 999)
		if t.typ == "PERSON" {
			score += 10000
		}
		if score > bestScore {
			best, bestScore = ti, score
		}
	}
	return best
}

// anyIn reports whether a word, lower-cased, is in set.
func anyIn(words []string, set map[string]bool) bool {
	for _, w := range words {
		if set[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// nameWords splits a name into words at spaces, and at hyphens after a lower-case
// particle: "Bashar al-Assad" gives Bashar, al, Assad, but "Trump-Kim" and "Jong-un"
// stay whole.
func nameWords(name string) []string {
	var out []string
	for _, w := range strings.Fields(name) {
		for {
			i := strings.IndexAny(w, "-‐‑")
			if i <= 0 || !unicode.IsLower(firstRune(w)) {
				break
			}
			out = append(out, w[:i])
			_, n := utf8.DecodeRuneInString(w[i:])
			w = w[i+n:]
		}
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// expansionFor finds the entity whose initials spell entity gi's name, written in
// capitals ("KCNA" for "Korean Central News Agency", "BoE" for "Bank of England").
func expansionFor(ms []mention, ents []*entity, gi int) int {
	short := ms[ents[gi].mentions[0]].text
	var caps []rune
	for _, r := range short {
		if unicode.IsUpper(r) {
			caps = append(caps, r)
		} else if !unicode.IsLower(r) && r != '.' {
			return -1
		}
	}
	if len(caps) < 2 || len(caps) > 6 || strings.Contains(short, " ") {
		return -1
	}
	for ti, t := range ents {
		if ti == gi {
			continue
		}
		long := ms[t.mentions[0]].text
		var initials []rune
		for _, w := range strings.FieldsFunc(long, func(r rune) bool { return r == ' ' || r == '-' }) {
			if r := firstRune(w); unicode.IsUpper(r) {
				initials = append(initials, r)
			}
		}
		if len(initials) >= 2 && string(initials) == string(caps) {
			return ti
		}
	}
	return -1
}

// splitCompounds splits a mention that joins two names with a hyphen ("US-North Korea",
// "Trump-Kim") into mentions of the two names, when each side is a country or place of the
// curated list or the last word of another mention of the document. A compound of two
// nationalities ("Arab-Israeli") stays whole, as does a hyphenated name whose parts are not
// names of their own ("Kim Il-Sung", "Moon Jae-in").
func splitCompounds(text string, ms []mention) []mention {
	// Most documents have no hyphenated mention: give them back as they are.
	if !slices.ContainsFunc(ms, func(m mention) bool {
		return slices.ContainsFunc(m.toks, func(t ner.Token) bool { return strings.IndexByte(t.Text, '-') > 0 })
	}) {
		return ms
	}
	known := map[string]string{} // last word of a single-name mention -> its CoNLL type
	for _, m := range ms {
		last := m.toks[len(m.toks)-1].Text
		if !strings.ContainsRune(last, '-') {
			known[last] = ner.CoarseType(m.typ)
		}
	}
	side := func(words string) (string, bool) {
		if t, ok := known[words]; ok && !strings.Contains(words, " ") {
			return t, true
		}
		if ner.IsGPE(words) {
			return "LOC", true
		}
		return "", false
	}
	out := make([]mention, 0, len(ms)+1)
	for _, m := range ms {
		split := false
		for k, t := range m.toks {
			i := strings.IndexByte(t.Text, '-')
			if i <= 0 || i == len(t.Text)-1 || strings.Count(t.Text, "-") != 1 {
				continue
			}
			left, right := t.Text[:i], t.Text[i+1:]
			if ner.IsNORP(left) && ner.IsNORP(right) {
				break
			}
			lt, lok := side(joinWords(m.toks[:k], left, true))
			rt, rok := side(joinWords(m.toks[k+1:], right, false))
			if !lok || !rok {
				break
			}
			lTok := ner.Token{Text: left, Start: t.Start, End: t.Start + i, RuneStart: t.RuneStart,
				RuneEnd: t.RuneStart + utf8.RuneCountInString(left)}
			rTok := ner.Token{Text: right, Start: t.Start + i + 1, End: t.End, RuneStart: lTok.RuneEnd + 1, RuneEnd: t.RuneEnd}
			parts := []struct {
				toks []ner.Token
				typ  string
			}{
				{append(slices.Clip(m.toks[:k]), lTok), lt},
				{append([]ner.Token{rTok}, m.toks[k+1:]...), rt},
			}
			for _, p := range parts {
				if pm, ok := clean(text, p.toks, p.typ); ok {
					out = append(out, pm)
				}
			}
			split = true
			break
		}
		if !split {
			out = append(out, m)
		}
	}
	return out
}

// joinWords joins the words of toks with w, after them (w last) or before them.
func joinWords(toks []ner.Token, w string, last bool) string {
	words := make([]string, 0, len(toks)+1)
	if !last {
		words = append(words, w)
	}
	for _, t := range toks {
		words = append(words, t.Text)
	}
	if last {
		words = append(words, w)
	}
	return strings.Join(words, " ")
}
