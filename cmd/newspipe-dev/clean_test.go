package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/newspipe/newspipe/internal/shingle"
	"github.com/newspipe/newspipe/stages/clean"
)

func TestWriteCleanPages(t *testing.T) {
	pages := []clean.Page{
		{Name: "wcxb-dev/wcxb_0001", Site: "example.com", Type: "article"},
		{Name: "dragnet/dragnet_1", Site: "dragnet/dragnet_1"},
	}
	scores := []shingle.Page{
		{Precision: 1, Recall: 0.5},
		{Empty: true},
	}
	name := filepath.Join(t.TempDir(), "pages.tsv")
	if err := writeCleanPages(name, pages, scores); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	want := "page\tsite\ttype\tf1\tprecision\trecall\tempty\n" +
		"wcxb-dev/wcxb_0001\texample.com\tarticle\t0.6667\t1.0000\t0.5000\tfalse\n" +
		"dragnet/dragnet_1\tdragnet/dragnet_1\t\t0.0000\t0.0000\t0.0000\ttrue\n"
	if string(got) != want {
		t.Errorf("writeCleanPages wrote\n%s\nwant\n%s", got, want)
	}
}

func TestWriteCleanReasons(t *testing.T) {
	rows := []clean.ReasonWords{
		{Set: "dev", Reason: "", Gold: 120, NotGold: 3},
		{Set: "dev", Reason: "navigation", Gold: 0, NotGold: 14},
	}
	name := filepath.Join(t.TempDir(), "reasons.tsv")
	if err := writeCleanReasons(name, rows); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	want := "set\treason\tgold_words\tother_words\n" +
		"dev\tkept\t120\t3\n" +
		"dev\tnavigation\t0\t14\n"
	if string(got) != want {
		t.Errorf("writeCleanReasons wrote\n%s\nwant\n%s", got, want)
	}
}
