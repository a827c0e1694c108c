package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
)

// maxRewind bounds the compressed bytes of one gzip member kept for resynchronising
// after a corrupt member; a longer member is not re-scanned from its start.
const maxRewind = 8 << 20

// probeSize is how many decompressed bytes of a member found by searching are looked at
// to tell whether it starts a record.
const probeSize = 32

// errBadMember reports a corrupt or truncated gzip member. The stream has already
// moved on to the next member when it is returned.
var errBadMember = errors.New("corrupt gzip member")

// rewinder is a byte reader that can go back to a mark, so a corrupt gzip member can be
// scanned again for the start of the next one. Going back costs nothing whatever the
// bytes held: a corrupt region full of bytes that look like member headers is searched
// in time linear in its length.
type rewinder struct {
	r *bufio.Reader
	// buf holds bytes already taken from r: buf[pos:] are read next. When recording,
	// buf[0] is the byte at the mark; otherwise buf[:pos] keeps a few bytes read last,
	// for back.
	buf       []byte
	pos       int
	recording bool
	err       error // last error returned by r, other than io.EOF
}

// history is how many bytes read last are kept, when not recording, for back.
const history = 8

func (w *rewinder) ReadByte() (byte, error) {
	if w.pos == len(w.buf) {
		w.fill()
		c, err := w.r.ReadByte()
		if err != nil {
			if err != io.EOF {
				w.err = err
			}
			return 0, err
		}
		w.buf = append(w.buf, c)
	}
	c := w.buf[w.pos]
	w.pos++
	return c, nil
}

func (w *rewinder) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if w.pos < len(w.buf) {
		n := copy(p, w.buf[w.pos:])
		w.pos += n
		return n, nil
	}
	w.fill()
	n, err := w.r.Read(p)
	if err != nil && err != io.EOF {
		w.err = err
	}
	w.buf = append(w.buf, p[:n]...)
	w.pos += n
	return n, err
}

// fill makes room before bytes are taken from r, when every held byte was read: it
// drops what is no longer needed, and stops recording a member too long to replay.
func (w *rewinder) fill() {
	if w.recording && len(w.buf) > maxRewind {
		w.recording = false // too long to replay: resync forward from here instead
	}
	if !w.recording && w.pos > 4096 {
		n := copy(w.buf, w.buf[w.pos-history:w.pos])
		w.buf, w.pos = w.buf[:n], n
	}
}

// mark starts recording at the current position.
func (w *rewinder) mark() {
	w.buf, w.pos = w.buf[w.pos:], 0
	w.recording = true
}

// sinceMark returns the bytes read since the mark; nil when not recording.
func (w *rewinder) sinceMark() []byte {
	if !w.recording {
		return nil
	}
	return w.buf[:w.pos]
}

// rewind goes back to just after the mark, so that the next search for a member header
// starts just after the bad member's start.
func (w *rewinder) rewind() { w.rewindFrom(1) }

// rewindFrom goes back to the i-th byte after the mark, if so many were read since, and
// stops recording. A member too long to record is not gone back into.
func (w *rewinder) rewindFrom(i int) {
	if w.recording && w.pos > i {
		w.pos = i
	}
	w.recording = false
}

// back makes the last n bytes read be read again; n is at most history.
func (w *rewinder) back(n int) { w.pos -= n }

// skipNULs consumes NUL bytes (padding) and reports whether other bytes follow.
func (w *rewinder) skipNULs() (bool, error) {
	for {
		c, err := w.ReadByte()
		if err == io.EOF {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		if c != 0 {
			w.back(1)
			return true, nil
		}
	}
}

// readPlain reads into p bytes that are not gzip data, up to the next member header,
// which it leaves unread. It returns 0, io.EOF at that header or at the end.
func (w *rewinder) readPlain(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		c, err := w.ReadByte()
		if err != nil {
			if n > 0 && err == io.EOF {
				return n, nil
			}
			return n, err
		}
		if c == 0x1f {
			k := 0
			var next [2]byte
			for k < 2 {
				d, err := w.ReadByte()
				if err != nil {
					break
				}
				next[k] = d
				k++
			}
			w.back(k)
			if k == 2 && next[0] == 0x8b && next[1] == 0x08 {
				w.back(1)
				if n == 0 {
					return 0, io.EOF
				}
				return n, nil
			}
		}
		p[n] = c
		n++
	}
	return n, nil
}

// seekMagic advances to the next gzip member header (1f 8b 08), leaving it unread.
// It reports false at the end of the input.
func (w *rewinder) seekMagic() (bool, error) {
	var a, b byte
	for i := 0; ; i++ {
		c, err := w.ReadByte()
		if err != nil {
			if err == io.EOF {
				return false, nil
			}
			return false, err
		}
		if i >= 2 && a == 0x1f && b == 0x8b && c == 0x08 {
			w.back(3)
			return true, nil
		}
		a, b = b, c
	}
}

// gzipStream decompresses a sequence of gzip members as one stream. A corrupt member
// yields one error wrapping errBadMember, after which reading goes on at the next
// member found in the input that starts a record. Bytes that are not gzip data where a
// member should start (a plain record appended to a .warc.gz, junk) are passed on as
// they are, up to the next member that starts a record, for the reader of records to
// read or to report, and ended with a line end if they have none; NUL bytes there
// (padding) are dropped.
//
// A member found by searching, inside plain bytes or after a corrupt member, is taken
// only when its first bytes decompress and startsRecord accepts them: a plain record's
// gzipped HTTP body is part of that record, and the bytes of a damaged member that look
// like a member header are not one.
type gzipStream struct {
	src rewinder
	z   *gzip.Reader
	// startsRecord reports whether the first decompressed bytes of a member (up to
	// probeSize) may start a record.
	startsRecord func(head []byte) bool
	inMember     bool
	plain        bool  // passing on bytes that are not gzip data
	lastByte     byte  // the last byte passed on in plain
	searched     bool  // the next member was found by searching: probe it first
	damage       error // why probe found a member damaged
	done         bool
	fatal        error
}

func newGzipStream(r *bufio.Reader, startsRecord func(head []byte) bool) *gzipStream {
	return &gzipStream{src: rewinder{r: r}, startsRecord: startsRecord}
}

// startsWARCRecord reports whether decompressed bytes may start a WARC record.
func startsWARCRecord(head []byte) bool {
	t := bytes.TrimLeft(head, "\r\n")
	return len(t) == 0 || isVersion(t) || len(t) < 6 && bytes.HasPrefix([]byte("WARC/1"), t)
}

// What probe finds at a member header found by searching.
const (
	probeOther   = iota // not a member that starts a record
	probeRecord         // a member whose first bytes decompress to a record start
	probeDamaged        // a member with a sound header whose data is corrupt at once
)

// startMember marks the current position and reads the gzip header of the member that
// starts there, reusing the decompressor once there is one.
func (g *gzipStream) startMember() error {
	g.src.mark()
	if g.z == nil {
		var err error
		g.z, err = gzip.NewReader(&g.src)
		return err
	}
	return g.z.Reset(&g.src)
}

// probe tells what the member at the current position is by decompressing its first
// few bytes. It leaves the position where it was, unless the member's header is too
// long to go back over; then it reports probeOther.
func (g *gzipStream) probe() (int, error) {
	err := g.startMember()
	var head [probeSize]byte
	n := 0
	if err == nil {
		g.z.Multistream(false)
		for n < len(head) {
			k, rerr := g.z.Read(head[n:])
			n += k
			if rerr == io.EOF {
				break
			}
			if rerr != nil {
				err = rerr
				break
			}
		}
	}
	if g.src.err != nil {
		return probeOther, fmt.Errorf("read gzip: %w", g.src.err)
	}
	if !g.src.recording {
		return probeOther, nil
	}
	header := g.src.sinceMark()
	g.src.rewindFrom(0)
	switch {
	case err == nil && (g.startsRecord == nil || g.startsRecord(head[:n])):
		return probeRecord, nil
	case err != nil && soundHeader(header):
		g.damage = err
		return probeDamaged, nil
	}
	return probeOther, nil
}

// soundHeader reports whether b starts with a gzip member header whose fixed fields hold
// what a writer puts there (no reserved flag, a known compression level and operating
// system): bytes that happen to look like the magic number rarely do.
func soundHeader(b []byte) bool {
	return len(b) >= 10 && b[3]&0xe0 == 0 && (b[8] == 0 || b[8] == 2 || b[8] == 4) && (b[9] <= 13 || b[9] == 255)
}

func (g *gzipStream) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	for {
		if g.fatal != nil {
			return 0, g.fatal
		}
		if g.done {
			return 0, io.EOF
		}
		if g.plain {
			n, err := g.src.readPlain(p)
			if err == io.EOF {
				if more, _ := g.src.skipNULs(); more {
					kind, perr := g.probe()
					if perr != nil {
						g.fatal = perr
						continue
					}
					if kind != probeRecord {
						// Not a member that starts a record: its bytes are plain bytes.
						c, _ := g.src.ReadByte()
						p[0], g.lastByte = c, c
						return 1, nil
					}
				}
				g.plain = false
				if g.lastByte != '\n' {
					// A member starts a record: the plain bytes' last line ends here.
					p[0] = '\n'
					return 1, nil
				}
				continue
			}
			if n > 0 {
				g.lastByte = p[n-1]
			}
			if err != nil {
				g.fatal = fmt.Errorf("read gzip: %w", err)
				return n, g.fatal
			}
			return n, nil
		}
		if !g.inMember {
			if g.searched {
				kind, err := g.probe()
				if err != nil {
					g.fatal = err
					continue
				}
				if kind != probeRecord {
					// Bytes of the damaged region that look like a member header, or a
					// member damaged too, which is reported: it may hold a record.
					g.src.ReadByte()
					if found, err := g.src.seekMagic(); err != nil || !found {
						g.done, g.fatal = err == nil, err
					}
					if kind == probeDamaged {
						return 0, fmt.Errorf("%w: %v", errBadMember, g.damage)
					}
					continue
				}
				g.searched = false
			}
			err := g.startMember()
			if err == io.EOF {
				g.done = true
				return 0, io.EOF
			}
			if err != nil {
				if g.src.err != nil {
					g.fatal = fmt.Errorf("read gzip: %w", g.src.err)
					return 0, g.fatal
				}
				if rec := g.src.sinceMark(); len(rec) > 0 && rec[0] == 0x1f {
					// A member header that is damaged: skip to the next one.
					g.src.rewind()
					ok, serr := g.src.seekMagic()
					if serr != nil {
						g.fatal = fmt.Errorf("read gzip: %w", serr)
						return 0, g.fatal
					}
					g.done, g.searched = !ok, ok
					return 0, fmt.Errorf("%w: bad header: %v", errBadMember, err)
				}
				// Bytes that are not gzip data: passed on as they are.
				g.src.rewindFrom(0)
				more, serr := g.src.skipNULs()
				if serr != nil {
					g.fatal = fmt.Errorf("read gzip: %w", serr)
					return 0, g.fatal
				}
				g.plain, g.lastByte = more, '\n'
				continue
			}
			g.z.Multistream(false)
			g.inMember = true
		}
		n, err := g.z.Read(p)
		if err == io.EOF {
			g.inMember = false
			if n > 0 {
				return n, nil
			}
			continue
		}
		if err != nil {
			if g.src.err != nil {
				g.fatal = fmt.Errorf("read gzip: %w", g.src.err)
				return n, g.fatal
			}
			g.inMember = false
			g.src.rewind()
			ok, serr := g.src.seekMagic()
			if serr != nil {
				g.fatal = fmt.Errorf("read gzip: %w", serr)
				return n, g.fatal
			}
			g.done, g.searched = !ok, ok
			return n, fmt.Errorf("%w: %v", errBadMember, err)
		}
		return n, nil
	}
}
