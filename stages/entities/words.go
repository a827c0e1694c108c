package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
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

// anyIn reports whether a word, lower-cased, is in set.
func anyIn(words []string, set map[string]bool) bool {
	for _, w := range words {
		if set[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

func isAlpha(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
