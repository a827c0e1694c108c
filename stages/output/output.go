// Package output writes records: as JSON Lines to a stream, or as one JSON file per
// document in a folder. Files are written atomically, so a crash or an interrupt never
// leaves a half-written one.
package output

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newspipe/newspipe/record"
)

// Lines writes one record per line to a stream.
type Lines struct {
	w *bufio.Writer
}

// NewLines returns a writer of JSON Lines to w. Call Flush when done.
func NewLines(w io.Writer) *Lines { return &Lines{w: bufio.NewWriterSize(w, 256<<10)} }

// Write appends one record.
func (l *Lines) Write(r *record.Record) error {
	b, err := r.MarshalJSON() // not json.Marshal: it would escape <, > and &
	if err != nil {
		return fmt.Errorf("encode record %s: %w", r.ID, err)
	}
	l.w.Write(b)
	return l.w.WriteByte('\n')
}

// Flush writes buffered records out.
func (l *Lines) Flush() error { return l.w.Flush() }

// Dir writes each record to DIR/<id>.json, indented for reading and diffing.
type Dir struct {
	dir     string
	written map[string]string // file name (lower case) -> id written to it in this run
}

// NewDir returns a writer into dir, creating it if needed.
func NewDir(dir string) (*Dir, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create output folder: %w", err)
	}
	return &Dir{dir: dir, written: map[string]string{}}, nil
}

// Path returns the file that the record with this id is written to. Characters that
// cannot stand in a file name become "_".
func (d *Dir) Path(id string) string {
	name := strings.Map(func(r rune) rune {
		switch r {
		case '/', '\\', ':', '*', '?', '"', '<', '>', '|', 0:
			return '_'
		}
		return r
	}, id)
	if name == "" || name == "." || name == ".." {
		name = "_" + name
	}
	if len(name) > maxNameBytes {
		// File systems refuse names over 255 bytes (and the temporary file adds to it):
		// a long id keeps its start and gets a hash of the whole id, so that long ids
		// with a common start stay apart.
		sum := sha256.Sum256([]byte(id))
		cut := maxNameBytes - 17
		for cut > 0 && !utf8.RuneStart(name[cut]) {
			cut--
		}
		name = name[:cut] + "~" + hex.EncodeToString(sum[:8])
	}
	return filepath.Join(d.dir, name+".json")
}

// maxNameBytes is the longest file name, before ".json", that Path makes.
const maxNameBytes = 200

// Write writes one record to its file. Two ids can map to one file name ("a/b" and
// "a_b", or names that differ in case on a case-insensitive disk): a file written in this
// run is never replaced, the later record goes to the first free name with "~2", "~3"...
func (d *Dir) Write(r *record.Record) error {
	b, err := Indent(r)
	if err != nil {
		return err
	}
	path := d.Path(r.ID)
	for n := 2; ; n++ {
		key := strings.ToLower(filepath.Base(path))
		if id, taken := d.written[key]; !taken || id == r.ID {
			d.written[key] = r.ID
			break
		}
		path = d.Path(r.ID + "~" + strconv.Itoa(n))
	}
	return WriteFileAtomic(path, b)
}

// Indent encodes a record as indented JSON ending in a newline: the golden-file form.
func Indent(r *record.Record) ([]byte, error) {
	b, err := r.MarshalJSON() // not json.Marshal: it would escape <, > and &
	if err != nil {
		return nil, fmt.Errorf("encode record %s: %w", r.ID, err)
	}
	var buf bytes.Buffer
	buf.Grow(len(b) * 2)
	if err := json.Indent(&buf, b, "", "  "); err != nil {
		return nil, fmt.Errorf("indent record %s: %w", r.ID, err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// WriteFileAtomic writes data to a temporary file beside path and renames it into place.
func WriteFileAtomic(path string, data []byte) error {
	f, err := CreateAtomic(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Commit()
}

// AtomicFile is an output file that appears under its name only when complete: it is
// written to a temporary file beside it and renamed into place by Commit.
type AtomicFile struct {
	*os.File
	path string
}

// CreateAtomic starts writing the file at path.
func CreateAtomic(path string) (*AtomicFile, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	// CreateTemp makes the file private; outputs are for reading like any other file.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	return &AtomicFile{File: tmp, path: path}, nil
}

// Commit runs flush (the writers layered on the file, outermost first; may be nil), closes
// the file and renames it into place. On any error the temporary file is removed and the
// file at path is left as it was.
func (f *AtomicFile) Commit(flush ...func() error) error {
	var err error
	for _, fl := range flush {
		err = errors.Join(err, fl())
	}
	err = errors.Join(err, f.Close())
	if err == nil {
		err = os.Rename(f.Name(), f.path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("write %s: %w", f.path, err)
	}
	return nil
}

// Abort closes and removes the temporary file.
func (f *AtomicFile) Abort() {
	f.Close()
	os.Remove(f.Name())
}
