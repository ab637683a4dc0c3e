/* sandbox_string.c - the string functions of the sandbox that loop in C.
 *
 * Source layer, part of the sandbox (sandbox.h). The instruction hook only
 * fires between Lua instructions, and Lua's own pattern matcher can spend
 * minutes inside one call (`("a"):rep(40):find(("a*"):rep(8) .. "b")`
 * backtracks through 40^8 states), so string.find, match, gmatch and gsub
 * are reimplemented here with the same pattern language and results, but
 * every step of the matcher (and every byte a plain search compares) is
 * charged to the instruction budget, which raises when it runs out.
 * string.rep refuses results longer than the `scalar` limit up front (the
 * library version loops forever on an empty string and a huge count),
 * string.byte charges and caps the values it returns, and string.format
 * refuses `%p` and shows tables without their address, so output never
 * depends on where memory happened to be. */
#include "sandbox.h"

#include <ctype.h>
#include <lauxlib.h>
#include <lua.h>
#include <string.h>

#define L_ESC '%'
#define SPECIALS "^$*+?.([%-"
#define MAXCAPTURES 32
#define CAP_UNFINISHED (-1)
#define CAP_POSITION (-2)
#define MATCH_DEPTH 200         /* nested match() calls, as Lua's MAXCCALLS */
#define CHARGE_EVERY 1024       /* matcher steps between charges */
#define BYTES_PER_STEP 32       /* bytes compared or scanned per step */
#define MAX_RESULTS 65536       /* values one call may return */

static unsigned char uc(char c) { return (unsigned char)c; }

/* ---- the matcher: Lua 5.4's pattern language, with a step count ---- */

typedef struct MatchState {
	const char *src_init, *src_end;
	const char *p_end;
	lua_State *L;
	int depth;              /* match() calls left before "pattern too complex" */
	int level;              /* captures open or closed */
	size_t steps;           /* not yet charged */
	struct {
		const char *init;
		ptrdiff_t len;
	} capture[MAXCAPTURES];
} MatchState;

static void step(MatchState *ms, size_t n)
{
	ms->steps += n;
	if (ms->steps >= CHARGE_EVERY) {
		size_t s = ms->steps;
		ms->steps = 0;
		sandbox_charge(ms->L, s);
	}
}

static int check_capture(MatchState *ms, int l)
{
	l -= '1';
	if (l < 0 || l >= ms->level || ms->capture[l].len == CAP_UNFINISHED)
		return luaL_error(ms->L, "invalid capture index %%%d", l + 1);
	return l;
}

static int capture_to_close(MatchState *ms)
{
	int level = ms->level;
	for (level--; level >= 0; level--)
		if (ms->capture[level].len == CAP_UNFINISHED)
			return level;
	return luaL_error(ms->L, "invalid pattern capture");
}

/* The end of the single-character class at 'p'. */
static const char *class_end(MatchState *ms, const char *p)
{
	switch (*p++) {
	case L_ESC:
		if (p == ms->p_end)
			luaL_error(ms->L, "malformed pattern (ends with '%%')");
		return p + 1;
	case '[':
		if (*p == '^')
			p++;
		do {
			if (p == ms->p_end)
				luaL_error(ms->L, "malformed pattern (missing ']')");
			if (*(p++) == L_ESC && p < ms->p_end)
				p++;
		} while (*p != ']');
		return p + 1;
	default:
		return p;
	}
}

static int match_class(int c, int cl)
{
	int res;
	switch (tolower(cl)) {
	case 'a': res = isalpha(c); break;
	case 'c': res = iscntrl(c); break;
	case 'd': res = isdigit(c); break;
	case 'g': res = isgraph(c); break;
	case 'l': res = islower(c); break;
	case 'p': res = ispunct(c); break;
	case 's': res = isspace(c); break;
	case 'u': res = isupper(c); break;
	case 'w': res = isalnum(c); break;
	case 'x': res = isxdigit(c); break;
	case 'z': res = c == 0; break;          /* deprecated, but Lua 5.4 has it */
	default: return cl == c;
	}
	if (isupper(cl))
		res = !res;
	return res;
}

/* Does 'c' belong to the set [...] from 'p' to 'ec' (the closing ']')? */
static int match_bracket_class(MatchState *ms, int c, const char *p, const char *ec)
{
	int sig = 1;
	if (*(p + 1) == '^') {
		sig = 0;
		p++;
	}
	while (++p < ec) {
		step(ms, 1);
		if (*p == L_ESC) {
			p++;
			if (match_class(c, uc(*p)))
				return sig;
		} else if (*(p + 1) == '-' && p + 2 < ec) {
			p += 2;
			if (uc(*(p - 2)) <= c && c <= uc(*p))
				return sig;
		} else if (uc(*p) == c) {
			return sig;
		}
	}
	return !sig;
}

static int single_match(MatchState *ms, const char *s, const char *p, const char *ep)
{
	if (s >= ms->src_end)
		return 0;
	int c = uc(*s);
	switch (*p) {
	case '.': return 1;
	case L_ESC: return match_class(c, uc(*(p + 1)));
	case '[': return match_bracket_class(ms, c, p, ep - 1);
	default: return uc(*p) == c;
	}
}

static const char *match(MatchState *ms, const char *s, const char *p);

static const char *match_balance(MatchState *ms, const char *s, const char *p)
{
	if (p >= ms->p_end - 1)
		luaL_error(ms->L, "malformed pattern (missing arguments to '%%b')");
	if (s >= ms->src_end || *s != *p)
		return NULL;
	int b = *p, e = *(p + 1), cont = 1;
	while (++s < ms->src_end) {
		step(ms, 1);
		if (*s == e) {
			if (--cont == 0)
				return s + 1;
		} else if (*s == b) {
			cont++;
		}
	}
	return NULL;
}

static const char *max_expand(MatchState *ms, const char *s, const char *p, const char *ep)
{
	ptrdiff_t i = 0;
	while (single_match(ms, s + i, p, ep)) {
		step(ms, 1);
		i++;
	}
	while (i >= 0) {        /* try with the longest run first */
		const char *res = match(ms, s + i, ep + 1);
		if (res)
			return res;
		i--;
	}
	return NULL;
}

static const char *min_expand(MatchState *ms, const char *s, const char *p, const char *ep)
{
	for (;;) {
		const char *res = match(ms, s, ep + 1);
		if (res)
			return res;
		if (!single_match(ms, s, p, ep))
			return NULL;
		s++;
	}
}

static const char *start_capture(MatchState *ms, const char *s, const char *p, ptrdiff_t what)
{
	if (ms->level >= MAXCAPTURES)
		luaL_error(ms->L, "too many captures");
	ms->capture[ms->level].init = s;
	ms->capture[ms->level].len = what;
	ms->level++;
	const char *res = match(ms, s, p);
	if (!res)
		ms->level--;
	return res;
}

static const char *end_capture(MatchState *ms, const char *s, const char *p)
{
	int l = capture_to_close(ms);
	ms->capture[l].len = s - ms->capture[l].init;
	const char *res = match(ms, s, p);
	if (!res)
		ms->capture[l].len = CAP_UNFINISHED;
	return res;
}

static const char *match_capture(MatchState *ms, const char *s, int l)
{
	l = check_capture(ms, l);
	size_t len = (size_t)ms->capture[l].len;
	step(ms, len / BYTES_PER_STEP);
	if ((size_t)(ms->src_end - s) >= len && memcmp(ms->capture[l].init, s, len) == 0)
		return s + len;
	return NULL;
}

static const char *match(MatchState *ms, const char *s, const char *p)
{
	if (ms->depth-- == 0)
		luaL_error(ms->L, "pattern too complex");
init:
	step(ms, 1);
	if (p != ms->p_end) {
		const char *ep;
		switch (*p) {
		case '(':
			if (*(p + 1) == ')')
				s = start_capture(ms, s, p + 2, CAP_POSITION);
			else
				s = start_capture(ms, s, p + 1, CAP_UNFINISHED);
			break;
		case ')':
			s = end_capture(ms, s, p + 1);
			break;
		case '$':
			if (p + 1 != ms->p_end)
				goto dflt;
			s = s == ms->src_end ? s : NULL;
			break;
		case L_ESC:
			switch (*(p + 1)) {
			case 'b':
				s = match_balance(ms, s, p + 2);
				if (s) {
					p += 4;
					goto init;
				}
				break;
			case 'f': {
				p += 2;
				if (*p != '[')
					luaL_error(ms->L, "missing '[' after '%%f' in pattern");
				ep = class_end(ms, p);
				int previous = s == ms->src_init ? '\0' : uc(*(s - 1));
				int current = s < ms->src_end ? uc(*s) : '\0';
				if (!match_bracket_class(ms, previous, p, ep - 1) &&
				    match_bracket_class(ms, current, p, ep - 1)) {
					p = ep;
					goto init;
				}
				s = NULL;
				break;
			}
			case '0': case '1': case '2': case '3': case '4':
			case '5': case '6': case '7': case '8': case '9':
				s = match_capture(ms, s, uc(*(p + 1)));
				if (s) {
					p += 2;
					goto init;
				}
				break;
			default:
				goto dflt;
			}
			break;
		default:
		dflt:
			ep = class_end(ms, p);
			if (!single_match(ms, s, p, ep)) {
				if (*ep == '*' || *ep == '?' || *ep == '-') {
					p = ep + 1;     /* the item may match nothing */
					goto init;
				}
				s = NULL;
			} else {
				switch (*ep) {
				case '?': {
					const char *res = match(ms, s + 1, ep + 1);
					if (res) {
						s = res;
					} else {
						p = ep + 1;
						goto init;
					}
					break;
				}
				case '+': s = max_expand(ms, s + 1, p, ep); break;
				case '*': s = max_expand(ms, s, p, ep); break;
				case '-': s = min_expand(ms, s, p, ep); break;
				default:
					s++;
					p = ep;
					goto init;
				}
			}
			break;
		}
	}
	ms->depth++;
	return s;
}

/* ---- captures ---- */

/* Capture 'i' (the whole match s..e when there are none): its text in
 * '*cap' and its length, or CAP_POSITION for a position capture. */
static ptrdiff_t get_capture(MatchState *ms, int i, const char *s, const char *e, const char **cap)
{
	if (i >= ms->level) {
		if (i != 0)
			luaL_error(ms->L, "invalid capture index %%%d", i + 1);
		*cap = s;
		return e - s;
	}
	ptrdiff_t len = ms->capture[i].len;
	*cap = ms->capture[i].init;
	if (len == CAP_UNFINISHED)
		luaL_error(ms->L, "unfinished capture");
	else if (len == CAP_POSITION)
		lua_pushinteger(ms->L, (ms->capture[i].init - ms->src_init) + 1);
	return len;
}

static void push_capture(MatchState *ms, int i, const char *s, const char *e)
{
	const char *cap;
	ptrdiff_t len = get_capture(ms, i, s, e, &cap);
	if (len != CAP_POSITION)
		lua_pushlstring(ms->L, cap, (size_t)len);
}

static int push_captures(MatchState *ms, const char *s, const char *e)
{
	int n = ms->level == 0 && s ? 1 : ms->level;
	luaL_checkstack(ms->L, n, "too many captures");
	for (int i = 0; i < n; i++)
		push_capture(ms, i, s, e);
	return n;
}

static void prepare(MatchState *ms, lua_State *L, const char *s, size_t ls, const char *p, size_t lp)
{
	ms->L = L;
	ms->src_init = s;
	ms->src_end = s + ls;
	ms->p_end = p + lp;
	ms->steps = 0;
}

static void restart(MatchState *ms)
{
	ms->level = 0;
	ms->depth = MATCH_DEPTH;
}

/* Charges what the matcher has not charged yet. */
static void settle(MatchState *ms)
{
	if (ms->steps) {
		size_t s = ms->steps;
		ms->steps = 0;
		sandbox_charge(ms->L, s);
	}
}

/* ---- find, match, gmatch, gsub ---- */

static size_t start_index(lua_Integer pos, size_t len)
{
	if (pos > 0)
		return (size_t)pos;
	if (pos == 0 || pos < -(lua_Integer)len)
		return 1;
	return len + (size_t)pos + 1;
}

static size_t end_index(lua_State *L, int arg, lua_Integer def, size_t len)
{
	lua_Integer pos = luaL_optinteger(L, arg, def);
	if (pos > (lua_Integer)len)
		return len;
	if (pos >= 0)
		return (size_t)pos;
	if (pos < -(lua_Integer)len)
		return 0;
	return len + (size_t)pos + 1;
}

static bool no_specials(const char *p, size_t l)
{
	size_t upto = 0;
	do {
		const char *special = strpbrk(p + upto, SPECIALS);
		if (special)
			return false;
		upto += strlen(p + upto) + 1;   /* a pattern may contain '\0' */
	} while (upto <= l);
	return true;
}

/* A plain search, charging the bytes it compares. */
static const char *plain_find(lua_State *L, const char *s, size_t ls, const char *p, size_t lp)
{
	if (lp == 0)
		return s;
	if (lp > ls)
		return NULL;
	size_t work = 0;
	const char *end = s + (ls - lp) + 1;
	for (const char *at = s; at < end; at++) {
		at = memchr(at, p[0], (size_t)(end - at));
		if (!at)
			break;
		work += lp;
		if (work >= CHARGE_EVERY * BYTES_PER_STEP) {
			sandbox_charge(L, work / BYTES_PER_STEP);
			work = 0;
		}
		if (memcmp(at, p, lp) == 0)
			return at;
	}
	sandbox_charge(L, work / BYTES_PER_STEP);
	return NULL;
}

static int find_aux(lua_State *L, bool find)
{
	size_t ls, lp;
	const char *s = luaL_checklstring(L, 1, &ls);
	const char *p = luaL_checklstring(L, 2, &lp);
	size_t init = start_index(luaL_optinteger(L, 3, 1), ls) - 1;
	if (init > ls) {
		luaL_pushfail(L);
		return 1;
	}
	if (find && (lua_toboolean(L, 4) || no_specials(p, lp))) {
		const char *hit = plain_find(L, s + init, ls - init, p, lp);
		if (hit) {
			lua_pushinteger(L, (hit - s) + 1);
			lua_pushinteger(L, (lua_Integer)((size_t)(hit - s) + lp));
			return 2;
		}
	} else {
		MatchState ms;
		const char *s1 = s + init;
		bool anchor = *p == '^';
		if (anchor) {
			p++;
			lp--;
		}
		prepare(&ms, L, s, ls, p, lp);
		do {
			restart(&ms);
			const char *res = match(&ms, s1, p);
			if (res) {
				settle(&ms);
				if (find) {
					lua_pushinteger(L, (s1 - s) + 1);
					lua_pushinteger(L, res - s);
					return push_captures(&ms, NULL, 0) + 2;
				}
				return push_captures(&ms, s1, res);
			}
		} while (s1++ < ms.src_end && !anchor);
		settle(&ms);
	}
	luaL_pushfail(L);
	return 1;
}

static int str_find(lua_State *L) { return find_aux(L, true); }
static int str_match(lua_State *L) { return find_aux(L, false); }

typedef struct GMatch {
	const char *src;
	const char *p;
	const char *lastmatch;
	MatchState ms;
} GMatch;

static int gmatch_step(lua_State *L)
{
	GMatch *gm = lua_touserdata(L, lua_upvalueindex(3));
	gm->ms.L = L;
	for (const char *src = gm->src; src <= gm->ms.src_end; src++) {
		restart(&gm->ms);
		const char *e = match(&gm->ms, src, gm->p);
		if (e && e != gm->lastmatch) {
			gm->src = gm->lastmatch = e;
			settle(&gm->ms);
			return push_captures(&gm->ms, src, e);
		}
	}
	settle(&gm->ms);
	return 0;
}

static int str_gmatch(lua_State *L)
{
	size_t ls, lp;
	const char *s = luaL_checklstring(L, 1, &ls);
	const char *p = luaL_checklstring(L, 2, &lp);
	size_t init = start_index(luaL_optinteger(L, 3, 1), ls) - 1;
	lua_settop(L, 2);       /* the closure keeps both strings alive */
	GMatch *gm = lua_newuserdatauv(L, sizeof *gm, 0);
	if (init > ls)
		init = ls + 1;
	prepare(&gm->ms, L, s, ls, p, lp);
	gm->src = s + init;
	gm->p = p;
	gm->lastmatch = NULL;
	lua_pushcclosure(L, gmatch_step, 3);
	return 1;
}

static void add_replacement(MatchState *ms, luaL_Buffer *b, const char *s, const char *e)
{
	lua_State *L = ms->L;
	size_t l;
	const char *news = lua_tolstring(L, 3, &l);
	const char *p;
	step(ms, l / BYTES_PER_STEP + 1);
	while ((p = memchr(news, L_ESC, l)) != NULL) {
		luaL_addlstring(b, news, (size_t)(p - news));
		p++;
		if (*p == L_ESC) {
			luaL_addchar(b, *p);
		} else if (*p == '0') {
			luaL_addlstring(b, s, (size_t)(e - s));
		} else if (isdigit(uc(*p))) {
			const char *cap;
			ptrdiff_t len = get_capture(ms, *p - '1', s, e, &cap);
			if (len == CAP_POSITION)
				luaL_addvalue(b);
			else
				luaL_addlstring(b, cap, (size_t)len);
		} else {
			luaL_error(L, "invalid use of '%c' in replacement string", L_ESC);
		}
		l -= (size_t)(p + 1 - news);
		news = p + 1;
	}
	luaL_addlstring(b, news, l);
}

static bool add_value(MatchState *ms, luaL_Buffer *b, const char *s, const char *e, int tr)
{
	lua_State *L = ms->L;
	if (tr == LUA_TFUNCTION) {
		settle(ms);
		lua_pushvalue(L, 3);
		int n = push_captures(ms, s, e);
		lua_call(L, n, 1);
	} else if (tr == LUA_TTABLE) {
		push_capture(ms, 0, s, e);
		lua_gettable(L, 3);
	} else {
		add_replacement(ms, b, s, e);
		return true;
	}
	if (!lua_toboolean(L, -1)) {    /* nil or false: keep the original */
		lua_pop(L, 1);
		luaL_addlstring(b, s, (size_t)(e - s));
		return false;
	}
	if (!lua_isstring(L, -1))
		luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
	luaL_addvalue(b);
	return true;
}

static int str_gsub(lua_State *L)
{
	size_t srcl, lp;
	const char *src = luaL_checklstring(L, 1, &srcl);
	const char *p = luaL_checklstring(L, 2, &lp);
	const char *lastmatch = NULL;
	int tr = lua_type(L, 3);
	lua_Integer max_s = luaL_optinteger(L, 4, (lua_Integer)srcl + 1);
	bool anchor = *p == '^';
	lua_Integer n = 0;
	bool changed = false;
	MatchState ms;
	luaL_Buffer b;
	luaL_argexpected(L, tr == LUA_TNUMBER || tr == LUA_TSTRING || tr == LUA_TFUNCTION ||
			    tr == LUA_TTABLE, 3, "string/function/table");
	luaL_buffinit(L, &b);
	if (anchor) {
		p++;
		lp--;
	}
	prepare(&ms, L, src, srcl, p, lp);
	while (n < max_s) {
		restart(&ms);
		const char *e = match(&ms, src, p);
		if (e && e != lastmatch) {
			n++;
			changed = add_value(&ms, &b, src, e, tr) || changed;
			src = lastmatch = e;
		} else if (src < ms.src_end) {
			luaL_addchar(&b, *src++);
		} else {
			break;
		}
		if (anchor)
			break;
	}
	settle(&ms);
	if (!changed) {
		lua_pushvalue(L, 1);
	} else {
		luaL_addlstring(&b, src, (size_t)(ms.src_end - src));
		luaL_pushresult(&b);
	}
	lua_pushinteger(L, n);
	return 2;
}

/* ---- rep, byte, format ---- */

static int str_rep(lua_State *L)
{
	size_t l, lsep;
	const char *s = luaL_checklstring(L, 1, &l);
	lua_Integer n = luaL_checkinteger(L, 2);
	const char *sep = luaL_optlstring(L, 3, "", &lsep);
	if (n <= 0 || l + lsep == 0) {  /* Lua itself loops n times making "" */
		lua_pushliteral(L, "");
		return 1;
	}
	size_t limit = sandbox_string_limit(L);
	size_t total = (lua_Unsigned)n > limit + 1 ? limit + 1 : (l + lsep) * (size_t)n - lsep;
	if (total > limit)
		return sandbox_limit(L, "strings in a roadmap are short texts; raise the limit with --limit scalar=N",
				     "string.rep would make a string longer than the limit of %zu bytes", limit);
	luaL_Buffer b;
	char *out = luaL_buffinitsize(L, &b, total);
	for (lua_Integer i = 0; i < n; i++) {
		memcpy(out, s, l);
		out += l;
		if (lsep > 0 && i + 1 < n) {
			memcpy(out, sep, lsep);
			out += lsep;
		}
	}
	luaL_pushresultsize(&b, total);
	return 1;
}

static int str_byte(lua_State *L)
{
	size_t l;
	const char *s = luaL_checklstring(L, 1, &l);
	lua_Integer pi = luaL_optinteger(L, 2, 1);
	size_t pose = end_index(L, 3, pi, l);
	size_t posi = start_index(pi, l);
	if (posi > pose)
		return 0;
	size_t n = pose - posi + 1;
	if (n > MAX_RESULTS)
		return luaL_error(L, "string slice too long (at most %d values)", MAX_RESULTS);
	sandbox_charge(L, n);
	luaL_checkstack(L, (int)n, "string slice too long");
	for (size_t i = 0; i < n; i++)
		lua_pushinteger(L, uc(s[posi + i - 1]));
	return (int)n;
}

static int str_format(lua_State *L)
{
	size_t len;
	const char *f = luaL_checklstring(L, 1, &len);
	int top = lua_gettop(L), arg = 1;
	for (size_t i = 0; i < len; i++) {
		if (f[i] != L_ESC)
			continue;
		if (++i >= len || f[i] == L_ESC)
			continue;
		arg++;
		while (i < len && strchr("-+ #0123456789.", f[i]) && f[i] != '\0')
			i++;
		if (i >= len)
			break;
		if (f[i] == 'p')
			return luaL_error(L, "bad argument #%d to 'format' (%%p shows an address, "
					     "which differs on every run)", arg);
		if (f[i] == 's' && arg <= top && !lua_isstring(L, arg)) {
			sandbox_tostring(L, arg);
			lua_replace(L, arg);
		}
	}
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	return sandbox_call_original(L, top, 1, "format");
}

void sandbox_open_string(lua_State *L)
{
	static const luaL_Reg own[] = {
		{ "find", str_find }, { "match", str_match }, { "gmatch", str_gmatch },
		{ "gsub", str_gsub }, { "rep", str_rep }, { "byte", str_byte },
		{ NULL, NULL }
	};
	static const char *const removed[] = { "dump", "pack", "packsize", "unpack", NULL };
	lua_getglobal(L, "string");
	luaL_setfuncs(L, own, 0);
	for (const char *const *r = removed; *r; r++) {
		lua_pushnil(L);
		lua_setfield(L, -2, *r);
	}
	lua_getfield(L, -1, "format");
	lua_pushcclosure(L, str_format, 1);
	lua_setfield(L, -2, "format");
	lua_pop(L, 1);
}
