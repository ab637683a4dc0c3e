#!/usr/bin/env bash
# tests/suite_lua_twins.sh - the Lua form finds what the YAML form finds.
#
# Every check case and structural-error case (tests/cases/{checks,schema})
# has a Lua twin in tests/cases/lua/ (made with tests/tools/yaml2lua.py,
# expected output at Lua lines). Here the two expected outputs are compared
# finding by finding, lines and columns aside: the same severities, messages
# and checks, and the same summary. Help lines may differ (they speak the
# file's language). The few cases YAML can say and Lua cannot are listed
# below, each with the reason. Then every example with a Lua twin
# (examples/NAME.yaml and NAME.lua) is checked in both forms: the same
# findings with the same items, and the same per-roadmap outputs (diagrams,
# plan) byte for byte. Prints PASS:/FAIL: lines; needs $ROADMAPC.
set -u
cd "$(dirname "$0")/.."

# Cases with no Lua twin: what they test does not exist in Lua.
declare -A no_twin=(
	[checks/text-cut-by-comment-fires]="a YAML comment that cuts plain text; every Lua string is quoted"
	[checks/text-cut-by-comment-near-miss]="a YAML comment that cuts plain text; every Lua string is quoted"
	[schema/unknown-key-indentation]="an indentation slip; Lua has no indentation"
	[schema/duplicate-id-alias]="a YAML alias; in Lua, a table placed twice is the same mistake (tests/cases/lua/dsl)"
	[schema/extension-keys-and-merge]="YAML merge keys"
	[schema/extension-keys-near-miss]="YAML anchors in x- keys; tests/cases/lua/dsl/extension-keys.test"
)
# Twins whose findings differ by design: Lua has no null (an absent key is
# all it can say) and no bare words (every Lua string is quoted text).
declare -A differs=(
	[schema/checks-settings]="a checks entry set to null"
	[schema/ignore-without-reason]="an ignore entry whose reason is null"
	[schema/missing-field-ids]="an id set to null"
	[schema/missing-field-segment-empty]="a segment set to null"
	[schema/version-2]="a bare word is quoted text in Lua"
	[schema/wrong-type-booleans]="bare words are quoted text in Lua"
	[schema/wrong-type-list-entries]="a null list entry"
)

# The findings of a case's expected stdout: "SEVERITY: MESSAGE [CHECK]"
# lines without the location, sorted, then the summary lines.
findings() {
	awk '/^=== stdout/ { on = 1; next } /^=== / { on = 0 } on' "$1" |
		sed -n -E 's/^[^ ]+:[0-9]+:[0-9]+: ((error|warning|info): .*)$/\1/p; s/^[^ ]+: ([0-9]+ errors?, .*)$/summary: \1/p' |
		sort
}

for yaml in tests/cases/checks/*.test tests/cases/schema/*.test; do
	name=${yaml#tests/cases/}
	name=${name%.test}
	lua=tests/cases/lua/$name.test
	if [ -n "${no_twin[$name]:-}" ]; then
		[ -f "$lua" ] && echo "FAIL: $name has a twin but is listed as having none" || echo "PASS: $name has no Lua twin: ${no_twin[$name]}"
		continue
	fi
	if [ ! -f "$lua" ]; then
		echo "FAIL: $name has no Lua twin ($lua; make it with tests/tools/yaml2lua.py --case)"
		continue
	fi
	if ! grep -q '^=== file .*\.lua$' "$lua"; then
		echo "FAIL: $lua has no Lua file"
		continue
	fi
	if diff <(findings "$yaml") <(findings "$lua") >/dev/null; then
		if [ -n "${differs[$name]:-}" ]; then
			echo "FAIL: $name is listed as differing (${differs[$name]}) but finds the same"
		else
			echo "PASS: $name: the Lua twin finds the same"
		fi
	elif [ -n "${differs[$name]:-}" ]; then
		echo "PASS: $name: the Lua twin differs as it must: ${differs[$name]}"
	else
		echo "FAIL: $name: the Lua twin finds something else"
		diff <(findings "$yaml") <(findings "$lua") | sed 's/^/    /' | head -n 10
	fi
done

# The examples and their Lua twins.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# text-cut-by-comment is about YAML's plain text, which Lua does not have: the
# YAML form runs without it, so both forms must find and draw the same.
for lua in examples/*.lua; do
	name=$(basename "$lua" .lua)
	yaml=examples/$name.yaml
	[ -f "$yaml" ] || continue
	for form in yaml lua; do
		yaml_only=()
		[ $form = yaml ] && yaml_only=(-W text-cut-by-comment=off)
		"$ROADMAPC" check --today 2026-11-23 "${yaml_only[@]}" --format json "examples/$name.$form" 2>&1 |
			python3 -c 'import json, sys
for d in json.load(sys.stdin)["diagnostics"]:
    print(d["severity"], d["check"], d.get("item"), d["message"])' | sort >"$tmp/$name.$form.findings"
		mkdir -p "$tmp/$name/$form"
		"$ROADMAPC" build --today 2026-11-23 "${yaml_only[@]}" -q -T svg -T dot -o "$tmp/$name/$form" \
			"examples/$name.$form" >/dev/null 2>&1
		# The plan names the roadmap's file, and its CSV each finding's file
		# and line, which differ by design; everything else must be the same.
		sed -i "s|^- Roadmap: examples/$name\.$form\$|- Roadmap: examples/$name|" "$tmp/$name/$form/$name.plan.md"
		python3 - "$tmp/$name/$form/$name.plan.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
keep = [i for i, h in enumerate(rows[0]) if h not in ("file", "line")]
with open(sys.argv[1], "w", newline="", encoding="utf-8") as f:
    csv.writer(f, lineterminator="\r\n").writerows([[r[i] for i in keep] for r in rows])
PY
	done
	if [ -s "$tmp/$name.yaml.findings" ] && diff "$tmp/$name.yaml.findings" "$tmp/$name.lua.findings" >/dev/null; then
		echo "PASS: examples/$name: the Lua form finds the same ($(wc -l <"$tmp/$name.lua.findings") findings)"
	else
		echo "FAIL: examples/$name: the Lua form finds something else"
		diff "$tmp/$name.yaml.findings" "$tmp/$name.lua.findings" | sed 's/^/    /' | head -n 10
	fi
	outputs=$(cd "$tmp/$name/yaml" && ls "$name".* 2>/dev/null | wc -l)
	if diff -r "$tmp/$name/yaml" "$tmp/$name/lua" >/dev/null; then
		echo "PASS: examples/$name: the Lua form writes the same $outputs per-roadmap outputs"
	else
		echo "FAIL: examples/$name: the Lua form writes other per-roadmap outputs"
		diff -r "$tmp/$name/yaml" "$tmp/$name/lua" | sed 's/^/    /' | head -n 10
	fi
done
