package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/newspipe/newspipe/document"
)

// errValueTooLarge stops the JSON decoder when one value outgrows --max-bytes.
var errValueTooLarge = errors.New("value larger than --max-bytes")

// valueReader feeds the JSON decoder: it keeps what it has read while the stream may
// still turn out not to be JSON (to read it again as text), and it stops a value that
// grows past the size limit before the decoder buffers it whole.
type valueReader struct {
	in     io.Reader
	dec    *json.Decoder
	read   int64 // bytes given to the decoder
	start  int64 // the decoder's offset at the start of the current value
	limit  int64
	keep   bool
	copied bytes.Buffer
}

func (v *valueReader) Read(p []byte) (int, error) {
	// The decoder reads ahead by its buffer; a value is over the limit when what it
	// has read past the value's start is beyond the limit and that buffer.
	if v.read-v.start > v.limit+64<<10 {
		return 0, errValueTooLarge
	}
	n, err := v.in.Read(p)
	v.read += int64(n)
	if v.keep {
		v.copied.Write(p[:n])
	}
	return n, err
}

// readJSONValues emits the documents of a stream of JSON values that is not JSON Lines:
// an object spread over several lines (as jq prints it) is one document, an array of
// objects one document per element, and a sequence of such values all of theirs, each
// read as a JSON Lines line is. A stream whose first value is no valid JSON is one text
// document, as if it had not been read.
func (r *Reader) readJSONValues(ctx context.Context, id, path string, br *bufio.Reader, emit func(*document.Document) error) error {
	v := &valueReader{in: br, limit: r.maxBytes(), keep: true}
	dec := json.NewDecoder(v)
	v.dec = dec
	n := 0      // documents emitted
	values := 0 // top-level values begun
	fail := func(err error) error {
		if n == 0 && values <= 1 && !tooDeep(err) {
			// Not JSON after all: the stream is a document of text.
			return r.readDocument(id, path, io.MultiReader(bytes.NewReader(v.copied.Bytes()), br), emit)
		}
		switch {
		case tooDeep(err):
			err = fmt.Errorf("value %d is nested more than %d levels deep; the rest of the file is not read", n+1, maxJSONDepth)
		case errors.Is(err, errValueTooLarge):
			err = fmt.Errorf("value %d is larger than --max-bytes (%s); the rest of the file is not read", n+1, humanBytes(r.maxBytes()))
		case n > 0:
			err = fmt.Errorf("invalid JSON after value %d: %w; the rest of the file is not read", n, err)
		default:
			err = fmt.Errorf("invalid JSON: %w; the rest of the file is not read", err)
		}
		n++
		return emit(failed(fmt.Sprintf("%s:%d", id, n), path, err))
	}
	one := func(raw json.RawMessage) error {
		n++
		v.keep = false
		v.copied = bytes.Buffer{}
		return emit(r.lineDocument(id, path, n, "value", raw, false))
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		v.start = dec.InputOffset()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			if values == 0 {
				return r.readDocument(id, path, io.MultiReader(bytes.NewReader(v.copied.Bytes()), br), emit)
			}
			return nil // JSON that holds no object ("[]") holds no document
		}
		if err != nil {
			return fail(err)
		}
		values++
		switch tok {
		case json.Delim('['):
			for dec.More() {
				if err := ctx.Err(); err != nil {
					return err
				}
				v.start = dec.InputOffset()
				var raw json.RawMessage
				if err := dec.Decode(&raw); err != nil {
					return fail(err)
				}
				if err := one(raw); err != nil {
					return err
				}
			}
			if _, err := dec.Token(); err != nil { // the closing bracket
				return fail(err)
			}
		case json.Delim('{'):
			// The object's members, read again as one value.
			raw, err := objectRest(dec)
			if err != nil {
				return fail(err)
			}
			if err := one(raw); err != nil {
				return err
			}
		default:
			if n == 0 {
				return fail(errors.New("not an object or an array"))
			}
			n++
			if err := emit(failed(fmt.Sprintf("%s:%d", id, n), path, fmt.Errorf("value %d is a JSON %s, not an object", n, tokenKind(tok)))); err != nil {
				return err
			}
		}
	}
}

// maxJSONDepth is how deep encoding/json follows nested arrays and objects.
const maxJSONDepth = 10000

// tooDeep reports whether err is encoding/json's refusal of a value nested more than
// maxJSONDepth levels deep: valid JSON, or JSON-like brackets, that no text is made of.
func tooDeep(err error) bool {
	var se *json.SyntaxError
	return errors.As(err, &se) && strings.HasSuffix(se.Error(), "exceeded max depth")
}

// objectRest reads the members of an object whose opening brace dec has just given, and
// returns the whole object.
func objectRest(dec *json.Decoder) (json.RawMessage, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for first := true; dec.More(); first = false {
		key, err := dec.Token()
		if err != nil {
			return nil, err
		}
		name, ok := key.(string)
		if !ok {
			return nil, fmt.Errorf("object key %v is not a string", key)
		}
		var val json.RawMessage
		if err := dec.Decode(&val); err != nil {
			return nil, err
		}
		if !first {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(name)
		b.Write(k)
		b.WriteByte(':')
		b.Write(val)
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return nil, err
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// tokenKind names the kind of a JSON scalar as the decoder gives it.
func tokenKind(tok json.Token) string {
	switch tok.(type) {
	case string:
		return "string"
	case float64, json.Number:
		return "number"
	case bool:
		return "boolean"
	}
	return "null"
}
