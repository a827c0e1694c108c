package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newspipe/newspipe/internal/pubdate"
)

// vocabHits is a set of chrome vocabulary families found in a line.
type vocabHits uint16

const (
	vNewsletter vocabHits = 1 << iota
	vShare
	vCredit
	vRelated
	vLegal
	vCookie
	vComment
	vAd
	vNav
	vPlaceholder
)

// vocabulary lists, per family, lower-case phrases that mark site chrome.
var vocabulary = []struct {
	hit     vocabHits
	phrases []string
}{
	{vNewsletter, []string{"subscribe", "subscription", "newsletter", "sign up", "signup", "sign-up", "inbox",
		"e-mail address", "email address", "sign in", "log in", "login", "register", "unsubscribe", "alerts"}},
	{vShare, []string{"share", "sharing", "tweet", "facebook", "twitter", "whatsapp", "pinterest", "linkedin", "reddit",
		"instagram", "follow us", "follow on", "print this", "email this", "copy link"}},
	{vCredit, []string{"photo", "image", "credit", "source:", "via", "getty", "shutterstock", "(ap)", "/ap",
		"ap photo", "afp", "reuters/", "file photo", "courtesy", "illustration", "picture"}},
	{vRelated, []string{"read more", "related", "more from", "most read", "most popular", "recommended",
		"you may also like", "you might also like", "trending", "see also", "also read", "read next", "more stories",
		"popular", "latest news", "more on this", "top stories", "more:", "editor's pick", "editors' picks", "watch:", "read:",
		"você pode gostar", "leia também", "leia mais", "lea también", "te puede interesar", "lire aussi",
		"à lire aussi", "auch interessant", "mehr zum thema", "baca juga", "leggi anche"}},
	{vLegal, []string{"copyright", "©", "all rights reserved", "privacy", "terms of use", "terms of service",
		"terms & conditions", "terms and conditions", "contact us", "about us", "do not sell"}},
	{vCookie, []string{"cookie"}},
	{vComment, []string{"comment", "replies", "reply", "says:", "said:", "wrote:", "discussion", "join the conversation"}},
	{vAd, []string{"advertisement", "advertising", "sponsored", "advertise", "partner content", "buy a",
		"shop now", "buy now", "affiliate"}},
	{vNav, []string{"skip to", "menu", "search", "home", "back to top", "next article", "previous article",
		"click here", "loading", "javascript", "browser"}},
}

// phraseIndex maps the first word of every vocabulary phrase made of plain words to the
// phrases that start with it; phrases with punctuation are in punctPhrases.
var phraseIndex, punctPhrases = func() (map[string][]indexedPhrase, []indexedPhrase) {
	idx := map[string][]indexedPhrase{}
	var punct []indexedPhrase
	for _, f := range vocabulary {
		for _, p := range f.phrases {
			words := strings.Fields(p)
			plain := true
			for _, w := range words {
				for i := 0; i < len(w); i++ {
					if !isLetterByte(w[i]) && (w[i] < '0' || w[i] > '9') && w[i] != '-' && w[i] != '\'' {
						plain = false
					}
				}
			}
			ip := indexedPhrase{words: words, text: p, hit: f.hit}
			if plain {
				idx[words[0]] = append(idx[words[0]], ip)
			} else {
				punct = append(punct, ip)
			}
		}
	}
	return idx, punct
}()

// firstWordFilter has a bit for every (length, first byte, last byte) of the first words in
// phraseIndex, so most words of a line are dismissed without a map look-up.
var firstWordFilter = func() *[32 * 256]uint64 {
	var f [32 * 256]uint64
	for w := range phraseIndex {
		f[filterSlot(w)] |= 1 << (w[len(w)-1] & 63)
	}
	return &f
}()

func filterSlot(w string) int { return min(len(w), 31)*256 + int(w[0]) }

func mayStartPhrase(w string) bool {
	return firstWordFilter[filterSlot(w)]&(1<<(w[len(w)-1]&63)) != 0
}

type indexedPhrase struct {
	words []string
	text  string
	hit   vocabHits
}

// findVocab returns the families whose phrases occur as whole words in the lower-cased line.
func findVocab(lower string) vocabHits {
	var h vocabHits
	var buf [48]string
	words := buf[:0]
	start := -1
	punct := false
	for i := 0; i <= len(lower); i++ {
		var c byte
		if i < len(lower) {
			c = lower[i]
		}
		word := i < len(lower) && (isLetterByte(c) || c >= '0' && c <= '9' || c == '-' || c == '\'')
		punct = punct || c == ':' || c == '(' || c == '/' || c == '&'
		if word && start < 0 {
			start = i
		} else if !word && start >= 0 {
			words = append(words, lower[start:i])
			start = -1
		}
	}
	for i, w := range words {
		if mayStartPhrase(w) {
			h |= matchAt(words, i, w)
		}
		if len(w) > 3 && w[len(w)-1] == 's' && mayStartPhrase(w[:len(w)-1]) {
			h |= matchAt(words, i, w[:len(w)-1])
		}
	}
	if !punct {
		return h // every phrase with punctuation has one of these
	}
	for _, p := range punctPhrases {
		if h&p.hit == 0 && containsWord(lower, p.text) {
			h |= p.hit
		}
	}
	return h
}

// matchAt returns the families of the phrases starting with first that match words from i on.
func matchAt(words []string, i int, first string) vocabHits {
	var h vocabHits
	for _, p := range phraseIndex[first] {
		if i+len(p.words) > len(words) {
			continue
		}
		ok := true
		for k := 1; k < len(p.words); k++ {
			w := words[i+k]
			if w != p.words[k] && !(k == len(p.words)-1 && w == p.words[k]+"s") {
				ok = false
				break
			}
		}
		if ok {
			h |= p.hit
		}
	}
	return h
}

// containsWord reports whether phrase occurs in s as whole words: "popular" is found in
// "most popular" but not in "popularity"; a plural "s" is allowed after it.
func containsWord(s, phrase string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], phrase)
		if i < 0 {
			return false
		}
		start, end := off+i, off+i+len(phrase)
		before := start == 0 || !isLetterByte(s[start-1]) || !isLetterByte(phrase[0])
		after := end == len(s) || !isLetterByte(s[end]) || !isLetterByte(phrase[len(phrase)-1]) ||
			(s[end] == 's' && (end+1 == len(s) || !isLetterByte(s[end+1])))
		if before && after {
			return true
		}
		off = start + 1
	}
}

// isLetterByte reports ASCII letters and the bytes of multi-byte UTF-8 characters, which are
// mostly letters in text.
func isLetterByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// isPlaceholder reports template markers a CMS failed to expand: "[related_story]", "{{ad}}", "%%AUTHOR%%".
func isPlaceholder(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) < 3 || strings.ContainsRune(s, ' ') {
		return false
	}
	pairs := [][2]string{{"[", "]"}, {"{{", "}}"}, {"{", "}"}, {"%%", "%%"}, {"<", ">"}, {"[[", "]]"}}
	for _, p := range pairs {
		if len(s) >= len(p[0])+len(p[1]) && strings.HasPrefix(s, p[0]) && strings.HasSuffix(s, p[1]) {
			inner := s[len(p[0]) : len(s)-len(p[1])]
			// "[related_story]" is a marker; "[Wired]" is a source named in the text.
			return strings.IndexFunc(inner, unicode.IsLetter) >= 0 &&
				(p[0] != "[" || strings.ContainsAny(inner, "_:=") || strings.IndexFunc(inner, unicode.IsUpper) < 0)
		}
	}
	return false
}

// isByline reports lines of the "By Jane Doe" family: a short line naming the author.
func isByline(s string) bool {
	if s == "" || !strings.ContainsRune("BbWwPpTtRrAaSs", rune(s[0])) {
		return false
	}
	first, rest, _ := strings.Cut(s, " ")
	second, _, _ := strings.Cut(strings.TrimLeft(rest, " "), " ")
	if second == "" || len(first) > 10 {
		return false
	}
	first = strings.TrimRight(first, ":")
	switch {
	case strings.EqualFold(first, "written") || strings.EqualFold(first, "posted"):
		return strings.EqualFold(second, "by")
	case !equalFoldAny(first, "by", "words", "text", "reporting", "author", "authors", "story"):
		return false
	}
	// "By the time ..." is prose: the next word must look like a name.
	r, _ := utf8.DecodeRuneInString(second)
	return unicode.IsUpper(r) && strings.Count(s, " ") < 16 &&
		(!strings.HasSuffix(s, ".") || strings.IndexFunc(s, unicode.IsDigit) >= 0)
}

// looksLikeDateLine reports short lines made mostly of a date, time or age: "June 10, 2018",
// "Published 3 hours ago", "Updated: 12/06/2019 10:30".
func looksLikeDateLine(lower string) bool {
	if !hasYear(lower) && !strings.Contains(lower, "ago") && !strings.Contains(lower, "updated") &&
		!strings.Contains(lower, "published") && !strings.Contains(lower, "posted") {
		return false // every date pubdate.Find reads has a year
	}
	if pubdate.Find(lower).Value != "" {
		return true
	}
	for _, p := range []string{"ago", "updated", "published", "posted"} {
		if strings.Contains(lower, p) {
			return strings.IndexFunc(lower, unicode.IsDigit) >= 0
		}
	}
	return false
}

// chromeVocab are the families that mark boxes around the article (sign-up, share, ads).
const chromeVocab = vNewsletter | vShare | vAd | vCookie | vLegal

func equalFoldAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.EqualFold(s, w) {
			return true
		}
	}
	return false
}

// hasYear reports whether s has a run of exactly four digits.
func hasYear(s string) bool {
	run := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] >= '0' && s[i] <= '9' {
			run++
			continue
		}
		if run == 4 {
			return true
		}
		run = 0
	}
	return false
}

// monthNames are the English month names; a date may shorten them to three letters or more.
var monthNames = []string{"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december"}

// hasTimeStamp reports whether a lower-cased line holds a clock time ("12:32 am",
// "@11:35am"), an age ("3 hours ago") or a day and month ("08 nov 12", "nov. 8"): the
// stamps over reader comments and teasers.
func hasTimeStamp(lower string) bool {
	for i := 1; i+2 < len(lower); i++ {
		if lower[i] == ':' && isDigit(lower[i-1]) && isDigit(lower[i+1]) && isDigit(lower[i+2]) {
			return true
		}
	}
	if strings.Contains(lower, " ago") {
		return true
	}
	// Words are read in place, each with the one before, so that the check does not allocate.
	prev, prevMonth := "", false
	for rest := lower; rest != ""; {
		var w string
		w, rest = nextStampWord(rest)
		if w == "" {
			continue
		}
		month := isMonthWord(w)
		if month && isDayOrYear(prev) || prevMonth && isDayOrYear(w) {
			return true
		}
		prev, prevMonth = w, month
	}
	return false
}

// nextStampWord returns the first word of s, words being separated by spaces, commas,
// full stops and slashes, and what follows it.
func nextStampWord(s string) (word, rest string) {
	i := 0
	for i < len(s) && isStampSep(s[i]) {
		i++
	}
	j := i
	for j < len(s) && !isStampSep(s[j]) {
		j++
	}
	return s[i:j], s[j:]
}

func isStampSep(c byte) bool { return c == ' ' || c == ',' || c == '.' || c == '/' }

// isMonthWord reports whether w is an English month name or its shortening to three
// letters or more ("nov", "sept").
func isMonthWord(w string) bool {
	if len(w) < 3 {
		return false
	}
	for _, m := range monthNames {
		if strings.HasPrefix(m, w) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isDayOrYear reports whether w is a number of one to four digits, as a day ("8", "8th")
// or a year ("12", "2012") is written.
func isDayOrYear(w string) bool {
	if w == "" {
		return false
	}
	n := 0
	for n < len(w) && isDigit(w[n]) {
		n++
	}
	switch w[n:] {
	case "", "st", "nd", "rd", "th":
		return n >= 1 && n <= 4
	}
	return false
}
