package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
