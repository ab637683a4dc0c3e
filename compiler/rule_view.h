/* rule_view.h - the resolved roadmap as Lua rules see it: read-only.
 *
 * Model layer, under the rule runner (check_rules.c). A rule's check
 * function gets the roadmap as a tree of proxies: userdata that read the
 * model and its index (model_index.h) field by field when asked, so a rule
 * that looks at three stages of a large roadmap costs three lookups, and
 * nothing in Lua can write to the model. Each item (a stage, question,
 * concern, seller action, content item, the roadmap) has one proxy per run,
 * so items compare with == and work as table keys, in a fixed order for
 * `pairs` (sandbox_set_order). docs/lua.md lists the fields. */
#ifndef ROADMAPC_RULE_VIEW_H
#define ROADMAPC_RULE_VIEW_H

#include "diag.h"
#include "model.h"
#include "sandbox.h"

/* Pushes the view of 'rm' (its `roadmap` proxy). 'today' is the day the
 * run checks against (--today), shown as roadmap.today. The model must
 * outlive the run. */
void rule_view_push(lua_State *L, const Roadmap *rm, long today);

/* The item the value at 'idx' stands for, with its location in '*loc';
 * SUBJECT_NONE when the value is no item of the view. */
Subject rule_view_subject(lua_State *L, int idx, SrcLoc *loc);

/* "a list", "a set of values", "a string", ...: what the value at 'idx' is,
 * for messages. */
const char *rule_view_what(lua_State *L, int idx);

#endif
