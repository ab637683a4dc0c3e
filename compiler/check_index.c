/* check_index.c - facts several checks need, computed once per run.
 *
 * Part of the check phase: check_run() builds a CheckIndex before the first
 * check runs. Roadmaps may come from untrusted pull requests, and a naive
 * "which seller actions support this stage?" inside a loop over stages is
 * quadratic, so every such question is answered here in one pass over the
 * references (plus a sort), and the checks stay linear. Everything lives in
 * the compilation's arena.
 *
 * Stages are looked up by Stage.index, their position in Roadmap.stages;
 * content items and concerns, which have no index, through sorted arrays of
 * their addresses. */
#include "check.h"

#include <stdint.h>
#include <stdlib.h>

/* A pointer and what it maps to, sorted by the pointer (then by 'seq', to
 * keep source order among equal keys). */
typedef struct PtrEntry {
	uintptr_t key;
	const void *value;
	size_t seq;
} PtrEntry;

struct CheckIndex {
	size_t nstages;
	size_t *sellers;            /* per stage: supporting seller actions */
	ValueSet *delivered;        /* per stage: see check_stage_delivered() */
	ChannelSet *channels;       /* per stage: see check_stage_channels() */
	PtrEntry *used;             /* referenced content items (value unused) */
	size_t nused;
	PtrEntry *naming;           /* concern -> question naming it in `concern` */
	size_t nnaming;
};

static int cmp_entry(const void *pa, const void *pb)
{
	const PtrEntry *a = pa, *b = pb;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* The first entry with 'key' in the sorted 'v', or NULL. */
static const PtrEntry *find_first(const PtrEntry *v, size_t n, const void *key)
{
	uintptr_t k = (uintptr_t)key;
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].key < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo].key == k ? &v[lo] : NULL;
}

/* Position of 'st' in the roadmap; the model guarantees Stage.index. */
static size_t stage_pos(const CheckIndex *ix, const Stage *st)
{
	ASSERT(st->index < ix->nstages);
	return st->index;
}

static void push(Arena *a, PtrEntry **v, size_t *n, size_t *cap, const void *key,
		 const void *value)
{
	PtrEntry e = { (uintptr_t)key, value, *n };
	ARENA_PUSH(a, *v, *n, *cap, e);
}

static void add_used(Arena *a, CheckIndex *ix, size_t *cap, const RefList *refs)
{
	for (size_t i = 0; i < refs->n; i++)
		if (refs->items[i].target)
			push(a, &ix->used, &ix->nused, cap, refs->items[i].target, NULL);
}

const CheckIndex *check_index_build(const Roadmap *rm, Arena *a)
{
	CheckIndex *ix = arena_alloc(a, sizeof *ix);
	size_t n = rm->nstages ? rm->nstages : 1;
	ix->nstages = rm->nstages;
	ix->sellers = arena_alloc(a, n * sizeof *ix->sellers);
	ix->delivered = arena_alloc(a, n * sizeof *ix->delivered);
	ix->channels = arena_alloc(a, n * sizeof *ix->channels);
	size_t used_cap = 0, naming_cap = 0;

	for (size_t i = 0; i < rm->nstages; i++) {
		const Stage *st = rm->stages[i];
		ASSERT(st->index == i);
		for (size_t j = 0; j < st->nconcerns; j++)
			add_used(a, ix, &used_cap, &st->concerns[j]->content);
		for (size_t j = 0; j < st->nquestions; j++) {
			const Question *q = st->questions[j];
			add_used(a, ix, &used_cap, &q->content);
			if (q->concern.target)
				push(a, &ix->naming, &ix->nnaming, &naming_cap, q->concern.target, q);
			/* Content of the stage's questions, whatever its status. */
			for (size_t k = 0; k < q->content.n; k++) {
				const Content *c = q->content.items[k].target;
				if (c) {
					ix->delivered[i] |= c->delivers;
					ix->channels[i] |= c->channels;
				}
			}
		}
	}
	for (size_t i = 0; i < rm->nseller; i++) {
		const SellerAction *sa = rm->seller[i];
		ValueSet v = model_seller_delivers(sa);
		add_used(a, ix, &used_cap, &sa->uses);
		for (size_t j = 0; j < sa->supports.n; j++) {
			const Stage *st = sa->supports.items[j].target;
			if (!st)
				continue;
			size_t pos = stage_pos(ix, st);
			ix->sellers[pos]++;
			ix->delivered[pos] |= v;
			if (sa->channel >= 0)
				ix->channels[pos] |= 1u << sa->channel;
		}
	}
	if (ix->nused > 1)
		qsort(ix->used, ix->nused, sizeof *ix->used, cmp_entry);
	if (ix->nnaming > 1)
		qsort(ix->naming, ix->nnaming, sizeof *ix->naming, cmp_entry);
	return ix;
}

size_t check_stage_sellers(const CheckCtx *ctx, const Stage *st)
{
	return ctx->ix->sellers[stage_pos(ctx->ix, st)];
}

ValueSet check_stage_delivered(const CheckCtx *ctx, const Stage *st)
{
	return ctx->ix->delivered[stage_pos(ctx->ix, st)];
}

ChannelSet check_stage_channels(const CheckCtx *ctx, const Stage *st)
{
	return ctx->ix->channels[stage_pos(ctx->ix, st)];
}

bool check_content_used(const CheckCtx *ctx, const Content *c)
{
	return find_first(ctx->ix->used, ctx->ix->nused, c) != NULL;
}

const Question *check_concern_next(const CheckCtx *ctx, const Concern *co, size_t *pos)
{
	const CheckIndex *ix = ctx->ix;
	if (*pos == 0) {
		const PtrEntry *e = find_first(ix->naming, ix->nnaming, co);
		if (!e)
			return NULL;
		*pos = (size_t)(e - ix->naming);
	} else if (*pos >= ix->nnaming || ix->naming[*pos].key != (uintptr_t)co) {
		return NULL;
	}
	return ix->naming[(*pos)++].value;
}
