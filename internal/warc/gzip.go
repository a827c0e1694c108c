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
func (w *rewinder) rewind() {
	if w.recording && len(w.rec) > 1 {
		p := make([]byte, 0, len(w.rec)-1+len(w.pend))
		p = append(p, w.rec[1:]...)
		w.pend = append(p, w.pend...)
	}
	w.recording = false
	w.rec = w.rec[:0]
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
// member header found in the input.
type gzipStream struct {
	src      rewinder
	z        *gzip.Reader
	inMember bool
	done     bool
	fatal    error
}

func newGzipStream(r *bufio.Reader) *gzipStream {
	return &gzipStream{src: rewinder{r: r}}
}

func (g *gzipStream) Read(p []byte) (int, error) {
	for {
		if g.fatal != nil {
			return 0, g.fatal
		}
		if g.done {
			return 0, io.EOF
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
				// Bytes that are not a member header: skip to the next header, and
				// say nothing when there is none (padding at the end of a file).
				g.src.rewind()
				ok, serr := g.src.seekMagic()
				if serr != nil {
					g.fatal = fmt.Errorf("read gzip: %w", serr)
					return 0, g.fatal
				}
				if !ok {
					g.done = true
					return 0, io.EOF
				}
				return 0, fmt.Errorf("%w: bad header: %v", errBadMember, err)
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
