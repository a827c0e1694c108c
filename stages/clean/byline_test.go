package clean

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/newspipe/newspipe/document"
)

func TestStoredBylineModel(t *testing.T) {
	m, err := parseBylineModel(bylineWeights)
	if err != nil {
		t.Fatal(err)
	}
	data, err := EncodeBylineModel(m.Weights, m.Threshold)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != string(bylineWeights) {
		t.Error("encoding the stored model again gives other bytes")
	}
	tests := []struct {
		name, json string
	}{
		{"not JSON", "{"},
		{"other features", `{"features": ["words"], "weights": [1, 0], "threshold": 0}`},
		{"missing weights", `{"features": ` + quoteAll(bylineFeatureNames) + `, "weights": [1], "threshold": 0}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := parseBylineModel([]byte(tt.json)); err == nil {
				t.Error("no error")
			}
		})
	}
}

// TestFitBylineLearnsTheEvidence fits weights to candidates where only one feature tells
// the author's line, and checks the fitted scorer ranks by it.
func TestFitBylineLearnsTheEvidence(t *testing.T) {
	var xs [][]float64
	var ys []float64
	for i := range 40 {
		x := make([]float64, BylineFeatures)
		x[11] = float64(i%5) / 4 // words: noise
		y := 0.0
		if i%4 == 0 {
			x[5], y = 1, 1 // a byline label above
		}
		xs, ys = append(xs, x), append(ys, y)
	}
	w := FitByline(xs, ys, 0.1)
	with, without := make([]float64, BylineFeatures), make([]float64, BylineFeatures)
	with[5] = 1
	if ScoreByline(w, with) <= ScoreByline(w, without) {
		t.Errorf("weights %v do not prefer the line under a byline label", w)
	}
	if again := FitByline(xs, ys, 0.1); !reflect.DeepEqual(again, w) {
		t.Error("fitting twice gave different weights")
	}
}

func linesOf(text string) []document.Block {
	var blocks []document.Block
	for _, l := range strings.Split(text, "\n") {
		blocks = append(blocks, document.Block{Text: l})
	}
	return blocks
}

// TestLearnedByline checks the stored scorer on texts whose byline the rules do not read:
// a name under a byline label, a name right under the headline; and that it names nobody
// where no line names a person, and leaves HTML pages to the extractor.
func TestLearnedByline(t *testing.T) {
	const body = "The city council in Riverton approved a new budget yesterday after a long debate about library hours and parks.\n" +
		"Mayor Ann Lee said the plan, which takes effect on July 1, keeps taxes steady for the third year in a row.\n" +
		"Council members voted six to one, with the lone dissent coming from a member who wanted more money for roads.\n"
	tests := []struct {
		name   string
		blocks []document.Block
		want   []string
	}{
		{"name under a byline label", linesOf("Home\nNews\nCouncil approves the city budget for next year\nWritten by\nJane Doe\nShare\n" + body), []string{"Jane Doe"}},
		{"name under the headline over the reading time", linesOf("Home\nNews\nCouncil approves the city budget for next year\nJane Doe\n5 min read\n" + body), []string{"Jane Doe"}},
		{"no name", linesOf("Home\nNews\nCouncil approves the city budget for next year\nShare\n" + body), nil},
		{"HTML blocks", func() []document.Block {
			b := linesOf("Home\nNews\nCouncil approves the city budget for next year\nWritten by\nJane Doe\nShare\n" + body)
			for i := range b {
				b[i].Tag = "p"
			}
			return b
		}(), nil},
	}
	c := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := c.CleanContext(context.Background(), tt.blocks)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(res.Meta.Authors, tt.want) {
				t.Errorf("authors %q, want %q", res.Meta.Authors, tt.want)
			}
		})
	}
}

func TestLabelledNames(t *testing.T) {
	tests := []struct {
		name, line string
		want       []string
		role       bool
	}{
		{"label", "Written by Camila Karalyte", []string{"Camila Karalyte"}, false},
		{"label with a colon", "Written by: Sean Peek", []string{"Sean Peek"}, false},
		{"date then by", "October 11, 2023 by Autumn Huerter", []string{"Autumn Huerter"}, false},
		{"date then by, category cut", "May 18, 2023 By Sara Harberson In", []string{"Sara Harberson"}, false},
		{"name and affiliation", "Shelia R. Cotten, Clemson University", []string{"Shelia R. Cotten"}, true},
		{"name and role after a dash", "Jane Roe - Product marketer", []string{"Jane Roe"}, true},
		{"several names", "Rui Ma, Heba Ledwon & Suparn Patra", []string{"Rui Ma", "Heba Ledwon", "Suparn Patra"}, false},
		{"name and credentials", "Dylan Bailey, MS, RD, FAND", []string{"Dylan Bailey, MS, RD, FAND"}, false},
		{"a role first is no name", "Staff Writer, The Daily Planet", nil, false},
		{"a sentence", "Contact us today for a free quote on your move", nil, false},
		{"by in running text without a date", "Photos taken by Jane Roe", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			li := analyse(tt.line, lowerASCII(tt.line))
			got, role := labelledNames(&li)
			if !reflect.DeepEqual(got, tt.want) || role != tt.role {
				t.Errorf("labelledNames(%q) = %q, %v; want %q, %v", tt.line, got, role, tt.want, tt.role)
			}
		})
	}
}

func TestDatedNames(t *testing.T) {
	tests := []struct {
		name, line string
		want       []string
	}{
		{"long byline with categories", "by Jane Roe | Mar 11, 2023 | All About Brakes and Brake Repair, Learn About Brakes | 0 comments", []string{"Jane Roe"}},
		{"name then date", "Jane Roe January 23, 2025 10:01 am", []string{"Jane Roe"}},
		{"date glued to the name", "Dec 17, 2025Jane K. Roe", []string{"Jane K. Roe"}},
		{"date, dot, name and group", "Dec. 19, 2025 · Jane Roe on behalf of Vision Doc group", []string{"Jane Roe"}},
		{"date, bullet, name and category", "Dec 26, 2025 • Jane Roe in Project Management", []string{"Jane Roe"}},
		{"a date line's label", "Released Wednesday, March 2, 2022", nil},
		{"a date alone", "December 3, 2025", nil},
		{"no date", "Jane Roe and the Lost Key", nil},
		{"a sentence with a date", "The vote was held on June 10, 2018 in the capital city of the country.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			li := analyse(tt.line, lowerASCII(tt.line))
			if got := datedNames(&li); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("datedNames(%q) = %q, want %q", tt.line, got, tt.want)
			}
		})
	}
}

func TestBylineLabel(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"By", true},
		{"Written by", true},
		{"Article written by:", true},
		{"THE AUTHOR", true},
		{"Posted by:", true},
		{"Reviewed by", false},
		{"Article reviewed by:", false},
		{"Photos by", false},
		{"Recent Posts", false},
		{"Everything you need to know, as told by", false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			li := analyse(tt.line, lowerASCII(tt.line))
			if got := bylineLabel(&li); got != tt.want {
				t.Errorf("bylineLabel(%q) = %v, want %v", tt.line, got, tt.want)
			}
		})
	}
}

func TestLowerCaseShare(t *testing.T) {
	info := analyseBlocks(linesToBlocks([]string{
		"Select Page",
		"Planning a wedding takes months, and the right tools make every page of it easier.",
		"Jane Roe",
	}))
	tests := []struct {
		name  string
		names []string
		want  float64
	}{
		{"a label the prose writes in lower case", []string{"Select Page"}, 0.5},
		{"a person's name", []string{"Jane Roe"}, 0},
		{"words of a short line are not counted", []string{"Select"}, 0},
		{"two names", []string{"Jane Roe", "Wedding Planning"}, 0.25},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lowerCaseShare(tt.names, lowerCaseWords(info, tt.names)); got != tt.want {
				t.Errorf("lowerCaseShare(%q) = %v, want %v", tt.names, got, tt.want)
			}
		})
	}
}

func TestBiographyBelow(t *testing.T) {
	info := analyseBlocks(linesToBlocks([]string{
		"Maria Mathioudaki",
		"Maria is a growth analyst specializing in search marketing and data analytics.",
		"Jane Roe",
		"Share this article",
		"Mariana Trench explorers have found that the deep sea holds many new species.",
	}))
	tests := []struct {
		name string
		line int
		want bool
	}{
		{"an author box", 0, true},
		{"no prose under the name", 2, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := biographyBelow(info, tt.line, info[tt.line].text); got != tt.want {
				t.Errorf("biographyBelow(%q) = %v, want %v", info[tt.line].text, got, tt.want)
			}
		})
	}
	if biographyBelow(info, 3, "Maria Roe") {
		t.Error(`"Mariana Trench ..." is no biography of Maria Roe`)
	}
}

func TestCopyrightName(t *testing.T) {
	tests := []struct{ name, line, want string }{
		{"a person's site", "Copyright Sam Bossley 2012-2025. CC BY-NC 4.0.", "Sam Bossley"},
		{"with the year first", "© 2025 Gary Marcus. All rights reserved.", "Gary Marcus"},
		{"a one-word company", "© 2018 Mothership", ""},
		{"no notice", "Sam Bossley writes about programming languages", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			li := analyse(tt.line, lowerASCII(tt.line))
			if got := copyrightName(&li); got != tt.want {
				t.Errorf("copyrightName(%q) = %q, want %q", tt.line, got, tt.want)
			}
		})
	}
}

// TestOtherStoriesBylines checks that the bylines of a list of other stories under the
// article are no candidates, while an author box there stays one.
func TestOtherStoriesBylines(t *testing.T) {
	lines := []string{
		"Council closes the old bridge to cars for a year",
		"The council voted on Tuesday to close the old bridge to cars for the whole of next year.",
		"Repairs will start in the spring and cost the city about four million dollars, officials said.",
		"Store closings could accelerate throughout 2025",
		"By Justin Klawans, The Week US Published",
		"Ukraine's mineral riches and Trump's shakedown diplomacy",
		"By Harriet Marsden, The Week UK Published",
		"About the author",
		"Jane Roe",
	}
	info := analyseBlocks(linesToBlocks(lines))
	keep := []bool{false, true, true, false, false, false, false, false, false}
	var got []string
	for _, c := range bylineCandidates(info, keep, make([]string, len(lines)), 0, 1) {
		got = append(got, c.names...)
	}
	if want := []string{"Jane Roe"}; !slices.Equal(got, want) {
		t.Errorf("candidates %q, want %q", got, want)
	}
}

func TestGivenNameFirst(t *testing.T) {
	tests := []struct {
		name, in string
		want     bool
	}{
		{"a person", "Maria Mathioudaki", true},
		{"after By", "By David Ingram", true},
		{"a menu", "Select Page", false},
		{"a place", "Las Vegas", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := givenNameFirst(tt.in); got != tt.want {
				t.Errorf("givenNameFirst(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestCommonWordsOnly(t *testing.T) {
	tests := []struct {
		name, in string
		want     bool
	}{
		{"a date's label", "Released", true},
		{"a menu item", "Recent Posts", true},
		{"a category", "Climate Change", true},
		{"one-letter words are not weighed", "Find A Location", true},
		{"after By", "By Latest", true},
		{"a person", "Jane Roe", false},
		{"a surname that is a word, after a given name", "Autumn Adams", false},
		{"a given name that is a word", "Bill Pay", false},
		{"a word and a name", "Marketing Jones", false},
		{"a place named by common words", "United Kingdom", true},
		{"a place named otherwise", "Las Vegas", false},
		{"no word of two letters", "A", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := commonWordsOnly(tt.in); got != tt.want {
				t.Errorf("commonWordsOnly(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestLabelsAreNoBylineCandidates(t *testing.T) {
	lines := []string{
		"Council closes the old bridge to cars for a year",
		"Recent Posts",
		"Jane Roe",
		"The council voted on Tuesday to close the old bridge to cars for the whole of next year.",
		"Climate Change",
		"Bill Pay",
		"By Quiet Light",
	}
	info := analyseBlocks(linesToBlocks(lines))
	keep := []bool{false, false, false, true, false, false, false}
	var got []string
	var common []bool
	for _, c := range bylineCandidates(info, keep, make([]string, len(lines)), 0, 3) {
		got = append(got, c.names...)
		common = append(common, c.common)
	}
	// "Bill Pay" starts with a given name and "By Quiet Light" has a byline's label: the
	// scorer weighs them, the last ("Quiet Light", read after its label) as a name of
	// common words.
	if want := []string{"Jane Roe", "Bill Pay", "Quiet Light"}; !slices.Equal(got, want) {
		t.Errorf("candidates %q, want %q", got, want)
	}
	if want := []bool{false, false, true}; !slices.Equal(common, want) {
		t.Errorf("common words only %v, want %v", common, want)
	}
}

func TestFamilyNameLast(t *testing.T) {
	tests := []struct {
		name, in string
		want     bool
	}{
		{"a person", "Karen Rhodes", true},
		{"after By", "By Chris Hansen", true},
		{"credentials after a comma", "Karen Rhodes, MD", true},
		{"a product", "Proton VPN", false},
		{"a place", "Hunt Valley", false},
		{"one word", "Rhodes", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := familyNameLast(tt.in); got != tt.want {
				t.Errorf("familyNameLast(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestCommonAfterGivenName(t *testing.T) {
	tests := []struct {
		name, in string
		want     bool
	}{
		{"a menu item led by a given name", "Pet Insurance", true},
		{"after By", "By Case Study", true},
		{"a person", "Karen Rhodes", false},
		{"no given name first", "Recent Posts", false},
		{"one word", "Karen", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := commonAfterGivenName(tt.in); got != tt.want {
				t.Errorf("commonAfterGivenName(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestBylineHandle(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"after By", "By infuy", "infuy"},
		{"after a date and by", "Posted on July 1, 2024 by infuy", "infuy"},
		{"before a separator", "By: ShawnHymel | December 16, 2025 | Categories: Uncategorized", "ShawnHymel"},
		{"before a date", "by ibby December 3, 2025", "ibby"},
		{"a person's name is no handle", "By Jane Roe", ""},
		{"words after by", "by the way we went", ""},
		{"no label", "infuy", ""},
		{"not a word", "By 2025", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			li := analyse(tt.in, lowerASCII(tt.in))
			if got := bylineHandle(&li); got != tt.want {
				t.Errorf("bylineHandle(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestInstitutionName(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"Park University", true},
		{"Batten School", true},
		{"TP-Link Systems Inc", true},
		{"Jane Roe", false},
		{"Parker Lewis", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := institutionName(tt.name); got != tt.want {
				t.Errorf("institutionName(%q) = %v, want %v", tt.name, got, tt.want)
			}
		})
	}
}

// TestBylineCandidateNames checks the names a byline candidate gives for its line.
func TestBylineCandidateNames(t *testing.T) {
	tests := []struct {
		name, line string
		want       []string
	}{
		{"a name", "Jane Roe", []string{"Jane Roe"}},
		{"a label in capitals", "Written By Alpha Apex", []string{"Alpha Apex"}},
		{"a label in small letters", "Written by Jane Roe", []string{"Jane Roe"}},
		{"posted by in capitals", "Posted By Jane Roe", []string{"Jane Roe"}},
		{"a team under the headline", "The Investopedia Team", []string{"The Investopedia Team"}},
		{"a site's staff", "EcoCult Staff", []string{"EcoCult Staff"}},
		{"a team after by", "By the Lavazza Team 2–3 minutes", []string{"the Lavazza Team"}},
		{"editors after by", "By The Currency editors", []string{"The Currency editors"}},
		{"the site's team page", "Our Team", nil},
		{"a labelled list of over ten words", "Written by Dr Marna van der Merwe, Dr Dieter Veldsman, Erik van Vulpen",
			[]string{"Dr Marna van der Merwe", "Dr Dieter Veldsman", "Erik van Vulpen"}},
		{"a paper's authors", "Naftali Tishby, Fernando C. Pereira, William Bialek",
			[]string{"Naftali Tishby", "Fernando C. Pereira", "William Bialek"}},
		{"authors with affiliation marks", "John Kim 1,✉, Mary Lee 1, Anna Park 2",
			[]string{"John Kim", "Mary Lee", "Anna Park"}},
		{"a dated byline of over fifteen words", "by Jane Roe | Mar 11, 2023 | All About Brakes and Brake Repair, Learn About Brakes | 0 comments",
			[]string{"Jane Roe"}},
		{"a byline between separators", "0 · by Jane Roe · Updated on 8 January 2026", []string{"Jane Roe"}},
		{"a writer after a reviewer", "Medically reviewed by John Doe, MD — Written by Jane Roe, MS, RD — Updated on March 7, 2025",
			[]string{"Jane Roe, MS, RD"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := []string{
				"Council closes the old bridge to cars for a year",
				tt.line,
				"The council voted on Tuesday to close the old bridge to cars for the whole of next year.",
			}
			info := analyseBlocks(linesToBlocks(lines))
			var got []string
			for _, c := range bylineCandidates(info, []bool{false, false, true}, make([]string, len(lines)), 0, 2) {
				if c.line == 1 {
					got = c.names
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("names of %q = %q, want %q", tt.line, got, tt.want)
			}
		})
	}
}

func TestTeamByline(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"a team", "The Meetingnotes Team", "The Meetingnotes Team"},
		{"staff without the", "Podium Staff", "Podium Staff"},
		{"a desk then more", "TOI Lifestyle Desk / etimes.in", "TOI Lifestyle Desk"},
		{"the team word alone", "Team", ""},
		{"a person", "Jane Roe", ""},
		{"our team", "Our Team", ""},
		{"meet the team", "Meet the Team", ""},
		{"small letters", "the marketing team", ""},
		{"too many words before the team", "The Big Old Red Barn Team", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := teamByline(tt.text); got != tt.want {
				t.Errorf("teamByline(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestParticleName(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
	}{
		{"van der", "Dr Marna van der Merwe", true},
		{"van", "Erik van Vulpen", true},
		{"no particle", "Jane Roe", false},
		{"particle first", "van Vulpen", false},
		{"prose", "Sales of the year", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := particleName(tt.text); got != tt.want {
				t.Errorf("particleName(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestCommaNames(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"three authors", "Naftali Tishby, Fernando C. Pereira, William Bialek", []string{"Naftali Tishby", "Fernando C. Pereira", "William Bialek"}},
		{"marks after names", "John Kim 1,*, Mary Lee 2", []string{"John Kim", "Mary Lee"}},
		{"particles", "Marna van der Merwe, Erik van Vulpen, Jane Roe", []string{"Marna van der Merwe", "Erik van Vulpen", "Jane Roe"}},
		{"a name and a workplace", "Jane Roe, Clemson University", nil},
		{"a list with and", "Jane Roe, John Doe and Mary Major", []string{"Jane Roe", "John Doe", "Mary Major"}},
		{"one name", "Jane Roe", nil},
		{"a name and a role", "Jane Roe, Staff Writer", nil},
		{"places", "Los Angeles, San Francisco", nil},
		{"a sentence", "Jane Roe, who wrote this, agrees", nil},
		{"unknown names with the corresponding author's mark", "Aditya Mahindru 1,✉, Pradeep Patil 1, Varun Agrawal 1",
			[]string{"Aditya Mahindru", "Pradeep Patil", "Varun Agrawal"}},
		{"unknown names, the last one marked", "Md Najmul Hossain 1, Jaeeun Lee 1, Yi-Sub Kwak 2, Jongnam Kim 1,*",
			[]string{"Md Najmul Hossain", "Jaeeun Lee", "Yi-Sub Kwak", "Jongnam Kim"}},
		{"places with counts", "Los Angeles 3, San Francisco 2", nil},
		{"a mark on some names only", "Hunt Valley 1,*, San Francisco", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := commaNames(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("commaNames(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestSeparatedNames(t *testing.T) {
	tests := []struct {
		name, line string
		want       []string
	}{
		{"by between dots", "0 · by Jane Roe · Updated on 8 January 2026", []string{"Jane Roe"}},
		{"written by after a reviewer", "Medically reviewed by John Doe, MD — Written by Jane Roe, MS, RD — Updated on March 7, 2025",
			[]string{"Jane Roe, MS, RD"}},
		{"a reviewer only", "Medically reviewed by John Doe, MD — Updated on March 7, 2025", nil},
		{"a photographer's credit", "Home | Photo by Jane Roe", nil},
		{"no separator", "Jane Roe wrote this on Monday", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			li := analyseBlocks(linesToBlocks([]string{tt.line}))[0]
			if got := separatedNames(&li); !slices.Equal(got, tt.want) {
				t.Errorf("separatedNames(%q) = %q, want %q", tt.line, got, tt.want)
			}
		})
	}
}

func TestShownNames(t *testing.T) {
	page := []string{
		"Growing vegetables all year",
		"Written By: Jane Roe Gardener & Astrologer",
		"The garden gives food in every season when it is planned with care and patience.",
		"About The Author",
		"Jane Roe",
		"Digital Security",
		"Senior Staff",
	}
	tests := []struct {
		name          string
		authors, want []string
	}{
		{"a role run into the name", []string{"Jane Roe Gardener"}, []string{"Jane Roe"}},
		{"a category run into the name", []string{"Jane Roe Global Commons"}, []string{"Jane Roe"}},
		{"a name the page shows whole", []string{"Jane Roe"}, []string{"Jane Roe"}},
		{"a name shown nowhere shorter", []string{"John Q Public"}, []string{"John Q Public"}},
		{"a role is kept", []string{"Senior Staff Writer"}, []string{"Senior Staff Writer"}},
		{"a label of common words is no name", []string{"Digital Security Expert"}, []string{"Digital Security Expert"}},
	}
	info := analyseBlocks(linesToBlocks(page))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := shownNames(info, slices.Clone(tt.authors)); !slices.Equal(got, tt.want) {
				t.Errorf("shownNames(%q) = %q, want %q", tt.authors, got, tt.want)
			}
		})
	}
}

func TestBylineUnderHeadline(t *testing.T) {
	const headline = "Council closes the old bridge to cars for a year"
	body := "The council voted on Tuesday to close the old bridge to cars for the whole of next year."
	tests := []struct {
		name  string
		lines []string
		want  float64
	}{
		{"right under the headline", []string{headline, "Jane Roe", body}, 1},
		{"under a copy of the headline", []string{headline, "News", headline, "Jane Roe", body}, 1},
		{"under another line", []string{headline, "News", "Jane Roe", body}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info := analyseBlocks(linesToBlocks(tt.lines))
			keep := make([]bool, len(tt.lines))
			keep[len(keep)-1] = true
			byline := len(tt.lines) - 2
			got := -1.0
			for _, c := range bylineCandidates(info, keep, make([]string, len(tt.lines)), 0, len(tt.lines)-1) {
				if c.line == byline {
					got = c.x[0]
				}
			}
			if got != tt.want {
				t.Errorf("feature %q of %q = %v, want %v", bylineFeatureNames[0], tt.lines[byline], got, tt.want)
			}
		})
	}
}
