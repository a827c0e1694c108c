package main

import (
	"context"
	"io"

	"github.com/newspipe/newspipe/stages/clean"
)

const trainDisputeUsage = `Usage: newspipe-dev train dispute [-o FILE] DIR...

Learns the chrome cleaner's per-block dispute for HTML pages: for each block that the HTML
body (the stored body choice's, with the stored return and trim applied) and the line
model reading the page's blocks as raw text lines disagree on, whether the line model's
reading is right: a block only the lines keep comes into the body, a block only the HTML
body keeps leaves it. It is the last of the cleaner's HTML choices to be trained, after
train lines: a page whose raw lines the stored lines choice takes has no disputed block
and is scored as the lines give it, but the blocks its HTML body and the lines disagree on
are learned from all the same, so that the dispute does not change with the lines
choice's decision on a page near its confidence.
Every HTML page of each DIR (ID.html[.gz], ID.truth.txt) is parsed as the pipeline parses
it and cleaned without the dispute; each disputed block is labelled by its words in the
human-marked body and not, weighed as they move the page's F1. The threshold and the
ridge penalty are selected by cross-validation grouped by site (URL host) as train return
selects them, except that a setting that turns a page catastrophic (0.8 or more without
the dispute, under 0.5 with it) is not eligible: a page lost whole weighs on a reader
more than the mean F1 says. Prints the cross-validated F1 per set beside the F1 without
the dispute and the trained dispute's own (in-sample) F1, and writes the dispute as JSON
(to be embedded as stages/clean/choice_dispute.json). Training is deterministic.

Flags:
`

func disputeTask() blockTask {
	return blockTask{name: "dispute", usage: trainDisputeUsage, out: "stages/clean/choice_dispute.json",
		cleaner:    clean.New().WithDispute(nil),
		unswapped:  clean.New().WithDispute(nil).WithoutLines(),
		candidates: (*clean.Cleaner).DisputeCandidates,
		train: func(ex []clean.ReturnExample, t, l2 float64) blockModel {
			return clean.TrainDispute(ex, t, l2)
		},
		verb: "settles", names: clean.DisputeFeatureNames}
}

func cmdTrainDispute(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return trainBlocks(ctx, disputeTask(), args, stdout, stderr)
}
