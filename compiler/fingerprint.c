/* fingerprint.c - stable identities for findings; see fingerprint.h.
 *
 * The hash is hash.h's SipHash under its fixed key, chained field by
 * field: the same finding gets the same fingerprint on every machine. */
#include "fingerprint.h"
#include "hash.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Hashes 's' and its terminating NUL, so ("ab", "c") and ("a", "bc") differ. */
static uint64_t hash_field(uint64_t h, const char *s)
{
	HashKey k = { h, HASH_FIXED_KEY.k1 };
	return hash_bytes(&k, s, strlen(s) + 1);
}

/* File, check, then 'what' ("item" or "message") and its text. */
static uint64_t identity_of(const char *file, const char *check, const char *what,
			    const char *text)
{
	uint64_t h = HASH_FIXED_KEY.k0;
	h = hash_field(h, file);
	h = hash_field(h, check);
	h = hash_field(h, what);
	return hash_field(h, text);
}

/* What a finding is about, without where it is: file, check, item. */
static uint64_t identity(const Unit *c, const Diag *d)
{
	const char *file = d->loc.src ? d->loc.src->path : c->name;
	return d->item ? identity_of(file, d->check, "item", d->item)
		       : identity_of(file, d->check, "message", d->message);
}

/* The hex form of identity 'id' as the n-th ('nth', from 0) of its kind. */
static void nth_fingerprint(uint64_t id, size_t nth, Fingerprint *out)
{
	char buf[24];
	snprintf(buf, sizeof buf, "#%zu", nth);
	uint64_t h = hash_field(id, buf);
	snprintf(out->hex, sizeof out->hex, "%016llx", (unsigned long long)h);
}

void fingerprint_named(const char *file, const char *check, const char *item, Fingerprint *out)
{
	nth_fingerprint(identity_of(file, check, "item", item), 0, out);
}

typedef struct Keyed {
	uint64_t identity;
	size_t index;           /* position in the report order */
} Keyed;

static int cmp_keyed(const void *pa, const void *pb)
{
	const Keyed *a = pa, *b = pb;
	if (a->identity != b->identity)
		return a->identity < b->identity ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

void fingerprint_unit(const Unit *c, Fingerprint *out)
{
	size_t n = c->diags.n;
	if (n == 0)
		return;
	/* Sorting by identity groups equal findings, in report order within a
	 * group, so the occurrence numbers cost n log n, not n squared. */
	Keyed *keys = xcalloc(n, sizeof *keys);
	for (size_t i = 0; i < n; i++)
		keys[i] = (Keyed){ identity(c, c->diags.items[i]), i };
	qsort(keys, n, sizeof *keys, cmp_keyed);
	size_t occurrence = 0;
	for (size_t k = 0; k < n; k++) {
		occurrence = k > 0 && keys[k].identity == keys[k - 1].identity ? occurrence + 1 : 0;
		nth_fingerprint(keys[k].identity, occurrence, &out[keys[k].index]);
	}
	free(keys);
}
