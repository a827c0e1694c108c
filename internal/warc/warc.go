// Package warc reads the response and resource records of WARC 1.0 and 1.1 files
// (ISO 28500), plain or gzip-compressed, as a stream.
package warc

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// DefaultMaxPayload is the default limit on the size of a record block.
const DefaultMaxPayload = 10 << 20

const (
	maxLine        = 64 << 10 // longest header line kept
	maxHeaderBytes = 1 << 20  // largest WARC header section
	maxInt         = int64(^uint(0) >> 1)
)

// ErrCorrupt is wrapped by the error returned for a record that cannot be read: bad
// header, bad Content-Length, garbage, a truncated record or a corrupt gzip member.
// Call Next again to go on with the next record.
var ErrCorrupt = errors.New("corrupt WARC record")

// ErrTooLarge is wrapped by the error returned for a record whose block, or decoded
// payload, is larger than Reader.MaxPayload. Call Next again to go on.
var ErrTooLarge = errors.New("WARC record too large")

// RecordError describes a record that was skipped. Reading can go on after it.
type RecordError struct {
	Format string // "WARC", or "ARC" for an ARCReader; empty means WARC
	Num    int    // 1-based number of the record in the file, counting every type
	Offset int64  // byte offset of the record's version line in the uncompressed stream
	ID     string // WARC-Record-ID, if the header was read
	URI    string // WARC-Target-URI, if the header was read
	Err    error  // wraps ErrCorrupt or ErrTooLarge
}

// Error says which record of which format failed, where, and why.
func (e *RecordError) Error() string {
	format := e.Format
	if format == "" {
		format = "WARC"
	}
	if e.ID != "" {
		return fmt.Sprintf("%s record %d at byte %d (%s): %v", format, e.Num, e.Offset, e.ID, e.Err)
	}
	return fmt.Sprintf("%s record %d at byte %d: %v", format, e.Num, e.Offset, e.Err)
}

// Unwrap returns the cause, which wraps ErrCorrupt or ErrTooLarge.
func (e *RecordError) Unwrap() error { return e.Err }

// Record is the payload of one response or resource record.
type Record struct {
	Num       int    // 1-based number of the record in the file, counting every type
	Type      string // "response" or "resource"
	TargetURI string // WARC-Target-URI, angle brackets stripped
	Date      string // WARC-Date
	RecordID  string // WARC-Record-ID
	// ContentType is, for a response record, the Content-Type header of the HTTP
	// response (or, when it has none, the WARC-Identified-Payload-Type) and, for a
	// resource record, the WARC Content-Type.
	ContentType string
	// Status is the HTTP status code of a response record. Every response is handed
	// on, whatever its status; the caller decides (most want 200-299). It is 0 for a
	// resource record and for a response block that is not an HTTP response.
	Status int
	// Payload is the body: for a response record without its HTTP headers, with
	// chunked transfer coding and gzip, deflate or br content coding undone, and
	// its bytes in their own charset; for a response block that is not an HTTP
	// response, the whole block.
	Payload []byte
}

// Reader reads WARC records one at a time from a stream.
type Reader struct {
	// MaxPayload is the largest record block, and decoded payload, that is read;
	// larger records are skipped with an error wrapping ErrTooLarge, without loading
	// them into memory. NewReader sets it to DefaultMaxPayload.
	MaxPayload int64
	// Skipped, when not nil, is called with the WARC-Type of every record that Next
	// skips because of its type (request, metadata, revisit, warcinfo...).
	Skipped func(recordType string)

	br   *bufio.Reader
	pend []byte // bytes of a corrupt record replayed before br
	// pendAll is the slice pend was last set to: pend is its tail, and the bytes before
	// it were read from it. A record read from pend alone is replayed by moving back.
	pendAll []byte
	// ended is set once br has reached its end: the input left is pend.
	ended  bool
	off    int64 // offset of the next byte in the uncompressed stream
	num    int   // records started
	resync bool  // scanning for the next version line after an error
	// framing is set when the error that started the scan was in the record's framing
	// (a Content-Length that does not fit) rather than a corrupt gzip member. In a gzip
	// file, a damaged member can decode to wrong bytes before its own error comes: that
	// error, met in the scan, is the same fault, and is not reported again.
	framing bool
	fatal   error

	held      []byte // bytes of the current record after its version line, for replay
	holding   bool
	holdCap   int   // most bytes held
	replayOff int64 // offset of held[0]
	// holdPend is len(pend) when holding started; heldInput is set when bytes held
	// since then came from br, so that they are not in pendAll.
	holdPend  int
	heldInput bool
}

// NewReader returns a Reader of the WARC file read from r. It detects a gzip file
// (one member per record, as written by crawlers, or a single member) itself, so r
// is the file as stored, compressed or not.
func NewReader(r io.Reader) *Reader {
	if r == nil {
		r = bytes.NewReader(nil)
	}
	br := bufio.NewReaderSize(r, 64<<10)
	if head, _ := br.Peek(br.Size()); bytes.HasPrefix(head, gzipMagic[:2]) ||
		!isVersion(head) && bytes.Contains(head, gzipMagic) {
		// Gzip data, or bytes that are not a record (junk before the first gzip
		// member) followed by gzip data.
		br = bufio.NewReaderSize(newGzipStream(br, startsWARCRecord), 64<<10)
	}
	return &Reader{MaxPayload: DefaultMaxPayload, br: br}
}

// gzipMagic starts a gzip member: ID1, ID2 and the deflate method.
var gzipMagic = []byte{0x1f, 0x8b, 0x08}

// FindStart reports whether a WARC record or a gzip member starts somewhere in data,
// the start of a file that holds bytes that are not a record before its first record.
func FindStart(head []byte) bool {
	return bytes.Contains(head, gzipMagic) || bytes.Contains(head, []byte("\nWARC/1.")) || bytes.Contains(head, []byte("\nWARC/0."))
}

// Next returns the next response or resource record. Other record types (warcinfo,
// request, metadata, revisit, conversion, continuation) are skipped. At the end it
// returns io.EOF. A *RecordError (wrapping ErrCorrupt or ErrTooLarge) reports one
// bad record, and calling Next again goes on with the next good one; any other
// error is a fatal read error and is returned again by every later call.
func (r *Reader) Next() (*Record, error) {
	for {
		if r.fatal != nil {
			return nil, r.fatal
		}
		rec, err := r.next()
		if err != nil {
			var re *RecordError
			if errors.As(err, &re) {
				r.resync = true
			} else if err != io.EOF {
				r.fatal = err
			}
			return nil, err
		}
		if rec != nil {
			return rec, nil
		}
	}
}

// next reads one record. It returns nil, nil for a record of a type that is skipped.
func (r *Reader) next() (*Record, error) {
	// Find the version line, skipping blank lines between records and, after an
	// error, anything up to a line that starts a record.
	var start int64
	for {
		start = r.off
		line, err := r.readLine()
		if err != nil {
			if errors.Is(err, errBadMember) {
				if r.resync && r.framing {
					// The line read so far ended with the member: the next member
					// starts a line of its own.
					r.framing = false
					continue
				}
				r.num++
				return nil, &RecordError{Num: r.num, Offset: start, Err: fmt.Errorf("%w: %w", ErrCorrupt, err)}
			}
			if err == io.EOF {
				return nil, err
			}
			return nil, fmt.Errorf("read WARC: %w", err)
		}
		t := trimEOL(line)
		if isVersion(t) {
			break
		}
		if r.resync || len(bytes.TrimSpace(t)) == 0 {
			continue
		}
		r.num++
		r.framing = true
		return nil, &RecordError{Num: r.num, Offset: start, Err: fmt.Errorf("%w: no WARC version line: %.40q", ErrCorrupt, t)}
	}
	r.resync, r.framing = false, false
	r.num++

	r.held = r.held[:0]
	r.holding = true
	r.holdCap = maxHeaderBytes + int(min(r.limit(), maxInt-maxHeaderBytes))
	r.replayOff = r.off
	r.holdPend, r.heldInput = len(r.pend), false
	rec, err := r.readRecord()
	if err != nil {
		re := &RecordError{Num: r.num, Offset: start, Err: err}
		if rec != nil {
			re.ID, re.URI = rec.RecordID, rec.TargetURI
		}
		if errors.Is(err, ErrCorrupt) {
			r.replay(errors.Is(err, errBadMember))
		}
		r.framing = errors.Is(err, ErrCorrupt) && !errors.Is(err, errBadMember)
		r.holding = false
		var fe *fatalError
		if errors.As(err, &fe) {
			return nil, fe.err
		}
		return nil, re
	}
	r.holding = false
	return rec, nil
}

// fatalError marks, inside readRecord, an error that ends the stream.
type fatalError struct{ err error }

func (e *fatalError) Error() string { return e.err.Error() }

// readRecord reads the header and block after a version line. On error it may
// return a partial record that carries the record ID.
func (r *Reader) readRecord() (*Record, error) {
	h, err := r.readHeader()
	if err != nil {
		return nil, err
	}
	rec := &Record{
		Num:       r.num,
		Type:      strings.ToLower(h.get("warc-type")),
		TargetURI: strings.Trim(h.get("warc-target-uri"), "<>"),
		Date:      h.get("warc-date"),
		RecordID:  h.get("warc-record-id"),
	}
	cl := h.get("content-length")
	size, perr := strconv.ParseInt(cl, 10, 64)
	if perr != nil || size < 0 {
		return rec, fmt.Errorf("%w: bad Content-Length %.40q", ErrCorrupt, cl)
	}
	want := rec.Type == "response" || rec.Type == "resource"
	limit := r.limit()
	if r.ended && size > int64(len(r.pend)) {
		// The input ends before the block would: this says so without reading the
		// rest, which records with a Content-Length past the end would each read again.
		return rec, fmt.Errorf("%w: truncated in the block", ErrCorrupt)
	}
	if size > limit {
		if err := r.skipBlock(size, limit); err != nil {
			return rec, err
		}
		if err := r.readTrailer(); err != nil {
			return rec, err
		}
		if !want {
			r.skipped(rec.Type)
			return nil, nil
		}
		return rec, fmt.Errorf("%w: block of %d bytes, limit %d", ErrTooLarge, size, limit)
	}
	block, err := r.readBlock(int(size))
	if err != nil {
		return rec, err
	}
	if err := r.readTrailer(); err != nil {
		return rec, err
	}
	if !want {
		r.skipped(rec.Type)
		return nil, nil
	}
	// The record is framed well: an error from here on is about its payload, and
	// must not make the search for the next record look inside it.
	r.holding = false
	ctype := h.get("content-type")
	if rec.Type == "resource" || !bytes.HasPrefix(block, []byte("HTTP/")) {
		rec.ContentType = ctype
		rec.Payload = bytes.Clone(block)
		return rec, nil
	}
	resp, err := parseHTTP(block, limit)
	if err != nil {
		return rec, err
	}
	rec.Status, rec.ContentType, rec.Payload = resp.status, resp.contentType, resp.body
	if rec.ContentType == "" {
		// What the crawler found the payload to be, when the server did not say.
		rec.ContentType = h.get("warc-identified-payload-type")
	}
	return rec, nil
}

func (r *Reader) skipped(recordType string) {
	if r.Skipped != nil {
		r.Skipped(recordType)
	}
}

// limit is the effective MaxPayload.
func (r *Reader) limit() int64 {
	if r.MaxPayload <= 0 {
		return DefaultMaxPayload
	}
	return r.MaxPayload
}

// header holds WARC header fields by lower-case name; the first of repeated fields wins.
type header map[string]string

func (h header) get(name string) string { return h[name] }

// readHeader reads named fields up to the blank line, joining continuation lines.
func (r *Reader) readHeader() (header, error) {
	h := header{}
	var last string
	total := 0
	for {
		line, err := r.readLine()
		if err != nil {
			return nil, r.readErr(err, "header")
		}
		total += len(line)
		if total > maxHeaderBytes {
			return nil, fmt.Errorf("%w: header longer than %d bytes", ErrCorrupt, maxHeaderBytes)
		}
		t := trimEOL(line)
		if len(t) == 0 {
			return h, nil
		}
		if t[0] == ' ' || t[0] == '\t' {
			if last != "" {
				h[last] = h[last] + " " + string(bytes.TrimSpace(t))
			}
			continue
		}
		name, value, ok := bytes.Cut(t, []byte(":"))
		if !ok {
			return nil, fmt.Errorf("%w: bad header line %.40q", ErrCorrupt, t)
		}
		last = strings.ToLower(string(bytes.TrimSpace(name)))
		if _, dup := h[last]; dup {
			last = "" // keep the first value; ignore its continuation lines too
			continue
		}
		h[last] = string(bytes.TrimSpace(value))
	}
}

// readTrailer reads the two line ends that close a record. CRLF and LF are both
// accepted, and so is the end of the file in their place.
func (r *Reader) readTrailer() error {
	for i := 0; i < 2; i++ {
		c, err := r.readByte()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return r.readErr(err, "record end")
		}
		if c == '\r' {
			c, err = r.readByte()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return r.readErr(err, "record end")
			}
		}
		if c != '\n' {
			return fmt.Errorf("%w: no blank line after the block: Content-Length is wrong", ErrCorrupt)
		}
	}
	return nil
}

// readErr classifies an error met inside a record.
func (r *Reader) readErr(err error, where string) error {
	switch {
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		return fmt.Errorf("%w: truncated in the %s", ErrCorrupt, where)
	case errors.Is(err, errBadMember):
		return fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	return &fatalError{fmt.Errorf("read WARC: %w", err)}
}

// replay puts the bytes of a corrupt record after its version line back in front of
// the input, so the search for the next record also looks inside it: a record whose
// Content-Length is too large has swallowed the records that follow it. When a corrupt
// gzip member ended the record (memberEnded), the next member starts a record of its
// own: the replayed bytes, which stop wherever the member broke, are ended with a line
// end so that the next record's version line is not read as the end of their last line.
func (r *Reader) replay(memberEnded bool) {
	if !r.holding || len(r.held) == 0 {
		return
	}
	if start := len(r.pendAll) - r.holdPend; !r.heldInput && !memberEnded && start >= 0 {
		// Every byte held was read from pend: going back to it is enough.
		r.pend = r.pendAll[start:]
		r.off = r.replayOff
		r.held = r.held[:0]
		return
	}
	p := make([]byte, 0, len(r.held)+1+len(r.pend))
	p = append(p, r.held...)
	r.off = r.replayOff
	if memberEnded && p[len(p)-1] != '\n' {
		p = append(p, '\n')
		r.off-- // the line end is not in the input: offsets after it stay true
	}
	r.pend = append(p, r.pend...)
	r.pendAll = r.pend
	r.held = r.held[:0]
}

// consumed accounts for bytes taken from the input.
func (r *Reader) consumed(b []byte) {
	r.off += int64(len(b))
	if r.holding {
		if len(r.held)+len(b) > r.holdCap {
			r.holding = false // too much to replay: resync goes on from here
			r.held = r.held[:0]
			return
		}
		r.held = append(r.held, b...)
	}
}

func (r *Reader) readByte() (byte, error) {
	var c byte
	if len(r.pend) > 0 {
		c = r.pend[0]
		r.pend = r.pend[1:]
	} else {
		var err error
		if c, err = r.br.ReadByte(); err != nil {
			r.ended = r.ended || err == io.EOF
			return 0, err
		}
		r.heldInput = true
	}
	r.consumed([]byte{c})
	return c, nil
}

// readLine returns the next line with its line end (see readCutLine).
func (r *Reader) readLine() ([]byte, error) {
	return readCutLine(func() ([]byte, error) {
		var chunk []byte
		var err error
		if len(r.pend) > 0 {
			chunk, r.pend, err = splitLine(r.pend)
		} else {
			chunk, err = r.br.ReadSlice('\n')
			r.ended = r.ended || err == io.EOF
			r.heldInput = true
		}
		r.consumed(chunk)
		return chunk, err
	})
}

// readBlock reads the n bytes of a block into held and returns them.
func (r *Reader) readBlock(n int) ([]byte, error) {
	mark := len(r.held)
	for rest := n; rest > 0; {
		chunk, err := r.take(rest)
		rest -= len(chunk)
		if err != nil {
			return nil, r.readErr(err, "block")
		}
	}
	return r.held[mark:], nil
}

// recordStart is how a record's version line looks inside the bytes of another.
var recordStart = []byte("\nWARC/1.")

// skipBlock reads past an oversized block of n bytes without keeping it. In case
// its Content-Length is wrong, the bytes from the first line that looks like a
// record start are held (up to limit) so that the search for the next record can
// go back to them.
func (r *Reader) skipBlock(n, limit int64) error {
	r.holding = false
	r.held = r.held[:0]
	r.holdCap = int(min(limit, maxInt))
	tail := make([]byte, 1, len(recordStart))
	tail[0] = '\n' // the block starts at a line start
	for n > 0 {
		chunk, err := r.take(int(min(n, 64<<10)))
		n -= int64(len(chunk))
		if !r.holding {
			// A match may straddle the previous chunk and this one.
			edge := append(tail[:len(tail):len(tail)], chunk[:min(len(recordStart)-1, len(chunk))]...)
			var kept []byte
			if k := bytes.Index(edge, recordStart); k >= 0 {
				kept = append(edge[k+1:len(tail)], chunk...)
			} else if k := bytes.Index(chunk, recordStart); k >= 0 {
				kept = chunk[k+1:]
			}
			if kept != nil {
				r.held = append(r.held[:0], kept...)
				r.heldInput = true // held no longer starts where holding started
				r.replayOff = r.off - int64(len(kept))
				r.holding = len(kept) <= r.holdCap
			}
			tail = append(tail[:0], chunk[max(0, len(chunk)-len(recordStart)+1):]...)
		}
		if err != nil {
			return r.readErr(err, "block")
		}
	}
	return nil
}

// take consumes up to n bytes of input and returns them; they are valid until the
// next read. An error comes with the bytes read before it.
func (r *Reader) take(n int) ([]byte, error) {
	if len(r.pend) > 0 {
		k := min(n, len(r.pend))
		chunk := r.pend[:k]
		r.pend = r.pend[k:]
		r.consumed(chunk)
		return chunk, nil
	}
	// Peek hands over a read error only once, with the bytes before it.
	want := min(n, r.br.Size())
	b, err := r.br.Peek(want)
	r.ended = r.ended || err == io.EOF
	r.heldInput = true
	r.consumed(b)
	r.br.Discard(len(b))
	if len(b) < want {
		if err == nil {
			err = io.ErrUnexpectedEOF
		}
		return b, err
	}
	return b, nil
}

// isVersion reports whether a line is a WARC version line such as "WARC/1.1".
func isVersion(t []byte) bool {
	return len(t) >= 6 && bytes.HasPrefix(t, []byte("WARC/")) && t[5] >= '0' && t[5] <= '9'
}

// trimEOL removes a trailing LF or CRLF.
func trimEOL(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte("\n"))
	return bytes.TrimSuffix(b, []byte("\r"))
}
