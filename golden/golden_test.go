package golden

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/internal/textdiff"
	"github.com/newspipe/newspipe/record"
	"github.com/newspipe/newspipe/stages"
	"github.com/newspipe/newspipe/stages/ingest"
	"github.com/newspipe/newspipe/stages/output"
)

var update = flag.Bool("update", false, "rewrite the golden files from the current output")

// The models are loaded once: loading them is the slow part.
var loadModels = sync.OnceValues(stages.Load)

// result is one document's record as newspipe run writes it.
type result struct {
	id   string
	line []byte // the JSON line, without the newline
}

// runCorpus runs the stages on corpus/ as "newspipe run corpus" does (the site-repeats
// pre-pass reading without hashes, the default timeout, records encoded by the stages),
// from the repository root, and returns the records in output order.
func runCorpus(t *testing.T, workers int) []result {
	t.Helper()
	models, err := loadModels()
	if err != nil {
		t.Fatal(err)
	}
	reader, prepassReader := &ingest.Reader{}, &ingest.Reader{NoHash: true}
	batch := stages.Batch{
		Options: stages.Options{Workers: workers, EncodeJSON: true},
		Source: func(ctx context.Context, emit func(*document.Document) error) error {
			return reader.Read(ctx, []string{"corpus"}, emit)
		},
		Prepass: func(ctx context.Context, emit func(*document.Document) error) error {
			return prepassReader.Read(ctx, []string{"corpus"}, emit)
		},
	}
	var out []result
	sink := func(o stages.Outcome) error {
		line, err := stages.JSON(o)
		out = append(out, result{id: stages.Record(o).ID, line: line})
		return err
	}
	if _, err := models.Run(context.Background(), batch, sink); err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("the corpus gave no records")
	}
	return out
}

func TestGolden(t *testing.T) {
	t.Chdir("..")
	results := runCorpus(t, 2)
	dir, err := output.NewDir("golden")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, r := range results {
		var buf bytes.Buffer
		if err := json.Indent(&buf, r.line, "", "  "); err != nil {
			t.Fatal(err)
		}
		buf.WriteByte('\n')
		got := buf.Bytes()
		path := dir.Path(r.id)
		want[filepath.Base(path)] = true
		if *update {
			if err := output.WriteFileAtomic(path, got); err != nil {
				t.Fatal(err)
			}
			continue
		}
		old, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: no golden file (run go test ./golden -update): %v", r.id, err)
			continue
		}
		if d := textdiff.Unified(string(old), string(got), 3); d != "" {
			t.Errorf("%s: output differs from %s (-golden +got):\n%s", r.id, path, d)
		}
	}
	files, _ := filepath.Glob("golden/*.json")
	for _, f := range files {
		if !want[filepath.Base(f)] {
			if *update {
				os.Remove(f)
			} else {
				t.Errorf("%s has no document in corpus/ (run go test ./golden -update to remove it)", f)
			}
		}
	}
}

func TestOutputDoesNotDependOnWorkers(t *testing.T) {
	t.Chdir("..")
	encode := func(results []result) []byte {
		var b bytes.Buffer
		for _, r := range results {
			b.Write(r.line)
			b.WriteByte('\n')
		}
		return b.Bytes()
	}
	one, eight := encode(runCorpus(t, 1)), encode(runCorpus(t, 8))
	if !bytes.Equal(one, eight) {
		t.Errorf("output with 8 workers differs from 1 worker:\n%s", textdiff.Unified(string(one), string(eight), 1))
	}
}

func TestGoldenFilesMatchTheSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	sch, err := c.Compile("../schema/record.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("*.json")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if err := sch.Validate(v); err != nil {
			t.Errorf("%s does not match the schema: %v", f, err)
		}
	}
}

// TestSpansPointIntoText checks the offset contract on every golden file: each mention and
// date's [start, end) in code points of "text" is exactly its "text".
func TestSpansPointIntoText(t *testing.T) {
	files, _ := filepath.Glob("*.json")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var r record.Record
		if err := json.Unmarshal(b, &r); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		text := []rune(r.Text)
		check := func(what, s string, start, end int) {
			if start < 0 || end > len(text) || start >= end || string(text[start:end]) != s {
				t.Errorf("%s: %s %q at [%d,%d) does not match the text", f, what, s, start, end)
			}
		}
		for _, e := range r.Entities {
			for _, m := range e.Mentions {
				check("mention of "+e.Name, m.Text, m.Start, m.End)
			}
		}
		for _, d := range r.Dates {
			check("date", d.Text, d.Start, d.End)
		}
		if strings.TrimSpace(r.Text) != r.Text {
			t.Errorf("%s: text has surrounding white space", f)
		}
	}
}
