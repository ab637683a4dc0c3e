#!/usr/bin/env bash
# tests/bench.sh [BUILD] - `make bench`: how fast and small `check` is, as ratios.
#
# Generates roadmaps of 1,000, 10,000 and 20,000 stages (tests/bench_gen.py),
# each clean (no finding) and findings-heavy (about eleven per stage), and
# measures, in this one run:
#   - `check` in every output format (written to /dev/null) against
#     libyaml's bare event parse of the same file, in CPU time: the goal is
#     at most 2x on the heavy roadmaps and 1.5x on the clean ones;
#   - the peak memory of that run per question of the roadmap: goal 2 KB;
#   - growth with size: CPU time per stage at 20,000 stages over that at
#     1,000 (1.0 is linear);
#   - where the time goes (front end, schema and resolve, checks);
#   - how fast 1 MB of '[' is rejected.
# Timings are never tests: this prints numbers, docs/performance.md keeps
# them. BENCH_SIZES="1000" runs a subset. Exits 0 unless a run failed.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
bin=$PWD/$build/roadmapc
tool=$PWD/$build/unit/bench_front
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
SIZES=${BENCH_SIZES:-"1000 10000 20000"}
FORMATS="text json sarif junit github gitlab markdown"
LIMITS="--limit file-size=4000000000 --limit nodes=4000000000"

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'),"\
"$(awk '/MemTotal/ { printf " %.0f GiB", $2 / 1048576 }' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "times are CPU seconds (user + system): each run best of 3; libyaml the best of 5 parses"\
" before each run"
read -r start start_peak < <("$tool" run "$bin" --version)
echo "a run that does nothing (roadmapc --version): $start s, $((start_peak / 1024)) MB"
echo

declare -A per_stage
printf "%-12s %8s %9s %8s %8s  %-8s %8s %7s %8s %8s\n" roadmap MB events findings "libyaml" format check ratio "peak MB" "B/quest"
for kind in heavy clean; do
	goal=$([ $kind = heavy ] && echo 2.0 || echo 1.5)
	for n in $SIZES; do
		f=$tmp/$kind-$n.yaml
		questions=$(python3 tests/bench_gen.py "$n" "$kind" "$f")
		findings=$("$bin" check --today 2026-11-23 $LIMITS --format json "$f" 2>/dev/null |
			grep -c '"check":' || true)
		mb=$(awk -v s="$(stat -c %s "$f")" 'BEGIN { printf "%.1f", s / 1e6 }')
		# A busy machine slows every measurement now and then: the floor is
		# the best of a parse before each run, and each run the best of 3.
		bare=999
		declare -A cpu=() peak=()
		for fmt in $FORMATS; do
			read -r b events < <("$tool" parse "$f")
			bare=$(awk -v a="$bare" -v b="$b" 'BEGIN { print (b < a ? b : a) }')
			read -r cpu[$fmt] peak[$fmt] < <("$tool" run "$bin" check --today 2026-11-23 $LIMITS \
				--format "$fmt" -o /dev/null "$f")
		done
		for fmt in $FORMATS; do
			awk -v k="$kind-$n" -v mb="$mb" -v ev="$events" -v fi="$findings" -v b="$bare" \
			    -v fmt="$fmt" -v c="${cpu[$fmt]}" -v p="${peak[$fmt]}" -v q="$questions" -v g="$goal" 'BEGIN {
				r = c / b; bq = p * 1024 / q
				printf "%-12s %8s %9d %8d %7.3fs  %-8s %7.3fs %6.2fx%s %8.1f %7.0f%s\n",
				       k, mb, ev, fi, b, fmt, c, r, (r > g ? "!" : " "), p / 1024, bq,
				       (bq > 2048 ? "!" : "")
			}'
			[ "$fmt" = text ] && per_stage[$kind-$n]=$(awk -v c="${cpu[$fmt]}" -v n="$n" 'BEGIN { print c / n }')
		done
	done
done
echo "(! marks a result over its goal: ratio 2x heavy, 1.5x clean; 2048 bytes per question)"
echo

# Growth: CPU per stage at the largest size over that at each smaller one;
# small sizes carry the fixed cost of starting a process.
last=${SIZES##* }
for kind in heavy clean; do
	for n in $SIZES; do
		[ "$n" = "$last" ] && continue
		awk -v a="${per_stage[$kind-$n]}" -v b="${per_stage[$kind-$last]}" -v k="$kind" \
		    -v f="$n" -v l="$last" 'BEGIN {
			printf "growth, %s, text: CPU per stage at %d stages / at %d stages = %.2f (1.00 is linear)\n",
			       k, l, f, b / a }'
	done
done
echo

for kind in heavy clean; do
	printf "phases, %s-%s: " "$kind" "$last"
	"$tool" phases "$tmp/$kind-$last.yaml"
done
echo

python3 -c 'import sys; sys.stdout.write("[" * 1024000)' >"$tmp/deep.yaml"
read -r cpu _ < <("$tool" run "$bin" check -q -o /dev/null "$tmp/deep.yaml")
echo "1 MB of '[' rejected in $cpu s of CPU (libyaml alone needs minutes on it)"

# ---- the other benchmarks: diagrams (in-process rendering against plain
# `dot`) and the Lua front end (the Lua form against the YAML form). Each
# is its own script, taking the build directory, run here when present.
for extra in tests/bench_render.sh tests/bench_lua.sh; do
	if [ -x "$extra" ]; then
		echo
		"$extra" "$build"
	fi
done
