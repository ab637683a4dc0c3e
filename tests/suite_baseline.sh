#!/usr/bin/env bash
# tests/suite_baseline.sh - baselines across directories, refreshes and exits.
#
# tests/cases/baseline/*.test run in one directory; this suite covers what
# needs several: a baseline names files relative to its own directory, so it
# matches from the repository root, from a subdirectory and from elsewhere;
# a baseline of format 1 (roadmapc 0.1, names relative to where it ran) is
# still read that way, and when one is used from another directory, or a
# baseline has been moved, a note says that the names look mixed up.
# Writing a baseline exits 0 (it accepts the findings), and refreshing one
# keeps the entries of files that were not checked. Prints PASS:/FAIL:
# lines; needs $ROADMAPC.
set -u
: "${ROADMAPC:?set ROADMAPC to the roadmapc binary}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NO_COLOR= ROADMAPC_PATH=
R() { "$ROADMAPC" check --today 2026-11-23 --fail-on info "$@"; }

# expect NAME WANT_RC [GREP...]: the last run exited WANT_RC, and its
# stdout and stderr together contain every GREP pattern (fixed strings);
# a pattern starting with '!' must not be there.
expect() {
	local name=$1 want=$2
	shift 2
	local ok=1
	[ "$rc" = "$want" ] || ok=0
	for p in "$@"; do
		if [ "${p#!}" != "$p" ]; then
			grep -qF -- "${p#!}" "$tmp/out" && ok=0
		else
			grep -qF -- "$p" "$tmp/out" || ok=0
		fi
	done
	if [ $ok = 1 ]; then echo "PASS: $name"; else
		echo "FAIL: $name (exit $rc, expected $want)"; sed 's/^/    /' "$tmp/out" | head -n 20; fi
}
run() { "$@" >"$tmp/out" 2>&1; rc=$?; }

mkdir -p "$tmp/repo/roadmaps" "$tmp/repo/ci"
cd "$tmp/repo"
cat >roadmaps/close.yaml <<'EOF'
roadmap: 1
product: Acme Close
segment: Finance teams
stages:
  - id: use
    phase: post-purchase
    expects: left-alone
    questions:
      - { ask: Where is help?, answer: The help centre, content: help }
      - ask: Who do I call?
content:
  - { id: help, type: support-portal }
EOF
sed 's/Acme Close/Acme Plan/' roadmaps/close.yaml >roadmaps/plan.yaml

# ---- writing accepts the findings ----
run R --write-baseline ci/roadmap.baseline roadmaps/close.yaml roadmaps/plan.yaml
expect "writing a baseline exits 0: it accepts today's findings" 0 \
	"roadmapc: ci/roadmap.baseline: 4 findings accepted; a run with --baseline ci/roadmap.baseline fails only on new ones"
if grep -qxF "$(printf '../roadmaps/close.yaml\tmissing-owner\tcontent:help')" ci/roadmap.baseline &&
	grep -qx '# roadmapc baseline 2' ci/roadmap.baseline; then
	echo "PASS: file names are written relative to the baseline's directory"
else
	echo "FAIL: file names are written relative to the baseline's directory"
	sed 's/^/    /' ci/roadmap.baseline
fi

# ---- applying from anywhere ----
run R --baseline ci/roadmap.baseline roadmaps/close.yaml roadmaps/plan.yaml
expect "it matches from the repository root" 0 "4 suppressed"
run R --baseline ./ci/roadmap.baseline ./roadmaps/close.yaml
expect "it matches with ./ in the names" 0 "roadmaps/close.yaml: 0 errors, 0 warnings, 0 info, 2 suppressed" "!./roadmaps"
(cd roadmaps && run R --baseline ../ci/roadmap.baseline close.yaml; cp "$tmp/out" "$tmp/out.sub"; echo $rc >"$tmp/rc.sub")
rc=$(cat "$tmp/rc.sub"); cp "$tmp/out.sub" "$tmp/out"
expect "it matches from the roadmaps' directory" 0 "close.yaml: 0 errors, 0 warnings, 0 info, 2 suppressed"
(cd ci && run R --baseline roadmap.baseline ../roadmaps/plan.yaml; cp "$tmp/out" "$tmp/out.sub"; echo $rc >"$tmp/rc.sub")
rc=$(cat "$tmp/rc.sub"); cp "$tmp/out.sub" "$tmp/out"
expect "it matches from the baseline's directory" 0 "2 suppressed"
run R --baseline "$tmp/repo/ci/roadmap.baseline" "$tmp/repo/roadmaps/close.yaml"
expect "it matches with absolute names" 0 "2 suppressed"

# ---- names that look mixed up ----
cp ci/roadmap.baseline moved.baseline
run R --baseline moved.baseline roadmaps/close.yaml
expect "a moved baseline says the names look mixed up" 1 \
	"roadmapc: note: 'moved.baseline' has 2 entries for '../roadmaps/close.yaml', which this run does not check; it checks 'roadmaps/close.yaml', which the baseline would name 'roadmaps/close.yaml': file names in a baseline are relative to the baseline's directory"
printf '# roadmapc baseline 1\nroadmaps/close.yaml\tmissing-owner\tcontent:help\n' >old.baseline
run R --baseline old.baseline roadmaps/close.yaml
expect "a baseline of format 1 names files from where it ran" 1 "1 suppressed" "!note"
(cd roadmaps && run R --baseline ../old.baseline close.yaml; cp "$tmp/out" "$tmp/out.sub"; echo $rc >"$tmp/rc.sub")
rc=$(cat "$tmp/rc.sub"); cp "$tmp/out.sub" "$tmp/out"
expect "a baseline of format 1 used elsewhere says why it matches nothing" 1 \
	"roadmapc: note: '../old.baseline' has 1 entry for 'roadmaps/close.yaml', which this run does not check; it checks 'close.yaml'. This baseline was written by roadmapc 0.1"
run R --baseline ci/roadmap.baseline roadmaps/close.yaml
expect "entries of files not on the command line say nothing" 0 "!note"

# ---- refreshing keeps what it cannot check ----
cp ci/roadmap.baseline before.baseline
printf 'stages: [oops\n' >>roadmaps/plan.yaml
sed -i 's/Who do I call?/Who do I phone?/' roadmaps/close.yaml
run R --baseline ci/roadmap.baseline --write-baseline ci/roadmap.baseline roadmaps/close.yaml roadmaps/plan.yaml
expect "a refresh with a file that has structural errors still fails" 1 "yaml-syntax"
if grep -qF "$(printf '../roadmaps/plan.yaml\tmissing-owner\tcontent:help')" ci/roadmap.baseline &&
	grep -qF "$(printf '../roadmaps/close.yaml\tquestion-without-answer\tquestion:use.who-do-i-phone')" ci/roadmap.baseline &&
	! grep -qF "$(printf '../roadmaps/close.yaml\tquestion-without-answer\tquestion:use.who-do-i-call')" ci/roadmap.baseline; then
	echo "PASS: a refresh keeps the entries of a file with structural errors, and renews the others"
else
	echo "FAIL: a refresh keeps the entries of a file with structural errors, and renews the others"
	sed 's/^/    /' ci/roadmap.baseline
fi
cp before.baseline ci/roadmap.baseline
run R --baseline ci/roadmap.baseline --write-baseline ci/roadmap.baseline roadmaps/close.yaml
if grep -qF "$(printf '../roadmaps/plan.yaml\tquestion-without-answer')" ci/roadmap.baseline; then
	echo "PASS: a refresh keeps the entries of files not on the command line"
else
	echo "FAIL: a refresh keeps the entries of files not on the command line"
	sed 's/^/    /' ci/roadmap.baseline
fi
run R --baseline ci/roadmap.baseline --write-baseline elsewhere.baseline roadmaps/close.yaml
if grep -qF "$(printf 'roadmaps/plan.yaml\tquestion-without-answer')" elsewhere.baseline &&
	! grep -qF '../roadmaps' elsewhere.baseline; then
	echo "PASS: entries carried into a baseline in another directory are renamed for it"
else
	echo "FAIL: entries carried into a baseline in another directory are renamed for it"
	sed 's/^/    /' elsewhere.baseline
fi
printf '# roadmapc baseline 1\nroadmaps/close.yaml\tbroken\n' >bad.baseline
cp bad.baseline bad.copy
run R --baseline bad.baseline --write-baseline bad.baseline roadmaps/close.yaml
if [ "$rc" = 2 ] && cmp -s bad.baseline bad.copy; then
	echo "PASS: a baseline that cannot be read is not rewritten"
else
	echo "FAIL: a baseline that cannot be read is not rewritten (exit $rc)"
fi
printf '# roadmapc baseline 3\n' >new.baseline
run R --baseline new.baseline roadmaps/close.yaml
expect "a baseline of a newer format is refused" 2 "new.baseline:1: baseline format 3 is newer than this roadmapc reads (1 to 2)"
