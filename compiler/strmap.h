/* strmap.h - a string-keyed hash map living in an arena.
 *
 * Used wherever input size could make a linear search quadratic: duplicate
 * keys in a 100,000-key mapping, anchors, ids. Keys are (pointer, length)
 * pairs and are not copied: they must outlive the map (arena strings do).
 * Iteration order is never exposed, so it cannot leak into output. */
#ifndef ROADMAPC_STRMAP_H
#define ROADMAPC_STRMAP_H

#include <stddef.h>

#include "arena.h"

typedef struct StrMapEntry {
	const char *key;
	size_t len;
	void *value;
} StrMapEntry;

typedef struct StrMap {
	Arena *arena;
	StrMapEntry *slots;
	size_t cap, count;
} StrMap;

void strmap_init(StrMap *m, Arena *a);
/* The value stored under the key, or NULL. */
void *strmap_get(const StrMap *m, const char *key, size_t len);
/* Stores 'value' (not NULL) under the key, replacing any previous value. */
void strmap_put(StrMap *m, const char *key, size_t len, void *value);

#endif
