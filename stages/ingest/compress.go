package ingest

import (
	"bufio"
	"bytes"
	"compress/bzip2"
	"compress/gzip"
	"errors"
	"fmt"
	"io"

	"github.com/klauspost/compress/zstd"
)

// Compressions recognised by their first bytes.
const (
	gzipData  = "gzip"
	zstdData  = "zstd"
	bzip2Data = "bzip2"
)

// maxZstdWindow bounds the memory a zstd stream may ask for (its window); streams made
// with a larger --long window are refused with an error rather than read.
const maxZstdWindow = 64 << 20

// compressionOf names the compression that data starts with, or returns "".
func compressionOf(head []byte) string {
	switch {
	case len(head) >= 3 && head[0] == 0x1f && head[1] == 0x8b && head[2] == 8:
		return gzipData
	case bytes.HasPrefix(head, []byte("\x28\xb5\x2f\xfd")):
		return zstdData
	case len(head) >= 10 && bytes.HasPrefix(head, []byte("BZh")) && head[3] >= '1' && head[3] <= '9' &&
		(bytes.HasPrefix(head[4:], []byte("\x31\x41\x59\x26\x53\x59")) || bytes.HasPrefix(head[4:], []byte("\x17\x72\x45\x38\x50\x90"))):
		return bzip2Data
	}
	return ""
}

// decompressor streams the decompressed bytes of in, which starts with the kind of
// compression named. Read errors name the compression and whether the data was cut short.
func decompressor(kind string, in io.Reader) (io.ReadCloser, error) {
	var r io.Reader
	closer := func() {}
	switch kind {
	case gzipData:
		z, err := gzip.NewReader(in)
		if err != nil {
			return nil, streamError(kind, err)
		}
		r, closer = z, func() { z.Close() }
	case zstdData:
		z, err := zstd.NewReader(in, zstd.WithDecoderConcurrency(1), zstd.WithDecoderLowmem(true),
			zstd.WithDecoderMaxWindow(maxZstdWindow))
		if err != nil {
			return nil, streamError(kind, err)
		}
		r, closer = z, z.Close
	case bzip2Data:
		r = bzip2.NewReader(in)
	default:
		return nil, fmt.Errorf("unknown compression %q", kind)
	}
	return &decompressed{r: r, kind: kind, close: closer}, nil
}

// decompressed wraps a decompressing reader so that its errors say what went wrong in
// the user's terms.
type decompressed struct {
	r     io.Reader
	kind  string
	close func()
}

func (d *decompressed) Read(p []byte) (int, error) {
	n, err := d.r.Read(p)
	if err != nil && err != io.EOF {
		err = streamError(d.kind, err)
	}
	return n, err
}

func (d *decompressed) Close() error { d.close(); return nil }

// errTruncated is wrapped by the error for compressed data that ends too soon.
var errTruncated = errors.New("the file ends in the middle of the stream")

// streamError describes an error of a decompressor.
func streamError(kind string, err error) error {
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return fmt.Errorf("truncated %s data: %w", kind, errTruncated)
	}
	return fmt.Errorf("corrupt %s data: %v", kind, err)
}

// peekDecompressed returns up to n decompressed bytes from the start of a stream that
// begins with compressed data of the given kind, without consuming br.
func peekDecompressed(kind string, br *bufio.Reader, n int) []byte {
	head, _ := br.Peek(br.Size())
	z, err := decompressor(kind, bytes.NewReader(head))
	if err != nil {
		return nil
	}
	defer z.Close()
	buf := make([]byte, n)
	k, _ := io.ReadFull(z, buf)
	return buf[:k]
}
