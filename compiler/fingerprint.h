/* fingerprint.h - stable identities for findings, for CI systems that track
 * them from one run to the next.
 *
 * Used by the SARIF and GitLab reports (report_sarif.c, report_gitlab.c).
 * A finding's fingerprint hashes its file, its check and its item (Diag.item,
 * such as "stage:need"), never its line or column, so adding a stage above
 * it does not make a code-scanning service close the old alert and open a
 * "new" one. Findings without an item (structural errors) use their message
 * instead. File names are the normalised names units report under
 * (path.h). When several findings share all of that, the n-th of them (in
 * report order) gets n in its hash too, so fingerprints stay unique. */
#ifndef ROADMAPC_FINGERPRINT_H
#define ROADMAPC_FINGERPRINT_H

#include <stddef.h>
#include <stdint.h>

#include "unit.h"

/* 16 lower-case hex digits of a 64-bit hash, NUL-terminated. */
typedef struct Fingerprint {
	char hex[17];
} Fingerprint;

/* Fills 'out[i]' with the fingerprint of c->diags.items[i], for every
 * diagnostic of 'c' (suppressed ones included, so suppressing one finding
 * does not change the others'). 'out' holds c->diags.n entries. */
void fingerprint_unit(const Unit *c, Fingerprint *out);

/* The fingerprint of something a format reports about file 'file' that is
 * not a diagnostic (a coverage figure below --min-coverage), under the
 * name 'check' and the item 'item', hashed as a finding's are. */
void fingerprint_named(const char *file, const char *check, const char *item, Fingerprint *out);

#endif
