#!/usr/bin/env bash
# tests/suite_fuzz_regressions.sh - the fuzz targets' kept inputs, in every test run.
#
# Each fuzz target (tests/fuzz/fuzz_TARGET.c) is also built by `make unit`
# with a plain main (tests/fuzz/replay.c) as BUILD/unit/replay_TARGET, in
# the normal and the ASan+UBSan tree alike. This replays, through it, the
# inputs kept in tests/fuzz/regressions/TARGET/ (every input that once
# crashed, hung or broke an output, minimised) and the target's seeds
# (tests/fuzz/seeds.py: the case files, examples, stdlib and shared
# corpora). A target aborts on a broken invariant, and the sanitizers
# (or, when VALGRIND is set, memcheck) report the rest; a run must end
# with exit 0 within its time. One process per target and set of inputs:
# under memcheck, that is what makes the YAML test suite's 400 inputs
# (among the seeds) affordable. Needs $BUILD.
set -u
cd "$(dirname "$0")/.."
: "${BUILD:?set BUILD to the build tree}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

unit=$BUILD/unit
wrap=()
if [ -n "${VALGRIND:-}" ]; then
	# The valgrind wrapper tree has no unit tests of its own: those of the
	# tree it wraps, under memcheck.
	unit=$(dirname "$BUILD")/unit
	wrap=(valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
	      --show-leak-kinds=definite,indirect --suppressions=tests/valgrind.supp)
fi
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export TMPDIR=$tmp

# replay NAME TARGET FILE...: one process over the files, exit 0 in 300 s.
replay() {
	local name=$1 target=$2
	shift 2
	timeout 300 "${wrap[@]}" "$unit/replay_$target" "$@" >"$tmp/out" 2>"$tmp/err"
	local rc=$?
	if [ $rc = 0 ]; then
		echo "PASS: $name ($# inputs)"
	else
		echo "FAIL: $name: exit $rc (124: over 300 s), after $(tail -n 1 "$tmp/out")"
		grep -m 8 -E 'ERROR|SUMMARY|runtime error|internal error|==[0-9]+== +(at|by|Invalid)' "$tmp/err"
	fi
}

for src in tests/fuzz/fuzz_*.c; do
	target=${src#tests/fuzz/fuzz_}
	target=${target%.c}
	if [ ! -x "$unit/replay_$target" ]; then
		echo "FAIL: $unit/replay_$target is built (make unit)"
		continue
	fi
	kept=(tests/fuzz/regressions/"$target"/*)
	if [ -f "${kept[0]}" ]; then
		replay "$target: the kept inputs of tests/fuzz/regressions/$target" "$target" "${kept[@]}"
	fi
	python3 tests/fuzz/seeds.py "$target" "$tmp/seeds-$target" >/dev/null
	replay "$target: its seeds" "$target" "$tmp/seeds-$target"/*
done
