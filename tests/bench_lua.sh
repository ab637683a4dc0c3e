#!/usr/bin/env bash
# tests/bench_lua.sh - checking the Lua form of a roadmap against its YAML form.
#
# Usage: tests/bench_lua.sh BUILD_DIR
# Generates one large roadmap (4000 stages with concerns and three questions
# each, 4000 seller actions, 4000 content items) twice: as YAML and as the Lua
# DSL, the same items in the same order; checks each three times, keeps the
# fastest of each, and prints both times and their ratio. The goal is a Lua
# form at most twice as slow as YAML; the Lua run includes the sandbox's
# instruction hook and the conversion to the node tree. Never part of
# `make test`: timings are not tests.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
n = 4000
y = ["roadmap: 1", "product: Bench", "segment: Everyone", "stages:"]
l = ['roadmap { product = "Bench", segment = "Everyone" }']
for i in range(n):
    y += [f"  - id: s{i}", f"    name: Stage {i}", f"    when: {i}-{i+1}",
          "    expects: [information, proof]", "    prefers: [web]", "    concerns:",
          f"      - Is stage {i} worth it?", "    questions:"]
    l += [f'stage "s{i}" {{', f'  name = "Stage {i}", when = {{ {i}, {i+1} }},',
          '  expects = { "information", "proof" }, prefers = "web",',
          f'  concern "Is stage {i} worth it?",']
    for q in range(3):
        y += [f"      - ask: Question {q} of stage {i}?", f"        answer: Answer {q}",
              f"        content: [c{i}]"]
        l += [f'  question "Question {q} of stage {i}?" {{ answer = "Answer {q}", content = {{ "c{i}" }} }},']
    l.append("}")
y.append("seller:")
for i in range(n):
    y += [f"  - id: a{i}", f"    name: Action {i}", "    owner: sales", f"    when: {i}-{i+1}",
          f"    supports: [s{i}]", "    delivers: [information]", f"    uses: [c{i}]", "    channel: web"]
    l.append(f'seller "a{i}" {{ name = "Action {i}", owner = "sales", when = {{ {i}, {i+1} }}, '
             f'supports = {{ "s{i}" }}, delivers = {{ "information" }}, uses = {{ "c{i}" }}, channel = "web" }}')
y.append("content:")
for i in range(n):
    y += [f"  - id: c{i}", f"    title: Content {i}", "    type: case-study", "    owner: pm",
          "    reviewed: 2026-01-01"]
    l.append(f'content "c{i}" {{ title = "Content {i}", type = "case-study", owner = "pm", reviewed = "2026-01-01" }}')
open(f"{d}/big.yaml", "w").write("\n".join(y) + "\n")
open(f"{d}/big.lua", "w").write("\n".join(l) + "\n")
PY
best() { # best FILE: the fastest of three checks, in seconds
	local file=$1 best=
	for _ in 1 2 3; do
		local start=$EPOCHREALTIME
		"$build/roadmapc" check -q --today 2026-11-23 --format json -o "$tmp/out.json" "$file" || true
		local end=$EPOCHREALTIME
		best=$(awk -v a="$start" -v b="$end" -v best="$best" 'BEGIN { t = b - a; if (best == "" || t < best) best = t; printf "%.3f", best }')
	done
	echo "$best"
}
yaml=$(best "$tmp/big.yaml")
lua=$(best "$tmp/big.lua")
# The same findings in both forms, or the timings compare different work.
"$build/roadmapc" check -q --today 2026-11-23 --format json "$tmp/big.yaml" | grep -c '"check"' >"$tmp/yaml.n" || true
"$build/roadmapc" check -q --today 2026-11-23 --format json "$tmp/big.lua" | grep -c '"check"' >"$tmp/lua.n" || true
awk -v y="$yaml" -v l="$lua" -v ys="$(wc -c <"$tmp/big.yaml")" -v ls="$(wc -c <"$tmp/big.lua")" \
    -v yn="$(cat "$tmp/yaml.n")" -v ln="$(cat "$tmp/lua.n")" 'BEGIN {
	printf "check, 4000 stages: YAML %.3f s (%d bytes, %d findings), Lua %.3f s (%d bytes, %d findings)\n", y, ys, yn, l, ls, ln
	printf "Lua / YAML: %.2fx (goal: at most 2x)\n", l / y
}'
