/* stdlib_files.h - the standard library files: embedded, or overridden from disk.
 *
 * The files of stdlib/ (the content-type catalog, and later stage templates
 * and rule modules) are compiled into the binary by the Makefile, so the
 * compiler works without installation. A file of the same name in one of the
 * search directories (-I DIR, then ROADMAPC_PATH) replaces the embedded copy:
 * the first directory that has it wins, the embedded copy comes last.
 * (The file is not called stdlib.h: with -Icompiler that name would hide the
 * C library's <stdlib.h> from every other file.) */
#ifndef ROADMAPC_STDLIB_FILES_H
#define ROADMAPC_STDLIB_FILES_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "strbuf.h"

/* The file name of the content-type catalog (catalog.c). */
#define STDLIB_CATALOG "content-types.yaml"

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

/* The embedded stage template called 'name' (the `extends:` word), or NULL.
 * A template is the stdlib file NAME.yaml; the catalog is not a template. */
const StdlibFile *stdlib_find_template(const char *name);

/* A stdlib file as found by stdlib_load(). */
typedef struct StdlibText {
	const char *path;       /* for diagnostics: "DIR/NAME", or "<builtin>/NAME" */
	const char *text;       /* NUL-terminated; 'len' bytes */
	size_t len;
	bool embedded;
} StdlibText;

/* Finds 'name' in the first of 'dirs' that holds a regular file of that
 * name, else in the embedded copy. Files read from disk are copied into
 * 'a'. Returns 0 and fills 'out'; -1 when no copy exists anywhere; -2, with
 * a message in 'err', when the file in a directory cannot be read or is
 * larger than the file-size limit. */
int stdlib_load(const char *name, const char *const *dirs, size_t ndirs, Arena *a,
		StdlibText *out, StrBuf *err);

#endif
