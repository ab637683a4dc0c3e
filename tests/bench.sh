#!/usr/bin/env bash
# tests/bench.sh - `make bench`: performance as ratios taken in one run.
#
# Generates a large roadmap (thousands of stages, questions, seller actions
# and content items), then reports the front end's cost as a ratio to raw
# libyaml parsing of the same bytes, and the time the hostile deep-nesting
# input takes to be rejected. Never part of `make test`: timings are not tests.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp/big.yaml" <<'PY'
import sys
n = 4000
out = ["roadmap: 1", "product: Bench", "segment: Everyone", "stages:"]
for i in range(n):
    out += [f"  - id: s{i}", f"    name: Stage {i}", f"    when: {i}-{i+1}",
            "    expects: [information, proof]", "    prefers: [web]", "    concerns:",
            f"      - Is stage {i} worth it?", "    questions:"]
    for q in range(3):
        out += [f"      - ask: Question {q} of stage {i}?", f"        answer: Answer {q}",
                f"        content: [c{i}]"]
out.append("seller:")
for i in range(n):
    out += [f"  - id: a{i}", f"    name: Action {i}", "    owner: sales", f"    when: {i}-{i+1}",
            f"    supports: [s{i}]", "    delivers: [information]", f"    uses: [c{i}]", "    channel: web"]
out.append("content:")
for i in range(n):
    out += [f"  - id: c{i}", f"    title: Content {i}", "    type: case-study", "    owner: pm",
            "    reviewed: 2026-01-01"]
open(sys.argv[1], "w").write("\n".join(out) + "\n")
PY
"$build/unit/bench_front" "$tmp/big.yaml"
python3 -c 'import sys; sys.stdout.write("[" * 1024000)' >"$tmp/deep.yaml"
start=$EPOCHREALTIME
"$build/roadmapc" check -q "$tmp/deep.yaml" >/dev/null || true
end=$EPOCHREALTIME
awk -v a="$start" -v b="$end" 'BEGIN { printf "1 MB of [ rejected in %.3f s (libyaml alone needs minutes on it)\n", b - a }'
