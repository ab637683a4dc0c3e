/* arena.c - bump allocation in chained blocks; see arena.h for the contract.
 *
 * Blocks grow with the arena (64 KB, then doubling up to 4 MB), so a large
 * compilation makes a few big blocks rather than thousands of small ones.
 * Blocks come zeroed (calloc, or fresh pages from the kernel), so
 * arena_alloc() does not clear memory again; blocks of 4 MB are mapped on
 * whole transparent huge pages, so that touching a few hundred megabytes
 * of nodes costs hundreds of page faults, not a hundred thousand. Strings
 * are packed without alignment. */
#define _DEFAULT_SOURCE         /* madvise */

#include "arena.h"
#include "alloc.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define ARENA_FIRST_BLOCK (64 * 1024)
#define ARENA_MAX_BLOCK (4 * 1024 * 1024)
#define ARENA_ALIGN 16
#define HUGE_PAGE (2 * 1024 * 1024)

struct ArenaBlock {
	ArenaBlock *next;
	size_t used, size;
	size_t mapped;          /* bytes mapped for it (a huge block), or 0: malloc'ed */
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

struct ArenaAdopted {
	ArenaAdopted *next;
	void *p;
};

void arena_init(Arena *a)
{
	a->head = NULL;
	a->total = 0;
	a->adopted = NULL;
}

void arena_adopt(Arena *a, void *p)
{
	ArenaAdopted *ad = arena_alloc(a, sizeof *ad);
	ad->p = p;
	ad->next = a->adopted;
	a->adopted = ad;
}

void arena_free(Arena *a)
{
	for (ArenaAdopted *ad = a->adopted; ad; ad = ad->next)
		free(ad->p);
	a->adopted = NULL;
	ArenaBlock *b = a->head;
	while (b) {
		ArenaBlock *next = b->next;
		if (b->mapped)
			munmap(b, b->mapped);
		else
			free(b);
		b = next;
	}
	a->head = NULL;
	a->total = 0;
}

/* A zeroed block of at least 'bytes' (header included), on whole huge
 * pages: mapped with a huge page of slack, then trimmed to start on a
 * huge-page boundary. NULL when the system will not map it. */
static ArenaBlock *map_huge(size_t bytes)
{
	size_t len = (bytes + HUGE_PAGE - 1) & ~(size_t)(HUGE_PAGE - 1);
	unsigned char *p = mmap(NULL, len + HUGE_PAGE, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	size_t head = (HUGE_PAGE - (uintptr_t)p % HUGE_PAGE) % HUGE_PAGE;
	if (head)
		munmap(p, head);
	if (HUGE_PAGE - head)
		munmap(p + head + len, HUGE_PAGE - head);
	ArenaBlock *b = (ArenaBlock *)(p + head);
#ifdef MADV_HUGEPAGE
	madvise(b, len, MADV_HUGEPAGE);
#endif
	b->mapped = len;
	b->size = len - sizeof *b;
	return b;
}

/* A block with room for 'size' bytes: the current one, or a new one. */
static ArenaBlock *block_for(Arena *a, size_t size, size_t align)
{
	ArenaBlock *b = a->head;
	if (b) {
		size_t at = (b->used + align - 1) & ~(align - 1);
		if (at <= b->size && b->size - at >= size) {
			b->used = at;
			return b;
		}
	}
	/* The next block is as big as everything so far, within bounds; a
	 * large request gets a block of its own, behind the current one, so
	 * that the rest of the current block is not wasted. */
	size_t grow = a->total < ARENA_FIRST_BLOCK ? ARENA_FIRST_BLOCK : a->total;
	if (grow > ARENA_MAX_BLOCK)
		grow = ARENA_MAX_BLOCK;
	bool own = size > grow / 4;
	size_t bsize = own ? size : grow;
	ArenaBlock *nb = bsize >= 2 * HUGE_PAGE ? map_huge(sizeof *nb + bsize) : NULL;
	if (!nb) {
		nb = xcalloc(1, sizeof *nb + bsize);
		nb->size = bsize;
	}
	if (b && own) {
		nb->next = b->next;
		b->next = nb;
	} else {
		nb->next = b;
		a->head = nb;
	}
	return nb;
}

void *arena_alloc(Arena *a, size_t size)
{
	size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (size == 0)
		size = ARENA_ALIGN;
	ArenaBlock *b = block_for(a, size, ARENA_ALIGN);
	void *p = b->data + b->used;
	b->used += size;
	a->total += size;
	return p;               /* zero: blocks are calloc'ed and never reused */
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
	ArenaBlock *b = block_for(a, n + 1, 1);
	char *p = (char *)b->data + b->used;
	b->used += n + 1;
	a->total += n + 1;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(Arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

/* One formatting pass when the text fits in the current block; a second,
 * in a block with room, when not. */
char *arena_vprintf(Arena *a, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	ArenaBlock *b = a->head;
	size_t room = b ? b->size - b->used : 0;
	int n = vsnprintf(b ? (char *)b->data + b->used : NULL, room, fmt, ap2);
	va_end(ap2);
	ASSERT(n >= 0);
	if ((size_t)n < room) {
		char *p = (char *)b->data + b->used;
		b->used += (size_t)n + 1;
		a->total += (size_t)n + 1;
		return p;
	}
	if (room)       /* the partial text: free memory must stay zero */
		memset(b->data + b->used, 0, room);
	b = block_for(a, (size_t)n + 1, 1);
	char *p = (char *)b->data + b->used;
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	b->used += (size_t)n + 1;
	a->total += (size_t)n + 1;
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
	/* Most vectors of a model hold one or two items (a question's content,
	 * an action's supports): start small, then double. */
	size_t ncap = *cap ? *cap * 2 : 2;
	while (ncap < need)
		ncap *= 2;
	void *p = arena_alloc(a, ncap * elem);
	if (items)
		memcpy(p, items, *cap * elem);
	*cap = ncap;
	return p;
}
