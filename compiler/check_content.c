/* check_content.c - the content inventory audit.
 *
 * Every asset should serve a question or a selling step, be published where
 * it is relied on, be current, and have an owner; and every selling step
 * should have one too. Run by check_runner.c on a resolved model: every
 * reference target is set, and each content item's `delivers` and
 * `channels` are already defaulted from its type. */
#include "check.h"
#include "date.h"

#include <stdlib.h>

static const char *content_name(const Content *c)
{
	return c->title ? c->title : c->id;
}

/* ---- content-not-published ---- */

/* One finding per reference to unpublished content. The referring item's
 * and the content's `ignore:` both suppress it: the first accepts one
 * reference, the second every reference to a known-unpublished item. */
static void unpublished_refs(CheckCtx *ctx, const RefList *refs, Subject user, const char *who)
{
	for (size_t i = 0; i < refs->n; i++) {
		const Content *c = refs->items[i].target.content;
		if (!c || c->status == STATUS_PUBLISHED)
			continue;
		Diag *d = check_report(ctx, refs->items[i].loc, user, subject_content(c),
				       "%s relies on content '%s', which is %s",
				       who, content_name(c), vocab_statuses[c->status]);
		if (c->status == STATUS_RETIRED)
			diag_help(ctx->dl, d,
				  "point to current content instead: retired content has been "
				  "withdrawn");
		else
			diag_help(ctx->dl, d,
				  check_syntax(ctx,
					       "publish '%s' and set 'status: published', or point to content "
					       "that is already published",
					       "publish '%s' and set status = \"published\", or point to content "
					       "that is already published"),
				  c->id);
	}
}

void check_content_not_published(CheckCtx *ctx)
{
	const Roadmap *rm = ctx->rm;
	for (size_t i = 0; i < rm->nstages; i++) {
		Stage *st = rm->stages[i];
		for (size_t j = 0; j < st->nconcerns; j++) {
			Concern *co = st->concerns[j];
			unpublished_refs(ctx, &co->content, subject_concern(co),
					 check_text(ctx, "concern '%s'", co->text));
		}
		for (size_t j = 0; j < st->nquestions; j++) {
			Question *q = st->questions[j];
			unpublished_refs(ctx, &q->content, subject_question(q),
					 check_text(ctx, "question '%s'", q->ask));
		}
	}
	for (size_t i = 0; i < rm->nseller; i++) {
		SellerAction *sa = rm->seller[i];
		unpublished_refs(ctx, &sa->uses, subject_seller(sa),
				 check_text(ctx, "seller action '%s'", sa->name));
	}
}

/* ---- content-unused ---- */

void check_content_unused(CheckCtx *ctx)
{
	const Roadmap *rm = ctx->rm;
	for (size_t i = 0; i < rm->ncontent; i++) {
		Content *c = rm->content[i];
		size_t users;
		model_content_users(ctx->ix, c, &users);
		if (users > 0)
			continue;
		Diag *d = check_report(ctx, c->loc, subject_content(c), subject_none(),
				       "content '%s' is used by no question, concern or seller action",
				       content_name(c));
		diag_help(ctx->dl, d,
			  "reference it where it serves a buyer question or a selling step, or "
			  "retire it: content nobody uses is waste");
	}
}

/* ---- content-stale ---- */

/* Stale when reviewed + max_age_days < today: on the day the limit is
 * reached the content is still current; one day later it is stale. */
void check_content_stale(CheckCtx *ctx)
{
	const Roadmap *rm = ctx->rm;
	long max_age = check_max_age_days(rm);
	long today = ctx->cfg ? ctx->cfg->today : 0;
	for (size_t i = 0; i < rm->ncontent; i++) {
		Content *c = rm->content[i];
		if (!c->has_reviewed || c->reviewed + max_age >= today)
			continue;
		char reviewed[11];
		date_format(c->reviewed, reviewed);
		Diag *d = check_report(ctx, c->reviewed_loc, subject_content(c), subject_none(),
				       "content '%s' was last reviewed on %s, %ld days ago; the "
				       "limit is %ld days", content_name(c), reviewed, today - c->reviewed,
				       max_age);
		diag_help(ctx->dl, d,
			  "%s", check_syntax(ctx,
					     "review it and update 'reviewed:'; if it ages slowly, raise "
					     "'max_age_days' for content-stale under 'checks:'",
					     "review it and update reviewed = \"YYYY-MM-DD\"; if it ages slowly, "
					     "raise max_age_days for content-stale in the roadmap's checks"));
	}
}

/* ---- content-unreviewed ---- */

/* Content named in the message before "and N more". */
#define UNREVIEWED_NAMED 6

/* content-stale can only judge content with a `reviewed` date. In a
 * roadmap that dates some of its content (the team tracks reviews), the
 * published items without a date escape it: say so, once for the roadmap,
 * naming them. A roadmap that dates none has decided not to track reviews,
 * and hears nothing; draft, planned and retired content has nothing to
 * review yet, or any more. An item whose `ignore:` names the check is left
 * out of the list; when every one is, the finding is suppressed. */
void check_content_unreviewed(CheckCtx *ctx)
{
	const Roadmap *rm = ctx->rm;
	const Content *dated = NULL;
	for (size_t i = 0; i < rm->ncontent && !dated; i++)
		if (rm->content[i]->has_reviewed)
			dated = rm->content[i];
	if (!dated)
		return;
	const char **names = xcalloc(rm->ncontent, sizeof *names);
	size_t n = 0, accepted = 0;
	SrcLoc loc = { 0 };
	for (size_t i = 0; i < rm->ncontent; i++) {
		Content *c = rm->content[i];
		if (c->has_reviewed || c->status != STATUS_PUBLISHED)
			continue;
		if (check_ignores(ctx, subject_content(c))) {
			accepted++;
			continue;
		}
		if (n == 0)
			loc = c->loc;
		names[n++] = content_name(c);
	}
	Diag *d = NULL;
	if (n > 0)
		d = check_report(ctx, loc, subject_roadmap(rm), subject_key("reviewed"),
				 "content %s ha%s no 'reviewed' date while other content does, so "
				 "content-stale cannot tell whether %s current",
				 check_quoted_list(ctx, names, n, UNREVIEWED_NAMED), n == 1 ? "s" : "ve",
				 n == 1 ? "it is" : "they are");
	else if (accepted > 0)
		d = check_report(ctx, dated->loc, subject_roadmap(rm), subject_key("reviewed"),
				 "%zu published content item%s without 'reviewed' while other content "
				 "has it, each accepted with 'ignore:'", accepted, accepted == 1 ? "" : "s");
	if (d && n == 0)
		d->suppressed = "ignore";
	if (d)
		diag_help(ctx->dl, d, "%s",
			  check_syntax(ctx,
				       "add 'reviewed: YYYY-MM-DD' to each, the day it was last checked; "
				       "content that needs no review can say why with 'ignore: { "
				       "content-unreviewed: \"REASON\" }'",
				       "add reviewed = \"YYYY-MM-DD\" to each, the day it was last "
				       "checked; content that needs no review can say why with ignore = "
				       "{ [\"content-unreviewed\"] = \"REASON\" }"));
	free(names);
}

/* ---- missing-owner ---- */

void check_missing_owner(CheckCtx *ctx)
{
	const Roadmap *rm = ctx->rm;
	for (size_t i = 0; i < rm->nseller; i++) {
		SellerAction *sa = rm->seller[i];
		if (sa->owner)
			continue;
		Diag *d = check_report(ctx, sa->loc, subject_seller(sa), subject_none(),
				       "seller action '%s' has no owner", sa->name);
		diag_help(ctx->dl, d,
			  "%s", check_syntax(ctx,
					     "name the team or person responsible in 'owner:', so the action plan "
					     "can assign the work",
					     "name the team or person responsible in owner = \"...\", so the "
					     "action plan can assign the work"));
	}
	for (size_t i = 0; i < rm->ncontent; i++) {
		Content *c = rm->content[i];
		if (c->owner)
			continue;
		Diag *d = check_report(ctx, c->loc, subject_content(c), subject_none(),
				       "content '%s' has no owner", content_name(c));
		diag_help(ctx->dl, d,
			  "%s", check_syntax(ctx,
					     "name the team or person responsible in 'owner:', so someone keeps it "
					     "published and current",
					     "name the team or person responsible in owner = \"...\", so someone "
					     "keeps it published and current"));
	}
}
