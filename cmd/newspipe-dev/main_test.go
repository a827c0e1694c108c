package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// run calls the program in-process and returns its exit status and outputs.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := dispatch(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

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
}
