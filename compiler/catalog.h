/* catalog.h - the content-type catalog: what each kind of content delivers.
 *
 * Kept as data in stdlib/content-types.yaml: each type (report, case-study,
 * demo, ...) with the values it delivers and the channels it reaches buyers
 * through. resolve.c validates every content item's `type` against it (after
 * the roadmap's own `content_types:`) and fills the item's `delivers` and
 * `channels` from it when the item does not say. The catalog is layered: the
 * copy built into the binary is the base, and every content-types.yaml on
 * the stdlib search path adds types to it or overrides them, type by type.
 * Loaded once per run, before any roadmap; everything in it lives in the
 * arena given to catalog_load(). */
#ifndef ROADMAPC_CATALOG_H
#define ROADMAPC_CATALOG_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "model.h"
#include "node.h"
#include "schema_read.h"
#include "strmap.h"

typedef struct Catalog {
	const char **files;     /* the catalog files read, base first, as shown in messages */
	size_t nfiles, files_cap;
	ContentType *types;     /* the base's types in file order, then the added ones */
	size_t ntypes, cap;
	StrMap index;           /* name -> ContentType*, for catalog_find() */
} Catalog;

/* Loads the built-in catalog (STDLIB_CATALOG embedded in the binary, see
 * stdlib_files.h), then the STDLIB_CATALOG of each of 'dirs' that has one,
 * the last directory first, so that the first directory's types win; each
 * file adds its types and replaces those of the same name. Mistakes in a
 * catalog file on disk are reported to 'dl' as diagnostics pointing into
 * that file, and the function returns -1; the types it could read are kept.
 * Returns 0 on success. A broken embedded catalog is a bug and aborts. */
int catalog_load(Catalog *cat, Arena *a, const char *const *dirs, size_t ndirs, DiagList *dl);

/* The type called 'name', or NULL. */
const ContentType *catalog_find(const Catalog *cat, const char *name);

/* Reads the entries of 'types', a mapping of type names to types (the
 * `types:` of a catalog file, a roadmap's `content_types:`):
 *
 *   TYPE-NAME:                 an id: [a-z0-9][a-z0-9_-]*
 *     summary: TEXT
 *     delivers: [VALUE, ...]
 *     channels: [CHANNEL, ...]
 *
 * appending them to the arena vector (*items, *n, *cap); mistakes are
 * reported through 'c'. 'types' must be a mapping. */
void catalog_read_types(SchemaCtx *c, const Node *types, ContentType **items, size_t *n,
			size_t *cap);

/* The keys of one content type, for the JSON Schema (jsonschema.c). */
extern const char *const catalog_type_keys[];

#endif
