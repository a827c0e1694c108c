package repeats

import (
	"strings"

	"golang.org/x/net/html"
)

// tokenKind is the kind of a token of pageScanner.
type tokenKind int

const (
	tokError tokenKind = iota // the end of the page
	tokText
	tokStartTag
	tokEndTag
	tokSelfClosingTag
	tokComment // comments, doctypes and the other tokens without text
)

// pageScanner splits a page into tokens exactly as golang.org/x/net/html's Tokenizer
// does (each method below follows the Tokenizer's method of the same name), but reads a
// string in place, skips text and raw text with IndexByte, and keeps no attributes: the
// site-repeats pre-pass reads every page once more than the main run, and on large pages
// the Tokenizer was most of its time.
type pageScanner struct {
	s      string
	i      int  // the Tokenizer's raw.end
	eof    bool // the Tokenizer's err != nil
	rawTag string
	// The current token: its text (data) or tag name, and how its text converts.
	dataStart, dataEnd    int
	textIsRaw, convertNUL bool
	// keys holds the spans of the attribute names of the current start tag that the
	// Tokenizer keeps (non-empty, first of their name); lastValueEnd is the end of the
	// value of the last one. A start tag ending in "/>" is self-closing unless that slash
	// ends the last kept attribute's value.
	keys         [][2]int
	lastValueEnd int
	// keySet holds the lower-cased names of keys once a tag has more than linearKeys of
	// them, as the Tokenizer's set does: a hostile tag may have hundreds of thousands.
	keySet map[string]struct{}
}

// linearKeys is how many kept attribute names are compared one by one before keySet is used.
const linearKeys = 16

func (z *pageScanner) readByte() byte {
	if z.i >= len(z.s) {
		z.eof = true
		return 0
	}
	c := z.s[z.i]
	z.i++
	return c
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// next scans the next token and returns its kind.
func (z *pageScanner) next() tokenKind {
	rawStart := z.i
	z.dataStart, z.dataEnd = z.i, z.i
	if z.eof {
		return tokError
	}
	if z.rawTag != "" {
		if z.rawTag == "plaintext" {
			z.i, z.eof = len(z.s), true
			z.dataEnd = z.i
			z.textIsRaw = true
		} else {
			z.readRawOrRCDATA()
		}
		if z.dataEnd > z.dataStart {
			z.convertNUL = true
			return tokText
		}
	}
	z.textIsRaw, z.convertNUL = false, false
loop:
	for {
		j := strings.IndexByte(z.s[z.i:], '<')
		if j < 0 {
			z.i, z.eof = len(z.s), true
			break loop
		}
		z.i += j + 1
		c := z.readByte()
		if z.eof {
			break loop
		}
		kind := tokComment
		switch {
		case isASCIILetter(c):
			kind = tokStartTag
		case c == '/':
			kind = tokEndTag
		case c == '!' || c == '?':
		default:
			z.i-- // reconsume: the '<' is text
			continue
		}
		// Text before the tag is a token of its own.
		if x := z.i - len("<a"); rawStart < x {
			z.i, z.dataEnd = x, x
			return tokText
		}
		switch kind {
		case tokStartTag:
			return z.readStartTag()
		case tokEndTag:
			c = z.readByte()
			if z.eof {
				break loop // "</" at the end is text
			}
			if c == '>' {
				return tokComment // "</>" is no token at all
			}
			if isASCIILetter(c) {
				z.readTag(false)
				if z.eof {
					return tokError
				}
				return tokEndTag
			}
			z.i--
			z.readUntilCloseAngle()
			return tokComment
		default:
			if c == '!' {
				z.readMarkupDeclaration()
				return tokComment
			}
			z.i--
			z.readUntilCloseAngle()
			return tokComment
		}
	}
	if rawStart < z.i {
		z.dataEnd = z.i
		return tokText
	}
	return tokError
}

// text returns the current text token's text as the Tokenizer's Text does.
func (z *pageScanner) text() string {
	s := z.s[z.dataStart:z.dataEnd]
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	}
	if z.convertNUL && strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "\ufffd")
	}
	if !z.textIsRaw {
		s = html.UnescapeString(s)
	}
	return s
}

// tagName returns the current tag's name, lower-cased.
func (z *pageScanner) tagName() string {
	return asciiLower(z.s[z.dataStart:z.dataEnd])
}

// asciiLower lower-cases the ASCII letters of s, as the Tokenizer lower-cases tag names.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// readRawOrRCDATA reads the text of a raw text element up to its end tag.
func (z *pageScanner) readRawOrRCDATA() {
	tag, from := z.rawTag, z.i
	end, found := len(z.s), false
	for k := from; ; {
		j := strings.Index(z.s[k:], "</")
		if j < 0 {
			break
		}
		p := k + j
		if rest := z.s[p+2:]; len(rest) > len(tag) && isHTMLSpaceSlashOrClose(rest[len(tag)]) && equalFoldLetters(rest[:len(tag)], tag) {
			end, found = p, true
			break
		}
		k = p + 2
	}
	if tag == "script" && strings.Contains(z.s[from:end], "<!--") {
		// The simple search above is right unless the script hides an end tag in a
		// comment: follow the standard's states.
		z.readScript()
		z.dataEnd = z.i
		z.textIsRaw = true
		z.rawTag = ""
		return
	}
	z.i = end
	if !found {
		z.eof = true
	}
	z.dataEnd = z.i
	z.textIsRaw = tag != "textarea" && tag != "title"
	z.rawTag = ""
}

func isHTMLSpaceSlashOrClose(c byte) bool { return isHTMLSpace(c) || c == '/' || c == '>' }

// equalFoldLetters reports whether s is lower, a lower-case tag name, with any of its
// letters in upper case.
func equalFoldLetters(s, lower string) bool {
	for i := 0; i < len(lower); i++ {
		if c := s[i]; c != lower[i] && c != lower[i]-('a'-'A') {
			return false
		}
	}
	return true
}

// rawTags are the elements whose content the Tokenizer reads as one text token.
var rawTags = map[string]bool{
	"iframe": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true,
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true,
}

func (z *pageScanner) readStartTag() tokenKind {
	z.readTag(true)
	if z.eof {
		return tokError
	}
	// Raw text elements start with one of these letters (the name starts with a letter).
	if name := z.s[z.dataStart:z.dataEnd]; len(name) <= len("plaintext") && strings.IndexByte("inpstx", name[0]|0x20) >= 0 {
		if lower := asciiLower(name); rawTags[lower] {
			z.rawTag = lower
		}
	}
	if z.s[z.i-2] == '/' && (len(z.keys) == 0 || z.i-2 != z.lastValueEnd-1) {
		return tokSelfClosingTag
	}
	return tokStartTag
}

func (z *pageScanner) readTag(keepKeys bool) {
	z.keys = z.keys[:0]
	if len(z.keySet) > 0 {
		clear(z.keySet)
	}
	z.readTagName()
	if z.skipWhiteSpace(); z.eof {
		return
	}
	for {
		c := z.readByte()
		if z.eof || c == '>' {
			break
		}
		z.i--
		keyStart, keyEnd := z.readTagAttrKey()
		valueEnd := z.readTagAttrVal()
		if keepKeys && keyStart != keyEnd && z.keepKey(keyStart, keyEnd) {
			z.lastValueEnd = valueEnd
		}
		if z.skipWhiteSpace(); z.eof {
			break
		}
	}
}

// keepKey keeps the attribute name s[start:end] and reports true, unless the tag has kept
// one of the same name.
func (z *pageScanner) keepKey(start, end int) bool {
	key := z.s[start:end]
	if len(z.keys) < linearKeys {
		for _, k := range z.keys {
			if k[1]-k[0] == len(key) && asciiEqualFold(z.s[k[0]:k[1]], key) {
				return false
			}
		}
		z.keys = append(z.keys, [2]int{start, end})
		return true
	}
	if z.keySet == nil {
		z.keySet = make(map[string]struct{})
	}
	if len(z.keySet) == 0 {
		for _, k := range z.keys {
			z.keySet[asciiLower(z.s[k[0]:k[1]])] = struct{}{}
		}
	}
	lower := asciiLower(key)
	if _, ok := z.keySet[lower]; ok {
		return false
	}
	z.keySet[lower] = struct{}{}
	z.keys = append(z.keys, [2]int{start, end})
	return true
}

func asciiEqualFold(a, b string) bool {
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

func (z *pageScanner) readTagName() {
	z.dataStart = z.i - 1
	for {
		c := z.readByte()
		if z.eof {
			z.dataEnd = z.i
			return
		}
		switch c {
		case ' ', '\n', '\r', '\t', '\f':
			z.dataEnd = z.i - 1
			return
		case '/', '>':
			z.i--
			z.dataEnd = z.i
			return
		}
	}
}

func (z *pageScanner) skipWhiteSpace() {
	if z.eof {
		return
	}
	for {
		c := z.readByte()
		if z.eof {
			return
		}
		if !isHTMLSpace(c) {
			z.i--
			return
		}
	}
}

func (z *pageScanner) readTagAttrKey() (start, end int) {
	start = z.i
	for {
		c := z.readByte()
		if z.eof {
			return start, z.i
		}
		switch c {
		case '=':
			if start+1 == z.i {
				continue // an equals sign before the name begins is part of the name
			}
			fallthrough
		case ' ', '\n', '\r', '\t', '\f', '/', '>':
			z.i--
			return start, z.i
		}
	}
}

// readTagAttrVal reads an attribute's value and returns where it ends.
func (z *pageScanner) readTagAttrVal() (end int) {
	end = z.i
	if z.skipWhiteSpace(); z.eof {
		return end
	}
	c := z.readByte()
	if z.eof || c == '/' {
		return end
	}
	if c != '=' {
		z.i--
		return end
	}
	if z.skipWhiteSpace(); z.eof {
		return end
	}
	quote := z.readByte()
	if z.eof {
		return end
	}
	switch quote {
	case '>':
		z.i--
		return end
	case '\'', '"':
		j := strings.IndexByte(z.s[z.i:], quote)
		if j < 0 {
			z.i, z.eof = len(z.s), true
			return z.i
		}
		z.i += j + 1
		return z.i - 1
	default:
		for {
			c := z.readByte()
			if z.eof {
				return z.i
			}
			switch c {
			case ' ', '\n', '\r', '\t', '\f':
				return z.i - 1
			case '>':
				z.i--
				return z.i
			}
		}
	}
}

// readMarkupDeclaration reads a token starting with "<!": a comment, or a doctype or
// bogus comment, both of which end at the first '>'.
func (z *pageScanner) readMarkupDeclaration() {
	var c [2]byte
	for k := range c {
		if c[k] = z.readByte(); z.eof {
			return
		}
	}
	if c[0] == '-' && c[1] == '-' {
		z.readComment()
		return
	}
	z.i -= 2
	z.readUntilCloseAngle()
}

func (z *pageScanner) readComment() {
	dashCount, beginning := 0, true
	for {
		c := z.readByte()
		if z.eof {
			return
		}
		switch c {
		case '-':
			dashCount++
			continue
		case '>':
			if dashCount >= 2 || beginning {
				return
			}
		case '!':
			if dashCount >= 2 {
				c = z.readByte()
				if z.eof || c == '>' {
					return
				}
				if c == '-' {
					dashCount, beginning = 1, false
					continue
				}
			}
		}
		dashCount, beginning = 0, false
	}
}

func (z *pageScanner) readUntilCloseAngle() {
	if j := strings.IndexByte(z.s[z.i:], '>'); j >= 0 {
		z.i += j + 1
		return
	}
	z.i, z.eof = len(z.s), true
}

// readRawEndTag reads tag, in any case, and a byte that may end an end tag's name, after
// a "</"; on success it backs up to the "</", else to the first byte that did not match.
func (z *pageScanner) readRawEndTag(tag string) bool {
	for i := 0; i < len(tag); i++ {
		c := z.readByte()
		if z.eof {
			return false
		}
		if c != tag[i] && c != tag[i]-('a'-'A') {
			z.i--
			return false
		}
	}
	c := z.readByte()
	if z.eof {
		return false
	}
	if isHTMLSpaceSlashOrClose(c) {
		z.i -= len("</") + len(tag) + 1
		return true
	}
	z.i--
	return false
}

// readScript reads a script's text up to its end tag through the escape states of the
// HTML standard, as the Tokenizer's readScript does, state for state.
func (z *pageScanner) readScript() {
	var c byte

scriptData:
	if j := strings.IndexByte(z.s[z.i:], '<'); j >= 0 {
		z.i += j // only '<' leaves this state
	} else {
		z.i, z.eof = len(z.s), true
		return
	}
	c = z.readByte()
	if z.eof {
		return
	}
	if c == '<' {
		goto scriptDataLessThanSign
	}
	goto scriptData

scriptDataLessThanSign:
	c = z.readByte()
	if z.eof {
		return
	}
	switch c {
	case '/':
		goto scriptDataEndTagOpen
	case '!':
		goto scriptDataEscapeStart
	}
	z.i--
	goto scriptData

scriptDataEndTagOpen:
	if z.readRawEndTag("script") || z.eof {
		return
	}
	goto scriptData

scriptDataEscapeStart:
	c = z.readByte()
	if z.eof {
		return
	}
	if c == '-' {
		goto scriptDataEscapeStartDash
	}
	z.i--
	goto scriptData

scriptDataEscapeStartDash:
	c = z.readByte()
	if z.eof {
		return
	}
	if c == '-' {
		goto scriptDataEscapedDashDash
	}
	z.i--
	goto scriptData

scriptDataEscaped:
	c = z.readByte()
	if z.eof {
		return
	}
	switch c {
	case '-':
		goto scriptDataEscapedDash
	case '<':
		goto scriptDataEscapedLessThanSign
	}
	goto scriptDataEscaped

scriptDataEscapedDash:
	c = z.readByte()
	if z.eof {
		return
	}
	switch c {
	case '-':
		goto scriptDataEscapedDashDash
	case '<':
		goto scriptDataEscapedLessThanSign
	}
	goto scriptDataEscaped

scriptDataEscapedDashDash:
	c = z.readByte()
	if z.eof {
		return
	}
	switch c {
	case '-':
		goto scriptDataEscapedDashDash
	case '<':
		goto scriptDataEscapedLessThanSign
	case '>':
		goto scriptData
	}
	goto scriptDataEscaped

scriptDataEscapedLessThanSign:
	c = z.readByte()
	if z.eof {
		return
	}
	if c == '/' {
		goto scriptDataEscapedEndTagOpen
	}
	if isASCIILetter(c) {
		goto scriptDataDoubleEscapeStart
	}
	z.i--
	goto scriptData

scriptDataEscapedEndTagOpen:
	if z.readRawEndTag("script") || z.eof {
		return
	}
	goto scriptDataEscaped

scriptDataDoubleEscapeStart:
	z.i--
	for i := 0; i < len("script"); i++ {
		c = z.readByte()
		if z.eof {
			return
		}
		if c != "script"[i] && c != "SCRIPT"[i] {
			z.i--
			goto scriptDataEscaped
		}
	}
	c = z.readByte()
	if z.eof {
		return
	}
	if isHTMLSpaceSlashOrClose(c) {
		goto scriptDataDoubleEscaped
	}
	z.i--
	goto scriptDataEscaped

scriptDataDoubleEscaped:
	c = z.readByte()
	if z.eof {
		return
	}
	switch c {
	case '-':
		goto scriptDataDoubleEscapedDash
	case '<':
		goto scriptDataDoubleEscapedLessThanSign
	}
	goto scriptDataDoubleEscaped

scriptDataDoubleEscapedDash:
	c = z.readByte()
	if z.eof {
		return
	}
	switch c {
	case '-':
		goto scriptDataDoubleEscapedDashDash
	case '<':
		goto scriptDataDoubleEscapedLessThanSign
	}
	goto scriptDataDoubleEscaped

scriptDataDoubleEscapedDashDash:
	c = z.readByte()
	if z.eof {
		return
	}
	switch c {
	case '-':
		goto scriptDataDoubleEscapedDashDash
	case '<':
		goto scriptDataDoubleEscapedLessThanSign
	case '>':
		goto scriptData
	}
	goto scriptDataDoubleEscaped

scriptDataDoubleEscapedLessThanSign:
	c = z.readByte()
	if z.eof {
		return
	}
	if c == '/' {
		goto scriptDataDoubleEscapeEnd
	}
	z.i--
	goto scriptDataDoubleEscaped

scriptDataDoubleEscapeEnd:
	if z.readRawEndTag("script") {
		z.i += len("</script>")
		goto scriptDataEscaped
	}
	if z.eof {
		return
	}
	goto scriptDataDoubleEscaped
}
