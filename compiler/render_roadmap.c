/* render_roadmap.c - the roadmap view, and the picture both views draw.
 *
 * Outputs layer; see render_roadmap.h. Gooze's picture: the seller's
 * actions on the upper lane, the buyer's stages on the lower one, both on
 * the roadmap's time axis, a link from each action to each stage it
 * supports, styled by how well it serves it (the timing-mismatch and
 * unwanted-value findings say so). What a box shows is what the roadmap
 * says: a stage's name, window, expected value, concerns and questions with
 * their answers and content; a seller action's owner, window, channel, what
 * it delivers and the content it uses. Where to put a stage without a
 * window: after the stage before it, in file order. */
#include "render_roadmap.h"
#include "model_index.h"
#include "render.h"

#include <string.h>

/* ---- the look ---- */

static const BoardStyle STAGE_STYLE = { "#FFFFFF", "#4D4D4D", NULL, 1.2, false };
static const BoardStyle SELLER_STYLE = { "#FFFFFF", "#0072B2", NULL, 1.2, true };
/* Panels are not filled: the samples of their legend lines are drawn under
 * them, like every line. */
static const BoardStyle PANEL_STYLE = { NULL, "#8C8C8C", NULL, 1, false };

/* Links, by alignment: colour, and line style so they read in grey too. */
static const BoardStyle LINK_IN_STEP = { NULL, "#0072B2", NULL, 1.4, false };
static const BoardStyle LINK_OUT_OF_TIME = { NULL, "#B35C00", "dashed", 1.8, false };
static const BoardStyle LINK_WRONG_VALUE = { NULL, "#B22222", "dotted", 2.2, false };
static const BoardStyle TAG_STYLE = { "#FFFFFF", "#8C8C8C", NULL, 0.8, true };

#define INK "#111111"
#define SOFT "#444444"

#define NAME_SIZE 10
#define BODY_SIZE 9
#define SMALL_SIZE 8

static const char *const unit_many[] = { "days", "weeks", "months" };

const char *roadmap_window_text(Arena *a, const Roadmap *rm, const Window *w)
{
	return w->set ? model_window_text(a, rm->timeline, w) : "no window";
}

/* ---- anchors ---- */

static void anchor(StrMap *m, const char *key, void *v)
{
	strmap_put(m, key, strlen(key), v);
}

static void *lookup(const StrMap *m, const char *key)
{
	return strmap_get(m, key, strlen(key));
}

BoardRow *roadmap_picture_row(const RoadmapPicture *p, const char *key)
{
	return lookup(&p->rows, key);
}

BoardLink *roadmap_picture_link(const RoadmapPicture *p, const char *key)
{
	return lookup(&p->links, key);
}

BoardBox *roadmap_picture_box(const RoadmapPicture *p, const char *key)
{
	return lookup(&p->boxes, key);
}

static const char *name_of(RoadmapPicture *p, Subject s, Subject o, const char *part)
{
	const char *n = model_item_name(p->arena, s, o);
	return part ? arena_printf(p->arena, "%s#%s", n, part) : n;
}

/* ---- words ---- */

/* The content a question or seller action references, as a row each. */
static void content_rows(RoadmapPicture *p, BoardBox *x, int level, Subject owner, const RefList *refs)
{
	for (size_t i = 0; i < refs->n; i++) {
		const Content *c = refs->items[i].target.content;
		if (!c)
			continue;
		const char *text = c->status == STATUS_PUBLISHED ? c->title
			: arena_printf(p->arena, "%s (%s)", c->title, vocab_statuses[c->status]);
		BoardRow *r = board_row(p->board, x, level, "\u25a4", text, SMALL_SIZE, FONT_REGULAR, SOFT);
		anchor(&p->rows, name_of(p, owner, subject_content(c), NULL), r);
	}
}

/* The status of a question, as a glyph: covered (an answer and published
 * content), content not published, an answer without content, no answer. */
static const char *question_glyph(const Question *q)
{
	if (!q->answer)
		return "\u2717";
	if (q->content.n == 0)
		return "\u25cb";
	return model_question_covered(q) ? "\u2713" : "\u25d0";
}

/* ---- the boxes ---- */

/* Every item in 'refs' (the content 'owner' references) anchored at 'r'. */
static void anchor_refs(RoadmapPicture *p, BoardRow *r, Subject owner, const RefList *refs)
{
	for (size_t i = 0; i < refs->n; i++)
		if (refs->items[i].target.content)
			anchor(&p->rows, name_of(p, owner, subject_content(refs->items[i].target.content), NULL), r);
}

/* A big roadmap's stage says how many concerns and questions it has, and
 * how far they are answered, instead of their words: one row each, where
 * the marks of its concerns, questions and their content hang. */
static void collapsed_stage_rows(RoadmapPicture *p, BoardBox *x, const Stage *st)
{
	Board *b = p->board;
	Arena *a = p->arena;
	if (st->nconcerns) {
		BoardRow *r = board_row(b, x, 1, "\u25c7", arena_printf(a, "%zu concern%s", st->nconcerns,
									 st->nconcerns == 1 ? "" : "s"),
					BODY_SIZE, FONT_REGULAR, INK);
		for (size_t i = 0; i < st->nconcerns; i++) {
			const Concern *co = st->concerns[i];
			anchor(&p->rows, name_of(p, subject_concern(co), subject_none(), NULL), r);
			anchor_refs(p, r, subject_concern(co), &co->content);
		}
	}
	size_t n[4] = { 0, 0, 0, 0 };   /* covered, not published, no content, no answer */
	for (size_t i = 0; i < st->nquestions; i++) {
		const Question *q = st->questions[i];
		n[!q->answer ? 3 : q->content.n == 0 ? 2 : model_question_covered(q) ? 0 : 1]++;
	}
	const char *text = st->nquestions
		? arena_printf(a, "%zu question%s: \u2713 %zu \u25d0 %zu \u25cb %zu \u2717 %zu", st->nquestions,
			       st->nquestions == 1 ? "" : "s", n[0], n[1], n[2], n[3])
		: "No buyer questions recorded";
	BoardRow *r = board_row(b, x, 0, NULL, text, BODY_SIZE, st->nquestions ? FONT_REGULAR : FONT_ITALIC, INK);
	anchor(&p->rows, name_of(p, subject_stage(st), subject_none(), "questions"), r);
	for (size_t i = 0; i < st->nquestions; i++) {
		Subject qs = subject_question(st->questions[i]);
		anchor(&p->rows, name_of(p, qs, subject_none(), NULL), r);
		anchor(&p->rows, name_of(p, qs, subject_none(), "answer"), r);
		anchor_refs(p, r, qs, &st->questions[i]->content);
	}
}

static void stage_rows(RoadmapPicture *p, BoardBox *x, const Stage *st)
{
	Board *b = p->board;
	Arena *a = p->arena;
	Subject s = subject_stage(st);
	anchor(&p->rows, name_of(p, s, subject_none(), "name"),
	       board_row(b, x, 0, NULL, st->name, NAME_SIZE, FONT_BOLD, INK));
	const char *meta = arena_printf(a, "%s \u00b7 %s", roadmap_window_text(a, p->rm, &st->when),
					vocab_phases[st->phase]);
	anchor(&p->rows, name_of(p, s, subject_none(), "meta"),
	       board_row(b, x, 0, NULL, meta, SMALL_SIZE, FONT_REGULAR, SOFT));
	const char *expects = !st->expects ? "Expects: not said"
		: model_stage_left_alone(st) ? "Expects: to be left alone"
		: arena_printf(a, "Expects: %s", model_words(a, vocab_values, st->expects, "and"));
	anchor(&p->rows, name_of(p, s, subject_none(), "expects"),
	       board_row(b, x, 0, NULL, expects, BODY_SIZE, FONT_REGULAR, INK));
	if (st->prefers)
		anchor(&p->rows, name_of(p, s, subject_none(), "prefers"),
		       board_row(b, x, 0, NULL, arena_printf(a, "Prefers: %s", model_words(a, vocab_channels, st->prefers, "and")),
				 BODY_SIZE, FONT_REGULAR, INK));
	if (p->collapsed) {
		collapsed_stage_rows(p, x, st);
		return;
	}
	if (st->nconcerns) {
		board_row(b, x, 0, NULL, "Concerns", SMALL_SIZE, FONT_BOLD, SOFT);
		for (size_t i = 0; i < st->nconcerns; i++) {
			const Concern *co = st->concerns[i];
			BoardRow *r = board_row(b, x, 1, "\u25c7", co->text, BODY_SIZE, FONT_REGULAR, INK);
			anchor(&p->rows, name_of(p, subject_concern(co), subject_none(), NULL), r);
			content_rows(p, x, 2, subject_concern(co), &co->content);
		}
	}
	BoardRow *head = board_row(b, x, 0, NULL, st->nquestions ? "Questions" : "No buyer questions recorded",
				   SMALL_SIZE, st->nquestions ? FONT_BOLD : FONT_ITALIC, SOFT);
	anchor(&p->rows, name_of(p, s, subject_none(), "questions"), head);
	for (size_t i = 0; i < st->nquestions; i++) {
		const Question *q = st->questions[i];
		Subject qs = subject_question(q);
		const char *ask = q->ask;
		if (q->critical && q->priority == PRIORITY_HIGH)
			ask = arena_printf(a, "%s (\u2605 critical, high priority)", ask);
		else if (q->critical)
			ask = arena_printf(a, "%s (\u2605 critical)", ask);
		else if (q->priority == PRIORITY_HIGH)
			ask = arena_printf(a, "%s (high priority)", ask);
		anchor(&p->rows, name_of(p, qs, subject_none(), NULL),
		       board_row(b, x, 1, question_glyph(q), ask, BODY_SIZE, FONT_REGULAR, INK));
		anchor(&p->rows, name_of(p, qs, subject_none(), "answer"),
		       board_row(b, x, 2, "\u21b3", q->answer ? q->answer : "no answer yet", SMALL_SIZE,
				 FONT_ITALIC, q->answer ? "#333333" : "#8A1C00"));
		content_rows(p, x, 2, qs, &q->content);
	}
}

static void seller_rows(RoadmapPicture *p, BoardBox *x, const SellerAction *sa)
{
	Board *b = p->board;
	Arena *a = p->arena;
	Subject s = subject_seller(sa);
	anchor(&p->rows, name_of(p, s, subject_none(), "name"),
	       board_row(b, x, 0, NULL, sa->name, NAME_SIZE, FONT_BOLD, INK));
	const char *meta = roadmap_window_text(a, p->rm, &sa->when);
	if (sa->channel >= 0)
		meta = arena_printf(a, "%s \u00b7 %s", meta, vocab_channels[sa->channel]);
	board_row(b, x, 0, NULL, meta, SMALL_SIZE, FONT_REGULAR, SOFT);
	anchor(&p->rows, name_of(p, s, subject_none(), "owner"),
	       board_row(b, x, 0, NULL, arena_printf(a, "Owner: %s", sa->owner ? sa->owner : "none"),
			 SMALL_SIZE, FONT_REGULAR, sa->owner ? SOFT : "#8A1C00"));
	ValueSet v = model_seller_delivers(sa);
	anchor(&p->rows, name_of(p, s, subject_none(), "delivers"),
	       board_row(b, x, 0, NULL, v ? arena_printf(a, "Delivers: %s", model_words(a, vocab_values, v, "and"))
					   : "Delivers: not said", BODY_SIZE, FONT_REGULAR, INK));
	if (sa->supports.n == 0)
		board_row(b, x, 0, NULL, "Supports no buying stage", SMALL_SIZE, FONT_ITALIC, "#8A1C00");
	if (!p->collapsed) {
		content_rows(p, x, 1, s, &sa->uses);
	} else if (sa->uses.n) {
		BoardRow *r = board_row(b, x, 1, "\u25a4", arena_printf(a, "uses %zu content item%s", sa->uses.n,
									sa->uses.n == 1 ? "" : "s"),
					SMALL_SIZE, FONT_REGULAR, SOFT);
		anchor_refs(p, r, s, &sa->uses);
	}
}

/* ---- placing on the axis ---- */

static BoardTime at(double t)
{
	return (BoardTime){ t, 0 };
}

/* A stage's span: its window, or, without one, the point after the stage
 * before it (in file order). */
static void stage_spans(RoadmapPicture *p, BoardTime *start, BoardTime *end)
{
	const Roadmap *rm = p->rm;
	double t0 = 0;
	bool any = false;
	for (size_t i = 0; i < rm->nstages; i++) {
		if (rm->stages[i]->when.set && (!any || rm->stages[i]->when.start < t0)) {
			t0 = rm->stages[i]->when.start;
			any = true;
		}
	}
	BoardTime prev = at(t0);
	for (size_t i = 0; i < rm->nstages; i++) {
		const Window *w = &rm->stages[i]->when;
		if (w->set) {
			start[i] = at(w->start);
			end[i] = w->end > w->start ? at(w->end) : (BoardTime){ w->start, 1 };
		} else {
			start[i] = prev;
			end[i] = (BoardTime){ prev.t, prev.sub + 1 };
		}
		prev = end[i];
	}
}

static int cmp_t(BoardTime a, BoardTime b)
{
	return a.t != b.t ? (a.t < b.t ? -1 : 1) : (a.sub > b.sub) - (a.sub < b.sub);
}

/* ---- the title ---- */

static void title_rows(RoadmapPicture *p, const OutputContext *ctx, const char *view)
{
	Board *b = p->board;
	Arena *a = p->arena;
	const Roadmap *rm = p->rm;
	(void)ctx;
	BoardBox *t = p->title = board_title(b);
	board_row(b, t, 0, NULL, arena_printf(a, "%s \u2014 %s", rm->product, view), 16, FONT_BOLD, INK);
	board_row(b, t, 0, NULL, arena_printf(a, "Segment: %s", rm->segment), 10, FONT_REGULAR, INK);
	board_row(b, t, 0, NULL, arena_printf(a, "Category: %s \u00b7 time in %s",
					     vocab_categories[rm->category], unit_many[rm->timeline]),
		  9, FONT_REGULAR, SOFT);
	if (p->collapsed)
		board_row(b, t, 0, NULL,
			  arena_printf(a, "A big roadmap (%zu stages): boxes show counts, not the words of "
				       "questions, concerns and content; the action plan lists every gap", rm->nstages),
			  9, FONT_ITALIC, SOFT);
	anchor(&p->rows, "roadmap#critical",
	       board_row(b, t, 0, NULL,
			 rm->critical_characteristic
			 ? arena_printf(a, "Critical characteristic: %s", rm->critical_characteristic)
			 : "Critical characteristic: not set", 10, FONT_REGULAR, INK));
}

/* ---- building ---- */

/* How each link serves its stage, from the findings about the pair (any,
 * suppressed or not: an accepted gap is still drawn as one). */
static void style_links(RoadmapPicture *p, const Unit *u)
{
	Arena *a = p->arena;
	for (size_t i = 0; i < u->diags.n; i++) {
		const Diag *d = u->diags.items[i];
		BoardLink *l = d->item ? lookup(&p->links, d->item) : NULL;
		if (!l)
			continue;
		bool value = strcmp(d->check, "unwanted-value") == 0;
		bool timing = strcmp(d->check, "timing-mismatch") == 0;
		if (!value && !timing)
			continue;
		const char *name = board_link_tag(l)->tooltip;
		const char *klass = board_link_tag(l)->klass;
		if (strcmp(klass, "link in-step") == 0)
			klass = "link";
		BoardTag tag = { arena_printf(a, "%s %s", klass, value ? "wrong-value" : "out-of-time"), NULL,
				 arena_printf(a, "%s: %s", name, d->message) };
		/* The wrong value is the worse: it wins the line style. */
		bool was_value = strstr(klass, "wrong-value") != NULL;
		board_link_set(l, value || was_value ? LINK_WRONG_VALUE : LINK_OUT_OF_TIME, tag);
	}
}

/* The rows the boxes would have in full: questions (with their answers
 * and content), concerns, and the content seller actions use. */
static size_t detail_rows(const Roadmap *rm)
{
	size_t n = 0;
	for (size_t i = 0; i < rm->nstages; i++) {
		const Stage *st = rm->stages[i];
		n += st->nconcerns;
		for (size_t k = 0; k < st->nquestions; k++)
			n += 2 + st->questions[k]->content.n;
	}
	for (size_t i = 0; i < rm->nseller; i++)
		n += rm->seller[i]->uses.n;
	return n;
}

int roadmap_picture_build(RoadmapPicture *p, const OutputContext *ctx, Arena *a, const char *view,
			  StrBuf *err)
{
	memset(p, 0, sizeof *p);
	p->arena = a;
	p->rm = ctx->unit->roadmap;
	const Roadmap *rm = p->rm;
	if (rm->nstages + rm->nseller > ROADMAP_DIAGRAM_MAX) {
		strbuf_printf(err, "%zu stages and seller actions are more than a diagram can show (at most %d); "
			      "the action plan lists every gap", rm->nstages + rm->nseller, ROADMAP_DIAGRAM_MAX);
		return -1;
	}
	Board *b = p->board = board_new(a);
	strmap_init(&p->rows, a);
	strmap_init(&p->links, a);
	strmap_init(&p->boxes, a);
	p->collapsed = rm->nstages > ROADMAP_DETAIL_MAX || detail_rows(rm) > ROADMAP_DETAIL_ROWS;
	for (size_t i = 0; i < rm->nstages; i++)
		p->timed |= rm->stages[i]->when.set;
	for (size_t i = 0; i < rm->nseller; i++)
		p->timed |= rm->seller[i]->when.set;
	board_captions(b, "SELLER", "what we do", "BUYER", "what they do",
		       p->timed ? arena_printf(a, "time in %s \u2192", unit_many[rm->timeline])
				: "no windows given: stages in file order",
		       "Serves no buying stage");
	title_rows(p, ctx, view);

	size_t n = rm->nstages;
	BoardTime *start = arena_alloc(a, (n ? n : 1) * sizeof *start);
	BoardTime *end = arena_alloc(a, (n ? n : 1) * sizeof *end);
	stage_spans(p, start, end);
	p->stages = arena_alloc(a, (n ? n : 1) * sizeof *p->stages);
	for (size_t i = 0; i < n; i++) {
		const Stage *st = rm->stages[i];
		const char *key = name_of(p, subject_stage(st), subject_none(), NULL);
		BoardBox *x = board_box(b, BOARD_BUYER, start[i], end[i], key);
		x->style = STAGE_STYLE;
		x->max_width = p->collapsed ? 200 : 250;
		stage_rows(p, x, st);
		p->stages[i] = x;
		anchor(&p->boxes, key, x);
		if (i == 0 || cmp_t(start[i], p->first) < 0)
			p->first = start[i];
		if (i == 0 || cmp_t(end[i], p->last) > 0)
			p->last = end[i];
	}

	/* Seller actions: at their window; without one, across the stages they
	 * support; supporting none, set apart. */
	for (size_t i = 0; i < rm->nseller; i++) {
		const SellerAction *sa = rm->seller[i];
		BoardTime s = at(0), e = at(0);
		bool any = false;
		for (size_t k = 0; k < sa->supports.n; k++) {
			const Stage *st = sa->supports.items[k].target.stage;
			if (!st)
				continue;
			if (!any || cmp_t(start[st->index], s) < 0)
				s = start[st->index];
			if (!any || cmp_t(end[st->index], e) > 0)
				e = end[st->index];
			any = true;
		}
		BoardPlace place = any ? BOARD_SELLER : BOARD_APART;
		if (sa->when.set) {
			s = at(sa->when.start);
			e = sa->when.end > sa->when.start ? at(sa->when.end) : (BoardTime){ sa->when.start, 1 };
		}
		const char *key = name_of(p, subject_seller(sa), subject_none(), NULL);
		BoardBox *x = board_box(b, place, s, e, key);
		x->style = SELLER_STYLE;
		x->max_width = p->collapsed ? 180 : 220;
		seller_rows(p, x, sa);
		anchor(&p->boxes, key, x);
	}

	/* The links, one per supported stage (a stage named twice is linked
	 * once). */
	for (size_t i = 0; i < rm->nseller; i++) {
		const SellerAction *sa = rm->seller[i];
		BoardBox *from = lookup(&p->boxes, name_of(p, subject_seller(sa), subject_none(), NULL));
		if (from->place != BOARD_SELLER)
			continue;
		for (size_t k = 0; k < sa->supports.n; k++) {
			const Stage *st = sa->supports.items[k].target.stage;
			const char *key = name_of(p, subject_seller(sa), subject_stage(st), NULL);
			if (!st || lookup(&p->links, key))
				continue;
			BoardTag tag = { "link in-step", NULL, arena_printf(a, "%s supports %s", sa->name, st->name) };
			anchor(&p->links, key, board_link(b, from, p->stages[st->index], LINK_IN_STEP, tag));
		}
	}

	style_links(p, ctx->unit);

	/* The axis: every time a window starts or ends at. */
	for (size_t i = 0; i < rm->nstages; i++) {
		const Window *w = &rm->stages[i]->when;
		if (w->set) {
			board_axis_label(b, at(w->start), arena_printf(a, "%g", w->start));
			board_axis_label(b, at(w->end), arena_printf(a, "%g", w->end));
		}
	}
	for (size_t i = 0; i < rm->nseller; i++) {
		const Window *w = &rm->seller[i]->when;
		const BoardBox *x = lookup(&p->boxes, name_of(p, subject_seller(rm->seller[i]), subject_none(), NULL));
		if (w->set && x->place == BOARD_SELLER) {
			board_axis_label(b, at(w->start), arena_printf(a, "%g", w->start));
			board_axis_label(b, at(w->end), arena_printf(a, "%g", w->end));
		}
	}
	return 0;
}

int roadmap_picture_emit(RoadmapPicture *p, const OutputContext *ctx, StrBuf *out, StrBuf *err)
{
	RenderGraph g;
	render_graph_init(&g, p->arena, "roadmap");
	double w, h;
	board_render(p->board, &g, &w, &h);
	StrBuf warnings = STRBUF_INIT;
	RenderStatus st = render_emit(&g, ctx->format, w, h, out, err, &warnings);
	if (warnings.len && ctx->warnings)
		strbuf_puts(ctx->warnings, strbuf_cstr(&warnings));
	strbuf_free(&warnings);
	return st == RENDER_OK ? 0 : st == RENDER_TOO_BIG ? 1 : -1;
}

/* ---- the roadmap view ---- */

/* The tags on links that do not serve their stage well: late or early,
 * and the wrong value. */
static void tag_links(RoadmapPicture *p, const Unit *u)
{
	for (size_t i = 0; i < u->diags.n; i++) {
		const Diag *d = u->diags.items[i];
		BoardLink *l = d->item ? lookup(&p->links, d->item) : NULL;
		if (!l)
			continue;
		BoardBadge tag = { NULL, TAG_STYLE, INK, { "tag", NULL, NULL } };
		if (strcmp(d->check, "timing-mismatch") == 0) {
			const SellerAction *sa = subject_as_seller(d->subject);
			const Stage *st = subject_as_stage(d->object);
			tag.text = sa && st && sa->when.start > st->when.end ? "late \u2192" : "\u2190 early";
		} else if (strcmp(d->check, "unwanted-value") == 0) {
			tag.text = "\u2717 wrong value";
		} else {
			continue;
		}
		board_link_badge(p->board, l, &tag);
	}
}

/* What the lines, glyphs and boxes mean. */
static void legend(RoadmapPicture *p)
{
	Board *b = p->board;
	BoardBox *x = board_box(b, BOARD_HEAD, at(0), at(0), "legend");
	x->style = PANEL_STYLE;
	x->max_width = 420;
	board_row(b, x, 0, NULL, "How to read it", 9, FONT_BOLD, INK);
	board_row_sample(b, board_row(b, x, 1, NULL, "in step: the action serves the stage in its window",
				      SMALL_SIZE, FONT_REGULAR, INK), SAMPLE_LINE, LINK_IN_STEP, NULL);
	board_row_sample(b, board_row(b, x, 1, NULL, "out of time: early or late for the stage",
				      SMALL_SIZE, FONT_REGULAR, INK), SAMPLE_LINE, LINK_OUT_OF_TIME, NULL);
	board_row_sample(b, board_row(b, x, 1, NULL, "wrong value: not what the stage expects",
				      SMALL_SIZE, FONT_REGULAR, INK), SAMPLE_LINE, LINK_WRONG_VALUE, NULL);
	board_row(b, x, 1, "\u2713", "answered, with published content", SMALL_SIZE, FONT_REGULAR, INK);
	board_row(b, x, 1, "\u25d0", "answered, content not published yet", SMALL_SIZE, FONT_REGULAR, INK);
	board_row(b, x, 1, "\u25cb", "answered, but no content delivers it", SMALL_SIZE, FONT_REGULAR, INK);
	board_row(b, x, 1, "\u2717", "not answered", SMALL_SIZE, FONT_REGULAR, INK);
	board_row(b, x, 1, "\u25a4", "content, with its status when not published", SMALL_SIZE, FONT_REGULAR,
		  INK);
}

int render_roadmap(const OutputContext *ctx, StrBuf *out, StrBuf *err)
{
	Arena a;
	arena_init(&a);
	RoadmapPicture p;
	int rc = 1;     /* too big: nothing to write, 'err' says why */
	if (roadmap_picture_build(&p, ctx, &a, "buying-process roadmap", err) == 0) {
		tag_links(&p, ctx->unit);
		legend(&p);
		rc = roadmap_picture_emit(&p, ctx, out, err);
	}
	arena_free(&a);
	return rc;
}
