package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/internal/warc"
	"github.com/newspipe/newspipe/stages/decode"
	"github.com/newspipe/newspipe/stages/detect"
)

// recordSource is a reader of web-archive records: WARC or ARC.
type recordSource interface {
	Next() (*warc.Record, error)
}

// readWARC emits one document per page of a WARC file (plain, or gzipped per record or
// whole), streaming.
func (r *Reader) readWARC(ctx context.Context, fileID, path string, in io.Reader, emit func(*document.Document) error) error {
	wr := warc.NewReader(in)
	wr.MaxPayload = r.maxBytes()
	wr.Skipped = func(recordType string) { r.summary.skipRecord(skippedType(recordType)) }
	return r.readArchive(ctx, fileID, path, wr, "WARC", emit)
}

// readARC emits one document per page of an ARC file, the web-archive format before
// WARC.
func (r *Reader) readARC(ctx context.Context, fileID, path string, in io.Reader, emit func(*document.Document) error) error {
	ar := warc.NewARCReader(in)
	ar.MaxPayload = r.maxBytes()
	ar.Skipped = func(recordType string) { r.summary.skipRecord(skippedType(recordType)) }
	return r.readArchive(ctx, fileID, path, ar, "ARC", emit)
}

// readArchive emits the documents of a web archive. A document is a response or
// resource record whose payload is an HTML, XHTML or plain-text page and whose HTTP
// status, if any, is 2xx. Every other record is skipped and counted in the summary by
// reason. A record that cannot be read becomes an error record that names it, and the
// file goes on.
func (r *Reader) readArchive(ctx context.Context, fileID, path string, src recordSource, format string, emit func(*document.Document) error) error {
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := src.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		var re *warc.RecordError
		switch {
		case errors.As(err, &re):
			id := recordID(re.ID)
			if id == "" {
				id = fileID + ":" + strconv.Itoa(re.Num)
			}
			if errors.Is(err, warc.ErrTooLarge) {
				err = fmt.Errorf("%w; document larger than --max-bytes (%s)", err, humanBytes(r.maxBytes()))
			}
			d := failed(id, path, err)
			d.Record.Source.URL = re.URI
			if e := emit(d); e != nil {
				return e
			}
			continue
		case err != nil:
			return emit(failed(fileID+":read", path, fmt.Errorf("read %s: %w", format, err)))
		}
		hint, reason := pageKind(rec)
		if reason != "" {
			r.summary.skipRecord(reason)
			continue
		}
		if e := emit(r.archiveDocument(fileID, path, rec, hint)); e != nil {
			return e
		}
	}
}

// archiveDocument turns a page record into a document.
func (r *Reader) archiveDocument(fileID, path string, rec *warc.Record, hint string) *document.Document {
	id := recordID(rec.RecordID)
	if id == "" {
		id = fileID + ":" + strconv.Itoa(rec.Num)
	}
	d := newDocument(id, path)
	d.Record.Source.URL = rec.TargetURI
	d.Record.Source.SHA256 = r.hash(rec.Payload)
	d.FormatHint = hint
	d.ContentType, d.Raw = rec.ContentType, rec.Payload
	d.Fetched = fetchDate(rec.Date)
	return d
}

// recordID makes a document id from a WARC-Record-ID: "<urn:uuid:X>" gives X.
func recordID(s string) string {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "<>"))
	if len(s) > len("urn:uuid:") && strings.EqualFold(s[:len("urn:uuid:")], "urn:uuid:") {
		s = s[len("urn:uuid:"):]
	}
	return s
}

// fetchDate reads a WARC-Date (or an ARC date made into one); zero when unreadable.
func fetchDate(s string) time.Time {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}

// skippedType names, for the summary, the records of a WARC-Type that are not documents.
func skippedType(recordType string) string {
	switch recordType {
	case "request":
		return "requests"
	case "revisit":
		return "revisits"
	case "metadata":
		return "metadata records"
	case "warcinfo", "filedesc":
		return "file descriptions"
	case "":
		return "records without a type"
	}
	return recordType + " records"
}

// pageKind decides whether a response or resource record is a page: it returns the
// format hint ("html", "text" or "" to detect) of a page, or the reason it is not one.
func pageKind(rec *warc.Record) (hint, skip string) {
	u, _ := url.Parse(rec.TargetURI)
	scheme := ""
	if u != nil {
		scheme = strings.ToLower(u.Scheme)
	}
	switch {
	case scheme == "dns":
		return "", "DNS lookups"
	case scheme != "" && scheme != "http" && scheme != "https" && scheme != "file" && scheme != "ftp":
		return "", "crawler records (" + scheme + ":)"
	case rec.Status != 0 && (rec.Status < 200 || rec.Status > 299):
		return "", "non-2xx responses"
	case u != nil && strings.EqualFold(u.Path, "/robots.txt"):
		return "", "robots.txt files"
	}
	if len(bytes.TrimSpace(rec.Payload)) == 0 {
		return "", "empty payloads"
	}
	media, _, err := mime.ParseMediaType(rec.ContentType)
	if err != nil {
		media = strings.ToLower(strings.TrimSpace(strings.SplitN(rec.ContentType, ";", 2)[0]))
	}
	if media == "text/html" || media == "application/xhtml+xml" || media == "text/plain" {
		// Servers label images, archives and PDFs text/html too: what the bytes are wins.
		if _, binary := decode.Binary(rec.Payload); binary {
			return "", "binary payloads labelled as pages"
		}
	}
	switch {
	case media == "text/html" || media == "application/xhtml+xml":
		return detect.HTML, ""
	case media == "text/plain":
		return "", "" // often HTML served as text: detected from the content
	case media == "" || media == "unknown" || media == "application/octet-stream" || media == "no-type" ||
		media == "application/http": // a block that says it is HTTP but does not parse as HTTP
		// Untyped: a page only if it reads as one.
		if detect.Format(string(rec.Payload[:min(len(rec.Payload), 8192)])) == detect.HTML {
			return detect.HTML, ""
		}
		return "", "untyped payloads that are not HTML"
	}
	return "", mediaReason(media)
}

// mediaReason names, for the summary, the payloads of a media type that are not pages.
func mediaReason(media string) string {
	switch {
	case strings.HasPrefix(media, "image/"):
		return "images"
	case media == "text/css" || strings.Contains(media, "javascript") || strings.Contains(media, "ecmascript"):
		return "scripts and styles"
	case strings.HasPrefix(media, "font/") || strings.Contains(media, "font"):
		return "fonts"
	case strings.HasPrefix(media, "audio/") || strings.HasPrefix(media, "video/"):
		return "audio and video"
	case strings.Contains(media, "json"):
		return "JSON payloads"
	case strings.Contains(media, "xml") || strings.Contains(media, "rss") || strings.Contains(media, "atom"):
		return "XML and feeds"
	case media == "application/pdf":
		return "PDF documents"
	case media == "text/dns":
		return "DNS lookups"
	}
	return "other media types"
}
