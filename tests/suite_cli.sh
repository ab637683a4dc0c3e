#!/usr/bin/env bash
# tests/suite_cli.sh - the command line where case files cannot reach.
#
# tests/cases/cli/*.test hold every option and usage error whose whole effect
# is an exit status plus exact stdout/stderr. This suite covers the rest:
# standard input, terminals and colour (run under script(1) for a real tty),
# NO_COLOR and TERM, output files (-o writes there and nothing to stdout,
# several formats at once, atomic replacement, no temporary files left, the
# umask honoured), write errors on stdout (/dev/full) and on -o files (a
# file-size limit of 0 makes every write fail, even for root), and
# byte-identical output across runs. Prints PASS:/FAIL: lines; needs $ROADMAPC.
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd)
: "${ROADMAPC:?set ROADMAPC to the roadmapc binary}"
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
cd "$tmp"
export NO_COLOR= ROADMAPC_PATH= TERM=xterm
TODAY="--today 2026-11-23"

# ---------------------------------------------------------------------------
# Helpers

pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1: $2"; }

# run ARGS...: runs roadmapc with stdin from /dev/null; sets rc, out, err.
# With AS_USER set, as that unprivileged user (see below).
run() {
	${AS_USER:-} "$ROADMAPC" "$@" >"$tmp/.out" 2>"$tmp/.err" </dev/null
	rc=$?
	out=$(cat "$tmp/.out")
	err=$(cat "$tmp/.err")
}

# expect NAME WANT_RC [WANT_STDOUT [WANT_STDERR]]: compares the last run();
# an argument given as '*' is not compared.
expect() {
	local name=$1 want_rc=$2 want_out=${3-*} want_err=${4-*}
	if [ "$rc" != "$want_rc" ]; then
		fail "$name" "exit $rc, expected $want_rc"; printf '%s\n' "$err" | head -n 3
	elif [ "$want_out" != '*' ] && [ "$out" != "$want_out" ]; then
		fail "$name" "unexpected stdout"
		diff <(printf '%s\n' "$want_out") <(printf '%s\n' "$out") | head -n 10
	elif [ "$want_err" != '*' ] && [ "$err" != "$want_err" ]; then
		fail "$name" "unexpected stderr"
		diff <(printf '%s\n' "$want_err") <(printf '%s\n' "$err") | head -n 10
	else
		pass "$name"
	fi
}

# on_tty COMMAND...: runs roadmapc on a pseudo-terminal (stdout and stderr
# both go to it) and prints what it wrote, without the tty's carriage returns.
on_tty() {
	local cmd
	cmd=$(printf '%q ' "$ROADMAPC" "$@")
	SHELL=/bin/sh script -qec "$cmd" /dev/null </dev/null | tr -d '\r'
}

has_escape() { grep -q $'\x1b\\[' "$@"; }
strip_escapes() { sed 's/\x1b\[[0-9;]*m//g'; }

# ---------------------------------------------------------------------------
# Fixtures: a clean roadmap, one with a warning, one with an info.

cp "$ROOT/tests/data/clean-roadmap.yaml" clean.yaml
{ cat clean.yaml; echo "    reviewed: 2020-01-01"; } >warnings.yaml
grep -v 'owner: support' clean.yaml >infos.yaml
cat >broken.yaml <<'EOF'
roadmap: 1
product: Broken
segment: Finance teams
stages:
  - id: use
    questons:
      - ask: How do I start?
EOF

# ---------------------------------------------------------------------------
# --version

version=$(sed -n 's/^#define ROADMAPC_VERSION "\(.*\)"$/\1/p' "$ROOT/compiler/version.h")
run --version
expect "--version prints 'roadmapc VERSION' from version.h" 0 "roadmapc $version" ""

# ---------------------------------------------------------------------------
# Standard input

run check -q $TODAY warnings.yaml
file_out=$out
"$ROADMAPC" check -q $TODAY - <warnings.yaml >"$tmp/.out" 2>"$tmp/.err"; rc=$?
out=$(cat "$tmp/.out"); err=$(cat "$tmp/.err")
expect "'-' reads standard input; diagnostics name it <stdin>" 0 "${file_out//warnings.yaml/<stdin>}" ""

"$ROADMAPC" check -q $TODAY --fail-on warning - <warnings.yaml >"$tmp/.out" 2>"$tmp/.err"; rc=$?
out=$(cat "$tmp/.out"); err=$(cat "$tmp/.err")
expect "standard input follows --fail-on like a file" 1 "${file_out//warnings.yaml/<stdin>}" ""

run check -q $TODAY infos.yaml warnings.yaml
want=$out
"$ROADMAPC" check -q $TODAY infos.yaml - <warnings.yaml >"$tmp/.out" 2>"$tmp/.err"; rc=$?
out=$(cat "$tmp/.out"); err=$(cat "$tmp/.err")
expect "'-' among other files is read in its place" 0 "${want//warnings.yaml/<stdin>}" ""

grep -v 'answer: A short guide' clean.yaml >unanswered.yaml
"$ROADMAPC" check -q $TODAY --fail-on never --min-coverage 60 - <unanswered.yaml >"$tmp/.out" 2>"$tmp/.err"; rc=$?
out=$(cat "$tmp/.out"); err=$(cat "$tmp/.err")
expect "coverage below --min-coverage is reported on standard output, not standard error" 1 '*' ""
case "$out" in
*"<stdin>: error: question coverage 0% (0/1) is below --min-coverage 60% [min-coverage]"*)
	pass "the --min-coverage failure names standard input <stdin>" ;;
*) fail "the --min-coverage failure names standard input <stdin>" "$out" ;;
esac

# ---------------------------------------------------------------------------
# Colour

run check $TODAY --color never infos.yaml
never=$out
run check $TODAY --color always infos.yaml
always=$out
if [ "$rc" = 0 ] && has_escape <<<"$always" && [ "$(strip_escapes <<<"$always")" = "$never" ]; then
	pass "--color always colours a pipe, and only adds escapes to the plain text"
else
	fail "--color always" "no escapes, or different text once they are removed (exit $rc)"
fi
run check $TODAY --color=always infos.yaml
expect "--color=always is --color always" 0 "$always"

run check $TODAY infos.yaml
expect "--color auto (the default) does not colour a pipe" 0 "$never"

got=$(on_tty check $TODAY infos.yaml)
[ "$got" = "$always" ] && pass "--color auto colours a terminal" ||
	{ fail "--color auto on a terminal" "expected the --color always output"; diff <(echo "$always") <(echo "$got") | head -n 6; }

got=$(NO_COLOR=1 on_tty check $TODAY infos.yaml)
[ "$got" = "$never" ] && pass "NO_COLOR=1 turns colour off on a terminal" ||
	{ fail "NO_COLOR=1 on a terminal" "expected plain text"; diff <(echo "$never") <(echo "$got") | head -n 6; }

got=$(NO_COLOR= on_tty check $TODAY infos.yaml)
[ "$got" = "$always" ] && pass "an empty NO_COLOR is ignored, as no-color.org says" ||
	fail "NO_COLOR= on a terminal" "expected colour"

got=$(TERM=dumb on_tty check $TODAY infos.yaml)
[ "$got" = "$never" ] && pass "TERM=dumb turns colour off on a terminal" ||
	fail "TERM=dumb on a terminal" "expected plain text"

got=$(on_tty check $TODAY --color never infos.yaml)
[ "$got" = "$never" ] && pass "--color never on a terminal is plain" ||
	fail "--color never on a terminal" "expected plain text"

NO_COLOR=1 "$ROADMAPC" check $TODAY --color always infos.yaml >"$tmp/.out" 2>"$tmp/.err"; rc=$?
out=$(cat "$tmp/.out"); err=$(cat "$tmp/.err")
expect "--color always wins over NO_COLOR" 0 "$always" ""

run check $TODAY --color always --format json infos.yaml
if [ "$rc" = 0 ] && [ -n "$out" ] && ! has_escape <<<"$out"; then pass "--color always never colours JSON"
else fail "--color always --format json" "escapes in JSON, or no output (exit $rc)"; fi

run check $TODAY --color always -o colour.txt infos.yaml
if [ "$rc" = 0 ] && [ -z "$out" ] && [ "$(cat colour.txt)" = "$never" ]; then
	pass "--color always does not colour a report written to a file"
else fail "--color always -o FILE" "expected plain text in the file and nothing on stdout (exit $rc)"; fi

# ---------------------------------------------------------------------------
# Output files

formats=(text json sarif junit github gitlab)
declare -A want_fmt
for f in "${formats[@]}"; do
	run check $TODAY --format "$f" warnings.yaml broken.yaml
	want_fmt[$f]=$out
done

mkdir o1
run check $TODAY -o o1/report.txt warnings.yaml broken.yaml
if [ "$rc" = 1 ] && [ -z "$out" ] && [ -z "$err" ] && [ "$(cat o1/report.txt)" = "${want_fmt[text]}" ]; then
	pass "-o writes the text report to the file and nothing to stdout"
else fail "-o FILE" "exit $rc, stdout '${out:0:60}', stderr '${err:0:60}'"; fi

run check $TODAY --format=json --output=o1/long.json warnings.yaml broken.yaml
if [ "$rc" = 1 ] && [ -z "$out" ] && [ "$(cat o1/long.json)" = "${want_fmt[json]}" ]; then
	pass "--output=FILE is -o FILE"
else fail "--output=FILE" "exit $rc, stdout '${out:0:60}'"; fi

args=()
for f in "${formats[@]}"; do args+=(--format "$f" -o "o1/r.$f"); done
run check $TODAY "${args[@]}" warnings.yaml broken.yaml
ok=1
for f in "${formats[@]}"; do [ "$(cat "o1/r.$f" 2>/dev/null)" = "${want_fmt[$f]}" ] || { ok=0; echo "o1/r.$f differs"; }; done
if [ "$rc" = 1 ] && [ -z "$out" ] && [ -z "$err" ] && [ $ok = 1 ]; then
	pass "six formats in one run, each to its own file, same as one run each"
else fail "several --format/-o pairs" "exit $rc, stdout '${out:0:60}', stderr '${err:0:60}'"; fi

run check $TODAY --format json -o o1/mixed.json --format sarif warnings.yaml broken.yaml
if [ "$rc" = 1 ] && [ "$out" = "${want_fmt[sarif]}" ] && [ "$(cat o1/mixed.json)" = "${want_fmt[json]}" ]; then
	pass "a --format without -o goes to stdout while the others go to their files"
else fail "--format json -o FILE --format sarif" "exit $rc"; fi

leftovers=$(find "$tmp" -name '*.tmp*')
[ -z "$leftovers" ] && pass "successful runs leave no temporary files" ||
	fail "temporary files" "left behind: $leftovers"

mkdir o2
run check $TODAY --format json -o o2/nodir/r.json --format sarif -o o2/r.sarif warnings.yaml
if [ "$rc" = 2 ] && [ "$err" = "roadmapc: cannot write 'o2/nodir/r.json': No such file or directory" ] &&
   [ "$(cat o2/r.sarif 2>/dev/null)" = "$("$ROADMAPC" check $TODAY --format sarif warnings.yaml)" ]; then
	pass "an unwritable output is exit 2 with a message, and the other outputs are still written"
else fail "unwritable output among others" "exit $rc, stderr '$err'"; fi

# A good report from an earlier run must survive a run whose write fails.
# RLIMIT_FSIZE 0 makes every write to a regular file fail with EFBIG (with
# SIGXFSZ ignored), whoever runs the test; stderr goes through a pipe, which
# the limit does not touch.
mkdir o3
if [ -z "${VALGRIND:-}" ]; then         # valgrind's own log could not be written either
printf 'previous good report\n' >o3/report.txt
printf 'previous good json\n' >o3/report.json
err=$( (trap '' XFSZ; ulimit -f 0; exec "$ROADMAPC" check $TODAY -o o3/report.txt --format json -o o3/report.json warnings.yaml) 2>&1 >/dev/null)
rc=$?
if [ "$rc" = 2 ] && [ "$(cat o3/report.txt)" = "previous good report" ] && [ "$(cat o3/report.json)" = "previous good json" ] &&
   [ "$err" = "roadmapc: cannot write 'o3/report.txt': File too large
roadmapc: cannot write 'o3/report.json': File too large" ]; then
	pass "a failed write keeps the previous report whole, exit 2 with a message per output"
else fail "atomic output on a failed write" "exit $rc, stderr '$err', report: '$(cat o3/report.txt)'"; fi
left=$(ls -A o3 | tr '\n' ' ')
[ "$left" = "report.json report.txt " ] && pass "a failed write leaves no temporary file behind" ||
	fail "temporary files after a failed write" "o3 holds: $left"
fi

# File modes do not stop root, and CI runs as root: there the permission
# tests run as the unprivileged user 'nobody' (setpriv, from util-linux).
perm_user=
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
	perm_user="setpriv --reuid=$(id -u nobody) --regid=$(id -g nobody) --clear-groups"
	chmod 755 "$tmp"        # nobody must reach the test files
	# ... and the binary: a checkout under /root is out of its reach.
	$perm_user "$ROADMAPC" --version >/dev/null 2>&1 || perm_user=
fi
if [ "$(id -u)" != 0 ] || [ -n "$perm_user" ]; then
	mkdir o4 && printf 'previous good report\n' >o4/report.txt && chmod a-w o4 && chmod a+r o4/report.txt
	chmod a+r warnings.yaml
	AS_USER=$perm_user run check $TODAY -o o4/report.txt warnings.yaml
	chmod u+w o4
	if [ "$rc" = 2 ] && [ "$(cat o4/report.txt)" = "previous good report" ] && [ "$(ls -A o4)" = report.txt ] &&
	   [ "$err" = "roadmapc: cannot write 'o4/report.txt': Permission denied" ]; then
		pass "an output in a read-only directory: exit 2, the previous report kept"
	else fail "read-only output directory" "exit $rc, stderr '$err'"; fi

	cp warnings.yaml unreadable.yaml && chmod a-r unreadable.yaml
	AS_USER=$perm_user run check $TODAY unreadable.yaml
	expect "an unreadable input file: exit 2 and a message" 2 "unreadable.yaml: 0 errors, 0 warnings, 0 info; not read" \
		"roadmapc: cannot read 'unreadable.yaml': Permission denied"
else
	echo "(permission tests skipped: running as root without setpriv or a 'nobody' user)"
fi

mkdir o5
printf '%0500d\n' 0 >o5/report.txt
run check $TODAY -q -o o5/report.txt clean.yaml
[ "$rc" = 0 ] && [ ! -s o5/report.txt ] && pass "an output replaces a longer earlier file completely" ||
	fail "replacing an earlier output" "exit $rc, $(wc -c <o5/report.txt) bytes left"

(umask 027; "$ROADMAPC" check $TODAY -o o5/mode.txt clean.yaml >/dev/null 2>&1)
mode=$(stat -c %a o5/mode.txt 2>/dev/null)
[ "$mode" = 640 ] && pass "an output file gets the usual mode under the umask (not mkstemp's 0600)" ||
	fail "output file mode" "mode $mode under umask 027, expected 640"

# ---------------------------------------------------------------------------
# Determinism: two runs, byte for byte, in every format.

mkdir d1 d2
for d in d1 d2; do
	args=()
	for f in "${formats[@]}"; do args+=(--format "$f" -o "$d/r.$f"); done
	"$ROADMAPC" check $TODAY "${args[@]}" warnings.yaml infos.yaml broken.yaml clean.yaml >/dev/null 2>&1
	"$ROADMAPC" check $TODAY --color always warnings.yaml infos.yaml broken.yaml clean.yaml >"$d/stdout" 2>&1
done
if diff -r d1 d2 >/dev/null && [ "$(ls d1 | wc -l)" = 7 ]; then pass "two runs give byte-identical output in every format"
else fail "determinism" "outputs differ between runs: $(diff -rq d1 d2 | head -n 3)"; fi

# ---------------------------------------------------------------------------
# Write errors on standard output: a full disk is exit 2 with a message,
# never a silent success (GNU close_stdout convention).

stdout_full() { # NAME ARGS...
	local name=$1; shift
	"$ROADMAPC" "$@" >/dev/full 2>"$tmp/.err" </dev/null; rc=$?
	err=$(cat "$tmp/.err")
	if [ "$rc" = 2 ] && [[ "$err" == "roadmapc: "*"No space left on device"* ]]; then pass "$name"
	else fail "$name" "exit $rc, stderr '$err' (expected exit 2 and 'roadmapc: ...: No space left on device')"; fi
}
if [ -w /dev/full ]; then
	stdout_full "check with a full stdout: exit 2 and a message" check $TODAY infos.yaml
	stdout_full "--help with a full stdout: exit 2 and a message" --help
	stdout_full "--version with a full stdout: exit 2 and a message" --version
	stdout_full "list-checks with a full stdout: exit 2 and a message" list-checks
	stdout_full "explain with a full stdout: exit 2 and a message" explain content-stale
fi

# ---------------------------------------------------------------------------
# Outputs that are not regular files are written through, never replaced:
# renaming a temporary file over /dev/null would swap the device for a file.

mkfifo "$tmp/fifo"
cat "$tmp/fifo" >"$tmp/fifo.out" &
"$ROADMAPC" check $TODAY -q -o "$tmp/fifo" infos.yaml >/dev/null 2>&1
wait
if [ -p "$tmp/fifo" ] && grep -q 'missing-owner' "$tmp/fifo.out"; then pass "-o FIFO writes into the pipe and keeps it a pipe"
else fail "-o FIFO" "the FIFO was replaced or received nothing"; fi

# Into a pipe: what was written arrives, and no temporary file was made
# beside /dev/stdout (which a rename would need).
out=$("$ROADMAPC" check $TODAY -q -o /dev/stdout infos.yaml 2>&1)
left=$(ls -A /dev | grep -c '^stdout\.tmp')
if [[ "$out" == *missing-owner* ]] && [ "$left" = 0 ]; then pass "-o /dev/stdout writes to standard output"
else fail "-o /dev/stdout" "got '$out', $left temporary files in /dev"; fi

echo old >"$tmp/real.txt"
ln -s real.txt "$tmp/link.txt"
"$ROADMAPC" check $TODAY -q -o "$tmp/link.txt" infos.yaml >/dev/null 2>&1
if [ -L "$tmp/link.txt" ] && grep -q 'missing-owner' "$tmp/real.txt"; then pass "-o SYMLINK replaces the file it points to and keeps the link"
else fail "-o SYMLINK" "the link was replaced, or its target not written"; fi
