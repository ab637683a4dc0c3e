/* schema.c - the shape of a roadmap file: node tree to model.
 *
 * Second phase: front_yaml.c -> schema.c -> resolve.c. Each kind of mapping
 * in the format (the top level, a stage, a question, ...) has a table of its
 * keys and a reader, with the schema fragment it reads written above it, as
 * a grammar rule sits above a parser function; the values themselves are
 * read with the toolkit of schema_read.h. Readers never stop at a mistake:
 * they report it, keep what they can and read on, so one run shows every
 * structural error in the file. An id that breaks the id rules is kept as
 * written, so references to it still resolve and one mistake gives one
 * error. Linking ids and filling defaults that depend on other items is
 * resolve.c's job; nothing here looks beyond the item being read. */
#include "schema.h"
#include "catalog.h"
#include "schema_read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Largest `max_age_days`: about 270 years. */
#define MAX_AGE_MAX 100000L

/* ==== The format's keys ====
 *
 * One table per kind of mapping, in the order of docs/language.md; the
 * enum after each names its slots in the array schema_fields() fills. */

static const char *const top_keys[] = {
	"roadmap", "product", "segment", "category", "critical_characteristic", "timeline",
	"extends", "stages", "seller", "content", "content_types", "checks", "rules", NULL
};
enum { TK_ROADMAP, TK_PRODUCT, TK_SEGMENT, TK_CATEGORY, TK_CRITICAL, TK_TIMELINE, TK_EXTENDS,
       TK_STAGES, TK_SELLER, TK_CONTENT, TK_TYPES, TK_CHECKS, TK_RULES, TK_NKEYS };

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

const char *const *const schema_top_keys = top_keys;
const char *const *const schema_stage_keys = stage_keys;
const char *const *const schema_question_keys = question_keys;
const char *const *const schema_concern_keys = concern_keys;
const char *const *const schema_seller_keys = seller_keys;
const char *const *const schema_content_keys = content_keys;
const char *const *const schema_setting_keys = setting_keys;

/* Every key table of the format, for the hint "'ask' belongs in a question"
 * when a key sits in the wrong mapping (usually an indentation slip). */
static const SchemaKeySet key_sets[] = {
	{ top_keys, "a roadmap", "at the top level" },
	{ stage_keys, "a stage", "in a stage" },
	{ question_keys, "a question", "in a question" },
	{ concern_keys, "a concern", "in a long-form concern" },
	{ seller_keys, "a seller action", "in a seller action" },
	{ content_keys, "a content item", "in a content item" },
	{ setting_keys, "a checks entry", "in a checks entry" },
	{ catalog_type_keys, "a content type", "in a content type" },
};
static const size_t nkey_sets = COUNT(key_sets);

/* ==== The roadmap's mappings ==== */

/* A label for an item in messages: "stage 'need'", or "a stage" when the
 * mapping has no usable id yet (the id is peeked before the other keys are
 * read, so even an unknown key names its item). */
static const char *peek_id(const Node *map)
{
	for (size_t p = 0; p < map->npairs; p++) {
		const Node *v = map->pairs[p].value;
		if (schema_scalar_is(map->pairs[p].key, "id") && v->kind == NODE_SCALAR &&
		    v->len > 0 && !schema_is_null(v) && !schema_has_nul(v))
			return v->str;
	}
	return NULL;
}

/* A label lives in its reader's stack frame: it is only ever part of a
 * message, and every item has one while most files have no error, so
 * they are not formatted into the arena (a long id still goes there). */
typedef struct Label {
	char buf[128];
} Label;

static const char *label(SchemaCtx *c, Label *lb, const char *noun, const char *id,
			 const char *anon)
{
	if (!id)
		return anon;
	size_t nn = strlen(noun), ni = strlen(id);
	if (nn + ni + 4 > sizeof lb->buf)
		return arena_printf(c->arena, "%s '%s'", noun, id);
	memcpy(lb->buf, noun, nn);
	memcpy(lb->buf + nn, " '", 2);
	memcpy(lb->buf + nn + 2, id, ni);
	memcpy(lb->buf + nn + 2 + ni, "'", 2);
	return lb->buf;
}

/* The label of a concern or question of stage 'st' in messages: by its id,
 * else by its text (key 'text_key' of the mapping), which is what its
 * derived id is made from: "question 'What does it cost?'". Never by its
 * position, so a message (and a structural error's fingerprint, made from
 * it) does not change when other items move. */
static const char *stage_item_label(SchemaCtx *c, Label *lb, const char *noun, const Node *map,
				    const char *text_key, const Stage *st)
{
	const char *id = peek_id(map);
	if (id)
		return label(c, lb, noun, id, NULL);
	for (size_t p = 0; p < map->npairs; p++) {
		const Node *v = map->pairs[p].value;
		if (schema_scalar_is(map->pairs[p].key, text_key) && v->kind == NODE_SCALAR &&
		    v->len > 0 && !schema_is_null(v))
			return arena_printf(c->arena, "%s %s", noun, schema_found(c, v));
	}
	if (st->id)
		return arena_printf(c->arena, "a %s of stage '%s'", noun, st->id);
	return noun[0] == 'q' ? "a question" : "a concern";
}

/* Each entry of a list of items must be a mapping; 'first' is the key a
 * scalar written there most likely meant ("id", or "ask" for questions). */
static bool item_is_map(SchemaCtx *c, const NodePair *f, const Node *e, const char *noun,
			const char *first, const char *item)
{
	if (e->kind == NODE_MAP)
		return true;
	if (schema_is_null(e)) {
		schema_error(c, e->loc, "wrong-type", "empty entry in '%s'%s", f->key->str,
			     schema_of(c, item));
		return false;
	}
	Diag *d = schema_error(c, e->loc, "wrong-type",
			       "each entry of '%s'%s must be a %s (a mapping), found %s",
			       f->key->str, schema_of(c, item), noun, schema_found(c, e));
	if (e->kind == NODE_SCALAR && !schema_has_nul(e) &&
	    (strcmp(first, "id") != 0 || schema_is_id(e->str, e->len)))
		schema_help(c, d, schema_syntax(e, "write '- %s: %s'", "write %s \"%s\" { ... }"),
			    schema_syntax(e, first, schema_dsl_name(noun)), e->str);
	return false;
}

/* The items of a list of mappings: `stages`, `questions`, `seller`, `content`.
 * One mapping written alone is a list of one. */
static size_t item_list(SchemaCtx *c, const NodePair *f, const char *item, const char *plural,
			Node *const **items)
{
	if (schema_absent(f))
		return 0;
	if (f->value->kind == NODE_SEQ) {
		*items = f->value->items;
		return f->value->nitems;
	}
	if (f->value->kind == NODE_MAP) {
		*items = &f->value;
		return 1;
	}
	Diag *d = schema_wrong_type(c, f, item, arena_printf(c->arena, "a list of %s", plural));
	schema_help(c, d, schema_syntax(f->value, "write each entry on its own line under '%s:', starting with '- '",
					"make each entry with %s \"...\" { ... }"),
		    schema_syntax(f->value, f->key->str, schema_dsl_name(f->key->str)));
	return 0;
}

/* concerns:
 *   - TEXT                                 short form
 *   - id: ID                               long form; id derived from the text (resolve.c)
 *     text: TEXT                           required
 *     content: [CONTENT-ID, ...]
 *     ignore: { CHECK: REASON } */
static void read_concern(SchemaCtx *c, Stage *st, const NodePair *f, const Node *e)
{
	Concern *cn = arena_alloc(c->arena, sizeof *cn);
	cn->stage = st;
	cn->loc = schema_item_loc(e);
	Label lb, stage_lb;
	const char *stage_item = label(c, &stage_lb, "stage", st->id, "a stage");
	if (e->kind == NODE_SCALAR && !schema_is_null(e)) {
		if (schema_has_nul(e)) {
			schema_error(c, e->loc, "invalid-value",
				     "a concern%s contains a NUL character",
				     schema_within(c, stage_item));
			return;
		}
		cn->text = e->str;
		schema_note_cut(c, e, f->key->str, true);
	} else if (e->kind == NODE_MAP) {
		const NodePair *k[CK_NKEYS];
		const char *item = stage_item_label(c, &lb, "concern", e, "text", st);
		schema_fields(c, e, concern_keys, item, "a concern", k);
		cn->id = schema_id(c, e, concern_keys, k[CK_ID], "concern", false, item);
		cn->text = schema_required_text(c, e, concern_keys, k[CK_TEXT], "text", item,
						schema_syntax(e, "add 'text: ...', the worry in the buyer's words",
							      "write concern \"...\" with the worry in the buyer's words"));
		schema_refs(c, k[CK_CONTENT], item, "a list of content ids", &cn->content);
		schema_ignore(c, k[CK_IGNORE], item, &cn->ignore);
	} else if (schema_is_null(e)) {
		schema_error(c, e->loc, "wrong-type", "empty entry in '%s'%s", f->key->str,
			     schema_of(c, stage_item));
		return;
	} else {
		schema_error(
			c, e->loc, "wrong-type",
			"each entry of '%s'%s must be text or a mapping with 'text:', found %s",
			f->key->str, schema_of(c, stage_item), schema_found(c, e));
		return;
	}
	ARENA_PUSH(c->arena, st->concerns, st->nconcerns, st->concerns_cap, cn);
}

/* questions:
 *   - id: ID                   optional; derived from the text (resolve.c)
 *     ask: TEXT                required: the question in the buyer's words
 *     answer: TEXT             the answer that satisfies the buyer
 *     content: [CONTENT-ID]    content that delivers the answer
 *     concern: CONCERN-ID      the concern this question settles
 *     priority: high | medium | low          (default medium)
 *     critical: true | false                 (default false)
 *     ignore: { CHECK: REASON } */
static void read_question(SchemaCtx *c, Stage *st, const Node *e)
{
	const NodePair *k[QK_NKEYS];
	Label lb;
	const char *item = stage_item_label(c, &lb, "question", e, "ask", st);
	Question *q = arena_alloc(c->arena, sizeof *q);
	q->stage = st;
	q->loc = schema_item_loc(e);
	schema_fields(c, e, question_keys, item, "a question", k);
	q->id = schema_id(c, e, question_keys, k[QK_ID], "question", false, item);
	q->ask = schema_required_text(c, e, question_keys, k[QK_ASK], "ask", item,
				      schema_syntax(e, "add 'ask: ...', the question in the buyer's words",
						    "write question \"...\" { ... } with the question in the buyer's words"));
	q->answer = schema_text(c, k[QK_ANSWER], item);
	if (q->answer && !*q->answer)
		q->answer = NULL;       /* an empty answer is no answer */
	schema_refs(c, k[QK_CONTENT], item, "a list of content ids", &q->content);
	if (!schema_absent(k[QK_CONCERN])) {
		const Node *v = k[QK_CONCERN]->value;
		if (v->kind != NODE_SCALAR) {
			Diag *d = schema_wrong_type(c, k[QK_CONCERN], item, "one concern id");
			schema_help(c, d,
				    "a question settles one concern; ask one question per concern");
		} else if (schema_has_nul(v)) {
			schema_error(c, v->loc, "invalid-value",
				     "'concern'%s contains a NUL character", schema_of(c, item));
		} else {
			q->concern.id = v->str;
			q->concern.loc = v->loc;
		}
	}
	q->priority = (Priority)schema_word(c, k[QK_PRIORITY], item, vocab_priorities, "priority",
					    "priorities", PRIORITY_MEDIUM);
	q->critical = schema_bool(c, k[QK_CRITICAL], item, false);
	schema_ignore(c, k[QK_IGNORE], item, &q->ignore);
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
	Label lb;
	const char *item = label(c, &lb, "stage", peek_id(e), "a stage");
	Stage *st = arena_alloc(c->arena, sizeof *st);
	st->loc = schema_item_loc(e);
	st->index = rm->nstages;
	schema_fields(c, e, stage_keys, item, "a stage", k);
	st->id = schema_id(c, e, stage_keys, k[SK_ID], "stage", true, item);
	st->name = schema_text(c, k[SK_NAME], item);
	st->phase_explicit = !schema_absent(k[SK_PHASE]);
	st->phase = (Phase)schema_word(c, k[SK_PHASE], item, vocab_phases, "phase", "phases",
				       PHASE_PRE_PURCHASE);
	st->when = schema_when(c, k[SK_WHEN], item);
	schema_word_set(c, k[SK_EXPECTS], item, vocab_values, "value", &st->expects);
	schema_word_set(c, k[SK_PREFERS], item, vocab_channels, "channel", &st->prefers);

	Node *const *items = NULL;
	size_t n = schema_list(c, k[SK_CONCERNS], item, "a list of concerns", &items);
	for (size_t i = 0; i < n; i++)
		read_concern(c, st, k[SK_CONCERNS], items[i]);
	schema_texts(c, k[SK_ACTIONS], item, &st->actions, &st->nactions, &st->actions_cap);
	n = item_list(c, k[SK_QUESTIONS], item, "questions", &items);
	for (size_t i = 0; i < n; i++) {
		if (!item_is_map(c, k[SK_QUESTIONS], items[i], "question", "ask", item))
			continue;
		read_question(c, st, items[i]);
	}
	schema_ignore(c, k[SK_IGNORE], item, &st->ignore);
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
	Label lb;
	const char *item = label(c, &lb, "seller action", peek_id(e), "a seller action");
	SellerAction *sa = arena_alloc(c->arena, sizeof *sa);
	sa->loc = schema_item_loc(e);
	schema_fields(c, e, seller_keys, item, "a seller action", k);
	sa->id = schema_id(c, e, seller_keys, k[AK_ID], "seller action", true, item);
	sa->name = schema_text(c, k[AK_NAME], item);
	sa->owner = schema_text(c, k[AK_OWNER], item);
	sa->when = schema_when(c, k[AK_WHEN], item);
	schema_refs(c, k[AK_SUPPORTS], item, "a list of stage ids", &sa->supports);
	schema_word_set(c, k[AK_DELIVERS], item, vocab_values, "value", &sa->delivers);
	schema_refs(c, k[AK_USES], item, "a list of content ids", &sa->uses);
	sa->channel = -1;
	if (!schema_absent(k[AK_CHANNEL]) && k[AK_CHANNEL]->value->kind != NODE_SCALAR) {
		Diag *d = schema_wrong_type(c, k[AK_CHANNEL], item, "one channel");
		schema_help(c, d,
			    "a seller action reaches the buyer through one channel; "
			    "make one action per channel");
	} else {
		sa->channel = schema_word(c, k[AK_CHANNEL], item, vocab_channels, "channel",
					  "channels", -1);
	}
	schema_ignore(c, k[AK_IGNORE], item, &sa->ignore);
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
	Label lb;
	const char *item = label(c, &lb, "content", peek_id(e), "a content item");
	Content *ct = arena_alloc(c->arena, sizeof *ct);
	ct->index = rm->ncontent;
	ct->loc = schema_item_loc(e);
	schema_fields(c, e, content_keys, item, "a content item", k);
	ct->id = schema_id(c, e, content_keys, k[NK_ID], "content", true, item);
	ct->title = schema_text(c, k[NK_TITLE], item);
	ct->type = schema_text(c, k[NK_TYPE], item);
	if (ct->type)
		ct->type_loc = k[NK_TYPE]->value->loc;
	ct->status = (Status)schema_word(c, k[NK_STATUS], item, vocab_statuses, "status",
					 "statuses", STATUS_PUBLISHED);
	ct->owner = schema_text(c, k[NK_OWNER], item);
	ct->url = schema_text(c, k[NK_URL], item);
	ct->has_reviewed = schema_date(c, k[NK_REVIEWED], item, &ct->reviewed);
	if (ct->has_reviewed)
		ct->reviewed_loc = k[NK_REVIEWED]->value->loc;
	ct->channels_set =
		schema_word_set(c, k[NK_CHANNELS], item, vocab_channels, "channel", &ct->channels);
	ct->delivers_set =
		schema_word_set(c, k[NK_DELIVERS], item, vocab_values, "value", &ct->delivers);
	schema_ignore(c, k[NK_IGNORE], item, &ct->ignore);
	ARENA_PUSH(c->arena, rm->content, rm->ncontent, rm->content_cap, ct);
}

static const char *const severity_words[] = { "off", "info", "warning", "error", NULL };

/* checks:
 *   CHECK: off | info | warning | error
 *   CHECK: { severity: SEVERITY, max_age_days: N }   (max_age_days: content-stale only) */
static void read_checks(SchemaCtx *c, Roadmap *rm, const NodePair *f)
{
	if (schema_absent(f))
		return;
	if (!schema_is_map(f->value)) {
		Diag *d = schema_wrong_type(c, f, NULL, "a mapping of check names to severities");
		schema_help(c, d, "%s", schema_syntax(f->value, "for example: checks: { content-unused: off }",
						      "for example: checks = { [\"content-unused\"] = \"off\" }"));
		return;
	}
	for (size_t p = 0; p < f->value->npairs; p++) {
		const NodePair *e = &f->value->pairs[p];
		const char *check = schema_check_name(c, e->key, "checks", NULL);
		if (!check)
			continue;
		const char *item = arena_printf(c->arena, "checks entry '%s'", check);
		CheckSetting cs = { 0 };
		cs.check = check;
		cs.loc = e->key->loc;
		const NodePair *severity = e, *max_age = NULL;
		if (schema_is_map(e->value)) {
			const NodePair *k[EK_NKEYS];
			schema_fields(c, e->value, setting_keys, item, "a checks entry", k);
			severity = k[EK_SEVERITY];
			max_age = k[EK_MAX_AGE];
		} else if (e->value->kind == NODE_SEQ || schema_is_null(e->value)) {
			Diag *d = schema_error(
				c, e->value->loc,
				e->value->kind == NODE_SEQ ? "wrong-type" : "invalid-value",
				"'%s' in 'checks' must be a severity or a mapping, found %s",
				check, schema_found(c, e->value));
			schema_help(c, d, schema_syntax(e->value, "for example: %s: warning",
							"for example: [\"%s\"] = \"warning\""), check);
			continue;
		}
		int sev = schema_word(c, severity, item, severity_words, "severity", "severities",
				      -1);
		if (sev >= 0) {
			cs.has_severity = true;
			cs.severity = (Severity)sev;
		}
		if (!schema_absent(max_age)) {
			double days;
			if (strcmp(check, "content-stale") != 0) {
				Diag *d = schema_error(
					c, max_age->key->loc, "invalid-value",
					"'max_age_days' only applies to 'content-stale', not to '%s'",
					check);
				schema_help(c, d, "remove it");
			} else if (schema_number(c, max_age, item, &days)) {
				if (days < 0 || days != (double)(long)days ||
				    days > (double)MAX_AGE_MAX) {
					schema_error(
						c, max_age->value->loc, "invalid-value",
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

/* A file that is no roadmap at all (a journey map, another tool's
 * settings): no `roadmap:` key, and most of its top-level keys are not
 * roadmap keys. One error that says so serves better than one per key.
 * Returns true when it reported that. */
static int by_text(const void *a, const void *b)
{
	const Node *x = *(const Node *const *)a, *y = *(const Node *const *)b;
	return strcmp(x->str, y->str);
}

static bool not_a_roadmap(SchemaCtx *c, const Node *root)
{
	size_t total = 0, unknown = 0;
	const Node **keys = arena_alloc(c->arena, (root->npairs + 1) * sizeof *keys);
	for (size_t p = 0; p < root->npairs; p++) {
		const Node *key = root->pairs[p].key;
		if (schema_scalar_is(key, "roadmap"))
			return false;
		if (key->len > 2 && key->str[0] == 'x' && key->str[1] == '-')
			continue;       /* the user's own */
		total++;
		bool ours = false;
		for (size_t i = 0; top_keys[i]; i++)
			ours |= schema_scalar_is(key, top_keys[i]);
		if (!ours)
			keys[unknown++] = key;
	}
	if (total == 0 || unknown * 2 <= total)
		return false;
	/* In name order: a Lua table has no order of its own, and both forms
	 * of a file must say the same. */
	qsort(keys, unknown, sizeof *keys, by_text);
	const char *list = NULL;
	for (size_t i = 0; i < unknown && i < 5; i++)
		list = list ? arena_printf(c->arena, "%s, %s", list, schema_found(c, keys[i]))
			    : schema_found(c, keys[i]);
	Diag *d = schema_error(c, schema_item_loc(root), "missing-field",
			       "this file is not a roadmap: it has no 'roadmap:' key, and %zu of its "
			       "%zu top-level keys are not roadmap keys (%s%s)", unknown, total, list,
			       unknown > 5 ? ", ..." : "");
	schema_help(c, d, "%s", schema_syntax(root,
		    "a roadmap starts with 'roadmap: 1', then 'product:', 'segment:' and 'stages:'; "
		    "docs/language.md has a complete example",
		    "a roadmap starts with roadmap { product = \"...\", segment = \"...\" }, then "
		    "its stage \"id\" { ... } calls; docs/lua.md has a complete example"));
	return true;
}

/* roadmap: 1 */
static void read_version(SchemaCtx *c, Roadmap *rm, const Node *map, const NodePair *f)
{
	double v;
	if (!f) {
		schema_missing(c, map, top_keys, "roadmap", NULL,
			       schema_syntax(map, "add 'roadmap: 1' (the format version) as the first line",
					     "describe the roadmap with roadmap { product = \"...\", segment = \"...\" }"));
		return;
	}
	if (schema_is_null(f->value)) {
		Diag *d = schema_error(c, f->key->loc, "missing-field",
				       "required key 'roadmap' has no value");
		schema_help(c, d, "%s", schema_syntax(f->key, "write 'roadmap: 1', the format version",
						      "write roadmap = 1, the format version"));
		return;
	}
	if (!schema_number(c, f, NULL, &v))
		return;
	if (v != 1) {
		Diag *d = schema_error(c, f->value->loc, "invalid-value",
				       "unsupported format version %s", schema_found(c, f->value));
		schema_help(c, d, "%s", schema_syntax(f->value, "this version of roadmapc reads format version 1: roadmap: 1",
						      "this version of roadmapc reads format version 1: roadmap = 1"));
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
 *   content_types: { TYPE-NAME: TYPE }           the roadmap's own content types
 *   checks: { CHECK: SETTING }
 *   rules: [NAME, ...]         Lua rule modules */
Roadmap *schema_build(const Node *root, const SrcFile *sf, Arena *a, DiagList *dl)
{
	SchemaCtx c;
	schema_ctx_init(&c, a, dl);
	c.sets = key_sets;
	c.nsets = nkey_sets;
	bool lua = sf->syntax == SYNTAX_LUA;

	if (!root || schema_is_null(root)) {
		SrcLoc loc = { sf, 1, 1, 1 };
		if (root)
			loc = root->loc;
		Diag *d = schema_error(
			&c, loc, "missing-field",
			"the file is empty: a roadmap needs 'roadmap', 'product', 'segment' and 'stages'");
		schema_help(&c, d, "%s",
			    lua ? "describe it with roadmap { product = \"...\", segment = \"...\" } and "
				  "stage \"id\" { ... } calls; docs/lua.md has a complete example"
				: "start with 'roadmap: 1'; docs/language.md has a complete example");
		return NULL;
	}
	if (root->kind != NODE_MAP) {
		Diag *d = schema_error(&c, root->loc, "wrong-type",
				       "a roadmap file must be a mapping of keys, found %s",
				       schema_found(&c, root));
		schema_help(&c, d, "%s",
			    lua ? "return a table of the roadmap's keys, or describe it with roadmap { ... } "
				  "and stage \"id\" { ... } calls"
				: "start with 'roadmap: 1', then 'product:', 'segment:' and 'stages:'");
		return NULL;
	}

	if (not_a_roadmap(&c, root))
		return NULL;

	Roadmap *rm = arena_alloc(a, sizeof *rm);
	const NodePair *k[TK_NKEYS];
	rm->src = sf;
	rm->loc = root->loc;
	rm->stages_loc = root->loc;
	schema_fields(&c, root, top_keys, NULL, "a roadmap", k);

	read_version(&c, rm, root, k[TK_ROADMAP]);
	rm->product = schema_required_text(
		&c, root, top_keys, k[TK_PRODUCT], "product", NULL,
		lua ? "add product = \"NAME\" to roadmap { ... }, the product this roadmap is for"
		    : "add 'product: NAME', the product this roadmap is for");
	rm->segment = schema_required_text(
		&c, root, top_keys, k[TK_SEGMENT], "segment", NULL,
		lua ? "add segment = \"WHO\" to roadmap { ... }, the customers whose buying process this is"
		    : "add 'segment: WHO', the customers whose buying process this is");
	rm->category = (Category)schema_word(&c, k[TK_CATEGORY], NULL, vocab_categories, "category",
					     "categories", CATEGORY_CONSIDERED);
	rm->category_loc = k[TK_CATEGORY] ? k[TK_CATEGORY]->key->loc : root->loc;
	rm->critical_characteristic = schema_text(&c, k[TK_CRITICAL], NULL);
	if (k[TK_CRITICAL])
		rm->critical_loc = k[TK_CRITICAL]->key->loc;
	rm->timeline = (Timeline)schema_word(&c, k[TK_TIMELINE], NULL, vocab_timelines,
					     "timeline unit", "timeline units", TIMELINE_WEEK);
	rm->extends = schema_text(&c, k[TK_EXTENDS], NULL);
	if (rm->extends)
		rm->extends_loc = k[TK_EXTENDS]->value->loc;

	Node *const *items = NULL;
	size_t n = item_list(&c, k[TK_STAGES], NULL, "stages", &items);
	if (k[TK_STAGES])
		rm->stages_loc = k[TK_STAGES]->key->loc;
	if (schema_absent(k[TK_STAGES]) && !rm->extends) {
		const char *help =
			lua ? "add the buyer's stages, each made with stage \"id\" { ... }"
			    : "add 'stages:' with the buyer's stages, each written '- id: NAME'";
		if (!k[TK_STAGES])
			schema_missing(&c, root, top_keys, "stages", NULL, help);
		else
			schema_help(&c,
				    schema_error(&c, k[TK_STAGES]->key->loc, "missing-field",
						 "required key 'stages' has no value"),
				    "%s", help);
	} else if (k[TK_STAGES] && k[TK_STAGES]->value->kind == NODE_SEQ && n == 0 &&
		   !rm->extends) {
		Diag *d = schema_error(&c, k[TK_STAGES]->value->loc, "invalid-value",
				       "'stages' is empty: a roadmap needs at least one stage");
		schema_help(&c, d, "%s",
			    lua ? "add the buyer's stages, each made with stage \"id\" { ... }"
				: "add the buyer's stages, each written '- id: NAME'");
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

	if (!schema_absent(k[TK_TYPES]) && k[TK_TYPES]->value->kind != NODE_MAP) {
		Diag *d = schema_wrong_type(&c, k[TK_TYPES], NULL,
					    "a mapping of type names to content types");
		schema_help(&c, d, "for example: content_types: { memo: { delivers: [information], "
			    "channels: [email] } }");
	} else if (!schema_absent(k[TK_TYPES])) {
		catalog_read_types(&c, k[TK_TYPES]->value, &rm->types, &rm->ntypes, &rm->types_cap);
	}
	read_checks(&c, rm, k[TK_CHECKS]);

	RefList rules = { 0 };
	schema_refs(&c, k[TK_RULES], NULL, "a list of rule module names", &rules);
	rm->rules = rules.items;
	rm->nrules = rules.n;
	rm->rules_cap = rules.cap;
	rm->cuts = c.cuts;
	rm->ncuts = c.ncuts;
	rm->cuts_cap = c.cuts_cap;
	return rm;
}
