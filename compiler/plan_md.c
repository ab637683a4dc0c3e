/* plan_md.c - NAME.plan.md: the gap report and the Revenue Growth Action Plan.
 *
 * Outputs layer; a row of unit_outputs (output.c). Written for the revenue
 * leader who works through it after the planning meeting, in three parts:
 *   - a summary: what the roadmap is, its coverage, how many actions of
 *     each priority, and the few to do first;
 *   - the gap report, stage by stage in the buyer's order: what serves each
 *     stage and which gaps it has, each pointing at its action;
 *   - the plan: every action once, grouped by owner so each owner has a
 *     list: the unassigned ones first (only the leader can hand them
 *     out), then the owners in the order of their most urgent action.
 * The numbers are the plan's ranks (plan.h), the same in the CSV and the
 * gaps diagram. User text goes through escape_markdown() everywhere, so a
 * stage named `<script>` or `R&D | "Q1"` is shown, never interpreted. */
#include "escape.h"
#include "model_index.h"
#include "output.h"
#include "plan.h"
#include "report.h"
#include "strmap.h"

#include <string.h>

/* How many actions the summary lists to do first. */
#define FIRST_ACTIONS 5

/* Actions bucketed by a key (an owner, a stage), each bucket in rank
 * order: next[i] is the action after actions[i] in its bucket. */
typedef struct Buckets {
	size_t *head, *tail, *count;    /* per bucket; head NONE: empty */
	size_t *next;                   /* per action */
	size_t n;
} Buckets;

#define NONE ((size_t)-1)

static void buckets_init(Buckets *b, Arena *a, size_t nbuckets, size_t nactions)
{
	b->head = arena_alloc(a, (nbuckets + 1) * sizeof *b->head);
	b->tail = arena_alloc(a, (nbuckets + 1) * sizeof *b->tail);
	b->count = arena_alloc(a, (nbuckets + 1) * sizeof *b->count);
	b->next = arena_alloc(a, (nactions + 1) * sizeof *b->next);
	for (size_t i = 0; i < nbuckets; i++)
		b->head[i] = b->tail[i] = NONE;
	b->n = nbuckets;
}

/* Appends action 'i' (taken in rank order) to bucket 'k'. */
static void buckets_add(Buckets *b, size_t k, size_t i)
{
	b->next[i] = NONE;
	if (b->head[k] == NONE)
		b->head[k] = i;
	else
		b->next[b->tail[k]] = i;
	b->tail[k] = i;
	b->count[k]++;
}

static void put_md(StrBuf *out, const char *s)
{
	escape_markdown(out, s);
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* ---- summary ---- */

static void title(StrBuf *out, const Unit *u)
{
	const Roadmap *rm = u->roadmap;
	strbuf_puts(out, "# Revenue Growth Action Plan: ");
	put_md(out, rm->product);
	strbuf_puts(out, "\n\n- Segment: ");
	put_md(out, rm->segment);
	strbuf_printf(out, "\n- Category: %s purchase", vocab_categories[rm->category]);
	if (rm->critical_characteristic) {
		strbuf_puts(out, "\n- Critical characteristic: ");
		put_md(out, rm->critical_characteristic);
	}
	strbuf_puts(out, "\n- Roadmap: ");
	put_md(out, u->name);
	strbuf_puts(out, "\n");
}

static void summary(StrBuf *out, const Unit *u, const Plan *plan)
{
	const Coverage *cov = &u->coverage;
	const DiagList *dl = &u->diags;
	strbuf_puts(out, "\n## Summary\n\n");
	if (!plan->n)
		strbuf_puts(out, "- **No actions**");
	else
		strbuf_printf(out, "- **%zu %s**", plan->n, plural(plan->n, "action", "actions"));
	if (plan->n) {
		strbuf_printf(out, ": %zu P1, %zu P2, %zu P3", plan->counts[PLAN_P1],
			      plan->counts[PLAN_P2], plan->counts[PLAN_P3]);
		if (plan->unassigned)
			strbuf_printf(out, "; %zu unassigned", plan->unassigned);
	}
	/* Coverage as every format shows it (report.h): rounded down to a tenth. */
	strbuf_puts(out, ".\n- **Question coverage ");
	report_percent(out, cov->questions_done, cov->questions_total);
	strbuf_printf(out, "**: %zu of %zu %s answered with published content.\n",
		      cov->questions_done, cov->questions_total,
		      plural(cov->questions_total, "question", "questions"));
	strbuf_puts(out, "- **Stage coverage ");
	report_percent(out, cov->stages_done, cov->stages_total);
	strbuf_printf(out, "**: %zu of %zu %s served by a seller action, or left alone as buyers "
		      "want.\n", cov->stages_done, cov->stages_total,
		      plural(cov->stages_total, "stage", "stages"));
	strbuf_printf(out, "- **Findings**: %zu %s, %zu %s, %zu info",
		      diag_count(dl, SEV_ERROR), plural(diag_count(dl, SEV_ERROR), "error", "errors"),
		      diag_count(dl, SEV_WARNING),
		      plural(diag_count(dl, SEV_WARNING), "warning", "warnings"),
		      diag_count(dl, SEV_INFO));
	if (plan->ignored || plan->baselined) {
		strbuf_puts(out, "; no action for");
		if (plan->ignored)
			strbuf_printf(out, " %zu accepted with an ignore: entry", plan->ignored);
		if (plan->ignored && plan->baselined)
			strbuf_puts(out, " and");
		if (plan->baselined)
			strbuf_printf(out, " %zu in the baseline", plan->baselined);
	}
	strbuf_puts(out, ".\n");
	if (!plan->n)
		return;
	strbuf_puts(out, "\nDo first:\n\n");
	for (size_t i = 0; i < plan->n && i < FIRST_ACTIONS; i++) {
		const PlanAction *act = &plan->actions[i];
		strbuf_printf(out, "%zu. **%s** ", act->rank, plan_priority_name(act->priority));
		put_md(out, act->title);
		strbuf_puts(out, " (");
		put_md(out, plan_owner_name(act));
		strbuf_puts(out, ")\n");
	}
}

/* ---- the gap report ---- */

/* Appends 's' with its first letter in upper case: it starts a sentence. */
static void put_sentence_start(StrBuf *out, const char *s)
{
	size_t at = out->len;
	put_md(out, s);
	if (out->len > at && out->data[at] >= 'a' && out->data[at] <= 'z')
		out->data[at] = (char)(out->data[at] - 'a' + 'A');
}

/* "Days 0-7, pre-purchase. Expects information. Served by: A, B.
 * Questions covered: 1 of 2." */
static void stage_line(StrBuf *out, const Roadmap *rm, const Stage *st, Arena *a)
{
	if (st->when.set) {
		put_sentence_start(out, model_window_text(a, rm->timeline, &st->when));
		strbuf_printf(out, ", %s.", vocab_phases[st->phase]);
	} else {
		put_sentence_start(out, vocab_phases[st->phase]);
		strbuf_putc(out, '.');
	}
	if (model_stage_left_alone(st))
		strbuf_puts(out, " Expects to be left alone.");
	else if (st->expects)
		strbuf_printf(out, " Expects %s.", model_words(a, vocab_values, st->expects, "and"));
	size_t n;
	SellerAction *const *sellers = model_stage_sellers(rm->index, st, &n);
	if (n) {
		strbuf_puts(out, " Served by: ");
		for (size_t i = 0; i < n; i++) {
			if (i)
				strbuf_puts(out, ", ");
			put_md(out, sellers[i]->name);
		}
		strbuf_putc(out, '.');
	} else if (!model_stage_left_alone(st)) {
		strbuf_puts(out, " Served by: **no seller action**.");
	}
	size_t covered = 0;
	for (size_t i = 0; i < st->nquestions; i++)
		covered += model_question_covered(st->questions[i]);
	if (st->nquestions)
		strbuf_printf(out, " Questions covered: %zu of %zu.\n", covered, st->nquestions);
	else
		strbuf_puts(out, " No buyer questions yet.\n");
}

static void gap_list(StrBuf *out, const Plan *plan, const Buckets *b, size_t k)
{
	if (b->head[k] == NONE) {
		strbuf_puts(out, "\nNo gaps.\n");
		return;
	}
	strbuf_putc(out, '\n');
	for (size_t i = b->head[k]; i != NONE; i = b->next[i]) {
		const PlanAction *act = &plan->actions[i];
		strbuf_printf(out, "- %s: ", severity_name(act->finding->sev));
		put_md(out, act->finding->message);
		strbuf_printf(out, " → action %zu\n", act->rank);
	}
}

static void gap_report(StrBuf *out, const Unit *u, const Plan *plan, Arena *a)
{
	const Roadmap *rm = u->roadmap;
	Buckets b;
	buckets_init(&b, a, rm->nstages + 1, plan->n);       /* the last: no stage */
	for (size_t i = 0; i < plan->n; i++) {
		const Stage *st = plan->actions[i].stage;
		buckets_add(&b, st ? st->index : rm->nstages, i);
	}
	strbuf_puts(out, "\n## Gap report\n\nThe buyer's stages in order: what serves each one, "
			 "and its gaps with the action that closes each.\n");
	for (size_t k = 0; k < rm->nstages; k++) {
		const Stage *st = rm->stages[k];
		strbuf_printf(out, "\n### %zu. ", k + 1);
		put_md(out, st->name);
		strbuf_puts(out, "\n\n");
		stage_line(out, rm, st, a);
		gap_list(out, plan, &b, k);
	}
	if (b.head[rm->nstages] != NONE) {
		strbuf_puts(out, "\n### Not tied to a stage\n");
		gap_list(out, plan, &b, rm->nstages);
	}
}

/* ---- the plan, by owner ---- */

static void action_row(StrBuf *out, const PlanAction *act)
{
	strbuf_printf(out, "| %zu | %s%s | ", act->rank, plan_priority_name(act->priority),
		      act->critical ? ", critical" : "");
	put_md(out, act->title);
	strbuf_puts(out, " | ");
	if (act->stage)
		put_md(out, act->stage->name);
	strbuf_puts(out, " | ");
	put_md(out, act->finding->check);
	strbuf_puts(out, " |\n");
}

static void owner_lists(StrBuf *out, const Plan *plan, Arena *a)
{
	/* Owners in the order of their most urgent action: walking the ranked
	 * actions meets each owner first at its best rank. */
	StrMap index;
	strmap_init(&index, a);
	const char **owners = arena_alloc(a, (plan->n + 1) * sizeof *owners);
	size_t *group = arena_alloc(a, (plan->n + 1) * sizeof *group);
	size_t nowners = 0;
	for (size_t i = 0; i < plan->n; i++) {
		const char *name = plan->actions[i].owner;
		size_t *k = name ? strmap_get(&index, name, strlen(name)) : NULL;
		if (name && !k) {
			k = arena_alloc(a, sizeof *k);
			*k = nowners;
			owners[nowners++] = name;
			strmap_put(&index, name, strlen(name), k);
		}
		group[i] = k ? *k : NONE;
	}
	/* Unassigned work is the leader's own list: it comes first. */
	Buckets b;
	buckets_init(&b, a, nowners + 1, plan->n);
	for (size_t i = 0; i < plan->n; i++)
		buckets_add(&b, group[i] == NONE ? 0 : group[i] + 1, i);

	strbuf_puts(out, "\n## Action plan\n\n");
	if (!plan->n) {
		strbuf_puts(out, plan->ignored || plan->baselined ?
			    "Nothing to do: every finding is accepted, by an ignore: entry or the "
			    "baseline.\n" : "Nothing to do: the checks found no gap.\n");
		return;
	}
	strbuf_puts(out, "Each owner's actions, most urgent first; # is the action's rank in the "
			 "whole plan. Priority starts from the finding's severity (error P1, warning "
			 "P2, info P3), moves up one level for the critical characteristic and for a "
			 "high-priority question, and down one for a low-priority question.\n");
	for (size_t k = 0; k < b.n; k++) {
		if (b.head[k] == NONE)
			continue;
		strbuf_puts(out, "\n### ");
		if (k == 0)
			strbuf_puts(out, "Unassigned: decide who owns these");
		else
			put_md(out, owners[k - 1]);
		strbuf_printf(out, " (%zu)\n\n", b.count[k]);
		strbuf_puts(out, "| # | priority | action | stage | check |\n"
				 "|---:|---|---|---|---|\n");
		for (size_t i = b.head[k]; i != NONE; i = b.next[i])
			action_row(out, &plan->actions[i]);
	}
}

static void write_md(StrBuf *out, const Unit *u, const Plan *plan, Arena *a)
{
	title(out, u);
	summary(out, u, plan);
	gap_report(out, u, plan, a);
	owner_lists(out, plan, a);
}

int plan_md_emit(const OutputContext *ctx, StrBuf *out, StrBuf *err)
{
	(void)err;
	plan_write(ctx->unit, out, write_md);
	return 0;
}
