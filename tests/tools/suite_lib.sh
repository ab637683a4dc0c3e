# tests/tools/suite_lib.sh - helpers the shell suites share; source it.

# check NAME COMMAND...: PASS when COMMAND succeeds, else FAIL and its output.
check() {
	local name=$1 out
	shift
	if out=$("$@" 2>&1); then
		echo "PASS: $name"
	else
		echo "FAIL: $name"
		[ -n "$out" ] && printf '%s\n' "$out" | head -n 20 | sed 's/^/    /'
	fi
}
