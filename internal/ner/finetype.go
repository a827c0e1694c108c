package ner

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

var (
	//go:embed data/gpe.txt
	gpeList string
	//go:embed data/norp.txt
	norpList string
	//go:embed data/media.txt
	mediaList string
)

// lists holds the parsed curated lists; built once, read-only afterwards.
var lists = sync.OnceValue(func() [3]map[string]bool {
	return [3]map[string]bool{parseList(gpeList), parseList(norpList), parseList(mediaList)}
})

func parseList(s string) map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		m[listKey(line)] = true
	}
	return m
}

// listKey normalises a name for the curated lists: lower case, curly apostrophes
// straightened, periods and commas dropped ("U.S." is "US", "Washington, D.C." is
// "Washington DC"), a leading "the" dropped.
func listKey(s string) string {
	return string(appendListKey(nil, s))
}

// appendListKey appends listKey(s) to dst; ASCII names, nearly all of them, take a
// short path that does not allocate.
func appendListKey(dst []byte, s string) []byte {
	start := len(dst)
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return append(dst[:start], slowListKey(s)...)
		case c == '.' || c == ',':
			continue
		case c == ' ' || '\t' <= c && c <= '\r':
			space = len(dst) > start
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		dst = append(dst, c)
	}
	if k := dst[start:]; len(k) > 4 && string(k[:4]) == "the " {
		dst = append(dst[:start], k[4:]...)
	}
	return dst
}

// slowListKey is listKey for any text.
func slowListKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = foldMarks(s)
	s = listReplacer.Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimPrefix(s, "the ")
	return s
}

// foldMarks removes diacritics, so that "Montréal" and "Québec City" find "Montreal" and
// "Quebec City" in the lists.
func foldMarks(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	return norm.NFC.String(strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, norm.NFD.String(s)))
}

var listReplacer = strings.NewReplacer("’", "'", ".", "", ",", "")

// IsGPE reports whether name is a country, state, province, city or other
// geo-political entity of the curated list.
func IsGPE(name string) bool {
	var buf [64]byte
	return lists()[0][string(appendListKey(buf[:0], name))]
}

// IsNewsOrg reports whether name is a news organisation of the curated list: a
// newspaper, magazine, agency, broadcaster or news site.
func IsNewsOrg(name string) bool {
	var buf [64]byte
	return lists()[2][string(appendListKey(buf[:0], name))]
}

// IsNORP reports whether name is a nationality, religious or political group of the
// curated list, in the singular or plural ("Syrian", "Syrians", "Frenchmen").
func IsNORP(name string) bool {
	norp := lists()[1]
	k := listKey(name)
	if norp[k] {
		return true
	}
	if strings.HasSuffix(k, "men") && norp[k[:len(k)-3]+"man"] {
		return true
	}
	if strings.HasSuffix(k, "es") && norp[k[:len(k)-2]] {
		return true
	}
	return strings.HasSuffix(k, "s") && norp[k[:len(k)-1]]
}

// FineType maps a CoNLL type (PER, ORG, LOC, MISC) and the entity's name to the output
// types: PERSON, ORG, GPE (places of the curated list), LOC, NORP (groups of the curated
// list) and MISC.
func FineType(conllType, name string) string {
	switch conllType {
	case "PER":
		return "PERSON"
	case "LOC":
		if IsGPE(name) {
			return "GPE"
		}
		return "LOC"
	case "MISC":
		if IsNORP(name) {
			return "NORP"
		}
		return "MISC"
	}
	return conllType
}

// CoarseType maps an output type back to CoNLL's: GPE to LOC, NORP to MISC, PERSON to PER.
func CoarseType(t string) string {
	switch t {
	case "PERSON":
		return "PER"
	case "GPE":
		return "LOC"
	case "NORP":
		return "MISC"
	}
	return t
}
