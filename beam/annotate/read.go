package annotate

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/stages/ingest"
)

func init() {
	register.DoFn3x1[context.Context, File, func(File), error](&matchFn{})
	register.DoFn3x1[context.Context, File, func(Doc), error](&readFn{})
	register.Emitter1[Doc]()
	register.Emitter1[File]()
}

// File is a file of the input: the index of the pattern that matched it, in the patterns
// given to Read, and its name (or the pattern, for one that matched nothing).
type File struct {
	Input int
	Path  string
}

// Read expands file patterns (paths or globs on any of Beam's registered file systems —
// local, gs://, s3://, memfs://) into the documents of the files they match, as newspipe
// run reads files: text, HTML, JSON Lines, WARC, gzipped or not. Each matched file is read
// by one worker, the one it is shuffled to, and a file of many documents (WARC, JSON
// Lines) is split into them there; the documents are then shuffled again, so that the
// pages of one large file spread over the workers. A pattern that matches nothing, and a
// file that cannot be read, become error records. Ids are unique within each file (see
// Renames for the whole input); each Doc carries its place in the input.
func Read(s beam.Scope, patterns []string, maxBytes int64) beam.PCollection {
	s = s.Scope("newspipe.Read")
	inputs := make([]File, len(patterns))
	for i, p := range patterns {
		inputs[i] = File{Input: i, Path: p}
	}
	files := beam.ParDo(s, &matchFn{}, beam.CreateList(s, inputs))
	files = beam.Reshuffle(s, files)
	docs := beam.ParDo(s, &readFn{MaxBytes: maxBytes}, files)
	return beam.Reshuffle(s, docs)
}

// matchFn expands a pattern into the files it matches, in lexical order; a pattern that
// matches nothing is passed on as it is, for the reading step to report.
type matchFn struct{}

func (f *matchFn) ProcessElement(ctx context.Context, pattern File, emit func(File)) error {
	fsys, err := filesystem.New(ctx, pattern.Path)
	if err != nil {
		return fmt.Errorf("input %q: %w", pattern.Path, err)
	}
	defer fsys.Close()
	files, err := fsys.List(ctx, pattern.Path)
	if err != nil {
		return fmt.Errorf("match %q: %w", pattern.Path, err)
	}
	if len(files) == 0 {
		files = []string{pattern.Path}
	}
	slices.Sort(files)
	for _, name := range files {
		emit(File{Input: pattern.Input, Path: name})
	}
	return nil
}

// readFn reads one file into its documents. It keeps one file system client per
// scheme for the worker's life: a client of an object store is costly to make.
type readFn struct {
	MaxBytes int64

	clients map[string]filesystem.Interface
}

func (f *readFn) Setup() { f.clients = map[string]filesystem.Interface{} }

func (f *readFn) Teardown() error {
	var first error
	for _, c := range f.clients {
		if err := c.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

func (f *readFn) client(ctx context.Context, name string) (filesystem.Interface, error) {
	scheme, _, ok := strings.Cut(name, "://")
	if !ok {
		scheme = ""
	}
	if c := f.clients[scheme]; c != nil {
		return c, nil
	}
	c, err := filesystem.New(ctx, name)
	if err != nil {
		return nil, err
	}
	f.clients[scheme] = c
	return c, nil
}

func (f *readFn) ProcessElement(ctx context.Context, file File, emit func(Doc)) error {
	name := file.Path
	fsys, err := f.client(ctx, name)
	if err != nil {
		return fmt.Errorf("input %q: %w", name, err)
	}
	r := &ingest.Reader{MaxBytes: f.MaxBytes}
	open := func() (io.ReadCloser, error) { return fsys.OpenRead(ctx, name) }
	position := 0
	return r.ReadFrom(ctx, name, open, func(d *document.Document) error {
		x := fromDocument(d)
		x.Input, x.Position = file.Input, position
		position++
		emit(x)
		return nil
	})
}
