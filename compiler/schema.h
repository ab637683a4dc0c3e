/* schema.h - the schema layer: node tree to roadmap model.
 *
 * Second phase, after a front end (front_yaml.c) has built the node tree:
 * schema_build() checks the tree against the roadmap format (every key, type
 * and vocabulary word of docs/language.md) and builds the model of model.h,
 * reporting every structural mistake it finds in one pass. Names are not
 * linked yet: resolve.c does that next. The readers it is written with are
 * in schema_read.h. */
#ifndef ROADMAPC_SCHEMA_H
#define ROADMAPC_SCHEMA_H

#include "arena.h"
#include "diag.h"
#include "model.h"
#include "node.h"
#include "srcfile.h"

/* The keys of each mapping of the format, NULL-terminated, in the order of
 * docs/language.md, for the JSON Schema (jsonschema.c), which describes
 * every one of them. */
extern const char *const *const schema_top_keys;
extern const char *const *const schema_stage_keys;
extern const char *const *const schema_question_keys;
extern const char *const *const schema_concern_keys;
extern const char *const *const schema_seller_keys;
extern const char *const *const schema_content_keys;
extern const char *const *const schema_setting_keys;

/* Builds the model of the roadmap whose node tree is 'root' (NULL for an
 * empty file), reporting `unknown-key`, `wrong-type`, `missing-field` and
 * `invalid-value` errors to 'dl'. Returns the model, allocated in 'a', even
 * when errors were reported (items keep what could be read, so resolution
 * can still find more mistakes); returns NULL only when the file is empty or
 * its root is not a mapping, after reporting why. */
Roadmap *schema_build(const Node *root, const SrcFile *sf, Arena *a, DiagList *dl);

#endif
