package benchcorpus

import (
	"context"
	"io"
	"path/filepath"
	"testing"
	"time"

	"newspipe/document"
	"newspipe/pipeline"
	"newspipe/stages"
	"newspipe/stages/ingest"
	"newspipe/stages/output"
)

// benchmarkPipeline runs the whole pipeline, site-repeats pre-pass included, over
// generated articles of one kind, with one worker: run it with -cpuprofile to see where
// the time goes.
func benchmarkPipeline(b *testing.B, kind Kind) {
	templates, err := LoadDir(filepath.Join("..", "..", "corpus"))
	if err != nil {
		b.Skip("no bundled corpus:", err)
	}
	var mine []Template
	for _, t := range templates {
		if t.Kind == kind {
			mine = append(mine, t)
		}
	}
	c, err := Write(b.TempDir(), mine, Options{Size: 1 << 20, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	files := c.Text.Files
	if kind == HTML {
		files = c.HTML.Files
	}
	set, err := stages.New()
	if err != nil {
		b.Fatal(err)
	}
	reader := &ingest.Reader{}
	src := func(ctx context.Context, emit func(*document.Document) error) error {
		return reader.Read(ctx, files, emit)
	}
	ctx := context.Background()
	b.ResetTimer()
	var raw int64
	for range b.N {
		opt := stages.Options{Workers: 1, Published: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)}
		if opt.Repeats, err = set.IndexRepeats(ctx, src, 1); err != nil {
			b.Fatal(err)
		}
		w := output.NewLines(io.Discard)
		st, err := pipeline.Run(ctx, src, set.Stages(opt), func(d *document.Document) error { return w.Write(&d.Record) }, pipeline.Options{})
		if err != nil {
			b.Fatal(err)
		}
		raw = st.Source.Bytes()
	}
	b.SetBytes(raw)
}

func BenchmarkPipelineText(b *testing.B) { benchmarkPipeline(b, Text) }
func BenchmarkPipelineHTML(b *testing.B) { benchmarkPipeline(b, HTML) }
