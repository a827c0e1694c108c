package extract_test

import (
	"fmt"

	"github.com/newspipe/newspipe/stages/extract"
)

// The page's JSON-LD gives a publication date the page hides and the update date it
// shows under the headline: a reader takes the one shown.
func ExampleDateCandidates() {
	page := `<html><head><script type="application/ld+json">{"@type": "Article",
		"datePublished": "2024-09-06", "dateModified": "2025-11-14"}</script></head>
		<body><article><h1>Storm closes schools</h1><p>November 14, 2025</p><p>Text.</p></article></body></html>`
	cands, err := extract.DateCandidates(page)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range cands {
		fmt.Println(c.Day)
	}
	weights, err := extract.ParseDateModel(extract.DateModelJSON())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("chosen:", cands[extract.BestDate(cands, weights)].Day)
	// Output:
	// 2024-09-06
	// 2025-11-14
	// chosen: 2025-11-14
}
