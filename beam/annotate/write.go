package annotate

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"hash/fnv"
	"io"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	register.DoFn2x0[string, func(int, string)](&shardFn{})
	register.DoFn2x0[[]byte, func(int, bool)](&shardNumbersFn{})
	register.DoFn4x2[context.Context, int, func(*string) bool, func(*bool) bool, string, error](&writeFn{})
	register.Emitter2[int, string]()
	register.Emitter2[int, bool]()
	register.Iter1[string]()
	register.Iter1[bool]()
}

// Output says where Write writes.
type Output struct {
	// Prefix starts every file name: PREFIX-SSSSS-of-NNNNN.jsonl, on any of Beam's file
	// systems (a local path, gs://bucket/dir/records, ...).
	Prefix string
	// Shards is the number of files, at least 1.
	Shards int
	// Gzip compresses each file (.jsonl.gz).
	Gzip bool
}

// ShardName returns the name of shard i of n.
func (o Output) ShardName(i int) string {
	name := fmt.Sprintf("%s-%05d-of-%05d.jsonl", o.Prefix, i, o.Shards)
	if o.Gzip {
		name += ".gz"
	}
	return name
}

// Write writes the lines of a PCollection of strings (records) to o.Shards files, each
// line once, and returns the names of the files written. A line goes to the shard that
// the hash of its bytes picks, so the shards are about even and the same lines always go
// to the same shard; each shard is written whole by one worker, in one call, and every
// shard file is written even when it gets no line. The order of the lines within a shard
// is the order the runner gives them in.
func Write(s beam.Scope, o Output, lines beam.PCollection) beam.PCollection {
	s = s.Scope("newspipe.Write")
	if o.Shards < 1 {
		o.Shards = 1
	}
	keyed := beam.ParDo(s, &shardFn{Shards: o.Shards}, lines)
	// Every shard number, so that an empty shard still gets its file.
	numbers := beam.ParDo(s, &shardNumbersFn{Shards: o.Shards}, beam.Impulse(s))
	grouped := beam.CoGroupByKey(s, keyed, numbers)
	return beam.ParDo(s, &writeFn{Output: o}, grouped)
}

// shardFn picks a line's shard: FNV-1a of its bytes, a fixed hash, so that a retried
// bundle sends each line where it went the first time.
type shardFn struct {
	Shards int
}

func (f *shardFn) ProcessElement(line string, emit func(int, string)) {
	h := fnv.New64a()
	io.WriteString(h, line)
	emit(int(h.Sum64()%uint64(f.Shards)), line)
}

type shardNumbersFn struct {
	Shards int
}

func (f *shardNumbersFn) ProcessElement(_ []byte, emit func(int, bool)) {
	for i := range f.Shards {
		emit(i, true)
	}
}

// writeFn writes one shard's file. Writing it again (a retried bundle) writes the same
// lines over it.
type writeFn struct {
	Output Output
}

func (f *writeFn) ProcessElement(ctx context.Context, shard int, lines func(*string) bool, _ func(*bool) bool) (string, error) {
	name := f.Output.ShardName(shard)
	fsys, err := filesystem.New(ctx, name)
	if err != nil {
		return "", fmt.Errorf("output %q: %w", name, err)
	}
	defer fsys.Close()
	file, err := fsys.OpenWrite(ctx, name)
	if err != nil {
		return "", fmt.Errorf("create %s: %w", name, err)
	}
	if err := writeLines(file, f.Output.Gzip, lines); err != nil {
		file.Close()
		return "", fmt.Errorf("write %s: %w", name, err)
	}
	// Closing commits the file on an object store: its error is the write's.
	if err := file.Close(); err != nil {
		return "", fmt.Errorf("write %s: %w", name, err)
	}
	return name, nil
}

func writeLines(file io.Writer, compress bool, lines func(*string) bool) error {
	var zw *gzip.Writer
	if compress {
		zw = gzip.NewWriter(file)
		file = zw
	}
	w := bufio.NewWriterSize(file, 256<<10)
	var line string
	for lines(&line) {
		w.WriteString(line)
		if err := w.WriteByte('\n'); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if zw != nil {
		return zw.Close()
	}
	return nil
}
