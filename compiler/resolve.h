/* resolve.h - linking the model: ids to items, defaults and phases.
 *
 * Third phase, after schema.c: every reference written as an id (`supports`,
 * `content`, `uses`, `concern`) is pointed at its item, ids are checked for
 * duplicates, content types are looked up in the catalog, and the defaults
 * that depend on other items are filled in. After a run without errors the
 * model is complete and the checks (check.h) only read it. */
#ifndef ROADMAPC_RESOLVE_H
#define ROADMAPC_RESOLVE_H

#include "arena.h"
#include "catalog.h"
#include "diag.h"
#include "model.h"
#include "registry.h"

/* Resolves 'rm' in place, reporting `duplicate-id`, `unknown-reference` and
 * `invalid-value` (unknown content type or check name) errors to 'dl':
 *   - default ids: a question without one is "<stage>.q<N>", a concern
 *     "<stage>.c<N>" (N counts from 1 within the stage);
 *   - default names: a stage's and a seller action's `name`, a content
 *     item's `title`, is its id;
 *   - Ref.target of every reference: Stage*, Content* or Concern* (any
 *     stage's concern), NULL when unknown;
 *   - a content item's `delivers` and `channels`, when it does not set them,
 *     come from its type in 'cat' (which may be NULL: no type is checked);
 *   - phases: a stage without `phase` is `pre-purchase`, except that stages
 *     after the first stage marked `purchase` are `post-purchase`;
 *   - check names in `checks:` and `ignore:` must name a check of 'reg'
 *     (the unit's registry, with any Lua rules) that can be configured;
 *   - finally Roadmap.index (model_index.h) is built.
 * Items whose id is missing (already reported) are left out of lookups. */
void resolve_roadmap(Roadmap *rm, const Catalog *cat, const CheckRegistry *reg, Arena *a,
		     DiagList *dl);

#endif
