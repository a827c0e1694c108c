package warc

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
)

// maxRewind bounds the compressed bytes of one gzip member kept for resynchronising
// after a corrupt member; a longer member is not re-scanned from its start.
const maxRewind = 8 << 20

// errBadMember reports a corrupt or truncated gzip member. The stream has already
// moved on to the next member when it is returned.
var errBadMember = errors.New("corrupt gzip member")

// rewinder is a byte reader that can replay what it read since the last mark, so a
// corrupt gzip member can be scanned again for the start of the next one.
type rewinder struct {
	r         *bufio.Reader
	pend      []byte // replayed bytes, served before r
	rec       []byte // bytes read since mark
	recording bool
	err       error // last error returned by r, other than io.EOF
}

func (w *rewinder) ReadByte() (byte, error) {
	var c byte
	if len(w.pend) > 0 {
		c = w.pend[0]
		w.pend = w.pend[1:]
	} else {
		var err error
		c, err = w.r.ReadByte()
		if err != nil {
			if err != io.EOF {
				w.err = err
			}
			return 0, err
		}
	}
	w.record([]byte{c})
	return c, nil
}

func (w *rewinder) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	var n int
	if len(w.pend) > 0 {
		n = copy(p, w.pend)
		w.pend = w.pend[n:]
	} else {
		var err error
		n, err = w.r.Read(p)
		if err != nil && err != io.EOF {
			w.err = err
		}
		w.record(p[:n])
		return n, err
	}
	w.record(p[:n])
	return n, nil
}

func (w *rewinder) record(b []byte) {
	if !w.recording {
		return
	}
	if len(w.rec)+len(b) > maxRewind {
		w.recording = false // too long to replay: resync forward from here instead
		w.rec = w.rec[:0]
		return
	}
	w.rec = append(w.rec, b...)
}

// mark starts recording at the current position.
func (w *rewinder) mark() {
	w.rec = w.rec[:0]
	w.recording = true
}

// rewind replays the bytes read since the mark, less the first one, so that the
// next search for a member header starts just after the bad member's start.
func (w *rewinder) rewind() { w.rewindFrom(1) }

// rewindFrom replays the bytes read since the mark from the i-th on.
func (w *rewinder) rewindFrom(i int) {
	if w.recording && len(w.rec) > i {
		p := make([]byte, 0, len(w.rec)-i+len(w.pend))
		p = append(p, w.rec[i:]...)
		w.pend = append(p, w.pend...)
	}
	w.recording = false
	w.rec = w.rec[:0]
}

// unread puts b back in front of what is read next.
func (w *rewinder) unread(b ...byte) {
	p := make([]byte, 0, len(b)+len(w.pend))
	w.pend = append(append(p, b...), w.pend...)
}

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
			w.unread(c)
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
			next := make([]byte, 0, 2)
			for len(next) < 2 {
				d, err := w.ReadByte()
				if err != nil {
					break
				}
				next = append(next, d)
			}
			if len(next) == 2 && next[0] == 0x8b && next[1] == 0x08 {
				w.unread(0x1f, 0x8b, 0x08)
				if n == 0 {
					return 0, io.EOF
				}
				return n, nil
			}
			w.unread(next...)
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
			p := make([]byte, 0, 3+len(w.pend))
			w.pend = append(append(p, 0x1f, 0x8b, 0x08), w.pend...)
			return true, nil
		}
		a, b = b, c
	}
}

// gzipStream decompresses a sequence of gzip members as one stream. A corrupt member
// yields one error wrapping errBadMember, after which reading goes on at the next
// member header found in the input. Bytes that are not gzip data where a member should
// start (a plain record appended to a .warc.gz, junk) are passed on as they are, up to
// the next member header, for the reader of records to read or to report, and ended
// with a line end if they have none; NUL bytes there (padding) are dropped.
type gzipStream struct {
	src      rewinder
	z        *gzip.Reader
	inMember bool
	plain    bool // passing on bytes that are not gzip data
	lastByte byte // the last byte passed on in plain
	done     bool
	fatal    error
}

func newGzipStream(r *bufio.Reader) *gzipStream {
	return &gzipStream{src: rewinder{r: r}}
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
			g.src.mark()
			var err error
			if g.z == nil {
				g.z, err = gzip.NewReader(&g.src)
			} else {
				err = g.z.Reset(&g.src)
			}
			if err == io.EOF {
				g.done = true
				return 0, io.EOF
			}
			if err != nil {
				if g.src.err != nil {
					g.fatal = fmt.Errorf("read gzip: %w", g.src.err)
					return 0, g.fatal
				}
				if len(g.src.rec) > 0 && g.src.rec[0] == 0x1f {
					// A member header that is damaged: skip to the next one.
					g.src.rewind()
					ok, serr := g.src.seekMagic()
					if serr != nil {
						g.fatal = fmt.Errorf("read gzip: %w", serr)
						return 0, g.fatal
					}
					if !ok {
						g.done = true
					}
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
			if _, serr := g.src.seekMagic(); serr != nil {
				g.fatal = fmt.Errorf("read gzip: %w", serr)
				return n, g.fatal
			}
			return n, fmt.Errorf("%w: %v", errBadMember, err)
		}
		return n, nil
	}
}
