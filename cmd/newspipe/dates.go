package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/newspipe/newspipe/record"
	"github.com/newspipe/newspipe/stages/dates"
)

// cmdDates implements `newspipe dates [--ref YYYY-MM-DD] [FILE]`: plain text from FILE or stdin, prints one JSON
// array of {"text","start","end","type","value"} with code point offsets into the input as given.
func cmdDates(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("dates", flag.ContinueOnError)
	fs.SetOutput(stderr)
	refFlag := fs.String("ref", "", "reference (publication) date `YYYY-MM-DD`; without it no year is guessed")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newspipe dates [--ref YYYY-MM-DD] [FILE]   (no FILE or - reads stdin)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return exitUsage
	}
	var ref time.Time
	if *refFlag != "" {
		t, err := time.Parse("2006-01-02", *refFlag)
		if err != nil {
			fmt.Fprintf(stderr, "newspipe dates: --ref %q: want YYYY-MM-DD\n", *refFlag)
			return exitUsage
		}
		ref = t
	}
	in := stdin
	if name := fs.Arg(0); name != "" && name != "-" {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(stderr, "newspipe dates: %v\n", err)
			return exitFailures
		}
		defer f.Close()
		in = f
	}
	text, err := io.ReadAll(in)
	if err != nil {
		fmt.Fprintf(stderr, "newspipe dates: read input: %v\n", err)
		return exitFailures
	}
	found := dates.New().Tag(string(text), ref)
	if found == nil {
		found = []record.Date{}
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(found); err != nil {
		fmt.Fprintf(stderr, "newspipe dates: write output: %v\n", err)
		return exitFailures
	}
	return exitOK
}

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
	if err := fs.Parse(args); err != nil {
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
