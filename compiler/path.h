/* path.h - the one path normaliser.
 *
 * Base layer. File names are compared in baselines and hashed into
 * fingerprints, so "./a.yaml", ".//a.yaml" and "x/../a.yaml" must all be
 * the same name. Normalisation is lexical (the file system is not asked):
 * "." segments and repeated '/' go, "DIR/.." cancels, leading ".." stay. */
#ifndef ROADMAPC_PATH_H
#define ROADMAPC_PATH_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

/* Appends the normal form of 'path' to 'out': "a/b", "/a/b", "../a", or
 * "." for a path that cancels out. "-" (standard input) stays "-". */
void path_normalize(StrBuf *out, const char *path);

/* True when 'path' starts with '/'. */
bool path_is_absolute(const char *path);

/* Appends the absolute normal form of 'path': itself when absolute, else
 * joined to the current directory. Returns 0, or -1 (appending the
 * relative normal form) when the current directory cannot be found. */
int path_absolute(StrBuf *out, const char *path);

/* Appends to 'out' the directory part of 'path' ("." when there is none). */
void path_dirname(StrBuf *out, const char *path);

/* Appends 'path' relative to directory 'base', both normal and both
 * absolute (or both relative to the same place): "roadmaps/a.yaml" from
 * "/repo" for "/repo/roadmaps/a.yaml", "../a.yaml" from "/repo/ci". */
void path_relative(StrBuf *out, const char *base, const char *path);

#endif
