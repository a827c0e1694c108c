package main

import (
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
