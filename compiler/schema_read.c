/* schema_read.c - reading values from the node tree, with diagnostics.
 *
 * The toolkit the schema layer is written with (schema_read.h): how a key
 * lookup, a text, an id, a boolean, a list of words, a date, a `when`
 * window or an `ignore` mapping is read from a node, and the exact words of
 * the error when it cannot be. schema.c reads roadmaps with it and
 * catalog.c the content-type catalog, so a mistake gets the same diagnostic
 * in either file. Every reader reports its errors and returns a safe value
 * (NULL, the default, an empty set), so callers simply read on. */
#include "schema_read.h"
#include "date.h"
#include "number.h"
#include "slug.h"
#include "strbuf.h"
#include "suggest.h"

#include <stdarg.h>
#include <string.h>

/* Largest number accepted in a `when` window: far beyond any buying process
 * (10000 weeks is two centuries), small enough that diagrams stay drawable. */
#define WHEN_MAX 10000.0

/* ==== Reporting ==== */

void schema_ctx_init(SchemaCtx *c, Arena *a, DiagList *dl)
{
	c->arena = a;
	c->dl = dl;
	strmap_init(&c->seen, a);
	c->sets = NULL;
	c->nsets = 0;
	c->cuts = NULL;
	c->ncuts = c->cuts_cap = 0;
}

void schema_note_cut(SchemaCtx *c, const Node *v, const char *key, bool entry)
{
	if (!v->comment.src)
		return;
	CutText t = { key, entry, v->str, v->comment, v->comment_text, v->comment_len };
	ARENA_PUSH(c->arena, c->cuts, c->ncuts, c->cuts_cap, t);
}

Diag *schema_error(SchemaCtx *c, SrcLoc loc, const char *check, const char *fmt, ...)
{
	if (diag_full(c->dl)) {         /* past the error limit: nothing to format */
		diag_skip_error(c->dl, loc);
		return NULL;
	}
	va_list ap;
	va_start(ap, fmt);
	char *msg = arena_vprintf(c->arena, fmt, ap);
	va_end(ap);
	char *key = arena_printf(c->arena, "%p:%d:%d:%s:%s", (const void *)loc.src, loc.line,
				 loc.col, check, msg);
	size_t klen = strlen(key);
	if (strmap_get(&c->seen, key, klen))
		return NULL;
	strmap_put(&c->seen, key, klen, key);
	return diag_report(c->dl, loc, SEV_ERROR, check, "%s", msg);
}

void schema_note(SchemaCtx *c, Diag *d, SrcLoc loc, const char *fmt, ...)
{
	if (!d)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *text = arena_vprintf(c->arena, fmt, ap);
	va_end(ap);
	diag_note(c->dl, d, loc, "%s", text);
}

void schema_help(SchemaCtx *c, Diag *d, const char *fmt, ...)
{
	if (!d)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *text = arena_vprintf(c->arena, fmt, ap);
	va_end(ap);
	diag_help(c->dl, d, "%s", text);
}

/* "a, b, c" from a NULL-terminated list. */
static const char *join_words(SchemaCtx *c, const char *const *words)
{
	size_t len = 1;
	for (size_t i = 0; words[i]; i++)
		len += strlen(words[i]) + 2;
	char *out = arena_alloc(c->arena, len), *p = out;
	for (size_t i = 0; words[i]; i++) {
		size_t n = strlen(words[i]);
		if (i) {
			memcpy(p, ", ", 2);
			p += 2;
		}
		memcpy(p, words[i], n);
		p += n;
	}
	*p = '\0';
	return out;
}

void schema_help_word(SchemaCtx *c, Diag *d, const char *word, const char *const *words,
		      const char *plural)
{
	if (!d)
		return;
	const char *best = suggest_word(word, words);
	if (best)
		schema_help(c, d, "did you mean '%s'?", best);
	else if (plural)
		schema_help(c, d, "the %s are: %s", plural, join_words(c, words));
}

/* ==== Showing and classifying scalars ==== */

const char *schema_found(SchemaCtx *c, const Node *n)
{
	enum { SHOWN = 40 };            /* characters of user text in a message */
	char buf[SHOWN * 4 + 8];
	size_t o = 0, chars = 0, i = 0;

	if (!n || schema_is_null(n))
		return "nothing";
	if (n->kind != NODE_SCALAR)
		return n->kind == NODE_MAP ? "a mapping" : "a list";
	buf[o++] = '\'';
	while (i < n->len && chars < SHOWN) {
		unsigned char u = (unsigned char)n->str[i];
		if (u < 0x20 || u == 0x7F) {    /* keep messages on one line */
			const char *esc = u == '\n'   ? "\\n"
					  : u == '\t' ? "\\t"
					  : u == 0    ? "\\0"
						      : "?";
			size_t el = strlen(esc);
			memcpy(buf + o, esc, el);
			o += el;
			i++;
		} else {
			size_t step = (size_t)utf8_seqlen(u);
			if (i + step > n->len)
				step = n->len - i;
			memcpy(buf + o, n->str + i, step);
			o += step;
			i += step;
		}
		chars++;
	}
	if (i < n->len) {
		memcpy(buf + o, "...", 3);
		o += 3;
	}
	buf[o++] = '\'';
	return arena_strndup(c->arena, buf, o);
}

/* True when scalar 'n' is exactly 'word'. */
bool schema_scalar_is(const Node *n, const char *word)
{
	size_t len = strlen(word);
	return n->kind == NODE_SCALAR && n->len == len && memcmp(n->str, word, len) == 0;
}

bool schema_is_null(const Node *n)
{
	return n->kind == NODE_SCALAR && n->type == SCALAR_NULL;
}

bool schema_is_map(const Node *n)
{
	return n->kind == NODE_MAP || (n->kind == NODE_SEQ && n->nitems == 0 && schema_is_lua(n));
}

bool schema_is_lua(const Node *n)
{
	return n && n->loc.src && n->loc.src->syntax == SYNTAX_LUA;
}

const char *schema_dsl_name(const char *noun_or_key)
{
	static const char *const names[][2] = {
		{ "stage", "stage" }, { "stages", "stage" }, { "question", "question" },
		{ "questions", "question" }, { "concern", "concern" }, { "concerns", "concern" },
		{ "seller action", "seller" }, { "seller", "seller" }, { "content item", "content" },
		{ "content", "content" },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i][0], noun_or_key) == 0)
			return names[i][1];
	return "";
}

/* A scalar with a NUL byte inside cannot become a C string without losing
 * text, so it is refused wherever text is read. */
bool schema_has_nul(const Node *n)
{
	return strlen(n->str) != n->len;
}

static bool is_id_char(unsigned char u)
{
	return (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' || u == '_';
}

bool schema_is_id(const char *s, size_t len)
{
	if (len == 0 || s[0] == '-' || s[0] == '_')
		return false;
	for (size_t i = 0; i < len; i++)
		if (!is_id_char((unsigned char)s[i]))
			return false;
	return true;
}

/* The id a user probably meant (slug.h); "" when nothing is left. */
static const char *slugify(SchemaCtx *c, const Node *n)
{
	StrBuf sb = STRBUF_INIT;
	slug_append(&sb, n->str, n->len < SUGGEST_MAX_LEN ? n->len : SUGGEST_MAX_LEN);
	const char *s = arena_strdup(c->arena, strbuf_cstr(&sb));
	strbuf_free(&sb);
	return s;
}

/* Item names in messages: "stage 'need'" reads "in stage 'need'" or
 * "'name' of stage 'need'"; NULL is the top level. */
static const char *in_item(SchemaCtx *c, const char *item)
{
	return item ? arena_printf(c->arena, "in %s", item) : "at the top level";
}

const char *schema_of(SchemaCtx *c, const char *item)
{
	return item ? arena_printf(c->arena, " of %s", item) : "";
}

const char *schema_within(SchemaCtx *c, const char *item)
{
	return item ? arena_printf(c->arena, " in %s", item) : "";
}

/* ==== Numbers ==== */

/* True when all of scalar 'n' is one number. */
static bool parse_number(const Node *n, double *out)
{
	return number_parse(n->str, n->len, out);
}

/* A number for messages: the way a user would write it. */
static const char *show_number(SchemaCtx *c, double v)
{
	if (v == (double)(long long)v)
		return arena_printf(c->arena, "%lld", (long long)v);
	return arena_printf(c->arena, "%g", v);
}

/* ==== Reading keys ==== */

static size_t count_words(const char *const *words)
{
	size_t n = 0;
	while (words[n])
		n++;
	return n;
}

static size_t key_index(const char *const *keys, const Node *key)
{
	size_t i;
	for (i = 0; keys[i]; i++)
		if (schema_scalar_is(key, keys[i]))
			break;
	return i;
}

/* True when every key of mapping 'm' (but the user's own x- keys) is in
 * 'keys' and 'key' is too: 'key' would fit in 'm'. */
static bool fits(const Node *m, const char *const *keys, const Node *key)
{
	if (!keys[key_index(keys, key)])
		return false;
	for (size_t p = 0; p < m->npairs; p++) {
		const Node *k = m->pairs[p].key;
		bool own = k->len > 2 && k->str[0] == 'x' && k->str[1] == '-';
		if (!own && !keys[key_index(keys, k)])
			return false;
	}
	return true;
}

/* The mapping just above key 'p' of 'map' in which that key belongs, when
 * its column shows an indentation slip: 'answer:' written at the column of
 * a stage's keys, right under the stage's last question, whose keys start
 * further right. Only such a mapping, ending where the key starts, counts;
 * a key that merely belongs in some other kind of mapping is no slip.
 * Returns the mapping and its key set, or NULL. */
static const Node *slipped_from(SchemaCtx *c, const Node *map, size_t p,
				const SchemaKeySet **set)
{
	const Node *key = map->pairs[p].key;
	if (p == 0 || schema_is_lua(key))
		return NULL;    /* Lua has no indentation to slip */
	const Node *v = map->pairs[p - 1].value;
	for (int depth = 0; v && depth < 8; depth++) {
		if (v->kind == NODE_SEQ) {
			v = v->nitems ? v->items[v->nitems - 1] : NULL;
			continue;
		}
		if (v->kind != NODE_MAP || v->npairs == 0)
			return NULL;
		const Node *first = v->pairs[0].key;
		for (size_t i = 0; first->loc.col > key->loc.col && i < c->nsets; i++) {
			if (fits(v, c->sets[i].keys, key)) {
				*set = &c->sets[i];
				return v;
			}
		}
		v = v->pairs[v->npairs - 1].value;
	}
	return NULL;
}

/* "a question" -> "question", for "the question above". */
static const char *bare(const char *kind)
{
	if (strncmp(kind, "a ", 2) == 0)
		return kind + 2;
	return strncmp(kind, "an ", 3) == 0 ? kind + 3 : kind;
}

static void report_unknown_key(SchemaCtx *c, const Node *map, size_t p, const char *const *keys,
			       const char *item, const char *kind)
{
	const Node *key = map->pairs[p].key;
	Diag *d = schema_error(c, key->loc, "unknown-key", "unknown key %s %s",
			       schema_found(c, key), in_item(c, item));
	if (!d)
		return;
	Suggest s;
	suggest_init(&s, key->str, key->len);
	for (size_t i = 0; keys[i]; i++)
		suggest_add(&s, keys[i]);
	if (suggest_result(&s)) {
		schema_help(c, d, "did you mean '%s'?", suggest_result(&s));
		return;
	}
	bool ours = false;              /* is 'keys' one of the format's tables? */
	for (size_t i = 0; i < c->nsets; i++)
		ours |= c->sets[i].keys == keys;
	const SchemaKeySet *above = NULL;
	const Node *m = ours ? slipped_from(c, map, p, &above) : NULL;
	if (m) {
		schema_help(c, d, "'%s' belongs in the %s above it, whose keys start at column "
			    "%d: indent it to that column", key->str, bare(above->kind),
			    m->pairs[0].key->loc.col);
		return;
	}
	/* Where else the key belongs, if anywhere: said, but not as an
	 * indentation slip, which the columns do not show. */
	const char *elsewhere = NULL, *last = NULL;
	for (size_t i = 0; ours && i < c->nsets; i++) {
		const SchemaKeySet *set = &c->sets[i];
		if (set->keys == keys || !set->keys[key_index(set->keys, key)])
			continue;
		if (last)
			elsewhere = elsewhere ? arena_printf(c->arena, "%s, %s", elsewhere, last) : last;
		last = set->where;
	}
	if (last)
		elsewhere = elsewhere ? arena_printf(c->arena, "%s or %s", elsewhere, last) : last;
	if (elsewhere)
		schema_help(c, d, "'%s' belongs %s, not %s; %s has the keys: %s", key->str,
			    elsewhere, item ? schema_within(c, item) + 1 : "at the top level", kind,
			    join_words(c, keys));
	else
		schema_help(c, d, "%s has the keys: %s", kind, join_words(c, keys));
}

/* Keys starting with "x-" are the user's own, as in OpenAPI and Compose
 * files: a place for anchors (`x-defaults: &d`) and notes that tools ignore. */
static bool is_extension_key(const Node *key)
{
	return key->kind == NODE_SCALAR && key->len > 2 && key->str[0] == 'x' && key->str[1] == '-';
}

void schema_fields(SchemaCtx *c, const Node *map, const char *const *keys, const char *item,
		   const char *kind, const NodePair **fields)
{
	size_t nkeys = count_words(keys);
	for (size_t i = 0; i < nkeys; i++)
		fields[i] = NULL;
	for (size_t p = 0; p < map->npairs; p++) {
		const NodePair *pair = &map->pairs[p];
		size_t i = key_index(keys, pair->key);
		if (i < nkeys)
			fields[i] = pair;
		else if (!is_extension_key(pair->key))
			report_unknown_key(c, map, p, keys, item, kind);
	}
}

/* The location of an item written as a mapping: its first key, so that for
 * `- id: x` the caret sits under `id`. */
SrcLoc schema_item_loc(const Node *map)
{
	if (map->kind == NODE_MAP && map->npairs > 0) {
		SrcLoc k = map->pairs[0].key->loc;
		if (k.line == map->loc.line && k.col == map->loc.col)
			return k;
	}
	return map->loc;
}

/* True when 'f' is absent or null. */
bool schema_absent(const NodePair *f)
{
	return !f || schema_is_null(f->value);
}

Diag *schema_wrong_type(SchemaCtx *c, const NodePair *f, const char *item, const char *expected)
{
	return schema_error(c, f->value->loc, "wrong-type", "'%s'%s must be %s, found %s",
			    f->key->str, schema_of(c, item), expected, schema_found(c, f->value));
}

/* For a quoted scalar where a number or boolean belongs: the quotes are the
 * mistake, so the message says they are there. */
static Diag *wrong_type_quoted(SchemaCtx *c, const NodePair *f, const char *item,
			       const char *expected)
{
	return schema_error(c, f->value->loc, "wrong-type",
			    "'%s'%s must be %s, found the quoted text %s", f->key->str,
			    schema_of(c, item), expected, schema_found(c, f->value));
}

/* True when an unknown key of 'map' is a misspelling of 'key' (its best
 * suggestion among 'keys'): the unknown-key error already says what is
 * missing, and one mistake should give one error. */
static bool misspelled(const Node *map, const char *const *keys, const char *key)
{
	for (size_t p = 0; p < map->npairs; p++) {
		const Node *k = map->pairs[p].key;
		if (keys[key_index(keys, k)])
			continue;
		Suggest s;
		suggest_init(&s, k->str, k->len);
		for (size_t i = 0; keys[i]; i++)
			suggest_add(&s, keys[i]);
		if (suggest_result(&s) && strcmp(suggest_result(&s), key) == 0)
			return true;
	}
	return false;
}

void schema_missing(SchemaCtx *c, const Node *map, const char *const *keys, const char *key,
		    const char *item, const char *help)
{
	if (!diag_full(c->dl) && misspelled(map, keys, key))
		return;
	Diag *d = schema_error(c, schema_item_loc(map), "missing-field",
			       "missing required key '%s' %s", key, in_item(c, item));
	schema_help(c, d, "%s", help);
}

/* ==== Values ==== */

const char *schema_text(SchemaCtx *c, const NodePair *f, const char *item)
{
	if (schema_absent(f))
		return NULL;
	const Node *v = f->value;
	if (v->kind != NODE_SCALAR) {
		Diag *d = schema_wrong_type(c, f, item, "text");
		schema_help(c, d, "%s",
			    schema_syntax(v, "put the text in quotes if it starts with '[' or '{' or contains ': '",
					  "write the text as a string in quotes, not as a table"));
		return NULL;
	}
	if (schema_has_nul(v)) {
		schema_error(c, v->loc, "invalid-value", "'%s'%s contains a NUL character",
			     f->key->str, schema_of(c, item));
		return NULL;
	}
	schema_note_cut(c, v, f->key->str, false);
	return v->str;
}

/* Text that must be there and not empty: `product`, `ask`, ... */
const char *schema_required_text(SchemaCtx *c, const Node *map, const char *const *keys,
				 const NodePair *f, const char *key, const char *item,
				 const char *help)
{
	if (!f) {
		schema_missing(c, map, keys, key, item, help);
		return NULL;
	}
	if (schema_is_null(f->value) || (f->value->kind == NODE_SCALAR && f->value->len == 0)) {
		Diag *d = schema_error(c, f->key->loc, "missing-field",
				       "required key '%s'%s has no value", key, schema_of(c, item));
		schema_help(c, d, "%s", help);
		return NULL;
	}
	return schema_text(c, f, item);
}

/* id: [a-z0-9][a-z0-9_-]*
 * Returns the id as written, even when it breaks the rules (reported), so
 * that references to it still resolve; NULL when absent or unusable. */
const char *schema_id(SchemaCtx *c, const Node *map, const char *const *keys, const NodePair *f,
		      const char *noun, bool required, const char *item)
{
	static const char rule[] = "ids are lower-case letters, digits, '-' and '_', "
				   "starting with a letter or digit";
	/* An empty id, quoted or not, is no id. */
	bool empty = f && f->value->kind == NODE_SCALAR && f->value->len == 0;
	if (required && (schema_absent(f) || empty)) {
		const char *help = schema_syntax(map, "add 'id: NAME'; other items refer to it by this name",
						 arena_printf(c->arena, "write %s \"NAME\" { ... }; other items "
									"refer to it by this name",
							      schema_dsl_name(noun)));
		Diag *d = NULL;
		if (!f)
			schema_missing(c, map, keys, "id", item, help);
		else
			d = schema_error(c, f->key->loc, "missing-field",
					 "required key 'id'%s has no value", schema_of(c, item));
		schema_help(c, d, "%s", help);
		return NULL;
	}
	if (schema_absent(f) || empty)
		return NULL;
	const Node *v = f->value;
	if (v->kind != NODE_SCALAR) {
		schema_wrong_type(c, f, item, "an id");
		return NULL;
	}
	if (!schema_is_id(v->str, v->len)) {
		Diag *d = schema_error(c, v->loc, "invalid-value", "invalid %s id %s", noun,
				       schema_found(c, v));
		const char *slug = slugify(c, v);
		if (*slug)
			schema_help(c, d, "%s: try '%s'", rule, slug);
		else
			schema_help(c, d, "%s", rule);
		if (schema_has_nul(v))
			return NULL;
	}
	return v->str;
}

/* KEY: 1 */
void schema_version(SchemaCtx *c, const Node *root, const NodePair *f, const char *key,
		    const char *what)
{
	if (!f) {
		Diag *d = schema_error(c, root->loc, "missing-field",
				       "missing required key '%s' at the top level", key);
		schema_help(c, d, "add '%s: 1' (the %s format version)", key, what);
		return;
	}
	const Node *v = f->value;
	if (v->kind == NODE_SCALAR && v->type == SCALAR_NUMBER && v->number == 1)
		return;
	if (v->kind == NODE_SCALAR && v->plain && !schema_is_null(v)) {
		Diag *d = schema_error(c, v->loc, "invalid-value", "unsupported %s version %s", what,
				       schema_found(c, v));
		schema_help(c, d, "this version of roadmapc reads %s version 1: %s: 1", what, key);
		return;
	}
	schema_error(c, v->loc, "wrong-type", "'%s' must be the number 1, found %s", key,
		     schema_found(c, v));
}

/* true | false (YAML 1.2: `yes`, `no`, `on` and `off` are text). */
bool schema_bool(SchemaCtx *c, const NodePair *f, const char *item, bool dflt)
{
	if (schema_absent(f))
		return dflt;
	const Node *v = f->value;
	if (v->kind == NODE_SCALAR && v->type == SCALAR_BOOL)
		return v->boolean;
	Diag *d = v->kind == NODE_SCALAR && !v->plain
			  ? wrong_type_quoted(c, f, item, "true or false")
			  : schema_wrong_type(c, f, item, "true or false");
	if (v->kind != NODE_SCALAR)
		return dflt;
	if (!v->plain && (schema_scalar_is(v, "true") || schema_scalar_is(v, "false")))
		schema_help(c, d, schema_syntax(v, "remove the quotes: %s: %s",
						"remove the quotes: %s = %s"), f->key->str, v->str);
	else if (schema_scalar_is(v, "yes") || schema_scalar_is(v, "on") ||
		 schema_scalar_is(v, "no") || schema_scalar_is(v, "off"))
		schema_help(c, d, schema_syntax(v, "YAML 1.2 has only true and false: %s: %s",
						"write the Lua boolean: %s = %s"), f->key->str,
			    schema_scalar_is(v, "yes") || schema_scalar_is(v, "on") ? "true"
										    : "false");
	else
		schema_help(c, d, schema_syntax(v, "write %s: true or %s: false",
						"write %s = true or %s = false"),
			    f->key->str, f->key->str);
	return dflt;
}

/* A number written as a plain scalar; false (reported) otherwise. */
bool schema_number(SchemaCtx *c, const NodePair *f, const char *item, double *out)
{
	const Node *v = f->value;
	if (v->kind == NODE_SCALAR && v->type == SCALAR_NUMBER) {
		*out = v->number;
		return true;
	}
	Diag *d = v->kind == NODE_SCALAR && !v->plain ? wrong_type_quoted(c, f, item, "a number")
						      : schema_wrong_type(c, f, item, "a number");
	/* Text that reads as a number is a number in quotes: say so. */
	if (v->kind == NODE_SCALAR && !v->plain && parse_number(v, out))
		schema_help(c, d, schema_syntax(v, "remove the quotes: %s: %.*s",
						"remove the quotes: %s = %.*s"),
			    f->key->str, (int)v->len, v->str);
	return false;
}

/* The index of scalar 'v' in the NULL-terminated 'words', or -1. */
static int word_index(const char *const *words, const Node *v)
{
	for (int i = 0; words[i]; i++)
		if (schema_scalar_is(v, words[i]))
			return i;
	return -1;
}

/* KEY: WORD from 'words' ("phase", "category", ...); 'dflt' when absent. */
int schema_word(SchemaCtx *c, const NodePair *f, const char *item, const char *const *words,
		const char *noun, const char *plural, int dflt)
{
	if (schema_absent(f))
		return dflt;
	const Node *v = f->value;
	if (v->kind != NODE_SCALAR) {
		schema_wrong_type(c, f, item, arena_printf(c->arena, "one %s", noun));
		return dflt;
	}
	int i = word_index(words, v);
	if (i >= 0)
		return i;
	Diag *d = schema_error(c, v->loc, "invalid-value", "unknown %s %s%s", noun,
			       schema_found(c, v), schema_within(c, item));
	schema_help_word(c, d, v->str, words, plural);
	return dflt;
}

/* The entries of a list-valued field: the list's items, or the one value
 * written alone. Returns the count; 0 for absent, null or a mapping (which
 * is reported as not 'expected'). */
size_t schema_list(SchemaCtx *c, const NodePair *f, const char *item, const char *expected,
		   Node *const **items)
{
	if (schema_absent(f))
		return 0;
	if (f->value->kind == NODE_SEQ) {
		*items = f->value->items;
		return f->value->nitems;
	}
	if (f->value->kind == NODE_MAP) {
		schema_wrong_type(c, f, item, expected);
		return 0;
	}
	*items = &f->value;             /* a single scalar: a list of one */
	return 1;
}

/* An entry of a list of words or ids: a non-null scalar without NULs.
 * 'noun' says what one entry is ("an id", "value"), after 'article'. */
static bool scalar_entry(SchemaCtx *c, const NodePair *f, const Node *e, const char *item,
			 const char *article, const char *noun)
{
	if (schema_is_null(e)) {
		schema_error(c, e->loc, "wrong-type", "empty entry in '%s'%s", f->key->str,
			     schema_of(c, item));
		return false;
	}
	if (e->kind != NODE_SCALAR) {
		schema_error(c, e->loc, "wrong-type", "each entry of '%s'%s must be %s%s, found %s",
			     f->key->str, schema_of(c, item), article, noun, schema_found(c, e));
		return false;
	}
	if (schema_has_nul(e)) {
		schema_error(c, e->loc, "invalid-value",
			     "an entry of '%s'%s contains a NUL character", f->key->str,
			     schema_of(c, item));
		return false;
	}
	return true;
}

/* "a", "b" from the text "a, b": the words of a Lua string that was meant
 * as a list. */
static const char *lua_list_words(SchemaCtx *c, const Node *e)
{
	StrBuf sb = STRBUF_INIT;
	const char *p = e->str, *end = e->str + e->len;
	while (p < end) {
		while (p < end && (*p == ' ' || *p == ','))
			p++;
		const char *w = p;
		while (p < end && *p != ',')
			p++;
		const char *we = p;
		while (we > w && we[-1] == ' ')
			we--;
		if (we > w)
			strbuf_printf(&sb, "%s%.*s", sb.len ? "\", \"" : "", (int)(we - w), w);
	}
	const char *out = arena_strdup(c->arena, strbuf_cstr(&sb));
	strbuf_free(&sb);
	return out;
}

bool schema_word_set(SchemaCtx *c, const NodePair *f, const char *item, const char *const *words,
		     const char *noun, unsigned *set)
{
	Node *const *items = NULL;
	*set = 0;
	if (!schema_absent(f) && f->value->kind == NODE_MAP) {
		schema_wrong_type(c, f, item, arena_printf(c->arena, "a list of %ss", noun));
		return true;
	}
	size_t n = schema_list(c, f, item, "a list", &items);
	for (size_t i = 0; i < n; i++) {
		const Node *e = items[i];
		if (!scalar_entry(c, f, e, item, "one ", noun))
			continue;
		int w = word_index(words, e);
		if (w >= 0) {
			*set |= 1u << w;
			continue;
		}
		Diag *d = schema_error(c, e->loc, "invalid-value", "unknown %s %s in '%s'%s", noun,
				       schema_found(c, e), f->key->str, schema_of(c, item));
		/* `expects: information, pricing` is one word to YAML. */
		if (e->plain && memchr(e->str, ',', e->len) && f->value == e)
			schema_help(c, d, "write a list in brackets: %s: [%s]", f->key->str, e->str);
		else if (schema_is_lua(e) && memchr(e->str, ',', e->len) && f->value == e)
			schema_help(c, d, "write a list: %s = { \"%s\" }", f->key->str,
				    lua_list_words(c, e));
		else
			schema_help_word(c, d, e->str, words, arena_printf(c->arena, "%ss", noun));
	}
	return !schema_absent(f);
}

/* KEY: [ID, ...] (or one ID): references, linked later by resolve.c. */
void schema_refs(SchemaCtx *c, const NodePair *f, const char *item, const char *expected,
		 RefList *out)
{
	Node *const *items = NULL;
	size_t n = schema_list(c, f, item, expected, &items);
	if (n > out->cap)       /* one array of the list's size */
		out->items = arena_grow(c->arena, out->items, sizeof *out->items, &out->cap, out->n + n);
	for (size_t i = 0; i < n; i++) {
		if (!scalar_entry(c, f, items[i], item, "", "an id"))
			continue;
		Ref r = { items[i]->str, items[i]->loc, { NULL } };
		ARENA_PUSH(c->arena, out->items, out->n, out->cap, r);
	}
}

/* KEY: [TEXT, ...] (or one TEXT). */
void schema_texts(SchemaCtx *c, const NodePair *f, const char *item, const char ***out, size_t *n,
		  size_t *cap)
{
	Node *const *items = NULL;
	size_t count = schema_list(c, f, item, "a list of texts", &items);
	if (count > *cap)
		*out = arena_grow(c->arena, *out, sizeof **out, cap, *n + count);
	for (size_t i = 0; i < count; i++) {
		if (scalar_entry(c, f, items[i], item, "", "text")) {
			schema_note_cut(c, items[i], f->key->str, true);
			ARENA_PUSH(c->arena, *out, *n, *cap, items[i]->str);
		}
	}
}

static const char *const month_names[] = {
	"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"
};

/* KEY: YYYY-MM-DD. Returns true and the day number when valid. */
bool schema_date(SchemaCtx *c, const NodePair *f, const char *item, long *days)
{
	if (schema_absent(f))
		return false;
	const Node *v = f->value;
	if (v->kind != NODE_SCALAR) {
		schema_wrong_type(c, f, item, "a date (YYYY-MM-DD)");
		return false;
	}
	bool shape = v->len == 10 && !schema_has_nul(v);
	for (size_t i = 0; shape && i < 10; i++)
		shape = (i == 4 || i == 7) ? v->str[i] == '-'
					   : (v->str[i] >= '0' && v->str[i] <= '9');
	if (!shape) {
		Diag *d = schema_error(c, v->loc, "invalid-value",
				       "'%s'%s must be a date written YYYY-MM-DD, found %s",
				       f->key->str, schema_of(c, item), schema_found(c, v));
		schema_help(c, d, schema_syntax(v, "for example: %s: 2026-05-01",
						"for example: %s = \"2026-05-01\""), f->key->str);
		return false;
	}
	*days = date_parse(v->str);
	if (*days >= 0)
		return true;
	int year = (v->str[0] - '0') * 1000 + (v->str[1] - '0') * 100 + (v->str[2] - '0') * 10 +
		   (v->str[3] - '0');
	int month = (v->str[5] - '0') * 10 + (v->str[6] - '0');
	if (year < 1970) {
		schema_error(c, v->loc, "invalid-value", "'%s'%s is before 1970: %s", f->key->str,
			     schema_of(c, item), schema_found(c, v));
		return false;
	}
	Diag *d = schema_error(c, v->loc, "invalid-value", "'%s'%s is not a calendar date: %s",
			       f->key->str, schema_of(c, item), schema_found(c, v));
	if (month < 1 || month > 12) {
		schema_help(c, d, "months run from 01 to 12");
	} else {
		schema_help(c, d, "%s %d has %d days", month_names[month - 1], year,
			    date_month_days(year, month));
	}
	return false;
}

/* True when the text holds an en or em dash: "0–2" looks like a range. */
static bool has_dash(const Node *v)
{
	for (size_t i = 0; i + 2 < v->len; i++)
		if (memcmp(v->str + i, "\xE2\x80\x93", 3) == 0 ||
		    memcmp(v->str + i, "\xE2\x80\x94", 3) == 0)
			return true;
	return false;
}

/* when: A-B | [A, B] | A   (A <= B, both 0 or more, on the roadmap's timeline) */
Window schema_when(SchemaCtx *c, const NodePair *f, const char *item)
{
	Window w = { 0 };
	double a = 0, b = 0;
	const char *of = schema_of(c, item);

	if (schema_absent(f))
		return w;
	const Node *v = f->value;
	if (v->kind == NODE_MAP) {
		schema_wrong_type(c, f, item, "a number, a range 'A-B' or a list [A, B]");
		return w;
	}
	if (v->kind == NODE_SEQ) {
		if (v->nitems != 2) {
			Diag *d = schema_error(
				c, v->loc, "invalid-value",
				"'when'%s must be a list of two numbers [start, end], found %zu",
				of, v->nitems);
			schema_help(c, d, "%s",
				    schema_syntax(v, "for example: when: [0, 2], or when: 3 for a single point",
						  "for example: when = {0, 2}, or when = 3 for a single point"));
			return w;
		}
		double ends[2];
		for (size_t i = 0; i < 2; i++) {
			const Node *e = v->items[i];
			const char *which = i ? "end" : "start";
			if (e->kind != NODE_SCALAR || e->type != SCALAR_NUMBER) {
				schema_error(c, e->loc, "wrong-type",
					     "the %s of 'when'%s must be a number, found %s", which,
					     of, schema_found(c, e));
				return w;
			}
			ends[i] = e->number;
			if (ends[i] < 0) {
				Diag *d = schema_error(
					c, e->loc, "invalid-value",
					"the %s of 'when'%s must not be negative, found %s", which,
					of, schema_found(c, e));
				schema_help(
					c, d,
					"the timeline starts at 0, the start of the buying process");
				return w;
			}
		}
		a = ends[0];
		b = ends[1];
	} else {
		/* The scalar forms are text ("0-2" is no YAML number), so quoting
		 * them is harmless. */
		const char *p = v->str, *end = v->str + v->len;
		bool ok = number_scan(&p, end, &a);
		b = a;
		while (p < end && *p == ' ')
			p++;
		if (ok && p < end && *p == '-') {       /* "0-2", "0 - 2" */
			p++;
			while (p < end && *p == ' ')
				p++;
			ok = number_scan(&p, end, &b);
		}
		if (!ok || p != end) {
			Diag *d = schema_error(
				c, v->loc, "invalid-value",
				"'when'%s must be a number, a range 'A-B' or a list [A, B], found %s",
				of, schema_found(c, v));
			if (has_dash(v))
				schema_help(c, d, "write the range with a hyphen '-', not a dash");
			else
				schema_help(
					c, d, "%s",
					schema_syntax(v, "count in timeline units from the start of the buying process: "
							 "when: 0-2, when: [0, 2] or when: 3",
						      "count in timeline units from the start of the buying process: "
						      "when = {0, 2}, when = \"0-2\" or when = 3"));
			return w;
		}
	}
	if (a < 0 || b < 0) {
		Diag *d = schema_error(c, v->loc, "invalid-value",
				       "'when'%s must not be negative, found %s", of,
				       schema_found(c, v));
		schema_help(c, d, "the timeline starts at 0, the start of the buying process");
		return w;
	}
	if (b < a) {
		Diag *d = schema_error(c, v->loc, "invalid-value",
				       "'when'%s ends before it starts: %s is after %s", of,
				       show_number(c, a), show_number(c, b));
		schema_help(c, d,
			    v->kind == NODE_SEQ ? schema_syntax(v, "write the earlier number first: when: [%s, %s]",
								"write the earlier number first: when = {%s, %s}")
						: schema_syntax(v, "write the earlier number first: when: %s-%s",
								"write the earlier number first: when = \"%s-%s\""),
			    show_number(c, b), show_number(c, a));
		return w;
	}
	if (b > WHEN_MAX) {
		schema_error(c, v->loc, "invalid-value", "'when'%s is too far out: %s (at most %s)",
			     of, show_number(c, b), show_number(c, WHEN_MAX));
		return w;
	}
	w.set = true;
	w.start = a;
	w.end = b;
	w.loc = v->loc;
	return w;
}

/* A check name as a key of 'checks:' or 'ignore:': any text without a NUL
 * (resolve.c looks it up in the run's registry, which Lua rules join after
 * the schema has run); NULL (reported) otherwise. */
const char *schema_check_name(SchemaCtx *c, const Node *key, const char *section,
			      const char *item)
{
	if (!schema_has_nul(key) && key->len > 0)
		return key->str;
	schema_error(c, key->loc, "invalid-value", "invalid check name %s in '%s'%s",
		     schema_found(c, key), section, schema_of(c, item));
	return NULL;
}

/* ignore: { CHECK: REASON, ... }   (the reason is required) */
void schema_ignore(SchemaCtx *c, const NodePair *f, const char *item, IgnoreList *out)
{
	if (schema_absent(f))
		return;
	if (!schema_is_map(f->value)) {
		Diag *d = schema_wrong_type(c, f, item, "a mapping of check names to reasons");
		schema_help(
			c, d, "%s",
			schema_syntax(f->value,
				      "for example: ignore: { content-unused: \"kept for the partner portal\" }",
				      "for example: ignore = { [\"content-unused\"] = \"kept for the partner portal\" }"));
		return;
	}
	for (size_t p = 0; p < f->value->npairs; p++) {
		const NodePair *e = &f->value->pairs[p];
		const char *check = schema_check_name(c, e->key, "ignore", item);
		if (!check)
			continue;
		const Node *r = e->value;
		if (r->kind != NODE_SCALAR) {
			schema_error(c, r->loc, "wrong-type",
				     "the reason for ignoring '%s'%s must be text, found %s",
				     check, schema_of(c, item), schema_found(c, r));
			continue;
		}
		if (schema_is_null(r) || r->len == 0) {
			Diag *d = schema_error(c, e->key->loc, "invalid-value",
					       "'ignore' entry '%s'%s needs a reason", check,
					       schema_within(c, item));
			schema_help(
				c, d,
				schema_syntax(r, "say why the finding does not apply: %s: \"kept for the partner portal\"",
					      "say why the finding does not apply: [\"%s\"] = \"kept for the partner portal\""),
				check);
			continue;
		}
		if (schema_has_nul(r)) {
			schema_error(c, r->loc, "invalid-value",
				     "the reason for ignoring '%s' contains a NUL character",
				     check);
			continue;
		}
		Ignore ig = { check, r->str, e->key->loc, false };
		ARENA_PUSH(c->arena, out->items, out->n, out->cap, ig);
	}
}
