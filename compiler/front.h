/* front.h - the front ends, by table: source text to node tree.
 *
 * Front-end layer. Each front end (front_<syntax>.c) turns one SrcFile into
 * the node tree of node.h; the driver picks it by the file's suffix from the
 * table in front.c, so adding a syntax is one file and one row. A front end
 * may also declare Lua rules it found (`rule "name" { ... }`), which the
 * driver registers before the schema runs, so a roadmap's `checks:` and
 * `ignore:` can name them. */
#ifndef ROADMAPC_FRONT_H
#define ROADMAPC_FRONT_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "limits.h"
#include "node.h"
#include "srcfile.h"

/* A rule declared by the file; its checking code stays in the file and is
 * run again by the rule runner in the checks phase. */
typedef struct FrontRule {
	const char *name;
	Severity severity;
	const char *summary;    /* one line, for list-checks */
	const char *description;
	SrcLoc loc;
} FrontRule;

/* What a front end made of a file. Everything lives in the unit's arena. */
typedef struct FrontResult {
	Node *root;             /* NULL for an empty file */
	FrontRule *rules;
	size_t nrules, rules_cap;
	/* What running the file used of its Lua budgets; the file's rules run
	 * on what is left (limits.h). Zero for YAML. */
	SandboxUsage lua_usage;
} FrontResult;

/* Parses 'sf' into 'out' within the limits. Returns 0, or -1 after
 * reporting the structural errors that stop the file to 'dl'. */
typedef int (*FrontParseFn)(const SrcFile *sf, const Limits *lim, Arena *a, DiagList *dl,
			    FrontResult *out);

typedef struct FrontEnd {
	const char *name;               /* "YAML", for messages */
	const char *const *suffixes;    /* ".yaml", ".yml"; NULL-terminated */
	Syntax syntax;
	FrontParseFn parse;             /* NULL: recognised but not built in */
	const char *check;              /* its syntax-error check: "yaml-syntax" */
} FrontEnd;

extern const FrontEnd front_ends[];
extern const size_t front_ends_len;

/* The front end for 'path' by its suffix; YAML for standard input and for
 * any other name. */
const FrontEnd *front_for_path(const char *path);

#endif
