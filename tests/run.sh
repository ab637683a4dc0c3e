#!/usr/bin/env bash
# tests/run.sh - runs every test suite against one or more build trees.
#
# Usage: tests/run.sh BUILD_DIR...   (for example: tests/run.sh build build/san)
#        UPDATE=1 tests/run.sh build  rewrites the expected sections of case
#                                     files from the actual output (review the diff!)
#        ONLY=PATTERN                 runs only tests whose name contains PATTERN
#
# In a case's expected output, @VERSION@ stands for the version of
# compiler/version.h, the one place it is written.
#
# Suites:
#   tests/cases/**/*.test   data-driven cases: input files, arguments, expected
#                           stdout (diagnostics with carets) and exit status
#   tests/suite_*.sh        shell suites (CLI, corpora, docs); print PASS:/FAIL: lines
#   BUILD/unit/test_*       C unit tests; print PASS:/FAIL: lines
# The last line is "N passed, N failed"; the exit status is 1 if anything failed.
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd)
[ $# -ge 1 ] || set -- build

version=$(sed -n 's/^#define ROADMAPC_VERSION "\(.*\)"$/\1/p' compiler/version.h)
pass=0
fail=0
failed_names=()
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

record() { # record STATUS NAME
	if [ "$1" = PASS ]; then pass=$((pass + 1)); else
		fail=$((fail + 1)); failed_names+=("$2"); fi
}

# Splits a .test file into DIR: files/NAME, args, stdout, stderr, exit.
split_case() {
	awk -v dir="$2" '
	function flush() { if (out != "") close(out) }
	/^=== / {
		flush(); sect = $2
		if (sect == "file") { out = dir "/files/" $3 }
		else if (sect == "exit") { print $3 > (dir "/exit"); close(dir "/exit"); out = ""; next }
		else { out = dir "/" sect }
		printf "" > out
		next
	}
	out != "" { print > out }
	' "$1"
}

run_case() { # run_case BIN FILE LABEL
	local bin=$1 file=$2 label=$3 d
	d=$(mktemp -d "$tmp/case.XXXX")
	mkdir -p "$d/files"
	split_case "$file" "$d"
	local f
	for f in "$d/stdout" "$d/stderr"; do
		[ -f "$f" ] && sed -i "s/@VERSION@/$version/g" "$f"
	done
	local args="check"
	if [ -f "$d/args" ]; then args=$(cat "$d/args"); else
		args="check $(ls "$d/files" | head -n 1)"; fi
	local want_exit=0
	[ -f "$d/exit" ] && want_exit=$(cat "$d/exit")
	local got_exit
	( cd "$d/files" && eval "set -- $args" && \
	  NO_COLOR= ROADMAPC_PATH= timeout 20 "$bin" "$@" >"$d/actual.out" 2>"$d/actual.err" \
	  <"${STDIN:-/dev/null}" ); got_exit=$?
	local ok=1
	# Every case states its stdout, even when it is empty: a case that only
	# checked the exit status could pass with any output.
	if [ ! -f "$d/stdout" ]; then ok=0; echo "    $label has no '=== stdout' section"; fi
	if [ -f "$d/stdout" ] && ! cmp -s "$d/stdout" "$d/actual.out"; then ok=0; fi
	if [ -f "$d/stderr" ] && ! cmp -s "$d/stderr" "$d/actual.err"; then ok=0; fi
	[ "$got_exit" = "$want_exit" ] || ok=0
	if [ $ok = 1 ]; then record PASS "$label"; return; fi
	if [ "${UPDATE:-}" = 1 ]; then update_case "$file" "$d" "$got_exit"; record PASS "$label"; return; fi
	record FAIL "$label"
	echo "FAIL: $label (exit $got_exit, expected $want_exit)"
	[ -f "$d/stdout" ] && diff -u "$d/stdout" "$d/actual.out" | sed 's/^/    /' | head -n 40
	[ -f "$d/stderr" ] && diff -u "$d/stderr" "$d/actual.err" | sed 's/^/    /' | head -n 20
	[ -s "$d/actual.err" ] && [ ! -f "$d/stderr" ] && sed 's/^/    stderr: /' "$d/actual.err" | head -n 10
}

# Rewrites the stdout, stderr (when the case has one) and exit sections of a
# case from the actual run.
update_case() {
	local file=$1 d=$2 code=$3
	awk '/^=== (stdout|stderr|exit)/ { skip = 1; next } /^=== / { skip = 0 } !skip' "$file" >"$d/new"
	local quoted="\"${version//./\\.}\""
	{ cat "$d/new"; echo "=== stdout"; sed "s/$quoted/\"@VERSION@\"/g" "$d/actual.out"
	  if [ -f "$d/stderr" ]; then echo "=== stderr"; sed "s/$quoted/\"@VERSION@\"/g" "$d/actual.err"; fi
	  echo "=== exit $code"; } >"$file"
}

for build in "$@"; do
	bin="$ROOT/$build/roadmapc"
	[ -x "$bin" ] || { echo "FAIL: no binary $bin"; record FAIL "$build/roadmapc"; continue; }
	tag="[$build]"
	while IFS= read -r f; do
		name=${f#tests/cases/}
		[ -n "${ONLY:-}" ] && [[ "$name" != *"$ONLY"* ]] && continue
		run_case "$bin" "$ROOT/$f" "$tag $name"
	done < <(find tests/cases -name '*.test' | sort)

	for s in tests/suite_*.sh; do
		[ -f "$s" ] || continue
		sname=$(basename "$s" .sh)
		[ -n "${ONLY:-}" ] && [[ "$sname" != *"$ONLY"* ]] && continue
		while IFS= read -r line; do
			case "$line" in
			PASS:*) record PASS "$tag $sname ${line#PASS: }" ;;
			FAIL:*) record FAIL "$tag $sname ${line#FAIL: }"; echo "$line" ;;
			*) echo "    $line" ;;
			esac
		done < <(ROADMAPC="$bin" BUILD="$ROOT/$build" bash "$s" 2>&1)
	done

	for u in "$build"/unit/test_*; do
		[ -x "$u" ] || continue
		[ -n "${ONLY:-}" ] && [[ "$u" != *"$ONLY"* ]] && continue
		out=$("$u" 2>&1); rc=$?
		while IFS= read -r line; do
			case "$line" in
			PASS:*) record PASS "$tag $(basename "$u") ${line#PASS: }" ;;
			FAIL:*) record FAIL "$tag $(basename "$u") ${line#FAIL: }"; echo "$line" ;;
			esac
		done <<<"$out"
		[ $rc = 0 ] || { record FAIL "$tag $(basename "$u") exit $rc"; echo "$out" | tail -n 5; }
	done
done

if [ $fail -gt 0 ]; then
	echo "failed:"
	printf '  %s\n' "${failed_names[@]}" | head -n 50
fi
echo "$pass passed, $fail failed"
[ $fail = 0 ]
