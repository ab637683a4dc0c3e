/* resolve.c - ids to items, defaults and phase inference; see resolve.h.
 *
 * Third phase: schema.c -> resolve.c -> checks. Works on the model only (the
 * node tree is gone), in a fixed order: derived ids first, because
 * references may name them ("need.is-it-worth-it"); then one id table per kind of item,
 * which finds duplicates; then references, content types and phases. Ids
 * are looked up in hash tables (a roadmap may have thousands of items); the
 * suggestions and lists in messages walk items in file order, so output
 * never depends on hashing. */
#include "resolve.h"
#include "hash.h"
#include "model_index.h"
#include "schema_read.h"
#include "slug.h"
#include "stdlib_files.h"
#include "strmap.h"
#include "suggest.h"

#include <stdint.h>
#include <string.h>

/* How many ids a "the stages are: ..." help line lists before "...". */
#define LIST_MAX 8

/* Content types listed in full for an unknown type: the whole built-in
 * catalog, and a user's catalog up to this size. */
#define TYPES_LISTED 40

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
	StrMap types;           /* the roadmap's own content types, by name */
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
 * unless it is a derived id ('dflt'): derived_id() makes those unique, so
 * they collide only when the stage ids they are made from do, which is
 * reported already. */
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

/* The concern "STAGE.cN" meant when roadmapc 0.1 numbered the concerns
 * without an id by position: the Nth concern of that stage, when it has no
 * id of its own (derived ids have a '.'); NULL otherwise. Its id now comes
 * from its text, so an old reference gets that id as a suggestion. */
static const char *numbered_concern(Resolver *r, const char *id)
{
	const char *dot = strrchr(id, '.');
	if (!dot || dot[1] != 'c' || dot[2] < '1' || dot[2] > '9')
		return NULL;
	size_t n = 0;
	for (const char *p = dot + 2; *p; p++) {
		if (*p < '0' || *p > '9' || n > 100000)
			return NULL;
		n = n * 10 + (size_t)(*p - '0');
	}
	const Def *def = strmap_get(&r->stages.map, id, (size_t)(dot - id));
	if (!def)
		return NULL;
	const Stage *st = def->item;
	if (n > st->nconcerns || !st->concerns[n - 1]->id || !strchr(st->concerns[n - 1]->id, '.'))
		return NULL;
	return st->concerns[n - 1]->id;
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
	const char *meant = t == &r->concerns ? numbered_concern(r, ref->id) : NULL;
	if (meant)
		schema_help(&r->c, d,
			    "a concern without an id is named after its text, no longer by its "
			    "position: did you mean '%s'?", meant);
	else
		help_ids(r, d, t, ref->id);
}

static void link_all(Resolver *r, IdTable *t, RefList *refs, const char *field, const char *noun,
		     const char *id)
{
	for (size_t i = 0; i < refs->n; i++)
		link_ref(r, t, &refs->items[i], field, noun, id);
}

/* Longest slug of a derived id before it is cut at a word and given a
 * short hash of the whole, so that long questions keep readable ids. */
#define DERIVED_MAX 40

/* The id of a question or concern written without one, from its text
 * alone (docs/language.md, "Ids"): "STAGE.SLUG", where SLUG is the text as
 * an id-like word (slug.h), cut at a word to at most DERIVED_MAX characters
 * and followed by '-' and four hexadecimal digits of a hash of the whole
 * slug when it is longer; a text with no letter or digit gets eight digits
 * of a hash of the text instead. A second item of the same stage and kind
 * with the same text gets "-2", a third "-3". Nothing but the text and the
 * stage id go in, so inserting, deleting or reordering other items never
 * changes it: baselines and fingerprints rely on that. */
static const char *derived_id(Resolver *r, const IdTable *t, const char *stage,
			      const char *text)
{
	StrBuf sb = STRBUF_INIT;
	strbuf_printf(&sb, "%s.", stage);
	size_t prefix = sb.len;
	slug_append(&sb, text, strlen(text));
	size_t slug_len = sb.len - prefix;
	if (slug_len == 0) {
		uint64_t h = hash_bytes(&HASH_FIXED_KEY, text, strlen(text));
		strbuf_printf(&sb, "%08llx", (unsigned long long)(h >> 32));
	} else if (slug_len > DERIVED_MAX) {
		uint64_t h = hash_bytes(&HASH_FIXED_KEY, sb.data + prefix, slug_len);
		size_t cut = prefix + DERIVED_MAX;
		while (cut > prefix && sb.data[cut] != '-')
			cut--;
		if (cut == prefix)      /* one long word: cut inside it */
			cut = prefix + DERIVED_MAX;
		sb.len = cut;
		strbuf_printf(&sb, "-%04llx", (unsigned long long)(h >> 48));
	}
	size_t base = sb.len;
	for (unsigned n = 2; strmap_get(&t->map, sb.data, sb.len); n++) {
		sb.len = base;
		strbuf_printf(&sb, "-%u", n);
	}
	const char *id = arena_strdup(r->c.arena, strbuf_cstr(&sb));
	strbuf_free(&sb);
	return id;
}

/* Default ids and names, then the id tables. A derived id cannot take an
 * id written in the file: those have no '.' (one with a dot is an error). */
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
			if (dflt && st->id && cn->text)
				cn->id = derived_id(r, &r->concerns, st->id, cn->text);
			define(r, &r->concerns, cn->id, cn, cn->loc, dflt);
		}
		for (size_t j = 0; j < st->nquestions; j++) {
			Question *q = st->questions[j];
			bool dflt = !q->id;
			if (dflt && st->id && q->ask)
				q->id = derived_id(r, &r->questions, st->id, q->ask);
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

/* The roadmap's own `content_types:`: ids, unique, and indexed; they come
 * before the catalog's. */
static void define_types(Resolver *r)
{
	const Roadmap *rm = r->rm;
	for (size_t i = 0; i < rm->ntypes; i++) {
		const ContentType *t = &rm->types[i];
		size_t len = strlen(t->name);
		if (!strmap_get(&r->types, t->name, len))
			strmap_put(&r->types, t->name, len, (void *)t);
	}
}

/* Help for an unknown content type: the nearest type of the roadmap's own
 * and the catalog's, or where types come from. */
static void help_type(Resolver *r, Diag *d, const Catalog *cat, const char *type)
{
	size_t n = cat->ntypes + r->rm->ntypes;
	if (!d || n > r->suggest_budget)
		return;
	r->suggest_budget -= n;
	/* Only a close spelling: a type that merely looks alike would
	 * mislabel the asset ('spreadsheet' is no 'spec-sheet'). */
	Suggest s;
	size_t len = strlen(type);
	suggest_init(&s, type, len);
	suggest_limit(&s, len / 4 > 1 ? len / 4 : 1);
	for (size_t j = 0; j < r->rm->ntypes; j++)
		suggest_add(&s, r->rm->types[j].name);
	for (size_t j = 0; j < cat->ntypes; j++)
		suggest_add(&s, cat->types[j].name);
	if (suggest_result(&s)) {
		schema_help(&r->c, d, "did you mean '%s'?", suggest_result(&s));
		return;
	}
	const char *list = NULL;
	size_t listed = 0;
	for (size_t j = 0; j < n && listed < TYPES_LISTED; j++, listed++) {
		const char *name = j < r->rm->ntypes ? r->rm->types[j].name
						     : cat->types[j - r->rm->ntypes].name;
		list = list ? arena_printf(r->c.arena, "%s, %s", list, name) : name;
	}
	if (n > TYPES_LISTED)
		list = arena_printf(r->c.arena, "%s, ...", list);
	schema_help(&r->c, d, "the content types are: %s", list ? list : "(none)");
	schema_help(&r->c, d,
		    "declare a new one under 'content_types:', or in a %s in an -I directory; "
		    "docs/stdlib.md says what each built-in type delivers", STDLIB_CATALOG);
}

/* type: TYPE, from the roadmap's `content_types:` or the catalog;
 * `delivers` and `channels` default from it. */
static void type_content(Resolver *r, const Catalog *cat)
{
	define_types(r);
	for (size_t i = 0; cat && i < r->rm->ncontent; i++) {
		Content *ct = r->rm->content[i];
		if (!ct->type)
			continue;
		const ContentType *t = strmap_get(&r->types, ct->type, strlen(ct->type));
		if (!t)
			t = catalog_find(cat, ct->type);
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
		help_type(r, d, cat, ct->type);
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
	strmap_init(&r.types, a);

	define_items(&r);
	link_items(&r);
	check_names(&r);
	type_content(&r, cat);
	infer_phases(rm);
	rm->index = model_index_build(rm, a);
}
