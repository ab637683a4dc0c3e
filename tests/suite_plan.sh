#!/usr/bin/env bash
# tests/suite_plan.sh - the action plan files: exact, parseable, escaped, honest.
#
#   - golden: `build` of every examples/*.yaml and of every roadmap in
#     tests/golden/plan/ (one per gap kind, a clean one, one full of
#     hostile text) gives exactly NAME.plan.md and NAME.plan.csv beside
#     its golden copy (UPDATE=1 rewrites them: review the diff);
#   - structure: tests/tools/check_plan.py reads each pair with Python's
#     csv module and against `check --format json` of the same run: one
#     action per unsuppressed finding, ranks in order, tables well formed;
#   - escaping: user text comes out as text in both files;
#   - suppressed and baselined findings make no action, and the summary
#     says how many;
#   - a second build is byte-identical; a file with structural errors gets
#     no plan.
# Needs $ROADMAPC and python3. Prints PASS:/FAIL: lines.
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY=python3
TODAY=2026-11-23
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

. tests/tools/suite_lib.sh

# same NAME GOT WANT: GOT equals the golden file WANT (UPDATE=1 rewrites it).
same() {
	if [ "${UPDATE:-}" = 1 ] && ! cmp -s "$2" "$3"; then cp "$2" "$3"; fi
	if cmp -s "$2" "$3"; then echo "PASS: $1"; else
		echo "FAIL: $1"; diff -u "$3" "$2" | head -n 30 | sed 's/^/    /'; fi
}

# golden DIR FILE GOLDEN_DIR: builds DIR/FILE from DIR (so the plan names
# the file as the user typed it), compares its plan files with GOLDEN_DIR
# and checks their structure against the JSON report of the same run.
golden() {
	local dir=$1 file=$2 gold=$3 name out
	name=$(basename "$file" .yaml)
	out="$tmp/golden/$name"
	mkdir -p "$out"
	(cd "$dir" && "$ROADMAPC" build -q --today $TODAY -o "$out" "$file" >/dev/null 2>&1
	 "$ROADMAPC" check --today $TODAY --format json "$file" >"$out/report.json" 2>/dev/null)
	same "$name.plan.md golden" "$out/$name.plan.md" "$gold/$name.plan.md"
	same "$name.plan.csv golden" "$out/$name.plan.csv" "$gold/$name.plan.csv"
	check "$name plan structure" $PY tests/tools/check_plan.py \
		"$out/$name.plan.md" "$out/$name.plan.csv" "$out/report.json"
}

for ex in examples/*.yaml; do
	golden . "$ex" tests/golden/examples
done
for f in tests/golden/plan/*.yaml; do
	golden tests/golden/plan "$(basename "$f")" tests/golden/plan
done

# ---- escaping: the hostile roadmap's text survives, inert ----

esc="$tmp/golden/escaping"
check "markdown shows <script> as text" grep -qF '### 1. &lt;script&gt;alert(1)&lt;/script&gt;' "$esc/escaping.plan.md"
check "markdown keeps a | in a cell" grep -qF '| R&amp;D \| "Q1" |' "$esc/escaping.plan.md"
check "markdown turns a line break into a space" grep -qF "Line one line two, with a comma" "$esc/escaping.plan.md"
check "markdown escapes emphasis, links, headings, strikethrough and math" grep -qF \
	'\*Teams\* of \_50\_ \[people\](http://x.example) \# \~\~all\~\~ for \$5 or \$6' "$esc/escaping.plan.md"
check "csv keeps user text exactly" $PY - "$esc/escaping.plan.csv" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
by = {r['check'] + ' ' + r['item']: r for r in rows}
create = next(r for r in rows if r['check'] == 'answer-without-content'
              and r['item'].startswith('question:xss.'))
assert create['stage'] == '<script>alert(1)</script>', create['stage']
assert create['action'].endswith(': Line one\nline two, with a comma'), create['action']
assert create['owner'] == "'@ops, \"west\"", create['owner']
assert by['stage-without-seller-action stage:pipes']['stage'] == 'R&D | "Q1"'
publish = by['content-not-published seller:odd>content:lines']
assert publish['owner'] == ' padded ', repr(publish['owner'])
assert "'+cmd|' /C calc'!A0'" in publish['action'], publish['action']
stop = by['seller-action-without-stage seller:nothing']
assert stop['owner'] == "'-marketing", stop['owner']
assert '"minus one"\r\nwith a CR' in stop['action'], repr(stop['action'])
EOF

# ---- suppressed and baselined findings make no action ----

mkdir -p "$tmp/supp"
cat >"$tmp/supp/roadmap.yaml" <<'EOF'
roadmap: 1
product: Acme Close
segment: Finance teams
stages:
  - id: use
    name: Use it
    phase: post-purchase
    expects: [left-alone]
    questions:
      - ask: How do I start?
        answer: A short guide
        content: [guide]
seller:
  - id: webinar
    name: Monthly webinar
    owner: marketing
    delivers: [information]
    ignore:
      seller-action-without-stage: kept for the community
content:
  - id: guide
    title: Getting started
    type: onboarding-guide
  - id: brochure
    title: Old brochure
    type: web-page
    owner: marketing
EOF
printf '# roadmapc baseline 1\nroadmap.yaml\tcontent-unused\tcontent:brochure\n' >"$tmp/supp/base.txt"
(cd "$tmp/supp" && "$ROADMAPC" build -q --today $TODAY --baseline base.txt -o out roadmap.yaml >/dev/null 2>&1
 "$ROADMAPC" check --today $TODAY --baseline base.txt --format json roadmap.yaml >report.json 2>/dev/null)
check "the baselined and ignored findings make no row" $PY - "$tmp/supp/out/roadmap.plan.csv" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
assert [(r['check'], r['item']) for r in rows] == [('missing-owner', 'content:guide')], rows
EOF
check "the summary counts what made no action" grep -qF -e \
	'- **Findings**: 0 errors, 0 warnings, 1 info; no action for 1 accepted with an ignore: entry and 1 in the baseline.' \
	"$tmp/supp/out/roadmap.plan.md"
check "a suppressed run's plan agrees with its report" $PY tests/tools/check_plan.py \
	"$tmp/supp/out/roadmap.plan.md" "$tmp/supp/out/roadmap.plan.csv" "$tmp/supp/report.json"

# ---- scale: findings that share an item stay linear ----

# One draft content item that 60,000 questions and one seller action (60,000
# times) rely on: 120,000 findings about the same item. Working out its
# users for every finding took minutes; the plan builds in seconds.
$PY tests/tools/shared_content.py 60000 "$tmp/shared.yaml"
timeout 60 "$ROADMAPC" build -q --today $TODAY --format json -o "$tmp/shared-out" "$tmp/shared.yaml" >/dev/null 2>&1
check "120,000 findings about one item build within a minute" \
	test "$(grep -c ',content-not-published,' "$tmp/shared-out/shared.plan.csv" 2>/dev/null)" = 120000

# ---- reproducible; nothing for a file the checks did not run on ----

"$ROADMAPC" build -q --today $TODAY -o "$tmp/again1" examples/*.yaml tests/golden/plan/escaping.yaml >/dev/null 2>&1
"$ROADMAPC" build -q --today $TODAY -o "$tmp/again2" examples/*.yaml tests/golden/plan/escaping.yaml >/dev/null 2>&1
check "a second build is byte-identical" diff -r "$tmp/again1" "$tmp/again2"
check "the build wrote the plans" test -s "$tmp/again1/escaping.plan.csv"

printf 'roadmap: 1\nproduct: Broken\nsegment: x\nstages:\n  - id: a\n    nme: A\n' >"$tmp/broken.yaml"
"$ROADMAPC" build -q --today $TODAY -o "$tmp/broken-out" "$tmp/broken.yaml" >/dev/null 2>&1
check "a file with structural errors gets no plan" test ! -e "$tmp/broken-out/broken.plan.md" -a ! -e "$tmp/broken-out/broken.plan.csv"
