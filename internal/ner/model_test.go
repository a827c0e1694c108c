package ner

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"
	"github.com/newspipe/newspipe/internal/sharedtest"
)

// sharedData returns the path of ../shared/data/REL seen from the repository root, or
// skips the test when it is absent.
func sharedData(t testing.TB, rel string) string {
	t.Helper()
	return sharedtest.Path(t, filepath.Join("data", rel))
}

func readDocs(t testing.TB, path string) []CoNLLDoc {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestDefaultLoads loads the embedded model; how long that takes is BenchmarkLoad's
// concern (the goal is under 200 ms).
func TestDefaultLoads(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(m.Types(), []string{"PER", "ORG", "LOC", "MISC"}) {
		t.Errorf("types %v", m.Types())
	}
	if len(embeddedModel) > 20<<20 {
		t.Errorf("embedded model is %d bytes, over 20 MB", len(embeddedModel))
	}
}

func TestDefaultTagsSentences(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []string // "words/TYPE"
	}{
		{"Syrian President Bashar al-Assad is planning a meeting with Kim Jong Un in North Korea .",
			[]string{"Syrian/MISC", "Bashar al-Assad/PER", "Kim Jong Un/PER", "North Korea/LOC"}},
		{"The European Commission said on Thursday it disagreed with German advice .",
			[]string{"European Commission/ORG", "German/MISC"}},
		{"Angela Merkel met Emmanuel Macron in Paris on Monday .",
			[]string{"Angela Merkel/PER", "Emmanuel Macron/PER", "Paris/LOC"}},
		{"Shares of Microsoft rose 3 percent in New York trading .",
			[]string{"Microsoft/ORG", "New York/LOC"}},
	}
	for _, tt := range tests {
		words := strings.Fields(tt.text)
		spans := m.Predict([][]string{words})[0]
		var got []string
		for _, s := range spans {
			got = append(got, strings.Join(words[s.Start:s.End], " ")+"/"+s.Type)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestTypographicPunctuation(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ascii := strings.Fields(`" Syria 's leader met Kim Jong Un -- and Putin 's envoy , " Reuters said .`)
	curly := strings.Fields(`“ Syria ’s leader met Kim Jong Un — and Putin ’s envoy , ” Reuters said .`)
	a, c := m.Predict([][]string{ascii})[0], m.Predict([][]string{curly})[0]
	if !slices.Equal(a, c) || len(a) == 0 {
		t.Errorf("ASCII gives %v, typographic punctuation %v", a, c)
	}
}

func TestWriteLoadRoundTrip(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), embeddedModel) {
		t.Error("writing the loaded model does not give the same bytes")
	}
	if _, err := Load(bytes.NewReader(buf.Bytes()[:buf.Len()/2])); err == nil {
		t.Error("Load accepted a truncated model")
	}
	if _, err := Load(strings.NewReader("not a model")); err == nil {
		t.Error("Load accepted garbage")
	}
}

const tinyCoNLL = `-DOCSTART- -X- O O

John NNP I-NP I-PER
Smith NNP I-NP I-PER
visited VBD I-VP O
Paris NNP I-NP I-LOC
. . O O

-DOCSTART- -X- O O

Mary NNP I-NP I-PER
joined VBD I-VP O
Acme NNP I-NP I-ORG
Corp NNP I-NP I-ORG
in IN I-PP O
London NNP I-NP I-LOC
. . O O
`

func TestTrainTiny(t *testing.T) {
	m, err := Train(strings.NewReader(tinyCoNLL), TrainOptions{Iterations: 5}, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Training data is learnt: the model reproduces it.
	docs, _ := ReadCoNLL(strings.NewReader(tinyCoNLL))
	if f1 := Evaluate(m, docs).Overall.F1(); f1 < 0.99 {
		t.Errorf("F1 on training data %.3f", f1)
	}
	// Deterministic: the same data and options give the same bytes.
	var a, b bytes.Buffer
	m.WriteTo(&a)
	m2, _ := Train(strings.NewReader(tinyCoNLL), TrainOptions{Iterations: 5}, nil)
	m2.WriteTo(&b)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("training is not deterministic")
	}
	ens, err := Train(strings.NewReader(tinyCoNLL), TrainOptions{Iterations: 5, Ensemble: 3}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if f1 := Evaluate(ens, docs).Overall.F1(); f1 < 0.99 {
		t.Errorf("ensemble F1 on training data %.3f", f1)
	}
	if _, err := Train(strings.NewReader("a O\nb O\n"), TrainOptions{}, nil); err == nil {
		t.Error("training without entities succeeded")
	}
}

func TestScore(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred []string
		correct    int
	}{
		{"exact", []string{"I-PER", "I-PER", "O", "I-LOC"}, []string{"I-PER", "I-PER", "O", "I-LOC"}, 2},
		{"boundary", []string{"I-PER", "I-PER", "O"}, []string{"I-PER", "O", "O"}, 0},
		{"type", []string{"I-ORG", "O"}, []string{"I-LOC", "O"}, 0},
		{"iob1 B splits", []string{"I-PER", "B-PER"}, []string{"I-PER", "B-PER"}, 2},
		{"iob1 vs merged", []string{"I-PER", "B-PER"}, []string{"I-PER", "I-PER"}, 0},
		{"bio equals iob1", []string{"I-MISC", "I-MISC", "O"}, []string{"B-MISC", "I-MISC", "O"}, 1},
	}
	for _, tt := range tests {
		var s Score
		s.Add(SpansFromTags(tt.gold), SpansFromTags(tt.pred))
		if s.Overall.Correct != tt.correct {
			t.Errorf("%s: %d correct, want %d", tt.name, s.Overall.Correct, tt.correct)
		}
	}
	// IOB1 writing round-trips through reading.
	spans := []Span{{0, 2, "PER"}, {2, 3, "PER"}, {4, 5, "LOC"}}
	tags := TagsIOB1(spans, 6)
	if want := []string{"I-PER", "I-PER", "B-PER", "O", "I-LOC", "O"}; !slices.Equal(tags, want) {
		t.Errorf("TagsIOB1 = %v, want %v", tags, want)
	}
	if got := SpansFromTags(tags); !slices.Equal(got, spans) {
		t.Errorf("SpansFromTags(TagsIOB1) = %v", got)
	}
}

func TestReadCoNLLErrors(t *testing.T) {
	for _, in := range []string{"word\n", "word POS X-PER\n"} {
		if _, err := ReadCoNLL(strings.NewReader(in)); err == nil {
			t.Errorf("ReadCoNLL(%q) succeeded", in)
		}
	}
}

// TestDevF1 guards the model's quality on CoNLL-2003 dev; it skips without the shared data.
// TestDevF1 checks the shipped model on both dev sets: CoNLL-2003 (Reuters 1996) and
// the dev third of CoNLL++ (Reuters 2020), whose names the training text never had.
func TestDevF1(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file string
		min        float64
	}{
		{"conll2003", "conll2003/dev.txt", 0.92},
		{"reuters2020", "conllpp/dev.txt", 0.80},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Evaluate(m, readDocs(t, sharedData(t, tc.file)))
			t.Logf("dev F1 %.4f (P %.4f R %.4f)", s.Overall.F1(), s.Overall.Precision(), s.Overall.Recall())
			if f1 := s.Overall.F1(); f1 < tc.min {
				t.Errorf("dev F1 %.4f below %.2f", f1, tc.min)
			}
		})
	}
}

func TestFineType(t *testing.T) {
	tests := []struct{ conll, name, want string }{
		{"LOC", "Pyongyang", "GPE"},
		{"LOC", "the United States", "GPE"},
		{"LOC", "Korean Peninsula", "LOC"},
		{"LOC", "Washington DC", "GPE"},
		{"LOC", "U.S.", "GPE"},
		{"LOC", "Montréal", "GPE"},
		{"LOC", "Québec City", "GPE"},
		{"LOC", "São Paulo", "GPE"},
		{"MISC", "Syrian", "NORP"},
		{"MISC", "Syrians", "NORP"},
		{"MISC", "Frenchmen", "NORP"},
		{"MISC", "Arab-Israeli War", "MISC"},
		{"PER", "Kim", "PERSON"},
		{"ORG", "KCNA", "ORG"},
	}
	for _, tt := range tests {
		if got := FineType(tt.conll, tt.name); got != tt.want {
			t.Errorf("FineType(%s, %q) = %s, want %s", tt.conll, tt.name, got, tt.want)
		}
		if got := CoarseType(FineType(tt.conll, tt.name)); got != tt.conll {
			t.Errorf("CoarseType(FineType(%s, %q)) = %s", tt.conll, tt.name, got)
		}
	}
}

func BenchmarkPredict(b *testing.B) {
	docs := readDocs(b, sharedData(b, "conll2003/dev.txt"))
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	var words [][][]string
	tokens := 0
	for _, d := range docs {
		var w [][]string
		for _, s := range d.Sentences {
			w = append(w, s.Words)
			tokens += len(s.Words)
		}
		words = append(words, w)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, d := range words {
			m.Predict(d)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}

// benchText is raw article-like text for the tokeniser benchmarks.
func benchText(b *testing.B) string {
	docs := readDocs(b, sharedData(b, "conll2003/dev.txt"))
	var sb strings.Builder
	for _, d := range docs {
		for _, s := range d.Sentences {
			sb.WriteString(strings.Join(s.Words, " "))
			sb.WriteString(" ")
		}
		sb.WriteString("\n")
	}
	return sb.String()
}

func BenchmarkTokenizeSentences(b *testing.B) {
	text := benchText(b)
	n := len(Tokenize(text))
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		Sentences(text, Tokenize(text))
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkProseTokenizeSegment measures prose's tokeniser and sentence segmenter on the
// same text, for comparison with ours.
func BenchmarkProseTokenizeSegment(b *testing.B) {
	text := benchText(b)
	n := len(Tokenize(text))
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := prose.NewDocument(text, prose.WithTagging(false), prose.WithExtraction(false)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func FuzzLoad(f *testing.F) {
	f.Add([]byte(modelMagic))
	f.Add(embeddedModel[:200])
	f.Add([]byte("garbage"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Load(bytes.NewReader(data))
		if err == nil {
			m.Predict([][]string{{"Kim", "met", "Putin", "."}})
		}
	})
}

func FuzzReadCoNLL(f *testing.F) {
	f.Add(tinyCoNLL)
	f.Add("a B-X\n\nb I-Y\n-DOCSTART-\n")
	f.Fuzz(func(t *testing.T, data string) {
		docs, err := ReadCoNLL(strings.NewReader(data))
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, s := range d.Sentences {
				for _, sp := range SpansFromTags(s.Tags) {
					if sp.Start < 0 || sp.End > len(s.Words) || sp.Start >= sp.End {
						t.Fatalf("bad span %+v", sp)
					}
				}
			}
		}
	})
}

// checkCachedScores checks that the scores Predict computes from its per-word sums
// are those of summing the rows of every feature of every token.
func checkCachedScores(t *testing.T, m *Model, doc [][]string) {
	t.Helper()
	s := m.getScratch()
	defer m.pool.Put(s)
	s.f.scanDocument(doc)
	T := m.nTags
	for si, words := range doc {
		if len(words) == 0 {
			continue
		}
		m.tagSentence(s, si, words)
		got := slices.Clone(s.em[:len(words)*T])
		keys, offsets := s.f.sentenceFeatures(si, words, nil, nil, nil)
		for i := range words {
			acc := make([]int32, T)
			m.addKeys(acc, keys[offsets[i]:offsets[i+1]])
			want := make([]float32, T)
			setScaled(want, acc, m.scale)
			if !slices.Equal(got[i*T:i*T+T], want) {
				t.Fatalf("sentence %d token %d (%q): cached scores %v, summed %v", si, i, words[i], got[i*T:i*T+T], want)
			}
		}
	}
}

// TestCachedScores runs checkCachedScores over the bundled articles, twice so that the
// second pass finds their words cached.
func TestCachedScores(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../../corpus/*.txt")
	if len(files) == 0 {
		t.Fatal("no bundled articles")
	}
	for range 2 {
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			text := string(b)
			var doc [][]string
			for _, sent := range Sentences(text, Tokenize(text)) {
				var words []string
				for _, tok := range sent {
					words = append(words, tok.Text)
				}
				doc = append(doc, words)
			}
			checkCachedScores(t, m, doc)
		}
	}
}

func FuzzPredict(f *testing.F) {
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("Kim Jong-un met Putin in Moscow .\nSYRIA SAYS NO")
	f.Add("")
	f.Add("\xff \u00e9 \u200b")
	f.Fuzz(func(t *testing.T, text string) {
		var doc [][]string
		for _, line := range strings.Split(text, "\n") {
			doc = append(doc, strings.Fields(line))
		}
		checkCachedScores(t, m, doc)
		out := m.Predict(doc)
		for i, spans := range out {
			for _, sp := range spans {
				if sp.Start < 0 || sp.End > len(doc[i]) || sp.Start >= sp.End {
					t.Fatalf("bad span %+v", sp)
				}
			}
		}
	})
}

// repeatedCoNLL has documents that name the same organisation and person more than
// once, which a label stage learns from.
const repeatedCoNLL = `-DOCSTART- -X- O O

Acme NNP I-NP I-ORG
hired VBD I-VP O
Jones NNP I-NP I-PER
. . O O

Jones NNP I-NP I-PER
said VBD I-VP O
Acme NNP I-NP I-ORG
grew VBD I-VP O
. . O O

-DOCSTART- -X- O O

Baylor NNP I-NP I-ORG
beat VBD I-VP O
Texas NNP I-NP I-ORG
. . O O

Coach NNP I-NP O
Smith NNP I-NP I-PER
praised VBD I-VP O
Baylor NNP I-NP I-ORG
. . O O
`

func TestTrainLabelStage(t *testing.T) {
	data := strings.Repeat(tinyCoNLL+repeatedCoNLL, 5)
	opts := TrainOptions{Iterations: 3, LabelStage: true}
	m, err := Train(strings.NewReader(data), opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	if m.second == nil {
		t.Fatal("no label stage")
	}
	docs, _ := ReadCoNLL(strings.NewReader(tinyCoNLL + repeatedCoNLL))
	if f1 := Evaluate(m, docs).Overall.F1(); f1 < 0.99 {
		t.Errorf("F1 on training data %.3f", f1)
	}
	var buf, again bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Train(strings.NewReader(data), opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	m2.WriteTo(&again)
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("training a label stage is not deterministic")
	}
	loaded, err := Load(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if loaded.second == nil {
		t.Fatal("label stage lost in the round trip")
	}
	if a, b := Evaluate(m, docs).Overall, Evaluate(loaded, docs).Overall; a != b {
		t.Errorf("loaded model scores %+v, trained one %+v", b, a)
	}
}

func TestLabelFeatures(t *testing.T) {
	const per, org = 1 + 4*0 + posUnit, 1 + 4*1 + posUnit // one-word tags of types 0 and 1
	doc := [][]string{
		{"Oklahoma", "beat", "Baylor", "."},
		{"Fans", "of", "Baylor", "cheered", "Smith", "."},
		{"Smith", "left", "baylor", "."},
		{"BAYLOR", "WINS"},
		{"Wins", "matter", "."},
		{"Kim", "Jong", "Un", "met", "UN", "envoys", "."},
		{"The", "UN", "said", "."},
	}
	tags := []int{org, 0, org, 0, 0, 0, org, 0, per, 0, per, 0, 0, 0, org, 0, 0, 0, 0,
		per, per, per, 0, org, 0, 0, 0, org, 0, 0}
	tests := []struct {
		name string
		tok  int // index in the document
		want []uint64
	}{
		{"tagged ORG elsewhere, twice", 2, []uint64{mix(fAggType, 1*2+1), mix(mix(fAggTypeTag, 1*2+1), 1)}},
		{"in a heading, tagged ORG in the text", 14, []uint64{mix(fAggType, 1*2+1), mix(mix(fAggTypeTag, 1*2+1), 1)}},
		{"tagged PER elsewhere", 8, []uint64{mix(fAggType, 0*2+1), mix(mix(fAggTypeTag, 0*2+1), 0)}},
		{"at a sentence start, tagged PER elsewhere", 10, []uint64{mix(fAggType, 0*2+1), mix(mix(fAggTypeTag, 0*2+1), 0)}},
		{"capitalised elsewhere, never an entity", 16, []uint64{fAggNone, mix(fAggNone, 8)}},
		{"capitalised once in the document", 4, nil},
		{"a name written in lower case", 12, nil},
		{"a word never capitalised", 1, nil},
		{"a name spelt like an acronym", 21, nil},
		{"an acronym, tagged ORG elsewhere", 23, []uint64{mix(fAggType, 1*2+1), mix(mix(fAggTypeTag, 1*2+1), 1)}},
	}
	f := newFeaturizer(nil, 4, nil, nil)
	f.scanDocument(doc)
	f.countLabels(tags)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := f.labelFeatures(nil, tt.tok, tags[tt.tok])
			if !slices.Equal(got, tt.want) {
				t.Errorf("labelFeatures(%q) = %x, want %x", f.docInfo[tt.tok].lowerStr, got, tt.want)
			}
		})
	}
}

func TestCrossValidate(t *testing.T) {
	docs, err := ReadCoNLL(strings.NewReader(strings.Repeat(tinyCoNLL+repeatedCoNLL, 4)))
	if err != nil {
		t.Fatal(err)
	}
	// Four documents repeated, in three folds: each fold's training part has copies of
	// the documents it scores.
	s, err := CrossValidate(docs, TrainOptions{Iterations: 3}, 3, nil)
	if err != nil {
		t.Fatal(err)
	}
	gold := 0
	for _, d := range docs {
		for _, sent := range d.Sentences {
			gold += len(SpansFromTags(sent.Tags))
		}
	}
	// Every document is scored once, by the model of the fold that left it out.
	if s.Overall.Gold != gold {
		t.Errorf("cross-validation scored %d gold entities, the documents have %d", s.Overall.Gold, gold)
	}
	if f1 := s.Overall.F1(); f1 < 0.9 {
		t.Errorf("cross-validated F1 %.3f on repeated documents", f1)
	}
	for _, folds := range []int{0, 1, len(docs) + 1} {
		if _, err := CrossValidate(docs, TrainOptions{Iterations: 1}, folds, nil); err == nil {
			t.Errorf("%d folds of %d documents: no error", folds, len(docs))
		}
	}
}
