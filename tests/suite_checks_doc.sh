#!/usr/bin/env bash
# tests/suite_checks_doc.sh - docs/checks.md and the check registry agree.
#
# The registry in compiler/check.c is the source of truth. For every check
# that `roadmapc list-checks` prints, this suite requires:
#   - a section "### NAME" in docs/checks.md, in registry order, whose text is
#     exactly `roadmapc explain NAME` (the docs may add a ```console block
#     after the example, showing what the check reports on it, and name the
#     example's file: ```yaml file=NAME.yaml);
#   - that the example really triggers the check.
# Needs $ROADMAPC (the binary); prints PASS:/FAIL: lines.
set -u
cd "$(dirname "$0")/.."
doc=docs/checks.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ ! -f "$doc" ]; then
	echo "FAIL: $doc exists"
	exit 0
fi

names=$("$ROADMAPC" list-checks | awk '{ print $1 }')

# The "### " headings under "## The checks", in order, outside code fences.
awk '/^```/ { fence = !fence } fence { next }
     /^## / { checks = ($0 == "## The checks") } checks && /^### / { print $2 }' "$doc" >"$tmp/headings"
if [ "$names" = "$(cat "$tmp/headings")" ]; then
	echo "PASS: sections follow the registry order"
else
	echo "FAIL: sections follow the registry order"
	diff <(echo "$names") "$tmp/headings" | sed 's/^/    /'
fi

# Prints section NAME of the docs in explain's form: the heading becomes the
# bare name, the example's fence loses its file name, and console blocks
# (output shown for the reader) are dropped, as are trailing blank lines.
section() {
	awk -v name="$1" '
	/^```/ {
		if (!fence) { fence = 1; if (in_sec && $0 ~ /^```console/) { skip = 1; next } }
		else { fence = 0; if (skip) { skip = 0; next } }
	}
	!fence && /^#/ { if (in_sec) exit; if ($0 == "### " name) { in_sec = 1; print name; next } }
	in_sec && !skip {
		if ($0 ~ /^```yaml file=/) $0 = "```yaml"
		lines[++n] = $0
	}
	END { while (n > 0 && lines[n] == "") n--; for (i = 1; i <= n; i++) print lines[i] }
	' "$doc"
}

for name in $names; do
	"$ROADMAPC" explain "$name" >"$tmp/explain" 2>&1
	section "$name" >"$tmp/doc"
	if cmp -s "$tmp/explain" "$tmp/doc"; then
		echo "PASS: docs match explain $name"
	else
		echo "FAIL: docs match explain $name"
		diff -u "$tmp/explain" "$tmp/doc" | sed 's/^/    /' | head -n 20
	fi

	# The example, if any, must trigger the check it illustrates.
	awk '/^```yaml$/ { on = 1; next } /^```$/ { on = 0 } on' "$tmp/explain" >"$tmp/example.yaml"
	[ -s "$tmp/example.yaml" ] || continue
	(cd "$tmp" && "$ROADMAPC" check --today 2026-11-23 example.yaml >out.txt 2>&1)
	if grep -q "\[$name\]\$" "$tmp/out.txt"; then
		echo "PASS: example triggers $name"
	else
		echo "FAIL: example triggers $name"
		sed 's/^/    /' "$tmp/out.txt" | head -n 20
	fi
done
