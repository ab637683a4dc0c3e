/* test_plan.c - unit tests for the action plan's ranking rule (plan.h).
 *
 * The priority rule and the order are tested on hand-made actions, where
 * every key can be set on its own; plan_build() on small roadmaps compiled
 * from YAML, for what a finding turns into: kind, owner, stage, rank, and
 * no action for a suppressed finding. */
#include "harness.h"

#include "catalog.h"
#include "driver.h"
#include "plan.h"

/* ---- the priority rule ---- */

TEST(priority_starts_from_severity)
{
	EXPECT(plan_priority(SEV_ERROR, false, PRIORITY_MEDIUM) == PLAN_P1);
	EXPECT(plan_priority(SEV_WARNING, false, PRIORITY_MEDIUM) == PLAN_P2);
	EXPECT(plan_priority(SEV_INFO, false, PRIORITY_MEDIUM) == PLAN_P3);
}

TEST(priority_moves_one_level_per_reason)
{
	EXPECT(plan_priority(SEV_WARNING, true, PRIORITY_MEDIUM) == PLAN_P1);
	EXPECT(plan_priority(SEV_INFO, true, PRIORITY_MEDIUM) == PLAN_P2);
	EXPECT(plan_priority(SEV_INFO, false, PRIORITY_HIGH) == PLAN_P2);
	EXPECT(plan_priority(SEV_INFO, true, PRIORITY_HIGH) == PLAN_P1);
	EXPECT(plan_priority(SEV_ERROR, false, PRIORITY_LOW) == PLAN_P2);
	EXPECT(plan_priority(SEV_WARNING, false, PRIORITY_LOW) == PLAN_P3);
	EXPECT(plan_priority(SEV_WARNING, true, PRIORITY_LOW) == PLAN_P2);
}

TEST(priority_stays_within_p1_to_p3)
{
	EXPECT(plan_priority(SEV_ERROR, true, PRIORITY_HIGH) == PLAN_P1);
	EXPECT(plan_priority(SEV_WARNING, true, PRIORITY_HIGH) == PLAN_P1);
	EXPECT(plan_priority(SEV_INFO, false, PRIORITY_LOW) == PLAN_P3);
}

/* ---- the order, on hand-made actions ---- */

static Stage stages[3] = { { .index = 0 }, { .index = 1 }, { .index = 2 } };
static Diag diags[16];
static size_t ndiags;

/* An action whose priority follows from its inputs, as plan_build makes
 * it; 'stage' -1 for none. */
static PlanAction act(Severity sev, bool critical, Priority qp, int stage, int line)
{
	Diag *d = &diags[ndiags];
	d->sev = sev;
	d->loc.line = line;
	d->loc.col = 1;
	d->seq = ndiags++;
	PlanAction a = { 0 };
	a.finding = d;
	a.critical = critical;
	a.question_priority = qp;
	a.stage = stage >= 0 ? &stages[stage] : NULL;
	a.priority = plan_priority(sev, critical, qp);
	return a;
}

#define BEFORE(x, y) (plan_compare(&(x), &(y)) < 0 && plan_compare(&(y), &(x)) > 0)

TEST(priority_comes_first)
{
	/* An early error on a low-priority question (P2) comes after a late
	 * warning on a high-priority one (P1). */
	PlanAction late_high = act(SEV_WARNING, false, PRIORITY_HIGH, 2, 90);
	PlanAction early_low = act(SEV_ERROR, false, PRIORITY_LOW, 0, 10);
	EXPECT(BEFORE(late_high, early_low));
}

TEST(critical_first_within_a_priority)
{
	/* Both P1: the critical warning before the plain error. */
	PlanAction critical = act(SEV_WARNING, true, PRIORITY_MEDIUM, 2, 90);
	PlanAction error = act(SEV_ERROR, false, PRIORITY_MEDIUM, 0, 10);
	EXPECT(critical.priority == error.priority);
	EXPECT(BEFORE(critical, error));
}

TEST(then_severity)
{
	/* Both P2, neither critical: the error (low question) first. */
	PlanAction error = act(SEV_ERROR, false, PRIORITY_LOW, 2, 90);
	PlanAction warning = act(SEV_WARNING, false, PRIORITY_MEDIUM, 0, 10);
	EXPECT(error.priority == warning.priority);
	EXPECT(BEFORE(error, warning));
}

TEST(then_question_priority)
{
	PlanAction high = act(SEV_ERROR, false, PRIORITY_HIGH, 2, 90);
	PlanAction medium = act(SEV_ERROR, false, PRIORITY_MEDIUM, 0, 10);
	EXPECT(BEFORE(high, medium));
}

TEST(then_earlier_stage_and_no_stage_last)
{
	PlanAction first = act(SEV_WARNING, false, PRIORITY_MEDIUM, 0, 90);
	PlanAction second = act(SEV_WARNING, false, PRIORITY_MEDIUM, 1, 10);
	PlanAction none = act(SEV_WARNING, false, PRIORITY_MEDIUM, -1, 1);
	EXPECT(BEFORE(first, second));
	EXPECT(BEFORE(second, none));
}

TEST(then_place_in_the_file)
{
	PlanAction above = act(SEV_WARNING, false, PRIORITY_MEDIUM, 1, 10);
	PlanAction below = act(SEV_WARNING, false, PRIORITY_MEDIUM, 1, 11);
	PlanAction same_place = act(SEV_WARNING, false, PRIORITY_MEDIUM, 1, 11);
	EXPECT(BEFORE(above, below));
	EXPECT(BEFORE(below, same_place));       /* reported first */
	EXPECT(plan_compare(&below, &below) == 0);
}

/* ---- plan_build on compiled roadmaps ---- */

static Catalog catalog;
static CheckRegistry registry;
static Arena run_arena;

static void compile(Unit *u, const char *text)
{
	RunOptions opt;
	memset(&opt, 0, sizeof opt);
	opt.limits = limits_default();
	opt.today = 20780;      /* 2026-11-23 */
	opt.fail_on = SEV_ERROR;
	opt.min_coverage = -1;
	driver_compile(u, "t.yaml", text, strlen(text), &catalog, &registry, &opt);
}

static const char *const roadmap =
	"roadmap: 1\n"
	"product: Acme\n"
	"segment: Finance teams\n"
	"stages:\n"
	"  - id: need\n"
	"    name: Need\n"
	"    expects: [information]\n"
	"    questions:\n"
	"      - id: cost\n"
	"        ask: What does it cost us?\n"
	"        answer: A benchmark\n"
	"        content: [benchmark]\n"
	"  - id: buy\n"
	"    name: Buy\n"
	"    phase: purchase\n"
	"    expects: [pricing]\n"
	"    questions:\n"
	"      - id: price\n"
	"        ask: What is the price?\n"
	"        priority: high\n"
	"  - id: use\n"
	"    name: Use\n"
	"    expects: [left-alone]\n"
	"    ignore: { stage-without-questions: buyers ask nothing here }\n"
	"seller:\n"
	"  - id: ads\n"
	"    name: Ads\n"
	"    owner: growth\n"
	"    supports: [need, buy]\n"
	"    delivers: [information, pricing]\n"
	"    uses: [benchmark]\n"
	"content:\n"
	"  - id: benchmark\n"
	"    title: Benchmark\n"
	"    type: report\n"
	"    status: draft\n"
	"    owner: product-marketing\n";

static const PlanAction *find(const Plan *p, const char *check)
{
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->actions[i].finding->check, check) == 0)
			return &p->actions[i];
	return NULL;
}

TEST(build_ranks_the_findings)
{
	Unit u;
	compile(&u, roadmap);
	EXPECT(u.checked);
	Arena a;
	arena_init(&a);
	Plan p;
	plan_build(&u, &a, &p);

	/* question-without-answer (error, high: P1), two content-not-published
	 * (warning: P2), the other stage-without-questions is ignored. */
	EXPECT(p.n == 3);
	EXPECT(p.ignored == 1 && p.baselined == 0);
	EXPECT(p.counts[PLAN_P1] == 1 && p.counts[PLAN_P2] == 2 && p.counts[PLAN_P3] == 0);
	const PlanAction *answer = &p.actions[0];
	EXPECT_STR(answer->finding->check, "question-without-answer");
	EXPECT(answer->kind == PLAN_WRITE_ANSWER && answer->priority == PLAN_P1);
	EXPECT_STR(answer->stage->id, "buy");
	EXPECT_STR(plan_owner_name(answer), "growth");   /* the stage's seller action */
	EXPECT_STR(answer->title, "Write the answer to 'What is the price?', as customers told it");

	/* Publishing is the content owner's work. Both references are at
	 * stage need: the question's comes first in the file. */
	EXPECT(p.actions[1].kind == PLAN_PUBLISH_CONTENT && p.actions[2].kind == PLAN_PUBLISH_CONTENT);
	EXPECT_STR(p.actions[1].finding->item, "question:cost>content:benchmark");
	EXPECT_STR(p.actions[2].finding->item, "seller:ads>content:benchmark");
	EXPECT_STR(plan_owner_name(&p.actions[1]), "product-marketing");
	for (size_t i = 0; i < p.n; i++) {
		EXPECT(p.actions[i].rank == i + 1);
		EXPECT(plan_action_of(&p, p.actions[i].finding) == &p.actions[i]);
	}
	for (size_t i = 0; i < u.diags.n; i++)
		if (u.diags.items[i]->suppressed)
			EXPECT(plan_action_of(&p, u.diags.items[i]) == NULL);
	arena_free(&a);
	unit_free(&u);
}

TEST(build_assigns_nobody_to_name_an_owner)
{
	Unit u;
	compile(&u, "roadmap: 1\nproduct: A\nsegment: B\n"
		    "stages:\n  - id: use\n    phase: post-purchase\n    expects: [left-alone]\n"
		    "    questions:\n      - ask: Where is help?\n        answer: Here\n"
		    "        content: [help]\n"
		    "content:\n  - id: help\n    title: Help\n    type: support-portal\n");
	Arena a;
	arena_init(&a);
	Plan p;
	plan_build(&u, &a, &p);
	const PlanAction *owner = find(&p, "missing-owner");
	EXPECT(p.n == 1 && owner != NULL);
	EXPECT(owner && owner->kind == PLAN_ASSIGN_OWNER && owner->owner == NULL);
	EXPECT(owner && owner->priority == PLAN_P3 && p.unassigned == 1);
	EXPECT_STR(owner ? plan_owner_name(owner) : NULL, "unassigned");
	EXPECT(owner && owner->stage && strcmp(owner->stage->id, "use") == 0);
	arena_free(&a);
	unit_free(&u);
}

TEST(kind_names_are_stable)
{
	EXPECT_STR(plan_kind_name(PLAN_ADD_SELLER_ACTION), "add-seller-action");
	EXPECT_STR(plan_kind_name(PLAN_RESOLVE_FINDING), "resolve-finding");
	for (int k = 0; k < PLAN_KIND_COUNT; k++)
		EXPECT(plan_kind_name((PlanKind)k)[0] != '\0');
	EXPECT_STR(plan_priority_name(PLAN_P1), "P1");
	EXPECT_STR(plan_priority_name(PLAN_P3), "P3");
}

int main(void)
{
	DiagList dl;
	arena_init(&run_arena);
	diag_init(&dl, &run_arena);
	if (catalog_load(&catalog, &run_arena, NULL, 0, &dl) != 0) {
		printf("FAIL: the embedded catalog loads\n");
		return 1;
	}
	driver_registry(&registry, &run_arena);

	RUN(priority_starts_from_severity);
	RUN(priority_moves_one_level_per_reason);
	RUN(priority_stays_within_p1_to_p3);
	RUN(priority_comes_first);
	RUN(critical_first_within_a_priority);
	RUN(then_severity);
	RUN(then_question_priority);
	RUN(then_earlier_stage_and_no_stage_last);
	RUN(then_place_in_the_file);
	RUN(build_ranks_the_findings);
	RUN(build_assigns_nobody_to_name_an_owner);
	RUN(kind_names_are_stable);
	arena_free(&run_arena);
	return HARNESS_RESULT();
}
