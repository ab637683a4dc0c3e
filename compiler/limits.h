/* limits.h - resource limits on untrusted input, shared by the front ends.
 *
 * Roadmap files may come from untrusted pull requests, so every dimension a
 * hostile file could blow up is bounded. Exceeding one is a `limit-exceeded`
 * error at the place it happened; each limit is settable (`--limit NAME=N`). */
#ifndef ROADMAPC_LIMITS_H
#define ROADMAPC_LIMITS_H

#include <stddef.h>

typedef struct Limits {
	size_t max_depth;       /* nesting of maps and lists */
	size_t max_alias_nodes; /* nodes reachable again through aliases, in total */
	size_t max_file_size;   /* bytes */
	size_t max_scalar_len;  /* bytes in one scalar */
	size_t max_nodes;       /* nodes in one file */
	/* Lua (sandbox.h): every Lua run made for one input file (the file
	 * itself, and each rule checked on it) shares the instruction and
	 * time budgets; the memory budget holds for each Lua state. */
	size_t max_lua_steps;   /* VM instructions, and library work counted as such */
	size_t max_lua_memory;  /* bytes one Lua state may hold */
	size_t max_lua_seconds; /* CPU seconds, a backstop for what instructions miss */
	size_t max_rule_findings;  /* findings one Lua rule may report on one roadmap */
	size_t max_errors;      /* structural errors reported for one file */
} Limits;

#define LIMITS_DEFAULT_DEPTH 64
#define LIMITS_DEFAULT_ALIAS_NODES 10000
#define LIMITS_DEFAULT_FILE_SIZE (8u * 1024 * 1024)
#define LIMITS_DEFAULT_SCALAR_LEN (64u * 1024)
#define LIMITS_DEFAULT_NODES 1000000
#define LIMITS_DEFAULT_LUA_STEPS 100000000u
#define LIMITS_DEFAULT_LUA_MEMORY (64u * 1024 * 1024)
#define LIMITS_DEFAULT_LUA_SECONDS 5
#define LIMITS_DEFAULT_RULE_FINDINGS 10000
#define LIMITS_DEFAULT_ERRORS 1000

static inline Limits limits_default(void)
{
	Limits l = { LIMITS_DEFAULT_DEPTH, LIMITS_DEFAULT_ALIAS_NODES, LIMITS_DEFAULT_FILE_SIZE,
		     LIMITS_DEFAULT_SCALAR_LEN, LIMITS_DEFAULT_NODES, LIMITS_DEFAULT_LUA_STEPS,
		     LIMITS_DEFAULT_LUA_MEMORY, LIMITS_DEFAULT_LUA_SECONDS, LIMITS_DEFAULT_RULE_FINDINGS,
		     LIMITS_DEFAULT_ERRORS };
	return l;
}

/* What the Lua code of one input has used so far, against the budgets
 * above: the front end's run starts it, each rule run adds to it. */
typedef struct SandboxUsage {
	unsigned long long steps;
	double seconds;
} SandboxUsage;

#endif
