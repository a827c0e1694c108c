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

// bodyTrainerFlags is the flag set of a trainer of the body's choices (choice, lines,
// return, trim, dispute), which clean pages through the pipeline: -o (described by
// outHelp), -folds and -workers.
func bodyTrainerFlags(name, usage, out, outHelp string, stderr io.Writer) (fs *flag.FlagSet, outFile *string, folds, workers *int) {
	fs = flag.NewFlagSet("train "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage); fs.PrintDefaults() }
	outFile = fs.String("o", out, outHelp)
	folds = fs.Int("folds", 5, "number of cross-validation folds, grouped by site")
	workers = fs.Int("workers", 2, "`N` workers per stage")
	return fs, outFile, folds, workers
}

// bodyTrainerArgs parses args with fs, a body trainer's flag set, and reports false, for
// the trainer to exit with exitUsage, when they do not parse, or (after printing the
// usage) when they name no directory or folds is below 2.
func bodyTrainerArgs(fs *flag.FlagSet, args []string, folds *int) bool {
	if err := fs.Parse(args); err != nil {
		return false
	}
	if fs.NArg() == 0 || *folds < 2 {
		fs.Usage()
		return false
	}
	return true
}
