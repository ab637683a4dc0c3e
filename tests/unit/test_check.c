/* test_check.c - unit tests for the check registry, runner, severities,
 * suppression, coverage and baselines, on models built by hand (no front
 * end), so the exact boundaries can be tested without YAML in the way. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "baseline.h"
#include "check.h"
#include "driver.h"

static int failures;

#define EXPECT(name, cond)                                                  \
	do {                                                                \
		if (cond)                                                   \
			printf("PASS: %s\n", name);                         \
		else {                                                      \
			printf("FAIL: %s (%s:%d: %s)\n", name, __FILE__, __LINE__, #cond); \
			failures++;                                         \
		}                                                           \
	} while (0)

/* ---- building models ---- */

static Arena arena;
static SrcFile file = { .path = "t.yaml", .text = "" };
static CheckRegistry registry;

static const CheckInfo *check_find(const char *name)
{
	return registry_find(&registry, name);
}
static int next_line = 1;

static SrcLoc here(void)
{
	SrcLoc l = { &file, next_line++, 1, 0 };
	return l;
}

static Roadmap *roadmap(void)
{
	Roadmap *rm = arena_alloc(&arena, sizeof *rm);
	rm->src = &file;
	rm->loc = here();
	rm->stages_loc = here();
	rm->category = CATEGORY_CONSIDERED;
	rm->timeline = TIMELINE_WEEK;
	return rm;
}

static Stage *stage(Roadmap *rm, const char *id, ValueSet expects)
{
	Stage *st = arena_alloc(&arena, sizeof *st);
	st->id = st->name = id;
	st->loc = here();
	st->index = rm->nstages;
	st->expects = expects;
	ARENA_PUSH(&arena, rm->stages, rm->nstages, rm->stages_cap, st);
	return st;
}

static void window(Window *w, double start, double end)
{
	w->set = true;
	w->start = start;
	w->end = end;
	w->loc = here();
}

static void ref(RefList *l, const char *id, void *target)
{
	Ref r = { id, here(), { target } };
	ARENA_PUSH(&arena, l->items, l->n, l->cap, r);
}

static SellerAction *seller(Roadmap *rm, const char *id, Stage *supports)
{
	SellerAction *sa = arena_alloc(&arena, sizeof *sa);
	sa->id = sa->name = id;
	sa->owner = "sales";
	sa->loc = here();
	sa->channel = -1;
	if (supports)
		ref(&sa->supports, supports->id, supports);
	ARENA_PUSH(&arena, rm->seller, rm->nseller, rm->seller_cap, sa);
	return sa;
}

static Content *content(Roadmap *rm, const char *id, Status status)
{
	Content *c = arena_alloc(&arena, sizeof *c);
	c->id = c->title = id;
	c->owner = "marketing";
	c->loc = here();
	c->status = status;
	c->delivers = 1u << VALUE_INFORMATION;
	c->channels = 1u << CHANNEL_WEB;
	c->index = rm->ncontent;
	ARENA_PUSH(&arena, rm->content, rm->ncontent, rm->content_cap, c);
	return c;
}

static Question *question(Stage *st, const char *id, const char *answer, Content *c)
{
	Question *q = arena_alloc(&arena, sizeof *q);
	q->id = id;
	q->ask = id;
	q->answer = answer;
	q->loc = here();
	q->stage = st;
	if (c)
		ref(&q->content, c->id, c);
	ARENA_PUSH(&arena, st->questions, st->nquestions, st->questions_cap, q);
	return q;
}

static void ignore(IgnoreList *l, const char *check)
{
	Ignore ig = { check, "accepted", here(), false };
	ARENA_PUSH(&arena, l->items, l->n, l->cap, ig);
}

/* A `checks:` entry; max_age < 0: none. */
static void setting(Roadmap *rm, const char *check, bool has_sev, Severity sev, long max_age)
{
	CheckSetting s = { check, here(), has_sev, sev, max_age >= 0, max_age };
	ARENA_PUSH(&arena, rm->checks, rm->nchecks, rm->checks_cap, s);
}

/* Runs the checks and counts the findings of 'check' (suppressed or not). */
static size_t run(const Roadmap *rm, const CheckConfig *cfg, DiagList *dl, const char *check,
		  size_t *suppressed)
{
	diag_init(dl, &arena);
	/* The tests edit the model between runs: index it as resolve would. */
	((Roadmap *)rm)->index = model_index_build(rm, &arena);
	check_run(rm, &registry, cfg, dl);
	size_t n = 0, s = 0;
	for (size_t i = 0; i < dl->n; i++)
		if (strcmp(dl->items[i]->check, check) == 0) {
			n++;
			s += dl->items[i]->suppressed != NULL;
		}
	if (suppressed)
		*suppressed = s;
	return n;
}

static const Diag *find(const DiagList *dl, const char *check)
{
	for (size_t i = 0; i < dl->n; i++)
		if (strcmp(dl->items[i]->check, check) == 0)
			return dl->items[i];
	return NULL;
}

/* ---- the tests ---- */

static void test_registry(void)
{
	bool names_ok = true, docs_ok = true, fns_ok = true, sev_ok = true;
	for (size_t i = 0; i < check_table_len; i++) {
		const CheckInfo *ci = &check_table[i];
		names_ok &= check_find(ci->name) == ci;
		const CheckDoc *doc = check_doc_find(ci->name);
		docs_ok &= doc && doc->summary && doc->why && doc->fix && *doc->summary &&
			   *doc->why && *doc->fix;
		/* The docs state each default severity: they must say the table's. */
		char line[64];
		snprintf(line, sizeof line, ci->structural ? "%s\nSeverity: error, always" :
			 "%s\nDefault severity: %s", ci->name, severity_name(ci->default_severity));
		sev_ok &= doc && strncmp(doc->text, line, strlen(line)) == 0;
		fns_ok &= ci->structural ? ci->fn == NULL && ci->default_severity == SEV_ERROR
					 : ci->fn != NULL;
	}
	EXPECT("registry: names are unique", names_ok);
	EXPECT("registry: every row is documented in docs/checks.md", docs_ok);
	EXPECT("registry: docs/checks.md states each default severity", sev_ok);
	EXPECT("registry: semantic rows have a function, structural rows none", fns_ok);
	EXPECT("registry: 33 checks", check_table_len == 33);
	EXPECT("registry: unused-ignore runs last",
	       strcmp(check_table[check_table_len - 1].name, "unused-ignore") == 0);
	EXPECT("registry: unknown name", check_find("stage-without-seller") == NULL);

	StrBuf sb = STRBUF_INIT;
	EXPECT("explain: unknown name fails", check_explain(&registry, "nope", &sb) < 0 && sb.len == 0);
	EXPECT("explain: known name", check_explain(&registry, "content-stale", &sb) == 0 &&
	       strncmp(strbuf_cstr(&sb), "content-stale\nDefault severity: warning\n", 40) == 0);
	strbuf_reset(&sb);
	check_list(&registry, &sb);
	size_t lines = 0;
	for (const char *p = strbuf_cstr(&sb); *p; p++)
		lines += *p == '\n';
	EXPECT("list-checks: one line per check", lines == check_table_len);
	strbuf_free(&sb);
}

static void test_severity(void)
{
	Roadmap *rm = roadmap();
	const CheckInfo *cu = check_find("concern-unaddressed");
	const CheckInfo *cs = check_find("content-stale");
	EXPECT("severity: default", registry_severity(cs, rm, NULL) == SEV_WARNING);
	rm->category = CATEGORY_COMPLEX;
	EXPECT("severity: complex makes concern-unaddressed an error",
	       registry_severity(cu, rm, NULL) == SEV_ERROR);
	setting(rm, "concern-unaddressed", true, SEV_INFO, -1);
	EXPECT("severity: the file wins over complex", registry_severity(cu, rm, NULL) == SEV_INFO);
	CheckOverride ov[] = { { "concern-unaddressed", SEV_OFF }, { "concern-unaddressed", SEV_WARNING } };
	CheckConfig cfg = { ov, 2, 0, NULL, NULL };
	EXPECT("severity: -W wins, the last one", registry_severity(cu, rm, &cfg) == SEV_WARNING);
	cfg.noverrides = 1;
	EXPECT("severity: -W off", registry_severity(cu, rm, &cfg) == SEV_OFF);
	EXPECT("severity: structural is always an error",
	       registry_severity(check_find("unknown-key"), rm, &cfg) == SEV_ERROR);
	setting(rm, "content-stale", false, SEV_OFF, 30);
	EXPECT("severity: max_age alone keeps the default",
	       registry_severity(cs, rm, NULL) == SEV_WARNING && check_max_age_days(rm) == 30);
}

static void test_stale_boundary(void)
{
	Roadmap *rm = roadmap();
	Content *c = content(rm, "price-list", STATUS_PUBLISHED);
	c->has_reviewed = true;
	c->reviewed = 1000;
	c->reviewed_loc = here();
	DiagList dl;
	CheckConfig cfg = { NULL, 0, 1000 + 365, NULL, NULL };
	EXPECT("content-stale: reviewed + 365 == today is current",
	       run(rm, &cfg, &dl, "content-stale", NULL) == 0);
	cfg.today++;
	EXPECT("content-stale: one day later is stale", run(rm, &cfg, &dl, "content-stale", NULL) == 1);
	const Diag *d = find(&dl, "content-stale");
	EXPECT("content-stale: points at reviewed", d && d->loc.line == c->reviewed_loc.line);
	EXPECT("content-stale: item", d && strcmp(d->item, "content:price-list") == 0);
	EXPECT("content-stale: message names the date",
	       d && strstr(d->message, "on 1972-09-27, 366 days ago; the limit is 365 days"));
	setting(rm, "content-stale", false, SEV_OFF, 366);
	EXPECT("content-stale: max_age_days from the file",
	       run(rm, &cfg, &dl, "content-stale", NULL) == 0);
}

static void test_timing(void)
{
	Roadmap *rm = roadmap();
	Stage *st = stage(rm, "evaluate", 0);
	window(&st->when, 2, 4);
	SellerAction *sa = seller(rm, "demo", st);
	window(&sa->when, 0, 2);
	DiagList dl;
	EXPECT("timing-mismatch: touching windows overlap",
	       run(rm, NULL, &dl, "timing-mismatch", NULL) == 0);
	window(&sa->when, 4, 4);
	EXPECT("timing-mismatch: a point on the end overlaps",
	       run(rm, NULL, &dl, "timing-mismatch", NULL) == 0);
	window(&sa->when, 4.5, 6);
	EXPECT("timing-mismatch: after", run(rm, NULL, &dl, "timing-mismatch", NULL) == 1);
	const Diag *d = find(&dl, "timing-mismatch");
	EXPECT("timing-mismatch: item names the pair",
	       d && strcmp(d->item, "seller:demo>stage:evaluate") == 0);
	EXPECT("timing-mismatch: message",
	       d && strcmp(d->message, "seller action 'demo' (weeks 4.5-6) comes after stage "
			   "'evaluate' (weeks 2-4) that it supports") == 0);
	ignore(&st->ignore, "timing-mismatch");
	size_t sup;
	EXPECT("timing-mismatch: the stage's ignore suppresses it",
	       run(rm, NULL, &dl, "timing-mismatch", &sup) == 1 && sup == 1 &&
	       strcmp(find(&dl, "timing-mismatch")->suppressed, "ignore") == 0);
	EXPECT("timing-mismatch: the ignore is used", st->ignore.items[0].used);
	EXPECT("unused-ignore: not reported when used", run(rm, NULL, &dl, "unused-ignore", NULL) == 0);
	window(&sa->when, 2, 3);
	st->ignore.items[0].used = false;
	EXPECT("unused-ignore: reported when unused", run(rm, NULL, &dl, "unused-ignore", NULL) == 1);
	const Diag *u = find(&dl, "unused-ignore");
	EXPECT("unused-ignore: at the entry, info",
	       u && u->loc.line == st->ignore.items[0].loc.line && u->sev == SEV_INFO &&
	       strcmp(u->item, "stage:evaluate>ignore:timing-mismatch") == 0);
	CheckOverride off = { "timing-mismatch", SEV_OFF };
	CheckConfig cfg = { &off, 1, 0, NULL, NULL };
	st->ignore.items[0].used = false;
	EXPECT("unused-ignore: silent when its check is off",
	       run(rm, &cfg, &dl, "unused-ignore", NULL) == 0);
}

static void test_left_alone(void)
{
	Roadmap *rm = roadmap();
	Stage *st = stage(rm, "use", 1u << VALUE_LEFT_ALONE);
	st->phase = PHASE_POST_PURCHASE;
	DiagList dl;
	EXPECT("left-alone: no stage-without-seller-action",
	       run(rm, NULL, &dl, "stage-without-seller-action", NULL) == 0);
	EXPECT("left-alone: no expected-value-missing",
	       run(rm, NULL, &dl, "expected-value-missing", NULL) == 0);
	rm->index = model_index_build(rm, &arena);
	Coverage cov = model_coverage(rm);
	EXPECT("left-alone: counts as supported", cov.stages_done == 1 && cov.stages_total == 1);
	SellerAction *sa = seller(rm, "check-in", st);
	sa->channel = CHANNEL_VIDEO_CALL;
	EXPECT("left-alone: reaching out is unwanted", run(rm, NULL, &dl, "unwanted-value", NULL) == 1);
	sa->channel = CHANNEL_IN_PRODUCT;
	EXPECT("left-alone: in-product delivering nothing is fine",
	       run(rm, NULL, &dl, "unwanted-value", NULL) == 0);
	sa->delivers = 1u << VALUE_VISIT;
	EXPECT("left-alone: a visit is unwanted", run(rm, NULL, &dl, "unwanted-value", NULL) == 1);
}

static void test_coverage(void)
{
	Roadmap *rm = roadmap();
	rm->index = model_index_build(rm, &arena);
	Coverage cov = model_coverage(rm);
	EXPECT("coverage: empty roadmap", cov.questions_total == 0 && cov.stages_total == 0);
	Stage *st = stage(rm, "need", 1u << VALUE_INFORMATION);
	Content *pub = content(rm, "pub", STATUS_PUBLISHED);
	Content *draft = content(rm, "draft", STATUS_DRAFT);
	question(st, "q1", "yes", pub);
	question(st, "q2", "yes", draft);
	question(st, "q3", NULL, pub);
	Question *q4 = question(st, "q4", "yes", draft);
	ref(&q4->content, "pub", pub);
	rm->index = model_index_build(rm, &arena);
	cov = model_coverage(rm);
	EXPECT("coverage: questions need an answer and published content",
	       cov.questions_done == 2 && cov.questions_total == 4);
	EXPECT("coverage: unsupported stage", cov.stages_done == 0 && cov.stages_total == 1);
	seller(rm, "sdr", st);
	rm->index = model_index_build(rm, &arena);
	cov = model_coverage(rm);
	EXPECT("coverage: supported stage", cov.stages_done == 1);
}

static void test_words(void)
{
	DiagList dl;
	diag_init(&dl, &arena);
	CheckCtx ctx = { .dl = &dl, .sev = SEV_INFO };
	EXPECT("words: none", strcmp(check_words(&ctx, vocab_values, 0, "and"), "") == 0);
	EXPECT("words: one", strcmp(check_words(&ctx, vocab_values, 1u << VALUE_PROOF, "and"),
				    "proof") == 0);
	EXPECT("words: two", strcmp(check_words(&ctx, vocab_channels, 3, "or"), "web or email") == 0);
	EXPECT("words: three", strcmp(check_words(&ctx, vocab_values, 7, "and"),
				      "information, pricing and demonstration") == 0);
}

/* A compilation holding findings with the given items, for baselines. */
static Unit *unit_with(const char *path, const char *const *items, size_t n)
{
	Unit *c = calloc(1, sizeof *c);
	unit_init(c, path);
	for (size_t i = 0; i < n; i++) {
		Diag *d = diag_report(&c->diags, here(), SEV_WARNING, "content-stale", "stale");
		d->item = items[i];
	}
	diag_report(&c->diags, here(), SEV_ERROR, "unknown-key", "structural");
	return c;
}

static void free_unit(Unit *c)
{
	arena_free(&c->arena);
	free(c);
}

/* Applies the baseline at 'path' to 'u'; -1 when it cannot be read. */
static int apply(const char *path, Unit *u, StrBuf *err)
{
	Baseline *b = baseline_load(path, err);
	StrBuf notes = STRBUF_INIT;
	if (b)
		baseline_apply(b, &u, 1, false, &notes);
	baseline_free(b);
	strbuf_free(&notes);
	return b ? 0 : -1;
}

static void test_baseline(void)
{
	char dir[] = "/tmp/roadmapc-test-XXXXXX";
	if (!mkdtemp(dir)) {
		EXPECT("baseline: temp dir", 0);
		return;
	}
	/* Names in a baseline are relative to its directory: the roadmaps
	 * live there too. */
	char path[256], roadmap[256], dotted[256], other[256];
	snprintf(path, sizeof path, "%s/baseline.txt", dir);
	snprintf(roadmap, sizeof roadmap, "%s/r.yaml", dir);
	snprintf(dotted, sizeof dotted, "%s/./r.yaml", dir);
	snprintf(other, sizeof other, "%s/other.yaml", dir);
	StrBuf err = STRBUF_INIT;

	const char *before[] = { "content:b", "content:a" };
	Unit *u = unit_with(dotted, before, 2);
	u->checked = true;
	u->diags.items[1]->suppressed = "ignore";       /* ignored: not recorded */
	EXPECT("baseline: write", baseline_write(path, NULL, &u, 1, &err) == 1);
	free_unit(u);
	FILE *f = fopen(path, "r");
	char text[512] = "";
	size_t got = f ? fread(text, 1, sizeof text - 1, f) : 0;
	text[got] = '\0';
	if (f)
		fclose(f);
	EXPECT("baseline: format", strstr(text, "# roadmapc baseline 2\n") == text &&
	       strstr(text, "\nr.yaml\tcontent-stale\tcontent:b\n") &&
	       !strstr(text, "content:a") && !strstr(text, "unknown-key"));

	const char *after[] = { "content:b", "content:c", "content:b" };
	u = unit_with(roadmap, after, 3);
	EXPECT("baseline: apply", apply(path, u, &err) == 0);
	EXPECT("baseline: matching finding suppressed",
	       u->diags.items[0]->suppressed && strcmp(u->diags.items[0]->suppressed, "baseline") == 0);
	EXPECT("baseline: new item not suppressed", u->diags.items[1]->suppressed == NULL);
	EXPECT("baseline: a second finding of one entry is new", u->diags.items[2]->suppressed == NULL);
	EXPECT("baseline: structural errors never suppressed", u->diags.items[3]->suppressed == NULL);
	free_unit(u);

	u = unit_with(other, after, 1);
	apply(path, u, &err);
	EXPECT("baseline: another file does not match", u->diags.items[0]->suppressed == NULL);
	free_unit(u);

	f = fopen(path, "w");
	if (f) {
		fputs("# roadmapc baseline 2\nr.yaml content-stale content:b\n", f);
		fclose(f);
	}
	u = unit_with(roadmap, after, 1);
	EXPECT("baseline: malformed entry", apply(path, u, &err) < 0 &&
	       strstr(strbuf_cstr(&err), "baseline.txt:2: not a baseline entry") &&
	       u->diags.items[0]->suppressed == NULL);
	free_unit(u);
	strbuf_reset(&err);
	unlink(path);
	u = unit_with(roadmap, after, 1);
	EXPECT("baseline: missing file", apply(path, u, &err) < 0 &&
	       strstr(strbuf_cstr(&err), "cannot read baseline"));
	free_unit(u);
	rmdir(dir);
	strbuf_free(&err);
}

int main(void)
{
	arena_init(&arena);
	registry_init(&registry, &arena);
	check_register_builtins(&registry);
	test_registry();
	test_severity();
	test_stale_boundary();
	test_timing();
	test_left_alone();
	test_coverage();
	test_words();
	test_baseline();
	arena_free(&arena);
	return failures ? 1 : 0;
}
