// Package annotate runs newspipe's stages as an Apache Beam pipeline, for batches too
// large for one machine: file patterns in, on any of Beam's file systems; one JSON record
// per input document out, written in shards.
//
// Read matches the patterns and reads each file on the worker it is shuffled to, SiteCounts
// counts the lines repeated across each site's pages over the whole input, and Annotate
// runs every stage on each document with those counts, giving the records newspipe run
// gives. Write writes them in shards.
package annotate

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/newspipe/newspipe/stages"
	"github.com/newspipe/newspipe/stages/repeats"
)

func init() {
	register.DoFn5x1[context.Context, Doc, func(*uint64, *int) bool, func(*DocID) bool, func(string), error](&annotateFn{})
	register.Iter2[uint64, int]()
}

// Options configure Annotate.
type Options struct {
	// Published is the reference date (YYYY-MM-DD) for documents whose own date is
	// unknown; empty means none, as with newspipe run --published.
	Published string
	// MaxBytes is the largest document accepted; 0 means newspipe's default (10 MB).
	MaxBytes int64
	// SiteRepeats removes body lines that recur on 3 or more pages of the same site
	// across the whole input, as newspipe run --site-repeats (its default) does.
	SiteRepeats bool
}

// Annotate reads every document of the files that patterns match (paths or globs, see
// Read) and returns a PCollection of strings: each document's record as one JSON line,
// the bytes newspipe run writes for it with the same options given the matched files in
// the same order (patterns in order, each one's files in lexical order). A document that
// cannot be read or processed gives an error record, so every input document yields one
// line. The lines are in no particular order.
func Annotate(s beam.Scope, patterns []string, opt Options) beam.PCollection {
	s = s.Scope("newspipe.Annotate")
	docs := Read(s, patterns, opt.MaxBytes)
	var counts beam.PCollection
	if opt.SiteRepeats {
		counts = SiteCounts(s, docs)
	} else {
		counts = beam.ParDo(s, noCounts, beam.Impulse(s))
	}
	return beam.ParDo(s, &annotateFn{Published: opt.Published}, docs,
		beam.SideInput{Input: counts}, beam.SideInput{Input: Renames(s, docs)})
}

// annotateFn runs every stage on one document, as newspipe run does with its default
// per-document timeout. The models load once per worker process (processModels); the side
// inputs, the site counts and the renamed ids, are read on each instance's first document.
type annotateFn struct {
	Published string

	models  *stages.Models
	ref     time.Time
	read    bool             // the side inputs are read
	index   *repeats.Index   // nil when there are no counts
	renamed map[DocID]string // new ids by DocID without its ID
}

func (f *annotateFn) Setup() error {
	if f.Published != "" {
		ref, err := time.Parse("2006-01-02", f.Published)
		if err != nil {
			return fmt.Errorf("published %q: want YYYY-MM-DD", f.Published)
		}
		f.ref = ref
	}
	models, err := processModels()
	if err != nil {
		return fmt.Errorf("load newspipe models: %w", err)
	}
	f.models = models
	return nil
}

// processModels loads the models once per worker process, for every annotating DoFn
// instance in it: a runner makes an instance for each bundle it runs at the same time,
// and each would otherwise load the models again (about a second, and the entity
// model's memory, apiece). A stages.Models is read-only and safe for concurrent use.
var processModels = sync.OnceValues(stages.Load)

func (f *annotateFn) ProcessElement(ctx context.Context, x Doc, counts func(*uint64, *int) bool, renames func(*DocID) bool, emit func(string)) error {
	// The side inputs are the same for every element (one global window), so they are read once.
	if !f.read {
		f.index = repeatsIndex(counts)
		f.renamed = map[DocID]string{}
		var r DocID
		for renames(&r) {
			id := r.ID
			r.ID = ""
			f.renamed[r] = id
		}
		f.read = true
	}
	if id, ok := f.renamed[DocID{Input: x.Input, Path: x.Path, Position: x.Position}]; ok {
		x.ID = id
	}
	opt := stages.Options{Published: f.ref, Repeats: f.index}
	ctx, cancel := context.WithTimeout(ctx, stages.DefaultTimeout)
	defer cancel()
	b, err := stages.JSON(f.models.Annotate(ctx, x.document(), opt))
	if err != nil {
		return err
	}
	emit(string(b))
	return nil
}
