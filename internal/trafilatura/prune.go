package trafilatura

import (
	"github.com/go-shiori/dom"
	"golang.org/x/net/html"

	"github.com/newspipe/newspipe/internal/trafilatura/internal/etree"
	"github.com/newspipe/newspipe/internal/trafilatura/internal/selector"
)

// edit is one change pruneInPlace made to a tree: a node taken out of parent before
// next, or (inserted) a node put into parent.
type edit struct {
	node, parent, next *html.Node
	inserted           bool
}

// undoLog records the changes to a tree so that they can be taken back, in reverse order.
type undoLog []edit

// remove takes n out of its parent.
func (l *undoLog) remove(n *html.Node) {
	*l = append(*l, edit{node: n, parent: n.Parent, next: n.NextSibling})
	n.Parent.RemoveChild(n)
}

// insert puts n into parent before next (at the end when next is nil).
func (l *undoLog) insert(n, parent, next *html.Node) {
	*l = append(*l, edit{node: n, parent: parent, inserted: true})
	parent.InsertBefore(n, next)
}

// undo takes back every change, newest first, which leaves the tree node for node as it was.
func (l undoLog) undo() {
	for i := len(l) - 1; i >= 0; i-- {
		e := l[i]
		if e.inserted {
			e.parent.RemoveChild(e.node)
		} else {
			e.parent.InsertBefore(e.node, e.next)
		}
	}
}

// setTail is etree.SetTail, logged.
func (l *undoLog) setTail(element *html.Node, tail string) {
	if element.Parent == nil || dom.IsVoidElement(element.Parent) {
		return
	}
	for _, t := range etree.TailNodes(element) {
		l.remove(t)
	}
	if tail != "" {
		l.insert(dom.CreateTextNode(tail), element.Parent, element.NextSibling)
	}
}

// removeElement is etree.Remove without keepTail, logged.
func (l *undoLog) removeElement(element *html.Node) {
	if element.Parent == nil {
		return
	}
	for _, t := range etree.TailNodes(element) {
		l.remove(t)
	}
	l.remove(element)
}

// pruneInPlace does to tree what pruneUnwantedNodes(tree, queries, true) returns, on
// tree itself, for a tree that nothing else uses afterwards: the same removals as
// removeUnwantedNodes, taken back when they leave a seventh of the text or less. It
// saves the two copies of tree that pruneUnwantedNodes makes, which for a page of a
// million elements are hundreds of megabytes.
func pruneInPlace(tree *html.Node, queries []selector.Rule) {
	before := textLength(tree)
	var log undoLog
	for _, query := range queries {
		subElements := selector.QueryAll(tree, query)
		for i := len(subElements) - 1; i >= 0; i-- {
			subElement := subElements[i]
			if tail := etree.Tail(subElement); tail != "" {
				previous := dom.PreviousElementSibling(subElement)
				if previous == nil {
					previous = subElement.Parent
				}
				if previous != nil {
					if previousTail := etree.Tail(previous); previousTail != "" {
						log.setTail(previous, previousTail+" "+tail)
					} else {
						log.setTail(previous, tail)
					}
				}
			}
			log.removeElement(subElement)
		}
	}
	if textLength(tree) <= before/7 {
		log.undo()
	}
}
