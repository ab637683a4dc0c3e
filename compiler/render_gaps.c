/* render_gaps.c - the gaps view: the roadmap's picture with every finding
 * marked where it is.
 *
 * Outputs layer. The picture of render_roadmap.h, and on it a mark for
 * each unsuppressed finding of the check phase, at its item: a dashed
 * placeholder where a seller action is missing (above a stage nobody
 * serves, at the start or end of the process the seller misses) and where
 * the roadmap stops at the sale; a badge under the row of a question,
 * concern, value, channel, owner or content reference; a badge on a link
 * that is out of time or delivers the wrong value; content nobody uses, and
 * other content findings, in a panel of their own. Stages are filled by
 * coverage. A panel names the worst gaps, the first actions of the plan
 * (plan.h) in its order, and their marks carry the same number.
 *
 * Every mark is one badge: its SVG class is "mark CHECK SEVERITY", its id
 * "mark:CHECK:ITEM" (ITEM as in baselines), its tooltip the finding's
 * message; nothing else has the class "mark". Severity is told three ways,
 * so it reads in grey and for colour-blind readers: the glyph (a cross, a
 * triangle, a dot), the fill (dark, light, none) and the border. */
#include "model_index.h"
#include "plan.h"
#include "render_roadmap.h"
#include "report.h"

#include <stdlib.h>
#include <string.h>

/* How many of the plan's actions the "fix these first" panel names. */
#define WORST_GAPS 5
/* The content and other-findings panels list at most this many items; a
 * last row counts the rest (the action plan lists them all). */
#define PANEL_ROWS_MAX 60

#define INK "#111111"

/* ---- the look ---- */

typedef struct SeverityLook {
	const char *glyph;
	BoardStyle style;
	const char *color;      /* of the text */
} SeverityLook;

static const SeverityLook looks[] = {
	[SEV_ERROR] = { "\u2716", { "#B2182B", "#67001F", NULL, 1, false }, "#FFFFFF" },
	[SEV_WARNING] = { "\u25b2", { "#FDDB8C", "#8C510A", NULL, 1, true }, INK },
	[SEV_INFO] = { "\u25cf", { "#FFFFFF", "#4D4D4D", "dashed", 1, true }, INK },
};

/* Stage coverage: fill, border and a word, from light to dark. */
typedef enum Cover { COVER_FULL, COVER_PARTIAL, COVER_NONE } Cover;

static const struct {
	BoardStyle style;
	const char *glyph, *word;
} covers[] = {
	[COVER_FULL] = { { "#EAF3FB", "#4D4D4D", NULL, 1.2, false }, "\u25cf", "covered" },
	[COVER_PARTIAL] = { { "#FBDDA9", "#8C510A", "dashed", 1.6, false }, "\u25d0", "partly covered" },
	[COVER_NONE] = { { "#EFA38F", "#67001F", NULL, 2.6, false }, "\u25cb", "not covered" },
};

static const BoardStyle PLACEHOLDER = { "#FFFFFF", "#67001F", "dashed", 1.6, false };
static const BoardStyle PLACEHOLDER_LINK = { NULL, "#67001F", "dashed", 1.4, false };
static const BoardStyle PANEL = { NULL, "#8C8C8C", NULL, 1, false };
static const BoardStyle WORST_PANEL = { "#FFFFFF", "#67001F", NULL, 2.4, false };
static const BoardStyle TAG = { "#FFFFFF", "#8C8C8C", NULL, 0.8, true };

/* ---- the short words of a mark ---- */

typedef struct Gaps {
	Arena *a;
	const Unit *u;
	const Roadmap *rm;
	const char *stem;
	RoadmapPicture pic;
	Plan plan;
	StrMap ids;             /* mark ids given, to keep them unique */
	BoardBox *content_panel, *other_panel;
	StrMap content_rows;    /* "content:ID" -> its row in the content panel */
	size_t content_listed, content_hidden, other_listed, other_hidden;
} Gaps;

/* What a finding's badge says, in a few words. */
static const char *mark_words(Gaps *g, const Diag *d)
{
	static const struct {
		const char *check, *words;
	} fixed[] = {
		{ "stage-without-seller-action", "no seller action" },
		{ "question-without-answer", "no answer" },
		{ "answer-without-content", "no content" },
		{ "seller-action-without-stage", "serves no stage" },
		{ "roadmap-ends-at-sale", "stops at the sale" },
		{ "concern-unaddressed", "concern open" },
		{ "stage-without-questions", "no questions" },
		{ "critical-characteristic-unaddressed", "not proven" },
		{ "channel-mismatch", "not on its channels" },
		{ "content-unused", "unused" },
		{ "content-stale", "stale" },
		{ "missing-owner", "no owner" },
		{ "unused-ignore", "needless ignore" },
	};
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		if (strcmp(d->check, fixed[i].check) == 0)
			return fixed[i].words;
	if (strcmp(d->check, "content-not-published") == 0) {
		const Content *c = subject_as_content(d->object);
		return c ? arena_printf(g->a, "%s content", vocab_statuses[c->status]) : "not published";
	}
	if (strcmp(d->check, "expected-value-missing") == 0 && d->object.kind == SUBJECT_VALUE)
		return arena_printf(g->a, "no %s", (const char *)d->object.item);
	if (strcmp(d->check, "unwanted-value") == 0) {
		const SellerAction *sa = subject_as_seller(d->subject);
		const Stage *st = subject_as_stage(d->object);
		return sa && st && model_stage_left_alone(st) ? "reaches out" : "wrong value";
	}
	if (strcmp(d->check, "timing-mismatch") == 0) {
		const SellerAction *sa = subject_as_seller(d->subject);
		const Stage *st = subject_as_stage(d->object);
		return sa && st && sa->when.start > st->when.end ? "late" : "early";
	}
	if (strcmp(d->check, "process-misaligned") == 0)
		return d->subject.kind == SUBJECT_PROCESS_START ? "selling starts late" : "selling ends early";
	return d->check;        /* a rule's finding: its name says it */
}

/* ❶..❿: the rank of a worst gap. */
static const char *rank_glyph(size_t rank)
{
	static const char *const digits[] = { "\u2776", "\u2777", "\u2778", "\u2779", "\u277a",
					      "\u277b", "\u277c", "\u277d", "\u277e", "\u277f" };
	return rank >= 1 && rank <= 10 ? digits[rank - 1] : NULL;
}

/* The badge of finding 'd': glyph, rank, words; class, id and tooltip. */
static BoardBadge mark_badge(Gaps *g, const Diag *d)
{
	const SeverityLook *look = &looks[d->sev];
	const PlanAction *act = plan_action_of(&g->plan, d);
	const char *rank = act && act->rank <= WORST_GAPS ? rank_glyph(act->rank) : NULL;
	const char *text = rank ? arena_printf(g->a, "%s %s %s", rank, look->glyph, mark_words(g, d))
				: arena_printf(g->a, "%s %s", look->glyph, mark_words(g, d));
	const char *item = d->item ? d->item : "roadmap";
	const char *id = arena_printf(g->a, "mark:%s:%s", d->check, item);
	/* Two findings of one check about one item (a rule may say so, and a
	 * seller action can use one draft item many times): the second id
	 * gets "~2", and so on. A count per id keeps that linear. */
	size_t *seen = strmap_get(&g->ids, id, strlen(id));
	if (!seen) {
		seen = arena_alloc(g->a, sizeof *seen);
		strmap_put(&g->ids, id, strlen(id), seen);
	}
	if ((*seen)++)
		id = arena_printf(g->a, "%s~%zu", id, *seen);
	BoardBadge b = { text, look->style, look->color,
			 { arena_printf(g->a, "mark %s %s", d->check, severity_name(d->sev)), id, d->message } };
	return b;
}

/* ---- where each finding goes ---- */

static const char *key(Gaps *g, Subject s, Subject o, const char *part)
{
	const char *n = model_item_name(g->a, s, o);
	return part ? arena_printf(g->a, "%s#%s", n, part) : n;
}

static BoardRow *row(Gaps *g, const char *k)
{
	return roadmap_picture_row(&g->pic, k);
}

static BoardBox *panel(Gaps *g, BoardBox **slot, const char *name, const char *title)
{
	if (!*slot) {
		BoardBox *x = *slot = board_box(g->pic.board, BOARD_FOOT, (BoardTime){ 0, 0 },
						(BoardTime){ 0, 0 }, name);
		x->style = PANEL;
		x->max_width = 380;
		board_row(g->pic.board, x, 0, NULL, title, 10, FONT_BOLD, INK);
	}
	return *slot;
}

/* The row of content item 'c' in the "content to fix" panel, or NULL when
 * the panel is full (the item is counted in its last row). */
static BoardRow *content_row(Gaps *g, const Content *c)
{
	const char *k = arena_printf(g->a, "content:%s", c->id);
	void *v = strmap_get(&g->content_rows, k, strlen(k));
	if (v == (void *)&g->content_hidden)
		return NULL;
	if (v)
		return v;
	if (g->content_listed >= PANEL_ROWS_MAX) {
		g->content_hidden++;
		strmap_put(&g->content_rows, k, strlen(k), &g->content_hidden);
		return NULL;
	}
	BoardRow *r;
	g->content_listed++;
	BoardBox *x = panel(g, &g->content_panel, "panel:content", "Content to fix");
	const char *status = c->status == STATUS_PUBLISHED ? "" : arena_printf(g->a, ", %s", vocab_statuses[c->status]);
	r = board_row(g->pic.board, x, 1, "\u25a4",
		      arena_printf(g->a, "%s (%s%s%s)", c->title, c->type ? c->type : "content", status,
				   c->owner ? arena_printf(g->a, ", %s", c->owner) : ""),
		      9, FONT_REGULAR, INK);
	strmap_put(&g->content_rows, k, strlen(k), r);
	return r;
}

/* A dashed box where something is missing, with the mark in it. */
static BoardBox *placeholder(Gaps *g, BoardPlace place, BoardTime s, BoardTime e, const char *name,
			     const char *title, const char *note)
{
	Board *b = g->pic.board;
	BoardBox *x = board_box(b, place, s, e, name);
	x->style = PLACEHOLDER;
	x->max_width = 220;
	board_row(b, x, 0, NULL, title, 10, FONT_BOLD, "#67001F");
	return board_row(b, x, 0, NULL, note, 8, FONT_ITALIC, INK) ? x : x;
}

static BoardRow *last_row(BoardBox *x)
{
	return x->rows[x->nrows - 1];
}

/* The span of the seller actions that serve some stage: where the
 * selling process starts and ends (as process-misaligned compares). */
static bool selling_span(const Roadmap *rm, double *start, double *end)
{
	bool any = false;
	for (size_t i = 0; i < rm->nseller; i++) {
		const SellerAction *sa = rm->seller[i];
		if (!sa->when.set || sa->supports.n == 0)
			continue;
		if (!any || sa->when.start < *start)
			*start = sa->when.start;
		if (!any || sa->when.end > *end)
			*end = sa->when.end;
		any = true;
	}
	return any;
}

/* Where finding 'd' is drawn: a row, a link, or a placeholder made for it.
 * Returns false when the picture has no place for it. */
static bool place_mark(Gaps *g, const Diag *d, const BoardBadge *badge)
{
	Board *b = g->pic.board;
	const Roadmap *rm = g->rm;
	const char *check = d->check;
	Subject s = d->subject, o = d->object;
	const Stage *st = subject_as_stage(s);
	BoardRow *r = NULL;

	if (strcmp(check, "stage-without-seller-action") == 0 && st) {
		BoardBox *sb = g->pic.stages[st->index];
		BoardBox *x = placeholder(g, BOARD_SELLER, sb->start, sb->end,
					  arena_printf(g->a, "missing:%s", st->id), "? No seller action",
					  arena_printf(g->a, "Nobody serves \u201c%s\u201d", st->name));
		board_row_badge(b, last_row(x), badge);
		board_link(b, x, sb, PLACEHOLDER_LINK, (BoardTag){ "link missing", NULL, NULL });
		return true;
	}
	if (strcmp(check, "process-misaligned") == 0 && st && st->when.set) {
		double start = 0, end = 0;
		bool late = s.kind == SUBJECT_PROCESS_START;
		if (selling_span(rm, &start, &end)) {
			BoardTime from = { late ? st->when.start : end, 0 }, to = { late ? start : st->when.end, 0 };
			const char *when = model_point_text(g->a, rm->timeline, late ? start : end);
			BoardBox *x = placeholder(g, BOARD_SELLER, from, to,
						  arena_printf(g->a, "missing:process-%s", late ? "start" : "end"),
						  late ? "? Nobody selling yet" : "? Nobody selling any more",
						  late ? arena_printf(g->a, "The first seller action starts at %s", when)
						       : arena_printf(g->a, "The last seller action ends at %s", when));
			board_row_badge(b, last_row(x), badge);
			return true;
		}
	}
	if (strcmp(check, "roadmap-ends-at-sale") == 0) {
		BoardTime from = { g->pic.last.t, g->pic.last.sub + 1 }, to = { g->pic.last.t, g->pic.last.sub + 2 };
		BoardBox *x = placeholder(g, BOARD_BUYER, from, to, "missing:after-sale", "? After the sale",
					  "No post-purchase stage: onboarding, use and renewal are not mapped");
		board_row_badge(b, last_row(x), badge);
		return true;
	}
	if (strcmp(check, "timing-mismatch") == 0 || strcmp(check, "unwanted-value") == 0) {
		BoardLink *l = d->item ? roadmap_picture_link(&g->pic, d->item) : NULL;
		if (l) {
			board_link_badge(b, l, badge);
			return true;
		}
	}
	if (strcmp(check, "critical-characteristic-unaddressed") == 0)
		r = row(g, "roadmap#critical");
	else if (strcmp(check, "expected-value-missing") == 0 && st)
		r = row(g, key(g, subject_stage(st), subject_none(), "expects"));
	else if (strcmp(check, "channel-mismatch") == 0 && st)
		r = row(g, key(g, subject_stage(st), subject_none(), "prefers"));
	else if (strcmp(check, "stage-without-questions") == 0 && st)
		r = row(g, key(g, subject_stage(st), subject_none(), "questions"));
	else if (strcmp(check, "missing-owner") == 0 && subject_as_seller(s))
		r = row(g, key(g, s, subject_none(), "owner"));
	else if (o.kind == SUBJECT_CONTENT && s.kind != SUBJECT_CONTENT)
		r = row(g, key(g, s, o, NULL));         /* a reference: content-not-published */
	if (r) {
		board_row_badge(b, r, badge);
		return true;
	}
	/* Otherwise by the item it is about. */
	switch (s.kind) {
	case SUBJECT_QUESTION:
	case SUBJECT_CONCERN:
		r = row(g, key(g, s, subject_none(), NULL));
		break;
	case SUBJECT_STAGE:
	case SUBJECT_PROCESS_START:
	case SUBJECT_PROCESS_END:
		r = row(g, key(g, subject_stage(st), subject_none(), "name"));
		break;
	case SUBJECT_SELLER:
		r = row(g, key(g, s, subject_none(), "name"));
		break;
	case SUBJECT_CONTENT:
		r = content_row(g, subject_as_content(s));
		if (!r)
			return true;    /* past the panel's rows: counted in its last */
		break;
	default:
		break;
	}
	if (r) {
		board_row_badge(b, r, badge);
		return true;
	}
	return false;
}

/* Stale content is marked in the content panel; where it is used, a tag
 * says so too (a tag, not a mark: the finding has one mark). */
static void tag_stale_uses(Gaps *g, const Diag *d)
{
	const Content *c = subject_as_content(d->subject);
	if (strcmp(d->check, "content-stale") != 0 || !c)
		return;
	size_t n;
	const Subject *users = model_content_users(g->rm->index, c, &n);
	for (size_t i = 0; i < n; i++) {
		BoardRow *r = row(g, key(g, users[i], subject_content(c), NULL));
		BoardBadge tag = { "stale", TAG, INK, { "tag stale", NULL, NULL } };
		if (r)
			board_row_badge(g->pic.board, r, &tag);
	}
}

/* A finding the picture has no place for (a rule's finding about the
 * whole roadmap, say): listed with its message. */
static void place_other(Gaps *g, const Diag *d, const BoardBadge *badge)
{
	if (g->other_listed++ >= PANEL_ROWS_MAX) {
		g->other_hidden++;
		return;
	}
	BoardBox *x = panel(g, &g->other_panel, "panel:other", "Other findings");
	BoardRow *r = board_row(g->pic.board, x, 1, "\u2022", d->message, 9, FONT_REGULAR, INK);
	board_row_badge(g->pic.board, r, badge);
}

/* ---- coverage ---- */

static Cover stage_cover(const Roadmap *rm, const Stage *st, size_t *covered)
{
	size_t nsellers;
	model_stage_sellers(rm->index, st, &nsellers);
	bool supported = nsellers > 0 || model_stage_left_alone(st);
	*covered = 0;
	for (size_t i = 0; i < st->nquestions; i++)
		*covered += model_question_covered(st->questions[i]);
	if (supported && st->nquestions > 0 && *covered == st->nquestions)
		return COVER_FULL;
	if (!supported && *covered == 0)
		return COVER_NONE;
	return COVER_PARTIAL;
}

static void cover_stages(Gaps *g)
{
	const Roadmap *rm = g->rm;
	for (size_t i = 0; i < rm->nstages; i++) {
		const Stage *st = rm->stages[i];
		size_t covered;
		Cover c = stage_cover(rm, st, &covered);
		BoardBox *x = g->pic.stages[i];
		x->style = covers[c].style;
		size_t nsellers;
		model_stage_sellers(rm->index, st, &nsellers);
		const char *served = model_stage_left_alone(st) ? "left alone"
			: nsellers ? "served" : "not served";
		BoardBadge tag = { arena_printf(g->a, "%s %s: %s, %zu of %zu question%s", covers[c].glyph,
						covers[c].word, served, covered, st->nquestions,
						st->nquestions == 1 ? "" : "s"),
				   TAG, INK, { arena_printf(g->a, "coverage %s", c == COVER_FULL ? "full"
								 : c == COVER_PARTIAL ? "partial" : "none"),
					       NULL, NULL } };
		board_row_badge(g->pic.board, row(g, key(g, subject_stage(st), subject_none(), "meta")), &tag);
	}
}

/* ---- the panels ---- */

static const char *item_label(Gaps *g, const PlanAction *act)
{
	const Diag *d = act->finding;
	if (act->stage)
		return act->stage->name;
	if (subject_as_seller(d->subject))
		return subject_as_seller(d->subject)->name;
	if (subject_as_content(d->subject))
		return subject_as_content(d->subject)->title;
	(void)g;
	return "The roadmap";
}

/* "Fix these first": the first actions of the plan, as ranked there. */
static void worst_gaps(Gaps *g)
{
	Board *b = g->pic.board;
	BoardBox *x = board_box(b, BOARD_HEAD, (BoardTime){ 0, 0 }, (BoardTime){ 0, 0 }, "panel:worst");
	x->style = WORST_PANEL;
	x->max_width = 520;
	size_t n = g->plan.n < WORST_GAPS ? g->plan.n : WORST_GAPS;
	board_row(b, x, 0, NULL, n ? "Fix these first" : "No gaps: nothing to fix", 12, FONT_BOLD, "#67001F");
	for (size_t i = 0; i < n; i++) {
		const PlanAction *act = &g->plan.actions[i];
		board_row(b, x, 1, rank_glyph(act->rank), act->title, 10, FONT_BOLD, INK);
		board_row(b, x, 2, NULL,
			  arena_printf(g->a, "%s %s \u00b7 at %s \u00b7 %s \u00b7 owner: %s \u00b7 %s",
				       looks[act->finding->sev].glyph, severity_name(act->finding->sev),
				       item_label(g, act), plan_priority_name(act->priority),
				       plan_owner_name(act), act->finding->check),
			  8, FONT_REGULAR, "#444444");
	}
	if (g->plan.n > n)
		board_row(b, x, 0, NULL,
			  arena_printf(g->a, "and %zu more in the action plan, %s.plan.md", g->plan.n - n,
				       g->stem), 8, FONT_ITALIC, "#444444");
}

static void legend(Gaps *g)
{
	Board *b = g->pic.board;
	BoardBox *x = board_box(b, BOARD_HEAD, (BoardTime){ 0, 0 }, (BoardTime){ 0, 0 }, "legend");
	x->style = PANEL;
	x->max_width = 400;
	board_row(b, x, 0, NULL, "How to read it", 9, FONT_BOLD, INK);
	static const Severity sevs[] = { SEV_ERROR, SEV_WARNING, SEV_INFO };
	static const char *const what[] = { "an error: a gap the buyer falls into",
					    "a warning: a weak spot", "a note: worth a look" };
	for (int i = 0; i < 3; i++) {
		const SeverityLook *l = &looks[sevs[i]];
		BoardRow *r = board_row(b, x, 1, NULL, what[i], 8, FONT_REGULAR, INK);
		BoardBadge sw = { l->glyph, l->style, l->color, { NULL, NULL, NULL } };
		board_row_sample(b, r, SAMPLE_SWATCH, l->style, &sw);
	}
	for (int c = 0; c < 3; c++) {
		BoardRow *r = board_row(b, x, 1, NULL,
					c == COVER_FULL ? "stage covered: served, every question answered with content"
					: c == COVER_PARTIAL ? "stage partly covered"
					: "stage not covered: nobody serves it, no question covered",
					8, FONT_REGULAR, INK);
		BoardBadge sw = { covers[c].glyph, covers[c].style, INK, { NULL, NULL, NULL } };
		board_row_sample(b, r, SAMPLE_SWATCH, covers[c].style, &sw);
	}
	BoardBadge missing = { "?", PLACEHOLDER, "#67001F", { NULL, NULL, NULL } };
	board_row_sample(b, board_row(b, x, 1, NULL, "missing: a seller action or stage to add", 8,
				      FONT_REGULAR, INK), SAMPLE_SWATCH, PLACEHOLDER, &missing);
	board_row(b, x, 1, "\u2776", "a worst gap, as numbered in \u201cFix these first\u201d", 8,
		  FONT_REGULAR, INK);
	board_row(b, x, 0, NULL, "Point at a mark to read the finding.", 8, FONT_ITALIC, "#444444");
}

/* The title's line of coverage and counts; coverage as every format shows
 * it (report.h), rounded down to a tenth. */
static void coverage_line(Gaps *g)
{
	const Coverage *cv = &g->u->coverage;
	size_t e = diag_count(&g->u->diags, SEV_ERROR), w = diag_count(&g->u->diags, SEV_WARNING);
	size_t i = diag_count(&g->u->diags, SEV_INFO);
	StrBuf q = STRBUF_INIT, s = STRBUF_INIT;
	report_percent(&q, cv->questions_done, cv->questions_total);
	report_percent(&s, cv->stages_done, cv->stages_total);
	board_row(g->pic.board, g->pic.title, 0, NULL,
		  arena_printf(g->a, "Coverage: questions %s (%zu of %zu) \u00b7 stages %s (%zu of %zu) "
			       "\u00b7 %zu error%s, %zu warning%s, %zu note%s", strbuf_cstr(&q),
			       cv->questions_done, cv->questions_total, strbuf_cstr(&s), cv->stages_done,
			       cv->stages_total, e, e == 1 ? "" : "s", w, w == 1 ? "" : "s", i,
			       i == 1 ? "" : "s"),
		  10, FONT_BOLD, INK);
	strbuf_free(&q);
	strbuf_free(&s);
}

/* Findings in an order that does not depend on where they are in the file
 * (check, item, message), so the YAML and Lua forms of a roadmap, whose
 * lines differ, draw the same picture. Ties keep report order. */
static int by_finding(const void *a, const void *b)
{
	const Diag *x = *(const Diag *const *)a, *y = *(const Diag *const *)b;
	int c = strcmp(x->check, y->check);
	if (!c)
		c = strcmp(x->item ? x->item : "", y->item ? y->item : "");
	if (!c)
		c = strcmp(x->message, y->message);
	return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

int render_gaps(const OutputContext *ctx, StrBuf *out, StrBuf *err)
{
	Gaps g;
	Arena a;
	arena_init(&a);
	memset(&g, 0, sizeof g);
	g.a = &a;
	g.u = ctx->unit;
	g.rm = ctx->unit->roadmap;
	g.stem = ctx->stem ? ctx->stem : "roadmap";
	strmap_init(&g.ids, &a);
	strmap_init(&g.content_rows, &a);
	if (roadmap_picture_build(&g.pic, ctx, &a, "gaps", err) < 0) {
		arena_free(&a);
		return 1;       /* too big: nothing to write, 'err' says why */
	}
	plan_build(g.u, &a, &g.plan);
	coverage_line(&g);
	worst_gaps(&g);
	legend(&g);
	cover_stages(&g);
	const Diag **order = arena_alloc(&a, (g.u->diags.n + 1) * sizeof *order);
	for (size_t i = 0; i < g.u->diags.n; i++)
		order[i] = g.u->diags.items[i];
	qsort(order, g.u->diags.n, sizeof *order, by_finding);
	for (size_t i = 0; i < g.u->diags.n; i++) {
		const Diag *d = order[i];
		if (d->suppressed || d->sev == SEV_OFF)
			continue;
		BoardBadge badge = mark_badge(&g, d);
		if (!place_mark(&g, d, &badge))
			place_other(&g, d, &badge);
		tag_stale_uses(&g, d);
	}
	if (g.content_hidden)
		board_row(g.pic.board, g.content_panel, 0, NULL,
			  arena_printf(&a, "and %zu more content items: the action plan lists them", g.content_hidden),
			  8, FONT_ITALIC, "#444444");
	if (g.other_hidden)
		board_row(g.pic.board, g.other_panel, 0, NULL,
			  arena_printf(&a, "and %zu more findings: the action plan lists them", g.other_hidden),
			  8, FONT_ITALIC, "#444444");
	int rc = roadmap_picture_emit(&g.pic, ctx, out, err);
	arena_free(&a);
	return rc;
}
