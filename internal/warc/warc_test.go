package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

// rec builds one WARC record with CRLF line ends.
func rec(typ, uri, ctype, block string) string {
	var b strings.Builder
	b.WriteString("WARC/1.0\r\n")
	fmt.Fprintf(&b, "WARC-Type: %s\r\n", typ)
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	b.WriteString("WARC-Date: 2024-05-01T10:00:00Z\r\n")
	fmt.Fprintf(&b, "WARC-Record-ID: <urn:uuid:%s>\r\n", typ)
	if ctype != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", ctype)
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s\r\n\r\n", len(block), block)
	return b.String()
}

// httpResp builds an HTTP response block.
func httpResp(status int, headers, body string) string {
	return fmt.Sprintf("HTTP/1.1 %d X\r\n%s\r\n%s", status, headers, body)
}

const httpType = "application/http; msgtype=response"

var (
	info     = rec("warcinfo", "", "application/warc-fields", "software: test\r\nformat: WARC File Format 1.0\r\n")
	request  = rec("request", "http://a.test/1", "application/http; msgtype=request", "GET /1 HTTP/1.1\r\nHost: a.test\r\n\r\n")
	response = rec("response", "http://a.test/1", httpType,
		httpResp(200, "Content-Type: text/html; charset=utf-8\r\nContent-Length: 12\r\n", "<p>one</p>\r\n"))
	metadata  = rec("metadata", "http://a.test/1", "application/warc-fields", "via: x\r\n")
	resource  = rec("resource", "<file:///b.txt>", "text/plain", "two\nlines")
	response2 = rec("response", "http://a.test/3", httpType,
		httpResp(404, "content-type: text/html\r\n", "gone"))
)

// gz compresses each part as its own gzip member, as crawlers write .warc.gz.
func gz(parts ...string) string {
	var buf bytes.Buffer
	for _, p := range parts {
		w := gzip.NewWriter(&buf)
		w.Write([]byte(p))
		w.Close()
	}
	return buf.String()
}

// varied returns n bytes of text that compresses poorly, so that a gzip member of it
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

// gzipBytes compresses b in one gzip stream.
func gzipBytes(b string) string { return gz(b) }

// readAll reads every outcome of a Reader as short strings.
func readAll(t *testing.T, r *Reader) []string {
	t.Helper()
	return readRecords(t, r, func(rec *Record) string {
		return fmt.Sprintf("%s %s %d %q %q", rec.Type, rec.TargetURI, rec.Status, rec.ContentType, rec.Payload)
	})
}

// readRecords reads up to 100 records of r, each as format writes it, errors as "corrupt",
// "too large" or "fatal: ...", and "EOF" at the end.
func readRecords(t *testing.T, r interface{ Next() (*Record, error) }, format func(*Record) string) []string {
	t.Helper()
	var got []string
	for range 100 {
		rec, err := r.Next()
		switch {
		case err == io.EOF:
			return append(got, "EOF")
		case errors.Is(err, ErrCorrupt):
			got = append(got, "corrupt")
		case errors.Is(err, ErrTooLarge):
			got = append(got, "too large")
		case err != nil:
			return append(got, "fatal: "+err.Error())
		default:
			got = append(got, format(rec))
		}
	}
	t.Fatal("Next does not reach the end")
	return nil
}

var (
	wantResponse  = `response http://a.test/1 200 "text/html; charset=utf-8" "<p>one</p>\r\n"`
	wantResource  = `resource file:///b.txt 0 "text/plain" "two\nlines"`
	wantResponse2 = `response http://a.test/3 404 "text/html" "gone"`
)

func TestReader(t *testing.T) {
	all := []string{info, request, response, metadata, resource, response2}
	truncated := strings.Join(all[:5], "")
	truncated = truncated[:len(truncated)-10]
	gzTrunc := gz(all[:5]...)
	gzTrunc = gzTrunc[:len(gzTrunc)-20]
	// A member whose compressed data is damaged in the middle.
	bad := gz(response)
	bad = bad[:30] + "\x00\xff\x00\xff\x00\xff" + bad[36:]
	// Members that break after their record's header and part of its block were read,
	// followed by good members: one cut short, one damaged so that it decodes to other
	// bytes (the record's end is not where its Content-Length says) before its checksum
	// fails.
	long := rec("resource", "file:///long.txt", "text/plain", varied(4000))
	cut := gz(long)
	cut = cut[:len(cut)/2]
	damaged := []byte(gz(long))
	for i := len(damaged) / 2; i < len(damaged)/2+40; i++ {
		damaged[i] ^= 0x55
	}

	// A plain record whose HTTP body is gzipped: the body's gzip header is not a member.
	zipped := rec("response", "http://a.test/z", httpType,
		httpResp(200, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", gz("<p>zipped</p>")))
	wantZipped := `response http://a.test/z 200 "text/html" "<p>zipped</p>"`
	// A member cut short whose compressed bytes hold many member headers (a stored
	// deflate block of them), with no record in any of them.
	var fake bytes.Buffer
	fw, _ := gzip.NewWriterLevel(&fake, gzip.NoCompression)
	fw.Write([]byte(strings.Repeat("\x1f\x8b\x08\x00AAAA", 20000)))
	fw.Close()
	fakeHeaders := fake.String()[:fake.Len()-100]
	// A member whose header is sound and whose data is damaged from its start.
	damagedStart := []byte(gz(resource))
	for i := 10; i < 20; i++ {
		damagedStart[i] ^= 0xff
	}

	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain record with a gzipped body between gzip members", gz(response) + zipped + gz(response2),
			[]string{wantResponse, wantZipped, wantResponse2, "EOF"}},
		{"plain record with a gzipped body at the end of a gzip file", gz(response) + zipped,
			[]string{wantResponse, wantZipped, "EOF"}},
		{"gzip member cut short, full of member headers", gz(response) + fakeHeaders + gz(resource),
			[]string{wantResponse, "corrupt", wantResource, "EOF"}},
		{"damaged gzip member, then one damaged at its start", gz(response) + string(damaged) + string(damagedStart) + gz(response2),
			[]string{wantResponse, "corrupt", "corrupt", wantResponse2, "EOF"}},
		{"gzip member inside a gzip member cut short", gz(response) + gz(resource)[:30] + gz(zipped) + gz(response2),
			[]string{wantResponse, "corrupt", wantZipped, wantResponse2, "EOF"}},
		{"all types", strings.Join(all, ""), []string{wantResponse, wantResource, wantResponse2, "EOF"}},
		{"all types gzip per record", gz(all...), []string{wantResponse, wantResource, wantResponse2, "EOF"}},
		{"all types one gzip stream", gzipBytes(strings.Join(all, "")), []string{wantResponse, wantResource, wantResponse2, "EOF"}},
		{"empty", "", []string{"EOF"}},
		{"blank lines only", "\r\n\r\n", []string{"EOF"}},
		{"WARC/1.1 and LF line ends", strings.ReplaceAll(
			"WARC/1.1\nwarc-type: resource\nWARC-TARGET-URI: <http://b.test/>\nContent-Type: text/plain;\n charset=latin1\ncontent-length: 3\n\nabc\n\n", "\n", "\n"),
			[]string{`resource http://b.test/ 0 "text/plain; charset=latin1" "abc"`, "EOF"}},
		{"windows-1252 body untouched", rec("response", "http://c.test/", httpType,
			httpResp(200, "Content-Type: text/html; charset=windows-1252\r\n", "caf\xe9 \x93q\x94")),
			[]string{`response http://c.test/ 200 "text/html; charset=windows-1252" "caf\xe9 \x93q\x94"`, "EOF"}},
		{"chunked body", rec("response", "http://c.test/", httpType,
			httpResp(200, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n")),
			[]string{`response http://c.test/ 200 "text/html" "hello, world"`, "EOF"}},
		{"chunked header, body stored decoded", rec("response", "http://c.test/", httpType,
			httpResp(200, "Transfer-Encoding: chunked\r\n", "plain body")),
			[]string{`response http://c.test/ 200 "" "plain body"`, "EOF"}},
		{"chunked body cut short", rec("response", "http://c.test/", httpType,
			httpResp(200, "Transfer-Encoding: chunked\r\n", "5\r\nhello\r\n20\r\n, wor")),
			[]string{`response http://c.test/ 200 "" "hello, wor"`, "EOF"}},
		{"payload type when the server gives none", strings.Replace(rec("response", "http://c.test/", httpType,
			httpResp(200, "", "<p>x</p>")), "Content-Length", "WARC-Identified-Payload-Type: text/html\r\nContent-Length", 1),
			[]string{`response http://c.test/ 200 "text/html" "<p>x</p>"`, "EOF"}},
		{"gzip content coding", rec("response", "http://c.test/", httpType,
			httpResp(200, "Content-Encoding: gzip\r\n", gzipBytes("unzipped"))),
			[]string{`response http://c.test/ 200 "" "unzipped"`, "EOF"}},
		{"chunked and gzip", rec("response", "http://c.test/", httpType,
			httpResp(200, "Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n",
				fmt.Sprintf("%x\r\n%s\r\n0\r\n\r\n", len(gzipBytes("both")), gzipBytes("both")))),
			[]string{`response http://c.test/ 200 "" "both"`, "EOF"}},
		{"interim 100 Continue before the response", rec("response", "http://c.test/", httpType,
			"HTTP/1.1 100 Continue\r\n\r\n"+httpResp(200, "Content-Type: text/html\r\n", "<p>x</p>")),
			[]string{`response http://c.test/ 200 "text/html" "<p>x</p>"`, "EOF"}},
		{"interim 103 Early Hints before the response", rec("response", "http://c.test/", httpType,
			"HTTP/1.1 103 Early Hints\r\nLink: </s.css>; rel=preload\r\n\r\n"+httpResp(200, "Content-Type: text/html\r\n", "<p>x</p>")),
			[]string{`response http://c.test/ 200 "text/html" "<p>x</p>"`, "EOF"}},
		{"response that is not HTTP", rec("response", "dns:a.test", "text/dns", "a.test. 60 IN A 10.0.0.1"),
			[]string{`response dns:a.test 0 "text/dns" "a.test. 60 IN A 10.0.0.1"`, "EOF"}},
		{"bad Content-Length in the middle", response + strings.Replace(resource, "Content-Length: 9", "Content-Length: x9", 1) + response2,
			[]string{wantResponse, "corrupt", wantResponse2, "EOF"}},
		{"Content-Length too large swallows the next record", response + strings.Replace(resource, "Content-Length: 9", "Content-Length: 200", 1) + response2 + resource,
			[]string{wantResponse, "corrupt", wantResponse2, wantResource, "EOF"}},
		{"Content-Length too small", response + strings.Replace(resource, "Content-Length: 9", "Content-Length: 5", 1) + response2,
			[]string{wantResponse, "corrupt", wantResponse2, "EOF"}},
		{"garbage between records", response + "<html>junk\r\nmore junk\r\n" + resource,
			[]string{wantResponse, "corrupt", wantResource, "EOF"}},
		{"garbage inside the header", response + strings.Replace(resource, "Content-Type:", "Content-Type", 1) + response2,
			[]string{wantResponse, "corrupt", wantResponse2, "EOF"}},
		{"truncated file", truncated, []string{wantResponse, "corrupt", "EOF"}},
		{"truncated header", response + "WARC/1.0\r\nWARC-Type: resp", []string{wantResponse, "corrupt", "EOF"}},
		{"truncated gzip file", gzTrunc, []string{wantResponse, "corrupt", "EOF"}},
		{"corrupt gzip member in the middle", gz(info, response) + bad + gz(resource, response2),
			[]string{wantResponse, "corrupt", wantResource, wantResponse2, "EOF"}},
		{"garbage between gzip members", gz(response) + "garbage" + gz(resource),
			[]string{wantResponse, "corrupt", wantResource, "EOF"}},
		{"gzip member cut inside a block", gz(response) + cut + gz(resource, response2),
			[]string{wantResponse, "corrupt", wantResource, wantResponse2, "EOF"}},
		{"gzip member damaged inside a block", gz(response) + string(damaged) + gz(resource, response2),
			[]string{wantResponse, "corrupt", wantResource, wantResponse2, "EOF"}},
		{"two damaged gzip members", gz(response) + string(damaged) + string(damaged) + gz(resource),
			[]string{wantResponse, "corrupt", "corrupt", wantResource, "EOF"}},
		{"garbage at the end of a gzip file", gz(response) + "not gzip: junk appended to the file\r\n",
			[]string{wantResponse, "corrupt", "EOF"}},
		{"plain record appended to a gzip file", gz(response) + resource,
			[]string{wantResponse, wantResource, "EOF"}},
		{"plain record between gzip members", gz(response) + resource + gz(response2),
			[]string{wantResponse, wantResource, wantResponse2, "EOF"}},
		{"gzip with padding at the end", gz(response) + "\x00\x00\x00\x00", []string{wantResponse, "EOF"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readAll(t, NewReader(strings.NewReader(tt.in)))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestRecordFields(t *testing.T) {
	r := NewReader(strings.NewReader(gz(info, response)))
	got, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	want := Record{
		Num: 2, Type: "response", TargetURI: "http://a.test/1", Date: "2024-05-01T10:00:00Z",
		RecordID: "<urn:uuid:response>", ContentType: "text/html; charset=utf-8", Status: 200,
		Payload: []byte("<p>one</p>\r\n"),
	}
	if fmt.Sprintf("%+v", *got) != fmt.Sprintf("%+v", want) {
		t.Errorf("got %+v\nwant %+v", *got, want)
	}
}

func TestMaxPayload(t *testing.T) {
	big := rec("response", "http://big.test/", httpType, httpResp(200, "", strings.Repeat("x", 5000)))
	bomb := rec("response", "http://bomb.test/", httpType,
		httpResp(200, "Content-Encoding: gzip\r\n", gzipBytes(strings.Repeat("y", 50000))))
	// A large record that holds a WARC file of its own is skipped whole.
	nested := rec("resource", "file:///x.warc", "application/warc", strings.Repeat("z", 5000)+"\r\n"+response)
	// A Content-Length far beyond the file: the records it swallowed are found again.
	bogus := strings.Replace(response, "Content-Length: 90\r\n\r\n", "Content-Length: 99999999\r\n\r\n", 1)
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"large block", big + resource, []string{"too large", wantResource, "EOF"}},
		{"large block gzip", gz(big, resource), []string{"too large", wantResource, "EOF"}},
		{"large decoded body", bomb + resource, []string{"too large", wantResource, "EOF"}},
		{"large block holding records", nested + resource, []string{"too large", wantResource, "EOF"}},
		{"huge Content-Length", resource + bogus + response2 + resource, []string{wantResource, "corrupt", wantResponse2, wantResource, "EOF"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(tt.in, "Content-Length: 99999999") && strings.Contains(tt.name, "huge") {
				t.Fatal("test input lacks the huge Content-Length")
			}
			r := NewReader(strings.NewReader(tt.in))
			r.MaxPayload = 4096
			got := readAll(t, r)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestSkipFindsRecordAcrossChunks puts the start of a swallowed record at every
// position around the boundary of the 64 KiB chunks that an oversized block is read in.
func TestSkipFindsRecordAcrossChunks(t *testing.T) {
	bogus := strings.Replace(response, "Content-Length: 90\r\n\r\n", "Content-Length: 99999999\r\n\r\n", 1)
	head := len(bogus) - 90 - 4
	want := []string{"corrupt", wantResponse2, "EOF"}
	for pad := 64<<10 - 10; pad < 64<<10+2; pad++ {
		in := bogus[:head] + strings.Repeat("j", pad) + "\n" + response2
		r := NewReader(strings.NewReader(in))
		r.MaxPayload = 4096
		if got := readAll(t, r); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("padding %d: got %q, want %q", pad, got, want)
		}
	}
}

func TestErrorNamesRecord(t *testing.T) {
	in := response + strings.Replace(resource, "Content-Length: 9", "Content-Length: 5", 1)
	r := NewReader(strings.NewReader(in))
	if _, err := r.Next(); err != nil {
		t.Fatal(err)
	}
	_, err := r.Next()
	var re *RecordError
	if !errors.As(err, &re) {
		t.Fatalf("got %v, want a *RecordError", err)
	}
	if re.Num != 2 || re.Offset != int64(len(response)) || re.ID != "<urn:uuid:resource>" || re.URI != "file:///b.txt" {
		t.Errorf("got record %d at %d id %s uri %s, want 2 at %d, <urn:uuid:resource>, file:///b.txt", re.Num, re.Offset, re.ID, re.URI, len(response))
	}
	if msg := err.Error(); !strings.HasPrefix(msg, fmt.Sprintf("WARC record 2 at byte %d", len(response))) {
		t.Errorf("message %q does not name the record", msg)
	}
}

type failReader struct {
	data []byte
	err  error
}

func (f *failReader) Read(p []byte) (int, error) {
	if len(f.data) == 0 {
		return 0, f.err
	}
	n := copy(p, f.data)
	f.data = f.data[n:]
	return n, nil
}

func TestFatalError(t *testing.T) {
	boom := errors.New("disk gone")
	for _, in := range []string{response + resource[:40], gz(response, resource)[:80]} {
		r := NewReader(&failReader{data: []byte(in), err: boom})
		var err error
		for i := 0; i < 10 && (err == nil || errors.Is(err, ErrCorrupt)); i++ {
			_, err = r.Next()
		}
		if !errors.Is(err, boom) {
			t.Fatalf("got %v, want %v", err, boom)
		}
		if _, again := r.Next(); !errors.Is(again, boom) {
			t.Errorf("second call: got %v, want %v", again, boom)
		}
	}
}

func BenchmarkReader(b *testing.B) {
	page := strings.Repeat("<p>Some article text that goes on for a while.</p>\n", 400)
	var parts []string
	for i := 0; i < 200; i++ {
		parts = append(parts, request, rec("response", fmt.Sprintf("http://a.test/%d", i), httpType,
			httpResp(200, "Content-Type: text/html\r\n", page)))
	}
	for _, bc := range []struct {
		name string
		in   string
	}{{"plain", strings.Join(parts, "")}, {"gzip", gz(parts...)}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(strings.Join(parts, ""))))
			for b.Loop() {
				r := NewReader(strings.NewReader(bc.in))
				n := 0
				for {
					_, err := r.Next()
					if err == io.EOF {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
					n++
				}
				if n != 200 {
					b.Fatalf("read %d records, want 200", n)
				}
			}
		})
	}
}

func TestNilReader(t *testing.T) {
	if _, err := NewReader(nil).Next(); err != io.EOF {
		t.Errorf("got %v, want io.EOF", err)
	}
}

// TestLyingLengthsLinear checks that records whose length runs past the end of the
// input are each reported without reading the rest of the input again.
func TestLyingLengthsLinear(t *testing.T) {
	lying := strings.Replace(resource, "Content-Length: 9", "Content-Length: 9000000", 1)
	lyingARC := "http://a.test/x 10.0.0.1 20240501100000 text/html 9000000\n<p>x</p>\n"
	warcReader := func(in string) interface{ Next() (*Record, error) } { return NewReader(strings.NewReader(in)) }
	arcReader := func(in string) interface{ Next() (*Record, error) } { return NewARCReader(strings.NewReader(in)) }
	tests := []struct {
		name    string
		records int
		in      string
		reader  func(string) interface{ Next() (*Record, error) }
	}{
		{"WARC, plain", 20000, strings.Repeat(lying, 20000), warcReader},
		{"WARC, gzip", 20000, gz(strings.Repeat(lying, 20000)), warcReader},
		{"ARC", 20000, arcDesc + strings.Repeat(lyingARC, 20000), arcReader},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			got := 0
			r := tt.reader(tt.in)
			for {
				_, err := r.Next()
				if err == io.EOF {
					break
				}
				if !errors.Is(err, ErrCorrupt) {
					t.Fatalf("record %d: got %v, want a corrupt record", got+1, err)
				}
				got++
			}
			if got != tt.records {
				t.Errorf("got %d corrupt records, want %d", got, tt.records)
			}
			// Reading the rest of the input for each record takes about half a minute
			// per case; reading it once, well under a second (a few with -race).
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("took %v: the input is read again for each record", d)
			}
		})
	}
}
