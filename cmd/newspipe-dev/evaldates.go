package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/newspipe/newspipe/internal/cli"
	"github.com/newspipe/newspipe/stages/dates"
)

// cmdEvalDates implements `newspipe eval dates [CASES.tsv]` (default: the repo's table, embedded with go:embed in
// the dates package and exposed as func DefaultCases() ([]Case, error)), printing extent and value P/R/F1.
func cmdEvalDates(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval dates", flag.ContinueOnError)
	fs.SetOutput(stderr)
	failures := fs.Bool("failures", false, "also list the failing cases with the expected and produced expressions")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newspipe eval dates [--failures] [CASES.tsv]   (default: the built-in case table)")
		fs.PrintDefaults()
	}
	if err := cli.ParseFlags(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return exitUsage
	}
	var cases []dates.Case
	var err error
	if name := fs.Arg(0); name != "" {
		var f *os.File
		if f, err = os.Open(name); err == nil {
			cases, err = dates.ReadCases(f)
			f.Close()
		}
	} else {
		cases, err = dates.DefaultCases()
	}
	if err != nil {
		fmt.Fprintf(stderr, "newspipe eval dates: %v\n", err)
		return exitFailures
	}
	s := dates.Evaluate(dates.New(), cases)
	fmt.Fprint(stdout, s.String())
	if *failures && len(s.Failures) > 0 {
		fmt.Fprintf(stdout, "\nfailing cases:\n%s", s.FailureReport())
	}
	return exitOK
}
