// Package benchcorpus generates a large, varied corpus of news articles from a few
// template articles, as JSON Lines shards on disk, for throughput and memory benchmarks.
//
// Each generated article is a deterministic variant of a template: its long paragraphs
// are shuffled, capitalised words (names) are swapped for others, numbers, months and
// weekdays are changed and chrome lines are added, so that the corpus is not the same
// bytes over and over while keeping the shape of real pages.
package benchcorpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Kind is the input kind of an article.
type Kind string

// The two input kinds, which are written to separate shards.
const (
	Text Kind = "text"
	HTML Kind = "html"
)

// Template is one article that variants are made from.
type Template struct {
	// Name identifies the template, e.g. its file name.
	Name string
	// Kind says whether Body is raw text or an HTML page.
	Kind Kind
	// Body is the article as input, text or HTML.
	Body string
}

// ErrNoTemplates is returned when a corpus directory holds no usable article.
var ErrNoTemplates = errors.New("no template articles")

// LoadDir reads the templates of a corpus directory: .txt and .text files are text,
// .html and .htm files are HTML, and each line of a .jsonl file with a "text" or "html"
// field is one template. Other files are ignored. Templates come in file-name order.
func LoadDir(dir string) ([]Template, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read corpus %s: %w", dir, err)
	}
	var out []Template
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		path := filepath.Join(dir, e.Name())
		ext := asciiLower(filepath.Ext(e.Name()))
		var kind Kind
		switch ext {
		case ".txt", ".text":
			kind = Text
		case ".html", ".htm":
			kind = HTML
		case ".jsonl":
			ts, err := loadJSONLines(path)
			if err != nil {
				return nil, err
			}
			out = append(out, ts...)
			continue
		default:
			continue
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read template: %w", err)
		}
		if len(bytes.TrimSpace(b)) > 0 {
			out = append(out, Template{Name: e.Name(), Kind: kind, Body: string(b)})
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("corpus %s: %w", dir, ErrNoTemplates)
	}
	return out, nil
}

// loadJSONLines reads the templates of one JSON Lines file; lines that are not objects
// with a text or html field are skipped.
func loadJSONLines(path string) ([]Template, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read template: %w", err)
	}
	var out []Template
	for i, line := range bytes.Split(b, []byte("\n")) {
		var v struct{ Text, HTML string }
		if json.Unmarshal(line, &v) != nil {
			continue
		}
		name := fmt.Sprintf("%s:%d", filepath.Base(path), i+1)
		switch {
		case strings.TrimSpace(v.Text) != "":
			out = append(out, Template{Name: name, Kind: Text, Body: v.Text})
		case strings.TrimSpace(v.HTML) != "":
			out = append(out, Template{Name: name, Kind: HTML, Body: v.HTML})
		}
	}
	return out, nil
}

// DefaultShardSize is the size a shard grows to before the next one is started.
const DefaultShardSize = 16 << 20

// Options configure a generated corpus.
type Options struct {
	// Size is the total size in bytes of the shards of both kinds; each kind present
	// among the templates gets an equal share.
	Size int64
	// ShardSize is the size a shard grows to before the next is started; 0 means
	// DefaultShardSize.
	ShardSize int64
	// Seed makes the corpus: the same templates, options and seed give the same bytes.
	Seed uint64
	// Sites is the number of distinct URL hosts the articles are spread over; 0 means 64.
	Sites int
}

// Set describes the shards of one kind.
type Set struct {
	// Files are the shard paths, in order.
	Files []string `json:"files"`
	// Docs is the number of articles.
	Docs int `json:"docs"`
	// Bytes is the size of the shards on disk.
	Bytes int64 `json:"bytes"`
	// RawBytes is the size of the articles themselves, without the JSON around them.
	RawBytes int64 `json:"raw_bytes"`
}

// Corpus describes a generated corpus.
type Corpus struct {
	Options Options `json:"options"`
	Text    Set     `json:"text"`
	HTML    Set     `json:"html"`
}

// line is one JSON Lines record of a shard, in the form that newspipe reads.
type line struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Published string `json:"published,omitempty"`
	Text      string `json:"text,omitempty"`
	HTML      string `json:"html,omitempty"`
}

// Write generates the corpus into dir as text-NNNN.jsonl and html-NNNN.jsonl shards,
// streaming each article to disk as it is made.
func Write(dir string, templates []Template, opt Options) (*Corpus, error) {
	if opt.ShardSize <= 0 {
		opt.ShardSize = DefaultShardSize
	}
	if opt.Sites <= 0 {
		opt.Sites = 64
	}
	byKind := map[Kind][]Template{}
	for _, t := range templates {
		byKind[t.Kind] = append(byKind[t.Kind], t)
	}
	kinds := 0
	for _, k := range []Kind{Text, HTML} {
		if len(byKind[k]) > 0 {
			kinds++
		}
	}
	if kinds == 0 {
		return nil, ErrNoTemplates
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create corpus dir: %w", err)
	}
	c := &Corpus{Options: opt}
	for _, k := range []Kind{Text, HTML} {
		if len(byKind[k]) == 0 {
			continue
		}
		set := &c.Text
		if k == HTML {
			set = &c.HTML
		}
		if err := writeKind(dir, k, byKind[k], opt, opt.Size/int64(kinds), set); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// writeKind writes the shards of one kind until they hold target bytes.
func writeKind(dir string, kind Kind, templates []Template, opt Options, target int64, set *Set) error {
	var (
		f     *os.File
		w     *bufio.Writer
		shard int64
		buf   bytes.Buffer
	)
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // HTML stays readable and the shards are not inflated by \u003c
	closeShard := func() error {
		if f == nil {
			return nil
		}
		err := w.Flush()
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		f = nil
		if err != nil {
			return fmt.Errorf("write shard: %w", err)
		}
		return nil
	}
	for i := 0; set.Bytes < target; i++ {
		if f == nil || shard >= opt.ShardSize {
			if err := closeShard(); err != nil {
				return err
			}
			path := filepath.Join(dir, fmt.Sprintf("%s-%04d.jsonl", kind, len(set.Files)))
			var err error
			if f, err = os.Create(path); err != nil {
				return fmt.Errorf("create shard: %w", err)
			}
			w = bufio.NewWriterSize(f, 1<<20)
			set.Files = append(set.Files, path)
			shard = 0
		}
		t := templates[i%len(templates)]
		rng := rand.New(rand.NewPCG(opt.Seed, uint64(i)<<1|kindBit(kind)))
		body := Vary(t, rng)
		rec := line{
			ID:  fmt.Sprintf("%s-%07d", kind, i),
			URL: fmt.Sprintf("https://news%02d.example/%s/%07d", rng.IntN(opt.Sites), kind, i),
		}
		if rng.IntN(2) == 0 {
			rec.Published = fmt.Sprintf("%d-%02d-%02d", 2015+rng.IntN(11), 1+rng.IntN(12), 1+rng.IntN(28))
		}
		if kind == HTML {
			rec.HTML = body
		} else {
			rec.Text = body
		}
		buf.Reset()
		if err := enc.Encode(rec); err != nil {
			closeShard()
			return fmt.Errorf("encode article %s: %w", rec.ID, err)
		}
		if _, err := w.Write(buf.Bytes()); err != nil {
			closeShard()
			return fmt.Errorf("write shard: %w", err)
		}
		shard += int64(buf.Len())
		set.Bytes += int64(buf.Len())
		set.RawBytes += int64(len(body))
		set.Docs++
	}
	return closeShard()
}

func kindBit(k Kind) uint64 {
	if k == HTML {
		return 1
	}
	return 0
}

// Vary returns a variant of the template made with rng: shuffled paragraphs, swapped
// names, changed numbers, months and weekdays, and a few extra chrome lines.
func Vary(t Template, rng *rand.Rand) string {
	v := newVariation(rng)
	if t.Kind == HTML {
		page := shuffleHTMLParagraphs(t.Body, rng)
		page = rewriteHTMLText(page, v.words)
		return insertHTMLChrome(page, v, rng)
	}
	lines := strings.Split(t.Body, "\n")
	shuffleLongLines(lines, rng)
	text := v.words(strings.Join(lines, "\n"))
	return insertTextChrome(text, v, rng)
}

// shuffleLongLines permutes the lines that look like paragraphs among their own
// positions, so that short chrome lines stay where the page had them.
func shuffleLongLines(lines []string, rng *rand.Rand) {
	var at []int
	for i, l := range lines {
		if len(l) >= 100 {
			at = append(at, i)
		}
	}
	permute(lines, at, rng)
}

// permute shuffles the elements of s at the positions at among themselves.
func permute(s []string, at []int, rng *rand.Rand) {
	for i := len(at) - 1; i > 0; i-- {
		j := rng.IntN(i + 1)
		s[at[i]], s[at[j]] = s[at[j]], s[at[i]]
	}
}

// shuffleHTMLParagraphs permutes the contents of the long <p> elements of a page among
// themselves.
func shuffleHTMLParagraphs(page string, rng *rand.Rand) string {
	lower := asciiLower(page)
	type span struct{ start, end int } // the inner HTML of one <p>
	var spans []span
	for i := 0; ; {
		j := strings.Index(lower[i:], "<p")
		if j < 0 {
			break
		}
		j += i
		if j+2 >= len(lower) || (lower[j+2] != '>' && lower[j+2] != ' ') {
			i = j + 2
			continue
		}
		gt := strings.IndexByte(lower[j:], '>')
		if gt < 0 {
			break
		}
		start := j + gt + 1
		end := strings.Index(lower[start:], "</p>")
		if end < 0 {
			break
		}
		end += start
		if inner := lower[start:end]; end-start >= 100 && !strings.Contains(inner, "<p") {
			spans = append(spans, span{start, end})
		}
		i = end + 4
	}
	if len(spans) < 2 {
		return page
	}
	inners := make([]string, len(spans))
	at := make([]int, len(spans))
	for i, s := range spans {
		inners[i], at[i] = page[s.start:s.end], i
	}
	permute(inners, at, rng)
	var b strings.Builder
	b.Grow(len(page))
	prev := 0
	for i, s := range spans {
		b.WriteString(page[prev:s.start])
		b.WriteString(inners[i])
		prev = s.end
	}
	b.WriteString(page[prev:])
	return b.String()
}

// rewriteHTMLText applies f to the text between the tags of a page, leaving tags,
// comments, character references and the contents of script and style elements as
// they are.
func rewriteHTMLText(page string, f func(string) string) string {
	var b strings.Builder
	b.Grow(len(page) + len(page)/16)
	text := 0 // start of the pending text run
	i := 0
	flush := func(end int) {
		b.WriteString(f(page[text:end]))
	}
	for i < len(page) {
		switch page[i] {
		case '<':
			flush(i)
			end := tagEnd(page, i)
			b.WriteString(page[i:end])
			i, text = end, end
		case '&':
			flush(i)
			end := i + 1
			for end < len(page) && end-i <= 10 && page[end] != ';' && page[end] != '<' && page[end] != '&' && page[end] != ' ' {
				end++
			}
			if end < len(page) && page[end] == ';' {
				end++
			}
			b.WriteString(page[i:end])
			i, text = end, end
		default:
			i++
		}
	}
	flush(len(page))
	return b.String()
}

// tagEnd returns the end of the markup that starts at page[i] == '<': a comment, a
// script or style element with its contents, or one tag.
func tagEnd(page string, i int) int {
	rest := page[i:]
	if strings.HasPrefix(rest, "<!--") {
		if j := strings.Index(rest[4:], "-->"); j >= 0 {
			return i + 4 + j + 3
		}
		return len(page)
	}
	for _, name := range []string{"script", "style"} {
		if len(rest) > len(name)+1 && strings.EqualFold(rest[1:1+len(name)], name) {
			c := rest[1+len(name)]
			if c == '>' || c == ' ' || c == '\t' || c == '\n' {
				if j := strings.Index(asciiLower(rest), "</"+name); j >= 0 {
					if k := strings.IndexByte(rest[j:], '>'); k >= 0 {
						return i + j + k + 1
					}
				}
				return len(page)
			}
		}
	}
	if j := strings.IndexByte(rest, '>'); j >= 0 {
		return i + j + 1
	}
	return len(page)
}

// Names that capitalised words are swapped for: fictional, of several origins.
var names = []string{
	"Abara", "Lindqvist", "Moreau", "Okafor", "Petrov", "Quintero", "Sato", "Tanaka",
	"Ulrich", "Varga", "Weller", "Xu", "Yilmaz", "Zoric", "Brennan", "Castillo",
	"Dimitriou", "Eriksen", "Fontaine", "Gallagher", "Haddad", "Iwu", "Jansen", "Kowalski",
	"Amara", "Bruno", "Chiara", "Dmitri", "Elif", "Farah", "Gustav", "Hana",
	"Ingrid", "Joaquin", "Keiko", "Lorenzo", "Maren", "Nadia", "Oskar", "Priya",
	"Ashford", "Belmont", "Carrow", "Dunmore", "Easton", "Fairhaven", "Glenrock", "Holloway",
}

var (
	months   = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)

// Generic chrome lines, with %s filled from names; never tied to one site.
var chrome = []string{
	"Advertisement",
	"Share on Facebook",
	"Share on X",
	"Sign up for the %s newsletter",
	"Read more: %s responds to critics",
	"Photo: %s %s/Reuters",
	"%s %s | Staff Writer",
	"Subscribe to continue reading",
	"Most read",
	"Log in to comment",
}

// variation holds the choices of one variant, so that a name is swapped for the same
// name throughout the article.
type variation struct {
	rng       *rand.Rand
	swap      map[string]string
	yearShift int
	month     int
	weekday   int
}

func newVariation(rng *rand.Rand) *variation {
	return &variation{
		rng:       rng,
		swap:      map[string]string{},
		yearShift: rng.IntN(9) - 5,
		month:     rng.IntN(12),
		weekday:   rng.IntN(7),
	}
}

// words rewrites the words and numbers of a piece of text.
func (v *variation) words(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case isDigit(c):
			j := i
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			b.WriteString(v.number(s[i:j]))
			i = j
		case isLetter(c):
			j := i
			for j < len(s) && isLetter(s[j]) {
				j++
			}
			b.WriteString(v.word(s[i:j]))
			i = j
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// word swaps a capitalised word: months and weekdays for others of their kind, and a
// share of other names for names from the list, consistently within the article.
func (v *variation) word(w string) string {
	if len(w) < 3 || w[0] < 'A' || w[0] > 'Z' || strings.ToUpper(w) == w {
		return w
	}
	if i := index(months, w); i >= 0 {
		return months[(i+v.month)%12]
	}
	if i := index(weekdays, w); i >= 0 {
		return weekdays[(i+v.weekday)%7]
	}
	if r, ok := v.swap[w]; ok {
		return r
	}
	r := w
	if v.rng.IntN(5) < 2 {
		r = names[v.rng.IntN(len(names))]
	}
	v.swap[w] = r
	return r
}

func index(list []string, w string) int {
	for i, s := range list {
		if s == w {
			return i
		}
	}
	return -1
}

// number changes a run of digits: years move by the variant's shift, day-sized numbers
// stay day-sized, and others get random digits of the same length.
func (v *variation) number(d string) string {
	switch {
	case len(d) == 4 && (d[:2] == "19" || d[:2] == "20"):
		y := 0
		for _, c := range []byte(d) {
			y = y*10 + int(c-'0')
		}
		return fmt.Sprint(y + v.yearShift)
	case len(d) <= 2:
		return fmt.Sprint(1 + v.rng.IntN(28))
	}
	b := []byte(d)
	for i := range b {
		b[i] = byte('0' + v.rng.IntN(10))
	}
	if b[0] == '0' && d[0] != '0' {
		b[0] = byte('1' + v.rng.IntN(9))
	}
	return string(b)
}

// chromeLine returns one generic chrome line.
func (v *variation) chromeLine() string {
	c := chrome[v.rng.IntN(len(chrome))]
	args := make([]any, strings.Count(c, "%s"))
	for i := range args {
		args[i] = names[v.rng.IntN(len(names))]
	}
	return fmt.Sprintf(c, args...)
}

// insertTextChrome adds up to four chrome lines between the lines of a text.
func insertTextChrome(text string, v *variation, rng *rand.Rand) string {
	lines := strings.Split(text, "\n")
	for n := rng.IntN(5); n > 0; n-- {
		at := rng.IntN(len(lines) + 1)
		lines = append(lines[:at], append([]string{v.chromeLine()}, lines[at:]...)...)
	}
	return strings.Join(lines, "\n")
}

// insertHTMLChrome adds up to four chrome blocks after paragraphs of a page, or before
// its end when it has no paragraph.
func insertHTMLChrome(page string, v *variation, rng *rand.Rand) string {
	var ends []int
	lower := asciiLower(page)
	for i := 0; ; {
		j := strings.Index(lower[i:], "</p>")
		if j < 0 {
			break
		}
		i += j + 4
		ends = append(ends, i)
	}
	if len(ends) == 0 {
		ends = append(ends, len(page))
		if j := strings.LastIndex(lower, "</body>"); j >= 0 {
			ends[0] = j
		}
	}
	n := rng.IntN(5)
	at := make([]int, n)
	blocks := make([]string, n)
	for i := range at {
		at[i] = ends[rng.IntN(len(ends))]
		blocks[i] = `<div class="promo">` + v.chromeLine() + "</div>"
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return at[order[a]] < at[order[b]] })
	var b strings.Builder
	b.Grow(len(page) + 64*n)
	prev := 0
	for _, i := range order {
		b.WriteString(page[prev:at[i]])
		b.WriteString(blocks[i])
		prev = at[i]
	}
	b.WriteString(page[prev:])
	return b.String()
}

// ManifestName is the file in a corpus directory that describes the corpus.
const ManifestName = "manifest.json"

// Save writes the description of the corpus into dir, so that a later run can reuse it.
func (c *Corpus) Save(dir string) error {
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return fmt.Errorf("encode manifest: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, ManifestName), b, 0o644); err != nil {
		return fmt.Errorf("write manifest: %w", err)
	}
	return nil
}

// Open reads the description of a corpus written earlier into dir and checks that its
// shards are still there with their sizes.
func Open(dir string) (*Corpus, error) {
	b, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		return nil, fmt.Errorf("open corpus: %w", err)
	}
	var c Corpus
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("open corpus %s: %w", dir, err)
	}
	for _, s := range []Set{c.Text, c.HTML} {
		var n int64
		for _, f := range s.Files {
			info, err := os.Stat(f)
			if err != nil {
				return nil, fmt.Errorf("open corpus: %w", err)
			}
			n += info.Size()
		}
		if n != s.Bytes {
			return nil, fmt.Errorf("open corpus %s: shards hold %d bytes, manifest says %d", dir, n, s.Bytes)
		}
	}
	return &c, nil
}

// asciiLower lower-cases ASCII letters only, so that byte offsets in the result are
// those of s even when s is not valid UTF-8 (strings.ToLower would replace bad bytes).
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
