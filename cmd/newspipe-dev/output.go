package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// writeModel writes a trained model's bytes to the file named out, or to stdout when out
// is "-".
func writeModel(out string, data []byte, stdout io.Writer) error {
	if out == "-" {
		_, err := stdout.Write(data)
		return err
	}
	return os.WriteFile(out, data, 0o644)
}

// saveModel writes the model a trainer encoded (data, or the error encoding gave) to out
// and returns the trainer's exit status; cmd names the trainer in error messages.
func saveModel(cmd, out string, data []byte, err error, stdout, stderr io.Writer) int {
	if err == nil {
		err = writeModel(out, data, stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "newspipe-dev train %s: %v\n", cmd, err)
		return exitFailures
	}
	return exitOK
}

// saveJSON writes v, a trained model, as indented JSON ending in a newline to out and
// returns the trainer's exit status; cmd names the trainer in error messages.
func saveJSON(cmd, out string, v any, stdout, stderr io.Writer) int {
	data, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		fmt.Fprintf(stderr, "newspipe-dev train %s: %v\n", cmd, err)
		return exitFailures
	}
	if err := writeModel(out, append(data, '\n'), stdout); err != nil {
		fmt.Fprintf(stderr, "newspipe-dev train %s: write: %v\n", cmd, err)
		return exitFailures
	}
	return exitOK
}
