package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/newspipe/newspipe/internal/benchcorpus"
)

// benchReport is everything the table shows.
type benchReport struct {
	corpus  *benchcorpus.Corpus
	reused  bool
	genTime time.Duration
	genRSS  int64
	// startRSS is the resident size before any work: the binary and its embedded models.
	startRSS int64
	rounds   int
	runs     []benchRun // the median round of each kind and worker count
	prose    baseline
	trafi    baseline
	repeats  bool
}

// roundsNote lists the figure of every round after the median, when there are several.
func roundsNote(figures []float64, format string) string {
	if len(figures) < 2 {
		return ""
	}
	parts := make([]string, len(figures))
	for i, f := range figures {
		parts[i] = fmt.Sprintf(format, f)
	}
	return " (rounds: " + strings.Join(parts, ", ") + ")"
}

func writeBenchTable(w io.Writer, r benchReport) error {
	if r.rounds > 1 {
		fmt.Fprintf(w, "Speeds and ratios are the median of %d rounds (each round's figure in brackets); memory is the largest of any round.\n\n", r.rounds)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	row := func(measure, figure, goal string) { fmt.Fprintf(tw, "%s\t%s\t%s\n", measure, figure, goal) }
	row("measure", "figure", "goal")
	gen := fmt.Sprintf("generated in %s", r.genTime.Round(time.Millisecond))
	if r.reused {
		gen = "reused from --dir"
	}
	for _, s := range []struct {
		kind string
		set  benchcorpus.Set
	}{{"text", r.corpus.Text}, {"HTML", r.corpus.HTML}} {
		row(fmt.Sprintf("corpus, %s", s.kind), fmt.Sprintf("%s in %d shards, %d docs (%s of articles)", humanSize(s.set.Bytes), len(s.set.Files), s.set.Docs, humanSize(s.set.RawBytes)), gen)
	}
	row("process RSS at start (binary, embedded models)", rssString(r.startRSS), "")
	row("corpus generation, peak RSS", rssString(r.genRSS), fmt.Sprintf("<= %.0f MB", goalPeakRSSMB))

	one := map[benchcorpus.Kind]benchRun{}
	for _, run := range r.runs {
		if _, ok := one[run.kind]; !ok || run.workers == 1 {
			one[run.kind] = run
		}
	}
	pre := ""
	if r.repeats {
		pre = " (incl. site-repeats pre-pass)"
	}
	for _, run := range r.runs {
		k := string(run.kind)
		mbGoal := ""
		if run.kind == benchcorpus.Text && run.workers == 1 {
			mbGoal = fmt.Sprintf(">= %.0f MB/s", goalMBps)
		}
		row(fmt.Sprintf("%s, whole pipeline%s, %d worker(s)", k, pre, run.workers), fmt.Sprintf("%.2f MB/s", run.mbps())+roundsNote(run.roundMBps, "%.2f"), mbGoal)
		row(fmt.Sprintf("%s, whole pipeline, %d worker(s)", k, run.workers), fmt.Sprintf("%.0f docs/s", run.docsps()), "")
		if run.prepass > 0 {
			main := run.wall - run.prepass
			row(fmt.Sprintf("%s, main run without pre-pass, %d worker(s)", k, run.workers),
				fmt.Sprintf("%.2f MB/s, %.0f docs/s", float64(run.bytes)/1e6/main.Seconds(), float64(run.docs)/main.Seconds()), "")
			row(fmt.Sprintf("%s, site-repeats pre-pass share of wall time", k), fmt.Sprintf("%.1f%%", 100*run.prepass.Seconds()/run.wall.Seconds()), "")
		}
		if b, ok := one[run.kind]; ok && run.workers > b.workers {
			x, rounds := scaling(b, run)
			row(fmt.Sprintf("%s, scaling %d->%d workers", k, b.workers, run.workers), fmt.Sprintf("%.2fx", x)+roundsNote(rounds, "%.2fx"), fmt.Sprintf(">= %.1fx", 0.9*float64(run.workers)/float64(b.workers)))
		}
		rss := rssString(run.peakRSS)
		if !run.rssIsReal && run.peakRSS >= 0 {
			rss += " (process peak so far)"
		}
		row(fmt.Sprintf("%s, peak RSS, %d worker(s)", k, run.workers), rss, fmt.Sprintf("<= %.0f MB", goalPeakRSSMB))
		row(fmt.Sprintf("%s, peak Go heap (sampled), %d worker(s)", k, run.workers), humanSize(int64(run.peakHeap)), "")
		if run.prepass > 0 {
			row(fmt.Sprintf("%s, live heap held by the site-repeats index", k), humanSize(run.indexHeap), "")
		}
		if run.failed > 0 {
			row(fmt.Sprintf("%s, failed documents, %d worker(s)", k, run.workers), fmt.Sprint(run.failed), "0")
		}
	}
	if r.prose.docs > 0 {
		p := float64(r.prose.bytes) / 1e3 / r.prose.took.Seconds()
		row(fmt.Sprintf("prose/v2 baseline, text (%s, %d docs)", humanSize(r.prose.bytes), r.prose.docs), fmt.Sprintf("%.1f KB/s", p)+roundsNote(rates(r.prose, float64(r.prose.bytes)/1e3), "%.1f"), "")
		if run, ok := one[benchcorpus.Text]; ok {
			row(fmt.Sprintf("newspipe / prose/v2, text, %d worker(s)", run.workers), fmt.Sprintf("%.0fx", run.mbps()*1e3/p), fmt.Sprintf(">= %.0fx", goalProseRatio))
		}
	}
	if _, ok := one[benchcorpus.HTML]; ok && r.trafi.docs == 0 {
		row("go-trafilatura baseline, HTML", "not measured: needs -tags trafilatura or --trafilatura-bin (make bench)", "")
	}
	if r.trafi.docs > 0 {
		t := float64(r.trafi.docs) / r.trafi.took.Seconds()
		row(fmt.Sprintf("go-trafilatura baseline, HTML (%d pages)", r.trafi.docs), fmt.Sprintf("%.0f pages/s, %.2f MB/s", t, float64(r.trafi.bytes)/1e6/r.trafi.took.Seconds())+roundsNote(rates(r.trafi, float64(r.trafi.docs)), "%.0f"), "")
		if run, ok := one[benchcorpus.HTML]; ok {
			row(fmt.Sprintf("newspipe whole pipeline / trafilatura, HTML, %d worker(s)", run.workers), fmt.Sprintf("%.2fx", run.docsps()/t), fmt.Sprintf(">= %.1fx", goalTrafiRatio))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	// Each stage's share of the busy time, per run.
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "stage share of busy time\t")
	for _, run := range r.runs {
		fmt.Fprintf(tw, "%s/%dw\t", run.kind, run.workers)
	}
	fmt.Fprintln(tw)
	if len(r.runs) > 0 && r.runs[0].stats != nil {
		names := []string{}
		if r.repeats {
			names = append(names, "(pre-pass)")
		}
		for i := range r.runs[0].stats.Stages {
			names = append(names, r.runs[0].stats.Stages[i].Name)
		}
		for _, name := range names {
			fmt.Fprintf(tw, "%s\t", name)
			for _, run := range r.runs {
				fmt.Fprintf(tw, "%.1f%%\t", 100*stageShare(run, name))
			}
			fmt.Fprintln(tw)
		}
	}
	return tw.Flush()
}

// rates returns amount per second for each round of a baseline.
func rates(b baseline, amount float64) []float64 {
	out := make([]float64, len(b.roundTook))
	for i, d := range b.roundTook {
		out[i] = amount / d.Seconds()
	}
	return out
}

// stageShare is a stage's share of the busy time of a run, the pre-pass counted as
// busy for its wall time times the worker count.
func stageShare(run benchRun, name string) float64 {
	if run.stats == nil {
		return 0
	}
	pre := time.Duration(run.workers) * run.prepass
	total := pre
	var mine time.Duration
	if name == "(pre-pass)" {
		mine = pre
	}
	for i := range run.stats.Stages {
		b := run.stats.Stages[i].Busy()
		total += b
		if run.stats.Stages[i].Name == name {
			mine = b
		}
	}
	if total == 0 {
		return 0
	}
	return float64(mine) / float64(total)
}

// humanSize prints a byte count in binary units.
func humanSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.2f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

func rssString(n int64) string {
	if n < 0 {
		return "n/a"
	}
	return humanSize(n)
}
