package ner

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
)

// Lexicon categories: what kind of list a phrase is in. A phrase may be in several.
const (
	lexLocation   = iota // places (Wikipedia)
	lexCity              // cities and their other names (GeoNames)
	lexOrg               // organisations (Wikipedia)
	lexCompany           // companies, brands, newspapers, TV networks, websites
	lexInstitute         // government agencies, universities
	lexTeam              // sports teams and leagues
	lexTeamName          // the last word of a team's name ("Sooners" of "Oklahoma Sooners")
	lexEvent             // awards, holidays, recurring events, festivals, products
	lexGivenName         // given names
	lexFamilyName        // family names
	lexTitle             // person titles ("Prince", "Senator")
	nLexCategories
	// lexPrefix marks a phrase that begins a longer one, so that matching goes on.
	lexPrefix = 1 << 15
)

// lexCategoryNames names the categories in the order of their numbers.
var lexCategoryNames = [nLexCategories]string{"location", "city", "organisation", "company",
	"institute", "team", "team-name", "event", "given-name", "family-name", "title"}

// LexiconSource is one list file of a lexicon and the category of its names.
type LexiconSource struct {
	Path     string // relative to the lexicon's directory
	Category string // one of the names in LexiconCategories
}

// LexiconCategories returns the category names a LexiconSource may have.
func LexiconCategories() []string { return lexCategoryNames[:] }

// DefaultLexiconSources are the lists of ../shared/data/gazetteers that the shipped
// model's lexicon is derived from: Wikipedia titles and grobid's lists (Apache-2.0,
// content CC BY-SA and CC BY) and GeoNames (CC BY). The GPL-3.0 Freebase lists are
// not among them; see GPLLexiconSources.
var DefaultLexiconSources = []LexiconSource{
	{"WikiLocations.lst", "location"},
	{"WikiLocationsRedirects.lst", "location"},
	{"cities15000.txt", "city"},
	{"WikiOrganizations.lst", "organisation"},
	{"WikiOrganizationsRedirects.lst", "organisation"},
	{"known_corporations.lst", "company"},
	{"corporations.txt", "company"},
	{"government.government_agency", "institute"},
	{"education.university", "institute"},
	{"names.male", "given-name"},
	{"names.female", "given-name"},
	{"names.family", "family-name"},
	{"VincentNgPeopleTitles.txt", "title"},
}

// GPLLexiconSources are the Freebase dictionaries of ../shared/data/gazetteers/freebase
// (from the twitter_nlp repository, GPL-3.0). A model whose lexicon is derived from
// them carries GPL-3.0 material, so the shipped model leaves them out; they are here
// to measure what they add.
var GPLLexiconSources = []LexiconSource{
	{"freebase/business.brand", "company"},
	{"freebase/book.newspaper", "company"},
	{"freebase/tv.tv_network", "company"},
	{"freebase/internet.website", "company"},
	{"freebase/sports.sports_team", "team"},
	{"freebase/sports.sports_league", "team"},
	{"freebase/award.award", "event"},
	{"freebase/time.holiday", "event"},
	{"freebase/time.recurring_event", "event"},
	{"freebase/base.events.festival_series", "event"},
	{"freebase/business.consumer_product", "event"},
}

// Lexicon is a set of phrases (up to maxGazetteerLen tokens, compared in lower case)
// with the categories of the lists they are in: world knowledge that the training
// data lacks. The zero value is empty.
//
// A phrase is known by 48 bits of its hash: the top 16 choose a bucket, the next 32 are
// kept, in ascending order within the bucket. A million phrases take 6 MB, load without
// building anything but the bucket index, and two phrases share a key with odds of
// about one in 2^48 / n.
type Lexicon struct {
	keys []uint32 // bits 16-47 of the phrase hashes, in bucket order, ascending in each
	vals []uint16 // category bits and lexPrefix
	// bucket b's phrases are keys[at[b]:at[b+1]]; built by index.
	at []uint32
}

// lexBuckets is the number of buckets of a Lexicon: the top lexBucketBits bits of a hash.
const (
	lexBucketBits = 16
	lexBuckets    = 1 << lexBucketBits
)

func lexKey(h uint64) (bucket int, key uint32) {
	return int(h >> (64 - lexBucketBits)), uint32(h >> (48 - 32))
}

// Len returns the number of phrases and phrase prefixes in the lexicon.
func (l *Lexicon) Len() int {
	if l == nil {
		return 0
	}
	return len(l.keys)
}

// lookup returns the value of phrase hash h, or 0.
func (l *Lexicon) lookup(h uint64) uint16 {
	if l == nil || len(l.at) == 0 {
		return 0
	}
	b, k := lexKey(h)
	lo, hi := l.at[b], l.at[b+1]
	for lo < hi {
		mid := (lo + hi) >> 1
		switch x := l.keys[mid]; {
		case x < k:
			lo = mid + 1
		case x > k:
			hi = mid
		default:
			return l.vals[mid]
		}
	}
	return 0
}

// index builds the bucket index from keys and the buckets they were sorted into.
func (l *Lexicon) index(buckets []uint16) {
	l.at = make([]uint32, lexBuckets+1)
	for _, b := range buckets {
		l.at[int(b)+1]++
	}
	for b := 1; b <= lexBuckets; b++ {
		l.at[b] += l.at[b-1]
	}
}

// newLexicon makes a lexicon of the phrase hashes in vals.
func newLexicon(vals map[uint64]uint16) *Lexicon {
	hs := make([]uint64, 0, len(vals))
	for h := range vals {
		hs = append(hs, h)
	}
	slices.Sort(hs)
	l := &Lexicon{}
	var buckets []uint16
	for _, h := range hs {
		b, k := lexKey(h)
		if n := len(l.keys); n > 0 && int(buckets[n-1]) == b && l.keys[n-1] == k {
			l.vals[n-1] |= vals[h] // two phrases with the same 48 bits
			continue
		}
		buckets = append(buckets, uint16(b))
		l.keys = append(l.keys, k)
		l.vals = append(l.vals, vals[h])
	}
	l.index(buckets)
	return l
}

// BuildLexicon reads the list files of sources (one name a line) from dir.
func BuildLexicon(dir string, sources []LexiconSource) (*Lexicon, error) {
	vals := map[uint64]uint16{}
	for _, src := range sources {
		cat := slices.Index(lexCategoryNames[:], src.Category)
		if cat < 0 {
			return nil, fmt.Errorf("lexicon: %s: unknown category %q", src.Path, src.Category)
		}
		if err := addLexiconFile(vals, filepath.Join(dir, src.Path), cat); err != nil {
			return nil, err
		}
	}
	return newLexicon(vals), nil
}

func addLexiconFile(vals map[uint64]uint16, path string, cat int) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\uFEFF"))
		if line == "" {
			continue
		}
		for _, v := range lexiconVariants(line) {
			toks := Tokenize(v)
			if len(toks) == 0 || len(toks) > maxGazetteerLen {
				continue
			}
			addPhrase(vals, toks, cat)
			if cat == lexTeam && len(toks) > 1 {
				last := toks[len(toks)-1].Text
				if unicode.IsUpper(firstRune(last)) && len([]rune(last)) > 2 {
					addPhrase(vals, toks[len(toks)-1:], lexTeamName)
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("lexicon: %s: %w", path, err)
	}
	return nil
}

// lexiconVariants returns a list entry and its shorter forms: without a parenthesised
// qualifier ("Paris (Texas)") and before a comma ("Springfield, Illinois").
func lexiconVariants(line string) []string {
	out := []string{line}
	if i := strings.Index(line, " ("); i > 0 && strings.HasSuffix(line, ")") {
		out = append(out, line[:i])
	}
	if i := strings.Index(line, ", "); i > 0 {
		out = append(out, line[:i])
	}
	return out
}

func addPhrase(vals map[uint64]uint16, toks []Token, cat int) {
	h := uint64(fnvOffset)
	for i, t := range toks {
		h = mix(h, hashString(lower(normalizeToken(t.Text))))
		if i < len(toks)-1 {
			vals[h] |= lexPrefix
		}
	}
	vals[h] |= 1 << cat
}

// markLexicon sets lexMarks for the current sentence: from each token, the longest
// lexicon phrase that starts there marks its tokens with (category, BILOU position),
// and matching goes on after it.
func (f *featurizer) markLexicon(n int) {
	if cap(f.lexMarks) < n {
		f.lexMarks = make([]uint64, n)
	}
	f.lexMarks = f.lexMarks[:n]
	clear(f.lexMarks)
	if f.lex.Len() == 0 {
		return
	}
	for i := 0; i < n; {
		h := uint64(fnvOffset)
		bestLen, bestVal := 0, uint16(0)
		for l := 1; l <= maxGazetteerLen && i+l <= n; l++ {
			h = mix(h, f.info[i+l-1].lower)
			v := f.lex.lookup(h)
			if v&^lexPrefix != 0 {
				bestLen, bestVal = l, v&^lexPrefix
			}
			if v&lexPrefix == 0 {
				break
			}
		}
		if bestLen == 0 {
			i++
			continue
		}
		for c := 0; c < nLexCategories; c++ {
			if bestVal&(1<<c) == 0 {
				continue
			}
			base := uint64(c * 4)
			if bestLen == 1 {
				f.lexMarks[i] |= 1 << (base + 3)
				continue
			}
			f.lexMarks[i] |= 1 << base
			for k := i + 1; k < i+bestLen-1; k++ {
				f.lexMarks[k] |= 1 << (base + 1)
			}
			f.lexMarks[i+bestLen-1] |= 1 << (base + 2)
		}
		i += bestLen
	}
}

// Known is what a model's lexicon says of a name.
type Known struct {
	Place bool // a place of Wikipedia's lists or a GeoNames city
	City  bool // a GeoNames city
	// Organisation: an organisation of Wikipedia's lists, a company, brand, newspaper, TV
	// network, website, agency, university, sports team or league.
	Organisation bool
	PersonName   bool // a given or family name
}

// Lookup returns what the model's lexicon says of name, compared in lower case, token by
// token, as the tagger compares phrases. A model without a lexicon knows nothing.
func (m *Model) Lookup(name string) Known {
	if m == nil || m.lex.Len() == 0 {
		return Known{}
	}
	toks := Tokenize(name)
	if len(toks) == 0 || len(toks) > maxGazetteerLen {
		return Known{}
	}
	h := uint64(fnvOffset)
	for _, t := range toks {
		h = mix(h, hashString(lower(normalizeToken(t.Text))))
	}
	v := m.lex.lookup(h)
	has := func(c int) bool { return v&(1<<c) != 0 }
	return Known{
		Place:        has(lexLocation) || has(lexCity),
		City:         has(lexCity),
		Organisation: has(lexOrg) || has(lexCompany) || has(lexInstitute) || has(lexTeam),
		PersonName:   has(lexGivenName) || has(lexFamilyName),
	}
}
