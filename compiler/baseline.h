/* baseline.h - accepted findings, recorded so that CI fails only on new ones.
 *
 * After the checks and before the reports, the driver may write today's
 * findings to a baseline file (--write-baseline) or mark the findings a
 * baseline file already lists as suppressed (--baseline), so an existing
 * roadmap can adopt a check without fixing every old finding first.
 *
 * A finding is identified by its file, check and item (Diag.item, such as
 * "stage:need"), never by its line, so a baseline survives edits elsewhere
 * in the file. Entries count: a baseline with one (file, check, item) entry
 * absorbs one such finding, and a second one is new. The file format is in
 * docs/checks.md ("Baselines"). */
#ifndef ROADMAPC_BASELINE_H
#define ROADMAPC_BASELINE_H

#include <stddef.h>

#include "unit.h"
#include "strbuf.h"

/* Writes the findings of 'units' that have an item and are not suppressed
 * by an `ignore:` (those a baseline suppressed are still present, so they
 * stay) to 'path', sorted, through a temporary file and a rename. Returns 0,
 * or -1 with a message in 'err'. */
int baseline_write(const char *path, Unit *const *units, size_t n, StrBuf *err);

/* Reads the baseline at 'path' and marks each unsuppressed finding of
 * 'units' that an entry matches as suppressed ("baseline"), each entry
 * matching at most one finding, in report order. Returns the number of
 * entries for files that were checked in this run but matched no finding
 * (gaps closed since the baseline was written), or -1 with a message in
 * 'err' (unreadable or malformed file; nothing is marked). */
int baseline_apply(const char *path, Unit *const *units, size_t n, StrBuf *err);

#endif
