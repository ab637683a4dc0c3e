/* coverage.c - the two coverage ratios reported for every checked roadmap.
 *
 * Runs beside the checks, on the same resolved model. The definitions are the
 * language reference's, word for word, because CI gates on them
 * (`--min-coverage`): a question counts when it has an answer and at least one
 * referenced content item is published; a stage counts when a seller action
 * supports it or it expects only `left-alone`. */
#include "check.h"

#include <stdlib.h>

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

Coverage check_coverage(const Roadmap *rm)
{
	Coverage cov = { 0, 0, 0, 0 };
	/* One pass over the references, not one per stage: roadmaps may be
	 * large and hostile. */
	bool *supported = xcalloc(rm->nstages ? rm->nstages : 1, sizeof *supported);
	for (size_t i = 0; i < rm->nseller; i++) {
		const RefList *refs = &rm->seller[i]->supports;
		for (size_t j = 0; j < refs->n; j++) {
			const Stage *st = refs->items[j].target;
			if (st) {
				ASSERT(st->index < rm->nstages);
				supported[st->index] = true;
			}
		}
	}
	for (size_t i = 0; i < rm->nstages; i++) {
		const Stage *st = rm->stages[i];
		cov.stages_total++;
		cov.stages_done += supported[i] || model_stage_left_alone(st);
		for (size_t j = 0; j < st->nquestions; j++) {
			cov.questions_total++;
			cov.questions_done += question_covered(st->questions[j]);
		}
	}
	free(supported);
	return cov;
}
