#!/usr/bin/env bash
# tests/suite_hostile.sh - hostile and pathological inputs end cleanly and quickly.
#
# Every file of ../shared/data/hostile-yaml (known-bad inputs from other
# parsers' test suites and fuzzers), plus inputs generated here from the
# attack patterns described in its SOURCES.md (1 MB of nested flow
# collections, a million nested block sequences, alias bombs, cycles), must
# end with exit 1 or 2 and a located diagnostic: never a crash, a hang or an
# internal error. A 10 s timeout catches hangs; speed itself is measured by
# `make bench`, not here. Needs $ROADMAPC.
set -u
cd "$(dirname "$0")/.."
data=${HOSTILE_YAML:-../shared/data/hostile-yaml}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# expect NAME FILE [CHECK]: exit 1 or 2, a located error, CHECK among the findings
expect() {
	local name=$1 file=$2 check=${3:-}
	timeout 10 "$ROADMAPC" check --color never "$file" >"$tmp/out" 2>"$tmp/err"
	local rc=$?
	local why=
	if [ $rc -ne 1 ] && [ $rc -ne 2 ]; then why="exit $rc"
	elif grep -q 'internal error' "$tmp/err"; then why="internal error"
	elif ! grep -Eq ':[0-9]+:[0-9]+: error: ' "$tmp/out"; then why="no located error"
	elif [ -n "$check" ] && ! grep -q "\[$check\]" "$tmp/out"; then why="no [$check] finding"
	fi
	if [ -n "$why" ]; then echo "FAIL: $name: $why"; head -n 4 "$tmp/out" "$tmp/err"; else echo "PASS: $name"; fi
}

if [ -d "$data" ]; then
	while IFS= read -r f; do
		expect "${f#$data/}" "$f"
	done < <(find "$data" -type f ! -name '*.md' ! -name '*.tsv' ! -name '*.dict' ! -name '*.txt' | sort)
else
	echo "FAIL: hostile-yaml data not found at $data"
fi

gen() { python3 -c "$1" >"$tmp/$2"; }
# Deep flow nesting: libyaml is quadratic here; the depth limit must stop it early.
gen 'import sys; sys.stdout.write("[" * 1024000)' open-brackets-1mb.yaml
expect "generated: 1 MB of '['" "$tmp/open-brackets-1mb.yaml" limit-exceeded
gen 'import sys; sys.stdout.write("x: {" * 256000)' open-maps-1mb.yaml
expect "generated: 1 MB of 'x: {'" "$tmp/open-maps-1mb.yaml" limit-exceeded
gen 'import sys; sys.stdout.write("[" * 65536 + "]" * 65536)' balanced-brackets.yaml
expect "generated: 65536 balanced '[ ]'" "$tmp/balanced-brackets.yaml" limit-exceeded
gen 'import sys; sys.stdout.write("- " * 1000000 + "x\n")' block-seq-deep.yaml
expect "generated: a million nested '- '" "$tmp/block-seq-deep.yaml" limit-exceeded
gen 'import sys; sys.stdout.write("".join(" " * i + "a:\n" for i in range(1000)))' indent-1000.yaml
expect "generated: 1000 indented levels" "$tmp/indent-1000.yaml" limit-exceeded
# Alias bombs and cycles.
gen 'print("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]")
for i in range(ord("b"), ord("j")):
    p = chr(i - 1); print("%s: &%s [%s]" % (chr(i), chr(i), ",".join(["*" + p] * 9)))' billion-laughs.yaml
expect "generated: billion laughs" "$tmp/billion-laughs.yaml" limit-exceeded
gen 'print("a: &a [1, *a]")' self-alias.yaml
expect "generated: self-referencing alias" "$tmp/self-alias.yaml" yaml-syntax
gen 'print("a: &a {b: *a}")' map-cycle.yaml
expect "generated: mapping containing its own alias" "$tmp/map-cycle.yaml" yaml-syntax
gen 'print("a: *b\nb: &b 1")' alias-before-anchor.yaml
expect "generated: alias before its anchor" "$tmp/alias-before-anchor.yaml" yaml-syntax
gen 'print("a: &a [x]"); [print("k%d: &k%d\n  <<: *%s\n  v%d: 1" % (i, i, "a" if i == 0 else "k%d" % (i - 1), i)) for i in range(30)]' merge-chain.yaml
expect "generated: merge-key chain" "$tmp/merge-chain.yaml"
gen 'import sys
sys.stdout.write("b: &b [" + ",".join(["x"] * 100) + "]\n")
for i in range(10000): sys.stdout.write("k%d: *b\n" % i)' many-aliases.yaml
expect "generated: 10000 aliases of a 100-item list" "$tmp/many-aliases.yaml" limit-exceeded
gen 'import sys; sys.stdout.write("x: \"" + "a" * 2000000 + "\"\n")' huge-scalar.yaml
expect "generated: a 2 MB scalar" "$tmp/huge-scalar.yaml" limit-exceeded
gen 'import sys; sys.stdout.write("x: y\n" * 2000000)' big-file.yaml
expect "generated: a 10 MB file" "$tmp/big-file.yaml" limit-exceeded
