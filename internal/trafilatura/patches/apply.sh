#!/bin/sh
# apply.sh rebuilds internal/trafilatura from pristine go-trafilatura plus this patch series.
#
# Usage: apply.sh check|apply|refresh     (UPSTREAM=vX.Y.Z selects the upstream version,
#                                          default v1.12.2; GO selects the go command)
#
#   check    build the tree in a temporary folder and compare it with the committed one
#            (diff -r); exit 1 on any difference.
#   apply    build the tree and replace the committed one with it.
#   refresh  rewrite the diff of every patch from the committed tree against the pristine
#            upstream files, keeping each patch's header; for moving the series to a new
#            upstream after fixing the tree by hand.
#
# The tree is built in three steps:
#   1. Copy from the module cache (go mod download, which needs at most the Go module
#      proxy) only the upstream files named in upstream-files. Upstream files not named
#      there are simply not copied: core.go, metadata*.go, external.go, helper.go, the
#      selectors of metadata and comments, cmd/, examples/, scripts/, test-files/ and every
#      _test.go file.
#   2. Rewrite the import paths of upstream's internal packages
#      (github.com/markusmobius/go-trafilatura/internal/...) to point into this package.
#   3. Apply the numbered *.patch files in order with patch -p1.
# README.md and patches/ are not part of the built tree and are not compared.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
pkg=$(dirname "$here")
mode=${1:-check}
UPSTREAM=${UPSTREAM:-v1.12.2}
GO=${GO:-go}
module=github.com/markusmobius/go-trafilatura
rewrite="s#$module/internal/#github.com/newspipe/newspipe/internal/trafilatura/internal/#g"

case $mode in
check | apply | refresh) ;;
*) echo "usage: $0 check|apply|refresh" >&2; exit 2 ;;
esac

tmp=$(mktemp -d)
keep=0
cleanup() { if [ $keep = 0 ]; then rm -rf "$tmp"; fi; }
trap cleanup EXIT

# Outside any module, so that go.mod and go.sum are left alone.
(cd "$tmp" && GOFLAGS= "$GO" mod download -json "$module@$UPSTREAM" >"$tmp/download.json") || true
dir=$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p' "$tmp/download.json")
if [ -z "$dir" ] || [ ! -d "$dir" ]; then
	echo "apply.sh: cannot download $module@$UPSTREAM:" >&2
	sed -n 's/^[[:space:]]*"Error": //p' "$tmp/download.json" >&2
	exit 1
fi

# Steps 1 and 2: the pristine files, import paths rewritten, in $tmp/base.
while IFS= read -r f; do
	case $f in '' | '#'*) continue ;; esac
	if [ ! -f "$dir/$f" ]; then
		echo "apply.sh: $module@$UPSTREAM has no $f (named in upstream-files)" >&2
		exit 1
	fi
	mkdir -p "$tmp/base/$(dirname "$f")"
	case $f in
	*.go) sed "$rewrite" "$dir/$f" >"$tmp/base/$f" ;;
	*) cat "$dir/$f" >"$tmp/base/$f" ;;
	esac
done <"$here/upstream-files"

# The files each patch changes, from its +++ lines.
patchfiles() { sed -n 's#^+++ b/\([^[:space:]]*\).*#\1#p' "$1"; }

if [ "$mode" = refresh ]; then
	for p in "$here"/[0-9]*.patch; do
		sed '/^--- /,$d' "$p" >"$tmp/patch"
		for f in $(patchfiles "$p"); do
			if [ -f "$tmp/base/$f" ]; then
				old="$tmp/base/$f" label=a/$f
			else
				old=/dev/null label=/dev/null
			fi
			if [ -f "$pkg/$f" ]; then
				new="$pkg/$f"
			else
				new=/dev/null
			fi
			diff -u --label "$label" --label "b/$f" "$old" "$new" >>"$tmp/patch" || [ $? = 1 ]
		done
		cat "$tmp/patch" >"$p"
	done
	echo "apply.sh: patches refreshed against $module@$UPSTREAM; run $0 check"
	exit 0
fi

# Step 3: the series, in order.
cp -R "$tmp/base" "$tmp/tree"
for p in "$here"/[0-9]*.patch; do
	if ! (cd "$tmp/tree" && patch -p1 -s -N --no-backup-if-mismatch <"$p"); then
		keep=1
		echo "apply.sh: $(basename "$p") does not apply to $module@$UPSTREAM;" \
			"the partly patched tree (with .rej files) is in $tmp/tree" >&2
		exit 1
	fi
done

case $mode in
check)
	if ! diff -r -x README.md -x patches "$tmp/tree" "$pkg"; then
		echo "apply.sh: internal/trafilatura differs from $module@$UPSTREAM plus patches/" >&2
		exit 1
	fi
	echo "apply.sh: internal/trafilatura is $module@$UPSTREAM plus patches/"
	;;
apply)
	for f in "$pkg"/* "$pkg"/.[!.]*; do
		case $(basename "$f") in README.md | patches | '.[!.]*') ;; *) rm -rf "$f" ;; esac
	done
	cp -R "$tmp/tree/." "$pkg/"
	echo "apply.sh: internal/trafilatura rebuilt from $module@$UPSTREAM plus patches/"
	;;
esac
