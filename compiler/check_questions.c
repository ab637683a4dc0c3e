/* check_questions.c - discovery: the buyer's questions, answers and concerns.
 *
 * The checks that ask whether the roadmap was filled in from the buyer's side
 * (Zhivago's discover step): every stage has the questions buyers ask, every
 * question an answer, every answer content that delivers it, every concern
 * something that settles it, and the critical characteristic an answer before
 * the purchase. Run by check_runner.c on a resolved model. */
#include "check.h"

#include <string.h>

/* Notes pointing at related questions, at most this many per finding: a
 * few show where to look, hundreds would bury the finding. */
#define MAX_NOTES 3

/* Says how many of 'n' related questions were not shown: "and 2 more
 * 'what'". */
static void note_more(CheckCtx *ctx, Diag *d, size_t n, const char *what)
{
	SrcLoc none = { 0 };
	if (n > MAX_NOTES)
		diag_note(ctx->dl, d, none, "and %zu more %s", n - MAX_NOTES, what);
}

/* An answer that reaches the buyer: written down, and delivered by at least
 * one content item (of any status; publishing is content-not-published's). */
static bool delivered_answer(const Question *q)
{
	return q->answer != NULL && q->content.n > 0;
}

void check_question_without_answer(CheckCtx *ctx)
{
	const Roadmap *rm = ctx->rm;
	for (size_t i = 0; i < rm->nstages; i++) {
		for (size_t j = 0; j < rm->stages[i]->nquestions; j++) {
			Question *q = rm->stages[i]->questions[j];
			if (q->answer)
				continue;
			Diag *d = check_report(ctx, q->loc, subject_question(q), subject_none(),
					       "question '%s' has no answer", q->ask);
			diag_help(ctx->dl, d,
				  "%s", check_syntax(ctx,
						     "write in 'answer:' what actually satisfied the buyer, as customers "
						     "told it, not the company's boilerplate",
						     "write in answer = \"...\" what actually satisfied the buyer, as "
						     "customers told it, not the company's boilerplate"));
		}
	}
}

void check_answer_without_content(CheckCtx *ctx)
{
	const Roadmap *rm = ctx->rm;
	for (size_t i = 0; i < rm->nstages; i++) {
		for (size_t j = 0; j < rm->stages[i]->nquestions; j++) {
			Question *q = rm->stages[i]->questions[j];
			if (!q->answer || q->content.n > 0)
				continue;
			Diag *d = check_report(ctx, q->loc, subject_question(q), subject_none(),
					       "question '%s' has an answer, but no content delivers it",
					       q->ask);
			diag_help(ctx->dl, d,
				  "%s", check_syntax(ctx,
						     "list in 'content:' what delivers the answer (a page, a case study, "
						     "a demo); if it does not exist yet, add it to the inventory with "
						     "'status: planned'",
						     "list in content = { ... } what delivers the answer (a page, a case "
						     "study, a demo); if it does not exist yet, add it to the inventory "
						     "with status = \"planned\""));
		}
	}
}

/* True when a question naming 'co' in its `concern` delivers an answer; a
 * question at any stage counts, since buyers carry a worry forward until
 * something settles it. */
static bool concern_settled_by_question(const CheckCtx *ctx, const Concern *co)
{
	size_t n;
	Question *const *qs = model_concern_questions(ctx->ix, co, &n);
	for (size_t i = 0; i < n; i++)
		if (delivered_answer(qs[i]))
			return true;
	return false;
}

void check_concern_unaddressed(CheckCtx *ctx)
{
	const Roadmap *rm = ctx->rm;
	for (size_t i = 0; i < rm->nstages; i++) {
		Stage *st = rm->stages[i];
		for (size_t j = 0; j < st->nconcerns; j++) {
			Concern *co = st->concerns[j];
			if (co->content.n > 0 || concern_settled_by_question(ctx, co))
				continue;
			Diag *d = check_report(ctx, co->loc, subject_concern(co), subject_none(),
					       "concern '%s' at stage '%s' is not addressed by any "
					       "content or answered question", co->text, st->name);
			/* Point at the questions that nearly settle it. */
			size_t n;
			Question *const *qs = model_concern_questions(ctx->ix, co, &n);
			for (size_t k = 0; k < n && k < MAX_NOTES; k++)
				diag_note(ctx->dl, d, qs[k]->loc,
					  "question '%s' names this concern but has %s",
					  qs[k]->ask, qs[k]->answer ? "no content" : "no answer");
			note_more(ctx, d, n, "questions name this concern");
			/* A derived id (with a '.') is long and changes with the text:
			 * suggest an id of the user's own instead of quoting it. */
			if (strchr(co->id, '.'))
				diag_help(ctx->dl, d, "%s",
					  check_syntax(ctx,
						       "give the concern 'content:' that answers it (proof works "
						       "best: a case study, a reference call, a trial), or give it "
						       "an 'id:' (written '- id: NAME' with 'text:') and answer it "
						       "in a question with 'concern: NAME', an answer and content",
						       "give the concern content = { ... } that answers it (proof "
						       "works best: a case study, a reference call, a trial), or "
						       "give it an id (concern { id = \"NAME\", text = \"...\" }) "
						       "and answer it in a question with concern = \"NAME\", an "
						       "answer and content"));
			else
				diag_help(ctx->dl, d,
					  check_syntax(ctx,
						       "give the concern 'content:' that answers it (proof works "
						       "best: a case study, a reference call, a trial), or answer it "
						       "in a question with 'concern: %s', an answer and content",
						       "give the concern content = { ... } that answers it (proof "
						       "works best: a case study, a reference call, a trial), or "
						       "answer it in a question with concern = \"%s\", an answer and "
						       "content"),
					  co->id);
		}
	}
}

/* Skepticism is what a complex purchase is about (domain: the more
 * expensive and complex, the stronger it is); a complex roadmap that
 * records none was written without asking what held buyers back. */
void check_complex_without_concerns(CheckCtx *ctx)
{
	const Roadmap *rm = ctx->rm;
	if (rm->category != CATEGORY_COMPLEX)
		return;
	for (size_t i = 0; i < rm->nstages; i++)
		if (rm->stages[i]->nconcerns > 0)
			return;
	Diag *d = check_report(ctx, rm->category_loc, subject_roadmap(rm), subject_none(),
			       "the roadmap is for a complex purchase, but records no buyer concerns");
	diag_help(ctx->dl, d, "%s",
		  check_syntax(ctx,
			       "ask customers what worried them or nearly stopped them, and add it "
			       "under 'concerns:' at the stage where it arose; if buyers apply little "
			       "scrutiny, the category is 'considered'",
			       "ask customers what worried them or nearly stopped them, and add it "
			       "with concern \"...\" in the stage where it arose; if buyers apply "
			       "little scrutiny, the category is \"considered\""));
}

void check_stage_without_questions(CheckCtx *ctx)
{
	const Roadmap *rm = ctx->rm;
	for (size_t i = 0; i < rm->nstages; i++) {
		Stage *st = rm->stages[i];
		if (st->nquestions > 0)
			continue;
		Diag *d = check_report(ctx, st->loc, subject_stage(st), subject_none(),
				       "stage '%s' has no buyer questions", st->name);
		diag_help(ctx->dl, d,
			  "%s", check_syntax(ctx,
					     "ask customers what they needed to know at this stage, and add their "
					     "questions under 'questions:'; if buyers truly ask nothing here (an "
					     "automatic renewal), say so on the stage with 'ignore: { "
					     "stage-without-questions: \"REASON\" }'",
					     "ask customers what they needed to know at this stage, and add their "
					     "questions to the stage with question \"...\" { ... }; if buyers truly "
					     "ask nothing here (an automatic renewal), say so on the stage with "
					     "ignore = { [\"stage-without-questions\"] = \"REASON\" }"));
	}
}

void check_critical_characteristic_unaddressed(CheckCtx *ctx)
{
	const Roadmap *rm = ctx->rm;
	if (!rm->critical_characteristic)
		return;
	for (size_t i = 0; i < rm->nstages; i++) {
		const Stage *st = rm->stages[i];
		if (st->phase == PHASE_POST_PURCHASE)
			continue;
		for (size_t j = 0; j < st->nquestions; j++)
			if (st->questions[j]->critical && delivered_answer(st->questions[j]))
				return;
	}
	Diag *d = check_report(ctx, rm->critical_loc, subject_roadmap(rm), subject_none(),
			       "no answered question with content carries the critical "
			       "characteristic '%s' before the purchase",
			       rm->critical_characteristic);
	/* The critical questions that fall short, and why. */
	size_t n = 0;
	for (size_t i = 0; i < rm->nstages; i++) {
		const Stage *st = rm->stages[i];
		for (size_t j = 0; j < st->nquestions; j++) {
			const Question *q = st->questions[j];
			if (!q->critical || n++ >= MAX_NOTES)
				continue;
			if (!q->answer)
				diag_note(ctx->dl, d, q->loc, "critical question '%s' has no answer",
					  q->ask);
			else if (q->content.n == 0)
				diag_note(ctx->dl, d, q->loc,
					  "critical question '%s' has no content", q->ask);
			else
				diag_note(ctx->dl, d, q->loc,
					  "critical question '%s' is in post-purchase stage '%s'",
					  q->ask, st->name);
		}
	}
	note_more(ctx, d, n, "critical questions fall short");
	diag_help(ctx->dl, d,
		  "%s", check_syntax(ctx,
				     "mark the question whose answer proves it with 'critical: true', and give "
				     "it an answer and content in a stage before the post-purchase stages",
				     "mark the question whose answer proves it with critical = true, and give "
				     "it an answer and content in a stage before the post-purchase stages"));
}
