package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestRereadable(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "page.html")
	write(t, file, "<p>x</p>")
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	procSubst := filepath.Join("/dev/fd", fmt.Sprint(r.Fd()))
	tests := []struct {
		name  string
		paths []string
		want  bool
	}{
		{"files and folders", []string{file, dir}, true},
		{"missing file", []string{file, filepath.Join(dir, "missing.txt")}, true},
		{"standard input", []string{file, "-"}, false},
		{"named pipe", []string{fifo}, false},
		{"process substitution", []string{file, procSubst}, false},
		{"device", []string{os.DevNull}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Rereadable(tt.paths); got != tt.want {
				t.Errorf("Rereadable(%q) = %v, want %v", tt.paths, got, tt.want)
			}
		})
	}
}
