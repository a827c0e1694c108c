package benchcorpus

import (
	"context"
	"io"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/stages"
	"github.com/newspipe/newspipe/stages/ingest"
	"github.com/newspipe/newspipe/stages/output"
)

// benchmarkPipeline runs the whole pipeline as newspipe run does, site-repeats pre-pass included, over
// generated articles of one kind, with as many workers per stage as -cpu gives cores
// (GOMAXPROCS): run it with -cpuprofile to see where the time goes, and with -cpu 1,2
// to see how it scales.
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
	models, err := stages.Load()
	if err != nil {
		b.Fatal(err)
	}
	reader, prepassReader := &ingest.Reader{}, &ingest.Reader{NoHash: true} // as newspipe run reads them
	src := func(ctx context.Context, emit func(*document.Document) error) error {
		return reader.Read(ctx, files, emit)
	}
	prepassSrc := func(ctx context.Context, emit func(*document.Document) error) error {
		return prepassReader.Read(ctx, files, emit)
	}
	ctx := context.Background()
	workers := runtime.GOMAXPROCS(0)
	b.ResetTimer()
	var raw int64
	for range b.N {
		w := output.NewLines(io.Discard)
		batch := stages.Batch{
			Options: stages.Options{Workers: workers, Published: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), EncodeJSON: true},
			Source:  src, Prepass: prepassSrc,
		}
		st, err := models.Run(ctx, batch, func(o stages.Outcome) error {
			line, err := stages.JSON(o)
			if err != nil {
				return err
			}
			return w.WriteLine(line)
		})
		if err != nil {
			b.Fatal(err)
		}
		raw = st.Source.Bytes()
	}
	b.SetBytes(raw)
}

func BenchmarkPipelineText(b *testing.B) { benchmarkPipeline(b, Text) }
func BenchmarkPipelineHTML(b *testing.B) { benchmarkPipeline(b, HTML) }
