package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"
	"golang.org/x/text/encoding/charmap"
)

// batteryDir, when set, makes TestHostileBattery write every input of the battery, the
// heavy ones included, below the folder instead of running them, so that they can be run
// through bin/newspipe under /usr/bin/time (see the README's "Hostile inputs").
var batteryDir = flag.String("battery-dir", "", "write the hostile battery's inputs below `DIR` and run nothing")

// batteryHeavy runs the battery's inputs of several MB too (two minutes on two cores).
var batteryHeavy = flag.Bool("battery-heavy", false, "run the hostile battery's large inputs too")

// batteryProse is a paragraph of news prose, long enough to be an article's body.
const batteryProse = "The harbour bridge in Port Aldine will close for six weeks from Monday while engineers replace its deck, the city council said on Tuesday. "

// batteryArticle is an HTML article that a hostile page wraps.
var batteryArticle = "<article><h1>Harbour bridge to close</h1>" + strings.Repeat("<p>"+batteryProse+"</p>", 3) + "</article>"

// batteryPage wraps a body in an HTML document.
func batteryPage(body string) string {
	return "<!DOCTYPE html><html><head><title>Harbour bridge to close</title></head><body>" + body + "</body></html>"
}

// hostileCase is one hostile input and the records newspipe must make of it.
type hostileCase struct {
	name string // the input's file name below the case's folder
	// make writes the input at path (a file, or a folder of files).
	make func(t testing.TB, path string)
	// want lists the records in order: "ID" for a good record, "ID!TEXT" for an error
	// record whose "stage: message" contains TEXT.
	want []string
	// exit is the exit status of the run.
	exit int
	// heavy marks an input of several MB (or one that is slow to make): run by the
	// test only with -battery-heavy.
	heavy bool
	// args are extra flags of the run.
	args []string
}

func writeBytes(t testing.TB, path string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func fileOf(content func() []byte) func(testing.TB, string) {
	return func(t testing.TB, path string) { writeBytes(t, path, content()) }
}

func textFile(s string) func(testing.TB, string) {
	return fileOf(func() []byte { return []byte(s) })
}

func gzipOf(b []byte) []byte {
	var buf bytes.Buffer
	z := gzip.NewWriter(&buf)
	z.Write(b)
	z.Close()
	return buf.Bytes()
}

func zstdOf(b []byte) []byte {
	var buf bytes.Buffer
	z, _ := zstd.NewWriter(&buf)
	z.Write(b)
	z.Close()
	return buf.Bytes()
}

// bzip2Of compresses with the bzip2 program (Go has no bzip2 writer); it returns nil
// when there is none.
func bzip2Of(b []byte) []byte {
	cmd := exec.Command("bzip2", "-c")
	cmd.Stdin = bytes.NewReader(b)
	out, err := cmd.Output()
	if err != nil {
		return nil
	}
	return out
}

// utf16Of encodes s in UTF-16, little or big endian, with or without a byte order mark.
func utf16Of(s string, big, bom bool) []byte {
	var b []byte
	put := func(u uint16) {
		if big {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	if bom {
		put(0xfeff)
	}
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			put(uint16(0xd800 + r>>10))
			put(uint16(0xdc00 + r&0x3ff))
			continue
		}
		put(uint16(r))
	}
	return b
}

// latin1Of encodes s, whose runes are all below U+0100, in ISO 8859-1.
func latin1Of(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r))
	}
	return b
}

// warcRecord builds one WARC record; extra header lines end in CRLF.
func warcRecord(version, typ, id, uri, ctype, extra string, block []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/%s\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\nWARC-Date: 2024-05-01T10:00:00Z\r\n", version, typ, id)
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	if ctype != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", ctype)
	}
	b.WriteString(extra)
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(block))
	b.Write(block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

// withLength changes the Content-Length of a WARC record by delta, so that it lies.
func withLength(rec []byte, delta int) []byte {
	const field = "Content-Length: "
	i := bytes.Index(rec, []byte(field)) + len(field)
	j := i + bytes.IndexByte(rec[i:], '\r')
	var n int
	fmt.Sscan(string(rec[i:j]), &n)
	return bytes.Join([][]byte{rec[:i], []byte(fmt.Sprint(n + delta)), rec[j:]}, nil)
}

// httpResponse builds an HTTP response block.
func httpResponse(status int, headers string, body []byte) []byte {
	return append([]byte(fmt.Sprintf("HTTP/1.1 %d X\r\n%s\r\n", status, headers)), body...)
}

const httpMsg = "application/http; msgtype=response"

// warcPage is a response record of an HTML page.
func warcPage(id, body string) []byte {
	return warcRecord("1.0", "response", id, "http://news.test/"+id, httpMsg, "",
		httpResponse(200, "Content-Type: text/html; charset=utf-8\r\n", []byte(batteryPage(body))))
}

// chunked encodes body in HTTP chunks of n bytes.
func chunked(body []byte, n int) []byte {
	var b bytes.Buffer
	for len(body) > 0 {
		k := min(n, len(body))
		fmt.Fprintf(&b, "%x\r\n", k)
		b.Write(body[:k])
		b.WriteString("\r\n")
		body = body[k:]
	}
	b.WriteString("0\r\n\r\n")
	return b.Bytes()
}

// gzipEach compresses each record as its own gzip member, as crawlers write .warc.gz.
func gzipEach(records ...[]byte) []byte {
	var b []byte
	for _, r := range records {
		b = append(b, gzipOf(r)...)
	}
	return b
}

// crawl is a WARC of one crawl with pages among every other kind of record.
func crawl() [][]byte {
	page := func(id string) []byte { return warcPage(id, batteryArticle) }
	return [][]byte{
		warcRecord("1.0", "warcinfo", "info", "", "application/warc-fields", "", []byte("software: battery\r\n")),
		warcRecord("1.0", "request", "req-a", "http://news.test/a", "application/http; msgtype=request", "", []byte("GET /a HTTP/1.1\r\nHost: news.test\r\n\r\n")),
		page("a"),
		warcRecord("1.0", "metadata", "meta-a", "http://news.test/a", "application/warc-fields", "", []byte("outlinks: http://news.test/b\r\n")),
		warcRecord("1.0", "response", "img", "http://news.test/logo.png", httpMsg, "", httpResponse(200, "Content-Type: image/png\r\n", []byte("\x89PNG\r\n\x1a\nxxxx"))),
		warcRecord("1.0", "response", "css", "http://news.test/site.css", httpMsg, "", httpResponse(200, "Content-Type: text/css\r\n", []byte("body{margin:0}"))),
		warcRecord("1.0", "response", "moved", "http://news.test/old", httpMsg, "", httpResponse(301, "Location: http://news.test/a\r\nContent-Type: text/html\r\n", []byte("<a href=/a>moved</a>"))),
		warcRecord("1.0", "response", "missing", "http://news.test/gone", httpMsg, "", httpResponse(404, "Content-Type: text/html\r\n", []byte(batteryPage("<p>Not found</p>")))),
		warcRecord("1.0", "response", "same", "http://news.test/a", httpMsg, "", httpResponse(304, "", nil)),
		warcRecord("1.0", "revisit", "rev", "http://news.test/a", httpMsg, "WARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest\r\n", httpResponse(200, "Content-Type: text/html\r\n", nil)),
		warcRecord("1.0", "response", "dns", "dns:news.test", "text/dns", "", []byte("20240501100000\nnews.test. 300 IN A 10.0.0.1\n")),
		warcRecord("1.0", "response", "robots", "http://news.test/robots.txt", httpMsg, "", httpResponse(200, "Content-Type: text/plain\r\n", []byte("User-agent: *\nDisallow:\n"))),
		page("b"),
		warcRecord("1.0", "resource", "res", "file:///saved/c.html", "text/html", "", []byte(batteryPage(batteryArticle))),
	}
}

// varied returns n bytes of letters that compress poorly, so that a gzip member of them
// can be cut after part of it was decoded.
func varied(n int) string {
	b := make([]byte, n)
	x := uint32(1)
	for i := range b {
		x = x*1664525 + 1013904223
		b[i] = 'a' + byte(x>>24)%26
	}
	return string(b)
}

// crawlWant is what crawl gives.
var crawlWant = []string{"a", "b", "res"}

func warcFile(version string, recs ...[]byte) func(testing.TB, string) {
	return fileOf(func() []byte { return bytes.Join(recs, nil) })
}

// table is a page holding a table of rows × cols cells of the given text after an article.
func table(rows, cols int, cell string) func() []byte {
	return func() []byte {
		var b strings.Builder
		b.WriteString("<!DOCTYPE html><html><body>" + batteryArticle + "<table>")
		row := "<tr>" + strings.Repeat("<td>"+cell+"</td>", cols) + "</tr>"
		for range rows {
			b.WriteString(row)
		}
		b.WriteString("</table></body></html>")
		return []byte(b.String())
	}
}

// hostileBattery lists the hostile inputs. Ids follow the file names.
func hostileBattery() []hostileCase {
	prose := strings.Repeat(batteryProse, 4)
	jsonLine := func(id, text string) string {
		b, _ := json.Marshal(map[string]string{"id": id, "text": text})
		return string(b)
	}
	return []hostileCase{
		// HTML built to break a parser or an extractor.
		{name: "nested-divs.html", make: fileOf(func() []byte {
			return []byte(batteryPage(strings.Repeat("<div>", 100_000) + batteryArticle + strings.Repeat("</div>", 100_000)))
		}), want: []string{"nested-divs"}},
		{name: "nested-inline.html", make: fileOf(func() []byte {
			return []byte(batteryPage("<p>" + strings.Repeat("<b><i><span>", 35_000) + batteryProse + "</p>" + batteryArticle))
		}), want: []string{"nested-inline"}},
		{name: "unclosed-inline.html", make: fileOf(func() []byte {
			return []byte(batteryPage(batteryArticle + strings.Repeat("<p><b>bold <i>it ", 50_000)))
		}), want: []string{"unclosed-inline"}, heavy: true},
		{name: "one-line-10mb.txt", make: fileOf(func() []byte { return bytes.Repeat([]byte("a"), 10<<20-1) }),
			want: []string{"one-line-10mb"}, heavy: true},
		{name: "one-line-11mb.txt", make: fileOf(func() []byte { return bytes.Repeat([]byte("a"), 11<<20) }),
			want: []string{"one-line-11mb!ingest: document larger than --max-bytes (10 MB)"}, exit: exitFailures, heavy: true},
		{name: "prose-9mb.txt", make: fileOf(func() []byte { return []byte(strings.Repeat(batteryProse+"\n\n", 9<<20/(len(batteryProse)+2))) }),
			want: []string{"prose-9mb"}, heavy: true},
		{name: "words-10mb.txt", make: fileOf(func() []byte { return bytes.Repeat([]byte("a "), 5<<20-8) }),
			want: []string{"words-10mb"}, heavy: true},
		{name: "lines-5m.txt", make: fileOf(func() []byte { return bytes.Repeat([]byte("a\n"), 5<<20-8) }),
			want: []string{"lines-5m"}, heavy: true},
		{name: "dates-9mb.txt", make: fileOf(func() []byte {
			return []byte(strings.Repeat("On May 31, 2018 the council met again, and on Tuesday it met. ", 9<<20/62))
		}), want: []string{"dates-9mb"}, heavy: true},
		{name: "table-2000x200.html", make: fileOf(table(2000, 200, "abcdefghij")), want: []string{"table-2000x200"}, heavy: true},
		{name: "table-400x1500.html", make: fileOf(table(400, 1500, "abcd")), want: []string{"table-400x1500"}, heavy: true},
		{name: "table-1000x1000.html", make: fileOf(table(1000, 1000, "a")), want: []string{"table-1000x1000"}, heavy: true},
		{name: "divs-400k.html", make: fileOf(func() []byte { return []byte(batteryPage(strings.Repeat("<div>a</div>", 400_000))) }),
			want: []string{"divs-400k"}, heavy: true},
		{name: "brs-1m.html", make: fileOf(func() []byte { return []byte(batteryPage(batteryArticle + strings.Repeat("<br>", 1_000_000))) }),
			want: []string{"brs-1m"}, heavy: true},
		{name: "huge-attribute.html", make: fileOf(func() []byte {
			return []byte(batteryPage(`<div data-x="` + strings.Repeat("x", 8<<20) + `">` + batteryArticle + "</div>"))
		}), want: []string{"huge-attribute"}, heavy: true},
		{name: "many-attributes.html", make: fileOf(func() []byte {
			var b strings.Builder
			b.WriteString("<div")
			for i := range 200_000 {
				fmt.Fprintf(&b, " a%d=x", i)
			}
			b.WriteString(">" + batteryArticle + "</div>")
			return []byte(batteryPage(b.String()))
		}), want: []string{"many-attributes"}, heavy: true},
		{name: "huge-script.html", make: fileOf(func() []byte {
			return []byte(batteryPage("<script>var x = '" + strings.Repeat("<p>not text</p>", 500_000) + "';</script><style>" +
				strings.Repeat("p{color:red}", 100_000) + "</style>" + batteryArticle))
		}), want: []string{"huge-script"}, heavy: true},
		{name: "unclosed-comment.html", make: textFile(batteryPage(batteryArticle + "<!-- the rest is a comment <p>hidden</p>")),
			want: []string{"unclosed-comment"}},
		{name: "comment-only.html", make: textFile(batteryPage("<!-- " + batteryArticle)),
			want: []string{"comment-only!parse: empty document: no visible text"}, exit: exitFailures},
		{name: "nul-bytes.html", make: textFile(batteryPage(strings.ReplaceAll(batteryArticle, "bridge", "bri\x00dge"))),
			want: []string{"nul-bytes"}},
		{name: "all-nul.txt", make: fileOf(func() []byte { return make([]byte, 4096) }),
			want: []string{"all-nul!decode: not text"}, exit: exitFailures},
		{name: "utf16le-bom.html", make: fileOf(func() []byte { return utf16Of(batteryPage(batteryArticle), false, true) }), want: []string{"utf16le-bom"}},
		{name: "utf16be-bom.html", make: fileOf(func() []byte { return utf16Of(batteryPage(batteryArticle), true, true) }), want: []string{"utf16be-bom"}},
		{name: "utf16le-nobom.txt", make: fileOf(func() []byte { return utf16Of(prose, false, false) }), want: []string{"utf16le-nobom"}},
		{name: "utf16be-nobom.html", make: fileOf(func() []byte { return utf16Of(batteryPage(batteryArticle), true, false) }), want: []string{"utf16be-nobom"}},
		{name: "latin1.txt", make: fileOf(func() []byte {
			return latin1Of("Le conseil a voté mardi la fermeture du pont pendant six semaines, à partir de lundi, a déclaré la mairie. ")
		}),
			want: []string{"latin1"}},
		{name: "mixed-encodings.txt", make: fileOf(func() []byte {
			return append([]byte(strings.Repeat("Le conseil a voté mardi la fermeture du pont, a déclaré la mairie. ", 3)), latin1Of("Réunion à l'hôtel de ville.")...)
		}), want: []string{"mixed-encodings"}},
		{name: "meta-lies-utf8.html", make: fileOf(func() []byte {
			return append([]byte(`<html><head><meta charset="utf-8"></head><body><p>`), latin1Of("Le conseil a voté mardi la fermeture du pont pendant six semaines, à partir de lundi, a déclaré la mairie.</p></body></html>")...)
		}), want: []string{"meta-lies-utf8"}},
		{name: "meta-lies-sjis.html", make: textFile(`<html><head><meta charset="shift_jis"></head><body><p>Le conseil a voté mardi la fermeture du pont pendant six semaines, à partir de lundi, a déclaré la mairie.</p></body></html>`),
			want: []string{"meta-lies-sjis"}},
		{name: "zero.html", make: textFile(""), want: []string{"zero!decode: empty document"}, exit: exitFailures},

		// Compression.
		{name: "truncated.txt.gz", make: fileOf(func() []byte { g := gzipOf([]byte(strings.Repeat(prose, 50))); return g[:len(g)/2] }),
			want: []string{"truncated!ingest: truncated gzip data"}, exit: exitFailures},
		{name: "truncated.jsonl.zst", make: fileOf(func() []byte {
			z := zstdOf([]byte(strings.Repeat(jsonLine("z", prose)+"\n", 200)))
			return z[:len(z)/2]
		}), want: []string{"truncated:1!ingest: read line 1: truncated zstd data"}, exit: exitFailures},
		{name: "truncated.txt.bz2", make: fileOf(func() []byte { z := bzip2Of([]byte(strings.Repeat(prose, 500))); return z[:len(z)/2] }),
			want: []string{"truncated!bzip2"}, exit: exitFailures},
		{name: "bomb.txt.gz", make: fileOf(func() []byte { return gzipOf(bytes.Repeat([]byte("a"), 64<<20)) }),
			want: []string{"bomb!ingest: document larger than --max-bytes (10 MB)"}, exit: exitFailures, heavy: true},
		{name: "bomb.jsonl.gz", make: fileOf(func() []byte { return gzipOf(bytes.Repeat([]byte("\n"), 256<<20)) }),
			want: nil, exit: exitFailures, heavy: true},
		{name: "nested.txt.gz", make: fileOf(func() []byte { return gzipOf(gzipOf([]byte(prose))) }), want: []string{"nested"}},
		{name: "gzip-of-zstd", make: fileOf(func() []byte { return gzipOf(zstdOf([]byte(jsonLine("inner", prose) + "\n"))) }), want: []string{"inner"}},

		// JSON Lines.
		{name: "line-50mb.jsonl", make: fileOf(func() []byte {
			return []byte(jsonLine("before", prose) + "\n" + jsonLine("huge", strings.Repeat("x", 50<<20)) + "\n" + jsonLine("after", prose) + "\n")
		}), want: []string{"before", "line-50mb:2!ingest: line 2 is larger than --max-bytes (10 MB)", "after"}, exit: exitFailures, heavy: true},
		{name: "odd-lines.jsonl", make: textFile(strings.Join([]string{
			jsonLine("good", prose),
			`[1, 2, 3]`,
			`"a string"`,
			`null`,
			`{"id": "num-text", "text": 42}`,
			`{"id": ["list"], "text": "` + prose + `"}`,
			`{"id": "dup", "text": "first", "text": "` + prose + `"}`,
			`{"id": "url-number", "url": 7, "text": "` + prose + `"}`,
			`{"id": "no-text"}`,
			`{"id": "unterminated", "text": "` + prose,
			`{"id": "trailing"} junk`,
		}, "\n") + "\n"), want: []string{"good", "odd-lines:2!line 2 is a JSON array, not an object", "odd-lines:3!line 3 is a JSON string, not an object", "odd-lines:4!line 4 is a JSON null, not an object",
			`num-text!field "text" must be a string`, `odd-lines:6!field "id" must be a string or a number`, "dup", `url-number!field "url" must be a string`,
			`no-text!no "text" or "html" field`, "odd-lines:10!invalid JSON", "odd-lines:11!invalid JSON"}, exit: exitFailures},
		{name: "crlf-blank.jsonl", make: textFile("\r\n\r\n" + jsonLine("one", prose) + "\r\n\r\n   \r\n" + jsonLine("two", prose) + "\r\n\r\n"),
			want: []string{"one", "two"}},

		// Web archives.
		{name: "crawl.warc", make: warcFile("1.0", crawl()...), want: crawlWant},
		{name: "crawl-per-record.warc.gz", make: fileOf(func() []byte { return gzipEach(crawl()...) }), want: crawlWant},
		{name: "crawl-whole.warc.gz", make: fileOf(func() []byte { return gzipOf(bytes.Join(crawl(), nil)) }), want: crawlWant},
		{name: "crawl.warc.zst", make: fileOf(func() []byte { return zstdOf(bytes.Join(crawl(), nil)) }), want: crawlWant},
		{name: "truncated.warc", make: fileOf(func() []byte {
			b := append(warcPage("first", batteryArticle), warcPage("cut", batteryArticle)...)
			return b[:len(b)-200]
		}), want: []string{"first", "cut!truncated"}, exit: exitFailures},
		{name: "truncated.warc.gz", make: fileOf(func() []byte {
			b := gzipEach(warcPage("first", batteryArticle), warcPage("cut", batteryArticle))
			return b[:len(b)-100]
		}), want: []string{"first", "cut!corrupt gzip member"}, exit: exitFailures},
		{name: "length-short.warc", make: fileOf(func() []byte {
			return bytes.Join([][]byte{warcPage("before", batteryArticle), withLength(warcPage("short", batteryArticle), -100), warcPage("after", batteryArticle)}, nil)
		}), want: []string{"before", "short!corrupt WARC record", "after"}, exit: exitFailures},
		{name: "length-long.warc", make: fileOf(func() []byte {
			return bytes.Join([][]byte{warcPage("before", batteryArticle), withLength(warcPage("long", batteryArticle), 100), warcPage("after", batteryArticle)}, nil)
		}), want: []string{"before", "long!corrupt WARC record", "after"}, exit: exitFailures},
		{name: "length-past-end.warc", make: fileOf(func() []byte {
			return bytes.Join([][]byte{warcPage("before", batteryArticle), withLength(warcPage("last", batteryArticle), 1<<20)}, nil)
		}), want: []string{"before", "last!corrupt WARC record"}, exit: exitFailures},
		{name: "chunked-gzip.warc", make: fileOf(func() []byte {
			body := gzipOf([]byte(batteryPage(batteryArticle)))
			return warcRecord("1.1", "response", "chunked", "https://news.test/c", httpMsg, "",
				httpResponse(200, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", chunked(body, 100)))
		}), want: []string{"chunked"}},
		{name: "resource-text.warc", make: fileOf(func() []byte {
			return warcRecord("1.1", "resource", "plain", "file:///notes/a.txt", "text/plain; charset=utf-8", "", []byte(prose))
		}), want: []string{"plain"}},
		{name: "zero.warc", make: textFile(""), want: nil, exit: exitFailures}, // an empty archive: "no documents in the input"
		{name: "only-images.warc", make: fileOf(func() []byte { return crawl()[4] }), want: nil, exit: exitFailures},
		{name: "member-cut.warc.gz", make: fileOf(func() []byte {
			cut := gzipOf(warcPage("cut", batteryArticle+varied(4000)))
			return bytes.Join([][]byte{gzipEach(warcPage("before", batteryArticle)), cut[:len(cut)/2], gzipEach(warcPage("after", batteryArticle))}, nil)
		}), want: []string{"before", "cut!corrupt gzip member", "after"}, exit: exitFailures},
		{name: "plain-appended.warc.gz", make: fileOf(func() []byte {
			return append(gzipEach(warcPage("zipped", batteryArticle)), warcPage("plain", batteryArticle)...)
		}), want: []string{"zipped", "plain"}},
		{name: "junk-appended.warc.gz", make: fileOf(func() []byte {
			return append(gzipEach(warcPage("zipped", batteryArticle)), "junk appended to the file\n"...)
		}), want: []string{"zipped", "junk-appended:2!no WARC version line"}, exit: exitFailures},
		{name: "interim-response.warc", make: fileOf(func() []byte {
			return warcRecord("1.1", "response", "continued", "https://news.test/c", httpMsg, "",
				append([]byte("HTTP/1.1 100 Continue\r\n\r\n"), httpResponse(200, "Content-Type: text/html\r\n", []byte(batteryPage(batteryArticle)))...))
		}), want: []string{"continued"}},
		{name: "arc-lengths.arc", make: fileOf(func() []byte {
			rec := func(n, delta int) string {
				resp := "HTTP/1.0 200 OK\nContent-Type: text/html\n\n" + batteryPage(batteryArticle)
				return fmt.Sprintf("http://news.test/%d 10.0.0.1 20240501100000 text/html %d\n%s\n", n, len(resp)+delta, resp)
			}
			desc := "1 0 battery\nURL IP-address Archive-date Content-type Archive-length\n"
			return []byte(fmt.Sprintf("filedesc://l.arc 0.0.0.0 20240501100000 text/plain %d\n%s\n", len(desc), desc) +
				rec(1, 0) + rec(2, 100) + rec(3, 0) + rec(4, -100) + rec(5, 0) + rec(6, 1<<30) + rec(7, 0))
		}), want: []string{"arc-lengths:2", "arc-lengths:3!Archive-length is wrong", "arc-lengths:4", "arc-lengths:5!Archive-length is wrong",
			"arc-lengths:6", "arc-lengths:7!truncated in the block", "arc-lengths:8"}, exit: exitFailures},
		{name: "cp1251-undeclared.html", make: fileOf(func() []byte {
			ru := "<p>Городской совет во вторник проголосовал за закрытие моста на шесть недель, заявили в мэрии.</p>"
			b, _ := charmap.Windows1251.NewEncoder().Bytes([]byte(batteryPage("<article><h1>Мост закроют</h1>" + strings.Repeat(ru, 3) + "</article>")))
			return b
		}), want: []string{"cp1251-undeclared"}},
		{name: "riff.txt", make: textFile("RIFF RAFF played the harbour festival. " + prose), want: []string{"riff"}},
		{name: "bom-each-line.jsonl", make: textFile("\ufeff" + jsonLine("one", prose) + "\n\ufeff" + jsonLine("two", prose) + "\n"),
			want: []string{"one", "two"}},
		{name: "deep-first.json", make: textFile("[" + strings.Repeat("[", 20_000) + strings.Repeat("]", 20_000) + "," + jsonLine("x", prose) + "]"),
			want: []string{"deep-first.json:1!nested more than 10000 levels deep"}, exit: exitFailures},
		{name: "crawl.arc", make: fileOf(func() []byte {
			page := batteryPage(batteryArticle)
			resp := "HTTP/1.0 200 OK\nContent-Type: text/html\n\n" + page
			desc := "1 0 battery\nURL IP-address Archive-date Content-type Archive-length\n"
			return []byte(fmt.Sprintf("filedesc://crawl.arc 0.0.0.0 20240501100000 text/plain %d\n%s\n", len(desc), desc) +
				fmt.Sprintf("http://news.test/arc 10.0.0.1 20240501100000 text/html %d\n%s\n", len(resp), resp))
		}), want: []string{"crawl:2"}},

		// Folders.
		{name: "folder", make: func(t testing.TB, path string) {
			writeBytes(t, filepath.Join(path, "a page with spaces.html"), []byte(batteryPage(batteryArticle)))
			writeBytes(t, filepath.Join(path, "ünïcödé 新聞.txt"), []byte(prose))
			writeBytes(t, filepath.Join(path, "notes.md"), []byte(prose))
			if err := os.Symlink(".", filepath.Join(path, "loop")); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink("missing.txt", filepath.Join(path, "dangling.txt")); err != nil {
				t.Fatal(err)
			}
		}, want: []string{"a page with spaces", "dangling!ingest: cannot read file: no such file or directory", "ünïcödé 新聞"}, exit: exitFailures},
	}
}

// TestHostileBattery runs every hostile input through newspipe run: each gives exactly
// the records it must, in order, with the exit status it must. How long each takes and
// how much memory it needs is measured on bin/newspipe with the inputs this test writes
// with -battery-dir.
func TestHostileBattery(t *testing.T) {
	cases := hostileBattery()
	if *batteryDir != "" {
		for _, c := range cases {
			c.make(t, filepath.Join(*batteryDir, c.name))
		}
		return
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.heavy && !*batteryHeavy {
				t.Skip("a large input: run with -battery-heavy")
			}
			path := filepath.Join(t.TempDir(), c.name)
			c.make(t, path)
			args := append([]string{"run", "--site-repeats=false"}, c.args...)
			code, out, errOut := run(t, "", append(args, path)...)
			var got []string
			for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				if line == "" {
					continue
				}
				var r hostileRecord
				if err := json.Unmarshal([]byte(line), &r); err != nil {
					t.Fatalf("invalid JSON record %.200q: %v", line, err)
				}
				if r.Error != nil {
					got = append(got, r.ID+"!"+r.Error.Stage+": "+r.Error.Message)
				} else {
					got = append(got, r.ID)
				}
			}
			ok := len(got) == len(c.want) && code == c.exit
			for i := 0; ok && i < len(got); i++ {
				id, msg, isErr := strings.Cut(c.want[i], "!")
				gotID, gotMsg, gotErr := strings.Cut(got[i], "!")
				ok = id == gotID && isErr == gotErr && strings.Contains(gotMsg, msg)
			}
			if !ok {
				t.Errorf("exit %d, records:\n  %s\nwant exit %d, records:\n  %s\nstderr: %s", code, strings.Join(got, "\n  "), c.exit, strings.Join(c.want, "\n  "), errOut)
			}
		})
	}
}
