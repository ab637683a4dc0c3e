/* fingerprint.h - stable identities for findings, for CI systems that track
 * them from one run to the next.
 *
 * Used by the SARIF and GitLab reports (report_sarif.c, report_gitlab.c).
 * A finding's fingerprint hashes its file, its check and its item (Diag.item,
 * such as "stage:need"), never its line or column, so adding a stage above
 * it does not make a code-scanning service close the old alert and open a
 * "new" one. Findings without an item (structural errors) use their message
 * instead. When several findings share all of that, the n-th of them (in
 * report order) gets n in its hash too, so fingerprints stay unique. */
#ifndef ROADMAPC_FINGERPRINT_H
#define ROADMAPC_FINGERPRINT_H

#include <stddef.h>
#include <stdint.h>

#include "driver.h"

/* 16 lower-case hex digits of a 64-bit FNV-1a hash, NUL-terminated. */
typedef struct Fingerprint {
	char hex[17];
} Fingerprint;

/* FNV-1a over 'n' bytes of 's', continuing from 'h' (start with
 * FINGERPRINT_SEED). Same bytes, same value, on every platform. */
#define FINGERPRINT_SEED UINT64_C(0xcbf29ce484222325)
uint64_t fingerprint_hash(uint64_t h, const void *s, size_t n);

/* Fills 'out[i]' with the fingerprint of c->diags.items[i], for every
 * diagnostic of 'c' (suppressed ones included, so suppressing one finding
 * does not change the others'). 'out' holds c->diags.n entries. */
void fingerprint_unit(const Compilation *c, Fingerprint *out);

/* 'path' without leading "./" segments: the form CI services expect for a
 * path relative to the repository root, and the form fingerprints hash, so
 * "./a.yaml" and "a.yaml" name the same file. Points into 'path'. */
const char *fingerprint_path(const char *path);

#endif
