package ingest

import (
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
	for i++; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++
		case '"':
			return i + 1, true
		}
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

// validString reports whether a string literal (with its quotes) is valid JSON.
func validString(lit []byte) bool {
	s := lit[1 : len(lit)-1]
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < ' ':
			return false
		case c == '\\':
			i++
			if i >= len(s) {
				return false
			}
			switch s[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= len(s) {
					return false
				}
				if _, ok := hex4(s[i+1 : i+5]); !ok {
					return false
				}
				i += 4
			default:
				return false
			}
		}
	}
	return true
}

// unquote decodes a valid JSON string literal (with its quotes) as encoding/json does:
// invalid UTF-8 and unpaired surrogates become U+FFFD.
func unquote(lit []byte) (string, bool) {
	if len(lit) < 2 || lit[0] != '"' || lit[len(lit)-1] != '"' {
		return "", false
	}
	s := lit[1 : len(lit)-1]
	plain := true
	for _, c := range s {
		if c == '\\' || c == '"' || c < ' ' || c >= utf8.RuneSelf {
			plain = false
			break
		}
	}
	if plain {
		return string(s), true
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\':
			if i+1 >= len(s) {
				return "", false
			}
			switch e := s[i+1]; e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, ok := hex4(s[i+2 : min(i+6, len(s))])
				if !ok {
					return "", false
				}
				i += 6
				if utf16.IsSurrogate(r) {
					if i+6 <= len(s) && s[i] == '\\' && s[i+1] == 'u' {
						if r2, ok := hex4(s[i+2 : i+6]); ok {
							if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
								b = utf8.AppendRune(b, dec)
								i += 6
								continue
							}
						}
					}
					r = utf8.RuneError
				}
				b = utf8.AppendRune(b, r)
				continue
			default:
				return "", false
			}
			i += 2
		case c == '"' || c < ' ':
			return "", false
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRune(s[i:])
			if r == utf8.RuneError && size == 1 {
				b = utf8.AppendRune(b, utf8.RuneError)
			} else {
				b = append(b, s[i:i+size]...)
			}
			i += size
		}
	}
	return string(b), true
}

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
