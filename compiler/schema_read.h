/* schema_read.h - reading values from the node tree, with diagnostics.
 *
 * The toolkit of the schema layer: schema.c reads roadmaps with it,
 * catalog.c the content-type catalog, and resolve.c reports through it, so a
 * mistake gets the same words wherever it is made. Each reader takes a
 * field (the key/value pair of a mapping, NULL when the key is absent) and
 * the item it belongs to, named for messages ("stage 'need'"; NULL for the
 * top level), reports what is wrong, and returns a safe value: NULL, the
 * default, an empty set. Strings returned are the node's own text or live in
 * the context's arena. Conventions (docs/language.md states them for users):
 *   - a null value (empty, `~`, `null`) is the same as an absent key;
 *   - a list-valued key also takes a single item written alone;
 *   - only scalars the front end typed as numbers or booleans are ones
 *     (node.h); help lines follow the file's syntax (schema_syntax);
 *   - text with a NUL byte inside is refused, never truncated. */
#ifndef ROADMAPC_SCHEMA_READ_H
#define ROADMAPC_SCHEMA_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "model.h"
#include "node.h"
#include "strmap.h"

/* ---- context and reporting ---- */

/* The keys of one kind of mapping, for the hint "'ask' belongs in a
 * question" when a key sits in the wrong mapping (an indentation slip). */
typedef struct SchemaKeySet {
	const char *const *keys;        /* NULL-terminated */
	const char *kind;               /* "a stage" */
	const char *where;              /* "in a stage" */
} SchemaKeySet;

/* Where diagnostics go. An aliased YAML node is reached from several parents
 * and read once for each, so identical errors (same place, check and words)
 * are reported once. */
typedef struct SchemaCtx {
	Arena *arena;
	DiagList *dl;
	StrMap seen;                    /* "src:line:col:check:message" of every error */
	const SchemaKeySet *sets;       /* every key table of the format, or NULL */
	size_t nsets;
	/* Texts the readers found cut short by a comment (model.h), in file
	 * order; schema.c hands them to the roadmap. */
	CutText *cuts;
	size_t ncuts, cuts_cap;
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
 * close to 'word', else "help: the PLURAL are: a, b, c" ('plural' NULL: no
 * list). */
void schema_help_word(SchemaCtx *c, Diag *d, const char *word, const char *const *words,
		      const char *plural);

/* ---- scalars and names ---- */

/* The user's text for a message, quoted and shortened: 'need', 'a very lo...';
 * "a list" or "a mapping" for collections, "nothing" for null. */
const char *schema_found(SchemaCtx *c, const Node *n);

/* True when 'n' is a scalar whose text is exactly 'word'. */
bool schema_scalar_is(const Node *n, const char *word);
/* True for a null scalar (empty, `~`, `null`): the key is as good as absent. */
bool schema_is_null(const Node *n);
/* True when 'n' is a mapping. An empty Lua table `{}` is one too: Lua
 * cannot tell an empty list from an empty mapping, and lists get it. */
bool schema_is_map(const Node *n);
/* True when 'n' comes from a Lua file. */
bool schema_is_lua(const Node *n);
/* 'yaml' or 'lua': the help line for the syntax of the file 'n' is in, so
 * the same mistake gets advice in the words of the language it was made in.
 * A macro, so the compiler checks both when they are printf formats. */
#define schema_syntax(n, yaml, lua) (schema_is_lua(n) ? (lua) : (yaml))
/* The Lua DSL function that makes an item of 'noun' ("stage", "seller
 * action", ...) or of list 'key' ("stages", "seller", ...): "stage",
 * "seller", ...; "" when there is none. For help lines in Lua words. */
const char *schema_dsl_name(const char *noun_or_key);
/* True when scalar 'n' has a NUL byte before its end. */
bool schema_has_nul(const Node *n);
/* True when the 'len' bytes at 's' form an id: [a-z0-9][a-z0-9_-]*. */
bool schema_is_id(const char *s, size_t len);
/* True when field 'f' is absent (NULL) or null. */
bool schema_absent(const NodePair *f);

/* " of ITEM" and " in ITEM" for messages; "" for the top level (NULL). */
const char *schema_of(SchemaCtx *c, const char *item);
const char *schema_within(SchemaCtx *c, const char *item);

/* Where an item written as a mapping starts: its first key, so that for
 * `- id: x` a caret sits under `id` (the span of the key). */
SrcLoc schema_item_loc(const Node *map);

/* ---- keys ---- */

/* Looks up the keys of mapping 'map' in the NULL-terminated list 'keys':
 * fields[i] becomes the pair whose key is keys[i], or NULL ('fields' has one
 * slot per key). Every other key is an `unknown-key` error in ITEM, with a
 * suggestion, a hint when it belongs in another of the context's key sets,
 * or else the list of the keys a KIND ("a stage") has. */
void schema_fields(SchemaCtx *c, const Node *map, const char *const *keys, const char *item,
		   const char *kind, const NodePair **fields);

/* Reports that required 'key' is absent from 'map' (at the mapping's start),
 * with 'help'; says nothing when an unknown key of 'map' is a misspelling of
 * it, because that key's error already tells (one mistake, one error). */
void schema_missing(SchemaCtx *c, const Node *map, const char *const *keys, const char *key,
		    const char *item, const char *help);

/* Reports field 'f' as not 'expected' ("text", "a list of values"). */
Diag *schema_wrong_type(SchemaCtx *c, const NodePair *f, const char *item, const char *expected);

/* ---- values ---- */

/* Text: any scalar. NULL when absent or null. */
const char *schema_text(SchemaCtx *c, const NodePair *f, const char *item);

/* Text that must be there and not be empty (`product`, `ask`); 'keys' are
 * the mapping's keys, for schema_missing(). */
const char *schema_required_text(SchemaCtx *c, const Node *map, const char *const *keys,
				 const NodePair *f, const char *key, const char *item,
				 const char *help);

/* An id: [a-z0-9][a-z0-9_-]*, reported as an invalid NOUN id otherwise (with
 * a suggested slug). Returns the id as written even when it breaks the rules,
 * so references to it still resolve; NULL when absent (an error when
 * 'required') or unusable. */
const char *schema_id(SchemaCtx *c, const Node *map, const char *const *keys,
		      const NodePair *f, const char *noun, bool required, const char *item);

/* KEY: 1, the format version of a stdlib file (`catalog: 1`, `template:
 * 1`), required at the top level of 'root'; 'what' names the format in
 * messages ("catalog", "stage template"). */
void schema_version(SchemaCtx *c, const Node *root, const NodePair *f, const char *key,
		    const char *what);

/* true | false; 'dflt' when absent or wrong. */
bool schema_bool(SchemaCtx *c, const NodePair *f, const char *item, bool dflt);

/* A number written as a plain scalar (-?digits(.digits)?); false when it is
 * not one (reported). 'f' must be present. */
bool schema_number(SchemaCtx *c, const NodePair *f, const char *item, double *out);

/* One word of the NULL-terminated 'words': its index, or 'dflt' when absent
 * or unknown. 'noun' ("phase") and 'plural' ("phases") name it in messages. */
int schema_word(SchemaCtx *c, const NodePair *f, const char *item, const char *const *words,
		const char *noun, const char *plural, int dflt);

/* Words of 'words' as a bit set: a list, or one word alone. Returns true when
 * 'f' is present and not null, even if some words were wrong. */
bool schema_word_set(SchemaCtx *c, const NodePair *f, const char *item, const char *const *words,
		     const char *noun, unsigned *set);

/* The entries of a list-valued field in '*items': the list's items, or the
 * one scalar written alone. Returns the count; 0 for absent, null, or a
 * mapping (reported as not 'expected'). */
size_t schema_list(SchemaCtx *c, const NodePair *f, const char *item, const char *expected,
		   Node *const **items);

/* Ids to link later (resolve.c), appended to 'out' with their locations. */
void schema_refs(SchemaCtx *c, const NodePair *f, const char *item, const char *expected,
		 RefList *out);

/* Notes text node 'v', the value of 'key' (or an entry of its list), in c->cuts when a comment cut it
 * short (node.h); the text readers below do it themselves. */
void schema_note_cut(SchemaCtx *c, const Node *v, const char *key, bool entry);

/* Texts appended to the arena vector (*out, *n, *cap). */
void schema_texts(SchemaCtx *c, const NodePair *f, const char *item, const char ***out,
		  size_t *n, size_t *cap);

/* A date YYYY-MM-DD, 1970 or later: true and the day number when valid. */
bool schema_date(SchemaCtx *c, const NodePair *f, const char *item, long *days);

/* A `when` window: "A-B", [A, B] or A, with 0 <= A <= B <= 10000. Returns a
 * window with 'set' false when absent or wrong. */
Window schema_when(SchemaCtx *c, const NodePair *f, const char *item);

/* The check name 'key' of SECTION ("checks", "ignore"), or NULL (reported)
 * when it cannot be one. Whether such a check exists is resolve.c's to
 * say: Lua rules join the registry after the schema has run. */
const char *schema_check_name(SchemaCtx *c, const Node *key, const char *section,
			      const char *item);

/* ignore: { CHECK: REASON, ... }, appended to 'out'; the reason is required. */
void schema_ignore(SchemaCtx *c, const NodePair *f, const char *item, IgnoreList *out);

#endif
