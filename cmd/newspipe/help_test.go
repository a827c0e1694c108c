package main

import (
	"strings"
	"testing"
)

// TestHelpForEveryCommand asks every command for help in the three ways: each exits 0
// and prints the command's usage on standard output.
func TestHelpForEveryCommand(t *testing.T) {
	for _, c := range program.Commands {
		if c.Hidden {
			continue
		}
		words := strings.Fields(c.Name)
		for _, args := range [][]string{
			append([]string{"help"}, words...),
			append(append([]string{}, words...), "-h"),
			append(append([]string{}, words...), "--help"),
		} {
			code, out, errOut := run(t, "", args...)
			if code != exitOK || !strings.Contains(strings.ToLower(out), "usage") {
				t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, out, errOut)
			}
		}
	}
	for _, args := range [][]string{{"help"}, {"--help"}, {"--version"}} {
		if code, out, _ := run(t, "", args...); code != exitOK || out == "" {
			t.Errorf("%q: exit %d, stdout %q", args, code, out)
		}
	}
}

// TestDevelopmentCommandsSayWhereTheyAre runs a development command in the user's
// program: it fails with a pointer to newspipe-dev.
func TestDevelopmentCommandsSayWhereTheyAre(t *testing.T) {
	for _, args := range [][]string{{"eval", "dates"}, {"train", "ner", "x"}, {"bench"}} {
		code, _, errOut := run(t, "", args...)
		if code != exitUsage || !strings.Contains(errOut, "newspipe-dev "+args[0]) {
			t.Errorf("%q: exit %d, stderr %q", args, code, errOut)
		}
	}
}
