// Package ingest reads input documents from files, folders, standard input and JSON Lines
// files, in a deterministic order, and hands them on one at a time.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
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
	// Stdin is read for the path "-"; when it is nil, "-" gives an error record.
	Stdin io.Reader
	// MaxBytes is the largest document accepted; a larger one becomes an error record.
	// 0 means DefaultMaxBytes.
	MaxBytes int64
	// NoHash leaves Record.Source.SHA256 empty, for a pass that reads the documents only
	// for their text (the site-repeats pre-pass): hashing runs in the reader, which runs
	// alone, and costs about 4% of the work on large pages.
	NoHash bool
	// Progress, when not nil, is called with the number of bytes read from input files
	// as they are read (compressed bytes for a compressed file), for a progress report.
	Progress func(n int64)

	summary Summary
}

// hash returns the hex SHA-256 of raw, or "" when the reader does not hash.
func (r *Reader) hash(raw []byte) string {
	if r.NoHash {
		return ""
	}
	return Hash(raw)
}

// Read emits one document for every input document under paths, in order: paths in the
// order given, folders walked recursively in lexical order. A file named in paths is always
// read; in a folder, only files whose name ends in an input format (readInWalk) are, and
// the others are counted in the Summary. A path that cannot be read becomes an error
// record, so every input yields an output. Ids are unique within the call (uniqueIDs).
// Read stops with emit's error.
func (r *Reader) Read(ctx context.Context, paths []string, emit func(*document.Document) error) error {
	r.summary = Summary{}
	ids := uniqueIDs{}
	emit1 := func(d *document.Document) error {
		d.Record.ID = ids.claim(d.Record.ID)
		r.summary.Documents++
		return emit(d)
	}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p == "-" && r.Stdin == nil {
			// Read as an empty stream, "-" would give an "empty document" that the
			// caller's standard input may not be.
			if err := emit1(failed("stdin", p, errNoStdin)); err != nil {
				return err
			}
			continue
		}
		if p == "-" {
			if err := r.readStream(ctx, "stdin", "-", r.Stdin, emit1); err != nil {
				return err
			}
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			if err := emit1(failed(idOf(filepath.Base(p)), p, err)); err != nil {
				return err
			}
			continue
		}
		if !info.IsDir() {
			if err := r.readFile(ctx, idOf(filepath.Base(p)), p, emit1); err != nil {
				return err
			}
			continue
		}
		if err := r.readDir(ctx, p, emit1); err != nil {
			return err
		}
	}
	return nil
}

// ReadFrom emits the documents of one file that the caller opens — from an object store,
// through another file system — as Read emits those of a file it is given: path names the
// file in the records and gives their ids, open is called once, and an error from it
// becomes the file's error record. Ids are unique within the call.
func (r *Reader) ReadFrom(ctx context.Context, path string, open func() (io.ReadCloser, error), emit func(*document.Document) error) error {
	r.summary = Summary{}
	ids := uniqueIDs{}
	emit1 := func(d *document.Document) error {
		d.Record.ID = ids.claim(d.Record.ID)
		r.summary.Documents++
		return emit(d)
	}
	id := idOf(filepath.Base(path))
	f, err := open()
	if err != nil {
		return emit1(failed(id, path, err))
	}
	defer f.Close()
	var in io.Reader = f
	if r.Progress != nil {
		in = &countingReader{r: f, add: r.Progress}
	}
	return r.readStream(ctx, id, path, in, emit1)
}

// Summary returns what the last Read skipped and how many documents it emitted.
func (r *Reader) Summary() Summary { return r.summary }

// errNoStdin is the error of the path "-" for a Reader that has no Stdin.
var errNoStdin = errors.New(`"-" names standard input, which this reader is not given`)

func (r *Reader) maxBytes() int64 {
	if r.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return r.MaxBytes
}

// readInWalk reports whether a file found in a folder is read: its name ends in an input
// format, optionally compressed (page.html, feed.jsonl.zst), or in a compression ending
// alone (dump.gz), whose content says what it is.
func readInWalk(name string) bool {
	if documentExts[ext(name)] {
		return true
	}
	if !compressedExts[ext(name)] {
		return false
	}
	inner := stripCompression(name)
	return documentExts[ext(inner)] || filepath.Ext(inner) == ""
}

// readDir emits the documents of every readable file below root, in lexical order of
// their paths. Names starting with "." are skipped silently; other files that are not
// read are counted in the summary. Symbolic links to folders are not followed.
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
		if d.IsDir() {
			return nil
		}
		if d.Type()&(fs.ModeNamedPipe|fs.ModeSocket|fs.ModeDevice|fs.ModeCharDevice|fs.ModeIrregular) != 0 {
			r.summary.skipFile(path) // reading a pipe or a device could block or never end
			return nil
		}
		if readInWalk(d.Name()) {
			files = append(files, path)
		} else {
			r.summary.skipFile(path)
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

// readFile emits the documents of one file: one, or one per line of a JSON Lines file,
// or one per page of a web archive.
func (r *Reader) readFile(ctx context.Context, id, path string, emit func(*document.Document) error) error {
	f, err := os.Open(path)
	if err != nil {
		return emit(failed(id, path, err))
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return emit(failed(id, path, errors.New("cannot read file: is a folder")))
	}
	var in io.Reader = f
	if r.Progress != nil {
		in = &countingReader{r: f, add: r.Progress}
	}
	return r.readStream(ctx, id, path, in, emit)
}

// countingReader reports the bytes read through it.
type countingReader struct {
	r   io.Reader
	add func(int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if n > 0 {
		c.add(int64(n))
	}
	return n, err
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
