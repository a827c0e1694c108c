package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/newspipe/newspipe/internal/cli"
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
