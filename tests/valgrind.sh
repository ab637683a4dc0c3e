#!/usr/bin/env bash
# tests/valgrind.sh [BUILD] - `make valgrind`: the test suites under memcheck.
#
# Runs tests/run.sh against BUILD/valgrind/roadmapc, a wrapper that runs
# BUILD/roadmapc under valgrind's memcheck with its report in a log file of
# its own (so every expected stdout, stderr and exit status still holds),
# then the unit tests the same way. Any memcheck error, or any block
# definitely or indirectly lost, in any run fails; leaks inside Graphviz
# itself are suppressed in tests/valgrind.supp, each with its reason.
# Suites skip what cannot run under valgrind (resource limits, timing) when
# VALGRIND is set. Prints PASS:/FAIL: lines and the runner's count.
# --track-origins is left out: it makes every run half as slow again, for
# the sake of a diagnosis; rerun a failing command with it to see where an
# uninitialised value came from.
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd)
build=${1:-build}
command -v valgrind >/dev/null || { echo "FAIL: valgrind is installed (apt-get install -y valgrind)"; exit 1; }
vg=$build/valgrind
logs=$vg/logs
rm -rf "$vg"
mkdir -p "$logs"
VG_OPTS="--tool=memcheck --leak-check=full --show-leak-kinds=definite,indirect
--errors-for-leak-kinds=definite,indirect --num-callers=30
--suppressions=$ROOT/tests/valgrind.supp"
cat >"$vg/roadmapc" <<EOF
#!/bin/sh
exec valgrind $(echo $VG_OPTS) --log-file=$ROOT/$logs/vg.%p.log "$ROOT/$build/roadmapc" "\$@"
EOF
chmod +x "$vg/roadmapc"
# The test tools (tests/tools/*.c) are the build tree's own, not under test.
ln -s ../tools "$vg/tools"

VALGRIND=1 tests/run.sh "$vg"
status=$?

for u in "$build"/unit/test_*; do
	[ -x "$u" ] || continue
	valgrind $VG_OPTS --log-file="$logs/vg.unit.$(basename "$u").%p.log" "$u" >/dev/null 2>&1 ||
		echo "FAIL: memcheck: $(basename "$u") under valgrind (exit $?)"
done

bad=0
total=0
for log in "$logs"/vg.*.log; do
	[ -f "$log" ] || continue
	total=$((total + 1))
	if ! grep -q 'ERROR SUMMARY: 0 errors' "$log"; then
		bad=$((bad + 1))
		[ $bad -le 5 ] && { echo "memcheck: $log"; grep -m 12 -E '^==[0-9]+== (Invalid|Conditional|Use of|[0-9,]+ bytes in|   (at|by) )' "$log"; }
	fi
done
if [ $bad = 0 ] && [ $total -gt 0 ]; then
	echo "PASS: memcheck clean over $total runs"
else
	echo "FAIL: memcheck reported errors or leaks in $bad of $total runs (logs in $logs)"
	status=1
fi
exit $status
