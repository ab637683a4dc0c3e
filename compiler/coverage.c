/* coverage.c - the two coverage ratios reported for every checked roadmap.
 *
 * Runs beside the checks, on the same resolved model. The definitions are the
 * language reference's, word for word, because CI gates on them
 * (`--min-coverage`): a question counts when it has an answer and at least one
 * referenced content item is published; a stage counts when a seller action
 * supports it or it expects only `left-alone`. */
#include "check.h"

static bool question_covered(const Question *q)
{
	if (!q->answer)
		return false;
	for (size_t i = 0; i < q->content.n; i++) {
		const Content *c = q->content.items[i].target;
		if (c && c->status == STATUS_PUBLISHED)
			return true;
	}
	return false;
}

static bool stage_supported(const Roadmap *rm, const Stage *st)
{
	if (model_stage_left_alone(st))
		return true;
	for (size_t i = 0; i < rm->nseller; i++) {
		const SellerAction *sa = rm->seller[i];
		for (size_t j = 0; j < sa->supports.n; j++)
			if (sa->supports.items[j].target == st)
				return true;
	}
	return false;
}

Coverage check_coverage(const Roadmap *rm)
{
	Coverage cov = { 0, 0, 0, 0 };
	for (size_t i = 0; i < rm->nstages; i++) {
		const Stage *st = rm->stages[i];
		cov.stages_total++;
		cov.stages_done += stage_supported(rm, st);
		for (size_t j = 0; j < st->nquestions; j++) {
			cov.questions_total++;
			cov.questions_done += question_covered(st->questions[j]);
		}
	}
	return cov;
}
