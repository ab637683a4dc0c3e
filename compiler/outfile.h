/* outfile.h - writing output files safely.
 *
 * Every file roadmapc writes (reports, baselines, later diagrams) goes
 * through outfile_write: the data goes to a temporary file in the same
 * directory, which is flushed and renamed over the target, so a failed run
 * never leaves a half-written file or clobbers the previous good one.
 * Devices and pipes (/dev/null, /dev/stdout, a FIFO) are written directly,
 * and a symlink keeps pointing at the file it names. */
#ifndef ROADMAPC_OUTFILE_H
#define ROADMAPC_OUTFILE_H

#include <stddef.h>

#include "strbuf.h"

/* Writes 'len' bytes to 'path' atomically; "-" means standard output.
 * Returns 0, or -1 with a message ("cannot write 'x': reason") in 'err'. */
int outfile_write(const char *path, const char *data, size_t len, StrBuf *err);

/* Writes 'len' bytes to a new file 'path' ("-": standard output), through a
 * temporary file like outfile_write, but never replaces anything: when
 * 'path' exists, even as a dangling symlink, or appears meanwhile, it
 * returns -2 with "'x' already exists" in 'err'. Returns 0, or -1 with a
 * message when the file cannot be written. */
int outfile_create(const char *path, const char *data, size_t len, StrBuf *err);

/* Creates directory 'path' and its missing parents (like mkdir -p).
 * Returns 0, or -1 with a message in 'err'. */
int outfile_mkdirs(const char *path, StrBuf *err);

#endif
