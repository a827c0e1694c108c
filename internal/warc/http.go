package warc

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/andybalholm/brotli"
)

// httpResponse is the part of an HTTP response block that Record carries.
type httpResponse struct {
	status      int
	contentType string
	body        []byte
}

// parseHTTP splits an HTTP response block into status, headers and body, and undoes
// the transfer and content codings of the body. The body is a new slice. Crawlers
// differ in whether they store the body as sent or already decoded, so a coding
// that does not fit the body is taken to be undone already.
func parseHTTP(block []byte, limit int64) (httpResponse, error) {
	var resp httpResponse
	head, body := splitHead(block)
	// Interim responses (100 Continue, 103 Early Hints) come before the final one in the
	// same block: the final response is the record's.
	for isInterim(head) && bytes.HasPrefix(body, []byte("HTTP/")) {
		head, body = splitHead(body)
	}
	lines := strings.Split(strings.ReplaceAll(string(head), "\r\n", "\n"), "\n")
	if f := strings.Fields(lines[0]); len(f) >= 2 {
		if code, err := strconv.Atoi(f[1]); err == nil && code >= 100 && code <= 999 {
			resp.status = code
		}
	}
	var te, ce string
	var last *string
	for _, line := range lines[1:] {
		if line != "" && (line[0] == ' ' || line[0] == '\t') {
			if last != nil {
				*last += " " + strings.TrimSpace(line)
			}
			continue
		}
		last = nil
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		value = strings.TrimSpace(value)
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "content-type":
			if resp.contentType == "" {
				resp.contentType = value
				last = &resp.contentType
			}
		case "transfer-encoding":
			te = joinList(te, value)
			last = &te
		case "content-encoding":
			ce = joinList(ce, value)
			last = &ce
		}
	}
	if hasToken(te, "chunked") {
		if b, ok := dechunk(body); ok {
			body = b
		}
	}
	// Codings are listed in the order they were applied: undo them from the last.
	codings := strings.Split(ce, ",")
	for i := len(codings) - 1; i >= 0; i-- {
		var err error
		body, err = decode(strings.ToLower(strings.TrimSpace(codings[i])), body, limit)
		if err != nil {
			return resp, err
		}
	}
	resp.body = bytes.Clone(body)
	return resp, nil
}

// isInterim reports whether an HTTP head's status line is a 1xx interim response.
func isInterim(head []byte) bool {
	line, _, _ := bytes.Cut(head, []byte("\n"))
	f := bytes.Fields(line)
	return len(f) >= 2 && len(f[1]) == 3 && f[1][0] == '1'
}

// splitHead cuts a block at the first empty line (CRLF CRLF or LF LF).
func splitHead(block []byte) (head, body []byte) {
	crlf := bytes.Index(block, []byte("\r\n\r\n"))
	lf := bytes.Index(block, []byte("\n\n"))
	switch {
	case crlf >= 0 && (lf < 0 || crlf < lf):
		return block[:crlf], block[crlf+4:]
	case lf >= 0:
		return block[:lf], block[lf+2:]
	}
	return block, nil
}

func joinList(a, b string) string {
	if a == "" {
		return b
	}
	return a + ", " + b
}

func hasToken(list, token string) bool {
	for _, t := range strings.Split(list, ",") {
		if strings.EqualFold(strings.TrimSpace(t), token) {
			return true
		}
	}
	return false
}

// dechunk decodes a chunked body. It reports false when the body is not validly
// chunked, which is the case when the crawler stored it decoded. A body cut short
// after its first chunk is accepted.
func dechunk(b []byte) ([]byte, bool) {
	var out []byte
	for len(b) > 0 {
		line, rest, ok := bytes.Cut(b, []byte("\n"))
		if !ok {
			return nil, false
		}
		size := bytes.TrimSpace(line)
		if i := bytes.IndexByte(size, ';'); i >= 0 {
			size = bytes.TrimSpace(size[:i])
		}
		n, err := strconv.ParseUint(string(size), 16, 63)
		if err != nil || len(size) == 0 {
			return nil, false
		}
		if n == 0 {
			return out, true // trailer fields, if any, are dropped
		}
		if n > uint64(len(rest)) {
			// A record cut short by the crawler (WARC-Truncated) ends inside a
			// chunk; a stored decoded body rarely gets this far.
			if out == nil {
				return nil, false
			}
			return append(out, rest...), true
		}
		out = append(out, rest[:n]...)
		b = rest[n:]
		b = bytes.TrimPrefix(b, []byte("\r"))
		if len(b) > 0 && b[0] != '\n' {
			return nil, false
		}
		b = bytes.TrimPrefix(b, []byte("\n"))
	}
	return out, true
}

// decode undoes one content coding, reading at most limit bytes of output.
func decode(coding string, body []byte, limit int64) ([]byte, error) {
	var r io.Reader
	framed := true // the coded form starts with a header that was checked
	switch coding {
	case "", "identity":
		return body, nil
	case "gzip", "x-gzip":
		if len(body) < 2 || body[0] != 0x1f || body[1] != 0x8b {
			return body, nil
		}
		z, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, fmt.Errorf("%w: gzip body: %v", ErrCorrupt, err)
		}
		r = z
	case "deflate":
		// Meant to be zlib-wrapped, but some servers send raw deflate.
		if len(body) >= 2 && (uint16(body[0])<<8|uint16(body[1]))%31 == 0 && body[0]&0x0f == 8 {
			z, err := zlib.NewReader(bytes.NewReader(body))
			if err != nil {
				return nil, fmt.Errorf("%w: deflate body: %v", ErrCorrupt, err)
			}
			r = z
		} else {
			r, framed = flate.NewReader(bytes.NewReader(body)), false
		}
	case "br":
		r, framed = brotli.NewReader(bytes.NewReader(body)), false
	default:
		return body, nil // not a coding: a server's mistake
	}
	out, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		if !framed {
			// Raw deflate and brotli have no header to tell a stored, already
			// decoded body from a coded one: the failure says it is decoded.
			return body, nil
		}
		return nil, fmt.Errorf("%w: %s body: %v", ErrCorrupt, coding, err)
	}
	if int64(len(out)) > limit {
		return nil, fmt.Errorf("%w: decoded body over %d bytes", ErrTooLarge, limit)
	}
	return out, nil
}
