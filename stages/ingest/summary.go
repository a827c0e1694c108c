package ingest

import (
	"fmt"
	"sort"
	"strings"
)

// maxNamedFiles is how many skipped files a summary names.
const maxNamedFiles = 5

// Summary says what one Read emitted and what it skipped, so that nothing is left out
// silently.
type Summary struct {
	// Documents is the number of documents emitted, error records included.
	Documents int
	// SkippedFiles is the number of files of walked folders that were not read.
	SkippedFiles int
	// FirstSkippedFiles names the first of them, in walk order.
	FirstSkippedFiles []string
	// SkippedRecords counts the web-archive records that are not documents, by reason
	// ("images", "requests", "non-2xx responses"...).
	SkippedRecords map[string]int
}

func (s *Summary) skipFile(path string) {
	s.SkippedFiles++
	if len(s.FirstSkippedFiles) < maxNamedFiles {
		s.FirstSkippedFiles = append(s.FirstSkippedFiles, path)
	}
}

func (s *Summary) skipRecord(reason string) {
	if s.SkippedRecords == nil {
		s.SkippedRecords = map[string]int{}
	}
	s.SkippedRecords[reason]++
}

// FilesLine describes the skipped files in one line, or returns "" when there are none.
func (s Summary) FilesLine() string {
	if s.SkippedFiles == 0 {
		return ""
	}
	more := ""
	if s.SkippedFiles > len(s.FirstSkippedFiles) {
		more = ", ..."
	}
	return fmt.Sprintf("%s in folders not read (not an input format, or not a regular file): %s%s",
		plural(s.SkippedFiles, "file"), strings.Join(s.FirstSkippedFiles, ", "), more)
}

// RecordsLine describes the skipped web-archive records in one line, largest reason
// first, or returns "" when there are none: "1,204 records skipped: 812 images, ...".
func (s Summary) RecordsLine() string {
	total := 0
	for _, n := range s.SkippedRecords {
		total += n
	}
	if total == 0 {
		return ""
	}
	reasons := s.RecordReasons()
	parts := make([]string, len(reasons))
	for i, reason := range reasons {
		n := s.SkippedRecords[reason]
		if n == 1 {
			reason = singular(reason)
		}
		parts[i] = thousands(n) + " " + reason
	}
	return fmt.Sprintf("%s skipped (not documents): %s", plural(total, "web-archive record"), strings.Join(parts, ", "))
}

// RecordReasons returns the reasons of SkippedRecords, the most frequent first (ties
// in alphabetical order).
func (s Summary) RecordReasons() []string {
	reasons := make([]string, 0, len(s.SkippedRecords))
	for reason := range s.SkippedRecords {
		reasons = append(reasons, reason)
	}
	sort.Slice(reasons, func(i, j int) bool {
		a, b := s.SkippedRecords[reasons[i]], s.SkippedRecords[reasons[j]]
		return a > b || a == b && reasons[i] < reasons[j]
	})
	return reasons
}

// singularReasons are the reasons for one skipped record.
var singularReasons = map[string]string{
	"requests": "request", "revisits": "revisit", "file descriptions": "file description",
	"DNS lookups": "DNS lookup", "non-2xx responses": "non-2xx response", "robots.txt files": "robots.txt file",
	"empty payloads": "empty payload", "binary payloads labelled as pages": "binary payload labelled as a page", "untyped payloads that are not HTML": "untyped payload that is not HTML",
	"images": "image", "scripts and styles": "script or style", "fonts": "font", "audio and video": "audio or video file",
	"JSON payloads": "JSON payload", "XML and feeds": "XML file or feed", "PDF documents": "PDF document",
	"other media types": "payload of another media type",
}

// singular returns the reason for one record: "1 image", "1 metadata record".
func singular(reason string) string {
	if r, ok := singularReasons[reason]; ok {
		return r
	}
	return strings.Replace(reason, " records", " record", 1)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return thousands(n) + " " + noun + "s"
}

// thousands formats n with commas between groups of three digits.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
