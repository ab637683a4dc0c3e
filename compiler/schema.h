/* schema.h - the schema layer: node tree to roadmap model.
 *
 * Second phase, after a front end (front_yaml.c) has built the node tree:
 * schema_build() checks the tree against the roadmap format (every key, type
 * and vocabulary word of docs/language.md) and builds the model of model.h,
 * reporting every structural mistake it finds in one pass. Names are not
 * linked yet: resolve.c does that next.
 *
 * The second half of this header is the toolkit the schema is written with;
 * catalog.c reads the content-type catalog with it and resolve.c reports
 * through it, so a mistake gets the same words wherever it is made. */
#ifndef ROADMAPC_SCHEMA_H
#define ROADMAPC_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "model.h"
#include "node.h"
#include "srcfile.h"
#include "strmap.h"

/* Builds the model of the roadmap whose node tree is 'root' (NULL for an
 * empty file), reporting `unknown-key`, `wrong-type`, `missing-field` and
 * `invalid-value` errors to 'dl'. Returns the model, allocated in 'a', even
 * when errors were reported (items keep what could be read, so resolution
 * can still find more mistakes); returns NULL only when the root is not a
 * mapping, after reporting why. */
Roadmap *schema_build(const Node *root, const SrcFile *sf, Arena *a, DiagList *dl);

/* ---- the toolkit ---- */

/* Where diagnostics go. An aliased YAML node is reached from several parents
 * and read once for each, so identical errors (same place, check and words)
 * are reported once. */
typedef struct SchemaCtx {
	Arena *arena;
	DiagList *dl;
	StrMap seen;            /* "src:line:col:check:message" of every error */
} SchemaCtx;

void schema_ctx_init(SchemaCtx *c, Arena *a, DiagList *dl);

/* Reports a structural error; returns NULL when the very same error was
 * reported before. schema_note() and schema_help() accept that NULL and then
 * do nothing, so callers need not check. */
Diag *schema_error(SchemaCtx *c, SrcLoc loc, const char *check, const char *fmt, ...)
	PRINTF_LIKE(4, 5);
void schema_note(SchemaCtx *c, Diag *d, SrcLoc loc, const char *fmt, ...) PRINTF_LIKE(4, 5);
void schema_help(SchemaCtx *c, Diag *d, const char *fmt, ...) PRINTF_LIKE(3, 4);

/* Adds "help: did you mean 'X'?" when one of the NULL-terminated 'words' is
 * close to 'word', else "help: the NOUNs are: a, b, c"; 'noun' may be NULL
 * for no list. */
void schema_help_word(SchemaCtx *c, Diag *d, const char *word, const char *const *words,
		      const char *noun);

/* The user's text for a message, quoted and shortened: 'need', 'a very lo...';
 * "a list" or "a mapping" for collections, "nothing" for null. */
const char *schema_found(SchemaCtx *c, const Node *n);

/* True for an empty plain scalar, `~` and `null`: the key is as good as absent. */
bool schema_is_null(const Node *n);

/* True when the 'len' bytes at 's' form an id: [a-z0-9][a-z0-9_-]*. */
bool schema_is_id(const char *s, size_t len);

/* Looks up the keys of mapping 'map' in the NULL-terminated list 'keys':
 * fields[i] becomes the pair whose key is keys[i], or NULL. Every other key
 * is an `unknown-key` error "in ITEM" (NULL: at the top level), with a
 * suggestion, or the list of the keys a KIND ("a stage") has. 'fields' has
 * one slot per key. */
void schema_fields(SchemaCtx *c, const Node *map, const char *const *keys, const char *item,
		   const char *kind, const NodePair **fields);

/* Text of field 'f' (any scalar); NULL when 'f' is NULL, null, or of the
 * wrong type (reported, naming ITEM). */
const char *schema_text(SchemaCtx *c, const NodePair *f, const char *item);

/* Words of field 'f' (a list, or one word alone) from the NULL-terminated
 * vocabulary 'words', as a bit set; 'noun' names one word ("value",
 * "channel") in messages. Returns true when 'f' is present and not null,
 * even if some words were wrong (reported). */
bool schema_word_set(SchemaCtx *c, const NodePair *f, const char *item, const char *const *words,
		     const char *noun, unsigned *set);

#endif
