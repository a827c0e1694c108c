// Package ingest reads input documents from files, folders, standard input and JSON Lines
// files, in a deterministic order, and hands them on one at a time.
package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newspipe/newspipe/document"
)

// DefaultMaxBytes is the default limit on the size of one document.
const DefaultMaxBytes = 10 << 20

// Stage is the stage name that ingest errors carry.
const Stage = "ingest"

// Reader reads documents from paths.
type Reader struct {
	// Stdin is read for the path "-".
	Stdin io.Reader
	// MaxBytes is the largest document accepted; a larger one becomes an error record.
	// 0 means DefaultMaxBytes.
	MaxBytes int64
	// NoHash leaves Record.Source.SHA256 empty, for a pass that reads the documents only
	// for their text (the site-repeats pre-pass): hashing runs in the reader, which runs
	// alone, and costs about 4% of the work on large pages.
	NoHash bool
}

// hash returns the hex SHA-256 of raw, or "" when the reader does not hash.
func (r *Reader) hash(raw []byte) string {
	if r.NoHash {
		return ""
	}
	return Hash(raw)
}

// readable lists the file endings read when walking a folder; a file named on the
// command line is always read.
var readable = map[string]bool{
	".txt": true, ".text": true, ".html": true, ".htm": true, ".xhtml": true,
	".jsonl": true, ".ndjson": true, ".warc": true,
}

// Read emits one document for every input document under paths, in order: paths in the
// order given, folders walked recursively in lexical order. A path that cannot be read
// becomes an error record, so every input yields an output. Read stops with emit's error.
func (r *Reader) Read(ctx context.Context, paths []string, emit func(*document.Document) error) error {
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p == "-" {
			if err := r.readStream(ctx, "stdin", "-", r.stdin(), emit); err != nil {
				return err
			}
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			if err := emit(failed(idOf(filepath.Base(p)), p, err)); err != nil {
				return err
			}
			continue
		}
		if !info.IsDir() {
			if err := r.readFile(ctx, idOf(filepath.Base(p)), p, emit); err != nil {
				return err
			}
			continue
		}
		if err := r.readDir(ctx, p, emit); err != nil {
			return err
		}
	}
	return nil
}

func (r *Reader) stdin() io.Reader {
	if r.Stdin == nil {
		return strings.NewReader("")
	}
	return r.Stdin
}

func (r *Reader) maxBytes() int64 {
	if r.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return r.MaxBytes
}

// readDir emits the documents of every readable file below root, in lexical order of
// their paths. Names starting with "." are skipped.
func (r *Reader) readDir(ctx context.Context, root string, emit func(*document.Document) error) error {
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			files = append(files, path) // reported as an error record when read
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") && path != root {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && (readable[ext(path)] || ext(path) == ".gz" && (readable[ext(strings.TrimSuffix(path, filepath.Ext(path)))] || ext(strings.TrimSuffix(path, filepath.Ext(path))) == "")) {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("walk %s: %w", root, err)
	}
	sort.Strings(files)
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		rel, err := filepath.Rel(root, f)
		if err != nil {
			rel = filepath.Base(f)
		}
		if err := r.readFile(ctx, idOf(rel), f, emit); err != nil {
			return err
		}
	}
	return nil
}

// readFile emits the documents of one file: one, or one per line of a JSON Lines file.
func (r *Reader) readFile(ctx context.Context, id, path string, emit func(*document.Document) error) error {
	f, err := os.Open(path)
	if err != nil {
		return emit(failed(id, path, err))
	}
	defer f.Close()
	return r.readStream(ctx, id, path, f, emit)
}

// readStream emits the documents of one input stream, gunzipping it when its name ends
// in ".gz" and splitting it into lines when it is JSON Lines.
func (r *Reader) readStream(ctx context.Context, id, path string, in io.Reader, emit func(*document.Document) error) error {
	name := path
	if lower := strings.ToLower(name); strings.HasSuffix(lower, ".warc") || strings.HasSuffix(lower, ".warc.gz") {
		return r.readWARC(ctx, id, path, in, emit)
	}
	if strings.HasSuffix(strings.ToLower(name), ".gz") {
		zr, err := gzip.NewReader(in)
		if err != nil {
			return emit(failed(id, path, fmt.Errorf("not a gzip file: %w", err)))
		}
		defer zr.Close()
		in = zr
		name = strings.TrimSuffix(name, filepath.Ext(name))
	}
	br := bufio.NewReaderSize(in, 64<<10)
	if isJSONLines(name, path, br) {
		return r.readJSONLines(ctx, id, path, br, emit)
	}
	raw, err := io.ReadAll(io.LimitReader(br, r.maxBytes()+1))
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) && name != path:
		return emit(failed(id, path, errors.New("truncated gzip data: the file ends in the middle of the stream")))
	case err != nil:
		return emit(failed(id, path, fmt.Errorf("read: %w", err)))
	case int64(len(raw)) > r.maxBytes():
		return emit(failed(id, path, fmt.Errorf("document larger than --max-bytes (%s)", humanBytes(r.maxBytes()))))
	}
	d := newDocument(id, path)
	d.Raw = raw
	d.Record.Source.SHA256 = r.hash(raw)
	return emit(d)
}

// isJSONLines reports whether a stream holds JSON Lines: by its name, or, for standard
// input, by a first line that is a JSON object.
func isJSONLines(name, path string, br *bufio.Reader) bool {
	switch ext(name) {
	case ".jsonl", ".ndjson":
		return true
	}
	if path != "-" {
		return false
	}
	peek, _ := br.Peek(64 << 10)
	line, _, _ := bytes.Cut(bytes.TrimLeft(peek, " \t\r\n\ufeff"), []byte("\n"))
	var obj map[string]json.RawMessage
	return len(line) > 0 && line[0] == '{' && json.Unmarshal(line, &obj) == nil
}

// ext returns the lower-case extension of path.
func ext(path string) string { return strings.ToLower(filepath.Ext(path)) }

// idOf makes a document id from a path: its slash-separated form without extensions.
func idOf(path string) string {
	path = filepath.ToSlash(path)
	for {
		e := filepath.Ext(path)
		if e == "" || strings.Contains(e, "/") || len(e) > 8 {
			break
		}
		path = strings.TrimSuffix(path, e)
	}
	return strings.TrimPrefix(path, "./")
}

// Hash returns the hex SHA-256 of a document's bytes, as records carry it.
func Hash(raw []byte) string {
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}

func newDocument(id, path string) *document.Document {
	d := &document.Document{}
	d.Record.ID = id
	d.Record.Source.Path = path
	return d
}

// failed returns an error record for a document that could not be read.
func failed(id, path string, err error) *document.Document {
	d := newDocument(id, path)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = fmt.Errorf("cannot read file: %w", pe.Err)
	}
	d.Fail(Stage, err)
	return d
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
