#!/usr/bin/env bash
# tests/suite_examples.sh - the examples load, and give exactly their golden output.
#
# Every examples/*.yaml must pass the structural phase (it is checked), and
# its text and JSON reports must match tests/golden/examples/NAME.{txt,json}
# (regenerate with UPDATE=1 and review the diff). The "gaps of every kind"
# example must trigger every semantic check in the registry, so the tour it
# promises cannot silently lose a check, except complex-without-concerns:
# it fires only on a roadmap with no concern at all, where
# concern-unaddressed cannot (its own example in docs/checks.md shows it).
# Needs $ROADMAPC.
set -u
cd "$(dirname "$0")/.."
golden=tests/golden/examples
for ex in examples/*.yaml; do
	name=$(basename "$ex" .yaml)
	for fmt in text json; do
		want="$golden/$name.$([ $fmt = text ] && echo txt || echo json)"
		got=$("$ROADMAPC" check --today 2026-11-23 --format $fmt "$ex" 2>&1)
		if [ "${UPDATE:-}" = 1 ]; then printf '%s\n' "$got" >"$want"; fi
		if [ "$got" = "$(cat "$want" 2>/dev/null)" ]; then echo "PASS: $name ($fmt golden)"; else
			echo "FAIL: $name ($fmt golden)"; diff <(printf '%s\n' "$got") "$want" | head -n 20; fi
	done
	if "$ROADMAPC" check --today 2026-11-23 --format json "$ex" | grep -q '"checked": true'; then
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
