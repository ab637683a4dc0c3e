/* check_runner.c - runs the checks: severities, suppression and unused ignores.
 *
 * Checks layer, after schema and resolve: check_run() walks the unit's
 * registry (registry.h) and runs each enabled check (check_*.c, and Lua
 * rules) on one resolved roadmap, in registry order. Every finding goes through
 * check_report(), which gives it the check's effective severity and applies
 * the items' `ignore:` entries; unused-ignore runs last and reports the
 * entries nothing used. */
#include "check.h"
#include "extends.h"

#include <stdarg.h>
#include <string.h>

/* ---- settings ---- */

long check_max_age_days(const Roadmap *rm)
{
	for (size_t i = 0; i < rm->nchecks; i++)
		if (rm->checks[i].has_max_age && strcmp(rm->checks[i].check, "content-stale") == 0)
			return rm->checks[i].max_age_days;
	return 365;
}

/* ---- reporting with suppression ---- */

/* Marks every entry of 'ignore' that names 'check' as used; true if any did. */
static bool ignore_match(IgnoreList *ignore, const char *check)
{
	bool hit = false;
	if (!ignore)
		return false;
	for (size_t i = 0; i < ignore->n; i++) {
		if (strcmp(ignore->items[i].check, check) == 0) {
			ignore->items[i].used = true;
			hit = true;
		}
	}
	return hit;
}

/* A finding about an item a stage template wrote points into the roadmap
 * all the same, so that every report, SARIF upload and baseline names the
 * file the user owns and can change: at the roadmap's stage that merged
 * into the template's, else at `extends:`; a note shows the template's
 * line (docs/language.md, "Findings about inherited stages"). */
static void point_home(CheckCtx *ctx, Diag *d, Subject subject)
{
	const Roadmap *rm = ctx->rm;
	if (!d->loc.src || d->loc.src == rm->src || !rm->extends)
		return;
	SrcLoc there = d->loc;
	const Stage *st = subject_stage_of(subject);
	d->loc = st && st->loc.src == rm->src ? st->loc : rm->extends_loc;
	diag_note(ctx->dl, d, there, "written by stage template '%s'",
		  extends_name_of(ctx->dl->arena, there.src->path));
}

Diag *check_report(CheckCtx *ctx, SrcLoc loc, Subject subject, Subject object,
		   const char *fmt, ...)
{
	ASSERT(ctx->sev != SEV_OFF);
	va_list ap;
	va_start(ap, fmt);
	Diag *d = diag_vreport(ctx->dl, loc, ctx->sev, ctx->info->name, fmt, ap);
	va_end(ap);
	point_home(ctx, d, subject);
	d->subject = subject;
	d->object = object;
	d->item = model_item_name(ctx->dl->arena, subject, object);
	/* Both lists are always consulted, so that each matching entry counts as
	 * used and none is reported as unused-ignore. */
	bool a = ignore_match(subject_ignore_list(subject), ctx->info->name);
	bool b = ignore_match(subject_ignore_list(object), ctx->info->name);
	if (a || b)
		d->suppressed = "ignore";
	return d;
}

bool check_ignores(CheckCtx *ctx, Subject s)
{
	return ignore_match(subject_ignore_list(s), ctx->info->name);
}

const char *check_text(CheckCtx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = arena_vprintf(ctx->dl->arena, fmt, ap);
	va_end(ap);
	return s;
}

const char *check_words(CheckCtx *ctx, const char *const *vocab, unsigned set, const char *conj)
{
	return model_words(ctx->dl->arena, vocab, set, conj);
}

const char *check_quoted_list(CheckCtx *ctx, const char *const *names, size_t n, size_t max)
{
	StrBuf sb = STRBUF_INIT;
	size_t shown = n > max ? max : n;
	for (size_t i = 0; i < shown; i++)
		strbuf_printf(&sb, "%s'%s'", i == 0 ? "" : i + 1 == n ? " and " : ", ", names[i]);
	if (n > shown)
		strbuf_printf(&sb, " and %zu more", n - shown);
	const char *s = arena_strdup(ctx->dl->arena, strbuf_cstr(&sb));
	strbuf_free(&sb);
	return s;
}

/* ---- unused ignores ---- */

/* Reports the unused entries of the `ignore:` of item 'owner'. Entries for
 * checks that did not run (turned off) are left alone: nobody knows whether
 * they would have suppressed something. Entries naming something outside
 * the registry (a Lua rule) belong to the rule runner. An item may ignore
 * unused-ignore itself, which then suppresses the item's other unused
 * entries; its own entry, when it suppressed nothing, is reported without
 * consulting the list (it would suppress itself). */
static void report_unused(CheckCtx *ctx, Subject owner, const char *noun, const char *name)
{
	IgnoreList *ignore = subject_ignore_list(owner);
	if (ignore->n == 0)
		return;         /* nearly every item: no label to make */
	const char *label = check_text(ctx, "%s '%s'", noun, name);
	for (int own = 0; own < 2; own++) {
		for (size_t i = 0; i < ignore->n; i++) {
			Ignore *ig = &ignore->items[i];
			const CheckInfo *ci = registry_find(ctx->reg, ig->check);
			if (ig->used || !ci || (ci == ctx->info) != own)
				continue;
			if (!own && (ci->fn == NULL || registry_severity(ci, ctx->rm, ctx->cfg) == SEV_OFF))
				continue;
			Diag *d;
			if (own) {
				d = diag_report(ctx->dl, ig->loc, ctx->sev, ctx->info->name,
						"%s ignores %s, but it has no such finding to suppress",
						label, ig->check);
				point_home(ctx, d, owner);
				d->subject = owner;
				d->object = subject_ignore(ig);
				d->item = model_item_name(ctx->dl->arena, owner, d->object);
			} else {
				d = check_report(ctx, ig->loc, owner, subject_ignore(ig),
						 "%s ignores %s, but it has no such finding to suppress",
						 label, ig->check);
			}
			diag_help(ctx->dl, d, "remove this entry: the gap it accepted is closed");
		}
	}
}

void check_unused_ignore(CheckCtx *ctx)
{
	const Roadmap *rm = ctx->rm;
	for (size_t i = 0; i < rm->nstages; i++) {
		Stage *st = rm->stages[i];
		report_unused(ctx, subject_stage(st), "stage", st->name);
		for (size_t j = 0; j < st->nconcerns; j++) {
			Concern *co = st->concerns[j];
			report_unused(ctx, subject_concern(co), "concern", co->text);
		}
		for (size_t j = 0; j < st->nquestions; j++) {
			Question *q = st->questions[j];
			report_unused(ctx, subject_question(q), "question", q->ask);
		}
	}
	for (size_t i = 0; i < rm->nseller; i++) {
		SellerAction *sa = rm->seller[i];
		report_unused(ctx, subject_seller(sa), "seller action", sa->name);
	}
	for (size_t i = 0; i < rm->ncontent; i++) {
		Content *c = rm->content[i];
		report_unused(ctx, subject_content(c), "content", c->title ? c->title : c->id);
	}
}

/* ---- the runner ---- */

/* Runs one check at its effective severity, unless it is off. */
static void run_one(CheckCtx *ctx, const CheckInfo *ci)
{
	if (ci->structural || !ci->fn)
		return;
	ctx->info = ci;
	ctx->sev = registry_severity(ci, ctx->rm, ctx->cfg);
	if (ctx->sev != SEV_OFF)
		ci->fn(ctx);
}

void check_run(const Roadmap *rm, const CheckRegistry *reg, const CheckConfig *cfg,
	       DiagList *dl)
{
	ASSERT(rm->index != NULL);      /* resolve.c built it */
	CheckCtx ctx = { rm, rm->index, cfg, dl, reg, NULL, SEV_OFF };
	/* unused-ignore runs last, after every check (rules included) has
	 * had the chance to use an entry. */
	const CheckInfo *last = NULL;
	for (size_t i = 0; i < reg->n; i++) {
		if (reg->items[i]->fn == check_unused_ignore)
			last = reg->items[i];
		else
			run_one(&ctx, reg->items[i]);
	}
	if (last)
		run_one(&ctx, last);
}
