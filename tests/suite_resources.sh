#!/usr/bin/env bash
# tests/suite_resources.sh - bounded reads, and running out of memory cleanly.
#
# Every input goes through one bounded reader: a baseline or a roadmap that
# is /dev/zero, or a 1 GB -I catalog, is refused after its limit, quickly,
# instead of growing memory until malloc fails. Running out of memory, for real
# (ulimit -v, normal build) or injected at every allocation of a `build`
# of an example in turn (ROADMAPC_FAIL_ALLOC=N, the sanitizer tree, which
# also reports any leak), ends with "roadmapc: out of memory" and exit
# status 2: never a signal, an internal error, a sanitizer report or a
# temporary file left behind. Prints PASS:/FAIL: lines; needs $ROADMAPC.
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd)
: "${ROADMAPC:?set ROADMAPC to the roadmapc binary}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
TODAY="--today 2026-11-23"
EXAMPLE=$ROOT/examples/crm-for-accounting-firms.yaml

pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1: $2"; }

# bounded NAME PATTERN ARGS...: exit 2 within 20 s, PATTERN on stderr.
bounded() {
	local name=$1 pattern=$2
	shift 2
	timeout 20 "$ROADMAPC" "$@" >/dev/null 2>err; local rc=$?
	if [ $rc = 2 ] && grep -q "$pattern" err; then pass "$name"
	else fail "$name" "exit $rc (124: still reading after 20 s), $(head -c 200 err)"; fi
}
bounded "--baseline /dev/zero is refused at the baseline size limit" \
	"baseline '/dev/zero' is larger than the limit" check $TODAY --baseline /dev/zero "$EXAMPLE"
mkdir cat && truncate -s 1G cat/content-types.yaml        # sparse: no disk used
bounded "a 1 GB -I catalog is refused at the size limit, not read whole" \
	"larger than the limit" check $TODAY -I cat "$EXAMPLE"
timeout 20 "$ROADMAPC" check $TODAY /dev/zero >out 2>err; rc=$?
[ $rc = 1 ] && grep -q 'larger than the limit of 8388608 bytes \[limit-exceeded\]' out &&
	pass "a roadmap that is /dev/zero is read up to the file-size limit" ||
	fail "check /dev/zero" "exit $rc, $(head -c 200 out err)"

# ---- really out of memory (not under ASan, which needs terabytes of
# address space, nor under valgrind, which replaces the allocator) ----
case "${BUILD:-}" in
*/san | */valgrind) ;;
*)
	python3 "$ROOT/tests/bench_gen.py" 5000 clean big.yaml >/dev/null
	(ulimit -v 80000; exec "$ROADMAPC" check $TODAY --limit file-size=100000000 \
		--format json -o big.json big.yaml) >/dev/null 2>err; rc=$?
	[ $rc = 2 ] && [ "$(cat err)" = "roadmapc: out of memory" ] && [ -z "$(find . -name '*.tmp*')" ] &&
		pass "out of memory (ulimit -v) is exit 2 with a message, not a crash" ||
		fail "ulimit -v" "exit $rc (134 is an abort), $(head -c 200 err)"
	;;
esac

# ---- every allocation of a build failing in turn ----
if ROADMAPC_FAIL_ALLOC=1 "$ROADMAPC" check "$EXAMPLE" 2>&1 >/dev/null | grep -q 'out of memory'; then
	"$ROADMAPC" build $TODAY -o want "$EXAMPLE" >want.txt 2>&1; want=$?
	bad= n=1
	while [ $n -le 5000 ]; do
		rm -rf got
		ROADMAPC_FAIL_ALLOC=$n "$ROADMAPC" build $TODAY -o got "$EXAMPLE" >out 2>err; rc=$?
		if ! grep -q 'out of memory' err; then
			# N is past the last allocation: the run is the normal one.
			{ [ $rc = $want ] && cat out err | cmp -s - want.txt; } || bad="$bad $n(normal run differs)"
			break
		fi
		if [ $rc != 2 ] || [ "$(cat err)" != "roadmapc: out of memory" ] || [ -n "$(find . -name '*.tmp*')" ]; then
			bad="$bad $n(exit $rc: $(head -c 80 err | tr '\n' ' '))"
		fi
		n=$((n + 1))
	done
	[ -z "$bad" ] && [ $n -gt 1 ] && [ $n -le 5000 ] &&
		pass "build of an example: each of its $((n - 1)) allocations failing ends with exit 2, cleanly" ||
		fail "allocation failure injection" "at N =$bad (walked to $n)"
fi
