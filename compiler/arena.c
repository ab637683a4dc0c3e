/* arena.c - bump allocation in chained blocks; see arena.h for the contract. */
#include "arena.h"
#include "alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK_SIZE (64 * 1024)
#define ARENA_ALIGN 16

struct ArenaBlock {
	ArenaBlock *next;
	size_t used, size;
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

void arena_init(Arena *a)
{
	a->head = NULL;
	a->total = 0;
}

void arena_free(Arena *a)
{
	ArenaBlock *b = a->head;
	while (b) {
		ArenaBlock *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
	a->total = 0;
}

void *arena_alloc(Arena *a, size_t size)
{
	size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (size == 0)
		size = ARENA_ALIGN;
	ArenaBlock *b = a->head;
	if (!b || b->size - b->used < size) {
		/* Large requests get a block of their own so they do not waste
		 * the rest of the current block. */
		size_t bsize = size > ARENA_BLOCK_SIZE / 4 ? size : ARENA_BLOCK_SIZE;
		ArenaBlock *nb = xmalloc(sizeof *nb + bsize);
		nb->used = 0;
		nb->size = bsize;
		if (b && bsize != ARENA_BLOCK_SIZE) {
			nb->next = b->next;     /* keep filling the current block */
			b->next = nb;
		} else {
			nb->next = b;
			a->head = nb;
		}
		b = nb;
	}
	void *p = b->data + b->used;
	b->used += size;
	a->total += size;
	memset(p, 0, size);
	return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(Arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_vprintf(Arena *a, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	ASSERT(n >= 0);
	char *p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *arena_printf(Arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

void *arena_grow(Arena *a, void *items, size_t elem, size_t *cap, size_t need)
{
	if (need <= *cap)
		return items;
	size_t ncap = *cap ? *cap * 2 : 8;
	while (ncap < need)
		ncap *= 2;
	void *p = arena_alloc(a, ncap * elem);
	if (items)
		memcpy(p, items, *cap * elem);
	*cap = ncap;
	return p;
}
