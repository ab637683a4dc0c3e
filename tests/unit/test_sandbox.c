/* test_sandbox.c - the sandbox's library gives Lua's results, within budgets.
 *
 * The sandbox replaces string.find, match, gmatch, gsub, rep, byte and
 * format, table.sort and pairs (sandbox_string.c, sandbox_lib.c). The same
 * chunk runs in a plain Lua state with Lua's own library and in a sandbox
 * run; every result it collects must be the same. Then the budgets: a run
 * that loops ends with limit-exceeded, its memory is all given back, and a
 * run after a spent budget does not start. */
#include "harness.h"
#include "sandbox.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdlib.h>

/* Collects, for every case, what the string functions return, as text.
 * Errors are caught and their messages kept (without a position, which
 * differs between a C function and a Lua one). */
static const char chunk[] =
	"local out = {}\n"
	"local function put(...)\n"
	"  local n = select('#', ...)\n"
	"  local t = {}\n"
	"  for i = 1, n do local v = select(i, ...) t[i] = type(v) == 'string' and ('%q'):format(v) or tostring(v) end\n"
	"  out[#out + 1] = table.concat(t, ',')\n"
	"end\n"
	"local function try(f, ...)\n"
	"  local r = table.pack(pcall(f, ...))\n"
	"  if r[1] then put(table.unpack(r, 2, r.n)) else put('error', (tostring(r[2]):gsub('^[^:]*:%d+: ', ''))) end\n"
	"end\n"
	"local cases = {\n"
	"  {'hello world', 'o w'}, {'hello world', 'l+'}, {'hello world', '(h)(e)'}, {'hello', '()ll()'},\n"
	"  {'hello', 'l*', 4}, {'hello', 'x*'}, {'hello', '^h'}, {'hello', '^e'}, {'hello', 'o$'},\n"
	"  {'a.b', '.', 1, true}, {'a.b', '%.'}, {'[x]', '%[(.-)%]'}, {'THE (quick) fox', '%((%a+)%)'},\n"
	"  {'key = value', '(%w+)%s*=%s*(%w+)'}, {'  trim  ', '^%s*(.-)%s*$'}, {'f(a(b)c)d', '%b()'},\n"
	"  {'THE quick', '%f[%a]%a+'}, {'x', '[%a-]'}, {'a-b', '[a-]+'}, {'abc', '[^b]+'}, {'abc', '[]'},\n"
	"  {'abc', '%'}, {'abc', '(()'}, {'abc', '%1'}, {'aaa', '(a)%1'}, {'abc', 'b', -1}, {'abc', 'b', -10},\n"
	"  {'abc', '', 10}, {'abc', '', 4}, {'', ''}, {'a\\0b', '%z'}, {'a\\0b', 'a\\0b'}, {'x=1, y=2', '(%w)=(%d)'},\n"
	"  {'hello', 'l?l'}, {'hello', 'h.-o'}, {'2024-05-01', '(%d+)-(%d+)-(%d+)'}, {'%d', '%%d'},\n"
	"  {'abc', '[a-'}, {'abc', '%f'}, {'abc', '%b'}, {'ab', 'a-b-'}, {'aaab', 'a-b'},\n"
	"}\n"
	"for _, c in ipairs(cases) do\n"
	"  try(string.find, c[1], c[2], c[3], c[4])\n"
	"  try(string.match, c[1], c[2], c[3])\n"
	"  try(function(s, p) local r = {} for a, b in s:gmatch(p) do r[#r + 1] = tostring(a) .. '/' .. tostring(b) if #r > 20 then break end end return table.concat(r, ';') end, c[1], c[2])\n"
	"  try(string.gsub, c[1], c[2], '<%0>')\n"
	"  try(string.gsub, c[1], c[2], '%1', 2)\n"
	"  try(string.gsub, c[1], c[2], function(a) return a and a:upper() end)\n"
	"  try(string.gsub, c[1], c[2], { l = 'L', h = false, a = 1 })\n"
	"end\n"
	"try(string.gsub, 'abc', '%w', '%2')\n"
	"try(string.gsub, 'abc', '%w', '%x')\n"
	"try(string.gsub, 'abc', '%w', {})\n"
	"try(string.gsub, 'abc', '%w', function() return {} end)\n"
	"try(string.gsub, 'hello world', '%w+', '%0 %0', 1)\n"
	"try(string.gmatch('a,b,,c', '([^,]*)'))\n"
	"try(string.rep, 'ab', 3, ', ') try(string.rep, 'ab', 0) try(string.rep, '', 5, '') try(string.rep, 'x', -1)\n"
	"try(string.byte, 'hello', 2, 4) try(string.byte, 'hello', -2) try(string.byte, 'hello', 10)\n"
	"try(string.format, '%5.2f|%d|%s|%q|%x', 3.14159, 42, 'txt', 'a\\nb', 255)\n"
	"try(string.format, '%s %s', 1.5, true)\n"
	"local t = { 5, 3, 9, 1, 7, 3 } table.sort(t) put(table.concat(t, ','))\n"
	"table.sort(t, function(a, b) return a > b end) put(table.concat(t, ','))\n"
	"try(table.sort, { 1, 'x' })\n"
	"try(table.concat, { 1, 2, 3 }, '-', 2, 3) try(table.unpack, { 1, 2, 3 }, 2)\n"
	"local k = {} for key in pairs({ z = 1, a = 2, [3] = 'c', [1] = 'a' }) do k[#k + 1] = tostring(key) end\n"
	"table.sort(k) put(table.concat(k, ','))\n"
	"return table.concat(out, '\\n')\n";

/* The chunk's result in a plain state with Lua's own library. */
static char *reference(void)
{
	lua_State *L = luaL_newstate();
	luaL_openlibs(L);
	char *r = NULL;
	if (luaL_loadbuffer(L, chunk, sizeof chunk - 1, "=chunk") == LUA_OK && lua_pcall(L, 0, 1, 0) == LUA_OK)
		r = xstrdup(lua_tostring(L, -1));
	else
		printf("    reference: %s\n", lua_tostring(L, -1));
	lua_close(L);
	return r;
}

static void run_chunk(lua_State *L, void *ud)
{
	char **out = ud;
	sandbox_load(L);
	lua_call(L, 0, 1);
	*out = xstrdup(lua_tostring(L, -1));
}

/* An arena for the files and diagnostics of a test's runs, their limits
 * and what they used. */
typedef struct Fixture {
	Arena a;
	DiagList dl;
	Limits lim;
	SandboxUsage usage;
} Fixture;

static void fixture_init(Fixture *f)
{
	arena_init(&f->a);
	diag_init(&f->dl, &f->a);
	f->lim = limits_default();
	f->usage = (SandboxUsage){ 0, 0 };
}

/* Runs 'text' as file "t.lua" in the sandbox; its result (a string) in '*out'. */
static int sandboxed(Fixture *f, const char *text, char **out)
{
	SrcFile *sf = arena_alloc(&f->a, sizeof *sf);
	srcfile_init(sf, &f->a, "t.lua", text, strlen(text));
	srcfile_set_syntax(sf, &f->a, SYNTAX_LUA);
	SrcLoc origin = { sf, 1, 0, 0 };
	SandboxRun run = { sf, &f->lim, &f->usage, &f->dl, origin, NULL };
	*out = NULL;
	return sandbox_run(&run, run_chunk, out);
}

TEST(string_functions_give_luas_results)
{
	Fixture f;
	fixture_init(&f);
	char *want = reference(), *got = NULL;
	EXPECT(sandboxed(&f, chunk, &got) == 0);
	EXPECT(want && got);
	if (want && got && strcmp(want, got) != 0) {
		/* Show the first line that differs, and which it is. */
		const char *w = want, *g = got;
		int line = 1;
		while (*w && *w == *g) {
			line += *w == '\n';
			w++;
			g++;
		}
		while (w > want && w[-1] != '\n') {
			w--;
			g--;
		}
		printf("    result %d:\n    lua:     %.*s\n    sandbox: %.*s\n", line, (int)strcspn(w, "\n"), w,
		       (int)strcspn(g, "\n"), g);
		harness_failed = 1;
	}
	EXPECT(f.dl.n == 0);
	free(want);
	free(got);
	arena_free(&f.a);
}

TEST(a_loop_ends_at_the_budget_and_a_spent_budget_starts_nothing)
{
	Fixture f;
	fixture_init(&f);
	f.lim.max_lua_steps = 100000;
	char *got;
	EXPECT(sandboxed(&f, "local n = 0\nwhile true do n = n + 1 end\n", &got) < 0);
	EXPECT(f.dl.n == 1 && strcmp(f.dl.items[0]->check, "limit-exceeded") == 0 &&
	       f.dl.items[0]->loc.line == 2);
	EXPECT(f.usage.steps > 100000);
	EXPECT(sandboxed(&f, "return 'x'\n", &got) < 0);
	EXPECT(f.dl.n == 2 && strstr(f.dl.items[1]->message, "used up") != NULL);
	arena_free(&f.a);
}

TEST(memory_errors_are_the_limit_and_pcall_passes_them_on)
{
	Fixture f;
	fixture_init(&f);
	f.lim.max_lua_memory = 2 * 1024 * 1024;
	char *got;
	EXPECT(sandboxed(&f, "local t = {}\nfor i = 1, 1e9 do pcall(function() t[#t + 1] = { i } end) end\n",
			 &got) < 0);
	EXPECT(f.dl.n == 1 && strcmp(f.dl.items[0]->check, "limit-exceeded") == 0 &&
	       strstr(f.dl.items[0]->message, "bytes of memory") != NULL);
	arena_free(&f.a);
}

int main(void)
{
	RUN(string_functions_give_luas_results);
	RUN(a_loop_ends_at_the_budget_and_a_spent_budget_starts_nothing);
	RUN(memory_errors_are_the_limit_and_pcall_passes_them_on);
	return HARNESS_RESULT();
}
