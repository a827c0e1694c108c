package warc

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// ARCReader reads the records of an ARC file (the Internet Archive's format before WARC,
// versions 1 and 2), plain or gzip-compressed, as a stream. Each record but the file
// description is returned as a "response" Record: ARC has no other kinds.
type ARCReader struct {
	// MaxPayload is the largest record read; larger records are skipped with an error
	// wrapping ErrTooLarge. NewARCReader sets it to DefaultMaxPayload.
	MaxPayload int64
	// Skipped, when not nil, is called with "filedesc" for the file description record.
	Skipped func(recordType string)

	br     *bufio.Reader
	num    int
	off    int64
	resync bool
}

// NewARCReader returns a reader of the ARC file read from r, compressed or not.
func NewARCReader(r io.Reader) *ARCReader {
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		br = bufio.NewReaderSize(newGzipStream(br), 64<<10)
	}
	return &ARCReader{MaxPayload: DefaultMaxPayload, br: br}
}

// arcHeader is the URL record line of an ARC record.
type arcHeader struct {
	url, date, contentType string
	length                 int64
}

// parseARCHeader reads "URL IP-address Archive-date Content-type [v2 fields] Archive-length".
func parseARCHeader(line []byte) (arcHeader, bool) {
	f := strings.Fields(string(line))
	if len(f) != 5 && len(f) != 10 {
		return arcHeader{}, false
	}
	n, err := strconv.ParseInt(f[len(f)-1], 10, 64)
	if err != nil || n < 0 || !strings.Contains(f[0], ":") {
		return arcHeader{}, false
	}
	return arcHeader{url: f[0], date: f[2], contentType: f[3], length: n}, true
}

// Next returns the next record, io.EOF at the end, or a *RecordError for a record that
// cannot be read, after which Next goes on with the next one.
func (r *ARCReader) Next() (*Record, error) {
	for {
		start := r.off
		line, err := r.readLine()
		if err != nil {
			if errors.Is(err, errBadMember) {
				r.num++
				r.resync = true
				return nil, &RecordError{Format: "ARC", Num: r.num, Offset: start, Err: arcError("%v", err)}
			}
			if err == io.EOF {
				return nil, io.EOF
			}
			return nil, fmt.Errorf("read ARC: %w", err)
		}
		t := trimEOL(line)
		if len(bytes.TrimSpace(t)) == 0 {
			continue
		}
		h, ok := parseARCHeader(t)
		if !ok {
			if r.resync {
				continue
			}
			r.num++
			r.resync = true
			return nil, &RecordError{Format: "ARC", Num: r.num, Offset: start, Err: arcError("bad record line %.60q", t)}
		}
		r.resync = false
		r.num++
		if h.length > r.limit() {
			if err := r.discard(h.length); err != nil {
				return nil, &RecordError{Format: "ARC", Num: r.num, Offset: start, Err: arcError("truncated in the block")}
			}
			return nil, &RecordError{Format: "ARC", Num: r.num, Offset: start, Err: fmt.Errorf("%w: block of %d bytes, limit %d", ErrTooLarge, h.length, r.limit())}
		}
		block := make([]byte, h.length)
		n, err := io.ReadFull(r.br, block)
		r.off += int64(n)
		if err != nil {
			r.resync = true
			return nil, &RecordError{Format: "ARC", Num: r.num, Offset: start, Err: arcError("truncated in the block")}
		}
		if strings.HasPrefix(h.url, "filedesc:") {
			if r.Skipped != nil {
				r.Skipped("filedesc")
			}
			continue
		}
		rec := &Record{Num: r.num, Type: "response", TargetURI: h.url, Date: arcDate(h.date), ContentType: h.contentType}
		if bytes.HasPrefix(block, []byte("HTTP/")) {
			resp, err := parseHTTP(block, r.limit())
			if err != nil {
				return nil, &RecordError{Format: "ARC", Num: r.num, Offset: start, Err: err}
			}
			rec.Status, rec.Payload = resp.status, resp.body
			if resp.contentType != "" {
				rec.ContentType = resp.contentType
			}
		} else {
			rec.Payload = block
		}
		return rec, nil
	}
}

func (r *ARCReader) limit() int64 {
	if r.MaxPayload <= 0 {
		return DefaultMaxPayload
	}
	return r.MaxPayload
}

// readLine returns the next line, cut to maxLine bytes.
func (r *ARCReader) readLine() ([]byte, error) {
	var line []byte
	for {
		chunk, err := r.br.ReadSlice('\n')
		r.off += int64(len(chunk))
		if room := maxLine - len(line); room > 0 {
			line = append(line, chunk[:min(room, len(chunk))]...)
		}
		switch {
		case err == nil:
			return line, nil
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && len(line) > 0:
			return line, nil
		}
		return line, err
	}
}

func (r *ARCReader) discard(n int64) error {
	k, err := io.CopyN(io.Discard, r.br, n)
	r.off += k
	return err
}

// arcDate turns an ARC date (YYYYMMDDhhmmss) into the WARC-Date form.
func arcDate(s string) string {
	if len(s) > 14 {
		s = s[:14]
	}
	t, err := time.Parse("20060102150405", s)
	if err != nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// arcError is a corrupt ARC record: it wraps ErrCorrupt but names the format it is in.
func arcError(format string, args ...any) error {
	return &corruptARC{msg: fmt.Sprintf(format, args...)}
}

type corruptARC struct{ msg string }

func (e *corruptARC) Error() string        { return "corrupt ARC record: " + e.msg }
func (e *corruptARC) Is(target error) bool { return target == ErrCorrupt }
