package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"strconv"
	"strings"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/internal/warc"
)

// readWARC emits one document per response or resource record of a WARC file (plain or
// gzipped per record), streaming. Each record is a document: pages become articles; a
// corrupt record, an HTTP error status or a payload that is not text becomes an error
// record that names it, and the file goes on.
func (r *Reader) readWARC(ctx context.Context, fileID, path string, in io.Reader, emit func(*document.Document) error) error {
	wr := warc.NewReader(in)
	wr.MaxPayload = r.maxBytes()
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := wr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		id := fileID + ":" + strconv.Itoa(n)
		var re *warc.RecordError
		switch {
		case errors.As(err, &re):
			if errors.Is(err, warc.ErrTooLarge) {
				err = fmt.Errorf("%w; document larger than --max-bytes (%s)", err, humanBytes(r.maxBytes()))
			}
			if e := emit(failed(id, path, err)); e != nil {
				return e
			}
			continue
		case err != nil:
			return emit(failed(id, path, fmt.Errorf("read WARC: %w", err)))
		}
		if e := emit(r.warcDocument(id, path, rec)); e != nil {
			return e
		}
	}
}

// warcDocument turns one WARC record into a document, or an error record when it holds
// no article.
func (r *Reader) warcDocument(id, path string, rec *warc.Record) *document.Document {
	d := newDocument(id, path)
	d.Record.Source.URL = rec.TargetURI
	d.Record.Source.SHA256 = r.hash(rec.Payload)
	if rec.Status != 0 && (rec.Status < 200 || rec.Status > 299) {
		d.Fail(Stage, fmt.Errorf("HTTP status %d: the response holds no article", rec.Status))
		return d
	}
	media, _, _ := mime.ParseMediaType(rec.ContentType)
	switch {
	case media == "text/html" || media == "application/xhtml+xml":
		d.FormatHint = "html"
	case media == "text/plain":
		d.FormatHint = "text"
	case media == "" || strings.HasPrefix(media, "text/"):
		// detected from the content
	default:
		d.Fail(Stage, fmt.Errorf("not text: content type %s", media))
		return d
	}
	d.ContentType, d.Raw = rec.ContentType, rec.Payload
	return d
}
