// Command newspipe-beam runs newspipe on an Apache Beam runner: Prism on this machine, or
// Dataflow, Flink or Spark, with no source edit: it carries those runners and the local,
// Google Cloud Storage (gs://) and Amazon S3 (s3://) file systems.
//
//	newspipe-beam --runner prism --input 'shards/*.jsonl' --output out/records --shards 4
//
// writes out/records-00000-of-00004.jsonl ... out/records-00003-of-00004.jsonl, one JSON
// record per input document, the records newspipe run writes for the same files.
package main

import (
	"context"
	"flag"
	"log"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/dataflow"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/flink"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/spark"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/universal"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/newspipe/newspipe/beam/annotate"
)

var (
	input       = flag.String("input", "", "comma-separated file paths or glob patterns of articles (text, HTML, .jsonl, .warc, .gz), local or gs:// or s3://")
	output      = flag.String("output", "", "prefix of the output files: PREFIX-SSSSS-of-NNNNN.jsonl, one JSON line per input document")
	shards      = flag.Int("shards", 1, "number of output files")
	gzipOut     = flag.Bool("gzip", false, "gzip the output files (.jsonl.gz)")
	published   = flag.String("published", "", "reference date (YYYY-MM-DD) for articles whose publication date is unknown")
	maxBytes    = flag.Int64("max-bytes", 0, "largest document accepted, in bytes (0: newspipe's default, 10 MB)")
	siteRepeats = flag.Bool("site-repeats", true, "remove body lines that recur on 3 or more pages of the same site (URL host, or input folder), as newspipe run does")
)

func main() {
	flag.Parse()
	beam.Init()
	if *input == "" || *output == "" {
		log.Fatal("newspipe-beam: --input and --output are required")
	}
	if *shards < 1 {
		log.Fatal("newspipe-beam: --shards must be at least 1")
	}
	p, s := beam.NewPipelineWithRoot()
	records := annotate.Annotate(s, strings.Split(*input, ","), annotate.Options{Published: *published, MaxBytes: *maxBytes, SiteRepeats: *siteRepeats})
	annotate.Write(s, annotate.Output{Prefix: *output, Shards: *shards, Gzip: *gzipOut}, records)
	if err := beamx.Run(context.Background(), p); err != nil {
		log.Fatalf("newspipe-beam: %v", err)
	}
}
