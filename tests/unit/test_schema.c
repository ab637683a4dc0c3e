/* test_schema.c - the schema layer and resolution (schema.c, resolve.c).
 *
 * What the CLI cases cannot see: the model itself (defaults, inferred
 * phases, linked references, recorded locations), and node trees that no
 * YAML file produces (NUL bytes in keys, shared nodes, deep values). */
#include "harness.h"

#include "catalog.h"
#include "check.h"
#include "front_yaml.h"
#include "date.h"
#include "resolve.h"
#include "schema.h"
#include "strbuf.h"

#include <string.h>

typedef struct Fixture {
	Arena a;
	SrcFile sf;
	DiagList dl;
	Catalog cat;
	Roadmap *rm;
} Fixture;

/* A registry of the built-in checks, in 'a'. */
static const CheckRegistry *builtin_checks(Arena *a)
{
	CheckRegistry *reg = arena_alloc(a, sizeof *reg);
	registry_init(reg, a);
	check_register_builtins(reg);
	return reg;
}

/* A check registered at run time, as a Lua rule is. */
static const CheckInfo my_rule = { .name = "my-rule", .default_severity = SEV_WARNING,
				   .summary = "a team's own rule" };

/* The registry 'load' resolves with: the built-ins, and 'my_rule' when set. */
static bool with_my_rule;

/* Parses, builds and resolves 'text'; NULL when the YAML did not parse or
 * the root was not a mapping. */
static Roadmap *load(Fixture *f, const char *text)
{
	Limits lim = limits_default();
	arena_init(&f->a);
	diag_init(&f->dl, &f->a);
	srcfile_init(&f->sf, &f->a, "t.yaml", text, strlen(text));
	EXPECT(catalog_load(&f->cat, &f->a, NULL, 0, &f->dl) == 0);
	FrontResult fr;
	if (front_yaml_parse(&f->sf, &lim, &f->a, &f->dl, &fr) < 0)
		return NULL;
	f->rm = schema_build(fr.root, &f->sf, &f->a, &f->dl);
	if (f->rm) {
		CheckRegistry *reg = (CheckRegistry *)builtin_checks(&f->a);
		if (with_my_rule)
			registry_add(reg, &my_rule);
		resolve_roadmap(f->rm, &f->cat, reg, &f->a, &f->dl);
	}
	return f->rm;
}

static void unload(Fixture *f)
{
	arena_free(&f->a);
}

/* Number of diagnostics of 'check'. */
static size_t count(const Fixture *f, const char *check)
{
	size_t n = 0;
	for (size_t i = 0; i < f->dl.n; i++)
		n += strcmp(f->dl.items[i]->check, check) == 0;
	return n;
}

static const Diag *first(const Fixture *f, const char *check)
{
	for (size_t i = 0; i < f->dl.n; i++)
		if (strcmp(f->dl.items[i]->check, check) == 0)
			return f->dl.items[i];
	return NULL;
}

/* True when 'l' is at 'line':'col' and spans 'len' characters (-1: any). */
static bool at(SrcLoc l, int line, int col, int len)
{
	return l.line == line && l.col == col && (len < 0 || l.len == len);
}

#define HEAD "roadmap: 1\nproduct: P\nsegment: S\n"

TEST(phases_without_a_purchase_stage_are_pre_purchase)
{
	Fixture f;
	Roadmap *rm = load(&f, HEAD
			       "stages:\n"
			       "  - id: a\n"
			       "  - id: b\n"
			       "    phase: post-purchase\n"
			       "  - id: c\n");
	EXPECT(rm && rm->nstages == 3 && f.dl.n == 0);
	EXPECT(rm->stages[0]->phase == PHASE_PRE_PURCHASE && !rm->stages[0]->phase_explicit);
	EXPECT(rm->stages[1]->phase == PHASE_POST_PURCHASE && rm->stages[1]->phase_explicit);
	EXPECT(rm->stages[2]->phase == PHASE_PRE_PURCHASE);
	unload(&f);
}

TEST(phases_after_the_first_purchase_stage_are_post_purchase)
{
	Fixture f;
	Roadmap *rm = load(&f, HEAD
			       "stages:\n"
			       "  - id: a\n"
			       "  - id: b\n"
			       "    phase: purchase\n"
			       "  - id: c\n"
			       "  - id: d\n"
			       "    phase: pre-purchase\n"
			       "  - id: e\n"
			       "    phase: purchase\n"
			       "  - id: g\n");
	EXPECT(rm && f.dl.n == 0);
	EXPECT(rm->stages[0]->phase == PHASE_PRE_PURCHASE);
	EXPECT(rm->stages[1]->phase == PHASE_PURCHASE);
	EXPECT(rm->stages[2]->phase == PHASE_POST_PURCHASE);
	EXPECT(rm->stages[3]->phase == PHASE_PRE_PURCHASE);     /* said so */
	EXPECT(rm->stages[4]->phase == PHASE_PURCHASE);
	EXPECT(rm->stages[5]->phase == PHASE_POST_PURCHASE);
	unload(&f);
}

TEST(default_ids_names_and_titles)
{
	Fixture f;
	Roadmap *rm = load(&f, HEAD
			       "stages:\n"
			       "  - id: need\n"
			       "    concerns:\n"
			       "      - Worth it?\n"
			       "      - id: risk\n"
			       "        text: Risky?\n"
			       "      - text: Slow?\n"
			       "    questions:\n"
			       "      - ask: A?\n"
			       "      - id: own\n"
			       "        ask: B?\n"
			       "      - ask: C?\n"
			       "seller:\n"
			       "  - id: sdr\n"
			       "    name: SDR sequence\n"
			       "  - id: ads\n"
			       "content:\n"
			       "  - id: bench\n");
	EXPECT(rm && f.dl.n == 0);
	Stage *st = rm->stages[0];
	EXPECT_STR(st->name, "need");
	EXPECT(st->nconcerns == 3 && st->nquestions == 3);
	EXPECT_STR(st->concerns[0]->id, "need.worth-it");
	EXPECT_STR(st->concerns[0]->text, "Worth it?");
	EXPECT_STR(st->concerns[1]->id, "risk");
	EXPECT_STR(st->concerns[2]->id, "need.slow");
	EXPECT_STR(st->questions[0]->id, "need.a");
	EXPECT_STR(st->questions[1]->id, "own");
	EXPECT_STR(st->questions[2]->id, "need.c");
	EXPECT(st->questions[0]->priority == PRIORITY_MEDIUM && !st->questions[0]->critical);
	EXPECT_STR(rm->seller[0]->name, "SDR sequence");
	EXPECT_STR(rm->seller[1]->name, "ads");
	EXPECT(rm->seller[1]->channel == -1);
	EXPECT_STR(rm->content[0]->title, "bench");
	EXPECT(rm->content[0]->status == STATUS_PUBLISHED);
	EXPECT(rm->category == CATEGORY_CONSIDERED && rm->timeline == TIMELINE_WEEK);
	EXPECT(rm->version == 1);
	unload(&f);
}

TEST(content_defaults_come_from_the_type)
{
	Fixture f;
	Roadmap *rm = load(&f, HEAD
			       "stages:\n"
			       "  - id: a\n"
			       "content:\n"
			       "  - id: r\n"
			       "    type: report\n"
			       "  - id: own\n"
			       "    type: report\n"
			       "    delivers: pricing\n"
			       "  - id: none\n"
			       "    type: report\n"
			       "    channels: []\n"
			       "  - id: untyped\n");
	EXPECT(rm && f.dl.n == 0);
	const ContentType *t = catalog_find(&f.cat, "report");
	EXPECT(t != NULL);
	EXPECT(rm->content[0]->delivers == t->delivers && rm->content[0]->channels == t->channels);
	EXPECT(!rm->content[0]->delivers_set && !rm->content[0]->channels_set);
	EXPECT(rm->content[1]->delivers == 1u << VALUE_PRICING && rm->content[1]->delivers_set);
	EXPECT(rm->content[1]->channels == t->channels);
	EXPECT(rm->content[2]->channels == 0 && rm->content[2]->channels_set);
	EXPECT(rm->content[3]->delivers == 0 && rm->content[3]->channels == 0);
	unload(&f);
}

TEST(references_point_at_their_items)
{
	Fixture f;
	Roadmap *rm = load(&f, HEAD
			       "stages:\n"
			       "  - id: need\n"
			       "    concerns: [Worth it?]\n"
			       "  - id: buy\n"
			       "    questions:\n"
			       "      - ask: Is it?\n"
			       "        concern: need.worth-it\n"
			       "        content: bench\n"
			       "seller:\n"
			       "  - id: sdr\n"
			       "    supports: [need, buy]\n"
			       "    uses: bench\n"
			       "content:\n"
			       "  - id: bench\n");
	EXPECT(rm && f.dl.n == 0);
	Question *q = rm->stages[1]->questions[0];
	EXPECT(q->concern.target.concern == rm->stages[0]->concerns[0]);
	EXPECT(q->content.n == 1 && q->content.items[0].target.content == rm->content[0]);
	SellerAction *sa = rm->seller[0];
	EXPECT(sa->supports.n == 2);
	EXPECT(sa->supports.items[0].target.stage == rm->stages[0]);
	EXPECT(sa->supports.items[1].target.stage == rm->stages[1]);
	EXPECT(sa->uses.n == 1 && sa->uses.items[0].target.content == rm->content[0]);
	unload(&f);
}

TEST(unknown_references_leave_targets_null)
{
	Fixture f;
	Roadmap *rm = load(&f, HEAD
			       "stages:\n"
			       "  - id: need\n"
			       "seller:\n"
			       "  - id: sdr\n"
			       "    supports: [ned, x]\n");
	EXPECT(rm && count(&f, "unknown-reference") == 2);
	EXPECT(rm->seller[0]->supports.items[0].target.stage == NULL);
	const Diag *d = first(&f, "unknown-reference");
	EXPECT(d && at(d->loc, 8, 16, 3));
	EXPECT(d && d->notes && d->notes->kind == NOTE_HELP);
	EXPECT_STR(d && d->notes ? d->notes->text : NULL, "did you mean 'need'?");
	unload(&f);
}

TEST(locations_follow_the_contract)
{
	Fixture f;
	Roadmap *rm = load(&f, HEAD
			       "critical_characteristic: Fast\n"
			       "stages:\n"
			       "  - name: Need\n"
			       "    id: need\n"
			       "  - id: buy\n"
			       "content:\n"
			       "  - id: bench\n"
			       "    type: report\n"
			       "    reviewed: 2026-05-01\n");
	EXPECT(rm && f.dl.n == 0);
	EXPECT(at(rm->critical_loc, 4, 1, -1));
	EXPECT(at(rm->stages_loc, 5, 1, 6));
	/* An item's start is its first key, whichever key that is. */
	EXPECT(at(rm->stages[0]->loc, 6, 5, 4));
	EXPECT(at(rm->stages[1]->loc, 8, 5, 2));
	Content *ct = rm->content[0];
	EXPECT(at(ct->loc, 10, 5, -1));
	EXPECT(at(ct->type_loc, 11, 11, -1));
	EXPECT(ct->has_reviewed && ct->reviewed == date_parse("2026-05-01"));
	EXPECT(at(ct->reviewed_loc, 12, 15, 10));
	EXPECT(at(rm->loc, 1, 1, -1));
	unload(&f);
}

TEST(check_names_are_validated_against_the_registry)
{
	static const char text[] = HEAD
		"checks:\n"
		"  my-rule: off\n"
		"stages:\n"
		"  - id: need\n"
		"    ignore: { my-rule: \"accepted\" }\n";
	Fixture f;
	with_my_rule = false;
	load(&f, text);
	EXPECT(count(&f, "invalid-value") == 2);          /* unknown in checks: and in ignore: */
	unload(&f);
	with_my_rule = true;
	load(&f, text);
	EXPECT(f.dl.n == 0);                               /* once registered, both are fine */
	unload(&f);
	with_my_rule = false;
}

TEST(single_values_and_nulls)
{
	Fixture f;
	Roadmap *rm = load(&f, HEAD
			       "stages:\n"
			       "  - id: a\n"
			       "    name:\n"
			       "    expects: pricing\n"
			       "    prefers: ~\n"
			       "    when: 3\n"
			       "    questions:\n"
			       "      - ask: Q?\n"
			       "        answer: null\n"
			       "        critical: true\n"
			       "      - ask: R?\n"
			       "        answer: ''\n"
			       "    ignore: { channel-mismatch: not ours }\n"
			       "rules: house-style\n");
	EXPECT(rm && f.dl.n == 0);
	Stage *st = rm->stages[0];
	EXPECT_STR(st->name, "a");
	EXPECT(st->expects == 1u << VALUE_PRICING && st->prefers == 0);
	EXPECT(st->when.set && st->when.start == 3 && st->when.end == 3);
	EXPECT(st->questions[0]->answer == NULL && st->questions[0]->critical);
	EXPECT(st->questions[1]->answer == NULL);
	EXPECT(st->ignore.n == 1);
	EXPECT_STR(st->ignore.items[0].check, "channel-mismatch");
	EXPECT_STR(st->ignore.items[0].reason, "not ours");
	EXPECT(rm->nrules == 1);
	EXPECT_STR(rm->rules[0].id, "house-style");
	unload(&f);
}

TEST(windows_in_every_form)
{
	Fixture f;
	Roadmap *rm = load(&f, HEAD
			       "stages:\n"
			       "  - id: a\n"
			       "    when: 0-2\n"
			       "  - id: b\n"
			       "    when: [1.5, 4]\n"
			       "  - id: c\n"
			       "    when: \"2 - 6\"\n"
			       "  - id: d\n"
			       "    when: 7\n");
	EXPECT(rm && f.dl.n == 0);
	EXPECT(rm->stages[0]->when.start == 0 && rm->stages[0]->when.end == 2);
	EXPECT(rm->stages[1]->when.start == 1.5 && rm->stages[1]->when.end == 4);
	EXPECT(rm->stages[2]->when.start == 2 && rm->stages[2]->when.end == 6);
	EXPECT(rm->stages[3]->when.start == 7 && rm->stages[3]->when.end == 7);
	EXPECT(at(rm->stages[1]->when.loc, 8, 11, -1));
	unload(&f);
}

TEST(check_settings)
{
	Fixture f;
	Roadmap *rm = load(&f, HEAD
			       "stages:\n"
			       "  - id: a\n"
			       "checks:\n"
			       "  content-unused: off\n"
			       "  content-stale: { severity: error, max_age_days: 90 }\n"
			       "  missing-owner: {}\n");
	EXPECT(rm && f.dl.n == 0 && rm->nchecks == 3);
	EXPECT_STR(rm->checks[0].check, "content-unused");
	EXPECT(rm->checks[0].has_severity && rm->checks[0].severity == SEV_OFF);
	EXPECT(!rm->checks[0].has_max_age);
	EXPECT(rm->checks[1].has_severity && rm->checks[1].severity == SEV_ERROR);
	EXPECT(rm->checks[1].has_max_age && rm->checks[1].max_age_days == 90);
	EXPECT(!rm->checks[2].has_severity);
	EXPECT(at(rm->checks[0].loc, 7, 3, -1));
	unload(&f);
}

TEST(an_aliased_mistake_is_reported_once)
{
	Fixture f;
	Roadmap *rm = load(&f, HEAD
			       "stages:\n"
			       "  - &s\n"
			       "    id: a\n"
			       "    nmae: x\n"
			       "  - *s\n"
			       "  - *s\n");
	EXPECT(rm && rm->nstages == 3);
	EXPECT(count(&f, "unknown-key") == 1);
	EXPECT(count(&f, "duplicate-id") == 1);
	const Diag *d = first(&f, "duplicate-id");
	EXPECT(d && d->notes && d->notes->kind == NOTE_HELP);
	unload(&f);
}

TEST(duplicate_ids_note_the_first)
{
	Fixture f;
	Roadmap *rm = load(&f, HEAD
			       "stages:\n"
			       "  - id: a\n"
			       "  - id: a\n"
			       "    questions:\n"
			       "      - id: q\n"
			       "        ask: A?\n"
			       "      - id: q\n"
			       "        ask: B?\n");
	EXPECT(rm && count(&f, "duplicate-id") == 2);
	const Diag *d = first(&f, "duplicate-id");
	EXPECT(d && d->loc.line == 6);
	EXPECT(d && d->notes && d->notes->kind == NOTE_NOTE && d->notes->loc.line == 5);
	unload(&f);
}

TEST(duplicate_stage_ids_do_not_cascade_to_default_ids)
{
	Fixture f;
	Roadmap *rm = load(&f, HEAD
			       "stages:\n"
			       "  - id: a\n"
			       "    concerns: [X]\n"
			       "    questions: [{ask: A?}]\n"
			       "  - id: a\n"
			       "    concerns: [Y]\n"
			       "    questions: [{ask: B?}]\n");
	EXPECT(rm && count(&f, "duplicate-id") == 1 && f.dl.n == 1);
	unload(&f);
}

TEST(empty_and_non_mapping_roots)
{
	Fixture f;
	EXPECT(load(&f, "") == NULL);
	EXPECT(f.dl.n == 1 && count(&f, "missing-field") == 1);
	EXPECT(f.dl.items[0]->loc.line == 1 && f.dl.items[0]->loc.col == 1);
	unload(&f);
	EXPECT(load(&f, "# only a comment\n") == NULL && count(&f, "missing-field") == 1);
	unload(&f);
	EXPECT(load(&f, "- a\n- b\n") == NULL && count(&f, "wrong-type") == 1);
	unload(&f);
	EXPECT(load(&f, "just text\n") == NULL && count(&f, "wrong-type") == 1);
	unload(&f);
}

TEST(suggestions_stop_at_a_budget)
{
	/* 2000 stages and 2000 references to missing ones: comparing each
	 * with every stage would be quadratic, so only the first references
	 * (resolve.c's budget of 200000 comparisons, 2000 per reference) get
	 * a suggestion; every reference is still reported. */
	enum { N = 2000 };
	StrBuf sb = STRBUF_INIT;
	strbuf_puts(&sb, HEAD "stages:\n");
	for (int i = 0; i < N; i++)
		strbuf_printf(&sb, "  - id: stage-%d\n", i);
	strbuf_puts(&sb, "seller:\n  - id: sdr\n    supports:\n");
	for (int i = 0; i < N; i++)
		strbuf_printf(&sb, "      - stage-x%d\n", i);
	Fixture f;
	Roadmap *rm = load(&f, strbuf_cstr(&sb));
	EXPECT(rm && count(&f, "unknown-reference") == N);
	size_t helped = 0;
	for (size_t i = 0; i < f.dl.n; i++)
		helped += f.dl.items[i]->notes != NULL;
	EXPECT(helped == 100);
	unload(&f);
	strbuf_free(&sb);
}

/* ---- hand-built trees ---- */

static Node *scalar(Arena *a, const char *s, size_t len, int line, int col)
{
	Node *n = arena_alloc(a, sizeof *n);
	n->kind = NODE_SCALAR;
	n->str = arena_strndup(a, s, len);
	n->len = len;
	n->plain = true;
	if (len == 1 && s[0] >= '0' && s[0] <= '9') {     /* typed as the YAML front end would */
		n->type = SCALAR_NUMBER;
		n->number = s[0] - '0';
	}
	n->loc.line = line;
	n->loc.col = col;
	n->loc.len = 1;
	return n;
}

static Node *map_of(Arena *a, NodePair *pairs, size_t n, int line)
{
	Node *m = arena_alloc(a, sizeof *m);
	m->kind = NODE_MAP;
	m->pairs = arena_alloc(a, n * sizeof *pairs);
	memcpy(m->pairs, pairs, n * sizeof *pairs);
	m->npairs = n;
	m->loc.line = line;
	m->loc.col = 1;
	return m;
}

TEST(nul_bytes_are_refused_not_truncated)
{
	Arena a;
	DiagList dl;
	SrcFile sf;
	arena_init(&a);
	diag_init(&dl, &a);
	srcfile_init(&sf, &a, "t.yaml", "", 0);
	NodePair stage[] = {
		{ scalar(&a, "id", 2, 1, 1), scalar(&a, "a\0b", 3, 1, 5) },
		{ scalar(&a, "na\0me", 5, 2, 1), scalar(&a, "x", 1, 2, 7) },
		{ scalar(&a, "expects", 7, 3, 1), scalar(&a, "pricing\0x", 9, 3, 10) },
	};
	Node *st = map_of(&a, stage, 3, 1);
	Node *list = arena_alloc(&a, sizeof *list);
	list->kind = NODE_SEQ;
	list->items = &st;
	list->nitems = 1;
	NodePair top[] = {
		{ scalar(&a, "roadmap", 7, 1, 1), scalar(&a, "1", 1, 1, 10) },
		{ scalar(&a, "product", 7, 2, 1), scalar(&a, "P\0Q", 3, 2, 10) },
		{ scalar(&a, "segment", 7, 3, 1), scalar(&a, "S", 1, 3, 10) },
		{ scalar(&a, "stages", 6, 4, 1), list },
	};
	Roadmap *rm = schema_build(map_of(&a, top, 4, 1), &sf, &a, &dl);
	EXPECT(rm != NULL);
	EXPECT(rm->product == NULL);
	EXPECT(rm->nstages == 1 && rm->stages[0]->id == NULL);
	EXPECT(rm->stages[0]->expects == 0);
	size_t invalid = 0, unknown = 0;
	for (size_t i = 0; i < dl.n; i++) {
		invalid += strcmp(dl.items[i]->check, "invalid-value") == 0;
		unknown += strcmp(dl.items[i]->check, "unknown-key") == 0;
	}
	EXPECT(invalid == 3 && unknown == 1);
	resolve_roadmap(rm, NULL, builtin_checks(&a), &a, &dl); /* a missing id and no catalog: no crash */
	arena_free(&a);
}

TEST(a_shared_node_fanned_out_is_read_without_blowup)
{
	/* One stage mapping reached from 10000 list slots, as an alias-heavy
	 * file would give: each slot is read, each error reported once. */
	Arena a;
	DiagList dl;
	SrcFile sf;
	arena_init(&a);
	diag_init(&dl, &a);
	srcfile_init(&sf, &a, "t.yaml", "", 0);
	NodePair stage[] = {
		{ scalar(&a, "id", 2, 5, 5), scalar(&a, "a", 1, 5, 9) },
		{ scalar(&a, "bogus", 5, 6, 5), scalar(&a, "x", 1, 6, 12) },
	};
	Node *st = map_of(&a, stage, 2, 5);
	enum { FAN = 10000 };
	Node *list = arena_alloc(&a, sizeof *list);
	list->kind = NODE_SEQ;
	list->items = arena_alloc(&a, FAN * sizeof *list->items);
	for (size_t i = 0; i < FAN; i++)
		list->items[i] = st;
	list->nitems = FAN;
	NodePair top[] = {
		{ scalar(&a, "roadmap", 7, 1, 1), scalar(&a, "1", 1, 1, 10) },
		{ scalar(&a, "product", 7, 2, 1), scalar(&a, "P", 1, 2, 10) },
		{ scalar(&a, "segment", 7, 3, 1), scalar(&a, "S", 1, 3, 10) },
		{ scalar(&a, "stages", 6, 4, 1), list },
	};
	Roadmap *rm = schema_build(map_of(&a, top, 4, 1), &sf, &a, &dl);
	EXPECT(rm && rm->nstages == FAN);
	resolve_roadmap(rm, NULL, builtin_checks(&a), &a, &dl);
	EXPECT(dl.n == 2);      /* one unknown-key, one duplicate-id */
	arena_free(&a);
}

int main(void)
{
	RUN(phases_without_a_purchase_stage_are_pre_purchase);
	RUN(phases_after_the_first_purchase_stage_are_post_purchase);
	RUN(default_ids_names_and_titles);
	RUN(content_defaults_come_from_the_type);
	RUN(references_point_at_their_items);
	RUN(unknown_references_leave_targets_null);
	RUN(locations_follow_the_contract);
	RUN(single_values_and_nulls);
	RUN(windows_in_every_form);
	RUN(check_settings);
	RUN(an_aliased_mistake_is_reported_once);
	RUN(duplicate_ids_note_the_first);
	RUN(duplicate_stage_ids_do_not_cascade_to_default_ids);
	RUN(suggestions_stop_at_a_budget);
	RUN(empty_and_non_mapping_roots);
	RUN(nul_bytes_are_refused_not_truncated);
	RUN(a_shared_node_fanned_out_is_read_without_blowup);
	RUN(check_names_are_validated_against_the_registry);
	return HARNESS_RESULT();
}
