// Package report writes self-contained HTML pages for people to review newspipe's output:
// a page of annotated articles, and a page of the differences between two outputs.
package report

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/record"
)

// Doc is one article of a review page: its record and, when the run kept them, its input
// lines in order with the clean stage's decision.
type Doc struct {
	Record record.Record
	Lines  []document.Line
}

// EntityTypes are the entity types of the colour legend, in legend order.
var EntityTypes = []string{"PERSON", "ORG", "GPE", "LOC", "NORP", "MISC"}

// docView is a Doc prepared for the template.
type docView struct {
	Anchor  string
	Key     string // lower-case id and title, for the filter box
	Rec     record.Record
	Lines   []ViewLine
	Removed int
}

// Write writes the review page of docs to w. The page needs no network: its style and
// its filter script are inline. The same docs give the same bytes.
func Write(w io.Writer, docs []Doc) error {
	views := make([]docView, len(docs))
	for i, d := range docs {
		v := docView{
			Anchor: fmt.Sprintf("doc-%d", i+1),
			Key:    strings.ToLower(d.Record.ID + " " + d.Record.Title),
			Rec:    d.Record,
		}
		if d.Record.Error == nil {
			v.Lines = Lines(d.Record, d.Lines)
			v.Removed = len(d.Record.Removed)
		}
		views[i] = v
	}
	data := struct {
		Docs  []docView
		Types []string
	}{views, EntityTypes}
	if err := reportPage.Execute(w, data); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// funcs are the helpers of both page templates.
var funcs = template.FuncMap{
	"entclass": func(typ string) string {
		for _, t := range EntityTypes {
			if t == typ {
				return "ent ent-" + t
			}
		}
		return "ent"
	},
	"join": strings.Join,
	"inc":  func(i int) int { return i + 1 },
}

// style is the CSS shared by the review and diff pages.
const style = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:0;color:#1c1c1c;background:#fafafa}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:.5em 1.5em;z-index:1}
h1{font-size:1.2em;margin:.2em 0}
main{padding:0 1.5em 2em;max-width:70em}
#filter{font:inherit;padding:.2em .5em;width:22em;margin-right:1em}
.legend span{margin-right:.6em}
table.index{border-collapse:collapse;margin:1em 0;background:#fff}
table.index th,table.index td{border:1px solid #ddd;padding:.2em .6em;text-align:left;vertical-align:top}
table.index td.n{text-align:right;font-variant-numeric:tabular-nums}
article{background:#fff;border:1px solid #ddd;border-radius:4px;margin:1.2em 0;padding:.6em 1.2em}
article h2{font-size:1.1em;margin:.3em 0}
dl.meta{display:grid;grid-template-columns:max-content auto;gap:0 1em;margin:.4em 0 .8em;font-size:.9em}
dl.meta dt{color:#666}
dl.meta dd{margin:0}
p.line{margin:.35em 0}
p.removed{color:#9a9a9a;text-decoration:line-through;font-size:.9em}
p.removed .reason{text-decoration:none;display:inline-block;margin-left:.6em;font-size:.75em;color:#8a5a00;background:#fff3d6;border-radius:3px;padding:0 .3em}
.ent{border-radius:3px;padding:0 .1em}
.ent-PERSON{background:#ffd6a5}
.ent-ORG{background:#bde0fe}
.ent-GPE{background:#caffbf}
.ent-LOC{background:#9bf6ff}
.ent-NORP{background:#ffc6ff}
.ent-MISC{background:#e4d8ff}
.date{text-decoration:underline 2px #d62828;text-underline-offset:3px}
.error{color:#b00020;font-weight:600}
.warn{color:#8a5a00}
.add{color:#116611}
.del{color:#b00020}
ul.changes{margin:.3em 0;padding-left:1.2em}
`

// filterScript hides the index rows and articles whose id and title do not contain the
// text of the filter box.
const filterScript = `
document.getElementById("filter").addEventListener("input", function (e) {
  var q = e.target.value.toLowerCase();
  document.querySelectorAll("[data-key]").forEach(function (el) {
    el.hidden = q !== "" && el.getAttribute("data-key").indexOf(q) < 0;
  });
});
`

var reportPage = template.Must(template.New("report").Funcs(funcs).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newspipe review</title>
<style>` + style + `</style>
</head>
<body>
<header>
<h1>newspipe review: {{len .Docs}} documents</h1>
<input id="filter" type="search" placeholder="Filter by id or title" aria-label="Filter articles by id or title">
<span class="legend">{{range .Types}}<span class="{{entclass .}}">{{.}}</span>{{end}}<span class="date" title="date expression">date</span> <span class="removed-sample" style="color:#9a9a9a;text-decoration:line-through">removed line</span></span>
</header>
<main>
<table class="index">
<thead><tr><th>#</th><th>id</th><th>title</th><th>removed</th><th>entities</th><th>dates</th><th>errors</th></tr></thead>
<tbody>
{{- range $i, $d := .Docs}}
<tr data-key="{{.Key}}"><td class="n">{{inc $i}}</td><td><a href="#{{.Anchor}}">{{.Rec.ID}}</a></td><td>{{.Rec.Title}}</td><td class="n">{{.Removed}}</td><td class="n">{{len .Rec.Entities}}</td><td class="n">{{len .Rec.Dates}}</td><td class="n">{{if .Rec.Error}}1{{else}}0{{end}}</td></tr>
{{- end}}
</tbody>
</table>
{{range .Docs}}
<article id="{{.Anchor}}" data-key="{{.Key}}">
<h2>{{.Rec.ID}}{{if .Rec.Title}}: {{.Rec.Title}}{{end}}</h2>
{{- if .Rec.Error}}
<p class="error">error in stage {{.Rec.Error.Stage}}: {{.Rec.Error.Message}}</p>
<dl class="meta"><dt>source</dt><dd>{{.Rec.Source.Path}}{{if .Rec.Source.URL}} {{.Rec.Source.URL}}{{end}}</dd></dl>
{{- else}}
<dl class="meta">
<dt>title</dt><dd>{{.Rec.Title}}</dd>
<dt>subtitle</dt><dd>{{.Rec.Subtitle}}</dd>
<dt>authors</dt><dd>{{join .Rec.Authors ", "}}</dd>
<dt>site</dt><dd>{{.Rec.Site}}</dd>
<dt>published</dt><dd>{{.Rec.Published}}</dd>
<dt>language</dt><dd>{{.Rec.Language}}</dd>
<dt>source</dt><dd>{{.Rec.Source.Path}}{{if .Rec.Source.URL}} {{.Rec.Source.URL}}{{end}} ({{.Rec.Source.Format}})</dd>
<dt>counts</dt><dd>{{.Removed}} lines removed, {{len .Rec.Entities}} entities, {{len .Rec.Dates}} dates</dd>
</dl>
{{- range .Rec.Warnings}}
<p class="warn">warning: {{.}}</p>
{{- end}}
{{- range .Lines}}
{{- if .Reason}}
<p class="line removed" title="{{.Reason}}">{{range .Segments}}{{.Text}}{{end}}<span class="reason">{{.Reason}}</span></p>
{{- else}}
<p class="line">{{range .Segments}}{{template "seg" .}}{{end}}</p>
{{- end}}
{{- end}}
{{- end}}
</article>
{{- end}}
</main>
<script>` + filterScript + `</script>
</body>
</html>
{{define "seg"}}{{if .Entity}}<span class="{{entclass .Entity}}" title="{{.Entity}}: {{.Name}}">{{template "date" .}}</span>{{else}}{{template "date" .}}{{end}}{{end}}
{{- define "date"}}{{if .Date}}<span class="date" title="{{.DateType}} {{.Value}}">{{.Text}}</span>{{else}}{{.Text}}{{end}}{{end}}`))
