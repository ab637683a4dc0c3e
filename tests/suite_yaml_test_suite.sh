#!/usr/bin/env bash
# tests/suite_yaml_test_suite.sh - the official YAML test suite through our front end.
#
# None of these inputs is a roadmap, so the outcome is always exit 1. What we
# check is *why*: a valid YAML input must get past the YAML layer (a schema
# error, never `yaml-syntax`), an invalid one must get a located `yaml-syntax`
# error. libyaml 0.2.5's own known deviations from the suite are expected
# failures, listed in KNOWN-LIBYAML-0.2.5-DEVIATIONS.txt beside the data; for
# them we still require exit 1 and no crash. Needs $ROADMAPC; the data lives
# in shared/data beside the repository (tests/tools/shared_data.py finds it).
set -u
cd "$(dirname "$0")/.."
# Under memcheck (make valgrind), 400 processes would be a quarter of its
# time: suite_fuzz_regressions.sh runs these same inputs (they are fuzz
# seeds) through the whole pipeline in one memcheck process instead.
[ -n "${VALGRIND:-}" ] && exit 0
data=${YAML_TEST_SUITE:-$(python3 tests/tools/shared_data.py yaml-test-suite)}
if [ ! -f "$data/INDEX.tsv" ]; then
	echo "FAIL: yaml-test-suite data not found at $data"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Section of the deviations file each id is listed in: valid-rejected, invalid-accepted, ...
awk '/^## valid YAML rejected by libyaml/ { s = "valid-rejected" }
     /^## valid YAML rejected only by yaml_parser_load/ { s = "loader-only" }
     /^## invalid YAML accepted/ { s = "invalid-accepted" }
     /^## valid YAML parsed but with wrong events/ { s = "wrong-events" }
     /^[0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z]/ { print $1, s }' "$data/KNOWN-LIBYAML-0.2.5-DEVIATIONS.txt" >"$tmp/dev"

while IFS=$'\t' read -r id expect _tags name; do
	[ "$id" = dir ] && continue
	f="$data/$id/in.yaml"
	[ -f "$f" ] || continue
	dev=$(awk -v id="$id" '$1 == id { print $2 }' "$tmp/dev")
	cp "$f" "$tmp/in.yaml"
	(cd "$tmp" && timeout 10 "$ROADMAPC" check --color never in.yaml >out.txt 2>err.txt)
	rc=$?
	out="$tmp/out.txt"
	why=
	if [ $rc -ne 1 ]; then
		why="exit $rc"
	elif grep -q 'internal error' "$tmp/err.txt"; then
		why="internal error"
	elif [ "$expect" = valid ] && [ "$dev" != valid-rejected ]; then
		grep -q '\[yaml-syntax\]' "$out" && why="valid YAML reported as yaml-syntax: $(grep -m1 'yaml-syntax' "$out")"
	elif [ "$expect" = error ] && [ "$dev" != invalid-accepted ]; then
		grep -Eq '^in\.yaml:[0-9]+:[0-9]+: error: .*\[(yaml-syntax|duplicate-key)\]$' "$out" ||
			why="invalid YAML without a located yaml-syntax error"
	fi
	if [ -n "$why" ]; then
		echo "FAIL: $id ($name): $why"
		head -n 5 "$out"
	else
		echo "PASS: $id${dev:+ (libyaml deviation: $dev)}"
	fi
done <"$data/INDEX.tsv"
