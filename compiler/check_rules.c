/* check_rules.c - Lua rules: registered like checks, run in the sandbox.
 *
 * Checks layer. A rule (`rule "name" { severity, description, check }`)
 * comes from the roadmap's own Lua file, from a module the roadmap names
 * in `rules:` (stdlib file rule-NAME.lua, found by stdlib_load: -I and
 * ROADMAPC_PATH first, then the copy built in), or from a --rules file the
 * driver loads for the whole run. Each becomes a CheckInfo row of the
 * unit's registry whose function is check_rule(), so severities, `ignore:`,
 * baselines, every report format, `explain` and `list-checks` treat it as
 * they treat a built-in check.
 *
 * Running a rule: no Lua state outlives the run that made it, so
 * check_rule() runs the file that declared the rule again in a fresh
 * sandbox, takes the rule's check function, and calls it with the
 * read-only view of the roadmap (rule_view.h) and a `report` function.
 * Every rule run on one input draws on that input's budgets
 * (CheckConfig.lua_usage). A rule that fails gets a diagnostic at its
 * file and line; the other checks run on. */
#include "check.h"
#include "front_lua.h"
#include "rule_view.h"
#include "stdlib_files.h"
#include "suggest.h"

#include <lauxlib.h>
#include <lua.h>
#include <string.h>

#define MODULE_PREFIX "rule-"
#define MODULE_SUFFIX ".lua"
#define MESSAGE_MAX 500         /* bytes of a finding's message */

typedef struct RuleDef {
	const SrcFile *src;     /* the file that declares it */
	const char *name;
} RuleDef;

/* ---- registering ---- */

void check_rules_register(CheckRegistry *reg, const FrontRule *rules, size_t n, const SrcFile *src,
			  Arena *a, DiagList *dl)
{
	for (size_t i = 0; i < n; i++) {
		const FrontRule *r = &rules[i];
		RuleDef *def = arena_alloc(a, sizeof *def);
		def->src = src;
		def->name = r->name;
		CheckInfo *ci = arena_alloc(a, sizeof *ci);
		ci->name = r->name;
		ci->default_severity = r->severity;
		ci->fn = check_rule;
		ci->summary = r->summary;
		ci->description = r->description;
		ci->loc = r->loc;
		ci->data = def;
		const CheckInfo *old = registry_add(reg, ci);
		if (!old)
			continue;
		Diag *d = diag_report(dl, r->loc, SEV_ERROR, "duplicate-id",
				      "a check called '%s' already exists", r->name);
		if (old->loc.src)
			diag_note(dl, d, old->loc, "'%s' defined here", r->name);
		else
			diag_note(dl, d, (SrcLoc){ 0 }, "'%s' is a built-in check", r->name);
		diag_help(dl, d, "give the rule a name of its own");
	}
}

/* The built-in rule modules' names, NULL-terminated, in 'a'. */
static const char **module_names(Arena *a)
{
	size_t n, k = 0;
	const StdlibFile *files = stdlib_files(&n);
	const char **names = arena_alloc(a, (n + 1) * sizeof *names);
	size_t plen = strlen(MODULE_PREFIX), slen = strlen(MODULE_SUFFIX);
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(files[i].name);
		if (len > plen + slen && strncmp(files[i].name, MODULE_PREFIX, plen) == 0 &&
		    strcmp(files[i].name + len - slen, MODULE_SUFFIX) == 0)
			names[k++] = arena_strndup(a, files[i].name + plen, len - plen - slen);
	}
	names[k] = NULL;
	return names;
}

static bool module_name_ok(const char *s)
{
	if (!*s || *s == '-' || *s == '_')
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return false;
	return true;
}

/* Reads and runs rule file 'text' (called 'path') and registers its rules;
 * -1 when it has errors (reported). */
static int load_rule_text(const char *path, const char *text, size_t len, CheckRegistry *reg,
			  const Limits *lim, Arena *a, DiagList *dl)
{
	SrcFile *sf = arena_alloc(a, sizeof *sf);
	if (srcfile_init(sf, a, path, text, len) < 0) {
		SrcLoc loc = { sf, 1, 1, 1 };
		diag_report(dl, loc, SEV_ERROR, "lua-error",
			    "the file starts with a UTF-16 mark but is not valid UTF-16");
		return -1;
	}
	srcfile_set_syntax(sf, a, SYNTAX_LUA);
	FrontResult fr;
	if (front_lua_declare_rules(sf, lim, a, dl, &fr) < 0)
		return -1;
	size_t before = dl->n;
	check_rules_register(reg, fr.rules, fr.nrules, sf, a, dl);
	return dl->n > before ? -1 : 0;
}

int check_rules_load_modules(const Roadmap *rm, CheckRegistry *reg, const char *const *dirs,
			     size_t ndirs, const Limits *lim, Arena *a, DiagList *dl)
{
	int rc = 0;
	for (size_t i = 0; i < rm->nrules; i++) {
		const Ref *r = &rm->rules[i];
		bool seen = false;
		for (size_t k = 0; k < i; k++)
			seen |= strcmp(rm->rules[k].id, r->id) == 0;
		if (seen)
			continue;
		if (!module_name_ok(r->id)) {
			Diag *d = diag_report(dl, r->loc, SEV_ERROR, "invalid-value",
					      "invalid rule module name '%s'", r->id);
			diag_help(dl, d, "a rule module is named like an id: lower-case letters, digits, '-' and '_'");
			rc = -1;
			continue;
		}
		StdlibText t;
		StrBuf err = STRBUF_INIT;
		const char *file = arena_printf(a, MODULE_PREFIX "%s" MODULE_SUFFIX, r->id);
		int found = stdlib_load(file, dirs, ndirs, a, &t, &err);
		if (found == -2) {
			diag_report(dl, r->loc, SEV_ERROR, "invalid-value", "rule module '%s': %s", r->id,
				    strbuf_cstr(&err));
			rc = -1;
		} else if (found < 0) {
			Diag *d = diag_report(dl, r->loc, SEV_ERROR, "invalid-value",
					      "unknown rule module '%s'", r->id);
			const char **names = module_names(a);
			const char *best = suggest_word(r->id, names);
			if (best) {
				diag_help(dl, d, "did you mean '%s'?", best);
			} else {
				const char *list = names[0] ? names[0] : "";
				for (size_t k = 1; names[k]; k++)
					list = arena_printf(a, "%s, %s", list, names[k]);
				diag_help(dl, d, "a module NAME is the file " MODULE_PREFIX "NAME" MODULE_SUFFIX
						 " in a directory given with -I or ROADMAPC_PATH; the built-in "
						 "modules are: %s", list);
			}
			rc = -1;
		} else {
			size_t before = dl->n;
			if (load_rule_text(t.path, t.text, t.len, reg, lim, a, dl) < 0) {
				/* The error is in the module: say where the roadmap names it. */
				if (dl->n > before)
					diag_note(dl, dl->items[before], r->loc, "rule module '%s' is named here",
						  r->id);
				rc = -1;
			}
		}
		strbuf_free(&err);
	}
	return rc;
}

int check_rules_load_file(const char *path, const char *text, size_t len, CheckRegistry *reg,
			  const Limits *lim, Arena *a, DiagList *dl)
{
	return load_rule_text(path, text, len, reg, lim, a, dl);
}

int check_rules_load_module(const char *name, CheckRegistry *reg, const char *const *dirs,
			    size_t ndirs, const Limits *lim, Arena *a, DiagList *dl)
{
	if (!module_name_ok(name))
		return 1;
	StdlibText t;
	StrBuf err = STRBUF_INIT;
	int found = stdlib_load(arena_printf(a, MODULE_PREFIX "%s" MODULE_SUFFIX, name), dirs, ndirs, a,
				&t, &err);
	strbuf_free(&err);
	if (found < 0)
		return 1;
	return load_rule_text(t.path, t.text, t.len, reg, lim, a, dl) < 0 ? -1 : 0;
}

/* ---- running ---- */

typedef struct RuleRun {
	CheckCtx *ctx;
	const RuleDef *def;
	size_t findings, max_findings;
} RuleRun;

/* The message of a finding: text, on one line, valid UTF-8, not too long. */
static const char *finding_text(lua_State *L, int idx, Arena *a)
{
	size_t len;
	const char *s = lua_tolstring(L, idx, &len);
	char *out = arena_alloc(a, (len < MESSAGE_MAX ? len : MESSAGE_MAX) + 4);
	size_t o = 0;
	for (size_t i = 0; i < len && o < MESSAGE_MAX;) {
		size_t n = utf8_valid_len(s + i, len - i);
		unsigned char c = (unsigned char)s[i];
		if (n == 0 || c < 0x20 || c == 0x7F) {   /* one line, valid UTF-8 */
			out[o++] = c == '\n' || c == '\t' || c == '\r' ? ' ' : '?';
			i++;
			continue;
		}
		if (o + n > MESSAGE_MAX)
			break;
		memcpy(out + o, s + i, n);
		o += n;
		i += n;
	}
	if (o < len && o >= MESSAGE_MAX)
		memcpy(out + o, "...", 3), o += 3;
	out[o] = '\0';
	return out;
}

/* report(item, message) or report(item, other, message). */
static int rule_report(lua_State *L)
{
	RuleRun *rr = lua_touserdata(L, lua_upvalueindex(1));
	int nargs = lua_gettop(L);
	SrcLoc loc, other_loc;
	Subject subject = rule_view_subject(L, 1, &loc), object = subject_none();
	if (subject.kind == SUBJECT_NONE)
		return sandbox_error(L, "pass one of the roadmap's items: report(stage, \"...\")",
				     "report: the first argument must be an item of the roadmap (the "
				     "roadmap, a stage, question, concern, seller action or content "
				     "item), found %s", rule_view_what(L, 1));
	if (nargs >= 3) {
		object = rule_view_subject(L, 2, &other_loc);
		if (object.kind == SUBJECT_NONE || object.kind == SUBJECT_ROADMAP)
			return sandbox_error(L, NULL, "report: the second of three arguments must be an "
						      "item of the roadmap (not the roadmap itself), found %s",
					     rule_view_what(L, 2));
	}
	int msg = nargs >= 3 ? 3 : 2;
	if (lua_type(L, msg) != LUA_TSTRING && lua_type(L, msg) != LUA_TNUMBER)
		return sandbox_error(L, "say what is wrong: report(stage, \"no pricing before the shortlist\")",
				     "report: the message must be text, found %s", rule_view_what(L, msg));
	if (++rr->findings > rr->max_findings)
		return sandbox_limit(L, "a rule reports each gap once: look for a loop that reports the "
					"same item again and again, or raise the limit with --limit findings=N",
				     "it reported more than %zu findings",
				     rr->max_findings);
	CheckCtx *ctx = rr->ctx;
	check_report(ctx, loc, subject, object, "%s", finding_text(L, msg, ctx->dl->arena));
	return 0;
}

static void run_rule(lua_State *L, void *ud)
{
	RuleRun *rr = ud;
	if (!front_lua_push_rule(L, rr->def->name))
		luaL_error(L, "the file no longer declares rule '%s'", rr->def->name);
	const CheckConfig *cfg = rr->ctx->cfg;
	rule_view_push(L, rr->ctx->rm, cfg ? cfg->today : -1);
	lua_pushlightuserdata(L, rr);
	lua_pushcclosure(L, rule_report, 1);
	lua_call(L, 2, 0);
}

void check_rule(CheckCtx *ctx)
{
	const RuleDef *def = ctx->info->data;
	const CheckConfig *cfg = ctx->cfg;
	Limits defaults = limits_default();
	SandboxUsage fresh = { 0, 0 };
	const Limits *lim = cfg && cfg->limits ? cfg->limits : &defaults;
	RuleRun rr = { ctx, def, 0, lim->max_rule_findings };
	SandboxRun run = {
		def->src,
		lim,
		cfg && cfg->lua_usage ? cfg->lua_usage : &fresh,
		ctx->dl,
		ctx->info->loc,
		arena_printf(ctx->dl->arena, "rule '%s'", def->name),
	};
	sandbox_run(&run, run_rule, &rr);
}
