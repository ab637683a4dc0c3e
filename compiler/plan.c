/* plan.c - findings to ranked actions; see plan.h for the ranking rule.
 *
 * Outputs layer. Every finding carries its items typed (Diag.subject and
 * .object), so an action is made from the model, never by reading the
 * message: the stage it applies to, its owner and its question context
 * come from the items by the general rules below, and a row per check
 * (plan_rules) says what to do. A check without a row (a Lua rule) still
 * gets an action: resolve what the finding says.
 *
 * Owners, by the item a finding is about (docs/plan.md, "Owners"):
 *   seller action   its owner
 *   content         its owner
 *   question        the owner of its first content that has one, else its stage's
 *   concern         the same, through the concern's own content
 *   stage           the owner of its first seller action that has one
 *   roadmap         nobody: unassigned
 * For a seller action at a stage, the seller action's. A few rows choose
 * otherwise (publishing content is the content owner's work). */
#include "plan.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "model_index.h"
#include "strmap.h"

/* ---- the items of a finding ---- */

static const char *content_name(const Content *c)
{
	return c->title ? c->title : c->id;
}

/* The questions behind an action decide whether it is about the critical
 * characteristic and how much the buyer cares: a question itself, the
 * questions that reference a content item, the questions naming a
 * concern. */
typedef struct QuestionContext {
	bool critical;
	Priority priority;      /* the highest; PRIORITY_MEDIUM when no question */
	bool any;
} QuestionContext;

static void context_add(QuestionContext *qc, const Question *q)
{
	qc->critical |= q->critical;
	if (!qc->any || q->priority < qc->priority)
		qc->priority = q->priority;
	qc->any = true;
}

static void context_merge(QuestionContext *qc, const QuestionContext *more)
{
	qc->critical |= more->critical;
	if (more->any && (!qc->any || more->priority < qc->priority))
		qc->priority = more->priority;
	qc->any |= more->any;
}

/* What the rules need of an item: where it applies, who owns work on it,
 * the questions behind it. */
typedef struct ItemFacts {
	const void *item;
	const Stage *stage;
	const char *owner;
	QuestionContext qc;
} ItemFacts;

/* The facts of every item, worked out once per plan. Findings repeat
 * items (a content item a hundred thousand questions rely on has as many
 * findings), so working them out per finding would be quadratic. Keyed by
 * id, unique within a kind in a checked roadmap. */
typedef struct Facts {
	const ModelIndex *ix;
	Arena *a;
	StrMap stages, questions, concerns, sellers, content;
} Facts;

/* The map that holds the facts of 's', and its key in '*id'; NULL for the
 * roadmap, a value, an ignore entry. */
static StrMap *facts_map(Facts *f, Subject s, const char **id)
{
	switch (s.kind) {
	case SUBJECT_STAGE: case SUBJECT_PROCESS_START: case SUBJECT_PROCESS_END:
		*id = ((const Stage *)s.item)->id;
		return &f->stages;
	case SUBJECT_QUESTION: *id = ((const Question *)s.item)->id; return &f->questions;
	case SUBJECT_CONCERN: *id = ((const Concern *)s.item)->id; return &f->concerns;
	case SUBJECT_SELLER: *id = ((const SellerAction *)s.item)->id; return &f->sellers;
	case SUBJECT_CONTENT: *id = ((const Content *)s.item)->id; return &f->content;
	default: return NULL;
	}
}

/* The facts of 's', or NULL for the roadmap, a value, an ignore entry. */
static const ItemFacts *facts_of(Facts *f, Subject s)
{
	const char *id = NULL;
	StrMap *m = facts_map(f, s, &id);
	if (!m)
		return NULL;
	const ItemFacts *it = strmap_get(m, id, strlen(id));
	ASSERT(it && it->item == s.item);       /* every item was entered, ids unique */
	return it;
}

static ItemFacts *facts_add(Facts *f, Subject s)
{
	const char *id = NULL;
	StrMap *m = facts_map(f, s, &id);
	ItemFacts *it = arena_alloc(f->a, sizeof *it);
	it->item = s.item;
	it->qc.priority = PRIORITY_MEDIUM;
	strmap_put(m, id, strlen(id), it);
	return it;
}

/* The owner of the first content item in 'refs' that has one. */
static const char *refs_owner(const RefList *refs)
{
	for (size_t i = 0; i < refs->n; i++) {
		const Content *c = refs->items[i].target.content;
		if (c && c->owner)
			return c->owner;
	}
	return NULL;
}

static const Stage *earlier(const Stage *best, const Stage *st)
{
	return st && (!best || st->index < best->index) ? st : best;
}

/* Stages first: the others fall back on them. Owners by the rules at the
 * top of this file; stages and question contexts as docs/plan.md says. */
static void facts_build(Facts *f, const Roadmap *rm)
{
	for (size_t i = 0; i < rm->nstages; i++) {
		const Stage *st = rm->stages[i];
		ItemFacts *it = facts_add(f, subject_stage(st));
		it->stage = st;
		size_t n;
		SellerAction *const *sellers = model_stage_sellers(f->ix, st, &n);
		for (size_t k = 0; k < n && !it->owner; k++)
			it->owner = sellers[k]->owner;
	}
	for (size_t i = 0; i < rm->nstages; i++) {
		const Stage *st = rm->stages[i];
		const char *stage_owner = facts_of(f, subject_stage(st))->owner;
		for (size_t j = 0; j < st->nquestions; j++) {
			const Question *q = st->questions[j];
			ItemFacts *it = facts_add(f, subject_question(q));
			it->stage = st;
			it->owner = refs_owner(&q->content);
			it->owner = it->owner ? it->owner : stage_owner;
			context_add(&it->qc, q);
		}
		for (size_t j = 0; j < st->nconcerns; j++) {
			const Concern *co = st->concerns[j];
			ItemFacts *it = facts_add(f, subject_concern(co));
			it->stage = st;
			it->owner = refs_owner(&co->content);
			it->owner = it->owner ? it->owner : stage_owner;
			size_t n;
			Question *const *qs = model_concern_questions(f->ix, co, &n);
			for (size_t k = 0; k < n; k++)
				context_add(&it->qc, qs[k]);
		}
	}
	/* A seller action applies at the earliest stage it supports. */
	for (size_t i = 0; i < rm->nseller; i++) {
		const SellerAction *sa = rm->seller[i];
		ItemFacts *it = facts_add(f, subject_seller(sa));
		it->owner = sa->owner;
		for (size_t k = 0; k < sa->supports.n; k++)
			it->stage = earlier(it->stage, sa->supports.items[k].target.stage);
	}
	/* Content applies at the earliest stage whose questions or concerns
	 * use it, else the earliest a seller action using it supports. */
	for (size_t i = 0; i < rm->ncontent; i++) {
		const Content *c = rm->content[i];
		ItemFacts *it = facts_add(f, subject_content(c));
		it->owner = c->owner;
		const Stage *sold = NULL;
		size_t n;
		const Subject *users = model_content_users(f->ix, c, &n);
		for (size_t k = 0; k < n; k++) {
			if (users[k].kind == SUBJECT_SELLER)
				sold = earlier(sold, facts_of(f, users[k])->stage);
			else
				it->stage = earlier(it->stage, subject_stage_of(users[k]));
			if (users[k].kind == SUBJECT_QUESTION)
				context_add(&it->qc, subject_as_question(users[k]));
		}
		it->stage = it->stage ? it->stage : sold;
	}
}

/* ---- one row per check: what to do ---- */

/* An action being made: the general rules fill it, then the check's row
 * sets the kind and the title and may change the rest. */
typedef struct Draft {
	const Diag *d;
	const Roadmap *rm;
	Facts *facts;
	Arena *a;
	PlanAction *act;
} Draft;

/* Sets the action's kind and title; a row's last word. */
static bool done(Draft *dr, PlanKind kind, const char *fmt, ...) PRINTF_LIKE(3, 4);
static bool done(Draft *dr, PlanKind kind, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	dr->act->kind = kind;
	dr->act->title = arena_vprintf(dr->a, fmt, ap);
	va_end(ap);
	return true;
}

/* An item as people call it: "question 'What does it cost?'", "seller
 * action 'Ads'"; NULL for the roadmap, a value, an ignore entry. */
static const char *item_label(Arena *a, Subject s)
{
	switch (s.kind) {
	case SUBJECT_STAGE: return arena_printf(a, "stage '%s'", subject_as_stage(s)->name);
	case SUBJECT_QUESTION: return arena_printf(a, "question '%s'", subject_as_question(s)->ask);
	case SUBJECT_CONCERN: return arena_printf(a, "concern '%s'", subject_as_concern(s)->text);
	case SUBJECT_SELLER: return arena_printf(a, "seller action '%s'", subject_as_seller(s)->name);
	case SUBJECT_CONTENT:
		return arena_printf(a, "content '%s'", content_name(subject_as_content(s)));
	default: return NULL;
	}
}

/* What the stage wants, for an action that must serve it: ": buyers
 * expect pricing here, on web", or "". */
static const char *stage_wants(const Draft *dr, const Stage *st)
{
	ValueSet expects = st->expects & ~(1u << VALUE_LEFT_ALONE);
	const char *values = expects ? model_words(dr->a, vocab_values, expects, "and") : NULL;
	const char *channels = st->prefers ? model_words(dr->a, vocab_channels, st->prefers, "or") : NULL;
	if (values && channels)
		return arena_printf(dr->a, ": buyers expect %s here, on %s", values, channels);
	if (values)
		return arena_printf(dr->a, ": buyers expect %s here", values);
	if (channels)
		return arena_printf(dr->a, ": buyers look on %s here", channels);
	return "";
}

/* Each row returns false when the finding's items are not the ones its
 * check reports, and the finding gets the general action instead. */

static bool make_stage_without_seller_action(Draft *dr)
{
	const Stage *st = subject_as_stage(dr->d->subject);
	return st && done(dr, PLAN_ADD_SELLER_ACTION, "Add a seller action that serves '%s'%s",
			  st->name, stage_wants(dr, st));
}

static bool make_question_without_answer(Draft *dr)
{
	const Question *q = subject_as_question(dr->d->subject);
	return q && done(dr, PLAN_WRITE_ANSWER, "Write the answer to '%s', as customers told it",
			 q->ask);
}

/* The answer is what the content must say: the title carries it. */
static bool make_answer_without_content(Draft *dr)
{
	const Question *q = subject_as_question(dr->d->subject);
	if (!q || !q->answer)
		return false;
	return done(dr, PLAN_CREATE_CONTENT, "Create content that answers '%s': %s", q->ask,
		    q->answer);
}

/* The subject relies on the object. Publishing is the content owner's
 * work; replacing retired content, the relying item's owner's. */
static bool make_content_not_published(Draft *dr)
{
	const Content *c = subject_as_content(dr->d->object);
	const char *who = item_label(dr->a, dr->d->subject);
	if (!c || !who)
		return false;
	if (c->status == STATUS_RETIRED)
		return done(dr, PLAN_REPLACE_CONTENT, "Replace retired '%s' in %s with current content",
			    content_name(c), who);
	dr->act->owner = c->owner;
	return done(dr, PLAN_PUBLISH_CONTENT, "Publish '%s' (%s now), which %s relies on",
		    content_name(c), vocab_statuses[c->status], who);
}

static bool make_expected_value_missing(Draft *dr)
{
	const Stage *st = subject_as_stage(dr->d->subject);
	if (!st || dr->d->object.kind != SUBJECT_VALUE)
		return false;
	return done(dr, PLAN_DELIVER_VALUE,
		    "Deliver %s at '%s', with a seller action or content for its questions",
		    (const char *)dr->d->object.item, st->name);
}

static bool make_unwanted_value(Draft *dr)
{
	const SellerAction *sa = subject_as_seller(dr->d->subject);
	const Stage *st = subject_as_stage(dr->d->object);
	if (!sa || !st)
		return false;
	ValueSet wanted = st->expects & ~(1u << VALUE_LEFT_ALONE);
	if ((st->expects & (1u << VALUE_LEFT_ALONE)) && model_seller_reaches_out(sa))
		return done(dr, PLAN_STOP_REACHING_OUT,
			    "Stop '%s' reaching out at '%s': buyers want to be left alone there",
			    sa->name, st->name);
	const char *given = model_words(dr->a, vocab_values, model_seller_delivers(sa), "and");
	if (!wanted)
		return done(dr, PLAN_CHANGE_VALUE,
			    "Take '%s' off '%s': buyers want to be left alone there, not %s",
			    sa->name, st->name, given);
	return done(dr, PLAN_CHANGE_VALUE, "Make '%s' deliver %s at '%s', not %s", sa->name,
		    model_words(dr->a, vocab_values, wanted, "or"), st->name, given);
}

static bool make_seller_action_without_stage(Draft *dr)
{
	const SellerAction *sa = subject_as_seller(dr->d->subject);
	return sa && done(dr, PLAN_STOP_OR_REPURPOSE,
			  "Stop '%s', or repurpose it for a buying stage: it serves none", sa->name);
}

static bool make_timing_mismatch(Draft *dr)
{
	const SellerAction *sa = subject_as_seller(dr->d->subject);
	const Stage *st = subject_as_stage(dr->d->object);
	if (!sa || !st || !sa->when.set || !st->when.set)
		return false;
	return done(dr, PLAN_RETIME_SELLER_ACTION, "Move '%s' from %s to %s, when buyers are at '%s'",
		    sa->name, model_window_text(dr->a, dr->rm->timeline, &sa->when),
		    model_window_text(dr->a, dr->rm->timeline, &st->when), st->name);
}

static bool make_process_misaligned(Draft *dr)
{
	const Stage *st = subject_as_stage(dr->d->subject);
	Timeline t = dr->rm->timeline;
	if (!st || !st->when.set)
		return false;
	if (dr->d->subject.kind == SUBJECT_PROCESS_START)
		return done(dr, PLAN_ADD_SELLER_ACTION,
			    "Have a seller action in place from %s, when buyers start '%s'",
			    model_point_text(dr->a, t, st->when.start), st->name);
	return done(dr, PLAN_ADD_SELLER_ACTION,
		    "Keep a seller action going until %s, when buyers finish '%s'",
		    model_point_text(dr->a, t, st->when.end), st->name);
}

static bool make_roadmap_ends_at_sale(Draft *dr)
{
	return done(dr, PLAN_MAP_AFTER_SALE,
		    "Map what buyers do after the purchase (onboarding, use, support, renewal) "
		    "and serve them there");
}

static bool make_concern_unaddressed(Draft *dr)
{
	const Concern *co = subject_as_concern(dr->d->subject);
	return co && done(dr, PLAN_ADDRESS_CONCERN,
			  "Settle the concern '%s' with proof: a case study, a reference or a trial",
			  co->text);
}

static bool make_stage_without_questions(Draft *dr)
{
	const Stage *st = subject_as_stage(dr->d->subject);
	return st && done(dr, PLAN_ASK_CUSTOMERS, "Ask customers what they need to know at '%s'",
			  st->name);
}

/* Placed and owned like the first critical question before the purchase,
 * when there is one: that is the answer to finish. */
static bool make_critical_characteristic_unaddressed(Draft *dr)
{
	const Roadmap *rm = dr->rm;
	if (!rm->critical_characteristic)
		return false;
	dr->act->critical = true;
	for (size_t i = 0; i < rm->nstages && !dr->act->stage; i++) {
		const Stage *st = rm->stages[i];
		for (size_t j = 0; st->phase != PHASE_POST_PURCHASE && j < st->nquestions; j++) {
			if (st->questions[j]->critical) {
				dr->act->stage = st;
				dr->act->owner = facts_of(dr->facts, subject_question(st->questions[j]))->owner;
				break;
			}
		}
	}
	return done(dr, PLAN_PROVE_CRITICAL,
		    "Prove '%s' before the purchase: a question marked critical, answered, with "
		    "content", rm->critical_characteristic);
}

static bool make_channel_mismatch(Draft *dr)
{
	const Stage *st = subject_as_stage(dr->d->subject);
	return st && done(dr, PLAN_REACH_CHANNEL, "Reach buyers at '%s' on %s, where they look",
			  st->name, model_words(dr->a, vocab_channels, st->prefers, "or"));
}

static bool make_content_unused(Draft *dr)
{
	const Content *c = subject_as_content(dr->d->subject);
	return c && done(dr, PLAN_USE_OR_RETIRE_CONTENT,
			 "Use '%s' where it answers a buyer question or serves a selling step, "
			 "or retire it", content_name(c));
}

static bool make_content_unreviewed(Draft *dr)
{
	/* One finding names every undated item (its subject is the roadmap). */
	const Content *c = subject_as_content(dr->d->subject);
	if (c)
		return done(dr, PLAN_REFRESH_CONTENT, "Review '%s' and record the date in 'reviewed:'",
			    content_name(c));
	return done(dr, PLAN_REFRESH_CONTENT, "Review the content with no 'reviewed' date and record "
		    "when it was checked: %s", dr->d->message);
}

static bool make_complex_without_concerns(Draft *dr)
{
	return done(dr, PLAN_ASK_CUSTOMERS,
		    "Ask customers what made them hesitate before buying, and write their concerns "
		    "at the stages where they arose");
}

static bool make_content_stale(Draft *dr)
{
	const Content *c = subject_as_content(dr->d->subject);
	if (!c || !c->has_reviewed)
		return false;
	char reviewed[11];
	date_format(c->reviewed, reviewed);
	return done(dr, PLAN_REFRESH_CONTENT, "Review and refresh '%s' (last reviewed %s)",
		    content_name(c), reviewed);
}

/* Naming an owner is the leader's decision: unassigned by definition. */
static bool make_missing_owner(Draft *dr)
{
	const SellerAction *sa = subject_as_seller(dr->d->subject);
	const Content *c = subject_as_content(dr->d->subject);
	if (!sa && !c)
		return false;
	dr->act->owner = NULL;
	if (sa)
		return done(dr, PLAN_ASSIGN_OWNER, "Name an owner for seller action '%s'", sa->name);
	return done(dr, PLAN_ASSIGN_OWNER, "Name an owner for content '%s'", content_name(c));
}

static bool make_unused_ignore(Draft *dr)
{
	const Ignore *ig = dr->d->object.kind == SUBJECT_IGNORE ? dr->d->object.item : NULL;
	const char *item = item_label(dr->a, dr->d->subject);
	if (!ig || !item)
		return false;
	/* Tidying the file, not a gap the buyer meets: no question lifts it. */
	dr->act->critical = false;
	dr->act->question_priority = PRIORITY_MEDIUM;
	return done(dr, PLAN_REMOVE_IGNORE,
		    "Remove 'ignore: %s' from %s in the roadmap: the gap it accepted is closed",
		    ig->check, item);
}

typedef struct PlanRule {
	const char *check;
	bool (*make)(Draft *dr);
} PlanRule;

/* One row per built-in check, in the order of check_table (check.c). */
static const PlanRule plan_rules[] = {
	{ "stage-without-seller-action", make_stage_without_seller_action },
	{ "question-without-answer", make_question_without_answer },
	{ "answer-without-content", make_answer_without_content },
	{ "content-not-published", make_content_not_published },
	{ "expected-value-missing", make_expected_value_missing },
	{ "unwanted-value", make_unwanted_value },
	{ "seller-action-without-stage", make_seller_action_without_stage },
	{ "timing-mismatch", make_timing_mismatch },
	{ "process-misaligned", make_process_misaligned },
	{ "roadmap-ends-at-sale", make_roadmap_ends_at_sale },
	{ "concern-unaddressed", make_concern_unaddressed },
	{ "stage-without-questions", make_stage_without_questions },
	{ "critical-characteristic-unaddressed", make_critical_characteristic_unaddressed },
	{ "channel-mismatch", make_channel_mismatch },
	{ "content-unused", make_content_unused },
	{ "complex-without-concerns", make_complex_without_concerns },
	{ "content-stale", make_content_stale },
	{ "content-unreviewed", make_content_unreviewed },
	{ "missing-owner", make_missing_owner },
	{ "unused-ignore", make_unused_ignore },
};

/* Any other finding: what it says is what to resolve. */
static bool make_general(Draft *dr)
{
	return done(dr, PLAN_RESOLVE_FINDING, "Resolve: %s", dr->d->message);
}

static bool make_by_rule(Draft *dr)
{
	for (size_t i = 0; i < sizeof plan_rules / sizeof plan_rules[0]; i++)
		if (strcmp(plan_rules[i].check, dr->d->check) == 0)
			return plan_rules[i].make(dr);
	return false;
}

/* ---- ranking ---- */

PlanPriority plan_priority(Severity sev, bool critical, Priority question_priority)
{
	int level = sev == SEV_ERROR ? PLAN_P1 : sev == SEV_WARNING ? PLAN_P2 : PLAN_P3;
	level -= critical;
	level -= question_priority == PRIORITY_HIGH;
	level += question_priority == PRIORITY_LOW;
	return level < PLAN_P1 ? PLAN_P1 : level > PLAN_P3 ? PLAN_P3 : (PlanPriority)level;
}

static int cmp_size(size_t x, size_t y)
{
	return x < y ? -1 : x > y;
}

int plan_compare(const PlanAction *x, const PlanAction *y)
{
	int c;
	if ((c = cmp_size(x->priority, y->priority)))
		return c;
	if ((c = cmp_size(!x->critical, !y->critical)))
		return c;
	if ((c = cmp_size(SEV_ERROR - x->finding->sev, SEV_ERROR - y->finding->sev)))
		return c;
	if ((c = cmp_size(x->question_priority, y->question_priority)))
		return c;
	/* No stage sorts after every stage. */
	size_t xs = x->stage ? x->stage->index : (size_t)-1;
	size_t ys = y->stage ? y->stage->index : (size_t)-1;
	if ((c = cmp_size(xs, ys)))
		return c;
	if ((c = cmp_size((size_t)x->finding->loc.line, (size_t)y->finding->loc.line)))
		return c;
	if ((c = cmp_size((size_t)x->finding->loc.col, (size_t)y->finding->loc.col)))
		return c;
	return cmp_size(x->finding->seq, y->finding->seq);
}

static int compare_actions(const void *x, const void *y)
{
	return plan_compare(x, y);
}

/* ---- building ---- */

static void make_action(const Unit *u, Facts *f, const Diag *d, PlanAction *act)
{
	const ItemFacts *subject = facts_of(f, d->subject);
	const ItemFacts *object = facts_of(f, d->object);
	memset(act, 0, sizeof *act);
	act->finding = d;
	/* A pair (a seller action at a stage) applies at its stage. */
	act->stage = subject_as_stage(d->object) ? subject_as_stage(d->object)
		   : subject ? subject->stage : NULL;
	act->owner = subject ? subject->owner : NULL;

	QuestionContext qc = { false, PRIORITY_MEDIUM, false };
	if (subject)
		context_merge(&qc, &subject->qc);
	if (object)
		context_merge(&qc, &object->qc);
	act->critical = qc.critical;
	act->question_priority = qc.priority;

	Draft dr = { d, u->roadmap, f, f->a, act };
	if (!make_by_rule(&dr))
		make_general(&dr);
	act->priority = plan_priority(d->sev, act->critical, act->question_priority);
}

void plan_build(const Unit *u, Arena *a, Plan *plan)
{
	ASSERT(u->checked && u->roadmap && u->roadmap->index);
	memset(plan, 0, sizeof *plan);
	const DiagList *dl = &u->diags;
	plan->actions = arena_alloc(a, (dl->n ? dl->n : 1) * sizeof *plan->actions);
	Facts facts = { u->roadmap->index, a, { 0 }, { 0 }, { 0 }, { 0 }, { 0 } };
	strmap_init(&facts.stages, a);
	strmap_init(&facts.questions, a);
	strmap_init(&facts.concerns, a);
	strmap_init(&facts.sellers, a);
	strmap_init(&facts.content, a);
	facts_build(&facts, u->roadmap);
	for (size_t i = 0; i < dl->n; i++) {
		const Diag *d = dl->items[i];
		if (d->suppressed && strcmp(d->suppressed, "baseline") == 0)
			plan->baselined++;
		else if (d->suppressed)
			plan->ignored++;
		else
			make_action(u, &facts, d, &plan->actions[plan->n++]);
	}
	qsort(plan->actions, plan->n, sizeof *plan->actions, compare_actions);

	plan->nseq = dl->n;
	plan->by_seq = arena_alloc(a, (dl->n ? dl->n : 1) * sizeof *plan->by_seq);
	for (size_t i = 0; i < plan->n; i++) {
		PlanAction *act = &plan->actions[i];
		act->rank = i + 1;
		plan->counts[act->priority]++;
		plan->unassigned += act->owner == NULL;
		ASSERT(act->finding->seq < plan->nseq);
		plan->by_seq[act->finding->seq] = act;
	}
}

void plan_write(const Unit *u, StrBuf *out, PlanWriter write)
{
	Arena a;
	Plan plan;
	arena_init(&a);
	plan_build(u, &a, &plan);
	write(out, u, &plan, &a);
	arena_free(&a);
}

const PlanAction *plan_action_of(const Plan *plan, const Diag *d)
{
	return d->seq < plan->nseq ? plan->by_seq[d->seq] : NULL;
}

/* ---- names ---- */

static const char *const kind_names[PLAN_KIND_COUNT] = {
	[PLAN_ADD_SELLER_ACTION] = "add-seller-action",
	[PLAN_RETIME_SELLER_ACTION] = "retime-seller-action",
	[PLAN_CHANGE_VALUE] = "change-value",
	[PLAN_STOP_REACHING_OUT] = "stop-reaching-out",
	[PLAN_STOP_OR_REPURPOSE] = "stop-or-repurpose",
	[PLAN_DELIVER_VALUE] = "deliver-value",
	[PLAN_REACH_CHANNEL] = "reach-channel",
	[PLAN_WRITE_ANSWER] = "write-answer",
	[PLAN_CREATE_CONTENT] = "create-content",
	[PLAN_ADDRESS_CONCERN] = "address-concern",
	[PLAN_PROVE_CRITICAL] = "prove-critical",
	[PLAN_ASK_CUSTOMERS] = "ask-customers",
	[PLAN_MAP_AFTER_SALE] = "map-after-sale",
	[PLAN_PUBLISH_CONTENT] = "publish-content",
	[PLAN_REPLACE_CONTENT] = "replace-content",
	[PLAN_REFRESH_CONTENT] = "refresh-content",
	[PLAN_USE_OR_RETIRE_CONTENT] = "use-or-retire-content",
	[PLAN_ASSIGN_OWNER] = "assign-owner",
	[PLAN_REMOVE_IGNORE] = "remove-ignore",
	[PLAN_RESOLVE_FINDING] = "resolve-finding",
};

const char *plan_kind_name(PlanKind k)
{
	ASSERT(k >= 0 && k < PLAN_KIND_COUNT && kind_names[k]);
	return kind_names[k];
}

const char *plan_priority_name(PlanPriority p)
{
	static const char *const names[] = { "P1", "P2", "P3" };
	ASSERT(p >= 0 && p < PLAN_PRIORITY_COUNT);
	return names[p];
}

const char *plan_owner_name(const PlanAction *act)
{
	return act->owner ? act->owner : "unassigned";
}
