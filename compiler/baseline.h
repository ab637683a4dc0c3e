/* baseline.h - accepted findings, recorded so that CI fails only on new ones.
 *
 * After the checks and before the reports, the driver may mark the findings
 * a baseline file lists as suppressed (--baseline) and write today's
 * findings to a baseline file (--write-baseline), so an existing roadmap
 * can adopt a check without fixing every old finding first.
 *
 * A finding is identified by its file, check and item (Diag.item, such as
 * "stage:need"), never by its line, so a baseline survives edits elsewhere
 * in the file. Entries count: a baseline with one (file, check, item) entry
 * absorbs one such finding, and a second one is new. File names are stored
 * relative to the baseline file's own directory, so a baseline works from
 * any directory of the repository (a baseline of format 1, written by
 * roadmapc 0.1, named files relative to the directory it ran in, and is
 * still read that way). The file format is in docs/checks.md
 * ("Baselines"). */
#ifndef ROADMAPC_BASELINE_H
#define ROADMAPC_BASELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "unit.h"
#include "strbuf.h"

/* A baseline read from a file: its entries, with every file name made
 * absolute, so they compare with the run's files from any directory. */
typedef struct Baseline Baseline;

/* Reads the baseline at 'path'. Returns it (free it with baseline_free),
 * or NULL with a message in 'err' (unreadable or malformed file). */
Baseline *baseline_load(const char *path, StrBuf *err);
void baseline_free(Baseline *b);

/* Marks each unsuppressed finding of 'units' that an entry of 'b' matches
 * as suppressed ("baseline"), each entry matching at most one finding, in
 * report order. Then says, in "roadmapc: note: ..." lines appended to
 * 'notes', how many entries of files checked now match no finding any more
 * (the gap was closed; with a suggestion to refresh unless 'refreshing'),
 * and when entries name files that this run does not check but whose names
 * match files it does (a baseline used with other file names than it was
 * written with). Entries of other files say nothing either way. */
void baseline_apply(Baseline *b, Unit *const *units, size_t n, bool refreshing, StrBuf *notes);

/* Writes to 'path' ("-": standard output, file names then relative to the
 * current directory) the findings of 'units' that have an item and are not
 * suppressed by an `ignore:` (those a baseline suppressed are still
 * present, so they stay), sorted, through a temporary file and a rename.
 * The entries of 'prev' (the baseline read in this run, or NULL) for files
 * that were not checked in this run (not on the command line, unreadable,
 * or with structural errors) are kept: refreshing a baseline must not lose
 * what was accepted for them. Returns the number of entries of checked
 * files written, or -1 with a message in 'err'. */
long baseline_write(const char *path, const Baseline *prev, Unit *const *units, size_t n,
		    StrBuf *err);

#endif
