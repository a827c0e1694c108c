package annotate

import (
	"context"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/transforms/stats"

	"github.com/newspipe/newspipe/stages"
	"github.com/newspipe/newspipe/stages/repeats"
)

func init() {
	register.DoFn3x0[context.Context, Doc, func(uint64, Lines)](&pageFn{})
	register.Function2x1[Lines, Lines, Lines](sameLines)
	register.Function3x0[uint64, Lines, func(uint64)](eachKey)
	register.Function3x0[uint64, int, func(uint64, int)](keepRepeated)
	register.Function2x0[[]byte, func(uint64, int)](noCounts)
	register.Emitter2[uint64, Lines]()
	register.Emitter1[uint64]()
	register.Emitter2[uint64, int]()
}

// Lines is what site-repeats counting keeps of a page: the keys of its distinct lines
// (repeats.Page.Keys), each a hash of the site and the folded line.
type Lines struct {
	Keys []uint64
}

// SiteCounts counts, for every line of every site, the pages of that site that hold it,
// across the whole input, as newspipe run's site-repeats pre-pass does: the same site
// (URL host, or the file's folder), the same line hashing, a page read twice counted
// once. It returns a PCollection of KV<uint64, int>, the lines' keys and counts, keeping
// only the lines that count as repeated (repeats.DefaultMinDocs pages or more): the side
// input of the cleaning step, small beside the input.
func SiteCounts(s beam.Scope, docs beam.PCollection) beam.PCollection {
	s = s.Scope("newspipe.SiteCounts")
	pages := beam.ParDo(s, &pageFn{}, docs)
	// One copy of each page, by its fingerprint: combined on the workers before the shuffle.
	distinct := beam.CombinePerKey(s, sameLines, pages)
	keys := beam.ParDo(s, eachKey, distinct)
	return beam.ParDo(s, keepRepeated, stats.Count(s, keys))
}

// pageFn gives the fingerprint and line keys of a document, as the pre-pass computes
// them (stages.RepeatsPage). Documents that cannot be read or decoded give nothing, as
// in the pre-pass: their error records come from the annotating step.
type pageFn struct{}

func (f *pageFn) ProcessElement(ctx context.Context, x Doc, emit func(uint64, Lines)) {
	if x.ErrorStage != "" {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, stages.DefaultTimeout)
	defer cancel()
	p, err := stages.RepeatsPage(ctx, x.document())
	if err != nil || len(p.Keys()) == 0 || ctx.Err() != nil {
		return
	}
	emit(p.Fingerprint(), Lines{Keys: p.Keys()})
}

// sameLines keeps one of two pages with the same fingerprint, which have the same lines.
func sameLines(a, _ Lines) Lines { return a }

func eachKey(_ uint64, p Lines, emit func(uint64)) {
	for _, k := range p.Keys {
		emit(k)
	}
}

// keepRepeated passes on the lines that count as repeated: the others would count 0.
func keepRepeated(key uint64, pages int, emit func(uint64, int)) {
	if pages >= repeats.DefaultMinDocs {
		emit(key, pages)
	}
}

// noCounts emits nothing: the counts side input of a run without site repeats.
func noCounts(_ []byte, _ func(uint64, int)) {}

// repeatsIndex builds the index that the clean stage asks, from SiteCounts' counts, or
// returns nil when there are none (a run without site repeats).
func repeatsIndex(counts func(*uint64, *int) bool) *repeats.Index {
	var idx *repeats.Index
	var key uint64
	var n int
	for counts(&key, &n) {
		if idx == nil {
			idx = repeats.NewIndex(repeats.DefaultMinDocs)
		}
		idx.SetCount(key, n)
	}
	return idx
}
