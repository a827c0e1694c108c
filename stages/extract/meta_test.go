package extract

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/newspipe/newspipe/document"
)

func metaOf(t *testing.T, head string) document.Metadata {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<html><head>" + head + "</head><body><p>x</p></body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	return readMeta(doc)
}

func TestReadMeta(t *testing.T) {
	const standfirst = "The government has unveiled a plan to help the industry cut the cost of panels by half before 2030."
	tests := []struct {
		name string
		head string
		want document.Metadata
	}{
		{"title only", `<title>Storm closes schools</title>`,
			document.Metadata{Title: "Storm closes schools"}},
		{"title minus short site suffix", `<title>Storm closes schools across the north | Daily Planet</title>`,
			document.Metadata{Title: "Storm closes schools across the north"}},
		{"title minus named site", `<title>Storm closes schools - TheHill</title><meta property="og:site_name" content="The Hill">`,
			document.Metadata{Title: "Storm closes schools", Site: "The Hill"}},
		{"open graph over title", `<title>Page | Site</title><meta property="og:title" content="Storm closes schools">
			<meta property="og:site_name" content="Daily Planet">`,
			document.Metadata{Title: "Storm closes schools", Site: "Daily Planet"}},
		{"article meta", `<meta property="article:published_time" content="2018-06-10T12:39:00+02:00">
			<meta property="article:author" content="By Jane Roe">`,
			document.Metadata{Authors: []string{"Jane Roe"}, Published: "2018-06-10T12:39:00+02:00"}},
		{"meta author list", `<meta name="author" content="Jane Roe and John Doe, https://example.com/jd">`,
			document.Metadata{Authors: []string{"Jane Roe", "John Doe"}}},
		{"name=date", `<meta name="date" content="2018-06-10">`, document.Metadata{Published: "2018-06-10"}},
		{"parsely", `<meta name="parsely-pub-date" content="2019-11-19T12:05:31Z">`,
			document.Metadata{Published: "2019-11-19T12:05:31Z"}},
		{"itemprop list", `<meta itemprop="datePublished dateCreated" content="2019-11-18T17:56:27.000Z">`,
			document.Metadata{Published: "2019-11-18T17:56:27Z"}},
		{"time element", `<title>T</title></head><body><time datetime="2018-06-10T12:39:00">June 10</time>`,
			document.Metadata{Title: "T", Published: "2018-06-10T12:39:00"}},
		{"article meta over time element", `<meta property="article:published_time" content="2018-06-10"></head><body><time datetime="2017-01-01">x</time>`,
			document.Metadata{Published: "2018-06-10"}},
		{"json-ld article", `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
			"headline":"Storm closes schools","author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Person","name":"John Doe"}],
			"datePublished":"2018-06-10T12:39:00Z","publisher":{"@type":"Organization","name":"Daily Planet"}}</script>`,
			document.Metadata{Title: "Storm closes schools", Authors: []string{"Jane Roe", "John Doe"}, Site: "Daily Planet", Published: "2018-06-10T12:39:00Z"}},
		{"json-ld graph", `<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Planet"},
			{"@type":["BlogPosting"],"headline":"A post","author":{"name":"Jane Roe"},"datePublished":"2018-06-10"}]}</script>`,
			document.Metadata{Title: "A post", Authors: []string{"Jane Roe"}, Site: "Planet", Published: "2018-06-10"}},
		{"json-ld over open graph", `<meta property="og:title" content="OG title here">
			<meta property="article:published_time" content="2017-01-01">
			<script type="application/ld+json">{"@type":"Article","headline":"LD title","datePublished":"2018-06-10"}</script>`,
			document.Metadata{Title: "LD title", Published: "2018-06-10"}},
		{"json-ld web page only as fallback", `<script type="application/ld+json">[{"@type":"WebPage","name":"Page name","headline":"Page headline"},
			{"@type":"Article","headline":"Article headline"}]</script>`,
			document.Metadata{Title: "Article headline"}},
		{"broken json-ld ignored", `<title>Fine</title><script type="application/ld+json">{"@type":"Article",</script>`,
			document.Metadata{Title: "Fine"}},
		{"standfirst", `<title>T</title><meta property="og:description" content="` + standfirst + `">`,
			document.Metadata{Title: "T", Subtitle: standfirst}},
		{"cut teaser is no standfirst", `<title>T</title><meta name="description" content="The government has unveiled a plan to help the industry cut the cost of panels…">`,
			document.Metadata{Title: "T"}},
		{"short description is no standfirst", `<title>T</title><meta name="description" content="News from the north.">`,
			document.Metadata{Title: "T"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := metaOf(t, tt.head)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestSplitAuthors(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"By Jane Roe", []string{"Jane Roe"}},
		{"Jane Roe, John Doe & Ann Lee", []string{"Jane Roe", "John Doe", "Ann Lee"}},
		{"Rachael Link, MS, RD", []string{"Rachael Link"}},
		{"STEVE PEOPLES, AP National Political Writer", []string{"STEVE PEOPLES"}},
		{"https://www.facebook.com/janeroe", nil},
		{"admin", nil},
		{"Reuters", []string{"Reuters"}},
	}
	for _, tt := range tests {
		if got := splitAuthors(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitAuthors(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestExcerptIsNoSubtitle(t *testing.T) {
	first := "Police arrested six people on Monday during a narcotics investigation at a local home, officers said."
	page := `<html><head><title>Six arrested</title><meta name="description" content="` + first + `"></head><body><article>` +
		`<p>` + first + `</p><p>` + para("the arrests") + `</p><p>` + para("the raid") + `</p></article></body></html>`
	p, err := New().Extract(page, "")
	if err != nil {
		t.Fatal(err)
	}
	if p.Meta.Subtitle != "" {
		t.Errorf("subtitle = %q, want none: the description is the first paragraph", p.Meta.Subtitle)
	}
}

