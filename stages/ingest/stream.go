package ingest

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/internal/warc"
)

// utf8BOM is the byte order mark that some tools put before UTF-8 text.
var utf8BOM = []byte("\xef\xbb\xbf")

// maxCompressionLayers is how many layers of compression are undone.
const maxCompressionLayers = 3

// readStream emits the documents of one input stream. What it holds is read from its
// content, not its name: gzip, zstd or bzip2 compression is undone as it streams; a WARC
// or ARC file gives one document per page; JSON Lines (named .jsonl or .ndjson, or, when
// the name does not say, a stream whose first non-blank line is a JSON object however
// long) gives one per line; a JSON object spread over lines, an array of objects or a
// sequence of them gives one per object; anything else is one document.
func (r *Reader) readStream(ctx context.Context, id, path string, in io.Reader, emit func(*document.Document) error) error {
	br := bufio.NewReaderSize(in, 64<<10)
	head, _ := br.Peek(512)
	name := stripCompression(path)
	// Compression inside compression (a .gz of a .gz, a zstd dump gzipped again) is
	// undone too, a few layers deep.
	for depth := 0; depth < maxCompressionLayers; depth++ {
		compressed := compressionOf(head)
		if compressed == "" {
			break
		}
		// A gzipped WARC is read by the WARC reader, which resynchronises on a corrupt
		// record's gzip member instead of losing the rest of the file.
		if compressed == gzipData {
			// A name that says WARC or ARC is trusted when the first member is corrupt.
			switch h := peekDecompressed(compressed, br, 512); {
			case isWARC(h) || len(h) == 0 && ext(name) == ".warc":
				return r.readWARC(ctx, id, path, br, emit)
			case isARC(h) || len(h) == 0 && ext(name) == ".arc":
				return r.readARC(ctx, id, path, br, emit)
			}
		}
		z, err := decompressor(compressed, br)
		if err != nil {
			return emit(failed(id, path, err))
		}
		defer z.Close()
		br = bufio.NewReaderSize(z, 64<<10)
		head, _ = br.Peek(512)
	}
	if len(head) == 0 && (ext(name) == ".warc" || ext(name) == ".arc") {
		return nil // an empty web archive holds no documents
	}
	switch {
	case isWARC(head):
		return r.readWARC(ctx, id, path, br, emit)
	case isARC(head):
		return r.readARC(ctx, id, path, br, emit)
	case ext(name) == ".warc":
		// Bytes that are not a record before the first one (junk, a partial record
		// left by a crawler that was stopped): the WARC reader reports them and reads
		// the records after them.
		if peek, _ := br.Peek(br.Size()); warc.FindStart(peek) {
			return r.readWARC(ctx, id, path, br, emit)
		}
	}
	switch ext(name) {
	case ".jsonl", ".ndjson":
		return r.readJSONLines(ctx, id, path, skipBOM(br), emit)
	case ".txt", ".text", ".html", ".htm", ".xhtml", ".shtml":
		return r.readDocument(id, path, br, emit)
	}
	isJSONL, replay, err := r.sniffJSONLines(br)
	if err != nil {
		return emit(failed(id, path, err))
	}
	if isJSONL {
		return r.readJSONLines(ctx, id, path, skipBOM(replay), emit)
	}
	if startsJSONValue(replay) {
		return r.readJSONValues(ctx, id, path, skipBOM(replay), emit)
	}
	return r.readDocument(id, path, replay, emit)
}

// startsJSONValue reports whether the stream's first non-blank byte opens a JSON object
// or array.
func startsJSONValue(br *bufio.Reader) bool {
	peek, _ := br.Peek(4096)
	start := bytes.TrimLeft(bytes.TrimPrefix(bytes.TrimLeft(peek, " \t\r\n"), utf8BOM), " \t\r\n")
	return len(start) > 0 && (start[0] == '{' || start[0] == '[')
}

// readDocument emits the whole stream as one document.
func (r *Reader) readDocument(id, path string, in io.Reader, emit func(*document.Document) error) error {
	raw, err := io.ReadAll(io.LimitReader(in, r.maxBytes()+1))
	switch {
	case err != nil:
		return emit(failed(id, path, err))
	case int64(len(raw)) > r.maxBytes():
		return emit(failed(id, path, fmt.Errorf("document larger than --max-bytes (%s)", humanBytes(r.maxBytes()))))
	}
	d := newDocument(id, path)
	d.Raw = raw
	d.Record.Source.SHA256 = r.hash(raw)
	return emit(d)
}

// sniffJSONLines reads the start of a stream whose name does not say what it holds and
// reports whether it is JSON Lines: its first non-blank line, read whole however long it
// is, is a JSON object (it starts with "{" and ends with "}"; a line too long to read
// counts, as it is over the size limit whatever it is). It returns a reader that yields
// the stream from its start again.
func (r *Reader) sniffJSONLines(br *bufio.Reader) (bool, *bufio.Reader, error) {
	peek, _ := br.Peek(4096)
	start := bytes.TrimLeft(bytes.TrimPrefix(bytes.TrimLeft(peek, " \t\r\n"), utf8BOM), " \t\r\n")
	if len(start) == 0 || start[0] != '{' {
		return false, br, nil
	}
	// Keep what is read so that it can be read again: at most the size limit.
	limit := r.maxBytes() + 2
	var read []byte
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if int64(len(read)+len(chunk)) <= limit {
			read = append(read, chunk...)
			line = append(line, chunk...)
		} else {
			// Over the limit: too long to be a document of any kind.
			return true, replayed(read, chunk, br), nil
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err != nil && err != io.EOF:
			return false, nil, err
		}
		t := bytes.TrimSpace(bytes.TrimPrefix(line, utf8BOM))
		if len(t) == 0 && err == nil {
			line = line[:0]
			continue // a blank line before the first object
		}
		isJSONL := len(t) > 1 && t[0] == '{' && t[len(t)-1] == '}'
		return isJSONL, replayed(read, nil, br), nil
	}
}

// replayed returns a reader of read, then more, then the rest of br.
func replayed(read, more []byte, br *bufio.Reader) *bufio.Reader {
	return bufio.NewReaderSize(io.MultiReader(bytes.NewReader(read), bytes.NewReader(bytes.Clone(more)), br), 64<<10)
}

// skipBOM drops a UTF-8 byte order mark at the start of a stream.
func skipBOM(br *bufio.Reader) *bufio.Reader {
	if head, _ := br.Peek(3); bytes.Equal(head, utf8BOM) {
		br.Discard(3)
	}
	return br
}

// isWARC reports whether data starts with a WARC version line, after blank lines if any
// (which the WARC reader skips).
func isWARC(head []byte) bool {
	head = bytes.TrimLeft(head, "\r\n")
	return bytes.HasPrefix(head, []byte("WARC/")) && len(head) > 5 && head[5] >= '0' && head[5] <= '9'
}

// isARC reports whether data starts like an ARC file (see warc.StartsARC).
func isARC(head []byte) bool { return warc.StartsARC(head) }
