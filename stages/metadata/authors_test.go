package metadata

import (
	"reflect"
	"testing"
)

func TestCleanAuthors(t *testing.T) {
	tests := []struct {
		name    string
		authors []string
		site    string
		want    []string
	}{
		{"role glued to the name", []string{"Meg JamesStaff Writer"}, "", []string{"Meg James"}},
		{"publication after a full stop", []string{"Finian Cunningham. Sputnik International"}, "", []string{"Finian Cunningham"}},
		{"initial kept", []string{"Trevor J. Mitchell"}, "", []string{"Trevor J. Mitchell"}},
		{"By and e-mail", []string{"By Jane Roe jane.roe@example.com"}, "", []string{"Jane Roe"}},
		{"role after a comma", []string{"Jane Roe, Senior Editor"}, "", []string{"Jane Roe"}},
		{"agency after a bar", []string{"Jane Roe | Staff Reporter"}, "", []string{"Jane Roe"}},
		{"the site is no author", []string{"Daily Planet", "Jane Roe"}, "The Daily Planet", []string{"Jane Roe"}},
		{"site name matched without spaces", []string{"TheHill", "Jane Roe"}, "The Hill", []string{"Jane Roe"}},
		{"site name alone matched without spaces", []string{"TheHill"}, "The Hill", nil},
		{"a personal site's owner is its author", []string{"Sam Bossley"}, "Sam Bossley", []string{"Sam Bossley"}},
		{"a company site is no author", []string{"Kneib Dentistry PC"}, "Kneib Dentistry PC", nil},
		{"a company credited alone is no author", []string{"CottageCare"}, "CottageCare", nil},
		{"byline labels", []string{"Written By", "DATE", "Video", "Last"}, "", nil},
		{"each once", []string{"Jane Roe", "jane roe", "John Doe"}, "", []string{"Jane Roe", "John Doe"}},
		{"label glued to the name", []string{"Written ByReyan Perumal", "BySummer Swann", "Byron Hale"}, "", []string{"Reyan Perumal", "Summer Swann", "Byron Hale"}},
		{"single names kept", []string{"Krystyna"}, "", []string{"Krystyna"}},
		{"agency kept", []string{"Reuters"}, "", []string{"Reuters"}},
		{"author label", []string{"Author Isaiah Shelton", "Author: Jane Roe"}, "", []string{"Isaiah Shelton", "Jane Roe"}},
		{"a heading is no author", []string{"The Author"}, "", nil},
		{"links beside the byline", []string{"MixmasterFred", "More About MixmasterFred »", "View all posts by Jane Roe"}, "", []string{"MixmasterFred"}},
		{"a lone By is no author", []string{"By"}, "", nil},
		{"the author box's heading", []string{"About Melissa Norris"}, "", []string{"Melissa Norris"}},
		{"who updated or reviewed is no author", []string{"Benjamin Preston", "Updated by Jon Linkov", "Medically reviewed by Ann Lee, MD"}, "", []string{"Benjamin Preston"}},
		{"a role split from the name", []string{"Paul Frew", "Digital Security Expert"}, "", []string{"Paul Frew"}},
		{"a role after the name", []string{"Rasmus Barslund Founder", "Lead Reviewer"}, "", []string{"Rasmus Barslund"}},
		{"a word that only ends in a role's word", []string{"EcoCult Staff"}, "", []string{"EcoCult Staff"}},
		{"the employer after a role", []string{"Daniel Burstein", "Senior Director", "MECLABS Institute"}, "", []string{"Daniel Burstein"}},
		{"a person after a role", []string{"Jane Roe", "Staff Writer", "John Doe"}, "", []string{"Jane Roe", "John Doe"}},
		{"credentials kept", []string{"Jillian Kubala, MS, RD"}, "", []string{"Jillian Kubala, MS, RD"}},
		{"a link to more posts", []string{"Damien Walter", "View more posts"}, "", []string{"Damien Walter"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CleanAuthors(tt.authors, tt.site); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("CleanAuthors(%q, %q) = %q, want %q", tt.authors, tt.site, got, tt.want)
			}
		})
	}
}
