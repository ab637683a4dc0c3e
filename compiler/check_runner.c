/* check_runner.c - runs the checks: severities, suppression and unused ignores.
 *
 * Third phase of `check`, after schema and resolve: check_run() walks the
 * registry (check.c) and runs each enabled semantic check (check_*.c) on one
 * resolved roadmap, in registry order. Every finding goes through
 * check_report(), which gives it the check's effective severity and applies
 * the items' `ignore:` entries; unused-ignore runs last and reports the
 * entries nothing used. */
#include "check.h"

#include <stdarg.h>
#include <string.h>

/* ---- severity ---- */

Severity check_severity(const CheckInfo *check, const Roadmap *rm, const CheckConfig *cfg)
{
	if (check->structural)
		return SEV_ERROR;
	if (cfg) {
		/* The command line wins, and among its -W options the last one. */
		for (size_t i = cfg->noverrides; i-- > 0;)
			if (strcmp(cfg->overrides[i].check, check->name) == 0)
				return cfg->overrides[i].severity;
	}
	for (size_t i = 0; i < rm->nchecks; i++)
		if (rm->checks[i].has_severity && strcmp(rm->checks[i].check, check->name) == 0)
			return rm->checks[i].severity;
	if (rm->category == CATEGORY_COMPLEX && strcmp(check->name, "concern-unaddressed") == 0)
		return SEV_ERROR;
	return check->default_severity;
}

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

static Diag *report_v(CheckCtx *ctx, SrcLoc loc, const char *item, IgnoreList *first,
		      IgnoreList *second, const char *fmt, va_list ap)
{
	ASSERT(ctx->sev != SEV_OFF);
	Diag *d = diag_vreport(ctx->dl, loc, ctx->sev, ctx->info->name, fmt, ap);
	d->item = arena_strdup(ctx->dl->arena, item);
	/* Both lists are always consulted, so that each matching entry counts as
	 * used and none is reported as unused-ignore. */
	bool a = ignore_match(first, ctx->info->name);
	bool b = ignore_match(second, ctx->info->name);
	if (a || b)
		d->suppressed = "ignore";
	return d;
}

Diag *check_report(CheckCtx *ctx, SrcLoc loc, const char *item, IgnoreList *ignore,
		   const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	Diag *d = report_v(ctx, loc, item, ignore, NULL, fmt, ap);
	va_end(ap);
	return d;
}

Diag *check_report_pair(CheckCtx *ctx, SrcLoc loc, const char *item, IgnoreList *first,
			IgnoreList *second, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	Diag *d = report_v(ctx, loc, item, first, second, fmt, ap);
	va_end(ap);
	return d;
}

const char *check_item(CheckCtx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = arena_vprintf(ctx->dl->arena, fmt, ap);
	va_end(ap);
	return s;
}

const char *check_words(CheckCtx *ctx, const char *const *vocab, unsigned set, const char *conj)
{
	size_t total = 0, seen = 0;
	for (int i = 0; vocab[i]; i++)
		total += (set >> i) & 1u;
	StrBuf sb = STRBUF_INIT;
	for (int i = 0; vocab[i]; i++) {
		if (!((set >> i) & 1u))
			continue;
		if (seen > 0)
			strbuf_puts(&sb, seen + 1 == total ? " " : ", ");
		if (seen > 0 && seen + 1 == total)
			strbuf_printf(&sb, "%s ", conj);
		strbuf_puts(&sb, vocab[i]);
		seen++;
	}
	const char *s = arena_strdup(ctx->dl->arena, strbuf_cstr(&sb));
	strbuf_free(&sb);
	return s;
}

/* ---- unused ignores ---- */

/* Reports the unused entries of one item's `ignore:`. Entries for checks that
 * did not run (turned off) are left alone: nobody knows whether they would
 * have suppressed something. Entries naming something outside the registry
 * (a Lua rule) belong to the rule runner. An item may ignore unused-ignore
 * itself, which then suppresses the item's other unused entries. */
static void report_unused(CheckCtx *ctx, IgnoreList *ignore, const char *kind, const char *id,
			  const char *label)
{
	for (size_t i = 0; i < ignore->n; i++) {
		Ignore *ig = &ignore->items[i];
		const CheckInfo *ci = check_find(ig->check);
		if (ig->used || !ci || ci == ctx->info)
			continue;
		if (ci->fn == NULL || check_severity(ci, ctx->rm, ctx->cfg) == SEV_OFF)
			continue;
		Diag *d = check_report(ctx, ig->loc,
				       check_item(ctx, "%s:%s>ignore:%s", kind, id, ig->check),
				       ignore, "%s ignores %s, but it has no such finding to suppress",
				       label, ig->check);
		diag_help(ctx->dl, d, "remove this entry: the gap it accepted is closed");
	}
	/* The item's own unused-ignore entry, when it suppressed nothing. */
	for (size_t i = 0; i < ignore->n; i++) {
		Ignore *ig = &ignore->items[i];
		if (ig->used || strcmp(ig->check, ctx->info->name) != 0)
			continue;
		Diag *d = diag_report(ctx->dl, ig->loc, ctx->sev, ctx->info->name,
				      "%s ignores %s, but it has no such finding to suppress",
				      label, ig->check);
		d->item = check_item(ctx, "%s:%s>ignore:%s", kind, id, ig->check);
		diag_help(ctx->dl, d, "remove this entry: the gap it accepted is closed");
	}
}

void check_unused_ignore(CheckCtx *ctx)
{
	const Roadmap *rm = ctx->rm;
	for (size_t i = 0; i < rm->nstages; i++) {
		Stage *st = rm->stages[i];
		report_unused(ctx, &st->ignore, "stage", st->id,
			      check_item(ctx, "stage '%s'", st->name));
		for (size_t j = 0; j < st->nconcerns; j++) {
			Concern *co = st->concerns[j];
			report_unused(ctx, &co->ignore, "concern", co->id,
				      check_item(ctx, "concern '%s'", co->text));
		}
		for (size_t j = 0; j < st->nquestions; j++) {
			Question *q = st->questions[j];
			report_unused(ctx, &q->ignore, "question", q->id,
				      check_item(ctx, "question '%s'", q->ask));
		}
	}
	for (size_t i = 0; i < rm->nseller; i++) {
		SellerAction *sa = rm->seller[i];
		report_unused(ctx, &sa->ignore, "seller", sa->id,
			      check_item(ctx, "seller action '%s'", sa->name));
	}
	for (size_t i = 0; i < rm->ncontent; i++) {
		Content *c = rm->content[i];
		report_unused(ctx, &c->ignore, "content", c->id,
			      check_item(ctx, "content '%s'", c->title ? c->title : c->id));
	}
}

/* ---- the runner ---- */

void check_run(const Roadmap *rm, const CheckConfig *cfg, DiagList *dl)
{
	CheckCtx ctx = { rm, cfg, dl, check_index_build(rm, dl->arena), NULL, SEV_OFF };
	for (size_t i = 0; i < check_table_len; i++) {
		const CheckInfo *ci = &check_table[i];
		if (ci->structural || !ci->fn)
			continue;
		ctx.info = ci;
		ctx.sev = check_severity(ci, rm, cfg);
		if (ctx.sev != SEV_OFF)
			ci->fn(&ctx);
	}
}
