package report

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/newspipe/newspipe/record"
)

// Load reads the records of an output: a folder of per-document JSON files (read in
// sorted order; .json, .jsonl and .ndjson, optionally .gz), or one file holding JSON
// Lines or concatenated JSON objects.
func Load(path string) ([]record.Record, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("load output: %w", err)
	}
	if !info.IsDir() {
		return loadFile(path)
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, fmt.Errorf("load output: %w", err)
	}
	var recs []record.Record
	for _, e := range entries { // ReadDir sorts by name
		name := strings.TrimSuffix(e.Name(), ".gz")
		switch filepath.Ext(name) {
		case ".json", ".jsonl", ".ndjson":
		default:
			continue
		}
		if e.IsDir() {
			continue
		}
		more, err := loadFile(filepath.Join(path, e.Name()))
		if err != nil {
			return nil, err
		}
		recs = append(recs, more...)
	}
	return recs, nil
}

// loadFile decodes every JSON record of one file.
func loadFile(path string) ([]record.Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load output: %w", err)
	}
	defer f.Close()
	var in io.Reader = bufio.NewReader(f)
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(in)
		if err != nil {
			return nil, fmt.Errorf("load %s: %w", path, err)
		}
		defer zr.Close()
		in = zr
	}
	recs, err := Decode(in)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	return recs, nil
}

// Decode reads a stream of JSON records: JSON Lines, or indented objects one after the
// other.
func Decode(r io.Reader) ([]record.Record, error) {
	dec := json.NewDecoder(r)
	var recs []record.Record
	for n := 1; ; n++ {
		var rec record.Record
		err := dec.Decode(&rec)
		if errors.Is(err, io.EOF) {
			return recs, nil
		}
		if err != nil {
			return nil, fmt.Errorf("record %d: %w", n, err)
		}
		recs = append(recs, rec)
	}
}

// Change is one difference in a document's metadata.
type Change struct {
	Field, Old, New string
}

// LineChange is a line that moved between the article and the removed lines.
type LineChange struct {
	Text string
	// Reason is why the line is removed: on the new side for a newly removed line, on
	// the old side (empty if the old output did not list it) for a newly kept line.
	Reason string
}

// DocDiff lists how one document's record differs between two outputs.
type DocDiff struct {
	ID                           string
	Title                        string
	Meta                         []Change
	NewlyKept, NewlyRemoved      []LineChange
	EntitiesGained, EntitiesLost []record.Entity // Mentions left empty
	DatesGained, DatesLost       []record.Date   // offsets left zero
}

// Empty reports whether the document is the same on both sides, as far as the diff sees.
func (d DocDiff) Empty() bool {
	return len(d.Meta) == 0 && len(d.NewlyKept) == 0 && len(d.NewlyRemoved) == 0 &&
		len(d.EntitiesGained) == 0 && len(d.EntitiesLost) == 0 &&
		len(d.DatesGained) == 0 && len(d.DatesLost) == 0
}

// Diff is the difference between two outputs, matched by document id.
type Diff struct {
	// Compared is the number of ids on both sides.
	Compared int
	// Changed lists the documents on both sides that differ, in the new output's order.
	Changed []DocDiff
	// OnlyOld and OnlyNew are the ids found on one side only, in that side's order.
	OnlyOld, OnlyNew []string
}

// Same reports whether the two outputs agree.
func (d Diff) Same() bool {
	return len(d.Changed) == 0 && len(d.OnlyOld) == 0 && len(d.OnlyNew) == 0
}

// Compare matches the records of two outputs by id and lists their differences. When an
// id repeats on one side, its first record counts.
func Compare(old, new []record.Record) Diff {
	oldByID := make(map[string]*record.Record, len(old))
	for i := range old {
		if _, ok := oldByID[old[i].ID]; !ok {
			oldByID[old[i].ID] = &old[i]
		}
	}
	var d Diff
	seen := make(map[string]bool, len(new))
	for i := range new {
		n := &new[i]
		if seen[n.ID] {
			continue
		}
		seen[n.ID] = true
		o, ok := oldByID[n.ID]
		if !ok {
			d.OnlyNew = append(d.OnlyNew, n.ID)
			continue
		}
		d.Compared++
		if dd := compareDoc(o, n); !dd.Empty() {
			d.Changed = append(d.Changed, dd)
		}
	}
	for i := range old {
		if !seen[old[i].ID] {
			seen[old[i].ID] = true
			d.OnlyOld = append(d.OnlyOld, old[i].ID)
		}
	}
	return d
}

// compareDoc compares two records of the same document.
func compareDoc(o, n *record.Record) DocDiff {
	d := DocDiff{ID: n.ID, Title: n.Title}
	if d.Title == "" {
		d.Title = o.Title
	}
	meta := func(field, a, b string) {
		if a != b {
			d.Meta = append(d.Meta, Change{field, a, b})
		}
	}
	meta("title", o.Title, n.Title)
	meta("subtitle", o.Subtitle, n.Subtitle)
	meta("authors", strings.Join(o.Authors, "; "), strings.Join(n.Authors, "; "))
	meta("site", o.Site, n.Site)
	meta("published", o.Published, n.Published)
	meta("language", o.Language, n.Language)
	meta("format", o.Source.Format, n.Source.Format)
	meta("error", errText(o.Error), errText(n.Error))

	oldParas, _ := paragraphs(o.Text)
	newParas, _ := paragraphs(n.Text)
	for _, p := range minus(newParas, oldParas) {
		d.NewlyKept = append(d.NewlyKept, LineChange{p, reasonOf(o.Removed, p)})
	}
	for _, p := range minus(oldParas, newParas) {
		d.NewlyRemoved = append(d.NewlyRemoved, LineChange{p, reasonOf(n.Removed, p)})
	}

	ek := func(e record.Entity) string { return e.Type + "\x00" + e.Name }
	oldEnts, newEnts := keys(o.Entities, ek), keys(n.Entities, ek)
	for _, e := range n.Entities {
		if !oldEnts[ek(e)] {
			d.EntitiesGained = append(d.EntitiesGained, record.Entity{Name: e.Name, Type: e.Type})
		}
	}
	for _, e := range o.Entities {
		if !newEnts[ek(e)] {
			d.EntitiesLost = append(d.EntitiesLost, record.Entity{Name: e.Name, Type: e.Type})
		}
	}

	dk := func(x record.Date) string { return x.Text + "\x00" + x.Value }
	strip := func(x record.Date) record.Date { return record.Date{Text: x.Text, Type: x.Type, Value: x.Value} }
	oldDates, newDates := keys(o.Dates, dk), keys(n.Dates, dk)
	for _, x := range n.Dates {
		if !oldDates[dk(x)] {
			d.DatesGained = append(d.DatesGained, strip(x))
		}
	}
	for _, x := range o.Dates {
		if !newDates[dk(x)] {
			d.DatesLost = append(d.DatesLost, strip(x))
		}
	}
	d.DatesGained, d.DatesLost = uniqDates(d.DatesGained, dk), uniqDates(d.DatesLost, dk)
	return d
}

func errText(e *record.Error) string {
	if e == nil {
		return ""
	}
	return e.Stage + ": " + e.Message
}

// minus returns the lines of a not matched by a line of b, counting repeats.
func minus(a, b []string) []string {
	left := make(map[string]int, len(b))
	for _, s := range b {
		left[s]++
	}
	var out []string
	for _, s := range a {
		if left[s] > 0 {
			left[s]--
			continue
		}
		out = append(out, s)
	}
	return out
}

// reasonOf returns why text is listed in removed, or "".
func reasonOf(removed []record.Removed, text string) string {
	for _, r := range removed {
		if r.Text == text {
			return r.Reason
		}
	}
	return ""
}

func keys[T any](xs []T, key func(T) string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[key(x)] = true
	}
	return m
}

// uniqDates drops repeats of the same text and value: a date said twice changes once.
func uniqDates(ds []record.Date, key func(record.Date) string) []record.Date {
	seen := make(map[string]bool, len(ds))
	out := ds[:0]
	for _, x := range ds {
		if !seen[key(x)] {
			seen[key(x)] = true
			out = append(out, x)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// WriteText writes the diff for a terminal: one block per changed document, then the
// ids found on one side only, then a summary line.
func (d Diff) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for _, dd := range d.Changed {
		fmt.Fprintf(bw, "=== %s", dd.ID)
		if dd.Title != "" {
			fmt.Fprintf(bw, " (%s)", dd.Title)
		}
		fmt.Fprintln(bw)
		for _, c := range dd.Meta {
			fmt.Fprintf(bw, "  %s: %q -> %q\n", c.Field, c.Old, c.New)
		}
		for _, l := range dd.NewlyRemoved {
			fmt.Fprintf(bw, "  - removed: %s", l.Text)
			if l.Reason != "" {
				fmt.Fprintf(bw, "  [%s]", l.Reason)
			}
			fmt.Fprintln(bw)
		}
		for _, l := range dd.NewlyKept {
			fmt.Fprintf(bw, "  + kept:    %s", l.Text)
			if l.Reason != "" {
				fmt.Fprintf(bw, "  [was: %s]", l.Reason)
			}
			fmt.Fprintln(bw)
		}
		for _, e := range dd.EntitiesLost {
			fmt.Fprintf(bw, "  - entity %s %s\n", e.Type, e.Name)
		}
		for _, e := range dd.EntitiesGained {
			fmt.Fprintf(bw, "  + entity %s %s\n", e.Type, e.Name)
		}
		for _, x := range dd.DatesLost {
			fmt.Fprintf(bw, "  - date %q = %s\n", x.Text, x.Value)
		}
		for _, x := range dd.DatesGained {
			fmt.Fprintf(bw, "  + date %q = %s\n", x.Text, x.Value)
		}
	}
	for _, id := range d.OnlyOld {
		fmt.Fprintf(bw, "only in old: %s\n", id)
	}
	for _, id := range d.OnlyNew {
		fmt.Fprintf(bw, "only in new: %s\n", id)
	}
	fmt.Fprintf(bw, "%d documents compared, %d differ, %d only in old, %d only in new\n",
		d.Compared, len(d.Changed), len(d.OnlyOld), len(d.OnlyNew))
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write diff: %w", err)
	}
	return nil
}

// WriteHTML writes the diff as a self-contained page in the style of the review page;
// oldName and newName label the two sides.
func (d Diff) WriteHTML(w io.Writer, oldName, newName string) error {
	type docView struct {
		DocDiff
		Key string
	}
	views := make([]docView, len(d.Changed))
	for i, dd := range d.Changed {
		views[i] = docView{dd, strings.ToLower(dd.ID + " " + dd.Title)}
	}
	data := struct {
		Diff
		Docs             []docView
		OldName, NewName string
		Types            []string
	}{d, views, oldName, newName, EntityTypes}
	if err := diffPage.Execute(w, data); err != nil {
		return fmt.Errorf("write diff: %w", err)
	}
	return nil
}

var diffPage = template.Must(template.New("diff").Funcs(funcs).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newspipe diff</title>
<style>` + style + `</style>
</head>
<body>
<header>
<h1>newspipe diff: {{.OldName}} → {{.NewName}}</h1>
<input id="filter" type="search" placeholder="Filter by id or title" aria-label="Filter articles by id or title">
<span>{{.Compared}} documents compared, {{len .Changed}} differ, {{len .OnlyOld}} only in old, {{len .OnlyNew}} only in new</span>
</header>
<main>
{{- if .OnlyOld}}<p class="del">only in old: {{join .OnlyOld ", "}}</p>{{end}}
{{- if .OnlyNew}}<p class="add">only in new: {{join .OnlyNew ", "}}</p>{{end}}
{{- range .Docs}}
<article data-key="{{.Key}}">
<h2>{{.ID}}{{if .Title}}: {{.Title}}{{end}}</h2>
{{- if .Meta}}
<dl class="meta">{{range .Meta}}<dt>{{.Field}}</dt><dd><span class="del">{{.Old}}</span> → <span class="add">{{.New}}</span></dd>{{end}}</dl>
{{- end}}
{{- range .NewlyRemoved}}
<p class="line removed" title="{{.Reason}}">{{.Text}}{{if .Reason}}<span class="reason">{{.Reason}}</span>{{end}}</p>
{{- end}}
{{- range .NewlyKept}}
<p class="line add" title="newly kept">+ {{.Text}}{{if .Reason}} <span class="reason">was: {{.Reason}}</span>{{end}}</p>
{{- end}}
{{- if or .EntitiesGained .EntitiesLost .DatesGained .DatesLost}}
<ul class="changes">
{{- range .EntitiesLost}}<li class="del">lost <span class="{{entclass .Type}}">{{.Name}}</span> {{.Type}}</li>{{end}}
{{- range .EntitiesGained}}<li class="add">gained <span class="{{entclass .Type}}">{{.Name}}</span> {{.Type}}</li>{{end}}
{{- range .DatesLost}}<li class="del">lost date <span class="date">{{.Text}}</span> = {{.Value}}</li>{{end}}
{{- range .DatesGained}}<li class="add">gained date <span class="date">{{.Text}}</span> = {{.Value}}</li>{{end}}
</ul>
{{- end}}
</article>
{{- end}}
</main>
<script>` + filterScript + `</script>
</body>
</html>
`))
