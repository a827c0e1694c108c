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

	br   *bufio.Reader
	pend []byte // bytes read again before br: a corrupt record's, or a line looked at
	// pendAll is the slice pend was last set to: pend is its tail. Bytes read from it
	// are put back by moving back, so that a large replayed block is not copied again
	// for each record read from it.
	pendAll []byte
	// ended is set once br has reached its end: the input left is pend.
	ended bool
	// pendErr is an error of br met while looking past a record's end, returned once
	// pend is read.
	pendErr error
	num     int
	off     int64
	resync  bool
	// framing is set when the error that started the search for the next record was
	// a length that does not fit, which in a gzip file may be a damaged member decoding
	// to wrong bytes: its own error, met in the search, is not reported again.
	framing bool
}

// NewARCReader returns a reader of the ARC file read from r, compressed or not.
func NewARCReader(r io.Reader) *ARCReader {
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		br = bufio.NewReaderSize(newGzipStream(br, startsARCRecord), 64<<10)
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

// StartsARC reports whether data starts like an ARC file: with its file description
// record, or, for a file that has none, with a record line "URL IP-address
// Archive-date Content-type Archive-length" (or the ten fields of version 2) whose
// address, date and length are what such a line holds.
func StartsARC(head []byte) bool {
	if bytes.HasPrefix(head, []byte("filedesc://")) {
		return true
	}
	line, _, _ := bytes.Cut(head, []byte("\n"))
	h, ok := parseARCHeader(trimEOL(line))
	if !ok || !strings.Contains(h.url, "://") && !strings.HasPrefix(h.url, "dns:") {
		return false
	}
	f := strings.Fields(string(line))
	return isDigits(h.date, '.') && len(h.date) >= 12 && isDigits(f[1], '.')
}

// isDigits reports whether s is made of digits and the byte sep alone.
func isDigits(s string, sep byte) bool {
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != sep {
			return false
		}
	}
	return s != ""
}

// startsARCRecord reports whether decompressed bytes may start an ARC record: its URL
// record line (the file description's too) starts with a URL scheme.
func startsARCRecord(head []byte) bool {
	t := bytes.TrimLeft(head, "\r\n")
	for i, c := range t {
		switch {
		case c == ':':
			return i > 0
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return len(head) < probeSize // the whole member was seen
}

// Next returns the next record, io.EOF at the end, or a *RecordError for a record that
// cannot be read, after which Next goes on with the next one.
func (r *ARCReader) Next() (*Record, error) {
	for {
		start := r.off
		line, err := r.readLine()
		if err != nil {
			if errors.Is(err, errBadMember) {
				if r.resync && r.framing {
					r.framing = false // the same fault; the next member starts a line
					continue
				}
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
		r.resync, r.framing = false, false
		r.num++
		if r.ended && r.pendErr == nil && h.length > int64(len(r.pend)) {
			// The input ends before the block would: this says so without reading the
			// rest, which records with a length past the end would each read again.
			r.resync = true
			return nil, &RecordError{Format: "ARC", Num: r.num, Offset: start, Err: arcError("truncated in the block")}
		}
		// ARC has no record end to check a length by but the line end that follows the
		// block: when the file ends inside the block or no line end follows it, the
		// length is wrong, and the bytes read are searched again for the next record,
		// which a length too long has swallowed.
		block := make([]byte, min(h.length, r.limit()))
		n, err := r.readFull(block)
		if err != nil {
			if errors.Is(err, errBadMember) && n > 0 && block[n-1] != '\n' {
				// The next member starts a record: not the end of the last line read.
				block = append(block[:n], '\n')
				n++
				r.off++ // the line end is not in the input
			}
			r.replay(block[:n])
			return nil, &RecordError{Format: "ARC", Num: r.num, Offset: start, Err: arcError("truncated in the block")}
		}
		if h.length > r.limit() {
			if err := r.discard(h.length - int64(len(block))); err != nil {
				r.replay(block)
				return nil, &RecordError{Format: "ARC", Num: r.num, Offset: start, Err: arcError("truncated in the block")}
			}
			return nil, &RecordError{Format: "ARC", Num: r.num, Offset: start, Err: fmt.Errorf("%w: block of %d bytes, limit %d", ErrTooLarge, h.length, r.limit())}
		}
		if !r.atRecordEnd() {
			r.replay(block)
			r.framing = true
			return nil, &RecordError{Format: "ARC", Num: r.num, Offset: start, Err: arcError("no line end after the block: Archive-length is wrong")}
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

// replay puts the bytes of a corrupt record's block back in front of the input, and
// makes the search for the next record look inside them.
func (r *ARCReader) replay(block []byte) {
	r.resync = true
	r.unread(block)
}

// unread puts b, the bytes read last, back in front of the input.
func (r *ARCReader) unread(b []byte) {
	if len(b) == 0 {
		return
	}
	r.off -= int64(len(b))
	if i := len(r.pendAll) - len(r.pend); i >= len(b) && bytes.Equal(r.pendAll[i-len(b):i], b) {
		r.pend = r.pendAll[i-len(b):]
		return
	}
	p := make([]byte, 0, len(b)+len(r.pend))
	r.pend = append(append(p, b...), r.pend...)
	r.pendAll = r.pend
}

// readFull fills p from the input; an error says the input ended first.
func (r *ARCReader) readFull(p []byte) (int, error) {
	n := copy(p, r.pend)
	r.pend = r.pend[n:]
	r.off += int64(n)
	if n == len(p) {
		return n, nil
	}
	if err := r.takePendErr(); err != nil {
		return n, err
	}
	k, err := io.ReadFull(r.br, p[n:])
	r.off += int64(k)
	r.ended = r.ended || err == io.EOF || err == io.ErrUnexpectedEOF
	return n + k, err
}

// takePendErr returns, once, the error met while looking past a record's end.
func (r *ARCReader) takePendErr() error {
	err := r.pendErr
	r.pendErr = nil
	return err
}

// atRecordEnd reports whether the input is at the end of a record: at its end, at a
// line end, or (for writers that put none after the block) at the next record's line.
// The line it looks at is read again by the next read.
func (r *ARCReader) atRecordEnd() bool {
	line, err := r.readLine()
	r.unread(line)
	if err != nil && err != io.EOF {
		r.pendErr = err // for the next record, which this one is not
	}
	if len(line) == 0 || line[0] == '\n' || bytes.HasPrefix(line, []byte("\r\n")) {
		return true
	}
	_, ok := parseARCHeader(trimEOL(line))
	return ok
}

// readLine returns the next line, cut to maxLine bytes (see readCutLine).
func (r *ARCReader) readLine() ([]byte, error) {
	return readCutLine(func() ([]byte, error) {
		var chunk []byte
		var err error
		if len(r.pend) > 0 {
			chunk, r.pend, err = splitLine(r.pend)
		} else if err = r.takePendErr(); err == nil {
			chunk, err = r.br.ReadSlice('\n')
			r.ended = r.ended || err == io.EOF
		}
		r.off += int64(len(chunk))
		return chunk, err
	})
}

func (r *ARCReader) discard(n int64) error {
	if len(r.pend) > 0 {
		k := min(n, int64(len(r.pend)))
		r.pend = r.pend[k:]
		r.off += k
		n -= k
	}
	if n == 0 {
		return nil
	}
	if err := r.takePendErr(); err != nil {
		return err
	}
	k, err := io.CopyN(io.Discard, r.br, n)
	r.off += k
	r.ended = r.ended || err == io.EOF
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
