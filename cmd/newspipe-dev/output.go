package main

import (
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
