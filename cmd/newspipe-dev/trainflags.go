package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/newspipe/newspipe/internal/cli"
)

// trainerFlags returns the flag set of the metadata trainer "newspipe-dev train name", whose
// usage text is usage, with the flags these trainers all have: -o, the file the weights are
// written to (out by default), and -folds, the number of folds of sites they
// cross-validate over.
func trainerFlags(name, usage, out string, stderr io.Writer) (fs *flag.FlagSet, outFile *string, folds *int) {
	fs = flag.NewFlagSet("train "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage); fs.PrintDefaults() }
	outFile = fs.String("o", out, "write the weights to `FILE` (- for standard output)")
	folds = fs.Int("folds", 5, "cross-validate over `N` folds of sites")
	return fs, outFile, folds
}

// trainerDirs parses args with fs and returns the directories they name. It returns ok
// false, for the trainer to exit with exitUsage, when the flags do not parse, or (after
// printing the usage) when no directory is named or folds is below 2.
func trainerDirs(fs *flag.FlagSet, args []string, folds *int) (dirs []string, ok bool) {
	dirs, err := cli.Positional(fs, args)
	if err != nil {
		return nil, false
	}
	if len(dirs) == 0 || *folds < 2 {
		fs.Usage()
		return nil, false
	}
	return dirs, true
}
