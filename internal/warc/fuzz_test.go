package warc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSampleFiles(t *testing.T) {
	want := []string{
		`response http://news.test/cafe 200 "text/html; charset=windows-1252" "<html><head><title>Caf\xe9 opens</title></head><body><h1>Caf\xe9 opens</h1><p>The caf\xe9 opened on Monday.</p></body></html>"`,
		`response http://news.test/zip 200 "text/html" "<html><body><p>Zipped story.</p></body></html>"`,
		`resource file:///notes.txt 0 "text/plain; charset=utf-8" "Plain notes — one line.\n"`,
		`response http://news.test/missing 404 "text/html" "<p>gone</p>"`,
		"EOF",
	}
	for _, name := range []string{"sample.warc", "sample.warc.gz"} {
		f, err := os.Open(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		got := readAll(t, NewReader(f))
		f.Close()
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: got\n%s\nwant\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

func FuzzReader(f *testing.F) {
	for _, name := range []string{"sample.warc", "sample.warc.gz"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		f.Add(b[:len(b)/2])
	}
	f.Add([]byte(response + strings.Replace(resource, "Content-Length: 9", "Content-Length: 200", 1) + response2))
	f.Add([]byte(gz(info, response, resource)))
	f.Add([]byte(rec("response", "http://c.test/", httpType,
		httpResp(200, "Content-Encoding: deflate\r\nTransfer-Encoding: chunked\r\n", "3\r\nabc\r\n0\r\n\r\n"))))
	f.Add([]byte("WARC/1.0\nContent-Length: 1\n\n"))
	const limit = 1 << 16
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(bytes.NewReader(data))
		r.MaxPayload = limit
		checkRecords(t, r.Next, len(data), limit)
	})
}

func FuzzARCReader(f *testing.F) {
	body := "HTTP/1.0 200 OK\nContent-Type: text/html\n\n<p>page</p>"
	record := fmt.Sprintf("http://a.test/1 10.0.0.1 20240501100000 text/html %d\n%s\n", len(body), body)
	f.Add([]byte(arcDesc + record))
	f.Add([]byte(gz(arcDesc, record, record)))
	f.Add([]byte(record + strings.Replace(record, fmt.Sprint(len(body)), "9000000", 1) + record))
	f.Add([]byte(gz(arcDesc, record)[:40] + gz(record)))
	const limit = 1 << 16
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewARCReader(bytes.NewReader(data))
		r.MaxPayload = limit
		checkRecords(t, r.Next, len(data), limit)
	})
}

// checkRecords reads records with next from an input of n bytes to its end, and fails t when a
// reader error is fatal or wraps neither sentinel, a record is of a type not handed on, a
// payload is over limit, or the end is never reached.
func checkRecords(t *testing.T, next func() (*Record, error), n int, limit int64) {
	t.Helper()
	// Every result consumes input, and gzip can expand it at most about 1000 times.
	for i := 0; i < 1000*n+10; i++ {
		rec, err := next()
		if err == io.EOF {
			return
		}
		if err != nil {
			var re *RecordError
			if !errors.As(err, &re) {
				t.Fatalf("fatal error reading from memory: %v", err)
			}
			if !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("record error wraps neither sentinel: %v", err)
			}
			continue
		}
		if rec.Type != "response" && rec.Type != "resource" {
			t.Fatalf("record of type %q handed on", rec.Type)
		}
		if int64(len(rec.Payload)) > limit {
			t.Fatalf("payload of %d bytes, limit %d", len(rec.Payload), limit)
		}
	}
	t.Fatal("Next does not reach the end")
}
