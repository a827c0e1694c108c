package entities

import (
	"fmt"
	"slices"
	"testing"

	"github.com/newspipe/newspipe/internal/ner"
)

// TestEntitiesInTodaysNews holds the mistakes seen on 2020 news and on real pages: names
// the 1996 training text never had, all-caps headings, royal titles.
func TestEntitiesInTodaysNews(t *testing.T) {
	r := newRecognizer(t)
	tests := []struct {
		name string
		text string
		want map[string]string // entity name -> type
		// absent are names that must not be entities.
		absent []string
		// gap, when not empty, says why the case fails today: the test fails when it
		// passes, so that a gap closed is seen and the case kept.
		gap string
	}{
		{
			name: "a former president is a person",
			text: "Former President Barack Obama campaigned in Philadelphia on Wednesday.\n" +
				"Obama urged voters to cast their ballots early.",
			want: map[string]string{"Barack Obama": "PERSON", "Philadelphia": "GPE"},
		},
		{
			name: "a full name opening a sentence",
			text: "Mr Obama spoke to reporters in Washington on Tuesday. Barack Obama said the agency was wrong.",
			want: map[string]string{"Barack Obama": "PERSON"},
			gap:  "the label stage, having seen Obama alone as a person, makes the second mention Obama alone too; the unknown given name at the sentence start goes",
		},
		{
			name: "the Senate of the U.S. is one name",
			text: "The U.S. Senate passed the bill on Tuesday by 92 votes to 6.",
			want: map[string]string{"U.S. Senate": "ORG"},
		},
		{
			name: "a name list in capitals",
			text: "Biden named his economic team on Monday:\nCECILIA ROUSE",
			want: map[string]string{"CECILIA ROUSE": "PERSON"},
		},
		{
			name: "a one-word company the lexicon knows",
			text: "Airbnb said bookings rose in the third quarter.\nMoncler shares fell 3% in Milan.",
			want: map[string]string{"Airbnb": "ORG", "Moncler": "ORG"},
			gap: "the tagger misses both and the lexicon knows neither; its company list cannot overrule a PERSON tag anyway, " +
				"for it holds surnames its name lists lack (Brown, Miller, Dole: CoNLL dev fell 0.3 when it did)",
		},
		{
			name: "a market index is no organisation",
			text: "Tokyo's benchmark Nikkei share average fell 1.2% on Monday.\n" +
				"The Dow Jones industrial average rose 0.5%, while the American Stock Exchange index was flat.",
			want: map[string]string{"Nikkei": "MISC", "Dow Jones": "MISC", "American Stock Exchange": "ORG"},
		},
		{
			name: "a one-word name that news refers to as it is no person",
			text: "Belaruskali said its workers would return. Shares of Belaruskali rose.\n" +
				"Kerry said his team would meet on Monday.",
			want: map[string]string{"Belaruskali": "ORG", "Kerry": "PERSON"},
		},
		{
			name:   "a photo credit is not a name",
			text:   "Protesters march in Minneapolis, Minnesota, U.S., May 28, 2020. REUTERS/File Photo",
			want:   map[string]string{"Minneapolis": "GPE"},
			absent: []string{"REUTERS/File Photo", "File Photo"},
		},
		{
			name: "a nationality before an organisation noun stays a nationality",
			text: "The Swedish group said on Sunday it had agreed to sell the unit, an Algerian newspaper reported.",
			want: map[string]string{"Swedish": "NORP", "Algerian": "NORP"},
		},
		{
			name: "an event before an organisation noun stays an event",
			text: "Austria dominated their World Cup group four qualifier against Scotland on Saturday.",
			want: map[string]string{"World Cup": "MISC", "Austria": "GPE"},
		},
		{
			name: "drug makers are organisations",
			text: "Pfizer and its German partner BioNTech said on Monday their vaccine was more than 90% effective.\n" +
				"Shares of Pfizer rose 8% in early trading.",
			want: map[string]string{"Pfizer": "ORG", "BioNTech": "ORG"},
		},
		{
			name: "studios are organisations",
			text: "Pixar Animation Studios is owned by Disney.\n" +
				"Analysts said Marvel Studios would release two films on Thursday.",
			want: map[string]string{"Pixar Animation Studios": "ORG", "Marvel Studios": "ORG", "Disney": "ORG"},
		},
		{
			name: "a one-word studio is an organisation",
			text: "The series was made by Lucasfilm, which Disney bought in 2012.",
			want: map[string]string{"Lucasfilm": "ORG"},
		},
		{
			name: "a company opening a sentence",
			text: "Netflix added 2.2 million subscribers in the quarter.",
			want: map[string]string{"Netflix": "ORG"},
		},
		{
			name: "a city is a geo-political entity",
			text: "The company is based in Burbank, California.",
			want: map[string]string{"Burbank": "GPE", "California": "GPE"},
			gap:  "Burbank is not on the curated list of GPEs; the GeoNames names also hold planets, seas and acronyms, so they cannot decide",
		},
		{
			name: "a federation is an organisation",
			text: "The International Tennis Federation suspended all tournaments until July.",
			want: map[string]string{"International Tennis Federation": "ORG"},
		},
		{
			name: "a news agency is an organisation",
			text: "Russia's Sputnik news agency reported the launch, citing the defence ministry.\n" +
				"Sputnik said the rocket carried two satellites.",
			want: map[string]string{"Sputnik": "ORG"},
		},
		{
			name: "a region is a place, not a nationality",
			text: "Hurricane Iota is expected to strengthen as it moves across the Caribbean towards Nicaragua.",
			want: map[string]string{"Caribbean": "LOC", "Nicaragua": "GPE"},
		},
		{
			name:   "an all-caps heading is not an organisation",
			text:   "US FALLS\nThe United States reported more than 100,000 new cases on Friday.",
			want:   map[string]string{"United States": "GPE"},
			absent: []string{"US FALLS"},
			gap:    "the tagger makes the two-word heading in capitals an ORG: no sentence around it says otherwise",
		},
		{
			name: "a royal title stays with a single name",
			text: "Prince Andrew stepped back from royal duties in November. Andrew has denied any wrongdoing.",
			want: map[string]string{"Prince Andrew": "PERSON"},
		},
		{
			name: "today's words",
			text: "Britain's economy shrank as COVID-19 restrictions weighed on businesses, " +
				"the Office for National Statistics said.",
			want: map[string]string{"COVID-19": "MISC", "Office for National Statistics": "ORG", "Britain": "GPE"},
		},
		{
			name: "Brexit is an event",
			text: "Businesses are preparing for the end of the Brexit transition period.",
			want: map[string]string{"Brexit": "MISC"},
		},
		{
			name: "Brexit as a modifier",
			text: "Britain's economy shrank as Brexit uncertainty weighed on businesses.",
			want: map[string]string{"Brexit": "MISC"},
			gap:  "the tagger makes Brexit an ORG here: no list has it and the word vectors predate it",
		},
		{
			name: "Twitter at the end of a sentence",
			text: "The minister announced the measures on Twitter.",
			want: map[string]string{"Twitter": "ORG"},
			gap:  "the tagger misses it: only the Freebase website list (GPL-3.0), which the shipped lexicon leaves out, has it",
		},
		{
			name: "a college team's nickname is an organisation",
			text: "Oklahoma beat Baylor 27-14 on Saturday. The Sooners scored two touchdowns in the fourth quarter.",
			want: map[string]string{"Sooners": "ORG"},
			gap:  "team nicknames are only in the Freebase lists (GPL-3.0), which the shipped lexicon leaves out; the tagger calls the unknown name a person",
		},
		{
			name: "a college team by its school's name",
			text: "Oklahoma beat Baylor 27-14 on Saturday.",
			want: map[string]string{"Baylor": "ORG"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ents := r.Entities(tc.text)
			got := map[string]string{}
			for _, e := range ents {
				got[e.Name] = e.Type
			}
			var errs []string
			for name, typ := range tc.want {
				if got[name] != typ {
					errs = append(errs, fmt.Sprintf("%q: type %q, want %q", name, got[name], typ))
				}
			}
			for _, name := range tc.absent {
				if _, ok := got[name]; ok {
					errs = append(errs, fmt.Sprintf("%q is an entity", name))
				}
			}
			slices.Sort(errs)
			switch {
			case tc.gap != "" && len(errs) == 0:
				t.Errorf("known gap (%s) closed: make it a plain case", tc.gap)
			case tc.gap != "":
				t.Logf("known gap, %s: %v (all: %v)", tc.gap, errs, got)
			case len(errs) > 0:
				t.Errorf("%v (all: %v)", errs, got)
			}
		})
	}
}

func TestOrgCue(t *testing.T) {
	tests := []struct {
		name  string
		after string
		want  bool
	}{
		{"noun right after", "agency said", true},
		{"one modifier first", "news agency reported", true},
		{"two modifiers", "state news agency", false},
		{"a verb", "said on Monday", false},
		{"a capitalised word", "News Agency", false},
		{"nothing after", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := orgCue(ner.Tokenize(tc.after)); got != tc.want {
				t.Errorf("orgCue(%q) = %v, want %v", tc.after, got, tc.want)
			}
		})
	}
}

func TestRegnalName(t *testing.T) {
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"one name", "Andrew", true},
		{"name and number", "Charles III", true},
		{"two names", "Mohammed Salman", false},
		{"lower case", "andrew", false},
		{"an organisation word", "Hotel", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := regnalName(ner.Tokenize(tc.text)); got != tc.want {
				t.Errorf("regnalName(%q) = %v, want %v", tc.text, got, tc.want)
			}
		})
	}
}

func TestCapitalsPerson(t *testing.T) {
	r := newRecognizer(t)
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"a given name and a surname", "ROCHELLE WALENSKY", true},
		{"not in capitals", "Rochelle Walensky", false},
		{"a place the lexicon knows", "NEW YORK", false},
		{"an organisation word", "ROCHELLE BANK", false},
		{"no given name first", "WALENSKY ROCHELLE", false},
		{"three words", "ROCHELLE P WALENSKY", false},
		{"a heading about a country", "US FALLS", false},
		{"a two-letter given name is too ambiguous", "AL GORE", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := ner.Tokenize(tc.text)
			if got := capitalsPerson(toks, r.model.Lookup(tc.text), r.model); got != tc.want {
				t.Errorf("capitalsPerson(%q) = %v, want %v", tc.text, got, tc.want)
			}
		})
	}
}
