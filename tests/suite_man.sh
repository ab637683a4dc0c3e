#!/usr/bin/env bash
# tests/suite_man.sh - the manual page renders cleanly and documents the CLI.
#
# docs/roadmapc.1 must format with groff without a single warning (and with
# man -l where man-db is installed), carry the version of version.h, have the
# usual sections in the usual order, and agree with `roadmapc --help` and
# docs/cli.md: every option --help names is described in the man page's
# OPTIONS (or COMMANDS) and in a row of docs/cli.md's tables, and neither
# document names an option --help does not know; and its EXAMPLES run
# without a usage error. Prints PASS:/FAIL: lines; needs $ROADMAPC.
set -u
cd "$(dirname "$0")/.."
: "${ROADMAPC:?set ROADMAPC to the roadmapc binary}"
page=docs/roadmapc.1
md=docs/cli.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1: $2"; }

[ -f "$page" ] || { fail "$page" "missing"; exit 0; }

# ---------------------------------------------------------------------------
# Rendering

if command -v groff >/dev/null; then
	groff -man -Tutf8 -ww -z "$page" 2>"$tmp/groff.err"
	if [ ! -s "$tmp/groff.err" ]; then pass "groff -man -ww renders $page without warnings"
	else fail "groff -man -ww $page" "$(head -n 5 "$tmp/groff.err")"; fi
else
	fail "groff -man $page" "groff is not installed (apt-get install groff-base)"
fi
if command -v man >/dev/null && man --help 2>&1 | grep -q -- --warnings; then
	MANWIDTH=80 man --warnings -l "$page" >"$tmp/man.out" 2>"$tmp/man.err"
	if [ ! -s "$tmp/man.err" ] && grep -q '^EXIT STATUS' "$tmp/man.out"; then pass "man -l renders $page without warnings"
	else fail "man -l $page" "$(head -n 5 "$tmp/man.err")"; fi
fi

# ---------------------------------------------------------------------------
# Header and sections

# The version is written only in compiler/version.h; make install stamps it
# into the page (tests/suite_install.sh checks that).
if grep -q '^\.TH ROADMAPC 1 [0-9-]* "roadmapc" "User Commands"$' "$page"; then
	pass ".TH names roadmapc and no version: version.h holds it"
else
	fail ".TH" "expected '.TH ROADMAPC 1 DATE \"roadmapc\" \"User Commands\"', got '$(grep '^\.TH' "$page")'"
fi

want="NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS EXIT STATUS ENVIRONMENT FILES EXAMPLES SEE ALSO"
got=$(sed -n 's/^\.SH "\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$page" | tr '\n' ' ' | sed 's/ $//')
[ "$got" = "$want" ] && pass "the sections are $want" || fail "sections" "expected '$want', got '$got'"

# ---------------------------------------------------------------------------
# Options: --help, the man page and docs/cli.md agree.

# Option names in a text: --long and -X (-Wcheck=off counts as -W); a dash
# inside a word (content-type, YYYY-MM-DD) is not an option.
options_in() {
	grep -oE '(^|[^a-zA-Z0-9_-])--?[a-zA-Z][a-zA-Z-]*' |
		sed -E 's/^[^-]*//; s/^(-[a-zA-Z]).*/\1/' | sort -u
}
# The man page as text: comments dropped, \- read as -.
grep -v '^\.\\"' "$page" | sed 's/\\-/-/g' >"$tmp/page"

"$ROADMAPC" --help >"$tmp/help"
options_in <"$tmp/help" >"$tmp/help.opts"
[ "$(wc -l <"$tmp/help.opts")" -ge 10 ] || fail "roadmapc --help" "found only $(wc -l <"$tmp/help.opts") options in it"

# The items of the man page: the line after each .TP in OPTIONS and COMMANDS.
awk '/^\.SH/ { s = $0 } s ~ /OPTIONS|COMMANDS/ && tp { print; tp = 0; next } /^\.TP/ { tp = 1 }' \
	"$tmp/page" | options_in >"$tmp/page.items"
# The first column of the rows of docs/cli.md's tables, and its synopsis block.
{ grep '^| `' "$md" | cut -d'|' -f2; awk '/^```$/ { n++; next } n == 1' "$md"; } | options_in >"$tmp/md.items"

while IFS= read -r opt; do
	grep -qxF -- "$opt" "$tmp/page.items" && pass "man page describes $opt" ||
		fail "man page" "--help names $opt, but no OPTIONS or COMMANDS item of $page describes it"
	grep -qxF -- "$opt" "$tmp/md.items" && pass "docs/cli.md describes $opt" ||
		fail "docs/cli.md" "--help names $opt, but no table row of $md describes it"
done <"$tmp/help.opts"

# Nothing the documents name may be unknown to --help ('--option=VALUE' is
# the generic form, not an option).
for doc in "$tmp/page" "$md"; do
	name=$page; [ "$doc" = "$md" ] && name=$md
	extra=$(options_in <"$doc" | grep -vxF -e --option | grep -vxF -f "$tmp/help.opts" | tr '\n' ' ')
	[ -z "$extra" ] && pass "$name names no option --help does not know" ||
		fail "$name" "names options --help does not know: $extra"
done

# The value lists come from the program's own tables (its error messages
# list them), so a new format or limit cannot be left out of the man page.
formats=$("$ROADMAPC" check --format '?' x 2>&1 | sed -n 's/.*(the formats are \(.*\))$/\1/p' | tr -d ,)
limits=$("$ROADMAPC" check --limit '?=1' x 2>&1 | sed -n 's/.*(known: \(.*\))$/\1/p' | tr -d ,)
[ -n "$formats" ] && [ -n "$limits" ] || fail "value lists" "could not read the formats or limits from roadmapc"
for f in $formats; do
	awk '/^\.TP/ { getline; item = $0 } item ~ /^\.BI .*--format/ && /^\.BR? '"$f"'( |$)/ { found = 1 } END { exit !found }' "$tmp/page" &&
		pass "man page lists the format $f under --format" || fail "man page" "--format does not list $f"
	grep -qE '^\| `(-f FORMAT`, `)?--format' "$md" && grep -E '^\| `(-f FORMAT`, `)?--format' "$md" | grep -q "\`$f\`" &&
		pass "docs/cli.md lists the format $f" || fail "docs/cli.md" "the --format row does not list $f"
done
for l in $limits; do
	awk '/^\.RS/ { rs = 1 } /^\.RE/ { rs = 0 } rs && prev ~ /^\.TP/ && $0 == ".B '"$l"'" { found = 1 } { prev = $0 } END { exit !found }' \
		"$tmp/page" && pass "man page describes the limit $l" || fail "man page" "--limit does not describe $l"
	grep -q "^| \`$l\` |" "$md" && pass "docs/cli.md describes the limit $l" || fail "docs/cli.md" "no row for the limit $l"
done

# The commands of the usage are the commands of the man page.
cmds=$(sed -n 's/^ *\(usage: \)\{0,1\}roadmapc \([a-z][a-z-]*\).*/\2/p' "$tmp/help" | tr '\n' ' ')
for c in $cmds; do
	grep -q "^\.B roadmapc $c\$" "$tmp/page" && grep -Eq "^\.BI? \"?$c([ \"]|\$)" "$tmp/page" &&
		pass "man page has the command $c in SYNOPSIS and COMMANDS" ||
		fail "man page" "the command $c is missing from SYNOPSIS or COMMANDS"
done

# ---------------------------------------------------------------------------
# The EXAMPLES run: each `roadmapc ...` line of an .EX block, in a scratch
# directory holding roadmap.yaml and roadmaps/a.yaml, must end with exit 0
# or 1 (findings), never 2 (a usage error: an option renamed or removed).

mkdir -p "$tmp/ex/roadmaps"
cat >"$tmp/ex/roadmap.yaml" <<'YAML'
roadmap: 1
product: Example
segment: Finance teams
stages:
  - id: use
    phase: post-purchase
    expects: [left-alone]
YAML
cp "$tmp/ex/roadmap.yaml" "$tmp/ex/roadmaps/a.yaml"
awk '/^\.EX/ { ex = 1; next } /^\.EE/ { ex = 0; next }
     ex { gsub(/\\e/, "\\"); line = line $0; if (line ~ /\\$/) { sub(/\\$/, "", line); next } print line; line = "" }' \
	"$tmp/page" | tr -s " " | grep "^roadmapc " >"$tmp/examples"
[ -s "$tmp/examples" ] || fail "EXAMPLES" "no 'roadmapc ...' command found in the .EX blocks"
while IFS= read -r cmd; do
	( cd "$tmp/ex" && eval "set -- ${cmd#roadmapc }" && "$ROADMAPC" "$@" ) >/dev/null 2>"$tmp/ex.err" </dev/null
	rc=$?
	if [ $rc = 0 ] || [ $rc = 1 ]; then pass "example runs: $cmd"
	else fail "example '$cmd'" "exit $rc: $(head -n 2 "$tmp/ex.err")"; fi
done <"$tmp/examples"
