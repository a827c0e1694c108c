package newspipe_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/newspipe/newspipe"
	"github.com/newspipe/newspipe/stages/output"
)

// TestAnnotateFilesGivesTheGoldenRecords runs the library over the bundled corpus with the
// options newspipe run uses by default: every record is its golden file.
func TestAnnotateFilesGivesTheGoldenRecords(t *testing.T) {
	a, err := newspipe.New(newspipe.Options{Workers: 2, SiteRepeats: true})
	if err != nil {
		t.Fatal(err)
	}
	dir, err := output.NewDir("golden")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	err = a.AnnotateFiles(context.Background(), []string{"corpus"}, func(r newspipe.Record) error {
		n++
		got, err := output.Indent(&r)
		if err != nil {
			return err
		}
		want, err := os.ReadFile(dir.Path(r.ID))
		if err != nil {
			return err
		}
		if string(got) != string(want) {
			t.Errorf("%s: the record differs from %s", r.ID, dir.Path(r.ID))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("golden/*.json")
	if n != len(files) {
		t.Errorf("got %d records, want %d", n, len(files))
	}
}

// TestAnnotateEqualsAnnotateAll checks that one document at a time and the concurrent batch
// give the same record.
func TestAnnotateEqualsAnnotateAll(t *testing.T) {
	a, err := newspipe.New(newspipe.Options{Workers: 4})
	if err != nil {
		t.Fatal(err)
	}
	var inputs []newspipe.Input
	for _, name := range []string{"010_citywire_council_budget.txt", "011_ledgerline_freight_earnings.html", "013_frontier_science_glacier.html"} {
		b, err := os.ReadFile(filepath.Join("corpus", name))
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, newspipe.Input{ID: name, Content: b})
	}
	inputs = append(inputs, newspipe.Input{ID: "bad format", Content: []byte("text"), Format: "pdf"})
	i := 0
	err = a.AnnotateAll(context.Background(), func(yield func(newspipe.Input) bool) {
		for _, in := range inputs {
			if !yield(in) {
				return
			}
		}
	}, func(batch newspipe.Record) error {
		one, _ := a.Annotate(context.Background(), inputs[i])
		i++
		b1, _ := one.MarshalJSON()
		b2, _ := batch.MarshalJSON()
		if string(b1) != string(b2) {
			t.Errorf("%s: Annotate gives\n%s\nAnnotateAll gives\n%s", one.ID, b1, b2)
		}
		return nil
	})
	if err != nil || i != len(inputs) {
		t.Fatalf("err %v after %d of %d records", err, i, len(inputs))
	}
}
