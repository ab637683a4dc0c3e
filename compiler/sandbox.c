/* sandbox.c - a fresh Lua state per run: budgets, errors, reporting.
 *
 * Source layer; see sandbox.h for what the sandbox allows. This file owns
 * the state's life (sandbox_run creates it, runs the caller's work in
 * protected mode and closes it), the three budgets and how a failure
 * becomes a diagnostic:
 *   - instructions: a count hook adds HOOK_EVERY per call, the allocator
 *     adds a step per ALLOC_BYTES_PER_STEP bytes, and the replaced library
 *     functions charge their loops (sandbox_charge). Once exceeded, the
 *     hook fires on every instruction and raises again, so neither a pcall
 *     nor a __close handler can keep the run alive;
 *   - memory: the allocator refuses growth past the budget, and refuses
 *     any string longer than the `scalar` limit; Lua then raises a memory
 *     error, which the sandbox's pcall passes on;
 *   - CPU time, read at every hook call and every charge: the backstop
 *     for work an instruction does not measure (comparing long strings).
 * The error's line is that of the innermost call from the run's file, found
 * by the message handler (or by the allocator, for memory errors, which
 * Lua raises without calling the handler). */
#include "sandbox.h"

#include <lauxlib.h>
#include <lua.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define HOOK_EVERY 1000                 /* instructions between hook calls */
#define ALLOC_BYTES_PER_STEP 32         /* allocating this much costs a step */
#define STRING_HEADER 64                /* at least Lua's string header, in bytes */
#define MESSAGE_MAX 300                 /* bytes of a Lua message kept in a diagnostic */
/* Steps between readings of the CPU clock: reading it is a system call,
 * too dear for every charge, and a step is about 5 ns. */
#define CLOCK_EVERY 100000

typedef enum Refusal { REFUSED_NONE, REFUSED_MEMORY, REFUSED_STRING } Refusal;

typedef struct Sandbox {
	const SandboxRun *run;
	lua_State *L;                   /* NULL while the state is being made */
	char chunkname[64];             /* "=NAME": how Lua names the file in messages */
	size_t mem_used, mem_limit, string_limit;
	unsigned long long steps, step_limit, next_clock;
	double cpu_start, cpu_budget;   /* seconds */
	/* A budget was exceeded: the run ends with this diagnostic. */
	bool aborted;
	char fail_message[MESSAGE_MAX + 64];
	char fail_help[160];
	int fail_line;
	/* The last allocation refused, for the memory error it causes. */
	Refusal refused;
	size_t refused_size;
	int refused_line;
	/* The help line for the last sandbox_error, and its message. */
	char help_for[MESSAGE_MAX + 64];
	char help[160];
	int error_line;                 /* from the message handler */
	SandboxOrderFn order;
} Sandbox;

static Sandbox *sandbox_of(lua_State *L)
{
	void *ud;
	lua_getallocf(L, &ud);
	return ud;
}

static double cpu_seconds(void)
{
	struct timespec ts;
	if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
		return 0;
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- where the file is running ---- */

static int running_line(Sandbox *sb, lua_State *L)
{
	lua_Debug ar;
	for (int level = 0; lua_getstack(L, level, &ar); level++) {
		if (!lua_getinfo(L, "Sl", &ar))
			break;
		if (ar.currentline > 0 && strcmp(ar.source, sb->chunkname) == 0)
			return ar.currentline;
	}
	return 0;
}

int sandbox_line(lua_State *L)
{
	return running_line(sandbox_of(L), L);
}

const SrcFile *sandbox_file(lua_State *L)
{
	return sandbox_of(L)->run->file;
}

size_t sandbox_string_limit(lua_State *L)
{
	return sandbox_of(L)->run->limits->max_scalar_len;
}

bool sandbox_aborted(lua_State *L)
{
	return sandbox_of(L)->aborted;
}

void sandbox_set_order(lua_State *L, SandboxOrderFn fn)
{
	sandbox_of(L)->order = fn;
}

bool sandbox_order_of(lua_State *L, int idx, unsigned long long *key)
{
	Sandbox *sb = sandbox_of(L);
	return sb->order && sb->order(L, idx, key);
}

/* ---- the allocator: the memory budget ---- */

static void *sandbox_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	Sandbox *sb = ud;
	size_t old = ptr ? osize : 0;   /* with no block, osize is the object's type */
	if (nsize == 0) {
		free(ptr);
		sb->mem_used -= old;
		return NULL;
	}
	if (nsize > old) {              /* a shrink never fails */
		Refusal why = REFUSED_NONE;
		if (!ptr && osize == LUA_TSTRING && nsize > sb->string_limit + STRING_HEADER)
			why = REFUSED_STRING;
		else if (sb->mem_used - old + nsize > sb->mem_limit)
			why = REFUSED_MEMORY;
		if (why != REFUSED_NONE) {
			/* Lua collects garbage and asks again before it raises, so
			 * this is only noted; the memory error reports it. */
			sb->refused = why;
			sb->refused_size = nsize;
			sb->refused_line = sb->L ? running_line(sb, sb->L) : 0;
			return NULL;
		}
		sb->steps += (nsize - old) / ALLOC_BYTES_PER_STEP;
	}
	void *p = realloc(ptr, nsize);
	if (!p)
		return NULL;
	sb->mem_used = sb->mem_used - old + nsize;
	return p;
}

/* ---- ending a run ---- */

/* Ends the run: records the diagnostic, makes the hook fire on every
 * instruction so that nothing runs on, and raises. */
static int abort_run(lua_State *L, Sandbox *sb, int line, const char *help, const char *fmt, va_list ap)
	PRINTF_LIKE(5, 0);

static void count_hook(lua_State *L, lua_Debug *ar);

static int abort_run(lua_State *L, Sandbox *sb, int line, const char *help, const char *fmt, va_list ap)
{
	if (!sb->aborted) {
		sb->aborted = true;
		vsnprintf(sb->fail_message, sizeof sb->fail_message, fmt, ap);
		snprintf(sb->fail_help, sizeof sb->fail_help, "%s", help ? help : "");
		sb->fail_line = line;
		lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);
	}
	lua_pushstring(L, sb->fail_message);
	return lua_error(L);
}

static int abort_at(lua_State *L, Sandbox *sb, int line, const char *help, const char *fmt, ...)
	PRINTF_LIKE(5, 6);

static int abort_at(lua_State *L, Sandbox *sb, int line, const char *help, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	abort_run(L, sb, line, help, fmt, ap);
	va_end(ap);
	return 0;
}

int sandbox_limit(lua_State *L, const char *help, const char *fmt, ...)
{
	Sandbox *sb = sandbox_of(L);
	va_list ap;
	va_start(ap, fmt);
	abort_run(L, sb, running_line(sb, L), help, fmt, ap);
	va_end(ap);
	return 0;
}

int sandbox_error(lua_State *L, const char *help, const char *fmt, ...)
{
	Sandbox *sb = sandbox_of(L);
	va_list ap;
	va_start(ap, fmt);
	luaL_where(L, 1);
	lua_pushvfstring(L, fmt, ap);
	va_end(ap);
	lua_concat(L, 2);
	snprintf(sb->help_for, sizeof sb->help_for, "%s", lua_tostring(L, -1));
	snprintf(sb->help, sizeof sb->help, "%s", help ? help : "");
	return lua_error(L);
}

int sandbox_memory_error(lua_State *L)
{
	Sandbox *sb = sandbox_of(L);
	if (sb->refused == REFUSED_STRING)
		return abort_at(L, sb, sb->refused_line, "strings in a roadmap are short texts; raise the limit with --limit scalar=N",
				"a string of about %zu bytes is longer than the limit of %zu bytes",
				sb->refused_size > STRING_HEADER ? sb->refused_size - STRING_HEADER : sb->refused_size,
				sb->run->limits->max_scalar_len);
	if (sb->refused == REFUSED_MEMORY)
		return abort_at(L, sb, sb->refused_line, "raise the limit with --limit lua-memory=BYTES",
				"the Lua code needs more than %zu bytes of memory", sb->mem_limit);
	return abort_at(L, sb, running_line(sb, L), NULL, "the machine ran out of memory running the Lua code");
}

/* Raises when a budget is exceeded (or was: then on every instruction). */
static void check_budgets(lua_State *L, Sandbox *sb)
{
	if (sb->aborted) {
		lua_pushstring(L, sb->fail_message);
		lua_error(L);
	}
	if (sb->steps > sb->step_limit)
		abort_at(L, sb, running_line(sb, L),
			 "an endless loop? If the work is real, raise the limit with --limit lua-instructions=N",
			 "the Lua code of this file ran more than %llu instructions",
			 (unsigned long long)sb->run->limits->max_lua_steps);
	if (sb->steps < sb->next_clock)
		return;
	sb->next_clock = sb->steps + CLOCK_EVERY;
	if (cpu_seconds() - sb->cpu_start > sb->cpu_budget)
		abort_at(L, sb, running_line(sb, L), "raise the limit with --limit lua-seconds=N",
			 "the Lua code of this file ran for more than %zu second%s",
			 sb->run->limits->max_lua_seconds, sb->run->limits->max_lua_seconds == 1 ? "" : "s");
}

static void count_hook(lua_State *L, lua_Debug *ar)
{
	(void)ar;
	Sandbox *sb = sandbox_of(L);
	sb->steps += HOOK_EVERY;
	check_budgets(L, sb);
}

void sandbox_charge(lua_State *L, size_t work)
{
	Sandbox *sb = sandbox_of(L);
	sb->steps += work;
	check_budgets(L, sb);
}

/* The message handler: notes the line before the stack unwinds. */
static int message_handler(lua_State *L)
{
	Sandbox *sb = sandbox_of(L);
	sb->error_line = running_line(sb, L);
	return 1;
}

/* ---- loading the file ---- */

typedef struct Reader {
	const char *text;
	size_t len;
	bool comment_first;     /* the first line starts with '#': prefix "--" */
} Reader;

static const char *read_chunk(lua_State *L, void *ud, size_t *size)
{
	(void)L;
	Reader *r = ud;
	if (r->comment_first) {
		r->comment_first = false;
		*size = 2;
		return "--";
	}
	*size = r->len;
	r->len = 0;
	return *size ? r->text : NULL;
}

void sandbox_load(lua_State *L)
{
	Sandbox *sb = sandbox_of(L);
	const SrcFile *sf = sb->run->file;
	Reader r = { sf->text, sf->len, false };
	if (r.len >= 3 && memcmp(r.text, "\xEF\xBB\xBF", 3) == 0) {
		r.text += 3;
		r.len -= 3;
	}
	r.comment_first = r.len > 0 && r.text[0] == '#';
	int status = lua_load(L, read_chunk, &r, sb->chunkname, "t");
	if (status == LUA_ERRMEM)
		sandbox_memory_error(L);
	else if (status != LUA_OK)
		lua_error(L);
}

/* ---- reporting a failure ---- */

/* Copies at most 'max' bytes of 's' into 'out', not cutting a character. */
static void copy_message(char *out, size_t size, const char *s, size_t len, size_t max)
{
	if (len > max) {
		len = max;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	if (len >= size)
		len = size - 1;
	memcpy(out, s, len);
	out[len] = '\0';
	if (len == max)
		snprintf(out + len, size - len, "...");
}

/* The message of a Lua error object, without the "NAME:LINE: " Lua puts in
 * front when it is the file's; that line goes to '*line'. */
static void error_text(Sandbox *sb, lua_State *L, char *out, size_t size, int *line)
{
	int t = lua_type(L, -1);
	if (t == LUA_TNUMBER) {
		if (lua_isinteger(L, -1))
			snprintf(out, size, "%lld", (long long)lua_tointeger(L, -1));
		else
			snprintf(out, size, "%.14g", lua_tonumber(L, -1));
		return;
	}
	if (t != LUA_TSTRING) {
		/* A table's __tostring is the user's code: never run it here. */
		snprintf(out, size, "an error with a %s value instead of a message", lua_typename(L, t));
		return;
	}
	size_t len;
	const char *s = lua_tolstring(L, -1, &len);
	const char *name = sb->chunkname + 1;
	size_t nlen = strlen(name);
	if (len > nlen + 2 && memcmp(s, name, nlen) == 0 && s[nlen] == ':' &&
	    s[nlen + 1] >= '0' && s[nlen + 1] <= '9') {
		const char *p = s + nlen + 1;
		long n = 0;
		while (*p >= '0' && *p <= '9' && n < 100000000)
			n = n * 10 + (*p++ - '0');
		if (p[0] == ':' && p[1] == ' ') {
			*line = (int)n;
			len -= (size_t)(p + 2 - s);
			s = p + 2;
		}
	}
	copy_message(out, size, s, len, MESSAGE_MAX);
}

/* The column of what a message names on its line: the token of a syntax
 * error ("near 'x'"), else the last quoted name ("unknown name 'stge'",
 * "(global 'x')"); 0 when it is not on the line. Its length in characters
 * goes to '*len'. */
static int named_column(const SrcFile *sf, int line, const char *msg, int *len)
{
	const char *name = strstr(msg, " near '"), *end = NULL;
	if (name) {
		name += 7;
		end = strrchr(name, '\'');
	} else if ((end = strrchr(msg, '\'')) != NULL && end > msg) {
		name = end - 1;
		while (name > msg && name[-1] != '\'')
			name--;
		if (name == msg)
			return 0;
	}
	size_t n, tlen = name && end && end > name ? (size_t)(end - name) : 0;
	const char *text = srcfile_line(sf, line, &n);
	if (!text || tlen == 0 || tlen > n)
		return 0;
	for (size_t i = 0; i + tlen <= n; i++) {
		if (memcmp(text + i, name, tlen) == 0) {
			*len = utf8_count(name, tlen);
			return utf8_count(text, i) + 1;
		}
	}
	return 0;
}

static void report_failure(Sandbox *sb, lua_State *L, int status)
{
	const SandboxRun *run = sb->run;
	char msg[MESSAGE_MAX + 64];
	const char *check = "lua-error", *help = NULL;
	int line = 0;
	if (status == LUA_ERRMEM && !sb->aborted) {
		/* Raised outside any pcall of the sandbox: make it the limit. */
		lua_pushcfunction(L, sandbox_memory_error);
		lua_pcall(L, 0, 0, 0);
	}
	if (sb->aborted) {
		check = "limit-exceeded";
		snprintf(msg, sizeof msg, "%s", sb->fail_message);
		help = sb->fail_help[0] ? sb->fail_help : NULL;
		line = sb->fail_line;
	} else {
		line = sb->error_line;
		error_text(sb, L, msg, sizeof msg, &line);
		if (sb->help[0] && lua_type(L, -1) == LUA_TSTRING &&
		    strcmp(lua_tostring(L, -1), sb->help_for) == 0)
			help = sb->help;
	}
	SrcLoc loc = run->origin;
	if (line > 0 && (size_t)line <= run->file->nlines) {
		loc.src = run->file;
		loc.line = line;
		loc.len = 0;
		loc.col = named_column(run->file, line, msg, &loc.len);
	}
	Diag *d = run->what ? diag_report(run->dl, loc, SEV_ERROR, check, "%s: %s", run->what, msg)
			    : diag_report(run->dl, loc, SEV_ERROR, check, "%s", msg);
	if (help)
		diag_help(run->dl, d, "%s", help);
}

/* ---- a run ---- */

typedef struct Work {
	SandboxFn fn;
	void *ud;
} Work;

static int protected_main(lua_State *L)
{
	Work *w = lua_touserdata(L, 1);
	lua_settop(L, 0);
	sandbox_open_libs(L);
	w->fn(L, w->ud);
	return 0;
}

/* A name for the file in Lua's messages: its base name, short enough that
 * Lua never abbreviates it, so error_text() can take it off again. */
static void make_chunkname(Sandbox *sb, const SrcFile *sf)
{
	const char *base = strrchr(sf->path, '/');
	base = base ? base + 1 : sf->path;
	snprintf(sb->chunkname, sizeof sb->chunkname, "=%.40s", base);
	for (char *p = sb->chunkname + 1; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == ':')
			*p = '_';
}

int sandbox_run(const SandboxRun *run, SandboxFn fn, void *ud)
{
	Sandbox sb;
	memset(&sb, 0, sizeof sb);
	sb.run = run;
	make_chunkname(&sb, run->file);
	const Limits *lim = run->limits;
	sb.mem_limit = lim->max_lua_memory;
	sb.string_limit = lim->max_scalar_len;
	sb.steps = run->usage->steps;
	sb.step_limit = lim->max_lua_steps;
	sb.cpu_budget = (double)lim->max_lua_seconds - run->usage->seconds;
	sb.cpu_start = cpu_seconds();

	if (sb.steps >= sb.step_limit || sb.cpu_budget <= 0) {
		/* Spent by the runs before this one: do not start another. */
		Diag *d = diag_report(run->dl, run->origin, SEV_ERROR, "limit-exceeded",
				      "%s%snot run: the Lua code of this file has used up its %s",
				      run->what ? run->what : "", run->what ? " was " : "",
				      sb.cpu_budget <= 0 ? "CPU time" : "instructions");
		diag_help(run->dl, d, "fix what used it up first (see the error before), or raise the "
				      "limit with --limit %s=N", sb.cpu_budget <= 0 ? "lua-seconds" : "lua-instructions");
		return -1;
	}
	lua_State *L = lua_newstate(sandbox_alloc, &sb);
	if (!L) {
		Diag *d = diag_report(run->dl, run->origin, SEV_ERROR, "limit-exceeded",
				      "%s%sthe Lua memory limit of %zu bytes is too small to start Lua",
				      run->what ? run->what : "", run->what ? ": " : "", sb.mem_limit);
		diag_help(run->dl, d, "raise the limit with --limit lua-memory=BYTES");
		return -1;
	}
	sb.L = L;
	lua_sethook(L, count_hook, LUA_MASKCOUNT, HOOK_EVERY);
	Work w = { fn, ud };
	lua_pushcfunction(L, message_handler);
	lua_pushcfunction(L, protected_main);
	lua_pushlightuserdata(L, &w);
	int status = lua_pcall(L, 1, 0, 1);
	if (status != LUA_OK)
		report_failure(&sb, L, status);
	run->usage->steps = sb.steps;
	run->usage->seconds += cpu_seconds() - sb.cpu_start;
	lua_close(L);
	return status == LUA_OK ? 0 : -1;
}
