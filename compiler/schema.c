/* schema.c - the shape of a roadmap file: node tree to model.
 *
 * Second phase: front_yaml.c -> schema.c -> resolve.c. Each kind of mapping
 * in the format (the top level, a stage, a question, ...) has a table of its
 * keys and a reader, with the schema fragment it reads written above it, as
 * a grammar rule sits above a parser function. Readers never stop at a
 * mistake: they report it, keep what they can and read on, so one run shows
 * every structural error in the file.
 *
 * Conventions that hold everywhere (docs/language.md states them for users):
 *   - a null value (empty, `~`, `null`) is the same as an absent key;
 *   - a list-valued key also takes a single item written alone;
 *   - only plain (unquoted) scalars are numbers or booleans;
 *   - an id that breaks the id rules is reported but kept as written, so
 *     references to it still resolve and one mistake gives one error.
 * Linking ids and filling defaults that depend on other items is resolve.c's
 * job; nothing here looks beyond the item being read. */
#include "schema.h"
#include "check.h"
#include "suggest.h"

#include <stdarg.h>
#include <string.h>

/* Largest number accepted in a `when` window: far beyond any buying process
 * (10000 weeks is two centuries), small enough that diagrams stay drawable. */
#define WHEN_MAX 10000.0
/* Largest `max_age_days`: about 270 years. */
#define MAX_AGE_MAX 100000L

/* ==== Reporting ==== */

void schema_ctx_init(SchemaCtx *c, Arena *a, DiagList *dl)
{
	c->arena = a;
	c->dl = dl;
	strmap_init(&c->seen, a);
}

Diag *schema_error(SchemaCtx *c, SrcLoc loc, const char *check, const char *fmt, ...)
{
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
		      const char *noun)
{
	if (!d)
		return;
	const char *best = suggest_word(word, words);
	if (best)
		schema_help(c, d, "did you mean '%s'?", best);
	else if (noun)
		schema_help(c, d, "the %s are: %s", noun, join_words(c, words));
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
			const char *esc = u == '\n' ? "\\n" : u == '\t' ? "\\t" : u == 0 ? "\\0" : "?";
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
static bool scalar_is(const Node *n, const char *word)
{
	size_t len = strlen(word);
	return n->kind == NODE_SCALAR && n->len == len && memcmp(n->str, word, len) == 0;
}

bool schema_is_null(const Node *n)
{
	if (n->kind != NODE_SCALAR || !n->plain)
		return false;
	return n->len == 0 || scalar_is(n, "~") || scalar_is(n, "null") || scalar_is(n, "Null") ||
	       scalar_is(n, "NULL");
}

/* A scalar with a NUL byte inside cannot become a C string without losing
 * text, so it is refused wherever text is read. */
static bool has_nul(const Node *n)
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

/* ASCII for the Latin-1 letters U+00C0..U+00FF (UTF-8 C3 80..C3 BF), so
 * that "Évaluer" suggests "evaluer"; "" for the two signs in that range. */
static const char *const latin1_ascii[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
};

/* The id a user probably meant: lower case ASCII, every run of other
 * characters made one '-', no separator at either end. "" when nothing is
 * left. */
static const char *slugify(SchemaCtx *c, const Node *n)
{
	size_t len = n->len < SUGGEST_MAX_LEN ? n->len : SUGGEST_MAX_LEN;
	char *out = arena_alloc(c->arena, 2 * len + 1);
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char u = (unsigned char)n->str[i];
		if (u == 0xC3 && i + 1 < len && ((unsigned char)n->str[i + 1] & 0xC0) == 0x80) {
			const char *t = latin1_ascii[(unsigned char)n->str[++i] & 0x3F];
			size_t tl = strlen(t);
			memcpy(out + o, t, tl);
			o += tl;
			continue;
		}
		if (u >= 'A' && u <= 'Z')
			u = (unsigned char)(u - 'A' + 'a');
		if (is_id_char(u) && u != '-')
			out[o++] = (char)u;
		else if (o > 0 && out[o - 1] != '-')
			out[o++] = '-';
	}
	while (o > 0 && (out[o - 1] == '-' || out[o - 1] == '_'))
		o--;
	size_t start = 0;
	while (start < o && out[start] == '_')
		start++;
	out[o] = '\0';
	return out + start;
}

/* Item names in messages: "stage 'need'" reads "in stage 'need'" or
 * "'name' of stage 'need'"; NULL is the top level. */
static const char *in_item(SchemaCtx *c, const char *item)
{
	return item ? arena_printf(c->arena, "in %s", item) : "at the top level";
}

static const char *of_item(SchemaCtx *c, const char *item)
{
	return item ? arena_printf(c->arena, " of %s", item) : "";
}

static const char *within(SchemaCtx *c, const char *item)
{
	return item ? arena_printf(c->arena, " in %s", item) : "";
}

/* ==== Numbers ==== */

/* Reads a decimal number (-?digits(.digits)?, at most 15 digits, so it is
 * exact in a double) at '*p', advancing it. Parsed by hand: strtod would
 * follow the locale's decimal separator. */
static bool scan_number(const char **p, const char *end, double *out)
{
	const char *s = *p;
	bool neg = false;
	double v = 0, scale = 1;
	int digits = 0;

	if (s < end && *s == '-') {
		neg = true;
		s++;
	}
	if (s == end || *s < '0' || *s > '9')
		return false;
	while (s < end && *s >= '0' && *s <= '9') {
		v = v * 10 + (*s++ - '0');
		digits++;
	}
	if (s < end && *s == '.') {
		s++;
		if (s == end || *s < '0' || *s > '9')
			return false;
		while (s < end && *s >= '0' && *s <= '9') {
			scale /= 10;
			v += (*s++ - '0') * scale;
			digits++;
		}
	}
	if (digits > 15)
		return false;
	*out = neg ? -v : v;
	*p = s;
	return true;
}

/* True when all of scalar 'n' is one number. */
static bool parse_number(const Node *n, double *out)
{
	const char *p = n->str, *end = n->str + n->len;
	return scan_number(&p, end, out) && p == end;
}

/* A number for messages: the way a user would write it. */
static const char *show_number(SchemaCtx *c, double v)
{
	if (v == (double)(long long)v)
		return arena_printf(c->arena, "%lld", (long long)v);
	return arena_printf(c->arena, "%g", v);
}

/* ==== The format's keys ====
 *
 * One table per kind of mapping, in the order of docs/language.md; the
 * enum after each names its slots in the array schema_fields() fills. */

static const char *const top_keys[] = {
	"roadmap", "product", "segment", "category", "critical_characteristic", "timeline",
	"extends", "stages", "seller", "content", "checks", "rules", NULL
};
enum { TK_ROADMAP, TK_PRODUCT, TK_SEGMENT, TK_CATEGORY, TK_CRITICAL, TK_TIMELINE, TK_EXTENDS,
       TK_STAGES, TK_SELLER, TK_CONTENT, TK_CHECKS, TK_RULES, TK_NKEYS };

static const char *const stage_keys[] = {
	"id", "name", "phase", "when", "expects", "prefers", "concerns", "actions", "questions",
	"ignore", NULL
};
enum { SK_ID, SK_NAME, SK_PHASE, SK_WHEN, SK_EXPECTS, SK_PREFERS, SK_CONCERNS, SK_ACTIONS,
       SK_QUESTIONS, SK_IGNORE, SK_NKEYS };

static const char *const question_keys[] = {
	"id", "ask", "answer", "content", "concern", "priority", "critical", "ignore", NULL
};
enum { QK_ID, QK_ASK, QK_ANSWER, QK_CONTENT, QK_CONCERN, QK_PRIORITY, QK_CRITICAL, QK_IGNORE,
       QK_NKEYS };

static const char *const concern_keys[] = { "id", "text", "content", "ignore", NULL };
enum { CK_ID, CK_TEXT, CK_CONTENT, CK_IGNORE, CK_NKEYS };

static const char *const seller_keys[] = {
	"id", "name", "owner", "when", "supports", "delivers", "uses", "channel", "ignore", NULL
};
enum { AK_ID, AK_NAME, AK_OWNER, AK_WHEN, AK_SUPPORTS, AK_DELIVERS, AK_USES, AK_CHANNEL,
       AK_IGNORE, AK_NKEYS };

static const char *const content_keys[] = {
	"id", "title", "type", "status", "owner", "url", "reviewed", "channels", "delivers",
	"ignore", NULL
};
enum { NK_ID, NK_TITLE, NK_TYPE, NK_STATUS, NK_OWNER, NK_URL, NK_REVIEWED, NK_CHANNELS,
       NK_DELIVERS, NK_IGNORE, NK_NKEYS };

static const char *const setting_keys[] = { "severity", "max_age_days", NULL };
enum { EK_SEVERITY, EK_MAX_AGE, EK_NKEYS };

#define COUNT(a) (sizeof (a) / sizeof *(a))
_Static_assert(COUNT(top_keys) == TK_NKEYS + 1, "top_keys and TK_ disagree");
_Static_assert(COUNT(stage_keys) == SK_NKEYS + 1, "stage_keys and SK_ disagree");
_Static_assert(COUNT(question_keys) == QK_NKEYS + 1, "question_keys and QK_ disagree");
_Static_assert(COUNT(concern_keys) == CK_NKEYS + 1, "concern_keys and CK_ disagree");
_Static_assert(COUNT(seller_keys) == AK_NKEYS + 1, "seller_keys and AK_ disagree");
_Static_assert(COUNT(content_keys) == NK_NKEYS + 1, "content_keys and NK_ disagree");
_Static_assert(COUNT(setting_keys) == EK_NKEYS + 1, "setting_keys and EK_ disagree");

typedef struct KeySet {
	const char *const *keys;
	const char *kind;       /* "a stage" */
	const char *where;      /* "in a stage" */
} KeySet;

/* Every key table of the format, for the hint "'ask' belongs in a question"
 * when a key sits in the wrong mapping (usually an indentation slip). */
static const KeySet key_sets[] = {
	{ top_keys, "a roadmap", "at the top level" },
	{ stage_keys, "a stage", "in a stage" },
	{ question_keys, "a question", "in a question" },
	{ concern_keys, "a concern", "in a long-form concern" },
	{ seller_keys, "a seller action", "in a seller action" },
	{ content_keys, "a content item", "in a content item" },
	{ setting_keys, "a checks entry", "in a checks entry" },
};
static const size_t nkey_sets = COUNT(key_sets);

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
		if (scalar_is(key, keys[i]))
			break;
	return i;
}

static void report_unknown_key(SchemaCtx *c, const Node *key, const char *const *keys,
			       const char *item, const char *kind)
{
	Diag *d = schema_error(c, key->loc, "unknown-key", "unknown key %s %s",
			       schema_found(c, key), in_item(c, item));
	Suggest s;
	suggest_init(&s, key->str, key->len);
	for (size_t i = 0; keys[i]; i++)
		suggest_add(&s, keys[i]);
	if (suggest_result(&s)) {
		schema_help(c, d, "did you mean '%s'?", suggest_result(&s));
		return;
	}
	bool ours = false;              /* is 'keys' one of the roadmap's tables? */
	for (size_t i = 0; i < nkey_sets; i++)
		ours |= key_sets[i].keys == keys;
	for (size_t i = 0; ours && i < nkey_sets; i++) {
		if (key_sets[i].keys != keys && key_sets[i].keys[key_index(key_sets[i].keys, key)]) {
			schema_help(c, d, "'%s' belongs %s; check the indentation", key->str,
				    key_sets[i].where);
			return;
		}
	}
	schema_help(c, d, "%s has the keys: %s", kind, join_words(c, keys));
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
		else
			report_unknown_key(c, pair->key, keys, item, kind);
	}
}

/* The location of an item written as a mapping: its first key, so that for
 * `- id: x` the caret sits under `id`. */
static SrcLoc item_loc(const Node *map)
{
	if (map->kind == NODE_MAP && map->npairs > 0) {
		SrcLoc k = map->pairs[0].key->loc;
		if (k.line == map->loc.line && k.col == map->loc.col)
			return k;
	}
	return map->loc;
}

/* True when 'f' is absent or null. */
static bool absent(const NodePair *f)
{
	return !f || schema_is_null(f->value);
}

static Diag *wrong_type(SchemaCtx *c, const NodePair *f, const char *item, const char *expected)
{
	return schema_error(c, f->value->loc, "wrong-type", "'%s'%s must be %s, found %s", f->key->str,
			    of_item(c, item), expected, schema_found(c, f->value));
}

/* For a quoted scalar where a number or boolean belongs: the quotes are the
 * mistake, so the message says they are there. */
static Diag *wrong_type_quoted(SchemaCtx *c, const NodePair *f, const char *item,
			       const char *expected)
{
	return schema_error(c, f->value->loc, "wrong-type", "'%s'%s must be %s, found the quoted text %s",
			    f->key->str, of_item(c, item), expected, schema_found(c, f->value));
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

static void missing(SchemaCtx *c, const Node *map, const char *const *keys, const char *key,
		    const char *item, const char *help)
{
	if (misspelled(map, keys, key))
		return;
	Diag *d = schema_error(c, item_loc(map), "missing-field", "missing required key '%s' %s", key,
			       in_item(c, item));
	schema_help(c, d, "%s", help);
}

/* ==== Values ==== */

const char *schema_text(SchemaCtx *c, const NodePair *f, const char *item)
{
	if (absent(f))
		return NULL;
	const Node *v = f->value;
	if (v->kind != NODE_SCALAR) {
		Diag *d = wrong_type(c, f, item, "text");
		schema_help(c, d, "put the text in quotes if it starts with '[' or '{' or contains ': '");
		return NULL;
	}
	if (has_nul(v)) {
		schema_error(c, v->loc, "invalid-value", "'%s'%s contains a NUL character", f->key->str,
			     of_item(c, item));
		return NULL;
	}
	return v->str;
}

/* Text that must be there and not empty: `product`, `ask`, ... */
static const char *required_text(SchemaCtx *c, const Node *map, const char *const *keys,
				 const NodePair *f, const char *key, const char *item, const char *help)
{
	if (!f) {
		missing(c, map, keys, key, item, help);
		return NULL;
	}
	if (schema_is_null(f->value) || (f->value->kind == NODE_SCALAR && f->value->len == 0)) {
		Diag *d = schema_error(c, f->key->loc, "missing-field",
				       "required key '%s'%s has no value", key, of_item(c, item));
		schema_help(c, d, "%s", help);
		return NULL;
	}
	return schema_text(c, f, item);
}

/* id: [a-z0-9][a-z0-9_-]*
 * Returns the id as written, even when it breaks the rules (reported), so
 * that references to it still resolve; NULL when absent or unusable. */
static const char *read_id(SchemaCtx *c, const Node *map, const char *const *keys,
			   const NodePair *f, const char *noun, bool required, const char *item)
{
	static const char rule[] = "ids are lower-case letters, digits, '-' and '_', "
				   "starting with a letter or digit";
	if (required && (!f || schema_is_null(f->value))) {
		const char *help = "add 'id: NAME'; other items refer to it by this name";
		if (!f)
			missing(c, map, keys, "id", item, help);
		else
			schema_help(c, schema_error(c, f->key->loc, "missing-field",
						    "required key 'id'%s has no value",
						    of_item(c, item)), "%s", help);
		return NULL;
	}
	if (absent(f))
		return NULL;
	const Node *v = f->value;
	if (v->kind != NODE_SCALAR) {
		wrong_type(c, f, item, "an id");
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
		if (has_nul(v) || v->len == 0)
			return NULL;
	}
	return v->str;
}

/* true | false (YAML 1.2: `yes`, `no`, `on` and `off` are text). */
static bool read_bool(SchemaCtx *c, const NodePair *f, const char *item, bool dflt)
{
	static const char *const yes[] = { "true", "True", "TRUE", NULL };
	static const char *const no[] = { "false", "False", "FALSE", NULL };
	if (absent(f))
		return dflt;
	const Node *v = f->value;
	if (v->kind == NODE_SCALAR && v->plain) {
		for (size_t i = 0; yes[i]; i++)
			if (scalar_is(v, yes[i]))
				return true;
		for (size_t i = 0; no[i]; i++)
			if (scalar_is(v, no[i]))
				return false;
	}
	Diag *d = v->kind == NODE_SCALAR && !v->plain ? wrong_type_quoted(c, f, item, "true or false")
						       : wrong_type(c, f, item, "true or false");
	if (v->kind != NODE_SCALAR)
		return dflt;
	if (!v->plain && (scalar_is(v, "true") || scalar_is(v, "false")))
		schema_help(c, d, "remove the quotes: %s: %s", f->key->str, v->str);
	else if (scalar_is(v, "yes") || scalar_is(v, "on") || scalar_is(v, "no") || scalar_is(v, "off"))
		schema_help(c, d, "YAML 1.2 has only true and false: %s: %s", f->key->str,
			    scalar_is(v, "yes") || scalar_is(v, "on") ? "true" : "false");
	else
		schema_help(c, d, "write %s: true or %s: false", f->key->str, f->key->str);
	return dflt;
}

/* A number written as a plain scalar; false (reported) otherwise. */
static bool read_number(SchemaCtx *c, const NodePair *f, const char *item, double *out)
{
	const Node *v = f->value;
	if (v->kind == NODE_SCALAR && v->plain && parse_number(v, out))
		return true;
	Diag *d = v->kind == NODE_SCALAR && !v->plain ? wrong_type_quoted(c, f, item, "a number")
						       : wrong_type(c, f, item, "a number");
	if (v->kind == NODE_SCALAR && !v->plain && parse_number(v, out))
		schema_help(c, d, "remove the quotes: %s: %.*s", f->key->str, (int)v->len, v->str);
	return false;
}

/* The index of scalar 'v' in the NULL-terminated 'words', or -1. */
static int word_index(const char *const *words, const Node *v)
{
	for (int i = 0; words[i]; i++)
		if (scalar_is(v, words[i]))
			return i;
	return -1;
}

/* KEY: WORD from 'words' ("phase", "category", ...); 'dflt' when absent. */
static int read_word(SchemaCtx *c, const NodePair *f, const char *item, const char *const *words,
		     const char *noun, const char *plural, int dflt)
{
	if (absent(f))
		return dflt;
	const Node *v = f->value;
	if (v->kind != NODE_SCALAR) {
		wrong_type(c, f, item, arena_printf(c->arena, "one %s", noun));
		return dflt;
	}
	int i = word_index(words, v);
	if (i >= 0)
		return i;
	Diag *d = schema_error(c, v->loc, "invalid-value", "unknown %s %s%s", noun,
			       schema_found(c, v), within(c, item));
	schema_help_word(c, d, v->str, words, plural);
	return dflt;
}

/* The entries of a list-valued field: the list's items, or the one value
 * written alone. Returns the count; 0 for absent, null or a mapping (which
 * is reported as not 'expected'). */
static size_t list_items(SchemaCtx *c, const NodePair *f, const char *item, const char *expected,
			 Node *const **items)
{
	if (absent(f))
		return 0;
	if (f->value->kind == NODE_SEQ) {
		*items = f->value->items;
		return f->value->nitems;
	}
	if (f->value->kind == NODE_MAP) {
		wrong_type(c, f, item, expected);
		return 0;
	}
	*items = &f->value;             /* a single scalar: a list of one */
	return 1;
}

/* An entry of a list of words or ids: a non-null scalar without NULs. */
static bool scalar_entry(SchemaCtx *c, const NodePair *f, const Node *e, const char *item,
			 const char *noun)
{
	if (schema_is_null(e)) {
		schema_error(c, e->loc, "wrong-type", "empty entry in '%s'%s", f->key->str,
			     of_item(c, item));
		return false;
	}
	if (e->kind != NODE_SCALAR) {
		schema_error(c, e->loc, "wrong-type", "each entry of '%s'%s must be %s, found %s",
			     f->key->str, of_item(c, item), noun, schema_found(c, e));
		return false;
	}
	if (has_nul(e)) {
		schema_error(c, e->loc, "invalid-value", "an entry of '%s'%s contains a NUL character",
			     f->key->str, of_item(c, item));
		return false;
	}
	return true;
}

bool schema_word_set(SchemaCtx *c, const NodePair *f, const char *item, const char *const *words,
		     const char *noun, unsigned *set)
{
	Node *const *items = NULL;
	const char *plural = arena_printf(c->arena, "%ss", noun);
	size_t n = list_items(c, f, item, arena_printf(c->arena, "a list of %s", plural), &items);
	*set = 0;
	for (size_t i = 0; i < n; i++) {
		const Node *e = items[i];
		if (!scalar_entry(c, f, e, item, arena_printf(c->arena, "one %s", noun)))
			continue;
		int w = word_index(words, e);
		if (w >= 0) {
			*set |= 1u << w;
			continue;
		}
		Diag *d = schema_error(c, e->loc, "invalid-value", "unknown %s %s in '%s'%s", noun,
				       schema_found(c, e), f->key->str, of_item(c, item));
		schema_help_word(c, d, e->str, words, plural);
	}
	return !absent(f);
}

/* KEY: [ID, ...] (or one ID): references, linked later by resolve.c. */
static void read_refs(SchemaCtx *c, const NodePair *f, const char *item, const char *expected,
		      RefList *out)
{
	Node *const *items = NULL;
	size_t n = list_items(c, f, item, expected, &items);
	for (size_t i = 0; i < n; i++) {
		if (!scalar_entry(c, f, items[i], item, "an id"))
			continue;
		Ref r = { items[i]->str, items[i]->loc, NULL };
		ARENA_PUSH(c->arena, out->items, out->n, out->cap, r);
	}
}

/* KEY: [TEXT, ...] (or one TEXT). */
static void read_texts(SchemaCtx *c, const NodePair *f, const char *item, const char ***out,
		       size_t *n, size_t *cap)
{
	Node *const *items = NULL;
	size_t count = list_items(c, f, item, "a list of texts", &items);
	for (size_t i = 0; i < count; i++)
		if (scalar_entry(c, f, items[i], item, "text"))
			ARENA_PUSH(c->arena, *out, *n, *cap, items[i]->str);
}

static const char *const month_names[] = {
	"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"
};

/* KEY: YYYY-MM-DD. Returns true and the day number when valid. */
static bool read_date(SchemaCtx *c, const NodePair *f, const char *item, long *days)
{
	if (absent(f))
		return false;
	const Node *v = f->value;
	if (v->kind != NODE_SCALAR) {
		wrong_type(c, f, item, "a date (YYYY-MM-DD)");
		return false;
	}
	bool shape = v->len == 10 && !has_nul(v);
	for (size_t i = 0; shape && i < 10; i++)
		shape = (i == 4 || i == 7) ? v->str[i] == '-' : (v->str[i] >= '0' && v->str[i] <= '9');
	if (!shape) {
		Diag *d = schema_error(c, v->loc, "invalid-value", "'%s'%s must be a date written YYYY-MM-DD, found %s",
				       f->key->str, of_item(c, item), schema_found(c, v));
		schema_help(c, d, "for example: %s: 2026-05-01", f->key->str);
		return false;
	}
	*days = model_parse_date(v->str);
	if (*days >= 0)
		return true;
	int year = (v->str[0] - '0') * 1000 + (v->str[1] - '0') * 100 + (v->str[2] - '0') * 10 + (v->str[3] - '0');
	int month = (v->str[5] - '0') * 10 + (v->str[6] - '0');
	if (year < 1970) {
		schema_error(c, v->loc, "invalid-value", "'%s'%s is before 1970: %s", f->key->str,
			     of_item(c, item), schema_found(c, v));
		return false;
	}
	Diag *d = schema_error(c, v->loc, "invalid-value", "'%s'%s is not a calendar date: %s",
			       f->key->str, of_item(c, item), schema_found(c, v));
	if (month < 1 || month > 12) {
		schema_help(c, d, "months run from 01 to 12");
	} else {
		static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
		bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
		schema_help(c, d, "%s %d has %d days", month_names[month - 1], year,
			    mdays[month - 1] + (month == 2 && leap));
	}
	return false;
}

/* True when the text holds an en or em dash: "0–2" looks like a range. */
static bool has_dash(const Node *v)
{
	for (size_t i = 0; i + 2 < v->len; i++)
		if (memcmp(v->str + i, "\xE2\x80\x93", 3) == 0 || memcmp(v->str + i, "\xE2\x80\x94", 3) == 0)
			return true;
	return false;
}

/* when: A-B | [A, B] | A   (A <= B, both 0 or more, on the roadmap's timeline) */
static Window read_when(SchemaCtx *c, const NodePair *f, const char *item)
{
	Window w = { 0 };
	double a = 0, b = 0;
	const char *of = of_item(c, item);

	if (absent(f))
		return w;
	const Node *v = f->value;
	if (v->kind == NODE_MAP) {
		wrong_type(c, f, item, "a number, a range 'A-B' or a list [A, B]");
		return w;
	}
	if (v->kind == NODE_SEQ) {
		if (v->nitems != 2) {
			Diag *d = schema_error(c, v->loc, "invalid-value",
					       "'when'%s must be a list of two numbers [start, end], found %zu",
					       of, v->nitems);
			schema_help(c, d, "for example: when: [0, 2], or when: 3 for a single point");
			return w;
		}
		double ends[2];
		for (size_t i = 0; i < 2; i++) {
			const Node *e = v->items[i];
			const char *which = i ? "end" : "start";
			if (e->kind != NODE_SCALAR || !e->plain || !parse_number(e, &ends[i])) {
				schema_error(c, e->loc, "wrong-type", "the %s of 'when'%s must be a number, found %s",
					     which, of, schema_found(c, e));
				return w;
			}
			if (ends[i] < 0) {
				Diag *d = schema_error(c, e->loc, "invalid-value",
						       "the %s of 'when'%s must not be negative, found %s",
						       which, of, schema_found(c, e));
				schema_help(c, d, "the timeline starts at 0, the start of the buying process");
				return w;
			}
		}
		a = ends[0];
		b = ends[1];
	} else {
		/* The scalar forms are text ("0-2" is no YAML number), so quoting
		 * them is harmless. */
		const char *p = v->str, *end = v->str + v->len;
		bool ok = scan_number(&p, end, &a);
		b = a;
		while (p < end && *p == ' ')
			p++;
		if (ok && p < end && *p == '-') {       /* "0-2", "0 - 2" */
			p++;
			while (p < end && *p == ' ')
				p++;
			ok = scan_number(&p, end, &b);
		}
		if (!ok || p != end) {
			Diag *d = schema_error(c, v->loc, "invalid-value",
					       "'when'%s must be a number, a range 'A-B' or a list [A, B], found %s",
					       of, schema_found(c, v));
			if (has_dash(v))
				schema_help(c, d, "write the range with a hyphen '-', not a dash");
			else
				schema_help(c, d, "count in timeline units from the start of the buying process: "
						  "when: 0-2, when: [0, 2] or when: 3");
			return w;
		}
	}
	if (a < 0 || b < 0) {
		Diag *d = schema_error(c, v->loc, "invalid-value", "'when'%s must not be negative, found %s",
				       of, schema_found(c, v));
		schema_help(c, d, "the timeline starts at 0, the start of the buying process");
		return w;
	}
	if (b < a) {
		Diag *d = schema_error(c, v->loc, "invalid-value", "'when'%s ends before it starts: %s is after %s",
				       of, show_number(c, a), show_number(c, b));
		schema_help(c, d, v->kind == NODE_SEQ ? "write the earlier number first: when: [%s, %s]"
						       : "write the earlier number first: when: %s-%s",
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

/* The registry row of check name 'key' in 'checks:' or 'ignore:', or NULL
 * (reported) when there is none or it is a structural check. */
static const CheckInfo *read_check_name(SchemaCtx *c, const Node *key, const char *section,
					const char *item)
{
	const CheckInfo *ci = has_nul(key) ? NULL : check_find(key->str);
	if (!ci) {
		Diag *d = schema_error(c, key->loc, "invalid-value", "unknown check %s in '%s'%s",
				       schema_found(c, key), section, of_item(c, item));
		Suggest s;
		suggest_init(&s, key->str, key->len);
		for (size_t i = 0; i < check_table_len; i++)
			if (!check_table[i].structural)
				suggest_add(&s, check_table[i].name);
		if (suggest_result(&s))
			schema_help(c, d, "did you mean '%s'?", suggest_result(&s));
		else
			schema_help(c, d, "'roadmapc list-checks' shows every check");
		return NULL;
	}
	if (ci->structural) {
		Diag *d = schema_error(c, key->loc, "invalid-value", "'%s' is a structural error and cannot be %s",
				       ci->name, strcmp(section, "ignore") == 0 ? "ignored" : "configured");
		schema_help(c, d, "structural errors are always errors: fix the mistake instead");
		return NULL;
	}
	return ci;
}

/* ignore: { CHECK: REASON, ... }   (the reason is required) */
static void read_ignore(SchemaCtx *c, const NodePair *f, const char *item, IgnoreList *out)
{
	if (absent(f))
		return;
	if (f->value->kind != NODE_MAP) {
		Diag *d = wrong_type(c, f, item, "a mapping of check names to reasons");
		schema_help(c, d, "for example: ignore: { content-unused: \"kept for the partner portal\" }");
		return;
	}
	for (size_t p = 0; p < f->value->npairs; p++) {
		const NodePair *e = &f->value->pairs[p];
		const CheckInfo *ci = read_check_name(c, e->key, "ignore", item);
		if (!ci)
			continue;
		const Node *r = e->value;
		if (r->kind != NODE_SCALAR) {
			schema_error(c, r->loc, "wrong-type", "the reason for ignoring '%s'%s must be text, found %s",
				     ci->name, of_item(c, item), schema_found(c, r));
			continue;
		}
		if (schema_is_null(r) || r->len == 0) {
			Diag *d = schema_error(c, e->key->loc, "invalid-value",
					       "'ignore' entry '%s'%s needs a reason", ci->name, within(c, item));
			schema_help(c, d, "say why the finding does not apply: %s: \"kept for the partner portal\"",
				    ci->name);
			continue;
		}
		if (has_nul(r)) {
			schema_error(c, r->loc, "invalid-value", "the reason for ignoring '%s' contains a NUL character",
				     ci->name);
			continue;
		}
		Ignore ig = { ci->name, r->str, e->key->loc, false };
		ARENA_PUSH(c->arena, out->items, out->n, out->cap, ig);
	}
}

/* ==== The roadmap's mappings ==== */

/* A label for an item in messages: "stage 'need'", or "a stage" when the
 * mapping has no usable id yet (the id is peeked before the other keys are
 * read, so even an unknown key names its item). */
static const char *peek_id(const Node *map)
{
	for (size_t p = 0; p < map->npairs; p++) {
		const Node *v = map->pairs[p].value;
		if (scalar_is(map->pairs[p].key, "id") && v->kind == NODE_SCALAR &&
		    !schema_is_null(v) && !has_nul(v))
			return v->str;
	}
	return NULL;
}

static const char *label(SchemaCtx *c, const char *noun, const char *id, const char *anon)
{
	return id ? arena_printf(c->arena, "%s '%s'", noun, id) : anon;
}

/* Each entry of a list of items must be a mapping; 'first' is the key a
 * scalar written there most likely meant ("id", or "ask" for questions). */
static bool item_is_map(SchemaCtx *c, const NodePair *f, const Node *e, const char *noun,
			const char *first, const char *item)
{
	if (e->kind == NODE_MAP)
		return true;
	if (schema_is_null(e)) {
		schema_error(c, e->loc, "wrong-type", "empty entry in '%s'%s", f->key->str, of_item(c, item));
		return false;
	}
	Diag *d = schema_error(c, e->loc, "wrong-type", "each entry of '%s'%s must be a %s (a mapping), found %s",
			       f->key->str, of_item(c, item), noun, schema_found(c, e));
	if (e->kind == NODE_SCALAR && !has_nul(e) &&
	    (strcmp(first, "id") != 0 || schema_is_id(e->str, e->len)))
		schema_help(c, d, "write '- %s: %s'", first, e->str);
	return false;
}

/* The items of a list of mappings: `stages`, `questions`, `seller`, `content`.
 * One mapping written alone is a list of one. */
static size_t item_list(SchemaCtx *c, const NodePair *f, const char *item, const char *plural,
			Node *const **items)
{
	if (absent(f))
		return 0;
	if (f->value->kind == NODE_SEQ) {
		*items = f->value->items;
		return f->value->nitems;
	}
	if (f->value->kind == NODE_MAP) {
		*items = &f->value;
		return 1;
	}
	Diag *d = wrong_type(c, f, item, arena_printf(c->arena, "a list of %s", plural));
	schema_help(c, d, "write each entry on its own line under '%s:', starting with '- '", f->key->str);
	return 0;
}

/* concerns:
 *   - TEXT                                 short form
 *   - id: ID                               long form; id defaults to "<stage>.c<N>"
 *     text: TEXT                           required
 *     content: [CONTENT-ID, ...]
 *     ignore: { CHECK: REASON } */
static void read_concern(SchemaCtx *c, Stage *st, const NodePair *f, const Node *e, size_t n)
{
	Concern *cn = arena_alloc(c->arena, sizeof *cn);
	cn->stage = st;
	cn->loc = item_loc(e);
	const char *stage_item = label(c, "stage", st->id, "a stage");
	if (e->kind == NODE_SCALAR && !schema_is_null(e)) {
		if (has_nul(e)) {
			schema_error(c, e->loc, "invalid-value", "a concern%s contains a NUL character",
				     within(c, stage_item));
			return;
		}
		cn->text = e->str;
	} else if (e->kind == NODE_MAP) {
		const NodePair *k[CK_NKEYS];
		const char *id = peek_id(e);
		const char *item = id ? label(c, "concern", id, NULL)
				   : st->id ? arena_printf(c->arena, "concern '%s.c%zu'", st->id, n)
				   : "a concern";
		schema_fields(c, e, concern_keys, item, "a concern", k);
		cn->id = read_id(c, e, concern_keys, k[CK_ID], "concern", false, item);
		cn->text = required_text(c, e, concern_keys, k[CK_TEXT], "text", item,
					 "add 'text: ...', the worry in the buyer's words");
		read_refs(c, k[CK_CONTENT], item, "a list of content ids", &cn->content);
		read_ignore(c, k[CK_IGNORE], item, &cn->ignore);
	} else if (schema_is_null(e)) {
		schema_error(c, e->loc, "wrong-type", "empty entry in '%s'%s", f->key->str,
			     of_item(c, stage_item));
		return;
	} else {
		schema_error(c, e->loc, "wrong-type",
			     "each entry of '%s'%s must be text or a mapping with 'text:', found %s",
			     f->key->str, of_item(c, stage_item), schema_found(c, e));
		return;
	}
	ARENA_PUSH(c->arena, st->concerns, st->nconcerns, st->concerns_cap, cn);
}

/* questions:
 *   - id: ID                   optional; default "<stage>.q<N>" (resolve.c)
 *     ask: TEXT                required: the question in the buyer's words
 *     answer: TEXT             the answer that satisfies the buyer
 *     content: [CONTENT-ID]    content that delivers the answer
 *     concern: CONCERN-ID      the concern this question settles
 *     priority: high | medium | low          (default medium)
 *     critical: true | false                 (default false)
 *     ignore: { CHECK: REASON } */
static void read_question(SchemaCtx *c, Stage *st, const Node *e, size_t n)
{
	const NodePair *k[QK_NKEYS];
	const char *id = peek_id(e);
	const char *item = id ? label(c, "question", id, NULL)
			   : st->id ? arena_printf(c->arena, "question '%s.q%zu'", st->id, n)
			   : "a question";
	Question *q = arena_alloc(c->arena, sizeof *q);
	q->stage = st;
	q->loc = item_loc(e);
	schema_fields(c, e, question_keys, item, "a question", k);
	q->id = read_id(c, e, question_keys, k[QK_ID], "question", false, item);
	q->ask = required_text(c, e, question_keys, k[QK_ASK], "ask", item,
			       "add 'ask: ...', the question in the buyer's words");
	q->answer = schema_text(c, k[QK_ANSWER], item);
	if (q->answer && !*q->answer)
		q->answer = NULL;       /* an empty answer is no answer */
	read_refs(c, k[QK_CONTENT], item, "a list of content ids", &q->content);
	if (!absent(k[QK_CONCERN])) {
		const Node *v = k[QK_CONCERN]->value;
		if (v->kind != NODE_SCALAR) {
			Diag *d = wrong_type(c, k[QK_CONCERN], item, "one concern id");
			schema_help(c, d, "a question settles one concern; ask one question per concern");
		} else if (has_nul(v)) {
			schema_error(c, v->loc, "invalid-value", "'concern'%s contains a NUL character",
				     of_item(c, item));
		} else {
			q->concern.id = v->str;
			q->concern.loc = v->loc;
		}
	}
	q->priority = (Priority)read_word(c, k[QK_PRIORITY], item, vocab_priorities, "priority",
					  "priorities", PRIORITY_MEDIUM);
	q->critical = read_bool(c, k[QK_CRITICAL], item, false);
	read_ignore(c, k[QK_IGNORE], item, &q->ignore);
	ARENA_PUSH(c->arena, st->questions, st->nquestions, st->questions_cap, q);
}

/* stages:
 *   - id: ID                               required
 *     name: TEXT                           default: the id (resolve.c)
 *     phase: pre-purchase | purchase | post-purchase   (inferred by resolve.c)
 *     when: WINDOW
 *     expects: [VALUE, ...]
 *     prefers: [CHANNEL, ...]
 *     concerns: [CONCERN, ...]
 *     actions: [TEXT, ...]
 *     questions: [QUESTION, ...]
 *     ignore: { CHECK: REASON } */
static void read_stage(SchemaCtx *c, Roadmap *rm, const Node *e)
{
	const NodePair *k[SK_NKEYS];
	const char *item = label(c, "stage", peek_id(e), "a stage");
	Stage *st = arena_alloc(c->arena, sizeof *st);
	st->loc = item_loc(e);
	st->index = rm->nstages;
	schema_fields(c, e, stage_keys, item, "a stage", k);
	st->id = read_id(c, e, stage_keys, k[SK_ID], "stage", true, item);
	st->name = schema_text(c, k[SK_NAME], item);
	st->phase_explicit = !absent(k[SK_PHASE]);
	st->phase = (Phase)read_word(c, k[SK_PHASE], item, vocab_phases, "phase", "phases",
				     PHASE_PRE_PURCHASE);
	st->when = read_when(c, k[SK_WHEN], item);
	schema_word_set(c, k[SK_EXPECTS], item, vocab_values, "value", &st->expects);
	schema_word_set(c, k[SK_PREFERS], item, vocab_channels, "channel", &st->prefers);

	Node *const *items = NULL;
	size_t n = list_items(c, k[SK_CONCERNS], item, "a list of concerns", &items);
	for (size_t i = 0; i < n; i++)         /* N of "<stage>.c<N>" counts the concerns kept */
		read_concern(c, st, k[SK_CONCERNS], items[i], st->nconcerns + 1);
	read_texts(c, k[SK_ACTIONS], item, &st->actions, &st->nactions, &st->actions_cap);
	n = item_list(c, k[SK_QUESTIONS], item, "questions", &items);
	for (size_t i = 0; i < n; i++) {
		if (!item_is_map(c, k[SK_QUESTIONS], items[i], "question", "ask", item))
			continue;
		read_question(c, st, items[i], st->nquestions + 1);
	}
	read_ignore(c, k[SK_IGNORE], item, &st->ignore);
	ARENA_PUSH(c->arena, rm->stages, rm->nstages, rm->stages_cap, st);
}

/* seller:
 *   - id: ID                   required
 *     name: TEXT               default: the id (resolve.c)
 *     owner: TEXT
 *     when: WINDOW
 *     supports: [STAGE-ID, ...]
 *     delivers: [VALUE, ...]
 *     uses: [CONTENT-ID, ...]
 *     channel: CHANNEL         one channel
 *     ignore: { CHECK: REASON } */
static void read_seller(SchemaCtx *c, Roadmap *rm, const Node *e)
{
	const NodePair *k[AK_NKEYS];
	const char *item = label(c, "seller action", peek_id(e), "a seller action");
	SellerAction *sa = arena_alloc(c->arena, sizeof *sa);
	sa->loc = item_loc(e);
	schema_fields(c, e, seller_keys, item, "a seller action", k);
	sa->id = read_id(c, e, seller_keys, k[AK_ID], "seller action", true, item);
	sa->name = schema_text(c, k[AK_NAME], item);
	sa->owner = schema_text(c, k[AK_OWNER], item);
	sa->when = read_when(c, k[AK_WHEN], item);
	read_refs(c, k[AK_SUPPORTS], item, "a list of stage ids", &sa->supports);
	schema_word_set(c, k[AK_DELIVERS], item, vocab_values, "value", &sa->delivers);
	read_refs(c, k[AK_USES], item, "a list of content ids", &sa->uses);
	sa->channel = -1;
	if (!absent(k[AK_CHANNEL]) && k[AK_CHANNEL]->value->kind != NODE_SCALAR) {
		Diag *d = wrong_type(c, k[AK_CHANNEL], item, "one channel");
		schema_help(c, d, "a seller action reaches the buyer through one channel; "
				  "make one action per channel");
	} else {
		sa->channel = read_word(c, k[AK_CHANNEL], item, vocab_channels, "channel", "channels", -1);
	}
	read_ignore(c, k[AK_IGNORE], item, &sa->ignore);
	ARENA_PUSH(c->arena, rm->seller, rm->nseller, rm->seller_cap, sa);
}

/* content:
 *   - id: ID                   required
 *     title: TEXT              default: the id (resolve.c)
 *     type: TYPE               from the content-type catalog (checked by resolve.c)
 *     status: published | draft | planned | retired   (default published)
 *     owner: TEXT
 *     url: TEXT
 *     reviewed: YYYY-MM-DD
 *     channels: [CHANNEL, ...] default: from the type (resolve.c)
 *     delivers: [VALUE, ...]   default: from the type (resolve.c)
 *     ignore: { CHECK: REASON } */
static void read_content(SchemaCtx *c, Roadmap *rm, const Node *e)
{
	const NodePair *k[NK_NKEYS];
	const char *item = label(c, "content", peek_id(e), "a content item");
	Content *ct = arena_alloc(c->arena, sizeof *ct);
	ct->loc = item_loc(e);
	schema_fields(c, e, content_keys, item, "a content item", k);
	ct->id = read_id(c, e, content_keys, k[NK_ID], "content", true, item);
	ct->title = schema_text(c, k[NK_TITLE], item);
	ct->type = schema_text(c, k[NK_TYPE], item);
	if (ct->type)
		ct->type_loc = k[NK_TYPE]->value->loc;
	ct->status = (Status)read_word(c, k[NK_STATUS], item, vocab_statuses, "status", "statuses",
				       STATUS_PUBLISHED);
	ct->owner = schema_text(c, k[NK_OWNER], item);
	ct->url = schema_text(c, k[NK_URL], item);
	ct->has_reviewed = read_date(c, k[NK_REVIEWED], item, &ct->reviewed);
	if (ct->has_reviewed)
		ct->reviewed_loc = k[NK_REVIEWED]->value->loc;
	ct->channels_set = schema_word_set(c, k[NK_CHANNELS], item, vocab_channels, "channel",
					   &ct->channels);
	ct->delivers_set = schema_word_set(c, k[NK_DELIVERS], item, vocab_values, "value",
					   &ct->delivers);
	read_ignore(c, k[NK_IGNORE], item, &ct->ignore);
	ARENA_PUSH(c->arena, rm->content, rm->ncontent, rm->content_cap, ct);
}

static const char *const severity_words[] = { "off", "info", "warning", "error", NULL };

/* checks:
 *   CHECK: off | info | warning | error
 *   CHECK: { severity: SEVERITY, max_age_days: N }   (max_age_days: content-stale only) */
static void read_checks(SchemaCtx *c, Roadmap *rm, const NodePair *f)
{
	if (absent(f))
		return;
	if (f->value->kind != NODE_MAP) {
		Diag *d = wrong_type(c, f, NULL, "a mapping of check names to severities");
		schema_help(c, d, "for example: checks: { content-unused: off }");
		return;
	}
	for (size_t p = 0; p < f->value->npairs; p++) {
		const NodePair *e = &f->value->pairs[p];
		const CheckInfo *ci = read_check_name(c, e->key, "checks", NULL);
		if (!ci)
			continue;
		const char *item = arena_printf(c->arena, "checks entry '%s'", ci->name);
		CheckSetting cs = { 0 };
		cs.check = ci->name;
		cs.loc = e->key->loc;
		const NodePair *severity = e, *max_age = NULL;
		if (e->value->kind == NODE_MAP) {
			const NodePair *k[EK_NKEYS];
			schema_fields(c, e->value, setting_keys, item, "a checks entry", k);
			severity = k[EK_SEVERITY];
			max_age = k[EK_MAX_AGE];
		} else if (e->value->kind == NODE_SEQ || schema_is_null(e->value)) {
			Diag *d = schema_error(c, e->value->loc, e->value->kind == NODE_SEQ ? "wrong-type" : "invalid-value",
					       "'%s' in 'checks' must be a severity or a mapping, found %s",
					       ci->name, schema_found(c, e->value));
			schema_help(c, d, "for example: %s: warning", ci->name);
			continue;
		}
		int sev = read_word(c, severity, item, severity_words, "severity", "severities", -1);
		if (sev >= 0) {
			cs.has_severity = true;
			cs.severity = (Severity)sev;
		}
		if (!absent(max_age)) {
			double days;
			if (strcmp(ci->name, "content-stale") != 0) {
				Diag *d = schema_error(c, max_age->key->loc, "invalid-value",
						       "'max_age_days' only applies to 'content-stale', not to '%s'",
						       ci->name);
				schema_help(c, d, "remove it");
			} else if (read_number(c, max_age, item, &days)) {
				if (days < 0 || days != (double)(long)days || days > (double)MAX_AGE_MAX) {
					schema_error(c, max_age->value->loc, "invalid-value",
						     "'max_age_days' must be a whole number of days from 0 to %ld, found %s",
						     MAX_AGE_MAX, schema_found(c, max_age->value));
				} else {
					cs.has_max_age = true;
					cs.max_age_days = (long)days;
				}
			}
		}
		ARENA_PUSH(c->arena, rm->checks, rm->nchecks, rm->checks_cap, cs);
	}
}


/* roadmap: 1 */
static void read_version(SchemaCtx *c, Roadmap *rm, const Node *map, const NodePair *f)
{
	double v;
	if (!f) {
		missing(c, map, top_keys, "roadmap", NULL,
			"add 'roadmap: 1' (the format version) as the first line");
		return;
	}
	if (schema_is_null(f->value)) {
		Diag *d = schema_error(c, f->key->loc, "missing-field", "required key 'roadmap' has no value");
		schema_help(c, d, "write 'roadmap: 1', the format version");
		return;
	}
	if (!read_number(c, f, NULL, &v))
		return;
	if (v != 1) {
		Diag *d = schema_error(c, f->value->loc, "invalid-value", "unsupported format version %s",
				       schema_found(c, f->value));
		schema_help(c, d, "this version of roadmapc reads format version 1: roadmap: 1");
		return;
	}
	rm->version = 1;
}

/* The top level:
 *   roadmap: 1                 required: the format version
 *   product: TEXT              required
 *   segment: TEXT              required
 *   category: impulse | considered | complex     (default considered)
 *   critical_characteristic: TEXT
 *   timeline: day | week | month                 (default week)
 *   extends: TEMPLATE          a stdlib stage template (checked by resolve.c)
 *   stages: [STAGE, ...]       required, at least one (unless extends gives them)
 *   seller: [SELLER-ACTION, ...]
 *   content: [CONTENT, ...]
 *   checks: { CHECK: SETTING }
 *   rules: [NAME, ...]         Lua rule modules */
Roadmap *schema_build(const Node *root, const SrcFile *sf, Arena *a, DiagList *dl)
{
	SchemaCtx c;
	schema_ctx_init(&c, a, dl);

	if (!root || schema_is_null(root)) {
		SrcLoc loc = { sf, 1, 1, 1 };
		if (root)
			loc = root->loc;
		Diag *d = schema_error(&c, loc, "missing-field",
				       "the file is empty: a roadmap needs 'roadmap', 'product', 'segment' and 'stages'");
		schema_help(&c, d, "start with 'roadmap: 1'; docs/language.md has a complete example");
		return NULL;
	}
	if (root->kind != NODE_MAP) {
		Diag *d = schema_error(&c, root->loc, "wrong-type",
				       "a roadmap file must be a mapping of keys, found %s",
				       schema_found(&c, root));
		schema_help(&c, d, "start with 'roadmap: 1', then 'product:', 'segment:' and 'stages:'");
		return NULL;
	}

	Roadmap *rm = arena_alloc(a, sizeof *rm);
	const NodePair *k[TK_NKEYS];
	rm->src = sf;
	rm->loc = root->loc;
	rm->stages_loc = root->loc;
	schema_fields(&c, root, top_keys, NULL, "a roadmap", k);

	read_version(&c, rm, root, k[TK_ROADMAP]);
	rm->product = required_text(&c, root, top_keys, k[TK_PRODUCT], "product", NULL,
				    "add 'product: NAME', the product this roadmap is for");
	rm->segment = required_text(&c, root, top_keys, k[TK_SEGMENT], "segment", NULL,
				    "add 'segment: WHO', the customers whose buying process this is");
	rm->category = (Category)read_word(&c, k[TK_CATEGORY], NULL, vocab_categories, "category",
					   "categories", CATEGORY_CONSIDERED);
	rm->critical_characteristic = schema_text(&c, k[TK_CRITICAL], NULL);
	if (k[TK_CRITICAL])
		rm->critical_loc = k[TK_CRITICAL]->key->loc;
	rm->timeline = (Timeline)read_word(&c, k[TK_TIMELINE], NULL, vocab_timelines, "timeline unit",
					   "timeline units", TIMELINE_WEEK);
	rm->extends = schema_text(&c, k[TK_EXTENDS], NULL);
	if (rm->extends)
		rm->extends_loc = k[TK_EXTENDS]->value->loc;

	Node *const *items = NULL;
	size_t n = item_list(&c, k[TK_STAGES], NULL, "stages", &items);
	if (k[TK_STAGES])
		rm->stages_loc = k[TK_STAGES]->key->loc;
	if (absent(k[TK_STAGES]) && !rm->extends) {
		const char *help = "add 'stages:' with the buyer's stages, each written '- id: NAME'";
		if (!k[TK_STAGES])
			missing(&c, root, top_keys, "stages", NULL, help);
		else
			schema_help(&c, schema_error(&c, k[TK_STAGES]->key->loc, "missing-field",
						     "required key 'stages' has no value"), "%s", help);
	} else if (k[TK_STAGES] && k[TK_STAGES]->value->kind == NODE_SEQ && n == 0 && !rm->extends) {
		Diag *d = schema_error(&c, k[TK_STAGES]->value->loc, "invalid-value",
				       "'stages' is empty: a roadmap needs at least one stage");
		schema_help(&c, d, "add the buyer's stages, each written '- id: NAME'");
	}
	for (size_t i = 0; i < n; i++)
		if (item_is_map(&c, k[TK_STAGES], items[i], "stage", "id", NULL))
			read_stage(&c, rm, items[i]);

	n = item_list(&c, k[TK_SELLER], NULL, "seller actions", &items);
	for (size_t i = 0; i < n; i++)
		if (item_is_map(&c, k[TK_SELLER], items[i], "seller action", "id", NULL))
			read_seller(&c, rm, items[i]);

	n = item_list(&c, k[TK_CONTENT], NULL, "content items", &items);
	for (size_t i = 0; i < n; i++)
		if (item_is_map(&c, k[TK_CONTENT], items[i], "content item", "id", NULL))
			read_content(&c, rm, items[i]);

	read_checks(&c, rm, k[TK_CHECKS]);

	RefList rules = { 0 };
	read_refs(&c, k[TK_RULES], NULL, "a list of rule module names", &rules);
	rm->rules = rules.items;
	rm->nrules = rules.n;
	rm->rules_cap = rules.cap;
	return rm;
}
