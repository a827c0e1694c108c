package ingest

import (
	"bufio"
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/newspipe/newspipe/document"
)

func FuzzReadJSONLines(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"x"}` + "\n" + `not json` + "\n"))
	f.Add([]byte(`{"id":1,"html":"<p>x</p>","published":"2021-01-01","extra":{"k":[1,2]}}`))
	f.Add([]byte("\n\n{\"text\":null}\r\n{\"id\":\"a\",\"text\":\"y\"}\n{\"id\":\"a\",\"text\":\"z\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &Reader{Stdin: bytes.NewReader(data), MaxBytes: 1 << 10}
		// Every line that is not blank gives a document, and so does a blank line over the
		// size limit (as an error record).
		nonBlank := 0
		for _, l := range strings.Split(string(data), "\n") {
			if strings.TrimSpace(l) != "" || len(strings.TrimSuffix(l, "\r")) > int(r.MaxBytes) {
				nonBlank++
			}
		}
		n := 0
		err := r.readJSONLines(context.Background(), "f", "f.jsonl", newBufReader(data), func(d *document.Document) error {
			n++
			if d.Record.ID == "" {
				t.Fatalf("document without id from %q", data)
			}
			if !d.Failed() && len(d.Raw) == 0 {
				t.Fatalf("document without content and without error from %q", data)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if n != nonBlank {
			t.Fatalf("%d documents from %d non-blank lines of %q", n, nonBlank, data)
		}
	})
}

func newBufReader(data []byte) *bufio.Reader { return bufio.NewReader(bytes.NewReader(data)) }
