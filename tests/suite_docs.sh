#!/usr/bin/env bash
# tests/suite_docs.sh - every example in docs/ and README.md is run.
#
# In a Markdown file, a fenced block with the info string `yaml file=NAME`
# (or `lua file=NAME`) is written to NAME in a scratch directory (one per
# document); a ```console
# block holds `$ roadmapc ...` commands, each followed by its exact expected
# output (stdout and stderr together), and is run in that directory. A block
# whose info string ends in `output=PATH` (```markdown output=out/a.plan.md)
# holds the exact contents of a file the commands above it wrote (CRLF line
# ends compared as LF, so a document never holds a carriage return). A yaml
# or lua block that is only a snippet must say so (```yaml fragment, ```lua
# fragment), so no example can be forgotten. Prints PASS:/FAIL: lines; needs $ROADMAPC.
set -u
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for doc in README.md docs/*.md; do
	[ -f "$doc" ] || continue
	dir="$tmp/$(basename "$doc" .md)"
	mkdir -p "$dir/blocks"
	# Split the document into numbered blocks: NNN.file.NAME, NNN.console, NNN.bad
	awk -v out="$dir/blocks" '
	function start(kind) { n++; fname = sprintf("%s/%03d.%s", out, n, kind); printf "" > fname; inblock = 1 }
	/^```/ && inblock { inblock = 0; close(fname); next }
	/^```/ && !inblock {
		info = substr($0, 4)
		if (info ~ / output=[^ ]+$/) { sub(/.* output=/, "", info); gsub("/", "%", info); start("output." info) }
		else if (info ~ /^(yaml|lua) file=/) { split(info, a, "="); start("file." a[2]) }
		else if (info ~ /^(yaml|lua) fragment/) { start("fragment") }
		else if (info ~ /^(yaml|lua)/) { start("bad"); print FNR > fname }
		else if (info == "console") { start("console") }
		else { inblock = 2; fname = "/dev/null" }
		next
	}
	inblock == 1 { print > fname }
	' "$doc"
	for b in $(ls "$dir/blocks" | sort); do
		path="$dir/blocks/$b"
		case "$b" in
		*.file.*) cp "$path" "$dir/${b#*.file.}" ;;
		*.bad) echo "FAIL: $doc:$(head -n 1 "$path"): yaml or lua block without file=NAME or fragment" ;;
		*.output.*)
			out=${b#*.output.}
			out=${out//%//}
			if [ -f "$dir/$out" ] && tr -d '\r' <"$dir/$out" | cmp -s "$path" -; then
				echo "PASS: $doc: $out is as shown"
			else
				echo "FAIL: $doc: $out is not as shown"
				[ -f "$dir/$out" ] && tr -d '\r' <"$dir/$out" | diff -u "$path" - | head -n 30
			fi ;;
		*.console)
			# Each "$ " line starts a command; the lines up to the next one are its output.
			awk -v d="$dir" '
			/^\$ / { n++; cmd = sprintf("%s/cmd.%03d", d, n); ex = sprintf("%s/exp.%03d", d, n)
			         print substr($0, 3) > cmd; close(cmd); printf "" > ex; next }
			n { print > ex }
			' "$path"
			for c in $(ls "$dir"/cmd.* 2>/dev/null | sort); do
				e=${c/cmd./exp.}
				line=$(cat "$c")
				( cd "$dir" && eval "set -- $line" && shift && NO_COLOR=1 ROADMAPC_PATH= "$ROADMAPC" "$@" ) >"$c.out" 2>&1
				if cmp -s "$e" "$c.out"; then echo "PASS: $doc: \$ $line"; else
					echo "FAIL: $doc: \$ $line"; diff -u "$e" "$c.out" | head -n 30; fi
				rm -f "$c" "$e" "$c.out"
			done ;;
		esac
	done
done
