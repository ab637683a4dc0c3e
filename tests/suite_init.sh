#!/usr/bin/env bash
# tests/suite_init.sh - `roadmapc init`: a starter for every template, from any directory.
#
# For every template list-templates shows (the built-in ones and a team's
# own from -I), init writes a starter in a directory far from the source
# tree; the starter passes the schema (the check runs, "checked": true) and
# reports its gaps (exit 1, question-without-answer among them), and it
# leaves no temporary file. An existing file is never replaced, not even
# through a dangling symlink, and an unwritable directory is an error.
# Prints PASS:/FAIL: lines; needs $ROADMAPC.
set -u
: "${ROADMAPC:?set ROADMAPC to the roadmapc binary}"
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
export ROADMAPC_PATH= NO_COLOR=1

pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1: $2"; }

mkdir -p "$tmp/team" "$tmp/work"
cat >"$tmp/team/house.yaml" <<'YAML'
template: 1
summary: Our three-stage sale
extends: simple
stages:
  - id: research
    omit: "our buyers come through their auditors"
  - id: trial
    after: compare
    when: 4-5
    expects: [trial]
    prefers: [in-product]
    questions:
      - id: trial-data
        ask: Can we try it on last month's books?
YAML
cd "$tmp/work"
templates=$("$ROADMAPC" list-templates -I ../team | cut -d' ' -f1)
[ "$(printf '%s\n' "$templates" | wc -l)" -ge 7 ] && pass "list-templates shows the built-in templates and the team's" ||
	fail "list-templates" "found only: $templates"
for t in $templates; do
	out="$t.yaml"
	if ! "$ROADMAPC" init -I ../team --template "$t" "$out" 2>"$tmp/err"; then
		fail "init --template $t" "$(head -n 3 "$tmp/err")"; continue
	fi
	grep -q "^extends: $t " "$out" && grep -q '^# yaml-language-server: \$schema=roadmap.schema.json$' "$out" &&
		pass "init --template $t writes a roadmap that extends it, with the schema comment" ||
		fail "init --template $t" "no 'extends: $t' line or no yaml-language-server comment"
	"$ROADMAPC" check -I ../team --format json "$out" >"$tmp/json"; rc=$?
	if [ $rc = 1 ] && grep -q '"checked": true' "$tmp/json" && grep -q '"question-without-answer"' "$tmp/json"; then
		pass "the $t starter passes the schema and reports its gaps"
	else
		fail "the $t starter" "exit $rc; $(grep -m 3 '"message"' "$tmp/json")"
	fi
done
leftover=$(ls -A | grep -v '\.yaml$')
[ -z "$leftover" ] && pass "init leaves no temporary file" || fail "init" "left: $leftover"

# Never replace a file.
printf 'keep me\n' >mine.yaml
"$ROADMAPC" init mine.yaml 2>"$tmp/err"; rc=$?
[ $rc = 2 ] && [ "$(cat mine.yaml)" = "keep me" ] && grep -q "already exists" "$tmp/err" &&
	pass "init refuses an existing file and leaves it alone" || fail "init over a file" "exit $rc, $(cat "$tmp/err")"
ln -s "$tmp/elsewhere.yaml" dangling.yaml
"$ROADMAPC" init dangling.yaml 2>/dev/null; rc=$?
[ $rc = 2 ] && [ ! -e "$tmp/elsewhere.yaml" ] && pass "init refuses a dangling symlink" ||
	fail "init over a dangling symlink" "exit $rc"
mkdir ro && chmod a-w ro
if [ ! -w ro ]; then
	"$ROADMAPC" init ro/new.yaml 2>"$tmp/err"; rc=$?
	[ $rc = 2 ] && grep -q "cannot write 'ro/new.yaml'" "$tmp/err" && [ -z "$(ls -A ro)" ] &&
		pass "init into an unwritable directory is an error" || fail "init into ro/" "exit $rc, $(cat "$tmp/err")"
fi

# The Lua form: named .lua, or --lua.
"$ROADMAPC" init --template b2b-complex acme.lua 2>/dev/null && grep -q '^  extends = "b2b-complex",' acme.lua &&
	grep -q '^stage "problem-identification" {$' acme.lua && pass "init FILE.lua writes the Lua form" ||
	fail "init acme.lua" "no Lua roadmap { } with extends, or no stage calls"

# The examples work once uncommented, where they are: the first stage's
# answered and omitted questions, the seller action and the content item.
python3 - b2b-complex.yaml >opened.yaml <<'PY'
import re, sys
lines = open(sys.argv[1]).read().split('\n')
out, first, example = [], None, False
for l in lines:
    if first is None and l.startswith('  - id: '):
        first = True
    elif first and not l.startswith('    # '):
        first = False
    if l in ('seller:', 'content:'):
        example = 'skip'
    elif example == 'skip' and l == '  #':
        example = True
    elif example is True and not l.startswith('  # '):
        example = False
    if (first and l.startswith('    # ')) or (example is True and l.startswith('  # ')):
        l = l.replace('# ', '', 1)
    out.append(l)
print('\n'.join(out), end='')
PY
"$ROADMAPC" check --format json opened.yaml >"$tmp/json"
if grep -q '"checked": true' "$tmp/json" && ! grep -q 'question:cost-of-inaction"' "$tmp/json" &&
	! grep -q 'who-owns-it' "$tmp/json" && ! grep -q '"item": "stage:problem-identification"' "$tmp/json" &&
	grep -q 'question:root-cause"' "$tmp/json"; then
	pass "the starter's examples work uncommented: an answered question, an omitted one, a seller action, a content item"
else
	fail "the starter's examples, uncommented" "$(grep -m 5 '"message"' "$tmp/json")"
fi
rm -f opened.yaml

# With a Lua front end built in, the Lua starters load as the YAML ones do:
# each passes the schema and reports its gaps, and the b2b-complex one's
# examples work uncommented. A binary that cannot read Lua says so, and
# then this part has nothing to test.
printf 'roadmap { product = "P", segment = "S" }\n' >probe.lua
if ! "$ROADMAPC" check probe.lua 2>&1 | grep -q 'Lua roadmaps are not supported'; then
	for t in $templates; do
		if ! "$ROADMAPC" init -I ../team --template "$t" "$t.lua" 2>"$tmp/err"; then
			fail "init --template $t FILE.lua" "$(head -n 3 "$tmp/err")"; continue
		fi
		"$ROADMAPC" check -I ../team --format json "$t.lua" >"$tmp/json"; rc=$?
		if [ $rc = 1 ] && grep -q '"checked": true' "$tmp/json" && grep -q '"question-without-answer"' "$tmp/json"; then
			pass "the Lua $t starter passes the schema and reports its gaps"
		else
			fail "the Lua $t starter" "exit $rc; $(grep -m 3 '"message"' "$tmp/json")"
		fi
	done
	python3 - b2b-complex.lua >opened.lua <<'PY'
import sys
out, stage, example = [], 0, False
for l in open(sys.argv[1]).read().split('\n'):
    if l.startswith('stage "'):
        stage += 1
    if stage == 1 and l.startswith('  -- '):
        l = '  ' + l[5:]
    if l.startswith('-- seller "') or l.startswith('-- content "'):
        example = True
    if example and l.startswith('-- '):
        example = l != '-- }'
        l = l[3:]
    out.append(l)
print('\n'.join(out), end='')
PY
	"$ROADMAPC" check --format json opened.lua >"$tmp/json"
	if grep -q '"checked": true' "$tmp/json" && ! grep -q 'question:cost-of-inaction"' "$tmp/json" &&
		! grep -q 'who-owns-it' "$tmp/json" && ! grep -q '"item": "stage:problem-identification"' "$tmp/json" &&
		grep -q 'question:root-cause"' "$tmp/json"; then
		pass "the Lua starter's examples work uncommented: an answered question, an omitted one, a seller action, a content item"
	else
		fail "the Lua starter's examples, uncommented" "$(grep -m 5 '"message"' "$tmp/json")"
	fi
	rm -f opened.lua
fi
