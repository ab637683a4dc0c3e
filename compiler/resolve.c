/* resolve.c - ids to items, defaults and phase inference; see resolve.h.
 *
 * Third phase: schema.c -> resolve.c -> checks. Works on the model only (the
 * node tree is gone), in a fixed order: default ids first, because
 * references may name them ("need.c1"); then one id table per kind of item,
 * which finds duplicates; then references, content types and phases. Ids
 * are looked up in hash tables (a roadmap may have thousands of items); the
 * suggestions and lists in messages walk items in file order, so output
 * never depends on hashing. */
#include "resolve.h"
#include "model_index.h"
#include "schema_read.h"
#include "stdlib_files.h"
#include "strmap.h"
#include "suggest.h"

#include <string.h>

/* How many ids a "the stages are: ..." help line lists before "...". */
#define LIST_MAX 8

/* Ids compared for "did you mean" suggestions, in total. Each unknown
 * reference is compared with every id of its kind, which on a file with
 * thousands of broken references would take minutes; past the budget the
 * errors come without suggestions. */
#define SUGGEST_BUDGET 200000

/* Where an id was first defined. */
typedef struct Def {
	void *item;
	SrcLoc loc;
} Def;

/* The ids of one kind of item: a hash table for lookups, and the ids in
 * file order (first definitions only) for suggestions. */
typedef struct IdTable {
	const char *noun;       /* "stage" */
	const char *plural;     /* "stages" */
	const char *where;      /* where the user adds one: "under 'content:'" */
	const char *lua_where;  /* the same in Lua: "with content \"id\" { ... }" */
	size_t items;           /* items of the kind, with an id or not */
	StrMap map;
	const char **ids;
	size_t n, cap;
} IdTable;

typedef struct Resolver {
	SchemaCtx c;
	Roadmap *rm;
	const CheckRegistry *reg;
	size_t suggest_budget;  /* ids left to compare for suggestions */
	IdTable stages, questions, concerns, seller, content;
} Resolver;

static void table_init(Resolver *r, IdTable *t, const char *noun, const char *plural,
		       const char *where, const char *lua_where)
{
	memset(t, 0, sizeof *t);
	t->noun = noun;
	t->plural = plural;
	t->where = where;
	t->lua_where = lua_where;
	strmap_init(&t->map, r->c.arena);
}

/* Defines 'id' for 'item'. A second definition is a `duplicate-id` error,
 * unless it is a default id ('dflt'): those collide only when the stage ids
 * they are made from do, which is reported already. */
static void define(Resolver *r, IdTable *t, const char *id, void *item, SrcLoc loc, bool dflt)
{
	t->items++;
	if (!id)
		return;
	size_t len = strlen(id);
	const Def *first = strmap_get(&t->map, id, len);
	if (first) {
		if (dflt)
			return;
		Diag *d = schema_error(&r->c, loc, "duplicate-id", "duplicate %s id '%s'", t->noun,
				       id);
		if (first->loc.line == loc.line && first->loc.col == loc.col &&
		    first->loc.src == loc.src) {
			schema_help(&r->c, d,
				    r->rm->src && r->rm->src->syntax == SYNTAX_LUA
					    ? "the same call made this %s twice: in a loop, or placed in two lists"
					    : "this %s is included twice through a YAML alias",
				    t->noun);
		} else {
			schema_note(&r->c, d, first->loc, "'%s' first defined here", id);
			schema_help(&r->c, d, "give each %s its own id", t->noun);
		}
		return;
	}
	Def *def = arena_alloc(r->c.arena, sizeof *def);
	def->item = item;
	def->loc = loc;
	strmap_put(&t->map, id, len, def);
	ARENA_PUSH(r->c.arena, t->ids, t->n, t->cap, id);
}

/* Help for an id that matches nothing: the nearest id of the kind, or the
 * ids there are, or how to add one. */
static void help_ids(Resolver *r, Diag *d, const IdTable *t, const char *id)
{
	if (!d || t->n > r->suggest_budget)
		return;
	r->suggest_budget -= t->n;
	Suggest s;
	suggest_init(&s, id, strlen(id));
	for (size_t i = 0; i < t->n; i++)
		suggest_add(&s, t->ids[i]);
	if (suggest_result(&s)) {
		schema_help(&r->c, d, "did you mean '%s'?", suggest_result(&s));
		return;
	}
	if (t->n == 0) {
		if (t->items == 0)
			schema_help(&r->c, d, "the roadmap has no %s yet; add them %s", t->plural,
				    r->rm->src && r->rm->src->syntax == SYNTAX_LUA ? t->lua_where : t->where);
		else
			schema_help(&r->c, d, "none of the %s has an id yet", t->plural);
		return;
	}
	const char *list = t->ids[0];
	for (size_t i = 1; i < t->n && i < LIST_MAX; i++)
		list = arena_printf(r->c.arena, "%s, %s", list, t->ids[i]);
	schema_help(&r->c, d, "the %s are: %s%s", t->plural, list, t->n > LIST_MAX ? ", ..." : "");
}

static const char *label(Resolver *r, const char *noun, const char *id)
{
	return id ? arena_printf(r->c.arena, "%s '%s'", noun, id)
		  : arena_printf(r->c.arena, "a %s without an id", noun);
}

/* Points 'ref' at its item, or reports `unknown-reference` at the id. The
 * referring item is named by 'noun' and 'id', formatted only for an error:
 * this runs for every reference of a large roadmap. */
static void link_ref(Resolver *r, IdTable *t, Ref *ref, const char *field, const char *noun,
		     const char *id)
{
	if (!ref->id)
		return;
	const Def *def = strmap_get(&t->map, ref->id, strlen(ref->id));
	if (def) {
		ref->target.any = def->item;
		return;
	}
	Diag *d = schema_error(&r->c, ref->loc, "unknown-reference",
			       "unknown %s '%s' in '%s' of %s", t->noun, ref->id, field, label(r, noun, id));
	help_ids(r, d, t, ref->id);
}

static void link_all(Resolver *r, IdTable *t, RefList *refs, const char *field, const char *noun,
		     const char *id)
{
	for (size_t i = 0; i < refs->n; i++)
		link_ref(r, t, &refs->items[i], field, noun, id);
}

/* Default ids and names, then the id tables. */
static void define_items(Resolver *r)
{
	Roadmap *rm = r->rm;
	for (size_t i = 0; i < rm->nstages; i++) {
		Stage *st = rm->stages[i];
		if (!st->name)
			st->name = st->id;
		define(r, &r->stages, st->id, st, st->loc, false);
		for (size_t j = 0; j < st->nconcerns; j++) {
			Concern *cn = st->concerns[j];
			cn->index = r->concerns.items;  /* define() counts them */
			bool dflt = !cn->id;
			if (dflt && st->id)
				cn->id = arena_printf(r->c.arena, "%s.c%zu", st->id, j + 1);
			define(r, &r->concerns, cn->id, cn, cn->loc, dflt);
		}
		for (size_t j = 0; j < st->nquestions; j++) {
			Question *q = st->questions[j];
			bool dflt = !q->id;
			if (dflt && st->id)
				q->id = arena_printf(r->c.arena, "%s.q%zu", st->id, j + 1);
			define(r, &r->questions, q->id, q, q->loc, dflt);
		}
	}
	for (size_t i = 0; i < rm->nseller; i++) {
		SellerAction *sa = rm->seller[i];
		if (!sa->name)
			sa->name = sa->id;
		define(r, &r->seller, sa->id, sa, sa->loc, false);
	}
	for (size_t i = 0; i < rm->ncontent; i++) {
		Content *ct = rm->content[i];
		if (!ct->title)
			ct->title = ct->id;
		define(r, &r->content, ct->id, ct, ct->loc, false);
	}
}

static void link_items(Resolver *r)
{
	Roadmap *rm = r->rm;
	for (size_t i = 0; i < rm->nstages; i++) {
		Stage *st = rm->stages[i];
		for (size_t j = 0; j < st->nconcerns; j++) {
			Concern *cn = st->concerns[j];
			link_all(r, &r->content, &cn->content, "content", "concern", cn->id);
		}
		for (size_t j = 0; j < st->nquestions; j++) {
			Question *q = st->questions[j];
			link_all(r, &r->content, &q->content, "content", "question", q->id);
			link_ref(r, &r->concerns, &q->concern, "concern", "question", q->id);
		}
	}
	for (size_t i = 0; i < rm->nseller; i++) {
		SellerAction *sa = rm->seller[i];
		link_all(r, &r->stages, &sa->supports, "supports", "seller action", sa->id);
		link_all(r, &r->content, &sa->uses, "uses", "seller action", sa->id);
	}
}

/* type: TYPE, from the catalog; `delivers` and `channels` default from it. */
static void type_content(Resolver *r, const Catalog *cat)
{
	for (size_t i = 0; cat && i < r->rm->ncontent; i++) {
		Content *ct = r->rm->content[i];
		if (!ct->type)
			continue;
		const ContentType *t = catalog_find(cat, ct->type);
		if (t) {
			if (!ct->delivers_set)
				ct->delivers = t->delivers;
			if (!ct->channels_set)
				ct->channels = t->channels;
			continue;
		}
		Diag *d = schema_error(&r->c, ct->type_loc, "invalid-value",
				       "unknown content type '%s' in %s", ct->type,
				       label(r, "content", ct->id));
		if (!d || cat->ntypes > r->suggest_budget)
			continue;
		r->suggest_budget -= cat->ntypes;
		Suggest s;
		suggest_init(&s, ct->type, strlen(ct->type));
		for (size_t j = 0; j < cat->ntypes; j++)
			suggest_add(&s, cat->types[j].name);
		if (suggest_result(&s))
			schema_help(&r->c, d, "did you mean '%s'?", suggest_result(&s));
		else
			schema_help(
				&r->c, d,
				"docs/language.md lists the content types (this run read them from %s)",
				cat->path);
	}
}

/* Phase inference (docs/language.md): stages before the first `purchase`
 * stage, or all stages when there is none, default to `pre-purchase`; the
 * stages after it default to `post-purchase`. */
static void infer_phases(Roadmap *rm)
{
	size_t purchase = rm->nstages;
	for (size_t i = 0; i < rm->nstages && purchase == rm->nstages; i++)
		if (rm->stages[i]->phase_explicit && rm->stages[i]->phase == PHASE_PURCHASE)
			purchase = i;
	for (size_t i = 0; i < rm->nstages; i++) {
		Stage *st = rm->stages[i];
		if (!st->phase_explicit)
			st->phase = i > purchase && purchase < rm->nstages ? PHASE_POST_PURCHASE
									   : PHASE_PRE_PURCHASE;
	}
}

/* A check name written in `checks:` (item NULL) or in an item's `ignore:`:
 * it must name a check of the unit's registry that can be configured. */
static void check_name(Resolver *r, const char *name, SrcLoc loc, const char *section,
		       const char *item)
{
	const CheckInfo *ci = registry_find(r->reg, name);
	Node shown = { .kind = NODE_SCALAR, .str = name, .len = strlen(name) };
	if (!ci) {
		Diag *d = schema_error(&r->c, loc, "invalid-value", "unknown check %s in '%s'%s",
				       schema_found(&r->c, &shown), section, schema_of(&r->c, item));
		const char *best = registry_suggest(r->reg, name, false);
		if (best)
			schema_help(&r->c, d, "did you mean '%s'?", best);
		else
			schema_help(&r->c, d, "'roadmapc list-checks' shows every check");
	} else if (ci->structural) {
		Diag *d = schema_error(&r->c, loc, "invalid-value",
				       "'%s' is a structural error and cannot be %s", ci->name,
				       strcmp(section, "ignore") == 0 ? "ignored" : "configured");
		schema_help(&r->c, d, "structural errors are always errors: fix the mistake instead");
	}
}

static void check_ignores(Resolver *r, const IgnoreList *ignore, const char *noun, const char *id)
{
	for (size_t i = 0; i < ignore->n; i++)
		check_name(r, ignore->items[i].check, ignore->items[i].loc, "ignore",
			   label(r, noun, id));
}

/* The names of checks the roadmap configures or ignores. */
static void check_names(Resolver *r)
{
	Roadmap *rm = r->rm;
	for (size_t i = 0; i < rm->nchecks; i++)
		check_name(r, rm->checks[i].check, rm->checks[i].loc, "checks", NULL);
	for (size_t i = 0; i < rm->nstages; i++) {
		const Stage *st = rm->stages[i];
		check_ignores(r, &st->ignore, "stage", st->id);
		for (size_t j = 0; j < st->nconcerns; j++)
			check_ignores(r, &st->concerns[j]->ignore, "concern", st->concerns[j]->id);
		for (size_t j = 0; j < st->nquestions; j++)
			check_ignores(r, &st->questions[j]->ignore, "question", st->questions[j]->id);
	}
	for (size_t i = 0; i < rm->nseller; i++)
		check_ignores(r, &rm->seller[i]->ignore, "seller action", rm->seller[i]->id);
	for (size_t i = 0; i < rm->ncontent; i++)
		check_ignores(r, &rm->content[i]->ignore, "content", rm->content[i]->id);
}

/* extends: TEMPLATE names a stdlib stage template. Merging templates is not
 * part of this release: the name is only checked. */
static void check_extends(Resolver *r)
{
	const char *name = r->rm->extends;
	if (!name || stdlib_find_template(name))
		return;
	Diag *d = schema_error(&r->c, r->rm->extends_loc, "invalid-value",
			       "unknown stage template '%s'", name);
	size_t n;
	const StdlibFile *files = stdlib_files(&n);
	const char **names = arena_alloc(r->c.arena, (n + 1) * sizeof *names);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(files[i].name);
		if (len > 5 && strcmp(files[i].name + len - 5, ".yaml") == 0 &&
		    stdlib_find_template(arena_strndup(r->c.arena, files[i].name, len - 5)))
			names[k++] = arena_strndup(r->c.arena, files[i].name, len - 5);
	}
	names[k] = NULL;
	if (k == 0)
		schema_help(&r->c, d,
			    "this release of roadmapc has no stage templates; "
			    "write the stages under 'stages:' and remove 'extends'");
	else
		schema_help_word(&r->c, d, name, names, "stage templates");
}

void resolve_roadmap(Roadmap *rm, const Catalog *cat, const CheckRegistry *reg, Arena *a,
		     DiagList *dl)
{
	Resolver r;
	schema_ctx_init(&r.c, a, dl);
	r.rm = rm;
	r.reg = reg;
	r.suggest_budget = SUGGEST_BUDGET;
	table_init(&r, &r.stages, "stage", "stages", "under 'stages:'", "with stage \"id\" { ... }");
	table_init(&r, &r.questions, "question", "questions", "under a stage's 'questions:'",
		   "with question \"...\" { ... } in a stage");
	table_init(&r, &r.concerns, "concern", "concerns", "under a stage's 'concerns:'",
		   "with concern \"...\" in a stage");
	table_init(&r, &r.seller, "seller action", "seller actions", "under 'seller:'",
		   "with seller \"id\" { ... }");
	table_init(&r, &r.content, "content item", "content items", "under 'content:'",
		   "with content \"id\" { ... }");

	define_items(&r);
	link_items(&r);
	check_names(&r);
	type_content(&r, cat);
	infer_phases(rm);
	check_extends(&r);
	rm->index = model_index_build(rm, a);
}
