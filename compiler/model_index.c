/* model_index.c - the model's cross-links, built once; see model_index.h.
 *
 * Each relation is stored in compressed rows: one pass counts the entries
 * per key, a prefix sum gives each key its first slot, a second pass fills
 * the slots in file order. Keys are positions (Stage.index, Content.index,
 * Concern.index), so lookups are array reads and nothing depends on
 * addresses or hashing. */
#include "model_index.h"
#include "alloc.h"

#include <stdlib.h>
#include <string.h>

/* Rows of fixed-size entries: the entries of key k are the 'elem'-byte
 * slots start[k] .. start[k+1] of 'items'. */
typedef struct Rows {
	size_t *start;          /* nkeys + 1 */
	size_t elem;
	unsigned char *items;
} Rows;

/* Reference lists are walked twice (count, then fill); 'filling' says which. */
typedef struct Builder {
	bool filling;
	size_t *fill;           /* the relation being added to: next slot per key */
} Builder;

struct ModelIndex {
	size_t nstages, ncontent, nconcerns;
	Rows sellers;           /* per stage: SellerAction * */
	Rows users;             /* per content: Subject */
	Rows naming;            /* per concern: Question * */
	ValueSet *delivered;    /* per stage */
	ChannelSet *channels;   /* per stage */
};

static void rows_alloc(Arena *a, Rows *r, size_t nkeys, size_t elem)
{
	r->start = arena_alloc(a, (nkeys + 1) * sizeof *r->start);
	r->elem = elem;
}

/* Turns per-key counts (in start[1..nkeys]) into starting slots. */
static void rows_finish_counts(Arena *a, Rows *r, size_t nkeys)
{
	for (size_t k = 0; k < nkeys; k++)
		r->start[k + 1] += r->start[k];
	r->items = arena_alloc(a, (r->start[nkeys] ? r->start[nkeys] : 1) * r->elem);
}

/* Counts, or stores the 'elem' bytes at 'entry' as the next entry of 'key'. */
static void rows_add(Builder *b, Rows *r, size_t key, const void *entry)
{
	if (!b->filling) {
		r->start[key + 1]++;
		return;
	}
	memcpy(r->items + (r->start[key] + b->fill[key]++) * r->elem, entry, r->elem);
}

static const void *rows_get(const Rows *r, size_t key, size_t *n)
{
	*n = r->start[key + 1] - r->start[key];
	return r->items + r->start[key] * r->elem;
}

/* One pass over every reference of the roadmap, counting or filling; the
 * fill cursors are per relation. */
static void walk(Builder *b, ModelIndex *ix, const Roadmap *rm, size_t **fill)
{
	for (size_t i = 0; i < rm->nstages; i++) {
		const Stage *st = rm->stages[i];
		for (size_t j = 0; j < st->nconcerns; j++) {
			const Concern *co = st->concerns[j];
			Subject user = subject_concern(co);
			b->fill = fill[1];
			for (size_t k = 0; k < co->content.n; k++)
				if (co->content.items[k].target.content)
					rows_add(b, &ix->users, co->content.items[k].target.content->index, &user);
		}
		for (size_t j = 0; j < st->nquestions; j++) {
			const Question *q = st->questions[j];
			Subject user = subject_question(q);
			b->fill = fill[1];
			for (size_t k = 0; k < q->content.n; k++)
				if (q->content.items[k].target.content)
					rows_add(b, &ix->users, q->content.items[k].target.content->index, &user);
			b->fill = fill[2];
			if (q->concern.target.concern)
				rows_add(b, &ix->naming, q->concern.target.concern->index, &q);
		}
	}
	for (size_t i = 0; i < rm->nseller; i++) {
		const SellerAction *sa = rm->seller[i];
		Subject user = subject_seller(sa);
		b->fill = fill[1];
		for (size_t k = 0; k < sa->uses.n; k++)
			if (sa->uses.items[k].target.content)
				rows_add(b, &ix->users, sa->uses.items[k].target.content->index, &user);
		b->fill = fill[0];
		for (size_t k = 0; k < sa->supports.n; k++)
			if (sa->supports.items[k].target.stage)
				rows_add(b, &ix->sellers, sa->supports.items[k].target.stage->index, &sa);
	}
}

const ModelIndex *model_index_build(const Roadmap *rm, Arena *a)
{
	ModelIndex *ix = arena_alloc(a, sizeof *ix);
	ix->nstages = rm->nstages;
	ix->ncontent = rm->ncontent;
	for (size_t i = 0; i < rm->nstages; i++) {
		ASSERT(rm->stages[i]->index == i);
		for (size_t j = 0; j < rm->stages[i]->nconcerns; j++)
			ASSERT(rm->stages[i]->concerns[j]->index == ix->nconcerns++);
	}
	for (size_t i = 0; i < rm->ncontent; i++)
		ASSERT(rm->content[i]->index == i);
	rows_alloc(a, &ix->sellers, ix->nstages, sizeof(SellerAction *));
	rows_alloc(a, &ix->users, ix->ncontent, sizeof(Subject));
	rows_alloc(a, &ix->naming, ix->nconcerns, sizeof(Question *));

	Builder b = { false, NULL };
	size_t *fill[3] = { NULL, NULL, NULL };
	walk(&b, ix, rm, fill);
	rows_finish_counts(a, &ix->sellers, ix->nstages);
	rows_finish_counts(a, &ix->users, ix->ncontent);
	rows_finish_counts(a, &ix->naming, ix->nconcerns);

	fill[0] = xcalloc(ix->nstages + 1, sizeof(size_t));
	fill[1] = xcalloc(ix->ncontent + 1, sizeof(size_t));
	fill[2] = xcalloc(ix->nconcerns + 1, sizeof(size_t));
	b.filling = true;
	walk(&b, ix, rm, fill);
	for (size_t i = 0; i < 3; i++)
		free(fill[i]);

	/* Values and channels per stage. */
	size_t n = ix->nstages ? ix->nstages : 1;
	ix->delivered = arena_alloc(a, n * sizeof *ix->delivered);
	ix->channels = arena_alloc(a, n * sizeof *ix->channels);
	for (size_t i = 0; i < rm->nstages; i++) {
		const Stage *st = rm->stages[i];
		for (size_t j = 0; j < st->nquestions; j++) {
			const RefList *refs = &st->questions[j]->content;
			for (size_t k = 0; k < refs->n; k++) {
				const Content *c = refs->items[k].target.content;
				if (c) {
					ix->delivered[i] |= c->delivers;
					ix->channels[i] |= c->channels;
				}
			}
		}
		size_t ns;
		SellerAction *const *sellers = model_stage_sellers(ix, st, &ns);
		for (size_t k = 0; k < ns; k++) {
			ix->delivered[i] |= model_seller_delivers(sellers[k]);
			if (sellers[k]->channel >= 0)
				ix->channels[i] |= 1u << sellers[k]->channel;
		}
	}
	return ix;
}

static size_t stage_key(const ModelIndex *ix, const Stage *st)
{
	ASSERT(st->index < ix->nstages);
	return st->index;
}

SellerAction *const *model_stage_sellers(const ModelIndex *ix, const Stage *st, size_t *n)
{
	return (SellerAction *const *)rows_get(&ix->sellers, stage_key(ix, st), n);
}

ValueSet model_stage_delivered(const ModelIndex *ix, const Stage *st)
{
	return ix->delivered[stage_key(ix, st)];
}

ChannelSet model_stage_channels(const ModelIndex *ix, const Stage *st)
{
	return ix->channels[stage_key(ix, st)];
}

const Subject *model_content_users(const ModelIndex *ix, const Content *c, size_t *n)
{
	ASSERT(c->index < ix->ncontent);
	return rows_get(&ix->users, c->index, n);
}

Question *const *model_concern_questions(const ModelIndex *ix, const Concern *co, size_t *n)
{
	ASSERT(co->index < ix->nconcerns);
	return (Question *const *)rows_get(&ix->naming, co->index, n);
}

bool model_question_covered(const Question *q)
{
	if (!q->answer)
		return false;
	for (size_t i = 0; i < q->content.n; i++) {
		const Content *c = q->content.items[i].target.content;
		if (c && c->status == STATUS_PUBLISHED)
			return true;
	}
	return false;
}

unsigned model_coverage_tenths(size_t done, size_t total)
{
	if (total == 0)
		return 0;
	return (unsigned)((unsigned long long)done * 1000 / total);
}

Coverage model_coverage(const Roadmap *rm)
{
	Coverage cov = { 0, 0, 0, 0 };
	for (size_t i = 0; i < rm->nstages; i++) {
		const Stage *st = rm->stages[i];
		size_t nsellers;
		model_stage_sellers(rm->index, st, &nsellers);
		cov.stages_total++;
		cov.stages_done += nsellers > 0 || model_stage_left_alone(st);
		for (size_t j = 0; j < st->nquestions; j++) {
			cov.questions_total++;
			cov.questions_done += model_question_covered(st->questions[j]);
		}
	}
	return cov;
}
