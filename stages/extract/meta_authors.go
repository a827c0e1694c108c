package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/newspipe/newspipe/internal/credentials"
)

var (
	byPrefix   = regexp.MustCompile(`(?i)^\s*(written\s+)?by[:\s]+`)
	authorSep  = regexp.MustCompile(`\s*(?:,|;|\band\b|&|\|)\s*`)
	roleWord   = regexp.MustCompile(`(?i)\b(writer|reporter|correspondent|editor|contributor|columnist)s?\b`)
	urlLike    = regexp.MustCompile(`(?i)^(https?://|www\.)|\.(com|org|net)(/|$)|@`)
	roleSuffix = regexp.MustCompile(`(?i)\s*[,\-–—]\s*(staff writer|reporter|correspondent|editor|contributor).*$`)
)

// The words roleSuffix and roleWord need, one of them in any case: texts without any are
// not run through them (see mayHoldWord).
var (
	roleSuffixWords = []string{"writer", "reporter", "correspondent", "editor", "contributor"}
	roleWords       = []string{"writer", "reporter", "correspondent", "editor", "contributor", "columnist"}
)

// mayHoldWord is a cheap test that a case-insensitive regular expression needing one of
// the lower-case ASCII words may match s: an ASCII text holds one of them in any case; a
// text with other letters, which may fold to ASCII ones ("ſ" to "s"), is left to the
// expression. Every word opens with a small letter.
func mayHoldWord(s string, words []string) bool {
	var first uint32 // the words' first letters
	for _, w := range words {
		first |= 1 << (w[0] - 'a')
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
		c := s[i] | 0x20 - 'a' // a letter's place in the alphabet; no other byte is below 26
		if c >= 26 || first&(1<<c) == 0 {
			continue
		}
		for _, w := range words {
			if s[i]|0x20 == w[0] && hasPrefixFold(s[i:], w) {
				return true
			}
		}
	}
	return false
}

// genericLogins are the logins of a site's tools and roles, never of a person.
var genericLogins = map[string]bool{
	"admin": true, "administrator": true, "editor": true, "editors": true, "user": true, "guest": true,
	"webmaster": true, "root": true, "staff": true, "author": true, "wordpress": true, "support": true,
	"team": true, "info": true, "contact": true, "null": true, "undefined": true, "anonymous": true,
	"unknown": true, "system": true, "superuser": true, "publisher": true, "newsroom": true, "marketing": true,
}

// splitAuthors turns an author field into cleaned names: no "By ", no URLs or
// handles, one name per entry.
func splitAuthors(s string) []string {
	s = collapse(html.UnescapeString(s))
	s = trimByPrefix(s)
	if mayHoldWord(s, roleSuffixWords) {
		s = roleSuffix.ReplaceAllString(s, "")
	}
	var out []string
	parts, seps := []string{s}, []string{""}
	if strings.ContainsAny(s, ",;&|") || hasWordAnd(s) {
		parts, seps = splitAtSeparators(s)
	}
	for i, part := range parts {
		// "Jillian Kubala, MS, RD": the credentials after a comma stay with the name, as
		// the byline shows them.
		if seps[i] == "," && credentials.Attach(out, part) {
			continue
		}
		part = strings.Trim(part, " .:-–—")
		part = trimByPrefix(part)
		if part == "" || strings.ContainsAny(part, ".:@") && isURLLike(part) ||
			mayHoldWord(part, roleWords) && hasRoleWord(part) || strings.ContainsAny(part, "=<>\"{}") {
			continue
		}
		// A generic login ("admin", "editor") or an account number ("mdelatorreq6vkpg2")
		// is no name; a person's login ("aawoods") is the name the site gives its author
		// when it has no other.
		if !strings.Contains(part, " ") && strings.ToLower(part) == part &&
			(genericLogins[part] || utf8.RuneCountInString(part) < 3 || strings.ContainsAny(part, "0123456789")) {
			continue
		}
		// "Jane Roe, Dietitian": a one-word part after a name is a role, but after "&"
		// or "and", which join names, it is a given name ("Maria & Katerina") unless it
		// is credentials ("Jane Roe & MD").
		joined := (seps[i] == "&" || strings.EqualFold(seps[i], "and")) && !credentials.Only(part)
		if i > 0 && len(out) > 0 && !strings.Contains(part, " ") && !joined {
			continue
		}
		// Long strings are sentences or blurbs, not names.
		if fieldCount(part, 6) > 5 || utf8.RuneCountInString(part) > 60 {
			continue
		}
		out = append(out, part)
	}
	return out
}

// splitAtSeparators splits s where authorSep matches, and returns for every part the
// separator that led it, without spaces ("" for the first).
func splitAtSeparators(s string) (parts, seps []string) {
	start, sep := 0, ""
	for _, m := range authorSep.FindAllStringIndex(s, -1) {
		parts, seps = append(parts, s[start:m[0]]), append(seps, sep)
		sep = strings.TrimSpace(s[m[0]:m[1]])
		start = m[1]
	}
	return append(parts, s[start:]), append(seps, sep)
}

// isURLLike is urlLike.MatchString(s), without the expression for an ASCII text.
func isURLLike(s string) bool {
	if !isASCII(s) {
		return urlLike.MatchString(s)
	}
	if strings.IndexByte(s, '@') >= 0 || prefixFold(s, "http://") || prefixFold(s, "https://") || prefixFold(s, "www.") {
		return true
	}
	for i := strings.IndexByte(s, '.'); i >= 0; i = nextByte(s, '.', i) {
		for _, tld := range []string{".com", ".org", ".net"} {
			if prefixFold(s[i:], tld) && (i+4 == len(s) || s[i+4] == '/') {
				return true
			}
		}
	}
	return false
}

// prefixFold reports whether s opens with w in any case (hasPrefixFold wants a word of
// letters).
func prefixFold(s, w string) bool { return len(s) >= len(w) && strings.EqualFold(s[:len(w)], w) }

// nextByte is the offset of the next c in s after offset i, or -1.
func nextByte(s string, c byte, i int) int {
	if k := strings.IndexByte(s[i+1:], c); k >= 0 {
		return i + 1 + k
	}
	return -1
}

// hasRoleWord is roleWord.MatchString(s), without the expression for an ASCII text: a
// role's word, maybe in the plural, standing as a word of its own.
func hasRoleWord(s string) bool {
	if !isASCII(s) {
		return roleWord.MatchString(s)
	}
	for i := 0; i < len(s); i++ {
		if i > 0 && isWordByte(s[i-1]) {
			continue
		}
		for _, w := range roleWords {
			if !hasPrefixFold(s[i:], w) {
				continue
			}
			j := i + len(w)
			if j == len(s) || !isWordByte(s[j]) || s[j]|0x20 == 's' && (j+1 == len(s) || !isWordByte(s[j+1])) {
				return true
			}
		}
	}
	return false
}

// hasWordAnd reports an "and" that authorSep splits at: a word of its own (\b on both
// sides, ASCII word characters), not the letters of "Andrew" or "Sandra".
func hasWordAnd(s string) bool {
	for i := 0; ; {
		k := strings.Index(s[i:], "and")
		if k < 0 {
			return false
		}
		k += i
		if (k == 0 || !isWordByte(s[k-1])) && (k+3 == len(s) || !isWordByte(s[k+3])) {
			return true
		}
		i = k + 1
	}
}

// isWordByte reports an ASCII word character (\w).
func isWordByte(c byte) bool { return isLetter(c) || isDigit(c) || c == '_' }

// trimByPrefix is byPrefix.ReplaceAllString(s, ""), without the expression (and its
// copy of s) for a text that opens with neither of its words, "by" and "written", in any
// case: their letters fold to no other, so the test is exact.
func trimByPrefix(s string) string {
	t := strings.TrimLeft(s, "\t\n\f\r ")
	if !hasPrefixFold(t, "by") && !hasPrefixFold(t, "written") {
		return s
	}
	return byPrefix.ReplaceAllString(s, "")
}

// fieldCount is len(strings.Fields(s)), counted no further than max.
func fieldCount(s string, max int) int {
	n, inField := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			inField = false
		} else if !inField {
			inField = true
			if n++; n >= max {
				return n
			}
		}
	}
	return n
}

// appendName adds name to list unless it is already there.
func appendName(list []string, name string) []string {
	for _, have := range list {
		if strings.EqualFold(have, name) {
			return list
		}
	}
	return append(list, name)
}
