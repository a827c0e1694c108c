package pipeline

import (
	"fmt"
	"io"
	"sync/atomic"
	"text/tabwriter"
	"time"
)

// Stats counts what each stage of a run did.
type Stats struct {
	// Source counts the items the source produced and their bytes.
	Source StageStats
	// Stages holds one entry per stage, in pipeline order.
	Stages []StageStats
	// Left are the items the source read but left out, by reason, for the table: the
	// caller fills them in ("skipped record: images"); they follow the source's row.
	Left []Count
}

// Count is a number of items of one kind.
type Count struct {
	Name string
	N    int
}

// StageStats counts the items one stage processed, their bytes after the stage and the
// time its workers spent on them. Counters are atomic: every worker adds to them.
type StageStats struct {
	Name  string
	items atomic.Int64
	bytes atomic.Int64
	busy  atomic.Int64 // nanoseconds
}

func newStats(names []string) *Stats {
	s := &Stats{Source: StageStats{Name: "source"}, Stages: make([]StageStats, len(names))}
	for i, name := range names {
		s.Stages[i].Name = name
	}
	return s
}

func (s *StageStats) add(size int, d time.Duration) {
	s.items.Add(1)
	s.bytes.Add(int64(size))
	s.busy.Add(int64(d))
}

// Items is the number of items the stage processed.
func (s *StageStats) Items() int { return int(s.items.Load()) }

// Bytes is the total size of the items after the stage.
func (s *StageStats) Bytes() int64 { return s.bytes.Load() }

// Busy is the time the stage's workers spent processing, summed over workers.
func (s *StageStats) Busy() time.Duration { return time.Duration(s.busy.Load()) }

// Write prints the statistics as a table: items, bytes and busy time per stage, with each
// stage's share of the total busy time, and the items the source left out.
func (s *Stats) Write(w io.Writer, wall time.Duration) error {
	var total time.Duration
	for i := range s.Stages {
		total += s.Stages[i].Busy()
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "stage\tdocs\tbytes\tbusy\tshare\t\n")
	fmt.Fprintf(tw, "%s\t%d\t%d\t\t\t\n", s.Source.Name, s.Source.Items(), s.Source.Bytes())
	for _, c := range s.Left {
		fmt.Fprintf(tw, "%s\t%d\t\t\t\t\n", c.Name, c.N)
	}
	for i := range s.Stages {
		st := &s.Stages[i]
		share := 0.0
		if total > 0 {
			share = 100 * float64(st.Busy()) / float64(total)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%.1f%%\t\n", st.Name, st.Items(), st.Bytes(), st.Busy().Round(time.Microsecond), share)
	}
	fmt.Fprintf(tw, "wall\t\t\t%s\t\t\n", wall.Round(time.Microsecond))
	return tw.Flush()
}
