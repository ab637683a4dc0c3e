/* front_lua.h - the Lua front end: the roadmap DSL, run in the sandbox.
 *
 * Front-end layer. A .lua roadmap is a program that describes the roadmap
 * with calls (`stage "need" { ... }`) or returns it as a table shaped like
 * the YAML form; either way it becomes the node tree of node.h, so the
 * schema gives the same diagnostics as for YAML, with help in Lua words.
 * The same DSL runs rule files (`rules:` modules and --rules), which may
 * only declare rules, and reruns a file to fetch a rule's check function
 * for the rule runner (check_rules.c): nothing of a Lua state outlives the
 * run that made it (sandbox.h). docs/lua.md is the user's reference. */
#ifndef ROADMAPC_FRONT_LUA_H
#define ROADMAPC_FRONT_LUA_H

#include <stdbool.h>

#include "front.h"
#include "sandbox.h"

/* The FrontParseFn of .lua roadmaps: runs 'sf' and builds its node tree
 * and the rules it declares. */
int front_lua_parse(const SrcFile *sf, const Limits *lim, Arena *a, DiagList *dl,
		    FrontResult *out);

/* A file of rules only (a `rules:` module or a --rules file): runs it and
 * puts the rules it declares in out->rules; anything else it makes is an
 * error. Returns 0, or -1 after reporting to 'dl'. */
int front_lua_declare_rules(const SrcFile *sf, const Limits *lim, Arena *a, DiagList *dl,
			    FrontResult *out);

/* Inside a sandbox run on the file that declared rule 'name': runs the
 * file again and pushes the rule's check function. False (nothing pushed)
 * when the file no longer declares it. */
bool front_lua_push_rule(lua_State *L, const char *name);

#endif
