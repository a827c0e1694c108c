package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newspipe/newspipe/internal/ner"
)

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
	// Photo credits: "REUTERS/File Photo", "Handout via REUTERS", "Illustration".
	"file": true, "handout": true, "illustration": true,
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
// kb, when not nil, is the model whose lexicon says which names are places.
func clean(text string, toks []ner.Token, conllType string, kb *ner.Model) (mention, bool) {
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
			// A royal title with a single name is how the person is called: "Prince Andrew",
			// "Pope Francis", "King Abdullah II"; alone, "Andrew" is anyone.
			if j == k+1 && royalTitles[strings.ToLower(toks[k].Text)] && regnalName(toks[j:]) {
				toks = toks[k:]
			} else {
				toks = toks[j:]
			}
			conllType = "PER"
		}
		break
	}
	// An article is not part of a name ("The US"), nor is a capitalised sentence opener
	// part of a person's ("Perhaps Kim"); "First Republic" keeps its first word.
	// A lower-case opener is never part of a name of any type ("via REUTERS").
	for len(toks) > 1 && (articles[strings.ToLower(toks[0].Text)] || conllType == "PER" && openers[strings.ToLower(toks[0].Text)] ||
		openers[toks[0].Text]) {
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
	if institutionOf(toks) {
		typ = "ORG"
	}
	known := kb.Lookup(name)
	// The curated lists overrule the tagger's guess of a person: "Pyongyang", "Syrians";
	// but what the tagger calls a place and the lexicon knows as one stays a place,
	// though its name is also a people's adjective ("the Caribbean").
	if typ == "PERSON" || typ == "MISC" || typ == "LOC" {
		switch {
		case ner.IsGPE(name):
			typ = "GPE"
		case ner.IsNORP(name) && !(conllType == "LOC" && known.Place):
			typ = "NORP"
		}
	}
	if typ != "PERSON" && capitalsPerson(toks, known, kb) {
		typ, conllType = "PERSON", "PER"
	}
	return mention{toks: toks, typ: typ, text: name, key: normKey(name), taggedPerson: conllType == "PER"}, true
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

// royalTitles stay part of a name that is a single given name ("Prince Andrew").
var royalTitles = map[string]bool{
	"prince": true, "princess": true, "king": true, "queen": true, "pope": true,
	"duke": true, "duchess": true, "emperor": true, "empress": true,
}

// regnalName reports whether toks are one capitalised word, with a regnal number or
// not ("Andrew", "Charles III").
func regnalName(toks []ner.Token) bool {
	if len(toks) == 0 || len(toks) > 2 || !isCapitalised(toks[0].Text) || !looksLikeName(toks[:1]) {
		return false
	}
	return len(toks) == 1 || strings.Trim(toks[1].Text, "IVX") == ""
}

// capitalsPerson reports whether toks, a name written in capitals that no list knows
// as a place or an organisation, are a given name and one more word ("ROCHELLE
// WALENSKY" in a list of speakers): in capitals the tagger loses the case cues that
// tell people from places.
func capitalsPerson(toks []ner.Token, known ner.Known, kb *ner.Model) bool {
	if len(toks) != 2 || known.Place || known.Organisation {
		return false
	}
	for _, t := range toks {
		if !allCaps(t.Text) || utf8.RuneCountInString(t.Text) < 3 || !isAlpha(t.Text) || orgWords[strings.ToLower(t.Text)] ||
			ner.IsGPE(t.Text) || ner.IsNORP(t.Text) {
			return false
		}
	}
	return kb.Lookup(toks[0].Text).PersonName
}
