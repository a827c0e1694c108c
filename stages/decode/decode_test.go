package decode

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

func mustEncode(t *testing.T, s string, e interface {
	Bytes([]byte) ([]byte, error)
}) []byte {
	t.Helper()
	b, err := e.Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecode(t *testing.T) {
	const cafe = "Le café “noir” – 5 €"
	win1252 := mustEncode(t, cafe, charmap.Windows1252.NewEncoder())
	latin1HTML := mustEncode(t, `<html><head><meta charset="iso-8859-1"></head><body>Café</body></html>`, charmap.ISO8859_1.NewEncoder())
	sjis := mustEncode(t, "東京の天気", japanese.ShiftJIS.NewEncoder())
	const jaArticle = "東京都は水曜日、来年度の予算案を発表した。知事は記者会見で、子育て支援と防災対策に重点を置くと述べた。予算の総額は過去最大となる見通しだ。"
	const frArticle = "Le président a déclaré à la presse qu’il était « très satisfait » de l’accord conclu à Genève. Les négociations, qui ont duré près de dix-huit mois, ont été marquées par des désaccords sur le financement et l’énergie."
	frArticle1252 := mustEncode(t, frArticle, charmap.Windows1252.NewEncoder())
	sjisArticle := mustEncode(t, jaArticle, japanese.ShiftJIS.NewEncoder())
	const zhArticle = "北京市政府周二批准了新的预算。市长说这次投票是一个转折点。预算将用于学校和医院的建设。"
	gbkArticle := mustEncode(t, zhArticle, simplifiedchinese.GBK.NewEncoder())
	gb18030Article := mustEncode(t, zhArticle, simplifiedchinese.GB18030.NewEncoder())
	const twArticle = "台北市政府週二批准了新的預算。市長說這次投票是一個轉折點。"
	big5Article := mustEncode(t, twArticle, traditionalchinese.Big5.NewEncoder())
	utf16le := mustEncode(t, cafe, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder())
	utf16beBOM := mustEncode(t, cafe, unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder())
	const ruArticle = "Городской совет во вторник проголосовал за закрытие моста на шесть недель, заявили в мэрии. Мэр сказал, что решение было трудным."
	const elArticle = "Το δημοτικό συμβούλιο ψήφισε την Τρίτη το κλείσιμο της γέφυρας για έξι εβδομάδες, ανακοίνωσε ο δήμαρχος."
	const arArticle = "أعلن مجلس المدينة يوم الثلاثاء أن جسر الميناء سيغلق لمدة ستة أسابيع، وقال رئيس البلدية إن القرار كان صعبا."
	const heArticle = "מועצת העיר הודיעה ביום שלישי כי גשר הנמל ייסגר לשישה שבועות החל מיום שני, אמר ראש העיר."
	ruHTML := "<html><head><title>Мост</title></head><body><p>" + ruArticle + "</p></body></html>"
	const plArticle = "Rada miasta zagłosowała we wtorek za zamknięciem mostu na sześć tygodni od poniedziałku. Mieszkańcy protestowali przed ratuszem, żądając objazdów dla autobusów."
	const csArticle = "Městská rada v úterý odhlasovala uzavření mostu na šest týdnů od pondělí. Obyvatelé protestovali před radnicí a žádali objížďky pro autobusy."
	const huArticle = "A városi tanács kedden megszavazta a híd hat hétre történő lezárását hétfőtől. A lakosok a városháza előtt tiltakoztak."
	const deArticle = "Der Stadtrat hat am Dienstag für die Schließung der Brücke für sechs Wochen ab Montag gestimmt. Die Anwohner protestierten vor dem Rathaus."
	const esArticle = "El ayuntamiento votó el martes el cierre del puente durante seis semanas a partir del lunes. Los vecinos protestaron ante el ayuntamiento, pidiendo desvíos para los autobuses en época de obras."
	const noArticle = "Bystyret stemte tirsdag for å stenge brua i seks uker fra mandag. Beboerne protesterte foran rådhuset og krevde omkjøring for bussene, sa ordføreren."
	lateMeta := []byte("<html><head>" + strings.Repeat("<!-- padding -->", 100) + `<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>` + string(win1252) + "</html>")

	tests := []struct {
		name        string
		raw         []byte
		contentType string
		html        bool
		want        string
		charset     string
	}{
		{"plain UTF-8", []byte(cafe), "", false, cafe, "utf-8"},
		{"stray NUL bytes", []byte("The bridge\x00 will close.\x00\nCafé\x00"), "", false, "The bridge will close.\nCafé", "utf-8"},
		{"UTF-8 with BOM", append([]byte("\xef\xbb\xbf"), cafe...), "", false, cafe, "utf-8"},
		{"UTF-16LE without BOM", utf16le, "", false, cafe, "utf-16le"},
		{"UTF-16BE with BOM", utf16beBOM, "", false, cafe, "utf-16be"},
		{"undeclared Windows-1252", win1252, "", false, cafe, "windows-1252"},
		{"charset from Content-Type", sjis, "text/plain; charset=Shift_JIS", false, "東京の天気", "shift_jis"},
		{"undeclared Shift_JIS", sjisArticle, "", false, jaArticle, "shift_jis"},
		{"undeclared GBK", gbkArticle, "", false, zhArticle, "gb18030"},
		{"undeclared GB18030", gb18030Article, "", false, zhArticle, "gb18030"},
		{"undeclared Big5", big5Article, "", false, twArticle, "big5"},
		{"undeclared Windows-1252 prose", frArticle1252, "", false, frArticle, "windows-1252"},
		{"Latin-1 meta charset", latin1HTML, "", true, `<html><head><meta charset="iso-8859-1"></head><body>Café</body></html>`, "windows-1252"},
		{"meta charset after the first KB", lateMeta, "", true, string(lateMeta[:len(lateMeta)-len(win1252)-7]) + cafe + "</html>", "windows-1252"},
		{"declared Latin-1 but really UTF-8", []byte(`<meta charset="latin1">` + cafe), "", true, `<meta charset="latin1">` + cafe, "utf-8"},
		{"UTF-8 with one broken byte", []byte("naïve café \xff résumé"), "", false, "naïve café \uFFFD résumé", "utf-8"},
		{"UTF-8 with more broken bytes than accents", []byte("António Costa \x93said\x94 \xff on Tuesday"), "", false, "António Costa \uFFFDsaid\uFFFD \uFFFD on Tuesday", "utf-8"},
		{"declared Windows-1252 but UTF-8 with a broken byte", []byte("<meta charset=\"windows-1252\">António \xff"), "", true, "<meta charset=\"windows-1252\">António \uFFFD", "utf-8"},
		{"declared UTF-8 but Windows-1252", append([]byte(`<meta charset="utf-8">`), frArticle1252...), "", true, `<meta charset="utf-8">` + frArticle, "windows-1252"},
		{"UTF-8 in Content-Type but Windows-1252", win1252, "text/html; charset=UTF-8", false, cafe, "windows-1252"},
		{"declared UTF-8 with one broken byte", []byte(`<meta charset="utf-8">naïve café ` + "\xff"), "", true, `<meta charset="utf-8">naïve café ` + "\uFFFD", "utf-8"},
		{"declared UTF-8, ASCII with one broken byte", []byte(`<meta charset="utf-8">naive ` + "\xff"), "", true, `<meta charset="utf-8">naive ` + "\u00ff", "windows-1252"},
		{"meta charset UTF-16 on an ASCII page", []byte(`<meta charset="utf-16"><p>Café`), "", true, `<meta charset="utf-16"><p>Café`, "utf-8"},
		{"UTF-16 in Content-Type but UTF-8", []byte(cafe), "text/html; charset=utf-16", false, cafe, "utf-8"},
		{"UTF-16 in Content-Type and UTF-16LE", utf16le, "text/plain; charset=utf-16le", false, cafe, "utf-16le"},
		{"empty", nil, "", false, "", "utf-8"},
		// Undeclared text in a non-Latin script and a single-byte charset: its words are
		// all high bytes, and the charset is detected.
		{"undeclared Windows-1251", mustEncode(t, ruArticle, charmap.Windows1251.NewEncoder()), "", false, ruArticle, "windows-1251"},
		{"undeclared KOI8-R", mustEncode(t, ruArticle, charmap.KOI8R.NewEncoder()), "", false, ruArticle, "koi8-r"},
		{"undeclared ISO-8859-5", mustEncode(t, ruArticle, charmap.ISO8859_5.NewEncoder()), "", false, ruArticle, "iso-8859-5"},
		{"undeclared Windows-1251 page", mustEncode(t, ruHTML, charmap.Windows1251.NewEncoder()), "", true, ruHTML, "windows-1251"},
		{"declared UTF-8 but Windows-1251", mustEncode(t, ruHTML, charmap.Windows1251.NewEncoder()), "text/html; charset=utf-8", true, ruHTML, "windows-1251"},
		{"undeclared Greek", mustEncode(t, elArticle, charmap.ISO8859_7.NewEncoder()), "", false, elArticle, "iso-8859-7"},
		{"undeclared Windows-1256 Arabic", mustEncode(t, arArticle, charmap.Windows1256.NewEncoder()), "", false, arArticle, "windows-1256"},
		{"undeclared Hebrew", mustEncode(t, heArticle, charmap.Windows1255.NewEncoder()), "", false, heArticle, "iso-8859-8-i"},
		// Undeclared Central European text: Windows-1252 would misread its letters.
		{"undeclared Windows-1250 Polish", mustEncode(t, plArticle, charmap.Windows1250.NewEncoder()), "", false, plArticle, "windows-1250"},
		{"undeclared Windows-1250 Czech", mustEncode(t, csArticle, charmap.Windows1250.NewEncoder()), "", false, csArticle, "windows-1250"},
		{"undeclared Windows-1250 Polish page", mustEncode(t, "<html><body><p>"+plArticle+"</p></body></html>", charmap.Windows1250.NewEncoder()), "", true, "<html><body><p>" + plArticle + "</p></body></html>", "windows-1250"},
		{"undeclared ISO-8859-2 Hungarian", mustEncode(t, huArticle, charmap.ISO8859_2.NewEncoder()), "", false, huArticle, "iso-8859-2"},
		// Western European text shares most accented letters with them and stays Windows-1252.
		{"undeclared Windows-1252 French", frArticle1252, "", false, frArticle, "windows-1252"},
		{"undeclared Windows-1252 German", mustEncode(t, deArticle, charmap.Windows1252.NewEncoder()), "", false, deArticle, "windows-1252"},
		{"undeclared Windows-1252 Spanish", mustEncode(t, esArticle, charmap.Windows1252.NewEncoder()), "", false, esArticle, "windows-1252"},
		{"undeclared Windows-1252 Norwegian", mustEncode(t, noArticle, charmap.Windows1252.NewEncoder()), "", false, noArticle, "windows-1252"},
		// Text whose first letters are a binary format's signature.
		{"text starting RIFF", []byte("RIFF RAFF: the band played on Tuesday."), "", false, "RIFF RAFF: the band played on Tuesday.", "utf-8"},
		{"text starting ID3", []byte("ID3 tags name the song."), "", false, "ID3 tags name the song.", "utf-8"},
		{"text starting BZh", []byte("BZh, the trio, played."), "", false, "BZh, the trio, played.", "utf-8"},
		{"text starting PAR1", []byte("PAR1 results came in late."), "", false, "PAR1 results came in late.", "utf-8"},
		{"text starting OggS", []byte("OggS and ends.\n"), "", false, "OggS and ends.\n", "utf-8"},
		{"text starting GIF89a", []byte("GIF89a is the format's name."), "", false, "GIF89a is the format's name.", "utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cs, err := Decode(tt.raw, tt.contentType, tt.html)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want || cs != tt.charset {
				t.Errorf("Decode = %q (%s), want %q (%s)", got, cs, tt.want, tt.charset)
			}
		})
	}
}

func TestDecodeRejectsBinary(t *testing.T) {
	tests := []struct {
		name string
		raw  []byte
		want string
	}{
		{"PNG", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "not text: looks like a PNG image"},
		{"gzip", []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00"), "not text: looks like gzip data"},
		{"zlib", []byte("x\x9c\xaa\xca\xc9LRHI,IT\xc8,V"), "not text: looks like zlib data"},
		{"xz", []byte("\xfd7zXZ\x00\x00\x04"), "not text: looks like xz data"},
		{"7-Zip", []byte("7z\xbc\xaf\x27\x1c\x00\x04"), "not text: looks like a 7-Zip archive"},
		{"JPEG", []byte("\xff\xd8\xff\xe0\x00\x10JFIF"), "not text: looks like a JPEG image"},
		{"PDF", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), "not text: looks like a PDF document"},
		{"Windows executable", []byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00"), "not text: looks like a Windows executable"},
		{"WebP", []byte("RIFF\x24\x00\x00\x00WEBPVP8 "), "not text: looks like a RIFF (WebP/WAV/AVI) file"},
		{"WebP of 16 MB", []byte("RIFF\xa0\xb0\xc0\x01WEBPVP8 \x94\xb0\xc0\x01"), "not text: looks like a RIFF (WebP/WAV/AVI) file"},
		{"MP3", []byte("ID3\x04\x00\x00\x00\x00\x23TSSE"), "not text: looks like an MP3 audio file"},
		{"bzip2", []byte("BZh91AY&SY\x8c\x12\xa9\x0b\x00\x00"), "not text: looks like bzip2 data"},
		{"Parquet", []byte("PAR1\x15\x04\x15\x10"), "not text: looks like a Parquet file"},
		{"Ogg", []byte("OggS\x00\x02\x00\x00"), "not text: looks like an Ogg audio or video file"},
		{"GIF", []byte("GIF89a\x10\x00\x10\x00\x80\x00\x00"), "not text: looks like a GIF image"},
		{"Mach-O executable", []byte("\xcf\xfa\xed\xfe\x0c\x00\x00\x01"), "not text: looks like a Mach-O executable"},
		{"SQLite", []byte("SQLite format 3\x00\x10\x00"), "not text: looks like an SQLite database"},
		{"MP4", []byte("\x00\x00\x00\x20ftypisom\x00\x00"), "not text: looks like an MP4/QuickTime video"},
		{"Office 97", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00"), "not text: looks like an old Microsoft Office document"},
		{"NUL bytes", []byte("abc\x00\x01\x02\x00\x00\x00\x00\x00\x00\x05def"), "not text: looks like binary data (NUL bytes)"},
		// Text around them, but one byte in five is NUL.
		{"dense NUL bytes", []byte("abcd\x00efgh\x00ijkl\x00mnop\x00"), "not text: looks like binary data (NUL bytes)"},
		// Few NULs, but what is around them is not UTF-8.
		{"NUL bytes in non-UTF-8", []byte("\xc0\xc1\xf5\xff some data here \x00 and more data \xfe\xfd"), "not text: looks like binary data (NUL bytes)"},
	}
	for _, tt := range tests {
		_, _, err := Decode(tt.raw, "", false)
		if !errors.Is(err, ErrBinary) || err.Error() != tt.want {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestStrayNULs(t *testing.T) {
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(i*7919 + i*i*104729 + 13)
	}
	random[100], random[2000] = 0, 0
	tests := []struct {
		name string
		raw  []byte
		want bool
	}{
		{"no NUL", []byte("plain text"), false},
		{"one NUL in text", []byte("plain\x00 text"), true},
		{"one NUL in ten", []byte("123456789\x00123456789\x00"), true},
		{"more than one in ten", []byte("12345678\x00"), false},
		{"control characters", []byte("ab\x00cd\x01\x02\x03 efgh ijkl mnop"), false},
		{"UTF-16", []byte("h\x00e\x00l\x00l\x00o\x00"), false},
		{"scrambled bytes", random, false},
	}
	for _, tt := range tests {
		if got := strayNULs(tt.raw); got != tt.want {
			t.Errorf("%s: strayNULs(%.40q) = %v, want %v", tt.name, tt.raw, got, tt.want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("hello"), "", false)
	f.Add([]byte("<meta charset=shift_jis>\x93\x8c"), "", true)
	f.Add([]byte("\xff\xfeh\x00i\x00"), "text/html; charset=utf-16", true)
	f.Fuzz(func(t *testing.T, raw []byte, contentType string, html bool) {
		s, _, err := Decode(raw, contentType, html)
		if err == nil && !utf8.ValidString(s) {
			t.Fatalf("Decode returned invalid UTF-8 for %q", raw)
		}
	})
}

func TestReplacedWarning(t *testing.T) {
	tests := []struct {
		name, raw, charset, want string
	}{
		{"valid", "António", "utf-8", ""},
		{"one bad byte", "António \xff", "utf-8", "1 byte that is not valid UTF-8 was replaced with U+FFFD"},
		{"three bad bytes", "António \x93said\x94 \xff", "utf-8", "3 bytes that are not valid UTF-8 were replaced with U+FFFD"},
		{"legacy charset", "Ant\xf3nio", "windows-1252", ""},
	}
	for _, tt := range tests {
		if got := ReplacedWarning([]byte(tt.raw), tt.charset); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestNonLatinWords(t *testing.T) {
	enc := func(s string, c *charmap.Charmap) []byte { return mustEncode(t, s, c.NewEncoder()) }
	tests := []struct {
		name string
		raw  []byte
		want bool
	}{
		{"French", enc("Le président a déclaré à la presse qu’il était « très satisfait » de l’accord conclu à Genève.", charmap.Windows1252), false},
		{"Polish", enc("Rada miasta zagłosowała we wtorek za zamknięciem mostu na sześć tygodni od poniedziałku.", charmap.Windows1250), false},
		{"English with quotes and rules", enc("“Yes,” she said. ——— “No,” he said. ——— ——— ——— The end…", charmap.Windows1252), false},
		{"capitals with accents", enc("ÉTÉ À PARIS: LE MÊME DÉBAT", charmap.Windows1252), false},
		{"Russian", enc("Городской совет во вторник проголосовал за закрытие моста.", charmap.Windows1251), true},
		{"Russian in ISO-8859-5", enc("Городской совет во вторник проголосовал за закрытие моста.", charmap.ISO8859_5), true},
		{"Greek", enc("Το δημοτικό συμβούλιο ψήφισε την Τρίτη.", charmap.ISO8859_7), true},
		{"two words", enc("Москва Сити", charmap.Windows1251), false},
	}
	for _, tt := range tests {
		if got := nonLatinWords(tt.raw); got != tt.want {
			t.Errorf("%s: nonLatinWords = %v, want %v", tt.name, got, tt.want)
		}
	}
}
