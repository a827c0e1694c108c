package stages

import (
	"github.com/newspipe/newspipe/document"
	"github.com/newspipe/newspipe/record"
)

// reviewLines puts the kept paragraphs and the removed lines back into the order of the
// blocks they came from. Both lists keep block order, except lines removed for recurring
// across pages, which are found wherever they stand.
func reviewLines(blocks []document.Block, kept []string, removed []record.Removed) []document.Line {
	lines := make([]document.Line, 0, len(blocks))
	used := make([]bool, len(removed))
	k, r := 0, 0
	for _, b := range blocks {
		switch {
		case k < len(kept) && kept[k] == b.Text:
			lines = append(lines, document.Line{Text: b.Text})
			k++
			continue
		case r < len(removed) && removed[r].Text == b.Text:
			lines = append(lines, document.Line{Text: b.Text, Reason: removed[r].Reason})
			used[r] = true
			r++
			continue
		}
		reason := ""
		for i := r; i < len(removed); i++ {
			if !used[i] && removed[i].Text == b.Text {
				reason, used[i] = removed[i].Reason, true
				break
			}
		}
		if reason == "" {
			reason = "removed"
		}
		lines = append(lines, document.Line{Text: b.Text, Reason: reason})
	}
	return lines
}
