package extract

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestBylineNames(t *testing.T) {
	for _, tc := range []struct {
		name, html string
		want       []string
		byLabel    bool
	}{
		{"a label and two people", `<p>By Jane Roe and John Doe</p>`, []string{"Jane Roe", "John Doe"}, true},
		{"a label glued to the name", `<p>ByAmy Roeder</p>`, []string{"Amy Roeder"}, true},
		{"a name, a role and a date", `<p>Aaron Ricadela | Senior Writer | July 2, 2025</p>`, []string{"Aaron Ricadela"}, false},
		{"a date before the label", `<p>Published August 7, 2023 by Nicole Burke</p>`, []string{"Nicole Burke"}, true},
		{"an update note after the name", `<p>Eric Hergenreder Updated December 19, 2025</p>`, []string{"Eric Hergenreder"}, false},
		{"the label in the element before", `<div><span>Written by</span><span id="n">Jane Roe</span></div>`, []string{"Jane Roe"}, true},
		{"the author box's heading", `<h3>About Melissa Norris</h3>`, []string{"Melissa Norris"}, true},
		{"a date alone", `<p>March 3, 2025</p>`, nil, false},
		{"a sentence", `<p>The storm closed every school of the county for two days.</p>`, nil, false},
		{"a name beside words that are none", `<p>Jane Roe and the team</p>`, nil, false},
		{"words in small letters", `<p>jane roe</p>`, nil, false},
		{"one word", `<p>Jane</p>`, nil, false},
		{"an entity that splitAuthors reads as a space", `<p>Jane&amp;nbsp;Roe</p>`, []string{"Jane Roe"}, false},
		{"the places the writers report from", `<address>Hannah Becker in Berlin and Tom Ellery in Paris</address>`, []string{"Hannah Becker", "Tom Ellery"}, false},
		{"a sentence with in", `<p>Jane Roe in the garden with the children of the village</p>`, nil, false},
		{"capitals whose small letters are longer, before the label", "<p>\u023a\u023a\u023a News by Jane Roe</p>", []string{"Jane Roe"}, true},
		{"a byte that is no UTF-8 before the label", "<p>\xd8 BY 0</p>", nil, false},
		{"a particle in the surname", `<p class="author">Nick van Mead</p>`, []string{"Nick van Mead"}, false},
		{"two particles", `<p>By Marna van der Merwe</p>`, []string{"Marna van der Merwe"}, true},
		{"a contributors' label", `<p>Contributors: Janet Loughrey</p>`, []string{"Janet Loughrey"}, true},
		{"a contributor's label in the element before", `<div><span>Contributor</span><span id="n">Janet Loughrey</span></div>`, []string{"Janet Loughrey"}, true},
		{"the weekday of the date after the site", `<p>by Nadia Ferreira, Frontier Science Daily Thursday, 21 September 2023</p>`, []string{"Nadia Ferreira", "Frontier Science Daily"}, true},
		{"a date, a separator and the name", `<p>Dec. 19, 2025 &middot; Niko Matsakis on behalf of the team</p>`, []string{"Niko Matsakis"}, false},
		{"a date, a separator, the name and its topic", `<p>Dec 26, 2025 &bull; Mahua Das in Project Management</p>`, []string{"Mahua Das"}, false},
		{"a date and a word that names nobody", `<p>March 3, 2025 &middot; Updated</p>`, nil, false},
		{"a date and a name without a separator", `<p>March 3, 2025 Jane Roe</p>`, nil, false},
		{"one word after by", `<p>by   ibby    </p>`, []string{"ibby"}, true},
		{"a role after the name and a comma", `<p>This post was written by Danielle Padula, Head of Marketing and Community Development</p>`, []string{"Danielle Padula"}, true},
		{"a role and the date after the name", `<p>Reviewed by Justin C. Meserole, Trial Attorney at Morgan, on December 9, 2024.</p>`, []string{"Justin C. Meserole"}, true},
		{"names after the name and a comma", `<p>By Jane Roe, John Doe and Max Mustermann</p>`, []string{"Jane Roe", "John Doe", "Max Mustermann"}, true},
		{"credentials after the name and a comma", `<p>By Jillian Kubala, MS, RD</p>`, []string{"Jillian Kubala, MS, RD"}, true},
		{"one word after a by inside the text", `<p>Powered by WordPress</p>`, nil, false},
		{"a sort order", `<p>Sort by relevance</p>`, nil, false},
		{"a generic login after by", `<p>By admin</p>`, nil, false},
		{"a role after by", `<p>By Editor</p>`, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<body>" + tc.html))
			if err != nil {
				t.Fatal(err)
			}
			n := lastElement(root)
			got, byLabel, _, _, _ := bylineNames(n, "")
			if !reflect.DeepEqual(got, tc.want) || len(got) > 0 && byLabel != tc.byLabel {
				t.Errorf("bylineNames = %q, %v; want %q, %v", got, byLabel, tc.want, tc.byLabel)
			}
		})
	}
}

// TestBylineNamesAround checks that an element holding the text of the element around
// it, read before and naming nobody, is not read again, and that the label of the
// element before one element holding a name is not carried to another.
func TestBylineNamesAround(t *testing.T) {
	root, err := html.Parse(strings.NewReader(`<body><div><span id="a">Jane Roe</span></div>` +
		`<div><span>Written by</span><span id="b">Jane Roe</span></div><div><span id="c">Jane Roe</span></div>` +
		`<p id="d">Contact the Newsroom Today</p>`))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*html.Node{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if id := attr(n, "id"); id != "" {
			byID[id] = n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	for _, tc := range []struct {
		id, around string
		want       []string
		byLabel    bool
	}{
		{"a", "", []string{"Jane Roe"}, false},
		{"b", "", []string{"Jane Roe"}, true},
		{"c", "", []string{"Jane Roe"}, false},
		{"c", "Jane Roe", nil, false},
		{"d", "", nil, false},
	} {
		got, byLabel, _, _, text := bylineNames(byID[tc.id], tc.around)
		if !reflect.DeepEqual(got, tc.want) || byLabel != tc.byLabel {
			t.Errorf("element %s around %q: bylineNames = %q, %v; want %q, %v", tc.id, tc.around, got, byLabel, tc.want, tc.byLabel)
		}
		if want := collapse(textOf(byID[tc.id])); text != want {
			t.Errorf("element %s: text read %q, want %q", tc.id, text, want)
		}
	}
}

// lastElement returns the last element of the page in document order.
func lastElement(n *html.Node) *html.Node {
	var last *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			last = n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return last
}

func TestBylineCandidates(t *testing.T) {
	page := `<html><head><title>Storm closes schools</title><meta property="og:site_name" content="Daily Post"></head><body>
		<nav><ul><li><a href="/privacy">Privacy Policy</a></li></ul></nav>
		<article><h1>Storm closes schools</h1><div class="byline">By <a href="/author/jane-roe/">Jane Roe</a></div>
		<p>March 3, 2025</p><p>Text of the article.</p></article></body></html>`
	cands, err := BylineCandidates(page)
	if err != nil {
		t.Fatal(err)
	}
	if len(cands) != 3 || cands[0].Features[bNobody] != 1 {
		t.Fatalf("candidates = %+v, want nobody, the menu item, the byline", cands)
	}
	menu, byline := cands[1], cands[2]
	if menu.Names[0] != "Privacy Policy" || menu.Features[bMenuLink] != 1 || menu.Features[bInChrome] != 1 {
		t.Errorf("menu item = %+v", menu)
	}
	if byline.Names[0] != "Jane Roe" {
		t.Fatalf("byline = %+v", byline)
	}
	for _, f := range []int{bAuthorClass, bAuthorLink, bByLabel, bRules, bAfterHeadline, bInArticle, bDateBeside, bGivenName} {
		if byline.Features[f] == 0 {
			t.Errorf("byline: %q is off", BylineFeatureNames[f])
		}
	}
	if b := BestByline(cands, bylineWeights); b != 2 {
		t.Errorf("the embedded weights choose %d, want the byline", b)
	}
	if cands[0].Features[bNobodyUnsigned] != 0 {
		t.Errorf("nobody = %+v: %q is on beside a signed byline", cands[0], BylineFeatureNames[bNobodyUnsigned])
	}
	unsigned := `<html><head><meta name="author" content="Jane Roe, MD"></head><body><p>Jane Roe</p><p>Privacy Policy</p></body></html>`
	cands, err = BylineCandidates(unsigned)
	if err != nil || len(cands) != 3 {
		t.Fatalf("a page whose names bear no byline's sign: candidates %+v, %v; want nobody, the two names", cands, err)
	}
	if cands[0].Features[bNobodyUnsigned] != 1 {
		t.Errorf("nobody = %+v: %q is off", cands[0], BylineFeatureNames[bNobodyUnsigned])
	}
	// The markup's name with its credentials is the name shown without them.
	if cands[1].Features[bMarkup] != 1 || cands[1].Features[bMarkupShown] != 1 {
		t.Errorf("the name the markup gives with credentials: %+v", cands[1])
	}

	named := `<html><head><meta name="author" content="Jane Roe"></head><body><p>By John Doe and Jane Roe</p><p>By Jane Roe</p></body></html>`
	cands, err = BylineCandidates(named)
	if err != nil || len(cands) != 3 {
		t.Fatalf("a page whose markup names its author: candidates %+v, %v; want nobody, the two bylines", cands, err)
	}
	if cands[0].Features[bNobodyOverMarkup] != 1 {
		t.Errorf("nobody = %+v: %q is off", cands[0], BylineFeatureNames[bNobodyOverMarkup])
	}
	both, markup := cands[1].Features, cands[2].Features
	if both[bHoldsMarkup] != 1 || both[bShownOverMarkup] != 1 || both[bMarkup] != 0 {
		t.Errorf("the byline holding the markup's name and more: %+v", cands[1])
	}
	if markup[bMarkup] != 1 || markup[bMarkupShown] != 1 || markup[bMarkupLD] != 0 || markup[bHoldsMarkup] != 0 {
		t.Errorf("the byline the markup names: %+v", cands[2])
	}
}

// TestBylineCandidateForms checks the candidates of bylines in forms that were once lost:
// each page's byline (the last candidate shown) names want, with the features on.
func TestBylineCandidateForms(t *testing.T) {
	// A menu of 225 items, each a candidate of its own.
	var menu strings.Builder
	words := strings.Fields("Home Garden Kitchen Design Travel Money Health Style Food Music Sport Science Books Cars Pets")
	for _, a := range words {
		for _, b := range words {
			menu.WriteString(`<li><a href="/topics/">` + a + " " + b + `</a></li>`)
		}
	}
	for _, tc := range []struct {
		name, page string
		want       []string
		on         []int
	}{
		{"a portrait captioned with the writer's name",
			`<body><article><h1>Rain returns</h1><div class="bio"><img src="a.jpg" alt="Picture of Lance Ryan (Content Manager)">` +
				`<span>Lance Ryan</span></div><p>Text.</p></article></body>`,
			[]string{"Lance Ryan"}, []int{bPictured}},
		{"a byline after 225 menu items",
			`<body><nav><ul>` + menu.String() + `</ul></nav><article><h1>Rain returns</h1><p class="byline">By Keith Barry</p><p>Text.</p></article></body>`,
			[]string{"Keith Barry"}, []int{bByLabel, bAuthorClass}},
		{"a date, a separator and the name",
			`<body><article><h1>Rain returns</h1><p>Dec 26, 2025 &bull; Mahua Das</p><p>Text.</p></article></body>`,
			[]string{"Mahua Das"}, []int{bDated}},
		{"one word after by",
			`<body><article><h1>Rain returns</h1><p>by ibby</p><p>Text.</p></article></body>`,
			[]string{"ibby"}, []int{bByLabel, bOneWord}},
		{"a date and a separator before the name, a link after it",
			`<body><article><h1>Rain returns</h1><div>Dec. 19, 2025 &middot; Niko Matsakis on behalf of <a href="/teams/">Vision Doc group</a></div><p>Text.</p></article></body>`,
			[]string{"Niko Matsakis"}, []int{bDated}},
		{"a login after posted by, a date in the element after",
			`<body><article><h1>Rain returns</h1><span>Posted by <a href="/in/beauhd/">BeauHD</a> <time>on Friday December 19, 2025 @08:00PM</time></span><p>Text.</p></article></body>`,
			[]string{"BeauHD"}, []int{bByLabel, bOneWord, bDated}},
		{"a given name linked after by, before the date",
			`<body><article><h1>Rain returns</h1><p>by <a href="/author/amanda/">Amanda</a> · Dec 20, 2025 at 3:00 am</p><p>Text.</p></article></body>`,
			[]string{"Amanda"}, []int{bByLabel, bAuthorLink, bOneWord, bDated}},
		{"a role in the element after the name",
			`<body><article><h1>Rain returns</h1><div class="author-line"><span>Written By:</span> <span><a href="/author/celeste-longacre">Celeste Longacre</a></span> <span class="author-title">Gardener &amp; Astrologer</span></div><p>Text.</p></article></body>`,
			[]string{"Celeste Longacre"}, []int{bByLabel, bAuthorClass, bRules}},
		{"a role of several words in the element after the name",
			`<body><article><h1>Rain returns</h1><div class="card"><div>Jack Shepherd</div><div>Co-Founder &amp; Marketing Director</div></div><p>Text.</p></article></body>`,
			[]string{"Jack Shepherd"}, nil},
		{"a name across elements",
			`<body><article><h1>Rain returns</h1><p>By <b>Jane</b> Roe</p><p>Text.</p></article></body>`,
			[]string{"Jane Roe"}, []int{bByLabel}},
		{"a surname with particles",
			`<body><article><h1>Rain returns</h1><p class="Author_author">Nick van Mead</p><p>Text.</p></article></body>`,
			[]string{"Nick van Mead"}, []int{bAuthorClass}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cands, err := BylineCandidates("<html>" + tc.page + "</html>")
			if err != nil {
				t.Fatal(err)
			}
			last := cands[len(cands)-1]
			if !reflect.DeepEqual(last.Names, tc.want) {
				t.Fatalf("last candidate = %q (of %d), want %q", last.Names, len(cands), tc.want)
			}
			for _, f := range tc.on {
				if last.Features[f] == 0 {
					t.Errorf("%q is off", BylineFeatureNames[f])
				}
			}
			if len(tc.on) > 0 && tc.on[0] != bPictured && last.Features[bPictured] != 0 {
				t.Errorf("%q is on without a picture", BylineFeatureNames[bPictured])
			}
		})
	}
}

func TestPictureAlts(t *testing.T) {
	root, err := html.Parse(strings.NewReader(`<body><img src="l.png" alt="Daily Post logo"><img src="p.jpg" alt="Jane  Roe">` +
		`<img src="s.jpg" alt="The crowd gathered in the square before the storm reached the old harbour"><img src="x.gif" alt="">`))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := pictureAlts(findElements(root)), []string{"jane roe"}; !reflect.DeepEqual(got, want) {
		t.Errorf("pictureAlts = %q, want %q: no logo, no scene, no empty text", got, want)
	}
}

func TestAltHolds(t *testing.T) {
	alts := []string{"picture of lance ryan (content manager)", "jane roe, senior reporter", "a storm over the bay"}
	for _, tc := range []struct {
		name, in string
		want     bool
	}{
		{"after a caption's words", "Lance Ryan", true},
		{"before a role", "Jane Roe", true},
		{"credentials aside", "Jane Roe, MD", true},
		{"part of a longer word", "Jane Ro", false},
		{"not pictured", "John Doe", false},
		{"empty", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := altHolds(alts, tc.in); got != tc.want {
				t.Errorf("altHolds(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestSamePerson(t *testing.T) {
	for _, tc := range []struct {
		name, a, b string
		want       bool
	}{
		{"case aside", "Jane Roe", "jane roe", true},
		{"credentials aside", "Jane Roe, MD", "Jane Roe", true},
		{"a title aside", "Dr Marna van der Merwe", "Marna van der Merwe", true},
		{"a title with a dot aside", "Prof. Jane Roe", "Jane Roe", true},
		{"another person", "Jane Roe", "John Roe", false},
		{"a title alone", "Dr", "Jane Roe", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := samePerson(tc.a, tc.b); got != tc.want {
				t.Errorf("samePerson(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

func TestTrimWeekday(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"a weekday after the names", "Jane Roe, Daily Planet Thursday,", "Jane Roe, Daily Planet"},
		{"a weekday in capitals", "Jane Roe SUNDAY", "Jane Roe"},
		{"no weekday", "Jane Roe", "Jane Roe"},
		{"a weekday inside a name", "Jane Mondayish", "Jane Mondayish"},
		{"the weekday alone", "Monday", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := trimWeekday(tc.text); got != tc.want {
				t.Errorf("trimWeekday(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

// candidateNamed returns the candidate whose names are names, or nil.
func candidateNamed(cands []BylineCandidate, names ...string) *BylineCandidate {
	for i := range cands {
		if slices.Equal(cands[i].Names, names) {
			return &cands[i]
		}
	}
	return nil
}

func TestBylineCandidateEvidence(t *testing.T) {
	tests := []struct {
		name    string
		head    string
		body    string
		names   []string // the candidate looked at; nil: no candidate names them
		feature int
		want    float64
	}{
		{
			name:    "the markup's credentials kept on the name shown",
			head:    `<meta name="author" content="Jane Roe, MD">`,
			body:    `<h1>Sleep and the teenage brain</h1><p>By <a href="/author/jane-roe">Jane Roe</a></p>`,
			names:   []string{"Jane Roe, MD"},
			feature: bMarkupShown,
			want:    1,
		},
		{
			name:    "a person's site named in og:site_name only",
			head:    `<meta property="og:site_name" content="Polly Barks"><title>Zero waste living — Polly Barks</title>`,
			body:    `<h1>Zero waste living</h1><p>Start with the kitchen.</p>`,
			names:   []string{"Polly Barks"},
			feature: bPersonalSite,
			want:    1,
		},
		{
			name:  "a site of no person's name is no candidate",
			head:  `<meta property="og:site_name" content="Rust Blog">`,
			body:  `<h1>Rust 2026</h1><p>Start with the kitchen.</p>`,
			names: nil,
		},
		{
			name:    "a work's credit",
			body:    `<h1>Our campaign</h1><ul><li>Crown of Salt by Jane Roe</li></ul>`,
			names:   []string{"Jane Roe"},
			feature: bByAfterWords,
			want:    1,
		},
		{
			name:    "a byline's by",
			body:    `<h1>Our campaign</h1><p>By Jane Roe</p>`,
			names:   []string{"Jane Roe"},
			feature: bByAfterWords,
			want:    0,
		},
		{
			name:    "a by after the date",
			body:    `<h1>Our campaign</h1><p>Published May 1, 2024 by Jane Roe</p>`,
			names:   []string{"Jane Roe"},
			feature: bByAfterWords,
			want:    0,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cands, err := BylineCandidates(`<html><head>` + tc.head + `</head><body>` + tc.body + `</body></html>`)
			if err != nil {
				t.Fatal(err)
			}
			if tc.names == nil {
				for _, c := range cands[1:] {
					if c.Features[bPersonalSite] != 0 {
						t.Errorf("candidate %q is marked a person's site", c.Names)
					}
				}
				return
			}
			c := candidateNamed(cands, tc.names...)
			if c == nil {
				t.Fatalf("no candidate %q among %+v", tc.names, cands)
			}
			if got := c.Features[tc.feature]; got != tc.want {
				t.Errorf("%q = %v, want %v", BylineFeatureNames[tc.feature], got, tc.want)
			}
		})
	}
}
