/* test_extends.c - stage templates and the merge (extends.c).
 *
 * What the case files cannot see: the merged model itself (stage order,
 * what each side contributed, phases, where each item says it was written),
 * and the invariants every template shipped in stdlib/ must keep: it loads
 * without a mistake, describes itself, and gives every stage a window,
 * expectations, channels and a bank of questions with ids of their own. */
#include "harness.h"

#include "driver.h"
#include "extends.h"
#include "stdlib_files.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[64];

static void write_file(const char *name, const char *text)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (!f)
		return;
	fputs(text, f);
	fclose(f);
}

static void remove_file(const char *name)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	remove(path);
}

typedef struct Run {
	Arena a;
	Catalog cat;
	CheckRegistry reg;
	RunOptions opt;
	const char *dirs[1];
	Unit u;
} Run;

/* Compiles 'text' as roadmap.yaml with the test directory on the path. */
static const Roadmap *compile(Run *r, const char *text)
{
	memset(&r->opt, 0, sizeof r->opt);
	arena_init(&r->a);
	r->dirs[0] = dir;
	r->opt.include_dirs = r->dirs;
	r->opt.ninclude_dirs = 1;
	r->opt.limits = limits_default();
	DiagList dl;
	diag_init(&dl, &r->a);
	catalog_load(&r->cat, &r->a, NULL, 0, &dl);
	driver_registry(&r->reg, &r->a);
	driver_compile(&r->u, "roadmap.yaml", text, strlen(text), &r->cat, &r->reg, &r->opt);
	for (size_t i = 0; i < r->u.diags.n; i++)
		if (r->u.diags.items[i]->sev == SEV_ERROR && !r->u.checked)
			printf("    %d:%d: %s\n", r->u.diags.items[i]->loc.line,
			       r->u.diags.items[i]->loc.col, r->u.diags.items[i]->message);
	return r->u.roadmap;
}

static void finish(Run *r)
{
	unit_free(&r->u);
	arena_free(&r->a);
}

static const Stage *stage(const Roadmap *rm, size_t i)
{
	return rm && i < rm->nstages ? rm->stages[i] : NULL;
}

static const char *const base_yaml =
	"template: 1\n"
	"category: complex\n"
	"stages:\n"
	"  - id: need\n"
	"    name: Recognise the need\n"
	"    when: 0-2\n"
	"    expects: [information]\n"
	"    prefers: [web]\n"
	"    actions: [Searches the web]\n"
	"    concerns:\n"
	"      - id: risk\n"
	"        text: Is the change risky?\n"
	"    questions:\n"
	"      - id: cost\n"
	"        ask: What does waiting cost us?\n"
	"        priority: high\n"
	"        content: [bench]\n"
	"      - id: why-now\n"
	"        ask: Why now?\n"
	"  - id: buy\n"
	"    phase: purchase\n"
	"    when: 2-3\n"
	"  - id: use\n"
	"    when: 3-8\n";

TEST(stages_merge_by_id_and_new_ones_go_where_after_says)
{
	Run r;
	const Roadmap *rm = compile(&r,
		"roadmap: 1\nproduct: P\nsegment: S\nextends: base\n"
		"stages:\n"
		"  - id: late\n"               /* no after: at the end */
		"  - id: need\n"
		"    name: Notice the slow close\n"
		"    when: [0, 1]\n"
		"    expects: proof\n"
		"    actions: [Asks a peer]\n"
		"    concerns:\n"
		"      - id: risk\n"
		"        content: [case]\n"
		"      - Will it last?\n"
		"    questions:\n"
		"      - id: cost\n"
		"        answer: The benchmark\n"
		"        content: [case]\n"
		"      - id: why-now\n"
		"        omit: they come with a deadline\n"
		"      - ask: Who else uses it?\n"
		"  - id: pilot\n"
		"    after: need\n"
		"  - id: trial\n"
		"    after: need\n"               /* after the pilot: file order */
		"  - id: pilot-review\n"
		"    after: pilot\n"              /* under the pilot, before the trial */
		"  - id: use\n"
		"    omit: not ours\n"
		"  - id: after-use\n"
		"    after: use\n"                /* takes the omitted stage's place */
		"content:\n  - id: bench\n    type: report\n  - id: case\n    type: case-study\n");
	EXPECT(rm != NULL && r.u.checked);
	static const char *const order[] = { "need", "pilot", "pilot-review", "trial", "buy",
					     "after-use", "late" };
	EXPECT(rm && rm->nstages == 7);
	for (size_t i = 0; rm && i < 7 && i < rm->nstages; i++)
		EXPECT_STR(stage(rm, i)->id, order[i]);
	const Stage *need = stage(rm, 0);
	if (need) {
		EXPECT_STR(need->name, "Notice the slow close");
		EXPECT(need->when.set && need->when.start == 0 && need->when.end == 1);
		EXPECT(need->expects == ((1u << VALUE_INFORMATION) | (1u << VALUE_PROOF)));
		EXPECT(need->prefers == (1u << CHANNEL_WEB));
		EXPECT(need->nactions == 2);
		EXPECT(need->nconcerns == 2 && need->concerns[0]->content.n == 1);
		EXPECT_STR(need->concerns[0]->text, "Is the change risky?");
		/* The merged stage is the roadmap's; what it inherited is the template's. */
		EXPECT(need->loc.src == &r.u.src && need->loc.line == 7);
		EXPECT(need->concerns[0]->loc.src == &r.u.src);
		EXPECT(need->nquestions == 2);
		if (need->nquestions == 2) {
			const Question *q = need->questions[0];
			EXPECT_STR(q->id, "cost");
			EXPECT_STR(q->ask, "What does waiting cost us?");
			EXPECT_STR(q->answer, "The benchmark");
			EXPECT(q->priority == PRIORITY_HIGH);
			EXPECT(q->content.n == 2);
			EXPECT(q->content.n == 2 && q->content.items[0].loc.src != &r.u.src);
			EXPECT_STR(need->questions[1]->ask, "Who else uses it?");
		}
	}
	/* Scalars the roadmap does not set come from the template. */
	EXPECT(rm && rm->category == CATEGORY_COMPLEX);
	/* Phases are inferred after the merge: the buy stage is the purchase. */
	EXPECT(stage(rm, 4) && stage(rm, 4)->phase == PHASE_PURCHASE);
	EXPECT(stage(rm, 5) && stage(rm, 5)->phase == PHASE_POST_PURCHASE);
	EXPECT(stage(rm, 4) && stage(rm, 4)->loc.src != &r.u.src);
	finish(&r);
}

TEST(templates_extend_templates)
{
	write_file("child.yaml", "template: 1\nextends: base\ncategory: considered\n"
				 "stages:\n  - id: need\n    name: Child's need\n"
				 "  - id: pilot\n    after: need\n");
	Run r;
	const Roadmap *rm = compile(&r, "roadmap: 1\nproduct: P\nsegment: S\nextends: child\n"
					"content:\n  - id: bench\n    type: report\n");
	EXPECT(rm && r.u.checked && rm->nstages == 4);
	EXPECT(rm && rm->category == CATEGORY_CONSIDERED);
	EXPECT(stage(rm, 0) && strcmp(stage(rm, 0)->name, "Child's need") == 0);
	EXPECT(stage(rm, 1) && strcmp(stage(rm, 1)->id, "pilot") == 0);
	EXPECT(stage(rm, 0) && stage(rm, 0)->nquestions == 2);
	finish(&r);
	remove_file("child.yaml");
}

TEST(a_roadmap_of_its_own_stages_only_takes_the_templates_too)
{
	Run r;
	const Roadmap *rm = compile(&r, "roadmap: 1\nproduct: P\nsegment: S\nextends: base\n"
					"category: impulse\n"
					"content:\n  - id: bench\n    type: report\n");
	EXPECT(rm && r.u.checked && rm->nstages == 3);
	EXPECT(rm && rm->category == CATEGORY_IMPULSE);
	/* With no `stages:` of its own, the key is the template's. */
	EXPECT(rm && rm->stages_loc.src != &r.u.src);
	finish(&r);
}

/* Every template of stdlib/ loads, describes itself, and gives each stage
 * what a marketer starts from. */
TEST(builtin_templates_are_complete)
{
	Arena a;
	arena_init(&a);
	Limits lim = limits_default();
	ExtendsPath path = { NULL, 0, &lim, NULL };
	Template *list;
	size_t n = extends_list(&path, &a, &list);
	EXPECT(n >= 6);
	static const char *const promised[] = { "simple", "awareness-consideration-decision",
						"b2b-complex", "self-serve-saas",
						"considered-consumer", "public-procurement", NULL };
	for (size_t p = 0; promised[p]; p++) {
		bool found = false;
		for (size_t i = 0; i < n; i++)
			found |= strcmp(list[i].name, promised[p]) == 0;
		if (!found)
			printf("    missing template %s\n", promised[p]);
		EXPECT(found);
	}
	for (size_t i = 0; i < n; i++) {
		const Template *t = &list[i];
		EXPECT(t->builtin);
		EXPECT(*t->summary && *t->description);
		EXPECT(strlen(t->summary) <= 100);      /* one line of list-templates */
		char text[256];
		snprintf(text, sizeof text, "roadmap: 1\nproduct: P\nsegment: S\nextends: %s\n",
			 t->name);
		Run r;
		const Roadmap *rm = compile(&r, text);
		if (!rm || !r.u.checked)
			printf("    template %s does not load\n", t->name);
		EXPECT(rm && r.u.checked);
		size_t purchase = 0, post = 0;
		for (size_t s = 0; rm && s < rm->nstages; s++) {
			const Stage *st = rm->stages[s];
			bool ok = st->name != st->id && st->when.set && st->expects && st->prefers &&
				  st->nquestions >= 3 && st->nconcerns >= 1 && st->nactions >= 2;
			if (!ok)
				printf("    %s: stage %s lacks a name, window, expectation, channel, "
				       "concern, action or questions\n", t->name, st->id);
			EXPECT(ok);
			for (size_t q = 0; q < st->nquestions; q++) {
				/* Explicit ids: roadmaps answer and omit them by id. */
				EXPECT(strchr(st->questions[q]->id, '.') == NULL);
				EXPECT(st->questions[q]->answer == NULL);
			}
			for (size_t c = 0; c < st->nconcerns; c++)
				EXPECT(strchr(st->concerns[c]->id, '.') == NULL);
			purchase += st->phase == PHASE_PURCHASE;
			post += st->phase == PHASE_POST_PURCHASE;
		}
		EXPECT(purchase == 1);
		/* Only the inbound journey stops at the decision (it says so). */
		EXPECT(post > 0 || strcmp(t->name, "awareness-consideration-decision") == 0);
		finish(&r);
	}
	arena_free(&a);
}

TEST(template_names_of_paths)
{
	Arena a;
	arena_init(&a);
	EXPECT_STR(extends_name_of(&a, "<builtin>/b2b-complex.yaml"), "b2b-complex");
	EXPECT_STR(extends_name_of(&a, "team/house.yaml"), "house");
	EXPECT_STR(extends_name_of(&a, "plain"), "plain");
	arena_free(&a);
}

int main(void)
{
	snprintf(dir, sizeof dir, "/tmp/roadmapc-extends-XXXXXX");
	if (!mkdtemp(dir))
		return 1;
	write_file("base.yaml", base_yaml);
	RUN(stages_merge_by_id_and_new_ones_go_where_after_says);
	RUN(templates_extend_templates);
	RUN(a_roadmap_of_its_own_stages_only_takes_the_templates_too);
	RUN(builtin_templates_are_complete);
	RUN(template_names_of_paths);
	remove_file("base.yaml");
	rmdir(dir);
	return HARNESS_RESULT();
}
