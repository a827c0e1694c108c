// Package credentials knows the degrees, licences and fellowships that bylines write
// after a person's name ("Jillian Kubala, MS, RD", "Genevieve Carlton, Ph.D."): they stay
// with the name, as the page shows it, and are no author of their own.
package credentials

import "strings"

// known are the credentials, lower-case, without full stops or hyphens.
var known = map[string]bool{
	"md": true, "do": true, "phd": true, "psyd": true, "edd": true, "drph": true, "pharmd": true,
	"dds": true, "dmd": true, "dvm": true, "vmd": true, "jd": true, "llm": true,
	"ms": true, "msc": true, "ma": true, "mba": true, "mph": true, "msn": true, "mfa": true, "med": true,
	"ba": true, "bs": true, "bsc": true, "bsn": true, "rn": true, "np": true, "aprn": true, "pac": true,
	"rd": true, "rdn": true, "ld": true, "ldn": true, "cde": true, "cdces": true, "cns": true, "ibclc": true,
	"lcsw": true, "lmft": true, "lpc": true, "cpt": true, "cscs": true, "cfp": true, "cpa": true, "cfa": true,
	"chfc": true, "clu": true, "cpp": true, "psp": true, "pmp": true, "lvt": true, "cvt": true, "rvt": true,
	"facp": true, "facs": true, "faap": true, "facog": true, "faan": true, "fand": true, "faclm": true,
	"foma": true, "dabom": true, "dacvb": true, "dacvim": true, "abom": true, "frcp": true, "frcs": true,
}

// marks are the signs a credential may carry after it: a registered title's ("CFP®")
// and a footnote's ("MD*", "MD†").
var marks = []string{"®", "*", "†", "‡"}

// Known reports one credential written with at least two capitals ("RD", "Ph.D.",
// "PA-C"), not a word that only shares its letters ("Do", "Med"), maybe with a mark
// after it ("CFP®", "MD*").
func Known(w string) bool {
	for _, m := range marks {
		if len(w) > len(m) && strings.HasSuffix(w, m) {
			w = w[:len(w)-len(m)]
			break
		}
	}
	var buf [8]byte
	key, capitals := buf[:0], 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.' || c == '-':
		case 'A' <= c && c <= 'Z':
			capitals++
			key = append(key, c+'a'-'A')
		case 'a' <= c && c <= 'z':
			key = append(key, c)
		default:
			return false
		}
		if len(key) == cap(key) {
			return false
		}
	}
	return capitals >= 2 && known[string(key)]
}

// Only reports a text of one to three credentials separated by spaces ("MS", "M.D.
// FACLM"): the part of an author list after a comma that belongs to the name before.
func Only(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		if !Known(w) {
			return false
		}
	}
	return true
}

// Attach adds part to the last of names as that name's credentials ("Jillian Kubala" and
// "MS" give "Jillian Kubala, MS") when part is only credentials, and reports whether it did.
func Attach(names []string, part string) bool {
	if len(names) == 0 || !Only(part) {
		return false
	}
	names[len(names)-1] += ", " + strings.TrimSpace(part)
	return true
}

// Trim returns name without the credentials after it ("Jillian Kubala, MS, RD" gives
// "Jillian Kubala"), or name as it is when what follows its first comma is not only
// credentials.
func Trim(name string) string {
	i := strings.Index(name, ", ")
	if i <= 0 {
		return name
	}
	for rest := name[i+2:]; rest != ""; {
		part, more, _ := strings.Cut(rest, ", ")
		if !Only(part) {
			return name
		}
		rest = more
	}
	return name[:i]
}
