package benchcorpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var testTemplates = []Template{
	{Name: "a.txt", Kind: Text, Body: "Daily Planet\nAdvertisement\nMayor Elena Vasquez said on Tuesday that the city would spend $412 million in 2024, up from the year before, on roads and schools.\nVasquez told reporters in March that the council had agreed after seven hours of debate and 3 votes on the budget.\nShare on Facebook\nThe police and fire departments were spared from cuts, Councilwoman Ruth Kline said in a statement published on Wednesday night.\n© 2024 Daily Planet"},
	{Name: "b.html", Kind: HTML, Body: `<!DOCTYPE html><html><head><title>Budget deal</title><script>var x = "Vasquez 2024";</script><style>p{margin:0}</style></head><body><nav>Home &amp; News</nav>
<article><h1>Council approves budget</h1><p>Mayor Elena Vasquez said on Tuesday that the city would spend $412 million in 2024 on roads, schools and libraries across Riverton.</p>
<p>Vasquez told reporters in March that the council had agreed after seven hours of debate, with Robert Kline casting the deciding vote&#8217;s.</p>
<p>The police and fire departments were spared from cuts, Councilwoman Ruth Kline said in a statement published on Wednesday night.</p></article>
<!-- Kline 1999 --><footer>© 2024</footer></body></html>`},
}

func generate(t *testing.T, opt Options) (*Corpus, string) {
	t.Helper()
	dir := t.TempDir()
	c, err := Write(dir, testTemplates, opt)
	if err != nil {
		t.Fatal(err)
	}
	return c, dir
}

// readShards returns the concatenated bytes of a set's shards.
func readShards(t *testing.T, s Set) []byte {
	t.Helper()
	var all []byte
	for _, f := range s.Files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, b...)
	}
	return all
}

func TestWriteIsDeterministic(t *testing.T) {
	opt := Options{Size: 200 << 10, ShardSize: 32 << 10, Seed: 7}
	c1, _ := generate(t, opt)
	c2, _ := generate(t, opt)
	for _, k := range []struct {
		name   string
		s1, s2 Set
	}{{"text", c1.Text, c2.Text}, {"html", c1.HTML, c2.HTML}} {
		if !bytes.Equal(readShards(t, k.s1), readShards(t, k.s2)) {
			t.Errorf("%s: same seed gave different shards", k.name)
		}
	}
	c3, _ := generate(t, Options{Size: 200 << 10, ShardSize: 32 << 10, Seed: 8})
	if bytes.Equal(readShards(t, c1.Text), readShards(t, c3.Text)) {
		t.Error("different seeds gave the same text shards")
	}
}

func TestWriteReachesSizeWithBothKinds(t *testing.T) {
	for _, tc := range []struct {
		size, shard int64
	}{{100 << 10, 16 << 10}, {300 << 10, 64 << 10}, {50 << 10, 1 << 20}} {
		c, _ := generate(t, Options{Size: tc.size, ShardSize: tc.shard, Seed: 1})
		for _, s := range []struct {
			kind Kind
			set  Set
		}{{Text, c.Text}, {HTML, c.HTML}} {
			if s.set.Bytes < tc.size/2 {
				t.Errorf("size %d: %s shards hold %d bytes, want >= %d", tc.size, s.kind, s.set.Bytes, tc.size/2)
			}
			if got := int64(len(readShards(t, s.set))); got != s.set.Bytes {
				t.Errorf("size %d: %s shards are %d bytes on disk, Set says %d", tc.size, s.kind, got, s.set.Bytes)
			}
			wantShards := (s.set.Bytes + tc.shard - 1) / tc.shard
			if n := int64(len(s.set.Files)); n > wantShards+1 || n < 1 {
				t.Errorf("size %d: %d %s shards, want about %d", tc.size, n, s.kind, wantShards)
			}
			docs := 0
			sc := bufio.NewScanner(bytes.NewReader(readShards(t, s.set)))
			sc.Buffer(nil, 1<<20)
			for sc.Scan() {
				var l map[string]string
				if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
					t.Fatalf("size %d: invalid JSON line: %v", tc.size, err)
				}
				if l[string(s.kind)] == "" || l["id"] == "" || l["url"] == "" {
					t.Fatalf("size %d: %s line lacks id, url or %s: %v", tc.size, s.kind, s.kind, l)
				}
				docs++
			}
			if docs != s.set.Docs {
				t.Errorf("size %d: %d %s lines, Set says %d", tc.size, docs, s.kind, s.set.Docs)
			}
		}
	}
}

func TestVaryChangesText(t *testing.T) {
	for _, tpl := range testTemplates {
		seen := map[string]bool{}
		changed := 0
		for i := range 20 {
			v := Vary(tpl, rand.New(rand.NewPCG(3, uint64(i))))
			if v != tpl.Body {
				changed++
			}
			seen[v] = true
		}
		if changed < 18 || len(seen) < 18 {
			t.Errorf("%s: %d of 20 variants differ from the template, %d distinct", tpl.Name, changed, len(seen))
		}
	}
}

func TestVaryKeepsMarkup(t *testing.T) {
	tpl := testTemplates[1]
	for i := range 30 {
		v := Vary(tpl, rand.New(rand.NewPCG(5, uint64(i))))
		for _, keep := range []string{`<script>var x = "Vasquez 2024";</script>`, "&amp;", "&#8217;", "<!-- Kline 1999 -->", "<p>", "</article>"} {
			if !strings.Contains(v, keep) {
				t.Fatalf("variant %d lost %q:\n%s", i, keep, v)
			}
		}
		if strings.Count(v, "<p>") != strings.Count(tpl.Body, "<p>") {
			t.Errorf("variant %d has %d paragraphs, template %d", i, strings.Count(v, "<p>"), strings.Count(tpl.Body, "<p>"))
		}
	}
}

func TestVaryWords(t *testing.T) {
	v := &variation{rng: rand.New(rand.NewPCG(1, 1)), swap: map[string]string{}, yearShift: 2, month: 1, weekday: 1}
	got := v.words("In March 2024 on Tuesday, Vasquez met Vasquez; NATO 1999.")
	for _, want := range []string{"April 2026", "Wednesday", "NATO 2001"} {
		if !strings.Contains(got, want) {
			t.Errorf("words() = %q, want it to contain %q", got, want)
		}
	}
	// A swapped name is swapped the same way throughout.
	f := strings.Fields(strings.NewReplacer(",", " ", ";", " ").Replace(got))
	if f[5] != f[7] {
		t.Errorf("words() = %q: the two Vasquez became %q and %q", got, f[5], f[7])
	}
}

func TestLoadDir(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt":       "Some text",
		"b.html":      "<p>page</p>",
		"c.jsonl":     `{"id":"x","text":"feed text"}` + "\n" + `{"html":"<p>x</p>"}` + "\nnot json\n",
		"README.md":   "# not an article",
		"empty.txt":   "  \n",
		"notes.jsonl": "",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ts, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tp := range ts {
		got = append(got, tp.Name+"="+string(tp.Kind))
	}
	want := "a.txt=text b.html=html c.jsonl:1=text c.jsonl:2=html"
	if strings.Join(got, " ") != want {
		t.Errorf("LoadDir = %v, want %s", got, want)
	}
	if _, err := LoadDir(t.TempDir()); !errors.Is(err, ErrNoTemplates) {
		t.Errorf("LoadDir(empty) error = %v, want ErrNoTemplates", err)
	}
}

func TestSaveOpen(t *testing.T) {
	c, dir := generate(t, Options{Size: 40 << 10, Seed: 2})
	if err := c.Save(dir); err != nil {
		t.Fatal(err)
	}
	got, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got.Text.Docs != c.Text.Docs || got.HTML.Bytes != c.HTML.Bytes || got.Options != c.Options {
		t.Errorf("Open = %+v, want %+v", got, c)
	}
	if err := os.Truncate(c.HTML.Files[0], 10); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir); err == nil {
		t.Error("Open accepted a truncated shard")
	}
}

// TestBundledCorpus generates from the repository's own corpus, when present.
func TestBundledCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no corpus directory")
	}
	ts, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Write(t.TempDir(), ts, Options{Size: 400 << 10, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if c.Text.Docs == 0 || c.HTML.Docs == 0 {
		t.Errorf("bundled corpus gave %d text and %d HTML documents", c.Text.Docs, c.HTML.Docs)
	}
}

func TestParseSize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"200MB", 200 << 20, true},
		{"1GB", 1 << 30, true},
		{"1.5gb", 3 << 29, true},
		{" 512 KB ", 512 << 10, true},
		{"2M", 2 << 20, true},
		{"1000", 1000, true},
		{"10B", 10, true},
		{"", 0, false},
		{"MB", 0, false},
		{"-1MB", 0, false},
		{"lots", 0, false},
		{"NaNMB", 0, false},
		{"1e300GB", 0, false},
	} {
		got, err := ParseSize(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d, ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}
