/* starter.h - the starter roadmap that `roadmapc init` writes.
 *
 * Outputs layer. A starter is a roadmap that extends a stage template and
 * shows, in comments, everything the template gives: each stage with its
 * window, expectations and channels, and the ids and words of its question
 * bank, ready to be answered by id; then commented examples of a seller
 * action and a content item. It passes the schema as written, so its first
 * check reports the gaps to close, which is the point. YAML or the Lua DSL
 * of docs/language.md. */
#ifndef ROADMAPC_STARTER_H
#define ROADMAPC_STARTER_H

#include "model.h"
#include "strbuf.h"

typedef struct Starter {
	const char *file;               /* the file's name, for its first comment line */
	const char *template_name;      /* "b2b-complex" */
	const char *summary;            /* the template's summary ("" when none) */
	const Roadmap *rm;              /* a roadmap that extends the template, resolved */
} Starter;

/* Appends the starter in YAML to 'out'. */
void starter_yaml(const Starter *s, StrBuf *out);

/* Appends the starter in the Lua form to 'out'. */
void starter_lua(const Starter *s, StrBuf *out);

#endif
