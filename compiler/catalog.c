/* catalog.c - loading the content-type catalog (stdlib/content-types.yaml).
 *
 * Runs once per run, before any roadmap is read; resolve.c then looks types
 * up here. The catalog is YAML, read by the same front end and with the same
 * schema toolkit as a roadmap, so a mistake in a team's catalog file (in a
 * -I directory) gets the same kind of diagnostic, pointing into that file:
 *
 *   catalog: 1                 required: the catalog format version
 *   types:                     required: TYPE-NAME -> what it delivers
 *     TYPE-NAME:               an id: [a-z0-9][a-z0-9_-]*
 *       summary: TEXT
 *       delivers: [VALUE, ...]
 *       channels: [CHANNEL, ...]
 *
 * The built-in catalog is the base; each catalog file on the search path is
 * a layer over it that adds types and replaces types of the same name, so a
 * team keeps its few types of its own without copying the whole catalog.
 */
#include "catalog.h"
#include "front_yaml.h"
#include "limits.h"
#include "schema_read.h"
#include "stdlib_files.h"

#include <stdint.h>
#include <string.h>

static const char *const catalog_keys[] = { "catalog", "types", NULL };
enum { GK_CATALOG, GK_TYPES, GK_NKEYS };

const char *const catalog_type_keys[] = { "summary", "delivers", "channels", NULL };
enum { YK_SUMMARY, YK_DELIVERS, YK_CHANNELS, YK_NKEYS };

/* TYPE-NAME: { summary: TEXT, delivers: [VALUE], channels: [CHANNEL] } */
static void read_type(SchemaCtx *c, const NodePair *p, ContentType **items, size_t *n,
		      size_t *cap)
{
	const Node *name = p->key;
	if (!schema_is_id(name->str, name->len)) {
		Diag *d = schema_error(c, name->loc, "invalid-value",
				       "invalid content type name %s", schema_found(c, name));
		schema_help(c, d,
			    "type names are lower-case letters, digits, '-' and '_', "
			    "starting with a letter or digit");
		return;
	}
	const char *item = arena_printf(c->arena, "type '%s'", name->str);
	if (p->value->kind != NODE_MAP) {
		Diag *d = schema_error(
			c, p->value->loc, "wrong-type",
			"type '%s' must be a mapping with 'delivers' and 'channels', found %s",
			name->str, schema_found(c, p->value));
		schema_help(c, d, "for example: %s: { delivers: [information], channels: [web] }",
			    name->str);
		return;
	}
	const NodePair *k[YK_NKEYS];
	ContentType t = { 0 };
	t.name = name->str;
	t.loc = name->loc;
	schema_fields(c, p->value, catalog_type_keys, item, "a content type", k);
	t.summary = schema_text(c, k[YK_SUMMARY], item);
	if (!t.summary)
		t.summary = "";
	schema_word_set(c, k[YK_DELIVERS], item, vocab_values, "value", &t.delivers);
	schema_word_set(c, k[YK_CHANNELS], item, vocab_channels, "channel", &t.channels);
	ARENA_PUSH(c->arena, *items, *n, *cap, t);
}

void catalog_read_types(SchemaCtx *c, const Node *types, ContentType **items, size_t *n,
			size_t *cap)
{
	ASSERT(types->kind == NODE_MAP);
	for (size_t i = 0; i < types->npairs; i++)
		read_type(c, &types->pairs[i], items, n, cap);
}

/* The types one catalog file defines, in file order. */
typedef struct Layer {
	ContentType *types;
	size_t n, cap;
} Layer;

/* Parses the catalog text 't' into 'layer'; -1 when errors were reported. */
static int parse(Layer *layer, Arena *a, const StdlibText *t, DiagList *dl)
{
	size_t errors = diag_count(dl, SEV_ERROR);
	SrcFile *sf = arena_alloc(a, sizeof *sf);
	SchemaCtx c;
	Node *root = NULL;
	Limits lim = limits_default();

	schema_ctx_init(&c, a, dl);
	if (srcfile_init(sf, a, t->path, t->text, t->len) < 0) {
		SrcLoc loc = { sf, 1, 1, 1 };
		schema_error(&c, loc, "yaml-syntax",
			     "the file starts with a UTF-16 mark but is not valid UTF-16");
		return -1;
	}
	FrontResult fr;
	if (front_yaml_parse(sf, &lim, a, dl, &fr) < 0)
		return -1;
	root = fr.root;
	if (!root || schema_is_null(root)) {
		SrcLoc loc = { sf, 1, 1, 1 };
		Diag *d = schema_error(&c, root ? root->loc : loc, "missing-field",
				       "the catalog is empty: it needs 'catalog: 1' and 'types:'");
		schema_help(&c, d, "a catalog file adds to the built-in types: write "
			    "'catalog: 1', then your own types under 'types:'");
		return -1;
	}
	if (root->kind != NODE_MAP) {
		schema_error(
			&c, root->loc, "wrong-type",
			"a content-type catalog must be a mapping with 'catalog' and 'types', found %s",
			schema_found(&c, root));
		return -1;
	}
	const NodePair *k[GK_NKEYS];
	schema_fields(&c, root, catalog_keys, NULL, "a catalog", k);
	schema_version(&c, root, k[GK_CATALOG], "catalog", "catalog");
	const NodePair *types = k[GK_TYPES];
	if (!types || schema_is_null(types->value)) {
		Diag *d = schema_error(&c, types ? types->key->loc : root->loc, "missing-field",
				       "the catalog has no 'types'");
		schema_help(&c, d, "add 'types:' with one entry per content type");
	} else if (types->value->kind != NODE_MAP) {
		schema_error(&c, types->value->loc, "wrong-type",
			     "'types' must be a mapping of type names to types, found %s",
			     schema_found(&c, types->value));
	} else {
		catalog_read_types(&c, types->value, &layer->types, &layer->n, &layer->cap);
	}
	return diag_count(dl, SEV_ERROR) > errors ? -1 : 0;
}

/* Adds the types of 'layer' to 'cat': a type of a name the catalog has
 * replaces it in place, a new one goes at the end. 'pos' maps names to
 * positions + 1 while the array may still move. */
static void add_layer(Catalog *cat, Arena *a, StrMap *pos, const Layer *layer, const char *path)
{
	ARENA_PUSH(a, cat->files, cat->nfiles, cat->files_cap, path);
	for (size_t i = 0; i < layer->n; i++) {
		const ContentType *t = &layer->types[i];
		size_t len = strlen(t->name);
		uintptr_t at = (uintptr_t)strmap_get(pos, t->name, len);
		if (at) {
			cat->types[at - 1] = *t;
			continue;
		}
		ARENA_PUSH(a, cat->types, cat->ntypes, cat->cap, *t);
		strmap_put(pos, t->name, len, (void *)(uintptr_t)cat->ntypes);
	}
}

/* The built-in catalog, the base of every run's. The embedded copy is part
 * of the program: a mistake in it is ours, not the user's
 * (tests/unit/test_catalog.c keeps it loadable). */
static void load_builtin(Catalog *cat, Arena *a, StrMap *pos)
{
	const StdlibFile *f = stdlib_find(STDLIB_CATALOG);
	if (!f)
		die("the built-in %s is missing: the stdlib was not embedded", STDLIB_CATALOG);
	StdlibText t = { arena_printf(a, "<builtin>/%s", STDLIB_CATALOG), f->text, f->len, true };
	DiagList own;
	Layer layer = { 0 };
	diag_init(&own, a);
	if (parse(&layer, a, &t, &own) < 0) {
		const Diag *d = own.n ? own.items[0] : NULL;
		die("the built-in content-type catalog is invalid: %s:%d:%d: %s", t.path,
		    d ? d->loc.line : 0, d ? d->loc.col : 0, d ? d->message : "unknown error");
	}
	add_layer(cat, a, pos, &layer, t.path);
}

int catalog_load(Catalog *cat, Arena *a, const char *const *dirs, size_t ndirs, DiagList *dl)
{
	StrMap pos;
	int rc = 0;
	memset(cat, 0, sizeof *cat);
	strmap_init(&pos, a);
	load_builtin(cat, a, &pos);
	for (size_t i = ndirs; i-- > 0;) {
		StdlibText t;
		StrBuf err = STRBUF_INIT;
		int found = stdlib_load_from(STDLIB_CATALOG, dirs[i], a, &t, &err);
		if (found == -2) {
			SrcLoc none = { 0 };
			diag_report(dl, none, SEV_ERROR, "limit-exceeded", "%s", strbuf_cstr(&err));
			rc = -1;
		}
		strbuf_free(&err);
		if (found != 0)
			continue;
		Layer layer = { 0 };
		if (parse(&layer, a, &t, dl) < 0)
			rc = -1;
		add_layer(cat, a, &pos, &layer, t.path);
	}
	strmap_init(&cat->index, a);
	for (size_t i = 0; i < cat->ntypes; i++) {
		const char *name = cat->types[i].name;
		strmap_put(&cat->index, name, strlen(name), &cat->types[i]);
	}
	return rc;
}

const ContentType *catalog_find(const Catalog *cat, const char *name)
{
	return strmap_get(&cat->index, name, strlen(name));
}
