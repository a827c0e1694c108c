package clean

import (
	"testing"

	"github.com/newspipe/newspipe/document"
)

func TestStoredDatelineModel(t *testing.T) {
	m, err := parseDatelineModel(datelineWeights)
	if err != nil {
		t.Fatal(err)
	}
	data, err := EncodeDatelineModel(m.Weights, m.Threshold)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != string(datelineWeights) {
		t.Error("encoding the stored model again gives other bytes")
	}
	tests := []struct {
		name, json string
	}{
		{"not JSON", "{"},
		{"other features", `{"features": ["words"], "weights": [1, 0], "threshold": 0}`},
		{"missing weights", `{"features": ` + quoteAll(datelineFeatureNames) + `, "weights": [1], "threshold": 0}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := parseDatelineModel([]byte(tt.json)); err == nil {
				t.Error("no error")
			}
		})
	}
}

// TestLearnedDate runs the stored date scorer on a raw text's lines whose headline (line
// 0) and body (from line 2) are given, as readMeta finds them.
func TestLearnedDate(t *testing.T) {
	body := []string{
		"The council voted on Tuesday to close the old bridge to cars for the whole of next year.",
		"Repairs will start in the spring and cost the city about four million dollars, officials said.",
		"Cyclists and walkers will still be able to cross during the works, the mayor told reporters.",
	}
	tests := []struct {
		name   string
		header []string // the lines between the headline and the body
		tail   []string // lines after the body
		html   bool     // the lines come from the HTML extractor
		ruled  string   // the date the rules read
		want   string
	}{
		{"date line under the headline", []string{"February 10, 2025"}, nil, false, "", "2025-02-10"},
		{"published and updated: the publication", []string{"Published March 1, 2024 | Updated April 2, 2024"}, nil, false, "", "2024-03-01"},
		{"no date on the page", []string{"Jane Roe"}, nil, false, "", ""},
		{"the rules' date stays", []string{"February 10, 2025"}, nil, false, "2025-02-11", "2025-02-11"},
		{"a related story's date under the article", nil, []string{"Crossword: February 20, 2025", "The Week's daily crossword"}, false, "", ""},
		{"HTML blocks are read from the markup", []string{"February 10, 2025"}, nil, true, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := append(append(append([]string{"Council closes the old bridge to cars for a year"}, tt.header...), body...), tt.tail...)
			blocks := linesToBlocks(lines)
			if tt.html {
				for i := range blocks {
					blocks[i].Tag = "p"
				}
			}
			info := analyseBlocks(blocks)
			keep := make([]bool, len(lines))
			reasons := make([]string, len(lines))
			first := 1 + len(tt.header)
			for i := first; i < first+len(body); i++ {
				keep[i] = true
			}
			meta := document.Metadata{Published: tt.ruled}
			learnedDate(blocks, info, keep, reasons, 0, first, storedDateline, nil, &meta)
			if meta.Published != tt.want {
				t.Errorf("published %q, want %q", meta.Published, tt.want)
			}
		})
	}
}

func TestDatelineFeatures(t *testing.T) {
	lines := []string{"Headline of the story goes here", "Published March 1, 2024 | Updated April 2, 2024", "Body line that is long enough to be prose."}
	info := analyseBlocks(linesToBlocks(lines))
	cands := datelineCandidates(info, []bool{false, false, true}, make([]string, 3), 0, 2)
	if len(cands) != 2 {
		t.Fatalf("%d candidates, want 2", len(cands))
	}
	tests := []struct {
		name               string
		c                  datelineCandidate
		date               string
		published, updated float64
	}{
		{"the published date", cands[0], "2024-03-01", 1, 0},
		{"the update's date", cands[1], "2024-04-02", 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.c.date != tt.date {
				t.Errorf("date %s, want %s", tt.c.date, tt.date)
			}
			if tt.c.x[2] != tt.published || tt.c.x[3] != tt.updated {
				t.Errorf("published before it %v, updated before it %v; want %v, %v", tt.c.x[2], tt.c.x[3], tt.published, tt.updated)
			}
		})
	}
}

// TestDatelinesUnderTheArticle checks which dates written under the article's body are
// weighed: its own footer's, which opens with the date, and not another story's.
func TestDatelinesUnderTheArticle(t *testing.T) {
	tests := []struct {
		name, line string
		want       string // the date weighed, "" for none
	}{
		{"the entry's footer", "Monday, August 11th, 2025 at 11:00 am | Categories: Helena, Thermostats |", "2025-08-11"},
		{"the footer without a weekday", "August 11, 2025 | Categories: Thermostats", "2025-08-11"},
		{"a related story's title", "Crossword: February 20, 2025", ""},
		{"a weekday inside a title", "Smart thermostats on Monday, August 11, 2025 sale", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := []string{"Headline of the story goes here",
				"Body line that is long enough to be prose, and it goes on.",
				"Another body line that is long enough to be prose as well.", tt.line}
			info := analyseBlocks(linesToBlocks(lines))
			cands := datelineCandidates(info, []bool{false, true, true, false}, make([]string, 4), 0, 1)
			got := ""
			for _, c := range cands {
				if c.line == 3 {
					got = c.date
				}
			}
			if got != tt.want {
				t.Errorf("date weighed %q, want %q", got, tt.want)
			}
		})
	}
}
