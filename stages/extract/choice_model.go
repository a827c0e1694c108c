package extract

import (
	"encoding/json"
	"fmt"
	"strings"
)

// choiceModel is the stored form of a learned choice among a page's candidates (its
// date, its byline): the names of the features, in order, and their weights, the last
// of which, past the features, is the bias.
type choiceModel struct {
	Features []string  `json:"features"`
	Weights  []float64 `json:"weights"`
}

// parseChoiceModel reads the weights of the named model (for errors) written by
// encodeChoiceModel, and checks that they are for the features names.
func parseChoiceModel(name string, names []string, b []byte) ([]float64, error) {
	var m choiceModel
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s model: %w", name, err)
	}
	if strings.Join(m.Features, "\n") != strings.Join(names, "\n") || len(m.Weights) < len(names) {
		return nil, fmt.Errorf("%s model: its features are not those of this build", name)
	}
	return m.Weights, nil
}

// encodeChoiceModel writes weights w of the features names as indented JSON.
func encodeChoiceModel(name string, names []string, w []float64) ([]byte, error) {
	b, err := json.MarshalIndent(choiceModel{Features: names, Weights: w}, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("%s model: %w", name, err)
	}
	return append(b, '\n'), nil
}

// Score is a date or byline candidate's score under weights w (a weight past the
// features, the bias, is shared by all candidates and does not change the choice).
func Score(w, x []float64) float64 {
	s := 0.0
	for i, v := range x {
		if i < len(w) {
			s += w[i] * v
		}
	}
	return s
}
