package stages

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/record"
)

var loadModels = sync.OnceValues(Load)

func process(t *testing.T, raw, hint string) *Annotated {
	t.Helper()
	models, err := loadModels()
	if err != nil {
		t.Fatal(err)
	}
	d := &document.Document{Raw: []byte(raw), FormatHint: hint}
	d.Record.ID = "t"
	o := models.Annotate(context.Background(), d, Options{Published: time.Date(2018, 6, 10, 0, 0, 0, 0, time.UTC)})
	return &Annotated{Record: *Record(o)}
}

func TestProcessErrors(t *testing.T) {
	tests := []struct {
		name, raw, hint, stage, message string
	}{
		{"empty file", "", "", "decode", "empty document"},
		{"white space only", " \n\t\r\n ", "", "decode", "empty document: only white space"},
		{"PNG", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "", "decode", "not text: looks like a PNG image"},
		{"HTML with only scripts and styles", "<html><head><style>p{}</style></head><body><script>var a=1;</script></body></html>", "", "parse", "empty document: no visible text"},
		{"invisible characters only", "\u200b\u200b\ufeff\n\u00ad", "", "parse", "empty document: no visible text"},
	}
	for _, tt := range tests {
		d := process(t, tt.raw, tt.hint)
		if d.Record.Error == nil {
			t.Errorf("%s: no error record", tt.name)
			continue
		}
		if d.Record.Error.Stage != tt.stage || d.Record.Error.Message != tt.message {
			t.Errorf("%s: error %s: %q, want %s: %q", tt.name, d.Record.Error.Stage, d.Record.Error.Message, tt.stage, tt.message)
		}
	}
}

func TestNoTextKeepsMetadata(t *testing.T) {
	tests := []struct {
		name, raw string
		want      record.Record
	}{
		{"page written by scripts", `<html><head><title>Storm closes schools | Planet</title>
			<link rel="canonical" href="https://planet.example/storm">
			<script type="application/ld+json">{"@type":"NewsArticle","headline":"Storm closes schools",
			"author":{"@type":"Person","name":"Joe Kindness"},"datePublished":"2024-01-23T08:00:00Z"}</script>
			</head><body><div id="root"></div><script>render()</script></body></html>`,
			record.Record{Title: "Storm closes schools", Authors: []string{"Joe Kindness"},
				Published: "2024-01-23T08:00:00Z", Source: record.Source{URL: "https://planet.example/storm", Format: "html"}}},
		{"page without metadata", "<html><body><script>render()</script></body></html>",
			record.Record{Source: record.Source{Format: "html"}}},
	}
	for _, tt := range tests {
		r := process(t, tt.raw, "").Record
		if r.Error == nil || r.Error.Stage != "parse" || r.Error.Message != "empty document: no visible text" {
			t.Errorf("%s: error %+v, want parse: empty document: no visible text", tt.name, r.Error)
			continue
		}
		got := record.Record{Title: r.Title, Authors: r.Authors, Site: r.Site, Published: r.Published, Source: r.Source}
		got.Source.Path, got.Source.SHA256 = "", ""
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
	}
	if err := error(&NoTextError{}); !errors.Is(err, ErrEmpty) {
		t.Errorf("NoTextError does not wrap ErrEmpty")
	}
}

func TestNoArticleTextWarns(t *testing.T) {
	tests := []struct {
		name, raw string
		warn      bool
	}{
		{"a number", "42", true},
		{"only emoji", "😀🎉🎊", true},
		{"an article", "The city council in Riverton approved a new budget yesterday after a long debate about library hours.\n\n" +
			"Mayor Ann Lee said the plan, which takes effect on July 1, keeps taxes steady for the third year in a row.\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := process(t, tt.raw, "").Record
			if r.Error != nil {
				t.Fatalf("error record: %+v", r.Error)
			}
			if got := slices.Contains(r.Warnings, noArticleText); got != tt.warn || got != (r.Text == "") {
				t.Errorf("text %q, warnings %q: want the no-text warning %v", r.Text, r.Warnings, tt.warn)
			}
			if tt.warn && len(r.Removed) == 0 {
				t.Errorf("no text and no removed line")
			}
		})
	}
}

func TestProcessArticle(t *testing.T) {
	raw := "Council approves budget\n\nBy Jane Doe | June 9, 2018\n\n" +
		"The city council in Riverton approved a new budget yesterday after a long debate about library hours.\n\n" +
		"Mayor Ann Lee said the plan, which takes effect on July 1, keeps taxes steady for the third year in a row.\n\n" +
		"Subscribe to our newsletter\n"
	d := process(t, raw, "")
	r := d.Record
	if r.Error != nil {
		t.Fatalf("error: %v", r.Error)
	}
	if r.Source.Format != "text" || r.Title != "Council approves budget" || r.Published != "2018-06-09" || r.Language != "en" {
		t.Errorf("metadata: format %q title %q published %q language %q", r.Source.Format, r.Title, r.Published, r.Language)
	}
	if strings.Contains(r.Text, "Subscribe") || !strings.Contains(r.Text, "keeps taxes steady") {
		t.Errorf("text: %q", r.Text)
	}
	var yesterday string
	for _, dt := range r.Dates {
		if dt.Text == "yesterday" {
			yesterday = dt.Value
		}
	}
	if yesterday != "2018-06-08" {
		t.Errorf("yesterday resolved to %q against the byline's date, want 2018-06-08 (dates %+v)", yesterday, r.Dates)
	}
	var people []string
	for _, e := range r.Entities {
		if e.Type == "PERSON" {
			people = append(people, e.Name)
		}
	}
	if strings.Join(people, ",") != "Ann Lee" {
		t.Errorf("people = %q, want Ann Lee", people)
	}
}

func TestReviewLinesRestoresOrder(t *testing.T) {
	blocks := []document.Block{{Text: "Title"}, {Text: "Para 1"}, {Text: "Share"}, {Text: "Para 2"}, {Text: "Disclaimer"}, {Text: "Footer"}}
	kept := []string{"Para 1", "Para 2"}
	removed := []record.Removed{{Text: "Title", Reason: "headline"}, {Text: "Share", Reason: "share buttons"}, {Text: "Footer", Reason: "page footer"}, {Text: "Disclaimer", Reason: "repeated on 3 pages of this site"}}
	got := reviewLines(blocks, kept, removed)
	want := []document.Line{{Text: "Title", Reason: "headline"}, {Text: "Para 1"}, {Text: "Share", Reason: "share buttons"},
		{Text: "Para 2"}, {Text: "Disclaimer", Reason: "repeated on 3 pages of this site"}, {Text: "Footer", Reason: "page footer"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("reviewLines =\n%v\nwant\n%v", got, want)
	}
}

// TestAnnotateDeadline gives a document a context whose deadline has passed: it gets a
// timeout error record, not a partial record.
func TestAnnotateDeadline(t *testing.T) {
	models, err := loadModels()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	d := &document.Document{Raw: []byte("A line of text about the council.\n")}
	d.Record.ID = "late"
	if e := Record(models.Annotate(ctx, d, Options{})).Error; e == nil || e.Stage != "decode" || !strings.HasPrefix(e.Message, "per-document time limit exceeded") {
		t.Errorf("error = %+v, want a timeout in the first stage", e)
	}
}

// TestStagesStopWhenCanceled calls each stage that has long loops with a canceled
// context: each returns the context's error instead of a result.
func TestStagesStopWhenCanceled(t *testing.T) {
	models, err := loadModels()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	text := strings.Repeat("The council met in Riverton on June 9, 2018.\n", 50)
	described := &Described{Record: record.Record{Text: text, Language: "en"}}
	tests := []struct {
		name string
		call func() error
	}{
		{"parse", func() error {
			_, err := models.Parse(ctx, &Decoded{Record: record.Record{Source: record.Source{Format: "html"}}, Content: "<p>" + text + "</p>"})
			return err
		}},
		{"clean", func() error {
			_, err := models.Clean(ctx, &Parsed{Blocks: []document.Block{{Text: text}}}, nil, false)
			return err
		}},
		{"entities", func() error { _, err := models.Entities(ctx, described); return err }},
		{"dates", func() error { _, err := models.Dates(ctx, described); return err }},
	}
	for _, tt := range tests {
		if err := tt.call(); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: err = %v, want context.Canceled", tt.name, err)
		}
	}
}

func TestMetadataStage(t *testing.T) {
	article := "<p>" + strings.Repeat("The council met on Monday and approved the plan for the new library after a long debate. ", 4) + "</p>"
	tests := []struct {
		name, raw, hint string
		want            func(r record.Record) string // "" when right, else what is wrong
	}{
		{"JSON Lines published field in prose form", "Council approves budget\n\nThe council approved the budget yesterday after a long debate about library hours and parks.\n", "text",
			func(r record.Record) string {
				if r.Published != "2018-06-10" {
					return "published " + r.Published + ", want 2018-06-10 from the input's June 10, 2018"
				}
				return ""
			}},
		{"canonical URL when the input gave none", `<html><head><title>Council approves budget</title><link rel="canonical" href="https://news.example/a/1"></head><body>` + article + `</body></html>`, "html",
			func(r record.Record) string {
				if r.Source.URL != "https://news.example/a/1" {
					return "url " + r.Source.URL
				}
				return ""
			}},
		{"Italian text: dates skipped with a warning", "Modellino in scala 1:24 della Ferrari\n\nIl modellino della Ferrari in scala 1:24 è stato presentato ieri alla fiera di Milano davanti a molti appassionati e collezionisti.\n\nLa casa costruttrice ha detto che la produzione comincerà il prossimo anno in una fabbrica vicino a Torino.\n", "text",
			skippedDates("it")},
		{"German text: dates skipped with a warning", "Modellauto im Maßstab 1:24 vorgestellt\n\nDas Modell des Ferrari im Maßstab 1:24 wurde am Dienstag um 14:30 Uhr auf der Messe in Nürnberg vor vielen Sammlern gezeigt.\n\nDer Hersteller sagte, die Produktion beginne im nächsten Jahr in einer Fabrik in der Nähe von Stuttgart.\n", "text",
			skippedDates("de")},
		{"French text: dates skipped with a warning", "Une maquette au 1:24 présentée à Paris\n\nLa maquette de la Ferrari au 1:24 a été présentée mardi à 14:30 au salon de Paris devant de nombreux collectionneurs passionnés.\n\nLe fabricant a annoncé que la production commencera l'année prochaine dans une usine près de Lyon.\n", "text",
			skippedDates("fr")},
		{"Spanish text: dates skipped with a warning", "Una maqueta a escala 1:24 presentada en Madrid\n\nLa maqueta del Ferrari a escala 1:24 fue presentada el martes a las 14:30 en la feria de Madrid ante muchos coleccionistas.\n\nEl fabricante dijo que la producción comenzará el próximo año en una fábrica cerca de Valencia.\n", "text",
			skippedDates("es")},
	}
	models, err := loadModels()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &document.Document{Raw: []byte(tt.raw), FormatHint: tt.hint, Published: "June 10, 2018"}
			if tt.hint == "html" {
				d.Published = ""
			}
			d.Record.ID = "t"
			r := Record(models.Annotate(context.Background(), d, Options{}))
			if r.Error != nil {
				t.Fatalf("error: %v", r.Error)
			}
			if msg := tt.want(*r); msg != "" {
				t.Error(msg)
			}
		})
	}
}

// skippedDates checks a record of text in lang: no date expressions tagged by the English
// rules ("1:24" is a scale, "14:30" a time the rules would resolve), and a warning saying so.
func skippedDates(lang string) func(r record.Record) string {
	return func(r record.Record) string {
		if r.Language != lang {
			return "language " + r.Language + ", want " + lang
		}
		if len(r.Dates) > 0 {
			return "dates tagged with English rules: " + r.Dates[0].Text
		}
		for _, w := range r.Warnings {
			if strings.HasPrefix(w, "dates not tagged") {
				return ""
			}
		}
		return "no warning"
	}
}

func TestDescribeAuthorsBySource(t *testing.T) {
	models, err := loadModels()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, format string
		html, text   []string
		want         []string
	}{
		{"text: the byline of its lines", "text", nil, []string{"Jane Roe"}, []string{"Jane Roe"}},
		{"HTML: the markup's authors", "html", []string{"John Doe"}, []string{"Jane Roe"}, []string{"John Doe"}},
		{"HTML: the markup names nobody, the lines' rules are not asked", "html", nil, []string{"Jane Roe"}, nil},
	}
	for _, tt := range tests {
		c := &Cleaned{HTMLMeta: document.Metadata{Authors: tt.html}, TextMeta: document.Metadata{Authors: tt.text}}
		c.Record.Source.Format = tt.format
		c.Record.Text = "Storm closes schools across the county."
		d, err := models.Describe(context.Background(), c, time.Time{})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !reflect.DeepEqual(d.Record.Authors, tt.want) {
			t.Errorf("%s: authors %q, want %q", tt.name, d.Record.Authors, tt.want)
		}
	}
}

func TestHiddenTextIsRead(t *testing.T) {
	tests := []struct {
		name, raw, text, warning string
	}{
		{"forum written by scripts, its posts in noscript",
			`<html><head><title>Best first telescope?</title></head><body><div id="app"></div><noscript><div class="post"><p>I am new to astronomy and would like advice on choosing my first telescope for the planets.</p></div></noscript><script>boot()</script></body></html>`,
			"I am new to astronomy and would like advice on choosing my first telescope for the planets.",
			"the page showed no text (its text was in <noscript>): it was read as a reader without scripts sees it"},
		{"title never closed",
			`<html><head><title>Bush to Saudis: More Oil Please</titlevalue="true"></head><body><p>President Bush asked Saudi Arabia on Tuesday to pump more oil as prices neared a record.</p></body></html>`,
			"President Bush asked Saudi Arabia on Tuesday to pump more oil as prices neared a record.",
			"the page showed no text (its <title> was not closed): it was read as a reader without scripts sees it"},
	}
	for _, tt := range tests {
		r := process(t, tt.raw, "").Record
		if r.Error != nil {
			t.Errorf("%s: error record %+v", tt.name, r.Error)
			continue
		}
		if r.Text != tt.text {
			t.Errorf("%s: text %q, want %q", tt.name, r.Text, tt.text)
		}
		if !slices.Contains(r.Warnings, tt.warning) {
			t.Errorf("%s: warnings %q, want %q among them", tt.name, r.Warnings, tt.warning)
		}
	}
}
