/* alloc.h - allocation that cannot fail, and loud internal errors.
 *
 * Every heap allocation outside the arena goes through these wrappers: running
 * out of memory is an internal error, not a user error, so they abort with a
 * message instead of returning NULL. die() and ASSERT() are for broken
 * invariants only; user mistakes are reported as diagnostics (diag.h). */
#ifndef ROADMAPC_ALLOC_H
#define ROADMAPC_ALLOC_H

#include <stddef.h>

#if defined(__GNUC__)
#define NORETURN __attribute__((noreturn))
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define NORETURN
#define PRINTF_LIKE(f, a)
#endif

/* What running out of memory does: by default print a message and abort;
 * main.c installs a handler that exits with status 2 instead (a full
 * machine is not a crash). The handler must not return. */
void alloc_on_failure(void (*handler)(void));

/* Running out of memory outside these wrappers (a library reporting that
 * its own malloc failed) takes the same way out. */
NORETURN void alloc_out_of_memory(size_t size);

/* Failure injection, in builds compiled with ROADMAPC_ALLOC_DEBUG (the
 * sanitizer tree): the environment variable ROADMAPC_FAIL_ALLOC=N makes
 * the Nth allocation through these wrappers fail, as if memory had run
 * out, so that tests can walk every N of a run and see each one end
 * cleanly. Elsewhere the variable is ignored. */

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);

/* Prints "roadmapc: internal error: ..." with the C source position and aborts. */
NORETURN PRINTF_LIKE(3, 4) void die_at(const char *file, int line, const char *fmt, ...);

#define die(...) die_at(__FILE__, __LINE__, __VA_ARGS__)
#define ASSERT(cond) ((cond) ? (void)0 : die("assertion failed: %s", #cond))
#define UNREACHABLE() die("unreachable code reached")

#endif
