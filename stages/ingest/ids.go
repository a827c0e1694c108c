package ingest

import (
	"path/filepath"
	"strconv"
	"strings"
)

// documentExts are the file endings that name an input format: the only endings an id
// loses, and, with compressedExts, the files read when walking a folder.
var documentExts = map[string]bool{
	".txt": true, ".text": true, ".html": true, ".htm": true, ".xhtml": true, ".shtml": true,
	".jsonl": true, ".ndjson": true, ".warc": true, ".arc": true,
}

// compressedExts are the endings of the compressed forms that are read (by content; the
// ending only makes the id and picks files in a folder walk).
var compressedExts = map[string]bool{".gz": true, ".zst": true, ".bz2": true}

// ext returns the lower-case extension of path.
func ext(path string) string { return strings.ToLower(filepath.Ext(path)) }

// stripCompression removes one compression ending (.gz, .zst, .bz2) from name.
func stripCompression(name string) string {
	if compressedExts[ext(name)] {
		return name[:len(name)-len(filepath.Ext(name))]
	}
	return name
}

// idOf makes a document id from a path: its slash-separated form without a compression
// ending and without an input-format ending. Other endings stay: news.2024.06.01.txt is
// news.2024.06.01, photo.png.txt is photo.png.
func idOf(path string) string {
	path = strings.TrimPrefix(filepath.ToSlash(path), "./")
	path = stripCompression(path)
	if e := filepath.Ext(path); documentExts[strings.ToLower(e)] {
		path = path[:len(path)-len(e)]
	}
	if path == "" || strings.HasSuffix(path, "/") {
		path += "_"
	}
	return path
}

// uniqueIDs keeps the ids of one run distinct: the first document with an id keeps it, a
// later one gets the first free suffix "~2", "~3"... Documents are read in a fixed order,
// so the suffixes do not depend on the number of workers.
type uniqueIDs map[string]bool

// claim returns id, or id with a suffix when id is already taken, and takes it. Bytes
// of id that are not valid UTF-8 (a file name's, a WARC-Record-ID's) become U+FFFD
// first: the record's JSON would replace them anyway, after the ids were made unique,
// and ids differing only in such bytes would come out the same.
func (u uniqueIDs) claim(id string) string {
	id = strings.ToValidUTF8(id, "\uFFFD")
	if !u[id] {
		u[id] = true
		return id
	}
	for n := 2; ; n++ {
		if c := id + "~" + strconv.Itoa(n); !u[c] {
			u[c] = true
			return c
		}
	}
}
