#!/usr/bin/env bash
# tests/bench_render.sh BUILD_DIR - what the diagrams cost, at 10 to 1,000 stages.
#
# For generated roadmaps (tests/tools/gen_roadmap.py) of each size, the CPU
# time (user + system, the best of three runs: the machine may be shared) of
#   dot-out  roadmapc render --view gaps -T dot   (load, check, place, write DOT)
#   svg      roadmapc render --view gaps -T svg   (the same, then Graphviz in process)
#   dot -Tsvg on the DOT of dot-out               (Graphviz alone, as a command)
# and the ratio of in-process rendering (svg - dot-out) to plain `dot`; the
# goal is at most 1.1. Then the wall and CPU time of `roadmapc build` of the
# 200-stage roadmap: both views as SVG and the action plan.
set -u
build=${1:?usage: tests/bench_render.sh BUILD_DIR}
bin=$(cd "$build" && pwd)/roadmapc
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# best CMD...: prints the least user+system seconds of three runs.
best() {
	local b=
	for _ in 1 2 3; do
		/usr/bin/time -f '%U %S' -o "$tmp/t" "$@" >/dev/null 2>&1
		# (time says first when the command exited non-zero: a roadmap with gaps)
		t=$(tail -n 1 "$tmp/t" | awk '{ printf "%.2f", $1 + $2 }')
		if [ -z "$b" ] || awk -v a="$t" -v b="$b" 'BEGIN { exit !(a < b) }'; then b=$t; fi
	done
	echo "$b"
}

printf '%-7s %9s %9s %9s %11s %9s\n' stages dot-out svg 'dot -Tsvg' 'in-process' 'svg size'
for n in 10 50 200 1000; do
	python3 tests/tools/gen_roadmap.py "$n" >"$tmp/g$n.yaml"
	common=(render --today 2026-11-23 -q "$tmp/g$n.yaml" --view gaps)
	"$bin" "${common[@]}" -T dot -o "$tmp/g$n.dot" 2>/dev/null
	"$bin" "${common[@]}" -T svg -o "$tmp/g$n.svg" 2>/dev/null
	d=$(best "$bin" "${common[@]}" -T dot -o /dev/null)
	s=$(best "$bin" "${common[@]}" -T svg -o /dev/null)
	c=$(best dot -Tsvg "$tmp/g$n.dot" -o /dev/null)
	ratio=$(awk -v s="$s" -v d="$d" -v c="$c" 'BEGIN { printf "%.2fx", (s - d) / (c > 0 ? c : 0.001) }')
	size=$(du -k "$tmp/g$n.svg" | cut -f1)
	printf '%-7s %8ss %8ss %8ss %11s %6s KB\n' "$n" "$d" "$s" "$c" "$ratio" "$size"
done

/usr/bin/time -f '%e %U %S' -o "$tmp/t" "$bin" build --today 2026-11-23 -q -o "$tmp/out" "$tmp/g200.yaml" \
	>/dev/null 2>&1
read -r wall user sys < <(tail -n 1 "$tmp/t")
echo "build of 200 stages (both views as SVG, the plan): ${wall}s wall, $(awk -v u="$user" -v s="$sys" \
	'BEGIN { printf "%.2f", u + s }')s CPU"
