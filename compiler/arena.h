/* arena.h - the bump allocator that owns one compilation.
 *
 * Every model object, node and string made while compiling a file comes from
 * one Arena and lives until arena_free(). Nothing allocated here is freed on
 * its own, which keeps ownership trivial: "valid until the arena is freed". */
#ifndef ROADMAPC_ARENA_H
#define ROADMAPC_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct ArenaBlock ArenaBlock;

typedef struct ArenaAdopted ArenaAdopted;

typedef struct Arena {
	ArenaBlock *head;
	size_t total;          /* bytes handed out, for limits and statistics */
	ArenaAdopted *adopted; /* malloc'ed buffers freed with the arena */
} Arena;

void arena_init(Arena *a);
void arena_free(Arena *a);

/* Takes ownership of 'p' (from malloc): it is freed with the arena. */
void arena_adopt(Arena *a, void *p);

/* Zeroed, suitably aligned memory. */
void *arena_alloc(Arena *a, size_t size);
char *arena_strdup(Arena *a, const char *s);
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_printf(Arena *a, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
char *arena_vprintf(Arena *a, const char *fmt, va_list ap)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 0)))
#endif
	;

/* Grows an arena array of 'elem' sized items to hold at least 'need' items.
 * The old storage is abandoned (it is reclaimed with the arena), so the total
 * waste is bounded by the final size. Returns the (possibly moved) array. */
void *arena_grow(Arena *a, void *items, size_t elem, size_t *cap, size_t need);

/* Appends 'item' to the arena vector (items, n, cap) of element type T. */
#define ARENA_PUSH(arena, items, n, cap, item)                                      \
	do {                                                                        \
		if ((n) >= (cap))                                                   \
			(items) = arena_grow((arena), (items), sizeof *(items), &(cap), \
					     (n) + 1);                              \
		(items)[(n)++] = (item);                                            \
	} while (0)

#endif
