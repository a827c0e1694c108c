package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/stages/decode"
)

// known are the JSON Lines fields that newspipe reads; any other field is carried into
// the record's "meta".
var known = map[string]bool{"id": true, "url": true, "text": true, "html": true, "published": true}

// readJSONLines emits one document per non-blank line (a byte order mark at the start
// of a line is dropped). A line that is not a JSON object,
// has fields of the wrong type or is longer than the size limit becomes an error record
// that names the line.
func (r *Reader) readJSONLines(ctx context.Context, fileID, path string, br *bufio.Reader, emit func(*document.Document) error) error {
	var buf []byte // reused: nothing a document keeps refers to the line
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		n += skipBlankLines(br)
		line, tooLong, err := readLine(br, r.maxBytes(), buf[:0])
		if cap(line) <= maxKeptLineBuffer {
			buf = line
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return emit(failed(fileID+":"+strconv.Itoa(n), path, fmt.Errorf("read line %d: %w", n, err)))
		}
		// Files written with a byte order mark and joined (cat a.jsonl b.jsonl) have one
		// at the start of a line.
		doc := bytes.TrimPrefix(line, utf8BOM)
		if len(bytes.TrimSpace(doc)) > 0 || tooLong {
			// A repeated id gets a suffix from Read, which sees the ids of the whole run.
			if err := emit(r.lineDocument(fileID, path, n, "line", doc, tooLong)); err != nil {
				return err
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
	}
}

// lineDocument turns line n of a JSON Lines file, or its value n when unit says so (a
// JSON file of objects), into a document or an error record.
func (r *Reader) lineDocument(fileID, path string, n int, unit string, line []byte, tooLong bool) *document.Document {
	id := fileID + ":" + strconv.Itoa(n)
	at := unit + " " + strconv.Itoa(n)
	if tooLong {
		return failed(id, path, fmt.Errorf("%s is larger than --max-bytes (%s)", at, humanBytes(r.maxBytes())))
	}
	fields, err := parseObject(line)
	if err != nil {
		if kind := jsonKind(line); kind != "" {
			return failed(id, path, fmt.Errorf("%s is a JSON %s, not an object", at, kind))
		}
		if err := json.Unmarshal(line, &fields); err != nil {
			if tooDeep(err) {
				return failed(id, path, fmt.Errorf("%s is nested more than %d levels deep", at, maxJSONDepth))
			}
			return failed(id, path, fmt.Errorf("invalid JSON on %s: %w", at, err))
		}
	}
	if fields == nil {
		return failed(id, path, fmt.Errorf("%s is a JSON null, not an object", at))
	}
	d := newDocument(id, path)
	if raw, ok := fields["id"]; ok && string(raw) != "null" {
		var s string
		var num json.Number
		switch {
		case json.Unmarshal(raw, &s) == nil:
			if s != "" {
				d.Record.ID = s
			}
		case json.Unmarshal(raw, &num) == nil:
			d.Record.ID = num.String()
		default:
			// Another id would be made up, and the record could not be matched to its line.
			d.Fail(Stage, fmt.Errorf("%s: field \"id\" must be a string or a number", at))
			return d
		}
	}
	for _, f := range []struct {
		name string
		dst  *string
	}{{"url", &d.Record.Source.URL}, {"published", &d.Published}} {
		raw, ok := fields[f.name]
		if !ok || string(raw) == "null" {
			continue
		}
		if v, ok := unquote(raw); ok {
			*f.dst = v
		} else if err := json.Unmarshal(raw, f.dst); err != nil {
			d.Fail(Stage, fmt.Errorf("%s: field %q must be a string", at, f.name))
			return d
		}
	}
	// The article is unquoted straight into the bytes the decode stage reads.
	var text, html []byte
	var given []string // the article fields present, even empty, for the error that says which
	for _, f := range []struct {
		name string
		dst  *[]byte
	}{{"text", &text}, {"html", &html}} {
		raw, ok := fields[f.name]
		if !ok || string(raw) == "null" {
			continue
		}
		given = append(given, f.name)
		// Unquoting makes invalid bytes U+FFFD, as decoding a document's bytes does: the
		// record says so in the same words.
		if w := decode.ReplacedWarning(raw, "utf-8"); w != "" {
			d.Record.Warnings = append(d.Record.Warnings, w)
		}
		if v, ok := appendUnquoted(make([]byte, 0, len(raw)), raw); ok {
			*f.dst = v
			continue
		}
		var v string
		if err := json.Unmarshal(raw, &v); err != nil {
			d.Fail(Stage, fmt.Errorf("%s: field %q must be a string", at, f.name))
			return d
		}
		*f.dst = []byte(v)
	}
	switch {
	case len(html) > 0 && len(text) > 0:
		d.Fail(Stage, fmt.Errorf("%s: give either \"text\" or \"html\", not both", at))
		return d
	case len(html) > 0:
		d.Raw, d.FormatHint = html, "html"
	case len(text) > 0:
		d.Raw, d.FormatHint = text, "text"
	case len(given) > 0:
		d.Fail(Stage, fmt.Errorf("%s: field %q is empty", at, given[0]))
		return d
	default:
		d.Fail(Stage, fmt.Errorf("%s: no \"text\" or \"html\" field", at))
		return d
	}
	d.Record.Source.SHA256 = r.hash(line)
	d.Record.Meta = extraFields(fields)
	return d
}

// jsonKind names the kind of a line that is valid JSON but not an object ("array",
// "string", "number", "boolean"), or returns "".
func jsonKind(line []byte) string {
	t := bytes.TrimSpace(line)
	if len(t) == 0 || t[0] == '{' || !json.Valid(t) {
		return ""
	}
	switch t[0] {
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

// extraFields returns the unknown fields as one JSON object with sorted keys, or nil.
func extraFields(fields map[string]json.RawMessage) json.RawMessage {
	var keys []string
	for k := range fields {
		if !known[k] {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	sort.Strings(keys)
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		name, _ := json.Marshal(k)
		b.Write(name)
		b.WriteByte(':')
		if err := json.Compact(&b, fields[k]); err != nil {
			b.WriteString("null")
		}
	}
	b.WriteByte('}')
	return b.Bytes()
}

// skipBlankLines consumes the blank lines at the start of br, a buffer at a time (a
// stream of millions of them, a decompression bomb of newlines, goes at the speed of the
// decompressor), and returns their number. It leaves the white space before the next
// non-blank line's first byte, or a blank last line without its end.
func skipBlankLines(br *bufio.Reader) int {
	lines := 0
	for {
		buf, _ := br.Peek(br.Size())
		end := 0 // bytes up to the last line end in the blank run
		for i, c := range buf {
			if c == '\n' {
				lines++
				end = i + 1
			} else if c != ' ' && c != '\t' && c != '\r' {
				br.Discard(end)
				return lines
			}
		}
		if end == 0 {
			return lines
		}
		br.Discard(end)
	}
}

// maxKeptLineBuffer is the largest line buffer kept for the next line of a file.
const maxKeptLineBuffer = 1 << 20

// readLine reads one line without its end ("\n" or "\r\n") into buf, which it may
// grow. A line longer than limit bytes is consumed and reported as tooLong without being
// kept in memory.
func readLine(br *bufio.Reader, limit int64, buf []byte) (line []byte, tooLong bool, err error) {
	var n int64
	for {
		chunk, err := br.ReadSlice('\n')
		n += int64(len(chunk))
		if n <= limit+2 { // room for the line end
			buf = append(buf, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		end := 0
		if len(chunk) > 0 && chunk[len(chunk)-1] == '\n' {
			end = 1
			if n >= 2 && len(buf) >= 2 && buf[len(buf)-2] == '\r' {
				end = 2
			}
		}
		if n-int64(end) > limit {
			return buf[:0], true, err
		}
		return buf[:len(buf)-end], false, err
	}
}
