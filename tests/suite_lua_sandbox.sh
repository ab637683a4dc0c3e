#!/usr/bin/env bash
# tests/suite_lua_sandbox.sh - hostile Lua ends cleanly, in bounded time and memory, and
# touches nothing.
#
# The case files (tests/cases/lua/sandbox) show what each escape and exhaustion reports, with
# small limits so they run fast. Here the same attacks, and a few more, run with the DEFAULT
# limits, the way a CI job meets a hostile pull request: each must end with exit 1 and a
# located error (limit-exceeded or lua-error as listed), use at most MAX_CPU seconds of CPU and
# MAX_RSS megabytes of memory, and leave its directory and $HOME as they were. Then a roadmap
# whose stage order comes from pairs() over many string keys must give byte-identical output
# run after run (the string hash seed differs in every process). Needs $ROADMAPC and python3.
set -u
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
MAX_CPU=${MAX_CPU:-15}          # the 5 s backstop, startup, and a sanitizer's slowness
MAX_RSS=${MAX_RSS:-600}         # 64 MB of Lua, the process, and a sanitizer's shadow memory

# run NAME CHECK LUA...: runs the Lua source in a fresh directory with a fresh $HOME.
run() {
	local name=$1 check=$2 src=$3
	local dir="$tmp/$name" home="$tmp/$name.home"
	mkdir -p "$dir" "$home"
	printf '%s\n' "$src" >"$dir/roadmap.lua"
	local before
	before=$(cd "$dir" && ls -A; cd "$home" && ls -A)
	python3 - "$ROADMAPC" "$dir" "$home" >"$tmp/result" <<'PY'
import os, resource, subprocess, sys
binary, cwd, home = sys.argv[1:4]
env = {"PATH": os.environ.get("PATH", ""), "HOME": home, "NO_COLOR": "1"}
for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
    if k in os.environ:
        env[k] = os.environ[k]
before = resource.getrusage(resource.RUSAGE_CHILDREN)   # a launcher may have run children
try:
    p = subprocess.run([binary, "check", "--color", "never", "roadmap.lua"], cwd=cwd, env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
    code, out = p.returncode, p.stdout.decode("utf-8", "replace")
except subprocess.TimeoutExpired:
    code, out = "timeout", ""
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = ru.ru_utime + ru.ru_stime - before.ru_utime - before.ru_stime
print(code, round(cpu, 2), ru.ru_maxrss // 1024)
print(out)
PY
	local code cpu rss
	read -r code cpu rss <"$tmp/result"
	local out
	out=$(tail -n +2 "$tmp/result")
	local after
	after=$(cd "$dir" && ls -A; cd "$home" && ls -A)
	local why=
	if [ "$code" != 1 ]; then why="exit $code"
	elif ! printf '%s\n' "$out" | grep -Eq "^roadmap\.lua:[0-9]+:[0-9]+: error: .*\[$check\]$"; then
		why="no located [$check] error"
	elif awk -v c="$cpu" -v m="$MAX_CPU" 'BEGIN { exit !(c > m) }'; then why="$cpu s of CPU (over $MAX_CPU)"
	elif [ "$rss" -gt "$MAX_RSS" ]; then why="$rss MB of memory (over $MAX_RSS)"
	elif [ "$before" != "$after" ]; then why="files changed: $(diff <(echo "$before") <(echo "$after") | tr '\n' ' ')"
	fi
	if [ -n "$why" ]; then
		echo "FAIL: $name: $why"
		printf '%s\n' "$out" | head -n 4 | sed 's/^/    /'
	else
		echo "PASS: $name ($check, ${cpu}s CPU, ${rss} MB)"
	fi
}

run endless-loop limit-exceeded 'while true do end'
run pcall-loop limit-exceeded 'while true do pcall(function() while true do end end) end'
run pcall-error-loop limit-exceeded 'while true do pcall(error, "x") end'
run close-loop limit-exceeded 'do local x <close> = setmetatable({}, { __close = function() while true do end end }) error("x") end'
run error-object-loop lua-error 'error(setmetatable({}, { __tostring = function() while true do end end }))'
run tail-calls limit-exceeded 'local function f() return f() end f()'
run recursion limit-exceeded 'local function f() return 1 + f() end f()'
run c-stack lua-error 'local t = setmetatable({}, { __index = function(t, k) return t[k] end }) local x = t.a'
run backtracking-pattern limit-exceeded 'string.find(("a"):rep(40), ("a*"):rep(8) .. "b")'
run pattern-bracket limit-exceeded 'local p = "[" .. ("a"):rep(60000) .. "b]*c" local s = ("b"):rep(60000) while true do s:find(p) end'
run plain-find limit-exceeded 'local s = ("a"):rep(65000) local p = ("a"):rep(32000) .. "b" while true do s:find(p, 1, true) end'
run gsub-explosion limit-exceeded 'local s = ("x"):rep(60000):gsub(".", ("y"):rep(60000))'
run gmatch-empty lua-error 'local n = 0 for m in ("x"):rep(60000):gmatch("") do n = n + 1 end error(n)'
run rep-huge limit-exceeded 'local s = string.rep("x", 1e15)'
run rep-empty lua-error 'local s = string.rep("", 1e15) error("made " .. #s .. " bytes")'
run rep-separator limit-exceeded 'local s = string.rep("", 1e15, "x")'
run doubling limit-exceeded 'local s = "x" while true do s = s .. s end'
run big-table limit-exceeded 'local t = {} for i = 1, 1e9 do t[i] = i end'
run many-tables limit-exceeded 'local t = {} for i = 1, 1e9 do t[#t + 1] = { i } end'
run string-keys limit-exceeded 'local t = {} for i = 1, 1e9 do t["k" .. i] = i end'
run concat-copies limit-exceeded 'local s = ("x"):rep(32000) while true do local t = s .. s end'
run long-compare limit-exceeded 'local a = ("x"):rep(60000) local b = ("x"):rep(59999) .. "x" while true do local x = a == b end'
run sort-huge limit-exceeded 'local t = {} for i = 1, 4e6 do t[i] = -i end while true do table.sort(t) end'
run concat-many limit-exceeded 'local t = {} for i = 1, 1e6 do t[i] = "" end while true do table.concat(t) end'
run unpack-many lua-error 'local t = {} return select("#", table.unpack(t, 1, 1e8))'
run insert-front limit-exceeded 'local t = {} for i = 1, 1e9 do table.insert(t, 1, i) end'
run pairs-snapshots limit-exceeded 'local t = {} for i = 1, 1e5 do t["k" .. i] = i end while true do for k in pairs(t) do break end end'
run next-scans limit-exceeded 'local t = {} for i = 1, 1e5 do t[i] = i end local k = next(t) while k do k = next(t, k) end error("done")'
run load-loop limit-exceeded 'local s = "return " .. ("1 + "):rep(10000) .. "1" while true do load(s) end'
run finalizer lua-error 'setmetatable({}, { __gc = function() while true do end end })'
run io lua-error 'io.open("pwned", "w"):write("x")'
run os lua-error 'os.execute("touch pwned")'
run require lua-error 'require("os").execute("touch pwned")'
run load-os lua-error 'load("return os")().execute("touch pwned")'
run load-bytecode lua-error 'local f = assert(load("\27Lua"))'
run string-metatable lua-error 'getmetatable("").__index.upper = nil'
run deep-table limit-exceeded 'local t = {} for i = 1, 1e6 do t = { t } end roadmap { product = t }'
run wide-table limit-exceeded 'local t = { "x" } for i = 1, 40 do t = { t, t } end roadmap { product = t }'
run value-errors limit-exceeded 'roadmap { product = "p", segment = "s" } local t = {} for i = 1, 900000 do t[i] = ipairs end stage "s" { x = t }'
run key-errors limit-exceeded 'roadmap { product = "p", segment = "s" } for i = 1, 100000 do stage ("s" .. i) { nmae = i } end'
run many-rules limit-exceeded 'for i = 1, 200 do rule ("r" .. i) { description = "d", check = function() while true do end end } end
roadmap { product = "p", segment = "s" } stage "s" { expects = "left-alone" }'

# Byte-identical output whatever the hash seed: the stage order comes from pairs().
cat >"$tmp/order.lua" <<'EOF'
roadmap { product = "Acme Close", segment = "Finance teams" }
local names = {}
for i = 1, 300 do names["stage-" .. (i * 7919 % 1000)] = i end
for id in pairs(names) do stage (id) {} end
EOF
for i in 1 2 3; do
	"$ROADMAPC" check --color never --format json "$tmp/order.lua" >"$tmp/order.$i" 2>&1
done
if cmp -s "$tmp/order.1" "$tmp/order.2" && cmp -s "$tmp/order.1" "$tmp/order.3" && [ -s "$tmp/order.1" ]; then
	echo "PASS: pairs() gives the same roadmap in every run"
else
	echo "FAIL: pairs() gives the same roadmap in every run"
fi
