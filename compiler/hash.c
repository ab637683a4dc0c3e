/* hash.c - SipHash-2-4 (Aumasson and Bernstein), written out; see hash.h.
 *
 * The reference variant, so tests/unit/test_basics.c can check it against
 * the published test vectors; strong enough against collision flooding and
 * a few cycles per byte. */
#include "hash.h"

#include <fcntl.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

const HashKey HASH_FIXED_KEY = { UINT64_C(0x0706050403020100), UINT64_C(0x0f0e0d0c0b0a0908) };

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))

#define SIPROUND                                                                    \
	do {                                                                        \
		v0 += v1; v1 = ROTL(v1, 13); v1 ^= v0; v0 = ROTL(v0, 32);           \
		v2 += v3; v3 = ROTL(v3, 16); v3 ^= v2;                              \
		v0 += v3; v3 = ROTL(v3, 21); v3 ^= v0;                              \
		v2 += v1; v1 = ROTL(v1, 17); v1 ^= v2; v2 = ROTL(v2, 32);           \
	} while (0)

static uint64_t load64(const unsigned char *p)
{
	uint64_t v = 0;
	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

uint64_t hash_bytes(const HashKey *k, const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t v0 = UINT64_C(0x736f6d6570736575) ^ k->k0;
	uint64_t v1 = UINT64_C(0x646f72616e646f6d) ^ k->k1;
	uint64_t v2 = UINT64_C(0x6c7967656e657261) ^ k->k0;
	uint64_t v3 = UINT64_C(0x7465646279746573) ^ k->k1;
	size_t whole = len - len % 8;

	for (size_t i = 0; i < whole; i += 8) {
		uint64_t m = load64(p + i);
		v3 ^= m;
		SIPROUND;
		SIPROUND;
		v0 ^= m;
	}
	uint64_t b = (uint64_t)len << 56;
	for (size_t i = 0; i < len % 8; i++)
		b |= (uint64_t)p[whole + i] << (8 * i);
	v3 ^= b;
	SIPROUND;
	SIPROUND;
	v0 ^= b;
	v2 ^= 0xff;
	SIPROUND;
	SIPROUND;
	SIPROUND;
	SIPROUND;
	return v0 ^ v1 ^ v2 ^ v3;
}

const HashKey *hash_table_key(void)
{
	static HashKey key;
	static int ready;
	if (ready)
		return &key;
	unsigned char buf[16];
	ssize_t got = -1;
	int fd = open("/dev/urandom", O_RDONLY);
	if (fd >= 0) {
		got = read(fd, buf, sizeof buf);
		close(fd);
	}
	if (got == (ssize_t)sizeof buf) {
		key.k0 = load64(buf);
		key.k1 = load64(buf + 8);
	} else {
		/* No /dev/urandom (a chroot): still different per process. */
		key.k0 = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
		key.k1 = (uint64_t)(uintptr_t)&key ^ (uint64_t)clock();
	}
	ready = 1;
	return &key;
}
