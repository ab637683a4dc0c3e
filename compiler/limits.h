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
	size_t max_errors;      /* structural errors reported for one file */
} Limits;

#define LIMITS_DEFAULT_DEPTH 64
#define LIMITS_DEFAULT_ALIAS_NODES 10000
#define LIMITS_DEFAULT_FILE_SIZE (8u * 1024 * 1024)
#define LIMITS_DEFAULT_SCALAR_LEN (64u * 1024)
#define LIMITS_DEFAULT_NODES 1000000
#define LIMITS_DEFAULT_ERRORS 1000

static inline Limits limits_default(void)
{
	Limits l = { LIMITS_DEFAULT_DEPTH, LIMITS_DEFAULT_ALIAS_NODES, LIMITS_DEFAULT_FILE_SIZE,
		     LIMITS_DEFAULT_SCALAR_LEN, LIMITS_DEFAULT_NODES, LIMITS_DEFAULT_ERRORS };
	return l;
}

#endif
