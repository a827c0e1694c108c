package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"time"

	"github.com/newspipe/newspipe/internal/cli"
	"github.com/newspipe/newspipe/stages/extract"
)

// trafilaturaResult is what "newspipe bench-trafilatura" prints: one baseline measure.
type trafilaturaResult struct {
	Pages       int    `json:"pages"`
	Bytes       int64  `json:"bytes"`
	Nanoseconds int64  `json:"nanoseconds"`
	Err         string `json:"error,omitempty"` // the first page's error, if any
}

// cmdBenchTrafilatura measures go-trafilatura alone for newspipe bench run in another
// build: "newspipe bench-trafilatura --pages N FILE..." prints a trafilaturaResult. It
// needs a build with -tags trafilatura.
func cmdBenchTrafilatura(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench-trafilatura", flag.ContinueOnError)
	fs.SetOutput(stderr)
	pages := fs.Int("pages", 300, "measure the first `N` HTML pages of the JSON Lines FILEs")
	if err := cli.ParseFlags(fs, args); err != nil {
		return exitUsage
	}
	if !extract.HasBaseline {
		fmt.Fprintf(stderr, "newspipe bench-trafilatura: %v\n", extract.ErrNoBaseline)
		return exitUsage
	}
	b, err := benchTrafilatura(ctx, fs.Args(), *pages)
	if err != nil {
		fmt.Fprintf(stderr, "newspipe bench-trafilatura: %v\n", err)
		return exitFailures
	}
	res := trafilaturaResult{Pages: b.docs, Bytes: b.bytes, Nanoseconds: b.took.Nanoseconds()}
	if b.err != nil {
		res.Err = b.err.Error()
	}
	if err := json.NewEncoder(stdout).Encode(res); err != nil {
		fmt.Fprintf(stderr, "newspipe bench-trafilatura: %v\n", err)
		return exitFailures
	}
	return exitOK
}

// measureTrafilatura measures go-trafilatura's extraction alone over the first n HTML
// pages of files: in this process when this build has it, otherwise in program, a newspipe
// built with -tags trafilatura, so that the process whose pipeline is measured carries
// none of go-trafilatura's dependencies (their tables make every garbage collection
// longer). With neither, it measures nothing.
func measureTrafilatura(ctx context.Context, program string, files []string, n int) (baseline, error) {
	if extract.HasBaseline || program == "" {
		return benchTrafilatura(ctx, files, n)
	}
	var out, errOut bytes.Buffer
	cmd := exec.CommandContext(ctx, program, append([]string{"bench-trafilatura", "--pages", strconv.Itoa(n)}, files...)...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		return baseline{}, fmt.Errorf("go-trafilatura baseline in %s: %w: %s", program, err, bytes.TrimSpace(errOut.Bytes()))
	}
	var res trafilaturaResult
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		return baseline{}, fmt.Errorf("go-trafilatura baseline in %s: %w", program, err)
	}
	b := baseline{docs: res.Pages, bytes: res.Bytes, took: time.Duration(res.Nanoseconds)}
	if res.Err != "" {
		b.err = errors.New(res.Err)
	}
	return b, nil
}
