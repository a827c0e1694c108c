package clean

import (
	"slices"
	"strings"
	"testing"
)

func TestParseByline(t *testing.T) {
	tests := []struct {
		in        string
		authors   []string
		published string
		ok        bool
	}{
		{"By Jane Doe", []string{"Jane Doe"}, "", true},
		{"By Jane Doe and John Smith", []string{"Jane Doe", "John Smith"}, "", true},
		{"Written By: Tom May", []string{"Tom May"}, "", true},
		{"Matthias Ang | June 10, 2018, 12:39 PM", []string{"Matthias Ang"}, "2018-06-10T12:39:00", true},
		{"Harriet Marsden, The Week UK", []string{"Harriet Marsden"}, "", true},
		{"By Justin Klawans, The Week US Published", []string{"Justin Klawans"}, "", true},
		{"Published 3 hours ago", nil, "", true},
		{"Updated: June 10, 2018", nil, "2018-06-10", true},
		{"David Ingram - Reuters", []string{"David Ingram"}, "", true},
		{"Jane Roe – Cyber Security", []string{"Jane Roe"}, "", true},
		{"Reuters November 18, 2019 11:03 PM", []string{"Reuters"}, "2019-11-18T23:03:00", true},
		{"Posted by Michael David Smith on November 19, 2019, 6:21 AM EST", []string{"Michael David Smith"}, "2019-11-19T06:21:00", true},
		{"10 June 2018", nil, "2018-06-10", true},
		{"Published 14:05 GMT, 2 March 2022 | Updated 16:20 GMT, 2 March 2022", nil, "2022-03-02T14:05:00", true},
		{"By Louis Jacobson on Monday, November 18th, 2019 at 11:04 a.m.", []string{"Louis Jacobson"}, "2019-11-18T11:04:00", true},
		{"By the time Buckley learned who had written the song, she was half-surprised", nil, "", false},
		{"The vote was held on June 10, 2018 in the capital city of the country.", nil, "", false},
		{"Kim is the new cool kid in global politics.", nil, "", false},
		{"Invitation from Putin", nil, "", false},
		{"by Jeffrey ZeldmanNovember 20, 2007", []string{"Jeffrey Zeldman"}, "2007-11-20", true},
		{"By Bhaval Patel Last Updated: December 6, 2024", []string{"Bhaval Patel"}, "2024-12-06", true},
		{"By MixmasterFred in WorkshopWoodworking", []string{"MixmasterFred"}, "", true},
		{"Written by: Colin Gray Colin Gray", []string{"Colin Gray"}, "", true},
		{"By Maureen Salamon, Executive Editor, Harvard Women's Health Watch", []string{"Maureen Salamon"}, "", true},
		{"Associate Editor, PCWorld Mar 11, 2026 9:00 am PDT", nil, "2026-03-11T09:00:00", true},
		{"written by Our Editors", []string{"Our Editors"}, "", true},
		{"ByKathryn GiuffridaMar 5, 2025 | 6 comments", []string{"Kathryn Giuffrida"}, "2025-03-05", true},
		{"ByJaime Marchwinski December 7, 2015March 4, 2020", []string{"Jaime Marchwinski"}, "2015-12-07", true},
		{"Originally published in March 2022. Last updated on December 20, 2024.", nil, "2024-12-20", true},
		{"By Jeff Cobb. Last Updated on December 11, 2025", []string{"Jeff Cobb"}, "2025-12-11", true},
		{"By Jane Roe Jr.", []string{"Jane Roe Jr."}, "", true},
		{"By Conor AllisonJanuary 14, 202620 Mins Read", []string{"Conor Allison"}, "2026-01-14", true},
		{"By Jane Roe January 14", []string{"Jane Roe"}, "", true},
		{"On January 12, 2025January 22, 2025 By Gabby BoucherIn Budget Travel, Budget Travel Guides, Travel Tips", []string{"Gabby Boucher"}, "2025-01-12", true},
		{"The chain is positioning for growth beyond the U.S. and Canada. By Lisa Jennings on Dec. 19, 2025", []string{"Lisa Jennings"}, "2025-12-19", true},
		{"The chain grew fast. By then nobody expected it on Dec. 19, 2025", nil, "", false},
		{"Photos were taken by Lisa Jennings on Dec. 19, 2025", nil, "", false},
		{"By Jillian Kubala, MS, RD", []string{"Jillian Kubala, MS, RD"}, "", true},
		{"By Jane Roe, MD and John Doe, PhD", []string{"Jane Roe, MD", "John Doe, PhD"}, "", true},
		{"By Ann McInnes", []string{"Ann McInnes"}, "", true},
		{"May 3, 2017 By Jane Roe 4 Comments", []string{"Jane Roe"}, "2017-05-03", true},
		{"By Jane Roe 15 min read", []string{"Jane Roe"}, "", true},
		{"Posted on December 20, 2025 by Jane Roe (JRX) - 5 Comments on Ports", []string{"Jane Roe (JRX)"}, "2025-12-20", true},
		{"By Jane Roe ⋅ Founder and Editor-in-Chief ⋅ Updated May 6, 2025", []string{"Jane Roe"}, "2025-05-06", true},
		{"Text by Jane Roe", []string{"Jane Roe"}, "", true},
		{"Recipe by Jane Roe", []string{"Jane Roe"}, "", true},
		{"Contributors: Jane Roe", []string{"Jane Roe"}, "", true},
		{"Authors:Jane Roe, John Doe", []string{"Jane Roe", "John Doe"}, "", true},
		{"Best Bread Machines – My Favorites!", nil, "", false},
		{"Process Knowledge Management, Part IV", nil, "", false},
		{"Nonessential Thoughts, Technology", nil, "", false},
		{"Hunt Valley, MD 21031", nil, "", false},
		{"St. Thomas, U.S. Virgin Islands", nil, "", false},
	}
	for _, tt := range tests {
		authors, published, ok := parseByline(tt.in)
		if ok != tt.ok || !slices.Equal(authors, tt.authors) || published != tt.published {
			t.Errorf("parseByline(%q) = %q, %q, %v; want %q, %q, %v", tt.in, authors, published, ok,
				tt.authors, tt.published, tt.ok)
		}
	}
}

func TestAuthorLine(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"David Ehrlich", []string{"David Ehrlich"}},
		{"Kevin Johnson and Kevin McCoy USA TODAY", []string{"Kevin Johnson", "Kevin McCoy"}},
		{"Lisa Kaczke and Trevor J. Mitchell Sioux Falls Argus Leader", []string{"Lisa Kaczke", "Trevor J. Mitchell"}},
		{"The Associated Press", []string{"The Associated Press"}},
		{"Reuters", []string{"Reuters"}},
		{"Staff Writer", nil},
		{"Star Wars Jedi: Fallen Order review", nil},
		{"Russia and China sign a new trade deal", nil},
		{"Written By: Tom May", nil}, // a byline with its label, not a name
		{"Reviewed By: Mike Rebold", nil},
		{"PUBLISHED", nil}, // the label of the date line below
		{"Posted", nil},
		{"Deutsch", nil}, // a language menu's item over the date line
		{"Français", nil},
		{"Digital OrganizationOfficeOrganizingPapers", nil}, // categories run together
		{"Mark SubbaRao", []string{"Mark SubbaRao"}},
		{"Ann McInnes", []string{"Ann McInnes"}},
	}
	for _, tt := range tests {
		if got := authorLine(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("authorLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSiteIn(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Subscribe to The Week", "The Week"},
		{"© 2018 Mothership", "Mothership"},
		{"Copyright 2019 The Associated Press. All rights reserved.", "The Associated Press"},
		{"© 1996-2019 News Communication", "News Communication"},
		{"Subscribe to our newsletter", ""},
		{"All rights reserved", ""},
		{"© Copyright Gannett 2019", "Gannett"},
		{"© Inexhibit’s content", "Inexhibit"},
	}
	for _, tt := range tests {
		if got := siteIn(tt.in); got != tt.want {
			t.Errorf("siteIn(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanMetadata(t *testing.T) {
	body := []string{
		"The council voted on Tuesday to close the old bridge to cars after engineers found cracks in two of its piers.",
		"Residents who rely on the crossing said the decision would add twenty minutes to their daily commute into town.",
		"The mayor said a replacement could be built within three years if the regional government agreed to pay for it.",
		"Work to reinforce the piers will begin next month, and pedestrians will still be able to use the bridge meanwhile.",
	}
	tests := []struct {
		name   string
		header []string
		want   wantMeta
	}{
		{"by line", []string{"Home", "News", "Old bridge closes to cars", "By Jane Doe", "10 June 2018"},
			wantMeta{title: "Old bridge closes to cars", authors: []string{"Jane Doe"}, published: "2018-06-10"}},
		{"standfirst and pipe byline", []string{"Old bridge closes to cars", "Engineers found cracks in two of the piers.",
			"Matthias Ang | June 10, 2018, 12:39 PM"},
			wantMeta{title: "Old bridge closes to cars", subtitle: "Engineers found cracks in two of the piers.",
				authors: []string{"Matthias Ang"}, published: "2018-06-10T12:39:00"}},
		{"name over date", []string{"Menu", "Old bridge closes to cars", "David Ehrlich", "Nov 13, 2019 4:26 pm"},
			wantMeta{title: "Old bridge closes to cars", authors: []string{"David Ehrlich"}, published: "2019-11-13T16:26:00"}},
		{"headline under the byline", []string{"Partner With Us", "Wellness Coalition", "Andrew King", "September 4, 2025",
			"Old bridge closes to cars after engineers find cracks"},
			wantMeta{title: "Old bridge closes to cars after engineers find cracks", authors: []string{"Andrew King"}, published: "2025-09-04"}},
		{"photo credit is no headline", []string{"Old bridge closes to cars after engineers find cracks", "Photo: Reed Saxon / Associated Press"},
			wantMeta{title: "Old bridge closes to cars after engineers find cracks"}},
		{"byline under a headline far from the body", append([]string{"Old bridge closes to cars after engineers find cracks",
			"Chirag Bhardwaj", "November 14, 2025"}, navMenu...),
			wantMeta{title: "Old bridge closes to cars after engineers find cracks", authors: []string{"Chirag Bhardwaj"}, published: "2025-11-14"}},
		{"page title with the site name", []string{"Old bridge closes to cars | Riverton Courier", "Watch Riverton Live Now",
			"Old bridge closes to cars"},
			wantMeta{title: "Old bridge closes to cars"}},
		{"a call to action is no headline", []string{"Partner With Us", "Old bridge closes to cars after engineers find cracks"},
			wantMeta{title: "Old bridge closes to cars after engineers find cracks"}},
		{"a two-word headline", []string{"Home", "About", "Bridge Closures", "Jane Doe", "10 June 2018"},
			wantMeta{title: "Bridge Closures", authors: []string{"Jane Doe"}, published: "2018-06-10"}},
		// Menu items and notices that were taken for headlines.
		{"a terms link is no headline", []string{"Term of Use", "Privacy Policy", "Old bridge closes to cars after engineers find cracks"},
			wantMeta{title: "Old bridge closes to cars after engineers find cracks"}},
		{"a live-stream link is no headline", []string{"Watch CBSN Live", "Old bridge closes to cars after engineers find cracks", "By Jane Doe"},
			wantMeta{title: "Old bridge closes to cars after engineers find cracks", authors: []string{"Jane Doe"}}},
		{"a back link is no headline", []string{"Zurück zur Übersicht", "Old bridge closes to cars after engineers find cracks"},
			wantMeta{title: "Old bridge closes to cars after engineers find cracks"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := New().Clean(linesToBlocks(append(append([]string{}, tt.header...), body...)))
			m := res.Meta
			if m.Title != tt.want.title || m.Subtitle != tt.want.subtitle || !slices.Equal(m.Authors, tt.want.authors) ||
				m.Published != tt.want.published {
				t.Errorf("meta = %+v, want %+v", m, tt.want)
			}
			if !slices.Equal(res.Paragraphs, body) {
				t.Errorf("paragraphs = %q, want the body", res.Paragraphs)
			}
		})
	}
}

// navMenu is a site's menu standing between the header and the body.
var navMenu = []string{"Table of Contents", "Share", "Tweet", "Email", "Print", "Home", "World", "Business", "Tech",
	"Science", "Health", "Sports", "Arts", "Travel", "Food", "Style", "Opinion", "Video", "Podcasts", "Newsletters",
	"Weather", "Local", "Events"}

type wantMeta struct {
	title, subtitle string
	authors         []string
	published       string
}

func TestFindSite(t *testing.T) {
	body := strings.Repeat("The council approved the budget after a long debate about the library.\n", 6)
	tests := []struct {
		name, page, want string
	}{
		{"footer copyright", "Headline here\n" + body + "© 2018 Mothership", "Mothership"},
		{"picture credit above the footer is no site", "Headline here\n© REUTERS\n" + body + "More stories", ""},
		{"sign-up anywhere", "Subscribe to The Week\n" + body, "The Week"},
		{"a section heading is no site", "SN NOW\nHeadline here\n" + body + "More stories", ""},
		{"a video link is no site", "Watch CBSN Live\nHeadline here\n" + body, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := linesToBlocks(strings.Split(strings.TrimSpace(tt.page), "\n"))
			info := analyseBlocks(blocks)
			if got := findSite(info); got != tt.want {
				t.Errorf("findSite = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestUnglueDate(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"month glued to a name", "by Jeffrey ZeldmanNovember 20, 2007", "by Jeffrey Zeldman November 20, 2007"},
		{"short month with a full stop", "Jane RoeSept. 3, 2024", "Jane Roe Sept. 3, 2024"},
		{"nothing glued", "By Jane Roe, May 4, 2020", "By Jane Roe, May 4, 2020"},
		{"a month word inside a name", "By Marchetti Janssen", "By Marchetti Janssen"},
		{"a capital without a day after it", "By AnnaMay Roe", "By AnnaMay Roe"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := unglueDate(tt.in); got != tt.want {
				t.Errorf("unglueDate(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestUnglueBy(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"label glued to a name", "ByKathryn Giuffrida", "By Kathryn Giuffrida"},
		{"label and date glued", "ByJaime Marchwinski December 7, 2015", "By Jaime Marchwinski December 7, 2015"},
		{"a word starting with by", "ByteDance said on Monday", "ByteDance said on Monday"},
		{"an abbreviation", "BYU won the game", "BYU won the game"},
		{"a label with its space", "By Jane Roe", "By Jane Roe"},
		{"a capital without a lower-case letter after it", "ByD version", "ByD version"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := unglueBy(tt.in); got != tt.want {
				t.Errorf("unglueBy(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestOnceIfRepeated(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"written twice", "Colin Gray Colin Gray", "Colin Gray"},
		{"two people", "Colin Gray Jane Roe", "Colin Gray Jane Roe"},
		{"odd words", "Mary Ann Roe", "Mary Ann Roe"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := onceIfRepeated(tt.in); got != tt.want {
				t.Errorf("onceIfRepeated(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestReadableDate(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"a year glued to the time", "October 17, 20236:01 PM ET", "October 17, 2023 6:01 PM ET"},
		{"a year glued to a count", "Mar 27, 20255 mins", "Mar 27, 2025 5 mins"},
		{"a month glued to a name", "By AnthonyJanuary 4, 2026", "By Anthony January 4, 2026"},
		{"a long number that is no date", "Call 2025550123 today", "Call 2025550123 today"},
		{"nothing glued", "Published October 17, 2023 at 6:01 PM", "Published October 17, 2023 at 6:01 PM"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := readableDate(tt.in); got != tt.want {
				t.Errorf("readableDate(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestWithoutLabels(t *testing.T) {
	info := analyseBlocks(linesToBlocks([]string{
		"Corporate Relocation, Employee Relocation",
		"Moving an employee is a relocation of the whole family, and corporate teams plan it months ahead.",
		"Write to jane-roe@example.com or see example.com/jane-roe for the rest of the series on moving.",
	}))
	tests := []struct {
		name    string
		authors []string
		want    []string
	}{
		{"labels the prose writes in lower case", []string{"Corporate Relocation", "Employee Relocation"}, nil},
		{"a label and a name", []string{"Corporate Relocation", "Jane Roe"}, []string{"Jane Roe"}},
		{"a name in an address is still a name", []string{"Jane Roe"}, []string{"Jane Roe"}},
		{"common English words the page never writes", []string{"Latest", "Jane Roe"}, []string{"Jane Roe"}},
		{"none", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := withoutLabels(info, slices.Clone(tt.authors)); !slices.Equal(got, tt.want) {
				t.Errorf("withoutLabels(%q) = %q, want %q", tt.authors, got, tt.want)
			}
		})
	}
}

func TestDateInThePagesOrder(t *testing.T) {
	body := []string{
		"The council voted on Tuesday to close the old bridge to cars after engineers found cracks in two of its piers.",
		"Residents who rely on the crossing said the decision would add twenty minutes to their daily commute into town.",
		"The mayor said a replacement could be built within three years if the regional government agreed to pay for it.",
		"Work to reinforce the piers will begin next month, and pedestrians will still be able to use the bridge meanwhile.",
	}
	for _, tc := range []struct {
		name, date, footer, want string
	}{
		{"dotted, month first as the page's other dates", "09.10.2024", "Council meeting minutes of 10.28.2025 are online.", "2024-09-10"},
		{"dotted, no order: day first", "09.10.2024", "Council meeting minutes are online.", "2024-10-09"},
		// A bare slashed date line is left to the learned date scorer, which weighs it as a
		// date line; labelled, the rules read it.
		{"bare slashed, month first as the page's other dates", "03/01/2017", "Council meeting minutes of 12/16/2025 are online.", "2017-03-01"},
		{"bare slashed, day first as the page's other dates", "03/01/2017", "Council meeting minutes of 16/12/2025 are online.", "2017-01-03"},
		{"slashed, month first as the page's other dates", "Published 03/01/2017", "Council meeting minutes of 12/16/2025 are online.", "2017-03-01"},
		{"slashed, day first as the page's other dates", "Published 03/01/2017", "Council meeting minutes of 16/12/2025 are online.", "2017-01-03"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lines := append([]string{"Home", "Old bridge closes to cars", "By Jane Doe", tc.date}, body...)
			res := New().Clean(linesToBlocks(append(lines, tc.footer)))
			if res.Meta.Published != tc.want {
				t.Errorf("published %q, want %q", res.Meta.Published, tc.want)
			}
		})
	}
}

func TestParseBylinePublishedAfterUpdate(t *testing.T) {
	tests := []struct {
		name, in, published string
	}{
		{"originally published after the update", "Updated November 11, 2022 8:23 PM ET Originally published November 9, 2022 11:01 AM ET", "2022-11-09T11:01:00"},
		{"glued years and times", "Updated November 11, 20228:23 PM ET Originally published November 9, 202211:01 AM ET", "2022-11-09T11:01:00"},
		{"posted after the last update", "Last updated: March 3, 2024 | Posted March 1, 2024", "2024-03-01"},
		{"an update alone", "Updated: June 10, 2018", "2018-06-10"},
		{"the publication first", "Published 14:05 GMT, 2 March 2022 | Updated 16:20 GMT, 3 March 2022", "2022-03-02T14:05:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, published, ok := parseByline(tt.in)
			if !ok || published != tt.published {
				t.Errorf("parseByline(%q) = %q, %v; want %q", tt.in, published, ok, tt.published)
			}
		})
	}
}

// TestDatedSentenceStays checks that a short sentence of the article naming a day stays
// in the body when its date is read as the page's, while a date line goes.
func TestDatedSentenceStays(t *testing.T) {
	body := []string{
		"The council voted on Tuesday to close the old bridge to cars after engineers found cracks in two of its piers.",
		"Residents who rely on the crossing said the decision would add twenty minutes to their daily commute into town.",
		"The mayor said a replacement could be built within three years if the regional government agreed to pay for it.",
	}
	tests := []struct {
		name      string
		line      string
		stays     bool
		published string
	}{
		{"sentence", "Engineers first found cracks on Monday, June 3, 2019.", true, "2019-06-03"},
		{"sentence without a weekday", "The film is set to hit theaters June 3, 2019.", true, "2019-06-03"},
		{"date line", "Monday, June 3, 2019", false, "2019-06-03"},
		{"labelled date line", "Published on June 3, 2019.", false, "2019-06-03"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := append([]string{"Old bridge closes to cars", tt.line}, body...)
			res := New().Clean(linesToBlocks(lines))
			if got := slices.Contains(res.Paragraphs, tt.line); got != tt.stays {
				t.Errorf("line in the body = %v, want %v (paragraphs %q, removed %+v)", got, tt.stays, res.Paragraphs, res.Removed)
			}
			if res.Meta.Published != tt.published {
				t.Errorf("published = %q, want %q", res.Meta.Published, tt.published)
			}
		})
	}
}
