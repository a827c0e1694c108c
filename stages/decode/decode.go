// Package decode turns a document's raw bytes, in any charset, into UTF-8 text.
package decode

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"regexp"
	"strings"
	stdunicode "unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/gogs/chardet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// ErrBinary is wrapped by the error that Decode returns for content that is not text.
var ErrBinary = errors.New("not text")

// magic lists the leading bytes of common binary formats that end up in crawls.
var magic = []struct {
	prefix, name string
}{
	{"\x89PNG\r\n\x1a\n", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF87a", "a GIF image"},
	{"GIF89a", "a GIF image"},
	{"RIFF", "a RIFF (WebP/WAV/AVI) file"},
	{"%PDF-", "a PDF document"},
	{"\x1f\x8b", "gzip data"},
	{"PK\x03\x04", "a ZIP archive"},
	{"BZh", "bzip2 data"},
	{"\xfd7zXZ\x00", "xz data"},
	{"\x28\xb5\x2f\xfd", "zstd data"},
	{"\x00asm", "WebAssembly"},
	{"\x7fELF", "an ELF executable"},
	{"MZ", "a Windows executable"},
	{"\xcf\xfa\xed\xfe", "a Mach-O executable"},
	{"\xce\xfa\xed\xfe", "a Mach-O executable"},
	{"\xca\xfe\xba\xbe", "a Mach-O or Java class file"},
	{"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"},
	{"Rar!\x1a\x07", "a RAR archive"},
	{"SQLite format 3\x00", "an SQLite database"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"},
	{"OggS", "an Ogg audio or video file"},
	{"ID3", "an MP3 audio file"},
	{"fLaC", "a FLAC audio file"},
	{"\x1a\x45\xdf\xa3", "a Matroska/WebM video"},
	{"PAR1", "a Parquet file"},
	{"\x04\x22\x4d\x18", "LZ4 data"},
	{"wOFF", "a WOFF font"},
	{"wOF2", "a WOFF2 font"},
}

// Decode converts raw to UTF-8. The charset comes, in this order, from a byte order mark,
// from contentType (an HTTP-style "text/html; charset=..." value, may be empty), from a
// <meta charset> or http-equiv declaration when html is true, and otherwise from the
// bytes: valid UTF-8 stays UTF-8, NUL-interleaved bytes are UTF-16, text that statistical
// detection finds to be Shift_JIS, EUC, GB18030 or Big5 is read as such, so is text whose
// words are in a non-Latin script of a single-byte charset (Windows-1251, KOI8-R,
// ISO-8859-5, -6, -7, -8, Windows-1256), so is text in a Central European language in
// Windows-1250 or ISO-8859-2, and anything else is read as Windows-1252. It returns the text and the name of the charset used. Bytes that are
// invalid in the chosen charset become U+FFFD. NUL bytes make raw binary data, unless they
// are stray ones in UTF-8 text (strayNULs), which are dropped.
//
// Decode takes raw over: when raw is valid UTF-8 the text shares its memory rather than
// copying it (pages run to megabytes, and each copy is a large allocation), so raw must not
// be changed afterwards.
func Decode(raw []byte, contentType string, html bool) (string, string, error) {
	if name, ok := binaryKind(raw); ok {
		if name != nulData || !strayNULs(raw) {
			return "", "", fmt.Errorf("%w: looks like %s", ErrBinary, name)
		}
		raw = bytes.ReplaceAll(raw, []byte{0}, nil)
	}
	enc, name := chooseEncoding(raw, contentType, html)
	if name == "utf-8" {
		raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
		if utf8.Valid(raw) {
			return unsafe.String(unsafe.SliceData(raw), len(raw)), name, nil
		}
		return strings.ToValidUTF8(string(raw), "\uFFFD"), name, nil
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return "", name, fmt.Errorf("decode %s: %w", name, err)
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), name, nil
}

// Binary reports whether raw is binary data that Decode refuses with ErrBinary, and
// what it looks like ("a PNG image", "zlib data"...).
func Binary(raw []byte) (string, bool) {
	name, ok := binaryKind(raw)
	if ok && name == nulData && strayNULs(raw) {
		return "", false
	}
	return name, ok
}

// binaryKind reports whether raw starts like a known binary format or holds NUL bytes
// that UTF-16 does not explain.
func binaryKind(raw []byte) (string, bool) {
	for _, m := range magic {
		if !bytes.HasPrefix(raw, []byte(m.prefix)) {
			continue
		}
		// A signature of printable letters ("MZ", "RIFF", "ID3", "BZh") starts words of
		// text too: the file's header must also hold a byte that text does not, as
		// every such format's binary fields (sizes, versions, flags) soon do. A PDF's
		// header can be all text, but no text starts with "%PDF-".
		if printable(m.prefix) && m.prefix != "%PDF-" && !hasControl(raw[len(m.prefix):min(len(raw), 512)]) {
			continue
		}
		return m.name, true
	}
	if len(raw) >= 12 && string(raw[4:8]) == "ftyp" {
		return "an MP4/QuickTime video", true
	}
	if isZlib(raw) {
		return "zlib data", true
	}
	head := raw[:min(len(raw), 4096)]
	if bytes.IndexByte(head, 0) >= 0 && utf16Order(raw) == "" && !hasUTF16BOM(raw) {
		return nulData, true
	}
	return "", false
}

const nulData = "binary data (NUL bytes)"

// printable reports whether s is all printable ASCII.
func printable(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// hasControl reports whether b holds a control byte that text does not have: NUL, or
// another below 0x20 but tab, line feed, carriage return and form feed, or DEL.
func hasControl(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7f {
			return true
		}
	}
	return false
}

// strayNULs reports whether raw is UTF-8 text with a few NUL bytes in it, as a bad copy
// or a database export leaves them: at most one byte in ten is NUL, at most one in a
// hundred is another control character, and the rest is valid UTF-8. Decode drops such NULs;
// binary data almost never passes (random bytes are not valid UTF-8).
func strayNULs(raw []byte) bool {
	nul := bytes.Count(raw, []byte{0})
	if nul == 0 || nul*10 > len(raw) {
		return false
	}
	ctrl := 0
	for _, c := range raw {
		if c < 0x20 && c != 0 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			ctrl++
		}
	}
	return ctrl*100 <= len(raw) && utf8.Valid(raw)
}

// isZlib reports whether raw starts with a zlib header (RFC 1950): deflate with a window of
// at most 32 KB, a header check that divides by 31, and a first byte that text rarely has
// after "x" (0x01, 0x5e, 0x9c, 0xda for the four compression levels).
func isZlib(raw []byte) bool {
	if len(raw) < 3 || raw[0] != 0x78 {
		return false
	}
	switch raw[1] {
	case 0x01, 0x5e, 0x9c, 0xda:
		return (uint16(raw[0])<<8|uint16(raw[1]))%31 == 0
	}
	return false
}

func hasUTF16BOM(raw []byte) bool {
	return bytes.HasPrefix(raw, []byte("\xff\xfe")) || bytes.HasPrefix(raw, []byte("\xfe\xff"))
}

// chooseEncoding picks the encoding of raw by the precedence that Decode documents.
func chooseEncoding(raw []byte, contentType string, html bool) (encoding.Encoding, string) {
	switch {
	case bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")):
		return unicode.UTF8, "utf-8"
	case bytes.HasPrefix(raw, []byte("\xff\xfe")):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le"
	case bytes.HasPrefix(raw, []byte("\xfe\xff")):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be"
	}
	if order := utf16Order(raw); order == "le" {
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le"
	} else if order == "be" {
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be"
	}
	declared := ""
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		declared = params["charset"]
	}
	if declared == "" && html {
		declared = metaCharset(raw)
	}
	enc, name := lookup(declared)
	if strings.HasPrefix(name, "utf-16") {
		// UTF-16 text has no byte-order mark and no NUL beside its ASCII letters here
		// (see above): the declaration is wrong, as a <meta charset="utf-16"> that the
		// parser could read in ASCII always is (WHATWG: read as UTF-8).
		enc = nil
	}
	if enc != nil {
		// Pages often declare a legacy charset but are served as UTF-8; multi-byte
		// sequences that are all valid UTF-8 are almost never legacy text.
		if name != "utf-8" && hasHighBit(raw) && (utf8.Valid(raw) || mostlyUTF8(raw)) {
			return unicode.UTF8, "utf-8"
		}
		// A page that declares UTF-8 but is not even mostly UTF-8 is legacy text under a
		// template's header; it is read as if undeclared, rather than losing every
		// accented letter to U+FFFD.
		if name != "utf-8" || utf8.Valid(raw) || mostlyUTF8(raw) {
			return enc, name
		}
	}
	if utf8.Valid(raw) {
		return unicode.UTF8, "utf-8"
	}
	multi, bad := utf8Sequences(raw)
	if multi > 0 && bad <= multi {
		return unicode.UTF8, "utf-8"
	}
	// East Asian multi-byte text forms valid UTF-8 sequences by chance: look for it before
	// taking a text with more damage for UTF-8.
	if enc, name := sniffMultiByte(raw, html); enc != nil {
		return enc, name
	}
	if mostlyUTF8(raw) {
		return unicode.UTF8, "utf-8"
	}
	if enc, name := sniffNonLatin(raw, html); enc != nil {
		return enc, name
	}
	if enc, name := sniffCentralEuropean(raw, html); enc != nil {
		return enc, name
	}
	enc, _ = htmlindex.Get("windows-1252")
	return enc, "windows-1252"
}

// nonLatin lists the single-byte charsets of non-Latin scripts that statistical detection
// tells apart reliably once the bytes are known to be in such a script (nonLatinWords).
var nonLatin = map[string]bool{
	"windows-1251": true, "KOI8-R": true, "ISO-8859-5": true, // Cyrillic
	"ISO-8859-7":   true,                     // Greek
	"windows-1256": true, "ISO-8859-6": true, // Arabic
	"ISO-8859-8": true, "ISO-8859-8-I": true, // Hebrew
}

// sniffNonLatin detects undeclared Cyrillic, Greek, Arabic or Hebrew text in a
// single-byte charset, which Windows-1252 would turn into accented Latin letters
// ("Ãîðîäñêîé" for "Городской").
func sniffNonLatin(raw []byte, html bool) (encoding.Encoding, string) {
	sample := raw[:min(len(raw), 64<<10)]
	if !nonLatinWords(sample) {
		return nil, ""
	}
	d := detector(html)
	all, err := d.DetectAll(sample)
	if err != nil {
		return nil, ""
	}
	for _, res := range all {
		if nonLatin[res.Charset] && res.Confidence >= 50 {
			return lookup(res.Charset)
		}
	}
	return nil, ""
}

// nonLatinWords reports whether the words of raw (runs of ASCII letters and bytes from
// 0xc0 up, where every single-byte charset keeps letters) that hold such high bytes are
// mostly made of nothing else, as in a single-byte charset of a non-Latin script, where
// every letter is such a byte. Text in a Latin script has only a few accented letters
// among ASCII ones ("été", "déclaré"), so that its words of three or more letters are
// almost never all high bytes. Bytes from 0x80 to 0xbf, Windows-1252's quotes and dashes,
// part words.
func nonLatinWords(raw []byte) bool {
	high, allHigh := 0, 0
	for i := 0; i < len(raw); {
		if !isWordByte(raw[i]) {
			i++
			continue
		}
		j, n := i, 0
		for ; j < len(raw) && isWordByte(raw[j]); j++ {
			if raw[j] >= 0xc0 {
				n++
			}
		}
		if j-i >= 3 && n > 0 {
			high++
			if n == j-i {
				allHigh++
			}
		}
		i = j
	}
	return allHigh >= 3 && allHigh*2 >= high
}

func isWordByte(c byte) bool {
	return c >= 0xc0 || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// centralEuropean lists the single-byte charsets of the Latin script of Central Europe
// (Polish, Czech, Slovak, Hungarian, Slovenian, Croatian).
var centralEuropean = map[string]bool{"windows-1250": true, "ISO-8859-2": true}

// sniffCentralEuropean detects undeclared Windows-1250 or ISO-8859-2 text, which
// Windows-1252 misreads letter by letter ("zag³osowa³a" for "zagłosowała", "mìsto" for
// "město"). Statistical detection weighs the text's letter trigrams against those of
// Czech, Hungarian, Polish and Romanian in these charsets and of the Western European
// languages in Latin-1; the charset is taken only when it is the best guess, so that
// Western European text, which shares most accented letters with it, stays Windows-1252.
func sniffCentralEuropean(raw []byte, html bool) (encoding.Encoding, string) {
	sample := raw[:min(len(raw), 64<<10)]
	if !hasHighBit(sample) {
		return nil, ""
	}
	d := detector(html)
	res, err := d.DetectBest(sample)
	if err != nil || !centralEuropean[res.Charset] || res.Confidence < minCentralEuropean {
		return nil, ""
	}
	enc, name := lookup(res.Charset)
	// Detection also names these charsets for a line of Western text whose only high
	// bytes are quotes, dashes and "é", which read the same in all three: such text
	// stays Windows-1252 unless some of its bytes would be other letters.
	if cm, ok := enc.(*charmap.Charmap); !ok || differingLetters(sample, cm) < minDifferingLetters {
		return nil, ""
	}
	return enc, name
}

// minDifferingLetters is how many bytes must read as other letters in a Central
// European charset than in Windows-1252 before it is taken.
const minDifferingLetters = 3

// differingLetters counts the bytes of raw that cm reads as a letter other than the
// character Windows-1252 reads.
func differingLetters(raw []byte, cm *charmap.Charmap) int {
	n := 0
	for _, b := range raw {
		if b < 0x80 {
			continue
		}
		r := cm.DecodeByte(b)
		if stdunicode.IsLetter(r) && r != charmap.Windows1252.DecodeByte(b) {
			n++
		}
	}
	return n
}

// minCentralEuropean is the least confidence (0 to 100) for a Central European charset.
// Short Hungarian text, whose accents are mostly shared with Latin-1, scores about 35;
// Western European text that detection would place in ISO-8859-2 at all scores it below
// its Latin-1 guess.
const minCentralEuropean = 30

// multiByte lists the legacy East Asian charsets that statistical detection tells apart
// reliably; single-byte charsets are not among them, and for those Windows-1252 is the
// best guess for news in Latin script.
var multiByte = map[string]bool{
	"Shift_JIS": true, "EUC-JP": true, "EUC-KR": true, "GB18030": true, "Big5": true,
	"ISO-2022-JP": true, "ISO-2022-KR": true, "ISO-2022-CN": true,
}

// sniffMultiByte detects undeclared Shift_JIS, EUC, GB18030 or Big5 text.
func sniffMultiByte(raw []byte, html bool) (encoding.Encoding, string) {
	d := detector(html)
	res, err := d.DetectBest(raw[:min(len(raw), 64<<10)])
	if err != nil || !multiByte[res.Charset] || res.Confidence < 50 {
		return nil, ""
	}
	return lookup(res.Charset)
}

// detector returns chardet's detector for text, or for HTML, whose tags it skips.
func detector(html bool) *chardet.Detector {
	if html {
		return chardet.NewHtmlDetector()
	}
	return chardet.NewTextDetector()
}

// lookup finds an encoding by its WHATWG label.
func lookup(label string) (encoding.Encoding, string) {
	label = strings.TrimSpace(strings.ToLower(label))
	if label == "" {
		return nil, ""
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, ""
	}
	name, err := htmlindex.Name(enc)
	if err != nil {
		return nil, ""
	}
	if name == "utf-8" {
		return unicode.UTF8, name
	}
	return enc, name
}

// utf16Order detects BOM-less UTF-16 text: mostly ASCII with a NUL byte beside every
// character. It returns "le", "be" or "".
func utf16Order(raw []byte) string {
	n := min(len(raw), 2048) &^ 1
	if n < 4 {
		return ""
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if raw[i] == 0 {
			even++
		}
		if raw[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*10 >= pairs*7 && even*10 < pairs:
		return "le"
	case even*10 >= pairs*7 && odd*10 < pairs:
		return "be"
	}
	return ""
}

// mostlyUTF8 reports whether raw is UTF-8 with some damaged bytes (a truncated or spliced
// document, a few Windows-1252 quotes pasted in) rather than a legacy single-byte
// encoding: it has multi-byte UTF-8 sequences, and at most four invalid bytes for each.
// Legacy text almost never forms a valid sequence (a lead byte, then exactly the right
// number of continuation bytes), so one valid sequence outweighs several invalid bytes;
// re-decoding UTF-8 as Windows-1252 would garble every accented letter of the document.
func mostlyUTF8(raw []byte) bool {
	multi, bad := utf8Sequences(raw)
	return multi > 0 && bad <= 4*multi
}

// utf8Sequences counts the valid multi-byte UTF-8 sequences and the invalid bytes of raw.
func utf8Sequences(raw []byte) (multi, bad int) {
	for i := 0; i < len(raw); {
		if raw[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			bad++
		case size > 1:
			multi++
		}
		i += size
	}
	return multi, bad
}

// metaRE matches <meta charset=...> and <meta http-equiv content="...; charset=...">.
var metaRE = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

// metaCharset returns the charset declared in the first 8 KB of an HTML page, if any.
// Browsers look at the first 1 KB only, but many real pages declare it later.
func metaCharset(raw []byte) string {
	m := metaRE.FindSubmatch(raw[:min(len(raw), 8192)])
	if m == nil {
		return ""
	}
	return string(m[1])
}

func hasHighBit(raw []byte) bool {
	for _, c := range raw {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// ReplacedWarning returns the warning a record carries when Decode, reading raw as UTF-8,
// replaced invalid bytes with U+FFFD, or "" when it replaced none. Call it with the raw
// bytes and the charset Decode returned.
func ReplacedWarning(raw []byte, charset string) string {
	if charset != "utf-8" || utf8.Valid(raw) {
		return ""
	}
	_, bad := utf8Sequences(raw)
	if bad == 1 {
		return "1 byte that is not valid UTF-8 was replaced with U+FFFD"
	}
	return fmt.Sprintf("%d bytes that are not valid UTF-8 were replaced with U+FFFD", bad)
}
