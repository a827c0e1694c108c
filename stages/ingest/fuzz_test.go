package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
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

func FuzzReadJSONValues(f *testing.F) {
	f.Add([]byte("{\n \"text\": \"One.\"\n}\n[{\"html\": \"<p>x</p>\"}, 3]"))
	f.Add([]byte(`[{"text": "a"}, {"text": "b`))
	f.Add([]byte("[Reuters] text\n{"))
	f.Add([]byte(`{"a": {"b": [1, {"c": "d"}]}, "text": "x"}  {"text": "y"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !startsJSONValue(newBufReader(data)) {
			return
		}
		r := &Reader{MaxBytes: 1 << 10}
		var docs []*document.Document
		err := r.readJSONValues(context.Background(), "f", "f.json", newBufReader(data), func(d *document.Document) error {
			docs = append(docs, d)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(docs) == 0 && !onlyJSONValues(data) {
			t.Fatalf("no document from %q, which is not JSON", data)
		}
		for _, d := range docs {
			if d.Record.ID == "" {
				t.Fatalf("document without id from %q", data)
			}
			if !d.Failed() && len(d.Raw) == 0 && d.FormatHint != "" {
				t.Fatalf("document without content and without error from %q", data)
			}
		}
		// A stream read as text is kept whole: nothing of it is lost.
		if len(docs) == 1 && docs[0].FormatHint == "" && !docs[0].Failed() && string(docs[0].Raw) != string(data) {
			t.Fatalf("text document %q from %q", docs[0].Raw, data)
		}
	})
}

// onlyJSONValues reports whether data is a sequence of whole JSON values.
func onlyJSONValues(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, utf8BOM)))
	for {
		var v json.RawMessage
		if err := dec.Decode(&v); err == io.EOF {
			return true
		} else if err != nil {
			return false
		}
	}
}
