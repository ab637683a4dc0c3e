/* jsonschema.h - the roadmap format as a JSON Schema, for editors.
 *
 * Outputs layer. `roadmapc schema` prints a JSON Schema (draft-07) of the
 * YAML form: every key of every mapping (the key tables of schema.c and
 * the merge keys of extends.c), its type, its vocabulary, the content types
 * of the catalog and the templates of the search path, with the
 * descriptions of docs/language.md (embedded in the binary, like
 * docs/checks.md), so an editor that reads JSON Schema for YAML completes
 * keys and values and flags mistakes as the user types. What a schema
 * cannot say (ids that must exist, dates that must be real, a window that
 * must not end before it starts) is left to roadmapc check. */
#ifndef ROADMAPC_JSONSCHEMA_H
#define ROADMAPC_JSONSCHEMA_H

#include <stddef.h>

#include "catalog.h"
#include "extends.h"
#include "registry.h"
#include "strbuf.h"

/* What the schema lists besides the format itself. */
typedef struct JsonSchemaSources {
	const Catalog *catalog;         /* the content types of `type` */
	const Template *templates;      /* the templates of `extends` */
	size_t ntemplates;
	const CheckRegistry *checks;    /* the check names of `checks` and `ignore` */
} JsonSchemaSources;

/* Appends the JSON Schema to 'out'. */
void jsonschema_write(const JsonSchemaSources *src, StrBuf *out);

#endif
