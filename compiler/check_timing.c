/* check_timing.c - the buying and the selling process on one timeline.
 *
 * Gooze's picture: the buyer's steps on the lower line, the seller's on the
 * upper line, both against the roadmap's `timeline` unit. These checks find
 * seller actions out of sync with the stage they serve, a selling process
 * that starts late or ends early, and a roadmap that stops at the sale.
 * Windows are closed intervals: 0-2 and 2-4 overlap. Run by check_runner.c. */
#include "check.h"

#include <stdlib.h>

/* For "give each stage a 'when:' in weeks". */
static const char *const unit_plural[] = { "days", "weeks", "months" };

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

/* ---- phase-out-of-order ---- */

/* The phases must follow one another: in the list (a stage whose phase
 * comes before that of a stage listed above it is out of place; with
 * inferred phases this is usually a stage after a post-purchase one that
 * does not say it is post-purchase too), and on the timeline (a
 * post-purchase stage cannot start before the buyer has finished deciding:
 * the pre-purchase stage that ends last). Each finding names both stages,
 * and either one's `ignore:` suppresses it. */
void check_phase_out_of_order(CheckCtx *ctx)
{
	const Roadmap *rm = ctx->rm;
	const Stage *latest = NULL;     /* the first stage of the latest phase so far */
	const Stage *decided = NULL;    /* the pre-purchase stage with `when` that ends last */
	for (size_t i = 0; i < rm->nstages; i++) {
		Stage *st = rm->stages[i];
		if (latest && st->phase < latest->phase) {
			Diag *d = check_report(ctx, st->loc, subject_stage(st), subject_stage(latest),
					       "%s stage '%s' is listed after %s stage '%s'",
					       vocab_phases[st->phase], st->name, vocab_phases[latest->phase],
					       latest->name);
			if (st->phase_explicit)
				diag_help(ctx->dl, d, "%s",
					  check_syntax(ctx,
						       "list the stages in the order buyers go through them, or "
						       "correct the 'phase:' of one of them",
						       "list the stages in the order buyers go through them, or "
						       "correct the phase = \"...\" of one of them"));
			else
				diag_help(ctx->dl, d,
					  check_syntax(ctx,
						       "'%s' says no 'phase:', so it counts as %s; if it comes "
						       "after the purchase, say 'phase: post-purchase', else move "
						       "it above '%s'",
						       "'%s' says no phase, so it counts as %s; if it comes after "
						       "the purchase, say phase = \"post-purchase\", else move it "
						       "above '%s'"),
					  st->id, vocab_phases[st->phase], latest->id);
		}
		if (!latest || st->phase > latest->phase)
			latest = st;
		if (st->phase == PHASE_PRE_PURCHASE && st->when.set &&
		    (!decided || st->when.end > decided->when.end))
			decided = st;
	}
	for (size_t i = 0; decided && i < rm->nstages; i++) {
		Stage *st = rm->stages[i];
		if (st->phase != PHASE_POST_PURCHASE || !st->when.set ||
		    st->when.start >= decided->when.end)
			continue;
		Diag *d = check_report(ctx, st->loc, subject_stage(st), subject_stage(decided),
				       "post-purchase stage '%s' (%s) starts before pre-purchase stage "
				       "'%s' (%s) ends", st->name, window_text(ctx, &st->when),
				       decided->name, window_text(ctx, &decided->when));
		diag_help(ctx->dl, d,
			  "buyers start on what they bought once they have decided: correct the "
			  "'when' of one of the two, or the 'phase' of a stage that really comes "
			  "before the purchase (a pilot is pre-purchase)");
	}
}

/* ---- stages-skipped ---- */

#define SKIPPED_NAMED 6         /* stages named in the message before "and N more" */

static bool has_when(const Stage *st) { return st->when.set; }
static bool has_expects(const Stage *st) { return st->expects != 0; }

/* One finding when some stages have 'key' and others do not: the checks
 * that compare by it ('checks', named in the message) silently skip the
 * others. Stages whose `ignore:` names the check are accepted and left out
 * of the list; when every one is, the finding is suppressed. Points at the
 * first stage it names (or, suppressed, at the first accepted one). */
static void skipped_by(CheckCtx *ctx, const char *key, bool (*has)(const Stage *),
		       const char *checks, const char *help)
{
	const Roadmap *rm = ctx->rm;
	size_t with = 0;
	for (size_t i = 0; i < rm->nstages; i++)
		with += has(rm->stages[i]);
	if (with == 0 || with == rm->nstages)
		return;
	const char **names = xcalloc(rm->nstages, sizeof *names);
	size_t n = 0, accepted = 0;
	SrcLoc loc = rm->stages_loc;
	for (size_t i = 0; i < rm->nstages; i++) {
		const Stage *st = rm->stages[i];
		if (has(st))
			continue;
		if (check_ignores(ctx, subject_stage(st))) {
			if (accepted++ == 0 && n == 0)
				loc = st->loc;
			continue;
		}
		if (n == 0)
			loc = st->loc;
		names[n++] = st->name;
	}
	Diag *d;
	if (n == 0) {
		d = check_report(ctx, loc, subject_roadmap(rm), subject_key(key),
				 "%zu stage%s without '%s' while other stages have it, each accepted "
				 "with 'ignore:'", accepted, accepted == 1 ? "" : "s", key);
		d->suppressed = "ignore";
	} else {
		d = check_report(ctx, loc, subject_roadmap(rm), subject_key(key),
				 "stage%s %s ha%s no '%s' while other stages do, so %s skip %s",
				 n == 1 ? "" : "s", check_quoted_list(ctx, names, n, SKIPPED_NAMED),
				 n == 1 ? "s" : "ve", key, checks, n == 1 ? "it" : "them");
	}
	free(names);
	diag_help(ctx->dl, d,
		  check_syntax(ctx, "%s; a stage where that cannot be said can record why with "
			       "'ignore: { stages-skipped: \"REASON\" }'",
			       "%s; a stage where that cannot be said can record why with ignore = "
			       "{ [\"stages-skipped\"] = \"REASON\" }"),
		  help);
}

void check_stages_skipped(CheckCtx *ctx)
{
	Timeline t = ctx->rm->timeline;
	ASSERT(t >= 0 && t < TIMELINE_COUNT);
	skipped_by(ctx, "when", has_when, "timing-mismatch and process-misaligned",
		   check_text(ctx, check_syntax(ctx, "give each stage a 'when:' in %s from the start "
						"of the buying process",
						"give each stage a when = { FROM, TO } in %s from the "
						"start of the buying process"),
			      unit_plural[t]));
	skipped_by(ctx, "expects", has_expects, "expected-value-missing and unwanted-value",
		   check_syntax(ctx, "say in each stage's 'expects:' what buyers want from the seller "
				"there ('[left-alone]' when they want nothing)",
				"say in each stage's expects = { ... } what buyers want from the "
				"seller there (\"left-alone\" when they want nothing)"));
}
