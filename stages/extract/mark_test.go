package extract

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/internal/shingle"
)

// candidatesFromFirst is candidates as it was written first: every occurrence of the
// block's first token is tried. It is the reference for the rarest-anchor search.
func candidatesFromFirst(ct []string, unit []uint8, bt []string) [][2]int {
	need := len(bt)
	if len(bt) >= shortBlock {
		need = min(max(8, (len(bt)+1)/2), len(bt))
	}
	var out [][2]int
	for q := range ct {
		if ct[q] != bt[0] {
			continue
		}
		n := 1
		for n < len(bt) && q+n < len(ct) && ct[q+n] == bt[n] {
			n++
		}
		if n < need || len(bt) < shortBlock && (unit[q]&unitStart == 0 || unit[q+n-1]&unitEnd == 0) {
			continue
		}
		if out = append(out, [2]int{q, n}); len(out) == maxCandidates {
			break
		}
	}
	return out
}

// TestCandidatesMatchFirstToken checks that looking a block up by its rarest leading
// token finds the same places, in the same order, as trying every occurrence of its first.
func TestCandidatesMatchFirstToken(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	vocab := []string{"the", "a", "of", "Kim", "said", "on", "Monday", "talks", "in", "Seoul"}
	for round := range 300 {
		// A small vocabulary makes many near-matches; lengths stay under maxVisits.
		ct := make([]string, 50+rng.IntN(400))
		for i := range ct {
			ct[i] = vocab[rng.IntN(1+round%len(vocab))]
		}
		unit := make([]uint8, len(ct))
		for i := range unit {
			if rng.IntN(4) == 0 {
				unit[i] |= unitStart
			}
			if rng.IntN(4) == 0 {
				unit[i] |= unitEnd
			}
		}
		pos := newPositions(ct, unit)
		for range 20 {
			q, n := rng.IntN(len(ct)), 1+rng.IntN(20)
			bt := slices.Clone(ct[q:min(len(ct), q+n)])
			if rng.IntN(3) == 0 { // a block that is not quite in the content
				bt[rng.IntN(len(bt))] = vocab[rng.IntN(len(vocab))]
			}
			if rng.IntN(5) == 0 {
				bt[0] = "unseen"
			}
			got, want := candidates(ct, unit, pos, bt, nil), candidatesFromFirst(ct, unit, bt)
			if !slices.Equal(got, want) {
				t.Fatalf("round %d: candidates(%q) = %v, want %v", round, strings.Join(bt, " "), got, want)
			}
		}
	}
}

// BenchmarkMarkManyParagraphs aligns a page of n short numbered paragraphs, all starting
// with the same word: the time per paragraph must not grow with n (it did, quadratically,
// when every occurrence of a block's first token was tried: 9 s for 40,000).
func BenchmarkMarkManyParagraphs(b *testing.B) {
	for _, n := range []int{1000, 10000, 50000} {
		var page strings.Builder
		page.WriteString("<html><body><article>")
		for i := range n {
			fmt.Fprintf(&page, "<p>Paragraph %d of the report has a few words in it.</p>", i)
		}
		page.WriteString("</article></body></html>")
		html := page.String()
		e := New()
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(html)))
			for range b.N {
				if _, err := e.Extract(html, ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkMarkRepeatedCells aligns pages of n identical one-word table cells and of n
// identical one-letter divs: the time per cell must not grow with n (a table of 2,000 rows
// of 200 cells took 36 s and 1.4 GB when every cell tried thousands of places).
func BenchmarkMarkRepeatedCells(b *testing.B) {
	for _, kind := range []string{"cells", "divs"} {
		for _, n := range []int{2000, 8000, 32000} {
			var page strings.Builder
			page.WriteString("<html><body>")
			switch kind {
			case "cells":
				page.WriteString("<table>")
				for range n / 50 {
					page.WriteString("<tr>" + strings.Repeat("<td>abcdefghij</td>", 50) + "</tr>")
				}
				page.WriteString("</table>")
			case "divs":
				page.WriteString(strings.Repeat("<div>a</div>", n))
			}
			page.WriteString("</body></html>")
			html := page.String()
			e := New()
			b.Run(fmt.Sprintf("%s/%d", kind, n), func(b *testing.B) {
				b.ReportAllocs()
				for range b.N {
					if _, err := e.Extract(html, ""); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/cell")
			})
		}
	}
}

// TestMarkFollowsContent checks the alignment of the page's blocks with the content
// extractor's text where the two differ in form.
func TestMarkFollowsContent(t *testing.T) {
	tests := []struct {
		name    string
		page    string // the whole page
		content string // what the content extractor kept
		body    []string
	}{
		{"a word split over elements", `<p>Menu</p><p><span>I</span><span>f you cook, the oven must be hot enough for the bread to rise well.</span></p>`,
			`<p><span>I</span><span>f you cook, the oven must be hot enough for the bread to rise well.</span></p>`,
			[]string{"If you cook, the oven must be hot enough for the bread to rise well."}},
		{"leading link dropped", `<p>Menu</p><p><a href="/u">Jane Roe</a> writes "Say that you are leaving a job, either on your own volition or not."</p>`,
			`<p>"Say that you are leaving a job, either on your own volition or not."</p>`,
			[]string{`Jane Roe writes "Say that you are leaving a job, either on your own volition or not."`}},
		{"hidden block the content keeps", `<p>Menu</p><div hidden><p>The article was streamed into a hidden box that a script reveals.</p></div><div hidden>Hidden menu</div>`,
			`<p>The article was streamed into a hidden box that a script reveals.</p>`,
			[]string{"The article was streamed into a hidden box that a script reveals."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var body, all []string
			for _, b := range markPage(t, tt.page, tt.content) {
				all = append(all, b.Text)
				if b.Outside == "" {
					body = append(body, b.Text)
				}
			}
			if !slices.Equal(body, tt.body) {
				t.Errorf("body = %q, want %q", body, tt.body)
			}
			if slices.Contains(all, "Hidden menu") {
				t.Errorf("a hidden block outside the content is among the blocks: %q", all)
			}
		})
	}
}

// TestDropComments checks that the blocks of comment elements the content extractor kept
// leave the body, and that an element whose name only says the page has comments stays.
func TestDropComments(t *testing.T) {
	const (
		para1 = "The council voted on Tuesday to close the old bridge for repairs next spring."
		para2 = "Engineers found cracks in two of its piers during an inspection in March."
		reply = "I drive over that bridge every day and never noticed anything wrong with it."
	)
	post := `<p>` + para1 + `</p><p>` + para2 + `</p>`
	thread := `<div class="comment"><p>` + reply + `</p></div><div class="comment"><p>` + reply + ` Twice.</p></div><div class="comment"><p>` + reply + ` Thrice.</p></div>`
	tests := []struct {
		name    string
		page    string
		body    []string
		removed map[string]string // text -> reason
		content string            // what the content extractor keeps, when not the whole page
	}{
		{"reader comments after the post",
			`<article>` + post + `</article><ol class="commentlist"><li class="comment even"><div class="comment-author">Sam</div><div class="comment-content"><p>` + reply + `</p></div></li></ol>`,
			[]string{para1, para2},
			map[string]string{reply: "comment section", "Sam": "comment section"}, ""},
		{"signature lines outside each comment's element",
			`<div>` + post + `</div><div class="comment-text"><p>` + reply + `</p></div><p>Posted By: sam | January 16 2008 at 03:16 PM</p>` +
				`<div class="comment-text"><p>` + reply + ` Twice.</p></div><p>Posted By: kim | January 16 2008 at 03:24 PM</p>`,
			[]string{para1, para2},
			map[string]string{"Posted By: sam | January 16 2008 at 03:16 PM": "comment section", "Posted By: kim | January 16 2008 at 03:24 PM": "comment section"}, ""},
		{"the article in an element that says the post has comments",
			`<article class="post has-comments">` + post + `</article>`,
			[]string{para1, para2}, nil, ""},
		{"the article under a body class that says comments are off",
			`<body class="single no-comments"><div>` + post + `</div></body>`,
			[]string{para1, para2}, nil, ""},
		{"a comment element holding most of the body",
			`<div class="comment-body">` + post + `</div><p>` + reply + `</p>`,
			[]string{para1, para2, reply}, nil, ""},
		{"a discussion whose posts are all the content",
			`<div class="comment">` + post + `</div><div class="comment"><p>` + reply + `</p></div><div class="comment"><p>` + reply + ` Twice.</p></div>`,
			[]string{para1, para2, reply, reply + " Twice."}, nil, ""},
		{"a comment thread as the content beside the article's prose",
			`<article>` + post + `</article>` + thread,
			[]string{para1, para2},
			map[string]string{reply: "comment section", reply + " Twice.": "comment section", reply + " Thrice.": "comment section"},
			thread},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var body []string
			for _, b := range markPage(t, tt.page, cmp.Or(tt.content, tt.page)) {
				if b.Outside == "" {
					body = append(body, b.Text)
				} else if want, ok := tt.removed[b.Text]; ok && b.Outside != want {
					t.Errorf("%q removed as %q, want %q", b.Text, b.Outside, want)
				}
			}
			if !slices.Equal(body, tt.body) {
				t.Errorf("body = %q, want %q", body, tt.body)
			}
		})
	}
}

// TestDropSignedThread checks that a comment thread in no comment element leaves the
// body when its signature lines tell it, and that the body stays otherwise.
func TestDropSignedThread(t *testing.T) {
	const (
		para1 = "Los Angeles used to get cool at night, no matter how hot it got during the day, and the evenings were the best time of all to sit outside with the knitting."
		para2 = "These arm warmers were knit in a variegated cotton yarn over two evenings, seamed up the long sides, and finished with a row of picots at the top to keep them neat."
		reply = "Sixty degrees for a low when the high is above a hundred sounds lovely to me right now."
		sig1  = "Posted by laurie at September 10, 2012 9:01 AM"
		sig2  = "Posted by: Ellen at September 10, 2012 11:40 AM"
		sig3  = "Posted by: Toni at September 10, 2012 12:11 PM"
	)
	post := `<p>` + para1 + `</p><p>` + para2 + `</p>`
	thread := `<p>` + sig1 + `</p><p>` + reply + `</p><p>` + sig2 + `</p><p>` + reply + ` Twice.</p><p>` + sig3 + `</p>`
	tests := []struct {
		name    string
		page    string
		body    []string
		content string // what the content extractor keeps, when not the whole page
	}{
		{"the post's signature, then comments each signed",
			post + thread,
			[]string{para1, para2}, ""},
		{"a thread the content extractor left out",
			`<div>` + post + `</div>` + thread,
			[]string{para1, para2}, post},
		{"two signatures are no thread",
			post + `<p>` + sig1 + `</p><p>` + reply + `</p><p>` + sig2 + `</p>`,
			[]string{para1, para2, sig1, reply, sig2}, ""},
		{"a signature above the post opens it",
			`<h2>Summer arm warmers</h2><p>` + sig1 + `</p>` + post + `<p>` + reply + `</p><p>` + sig2 + `</p><p>` + reply + ` Twice.</p><p>` + sig3 + `</p>`,
			[]string{"Summer arm warmers", sig1, para1, para2, reply, sig2, reply + " Twice.", sig3}, ""},
		{"lines without a time of day are no signatures",
			post + `<p>Posted in Knitting</p><p>` + reply + `</p><p>Posted in Weather</p><p>Posted in Yarn</p>`,
			[]string{para1, para2, "Posted in Knitting", reply, "Posted in Weather", "Posted in Yarn"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := bodyOrComments(t, tt.page, cmp.Or(tt.content, tt.page))
			if !slices.Equal(body, tt.body) {
				t.Errorf("body = %q, want %q", body, tt.body)
			}
		})
	}
}

// TestIsCommentHeader checks which short lines open a comment section.
func TestIsCommentHeader(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Leave a Reply", true},
		{"Post a Comment", true},
		{"12 Comments", true},
		{"1 comment:", true},
		{"Comments (3)", true},
		{"76 Replies", false},
		{"Comments are closed.", true},
		{"Comments are now closed for this story", true},
		{"4 thoughts on \u201cSummer arm warmers\u201d", true},
		{"Join the discussion", true},
		{"Comments", true},
		{"12 Days of Christmas", false},
		{"Comments on the draft budget", false},
		{"Reply to the minister", false},
		{"Leave the light on", false},
		{"Full Response:", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := isCommentHeader(shingle.Tokens(tt.line)); got != tt.want {
				t.Errorf("isCommentHeader(%q) = %v, want %v", tt.line, got, tt.want)
			}
		})
	}
}

// TestDropAfterCommentHeader checks that the body ends at a comment section's header
// below the article, and not at one in the article's first words.
func TestDropAfterCommentHeader(t *testing.T) {
	const (
		para1 = "I am not sure about you, but my employer's open enrollment period started this week, and it is the time of year when we look again at every benefit we have."
		para2 = "This means that we will be sticking with our high-deductible health plan and the savings account that comes with it, as we have done for the last three years."
		offer = "Earn a bonus after you make your first purchases in the first three months from account opening."
	)
	post := `<p>` + para1 + `</p><p>` + para2 + `</p>`
	tests := []struct {
		name string
		page string // the whole page, which the content extractor keeps whole
		body []string
	}{
		{"a comment form and offers under the article",
			post + `<h3>Leave a Reply</h3><p>` + offer + `</p>`,
			[]string{para1, para2}},
		{"a header in the article's first words",
			`<p>12 Comments</p>` + post,
			[]string{"12 Comments", para1, para2}},
		{"no header",
			post + `<h3>Top cards by category</h3><p>` + offer + `</p>`,
			[]string{para1, para2, "Top cards by category", offer}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := bodyOrComments(t, tt.page, tt.page)
			if !slices.Equal(body, tt.body) {
				t.Errorf("body = %q, want %q", body, tt.body)
			}
		})
	}
}

// TestReasonOfStateClasses checks that classes describing an element's state or content
// do not label blocks as chrome, while the element's own kind still does.
func TestReasonOfStateClasses(t *testing.T) {
	tests := []struct {
		name, html, text, want string
	}{
		{"a body class saying the page has a sidebar",
			`<body class="single-post has-sidebar"><div><p>Story</p></div></body>`, "Story", outsideBody},
		{"an html class saying scripts are off",
			`<html class="no-js"><body class="no-comments"><p>Story</p></body></html>`, "Story", outsideBody},
		{"an element that says it has comments",
			`<div class="post has-comments"><p>Story</p></div>`, "Story", outsideBody},
		{"a state word in the middle of a class name",
			`<div class="summary-item-has-author"><p>Story</p></div>`, "Story", outsideBody},
		{"a state word with underscores",
			`<div class="et_show_nav"><p>Story</p></div>`, "Story", outsideBody},
		{"the element's kind before the state word counts",
			`<div class="header--has-menu"><a>Home</a></div>`, "Home", "page header"},
		{"another class of the same element counts",
			`<div class="no-sidebar comments-area"><p>Nice post</p></div>`, "Nice post", commentSection},
		{"an element inside the body keeps its own reason",
			`<body class="has-sidebar"><aside><p>Popular</p></aside></body>`, "Popular", "sidebar"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.html))
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range pageBlocks(doc) {
				if b.text == tt.text {
					if got := cmp.Or(b.outside, outsideBody); got != tt.want {
						t.Errorf("reason = %q, want %q", got, tt.want)
					}
					return
				}
			}
			t.Errorf("no block %q", tt.text)
		})
	}
}

// TestTeaserExcerpt checks the reason of prose outside the body that is cut off with an
// ellipsis.
func TestTeaserExcerpt(t *testing.T) {
	const (
		article = "The council voted on Tuesday to close the old bridge for repairs next spring."
		teaser  = "Engineers found cracks in two of the piers of the old bridge during an inspection"
	)
	tests := []struct {
		name, outside, want string
	}{
		{"cut off with an ellipsis character", `<p>` + teaser + ` …</p>`, teaserExcerpt},
		{"cut off with three dots", `<p>` + teaser + `...</p>`, teaserExcerpt},
		{"cut off with dots in brackets", `<p>` + teaser + ` [...]</p>`, teaserExcerpt},
		{"a sentence", `<p>` + teaser + `.</p>`, outsideBody},
		{"a short label", `<p>Loading...</p>`, outsideBody},
		{"an element's reason comes first", `<aside><p>` + teaser + ` …</p></aside>`, "sidebar"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := `<article><p>` + article + `</p></article>` + tt.outside
			blocks := markPage(t, page, `<p>`+article+`</p>`)
			if len(blocks) != 2 || blocks[0].Outside != "" {
				t.Fatalf("blocks = %+v, want the article then the outside block", blocks)
			}
			if got := blocks[1].Outside; got != tt.want {
				t.Errorf("reason = %q, want %q", got, tt.want)
			}
		})
	}
}

// markPage marks the blocks of page against the content the extractor would have kept.
func markPage(t *testing.T, page, content string) []document.Block {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	ct, err := html.Parse(strings.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	return mark(pageBlocks(doc), ct)
}

// bodyOrComments returns the texts of page's body blocks, reporting any block that leaves
// the body for a reason other than a comment section.
func bodyOrComments(t *testing.T, page, content string) []string {
	t.Helper()
	var body []string
	for _, b := range markPage(t, page, content) {
		switch {
		case b.Outside == "":
			body = append(body, b.Text)
		case b.Outside != commentSection:
			t.Errorf("%q removed as %q, want %q", b.Text, b.Outside, commentSection)
		}
	}
	return body
}

func TestDropWrapperReasons(t *testing.T) {
	const (
		paywall = "To read this article in full you must be a registered user of the site."
		para1   = "Revellers hoping for a ticket to this summer's festival will have to register their photographs online first."
		para2   = "As part of the battle against touts, anyone wanting a ticket must send a passport picture by the end of March."
		para3   = "The organisers said the scheme had cut the number of tickets sold on again at many times their price."
	)
	article := `<p>` + para1 + `</p><p>` + para2 + `</p><p>` + para3 + `</p>`
	tests := []struct {
		name, page, content string
		want                string // the reason of the block of para2
	}{
		{
			name:    "a form that wraps the page and the content",
			page:    `<form id="aspnetForm"><p>` + paywall + `</p>` + article + `</form>`,
			content: `<p>` + paywall + `</p>`,
			want:    outsideBody,
		},
		{
			name:    "a header element that holds the article",
			page:    `<div class="entry-header"><p>` + paywall + `</p>` + article + `</div>`,
			content: `<p>` + paywall + `</p>`,
			want:    outsideBody,
		},
		{
			name:    "a sidebar that holds most words but none of the content",
			page:    `<p>` + paywall + `</p><aside>` + article + `</aside>`,
			content: `<p>` + paywall + `</p>`,
			want:    "sidebar",
		},
		{
			// A long profile in the sidebar beside a short post, the post's title repeated
			// in the sidebar's list of recent posts.
			name:    "a sidebar that holds most words but little of the content",
			page:    `<aside><p>Recent: festival tickets</p>` + article + `</aside><p>` + paywall + `</p>`,
			content: `<p>Recent: festival tickets</p><p>` + paywall + `</p>`,
			want:    "sidebar",
		},
		{
			name:    "a form that holds less than half the words",
			page:    `<p>` + paywall + `</p><p>` + para1 + `</p><p>` + para3 + `</p><form><p>` + paywall + `</p><p>` + para2 + `</p></form>`,
			content: `<p>` + paywall + `</p>`,
			want:    "form",
		},
		{
			name:    "an element named for what it holds keeps its reason",
			page:    `<div class="related-posts"><p>` + paywall + `</p>` + article + `</div>`,
			content: `<p>` + paywall + `</p>`,
			want:    "related stories",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := markPage(t, tt.page, tt.content)
			for _, b := range blocks {
				if b.Text == para2 {
					if b.Outside != tt.want {
						t.Errorf("reason %q, want %q", b.Outside, tt.want)
					}
					return
				}
			}
			t.Fatalf("no block of the second paragraph in %+v", blocks)
		})
	}
}
