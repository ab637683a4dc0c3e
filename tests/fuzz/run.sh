#!/usr/bin/env bash
# tests/fuzz/run.sh TARGET SECONDS [LIBFUZZER-OPTION...] - runs one fuzz target.
#
# TARGET is yaml, lua, baseline, catalog or cmdline (build/fuzz/fuzz_TARGET, from
# `make fuzz`). The working corpus is build/fuzz/corpus/TARGET, seeded by
# tests/fuzz/seeds.py; nothing is ever written into the source tree. A
# finding lands in build/fuzz/findings/ and the exit status is 1: minimise
# it (build/fuzz/fuzz_TARGET -minimize_crash=1 FILE), fix it, and keep the
# input in tests/fuzz/regressions/TARGET/, which suite_fuzz_regressions.sh
# replays in every `make test`.
set -u
cd "$(dirname "$0")/../.."
target=$1 seconds=$2
shift 2
bin=build/fuzz/fuzz_$target
[ -x "$bin" ] || { echo "run.sh: no $bin; run 'make fuzz' first" >&2; exit 2; }
corpus=build/fuzz/corpus/$target seeds=build/fuzz/seeds/$target findings=build/fuzz/findings
mkdir -p "$corpus" "$findings"
python3 tests/fuzz/seeds.py "$target" "$seeds" >/dev/null
extra=()
[ -f "tests/fuzz/$target.dict" ] && extra+=(-dict="tests/fuzz/$target.dict")
[ "$target" = cmdline ] && extra+=(-close_fd_mask=2)
# Undefined behaviour is a finding, like a crash; the one known report of
# code another branch fixes is in ubsan.supp, with its reason.
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:suppressions=tests/fuzz/ubsan.supp
# A hang is a finding; the timeout is generous because the machine running
# the fuzzer may be busy (a 10 s one fired inside ASan's allocator once).
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0
export TMPDIR=${TMPDIR:-/tmp}
"$bin" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -max_len=65536 \
	-print_final_stats=1 -artifact_prefix="$findings/$target-" "${extra[@]}" "$@" \
	"$corpus" "$seeds" >"build/fuzz/$target.log" 2>&1
rc=$?
grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ *DONE)' "build/fuzz/$target.log" | tr '\n' ' '
echo
if [ $rc -ne 0 ]; then
	echo "FAIL: fuzz $target: exit $rc, see build/fuzz/$target.log"
	grep -m5 -E 'ERROR|SUMMARY|runtime error|internal error' "build/fuzz/$target.log"
	exit 1
fi
echo "PASS: fuzz $target for ${seconds}s"
