package output

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Previous indexes the records of an earlier run's output, so that a re-run can skip the
// documents already done. A document matches when both its id and the SHA-256 of its
// input are the same.
type Previous struct {
	f    *os.File
	recs map[string]span // id + "\x00" + sha256 -> where its line is
	dir  *Dir
	temp string // a decompressed copy to remove on Close
}

type span struct{ off, n int64 }

// OpenPrevious indexes a JSON Lines output file. A missing file is an empty index. A last
// line without its newline (a file cut short) is ignored.
func OpenPrevious(path string) (*Previous, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return &Previous{recs: map[string]span{}}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("resume from %s: %w", path, err)
	}
	p := &Previous{f: f, recs: map[string]span{}}
	br := bufio.NewReaderSize(f, 1<<20)
	var off int64
	for {
		line, err := br.ReadBytes('\n')
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("resume from %s: %w", path, err)
		}
		if k, ok := recordKey(line); ok {
			p.recs[k] = span{off, int64(len(line))}
		}
		off += int64(len(line))
	}
	return p, nil
}

// PreviousDir indexes the per-document files of an --out-dir folder: a document is done
// when its file exists and names the same input hash.
func PreviousDir(d *Dir) *Previous { return &Previous{dir: d} }

func recordKey(line []byte) (string, bool) {
	var r struct {
		ID     string `json:"id"`
		Source struct {
			SHA256 string `json:"sha256"`
		} `json:"source"`
	}
	if json.Unmarshal(line, &r) != nil || r.Source.SHA256 == "" {
		return "", false
	}
	return r.ID + "\x00" + r.Source.SHA256, true
}

// Lookup returns the earlier record of the document with this id and input hash: its
// JSON line, including the newline, or for a folder a non-nil empty slice meaning "its
// file is already written". It returns nil when the document must be processed.
func (p *Previous) Lookup(id, sha string) ([]byte, error) {
	if sha == "" {
		return nil, nil
	}
	if p.dir != nil {
		b, err := os.ReadFile(p.dir.Path(id))
		if err != nil {
			return nil, nil
		}
		if k, ok := recordKey(b); ok && k == id+"\x00"+sha {
			return []byte{}, nil
		}
		return nil, nil
	}
	s, ok := p.recs[id+"\x00"+sha]
	if !ok {
		return nil, nil
	}
	b := make([]byte, s.n)
	if _, err := p.f.ReadAt(b, s.off); err != nil {
		return nil, fmt.Errorf("resume: read earlier record of %s: %w", id, err)
	}
	return b, nil
}

// Len is the number of earlier records indexed (0 for a folder).
func (p *Previous) Len() int { return len(p.recs) }

// Close releases the earlier output file.
func (p *Previous) Close() error {
	if p.f == nil {
		return nil
	}
	err := p.f.Close()
	if p.temp != "" {
		os.Remove(p.temp)
	}
	return err
}

// WriteLine appends a record already encoded as one JSON line, and a newline.
func (l *Lines) WriteLine(line []byte) error {
	l.w.Write(line)
	return l.w.WriteByte('\n')
}

// WriteRaw appends an already encoded record line as it is.
func (l *Lines) WriteRaw(line []byte) error {
	_, err := l.w.Write(line)
	return err
}

// OpenPreviousGzip indexes a gzipped JSON Lines output file: it is decompressed into a
// temporary file beside it, which Close removes. A missing file is an empty index; a file
// cut short keeps the records that are whole.
func OpenPreviousGzip(path string) (*Previous, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return &Previous{recs: map[string]span{}}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("resume from %s: %w", path, err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("resume from %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".resume*")
	if err != nil {
		return nil, fmt.Errorf("resume from %s: %w", path, err)
	}
	_, err = io.Copy(tmp, zr)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, fmt.Errorf("resume from %s: %w", path, err)
	}
	tmp.Close()
	p, err := OpenPrevious(tmp.Name())
	if err != nil {
		os.Remove(tmp.Name())
		return nil, err
	}
	p.temp = tmp.Name()
	return p, nil
}
