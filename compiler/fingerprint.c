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

/* What a finding is about, without where it is: file, check, item. */
static uint64_t identity(const Unit *c, const Diag *d)
{
	uint64_t h = HASH_FIXED_KEY.k0;
	h = hash_field(h, d->loc.src ? d->loc.src->path : c->name);
	h = hash_field(h, d->check);
	if (d->item) {
		h = hash_field(h, "item");
		h = hash_field(h, d->item);
	} else {
		h = hash_field(h, "message");
		h = hash_field(h, d->message);
	}
	return h;
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
		char nth[24];
		snprintf(nth, sizeof nth, "#%zu", occurrence);
		uint64_t h = hash_field(keys[k].identity, nth);
		snprintf(out[keys[k].index].hex, sizeof out[0].hex, "%016llx", (unsigned long long)h);
	}
	free(keys);
}
