/* registry.h - the checks a run knows: built in, and defined at run time.
 *
 * Model layer. The built-in checks are static rows (check.c); Lua rules are
 * defined while a run loads its files (`--rules`, `rules:` modules, a
 * roadmap's own `rule` calls). A CheckRegistry holds both, so a rule's
 * name is valid in `-W`, `checks:` and `ignore:` exactly like a built-in
 * one: resolve.c validates the names a roadmap uses against the registry of
 * its unit, and the driver validates `-W` once every file is loaded. Rows
 * are not copied: they must outlive the registry (static, or in an arena). */
#ifndef ROADMAPC_REGISTRY_H
#define ROADMAPC_REGISTRY_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "limits.h"
#include "model.h"
#include "strmap.h"

typedef struct CheckCtx CheckCtx;
typedef void (*CheckFn)(CheckCtx *ctx);

typedef struct CheckInfo {
	const char *name;
	Severity default_severity;
	bool structural;        /* always an error, cannot be turned off or ignored */
	CheckFn fn;             /* NULL for structural checks (the front end reports them) */
	/* For checks defined at run time: what `list-checks` and `explain`
	 * say, and where it was defined. Built-in checks leave them NULL: their
	 * documentation is docs/checks.md, embedded (check_doc.c). */
	const char *summary;
	const char *description;
	SrcLoc loc;
	const void *data;       /* the defining front end's own data (a rule) */
} CheckInfo;

/* A `-W CHECK=SEVERITY` from the command line; wins over the file's `checks:`. */
typedef struct CheckOverride {
	const char *check;
	Severity severity;
} CheckOverride;

typedef struct CheckConfig {
	const CheckOverride *overrides;
	size_t noverrides;
	long today;             /* days since 1970-01-01, for content-stale */
	/* For Lua rules: the run's limits, and what the input's Lua has used
	 * of its budgets so far (NULL: the defaults, and a fresh budget). */
	const Limits *limits;
	SandboxUsage *lua_usage;
} CheckConfig;

typedef struct CheckRegistry {
	Arena *arena;
	const CheckInfo **items;        /* in registration order: the order checks run */
	size_t n, cap;
	StrMap names;                   /* name -> CheckInfo */
} CheckRegistry;

void registry_init(CheckRegistry *reg, Arena *a);

/* Adds 'ci'; returns the row already registered under its name (and adds
 * nothing), or NULL. */
const CheckInfo *registry_add(CheckRegistry *reg, const CheckInfo *ci);

/* Adds every row of 'src' to 'dst' (a unit's registry starts as the run's). */
void registry_add_all(CheckRegistry *dst, const CheckRegistry *src);

/* The position of 'ci' in the registration order ('ci' must be registered). */
size_t registry_position(const CheckRegistry *reg, const CheckInfo *ci);

/* The row called 'name', or NULL. */
const CheckInfo *registry_find(const CheckRegistry *reg, const char *name);

/* The registered name closest to 'name' (structural checks only when
 * 'structural'), or NULL. */
const char *registry_suggest(const CheckRegistry *reg, const char *name, bool structural);

/* The severity 'check' has in 'rm' under 'cfg': the `-W` override (the last
 * one wins), else the file's `checks:` entry, else the default, which for
 * `concern-unaddressed` is `error` in a `category: complex` roadmap.
 * Structural checks are always SEV_ERROR. 'cfg' may be NULL. */
Severity registry_severity(const CheckInfo *check, const Roadmap *rm, const CheckConfig *cfg);

#endif
