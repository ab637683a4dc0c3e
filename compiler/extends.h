/* extends.h - stage templates: finding them and merging them into a roadmap.
 *
 * Schema layer, between the front end and schema.c: a roadmap that says
 * `extends: NAME` gets the stages of the stdlib template NAME.yaml (found on
 * the stdlib search path, stdlib_files.h) merged into its node tree, so YAML
 * and Lua roadmaps share one path and every node keeps the location of the
 * file that wrote it: a mistake in a template points into the template.
 * The merge (docs/language.md, "extends"):
 *   - stages merge by id, in the template's order; a roadmap stage with a
 *     template stage's id merges into it: scalars of the roadmap win, lists
 *     (`expects`, `prefers`, `actions`, a question's `content`, ...) are
 *     appended, `when` is replaced, `questions` and `concerns` merge by id
 *     the same way, `ignore` mappings merge by check name;
 *   - a new stage goes after the stage its `after:` names (a template stage,
 *     or a new stage written before it), else at the end;
 *   - `omit: REASON` removes an inherited stage, question or concern;
 *   - `category` and `timeline` come from the template unless the roadmap
 *     sets them;
 *   - a template may extend another; a cycle or an unknown name is an error.
 * A template file:
 *
 *   template: 1                required: the template format version
 *   summary: TEXT              one line, for list-templates
 *   description: TEXT          a paragraph, for docs/stdlib.md and init
 *   extends: NAME              another template it builds on
 *   category: CATEGORY         the default of the roadmaps that extend it
 *   timeline: UNIT             the unit of its stages' `when`
 *   stages: [STAGE, ...]       stages as in a roadmap */
#ifndef ROADMAPC_EXTENDS_H
#define ROADMAPC_EXTENDS_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "limits.h"
#include "node.h"

/* Where templates are looked for, and the limits their files are read
 * under (those of the roadmap). */
typedef struct ExtendsPath {
	const char *const *dirs;        /* the stdlib search path; the embedded stdlib comes last */
	size_t ndirs;
	const Limits *limits;
	const char *installed;          /* the installed stdlib (one of 'dirs'), or NULL */
} ExtendsPath;

/* Returns 'root' (a roadmap's node tree) with the template its top-level
 * `extends:` names merged in; 'root' itself when it extends nothing or the
 * template cannot be used. Reports unknown, unreadable and cyclic templates,
 * mistakes in template files, and misused `after:` and `omit:` (which the
 * result never contains) to 'dl'. New nodes live in 'a'. */
Node *extends_merge(Node *root, const ExtendsPath *path, Arena *a, DiagList *dl);

/* Notes, on each error from position 'from' of 'dl' on that points outside
 * 'home' (into a template), that the roadmap extends template 'name' at
 * 'at', so a mistake in a template file says how the roadmap came to it. */
void extends_note_errors(DiagList *dl, size_t from, const SrcFile *home, const char *name,
			 SrcLoc at);

/* The keys the merge reads and removes, for the JSON Schema: on a stage,
 * `after` and `omit`; on a question or a long-form concern, `omit`. */
extern const char *const extends_stage_keys[];
extern const char *const extends_item_keys[];

/* A stage template, as list-templates and init show it. */
typedef struct Template {
	const char *name;               /* "b2b-complex" */
	const char *path;               /* where it was found: "<builtin>/b2b-complex.yaml" */
	bool builtin;                   /* built into roadmapc, or in the installed stdlib */
	const char *summary;            /* "" when absent */
	const char *description;        /* "" when absent */
	const char *extends;            /* the template it builds on, or NULL */
} Template;

/* Loads template 'name' (with the templates it extends) and describes it.
 * Returns 0, or -1 after reporting why it cannot be used to 'dl'. */
int extends_load(const char *name, const ExtendsPath *path, Arena *a, DiagList *dl,
		 Template *out);

/* Every template on the search path, by name, each once (the file that
 * `extends:` would use). A file that is not a template (no `template:`
 * key, or not YAML) is left out. Returns the count; the array lives in 'a'. */
size_t extends_list(const ExtendsPath *path, Arena *a, Template **out);

/* The template name of a template file's path: "b2b-complex" for
 * ".../b2b-complex.yaml". In 'a'. */
const char *extends_name_of(Arena *a, const char *path);

#endif
