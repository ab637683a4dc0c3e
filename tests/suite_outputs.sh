#!/usr/bin/env bash
# tests/suite_outputs.sh - no run loses a file.
#
# An output that is also an input (a roadmap, the --baseline being read) or
# that two outputs name is refused before anything is written, however the
# path is spelled (./x, a symlink, a hard link); refreshing a baseline in
# place is allowed. A closed pipe (`| head -1`) and a file-size limit
# (`ulimit -f`) are write errors, exit 2, not signals, and leave the
# earlier file and no temporary file; a replacement keeps the file's mode;
# an unwritable directory is an error that leaves every other output whole.
# (Interrupting a write is tested deterministically in test_outfile.)
# Prints PASS:/FAIL: lines; needs $ROADMAPC.
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd)
: "${ROADMAPC:?set ROADMAPC to the roadmapc binary}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/w"
cd "$tmp/w"             # the files under test; the suite's own go to $tmp
TODAY="--today 2026-11-23"

pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1: $2"; }

cp "$ROOT/examples/crm-for-accounting-firms.yaml" a.yaml
cp a.yaml b.yaml
"$ROADMAPC" check $TODAY --write-baseline base.txt a.yaml >/dev/null 2>&1
ln -s a.yaml sym.yaml
ln a.yaml hard.yaml
sums() { md5sum a.yaml b.yaml base.txt; ls; }
sums >"$tmp/before"

# refused NAME ARGS...: exit 2, a "refusing to write" message, and not one
# file written or changed. The command is check, or $COMMAND.
refused() {
	local name=$1
	shift
	"$ROADMAPC" "${COMMAND:-check}" $TODAY "$@" >"$tmp/out" 2>"$tmp/err"
	local rc=$?
	sums >"$tmp/after"
	if [ $rc = 2 ] && grep -q 'refusing to write' "$tmp/err" && cmp -s "$tmp/before" "$tmp/after"; then
		pass "refused: $name"
	else
		fail "refused: $name" "exit $rc, $(head -c 200 "$tmp/err"), changed: $(diff "$tmp/before" "$tmp/after" | head -3)"
	fi
}
refused "-o naming the input" -o a.yaml a.yaml
COMMAND=render refused "render -o naming the roadmap it draws" a.yaml --view gaps -o ./a.yaml
COMMAND=render refused "render -o naming a hard link to the roadmap" a.yaml --view roadmap -o hard.yaml
refused "-o naming the input as ./a.yaml" -o ./a.yaml a.yaml
refused "-o naming a symlink to the input" -o sym.yaml a.yaml
refused "-o naming a hard link to the input" -o hard.yaml a.yaml
refused "-o naming the second of two inputs" --format json -o b.yaml a.yaml b.yaml
refused "--write-baseline naming the input" --write-baseline a.yaml a.yaml
refused "-o naming the --baseline being read" --baseline base.txt -o base.txt a.yaml
refused "two reports to one new file" --format json -o r.json --format sarif -o ./r.json a.yaml
refused "a report and the baseline to one file" --format json -o r.txt --write-baseline r.txt a.yaml

"$ROADMAPC" check $TODAY --baseline base.txt --write-baseline base.txt a.yaml >/dev/null 2>err; rc=$?
[ $rc = 0 ] && ! grep -v 'findings accepted' err | grep -q . && grep -q '^# roadmapc baseline' base.txt &&
	pass "--baseline B --write-baseline B refreshes the baseline in place" ||
	fail "--baseline B --write-baseline B" "exit $rc, $(head -c 200 err)"
"$ROADMAPC" check $TODAY -o /dev/null --format json -o /dev/null a.yaml a.yaml >/dev/null 2>err; rc=$?
[ $rc = 1 ] && [ ! -s err ] && pass "devices and a file read twice are not clobbering" ||
	fail "-o /dev/null twice, a.yaml twice" "exit $rc, $(head -c 200 err)"

# ---- signals that were deaths and are now errors ----

python3 -c 'import sys; sys.stdout.write("roadmap: 1\nproduct: P\nsegment: S\nstages:\n" +
    "".join("  - id: s%d\n" % i for i in range(3000)))' >many.yaml
# -v: every finding in full, far more than a pipe holds.
"$ROADMAPC" check $TODAY -v many.yaml 2>err | head -n 1 >/dev/null
rc=${PIPESTATUS[0]}
[ $rc = 2 ] && grep -q 'cannot write to standard output' err &&
	pass "| head -1: a closed pipe is a write error, exit 2 (not SIGPIPE)" ||
	fail "| head -1" "exit $rc (141 is death by SIGPIPE), $(head -c 200 err)"

echo "the previous report" >big.json
chmod 640 big.json
if [ -z "${VALGRIND:-}" ]; then         # valgrind's own log would hit the limit
	(ulimit -f 8; exec "$ROADMAPC" check $TODAY --format json -o big.json many.yaml) >/dev/null 2>err; rc=$?
	left=$(find . -name '*.tmp*')
	[ $rc = 2 ] && grep -q "cannot write 'big.json'" err && [ -z "$left" ] &&
		[ "$(cat big.json)" = "the previous report" ] &&
		pass "ulimit -f: a write error, exit 2 (not SIGXFSZ), the earlier file kept, no temporary file" ||
		fail "ulimit -f" "exit $rc (153 is death by SIGXFSZ), left: $left, $(head -c 200 err)"
fi

"$ROADMAPC" check $TODAY --format json -o big.json a.yaml >/dev/null 2>&1
mode=$(stat -c %a big.json)
[ "$mode" = 640 ] && grep -q '"diagnostics"' big.json &&
	pass "replacing an output keeps its mode (640)" || fail "replacement mode" "mode $mode"

# An unwritable directory; root writes into any mode, but not into /proc.
mkdir ro && chmod 555 ro
ro=ro
[ "$(id -u)" = 0 ] && ro=/proc
echo "the previous report" >big.json
"$ROADMAPC" check $TODAY --format json -o big.json --format text -o $ro/r.txt a.yaml >/dev/null 2>err; rc=$?
[ $rc = 2 ] && grep -q "cannot write '$ro/r.txt'" err && [ -z "$(find . -name '*.tmp*')" ] &&
	{ [ "$(cat big.json)" = "the previous report" ] || python3 -m json.tool big.json >/dev/null; } &&
	pass "an unwritable directory ($ro) is an error, exit 2, the other output whole (old or new)" ||
	fail "unwritable directory" "exit $rc, $(head -c 200 err)"
