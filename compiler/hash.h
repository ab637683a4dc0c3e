/* hash.h - the one hash function: SipHash-2-4 over bytes, with a key.
 *
 * Base layer. Two kinds of callers need two kinds of key:
 *   - hash tables (strmap.c) hash text from untrusted files, so a fixed
 *     function would let a hostile file choose colliding keys and turn
 *     every lookup into a scan; they use hash_table_key(), random per
 *     process. Nothing that reaches an output may depend on it.
 *   - identities that must be the same on every run and machine (finding
 *     fingerprints) use HASH_FIXED_KEY. */
#ifndef ROADMAPC_HASH_H
#define ROADMAPC_HASH_H

#include <stddef.h>
#include <stdint.h>

typedef struct HashKey {
	uint64_t k0, k1;
} HashKey;

/* A constant key (the bytes 00..0f of the SipHash paper's test vectors):
 * same bytes, same hash, everywhere. */
extern const HashKey HASH_FIXED_KEY;

/* The per-process random key for hash tables, drawn on first use. */
const HashKey *hash_table_key(void);

/* SipHash-2-4 of 'len' bytes at 'data' under key 'k'. */
uint64_t hash_bytes(const HashKey *k, const void *data, size_t len);

#endif
