package annotate

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	register.Function2x0[Doc, func(string, DocID)](keyByStem)
	register.Function3x0[string, func(*DocID) bool, func(DocID)](renameGroup)
	register.Emitter2[string, DocID]()
	register.Emitter1[DocID]()
	register.Iter1[DocID]()
}

// DocID places a document in the input and names it: the pattern that matched its file
// (Input, the pattern's index), the file (Path), its place in the file (Position), and its
// id (ID). The order of the input is that of (Input, Path, Position): patterns in the order
// given, the files of a pattern in lexical order, as newspipe run reads the same paths.
type DocID struct {
	Input    int
	Path     string
	Position int
	ID       string
}

// Renames gives the documents whose id must change for the ids to be unique across the
// whole input, as newspipe run makes them: Read makes them unique within each file only.
// It returns a PCollection of DocID, the new id of each document renamed; usually none or
// a few (files with the same name in different folders, JSON Lines files that share ids).
//
// Ids interact only with ids of the same stem (the id without its "~N" endings), since a
// suffix is added to the id as read; so the ids are grouped by stem, and each group is
// replayed in input order as newspipe run claims them (renameGroup).
func Renames(s beam.Scope, docs beam.PCollection) beam.PCollection {
	s = s.Scope("newspipe.Renames")
	return beam.ParDo(s, renameGroup, beam.GroupByKey(s, beam.ParDo(s, keyByStem, docs)))
}

func keyByStem(x Doc, emit func(string, DocID)) {
	emit(idStem(x.ID), DocID{Input: x.Input, Path: x.Path, Position: x.Position, ID: x.ID})
}

// idStem returns id without its trailing "~N" endings.
func idStem(id string) string {
	for {
		i := strings.LastIndexByte(id, '~')
		if i < 0 || i == len(id)-1 || strings.Trim(id[i+1:], "0123456789") != "" {
			return id
		}
		id = id[:i]
	}
}

func renameGroup(_ string, ids func(*DocID) bool, emit func(DocID)) {
	var all []DocID
	var x DocID
	for ids(&x) {
		all = append(all, x)
	}
	for _, r := range claimAcrossFiles(all) {
		emit(r)
	}
}

// claimAcrossFiles takes the ids of documents, each unique within its file, and returns
// those that change when they are made unique across the files in input order, with
// their new ids: the ids newspipe run gives when it reads all the files in one call.
//
// Within a file, an id of the form P~N where P came earlier in the file and P~N was the
// first free suffix of P is taken as P read again (which it is, unless the input itself
// holds such an id, P~N written after P: then the two programs may differ).
func claimAcrossFiles(ids []DocID) []DocID {
	slices.SortFunc(ids, func(a, b DocID) int {
		return cmp.Or(cmp.Compare(a.Input, b.Input), strings.Compare(a.Path, b.Path), cmp.Compare(a.Position, b.Position))
	})
	var changed []DocID
	all := idSet{}
	var file idSet
	for i, x := range ids {
		if i == 0 || x.Input != ids[i-1].Input || x.Path != ids[i-1].Path {
			file = idSet{}
		}
		read := file.asRead(x.ID)
		file[x.ID] = true
		if id := all.claim(read); id != x.ID {
			x.ID = id
			changed = append(changed, x)
		}
	}
	return changed
}

// idSet is a set of ids claimed as newspipe's reader claims them: the first document
// with an id keeps it, a later one gets the first free suffix "~2", "~3"...
type idSet map[string]bool

func (s idSet) claim(id string) string {
	if !s[id] {
		s[id] = true
		return id
	}
	c := s.next(id)
	s[c] = true
	return c
}

// next returns the suffixed id that claim gives id when id is taken.
func (s idSet) next(id string) string {
	for n := 2; ; n++ {
		if c := id + "~" + strconv.Itoa(n); !s[c] {
			return c
		}
	}
}

// asRead returns the id that a document of a file had as read, given the ids claimed
// before it in the file: P when id is the suffix that P, already taken, would get.
func (s idSet) asRead(id string) string {
	i := strings.LastIndexByte(id, '~')
	if i < 0 {
		return id
	}
	if p := id[:i]; s[p] && s.next(p) == id {
		return p
	}
	return id
}
