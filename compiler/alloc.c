/* alloc.c - aborting allocation wrappers, failure injection, the internal-error reporter. */
#include "alloc.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void (*failure_handler)(void);

void alloc_on_failure(void (*handler)(void))
{
	failure_handler = handler;
}

void alloc_out_of_memory(size_t size)
{
	if (failure_handler)
		failure_handler();
	fprintf(stderr, "roadmapc: internal error: out of memory allocating %zu bytes\n", size);
	abort();
}

#ifdef ROADMAPC_ALLOC_DEBUG
/* True for the allocation ROADMAPC_FAIL_ALLOC names (counted from 1). */
static bool injected_failure(void)
{
	static unsigned long long fail_at, count;
	static bool ready;
	if (!ready) {
		const char *s = getenv("ROADMAPC_FAIL_ALLOC");
		fail_at = s ? strtoull(s, NULL, 10) : 0;
		ready = true;
	}
	return fail_at && ++count == fail_at;
}
#else
static bool injected_failure(void) { return false; }
#endif

void *xmalloc(size_t size)
{
	void *p = injected_failure() ? NULL : malloc(size ? size : 1);
	if (!p)
		alloc_out_of_memory(size);
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = injected_failure() ? NULL : calloc(count ? count : 1, size ? size : 1);
	if (!p)
		alloc_out_of_memory(count * size);
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = injected_failure() ? NULL : realloc(ptr, size ? size : 1);
	if (!p)
		alloc_out_of_memory(size);
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n), s, n);
}

void die_at(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "roadmapc: internal error (%s:%d): ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
	abort();
}
