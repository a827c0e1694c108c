//go:build unix

package clustertest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/container/pool"

	"github.com/newspipe/newspipe/internal/benchcorpus"
)

// poolEnv, when set to PORT:BOOT, makes the test binary a worker pool instead of a test:
// the process that a portable runner asks to start SDK workers (Beam's EXTERNAL
// environment), each by running the Go SDK's boot loader BOOT, which fetches the staged
// worker binary from the runner and runs it. The Go SDK container does the same with
// --worker_pool, on a fixed port; here the port is free one, so that runs do not collide.
const poolEnv = "NEWSPIPE_CLUSTERTEST_WORKER_POOL"

func TestMain(m *testing.M) {
	if v := os.Getenv(poolEnv); v != "" {
		os.Exit(servePool(v))
	}
	os.Exit(m.Run())
}

func servePool(spec string) int {
	port, boot, ok := strings.Cut(spec, ":")
	n, err := strconv.Atoi(port)
	if !ok || err != nil {
		fmt.Fprintf(os.Stderr, "%s=%q: want PORT:BOOT\n", poolEnv, spec)
		return 2
	}
	// The pool ends with the test that started it, even one killed by go test's timeout.
	parent := os.Getppid()
	go func() {
		for range time.Tick(time.Second) {
			if os.Getppid() != parent {
				os.Exit(1)
			}
		}
	}()
	srv, err := pool.New(context.Background(), n, boot)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if err := srv.ServeAndWait(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// TestWorkersInSeparateProcesses runs newspipe-beam against Prism started as a job server
// (its own process), with the SDK workers started, as on Flink or Spark, by a worker pool
// (another process) through the Go SDK's boot loader, which fetches the worker binary that
// the submitting program staged on the job server. Inputs of every format go in; the
// records, sorted, must equal newspipe run's on the same files.
func TestWorkersInSeparateProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("builds four programs and runs a job across processes; skipped with -short")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is needed to build the programs:", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()

	began := time.Now()
	bin := buildPrograms(t, ctx, goCmd)
	t.Logf("programs built in %v", time.Since(began).Round(time.Millisecond))
	began = time.Now()
	in := t.TempDir()
	patterns := writeInputs(t, in)
	out := filepath.Join(t.TempDir(), "records")
	const shards = 3

	prismPort, poolPort := freePort(t), freePort(t)
	start(t, ctx, "prism", exec.CommandContext(ctx, bin.prism,
		"--job_port", strconv.Itoa(prismPort), "--serve_http=false", "--log_kind", "text",
		"--idle_shutdown_timeout", "5m"))
	waitListening(t, ctx, prismPort)

	staged := stagedLeftovers(t, filepath.Base(bin.worker))
	poolCmd := exec.CommandContext(ctx, os.Args[0])
	poolCmd.Env = append(os.Environ(), fmt.Sprintf("%s=%d:%s", poolEnv, poolPort, bin.boot))
	poolCmd.Dir = t.TempDir() // the boot loader writes the pipeline options into its working folder
	poolLog := start(t, ctx, "worker pool", poolCmd)
	waitListening(t, ctx, poolPort)

	submit := exec.CommandContext(ctx, bin.worker,
		"--runner", "universal",
		"--endpoint", fmt.Sprintf("localhost:%d", prismPort),
		"--environment_type", "EXTERNAL",
		"--environment_config", fmt.Sprintf("localhost:%d", poolPort),
		"--worker_binary", bin.worker,
		"--input", strings.Join(patterns, ","),
		"--output", out, "--shards", strconv.Itoa(shards), "--gzip",
		"--published", "2024-06-12")
	if b, err := submit.CombinedOutput(); err != nil {
		t.Fatalf("newspipe-beam: %v\n%s\nworker pool:\n%s", err, b, poolLog)
	}
	t.Logf("job ran in %v", time.Since(began).Round(time.Millisecond))
	staged.remove(t)
	if !strings.Contains(poolLog.String(), "starting worker") {
		t.Errorf("the worker pool started no worker: the job did not run in separate processes\n%s", poolLog)
	}

	var got []string
	for i := range shards {
		name := fmt.Sprintf("%s-%05d-of-%05d.jsonl.gz", out, i, shards)
		got = append(got, gunzipLines(t, name)...)
	}

	var paths []string
	for _, p := range patterns {
		m, err := filepath.Glob(p)
		if err != nil || len(m) == 0 {
			t.Fatalf("pattern %s: %v %v", p, m, err)
		}
		paths = append(paths, m...) // sorted, as Beam's match step sorts them
	}
	run := exec.CommandContext(ctx, bin.newspipe, append([]string{"run", "--published", "2024-06-12"}, paths...)...)
	var stderr bytes.Buffer
	run.Stderr = &stderr
	b, err := run.Output()
	if exit := (*exec.ExitError)(nil); err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) {
		t.Fatalf("newspipe run: %v\n%s", err, stderr.Bytes())
	}
	want := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")

	checkInputsExercised(t, want)
	slices.Sort(got)
	slices.Sort(want)
	if len(got) != len(want) {
		t.Fatalf("Beam wrote %d records, newspipe run %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("record %d differs:\nbeam %.400s\nrun  %.400s", i, got[i], want[i])
		}
	}
}

// checkInputsExercised fails the test when newspipe run's records lack what the inputs
// are there for: a record per format, an error record, and a line removed as a site repeat.
func checkInputsExercised(t *testing.T, records []string) {
	t.Helper()
	for _, s := range []string{`.txt"`, `.html"`, `.warc"`, `.jsonl.gz"`, `"error":{"stage":"`, "pages of this site", `"id":"batch~2"`, `"id":"batch~4"`, `"id":"000_92bbd93c5f6a1fd9~2"`} {
		if !slices.ContainsFunc(records, func(l string) bool { return strings.Contains(l, s) }) {
			t.Errorf("no record of newspipe run holds %s: the inputs do not exercise it", s)
		}
	}
}

// programs are the paths of the programs the test runs.
type programs struct {
	worker, newspipe, prism, boot string
}

// buildPrograms builds newspipe-beam (the submitting program and the worker binary it
// stages), newspipe, Prism and the Go SDK's boot loader; the last two are the beam
// module's tools, at the SDK version of its go.mod, cached by the go command.
func buildPrograms(t *testing.T, ctx context.Context, goCmd string) programs {
	t.Helper()
	dir, err := os.MkdirTemp("", "newspipe-clustertest-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	// The worker binary's name is the name it is staged under: one of its own.
	p := programs{worker: filepath.Join(dir, "newspipe-beam-"+filepath.Base(dir)), newspipe: filepath.Join(dir, "newspipe")}
	gorun := func(moduleDir string, args ...string) string {
		cmd := exec.CommandContext(ctx, goCmd, args...)
		cmd.Dir = moduleDir
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		b, err := cmd.Output()
		if err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
		}
		return strings.TrimSpace(string(b))
	}
	beamModule, root := filepath.Join("..", ".."), filepath.Join("..", "..", "..")
	gorun(beamModule, "build", "-o", p.worker, "./cmd/newspipe-beam")
	gorun(root, "build", "-o", p.newspipe, "./cmd/newspipe")
	p.prism = gorun(beamModule, "tool", "-n", "prism")
	p.boot = gorun(beamModule, "tool", "-n", "container")
	return p
}

// start starts cmd, stops it at the end of the test, and returns what it writes.
func start(t *testing.T, ctx context.Context, name string, cmd *exec.Cmd) *syncBuffer {
	t.Helper()
	out := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = out, out
	// Its own process group, so that the processes it starts stop with it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Start(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		cmd.Wait()
		if t.Failed() {
			t.Logf("%s wrote:\n%s", name, out)
		}
	})
	return out
}

// freePort returns a TCP port that was free a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skip("cannot listen on a local port:", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func waitListening(t *testing.T, ctx context.Context, port int) {
	t.Helper()
	addr := fmt.Sprintf("localhost:%d", port)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("nothing listens on %s: %v", addr, err)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// leftovers are the copies of the worker binary that the boot loader makes in /tmp (a
// path it fixes): /tmp/staged/N-NAME as fetched, and /tmp/binNNN/worker to run.
type leftovers struct {
	name   string
	before map[string]bool
}

func stagedLeftovers(t *testing.T, name string) *leftovers {
	t.Helper()
	dirs, _ := filepath.Glob("/tmp/bin*")
	before := map[string]bool{}
	for _, d := range dirs {
		before[d] = true
	}
	l := &leftovers{name: name, before: before}
	t.Cleanup(func() { l.remove(t) })
	return l
}

func (l *leftovers) remove(t *testing.T) {
	staged, _ := filepath.Glob("/tmp/staged/*-" + l.name)
	for _, f := range staged {
		os.Remove(f)
	}
	dirs, _ := filepath.Glob("/tmp/bin*")
	for _, d := range dirs {
		if l.before[d] {
			continue
		}
		entries, err := os.ReadDir(d)
		if err == nil && len(entries) == 1 && entries[0].Name() == "worker" {
			os.RemoveAll(d)
		}
	}
}

// writeInputs writes files of every input format into dir and returns the patterns that
// match them: texts and HTML pages of the corpus, JSON Lines (the corpus's feeds, and 21
// pages of 3 sites that share a line each), gzipped JSON Lines with a bad line and a
// repeated id, a WARC crawl, and files whose documents have the ids of earlier ones.
func writeInputs(t *testing.T, dir string) []string {
	t.Helper()
	corpus := filepath.Join("..", "..", "..", "corpus")
	for _, name := range []string{"000_92bbd93c5f6a1fd9.txt", "012_northfield_echo_derby.txt", "011_ledgerline_freight_earnings.html", "013_frontier_science_glacier.html", "feeds.jsonl"} {
		b, err := os.ReadFile(filepath.Join(corpus, name))
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dir, name), b)
	}
	write(t, filepath.Join(dir, "sites.jsonl"), sitePages(t, corpus, 21))

	batch := `{"id":"batch","text":"Officials met in Geneva on Monday.\n\nThe talks will resume next week."}` + "\n" +
		`{"id":"broken", "text": tru}` + "\n" +
		`{"id":"batch","html":"<p>A second document with the same id, as HTML.</p>"}` + "\n"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(batch))
	zw.Close()
	write(t, filepath.Join(dir, "batch.jsonl.gz"), gz.Bytes())
	// Ids met in earlier files: a text of the same name in another folder, and the JSON
	// lines' ids again.
	if err := os.Mkdir(filepath.Join(dir, "again"), 0o755); err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(filepath.Join(corpus, "000_92bbd93c5f6a1fd9.txt"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "again", "000_92bbd93c5f6a1fd9.txt"), text)
	write(t, filepath.Join(dir, "again", "batch.jsonl"), []byte(batch))

	page := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" +
		"<html><head><title>Port reopens</title></head><body><article><p>The port reopened on Tuesday after a two-day strike, officials said.</p></article></body></html>"
	write(t, filepath.Join(dir, "crawl.warc"), []byte("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/port\r\n"+
		"WARC-Date: 2024-03-05T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Type: application/http; msgtype=response\r\n"+
		fmt.Sprintf("Content-Length: %d\r\n\r\n", len(page))+page+"\r\n\r\n"))

	var patterns []string
	for _, p := range []string{"*.txt", "*.html", "*.jsonl*", "*.warc", "again/*"} {
		patterns = append(patterns, filepath.Join(dir, p))
	}
	return patterns
}

// sitePages returns n HTML pages of 3 sites as JSON Lines: variants of the corpus's
// articles, each with its site's blurb after its first paragraph.
func sitePages(t *testing.T, corpus string, n int) []byte {
	t.Helper()
	templates, err := benchcorpus.LoadDir(corpus)
	if err != nil {
		t.Fatal(err)
	}
	templates = slices.DeleteFunc(templates, func(x benchcorpus.Template) bool { return x.Kind != benchcorpus.HTML })
	blurbs := map[string]string{
		"herald.example":  "Sign up for the Morning Herald briefing and get the day's most important stories in your inbox.",
		"courier.example": "Support local journalism: subscribe to the Courier for unlimited access to every story we publish.",
		"ledger.example":  "The Ledger's markets newsletter arrives every weekday before the opening bell; register for free.",
	}
	hosts := []string{"herald.example", "courier.example", "ledger.example"}
	rng := rand.New(rand.NewPCG(20, 12))
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for i := range n {
		host := hosts[i%len(hosts)]
		page := benchcorpus.Vary(templates[(i/len(hosts))%len(templates)], rng)
		if j := strings.Index(page, "</p>"); j >= 0 {
			page = page[:j+4] + "\n<p>" + blurbs[host] + "</p>" + page[j+4:]
		}
		err := enc.Encode(map[string]string{
			"id":   fmt.Sprintf("%s-%02d", strings.TrimSuffix(host, ".example"), i),
			"url":  fmt.Sprintf("https://www.%s/news/2024/story-%02d", host, i),
			"html": page,
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return b.Bytes()
}

// syncBuffer collects what a process writes on its standard output and error.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func write(t *testing.T, name string, b []byte) {
	t.Helper()
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func gunzipLines(t *testing.T, name string) []string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatalf("shard: %v", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("shard %s: %v", name, err)
	}
	var lines []string
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("shard %s: %v", name, err)
	}
	if _, err := io.Copy(io.Discard, zr); err != nil {
		t.Fatalf("shard %s: %v", name, err)
	}
	return lines
}
