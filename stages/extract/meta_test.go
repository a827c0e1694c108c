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
		{"a blog's name in the <h1> is no headline", `<title>RogerBW's Blog: Advent of Code 2025 week 2</title>
			<meta property="og:title" content="Advent of Code 2025 week 2"><meta property="og:site_name" content="RogerBW's Blog">
			</head><body><h1>RogerBW's Blog</h1><h2>Day 7</h2>`,
			document.Metadata{Title: "Advent of Code 2025 week 2", Site: "RogerBW's Blog"}},
		{"the site's name after the visible headline", `<script type="application/ld+json">{"@type":"Article",
			"headline":"Best UK Art Exhibitions 2025 – Artlyst","publisher":{"@type":"Organization","name":"Artlyst"}}</script>
			</head><body><article><h1>Best UK Art Exhibitions 2025 – Artlyst</h1></article>`,
			document.Metadata{Title: "Best UK Art Exhibitions 2025", Site: "Artlyst"}},
		{"a domain name after the title", `<title>GAME CHANGER | Newegg.com</title>`,
			document.Metadata{Title: "GAME CHANGER"}},
		{"the declared title without the site's name", `<meta property="og:title" content="Storm closes schools | Daily Planet">
			<meta property="og:site_name" content="Daily Planet">
			<script type="application/ld+json">{"@type":"Article","headline":"Storm closes schools","datePublished":"2018-06-10"}</script>`,
			document.Metadata{Title: "Storm closes schools", Site: "Daily Planet", Published: "2018-06-10"}},
		{"the date shown under the headline over a publication date the page hides", `<script type="application/ld+json">{"@type":"Article",
			"datePublished":"2024-09-06","dateModified":"2025-11-14"}</script></head><body><article><h1>Storm closes schools</h1>
			<div class="datepanel"><span class="blog_dt">November 14, 2025</span></div><p>Text.</p></article>`,
			document.Metadata{Title: "Storm closes schools", Published: "2025-11-14", Updated: "2025-11-14"}},
		{"a byline's name and date in short elements of their own", `</head><body><article><h1>Storm closes schools</h1>
			<div><span>Jane Roe</span></div><div><p>April 8, 2024</p></div><p>Text of the article, long enough to be no date line at all.</p></article>`,
			document.Metadata{Title: "Storm closes schools", Authors: []string{"Jane Roe"}, Published: "2024-04-08"}},
		{"json-ld web page only as fallback", `<script type="application/ld+json">[{"@type":"WebPage","name":"Page name","headline":"Page headline"},
			{"@type":"Article","headline":"Article headline"}]</script>`,
			document.Metadata{Title: "Article headline"}},
		{"broken json-ld ignored", `<title>Fine</title><script type="application/ld+json">{"@type":"Article",</script>`,
			document.Metadata{Title: "Fine"}},
		{"json-ld author by @id reference", `<script type="application/ld+json">{"@graph":[{"@type":"Article","headline":"A post",
			"author":{"@id":"https://x.example/#p1"}},{"@type":"Person","@id":"https://x.example/#p1","name":"Nirmala Rao"}]}</script>`,
			document.Metadata{Title: "A post", Authors: []string{"Nirmala Rao"}}},
		{"organization author gives way to a person", `<script type="application/ld+json">{"@type":"Article","headline":"A post",
			"author":{"@type":"Organization","name":"Health Clinic"}}</script><meta name="author" content="Holly Wilgus">`,
			document.Metadata{Title: "A post", Authors: []string{"Holly Wilgus"}}},
		{"rel=author link", `<title>T</title></head><body><p>By <a rel="author" href="/u/jr">Jane Roe</a></p>`,
			document.Metadata{Title: "T", Authors: []string{"Jane Roe"}}},
		{"rel=author link and the time shown beside it", `<title>T</title></head><body><article><h1>Storm closes schools</h1>
			<div class="meta"><a rel="author" href="/u/jr">Jane Roe</a> <span>November 19, 2019, 9:02 AM</span></div>
			<p>Text of the article, long enough to be no date line at all.</p></article>`,
			document.Metadata{Title: "Storm closes schools", Authors: []string{"Jane Roe"}, Published: "2019-11-19T09:02:00"}},
		{"itemprop author", `<title>T</title></head><body><span itemprop="author" itemscope><span itemprop="name">Jane Roe</span></span>`,
			document.Metadata{Title: "T", Authors: []string{"Jane Roe"}}},
		{"visible byline and date", `<title>T</title></head><body><article><div class="byline">Published August 7, 2023 by Nicole Burke</div>
			<div class="post-date">August 7, 2023</div></article>`,
			document.Metadata{Title: "T", Authors: []string{"Nicole Burke"}, Published: "2023-08-07"}},
		{"byline label in an element of its own", `<title>T</title></head><body><main><div><p class="label">Written by</p>
			<p class="grey">Edzel Tabing</p></div></main>`,
			document.Metadata{Title: "T", Authors: []string{"Edzel Tabing"}}},
		{"a label before no name", `<title>T</title></head><body><main><p>By</p><p>the numbers</p></main>`,
			document.Metadata{Title: "T"}},
		{"modified dates are no publication dates", `<meta property="article:modified_time" content="2025-11-14"></head><body>
			<time class="updated" datetime="2025-11-14">Nov 14</time><time class="published" datetime="2024-09-06">Sep 6</time>`,
			document.Metadata{Published: "2024-09-06", Updated: "2025-11-14"}},
		{"JSON-LD modification date kept apart", `<script type="application/ld+json">{"@type":"Article","dateModified":"2025-07-09 11:50:26"}</script>`,
			document.Metadata{Updated: "2025-07-09T11:50:26"}},
		{"shown update date kept apart", `</head><body><article><h1>Storm closes schools</h1>
			<p class="byline">By Jane Roe</p><p class="small">Updated March 13, 2024</p><p>Text.</p></article>`,
			document.Metadata{Title: "Storm closes schools", Authors: []string{"Jane Roe"}, Updated: "2024-03-13"}},
		{"the publication date when the page shows it beside the update date", `</head><body><article><h1>Storm closes schools</h1>
			<p class="date">March 1, 2024</p><p>Last updated: March 13, 2024</p></article>`,
			document.Metadata{Title: "Storm closes schools", Published: "2024-03-01", Updated: "2024-03-13"}},
		{"the visible person over an organization author", `<script type="application/ld+json">{"@type":"Article","author":{"@type":"Organization","name":"GlossGenius"}}</script></head>
			<body><article><h1>Storm closes schools</h1><div class="text__author">Shauna Mitchell</div></article>`,
			document.Metadata{Title: "Storm closes schools", Authors: []string{"Shauna Mitchell"}}},
		{"the visible person over a login the markup names", `<meta name="author" content="andrew.keaveney"></head>
			<body><article><h1>Storm closes schools</h1><div class="byline">By Denise Everheart</div></article>`,
			document.Metadata{Title: "Storm closes schools", Authors: []string{"Denise Everheart"}}},
		{"a first name the markup names stays", `<meta name="author" content="Kristin"></head>
			<body><article><h1>Storm closes schools</h1><p>Text.</p></article>`,
			document.Metadata{Title: "Storm closes schools", Authors: []string{"Kristin"}}},
		{"a byline naming the markup's author and another gives both", `<meta name="author" content="Jane Roe"></head>
			<body><article><h1>Storm closes schools</h1><div class="byline">By Jane Roe and John Doe</div><p>Text.</p></article>`,
			document.Metadata{Title: "Storm closes schools", Authors: []string{"Jane Roe", "John Doe"}}},
		{"the writer shown over the markup's editorial team", `<script type="application/ld+json">{"@type":"NewsArticle",
			"author":{"@type":"Person","name":"Acme Editorial Team"}}</script></head>
			<body><article><h1>Storm closes schools</h1><div class="byline">By Jane Roe</div><p>Text.</p></article>`,
			document.Metadata{Title: "Storm closes schools", Authors: []string{"Jane Roe"}}},
		{"the markup's editorial team when the page shows no writer", `<script type="application/ld+json">{"@type":"NewsArticle",
			"author":{"@type":"Person","name":"Acme Editorial Team"}}</script></head>
			<body><article><h1>Storm closes schools</h1><p>Text.</p></article>`,
			document.Metadata{Title: "Storm closes schools", Authors: []string{"Acme Editorial Team"}}},
		{"a login with no visible person stays", `<meta name="author" content="KatieS"></head>
			<body><article><h1>Storm closes schools</h1><p>Text.</p></article>`,
			document.Metadata{Title: "Storm closes schools", Authors: []string{"KatieS"}}},
		{"a name glued to its role is read from its own element", `</head><body><article><h1>Storm closes schools</h1>
			<div class="author-box"><span>Joakim Edin</span>Research Scientist</div><div class="author-tag">USE CASE</div></article>`,
			document.Metadata{Title: "Storm closes schools", Authors: []string{"Joakim Edin"}}},
		{"visible headline over the declared title", `<title>Health And Nutrition Trends For 2026 | Site</title></head><body>
			<h1>Top 10 Health and Nutrition Trends to Watch</h1>`,
			document.Metadata{Title: "Top 10 Health and Nutrition Trends to Watch"}},
		{"a logo in h1 is no headline", `<title>Storm closes schools across the north | Daily Planet</title></head><body><h1>Daily Planet</h1>`,
			document.Metadata{Title: "Storm closes schools across the north"}},
		{"site name before the headline", `<title>ByteSauna | Understanding mathematics through Lean</title><meta property="og:site_name" content="ByteSauna">`,
			document.Metadata{Title: "Understanding mathematics through Lean", Site: "ByteSauna"}},
		{"host name after the headline", `<title>Critics’ Choice: Best UK Art Exhibitions 2025 – Artlyst</title><link rel="canonical" href="https://www.artlyst.com/reviews/x">`,
			document.Metadata{Title: "Critics’ Choice: Best UK Art Exhibitions 2025", URL: "https://www.artlyst.com/reviews/x"}},
		{"the agreeing h1 after a logo h1", `<title>Recent Trends in Photography | Studio</title></head><body><h1>Studio</h1><h1>8 Recent Trends in Photography</h1>`,
			document.Metadata{Title: "8 Recent Trends in Photography"}},
		{"UTC date in the page's own zone", `<meta property="article:published_time" content="2025-12-19T03:05:00+00:00"></head><body>
			<time datetime="2025-12-18T19:05:00-08:00">Dec 18</time><time datetime="2025-12-16T10:00:00-08:00">Dec 16</time>`,
			document.Metadata{Published: "2025-12-18T19:05:00-08:00"}},
		{"UTC date kept when the page's zones disagree", `<meta property="article:published_time" content="2025-12-19T03:05:00Z"></head><body>
			<time datetime="2025-12-18T19:05:00-08:00">a</time><time datetime="2025-12-18T22:05:00-05:00">b</time>`,
			document.Metadata{Published: "2025-12-19T03:05:00Z"}},
		{"JSON-LD date of the web page when the article has none", `<script type="application/ld+json">[{"@type":"Article","headline":"A post"},
			{"@type":"WebPage","datePublished":"2024-01-23T13:44:00+00:00"}]</script>`,
			document.Metadata{Title: "A post", Published: "2024-01-23T13:44:00Z"}},
		{"canonical URL", `<title>T</title><link rel="canonical" href="https://news.example/a/1"><meta property="og:url" content="https://news.example/a/2">`,
			document.Metadata{Title: "T", URL: "https://news.example/a/1"}},
		{"og:url when no canonical link", `<title>T</title><link rel="canonical" href="/a/1"><meta property="og:url" content="https://news.example/a/2">`,
			document.Metadata{Title: "T", URL: "https://news.example/a/2"}},
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

// TestMetaAuthorTags checks the meta tags whose content names the authors.
func TestMetaAuthorTags(t *testing.T) {
	for _, tc := range []struct {
		name, head string
		want       []string
	}{
		{"every citation_author", `<meta name="citation_author" content="Jane Roe"><meta name="citation_author" content="John Doe">`,
			[]string{"Jane Roe", "John Doe"}},
		{"cXense's author", `<meta property="cXenseParse:author" content="Jane Roe">`, []string{"Jane Roe"}},
		{"Open Graph's author", `<meta property="og:author" content="Jane Roe">`, []string{"Jane Roe"}},
		{"a Twitter handle is no name", `<meta name="twitter:creator" content="@janeroe">`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<html><head>" + tc.head + "</head><body><p>x</p></body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			if got := readPageMeta(doc).metaAuthors; !reflect.DeepEqual(got, tc.want) {
				t.Errorf("meta authors = %q, want %q", got, tc.want)
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
		{"Rachael Link, MS, RD", []string{"Rachael Link, MS, RD"}},
		{"Genevieve Carlton, Ph.D.", []string{"Genevieve Carlton, Ph.D."}},
		{"Michael Greger, M.D. FACLM", []string{"Michael Greger, M.D. FACLM"}},
		{"Jane Roe, MD & John Doe, PhD", []string{"Jane Roe, MD", "John Doe, PhD"}},
		{"Angela Holliday-Bell, MD*", []string{"Angela Holliday-Bell, MD*"}},
		{"Brian Stormont, CFP®", []string{"Brian Stormont, CFP®"}},
		{"Tracy Parker, Dietitian", []string{"Tracy Parker"}},
		{"Jane Roe, CNN", []string{"Jane Roe"}},
		{"Jane Roe, Md", []string{"Jane Roe"}},
		{"Jane Roe & MD", []string{"Jane Roe"}},
		{"Maria & Katerina", []string{"Maria", "Katerina"}},
		{"Jane Roe and Katerina", []string{"Jane Roe", "Katerina"}},
		{"Jane Roe, Katerina", []string{"Jane Roe"}},
		{"STEVE PEOPLES, AP National Political Writer", []string{"STEVE PEOPLES"}},
		{"https://www.facebook.com/janeroe", nil},
		{"admin", nil},
		{"webmaster", nil},
		{"aawoods", []string{"aawoods"}},
		{"jd", nil},
		{"mdelatorreq6vkpg2ma0ci", nil},
		{"Reuters", []string{"Reuters"}},
	}
	for _, tt := range tests {
		if got := splitAuthors(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitAuthors(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsPersonName(t *testing.T) {
	tests := []struct {
		name, in string
		want     bool
	}{
		{"two words", "Jane Roe", true},
		{"initial", "Trevor J. Mitchell", true},
		{"credentials after", "Jillian Kubala, MS, RD", true},
		{"a role after", "Jane Roe, Senior Editor", false},
		{"one word", "Jane", false},
		{"a heading in capitals", "USE CASE", false},
		{"labels", "The Author", false},
		{"a particle", "Nick van Mead", true},
		{"two particles and a title", "Dr Marna van der Merwe", true},
		{"a particle last", "Jane van", false},
		{"a small word that is no particle", "Bread at Home", false},
		{"five words and a particle", "Anna Maria Luisa de Medici Tuscany", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isPersonName(tt.in); got != tt.want {
				t.Errorf("isPersonName(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
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
