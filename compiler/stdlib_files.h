/* stdlib_files.h - the standard library files and the one search path.
 *
 * The files of stdlib/ (the content-type catalog, the stage templates, and
 * the rule modules) are compiled into the binary by the Makefile, so the
 * compiler works without installation. Every stdlib lookup goes through one
 * search path: the -I directories, then ROADMAPC_PATH, then the installed
 * stdlib (PREFIX/share/roadmapc/stdlib beside PREFIX/bin/roadmapc), then the
 * copy embedded in the binary. For a template or a rule module the first
 * place that has the file wins; the catalog is layered (catalog.h).
 * main.c builds the directory list (stdlib_installed_dir() gives its last
 * entry); this module only searches it.
 * (The file is not called stdlib.h: with -Icompiler that name would hide the
 * C library's <stdlib.h> from every other file.) */
#ifndef ROADMAPC_STDLIB_FILES_H
#define ROADMAPC_STDLIB_FILES_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "strbuf.h"

/* The file name of the content-type catalog (catalog.c); its name is no
 * template's name. */
#define STDLIB_CATALOG_NAME "content-types"
#define STDLIB_CATALOG STDLIB_CATALOG_NAME ".yaml"

/* Where the installed stdlib is, relative to the directory of the binary:
 * PREFIX/bin/roadmapc reads PREFIX/share/roadmapc/stdlib. */
#define STDLIB_INSTALLED_RELATIVE "../share/roadmapc/stdlib"

/* A file embedded in the binary. Static data: valid for the whole run. */
typedef struct StdlibFile {
	const char *name;       /* "content-types.yaml" */
	const char *text;       /* NUL-terminated; 'len' bytes */
	size_t len;
} StdlibFile;

/* The embedded file called 'name', or NULL. */
const StdlibFile *stdlib_find(const char *name);

/* The embedded files, in name order (for listings and tests). */
const StdlibFile *stdlib_files(size_t *n);

/* A stdlib file as found by stdlib_load(). */
typedef struct StdlibText {
	const char *path;       /* for diagnostics: "DIR/NAME", or "<builtin>/NAME" */
	const char *text;       /* NUL-terminated; 'len' bytes */
	size_t len;
	bool embedded;
} StdlibText;

/* Reads the regular file 'name' of directory 'dir' into 'a'. Returns 0 and
 * fills 'out'; -1 when the directory has no such file (or 'dir' is empty);
 * -2, with a message in 'err', when it is there but cannot be read or is
 * larger than the file-size limit. */
int stdlib_load_from(const char *name, const char *dir, Arena *a, StdlibText *out,
		     StrBuf *err);

/* Finds 'name' in the first of 'dirs' that holds a regular file of that
 * name, else in the embedded copy. Files read from disk are copied into
 * 'a'. Returns 0 and fills 'out'; -1 when no copy exists anywhere; -2, with
 * a message in 'err', when the file in a directory cannot be read or is
 * larger than the file-size limit. */
int stdlib_load(const char *name, const char *const *dirs, size_t ndirs, Arena *a,
		StdlibText *out, StrBuf *err);

/* The names NAME of every file NAME'suffix' (".yaml") in 'dirs' and in the
 * embedded stdlib whose NAME is an id ([a-z0-9][a-z0-9_-]*), except the
 * catalog, and only regular files: sorted, each once, NULL-terminated,
 * in 'a'. Unreadable directories are skipped. Returns the count. */
size_t stdlib_names(const char *suffix, const char *const *dirs, size_t ndirs, Arena *a,
		    const char ***names);

/* The installed stdlib of the running binary: STDLIB_INSTALLED_RELATIVE
 * from the directory of the executable (found through /proc/self/exe, else
 * 'argv0' when it names a path), as an absolute path without '..', when
 * that directory exists; else NULL. The caller frees it. */
char *stdlib_installed_dir(const char *argv0);

#endif
