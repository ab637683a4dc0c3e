/* model_index.h - who supports, uses and names what: the model's cross-links.
 *
 * Model layer. A resolved roadmap links items one way only (a seller action
 * lists the stages it supports; a stage does not list its seller actions),
 * and a naive "which seller actions support this stage?" inside a loop over
 * stages is quadratic on a large or hostile roadmap. resolve.c builds this
 * index once, after linking, into Roadmap.index; the checks, coverage, the
 * diagrams, the action plan and the Lua rule API all ask it. Every list is
 * in file order. Everything lives in the compilation's arena. */
#ifndef ROADMAPC_MODEL_INDEX_H
#define ROADMAPC_MODEL_INDEX_H

#include <stddef.h>

#include "arena.h"
#include "model.h"

/* Builds the index of 'rm' (references with no target are skipped). */
const ModelIndex *model_index_build(const Roadmap *rm, Arena *a);

/* The seller actions whose `supports` names 'st' ('*n' of them; an action
 * naming the stage twice is listed twice). */
SellerAction *const *model_stage_sellers(const ModelIndex *ix, const Stage *st, size_t *n);

/* Values delivered at 'st': by the seller actions supporting it (with the
 * content they use) and by the content its questions reference, whatever
 * its status. */
ValueSet model_stage_delivered(const ModelIndex *ix, const Stage *st);

/* Channels used at 'st': its seller actions' `channel` and the `channels`
 * of the content its questions reference. */
ChannelSet model_stage_channels(const ModelIndex *ix, const Stage *st);

/* The items that reference content 'c' (questions, concerns, then seller
 * actions), as subjects. */
const Subject *model_content_users(const ModelIndex *ix, const Content *c, size_t *n);

/* The questions that name 'co' in their `concern`. */
Question *const *model_concern_questions(const ModelIndex *ix, const Concern *co, size_t *n);

/* True when 'q' counts as covered: it has an answer and at least one
 * referenced content item with status `published`. */
bool model_question_covered(const Question *q);

/* Coverage as the language reference defines it: questions with an answer
 * and at least one published content item, over all questions; stages a
 * seller action supports (or that expect only `left-alone`), over all. */
Coverage model_coverage(const Roadmap *rm);

/* A coverage figure in tenths of a percent, rounded down: 6/7 is 857, shown
 * 85.7%, and only a complete figure is 1000. A figure meets a minimum given
 * in tenths exactly when this does, so what is shown is what is compared
 * (--min-coverage takes at most one decimal). 0 when 'total' is 0. */
unsigned model_coverage_tenths(size_t done, size_t total);

#endif
