/* sandbox_lib.c - the libraries a sandboxed run may use.
 *
 * Source layer, part of the sandbox (sandbox.h). Opens base, string,
 * table, math and utf8, then closes every way out and every loop the
 * instruction hook cannot see:
 *   - gone: dofile, loadfile, print, warn, collectgarbage, xpcall (and
 *     io, os, debug, package, require and coroutine are never opened);
 *   - load: text only, into the sandbox's globals; pcall: passes a budget
 *     error or a memory error on; setmetatable: refuses __gc (finalizers
 *     run with the hook off);
 *   - deterministic: pairs and next walk keys in a fixed order (numbers,
 *     then strings, then booleans, then the rule view's items), tostring
 *     shows no addresses, table.sort is a stable merge sort (Lua's own
 *     picks pivots from the clock), math.random starts from a fixed seed;
 *   - charged: table.concat, insert, remove, move, unpack and sort, and
 *     utf8's scanning functions, count their loops against the budget;
 *   - strict: reading a global that does not exist is an error that
 *     suggests the name meant ("stge" -> "stage"), and so is reading a
 *     missing field of a library (`math.flor`);
 *   - the string metatable is hidden (getmetatable("") is false). */
#include "sandbox.h"
#include "suggest.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_RESULTS 65536       /* values one call may return */
#define BYTES_PER_STEP 32
/* What library work costs in steps, an instruction's worth of time each
 * (measured: a step is about 5 ns): an element moved through the Lua API
 * in the table functions' loops; a key of a pairs() or next() snapshot,
 * per level of its sort; a byte load() compiles; a pcall, which can catch
 * an error for every few instructions. */
#define ELEMENT_STEPS 10
#define SNAPSHOT_KEY_STEPS 50
#define SNAPSHOT_LEVEL_STEPS 8
#define LOAD_BYTE_STEPS 4
#define PCALL_STEPS 50
#define FIXED_SEED 20260101

/* ---- calling a replaced original ---- */

int sandbox_call_original(lua_State *L, int nargs, int nresults, const char *name)
{
	int base = lua_gettop(L) - nargs - 1;
	int status = lua_pcall(L, nargs, nresults, 0);
	if (status == LUA_ERRMEM)
		return sandbox_memory_error(L);
	if (status != LUA_OK) {
		if (!sandbox_aborted(L) && lua_type(L, -1) == LUA_TSTRING) {
			/* The original is no global any more: Lua would call it '?'. */
			const char *msg = lua_tostring(L, -1);
			const char *q = strstr(msg, " to '?'");
			luaL_where(L, 1);
			if (q) {
				lua_pushlstring(L, msg, (size_t)(q - msg));
				lua_pushfstring(L, " to '%s'%s", name, q + 7);
				lua_concat(L, 3);
			} else {
				lua_pushvalue(L, -2);
				lua_concat(L, 2);
			}
		}
		return lua_error(L);
	}
	return nresults == LUA_MULTRET ? lua_gettop(L) - base : nresults;
}

/* ---- base ---- */

void sandbox_tostring(lua_State *L, int idx)
{
	idx = lua_absindex(L, idx);
	if (luaL_callmeta(L, idx, "__tostring")) {
		if (!lua_isstring(L, -1))
			luaL_error(L, "'__tostring' must return a string");
		return;
	}
	switch (lua_type(L, idx)) {
	case LUA_TNIL:
	case LUA_TBOOLEAN:
	case LUA_TNUMBER:
	case LUA_TSTRING:
		luaL_tolstring(L, idx, NULL);
		break;
	default:
		lua_pushstring(L, luaL_typename(L, idx));
		break;
	}
}

static int base_tostring(lua_State *L)
{
	luaL_checkany(L, 1);
	sandbox_tostring(L, 1);
	return 1;
}

/* pcall, but a budget or memory error goes on: it ends the run. */
static int base_pcall(lua_State *L)
{
	luaL_checkany(L, 1);
	sandbox_charge(L, PCALL_STEPS);
	int status = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
	if (status == LUA_ERRMEM)
		return sandbox_memory_error(L);
	if (status != LUA_OK && (sandbox_aborted(L) || status == LUA_ERRERR))
		return lua_error(L);
	lua_pushboolean(L, status == LUA_OK);
	lua_insert(L, 1);
	return lua_gettop(L);
}

/* load(text [, name [, mode [, env]]]): text chunks only, named "(load)",
 * in the sandbox's globals unless 'env' is given. */
static int base_load(lua_State *L)
{
	size_t len;
	const char *s = lua_type(L, 1) == LUA_TSTRING ? lua_tolstring(L, 1, &len) : NULL;
	if (!s)
		return luaL_error(L, "bad argument #1 to 'load' (only text can be loaded: string expected, got %s)",
				  luaL_typename(L, 1));
	const char *mode = luaL_optstring(L, 3, "t");
	if (!strchr(mode, 't')) {       /* as Lua says no to a text chunk in mode "b" */
		luaL_pushfail(L);
		lua_pushliteral(L, "only text chunks can be loaded (mode must be \"t\")");
		return 2;
	}
	sandbox_charge(L, len * LOAD_BYTE_STEPS);
	int status = luaL_loadbufferx(L, s, len, "=(load)", "t");
	if (status == LUA_ERRMEM)
		return sandbox_memory_error(L);
	if (status != LUA_OK) {
		luaL_pushfail(L);
		lua_insert(L, -2);
		return 2;
	}
	if (!lua_isnone(L, 4)) {
		lua_pushvalue(L, 4);
		if (!lua_setupvalue(L, -2, 1))
			lua_pop(L, 1);
	}
	return 1;
}

/* setmetatable(t, mt) as Lua's, but a metatable with __gc is refused:
 * finalizers run with the hook off and could loop forever. */
static int base_setmetatable(lua_State *L)
{
	int t = lua_type(L, 2);
	luaL_checktype(L, 1, LUA_TTABLE);
	luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
	if (t == LUA_TTABLE) {
		lua_pushliteral(L, "__gc");
		if (lua_rawget(L, 2) != LUA_TNIL)
			return sandbox_error(L, "roadmap files run without finalizers; remove '__gc'",
					     "setmetatable: a metatable with '__gc' is not allowed");
		lua_pop(L, 1);
	}
	if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
		return luaL_error(L, "cannot change a protected metatable");
	lua_settop(L, 2);
	lua_setmetatable(L, 1);
	return 1;
}

/* ---- keys in a fixed order ---- */

typedef struct KeyRef {
	int rank;               /* numbers, strings, booleans, ordered userdata */
	lua_Integer i;
	double d;
	bool is_int;
	const char *s;
	size_t len;
	unsigned long long order;
	int slot;               /* position in the key table */
} KeyRef;

static int compare_keys(const void *pa, const void *pb)
{
	const KeyRef *a = pa, *b = pb;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	switch (a->rank) {
	case 0:
		if (a->is_int && b->is_int)
			return a->i < b->i ? -1 : a->i > b->i;
		else {
			double x = a->is_int ? (double)a->i : a->d, y = b->is_int ? (double)b->i : b->d;
			return x < y ? -1 : x > y;
		}
	case 1: {
		size_t n = a->len < b->len ? a->len : b->len;
		int c = memcmp(a->s, b->s, n);
		return c ? c : (a->len < b->len ? -1 : a->len > b->len);
	}
	case 2:
		return (int)a->i - (int)b->i;
	default:
		return a->order < b->order ? -1 : a->order > b->order;
	}
}

/* Pushes a list of the keys of table 'idx' in the fixed order. */
static void push_sorted_keys(lua_State *L, int idx, const char *fname)
{
	idx = lua_absindex(L, idx);
	lua_newtable(L);
	int keys = lua_gettop(L);
	lua_Integer n = 0;
	lua_pushnil(L);
	while (lua_next(L, idx)) {
		lua_pop(L, 1);
		lua_pushvalue(L, -1);
		lua_rawseti(L, keys, ++n);
	}
	if (n == 0)
		return;
	sandbox_charge(L, (size_t)n * ((size_t)log2((double)n) * SNAPSHOT_LEVEL_STEPS + SNAPSHOT_KEY_STEPS));
	KeyRef *refs = lua_newuserdatauv(L, (size_t)n * sizeof *refs, 0);
	for (lua_Integer k = 0; k < n; k++) {
		KeyRef *r = &refs[k];
		memset(r, 0, sizeof *r);
		r->slot = (int)k + 1;
		lua_rawgeti(L, keys, k + 1);
		switch (lua_type(L, -1)) {
		case LUA_TNUMBER:
			r->rank = 0;
			r->is_int = lua_isinteger(L, -1);
			if (r->is_int)
				r->i = lua_tointeger(L, -1);
			else
				r->d = lua_tonumber(L, -1);
			break;
		case LUA_TSTRING:
			r->rank = 1;
			r->s = lua_tolstring(L, -1, &r->len);   /* kept alive by 'keys' */
			break;
		case LUA_TBOOLEAN:
			r->rank = 2;
			r->i = lua_toboolean(L, -1);
			break;
		default:
			if (lua_type(L, -1) == LUA_TUSERDATA && sandbox_order_of(L, -1, &r->order)) {
				r->rank = 3;
				break;
			}
			luaL_error(L, "%s: a table with %s keys has no fixed order; "
				      "keep such values in a list and walk it with ipairs",
				   fname, luaL_typename(L, -1));
		}
		lua_pop(L, 1);
	}
	qsort(refs, (size_t)n, sizeof *refs, compare_keys);
	lua_createtable(L, (int)n, 0);
	for (lua_Integer k = 0; k < n; k++) {
		lua_rawgeti(L, keys, refs[k].slot);
		lua_rawseti(L, -2, k + 1);
	}
	lua_replace(L, keys);
	lua_pop(L, 1);          /* the refs */
}

static int pairs_step(lua_State *L)
{
	lua_Integer pos = lua_tointeger(L, lua_upvalueindex(3));
	lua_Integer n = (lua_Integer)lua_rawlen(L, lua_upvalueindex(1));
	while (++pos <= n) {
		lua_rawgeti(L, lua_upvalueindex(1), pos);
		lua_pushvalue(L, -1);
		if (lua_rawget(L, lua_upvalueindex(2)) != LUA_TNIL) {   /* skip keys cleared since */
			lua_pushinteger(L, pos);
			lua_replace(L, lua_upvalueindex(3));
			return 2;
		}
		lua_pop(L, 2);
	}
	lua_pushinteger(L, pos);
	lua_replace(L, lua_upvalueindex(3));
	lua_pushnil(L);
	return 1;
}

static int base_pairs(lua_State *L)
{
	luaL_checkany(L, 1);
	if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {
		lua_pushvalue(L, 1);
		lua_call(L, 1, 3);
		return 3;
	}
	luaL_checktype(L, 1, LUA_TTABLE);
	push_sorted_keys(L, 1, "pairs");
	lua_pushvalue(L, 1);
	lua_pushinteger(L, 0);
	lua_pushcclosure(L, pairs_step, 3);
	lua_pushvalue(L, 1);
	lua_pushnil(L);
	return 3;
}

/* next(t, k) in the same fixed order; each call sorts, so it costs what
 * the table's size does (charged). */
static int base_next(lua_State *L)
{
	luaL_checktype(L, 1, LUA_TTABLE);
	lua_settop(L, 2);
	push_sorted_keys(L, 1, "next");
	lua_Integer n = (lua_Integer)lua_rawlen(L, 3), at = 0;
	if (!lua_isnil(L, 2)) {
		for (at = 1; at <= n; at++) {
			lua_rawgeti(L, 3, at);
			bool same = lua_rawequal(L, -1, 2);
			lua_pop(L, 1);
			if (same)
				break;
		}
		if (at > n)
			return luaL_error(L, "invalid key to 'next'");
	}
	for (at++; at <= n; at++) {
		lua_rawgeti(L, 3, at);
		lua_pushvalue(L, -1);
		if (lua_rawget(L, 1) != LUA_TNIL)
			return 2;
		lua_pop(L, 2);
	}
	lua_pushnil(L);
	return 1;
}

/* ---- table ---- */

/* The number of elements a (t, i, j) range spans, 0 when empty. */
static size_t span(lua_Integer i, lua_Integer j)
{
	return j >= i ? (size_t)((lua_Unsigned)j - (lua_Unsigned)i) + 1 : 0;
}

static int table_concat(lua_State *L)
{
	luaL_checktype(L, 1, LUA_TTABLE);
	lua_Integer i = luaL_optinteger(L, 3, 1);
	lua_Integer j = lua_isnoneornil(L, 4) ? luaL_len(L, 1) : luaL_checkinteger(L, 4);
	sandbox_charge(L, span(i, j) * ELEMENT_STEPS);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	return sandbox_call_original(L, lua_gettop(L) - 1, 1, "concat");
}

/* insert and remove shift the elements after the position. */
static int table_shift(lua_State *L, const char *name)
{
	luaL_checktype(L, 1, LUA_TTABLE);
	sandbox_charge(L, (size_t)luaL_len(L, 1) * ELEMENT_STEPS);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	return sandbox_call_original(L, lua_gettop(L) - 1, LUA_MULTRET, name);
}

static int table_insert(lua_State *L) { return table_shift(L, "insert"); }
static int table_remove(lua_State *L) { return table_shift(L, "remove"); }

static int table_move(lua_State *L)
{
	luaL_checktype(L, 1, LUA_TTABLE);
	sandbox_charge(L, span(luaL_checkinteger(L, 2), luaL_checkinteger(L, 3)) * ELEMENT_STEPS);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	return sandbox_call_original(L, lua_gettop(L) - 1, 1, "move");
}

static int table_unpack(lua_State *L)
{
	lua_Integer i = luaL_optinteger(L, 2, 1);
	lua_Integer j = lua_isnoneornil(L, 3) ? luaL_len(L, 1) : luaL_checkinteger(L, 3);
	size_t n = span(i, j);
	if (n > MAX_RESULTS)
		return luaL_error(L, "too many results to unpack (at most %d)", MAX_RESULTS);
	sandbox_charge(L, n * ELEMENT_STEPS);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	return sandbox_call_original(L, lua_gettop(L) - 1, LUA_MULTRET, "unpack");
}

/* Is a < b for the values at 'a' and 'b' (the comparator at 2, if any)? */
static bool sort_less(lua_State *L, int a, int b)
{
	if (lua_isnil(L, 2))
		return lua_compare(L, a, b, LUA_OPLT);
	a = lua_absindex(L, a);
	b = lua_absindex(L, b);
	lua_pushvalue(L, 2);
	lua_pushvalue(L, a);
	lua_pushvalue(L, b);
	lua_call(L, 2, 1);
	bool r = lua_toboolean(L, -1);
	lua_pop(L, 1);
	return r;
}

/* table.sort(t [, less]): a stable merge sort, so equal elements keep
 * their order on every run (Lua's quicksort picks pivots from the clock). */
static int table_sort(lua_State *L)
{
	luaL_checktype(L, 1, LUA_TTABLE);
	lua_Integer n = luaL_len(L, 1);
	if (n < 2)
		return 0;
	luaL_argcheck(L, n < (lua_Integer)1 << 30, 1, "array too big");
	if (!lua_isnoneornil(L, 2))
		luaL_checktype(L, 2, LUA_TFUNCTION);
	lua_settop(L, 2);
	sandbox_charge(L, (size_t)n * ((size_t)log2((double)n) + 1) * ELEMENT_STEPS);
	lua_createtable(L, (int)n, 0);          /* 3: the elements */
	lua_createtable(L, (int)n, 0);          /* 4: the merge buffer */
	for (lua_Integer k = 1; k <= n; k++) {
		lua_geti(L, 1, k);
		lua_rawseti(L, 3, k);
	}
	int from = 3, to = 4;
	for (lua_Integer width = 1; width < n; width *= 2) {
		for (lua_Integer lo = 1; lo <= n; lo += 2 * width) {
			lua_Integer mid = lo + width, hi = lo + 2 * width;
			if (mid > n + 1)
				mid = n + 1;
			if (hi > n + 1)
				hi = n + 1;
			lua_Integer i = lo, j = mid, k = lo;
			while (i < mid && j < hi) {
				lua_rawgeti(L, from, j);
				lua_rawgeti(L, from, i);
				bool right_first = sort_less(L, -2, -1);
				lua_pop(L, 2);
				lua_rawgeti(L, from, right_first ? j++ : i++);
				lua_rawseti(L, to, k++);
			}
			while (i < mid) {
				lua_rawgeti(L, from, i++);
				lua_rawseti(L, to, k++);
			}
			while (j < hi) {
				lua_rawgeti(L, from, j++);
				lua_rawseti(L, to, k++);
			}
		}
		int t = from;
		from = to;
		to = t;
	}
	for (lua_Integer k = 1; k <= n; k++) {
		lua_rawgeti(L, from, k);
		lua_seti(L, 1, k);
	}
	return 0;
}

/* ---- math and utf8 ---- */

static int math_randomseed(lua_State *L)
{
	if (lua_isnone(L, 1))
		return luaL_error(L, "math.randomseed needs a seed: a roadmap must come out "
				     "the same on every run");
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	return sandbox_call_original(L, lua_gettop(L) - 1, LUA_MULTRET, "randomseed");
}

/* utf8.len, offset and codepoint scan their string. */
static int utf8_scan(lua_State *L, const char *name)
{
	size_t len;
	luaL_checklstring(L, 1, &len);
	sandbox_charge(L, len / BYTES_PER_STEP);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	return sandbox_call_original(L, lua_gettop(L) - 1, LUA_MULTRET, name);
}

static int utf8_len(lua_State *L) { return utf8_scan(L, "len"); }
static int utf8_offset(lua_State *L) { return utf8_scan(L, "offset"); }

static int utf8_codepoint(lua_State *L) { return utf8_scan(L, "codepoint"); }

/* ---- strict globals ---- */

/* Names a roadmap file might reach for, and why they are not there. */
static const struct {
	const char *name;
	const char *why;
} missing_names[] = {
	{ "io", "roadmap files run in a sandbox: they cannot read or write files" },
	{ "os", "roadmap files run in a sandbox: they cannot run programs or read the clock" },
	{ "debug", "roadmap files run in a sandbox without the debug library" },
	{ "package", "roadmap files run in a sandbox: they cannot load modules" },
	{ "require", "roadmap files run in a sandbox: they cannot load modules; rule modules are "
		     "named in the roadmap's 'rules'" },
	{ "dofile", "roadmap files run in a sandbox: they cannot read files" },
	{ "loadfile", "roadmap files run in a sandbox: they cannot read files" },
	{ "print", "a roadmap file cannot print; to see a value, stop with error(tostring(value))" },
	{ "warn", "a roadmap file cannot print warnings" },
	{ "collectgarbage", "memory is managed for you, within the lua-memory limit" },
	{ "coroutine", "roadmap files run without coroutines" },
	{ "xpcall", "use pcall" },
	{ "string.dump", "roadmap files cannot make or load bytecode" },
	{ "string.pack", "roadmap files have no use for binary data" },
	{ "string.unpack", "roadmap files have no use for binary data" },
	{ "string.packsize", "roadmap files have no use for binary data" },
};

/* __index of _G and the libraries: an unknown name is an error, with a
 * suggestion from the names there are (in sorted order, so the same
 * suggestion comes every time). Upvalue 1: the table's name, or "". */
static int strict_index(lua_State *L)
{
	const char *lib = lua_tostring(L, lua_upvalueindex(1));
	if (lua_type(L, 2) != LUA_TSTRING) {
		lua_pushnil(L);
		return 1;
	}
	const char *key = lua_tostring(L, 2);
	char full[128];
	snprintf(full, sizeof full, "%s%s%s", lib, *lib ? "." : "", key);
	for (size_t i = 0; i < sizeof missing_names / sizeof missing_names[0]; i++)
		if (strcmp(missing_names[i].name, full) == 0)
			return sandbox_error(L, missing_names[i].why, "'%s' is not available", full);
	push_sorted_keys(L, 1, "names");
	Suggest s;
	suggest_init(&s, key, strlen(key));
	lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
	for (lua_Integer k = 1; k <= n; k++) {
		if (lua_rawgeti(L, -1, k) == LUA_TSTRING)
			suggest_add(&s, lua_tostring(L, -1));   /* kept alive by the key list */
		lua_pop(L, 1);
	}
	const char *best = suggest_result(&s);
	if (best) {
		char help[160];
		snprintf(help, sizeof help, "did you mean '%s%s%s'?", lib, *lib ? "." : "", best);
		return sandbox_error(L, help, "unknown name '%s'", full);
	}
	return sandbox_error(L, NULL, "unknown name '%s'", full);
}

static void make_strict(lua_State *L, int table, const char *name)
{
	table = lua_absindex(L, table);
	lua_newtable(L);
	lua_pushstring(L, name);
	lua_pushcclosure(L, strict_index, 1);
	lua_setfield(L, -2, "__index");
	lua_pushboolean(L, 0);
	lua_setfield(L, -2, "__metatable");
	lua_setmetatable(L, table);
}

/* ---- opening ---- */

/* Replaces field 'name' of the table on top with 'fn', which gets the
 * original as its upvalue. */
static void wrap(lua_State *L, const char *name, lua_CFunction fn)
{
	lua_getfield(L, -1, name);
	lua_pushcclosure(L, fn, 1);
	lua_setfield(L, -2, name);
}

void sandbox_open_libs(lua_State *L)
{
	static const luaL_Reg libs[] = {
		{ LUA_GNAME, luaopen_base }, { LUA_STRLIBNAME, luaopen_string },
		{ LUA_TABLIBNAME, luaopen_table }, { LUA_MATHLIBNAME, luaopen_math },
		{ LUA_UTF8LIBNAME, luaopen_utf8 },
	};
	for (size_t i = 0; i < sizeof libs / sizeof libs[0]; i++) {
		luaL_requiref(L, libs[i].name, libs[i].func, 1);
		lua_pop(L, 1);
	}

	lua_pushglobaltable(L);
	static const char *const removed[] = {
		"dofile", "loadfile", "print", "warn", "collectgarbage", "xpcall", NULL
	};
	for (const char *const *r = removed; *r; r++) {
		lua_pushnil(L);
		lua_setfield(L, -2, *r);
	}
	static const luaL_Reg base[] = {
		{ "tostring", base_tostring }, { "pcall", base_pcall }, { "load", base_load },
		{ "setmetatable", base_setmetatable }, { "pairs", base_pairs }, { "next", base_next },
		{ NULL, NULL }
	};
	luaL_setfuncs(L, base, 0);
	lua_pop(L, 1);

	sandbox_open_string(L);

	lua_getglobal(L, LUA_TABLIBNAME);
	wrap(L, "concat", table_concat);
	wrap(L, "insert", table_insert);
	wrap(L, "remove", table_remove);
	wrap(L, "move", table_move);
	wrap(L, "unpack", table_unpack);
	lua_pushcfunction(L, table_sort);
	lua_setfield(L, -2, "sort");
	lua_pop(L, 1);

	lua_getglobal(L, LUA_MATHLIBNAME);
	lua_getfield(L, -1, "randomseed");
	lua_pushinteger(L, FIXED_SEED);
	lua_call(L, 1, 0);
	wrap(L, "randomseed", math_randomseed);
	lua_pop(L, 1);

	lua_getglobal(L, LUA_UTF8LIBNAME);
	wrap(L, "len", utf8_len);
	wrap(L, "offset", utf8_offset);
	wrap(L, "codepoint", utf8_codepoint);
	lua_pop(L, 1);

	/* The string metatable is shared by every string: hide it. */
	lua_pushliteral(L, "");
	lua_getmetatable(L, -1);
	lua_pushboolean(L, 0);
	lua_setfield(L, -2, "__metatable");
	lua_pop(L, 2);

	static const char *const strict[] = {
		LUA_STRLIBNAME, LUA_TABLIBNAME, LUA_MATHLIBNAME, LUA_UTF8LIBNAME, NULL
	};
	for (const char *const *lib = strict; *lib; lib++) {
		lua_getglobal(L, *lib);
		make_strict(L, -1, *lib);
		lua_pop(L, 1);
	}
	lua_pushglobaltable(L);
	make_strict(L, -1, "");
	lua_pop(L, 1);
}
