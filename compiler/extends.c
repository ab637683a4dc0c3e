/* extends.c - stage templates: loading them and merging node trees; see extends.h.
 *
 * Schema layer: front end -> extends.c -> schema.c. The merge works on node
 * trees, never on the model, so a roadmap written in any front end merges
 * the same way, and the schema then reads the merged tree as if one file
 * had written it, each node carrying the location of the file that did.
 * Nodes the merge takes from either file are shared, not copied; the maps
 * and lists it combines are new. The merge keys `after:` and `omit:` are
 * read here and removed (from the user's own nodes, which nothing else
 * reads), so the schema never sees them.
 *
 * Merging is linear in the size of both trees: ids are looked up in hash
 * maps, and new stages are placed in a tree (each under the stage its
 * `after:` names) flattened once at the end. */
#include "extends.h"
#include "front_yaml.h"
#include "model.h"
#include "schema_read.h"
#include "stdlib_files.h"
#include "strmap.h"
#include "suggest.h"

#include <stdint.h>
#include <string.h>

/* How deep templates may extend templates: far more than any real chain,
 * few enough that a long chain of files cannot exhaust anything. */
#define MAX_CHAIN 16

static const char *const template_keys[] = {
	"template", "summary", "description", "extends", "category", "timeline", "stages", NULL
};
enum { PK_TEMPLATE, PK_SUMMARY, PK_DESCRIPTION, PK_EXTENDS, PK_CATEGORY, PK_TIMELINE,
       PK_STAGES, PK_NKEYS };

const char *const extends_stage_keys[] = { "after", "omit", NULL };
const char *const extends_item_keys[] = { "omit", NULL };

/* What happens to a key both sides have. */
typedef enum Policy {
	REPLACE,        /* the roadmap's value wins: scalars, and `when` */
	APPEND,         /* the template's entries, then the roadmap's */
	BY_ID,          /* items merge by id, new ones are appended */
	MERGE_MAP       /* keys merge, the roadmap's win (`ignore`) */
} Policy;

typedef struct KeyPolicy {
	const char *key;        /* NULL ends the table: every other key */
	Policy policy;
} KeyPolicy;

static const KeyPolicy stage_policy[] = {
	{ "expects", APPEND }, { "prefers", APPEND }, { "actions", APPEND },
	{ "concerns", BY_ID }, { "questions", BY_ID }, { "ignore", MERGE_MAP },
	{ NULL, REPLACE }
};
/* Questions and long-form concerns. */
static const KeyPolicy item_policy[] = {
	{ "content", APPEND }, { "ignore", MERGE_MAP }, { NULL, REPLACE }
};

typedef struct Merger {
	SchemaCtx c;
	const ExtendsPath *path;
	const char *chain[MAX_CHAIN];   /* the templates being loaded, outermost first */
	size_t depth;
} Merger;

/* ==== Nodes ==== */

static Node *new_node(Merger *m, NodeKind kind, SrcLoc loc)
{
	Node *n = arena_alloc(m->c.arena, sizeof *n);
	n->kind = kind;
	n->loc = loc;
	return n;
}

static void add_pair(Merger *m, Node *map, size_t *cap, Node *key, Node *value)
{
	NodePair p = { key, value };
	ARENA_PUSH(m->c.arena, map->pairs, map->npairs, *cap, p);
}

static void add_item(Merger *m, Node *seq, size_t *cap, Node *item)
{
	ARENA_PUSH(m->c.arena, seq->items, seq->nitems, *cap, item);
}

static bool same_key(const Node *a, const Node *b)
{
	return a->kind == NODE_SCALAR && b->kind == NODE_SCALAR && a->len == b->len &&
	       memcmp(a->str, b->str, a->len) == 0;
}

/* The pair of mapping 'map' whose key is 'key', or NULL. */
static const NodePair *find_pair(const Node *map, const char *key)
{
	if (!map || map->kind != NODE_MAP)
		return NULL;
	for (size_t i = 0; i < map->npairs; i++)
		if (schema_scalar_is(map->pairs[i].key, key))
			return &map->pairs[i];
	return NULL;
}

static const NodePair *find_same(const Node *map, const Node *key)
{
	for (size_t i = 0; i < map->npairs; i++)
		if (same_key(map->pairs[i].key, key))
			return &map->pairs[i];
	return NULL;
}

static bool is_one_of(const Node *key, const char *const *keys)
{
	for (size_t i = 0; keys && keys[i]; i++)
		if (schema_scalar_is(key, keys[i]))
			return true;
	return false;
}

/* Removes the pairs of 'map' whose key is 'key' (a merge key, once read). */
static void drop_key(Node *map, const char *key)
{
	size_t k = 0;
	for (size_t i = 0; i < map->npairs; i++)
		if (!schema_scalar_is(map->pairs[i].key, key))
			map->pairs[k++] = map->pairs[i];
	map->npairs = k;
}

/* The text of a scalar usable as a name: not null, no NUL; else NULL. */
static const char *text_of(const Node *n)
{
	if (!n || n->kind != NODE_SCALAR || schema_is_null(n) || n->len == 0 || schema_has_nul(n))
		return NULL;
	return n->str;
}

/* The `id` of an item written as a mapping, or NULL. */
static const char *id_of(const Node *item)
{
	const NodePair *p = find_pair(item, "id");
	return p ? text_of(p->value) : NULL;
}

/* The entries of a list-valued key as written: a list's items; a scalar or
 * a mapping alone is a list of one ('one' holds it); null is none. */
static size_t entries(Node *v, Node **one, Node *const **items)
{
	if (!v || schema_is_null(v))
		return 0;
	if (v->kind == NODE_SEQ) {
		*items = v->items;
		return v->nitems;
	}
	*one = v;
	*items = one;
	return 1;
}

static const char *label(Merger *m, const char *noun, const char *id)
{
	return id ? arena_printf(m->c.arena, "%s '%s'", noun, id)
		  : arena_printf(m->c.arena, "a %s", noun);
}

/* Adds "did you mean" for 'word' among the 'n' strings of 'ids'. */
static void help_near(Merger *m, Diag *d, const char *word, const char *const *ids, size_t n)
{
	if (!d)
		return;
	Suggest s;
	suggest_init(&s, word, strlen(word));
	for (size_t i = 0; i < n; i++)
		if (ids[i])
			suggest_add(&s, ids[i]);
	if (suggest_result(&s))
		schema_help(&m->c, d, "did you mean '%s'?", suggest_result(&s));
}

/* ==== The merge keys ==== */

/* omit: REASON on 'item', a NOUN ("stage") with 'id' (NULL when none);
 * true when the item has it (a missing reason is reported, and the item
 * still counts as omitted). */
static bool omitted(Merger *m, const Node *item, const char *noun, const char *id)
{
	const NodePair *p = find_pair(item, "omit");
	if (!p)
		return false;
	const char *what = label(m, noun, id);
	const Node *v = p->value;
	if (v->kind != NODE_SCALAR) {
		schema_error(&m->c, v->loc, "wrong-type", "'omit' of %s must be text, the reason, found %s",
			     what, schema_found(&m->c, v));
	} else if (!text_of(v)) {
		Diag *d = schema_error(&m->c, p->key->loc, "invalid-value",
				       "'omit' of %s needs a reason", what);
		schema_help(&m->c, d, "say why it does not apply: omit: \"our buyers never ask this\"");
	}
	return true;
}

/* Reports (when 'whose' is not NULL: "this roadmap", "this template") and
 * removes the merge keys of stages that have nothing to merge into. */
static void strip_merge_keys(Merger *m, Node *root, const char *whose)
{
	const NodePair *stages = find_pair(root, "stages");
	Node *one1 = NULL, *one2 = NULL;
	Node *const *st;
	size_t n = stages ? entries(stages->value, &one1, &st) : 0;
	for (size_t i = 0; i < n; i++) {
		Node *s = st[i];
		if (s->kind != NODE_MAP)
			continue;
		for (const char *const *k = extends_stage_keys; *k; k++) {
			const NodePair *p = find_pair(s, *k);
			if (p && whose) {
				const char *what = label(m, "stage", id_of(s));
				Diag *d = schema_error(
					&m->c, p->key->loc, "unknown-key",
					strcmp(*k, "after") == 0
						? "'after' of %s places a new stage among the stages of a template, but %s extends none"
						: "'omit' of %s removes a stage of a template, but %s extends none",
					what, whose);
				schema_help(&m->c, d,
					    "add 'extends: TEMPLATE' ('roadmapc list-templates' lists them), or remove '%s'",
					    *k);
			}
			drop_key(s, *k);
		}
		static const char *const lists[] = { "questions", "concerns" };
		for (size_t l = 0; l < 2; l++) {
			const NodePair *f = find_pair(s, lists[l]);
			Node *const *items;
			size_t ni = f ? entries(f->value, &one2, &items) : 0;
			for (size_t j = 0; j < ni; j++) {
				const NodePair *p = find_pair(items[j], "omit");
				if (p && whose) {
					Diag *d = schema_error(
						&m->c, p->key->loc, "unknown-key",
						"'omit' removes an inherited %s, but %s extends no template",
						l == 0 ? "question" : "concern", whose);
					schema_help(&m->c, d, "remove the %s instead",
						    l == 0 ? "question" : "concern");
				}
				if (p)
					drop_key(items[j], "omit");
			}
		}
	}
}

/* ==== Merging ==== */

static Node *merge_map(Merger *m, Node *b, Node *o, const KeyPolicy *policy,
		       const char *const *merge_keys);

static Policy policy_of(const KeyPolicy *policy, const Node *key)
{
	for (; policy->key; policy++)
		if (schema_scalar_is(key, policy->key))
			break;
	return policy->policy;
}

/* `questions` or `concerns` of a stage both sides write: the template's
 * items, each merged with the roadmap's item of the same id or removed by
 * its `omit:`, then the roadmap's other items. 'owner' is the stage's id. */
static Node *merge_items(Merger *m, Node *bv, Node *ov, const char *noun, const char *owner)
{
	Node *b1 = NULL, *o1 = NULL;
	Node *const *bi = NULL, *const *oi = NULL;
	size_t nb = entries(bv, &b1, &bi), no = entries(ov, &o1, &oi);
	Node *seq = new_node(m, NODE_SEQ, ov->loc);
	size_t cap = 0;
	StrMap ids;
	strmap_init(&ids, m->c.arena);
	bool *merged = arena_alloc(m->c.arena, (nb + 1) * sizeof *merged);
	for (size_t i = 0; i < nb; i++) {
		add_item(m, seq, &cap, bi[i]);
		const char *id = id_of(bi[i]);
		if (id && !strmap_get(&ids, id, strlen(id)))
			strmap_put(&ids, id, strlen(id), (void *)(uintptr_t)(i + 1));
	}
	for (size_t j = 0; j < no; j++) {
		Node *e = oi[j];
		const char *id = e->kind == NODE_MAP ? id_of(e) : NULL;
		uintptr_t at = id ? (uintptr_t)strmap_get(&ids, id, strlen(id)) : 0;
		if (e->kind == NODE_MAP && omitted(m, e, noun, id)) {
			if (at) {
				seq->items[at - 1] = NULL;
				continue;
			}
			const NodePair *p = find_pair(e, "omit");
			Diag *d = schema_error(
				&m->c, p->key->loc, "unknown-reference",
				id ? "'omit' of %s in %s names no %s the stage inherits"
				   : "'omit' in %s in %s needs the 'id' of the inherited %s it removes",
				label(m, noun, id), label(m, "stage", owner), noun);
			if (id) {
				const char **names = arena_alloc(m->c.arena, (nb + 1) * sizeof *names);
				for (size_t i = 0; i < nb; i++)
					names[i] = id_of(bi[i]);
				help_near(m, d, id, names, nb);
			}
			continue;
		}
		/* An id the roadmap writes twice merges once; the second item is
		 * a duplicate for resolve.c to report. */
		if (at && seq->items[at - 1] && !merged[at - 1]) {
			seq->items[at - 1] = merge_map(m, seq->items[at - 1], e, item_policy,
						       extends_item_keys);
			merged[at - 1] = true;
		} else {
			add_item(m, seq, &cap, e);
		}
	}
	size_t k = 0;
	for (size_t i = 0; i < seq->nitems; i++)
		if (seq->items[i])
			seq->items[k++] = seq->items[i];
	seq->nitems = k;
	return seq;
}

/* The merged value of a key both sides write. A null value of the roadmap
 * is as good as absent: the template's stays. A value of the wrong kind is
 * left for the schema to report, which the roadmap's value then is. */
static Node *merge_value(Merger *m, Policy policy, const Node *key, Node *bv, Node *ov,
			 const char *owner)
{
	if (schema_is_null(ov))
		return bv;
	switch (policy) {
	case REPLACE:
		return ov;
	case APPEND: {
		if (bv->kind == NODE_MAP || ov->kind == NODE_MAP)
			return ov;
		Node *b1 = NULL, *o1 = NULL;
		Node *const *bi = NULL, *const *oi = NULL;
		size_t nb = entries(bv, &b1, &bi), no = entries(ov, &o1, &oi);
		Node *seq = new_node(m, NODE_SEQ, ov->loc);
		size_t cap = 0;
		for (size_t i = 0; i < nb; i++)
			add_item(m, seq, &cap, bi[i]);
		for (size_t i = 0; i < no; i++)
			add_item(m, seq, &cap, oi[i]);
		return seq;
	}
	case BY_ID:
		return merge_items(m, bv, ov, schema_scalar_is(key, "questions") ? "question" : "concern",
				   owner);
	case MERGE_MAP: {
		if (bv->kind != NODE_MAP || ov->kind != NODE_MAP)
			return ov;
		Node *map = new_node(m, NODE_MAP, ov->loc);
		size_t cap = 0;
		for (size_t i = 0; i < bv->npairs; i++)
			if (!find_same(ov, bv->pairs[i].key))
				add_pair(m, map, &cap, bv->pairs[i].key, bv->pairs[i].value);
		for (size_t i = 0; i < ov->npairs; i++)
			add_pair(m, map, &cap, ov->pairs[i].key, ov->pairs[i].value);
		return map;
	}
	}
	UNREACHABLE();
}

/* A template item 'b' (stage, question, concern) merged with the roadmap's
 * item 'o' of the same id: the template's keys in its order, then the
 * roadmap's new keys; the merge keys are left out. The result is where 'o'
 * is, so the item counts as written by the roadmap. */
static Node *merge_map(Merger *m, Node *b, Node *o, const KeyPolicy *policy,
		       const char *const *merge_keys)
{
	Node *map = new_node(m, NODE_MAP, o->loc);
	size_t cap = 0;
	const char *owner = policy == stage_policy ? id_of(o) : NULL;   /* the stage's id */
	for (size_t i = 0; i < b->npairs; i++) {
		const NodePair *p = &b->pairs[i];
		if (is_one_of(p->key, merge_keys))
			continue;
		const NodePair *q = find_same(o, p->key);
		if (!q)
			add_pair(m, map, &cap, p->key, p->value);
		else
			add_pair(m, map, &cap, q->key,
				 merge_value(m, policy_of(policy, p->key), p->key, p->value, q->value,
					     owner));
	}
	for (size_t i = 0; i < o->npairs; i++) {
		const NodePair *q = &o->pairs[i];
		if (!is_one_of(q->key, merge_keys) && !find_same(b, q->key))
			add_pair(m, map, &cap, q->key, q->value);
	}
	return map;
}

/* A stage in the merged order: the template's stages are the top level, in
 * their order, followed by new stages without `after:`; a new stage with
 * `after: X` is placed under X, after the stages placed there before it. */
typedef struct Placed {
	Node *node;             /* NULL: omitted (what was placed under it stays) */
	bool inherited;         /* one of the template's stages */
	bool merged;            /* a roadmap stage has merged into it */
	struct Placed *first, *last, *next;
} Placed;

static void place_under(Placed *parent, Placed *p)
{
	if (parent->last)
		parent->last->next = p;
	else
		parent->first = p;
	parent->last = p;
}

/* The stages of template 'tname' ('bv') merged with the roadmap's ('ov'). */
static Node *merge_stages(Merger *m, Node *bv, Node *ov, SrcLoc loc, const char *tname)
{
	Node *b1 = NULL, *o1 = NULL;
	Node *const *bi = NULL, *const *oi = NULL;
	size_t nb = entries(bv, &b1, &bi), no = entries(ov, &o1, &oi);
	Arena *a = m->c.arena;
	Placed root = { 0 };
	Placed *placed = arena_alloc(a, (nb + no + 1) * sizeof *placed);
	size_t np = 0;
	StrMap ids;             /* stage id -> Placed */
	strmap_init(&ids, a);
	const char **base_ids = arena_alloc(a, (nb + 1) * sizeof *base_ids);

	for (size_t i = 0; i < nb; i++) {
		Placed *p = &placed[np++];
		p->node = bi[i];
		p->inherited = true;
		place_under(&root, p);
		const char *id = base_ids[i] = id_of(bi[i]);
		if (id && !strmap_get(&ids, id, strlen(id)))
			strmap_put(&ids, id, strlen(id), p);
	}
	for (size_t j = 0; j < no; j++) {
		Node *e = oi[j];
		Placed *p = &placed[np++];
		p->node = e;
		if (e->kind != NODE_MAP) {
			place_under(&root, p);  /* the schema says what is wrong with it */
			continue;
		}
		const char *id = id_of(e);
		Placed *t = id ? strmap_get(&ids, id, strlen(id)) : NULL;
		const NodePair *after = find_pair(e, "after");
		if (omitted(m, e, "stage", id)) {
			p->node = NULL;
			if (t && t->inherited) {
				t->node = NULL;
				continue;
			}
			const NodePair *o = find_pair(e, "omit");
			Diag *d = schema_error(&m->c, o->key->loc, "unknown-reference",
					       id ? "'omit' of %s names no stage of template '%s'"
						  : "'omit' in %s needs the 'id' of the stage of template '%s' it removes",
					       label(m, "stage", id), tname);
			if (id)
				help_near(m, d, id, base_ids, nb);
			continue;
		}
		if (t && t->inherited && t->node && !t->merged) {
			if (after) {
				Diag *d = schema_error(
					&m->c, after->key->loc, "invalid-value",
					"%s is a stage of template '%s' and keeps its place there; "
					"'after' places new stages", label(m, "stage", id), tname);
				schema_help(&m->c, d, "remove 'after', or omit the stage and add one of your own");
			}
			p->node = NULL;
			t->node = merge_map(m, t->node, e, stage_policy, extends_stage_keys);
			t->merged = true;
			continue;
		}
		/* A new stage. */
		Placed *parent = &root;
		if (after && !schema_is_null(after->value)) {
			const char *target = text_of(after->value);
			Placed *under = target ? strmap_get(&ids, target, strlen(target)) : NULL;
			if (under) {
				parent = under;
			} else if (!target) {
				schema_error(&m->c, after->value->loc, "wrong-type",
					     "'after' of %s must be one stage id, found %s",
					     label(m, "stage", id), schema_found(&m->c, after->value));
			} else {
				Diag *d = schema_error(&m->c, after->value->loc, "unknown-reference",
						       "unknown stage '%s' in 'after' of %s", target,
						       label(m, "stage", id));
				help_near(m, d, target, base_ids, nb);
				schema_help(&m->c, d,
					    "'after' names a stage of template '%s', or a stage written above this one",
					    tname);
			}
		}
		drop_key(e, "after");
		place_under(parent, p);
		if (id && (!t || !t->node))
			strmap_put(&ids, id, strlen(id), p);
	}

	/* Flatten: each stage, then what was placed under it. */
	Node *seq = new_node(m, NODE_SEQ, loc);
	size_t cap = 0;
	Placed **stack = arena_alloc(a, (2 * np + 2) * sizeof *stack);
	size_t top = 0;
	stack[top++] = root.first;
	while (top > 0) {
		Placed *p = stack[--top];
		if (!p)
			continue;
		if (p->node)
			add_item(m, seq, &cap, p->node);
		stack[top++] = p->next;
		stack[top++] = p->first;
	}
	return seq;
}

static const char *plural_unit(Merger *m, const char *unit)
{
	return arena_printf(m->c.arena, "%ss", unit);
}

/* A roadmap (or a template that extends another) that sets its own
 * `timeline` while it inherits `when` windows written in the template's
 * unit would read them in the wrong unit: that is an error. */
static void check_timeline(Merger *m, const Node *over, const Node *base, const Node *stages,
			   const char *tname)
{
	const NodePair *ot = find_pair(over, "timeline"), *bt = find_pair(base, "timeline");
	const char *mine = ot ? text_of(ot->value) : NULL;
	const char *theirs = bt ? text_of(bt->value) : "week";
	if (!mine || !theirs || vocab_find(vocab_timelines, mine) < 0 ||
	    vocab_find(vocab_timelines, theirs) < 0 || strcmp(mine, theirs) == 0)
		return;
	for (size_t i = 0; stages && i < stages->nitems; i++) {
		const NodePair *w = find_pair(stages->items[i], "when");
		if (!w || schema_is_null(w->value) || w->value->loc.src == over->loc.src)
			continue;
		Diag *d = schema_error(
			&m->c, ot->value->loc, "invalid-value",
			"'timeline: %s' is not the timeline of stage template '%s', whose stages "
			"count their 'when' in %s", mine, tname, plural_unit(m, theirs));
		const char *id = id_of(stages->items[i]);
		schema_help(&m->c, d,
			    "remove 'timeline', or give every inherited stage a 'when' of its own "
			    "(stage '%s' has none)", id ? id : "?");
		return;
	}
}

/* The template 'base' (named 'tname') merged under 'over', a roadmap or a
 * template that extends it: the stages merge; `category` and `timeline`
 * come from the template when 'over' does not set them. */
static Node *merge_roadmap(Merger *m, Node *base, Node *over, const char *tname)
{
	const NodePair *bs = find_pair(base, "stages"), *os = find_pair(over, "stages");
	Node *ov = os ? os->value : NULL;
	if (ov && !schema_is_null(ov) && ov->kind == NODE_SCALAR) {
		strip_merge_keys(m, over, NULL);
		return over;            /* not a list: the schema says so */
	}
	SrcLoc loc = ov ? ov->loc : bs ? bs->value->loc : over->loc;
	Node *stages = merge_stages(m, bs ? bs->value : NULL, ov, loc, tname);

	static const char *const inherited[] = { "category", "timeline", NULL };
	Node *root = new_node(m, NODE_MAP, over->loc);
	size_t cap = 0;
	for (size_t i = 0; i < over->npairs; i++) {
		const NodePair *p = &over->pairs[i];
		const NodePair *theirs = is_one_of(p->key, inherited) ? find_same(base, p->key) : NULL;
		if (schema_scalar_is(p->key, "stages"))
			add_pair(m, root, &cap, p->key, stages);
		else if (theirs && schema_is_null(p->value))
			add_pair(m, root, &cap, p->key, theirs->value);
		else
			add_pair(m, root, &cap, p->key, p->value);
	}
	if (!os && bs)
		add_pair(m, root, &cap, bs->key, stages);
	for (const char *const *k = inherited; *k; k++) {
		const NodePair *theirs = find_pair(base, *k);
		if (theirs && !find_pair(over, *k))
			add_pair(m, root, &cap, theirs->key, theirs->value);
	}
	check_timeline(m, over, base, stages, tname);
	return root;
}

/* ==== Loading templates ==== */

const char *extends_name_of(Arena *a, const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
		n -= 5;
	return arena_strndup(a, base, n);
}

/* True for a file of roadmapc's own stdlib: embedded, or installed. */
static bool is_builtin(const ExtendsPath *path, const StdlibText *t)
{
	size_t n = path->installed ? strlen(path->installed) : 0;
	return t->embedded || (n && strncmp(t->path, path->installed, n) == 0 && t->path[n] == '/');
}

/* Says that no template called 'name' exists, at 'at'. The catalog is a
 * stdlib file too, but never a template: naming it gets the list. */
static void unknown_template(Merger *m, const char *name, SrcLoc at)
{
	bool catalog = strcmp(name, STDLIB_CATALOG_NAME) == 0;
	Diag *d = catalog ? schema_error(&m->c, at, "invalid-value",
					 "'%s' is the content-type catalog, not a stage template", name)
			  : schema_error(&m->c, at, "invalid-value", "unknown stage template '%s'", name);
	const char **names;
	size_t n = stdlib_names(".yaml", m->path->dirs, m->path->ndirs, m->c.arena, &names);
	const char *best = catalog ? NULL : suggest_word(name, names);
	if (best) {
		schema_help(&m->c, d, "did you mean '%s'?", best);
		return;
	}
	StrBuf sb = STRBUF_INIT;
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&sb, "%s%s", i ? ", " : "", names[i]);
	schema_help(&m->c, d, "the stage templates are: %s ('roadmapc list-templates' says more)",
		    strbuf_cstr(&sb));
	strbuf_free(&sb);
}

/* Reads the template file of 'name' into a node tree; NULL after reporting
 * why it cannot be read. */
static Node *read_template(Merger *m, const char *name, SrcLoc at, StdlibText *t)
{
	Arena *a = m->c.arena;
	StrBuf err = STRBUF_INIT;
	const char *file = arena_printf(a, "%s.yaml", name);
	int rc = strcmp(name, STDLIB_CATALOG_NAME) == 0
		 ? -1 : stdlib_load(file, m->path->dirs, m->path->ndirs, a, t, &err);
	if (rc == -1)
		unknown_template(m, name, at);
	else if (rc == -2)
		schema_error(&m->c, at, "invalid-value", "stage template '%s' cannot be used: %s", name,
			     strbuf_cstr(&err));
	strbuf_free(&err);
	if (rc < 0)
		return NULL;
	SrcFile *sf = arena_alloc(a, sizeof *sf);
	if (srcfile_init(sf, a, t->path, t->text, t->len) < 0) {
		SrcLoc loc = { sf, 1, 1, 1 };
		schema_error(&m->c, loc, "yaml-syntax",
			     "the file starts with a UTF-16 mark but is not valid UTF-16");
		return NULL;
	}
	sf->syntax = SYNTAX_YAML;
	FrontResult fr;
	if (front_yaml_parse(sf, m->path->limits, a, m->c.dl, &fr) < 0)
		return NULL;
	if (!fr.root || schema_is_null(fr.root) || fr.root->kind != NODE_MAP) {
		SrcLoc loc = fr.root ? fr.root->loc : (SrcLoc){ sf, 1, 1, 1 };
		Diag *d = schema_error(&m->c, loc, fr.root && !schema_is_null(fr.root) ? "wrong-type"
										  : "missing-field",
				       "'%s' is not a stage template: a template is a mapping with "
				       "'template: 1' and 'stages'", t->path);
		schema_help(&m->c, d, "docs/stdlib.md says how to write one");
		return NULL;
	}
	return fr.root;
}

/* Loads template 'name' named at 'at', merged with the templates it
 * extends; describes it in 'out' when not NULL. NULL after reporting why
 * it cannot be used. */
static Node *load_template(Merger *m, const char *name, SrcLoc at, Template *out)
{
	if (!schema_is_id(name, strlen(name))) {
		Diag *d = schema_error(&m->c, at, "invalid-value", "invalid stage template name '%s'",
				       name);
		schema_help(&m->c, d,
			    "a template name is the name of a stdlib file NAME.yaml: lower-case "
			    "letters, digits, '-' and '_'");
		return NULL;
	}
	for (size_t i = 0; i < m->depth; i++) {
		if (strcmp(m->chain[i], name) != 0)
			continue;
		StrBuf sb = STRBUF_INIT;
		for (size_t k = i; k < m->depth; k++)
			strbuf_printf(&sb, "%s -> ", m->chain[k]);
		schema_error(&m->c, at, "invalid-value", "stage template '%s' extends itself: %s%s",
			     name, strbuf_cstr(&sb), name);
		strbuf_free(&sb);
		return NULL;
	}
	if (m->depth == MAX_CHAIN) {
		schema_error(&m->c, at, "limit-exceeded",
			     "stage templates extend each other more than %d deep", MAX_CHAIN);
		return NULL;
	}
	StdlibText t;
	Node *root = read_template(m, name, at, &t);
	if (!root)
		return NULL;
	const NodePair *k[PK_NKEYS];
	if (!find_pair(root, "template")) {
		/* Most likely a roadmap or another file of the directory, not a
		 * template with one mistake: one error says it all. */
		Diag *d = schema_error(&m->c, schema_item_loc(root), "missing-field",
				       "'%s' is not a stage template: it has no 'template: 1'", t.path);
		schema_help(&m->c, d, "a stage template starts with 'template: 1' and has 'stages:'; "
			    "docs/stdlib.md says how to write one");
		return NULL;
	}
	schema_fields(&m->c, root, template_keys, NULL, "a stage template", k);
	schema_version(&m->c, root, k[PK_TEMPLATE], "template", "stage template");
	const char *summary = schema_text(&m->c, k[PK_SUMMARY], NULL);
	const char *description = schema_text(&m->c, k[PK_DESCRIPTION], NULL);
	const char *parent = schema_text(&m->c, k[PK_EXTENDS], NULL);
	if (out) {
		out->name = name;
		out->path = t.path;
		out->builtin = is_builtin(m->path, &t);
		out->summary = summary ? summary : "";
		out->description = description ? description : "";
		out->extends = parent;
	}
	if (!parent) {
		strip_merge_keys(m, root, "this template");
		return root;
	}
	m->chain[m->depth++] = name;
	Node *base = load_template(m, parent, k[PK_EXTENDS]->value->loc, NULL);
	m->depth--;
	if (!base) {
		strip_merge_keys(m, root, NULL);
		return NULL;
	}
	return merge_roadmap(m, base, root, parent);
}

static void merger_init(Merger *m, const ExtendsPath *path, Arena *a, DiagList *dl)
{
	schema_ctx_init(&m->c, a, dl);
	m->path = path;
	m->depth = 0;
}

Node *extends_merge(Node *root, const ExtendsPath *path, Arena *a, DiagList *dl)
{
	Merger m;
	if (!root || root->kind != NODE_MAP)
		return root;
	merger_init(&m, path, a, dl);
	const NodePair *e = find_pair(root, "extends");
	if (!e || schema_is_null(e->value)) {
		strip_merge_keys(&m, root, "this roadmap");
		return root;
	}
	const char *name = text_of(e->value);
	Node *t = name ? load_template(&m, name, e->value->loc, NULL) : NULL;
	if (!t) {
		strip_merge_keys(&m, root, NULL);      /* the reason is reported */
		return root;
	}
	return merge_roadmap(&m, t, root, name);
}

int extends_load(const char *name, const ExtendsPath *path, Arena *a, DiagList *dl,
		 Template *out)
{
	Merger m;
	SrcLoc nowhere = { 0 };
	merger_init(&m, path, a, dl);
	size_t errors = diag_count(dl, SEV_ERROR);
	Node *t = load_template(&m, name, nowhere, out);
	return t && diag_count(dl, SEV_ERROR) == errors ? 0 : -1;
}

size_t extends_list(const ExtendsPath *path, Arena *a, Template **out)
{
	const char **names;
	size_t n = stdlib_names(".yaml", path->dirs, path->ndirs, a, &names);
	Template *list = arena_alloc(a, (n + 1) * sizeof *list);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		StdlibText t;
		StrBuf err = STRBUF_INIT;
		int rc = stdlib_load(arena_printf(a, "%s.yaml", names[i]), path->dirs, path->ndirs, a,
				     &t, &err);
		strbuf_free(&err);
		if (rc < 0)
			continue;
		/* Only to tell templates from other YAML files: the file's own
		 * mistakes are reported when a roadmap extends it. */
		DiagList quiet;
		diag_init(&quiet, a);
		SrcFile *sf = arena_alloc(a, sizeof *sf);
		FrontResult fr;
		if (srcfile_init(sf, a, t.path, t.text, t.len) < 0 ||
		    front_yaml_parse(sf, path->limits, a, &quiet, &fr) < 0 ||
		    !find_pair(fr.root, "template"))
			continue;
		const NodePair *s = find_pair(fr.root, "summary");
		const NodePair *d = find_pair(fr.root, "description");
		const NodePair *e = find_pair(fr.root, "extends");
		Template *tp = &list[k++];
		tp->name = names[i];
		tp->path = t.path;
		tp->builtin = is_builtin(path, &t);
		tp->summary = s && text_of(s->value) ? s->value->str : "";
		tp->description = d && text_of(d->value) ? d->value->str : "";
		tp->extends = e ? text_of(e->value) : NULL;
	}
	*out = list;
	return k;
}

void extends_note_errors(DiagList *dl, size_t from, const SrcFile *home, const char *name,
			 SrcLoc at)
{
	for (size_t i = from; i < dl->n; i++) {
		Diag *d = dl->items[i];
		if (d->loc.src != home && d->sev == SEV_ERROR)
			diag_note(dl, d, at, "this roadmap extends stage template '%s' here", name);
	}
}
