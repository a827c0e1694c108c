package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryInputYieldsOneRecordInOrder runs generated mixes of good and bad documents with
// 1 and 8 workers and checks the invariant: exactly one record per input document, in
// input order, with the same bytes whatever the number of workers.
func TestEveryInputYieldsOneRecordInOrder(t *testing.T) {
	kinds := []func(r *rand.Rand) (ext string, body []byte, ok bool){
		func(r *rand.Rand) (string, []byte, bool) { // a plain article
			return ".txt", []byte(fmt.Sprintf("Story %d\n\nThe council met on Tuesday and voted %d to %d to approve the new budget for the coming year.\n", r.IntN(1000), r.IntN(9), r.IntN(9))), true
		},
		func(r *rand.Rand) (string, []byte, bool) { // an HTML page
			return ".html", []byte(fmt.Sprintf("<html><body><article><h1>Title %d</h1><p>The plant will close in %d weeks, the company said in a statement on Monday.</p></article></body></html>", r.IntN(1000), 1+r.IntN(9))), true
		},
		func(r *rand.Rand) (string, []byte, bool) { return ".txt", nil, false },                                 // empty
		func(r *rand.Rand) (string, []byte, bool) { return ".txt", []byte("\x89PNG\r\n\x1a\n\x00\x00"), false }, // binary
		func(r *rand.Rand) (string, []byte, bool) { // random bytes: any outcome, but one record
			b := make([]byte, r.IntN(300))
			for i := range b {
				b[i] = byte(r.IntN(256))
			}
			return ".txt", b, true
		},
		func(r *rand.Rand) (string, []byte, bool) { // HTML with no text
			return ".html", []byte("<html><script>x()</script></html>"), false
		},
	}
	for seed := range uint64(3) {
		r := rand.New(rand.NewPCG(seed, 7))
		dir := t.TempDir()
		n := 40 + r.IntN(40)
		var ids []string
		var jsonl strings.Builder
		for i := range n {
			ext, body, _ := kinds[r.IntN(len(kinds))](r)
			id := fmt.Sprintf("doc%03d", i)
			if r.IntN(4) == 0 { // some documents travel in a JSON Lines file instead
				line, _ := json.Marshal(map[string]string{"id": "line" + id, "text": string(body)})
				if r.IntN(5) == 0 {
					line = []byte("{not json")
				}
				jsonl.Write(line)
				jsonl.WriteByte('\n')
				continue
			}
			ids = append(ids, id)
			if err := os.WriteFile(filepath.Join(dir, id+ext), body, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		lines := strings.Count(jsonl.String(), "\n")
		if err := os.WriteFile(filepath.Join(dir, "zz.jsonl"), []byte(jsonl.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		var outputs [][]byte
		for _, workers := range []string{"1", "8"} {
			_, out, errOut := run(t, "", "run", "--workers", workers, dir)
			got := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if len(got) != len(ids)+lines {
				t.Fatalf("seed %d, %s workers: %d records for %d documents\n%s", seed, workers, len(got), len(ids)+lines, errOut)
			}
			for i, id := range ids {
				var rec struct{ ID string }
				if err := json.Unmarshal([]byte(got[i]), &rec); err != nil || rec.ID != id {
					t.Fatalf("seed %d: record %d is %q (%v), want id %s", seed, i, got[i][:min(80, len(got[i]))], err, id)
				}
			}
			outputs = append(outputs, []byte(out))
		}
		if !bytes.Equal(outputs[0], outputs[1]) {
			t.Errorf("seed %d: output differs between 1 and 8 workers", seed)
		}
	}
}
