/* catalog.h - the content-type catalog: what each kind of content delivers.
 *
 * Kept as data in stdlib/content-types.yaml: each type (report, case-study,
 * demo, ...) with the values it delivers and the channels it reaches buyers
 * through. resolve.c validates every content item's `type` against it and
 * fills the item's `delivers` and `channels` from it when the item does not
 * say. Loaded once per run, before any roadmap; everything in it lives in
 * the arena given to catalog_load(). */
#ifndef ROADMAPC_CATALOG_H
#define ROADMAPC_CATALOG_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "model.h"
#include "strmap.h"

typedef struct ContentType {
	const char *name;       /* "case-study" */
	const char *summary;    /* one line for docs and help; "" when absent */
	ValueSet delivers;
	ChannelSet channels;
	SrcLoc loc;             /* the name in the catalog file */
} ContentType;

typedef struct Catalog {
	const char *path;       /* the file it came from, as shown in diagnostics */
	bool builtin;           /* the copy built into roadmapc, not a -I file */
	ContentType *types;     /* in file order */
	size_t ntypes, cap;
	StrMap index;           /* name -> ContentType*, for catalog_find() */
} Catalog;

/* Loads STDLIB_CATALOG from the first of 'dirs' that has it, else the copy
 * embedded in the binary (stdlib_files.h), into 'cat' (which it initialises).
 * Mistakes in a catalog file on disk are reported to 'dl' as diagnostics
 * pointing into that file, and the function returns -1; the types it could
 * read are kept. Returns 0 on success. A broken embedded catalog is a bug
 * and aborts. */
int catalog_load(Catalog *cat, Arena *a, const char *const *dirs, size_t ndirs, DiagList *dl);

/* The type called 'name', or NULL. */
const ContentType *catalog_find(const Catalog *cat, const char *name);

#endif
