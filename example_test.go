package newspipe_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"slices"
	"time"

	"github.com/newspipe/newspipe"
)

const page = `<html><head><title>Council approves budget | Riverton Herald</title>
<meta property="og:title" content="Council approves budget">
<meta property="og:site_name" content="Riverton Herald">
<meta name="author" content="Jane Doe">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Council approves budget</h1>
<p>By Jane Doe</p>
<p>The city council in Riverton approved a new budget yesterday after a long debate about library hours.</p>
<p>Mayor Ann Lee said the plan, which takes effect on July 1, keeps taxes steady for the third year in a row.</p>
</article>
<footer>Subscribe to our newsletter</footer>
</body></html>`

func Example() {
	a, err := newspipe.New(newspipe.Options{Published: time.Date(2018, 6, 10, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		log.Fatal(err)
	}
	rec, err := a.Annotate(context.Background(), newspipe.Input{ID: "budget", URL: "https://herald.example/news/budget", Content: []byte(page)})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("title:", rec.Title)
	fmt.Println("authors:", rec.Authors)
	fmt.Println("site:", rec.Site)
	fmt.Println(rec.Text)
	for _, r := range rec.Removed {
		fmt.Printf("removed: %q (%s)\n", r.Text, r.Reason)
	}
	for _, e := range rec.Entities {
		fmt.Println("entity:", e.Type, e.Name)
	}
	for _, d := range rec.Dates {
		fmt.Println("date:", d.Text, "=", d.Value)
	}
	// Output:
	// title: Council approves budget
	// authors: [Jane Doe]
	// site: Riverton Herald
	// The city council in Riverton approved a new budget yesterday after a long debate about library hours.
	//
	// Mayor Ann Lee said the plan, which takes effect on July 1, keeps taxes steady for the third year in a row.
	// removed: "Home News Sport" (navigation menu)
	// removed: "Council approves budget" (outside the article body)
	// removed: "By Jane Doe" (outside the article body)
	// removed: "Subscribe to our newsletter" (newsletter sign-up)
	// entity: LOC Riverton
	// entity: PERSON Ann Lee
	// date: yesterday = 2018-06-09
	// date: July 1 = 2018-07-01
}

// An Annotator runs a batch through its concurrent stages and gives the records in input
// order; a document it cannot process gives an error record in its place.
func ExampleAnnotator_AnnotateAll() {
	a, err := newspipe.New(newspipe.Options{})
	if err != nil {
		log.Fatal(err)
	}
	inputs := []newspipe.Input{
		{ID: "a", Content: []byte("Talks in Geneva\n\nThe talks between the two delegations resumed in Geneva on Monday, officials said.\n")},
		{ID: "empty", Content: nil},
		{ID: "b", Format: "html", Content: []byte(page)},
	}
	err = a.AnnotateAll(context.Background(), slices.Values(inputs), func(r newspipe.Record) error {
		if r.Error != nil {
			fmt.Printf("%s: failed in %s: %s\n", r.ID, r.Error.Stage, r.Error.Message)
			return nil
		}
		fmt.Printf("%s: %s (%s, %s)\n", r.ID, r.Title, r.Source.Format, r.Language)
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// a: Talks in Geneva (text, en)
	// empty: failed in decode: empty document
	// b: Council approves budget (html, en)
}

// A document over its time limit gives an error record, and an error that wraps ErrTimeout.
func ExampleAnnotator_Annotate_timeout() {
	a, err := newspipe.New(newspipe.Options{Timeout: time.Nanosecond})
	if err != nil {
		log.Fatal(err)
	}
	rec, err := a.Annotate(context.Background(), newspipe.Input{ID: "slow", Content: []byte(page)})
	fmt.Println(errors.Is(err, newspipe.ErrTimeout), rec.ID, rec.Error != nil)
	// Output:
	// true slow true
}
