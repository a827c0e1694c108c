package cli

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestParseFlags(t *testing.T) {
	tests := []struct {
		name string
		args []string
		out  string
		n    int
		pos  []string
	}{
		{"flags first", []string{"-o", "x", "-n", "3", "a", "b"}, "x", 3, []string{"a", "b"}},
		{"flags last", []string{"a", "b", "-o", "x", "--n=3"}, "x", 3, []string{"a", "b"}},
		{"flags between", []string{"a", "-o", "x", "b"}, "x", 0, []string{"a", "b"}},
		{"after --", []string{"a", "--", "-o", "b"}, "", 0, []string{"a", "-o", "b"}},
		{"none", nil, "", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("t", flag.ContinueOnError)
			out := fs.String("o", "", "")
			n := fs.Int("n", 0, "")
			if err := ParseFlags(fs, tt.args); err != nil {
				t.Fatal(err)
			}
			if *out != tt.out || *n != tt.n || !slices.Equal(fs.Args(), tt.pos) && len(fs.Args())+len(tt.pos) > 0 {
				t.Errorf("o=%q n=%d args=%q", *out, *n, fs.Args())
			}
		})
	}
}

// testProgram has one plain command and a group of two, each with a flag set.
func testProgram(ran *[]string) *Program {
	cmd := func(name string) Command {
		return Command{Name: name, Args: "[-v] ARG", Summary: "does " + name, Run: func(_ context.Context, args []string, env Env) int {
			fs := flag.NewFlagSet(name, flag.ContinueOnError)
			fs.SetOutput(env.Stderr)
			v := fs.Bool("v", false, "verbose")
			fs.Usage = func() { fmt.Fprintf(env.Stderr, "usage of %s\n", name); fs.PrintDefaults() }
			if err := ParseFlags(fs, args); err != nil {
				return ExitUsage
			}
			*ran = append(*ran, fmt.Sprintf("%s v=%v %q", name, *v, fs.Args()))
			return ExitOK
		}}
	}
	return &Program{Name: "prog", Doc: "prog does things.", Commands: []Command{cmd("run"), cmd("eval a"), cmd("eval b")}}
}

func TestMain(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // a part of it
		ran    string
	}{
		{"no command", nil, ExitUsage, "", ""},
		{"help", []string{"help"}, ExitOK, "prog eval a [-v] ARG", ""},
		{"--help", []string{"--help"}, ExitOK, "prog help [COMMAND]", ""},
		{"help run", []string{"help", "run"}, ExitOK, "usage of run", ""},
		{"help of a group", []string{"help", "eval"}, ExitOK, "prog eval b [-v] ARG", ""},
		{"help eval a", []string{"help", "eval", "a"}, ExitOK, "usage of eval a", ""},
		{"run -h", []string{"run", "x", "-h"}, ExitOK, "usage of run", ""},
		{"eval b --help", []string{"eval", "b", "--help"}, ExitOK, "usage of eval b", ""},
		{"flag after argument", []string{"run", "x", "-v"}, ExitOK, "", `run v=true ["x"]`},
		{"group without a member", []string{"eval"}, ExitUsage, "", ""},
		{"unknown", []string{"walk"}, ExitUsage, "", ""},
		{"version", []string{"--version"}, ExitOK, "prog ", ""},
		{"-h after --", []string{"run", "--", "-h"}, ExitOK, "", `run v=false ["-h"]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ran []string
			var out, errOut bytes.Buffer
			code := testProgram(&ran).Main(context.Background(), tt.args, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut})
			if code != tt.code || !strings.Contains(out.String(), tt.stdout) || strings.Join(ran, ";") != tt.ran {
				t.Errorf("exit %d, stdout %q, stderr %q, ran %q", code, out.String(), errOut.String(), ran)
			}
		})
	}
}
