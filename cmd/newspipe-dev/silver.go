package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/newspipe/newspipe/internal/ner"
	"github.com/newspipe/newspipe/stages/entities"
)

// Silver sentences: long enough to have context, short enough not to be a list run together.
const (
	silverMinTokens = 6
	silverMaxTokens = 60
	// silverMinParagraph is the fewest tokens of a paragraph whose sentences are taken.
	silverMinParagraph = 8
)

// silverDocs tags the article bodies (*.truth.txt, one paragraph a line) under dir, read
// in path order, with the entity stage over teacher, and returns every every-th of their
// sentences as CoNLL documents (one per page) whose tags are the stage's: unlabelled
// news of today, labelled by the model and the stage's rules, to train on beside the
// gold text (self-training). Headings and credits (paragraphs mostly capitalised) and
// short paragraphs are left out: their case says little and the stage is least sure there.
func silverDocs(dir string, teacher *ner.Model, every int) ([]ner.CoNLLDoc, error) {
	r := entities.NewWithModel(teacher)
	var docs []ner.CoNLLDoc
	n := 0 // sentences seen, to take every every-th
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".truth.txt") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		page := silverSentences(string(data))
		if len(page) == 0 {
			return nil
		}
		pred := r.Predict(page)
		doc := ner.CoNLLDoc{DocStart: "-DOCSTART- -X- -X- O"}
		for i, words := range page {
			n++
			if n%every != 0 {
				continue
			}
			tags := ner.TagsIOB1(pred[i], len(words))
			lines := make([]string, len(words))
			for k, w := range words {
				lines[k] = w + " _ _"
			}
			doc.Sentences = append(doc.Sentences, ner.Sentence{Words: words, Tags: tags, Lines: lines})
		}
		if len(doc.Sentences) > 0 {
			docs = append(docs, doc)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("silver: %w", err)
	}
	return docs, nil
}

// silverSentences returns the sentences of a page's body that silverDocs may take.
func silverSentences(body string) [][]string {
	var out [][]string
	for _, para := range strings.Split(body, "\n") {
		para = strings.TrimSpace(para)
		toks := ner.Tokenize(para)
		if len(toks) < silverMinParagraph || mostlyCapitalised(toks) {
			continue
		}
		for _, s := range ner.Sentences(para, toks) {
			if len(s) < silverMinTokens || len(s) > silverMaxTokens {
				continue
			}
			words := make([]string, len(s))
			for i, t := range s {
				words[i] = t.Text
			}
			out = append(out, words)
		}
	}
	return out
}

// mostlyCapitalised reports whether more than half of the words of toks that begin with
// a letter begin with a capital: a heading, a credit or a list of names.
func mostlyCapitalised(toks []ner.Token) bool {
	letters, caps := 0, 0
	for _, t := range toks {
		r := []rune(t.Text)[0]
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				caps++
			}
		}
	}
	return caps*2 > letters
}
