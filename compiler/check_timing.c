/* check_timing.c - the buying and the selling process on one timeline.
 *
 * Gooze's picture: the buyer's steps on the lower line, the seller's on the
 * upper line, both against the roadmap's `timeline` unit. These checks find
 * seller actions out of sync with the stage they serve, a selling process
 * that starts late or ends early, and a roadmap that stops at the sale.
 * Windows are closed intervals: 0-2 and 2-4 overlap. Run by check_runner.c. */
#include "check.h"

/* "week 3" or "weeks 2-4", in the roadmap's unit. */
static const char *window_text(CheckCtx *ctx, const Window *w)
{
	return model_window_text(ctx->dl->arena, ctx->rm->timeline, w);
}

/* "week 3" for a single point. */
static const char *point_text(CheckCtx *ctx, double x)
{
	return model_point_text(ctx->dl->arena, ctx->rm->timeline, x);
}

void check_timing_mismatch(CheckCtx *ctx)
{
	const Roadmap *rm = ctx->rm;
	for (size_t i = 0; i < rm->nseller; i++) {
		SellerAction *sa = rm->seller[i];
		if (!sa->when.set)
			continue;
		for (size_t j = 0; j < sa->supports.n; j++) {
			Stage *st = sa->supports.items[j].target.stage;
			if (!st || !st->when.set)
				continue;
			bool late = sa->when.start > st->when.end;
			bool early = sa->when.end < st->when.start;
			if (!late && !early)
				continue;
			const char *win = window_text(ctx, &st->when);
			Diag *d = check_report(ctx, sa->loc, subject_seller(sa), subject_stage(st),
					       "seller action '%s' (%s) comes %s stage '%s' (%s) "
						    "that it supports", sa->name, window_text(ctx, &sa->when),
						    late ? "after" : "before", st->name, win);
			diag_help(ctx->dl, d,
				  "move it into %s (touching windows overlap), or make it support "
				  "the stage it really serves", win);
		}
	}
}

/* Compares the span of the stages with the span of the seller actions that
 * serve at least one stage. The finding points at the stage that starts the
 * buying process (the first, in source order, with the earliest start) or
 * ends it (the last with the latest end), and that stage's `ignore:`
 * suppresses it. */
void check_process_misaligned(CheckCtx *ctx)
{
	const Roadmap *rm = ctx->rm;
	Stage *first = NULL, *last = NULL;
	for (size_t i = 0; i < rm->nstages; i++) {
		Stage *st = rm->stages[i];
		if (!st->when.set)
			continue;
		if (!first || st->when.start < first->when.start)
			first = st;
		if (!last || st->when.end >= last->when.end)
			last = st;
	}
	bool any = false;
	double start = 0, end = 0;
	for (size_t i = 0; i < rm->nseller; i++) {
		const SellerAction *sa = rm->seller[i];
		if (!sa->when.set || sa->supports.n == 0)
			continue;
		if (!any || sa->when.start < start)
			start = sa->when.start;
		if (!any || sa->when.end > end)
			end = sa->when.end;
		any = true;
	}
	if (!first || !any)
		return;
	if (start > first->when.start) {
		Diag *d = check_report(ctx, first->loc,
				       (Subject){ SUBJECT_PROCESS_START, first }, subject_none(),
				       "the selling process starts at %s, after the buying process "
				       "starts at %s with stage '%s'", point_text(ctx, start),
				       point_text(ctx, first->when.start), first->name);
		diag_help(ctx->dl, d,
			  "add a seller action from %s supporting '%s', so someone is there "
			  "when buyers start", point_text(ctx, first->when.start), first->id);
	}
	if (end < last->when.end) {
		Diag *d = check_report(ctx, last->loc,
				       (Subject){ SUBJECT_PROCESS_END, last }, subject_none(),
				       "the selling process ends at %s, before the buying process "
				       "ends at %s with stage '%s'", point_text(ctx, end),
				       point_text(ctx, last->when.end), last->name);
		diag_help(ctx->dl, d,
			  "add a seller action until %s supporting '%s': buyers abandon near "
			  "the end as often as at the start", point_text(ctx, last->when.end),
			  last->id);
	}
}

void check_roadmap_ends_at_sale(CheckCtx *ctx)
{
	const Roadmap *rm = ctx->rm;
	for (size_t i = 0; i < rm->nstages; i++)
		if (rm->stages[i]->phase == PHASE_POST_PURCHASE)
			return;
	/* Stages that all come from `extends:` have no `stages` key to point at. */
	SrcLoc loc = rm->stages_loc.src ? rm->stages_loc : rm->loc;
	Diag *d = check_report(ctx, loc, subject_roadmap(rm), subject_none(),
			       "the roadmap stops at the sale: no stage is post-purchase");
	diag_help(ctx->dl, d,
		  "%s", check_syntax(ctx,
				     "add the stages after the purchase (onboarding, use, support, renewal); the "
				     "stages after one with 'phase: purchase' are post-purchase unless they say "
				     "otherwise",
				     "add the stages after the purchase (onboarding, use, support, renewal); the "
				     "stages after one with phase = \"purchase\" are post-purchase unless they "
				     "say otherwise"));
}
