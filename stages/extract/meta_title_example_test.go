package extract_test

import (
	"fmt"

	"github.com/newspipe/newspipe/stages/extract"
)

// The page declares its title with the site's name beside it and shows it as its
// headline: the candidates are the declared texts, their parts and the headline, and the
// embedded weights choose the headline.
func ExampleTitleCandidates() {
	page := `<html><head><title>Storm closes schools | Daily Planet</title>
		<meta property="og:site_name" content="Daily Planet"></head>
		<body><article><h1>Storm closes schools</h1><p>Text.</p></article></body></html>`
	cands, err := extract.TitleCandidates(page)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range cands {
		fmt.Println(c.Text)
	}
	weights, err := extract.ParseTitleModel(extract.TitleModelJSON())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("chosen:", cands[extract.BestTitle(cands, weights)].Text)
	// Output:
	// Storm closes schools
	// Storm closes schools | Daily Planet
	// Daily Planet
	// chosen: Storm closes schools
}
