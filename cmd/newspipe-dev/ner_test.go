package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newspipe/newspipe/internal/ner"
	"github.com/newspipe/newspipe/stages/entities"
)

const conllOld = `-DOCSTART- -X- O O

John NNP I-NP I-PER
Smith NNP I-NP I-PER
visited VBD I-VP O
Paris NNP I-NP I-LOC
. . O O
`

const conllNew = `-DOCSTART- -X- -X- O

Pfizer _ _ I-ORG
said _ _ O
on _ _ O
Monday _ _ O
. _ _ O
`

func TestEvalNERSideBySide(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "old", "dev.txt")
	b := filepath.Join(dir, "new", "dev.txt")
	for path, text := range map[string]string{a: conllOld, b: conllNew} {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := run(t, "", "eval", "ner", "--no-baseline", a, b)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	lines := strings.Split(out, "\n")
	header, all := "", ""
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l, "newspipe"):
			header = l
		case strings.HasPrefix(l, "all "):
			all = l
		}
	}
	if !strings.Contains(header, "old/dev.txt") || !strings.Contains(header, "new/dev.txt") ||
		strings.Index(header, "old/dev.txt") > strings.Index(header, "new/dev.txt") {
		t.Errorf("header does not name both files in order: %q", header)
	}
	// One group of P, R, F1, gold, pred per file.
	if got := len(strings.Split(all, "|")) - 1; got != 2 {
		t.Errorf("the all row has %d column groups, want 2: %q", got, all)
	}
	if !strings.Contains(all, " 2 ") || !strings.Contains(all, " 1 ") {
		t.Errorf("the all row lacks the gold counts 2 and 1: %q", all)
	}
	if code, _, _ := run(t, "", "eval", "ner", "--predictions", filepath.Join(dir, "p.txt"), a, b); code != exitUsage {
		t.Errorf("--predictions with two files: exit %d, want %d", code, exitUsage)
	}
}

func TestTrainNERFiles(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	for path, text := range map[string]string{a: conllOld, b: conllNew} {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	model := filepath.Join(dir, "model.bin")
	if code, _, errOut := run(t, "", "train", "ner", "-iterations", "2", "-ensemble", "1", "-o", model, a, b); code != exitOK {
		t.Fatalf("train ner on two files: exit %d, stderr %s", code, errOut)
	}
	// The model learnt from both files: only the second has an organisation, which the
	// model finds (recall 1).
	code, out, errOut := run(t, "", "eval", "ner", "--no-baseline", "--model", model, b)
	if code != exitOK {
		t.Fatalf("eval ner: exit %d, stderr %s", code, errOut)
	}
	recall := ""
	for _, l := range strings.Split(out, "\n") {
		if f := strings.Fields(l); len(f) > 3 && f[0] == "ORG" {
			recall = f[3]
		}
	}
	if recall != "1.0000" {
		t.Errorf("ORG recall %q on the second file, want 1.0000:\n%s", recall, out)
	}
	if code, _, _ := run(t, "", "train", "ner", "-knowledge", model, "-lexicon", dir, a); code != exitUsage {
		t.Errorf("-knowledge with -lexicon: exit %d, want %d", code, exitUsage)
	}
}

// TestEvalNERStagePredictions checks that --predictions with --stage writes the entity
// stage's tags, not the raw tagger's: the stage trims a title from a name ("Mr" stays out).
func TestEvalNERStagePredictions(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "dev.txt")
	const text = `-DOCSTART- -X- -X- O

Mr _ _ O
Pfizer _ _ I-ORG
said _ _ O
. _ _ O
`
	if err := os.WriteFile(in, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := ner.Default()
	if err != nil {
		t.Fatal(err)
	}
	words := [][]string{{"Mr", "Pfizer", "said", "."}}
	tagged := ner.TagsIOB1(m.Predict(words)[0], 4)
	staged := ner.TagsIOB1(entities.NewWithModel(m).Predict(words)[0], 4)
	if strings.Join(tagged, " ") == strings.Join(staged, " ") {
		t.Fatalf("the tagger and the stage agree (%q): the case cannot tell their columns apart", tagged)
	}
	for _, tc := range []struct {
		name string
		args []string
		p    ner.Predictor
	}{
		{"tagger", nil, m},
		{"stage", []string{"--stage"}, entities.NewWithModel(m)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, tc.name+".txt")
			args := append([]string{"eval", "ner", "--no-baseline", "--predictions", out}, tc.args...)
			if code, _, errOut := run(t, "", append(args, in)...); code != exitOK {
				t.Fatalf("exit %d, stderr %s", code, errOut)
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range strings.Split(string(b), "\n") {
				if f := strings.Fields(l); len(f) == 5 && f[0] != "-DOCSTART-" {
					got = append(got, f[4])
				}
			}
			want := ner.TagsIOB1(tc.p.Predict(words)[0], len(words[0]))
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("predicted column %q, want %s's %q", got, tc.name, want)
			}
		})
	}
}
