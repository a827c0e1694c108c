package extractset

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// latin1UTF16BOM is a UTF-16 little-endian byte-order mark (FF FE) that a conversion
// from Latin-1 to UTF-8 turned into "ÿþ": the rest of such a file is UTF-16 whose every
// byte was converted the same way (a few of Dragnet's gold files).
var latin1UTF16BOM = []byte("\u00ff\u00fe")

// truthText returns a gold body as UTF-8 text. Gold files are UTF-8, except files in
// UTF-16 (with their byte-order mark), which are decoded, and UTF-16 files converted
// byte by byte from Latin-1 to UTF-8, whose bytes are first recovered; without this,
// their text would be "F\x00o\x00r\x00..." and match nothing.
func truthText(b []byte) string {
	if bytes.HasPrefix(b, latin1UTF16BOM) {
		// Text in UTF-16 has a zero byte beside every ASCII character: a UTF-8 file
		// that merely starts with "ÿþ" has none.
		if raw, ok := latin1Bytes(b); ok && bytes.Count(raw, []byte{0})*4 >= len(raw) {
			b = raw
		}
	}
	if bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff}) {
		if out, _, err := transform.Bytes(unicode.BOMOverride(unicode.UTF8.NewDecoder()), b); err == nil {
			return string(out)
		}
	}
	return string(b)
}

// latin1Bytes returns the bytes whose Latin-1 reading is the UTF-8 text b, and false
// when b holds a character beyond Latin-1 or is no valid UTF-8.
func latin1Bytes(b []byte) ([]byte, bool) {
	out := make([]byte, 0, len(b))
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 || r > 0xff {
			return nil, false
		}
		out = append(out, byte(r))
		b = b[n:]
	}
	return out, true
}
