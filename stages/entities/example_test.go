package entities_test

import (
	"fmt"
	"log"

	"github.com/newspipe/newspipe/stages/entities"
)

// A Recognizer scores as a ner.Predictor: given a document as sentences of tokens, it
// gives back the stage's mentions as token spans with CoNLL-2003 types.
func ExampleRecognizer_Predict() {
	r, err := entities.New()
	if err != nil {
		log.Fatal(err)
	}
	doc := [][]string{{"The", "U.S.", "Senate", "met", "in", "Washington", "."}}
	for _, sp := range r.Predict(doc)[0] {
		fmt.Println(doc[0][sp.Start:sp.End], sp.Type)
	}
	// Output:
	// [U.S. Senate] ORG
	// [Washington] LOC
}
