package report_test

import (
	"bytes"
	"context"
	"flag"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/internal/report"
	"github.com/newspipe/newspipe/stages"
	"github.com/newspipe/newspipe/stages/ingest"
)

// screenshot, when set, is where TestBrowser also saves its screenshot: the README's
// picture is made with
//
//	go test ./internal/report -run TestBrowser -screenshot ../../docs/report.png -window 1280,1400
var (
	screenshot = flag.String("screenshot", "", "also save the browser test's screenshot to `FILE`")
	window     = flag.String("window", "1280,2000", "browser window `WIDTH,HEIGHT` for the screenshot")
)

// corpusReport runs the pipeline over the bundled corpus, as newspipe report does, and
// returns the page.
func corpusReport(t *testing.T) []byte {
	t.Helper()
	models, err := stages.Load()
	if err != nil {
		t.Fatal(err)
	}
	reader := &ingest.Reader{}
	src := func(ctx context.Context, emit func(*document.Document) error) error {
		return reader.Read(ctx, []string{"corpus"}, emit)
	}
	batch := stages.Batch{Options: stages.Options{Review: true, Workers: 1}, Source: src, Prepass: src}
	var docs []report.Doc
	_, err = models.Run(context.Background(), batch, func(o stages.Outcome) error {
		docs = append(docs, report.Doc{Record: *stages.Record(o), Lines: stages.Review(o)})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 3 {
		t.Fatalf("corpus gave %d documents, want the bundled articles", len(docs))
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, docs); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// chromium returns the path of a Chromium-like browser, or skips the test.
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium, chromium-browser or google-chrome on PATH: install Debian's chromium to run the browser test")
	return ""
}

// browse runs the headless browser on page with extra flags and returns its standard output.
func browse(t *testing.T, bin, page string, extra ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir()}
	args = append(append(args, extra...), "file://"+page)
	cmd := exec.CommandContext(ctx, bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, stderr.String())
	}
	return stdout.Bytes()
}

func TestBrowser(t *testing.T) {
	bin := chromium(t)
	save, err := filepath.Abs(*screenshot) // before the working directory changes
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir("../..")
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, corpusReport(t), 0o644); err != nil {
		t.Fatal(err)
	}

	// The DOM as the browser built it: the highlights must have survived parsing.
	dom := string(browse(t, bin, page, "--dump-dom"))
	for _, want := range []string{`class="ent ent-PERSON"`, `class="ent ent-ORG"`, `class="ent ent-GPE"`, `class="date"`, `class="line removed"`, `id="filter"`} {
		if n := strings.Count(dom, want); n == 0 {
			t.Errorf("browser DOM has no %s", want)
		}
	}

	shot := filepath.Join(dir, "report.png")
	browse(t, bin, page, "--screenshot="+shot, "--window-size="+*window, "--hide-scrollbars")
	data, err := os.ReadFile(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	colours := map[uint32]bool{}
	nonWhite, total := 0, 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			colours[r>>11<<10|g>>11<<5|bl>>11] = true
			if r < 0xf000 || g < 0xf000 || bl < 0xf000 {
				nonWhite++
			}
			total++
		}
	}
	// Text, table borders and five highlight colours give far more than a blank page's one.
	if len(colours) < 50 || nonWhite < total/50 {
		t.Errorf("screenshot looks blank: %d distinct colours, %d of %d pixels not white", len(colours), nonWhite, total)
	}
	if *screenshot != "" {
		if err := os.WriteFile(save, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
