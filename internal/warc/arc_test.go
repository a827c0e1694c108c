package warc

import (
	"fmt"
	"strings"
	"testing"
)

// arcDesc is an ARC file's first record, its file description.
var arcDesc = func() string {
	desc := "1 0 test\nURL IP-address Archive-date Content-type Archive-length\n"
	return fmt.Sprintf("filedesc://x.arc 0.0.0.0 20240501100000 text/plain %d\n%s\n", len(desc), desc)
}()

// arcRec builds one ARC record of an HTTP response holding body, whose length field is
// off by delta.
func arcRec(url, body string, delta int) string {
	resp := "HTTP/1.0 200 OK\nContent-Type: text/html\n\n" + body
	return fmt.Sprintf("%s 10.0.0.1 20240501100000 text/html %d\n%s\n", url, len(resp)+delta, resp)
}

// readAllARC reads every outcome of an ARCReader as short strings.
func readAllARC(t *testing.T, r *ARCReader) []string {
	t.Helper()
	return readRecords(t, r, func(rec *Record) string {
		return fmt.Sprintf("%s %d %q", rec.TargetURI, rec.Status, rec.Payload)
	})
}

func TestARCReader(t *testing.T) {
	page := func(n int) string { return fmt.Sprintf("<p>page %d %s</p>", n, strings.Repeat("text ", 20)) }
	rec := func(n, delta int) string { return arcRec(fmt.Sprintf("http://a.test/%d", n), page(n), delta) }
	want := func(n int) string { return fmt.Sprintf("http://a.test/%d 200 %q", n, page(n)) }
	zippedResp := "HTTP/1.0 200 OK\nContent-Type: text/html\nContent-Encoding: gzip\n\n" + gz("<p>zipped</p>")
	zipped := fmt.Sprintf("http://a.test/z 10.0.0.1 20240501100000 text/html %d\n%s\n", len(zippedResp), zippedResp)
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"pages", arcDesc + rec(1, 0) + rec(2, 0), []string{want(1), want(2), "EOF"}},
		{"no line end after records", strings.TrimSuffix(arcDesc, "\n") + strings.TrimSuffix(rec(1, 0), "\n") + rec(2, 0),
			[]string{want(1), want(2), "EOF"}},
		{"gzip per record", gz(arcDesc, rec(1, 0), rec(2, 0)), []string{want(1), want(2), "EOF"}},
		// A length that lies: the record is an error, the records after it are read.
		{"length too long", arcDesc + rec(1, 0) + rec(2, 100) + rec(3, 0) + rec(4, 0), []string{want(1), "corrupt", want(3), want(4), "EOF"}},
		{"length too short", arcDesc + rec(1, 0) + rec(2, -100) + rec(3, 0) + rec(4, 0), []string{want(1), "corrupt", want(3), want(4), "EOF"}},
		{"length past the end of the file", arcDesc + rec(1, 0) + rec(2, 50<<20) + rec(3, 0) + rec(4, 0), []string{want(1), "corrupt", want(3), want(4), "EOF"}},
		{"length over the limit", arcDesc + rec(1, 0) + arcRec("http://a.test/big", strings.Repeat("x", 5000), 0) + rec(3, 0),
			[]string{want(1), "too large", want(3), "EOF"}},
		{"gzip member cut inside a block", gz(arcDesc, rec(1, 0)) + gz(rec(2, 0))[:60] + gz(rec(3, 0)), []string{want(1), "corrupt", want(3), "EOF"}},
		{"truncated file", arcDesc + rec(1, 0) + rec(2, 0)[:100], []string{want(1), "corrupt", "EOF"}},
		// A plain record between gzip members whose HTTP body is gzipped: the body's
		// gzip header is not a member.
		{"plain record with a gzipped body between gzip members", gz(arcDesc, rec(1, 0)) + zipped + gz(rec(3, 0)),
			[]string{want(1), `http://a.test/z 200 "<p>zipped</p>"`, want(3), "EOF"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewARCReader(strings.NewReader(tt.in))
			r.MaxPayload = 4096
			got := readAllARC(t, r)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
