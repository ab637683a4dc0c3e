/* strmap.c - open-addressing hash map over arena memory; see strmap.h. */
#include "strmap.h"
#include "alloc.h"
#include "hash.h"

#include <string.h>

/* Keys come from untrusted files: the per-process key of hash.h keeps a
 * hostile file from choosing keys that all land in one probe run. */
static size_t hash(const char *s, size_t len)
{
	return (size_t)hash_bytes(hash_table_key(), s, len);
}

void strmap_init(StrMap *m, Arena *a)
{
	memset(m, 0, sizeof *m);
	m->arena = a;
}

static StrMapEntry *find_slot(StrMapEntry *slots, size_t cap, const char *key, size_t len)
{
	size_t i = hash(key, len) & (cap - 1);
	for (;;) {
		StrMapEntry *e = &slots[i];
		if (!e->key || (e->len == len && memcmp(e->key, key, len) == 0))
			return e;
		i = (i + 1) & (cap - 1);
	}
}

void *strmap_get(const StrMap *m, const char *key, size_t len)
{
	if (!m->cap)
		return NULL;
	StrMapEntry *e = find_slot(m->slots, m->cap, key, len);
	return e->key ? e->value : NULL;
}

void strmap_put(StrMap *m, const char *key, size_t len, void *value)
{
	ASSERT(value != NULL);
	if ((m->count + 1) * 4 > m->cap * 3) {  /* keep the load under 3/4 */
		size_t ncap = m->cap ? m->cap * 2 : 16;
		StrMapEntry *ns = arena_alloc(m->arena, ncap * sizeof *ns);
		for (size_t i = 0; i < m->cap; i++)
			if (m->slots[i].key)
				*find_slot(ns, ncap, m->slots[i].key, m->slots[i].len) = m->slots[i];
		m->slots = ns;
		m->cap = ncap;
	}
	StrMapEntry *e = find_slot(m->slots, m->cap, key, len);
	if (!e->key) {
		e->key = key;
		e->len = len;
		m->count++;
	}
	e->value = value;
}
