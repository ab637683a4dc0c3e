/* front_lua.c - the Lua front end: the roadmap DSL to the node tree.
 *
 * First phase for .lua files: text -> a sandboxed run (sandbox.h) that
 * calls the DSL -> node tree (node.h) -> schema.c, exactly where YAML goes.
 *
 * Each DSL function (`stage`, `question`, ...) makes an *item*: an opaque
 * userdata holding the kind, the head (`stage "need"`: the id), the body
 * table (`{ ... }`: `f "x" {t}` is `f("x")({t})`, so the item's __call
 * takes the body) and where the call was made: the line of the innermost
 * call from the file, and the column of the function's name on that line
 * (the Nth call of `stage` on a line is the Nth `stage` written there,
 * counting round for loops). Nothing is converted while the file runs;
 * when it has run, the roadmap is built from the `roadmap {...}` calls (or
 * from the table the file returns), and the items placed in it or in one
 * another are converted where they stand; stages, seller actions and
 * content items placed nowhere join the top-level lists in the order they
 * were made. A stage's body holds its fields and, in its list part, the
 * questions, concerns and actions made inside it.
 *
 * Conversion reads tables with raw access only (no metamethod of the
 * file's runs from here), orders a mapping's keys by byte value (Lua
 * tables have no order), keeps numbers numbers (`1e3` is 1000) and strings
 * quoted text, and bounds depth, size and cycles as the YAML front end
 * does. Every node points at the call that made its item. */
#include "front_lua.h"
#include "strbuf.h"
#include "suggest.h"

#include <lauxlib.h>
#include <lua.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The deepest nesting converted, whatever --limit depth says: conversion
 * recurses on the C stack. */
#define DEPTH_CAP 2000
#define HEAD_SHOWN 40           /* characters of a head shown in messages */

typedef enum Kind {
	K_ROADMAP, K_STAGE, K_QUESTION, K_CONCERN, K_ACTION, K_SELLER, K_CONTENT, K_RULE,
	K_CHECKS, K_RULES, K_COUNT
} Kind;

typedef struct KindInfo {
	const char *name;       /* the DSL function */
	const char *head_key;   /* the key its head fills ("id"); "" for the text itself; NULL: no head */
	const char *noun;       /* in messages */
	bool body;              /* takes { ... } */
} KindInfo;

static const KindInfo kinds[K_COUNT] = {
	[K_ROADMAP] = { "roadmap", NULL, "roadmap", true },
	[K_STAGE] = { "stage", "id", "stage", true },
	[K_QUESTION] = { "question", "ask", "question", true },
	[K_CONCERN] = { "concern", "text", "concern", true },
	[K_ACTION] = { "action", "", "action", false },
	[K_SELLER] = { "seller", "id", "seller action", true },
	[K_CONTENT] = { "content", "id", "content item", true },
	[K_RULE] = { "rule", "name", "rule", true },
	[K_CHECKS] = { "checks", NULL, "checks", true },
	[K_RULES] = { "rules", NULL, "rules", true },
};

/* What a run is for. */
typedef enum Mode {
	MODE_ROADMAP,           /* a roadmap file: build the tree, declare its rules */
	MODE_RULES,             /* a rule file: declare its rules, make nothing else */
	MODE_RERUN              /* for the rule runner: find one rule's function */
} Mode;

typedef struct Dsl {
	Mode mode;
	const SrcFile *sf;
	const Limits *lim;
	Arena *arena;
	DiagList *dl;
	FrontResult *out;
	int nitems;
	bool failed;            /* a limit stopped the conversion */
	const char *key;        /* the key whose value is being converted, for messages */
	size_t nodes;
	size_t depth, depth_limit;
} Dsl;

typedef struct Item {
	Kind kind;
	int seq;                /* creation order */
	SrcLoc loc;             /* the call */
	SrcLoc head_loc;        /* its head, when written on the same line */
	bool has_head, has_body, placed, visiting;
} Item;

/* User values of an item's userdata. */
enum { UV_HEAD = 1, UV_BODY = 2 };

static const char ITEM_META[] = "roadmapc.item";
static char reg_items, reg_calls, reg_visiting, reg_rerun;  /* registry keys */

/* ==== Making items ==== */

static bool ident_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* How many calls of 'kind' were made on 'line' before this one. */
static int count_call(lua_State *L, int line, Kind kind)
{
	lua_rawgetp(L, LUA_REGISTRYINDEX, &reg_calls);
	lua_Integer key = (lua_Integer)line * K_COUNT + kind;
	lua_rawgeti(L, -1, key);
	lua_Integer n = lua_tointeger(L, -1);
	lua_pop(L, 1);
	lua_pushinteger(L, n + 1);
	lua_rawseti(L, -2, key);
	lua_pop(L, 1);
	return (int)n;
}

/* Where a call of 'kind' is: the line running, the column of the name. */
static void locate_call(lua_State *L, Dsl *d, Item *it)
{
	const char *name = kinds[it->kind].name;
	size_t nlen = strlen(name), n;
	SrcLoc loc = { d->sf, sandbox_line(L), 0, 0 };
	if (loc.line <= 0)
		loc.line = 1;
	it->loc = it->head_loc = loc;
	const char *text = srcfile_line(d->sf, loc.line, &n);
	if (!text)
		return;
	size_t at[64];
	int found = 0;
	for (size_t i = 0; i + nlen <= n && found < 64; i++) {
		if (memcmp(text + i, name, nlen) != 0 || (i > 0 && ident_char((unsigned char)text[i - 1])) ||
		    (i + nlen < n && ident_char((unsigned char)text[i + nlen])))
			continue;
		at[found++] = i;
	}
	if (found == 0)
		return;
	size_t i = at[count_call(L, loc.line, it->kind) % found];
	it->loc.col = utf8_count(text, i) + 1;
	it->loc.len = (int)nlen;
	it->head_loc = it->loc;
	/* The head: a quoted string after the name on the same line. */
	size_t h = i + nlen;
	while (h < n && (text[h] == ' ' || text[h] == '\t' || text[h] == '('))
		h++;
	if (h < n && (text[h] == '"' || text[h] == '\'')) {
		size_t e = h + 1;
		while (e < n && text[e] != text[h])
			e += text[e] == '\\' ? 2 : 1;
		it->head_loc.col = utf8_count(text, h) + 1;
		it->head_loc.len = e < n ? utf8_count(text + h, e + 1 - h) : 1;
	}
}

static Item *to_item(lua_State *L, int idx)
{
	return luaL_testudata(L, idx, ITEM_META);
}

/* "a string", "a table", "nothing": the type of the value at 'idx'. */
static const char *a_type(lua_State *L, int idx)
{
	switch (lua_type(L, idx)) {
	case LUA_TNONE:
	case LUA_TNIL: return "nothing";
	case LUA_TBOOLEAN: return "a boolean";
	case LUA_TNUMBER: return "a number";
	case LUA_TSTRING: return "a string";
	case LUA_TTABLE: return "a table";
	case LUA_TFUNCTION: return "a function";
	default: return "a userdata value";
	}
}

/* Pushes t[key] of the table at 'idx', without metamethods: the file's
 * code does not run from here. Returns its type. */
static int raw_field(lua_State *L, int idx, const char *key)
{
	idx = lua_absindex(L, idx);
	lua_pushstring(L, key);
	return lua_rawget(L, idx);
}

/* "stage 'need'", "question 'What does it cost?'", "roadmap {...}". */
static void push_item_name(lua_State *L, int idx)
{
	Item *it = to_item(L, idx);
	idx = lua_absindex(L, idx);
	lua_getiuservalue(L, idx, UV_HEAD);
	if (it->has_head && lua_type(L, -1) == LUA_TSTRING) {
		size_t len;
		const char *s = lua_tolstring(L, -1, &len);
		size_t shown = len;
		if (utf8_count(s, len) > HEAD_SHOWN) {
			shown = 0;
			for (int c = 0; c < HEAD_SHOWN; c++)
				shown += (size_t)utf8_seqlen((unsigned char)s[shown]);
		}
		lua_pushfstring(L, "%s '%s%s'", kinds[it->kind].noun,
				lua_pushlstring(L, s, shown), shown < len ? "..." : "");
		lua_replace(L, -3);
		lua_pop(L, 1);
	} else {
		lua_pop(L, 1);
		lua_pushfstring(L, "%s {...}", kinds[it->kind].name);
	}
}

static int item_tostring(lua_State *L)
{
	push_item_name(L, 1);
	return 1;
}

static int item_read(lua_State *L)
{
	push_item_name(L, 1);
	return sandbox_error(L, "keep the data you want to reuse in your own local tables",
			     "%s is part of the roadmap and cannot be read or changed", lua_tostring(L, -1));
}

/* item { ... }: the body. */
static int item_body(lua_State *L)
{
	Item *it = to_item(L, 1);
	const KindInfo *k = &kinds[it->kind];
	if (!k->body) {
		push_item_name(L, 1);
		return sandbox_error(L, "write it alone: action \"Compares prices on review sites\"",
				     "%s takes only its text, no { ... }", lua_tostring(L, -1));
	}
	if (it->has_body) {
		push_item_name(L, 1);
		return sandbox_error(L, NULL, "%s already has its { ... }", lua_tostring(L, -1));
	}
	if (lua_type(L, 2) != LUA_TTABLE || lua_gettop(L) != 2) {
		push_item_name(L, 1);
		return sandbox_error(L, NULL, "%s takes a table: %s \"...\" { ... }, found %s",
				     lua_tostring(L, -1), k->name, a_type(L, 2));
	}
	lua_pushvalue(L, 2);
	lua_setiuservalue(L, 1, UV_BODY);
	it->has_body = true;
	lua_settop(L, 1);
	return 1;
}

/* A DSL function: stage "id", stage { ... }, stage("id", { ... }). */
static int dsl_call(lua_State *L)
{
	Dsl *d = lua_touserdata(L, lua_upvalueindex(1));
	Kind kind = (Kind)lua_tointeger(L, lua_upvalueindex(2));
	const KindInfo *k = &kinds[kind];
	int nargs = lua_gettop(L);
	int t = lua_type(L, 1);
	char help[160];
	if (k->head_key)
		snprintf(help, sizeof help, "write %s \"%s\"%s", k->name,
			 *k->head_key ? k->head_key : "text", k->body ? " { ... }" : "");
	else
		snprintf(help, sizeof help, "write %s { ... }", k->name);
	if (nargs == 0 || t == LUA_TNIL)
		return sandbox_error(L, help, "%s needs %s", k->name,
				     k->head_key ? (*k->head_key ? (strcmp(k->head_key, "id") == 0 ? "its id"
								     : k->head_key) : "its text")
						 : "a table");
	bool head = t == LUA_TSTRING || t == LUA_TNUMBER || t == LUA_TBOOLEAN;
	if (!(head && k->head_key) && !(t == LUA_TTABLE && k->body))
		return sandbox_error(L, help, "%s takes %s, found %s", k->name,
				     k->head_key ? (*k->head_key ? "a name or a table" : "a text") : "a table",
				     a_type(L, 1));
	if (nargs > 2 || (nargs == 2 && (!head || lua_type(L, 2) != LUA_TTABLE)))
		return sandbox_error(L, help, "%s takes %s", k->name,
				     head ? "its head and then { ... }" : "one table");
	if (d->mode == MODE_RULES && kind != K_RULE)
		return sandbox_error(L, "a rule file declares rules with rule \"name\" { ... }; "
					"the roadmap itself goes in the roadmap file",
				     "a rule file cannot make a %s", k->noun);

	Item *it = lua_newuserdatauv(L, sizeof *it, 2);
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->seq = ++d->nitems;
	luaL_setmetatable(L, ITEM_META);
	int ud = lua_gettop(L);
	locate_call(L, d, it);
	lua_pushvalue(L, 1);
	if (head) {
		it->has_head = true;
		lua_setiuservalue(L, ud, UV_HEAD);
	} else {
		it->has_body = true;
		lua_setiuservalue(L, ud, UV_BODY);
	}
	if (nargs == 2) {
		lua_pushvalue(L, 2);
		lua_setiuservalue(L, ud, UV_BODY);
		it->has_body = true;
	}
	lua_rawgetp(L, LUA_REGISTRYINDEX, &reg_items);
	lua_pushvalue(L, ud);
	lua_rawseti(L, -2, it->seq);
	lua_pop(L, 1);
	lua_settop(L, ud);
	return 1;
}

static void install(lua_State *L, Dsl *d)
{
	lua_newtable(L);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &reg_items);
	lua_newtable(L);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &reg_calls);
	lua_newtable(L);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &reg_visiting);
	luaL_newmetatable(L, ITEM_META);
	static const luaL_Reg meta[] = {
		{ "__call", item_body }, { "__tostring", item_tostring },
		{ "__index", item_read }, { "__newindex", item_read }, { NULL, NULL }
	};
	luaL_setfuncs(L, meta, 0);
	lua_pushliteral(L, "item");
	lua_setfield(L, -2, "__metatable");
	lua_pop(L, 1);
	lua_pushglobaltable(L);
	for (int k = 0; k < K_COUNT; k++) {
		lua_pushlightuserdata(L, d);
		lua_pushinteger(L, k);
		lua_pushcclosure(L, dsl_call, 2);
		lua_setfield(L, -2, kinds[k].name);
	}
	lua_pop(L, 1);
}

/* Runs the file; leaves its first result on the stack. */
static void run_file(lua_State *L, Dsl *d)
{
	install(L, d);
	sandbox_load(L);
	lua_call(L, 0, 1);
}

/* ==== Converting values to nodes ==== */

static Node *new_node(Dsl *d, NodeKind kind, SrcLoc loc)
{
	if (d->failed)
		return NULL;
	if (++d->nodes > d->lim->max_nodes) {
		Diag *g = diag_report(d->dl, loc, SEV_ERROR, "limit-exceeded",
				      "the roadmap has more than %zu values", d->lim->max_nodes);
		diag_help(d->dl, g, "split the roadmap, or raise the limit with --limit nodes=N");
		d->failed = true;
		return NULL;
	}
	Node *n = arena_alloc(d->arena, sizeof *n);
	n->kind = kind;
	n->loc = loc;
	return n;
}

static Node *text_node(Dsl *d, const char *s, size_t len, SrcLoc loc, bool plain)
{
	Node *n = new_node(d, NODE_SCALAR, loc);
	if (n) {
		n->str = arena_strndup(d->arena, s, len);
		n->len = len;
		n->plain = plain;
	}
	return n;
}

static Node *null_node(Dsl *d, SrcLoc loc)
{
	Node *n = text_node(d, "", 0, loc, true);
	if (n)
		n->type = SCALAR_NULL;
	return n;
}

static void push_pair(Dsl *d, Node *map, size_t *cap, Node *key, Node *value)
{
	if (!key || !value)
		return;
	NodePair pair = { key, value };
	ARENA_PUSH(d->arena, map->pairs, map->npairs, *cap, pair);
}

static void push_item(Dsl *d, Node *seq, size_t *cap, Node *value)
{
	if (value)
		ARENA_PUSH(d->arena, seq->items, seq->nitems, *cap, value);
}

static bool valid_utf8(const char *s, size_t n)
{
	for (size_t i = 0, step; i < n; i += step)
		if ((step = utf8_valid_len(s + i, n - i)) == 0)
			return false;
	return true;
}

static Node *convert(Dsl *d, lua_State *L, int idx, SrcLoc loc);
static Node *item_node(Dsl *d, lua_State *L, int idx);

static Node *scalar(Dsl *d, lua_State *L, int idx, SrcLoc loc)
{
	char buf[64];
	switch (lua_type(L, idx)) {
	case LUA_TBOOLEAN: {
		bool b = lua_toboolean(L, idx);
		Node *n = text_node(d, b ? "true" : "false", b ? 4 : 5, loc, true);
		if (n) {
			n->type = SCALAR_BOOL;
			n->boolean = b;
		}
		return n;
	}
	case LUA_TNUMBER: {
		double v = lua_tonumber(L, idx);
		if (lua_isinteger(L, idx)) {
			snprintf(buf, sizeof buf, "%lld", (long long)lua_tointeger(L, idx));
		} else if (!isfinite(v)) {
			const char *shown = isnan(v) ? "nan" : v > 0 ? "inf" : "-inf";
			Diag *g = diag_report(d->dl, loc, SEV_ERROR, "invalid-value",
					      "%s%s%s must be a finite number, found %s", d->key ? "'" : "",
					      d->key ? d->key : "a number in a roadmap", d->key ? "'" : "", shown);
			diag_help(d->dl, g, "a division by zero makes one; check the arithmetic");
			v = 0;          /* reported: no second error about the same value */
			snprintf(buf, sizeof buf, "%s", shown);
		} else {
			snprintf(buf, sizeof buf, "%.14g", v);
			if (!strpbrk(buf, ".e"))
				strcat(buf, ".0");
		}
		Node *n = text_node(d, buf, strlen(buf), loc, true);
		if (n) {
			n->type = SCALAR_NUMBER;
			n->number = v;
		}
		return n;
	}
	case LUA_TSTRING: {
		size_t len;
		const char *s = lua_tolstring(L, idx, &len);
		if (len > d->lim->max_scalar_len) {
			Diag *g = diag_report(d->dl, loc, SEV_ERROR, "limit-exceeded",
					      "a string of %zu bytes is longer than the limit of %zu", len,
					      d->lim->max_scalar_len);
			diag_help(d->dl, g, "raise the limit with --limit scalar=N");
			return null_node(d, loc);
		}
		if (!valid_utf8(s, len)) {
			Diag *g = diag_report(d->dl, loc, SEV_ERROR, "invalid-value",
					      "%s%s%s is not valid UTF-8 text", d->key ? "'" : "",
					      d->key ? d->key : "a string", d->key ? "'" : "");
			diag_help(d->dl, g, "roadmap text is UTF-8: write characters as they are, "
					    "or as escapes such as \\u{20AC} for €, not as \\x bytes");
			return text_node(d, "\xEF\xBF\xBD", 3, loc, false);   /* reported: U+FFFD */
		}
		return text_node(d, s, len, loc, false);
	}
	default: {
		Diag *g = diag_report(d->dl, loc, SEV_ERROR, "wrong-type",
				      "%s%s%s is %s, which cannot be a value in a roadmap", d->key ? "'" : "",
				      d->key ? d->key : "a value", d->key ? "'" : "", a_type(L, idx));
		diag_help(d->dl, g, "roadmap values are text, numbers, booleans and tables");
		return null_node(d, loc);
	}
	}
}

/* Marks the table or item at 'idx' as being converted; false (reported)
 * when it already is: it contains itself. */
static bool enter(Dsl *d, lua_State *L, int idx, SrcLoc loc)
{
	if (d->failed)
		return false;
	lua_rawgetp(L, LUA_REGISTRYINDEX, &reg_visiting);
	lua_pushvalue(L, idx);
	if (lua_rawget(L, -2) != LUA_TNIL) {
		lua_pop(L, 2);
		Diag *g = diag_report(d->dl, loc, SEV_ERROR, "wrong-type",
				      "a table that contains itself cannot be a roadmap value");
		diag_help(d->dl, g, "a roadmap is a tree: give each place its own table");
		return false;
	}
	lua_pop(L, 1);
	if (++d->depth > d->depth_limit) {
		lua_pop(L, 1);
		d->depth--;
		Diag *g = diag_report(d->dl, loc, SEV_ERROR, "limit-exceeded",
				      "nesting deeper than %zu levels", d->depth_limit);
		diag_help(d->dl, g, "a roadmap needs a handful of levels; raise the limit with --limit depth=N");
		d->failed = true;
		return false;
	}
	luaL_checkstack(L, 16, "roadmap nested too deeply");
	lua_pushvalue(L, idx);
	lua_pushboolean(L, 1);
	lua_rawset(L, -3);
	lua_pop(L, 1);
	return true;
}

static void leave(Dsl *d, lua_State *L, int idx)
{
	d->depth--;
	lua_rawgetp(L, LUA_REGISTRYINDEX, &reg_visiting);
	lua_pushvalue(L, idx);
	lua_pushnil(L);
	lua_rawset(L, -3);
	lua_pop(L, 1);
}

/* The string keys of the table at 'idx', sorted, in a new list on the
 * stack; the count of its other keys in '*others' and of its list part
 * (keys 1..n) in '*list'. */
static size_t push_keys(lua_State *L, int idx, size_t *list, size_t *others)
{
	idx = lua_absindex(L, idx);
	lua_Integer border = (lua_Integer)lua_rawlen(L, idx);
	size_t nkeys = 0;
	*list = *others = 0;
	lua_newtable(L);
	int keys = lua_gettop(L);
	lua_pushnil(L);
	while (lua_next(L, idx)) {
		lua_pop(L, 1);
		if (lua_type(L, -1) == LUA_TSTRING) {
			lua_pushvalue(L, -1);
			lua_rawseti(L, keys, (lua_Integer)++nkeys);
		} else if (lua_isinteger(L, -1) && lua_tointeger(L, -1) >= 1 &&
			   lua_tointeger(L, -1) <= border) {
			(*list)++;
		} else {
			(*others)++;
		}
	}
	if (*list != (size_t)border)
		*others += *list;       /* holes: not a list */
	if (nkeys > 1) {
		/* Insertion into a sorted array of pointers would be quadratic;
		 * sort (pointer, length) pairs instead. */
		struct K {
			const char *s;
			size_t n;
			lua_Integer slot;
		} *ks = lua_newuserdatauv(L, nkeys * sizeof *ks, 0);
		for (size_t i = 0; i < nkeys; i++) {
			lua_rawgeti(L, keys, (lua_Integer)i + 1);
			ks[i].s = lua_tolstring(L, -1, &ks[i].n);
			ks[i].slot = (lua_Integer)i + 1;
			lua_pop(L, 1);
		}
		size_t n = nkeys;      /* a merge sort: no comparator needs the Lua state */
		struct K *tmp = lua_newuserdatauv(L, n * sizeof *tmp, 0);
		for (size_t w = 1; w < n; w *= 2) {
			for (size_t lo = 0; lo < n; lo += 2 * w) {
				size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
				size_t i = lo, j = mid, k = lo;
				while (i < mid && j < hi) {
					size_t m = ks[i].n < ks[j].n ? ks[i].n : ks[j].n;
					int c = memcmp(ks[i].s, ks[j].s, m);
					bool right = c > 0 || (c == 0 && ks[j].n < ks[i].n);
					tmp[k++] = right ? ks[j++] : ks[i++];
				}
				while (i < mid)
					tmp[k++] = ks[i++];
				while (j < hi)
					tmp[k++] = ks[j++];
			}
			memcpy(ks, tmp, n * sizeof *ks);
		}
		lua_pop(L, 1);
		lua_createtable(L, (int)nkeys, 0);
		for (size_t i = 0; i < nkeys; i++) {
			lua_rawgeti(L, keys, ks[i].slot);
			lua_rawseti(L, -2, (lua_Integer)i + 1);
		}
		lua_replace(L, keys);
		lua_pop(L, 1);
	}
	return nkeys;
}

/* The pairs of a mapping from the string keys of the table at 'idx',
 * except 'skip' (or NULL); the count of its list part (keys 1..n) goes to
 * '*list' and of its other keys to '*others'. */
static void map_pairs(Dsl *d, lua_State *L, int idx, Node *map, size_t *cap, SrcLoc loc,
		      const char *skip, size_t *list, size_t *others)
{
	size_t n = push_keys(L, idx, list, others);
	int keys = lua_gettop(L);
	for (size_t i = 1; i <= n && !d->failed; i++) {
		lua_rawgeti(L, keys, (lua_Integer)i);
		size_t len;
		const char *k = lua_tolstring(L, -1, &len);
		if (skip && strcmp(k, skip) == 0) {
			lua_pop(L, 1);
			continue;
		}
		Node *key = text_node(d, k, len, loc, true);
		const char *outer = d->key;
		d->key = key ? key->str : NULL;
		lua_rawget(L, idx);
		push_pair(d, map, cap, key, convert(d, L, lua_gettop(L), loc));
		d->key = outer;
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
}

static Node *table_node(Dsl *d, lua_State *L, int idx, SrcLoc loc)
{
	if (!enter(d, L, idx, loc))
		return null_node(d, loc);
	size_t list, others;
	size_t nstr = push_keys(L, idx, &list, &others);
	lua_pop(L, 1);
	Node *n = NULL;
	size_t cap = 0;
	if (others > 0 || (nstr > 0 && list > 0)) {
		Diag *g = diag_report(d->dl, loc, SEV_ERROR, "wrong-type", "%s",
				      others > 0 && nstr + list == 0
					      ? "a table whose keys are neither names nor list positions"
				      : others > 0 ? "a table with keys that are not names, or a list with holes"
						   : "a table that mixes list entries and named keys");
		diag_help(d->dl, g, "a roadmap value is a list { a, b } or a table of names { key = value }");
		n = null_node(d, loc);
	} else if (nstr > 0) {
		n = new_node(d, NODE_MAP, loc);
		if (n)
			map_pairs(d, L, idx, n, &cap, loc, NULL, &list, &others);
	} else {
		n = new_node(d, NODE_SEQ, loc);
		for (size_t i = 1; n && i <= list && !d->failed; i++) {
			lua_rawgeti(L, idx, (lua_Integer)i);
			push_item(d, n, &cap, convert(d, L, lua_gettop(L), loc));
			lua_pop(L, 1);
		}
	}
	leave(d, L, idx);
	return n;
}

static Node *convert(Dsl *d, lua_State *L, int idx, SrcLoc loc)
{
	if (!d->failed && diag_full(d->dl)) {
		/* Past the error limit: the file will not load anyway. */
		diag_skip_error(d->dl, loc);
		d->failed = true;
	}
	if (d->failed)
		return NULL;
	idx = lua_absindex(L, idx);
	if (lua_type(L, idx) == LUA_TTABLE)
		return table_node(d, L, idx, loc);
	if (to_item(L, idx))
		return item_node(d, L, idx);
	return scalar(d, L, idx, loc);
}

/* ---- items ---- */

static Diag *item_error(Dsl *d, lua_State *L, int idx, SrcLoc loc, const char *check, const char *what)
{
	push_item_name(L, idx);
	Diag *g = diag_report(d->dl, loc, SEV_ERROR, check, "%s %s", lua_tostring(L, -1), what);
	lua_pop(L, 1);
	return g;
}

/* The list key a child item joins in a stage. */
static const char *child_key(Kind k)
{
	return k == K_QUESTION ? "questions" : k == K_CONCERN ? "concerns" : k == K_ACTION ? "actions" : NULL;
}

/* A stage's, question's, seller action's or content item's mapping: the
 * head, the body's fields, then (stages) the items in its list part. */
static Node *item_map(Dsl *d, lua_State *L, int idx, Item *it)
{
	const KindInfo *k = &kinds[it->kind];
	Node *map = new_node(d, NODE_MAP, it->loc);
	size_t cap = 0;
	if (!map)
		return NULL;
	int body = 0;
	if (it->has_body) {
		lua_getiuservalue(L, idx, UV_BODY);
		body = lua_gettop(L);
	}
	if (it->has_head) {
		bool twice = body && raw_field(L, body, k->head_key) != LUA_TNIL;
		if (body)
			lua_pop(L, 1);
		if (twice) {
			push_item_name(L, idx);
			Diag *g = diag_report(d->dl, it->loc, SEV_ERROR, "duplicate-key",
					      "duplicate key '%s' in %s: %s \"...\" gives it, and so does its { ... }",
					      k->head_key, lua_tostring(L, -1), k->name);
			diag_help(d->dl, g, "remove one of them; the one in { ... } is ignored");
			lua_pop(L, 1);
		}
		const char *outer = d->key;
		d->key = k->head_key;
		lua_getiuservalue(L, idx, UV_HEAD);
		push_pair(d, map, &cap, text_node(d, k->head_key, strlen(k->head_key), it->loc, true),
			  convert(d, L, lua_gettop(L), it->head_loc));
		lua_pop(L, 1);
		d->key = outer;
	}
	if (!body)
		return map;
	size_t list, others;
	map_pairs(d, L, body, map, &cap, it->loc, it->has_head ? k->head_key : NULL, &list, &others);
	if (others > 0) {
		Diag *g = item_error(d, L, idx, it->loc, "wrong-type",
				     "has keys that are neither names nor list positions, or a list with holes");
		diag_help(d->dl, g, "write fields as name = value");
	}
	if (list == 0 || others > 0) {
		lua_settop(L, body - 1);
		return map;
	}
	/* The list part: the items made inside a stage. */
	const char *groups[] = { "concerns", "actions", "questions" };
	Node *lists[3] = { NULL, NULL, NULL };
	size_t caps[3] = { 0, 0, 0 };
	for (size_t i = 1; i <= list && !d->failed; i++) {
		lua_rawgeti(L, body, (lua_Integer)i);
		Item *child = to_item(L, -1);
		const char *key = child && it->kind == K_STAGE ? child_key(child->kind) : NULL;
		if (!key) {
			const char *help = it->kind == K_STAGE
						   ? "a stage holds its fields (name = ...) and the question, "
						     "concern and action items made inside it"
						   : "write fields as name = value";
			if (child)
				push_item_name(L, -1);
			else
				lua_pushstring(L, a_type(L, -1));
			push_item_name(L, idx);
			Diag *g = diag_report(d->dl, child ? child->loc : it->loc, SEV_ERROR, "wrong-type",
					      "%s cannot be in the list part of %s", lua_tostring(L, -2),
					      lua_tostring(L, -1));
			diag_help(d->dl, g, "%s", help);
			if (child)
				child->placed = true;
			lua_pop(L, 3);
			continue;
		}
		int g = key[0] == 'c' ? 0 : key[0] == 'a' ? 1 : 2;
		if (!lists[g]) {
			bool twice = raw_field(L, body, key) != LUA_TNIL;
			lua_pop(L, 1);
			if (twice) {
				Diag *e = diag_report(d->dl, child->loc, SEV_ERROR, "duplicate-key",
						      "duplicate key '%s': the stage gives it as %s = { ... } "
						      "and makes %s items inside it", key, key, kinds[child->kind].name);
				diag_help(d->dl, e, "use one of the two forms");
				lists[g] = new_node(d, NODE_SEQ, child->loc);   /* collected, not kept */
			} else {
				lists[g] = new_node(d, NODE_SEQ, child->loc);
				push_pair(d, map, &cap, text_node(d, groups[g], strlen(groups[g]), child->loc, true),
					  lists[g]);
			}
			if (!lists[g]) {
				lua_pop(L, 1);
				break;
			}
		}
		push_item(d, lists[g], &caps[g], item_node(d, L, lua_gettop(L)));
		lua_pop(L, 1);
	}
	lua_settop(L, body - 1);
	return map;
}

static Node *item_node(Dsl *d, lua_State *L, int idx)
{
	Item *it = to_item(L, idx);
	it->placed = true;
	if (it->visiting) {
		Diag *g = item_error(d, L, idx, it->loc, "wrong-type", "contains itself");
		diag_help(d->dl, g, "a roadmap is a tree: an item cannot be inside itself");
		return null_node(d, it->loc);
	}
	switch (it->kind) {
	case K_STAGE:
	case K_QUESTION:
	case K_SELLER:
	case K_CONTENT:
		break;
	case K_CONCERN:
		if (it->has_body)
			break;
		/* the short form is its text */
		/* fall through */
	case K_ACTION: {
		const char *outer = d->key;
		d->key = it->kind == K_ACTION ? "actions" : "concerns";
		lua_getiuservalue(L, idx, UV_HEAD);
		Node *n = convert(d, L, lua_gettop(L), it->head_loc);
		lua_pop(L, 1);
		d->key = outer;
		return n;
	}
	default: {
		Diag *g = item_error(d, L, idx, it->loc, "wrong-type", "cannot be a value in the roadmap");
		diag_help(d->dl, g, "call it on its own, at the top of the file");
		return null_node(d, it->loc);
	}
	}
	if (!enter(d, L, idx, it->loc))
		return null_node(d, it->loc);
	it->visiting = true;
	Node *n = item_map(d, L, idx, it);
	it->visiting = false;
	leave(d, L, idx);
	return n;
}

/* ==== The roadmap ==== */

/* The line of the file's last `return`: where a returned table is. */
static int return_line(const SrcFile *sf)
{
	for (size_t line = sf->nlines; line >= 1; line--) {
		size_t n;
		const char *text = srcfile_line(sf, (int)line, &n);
		size_t i = 0;
		while (i < n && (text[i] == ' ' || text[i] == '\t'))
			i++;
		if (n - i >= 6 && memcmp(text + i, "return", 6) == 0 &&
		    (n - i == 6 || !ident_char((unsigned char)text[i + 6])))
			return (int)line;
	}
	return 1;
}

/* A top-level key given twice (two roadmap calls, a body key and the
 * items that make the same list). */
static Node *find_key(Node *map, const char *key)
{
	for (size_t i = 0; i < map->npairs; i++)
		if (strcmp(map->pairs[i].key->str, key) == 0)
			return map->pairs[i].key;
	return NULL;
}

/* The root mapping from the roadmap, checks and rules calls, then the
 * stages, seller actions and content items placed nowhere. */
static Node *dsl_root(Dsl *d, lua_State *L, int items, int nitems)
{
	SrcLoc start = { d->sf, 1, 1, 1 };
	Node *root = NULL;
	size_t cap = 0;
	bool version = false;
	for (int i = 1; i <= nitems && !d->failed; i++) {
		lua_rawgeti(L, items, i);
		Item *it = to_item(L, -1);
		if (it->kind == K_ROADMAP || it->kind == K_CHECKS || it->kind == K_RULES) {
			if (!root) {
				root = new_node(d, NODE_MAP, it->loc);
				if (!root)
					break;
			}
			it->placed = true;
			lua_getiuservalue(L, -1, UV_BODY);
			int body = lua_gettop(L);
			Node *m = NULL;
			if (it->kind == K_ROADMAP) {
				m = convert(d, L, body, it->loc);
				if (m && m->kind == NODE_SEQ && m->nitems == 0)
					m = NULL;       /* roadmap {} */
				if (m && m->kind != NODE_MAP) {
					Diag *g = diag_report(d->dl, it->loc, SEV_ERROR, "wrong-type",
							      "roadmap { ... } takes the roadmap's keys, found a list");
					diag_help(d->dl, g, "write roadmap { product = \"...\", segment = \"...\" }");
					m = NULL;
				}
				if (!version) {
					version = true;
					Node *v = text_node(d, "1", 1, it->loc, true);
					if (v) {
						v->type = SCALAR_NUMBER;
						v->number = 1;
					}
					if (!m || !find_key(m, "roadmap"))
						push_pair(d, root, &cap, text_node(d, "roadmap", 7, it->loc, true), v);
				}
			} else {
				const char *key = kinds[it->kind].name;
				m = new_node(d, NODE_MAP, it->loc);
				size_t mcap = 0;
				if (m)
					push_pair(d, m, &mcap, text_node(d, key, strlen(key), it->loc, true),
						  convert(d, L, body, it->loc));
			}
			for (size_t p = 0; m && p < m->npairs; p++) {
				Node *first = find_key(root, m->pairs[p].key->str);
				if (first) {
					Diag *g = diag_report(d->dl, it->loc, SEV_ERROR, "duplicate-key",
							      "duplicate key '%s' in the roadmap", first->str);
					diag_note(d->dl, g, first->loc, "'%s' first given here", first->str);
					diag_help(d->dl, g, "give each key of the roadmap once");
					continue;
				}
				push_pair(d, root, &cap, m->pairs[p].key, m->pairs[p].value);
			}
			lua_pop(L, 1);
		}
		lua_pop(L, 1);
	}
	if (!root)
		root = new_node(d, NODE_MAP, start);
	if (!root)
		return NULL;
	/* Stages, seller actions and content placed nowhere: the top lists. */
	static const struct {
		Kind kind;
		const char *key;
	} tops[] = { { K_STAGE, "stages" }, { K_SELLER, "seller" }, { K_CONTENT, "content" } };
	for (size_t t = 0; t < 3 && !d->failed; t++) {
		Node *list = NULL;
		size_t lcap = 0;
		for (int i = 1; i <= nitems && !d->failed; i++) {
			lua_rawgeti(L, items, i);
			Item *it = to_item(L, -1);
			if (it->kind == tops[t].kind && !it->placed) {
				if (!list) {
					Node *first = find_key(root, tops[t].key);
					list = new_node(d, NODE_SEQ, it->loc);
					if (first) {
						Diag *g = diag_report(d->dl, it->loc, SEV_ERROR, "duplicate-key",
								      "duplicate key '%s': roadmap { ... } gives it, and "
								      "%s calls make it too", tops[t].key, kinds[tops[t].kind].name);
						diag_note(d->dl, g, first->loc, "'%s' first given here", tops[t].key);
						diag_help(d->dl, g, "use one of the two forms");
					} else {
						push_pair(d, root, &cap, text_node(d, tops[t].key, strlen(tops[t].key), it->loc, true),
							  list);
					}
				}
				push_item(d, list, &lcap, item_node(d, L, lua_gettop(L)));
			}
			lua_pop(L, 1);
		}
	}
	return root;
}

/* Questions, concerns and actions made but placed in no stage. */
static void report_strays(Dsl *d, lua_State *L, int items, int nitems)
{
	for (int i = 1; i <= nitems && !d->failed; i++) {
		lua_rawgeti(L, items, i);
		Item *it = to_item(L, -1);
		if (!it->placed && (it->kind == K_QUESTION || it->kind == K_CONCERN || it->kind == K_ACTION)) {
			Diag *g = item_error(d, L, -1, it->loc, "wrong-type", "is in no stage");
			diag_help(d->dl, g, "make it inside a stage's { ... }, or place it in a stage's list");
		}
		lua_pop(L, 1);
	}
}

/* ==== Rules ==== */

static const char *const rule_keys[] = { "check", "description", "severity", "summary", NULL };
static const char *const severities[] = { "off", "info", "warning", "error", NULL };

/* "did you mean 'X'?" when a word of 'words' is close to 'word', else
 * "the PLURAL are: ...". */
static void help_word(Dsl *d, Diag *g, const char *word, const char *const *words, const char *plural)
{
	const char *best = suggest_word(word, words);
	if (best) {
		diag_help(d->dl, g, "did you mean '%s'?", best);
		return;
	}
	StrBuf sb = STRBUF_INIT;
	for (size_t i = 0; words[i]; i++)
		strbuf_printf(&sb, "%s%s", i ? ", " : "", words[i]);
	diag_help(d->dl, g, "the %s are: %s", plural, strbuf_cstr(&sb));
	strbuf_free(&sb);
}

static bool rule_name_ok(const char *s, size_t n)
{
	if (n == 0 || n > 100 || s[0] == '-')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return false;
	return true;
}

/* The text of field 'key' of the rule body at 'body', or NULL (reported
 * when present but not text). */
static const char *rule_text(Dsl *d, lua_State *L, int body, const char *key, const char *name, SrcLoc loc)
{
	raw_field(L, body, key);
	const char *s = NULL;
	if (lua_type(L, -1) == LUA_TSTRING) {
		size_t len;
		const char *v = lua_tolstring(L, -1, &len);
		if (valid_utf8(v, len) && strlen(v) == len)
			s = arena_strndup(d->arena, v, len);
		else
			diag_report(d->dl, loc, SEV_ERROR, "invalid-value",
				    "'%s' of rule '%s' must be UTF-8 text without NUL characters", key, name);
	} else if (!lua_isnil(L, -1)) {
		diag_report(d->dl, loc, SEV_ERROR, "wrong-type", "'%s' of rule '%s' must be text, found %s",
			    key, name, a_type(L, -1));
	}
	lua_pop(L, 1);
	return s;
}

/* The first sentence of 'text', on one line. */
static const char *first_sentence(Arena *a, const char *text)
{
	size_t n = 0;
	while (text[n] && !(text[n] == '.' && (text[n + 1] == ' ' || text[n + 1] == '\n' || !text[n + 1])))
		n++;
	char *s = arena_strndup(a, text, n);
	for (char *p = s; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	return s;
}

/* A rule item: checked, then added to out->rules. */
static void declare_rule(Dsl *d, lua_State *L, int idx, Item *it)
{
	lua_getiuservalue(L, idx, UV_HEAD);
	size_t nlen = 0;
	const char *name = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &nlen) : NULL;
	if (!name || !rule_name_ok(name, nlen) || strlen(name) != nlen) {
		Diag *g = diag_report(d->dl, it->head_loc, SEV_ERROR, "invalid-value", "invalid rule name %s%s%s",
				      name ? "'" : "", name ? name : "(missing)", name ? "'" : "");
		diag_help(d->dl, g, "a rule is named like a check: lower-case words joined by '-', "
				    "as in rule \"pricing-before-selection\" { ... }");
		lua_pop(L, 1);
		return;
	}
	name = arena_strndup(d->arena, name, nlen);
	lua_pop(L, 1);
	for (size_t i = 0; i < d->out->nrules; i++) {
		if (strcmp(d->out->rules[i].name, name) == 0) {
			Diag *g = diag_report(d->dl, it->loc, SEV_ERROR, "duplicate-id",
					      "duplicate rule '%s'", name);
			diag_note(d->dl, g, d->out->rules[i].loc, "'%s' first defined here", name);
			diag_help(d->dl, g, "give each rule its own name");
			return;
		}
	}
	if (!it->has_body) {
		Diag *g = diag_report(d->dl, it->loc, SEV_ERROR, "missing-field",
				      "rule '%s' has no { ... } with its check function", name);
		diag_help(d->dl, g, "write rule \"%s\" { description = \"...\", check = function(roadmap, report) ... end }",
			  name);
		return;
	}
	lua_getiuservalue(L, idx, UV_BODY);
	int body = lua_gettop(L);
	size_t before = d->dl->n;
	size_t list, others;
	size_t n = push_keys(L, body, &list, &others);
	const char *meant[4] = { NULL };        /* the keys the unknown ones misspell */
	size_t nmeant = 0;
	for (size_t i = 1; i <= n; i++) {
		lua_rawgeti(L, -1, (lua_Integer)i);
		const char *key = lua_tostring(L, -1);
		bool known = false;
		for (const char *const *k = rule_keys; *k; k++)
			known |= strcmp(*k, key) == 0;
		if (!known) {
			Diag *g = diag_report(d->dl, it->loc, SEV_ERROR, "unknown-key",
					      "unknown key '%s' in rule '%s'", key, name);
			help_word(d, g, key, rule_keys, "keys of a rule");
			const char *best = suggest_word(key, rule_keys);
			if (best && nmeant < 4)
				meant[nmeant++] = best;
		}
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
	/* One mistake, one error: a misspelled key is not also missing. */
	bool misspelled_check = false, misspelled_description = false;
	for (size_t i = 0; i < nmeant; i++) {
		misspelled_check |= strcmp(meant[i], "check") == 0;
		misspelled_description |= strcmp(meant[i], "description") == 0;
	}
	if (list + others > 0)
		diag_report(d->dl, it->loc, SEV_ERROR, "wrong-type",
			    "rule '%s' has values that are not named fields", name);
	raw_field(L, body, "check");
	if (lua_isnil(L, -1) && !misspelled_check) {
		Diag *g = diag_report(d->dl, it->loc, SEV_ERROR, "missing-field",
				      "missing required key 'check' in rule '%s'", name);
		diag_help(d->dl, g, "add check = function(roadmap, report) ... end");
	} else if (!lua_isfunction(L, -1)) {
		diag_report(d->dl, it->loc, SEV_ERROR, "wrong-type",
			    "'check' of rule '%s' must be a function, found %s", name, a_type(L, -1));
	}
	lua_pop(L, 1);
	FrontRule r = { name, SEV_WARNING, NULL, NULL, it->loc };
	const char *sev = rule_text(d, L, body, "severity", name, it->loc);
	if (sev && severity_parse(sev, &r.severity) < 0) {
		Diag *g = diag_report(d->dl, it->loc, SEV_ERROR, "invalid-value",
				      "unknown severity '%s' in rule '%s'", sev, name);
		help_word(d, g, sev, severities, "severities");
	}
	r.description = rule_text(d, L, body, "description", name, it->loc);
	r.summary = rule_text(d, L, body, "summary", name, it->loc);
	if ((!r.description || !*r.description) && !misspelled_description) {
		Diag *g = diag_report(d->dl, it->loc, SEV_ERROR, "missing-field",
				      "rule '%s' needs a description", name);
		diag_help(d->dl, g, "say what it finds and why it matters; 'roadmapc explain %s' shows it", name);
	}
	lua_pop(L, 1);
	if (d->dl->n > before)
		return;
	if (!r.summary || !*r.summary)
		r.summary = first_sentence(d->arena, r.description);
	ARENA_PUSH(d->arena, d->out->rules, d->out->nrules, d->out->rules_cap, r);
}

/* ==== Runs ==== */

static void build(lua_State *L, void *ud)
{
	Dsl *d = ud;
	run_file(L, d);
	int result = lua_gettop(L);
	lua_rawgetp(L, LUA_REGISTRYINDEX, &reg_items);
	int items = lua_gettop(L);
	int nitems = (int)lua_rawlen(L, items);
	int first_dsl = 0;
	for (int i = 1; i <= nitems; i++) {
		lua_rawgeti(L, items, i);
		Item *it = to_item(L, -1);
		if (it->kind == K_RULE)
			declare_rule(d, L, lua_gettop(L), it);
		else if (!first_dsl && it->kind != K_QUESTION && it->kind != K_CONCERN && it->kind != K_ACTION)
			first_dsl = i;
		lua_pop(L, 1);
	}
	if (d->mode == MODE_RULES)
		return;
	if (lua_istable(L, result)) {
		if (first_dsl) {
			lua_rawgeti(L, items, first_dsl);
			Item *it = to_item(L, -1);
			Diag *g = diag_report(d->dl, it->loc, SEV_ERROR, "lua-error",
					      "the file returns a table and also calls %s", kinds[it->kind].name);
			diag_help(d->dl, g, "describe the roadmap with the calls, or return it as one table, not both");
			return;
		}
		SrcLoc loc = { d->sf, return_line(d->sf), 0, 0 };
		d->out->root = convert(d, L, result, loc);
	} else if (!lua_isnil(L, result)) {
		SrcLoc loc = { d->sf, return_line(d->sf), 0, 0 };
		Diag *g = diag_report(d->dl, loc, SEV_ERROR, "wrong-type",
				      "a roadmap file returns nothing, or the roadmap as a table; this one returns %s",
				      a_type(L, result));
		diag_help(d->dl, g, "describe the roadmap with roadmap { ... } and stage \"id\" { ... } calls");
		return;
	} else if (nitems > 0) {
		d->out->root = dsl_root(d, L, items, nitems);
	}
	report_strays(d, L, items, nitems);
}

static void init_dsl(Dsl *d, Mode mode, const SrcFile *sf, const Limits *lim, Arena *a, DiagList *dl,
		     FrontResult *out)
{
	memset(d, 0, sizeof *d);
	d->mode = mode;
	d->sf = sf;
	d->lim = lim;
	d->arena = a;
	d->dl = dl;
	d->out = out;
	d->depth_limit = lim->max_depth < DEPTH_CAP ? lim->max_depth : DEPTH_CAP;
	memset(out, 0, sizeof *out);
}

static int run(Dsl *d)
{
	const SrcFile *sf = d->sf;
	if (sf->len > d->lim->max_file_size) {
		SrcLoc loc = { sf, 1, 1, 1 };
		Diag *g = diag_report(d->dl, loc, SEV_ERROR, "limit-exceeded",
				      "the file is larger than the limit of %zu bytes", d->lim->max_file_size);
		diag_help(d->dl, g, "raise the limit with --limit file-size=N");
		return -1;
	}
	size_t before = d->dl->n;
	SrcLoc origin = { sf, 1, 0, 0 };
	SandboxRun r = { sf, d->lim, &d->out->lua_usage, d->dl, origin, NULL };
	if (sandbox_run(&r, build, d) < 0)
		return -1;
	for (size_t i = before; i < d->dl->n; i++)
		if (d->dl->items[i]->sev == SEV_ERROR)
			return d->mode == MODE_RULES ? -1 : 0;
	return 0;
}

int front_lua_parse(const SrcFile *sf, const Limits *lim, Arena *a, DiagList *dl, FrontResult *out)
{
	Dsl d;
	init_dsl(&d, MODE_ROADMAP, sf, lim, a, dl, out);
	int rc = run(&d);
	if (d.failed)
		return -1;
	if (rc == 0 && !out->root && diag_has_errors(dl))
		return -1;
	return rc;
}

int front_lua_declare_rules(const SrcFile *sf, const Limits *lim, Arena *a, DiagList *dl, FrontResult *out)
{
	Dsl d;
	init_dsl(&d, MODE_RULES, sf, lim, a, dl, out);
	return run(&d);
}

bool front_lua_push_rule(lua_State *L, const char *name)
{
	/* The DSL's functions keep a pointer to 'd', and the rule's check
	 * function may call them after this returns: 'd' lives as long as
	 * the state, in a userdata the registry holds. */
	Dsl *d = lua_newuserdatauv(L, sizeof *d, 0);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &reg_rerun);
	memset(d, 0, sizeof *d);
	d->mode = MODE_RERUN;
	d->sf = sandbox_file(L);
	run_file(L, d);
	lua_pop(L, 1);
	lua_rawgetp(L, LUA_REGISTRYINDEX, &reg_items);
	int items = lua_gettop(L);
	int nitems = (int)lua_rawlen(L, items);
	for (int i = 1; i <= nitems; i++) {
		lua_rawgeti(L, items, i);
		Item *it = to_item(L, -1);
		if (it->kind == K_RULE && it->has_head && it->has_body) {
			lua_getiuservalue(L, -1, UV_HEAD);
			bool same = lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), name) == 0;
			lua_pop(L, 1);
			if (same) {
				lua_getiuservalue(L, -1, UV_BODY);
				raw_field(L, -1, "check");
				lua_replace(L, items);
				lua_settop(L, items);
				return true;
			}
		}
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
	return false;
}
