/* fingerprint.c - stable identities for findings; see fingerprint.h.
 *
 * FNV-1a (64 bit) is written out here rather than borrowed: it is a few
 * lines, has no platform-dependent behaviour, and a fingerprint is an
 * identity, not a security boundary, so a cryptographic hash buys nothing. */
#include "fingerprint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FNV_PRIME UINT64_C(0x100000001b3)

uint64_t fingerprint_hash(uint64_t h, const void *s, size_t n)
{
	const unsigned char *p = s;
	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= FNV_PRIME;
	}
	return h;
}

/* Hashes 's' and its terminating NUL, so ("ab", "c") and ("a", "bc") differ. */
static uint64_t hash_field(uint64_t h, const char *s)
{
	return fingerprint_hash(h, s, strlen(s) + 1);
}

const char *fingerprint_path(const char *path)
{
	while (path[0] == '.' && path[1] == '/') {
		path += 2;
		while (*path == '/')
			path++;
	}
	return path;
}

/* What a finding is about, without where it is: file, check, item. */
static uint64_t identity(const Compilation *c, const Diag *d)
{
	uint64_t h = FINGERPRINT_SEED;
	h = hash_field(h, fingerprint_path(d->loc.src ? d->loc.src->path : compilation_name(c)));
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

void fingerprint_unit(const Compilation *c, Fingerprint *out)
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
