#!/usr/bin/env bash
# tests/suite_examples.sh - the examples load, and give exactly their golden output.
#
# Every examples/*.yaml must pass the structural phase (it is checked), and
# its text and JSON reports must match tests/golden/examples/NAME.{txt,json};
# so must every examples/*.lua that is not the twin of a YAML example, checked
# with the rules of examples/rules/*.lua
# (regenerate with UPDATE=1 and review the diff). The "gaps of every kind"
# example must trigger every semantic check in the registry, so the tour it
# promises cannot silently lose a check, except complex-without-concerns:
# it fires only on a roadmap with no concern at all, where
# concern-unaddressed cannot (its own example in docs/checks.md shows it).
# Needs $ROADMAPC.
set -u
cd "$(dirname "$0")/.."
golden=tests/golden/examples
rules=$(for r in examples/rules/*.lua; do [ -f "$r" ] && printf -- '--rules %s ' "$r"; done)
for ex in examples/*.yaml examples/*.lua; do
	[ -f "$ex" ] || continue
	name=$(basename "$ex")
	name=${name%.*}
	args=
	if [ "${ex##*.}" = lua ]; then
		# A Lua twin of a YAML example is compared with it by suite_lua_twins.sh;
		# a Lua example of its own has goldens, with the team's rules on it.
		[ -f "examples/$name.yaml" ] && continue
		args=$rules
	fi
	for fmt in text json; do
		want="$golden/$name.$([ $fmt = text ] && echo txt || echo json)"
		got=$("$ROADMAPC" check --today 2026-11-23 $args --format $fmt "$ex" 2>&1)
		if [ "${UPDATE:-}" = 1 ]; then printf '%s\n' "$got" >"$want"; fi
		if [ "$got" = "$(cat "$want" 2>/dev/null)" ]; then echo "PASS: $name ($fmt golden)"; else
			echo "FAIL: $name ($fmt golden)"; diff <(printf '%s\n' "$got") "$want" | head -n 20; fi
	done
	if "$ROADMAPC" check --today 2026-11-23 $args --format json "$ex" | grep -q '"checked": true'; then
		echo "PASS: $name has no structural errors"
	else
		echo "FAIL: $name has structural errors"
	fi
done

tour=examples/analytics-for-online-stores.yaml
fired=$("$ROADMAPC" check --today 2026-11-23 "$tour" | sed -n 's/^[^ ]*:[0-9]*:[0-9]*: [a-z]*: .* \[\([a-z-]*\)\]$/\1/p' | sort -u)
"$ROADMAPC" list-checks | awk '$2 != "error" || NR > 10 { print $1 }' | while read -r check; do
	case "$check" in yaml-syntax|lua-error|unknown-key|wrong-type|missing-field|duplicate-key|duplicate-id|unknown-reference|invalid-value|limit-exceeded) continue ;; esac
	[ "$check" = complex-without-concerns ] && continue     # excludes concern-unaddressed
	if printf '%s\n' "$fired" | grep -qx "$check"; then echo "PASS: the tour triggers $check"; else
		echo "FAIL: the tour ($tour) does not trigger $check"; fi
done
