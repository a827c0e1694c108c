// Package textdiff shows the difference between two texts line by line, in the unified
// style of diff -u, for test failures that people have to read.
package textdiff

import (
	"fmt"
	"strings"
)

// Unified returns the lines that differ between a and b, each prefixed with "-" (only in
// a) or "+" (only in b), with context lines around them prefixed with " " and "@@ line N"
// headers. It returns "" when a and b are equal.
func Unified(a, b string, context int) string {
	if a == b {
		return ""
	}
	x, y := strings.Split(a, "\n"), strings.Split(b, "\n")
	// Common prefix and suffix need no table: most golden changes touch a few lines.
	pre := 0
	for pre < len(x) && pre < len(y) && x[pre] == y[pre] {
		pre++
	}
	suf := 0
	for suf < len(x)-pre && suf < len(y)-pre && x[len(x)-1-suf] == y[len(y)-1-suf] {
		suf++
	}
	ops := lcsOps(x[pre:len(x)-suf], y[pre:len(y)-suf])
	all := make([]op, 0, pre+len(ops)+suf)
	for i := 0; i < pre; i++ {
		all = append(all, op{' ', x[i], i + 1})
	}
	for _, o := range ops {
		o.line += pre
		all = append(all, o)
	}
	for i := len(x) - suf; i < len(x); i++ {
		all = append(all, op{' ', x[i], i + 1})
	}
	return render(all, context)
}

type op struct {
	kind byte // ' ', '-' or '+'
	text string
	line int // line number in a (for ' ' and '-') or b (for '+'), from 1
}

// lcsOps diffs x and y by a longest common subsequence table. Inputs past a few thousand
// lines fall back to "all removed, all added" to bound the table.
func lcsOps(x, y []string) []op {
	var ops []op
	if len(x)*len(y) > 4_000_000 {
		for i, s := range x {
			ops = append(ops, op{'-', s, i + 1})
		}
		for j, s := range y {
			ops = append(ops, op{'+', s, j + 1})
		}
		return ops
	}
	n, m := len(x), len(y)
	t := make([][]int32, n+1)
	for i := range t {
		t[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if x[i] == y[j] {
				t[i][j] = t[i+1][j+1] + 1
			} else {
				t[i][j] = max(t[i+1][j], t[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && x[i] == y[j]:
			ops = append(ops, op{' ', x[i], i + 1})
			i++
			j++
		case i < n && (j == m || t[i+1][j] >= t[i][j+1]):
			ops = append(ops, op{'-', x[i], i + 1})
			i++
		default:
			ops = append(ops, op{'+', y[j], j + 1})
			j++
		}
	}
	return ops
}

// render prints changed lines with up to context unchanged lines around each change.
func render(ops []op, context int) string {
	show := make([]bool, len(ops))
	for i, o := range ops {
		if o.kind == ' ' {
			continue
		}
		for k := max(0, i-context); k <= min(len(ops)-1, i+context); k++ {
			show[k] = true
		}
	}
	var b strings.Builder
	gap := true
	for i, o := range ops {
		if !show[i] {
			gap = true
			continue
		}
		if gap {
			fmt.Fprintf(&b, "@@ line %d\n", o.line)
			gap = false
		}
		b.WriteByte(o.kind)
		b.WriteString(o.text)
		b.WriteByte('\n')
	}
	return b.String()
}
