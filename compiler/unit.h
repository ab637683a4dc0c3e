/* unit.h - one input file and everything made from it: the run record.
 *
 * The driver fills a Unit per input (read -> front end -> schema -> resolve
 * -> checks) and the outputs (reports, diagrams, the plan, baselines) only
 * read it, so neither depends on the other. A Unit owns its arena: the
 * SrcFile, node tree, model and diagnostics live until unit_free(). */
#ifndef ROADMAPC_UNIT_H
#define ROADMAPC_UNIT_H

#include <stdbool.h>

#include "arena.h"
#include "diag.h"
#include "model.h"
#include "registry.h"
#include "srcfile.h"

typedef struct Unit {
	const char *path;       /* as the user named it ("-" for standard input) */
	const char *name;       /* as reported: the normalised path, or "<stdin>" */
	Arena arena;
	SrcFile src;
	bool loaded;            /* the file was read (src is valid) */
	const char *error;      /* why it could not be read, or NULL */
	CheckRegistry registry; /* the run's checks and the file's own rules */
	SandboxUsage lua_usage; /* what the file's Lua has used of its budgets */
	Roadmap *roadmap;       /* NULL when structural errors stopped it */
	bool checked;           /* the checks ran (no structural errors) */
	Coverage coverage;      /* valid when 'checked' */
	DiagList diags;
} Unit;

/* Initialises 'u' for input 'path' (not copied: it must outlive 'u'). */
void unit_init(Unit *u, const char *path);
void unit_free(Unit *u);

#endif
