package annotate

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/memfs"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/internal/benchcorpus"
	"github.com/newspipe/newspipe/stages"
	"github.com/newspipe/newspipe/stages/ingest"
)

func TestMain(m *testing.M) {
	// Init makes this test binary able to serve as Prism's loopback worker.
	beam.Init()
	os.Exit(m.Run())
}

// runOnPrism runs Annotate and Write over patterns on the in-process Prism runner and
// returns the lines of the shard files, after checking that each was written.
func runOnPrism(t testing.TB, patterns []string, opt Options, out Output) []string {
	t.Helper()
	p, s := beam.NewPipelineWithRoot()
	Write(s, out, Annotate(s, patterns, opt))
	if _, err := prism.Execute(context.Background(), p); err != nil {
		t.Fatalf("prism: %v", err)
	}
	var lines []string
	for i := range out.Shards {
		b := readFile(t, out.ShardName(i), out.Gzip)
		if len(b) == 0 {
			t.Errorf("shard %s is empty", out.ShardName(i))
			continue
		}
		lines = append(lines, strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")...)
	}
	return lines
}

// readFile reads a file through Beam's file systems.
func readFile(t testing.TB, name string, gzipped bool) []byte {
	t.Helper()
	ctx := context.Background()
	fsys, err := filesystem.New(ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	f, err := fsys.OpenRead(ctx, name)
	if err != nil {
		t.Fatalf("shard %s: %v", name, err)
	}
	defer f.Close()
	var r io.Reader = f
	if gzipped {
		if r, err = gzip.NewReader(f); err != nil {
			t.Fatalf("shard %s: %v", name, err)
		}
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("shard %s: %v", name, err)
	}
	return b
}

// newspipeRun gives what newspipe run --site-repeats writes for paths, through the
// same calls as the command: a pre-pass that counts the sites' lines, then the stages.
func newspipeRun(t testing.TB, paths []string, published time.Time) []string {
	t.Helper()
	models, err := stages.Load()
	if err != nil {
		t.Fatal(err)
	}
	return runBatch(t, models, paths, published, 2)
}

// runBatch is newspipeRun with the models loaded and the number of workers per stage given.
func runBatch(t testing.TB, models *stages.Models, paths []string, published time.Time, workers int) []string {
	t.Helper()
	source := func(r *ingest.Reader) func(context.Context, func(*document.Document) error) error {
		return func(ctx context.Context, emit func(*document.Document) error) error { return r.Read(ctx, paths, emit) }
	}
	batch := stages.Batch{
		Options: stages.Options{Published: published, Workers: workers, EncodeJSON: true},
		Source:  source(&ingest.Reader{}),
		Prepass: source(&ingest.Reader{NoHash: true}),
	}
	var lines []string
	_, err := models.Run(context.Background(), batch, func(o stages.Outcome) error {
		b, err := stages.JSON(o)
		lines = append(lines, string(b))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return lines
}

// sameRecords reports the differences between two sets of records, in any order.
func sameRecords(t *testing.T, beamLines, runLines []string) {
	t.Helper()
	slices.Sort(beamLines)
	slices.Sort(runLines)
	if len(beamLines) != len(runLines) {
		t.Fatalf("Beam wrote %d records, newspipe run %d", len(beamLines), len(runLines))
	}
	for i := range runLines {
		if beamLines[i] != runLines[i] {
			t.Errorf("record %d differs:\nbeam %.400s\nrun  %.400s", i, beamLines[i], runLines[i])
		}
	}
}

// sites are the sites of sitePages; each has a line that it puts on every page, in the
// article, as sites do with their newsletter and subscription blurbs.
var sites = []struct{ host, blurb string }{
	{"herald.example", "Sign up for the Morning Herald briefing and get the day's most important stories in your inbox."},
	{"courier.example", "Support local journalism: subscribe to the Courier for unlimited access to every story we publish."},
	{"ledger.example", "The Ledger's markets newsletter arrives every weekday before the opening bell; register for free."},
	{"tribune.example", "Have a story the Tribune should look into? Our reporters read every message sent to the tips desk."},
	{"gazette.example", "This article is part of the Gazette's coverage of the region, made possible by our readers' support."},
	{"sentinel.example", "Listen to the Sentinel's daily podcast for a twenty-minute summary of the news that matters today."},
	{"dispatch.example", "Download the Dispatch app to follow breaking news with alerts on the stories you choose to follow."},
}

// sitePages writes n HTML pages of the 7 sites as one JSON Lines file: variants of the
// corpus's articles (shuffled paragraphs, other names and numbers, extra chrome), each
// with its site's blurb after its first paragraph.
func sitePages(t testing.TB, dir string, n int) string {
	t.Helper()
	templates, err := benchcorpus.LoadDir(filepath.Join("..", "..", "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	templates = slices.DeleteFunc(templates, func(x benchcorpus.Template) bool { return x.Kind != benchcorpus.HTML })
	if len(templates) == 0 {
		t.Fatal("no HTML article in the corpus")
	}
	rng := rand.New(rand.NewPCG(20, 7))
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for i := range n {
		site := sites[i%len(sites)]
		page := benchcorpus.Vary(templates[(i/len(sites))%len(templates)], rng)
		if j := strings.Index(page, "</p>"); j >= 0 {
			page = page[:j+4] + "\n<p>" + site.blurb + "</p>" + page[j+4:]
		}
		err := enc.Encode(map[string]string{
			"id":   fmt.Sprintf("%s-%03d", strings.TrimSuffix(site.host, ".example"), i),
			"url":  fmt.Sprintf("https://www.%s/news/2024/%02d/story-%03d", site.host, 1+i%12, i),
			"html": page,
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "pages.jsonl")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestSitePagesOnPrismEqualRun(t *testing.T) {
	const pages = 200
	input := sitePages(t, t.TempDir(), pages)
	out := Output{Prefix: filepath.Join(t.TempDir(), "records"), Shards: 4}
	published := "2024-06-12"
	got := runOnPrism(t, []string{input}, Options{Published: published, SiteRepeats: true}, out)
	ref, _ := time.Parse("2006-01-02", published)
	want := newspipeRun(t, []string{input}, ref)

	ids := map[string]int{}
	for _, l := range got {
		var r struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("record %.200s: %v", l, err)
		}
		ids[r.ID]++
	}
	if len(got) != pages || len(ids) != pages {
		t.Errorf("the shards hold %d records with %d ids, want %d of each", len(got), len(ids), pages)
	}
	repeated := 0
	for _, l := range want {
		if strings.Contains(l, "pages of this site") {
			repeated++
		}
	}
	if repeated == 0 {
		t.Error("no record has a line removed as repeated on its site: the test does not exercise site repeats")
	}
	sameRecords(t, got, want)
}

// mixedInputs are files of every input format: two texts, an HTML page, JSON Lines with
// a bad line and a repeated id, the like gzipped, and a WARC crawl with its fetch date.
func mixedInputs(t *testing.T) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	corpus := filepath.Join("..", "..", "corpus")
	for from, to := range map[string]string{
		"000_92bbd93c5f6a1fd9.txt":             "first.txt",
		"002_305ce0516b554c3e.txt":             "second.txt",
		"feeds.jsonl":                          "feeds.jsonl",
		"011_ledgerline_freight_earnings.html": "page.html",
	} {
		b, err := os.ReadFile(filepath.Join(corpus, from))
		if err != nil {
			t.Fatal(err)
		}
		files[to] = b
	}
	jsonl := `{"id":"ok","text":"Officials met in Geneva on Monday.\n\nThe talks will resume next week."}` + "\n" +
		`{"id":"broken", "text": tru}` + "\n" +
		`{"id":"ok","html":"<p>A second document with the same id, as HTML.</p>"}` + "\n"
	files["batch.jsonl"] = []byte(jsonl)
	// The same documents gzipped: their ids are those of batch.jsonl's, renamed.
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(jsonl))
	zw.Close()
	files["zipped.jsonl.gz"] = gz.Bytes()
	page := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" +
		"<html><head><title>Port reopens</title></head><body><article><p>The port reopened on Tuesday after a two-day strike, officials said.</p></article></body></html>"
	files["crawl.warc"] = []byte("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/port\r\n" +
		"WARC-Date: 2024-03-05T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Type: application/http; msgtype=response\r\n" +
		fmt.Sprintf("Content-Length: %d\r\n\r\n", len(page)) + page + "\r\n\r\n")
	return files
}

// TestMixedInputsThroughMemfs reads every input format from Beam's in-memory file system
// and writes gzipped shards there, and compares with newspipe run on the same files on
// disk.
func TestMixedInputsThroughMemfs(t *testing.T) {
	files := mixedInputs(t)
	dir := t.TempDir()
	const in = "memfs://newspipe-mixed/in/"
	for name, b := range files {
		memfs.Write(in+name, b)
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	patterns := []string{in + "*.txt", in + "*.html", in + "*.jsonl*", in + "crawl.warc", in + "missing.txt"}
	out := Output{Prefix: "memfs://newspipe-mixed/out/records", Shards: 3, Gzip: true}
	got := runOnPrism(t, patterns, Options{Published: "2018-06-12", SiteRepeats: true}, out)

	var missing []string
	got = slices.DeleteFunc(got, func(l string) bool {
		if strings.Contains(l, in+"missing.txt") {
			missing = append(missing, l)
			return true
		}
		return false
	})
	if len(missing) != 1 || !strings.Contains(missing[0], `"error":{"stage":"ingest"`) {
		t.Errorf("the missing file gave %q, want one ingest error record", missing)
	}
	for i, l := range got {
		got[i] = strings.ReplaceAll(l, in, dir+"/")
	}
	// newspipe run is given the files in the order Beam reads them: patterns in order,
	// each one's files in lexical order.
	var paths []string
	for _, p := range patterns[:len(patterns)-1] {
		var matched []string
		for name := range files {
			if ok, _ := filepath.Match(strings.TrimPrefix(p, in), name); ok {
				matched = append(matched, filepath.Join(dir, name))
			}
		}
		slices.Sort(matched)
		paths = append(paths, matched...)
	}
	if len(paths) != len(files) {
		t.Fatalf("the patterns match %d files of %d", len(paths), len(files))
	}
	want := newspipeRun(t, paths, time.Date(2018, 6, 12, 0, 0, 0, 0, time.UTC))
	sameRecords(t, got, want)
	for _, s := range []string{`"id":"batch:2"`, `"id":"ok~2"`, `"id":"ok~3"`, `"id":"ok~4"`, `"id":"zipped:2"`, `https://news.example/port`} {
		if !slices.ContainsFunc(got, func(l string) bool { return strings.Contains(l, s) }) {
			t.Errorf("output lacks %s", s)
		}
	}
}
