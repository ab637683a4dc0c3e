/* textio.h - the one way roadmapc reads a file: whole, and bounded.
 *
 * Base layer. Every input (roadmaps, baselines, catalogs, templates, rule
 * files) comes through textio_read, which never holds more than 'max' + 1
 * bytes: `--baseline /dev/zero` or a 10 GB file is refused after 'max'
 * bytes instead of growing memory until the machine gives out. */
#ifndef ROADMAPC_TEXTIO_H
#define ROADMAPC_TEXTIO_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

/* Reads all of 'path' ("-": standard input), at most 'max' bytes. Returns
 * a buffer the caller must free (NUL-terminated, length in '*len'), or
 * NULL with a message in 'err': "cannot read WHAT 'x': reason", or, when there
 * is more than 'max', "'x' is larger than the limit of N bytes" ('what'
 * names the input in messages: "baseline", "roadmap"; NULL for none). */
char *textio_read(const char *path, const char *what, size_t max, size_t *len, StrBuf *err);

/* The same, but a file larger than 'max' is not an error: '*truncated'
 * is set and the first max + 1 bytes are returned, so a front end can
 * report the limit at a location in the file. */
char *textio_read_capped(const char *path, size_t max, size_t *len, int *truncated, StrBuf *err);

#endif
