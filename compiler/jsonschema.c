/* jsonschema.c - the roadmap format as a JSON Schema; see jsonschema.h.
 *
 * Outputs layer. The schema is made from the compiler's own tables, so it
 * cannot fall behind the format: every key of schema.c's key tables must
 * have a row in the tables below that says what kind of value it takes
 * (a key without one is an internal error), and every description comes
 * from the key tables and vocabulary tables of docs/language.md, embedded
 * at build time (langdoc.inc). Layout of the result:
 *
 *   root           the top level; `stages` is checked strictly (a question
 *                  needs `ask`) unless the roadmap extends a template, whose
 *                  questions it may answer by id alone
 *   definitions    one per kind of mapping and value, in both variants where
 *                  `extends` matters ("stage" with the merge keys, "stage-own"
 *                  without)
 *
 * Null is accepted wherever the format treats it as absent; a list-valued
 * key also takes its one item alone; `x-` keys are allowed in every
 * mapping, as in roadmapc. */
#include "jsonschema.h"
#include "check.h"
#include "json.h"
#include "schema.h"
#include "stdlib_files.h"

#include <stdio.h>
#include <string.h>

/* docs/language.md, embedded by the Makefile. */
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverlength-strings"
#endif
static const struct {
	const char *name;
	const char *text;
	size_t len;
} embedded_docs[] = {
#include "langdoc.inc"
};
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#define ID_PATTERN "^[a-z0-9][a-z0-9_-]*$"

/* ==== Descriptions from docs/language.md ==== */

/* The length of " ([text](target))" at 's' (a pointer into the docs, such
 * as "([below](#rules))"), or 0: outside the docs such a pointer says
 * nothing. */
static size_t link_aside(const char *s, size_t n)
{
	size_t i = 0;
	if (i < n && s[i] == ' ')
		i++;
	if (i + 1 >= n || s[i] != '(' || s[i + 1] != '[')
		return 0;
	const char *close = memchr(s + i, ']', n - i);
	if (!close || (size_t)(close - s) + 1 >= n || close[1] != '(')
		return 0;
	const char *end = memchr(close, ')', n - (size_t)(close - s));
	if (!end || (size_t)(end - s) + 1 >= n || end[1] != ')')
		return 0;
	return (size_t)(end - s) + 2;
}

/* Appends 'n' bytes of markdown 's' as plain text: backquotes dropped,
 * links reduced to their text, pointers into the docs left out. */
static void plain(StrBuf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t aside = link_aside(s + i, n - i);
		if (aside) {
			i += aside - 1;
			continue;
		}
		if (s[i] == '`')
			continue;
		if (s[i] == ']' && i + 1 < n && s[i + 1] == '(') {
			while (i < n && s[i] != ')')
				i++;
			continue;
		}
		if (s[i] == '[' && memchr(s + i, ']', n - i))
			continue;
		strbuf_putc(out, s[i]);
	}
}

/* The cells of table row 'l' (length 'n'), trimmed: up to 'max'. */
static size_t cells(const char *l, size_t n, const char **cell, size_t *len, size_t max)
{
	size_t k = 0;
	const char *end = l + n;
	for (const char *p = l + 1; p < end && k < max;) {
		const char *bar = memchr(p, '|', (size_t)(end - p));
		if (!bar)
			break;
		const char *a = p, *b = bar;
		while (a < b && *a == ' ')
			a++;
		while (b > a && b[-1] == ' ')
			b--;
		cell[k] = a;
		len[k++] = (size_t)(b - a);
		p = bar + 1;
	}
	return k;
}

/* The description of 'word' in the first table after the heading line
 * 'section' of docs/language.md: the row whose first cell is `word`; its
 * last cell, with its second-to-last when the table has a default column
 * ("required", or a default). NULL when there is no such row. Lives in 'a'. */
static const char *doc_row(Arena *a, const char *section, const char *word)
{
	const char *doc = embedded_docs[0].text, *end = doc + embedded_docs[0].len;
	size_t slen = strlen(section), wlen = strlen(word);
	const char *p = doc;
	while (p < end) {       /* find the heading line */
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		p = nl ? nl + 1 : end;
		if (n == slen && memcmp(p - n - (nl != NULL), section, slen) == 0)
			break;
	}
	bool table = false;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		const char *l = p;
		p = nl ? nl + 1 : end;
		if (n > 0 && l[0] == '#')
			return NULL;    /* the next section */
		if (n == 0 || l[0] != '|') {
			if (table)
				return NULL;    /* the table ended */
			continue;
		}
		table = true;
		const char *cell[6];
		size_t len[6];
		size_t k = cells(l, n, cell, len, 6);
		if (k < 2 || len[0] != wlen + 2 || cell[0][0] != '`' ||
		    memcmp(cell[0] + 1, word, wlen) != 0)
			continue;
		StrBuf sb = STRBUF_INIT;
		plain(&sb, cell[k - 1], len[k - 1]);
		if (k >= 4) {           /* | key | type | default | meaning | */
			const char *d = cell[k - 2];
			size_t dn = len[k - 2];
			if (dn >= 8 && memcmp(d, "required", 8) == 0) {
				strbuf_puts(&sb, " (required)");
			} else if (!(dn == 4 && memcmp(d, "none", 4) == 0)) {
				strbuf_puts(&sb, " (default: ");
				plain(&sb, d, dn);
				strbuf_putc(&sb, ')');
			}
		}
		const char *s = arena_strdup(a, strbuf_cstr(&sb));
		strbuf_free(&sb);
		return s;
	}
	return NULL;
}

/* ==== Writing ==== */

typedef struct Gen {
	Json j;
	Arena arena;
	const JsonSchemaSources *src;
} Gen;

static void description(Gen *g, const char *text)
{
	if (text && *text)
		json_string(&g->j, "description", text);
}

static void ref(Gen *g, const char *key, const char *def)
{
	char buf[96];
	snprintf(buf, sizeof buf, "#/definitions/%s", def);
	json_open(&g->j, key, '{', true);
	json_string(&g->j, "$ref", buf);
	json_close(&g->j);
}

/* "allOf": [{"$ref": ...}] as a member of the open object: a bare "$ref"
 * would make draft-07 validators ignore the description beside it. */
static void ref_member(Gen *g, const char *def)
{
	json_open(&g->j, "allOf", '[', true);
	ref(g, NULL, def);
	json_close(&g->j);
}

static void type_null(Gen *g)
{
	json_open(&g->j, NULL, '{', true);
	json_string(&g->j, "type", "null");
	json_close(&g->j);
}

/* "type": [a, b] */
static void types(Gen *g, const char *a, const char *b)
{
	json_open(&g->j, "type", '[', true);
	json_string(&g->j, NULL, a);
	json_string(&g->j, NULL, b);
	json_close(&g->j);
}

/* "anyOf": [{"$ref": def}, {"type": "null"}] */
static void ref_or_null(Gen *g, const char *def)
{
	json_open(&g->j, "anyOf", '[', false);
	ref(g, NULL, def);
	type_null(g);
	json_close(&g->j);
}

/* {"anyOf": [<item>, {"type": "array", "items": <item>}]}: a list, or its
 * one item alone, for an item given as a definition. */
static void one_or_list(Gen *g, const char *def, bool nullable, size_t min_items)
{
	json_open(&g->j, "anyOf", '[', false);
	ref(g, NULL, def);
	json_open(&g->j, NULL, '{', true);
	json_string(&g->j, "type", "array");
	if (min_items)
		json_int(&g->j, "minItems", (long)min_items);
	ref(g, "items", def);
	json_close(&g->j);
	if (nullable)
		type_null(g);
	json_close(&g->j);
}

/* {"enum": [...words]} over a NULL-terminated list, each word with the
 * description of its row in 'section', if any: as "oneOf" of consts then,
 * which editors show beside each word. */
static void words(Gen *g, const char *const *list, const char *section)
{
	if (!section) {
		json_open(&g->j, "enum", '[', true);
		for (size_t i = 0; list[i]; i++)
			json_string(&g->j, NULL, list[i]);
		json_close(&g->j);
		return;
	}
	json_open(&g->j, "oneOf", '[', false);
	for (size_t i = 0; list[i]; i++) {
		json_open(&g->j, NULL, '{', true);
		json_string(&g->j, "const", list[i]);
		description(g, doc_row(&g->arena, section, list[i]));
		json_close(&g->j);
	}
	json_close(&g->j);
}

/* "anyOf": [<a word of 'list'>, {"type": "null"}] */
static void word_or_null(Gen *g, const char *const *list, const char *section)
{
	json_open(&g->j, "anyOf", '[', false);
	json_open(&g->j, NULL, '{', section == NULL);
	words(g, list, section);
	json_close(&g->j);
	type_null(g);
	json_close(&g->j);
}

/* A name and its one-line summary (a content type, a template). */
typedef struct Named {
	const char *name, *summary;
} Named;

/* One of the 'n' names, each with its summary, or any other id, or null:
 * editors offer the names, roadmapc says whether an id is known. */
static void named_or_id(Gen *g, const Named *names, size_t n, const char *never)
{
	Json *j = &g->j;
	json_open(j, "anyOf", '[', false);
	json_open(j, NULL, '{', false);
	json_open(j, "oneOf", '[', false);
	for (size_t i = 0; i < n; i++) {
		json_open(j, NULL, '{', true);
		json_string(j, "const", names[i].name);
		description(g, names[i].summary);
		json_close(j);
	}
	json_close(j);
	json_close(j);
	if (never) {
		json_open(j, NULL, '{', false);
		json_open(j, "allOf", '[', true);
		ref(g, NULL, "id");
		json_open(j, NULL, '{', true);
		json_open(j, "not", '{', true);
		json_string(j, "const", never);
		json_close(j);
		json_close(j);
		json_close(j);
		json_close(j);
	} else {
		ref(g, NULL, "id");
	}
	type_null(g);
	json_close(j);
}

/* ==== The kinds of value ==== */

typedef enum Kind {
	K_VERSION,      /* the number 1 */
	K_TEXT,         /* any scalar */
	K_REQUIRED,     /* any scalar, not empty, not null */
	K_ID,           /* one id */
	K_IDS,          /* a list of ids, or one */
	K_WORD,         /* one word of 'vocab' */
	K_WORDS,        /* a list of words of 'vocab', or one */
	K_WHEN,
	K_DATE,
	K_BOOL,
	K_TEXTS,        /* a list of texts, or one */
	K_IGNORE,       /* { CHECK: REASON } */
	K_ITEMS,        /* a list of 'def' mappings, or one */
	K_CONCERNS,     /* a list of concerns: text, or 'def' mappings */
	K_TYPES,        /* { TYPE-NAME: content type } */
	K_TYPE,         /* a content type's name */
	K_TEMPLATE,     /* a template's name */
	K_CHECKS,       /* { CHECK: SETTING } */
	K_SEVERITY,
	K_MAX_AGE
} Kind;

typedef struct KeyKind {
	const char *key;
	Kind kind;
	const char *const *vocab;       /* K_WORD, K_WORDS */
	const char *section;            /* K_WORD(S): the doc table describing the words */
	const char *def;                /* K_ITEMS, K_CONCERNS: the items' definition */
} KeyKind;

static const char *const severities[] = { "off", "info", "warning", "error", NULL };

#define VALUES "### Values"
#define CHANNELS "### Channels"

static const KeyKind top_kinds[] = {
	{ "roadmap", K_VERSION, NULL, NULL, NULL },
	{ "product", K_REQUIRED, NULL, NULL, NULL },
	{ "segment", K_REQUIRED, NULL, NULL, NULL },
	{ "category", K_WORD, vocab_categories, NULL, NULL },
	{ "critical_characteristic", K_TEXT, NULL, NULL, NULL },
	{ "timeline", K_WORD, vocab_timelines, NULL, NULL },
	{ "extends", K_TEMPLATE, NULL, NULL, NULL },
	{ "stages", K_ITEMS, NULL, NULL, "stage" },
	{ "seller", K_ITEMS, NULL, NULL, "seller-action" },
	{ "content", K_ITEMS, NULL, NULL, "content-item" },
	{ "content_types", K_TYPES, NULL, NULL, NULL },
	{ "checks", K_CHECKS, NULL, NULL, NULL },
	{ "rules", K_IDS, NULL, NULL, NULL },
	{ NULL, 0, NULL, NULL, NULL }
};
static const KeyKind stage_kinds[] = {
	{ "id", K_ID, NULL, NULL, NULL },
	{ "name", K_TEXT, NULL, NULL, NULL },
	{ "phase", K_WORD, vocab_phases, NULL, NULL },
	{ "when", K_WHEN, NULL, NULL, NULL },
	{ "expects", K_WORDS, vocab_values, VALUES, NULL },
	{ "prefers", K_WORDS, vocab_channels, CHANNELS, NULL },
	{ "concerns", K_CONCERNS, NULL, NULL, "concern" },
	{ "actions", K_TEXTS, NULL, NULL, NULL },
	{ "questions", K_ITEMS, NULL, NULL, "question" },
	{ "ignore", K_IGNORE, NULL, NULL, NULL },
	{ "after", K_ID, NULL, NULL, NULL },
	{ "omit", K_REQUIRED, NULL, NULL, NULL },
	{ NULL, 0, NULL, NULL, NULL }
};
static const KeyKind question_kinds[] = {
	{ "id", K_ID, NULL, NULL, NULL },
	{ "ask", K_REQUIRED, NULL, NULL, NULL },
	{ "answer", K_TEXT, NULL, NULL, NULL },
	{ "content", K_IDS, NULL, NULL, NULL },
	{ "concern", K_ID, NULL, NULL, NULL },
	{ "priority", K_WORD, vocab_priorities, NULL, NULL },
	{ "critical", K_BOOL, NULL, NULL, NULL },
	{ "ignore", K_IGNORE, NULL, NULL, NULL },
	{ "omit", K_REQUIRED, NULL, NULL, NULL },
	{ NULL, 0, NULL, NULL, NULL }
};
static const KeyKind concern_kinds[] = {
	{ "id", K_ID, NULL, NULL, NULL },
	{ "text", K_REQUIRED, NULL, NULL, NULL },
	{ "content", K_IDS, NULL, NULL, NULL },
	{ "ignore", K_IGNORE, NULL, NULL, NULL },
	{ "omit", K_REQUIRED, NULL, NULL, NULL },
	{ NULL, 0, NULL, NULL, NULL }
};
static const KeyKind seller_kinds[] = {
	{ "id", K_ID, NULL, NULL, NULL },
	{ "name", K_TEXT, NULL, NULL, NULL },
	{ "owner", K_TEXT, NULL, NULL, NULL },
	{ "when", K_WHEN, NULL, NULL, NULL },
	{ "supports", K_IDS, NULL, NULL, NULL },
	{ "delivers", K_WORDS, vocab_values, VALUES, NULL },
	{ "uses", K_IDS, NULL, NULL, NULL },
	{ "channel", K_WORD, vocab_channels, CHANNELS, NULL },
	{ "ignore", K_IGNORE, NULL, NULL, NULL },
	{ NULL, 0, NULL, NULL, NULL }
};
static const KeyKind content_kinds[] = {
	{ "id", K_ID, NULL, NULL, NULL },
	{ "title", K_TEXT, NULL, NULL, NULL },
	{ "type", K_TYPE, NULL, NULL, NULL },
	{ "status", K_WORD, vocab_statuses, NULL, NULL },
	{ "owner", K_TEXT, NULL, NULL, NULL },
	{ "url", K_TEXT, NULL, NULL, NULL },
	{ "reviewed", K_DATE, NULL, NULL, NULL },
	{ "channels", K_WORDS, vocab_channels, CHANNELS, NULL },
	{ "delivers", K_WORDS, vocab_values, VALUES, NULL },
	{ "ignore", K_IGNORE, NULL, NULL, NULL },
	{ NULL, 0, NULL, NULL, NULL }
};
static const KeyKind type_kinds[] = {
	{ "summary", K_TEXT, NULL, NULL, NULL },
	{ "delivers", K_WORDS, vocab_values, VALUES, NULL },
	{ "channels", K_WORDS, vocab_channels, CHANNELS, NULL },
	{ NULL, 0, NULL, NULL, NULL }
};
static const KeyKind setting_kinds[] = {
	{ "severity", K_SEVERITY, NULL, NULL, NULL },
	{ "max_age_days", K_MAX_AGE, NULL, NULL, NULL },
	{ NULL, 0, NULL, NULL, NULL }
};

/* A mapping of the format: the keys roadmapc reads (schema.c, plus the
 * merge keys extends.c reads when the roadmap extends a template), how to
 * read each, and where docs/language.md describes them. */
typedef struct Mapping {
	const char *def;                /* the definition's name */
	const char *section;            /* its key table in docs/language.md */
	const char *const *keys;
	const char *const *merge_keys;  /* with `extends` only */
	const KeyKind *kinds;
} Mapping;

static const KeyKind *kind_of(const Mapping *m, const char *key)
{
	for (const KeyKind *k = m->kinds; k->key; k++)
		if (strcmp(k->key, key) == 0)
			return k;
	die("the JSON Schema has no kind for key '%s' of %s", key, m->def);
}

/* The value of one key; 'own' when the roadmap extends no template (its
 * items use the "-own" definitions). */
static void value(Gen *g, const KeyKind *k, bool own)
{
	Json *j = &g->j;
	char def[64];
	switch (k->kind) {
	case K_VERSION:
		json_int(j, "const", 1);
		break;
	case K_TEXT:
	case K_REQUIRED:
		ref_member(g, k->kind == K_TEXT ? "text" : "required-text");
		break;
	case K_ID:
		ref_or_null(g, "id");
		break;
	case K_IDS:
		one_or_list(g, "id", true, 0);
		break;
	case K_WORD:
		word_or_null(g, k->vocab, k->section);
		break;
	case K_WORDS:
		one_or_list(g, k->vocab == vocab_values ? "value" : "channel", true, 0);
		break;
	case K_WHEN:
		ref_or_null(g, "window");
		break;
	case K_DATE:
		ref_or_null(g, "date");
		break;
	case K_BOOL:
		types(g, "boolean", "null");
		break;
	case K_TEXTS:
		one_or_list(g, "text", true, 0);
		break;
	case K_IGNORE:
		ref_member(g, "ignore");
		break;
	case K_ITEMS:
	case K_CONCERNS:
		snprintf(def, sizeof def, "%s%s", k->def, own ? "-own" : "");
		one_or_list(g, def, true, 0);
		break;
	case K_TYPES:
		types(g, "object", "null");
		json_open(j, "propertyNames", '{', true);
		json_string(j, "pattern", ID_PATTERN);
		json_close(j);
		ref(g, "additionalProperties", "content-type");
		break;
	case K_TYPE: {
		/* Or a type of the roadmap's own: any id. */
		const Catalog *cat = g->src->catalog;
		Named *n = arena_alloc(&g->arena, (cat->ntypes + 1) * sizeof *n);
		for (size_t i = 0; i < cat->ntypes; i++)
			n[i] = (Named){ cat->types[i].name, cat->types[i].summary };
		named_or_id(g, n, cat->ntypes, NULL);
		break;
	}
	case K_TEMPLATE: {
		/* Or a template of a directory given later: any id but the
		 * catalog's name (extends.c refuses it). */
		Named *n = arena_alloc(&g->arena, (g->src->ntemplates + 1) * sizeof *n);
		for (size_t i = 0; i < g->src->ntemplates; i++)
			n[i] = (Named){ g->src->templates[i].name, g->src->templates[i].summary };
		named_or_id(g, n, g->src->ntemplates, STDLIB_CATALOG_NAME);
		break;
	}
	case K_CHECKS:
		ref_member(g, "checks");
		break;
	case K_SEVERITY:
		word_or_null(g, severities, NULL);
		break;
	case K_MAX_AGE:
		types(g, "integer", "null");
		json_int(j, "minimum", 0);
		json_int(j, "maximum", 100000);
		break;
	}
}

/* "patternProperties": {"^x-": {}}, "additionalProperties": false */
static void closed(Gen *g)
{
	json_open(&g->j, "patternProperties", '{', true);
	json_open(&g->j, "^x-", '{', true);
	json_close(&g->j);
	json_close(&g->j);
	json_bool(&g->j, "additionalProperties", false);
}

/* The properties of mapping 'm', each with its description; the merge
 * keys too unless 'own'. */
static void properties(Gen *g, const Mapping *m, bool own)
{
	json_open(&g->j, "properties", '{', false);
	for (int pass = 0; pass < 2; pass++) {
		const char *const *keys = pass ? m->merge_keys : m->keys;
		for (size_t i = 0; keys && (!own || pass == 0) && keys[i]; i++) {
			const KeyKind *k = kind_of(m, keys[i]);
			json_open(&g->j, keys[i], '{', false);
			description(g, doc_row(&g->arena, m->section, keys[i]));
			value(g, k, own);
			json_close(&g->j);
		}
	}
	json_close(&g->j);
}

/* The definition of a mapping; 'required' lists its required keys, when
 * not 'alt' (the alternative requirement of a merging item: its `id`). */
static void mapping(Gen *g, const Mapping *m, bool own, const char *required, const char *alt)
{
	char name[64];
	snprintf(name, sizeof name, "%s%s", m->def, own && m->merge_keys ? "-own" : "");
	json_open(&g->j, name, '{', false);
	json_string(&g->j, "type", "object");
	if (required && (own || !alt)) {
		json_open(&g->j, "required", '[', true);
		json_string(&g->j, NULL, required);
		json_close(&g->j);
	} else if (required) {
		json_open(&g->j, "anyOf", '[', true);
		const char *one[] = { required, alt };
		for (size_t i = 0; i < 2; i++) {
			json_open(&g->j, NULL, '{', true);
			json_open(&g->j, "required", '[', true);
			json_string(&g->j, NULL, one[i]);
			json_close(&g->j);
			json_close(&g->j);
		}
		json_close(&g->j);
	}
	properties(g, m, own);
	closed(g);
	json_close(&g->j);
}

static const Mapping top_map = { "roadmap", "## The top level", NULL, NULL, top_kinds };
static const Mapping stage_map = { "stage", "## Stages", NULL, extends_stage_keys, stage_kinds };
static const Mapping question_map = { "question", "## Questions", NULL, extends_item_keys,
				      question_kinds };
static const Mapping concern_map = { "concern-long", "## Concerns", NULL, extends_item_keys,
				     concern_kinds };
static const Mapping seller_map = { "seller-action", "## Seller actions", NULL, NULL,
				    seller_kinds };
static const Mapping content_map = { "content-item", "## Content", NULL, NULL, content_kinds };
static const Mapping type_map = { "content-type", "## The content-type catalog", NULL, NULL,
				  type_kinds };
static const Mapping setting_map = { "check-setting", "## `checks`: check settings for the file",
				     NULL, NULL, setting_kinds };

/* A mapping with the key table of schema.c filled in. */
static Mapping with_keys(Mapping m, const char *const *keys)
{
	m.keys = keys;
	return m;
}

/* "concern": the short form (text) or the long form (a mapping). */
static void concern(Gen *g, bool own)
{
	json_open(&g->j, own ? "concern-own" : "concern", '{', false);
	json_open(&g->j, "anyOf", '[', true);
	ref(g, NULL, "required-text");
	ref(g, NULL, own ? "concern-long-own" : "concern-long");
	json_close(&g->j);
	json_close(&g->j);
}

/* "checks": a configurable check's name -> its setting; structural checks
 * cannot be set. The registry's checks are listed, so editors complete
 * them; other names (Lua rules) are accepted. */
static void checks(Gen *g)
{
	Json *j = &g->j;
	const CheckRegistry *reg = g->src->checks;
	json_open(j, "checks", '{', false);
	types(g, "object", "null");
	json_open(j, "propertyNames", '{', false);
	json_open(j, "not", '{', false);
	json_open(j, "enum", '[', true);
	for (size_t i = 0; i < reg->n; i++)
		if (reg->items[i]->structural)
			json_string(j, NULL, reg->items[i]->name);
	json_close(j);
	json_close(j);
	json_close(j);
	json_open(j, "properties", '{', false);
	for (size_t i = 0; i < reg->n; i++) {
		const CheckInfo *ci = reg->items[i];
		if (ci->structural)
			continue;
		json_open(j, ci->name, '{', false);
		description(g, check_summary(ci));
		json_open(j, "anyOf", '[', false);
		json_open(j, NULL, '{', true);
		words(g, severities, NULL);
		json_close(j);
		if (strcmp(ci->name, "content-stale") == 0)
			ref(g, NULL, "check-setting");
		else
			ref(g, NULL, "check-severity");
		json_close(j);
		json_close(j);
	}
	json_close(j);
	json_open(j, "additionalProperties", '{', false);
	json_open(j, "anyOf", '[', true);
	json_open(j, NULL, '{', true);
	words(g, severities, NULL);
	json_close(j);
	ref(g, NULL, "check-severity");
	json_close(j);
	json_close(j);
	json_close(j);

	/* A setting of any other check: severity only. */
	json_open(j, "check-severity", '{', false);
	json_string(j, "type", "object");
	json_open(j, "properties", '{', false);
	json_open(j, "severity", '{', false);
	description(g, doc_row(&g->arena, setting_map.section, "severity"));
	value(g, &setting_kinds[0], false);
	json_close(j);
	json_close(j);
	closed(g);
	json_close(j);
}

/* The building blocks. */
static void scalars(Gen *g)
{
	Json *j = &g->j;
	json_open(j, "text", '{', true);
	json_open(j, "type", '[', true);
	json_string(j, NULL, "string");
	json_string(j, NULL, "number");
	json_string(j, NULL, "boolean");
	json_string(j, NULL, "null");
	json_close(j);
	json_close(j);

	json_open(j, "required-text", '{', false);
	json_open(j, "anyOf", '[', true);
	json_open(j, NULL, '{', true);
	json_string(j, "type", "string");
	json_int(j, "minLength", 1);
	json_close(j);
	json_open(j, NULL, '{', true);
	json_open(j, "type", '[', true);
	json_string(j, NULL, "number");
	json_string(j, NULL, "boolean");
	json_close(j);
	json_close(j);
	json_close(j);
	json_close(j);

	/* An id; a plain number such as 2026 is one too. */
	json_open(j, "id", '{', false);
	json_open(j, "anyOf", '[', true);
	json_open(j, NULL, '{', true);
	json_string(j, "type", "string");
	json_string(j, "pattern", ID_PATTERN);
	json_close(j);
	json_open(j, NULL, '{', true);
	json_string(j, "type", "integer");
	json_int(j, "minimum", 0);
	json_close(j);
	json_close(j);
	json_close(j);

	json_open(j, "date", '{', true);
	json_string(j, "type", "string");
	json_string(j, "pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
	json_close(j);

	json_open(j, "value", '{', false);
	words(g, vocab_values, VALUES);
	json_close(j);
	json_open(j, "channel", '{', false);
	words(g, vocab_channels, CHANNELS);
	json_close(j);

	/* when: A-B | [A, B] | A */
	json_open(j, "window", '{', false);
	json_open(j, "anyOf", '[', false);
	json_open(j, NULL, '{', true);
	json_string(j, "type", "number");
	json_int(j, "minimum", 0);
	json_int(j, "maximum", 10000);
	json_close(j);
	json_open(j, NULL, '{', true);
	json_string(j, "type", "string");
	json_string(j, "pattern", "^[0-9]+(\\.[0-9]+)? *(- *[0-9]+(\\.[0-9]+)?)?$");
	json_close(j);
	json_open(j, NULL, '{', true);
	json_string(j, "type", "array");
	json_int(j, "minItems", 2);
	json_int(j, "maxItems", 2);
	json_open(j, "items", '{', true);
	json_string(j, "type", "number");
	json_int(j, "minimum", 0);
	json_int(j, "maximum", 10000);
	json_close(j);
	json_close(j);
	json_close(j);
	json_close(j);

	/* ignore: { CHECK: REASON }; structural checks cannot be ignored. */
	json_open(j, "ignore", '{', false);
	types(g, "object", "null");
	json_open(j, "propertyNames", '{', false);
	json_int(j, "minLength", 1);
	json_open(j, "not", '{', false);
	json_open(j, "enum", '[', true);
	for (size_t i = 0; i < g->src->checks->n; i++)
		if (g->src->checks->items[i]->structural)
			json_string(j, NULL, g->src->checks->items[i]->name);
	json_close(j);
	json_close(j);
	json_close(j);
	ref(g, "additionalProperties", "required-text");
	json_close(j);
}

void jsonschema_write(const JsonSchemaSources *src, StrBuf *out)
{
	Gen g;
	json_init(&g.j, out);
	arena_init(&g.arena);
	g.src = src;
	Json *j = &g.j;
	Mapping top = with_keys(top_map, schema_top_keys);

	json_open(j, NULL, '{', false);
	json_string(j, "$schema", "http://json-schema.org/draft-07/schema#");
	json_string(j, "title", "roadmapc roadmap");
	json_string(j, "description",
		    "A buying-process roadmap (format version 1): the buyer's stages, their "
		    "questions and the content that answers them, and the seller's actions. "
		    "Written by 'roadmapc schema'; docs/language.md is the full reference.");
	json_string(j, "type", "object");
	json_open(j, "required", '[', true);
	json_string(j, NULL, "roadmap");
	json_string(j, NULL, "product");
	json_string(j, NULL, "segment");
	json_close(j);
	properties(&g, &top, false);
	closed(&g);

	/* Without `extends`: stages are required, at least one, and their
	 * questions and concerns are the roadmap's own. */
	json_open(j, "if", '{', false);
	json_open(j, "required", '[', true);
	json_string(j, NULL, "extends");
	json_close(j);
	json_open(j, "properties", '{', true);
	json_open(j, "extends", '{', true);
	json_open(j, "not", '{', true);
	json_string(j, "type", "null");
	json_close(j);
	json_close(j);
	json_close(j);
	json_close(j);
	json_open(j, "else", '{', false);
	json_open(j, "required", '[', true);
	json_string(j, NULL, "stages");
	json_close(j);
	json_open(j, "properties", '{', false);
	json_open(j, "stages", '{', false);
	one_or_list(&g, "stage-own", false, 1);
	json_close(j);
	json_close(j);
	json_close(j);

	json_open(j, "definitions", '{', false);
	scalars(&g);
	for (int own = 0; own < 2; own++) {
		mapping(&g, &(Mapping){ stage_map.def, stage_map.section, schema_stage_keys,
					stage_map.merge_keys, stage_map.kinds }, own, "id", NULL);
		mapping(&g, &(Mapping){ question_map.def, question_map.section,
					schema_question_keys, question_map.merge_keys,
					question_map.kinds }, own, "ask", "id");
		mapping(&g, &(Mapping){ concern_map.def, concern_map.section, schema_concern_keys,
					concern_map.merge_keys, concern_map.kinds }, own, "text",
			"id");
		concern(&g, own);
	}
	Mapping m = with_keys(seller_map, schema_seller_keys);
	mapping(&g, &m, false, "id", NULL);
	m = with_keys(content_map, schema_content_keys);
	mapping(&g, &m, false, "id", NULL);
	m = with_keys(type_map, catalog_type_keys);
	mapping(&g, &m, false, NULL, NULL);
	m = with_keys(setting_map, schema_setting_keys);
	mapping(&g, &m, false, NULL, NULL);
	checks(&g);
	json_close(j);
	json_close(j);
	arena_free(&g.arena);
}
