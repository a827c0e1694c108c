package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteCommonWords(t *testing.T) {
	dir := t.TempDir()
	lists := map[string]string{
		"english-words-10.json":  `["a", "the", "posts", "OK", "don't"]`,
		"american-words-35.json": `["color", "the"]`,
		"english-words-50.json":  `["aardvarks"]`,
	}
	for name, body := range lists {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "common_words.txt")
	if err := writeCommonWords(dir, out); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	// Sorted, once each, levels above 35 left out, and only lower-case words of two
	// letters or more.
	if want := "color\nposts\nthe\n"; string(got) != want {
		t.Errorf("common words = %q, want %q", got, want)
	}
	if err := writeCommonWords(t.TempDir(), out); err == nil {
		t.Error("no error for a directory without SCOWL lists")
	}
}
