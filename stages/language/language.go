// Package language guesses the language of an article from its function words and script.
//
// It is deliberately light: a few dozen of the commonest words of each supported Latin-
// script language, and the Unicode script of the letters for others. That is enough to
// tell whether English-only models should run, at a cost of a few microseconds per
// article; full detectors (lingua-go) add over 100 MB to the binary.
package language

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Undetermined is the ISO 639 code for a language that could not be told.
const Undetermined = "und"

// stopWords lists very frequent function words, by ISO 639-1 code. Words shared by
// several languages count for each of them.
var stopWords = map[string]string{
	"en": "the of and to in is that for it with as was on be by at this are from his have has an not they which or but were their will would been said its who more after about",
	"de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um noch wie",
	"fr": "le la les de des et en un une du est que qui dans pour pas au sur par plus ne se avec il elle sont ce cette ont mais été aux ses leur",
	"es": "el la los las de del y en que un una es por con para se su al lo como más pero sus le ha fue este esta entre cuando muy sin sobre también",
	"it": "il di che e la le un una per non è in del della sono con si da gli al dei nel alla ha anche come più ma lo delle questo",
	"pt": "o a os as de do da dos das e em um uma que para com não no na por se mais foi ao pelo pela como mas ele ela também são seu sua",
	"nl": "de het een en van in is dat op te zijn met voor niet aan er om ook als bij door maar nog wordt naar uit dan heeft zij hij",
	"sv": "och att det som en på är av för med till den har inte om ett han men var jag sig från vi så kan man när år",
}

// latinLanguages are the languages of stopWords in the order Detect prefers them on a tie.
var latinLanguages = []string{"en", "de", "fr", "es", "it", "pt", "nl", "sv"}

// Detector guesses languages. Its zero value is not usable; call New.
type Detector struct {
	words   map[string]uint8 // word -> the languages (bits, by latinLanguages index) it is a function word of
	longest int              // bytes of the longest function word
}

// New builds a detector.
func New() *Detector {
	d := &Detector{words: map[string]uint8{}}
	for i, lang := range latinLanguages {
		for _, w := range strings.Fields(stopWords[lang]) {
			d.words[w] |= 1 << i
			d.longest = max(d.longest, len(w))
		}
	}
	return d
}

// scripts maps Unicode scripts to the language most articles in them are written in.
var scripts = []struct {
	table *unicode.RangeTable
	lang  string
}{
	{unicode.Hiragana, "ja"}, {unicode.Katakana, "ja"}, {unicode.Hangul, "ko"}, {unicode.Han, "zh"},
	{unicode.Cyrillic, "ru"}, {unicode.Arabic, "ar"}, {unicode.Hebrew, "he"}, {unicode.Greek, "el"},
	{unicode.Devanagari, "hi"}, {unicode.Thai, "th"}, {unicode.Bengali, "bn"}, {unicode.Tamil, "ta"},
	{unicode.Georgian, "ka"}, {unicode.Armenian, "hy"},
}

// Detect returns the ISO 639-1 code of the language of text, or Undetermined when the
// text is too short or matches no supported language. Only the first 20,000 bytes are read.
func (d *Detector) Detect(text string) string {
	text = text[:min(len(text), 20000)]
	var latin, other int
	scriptCount := make([]int, len(scripts))
	for _, r := range text {
		if r < utf8.RuneSelf {
			if 'a' <= r|0x20 && r|0x20 <= 'z' {
				latin++
			}
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		if r < 0x250 {
			latin++
			continue
		}
		other++
		for i, s := range scripts {
			if unicode.Is(s.table, r) {
				scriptCount[i]++
				break
			}
		}
	}
	if other > latin {
		best, bestN := Undetermined, 0
		for i, n := range scriptCount {
			// Japanese mixes kana with Han: any real share of kana makes it Japanese.
			if scripts[i].lang == "ja" && n*10 > other {
				return "ja"
			}
			if n > bestN {
				best, bestN = scripts[i].lang, n
			}
		}
		return best
	}
	var counts [8]int
	words := 0
	var buf [32]byte // a word longer than d.longest is no function word; only counted
	word := buf[:0]
	long := false
	end := func() {
		if len(word) > 0 || long {
			words++
			if !long {
				for bits, i := d.words[string(word)], 0; bits != 0; bits, i = bits>>1, i+1 {
					if bits&1 != 0 {
						counts[i]++
					}
				}
			}
		}
		word, long = buf[:0], false
	}
	for _, r := range text {
		switch {
		case r < utf8.RuneSelf:
			if r |= 0x20; r < 'a' || r > 'z' {
				end()
				continue
			}
		case unicode.IsLetter(r):
			r = unicode.ToLower(r)
		default:
			end()
			continue
		}
		if long {
			continue
		}
		if len(word)+utf8.RuneLen(r) > d.longest {
			long = true
			continue
		}
		word = utf8.AppendRune(word, r)
	}
	end()
	best, bestN, second := Undetermined, 0, 0
	for i, lang := range latinLanguages {
		switch n := counts[i]; {
		case n > bestN:
			best, bestN, second = lang, n, bestN
		case n > second:
			second = n
		}
	}
	// Require real evidence: enough function words, and a clear lead over the runner-up.
	if bestN < 3 || bestN*10 < words || bestN*4 < second*5 {
		return Undetermined
	}
	return best
}
