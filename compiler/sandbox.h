/* sandbox.h - untrusted Lua, run in a fresh state with budgets.
 *
 * Source layer, under the Lua front end (front_lua.c) and the rule runner
 * (check_rules.c). Roadmap and rule files arrive in pull requests nobody
 * has vetted, so every Lua run gets a state of its own, made and closed
 * inside sandbox_run(), that can reach nothing on the machine:
 *   - only the base, string, table, math and utf8 libraries, without
 *     dofile, loadfile, print, warn, collectgarbage, xpcall, string.dump
 *     and string.pack; `load` takes text only, in the sandbox's globals;
 *   - an instruction budget (a count hook that escalates to every
 *     instruction once exceeded, and a `pcall` that cannot swallow it); the
 *     library functions that loop in C without the hook firing (patterns,
 *     string.rep, sort, concat, unpack, ...) are replaced by versions that
 *     count their work against the same budget (sandbox_lib.c,
 *     sandbox_string.c), and so does every byte allocated;
 *   - a memory budget (the allocator), and a cap on the length of any one
 *     string (the `scalar` limit);
 *   - a CPU-time backstop for work that instructions do not measure;
 *   - no finalizers (`setmetatable` refuses `__gc`), a hidden string
 *     metatable, no coroutines, and no way to see addresses, hash order or
 *     a random seed: `pairs`, `next`, `tostring`, `string.format`,
 *     `table.sort` and `math.random` give the same results on every run.
 * The budgets of one input file are shared by all its runs (the file
 * itself, then each rule checked on it) through a SandboxUsage (limits.h).
 * A failure (a Lua error, a budget exceeded) becomes one diagnostic at the
 * line of the file that was running. */
#ifndef ROADMAPC_SANDBOX_H
#define ROADMAPC_SANDBOX_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "limits.h"
#include "srcfile.h"

typedef struct lua_State lua_State;

/* The work of one run, called in protected mode with the libraries open:
 * it may raise Lua errors, which sandbox_run() reports. */
typedef void (*SandboxFn)(lua_State *L, void *ud);

/* One run: 'file' is the Lua file it executes (with sandbox_load); a
 * failure is reported in 'dl' at the line of 'file' that was running, or at
 * 'origin' when none was; 'what' ("rule 'x'") starts the message, or NULL. */
typedef struct SandboxRun {
	const SrcFile *file;
	const Limits *limits;
	SandboxUsage *usage;    /* what earlier runs for the same input used; updated */
	DiagList *dl;
	SrcLoc origin;
	const char *what;
} SandboxRun;

/* Creates a sandboxed state, runs 'fn' in it, reports any failure, and
 * closes the state. Returns 0, or -1 after reporting. */
int sandbox_run(const SandboxRun *run, SandboxFn fn, void *ud);

/* ---- inside a run ---- */

/* Loads the run's file as a chunk (text only) and pushes it as a function;
 * raises on a syntax error. A first line starting with '#' is a comment,
 * and a UTF-8 byte order mark is skipped, as the lua command does. */
void sandbox_load(lua_State *L);

/* The run's file. */
const SrcFile *sandbox_file(lua_State *L);

/* The line of the run's file that is executing now (the innermost call
 * from the file), or 0. */
int sandbox_line(lua_State *L);

/* Counts 'work' steps of library work against the instruction budget, and
 * checks the budgets; raises when one is exceeded. */
void sandbox_charge(lua_State *L, size_t work);

/* Raises a Lua error ("lua-error") with 'help' (or NULL) as its help line.
 * Returns only in the sense lua_error does: use `return sandbox_error(...)`. */
int sandbox_error(lua_State *L, const char *help, const char *fmt, ...) PRINTF_LIKE(3, 4);

/* Ends the run with a `limit-exceeded` error that no pcall can catch. */
int sandbox_limit(lua_State *L, const char *help, const char *fmt, ...) PRINTF_LIKE(3, 4);

/* The byte limit of one string: the `scalar` limit. */
size_t sandbox_string_limit(lua_State *L);

/* Orders userdata that a run gives out (the rule view's items), so that
 * `pairs` over a table keyed by them has a fixed order: fills '*key' and
 * returns true for such a value at 'idx'. */
typedef bool (*SandboxOrderFn)(lua_State *L, int idx, unsigned long long *key);
void sandbox_set_order(lua_State *L, SandboxOrderFn fn);
bool sandbox_order_of(lua_State *L, int idx, unsigned long long *key);

/* ---- between the sandbox's own files ---- */

/* sandbox_lib.c: opens the libraries a run may use, with the replacements
 * described above. */
void sandbox_open_libs(lua_State *L);

/* sandbox_string.c: replaces the string functions that loop in C. */
void sandbox_open_string(lua_State *L);

/* Pushes the text `tostring` gives for the value at 'idx': a table,
 * function or userdata without __tostring shows only its type, never its
 * address. */
void sandbox_tostring(lua_State *L, int idx);

/* Calls the library function below the arguments (a replaced original)
 * with 'nargs' arguments; its errors name it 'name' rather than '?'. */
int sandbox_call_original(lua_State *L, int nargs, int nresults, const char *name);

/* Raises the error for an allocation the memory or string budget refused,
 * or for the machine's memory running out (a LUA_ERRMEM status). */
int sandbox_memory_error(lua_State *L);

/* True once a budget is exceeded: the run is ending, and `pcall` must pass
 * the error on. */
bool sandbox_aborted(lua_State *L);

#endif
