package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestMayHoldDate(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       bool
	}{
		{"month and day", "Dec 18, 2025", true},
		{"full month after a label", "Updated March 13, 2024 · 5 min read", true},
		{"ISO date", "2025-12-15", true},
		{"dotted numbers", "12.12.2025", true},
		{"slashed numbers", "15/12/2025", true},
		{"a price", "$1,299", false},
		{"a count", "12 comments", false},
		{"a month's name without a number", "Shop the December sale", false},
		{"a month's letters inside a word", "the summary: 10", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := mayHoldDate(tc.text); got != tc.want {
				t.Errorf("mayHoldDate(%q) = %v, want %v", tc.text, got, tc.want)
			}
		})
	}
}

func TestShownDates(t *testing.T) {
	page := `<html><head><title>T</title></head><body><header><span>Tuesday, July 24, 2012</span></header>
		<article><h1>Storm closes schools</h1><div><span class="caption">Updated on</span><span>April 19, 2025</span></div>
		<p>Posted March 3, 2025 by Jane Roe</p>
		<p>The storm that reached the coast on March 1, 2025 closed every school of the county for two days, the district said.</p>
		<script>var d = "May 5, 2020";</script></article></body></html>`
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	got := shownDates(root)
	want := []shownDate{
		{value: "2012-07-24"},
		{value: "2025-04-19", afterHeadline: true, inArticle: true, update: true},
		{value: "2025-03-03", afterHeadline: true, inArticle: true, publish: true},
	}
	if len(got) != len(want) {
		t.Fatalf("shownDates = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("date %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestDateCandidates(t *testing.T) {
	page := `<html><head><meta property="article:published_time" content="2024-09-06T10:00:00Z">
		<meta property="article:modified_time" content="2025-11-14T08:00:00Z"></head>
		<body><article><h1>Storm closes schools</h1><p>November 14, 2025</p><p>Text.</p></article></body></html>`
	cands, err := DateCandidates(page)
	if err != nil {
		t.Fatal(err)
	}
	if len(cands) != 2 {
		t.Fatalf("candidates = %+v, want two days", cands)
	}
	pub, mod := cands[0], cands[1]
	for _, tc := range []struct {
		name    string
		c       DateCandidate
		day     string
		on, off []int
		isPub   bool
	}{
		{"the publication date, first in trust order", pub, "2024-09-06", []int{fMetaPub, fEarliest, fNotShown}, []int{fShown, fLatest}, true},
		{"the modification date the page shows", mod, "2025-11-14", []int{fMetaMod, fShown, fShownFirst, fModifiedShown, fLatest}, []int{fMetaPub, fNotShown}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.c.Day != tc.day || tc.c.Published != tc.isPub {
				t.Errorf("day %s published %v, want %s %v", tc.c.Day, tc.c.Published, tc.day, tc.isPub)
			}
			for _, f := range tc.on {
				if tc.c.Features[f] == 0 {
					t.Errorf("%q is off", DateFeatureNames[f])
				}
			}
			for _, f := range tc.off {
				if tc.c.Features[f] != 0 {
					t.Errorf("%q is on", DateFeatureNames[f])
				}
			}
		})
	}
}

func TestBestDate(t *testing.T) {
	cands := []DateCandidate{{Day: "a", Features: []float64{1, 0}}, {Day: "b", Features: []float64{0, 1}}}
	for _, tc := range []struct {
		name string
		w    []float64
		want int
	}{
		{"the better score", []float64{0, 2}, 1},
		{"the first of equals", []float64{1, 1}, 0},
		{"no weights: the first", nil, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := BestDate(cands, tc.w); got != tc.want {
				t.Errorf("BestDate = %d, want %d", got, tc.want)
			}
		})
	}
	if got := BestDate(nil, []float64{1}); got != -1 {
		t.Errorf("BestDate of no candidates = %d, want -1", got)
	}
}

func TestDateModelRoundTrip(t *testing.T) {
	w := make([]float64, len(DateFeatureNames)+1)
	w[fShownFirst] = 1.5
	b, err := EncodeDateModel(w)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseDateModel(b)
	if err != nil || got[fShownFirst] != 1.5 {
		t.Fatalf("ParseDateModel = %v, %v", got, err)
	}
	if _, err := ParseDateModel([]byte(`{"features":["other"],"weights":[1]}`)); err == nil {
		t.Error("a model of other features was read")
	}
}

func TestDateCandidatesBeforeTheWeb(t *testing.T) {
	tests := []struct {
		name, page string
		want       []string
	}{
		{"a date in the text from before the web is no candidate",
			`<article><h1>Storm closes schools</h1><p>Nov. 12, 1935</p><p>November 6, 2012</p></article>`,
			[]string{"2012-11-06"}},
		{"nor alone", `<article><h1>Storm closes schools</h1><p>Nov. 12, 1935</p></article>`, nil},
		{"an archive's date the metadata names stays",
			`<meta property="article:published_time" content="1935-11-12"></head><body><article><h1>Storm closes schools</h1><p>Nov. 12, 1935</p></article>`,
			[]string{"1935-11-12"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cands, err := DateCandidates("<html><head><title>T</title>" + tt.page + "</body></html>")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range cands {
				got = append(got, c.Day)
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("days = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestShownDateSources(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       shownDate
	}{
		{"an ambiguous <time> text is its datetime's",
			`<h1>H</h1><div class="meta"><time datetime="2017-03-01T12:00:00Z">03/01/2017</time></div>`,
			shownDate{value: "2017-03-01T12:00:00Z", afterHeadline: true, class: "div.meta < body.", numeric: "03/01/2017"}},
		{"a readable <time> text is its own",
			`<h1>H</h1><p><time datetime="2025-09-25T00:00:00Z">09/25/2025</time></p>`,
			shownDate{value: "2025-09-25", afterHeadline: true, numeric: "09/25/2025"}},
		{"a date in a link",
			`<nav><a href="/events/walk"><span class="when">02 Apr 2026 18:00</span></a></nav><h1>H</h1>`,
			shownDate{value: "2026-04-02T18:00:00", inLink: true, class: "span.when < a."}},
		{"a journal's year month day",
			`<h1>H</h1><p>Cureus. 2023 Jan 7;15(1):e33475.</p>`,
			shownDate{value: "2023-01-07", afterHeadline: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<html><body>" + tc.body + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			got := shownDates(root)
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("shownDates = %+v, want [%+v]", got, tc.want)
			}
		})
	}
}

func TestDateCandidatesListsAndLinks(t *testing.T) {
	var header strings.Builder
	for d := 1; d <= 8; d++ { // a sidebar of more days than the cap, before the headline
		header.WriteString(`<li><span class="side-date">January ` + string(rune('0'+d)) + `, 2025</span></li>`)
	}
	page := `<html><body><ul>` + header.String() + `</ul><article><h1>Storm closes schools</h1>
		<div class="byline">By Jane Roe <time datetime="2017-03-01">03/01/2017</time></div>
		<p>Text of the story.</p>
		<div class="related"><a href="/other"><span class="card-date">Jun 11, 2024</span> Other story</a></div></article></body></html>`
	cands, err := DateCandidates(page)
	if err != nil {
		t.Fatal(err)
	}
	byDay := map[string]DateCandidate{}
	for _, c := range cands {
		byDay[c.Day] = c
	}
	for _, tc := range []struct {
		name       string
		day        string
		link, list float64
	}{
		{"the article's date after a full sidebar is a candidate", "2017-03-01", 0, 0},
		{"a sidebar date is in a list", "2025-01-01", 0, 1},
		{"a related story's date is in a link", "2024-06-11", 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, ok := byDay[tc.day]
			if !ok {
				t.Fatalf("no candidate %s among %+v", tc.day, cands)
			}
			if c.Features[fShownInLink] != tc.link || c.Features[fShownInList] != tc.list {
				t.Errorf("in a link %v, in a list %v; want %v, %v", c.Features[fShownInLink], c.Features[fShownInList], tc.link, tc.list)
			}
		})
	}
	if _, ok := byDay["2025-01-08"]; ok {
		t.Errorf("the sidebar's days past the cap are candidates: %+v", cands)
	}
}

func TestShownDatesInThePagesOrder(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       []string
	}{
		{"month first, as the page's other dates",
			`<h1>H</h1><p>03/01/2017</p><ul><li>12/16/2025</li><li>01/31/2025</li></ul>`,
			[]string{"2017-03-01", "2025-12-16", "2025-01-31"}},
		{"day first, as the page's other dates",
			`<h1>H</h1><p>03/01/2017</p><ul><li>16/12/2025</li></ul>`,
			[]string{"2017-01-03", "2025-12-16"}},
		{"dotted month first, as the page's other dates",
			`<h1>H</h1><p>09.10.2024</p><ul><li>10.28.2025</li></ul>`,
			[]string{"2024-09-10", "2025-10-28"}},
		{"dotted, no order: day first",
			`<h1>H</h1><p>09.10.2024</p>`,
			[]string{"2024-10-09"}},
		{"no order, slashes: unread",
			`<h1>H</h1><p>03/01/2017</p><p>April 2, 2024</p>`,
			[]string{"2024-04-02"}},
		{"both orders: no order",
			`<h1>H</h1><p>03/01/2017</p><p>12/16/2025</p><p>16/12/2025</p>`,
			[]string{"2025-12-16", "2025-12-16"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<html><body>" + tc.body + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range shownDates(root) {
				got = append(got, d.value)
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("shownDates = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestURLDay(t *testing.T) {
	for _, tc := range []struct{ name, url, want string }{
		{"year month day", "https://example.com/2025/12/15/storm-closes-schools/", "2025-12-15"},
		{"numbers without zeros", "https://example.com/blog/2025/6/9/top-cameras", "2025-06-09"},
		{"month's name", "https://example.com/blog/2023/october/03/wine-types/", "2023-10-03"},
		{"joined by hyphens", "https://example.com/blog/2025-12-17-minisgl", "2025-12-17"},
		{"a page of its own", "https://example.com/2025/12/15.html", "2025-12-15"},
		{"in the query only", "https://example.com/story?d=/2025/12/15/", ""},
		{"no such day", "https://example.com/2025/02/30/x", ""},
		{"year and month only", "https://example.com/2025/12/storm", ""},
		{"no URL", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := urlDay(tc.url); got != tc.want {
				t.Errorf("urlDay(%q) = %q, want %q", tc.url, got, tc.want)
			}
		})
	}
}

func TestOtherDateName(t *testing.T) {
	for _, tc := range []struct {
		name, key, want string
	}{
		{"a prefixed publication date", "w-published-date", otherPublishedName},
		{"Open Graph's publish date", "og:publish_date", otherPublishedName},
		{"pub after date", "date-pub", otherPublishedName},
		{"words run together", "awa-publisheddate", otherPublishedName},
		{"a first publication", "article:first_published_time", otherPublishedName},
		{"a modification date", "modified-date", otherModifiedName},
		{"an update among publication words", "cdc:last_updated_published", otherModifiedName},
		{"the publisher is no date", "article:publisher", ""},
		{"a date of no kind", "citation_date", ""},
		{"no date at all", "viewport", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := otherDateName(tc.key); got != tc.want {
				t.Errorf("otherDateName(%q) = %q, want %q", tc.key, got, tc.want)
			}
		})
	}
}

func TestOtherDateNamesAfterListedOnes(t *testing.T) {
	for _, tc := range []struct {
		name, head, published, modified string
	}{
		{"a publication date under an unlisted name", `<meta name="w-published-date" content="2025-05-27T06:03:43.274Z">`,
			"2025-05-27T06:03:43Z", ""},
		{"a listed name first", `<meta name="w-published-date" content="2025-05-27"><meta name="parsely-pub-date" content="2025-05-20">`,
			"2025-05-20", ""},
		{"a modification date under an unlisted name", `<meta name="modified-date" content="2024-07-30">
			<meta name="og:publish_date" content="2021-02-16">`, "2021-02-16", "2024-07-30"},
		{"the publisher's name is no date", `<meta property="article:publisher" content="2021">`, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<html><head>" + tc.head + "</head><body><p>x</p></body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			pm := readPageMeta(root)
			if pm.published != tc.published || pm.modified != tc.modified {
				t.Errorf("published %q, modified %q; want %q, %q", pm.published, pm.modified, tc.published, tc.modified)
			}
		})
	}
}

// TestMetaPublishedDates reads the publication date of pages whose meta tags give it in
// several forms.
func TestMetaPublishedDates(t *testing.T) {
	for _, tc := range []struct {
		name, head, want string
	}{
		{
			"JSON-LD in a meta tag's content",
			`<meta name="script:ld+json" content="{&quot;@context&quot;:&quot;https://schema.org&quot;,&quot;@type&quot;:&quot;Article&quot;,&quot;headline&quot;:&quot;Full EV cars&quot;,&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}">`,
			"2025-11-17T09:00:00-05:00",
		},
		{
			"the time the page was served, after its modification, is passed over",
			`<meta name="published-time" content="2026-03-09T08:45:32.183Z"><meta name="published-date" content="2021-02-16"><meta name="modified-date" content="2024-07-30">`,
			"2021-02-16",
		},
		{
			"a publication a few hours after the modification stays",
			`<meta property="article:published_time" content="2024-07-30T18:00:00Z"><meta property="article:modified_time" content="2024-07-30T09:00:00Z">`,
			"2024-07-30T18:00:00Z",
		},
		{
			"the first date when every one is after the modification",
			`<meta name="published-time" content="2026-03-09T08:45:32Z"><meta property="article:modified_time" content="2024-07-30">`,
			"2026-03-09T08:45:32Z",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := metaOf(t, tc.head).Published; got != tc.want {
				t.Errorf("Published = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestFirstTimeOfTheArticle checks which <time datetime> counts as the page's first
// publication <time>: the article's own before one in a list of other stories above it.
func TestFirstTimeOfTheArticle(t *testing.T) {
	for _, tc := range []struct {
		name, body, want string
	}{
		{"a list of other stories above the article",
			`<aside><ul><li><time datetime="2025-01-31T12:00:00Z">01/31/2025</time> Board news</li></ul></aside>
			<article><h1>H</h1><time datetime="2017-03-01T12:00:00Z">03/01/2017</time><p>Text.</p></article>`,
			"2017-03-01T12:00:00Z"},
		{"no <time> in the article: the page's first",
			`<aside><time datetime="2025-01-31T12:00:00Z">01/31/2025</time></aside><article><h1>H</h1><p>Text.</p></article>`,
			"2025-01-31T12:00:00Z"},
		{"no article container: the page's first",
			`<div><time datetime="2025-01-31">Jan 31</time></div><div><h1>H</h1><time datetime="2017-03-01">Mar 1</time></div>`,
			"2025-01-31"},
		{"the article's modification <time> is no publication",
			`<aside><time datetime="2025-01-31">Jan 31</time></aside>
			<article><h1>H</h1><time class="updated" datetime="2025-02-02">Updated Feb 2</time></article>`,
			"2025-01-31"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<html><body>" + tc.body + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			if got := readPageMeta(root).timeAttr; got != tc.want {
				t.Errorf("first publication <time> = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestDateOfTheURL checks that the day a page's URL names is its publication date,
// whatever the page's own dates say: those of other stories listed beside it, of a
// reader's comment, of its update.
func TestDateOfTheURL(t *testing.T) {
	const permalink = `<link rel="canonical" href="https://example.org/blog/2023/october/03/wine-types/">`
	for _, tc := range []struct {
		name, head, body, want string
	}{
		{"the dates of other stories listed below the article",
			permalink,
			`<article><h1>Wine types</h1><p>Text of the article.</p></article>
			<ul class="related"><li><a href="/a">Harvest</a><span class="date">Feb 16, 2026</span></li>
			<li><a href="/b">Cellars</a><span class="date">Feb 10, 2026</span></li></ul>`,
			"2023-10-03"},
		{"a reader's comment the day before",
			permalink + `<meta property="article:modified_time" content="2025-09-28T23:28:02Z">`,
			`<article><h1>Wine types</h1><p>Text of the article.</p>
			<div class="comment-date"><time datetime="2023-10-02T01:45:33+00:00"><a href="#c1">October 2, 2023 at 1:45 am</a></time></div></article>`,
			"2023-10-03"},
		{"an update shown under the headline",
			permalink,
			`<article><h1>Wine types</h1><p>Updated February 2, 2026</p><p>Text of the article.</p></article>`,
			"2023-10-03"},
		{"no day in the URL: the page's own date",
			`<link rel="canonical" href="https://example.org/blog/wine-types/">`,
			`<article><h1>Wine types</h1><p>February 2, 2026</p><p>Text of the article.</p></article>`,
			"2026-02-02"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<html><head>" + tc.head + "</head><body>" + tc.body + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			if got := readMeta(root).Published; got != tc.want {
				t.Errorf("publication date = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestDateInASentence checks which dates a sentence of the page (more than 16 words)
// shows: the one it says the article was published on, and no other.
func TestDateInASentence(t *testing.T) {
	for _, tc := range []struct {
		name, sentence string
		want           []shownDate
	}{
		{"originally published on",
			"This article was originally published on 26 Sep 2019 at 4:12pm but has been regularly updated to keep it accurate for our readers.",
			[]shownDate{{value: "2019-09-26T16:12:00", afterHeadline: true, inArticle: true, publish: true}}},
		{"posted, without on",
			"This guide was first posted March 3, 2025 by our editors and has been checked again by the team of the magazine since then.",
			[]shownDate{{value: "2025-03-03", afterHeadline: true, inArticle: true, publish: true}}},
		{"a date the article speaks of",
			"The storm that reached the coast on March 1, 2025 closed every school of the county for two days, the district said on Monday.",
			nil},
		{"a release the article speaks of",
			"Python 3.14, released on October 7, 2025, brings a free-threaded build and template strings that many of the teams we asked now use.",
			nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<html><body><article><h1>H</h1><p>" + tc.sentence + "</p></article></body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			got := shownDates(root)
			if len(got) != len(tc.want) {
				t.Fatalf("shownDates = %+v, want %+v", got, tc.want)
			}
			for i := range tc.want {
				if got[i] != tc.want[i] {
					t.Errorf("date %d = %+v, want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

// TestDateOfTheFetchedURL checks that the day named by the URL a page was fetched from
// dates it where the page names no canonical URL with a day, and that a canonical URL's
// day comes first.
func TestDateOfTheFetchedURL(t *testing.T) {
	const body = `<body><article><h1>Wine types</h1><p>Updated February 2, 2026</p>
		<p>Text of the article, long enough to be its body, about the many wine types and styles there are.</p></article></body>`
	for _, tc := range []struct {
		name, head, pageURL, want string
	}{
		{"the fetched URL's day", "", "https://example.org/blog/2023/10/03/wine-types/", "2023-10-03"},
		{"a canonical URL without a day: the fetched URL's",
			`<link rel="canonical" href="https://example.org/blog/wine-types/">`, "https://example.org/blog/2023/10/03/wine-types/", "2023-10-03"},
		{"the canonical URL's day first",
			`<link rel="canonical" href="https://example.org/blog/2023/10/04/wine-types/">`, "https://example.org/blog/2023/10/03/wine-types/", "2023-10-04"},
		{"no URL: the page's own date, an update", "", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := New().Extract("<html><head>"+tc.head+"</head>"+body+"</html>", tc.pageURL)
			if err != nil {
				t.Fatal(err)
			}
			if got := p.Meta.Published; got != tc.want {
				t.Errorf("publication date = %q, want %q", got, tc.want)
			}
		})
	}
}
