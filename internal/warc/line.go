package warc

import (
	"bufio"
	"bytes"
	"io"
)

// readCutLine reads one line through next, which returns the input's next chunk: a whole
// line with its line end, or a part of one with bufio.ErrBufferFull (more of the line
// follows), as bufio.Reader.ReadSlice does. A line longer than maxLine is cut to that
// length; the rest of it is consumed. At the end of the input a last line without line
// end is returned; after it, io.EOF. The WARC and the ARC reader share it, each counting
// the bytes next hands over its own way.
func readCutLine(next func() ([]byte, error)) ([]byte, error) {
	var line []byte
	for {
		chunk, err := next()
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
		default:
			return line, err
		}
	}
}

// splitLine returns the first line of pend, bytes put back to be read again, and the rest;
// when pend holds no line end, all of it with bufio.ErrBufferFull, since the line goes on
// in the input after it.
func splitLine(pend []byte) (chunk, rest []byte, err error) {
	if i := bytes.IndexByte(pend, '\n'); i >= 0 {
		return pend[:i+1], pend[i+1:], nil
	}
	return pend, nil, bufio.ErrBufferFull
}
