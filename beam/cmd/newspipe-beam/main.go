// Command newspipe-beam runs newspipe on an Apache Beam runner: Prism on this machine,
// or Flink, Spark or Dataflow through their job services.
//
//	newspipe-beam --runner prism --input 'shards/*.jsonl' --output out/records.jsonl
package main

import (
	"context"
	"flag"
	"log"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/universal"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/newspipe/newspipe/beam/annotate"
)

var (
	input     = flag.String("input", "", "comma-separated file paths or glob patterns of articles (text, HTML, .jsonl, .warc, .gz)")
	output    = flag.String("output", "", "file to write the records to, one JSON line per input document")
	published = flag.String("published", "", "reference date (YYYY-MM-DD) for articles whose publication date is unknown")
	maxBytes  = flag.Int64("max-bytes", 0, "largest document accepted, in bytes (0: newspipe's default, 10 MB)")
)

func main() {
	flag.Parse()
	beam.Init()
	if *input == "" || *output == "" {
		log.Fatal("newspipe-beam: --input and --output are required")
	}
	p, s := beam.NewPipelineWithRoot()
	paths := beam.CreateList(s, strings.Split(*input, ","))
	records := annotate.Annotate(s, paths, annotate.Options{Published: *published, MaxBytes: *maxBytes})
	textio.Write(s, *output, records)
	if err := beamx.Run(context.Background(), p); err != nil {
		log.Fatalf("newspipe-beam: %v", err)
	}
}
