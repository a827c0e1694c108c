package ingest

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"unicode/utf16"
	"unicode/utf8"
)

// errSlowPath reports that the fast JSON object reader declined a line: the line is
// invalid or unusual, and encoding/json decides (and words the error).
var errSlowPath = errors.New("not handled by the fast path")

// parseObject splits a JSON object into its members, the same map that
// json.Unmarshal into map[string]json.RawMessage gives, in one pass over the line.
// JSON Lines documents are mostly one long "text" or "html" string; encoding/json
// would read it three times (validation, scanning, unquoting), and the reader runs
// alone, ahead of the parallel stages, so its cost bounds the whole pipeline's
// scaling. Any line it does not accept returns errSlowPath.
func parseObject(data []byte) (map[string]json.RawMessage, error) {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return nil, errSlowPath
	}
	fields := map[string]json.RawMessage{}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return fields, endOfObject(data, i+1)
	}
	for {
		if i >= len(data) || data[i] != '"' {
			return nil, errSlowPath
		}
		end, ok := stringEnd(data, i)
		if !ok {
			return nil, errSlowPath
		}
		key, ok := unquote(data[i:end])
		if !ok {
			return nil, errSlowPath
		}
		i = skipSpace(data, end)
		if i >= len(data) || data[i] != ':' {
			return nil, errSlowPath
		}
		i = skipSpace(data, i+1)
		if i >= len(data) {
			return nil, errSlowPath
		}
		if data[i] == '"' {
			end, ok = stringEnd(data, i)
			if !ok || !validString(data[i:end]) {
				return nil, errSlowPath
			}
		} else {
			end = valueEnd(data, i)
			if end < 0 || !json.Valid(data[i:end]) {
				return nil, errSlowPath
			}
		}
		fields[key] = data[i:end:end]
		i = skipSpace(data, end)
		if i >= len(data) {
			return nil, errSlowPath
		}
		switch data[i] {
		case ',':
			i = skipSpace(data, i+1)
		case '}':
			return fields, endOfObject(data, i+1)
		default:
			return nil, errSlowPath
		}
	}
}

// endOfObject accepts only white space after the object's closing brace.
func endOfObject(data []byte, i int) error {
	if skipSpace(data, i) != len(data) {
		return errSlowPath
	}
	return nil
}

func skipSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// stringEnd returns the index just past the string literal that starts at data[i].
func stringEnd(data []byte, i int) (int, bool) {
	for j := i + 1; j < len(data); {
		k := bytes.IndexByte(data[j:], '"')
		if k < 0 {
			return 0, false
		}
		q := j + k
		// The quote is escaped when an odd number of backslashes precede it.
		b := q
		for b > i+1 && data[b-1] == '\\' {
			b--
		}
		if (q-b)%2 == 0 {
			return q + 1, true
		}
		j = q + 1
	}
	return 0, false
}

// valueEnd returns the index just past the number, literal, object or array that starts
// at data[i], or -1; json.Valid then checks what lies in between.
func valueEnd(data []byte, i int) int {
	depth := 0
	for ; i < len(data); i++ {
		switch c := data[i]; c {
		case '"':
			end, ok := stringEnd(data, i)
			if !ok {
				return -1
			}
			i = end - 1
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return i
			}
			depth--
			if depth == 0 {
				return i + 1
			}
		case ',', ' ', '\t', '\n', '\r', ':':
			if depth == 0 {
				return i
			}
		}
	}
	if depth != 0 {
		return -1
	}
	return i
}

// validString reports whether a string literal (with its quotes), which stringEnd
// delimited, is valid JSON: no control character, valid escapes.
func validString(lit []byte) bool {
	s := lit[1 : len(lit)-1]
	for {
		k := bytes.IndexByte(s, '\\')
		if k < 0 {
			return !hasControl(s)
		}
		if hasControl(s[:k]) {
			return false
		}
		n := escapeLen(s[k:])
		if n == 0 {
			return false
		}
		s = s[k+n:]
	}
}

// escapeLen returns the length of the valid escape sequence that s starts with, or 0.
func escapeLen(s []byte) int {
	if len(s) < 2 {
		return 0
	}
	switch s[1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return 2
	case 'u':
		if _, ok := hex4(s[2:min(6, len(s))]); ok {
			return 6
		}
	}
	return 0
}

// hasControl reports whether s holds a byte below 0x20, eight bytes at a time.
func hasControl(s []byte) bool {
	const highs, spaces = 0x8080808080808080, 0x20 * 0x0101010101010101
	for len(s) >= 8 {
		x := binary.LittleEndian.Uint64(s)
		// A byte below 0x20 borrows when 0x20 is subtracted and had its high bit clear.
		if (x-spaces)&^x&highs != 0 {
			return true
		}
		s = s[8:]
	}
	for _, c := range s {
		if c < ' ' {
			return true
		}
	}
	return false
}

// unquote decodes a valid JSON string literal (with its quotes) as encoding/json does:
// invalid UTF-8 and unpaired surrogates become U+FFFD.
func unquote(lit []byte) (string, bool) {
	if len(lit) < 2 || lit[0] != '"' || lit[len(lit)-1] != '"' {
		return "", false
	}
	s := lit[1 : len(lit)-1]
	if bytes.IndexByte(s, '\\') < 0 && bytes.IndexByte(s, '"') < 0 && !hasControl(s) && utf8.Valid(s) {
		return string(s), true
	}
	b, ok := appendUnquoted(make([]byte, 0, len(s)), lit)
	return string(b), ok
}

// appendUnquoted appends to b what unquote returns, without making it a string. It reads
// the literal in one pass: runs of plain ASCII are copied as they are, and only escapes
// and non-ASCII characters are looked at one by one. Articles in JSON Lines are dense with
// escapes (Go's encoder writes every '<' of a page as \u003c), so scanning segment by
// segment between backslashes cost several calls per few bytes.
func appendUnquoted(b, lit []byte) ([]byte, bool) {
	if len(lit) < 2 || lit[0] != '"' || lit[len(lit)-1] != '"' {
		return b, false
	}
	s := lit[1 : len(lit)-1]
	for i := 0; i < len(s); {
		start := i
		for i+8 <= len(s) && plainWord(binary.LittleEndian.Uint64(s[i:])) {
			i += 8
		}
		for i < len(s) && plainByte[s[i]] {
			i++
		}
		b = append(b, s[start:i]...)
		if i == len(s) {
			break
		}
		switch c := s[i]; {
		case c == '\\':
			n := escapeLen(s[i:])
			switch {
			case n == 0:
				return b, false
			case n == 2:
				b = append(b, unescaped[s[i+1]])
			default:
				r, _ := hex4(s[i+2 : i+6])
				if utf16.IsSurrogate(r) {
					if len(s)-i >= 12 && s[i+6] == '\\' && s[i+7] == 'u' {
						if r2, ok := hex4(s[i+8 : i+12]); ok {
							if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
								b = utf8.AppendRune(b, dec)
								i += 12
								continue
							}
						}
					}
					r = utf8.RuneError
				}
				b = utf8.AppendRune(b, r)
			}
			i += n
		case c == '"' || c < ' ':
			return b, false
		default: // the first byte of a UTF-8 sequence, or an invalid byte
			r, size := utf8.DecodeRune(s[i:])
			if r == utf8.RuneError && size == 1 {
				b = utf8.AppendRune(b, utf8.RuneError)
			} else {
				b = append(b, s[i:i+size]...)
			}
			i += size
		}
	}
	return b, true
}

// plainWord reports whether the eight bytes of x are all plainByte.
func plainWord(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	quotes, backslashes := x^('"'*ones), x^('\\'*ones)
	// A byte below 0x20 borrows when 0x20 is subtracted and had its high bit clear; a zero
	// byte of quotes or backslashes does the same when 1 is subtracted.
	special := (x-' '*ones)&^x | (quotes-ones)&^quotes | (backslashes-ones)&^backslashes
	return (special|x)&highs == 0
}

// plainByte marks the bytes a JSON string holds as they are: printable ASCII but for the
// quote and the backslash.
var plainByte = func() (t [256]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// unescaped maps the letter of a two-character escape to the byte it stands for.
var unescaped = [256]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

// hex4 decodes the four hex digits of a \u escape.
func hex4(h []byte) (rune, bool) {
	if len(h) != 4 {
		return 0, false
	}
	var r rune
	for _, c := range h {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r*16 + rune(c)
	}
	return r, true
}
