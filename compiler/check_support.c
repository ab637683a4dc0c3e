/* check_support.c - is every buying stage served, and served what it wants?
 *
 * The checks of the buying-versus-selling comparison (Gooze): stages nobody
 * serves, seller actions that serve no stage, and, for each stage, whether
 * the values and channels the seller offers are the ones the buyer expects.
 * Run by check_runner.c on a resolved model; every reference target is set.
 *
 * A stage whose `expects` is only `left-alone` wants no selling: it is never
 * reported as unsupported or missing a value, but reaching out to it is an
 * unwanted value. */
#include "check.h"

void check_stage_without_seller_action(CheckCtx *ctx)
{
	const Roadmap *rm = ctx->rm;
	for (size_t i = 0; i < rm->nstages; i++) {
		Stage *st = rm->stages[i];
		size_t nsellers;
		model_stage_sellers(ctx->ix, st, &nsellers);
		if (model_stage_left_alone(st) || nsellers > 0)
			continue;
		Diag *d = check_report(ctx, st->loc, subject_stage(st), subject_none(),
				       "stage '%s' has no seller action supporting it", st->name);
		diag_help(ctx->dl, d,
			  check_syntax(ctx,
				       "add a seller action with 'supports: [%s]'; if the stage is served another "
				       "way on purpose (buyers use your self-serve content, a partner runs it), "
				       "record why on the stage with 'ignore: { stage-without-seller-action: "
				       "\"REASON\" }'; 'expects: [left-alone]' is only for buyers who want no "
				       "contact at all",
				       "add a seller action with supports = { \"%s\" }; if the stage is served "
				       "another way on purpose (buyers use your self-serve content, a partner "
				       "runs it), record why on the stage with ignore = { "
				       "[\"stage-without-seller-action\"] = \"REASON\" }; expects = \"left-alone\" "
				       "is only for buyers who want no contact at all"),
			  st->id);
	}
}

void check_expected_value_missing(CheckCtx *ctx)
{
	const Roadmap *rm = ctx->rm;
	for (size_t i = 0; i < rm->nstages; i++) {
		Stage *st = rm->stages[i];
		/* left-alone is never a value that must be delivered. */
		ValueSet missing = st->expects & ~model_stage_delivered(ctx->ix, st) &
				   ~(1u << VALUE_LEFT_ALONE);
		for (int v = 0; v < VALUE_COUNT; v++) {
			if (!(missing & (1u << v)))
				continue;
			Diag *d = check_report(ctx, st->loc, subject_stage(st), subject_value(v),
					       "stage '%s' expects %s, but no seller action supporting it "
					       "and no content of its questions delivers it",
					       st->name, vocab_values[v]);
			diag_help(ctx->dl, d,
				  check_syntax(ctx,
					       "add a seller action with 'supports: [%s]' that delivers %s, or "
					       "reference content that delivers it from one of the stage's questions; "
					       "if a partner delivers it, record that on the stage with 'ignore: { "
					       "expected-value-missing: \"REASON\" }'",
					       "add a seller action with supports = { \"%s\" } that delivers %s, "
					       "or reference content that delivers it from one of the stage's "
					       "questions; if a partner delivers it, record that on the stage with "
					       "ignore = { [\"expected-value-missing\"] = \"REASON\" }"),
				  st->id, vocab_values[v]);
		}
	}
}

/* unwanted-value, for one (seller action, supported stage) pair. Reaching out
 * where buyers want to be left alone is the more specific finding, so it is
 * the one reported when both apply. */
static void unwanted_pair(CheckCtx *ctx, SellerAction *sa, Stage *st)
{
	ValueSet delivered = model_seller_delivers(sa);

	if ((st->expects & (1u << VALUE_LEFT_ALONE)) && model_seller_reaches_out(sa)) {
		const char *how = model_channel_reaches_out(sa->channel) ?
			check_text(ctx, "by %s", vocab_channels[sa->channel]) : "with a visit";
		Diag *d = check_report(ctx, sa->loc, subject_seller(sa), subject_stage(st),
				       "seller action '%s' reaches out %s at stage '%s', where "
					    "buyers want to be left alone", sa->name, how, st->name);
		diag_help(ctx->dl, d,
			  "serve this stage without reaching out (web pages, in-product help, a "
			  "community), or remove '%s' from the action's 'supports'", st->id);
		return;
	}
	if (delivered != 0 && (delivered & st->expects) == 0) {
		Diag *d = check_report(ctx, sa->loc, subject_seller(sa), subject_stage(st),
				       "seller action '%s' delivers %s at stage '%s', which "
					    "expects %s", sa->name,
					    check_words(ctx, vocab_values, delivered, "and"), st->name,
					    check_words(ctx, vocab_values, st->expects, "or"));
		diag_help(ctx->dl, d,
			  "deliver what the stage expects, or remove '%s' from the action's "
			  "'supports'", st->id);
	}
}

void check_unwanted_value(CheckCtx *ctx)
{
	const Roadmap *rm = ctx->rm;
	for (size_t i = 0; i < rm->nseller; i++) {
		SellerAction *sa = rm->seller[i];
		for (size_t j = 0; j < sa->supports.n; j++) {
			Stage *st = sa->supports.items[j].target.stage;
			if (st && st->expects != 0)
				unwanted_pair(ctx, sa, st);
		}
	}
}

void check_seller_action_without_stage(CheckCtx *ctx)
{
	const Roadmap *rm = ctx->rm;
	for (size_t i = 0; i < rm->nseller; i++) {
		SellerAction *sa = rm->seller[i];
		if (sa->supports.n > 0)
			continue;
		Diag *d = check_report(ctx, sa->loc, subject_seller(sa), subject_none(),
				       "seller action '%s' supports no buyer stage", sa->name);
		diag_help(ctx->dl, d, "%s",
			  check_syntax(ctx,
				       "list in 'supports:' the stages it serves or makes possible (a listing on "
				       "a buying framework serves the stages where buyers look for suppliers); "
				       "a step the sale depends on that serves no stage directly can say why with "
				       "'ignore: { seller-action-without-stage: \"REASON\" }'",
				       "list in supports = { ... } the stages it serves or makes possible (a "
				       "listing on a buying framework serves the stages where buyers look for "
				       "suppliers); a step the sale depends on that serves no stage directly can "
				       "say why with ignore = { [\"seller-action-without-stage\"] = \"REASON\" }"));
	}
}

/* Reported when none of the preferred channels is used: the buyer's answers
 * are all somewhere the buyer does not look. A stage served on some of its
 * preferred channels is not a mismatch, so the message speaks of the stage
 * as a whole, never of one channel. */
void check_channel_mismatch(CheckCtx *ctx)
{
	const Roadmap *rm = ctx->rm;
	for (size_t i = 0; i < rm->nstages; i++) {
		Stage *st = rm->stages[i];
		ChannelSet used = model_stage_channels(ctx->ix, st);
		if (st->prefers == 0 || (st->prefers & used) != 0)
			continue;
		const char *prefers = check_words(ctx, vocab_channels, st->prefers, "or");
		Diag *d = used
			? check_report(ctx, st->loc, subject_stage(st), subject_none(),
				       "stage '%s' reaches buyers only on %s, none of the channels "
				       "they prefer there (%s)", st->name,
				       check_words(ctx, vocab_channels, used, "and"), prefers)
			: check_report(ctx, st->loc, subject_stage(st), subject_none(),
				       "stage '%s' reaches buyers on no channel; they prefer %s there",
				       st->name, prefers);
		diag_help(ctx->dl, d,
			  "meet buyers where they look: reference content on %s from the stage's "
			  "questions, or support the stage with a seller action on %s", prefers,
			  prefers);
	}
}
