#!/usr/bin/env bash
# tests/suite_install.sh - make install and make uninstall.
#
# Installs the build tree under test into a staging root (DESTDIR), then
# checks: every file is in its place; compiler/version.h is the only source
# file that writes the version, and the installed man page carries it;
# `man roadmapc` finds it through PATH; the installed roadmapc, run from
# another directory with no configuration, finds its installed stdlib (a
# note names the installed template file, and a change to the installed
# copy shows); make uninstall removes exactly what it installed, leaving a
# team's own template alone; and neither plain make nor make install would
# install packages. Prints PASS:/FAIL: lines; needs
# $BUILD (the build tree) and make.
set -u
cd "$(dirname "$0")/.."
# Under valgrind the build tree is a wrapper script, which make cannot
# install or rebuild; installing is tested on the real trees.
[ -n "${VALGRIND:-}" ] && exit 0
ROOT=$(pwd)
: "${BUILD:?set BUILD to the build tree}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
stage=$tmp/stage
prefix=/usr/local
pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1: $2"; }
# A make of our own, not the one running the tests (its jobserver is not ours).
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory -s -C "$ROOT" BUILD="$BUILD" \
	PREFIX="$prefix" DESTDIR="$stage" "$@"; }

# make install builds what is out of date, with the default flags: on a
# stale tree under test (the sanitizer one) that would replace the binary.
if ! mk -q "$BUILD/roadmapc" 2>/dev/null; then
	fail "make install" "$BUILD/roadmapc is out of date with the sources: rebuild it first"; exit 0
fi
version=$(sed -n 's/^#define ROADMAPC_VERSION "\(.*\)"$/\1/p' compiler/version.h)
if ! mk install >"$tmp/install.log" 2>&1; then
	fail "make install" "$(tail -n 5 "$tmp/install.log")"; exit 0
fi
pass "make install PREFIX=$prefix DESTDIR=... runs"
root=$stage$prefix
missing=
for f in bin/roadmapc share/man/man1/roadmapc.1 share/doc/roadmapc/README.md \
	$(cd stdlib && ls | sed 's|^|share/roadmapc/stdlib/|') $(cd docs && ls *.md | sed 's|^|share/doc/roadmapc/|'); do
	[ -f "$root/$f" ] || missing="$missing $f"
done
[ -z "$missing" ] && pass "make install installs the binary, the stdlib, the man page and the docs" ||
	fail "make install" "missing:$missing"
[ -x "$root/bin/roadmapc" ] && pass "the installed roadmapc is executable" || fail "bin/roadmapc" "not executable"
[ "$("$root/bin/roadmapc" --version)" = "roadmapc $version" ] &&
	pass "the installed roadmapc says version $version" || fail "--version" "$("$root/bin/roadmapc" --version)"
holders=$(grep -rlF "$version" compiler docs stdlib tests README.md Makefile | grep -v '^tests/data/')
[ "$holders" = compiler/version.h ] && pass "only compiler/version.h writes the version" ||
	fail "the version $version is written in" "$(printf '%s ' $holders)"
grep -q "^\.TH ROADMAPC 1 [0-9-]* \"roadmapc $version\"" "$root/share/man/man1/roadmapc.1" &&
	pass "the installed man page carries the version of version.h" ||
	fail "man page" "$(grep '^\.TH' "$root/share/man/man1/roadmapc.1")"
if command -v man >/dev/null; then
	page=$(cd "$tmp" && PATH="$root/bin:$PATH" MANPATH= man -w roadmapc 2>&1)
	[ "$page" = "$root/share/man/man1/roadmapc.1" ] && pass "man roadmapc finds the installed page" ||
		fail "man -w roadmapc" "$page"
	PATH="$root/bin:$PATH" MANPATH= MANWIDTH=80 man -P cat roadmapc 2>/dev/null | grep -q '^EXIT STATUS' &&
		pass "man roadmapc renders it" || fail "man roadmapc" "did not render"
fi

# From any directory, with no configuration: the installed stdlib.
mkdir -p "$tmp/elsewhere"
cat >"$tmp/elsewhere/acme.yaml" <<'YAML'
roadmap: 1
product: Acme Close
segment: Finance teams
extends: b2b-complex
YAML
stdlib_dir=$(cd "$root/share/roadmapc/stdlib" && pwd -P)
out=$(cd "$tmp/elsewhere" && env -u ROADMAPC_PATH "$root/bin/roadmapc" check acme.yaml 2>&1)
printf '%s\n' "$out" | grep -q "^$stdlib_dir/b2b-complex.yaml:[0-9]*:[0-9]*: note: written by stage template 'b2b-complex'" &&
	pass "the installed roadmapc extends b2b-complex from its installed stdlib, from any directory" ||
	fail "extends from the installed stdlib" "$(printf '%s\n' "$out" | head -n 5)"
(cd "$tmp/elsewhere" && env -u ROADMAPC_PATH "$root/bin/roadmapc" init --template b2b-complex new.yaml 2>/dev/null) &&
	(cd "$tmp/elsewhere" && env -u ROADMAPC_PATH "$root/bin/roadmapc" check --format json new.yaml | grep -q '"checked": true') &&
	pass "the installed roadmapc writes a starter that checks, from any directory" ||
	fail "init with the installed roadmapc" "the starter does not check"
sed -i 's/^summary: .*/summary: An edited summary/' "$root/share/roadmapc/stdlib/simple.yaml"
(cd "$tmp/elsewhere" && env -u ROADMAPC_PATH "$root/bin/roadmapc" list-templates) | grep -qx 'simple *An edited summary' &&
	pass "the installed stdlib comes before the copy built into the binary" ||
	fail "list-templates" "the installed copy of simple.yaml was not used"

# Uninstall removes what install wrote, and nothing else.
printf 'template: 1\nstages:\n  - id: need\n' >"$root/share/roadmapc/stdlib/house.yaml"
if mk uninstall >"$tmp/uninstall.log" 2>&1; then pass "make uninstall runs"; else
	fail "make uninstall" "$(tail -n 5 "$tmp/uninstall.log")"; fi
left=$(cd "$stage" && find . -type f | sort)
[ "$left" = "./usr/local/share/roadmapc/stdlib/house.yaml" ] &&
	pass "make uninstall removes every installed file and keeps a team's own template" ||
	fail "make uninstall" "left: $left"
rm "$root/share/roadmapc/stdlib/house.yaml"
mk uninstall >/dev/null 2>&1
[ -z "$(cd "$stage" && find . -path ./usr/local/share/man -prune -o -path ./usr/local/bin -prune -o \
	-path "./usr/local/share/roadmapc*" -print -o -path "./usr/local/share/doc/roadmapc*" -print)" ] &&
	pass "make uninstall removes the directories it made once they are empty" ||
	fail "make uninstall" "directories left: $(cd "$stage" && find . -path '*roadmapc*')"

# Neither plain make nor make install installs packages.
for target in all install; do
	if mk -n "$target" 2>/dev/null | grep -Eq 'apt-get|dnf |brew '; then
		fail "make $target" "would install packages"
	else
		pass "make $target installs no packages"
	fi
done
