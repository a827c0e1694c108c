package ingest

import (
	"strings"
	"testing"
)

func TestReadJSONValues(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []got // id, raw, hint, err
	}{
		{"object over several lines, as jq prints it",
			"{\n  \"id\": \"a7\",\n  \"text\": \"The council met.\"\n}\n",
			[]got{{id: "a7", raw: "The council met.", hint: "text"}}},
		{"array of objects",
			`[{"text": "One."}, {"html": "<p>Two.</p>"}]`,
			[]got{{id: "stdin:1", raw: "One.", hint: "text"}, {id: "stdin:2", raw: "<p>Two.</p>", hint: "html"}}},
		{"sequence of objects",
			"{\n \"text\": \"One.\"\n}\n{\n \"text\": \"Two.\"\n}\n",
			[]got{{id: "stdin:1", raw: "One.", hint: "text"}, {id: "stdin:2", raw: "Two.", hint: "text"}}},
		{"elements that are no documents",
			`[{"text": "One."}, "two", {"html": 3}]`,
			[]got{{id: "stdin:1", raw: "One.", hint: "text"},
				{id: "stdin:2", err: "ingest: value 2 is a JSON string, not an object"},
				{id: "stdin:3", err: "ingest: value 3: field \"html\" must be a string"}}},
		{"broken after a document",
			`[{"text": "One."}, {"text": "Tw`,
			[]got{{id: "stdin:1", raw: "One.", hint: "text"},
				{id: "stdin:2", err: "ingest: invalid JSON after value 1: unexpected EOF; the rest of the file is not read"}}},
		{"empty array holds no document", "[]\n[ ]\n", nil},
		{"empty array then broken JSON",
			"[]\n[{\"text\": ",
			[]got{{id: "stdin:1", err: "ingest: invalid JSON: unexpected EOF; the rest of the file is not read"}}},
		// Valid JSON nested deeper than the decoder follows is JSON, not text.
		{"array of a value nested too deep",
			"[" + strings.Repeat("[", 20_000) + strings.Repeat("]", 20_000) + `, {"text": "After."}]`,
			[]got{{id: "stdin:1", err: "ingest: value 1 is nested more than 10000 levels deep; the rest of the file is not read"}}},
		{"object nested too deep",
			"{\n\"text\": \"One.\",\n\"meta\": " + strings.Repeat("[", 20_000) + strings.Repeat("]", 20_000) + "\n}",
			[]got{{id: "stdin:1", err: "ingest: value 1 is nested more than 10000 levels deep; the rest of the file is not read"}}},
		{"JSON line nested too deep",
			`{"text": "One.", "meta": ` + strings.Repeat("[", 20_000) + strings.Repeat("]", 20_000) + "}\n" + `{"text": "Two."}`,
			[]got{{id: "stdin:1", err: "ingest: line 1 is nested more than 10000 levels deep"}, {id: "stdin:2", raw: "Two.", hint: "text"}}},
		{"text in brackets is text",
			"[Reuters] The council met on Monday.\n",
			[]got{{id: "stdin", raw: "[Reuters] The council met on Monday.\n"}}},
		{"text in braces is text",
			"{a, b} is a set. It has two members.\n",
			[]got{{id: "stdin", raw: "{a, b} is a set. It has two members.\n"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := readAll(t, &Reader{Stdin: strings.NewReader(tt.input)}, "-")
			if len(out) != len(tt.want) {
				t.Fatalf("got %d documents %+v, want %d", len(out), out, len(tt.want))
			}
			for i, w := range tt.want {
				g := out[i]
				if g.id != w.id || g.raw != w.raw || g.hint != w.hint || g.err != w.err {
					t.Errorf("document %d = {id %q raw %.100q hint %q err %q}, want {id %q raw %.100q hint %q err %q}",
						i, g.id, g.raw, g.hint, g.err, w.id, w.raw, w.hint, w.err)
				}
			}
		})
	}
}

func TestReadJSONValuesOverTheSizeLimit(t *testing.T) {
	big := `{"text": "` + strings.Repeat("word ", 100_000) + `"}`
	input := `[{"text": "Small."}, ` + big + `, {"text": "After."}]`
	out := readAll(t, &Reader{Stdin: strings.NewReader(input), MaxBytes: 1024}, "-")
	if len(out) != 2 || out[0].raw != "Small." || !strings.Contains(out[1].err, "value 2 is larger than --max-bytes") {
		t.Fatalf("got %+v, want the first document, then an error record for the second", out)
	}
}
