/* board.c - the timeline board: building it, measuring, placing and routing;
 * see board.h for what it does and why, board_draw.c for how the placed
 * board becomes a graph. Coordinates here grow downwards from the top
 * left. Every size is a whole number of points, because Graphviz's HTML
 * tables take whole numbers. */
#include "board.h"
#include "alloc.h"
#include "board_draw.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- measures shared with the drawing (board_draw.h) ---- */

int board_ceil(double v)
{
	return (int)ceil(v - 1e-6);
}

double board_text_width(const char *s, double size, FontStyle style)
{
	return fontmetric_width(s, strlen(s), size, style) + TEXT_SLACK;
}

int board_pitch(double size)
{
	return board_ceil(size * 1.3);
}

int board_lead(const BoardBox *x, int level)
{
	return level == 0 ? 0 : level == 1 ? x->indent[0] : x->indent[0] + x->indent[1];
}

int board_badge_width(const BoardBadge *bd)
{
	return board_ceil(board_text_width(bd->text, BADGE_SIZE, FONT_BOLD)) + 2 * BADGE_PAD;
}

int board_sample_width(const BoardRow *r)
{
	if (r->sample == SAMPLE_LINE)
		return 30;
	if (r->sample == SAMPLE_SWATCH)
		return board_badge_width(&r->sample_swatch);
	return 0;
}

static int cmp_time(BoardTime a, BoardTime b)
{
	if (a.t != b.t)
		return a.t < b.t ? -1 : 1;
	return (a.sub > b.sub) - (a.sub < b.sub);
}

/* ---- building ---- */

Board *board_new(Arena *a)
{
	Board *b = arena_alloc(a, sizeof *b);
	b->a = a;
	return b;
}

void board_captions(Board *b, const char *seller, const char *seller_note, const char *buyer,
		    const char *buyer_note, const char *axis, const char *apart)
{
	b->cap_seller = seller;
	b->note_seller = seller_note;
	b->cap_buyer = buyer;
	b->note_buyer = buyer_note;
	b->cap_axis = axis;
	b->cap_apart = apart;
}

static BoardBox *new_box(Board *b, BoardPlace place, const char *name)
{
	BoardBox *x = arena_alloc(b->a, sizeof *x);
	x->place = place;
	x->name = arena_strdup(b->a, name);
	x->indent[0] = x->indent[1] = 14;
	x->style.penwidth = 1;
	return x;
}

BoardBox *board_title(Board *b)
{
	if (!b->title) {
		b->title = new_box(b, BOARD_HEAD, "title");
		b->title->max_width = 1100;
		b->title->indent[0] = b->title->indent[1] = 0;
	}
	return b->title;
}

BoardBox *board_box(Board *b, BoardPlace place, BoardTime start, BoardTime end, const char *name)
{
	BoardBox *x = new_box(b, place, name);
	x->start = start;
	x->end = end;
	if ((place == BOARD_SELLER || place == BOARD_BUYER) && cmp_time(end, start) <= 0)
		x->end = (BoardTime){ start.t, start.sub + 1 };   /* a point gets a width */
	x->seq = b->nboxes;
	ARENA_PUSH(b->a, b->boxes, b->nboxes, b->boxes_cap, x);
	return x;
}

BoardRow *board_row(Board *b, BoardBox *x, int level, const char *glyph, const char *text,
		    double size, FontStyle style, const char *color)
{
	ASSERT(level >= 0 && level <= 2);
	BoardRow *r = arena_alloc(b->a, sizeof *r);
	r->level = level;
	r->glyph = glyph;
	r->text = text ? text : "";
	r->size = size;
	r->style = style;
	r->color = color;
	ARENA_PUSH(b->a, x->rows, x->nrows, x->rows_cap, r);
	return r;
}

void board_row_badge(Board *b, BoardRow *r, const BoardBadge *badge)
{
	if (r->nbadges >= BADGES_MAX)
		r->hidden++;
	else
		ARENA_PUSH(b->a, r->badges, r->nbadges, r->badges_cap, *badge);
}

void board_row_sample(Board *b, BoardRow *r, BoardSample kind, BoardStyle line,
		      const BoardBadge *swatch)
{
	(void)b;
	ASSERT(r->level == 1 && (kind != SAMPLE_SWATCH || swatch));
	r->sample = kind;
	r->sample_line = line;
	if (swatch) {
		r->sample_swatch = *swatch;
		r->sample_swatch.tag = (BoardTag){ NULL, NULL, NULL };
	}
}

BoardLink *board_link(Board *b, BoardBox *from, BoardBox *to, BoardStyle style, BoardTag tag)
{
	ASSERT(from->place == BOARD_SELLER && to->place == BOARD_BUYER);
	BoardLink *l = arena_alloc(b->a, sizeof *l);
	l->from = from;
	l->to = to;
	l->style = style;
	l->tag = tag;
	l->seq = b->nlinks;
	l->jog_y_from = l->jog_y_to = -1;
	ARENA_PUSH(b->a, b->links, b->nlinks, b->links_cap, l);
	return l;
}

void board_link_badge(Board *b, BoardLink *l, const BoardBadge *badge)
{
	if (l->nbadges >= BADGES_MAX)
		l->hidden++;
	else
		ARENA_PUSH(b->a, l->badges, l->nbadges, l->badges_cap, *badge);
}

/* The badge that counts what BADGES_MAX left out. */
static BoardBadge more_badge(Board *b, size_t hidden)
{
	BoardBadge m = { arena_printf(b->a, "+%zu more", hidden), { "#FFFFFF", "#4D4D4D", NULL, 1, true },
			 "#111111", { "more", NULL, NULL } };
	return m;
}

const BoardTag *board_link_tag(const BoardLink *l)
{
	return &l->tag;
}

void board_link_set(BoardLink *l, BoardStyle style, BoardTag tag)
{
	l->style = style;
	l->tag = tag;
}

void board_axis_label(Board *b, BoardTime t, const char *label)
{
	AxisLabel al = { t, label };
	ARENA_PUSH(b->a, b->labels, b->nlabels, b->labels_cap, al);
}

/* ---- measuring boxes ---- */

/* Wraps the rows at the box's maximum width and returns the narrowest
 * width that holds every line, glyph, sample and badge. */
static int measure_box(Board *b, BoardBox *x)
{
	int max_w = x->max_width > 0 ? (int)x->max_width : DEFAULT_MAX_W;
	/* Glyph and sample columns grow to what they hold. */
	for (size_t i = 0; i < x->nrows; i++) {
		const BoardRow *r = x->rows[i];
		int col = r->level == 2 ? 1 : 0;
		int need = 0;
		if (r->glyph && r->level > 0)
			need = board_ceil(board_text_width(r->glyph, r->size, r->style)) + 3;
		if (r->sample)
			need = board_sample_width(r) + 6;
		if (need > x->indent[col])
			x->indent[col] = need;
	}
	int need = 0;
	for (size_t i = 0; i < x->nrows; i++) {
		BoardRow *r = x->rows[i];
		int lead = board_lead(x, r->level);
		double avail = max_w - 2 * PAD_X - lead - TEXT_SLACK;
		if (avail < 40)
			avail = 40;
		r->nlines = fontmetric_wrap(b->a, r->text, r->size, r->style, avail, &r->lines);
		r->pitch = board_pitch(r->size);
		if (r->sample == SAMPLE_SWATCH && r->pitch < BADGE_H + 3)
			r->pitch = BADGE_H + 3;         /* room for the swatch */
		for (size_t k = 0; k < r->nlines; k++) {
			int w = lead + board_ceil(board_text_width(r->lines[k], r->size, r->style));
			if (w > need)
				need = w;
		}
		for (size_t k = 0; k < r->nbadges; k++) {
			int w = lead + board_badge_width(&r->badges[k]);
			if (w > need)
				need = w;
		}
	}
	int w = need + 2 * PAD_X;
	if ((x->place == BOARD_SELLER || x->place == BOARD_BUYER) && w < BOX_MIN_W)
		w = BOX_MIN_W;
	return w;
}

/* Lays the rows and badges out at the box's final width; sets its height. */
static void flow_box(Board *b, BoardBox *x)
{
	int y = PAD_TOP;
	for (size_t i = 0; i < x->nrows; i++) {
		BoardRow *r = x->rows[i];
		r->y = y;
		int lines = r->nlines ? (int)r->nlines : 1;
		int text_h = lines * r->pitch;
		r->space = 0;
		if (r->nbadges) {
			r->badge_x = arena_alloc(b->a, r->nbadges * sizeof *r->badge_x);
			r->badge_y = arena_alloc(b->a, r->nbadges * sizeof *r->badge_y);
			r->badge_w = arena_alloc(b->a, r->nbadges * sizeof *r->badge_w);
			int left = PAD_X + board_lead(x, r->level);
			int right = x->w - PAD_X;
			int bx = left, by = y + text_h + 2;
			for (size_t k = 0; k < r->nbadges; k++) {
				int w = board_badge_width(&r->badges[k]);
				if (bx > left && bx + w > right) {
					bx = left;
					by += BADGE_H + BADGE_GAP;
				}
				r->badge_x[k] = bx;
				r->badge_y[k] = by;
				r->badge_w[k] = w;
				bx += w + BADGE_GAP;
			}
			r->space = by + BADGE_H - (y + text_h) + 2;
		}
		if (i + 1 < x->nrows)
			r->space += ROW_GAP;
		r->h = text_h + r->space;
		y += r->h;
	}
	x->h = y + PAD_BOTTOM;
}

/* ---- the time axis ---- */

static size_t tick_index(const Board *b, BoardTime t)
{
	size_t lo = 0, hi = b->nticks;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_time(b->ticks[mid], t);
		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	UNREACHABLE();
}

static int cmp_time_p(const void *a, const void *b)
{
	return cmp_time(*(const BoardTime *)a, *(const BoardTime *)b);
}

static bool on_axis(const BoardBox *x)
{
	return x->place == BOARD_SELLER || x->place == BOARD_BUYER;
}

/* The ticks: every time a box starts or ends at, and every label's. */
static void collect_ticks(Board *b)
{
	size_t n = 0, cap = 2 * b->nboxes + b->nlabels + 1;
	BoardTime *t = arena_alloc(b->a, cap * sizeof *t);
	for (size_t i = 0; i < b->nboxes; i++) {
		if (!on_axis(b->boxes[i]))
			continue;
		t[n++] = b->boxes[i]->start;
		t[n++] = b->boxes[i]->end;
	}
	for (size_t i = 0; i < b->nlabels; i++)
		t[n++] = b->labels[i].t;
	qsort(t, n, sizeof *t, cmp_time_p);
	size_t u = 0;
	for (size_t i = 0; i < n; i++)
		if (u == 0 || cmp_time(t[u - 1], t[i]) != 0)
			t[u++] = t[i];
	b->ticks = t;
	b->nticks = u;
	b->tick_x = arena_alloc(b->a, (u ? u : 1) * sizeof *b->tick_x);
}

typedef struct Span {
	size_t start, end;      /* tick indices */
	int need;               /* width between them */
} Span;

static int cmp_span_end(const void *a, const void *b)
{
	const Span *x = a, *y = b;
	return (x->end > y->end) - (x->end < y->end);
}

/* Spaces the ticks: 'scale' points per time unit where nothing needs more,
 * and at least 'need' between the ends of every span. */
static void space_ticks(Board *b, const Span *spans, size_t nspans, const int *label_w, double scale)
{
	size_t s = 0;
	int last_label = -1;
	for (size_t k = 0; k < b->nticks; k++) {
		double x = 0;
		if (k > 0)
			x = b->tick_x[k - 1] + scale * (b->ticks[k].t - b->ticks[k - 1].t);
		if (label_w[k] > 0 && last_label >= 0) {
			double gap = (label_w[last_label] + label_w[k]) / 2.0 + 10;
			if (x < b->tick_x[last_label] + gap)
				x = b->tick_x[last_label] + gap;
		}
		for (; s < nspans && spans[s].end == k; s++)
			if (x < b->tick_x[spans[s].start] + spans[s].need)
				x = b->tick_x[spans[s].start] + spans[s].need;
		b->tick_x[k] = board_ceil(x);
		if (label_w[k] > 0)
			last_label = (int)k;
	}
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Places the ticks, then gives each box on the axis its x and width. */
static void place_axis(Board *b, const int *natural)
{
	collect_ticks(b);
	int *label_w = arena_alloc(b->a, (b->nticks ? b->nticks : 1) * sizeof *label_w);
	b->tick_label = arena_alloc(b->a, (b->nticks ? b->nticks : 1) * sizeof *b->tick_label);
	for (size_t i = 0; i < b->nlabels; i++) {
		size_t k = tick_index(b, b->labels[i].t);
		if (!b->tick_label[k])         /* the first label given for a point wins */
			b->tick_label[k] = b->labels[i].text;
		label_w[k] = board_ceil(board_text_width(b->tick_label[k], LABEL_SIZE, FONT_REGULAR));
	}
	Span *spans = arena_alloc(b->a, (b->nboxes ? b->nboxes : 1) * sizeof *spans);
	double *scales = arena_alloc(b->a, (b->nboxes ? b->nboxes : 1) * sizeof *scales);
	size_t n = 0, nscales = 0;
	for (size_t i = 0; i < b->nboxes; i++) {
		const BoardBox *x = b->boxes[i];
		if (!on_axis(x))
			continue;
		spans[n] = (Span){ tick_index(b, x->start), tick_index(b, x->end), natural[i] + HGAP };
		double d = x->end.t - x->start.t;
		if (d > 0)
			scales[nscales++] = spans[n].need / d;
		n++;
	}
	qsort(spans, n, sizeof *spans, cmp_span_end);
	/* First as compact as the boxes allow; then with time proportional
	 * where it fits: the scale that gives the median box its width, but
	 * no more than doubles the compact width. */
	space_ticks(b, spans, n, label_w, 0);
	if (nscales && b->nticks > 1) {
		qsort(scales, nscales, sizeof *scales, cmp_double);
		double scale = scales[nscales / 2];
		double span = b->ticks[b->nticks - 1].t - b->ticks[0].t;
		double compact = b->tick_x[b->nticks - 1];
		if (span > 0 && scale * span > compact)
			scale = compact / span;
		space_ticks(b, spans, n, label_w, scale);
	}
	b->axis_w = b->nticks ? b->tick_x[b->nticks - 1] : 0;
	for (size_t i = 0; i < b->nboxes; i++) {
		BoardBox *x = b->boxes[i];
		if (!on_axis(x))
			continue;
		int l = b->tick_x[tick_index(b, x->start)], r = b->tick_x[tick_index(b, x->end)];
		x->x = b->x0 + l + HGAP / 2;
		x->w = r - l - HGAP;
	}
}

/* ---- stacking in the lanes ---- */

/* Narrow boxes first, then in time order. */
static int cmp_box_stack(const void *pa, const void *pb)
{
	const BoardBox *a = *(BoardBox *const *)pa, *b = *(BoardBox *const *)pb;
	int c = (a->w > b->w) - (a->w < b->w);
	if (!c)
		c = cmp_time(a->start, b->start);
	if (!c)
		c = cmp_time(a->end, b->end);
	return c ? c : (a->seq > b->seq) - (a->seq < b->seq);
}

static bool x_overlap(const BoardBox *a, const BoardBox *b)
{
	return a->x < b->x + b->w && b->x < a->x + a->w;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* More boxes than this over one span, and a box simply goes beyond all of
 * them: the search for a hole would grow with their square. */
#define STACK_SEARCH_MAX 64

/* ---- reaching a box ----
 *
 * A link reaches a box on the axis from the corridor between the lanes: by
 * a stretch of the box's edge towards it that no nearer box covers, or else
 * down the gap beside the box, left or right, when no nearer box stands in
 * that gap. Stacking keeps every linked box reachable where it can, and
 * the ports (place_ports) use the same measures. */

typedef struct Interval {
	int l, r;
} Interval;

/* The narrowest free stretch of an edge a link may use: its arrowhead and
 * a little air. */
#define EDGE_MIN 4

/* The stretch of x's edge that a nearer box 'o' covers, with room to keep
 * links off o's corners. */
static Interval edge_cover(const BoardBox *o)
{
	return (Interval){ o->x - 6, o->x + o->w + 6 };
}

/* Whether a nearer box 'o' stands in the gap at 'at'. */
static bool blocks_gap(const BoardBox *o, int at)
{
	return o->x - 3 < at && at < o->x + o->w + 3;
}

static int gap_left(const BoardBox *x)
{
	return x->x - HGAP / 2;
}

static int gap_right(const BoardBox *x)
{
	return x->x + x->w + HGAP / 2;
}

/* What is left of the ways into a box, as nearer boxes are found. */
typedef struct Reach {
	Interval *edge;         /* the free stretches of the edge */
	size_t n, cap;
	bool left, right;       /* the gaps beside it are clear */
} Reach;

static void reach_init(Board *b, Reach *r, const BoardBox *x)
{
	r->n = 0;
	Interval e = { x->x + PORT_INSET, x->x + x->w - PORT_INSET };
	ARENA_PUSH(b->a, r->edge, r->n, r->cap, e);
	r->left = r->right = true;
}

/* Takes away from 'r', the ways into 'x', what the nearer box 'o' closes. */
static void reach_close(Board *b, Reach *r, const BoardBox *x, const BoardBox *o)
{
	if (blocks_gap(o, gap_left(x)))
		r->left = false;
	if (blocks_gap(o, gap_right(x)))
		r->right = false;
	if (!x_overlap(o, x))
		return;
	Interval c = edge_cover(o);
	size_t n = r->n;
	for (size_t i = 0; i < n; i++) {
		Interval e = r->edge[i];
		if (c.r <= e.l || e.r <= c.l)
			continue;
		r->edge[i] = (Interval){ e.l, c.l };            /* may be empty: never wide enough */
		if (c.r < e.r)
			ARENA_PUSH(b->a, r->edge, r->n, r->cap, ((Interval){ c.r, e.r }));
	}
}

/* Whether a link still reaches 'x' through 'r' once 'o' (if not NULL) is
 * nearer than it. */
static bool reach_open(const Reach *r, const BoardBox *x, const BoardBox *o)
{
	if (r->left && !(o && blocks_gap(o, gap_left(x))))
		return true;
	if (r->right && !(o && blocks_gap(o, gap_right(x))))
		return true;
	Interval c = o && x_overlap(o, x) ? edge_cover(o) : (Interval){ 0, 0 };
	for (size_t i = 0; i < r->n; i++) {
		Interval e = r->edge[i];
		if (c.r > c.l && c.l < e.r && e.l < c.r) {     /* o splits it: the wider side */
			int lw = c.l - e.l, rw = e.r - c.r;
			if ((lw > rw ? lw : rw) >= EDGE_MIN)
				return true;
		} else if (e.r - e.l >= EDGE_MIN) {
			return true;
		}
	}
	return false;
}

/* Whether boxes 'a' and 'b' are close enough along the axis that one can
 * cover the other's edge or stand in a gap beside it. */
static bool near_enough(const BoardBox *a, const BoardBox *b)
{
	return a->x < b->x + b->w + HGAP && b->x < a->x + a->w + HGAP;
}

/* Gives every box of 'place' its offset from the other lane: the smallest
 * at which it overlaps no box placed before it, keeps a way in for its
 * links, and closes no way into a linked box placed before it (else the
 * smallest that keeps its own way in; else the smallest). Narrow boxes are
 * placed first, so they lie next to the other lane and a wide box (a stage
 * that runs alongside several others) lies beyond them: its links then
 * reach it through the gaps between them, where a narrow box under a wide
 * one could only be reached through the wide one. Returns the lane's
 * height of boxes. */
static int stack_lane(Board *b, BoardPlace place)
{
	size_t n = 0;
	BoardBox **v = arena_alloc(b->a, (b->nboxes ? b->nboxes : 1) * sizeof *v);
	for (size_t i = 0; i < b->nboxes; i++)
		if (b->boxes[i]->place == place)
			v[n++] = b->boxes[i];
	qsort(v, n, sizeof *v, cmp_box_stack);
	/* Which boxes have links, and what is left of their ways in, by seq. */
	bool *linked = arena_alloc(b->a, (b->nboxes ? b->nboxes : 1) * sizeof *linked);
	Reach *reach = arena_alloc(b->a, (b->nboxes ? b->nboxes : 1) * sizeof *reach);
	for (size_t k = 0; k < b->nlinks; k++)
		linked[b->links[k]->from->seq] = linked[b->links[k]->to->seq] = true;
	BoardBox **near = arena_alloc(b->a, (n ? n : 1) * sizeof *near);
	int *cand = arena_alloc(b->a, (n + 1) * sizeof *cand);
	int height = 0;
	for (size_t i = 0; i < n; i++) {
		BoardBox *x = v[i];
		/* The boxes placed so far near x's span; those that share some
		 * of it come first. */
		size_t nnear = 0, nwide = 0, nc = 0;
		int top = 0;
		for (size_t j = 0; j < i; j++)
			if (near_enough(v[j], x))
				near[nwide++] = v[j];
		for (size_t j = 0; j < nwide; j++)
			if (x_overlap(near[j], x)) {
				BoardBox *t = near[nnear];
				near[nnear++] = near[j];
				near[j] = t;
			}
		cand[nc++] = 0;
		for (size_t j = 0; j < nnear; j++) {
			int above = near[j]->offset + near[j]->h + VGAP;
			if (above > top)
				top = above;
			if (nc <= STACK_SEARCH_MAX)
				cand[nc++] = above;
		}
		int at = top;
		if (nc <= STACK_SEARCH_MAX && nwide <= 4 * STACK_SEARCH_MAX) {
			qsort(cand, nc, sizeof *cand, cmp_int);
			int first_free = -1, first_reached = -1;
			for (size_t c = 0; c < nc; c++) {
				if (c > 0 && cand[c] == cand[c - 1])
					continue;
				bool free_here = true;
				for (size_t j = 0; free_here && j < nnear; j++)
					free_here = cand[c] + x->h + VGAP <= near[j]->offset ||
						    near[j]->offset + near[j]->h + VGAP <= cand[c];
				if (!free_here)
					continue;
				if (first_free < 0)
					first_free = cand[c];
				bool reached = true, keeps = true;
				x->offset = cand[c];
				if (linked[x->seq]) {
					Reach r = { 0 };
					reach_init(b, &r, x);
					for (size_t j = 0; j < nwide; j++)
						if (near[j]->offset < cand[c])
							reach_close(b, &r, x, near[j]);
					reached = reach_open(&r, x, NULL);
				}
				if (!reached)
					continue;
				if (first_reached < 0)
					first_reached = cand[c];
				for (size_t j = 0; keeps && j < nwide; j++) {
					const BoardBox *y = near[j];
					keeps = !(linked[y->seq] && y->offset > cand[c] &&
						  reach_open(&reach[y->seq], y, NULL) &&
						  !reach_open(&reach[y->seq], y, x));
				}
				if (keeps) {
					first_reached = first_free = cand[c];
					break;
				}
			}
			at = first_reached >= 0 ? first_reached : first_free >= 0 ? first_free : top;
		}
		x->offset = at;
		if (at + x->h > height)
			height = at + x->h;
		/* What x closes of the ways into the boxes beyond it, and what
		 * the nearer ones close of its own. */
		if (linked[x->seq]) {
			reach_init(b, &reach[x->seq], x);
			for (size_t j = 0; j < nwide; j++)
				if (near[j]->offset < at)
					reach_close(b, &reach[x->seq], x, near[j]);
		}
		for (size_t j = 0; j < nwide; j++)
			if (linked[near[j]->seq] && near[j]->offset > at)
				reach_close(b, &reach[near[j]->seq], near[j], x);
	}
	return height;
}

/* The set-apart area: columns of boxes right of the axis, at most
 * 'column' high each (a box taller than that gets a column of its own).
 * Returns the height used; sets the area's width. */
static int stack_apart(Board *b, int column, int top)
{
	int x = b->apart_x, y = top, w = 0, height = 0, col_w = 0;
	for (size_t i = 0; i < b->nboxes; i++) {
		BoardBox *bx = b->boxes[i];
		if (bx->place != BOARD_APART)
			continue;
		if (y > top && y + bx->h > top + column) {
			x += col_w + HGAP;
			y = top;
			col_w = 0;
		}
		bx->x = x;
		bx->y = y;
		y += bx->h + VGAP;
		if (bx->w > col_w)
			col_w = bx->w;
		if (x + col_w - b->apart_x > w)
			w = x + col_w - b->apart_x;
		if (y - VGAP - top > height)
			height = y - VGAP - top;
	}
	b->apart_w = w;
	return height;
}

/* Panels flow left to right from 'x', wrapping at 'right'; returns the
 * height used. */
static int flow_panels(Board *b, BoardPlace place, int top, int right)
{
	int x = MARGIN, y = top, row_h = 0, used = 0;
	for (size_t i = 0; i < b->nboxes; i++) {
		BoardBox *bx = b->boxes[i];
		if (bx->place != place || bx == b->title)
			continue;
		if (x > MARGIN && x + bx->w > right) {
			x = MARGIN;
			y += row_h + PANEL_GAP;
			row_h = 0;
		}
		bx->x = x;
		bx->y = y;
		x += bx->w + PANEL_GAP;
		if (bx->h > row_h)
			row_h = bx->h;
		used = y + row_h - top;
	}
	return used;
}

/* ---- links ---- */

/* The widest stretch of 'x''s lower (seller) or upper (buyer) edge that
 * no box between it and the other lane covers. */
static Interval free_edge(const Board *b, const BoardBox *x, bool *covered)
{
	*covered = false;
	Interval best = { x->x + PORT_INSET, x->x + x->w - PORT_INSET };
	if (best.r < best.l)
		best.l = best.r = x->x + x->w / 2;
	/* The covered stretches, sorted, then the widest gap between them. */
	size_t n = 0;
	Interval *cov = arena_alloc(b->a, (b->nboxes ? b->nboxes : 1) * sizeof *cov);
	for (size_t i = 0; i < b->nboxes; i++) {
		const BoardBox *o = b->boxes[i];
		if (o == x || o->place != x->place || o->offset >= x->offset || !x_overlap(o, x))
			continue;
		cov[n++] = edge_cover(o);
	}
	if (n == 0)
		return best;
	for (size_t i = 1; i < n; i++) {        /* insertion sort: few boxes */
		Interval t = cov[i];
		size_t j = i;
		for (; j > 0 && cov[j - 1].l > t.l; j--)
			cov[j] = cov[j - 1];
		cov[j] = t;
	}
	Interval found = { 0, -1 };
	int at = best.l;
	for (size_t i = 0; i <= n; i++) {
		int end = i < n ? cov[i].l : best.r;
		if (end > best.r)
			end = best.r;
		if (end - at > found.r - found.l)
			found = (Interval){ at, end };
		if (i < n && cov[i].r > at)
			at = cov[i].r;
	}
	*covered = found.r - found.l < EDGE_MIN;
	return *covered ? best : found;
}

/* Whether a line down (seller) or up (buyer) at 'at', from 'x' to the
 * other lane, crosses no box of x's lane. */
static bool clear_to_corridor(const Board *b, const BoardBox *x, int at)
{
	for (size_t i = 0; i < b->nboxes; i++) {
		const BoardBox *o = b->boxes[i];
		if (o != x && o->place == x->place && o->offset < x->offset && blocks_gap(o, at))
			return false;
	}
	return true;
}

/* A box whose edge towards the other lane is covered by boxes nearer that
 * lane: its links use a side instead, running in the gap beside the box
 * (between two points of the axis, where no box of the same span is),
 * so a link never passes under a box it does not belong to. Returns the
 * side (-1 left, +1 right; 0: neither gap is clear, the link passes under)
 * and sets '*at' to the middle of that gap. */
static int side_port(const Board *b, const BoardBox *x, int *at)
{
	int left = gap_left(x), right = gap_right(x);
	if (clear_to_corridor(b, x, left)) {
		*at = left;
		return -1;
	}
	if (clear_to_corridor(b, x, right)) {
		*at = right;
		return 1;
	}
	return 0;
}

/* The y of level 'off' (from the other lane) in the lane of 'place'. */
static int lane_y(const Board *b, BoardPlace place, int off)
{
	return place == BOARD_SELLER ? b->seller_bottom - LANE_PAD - off : b->buyer_top + LANE_PAD + off;
}

/* ---- a way in around the boxes ----
 *
 * A box whose edge is covered and whose gaps are blocked (a wide box over
 * narrower ones that leave no gap between them) is reached by a link with
 * a jog: it leaves the box's edge through a free stretch, runs across the
 * gap between two stacked boxes, and goes to the corridor down a clear
 * column. Levels are offsets from the other lane. */

/* How far around a box the jog looks for its column. */
#define JOG_REACH 600

typedef struct Jog {
	int from_x, level, to_x;        /* x at the box, the level across, x at the corridor */
} Jog;

/* Whether no box of 'v' but 'x' lies across levels (lo, hi) anywhere in
 * [l, r], with room to keep a line off its border. */
static bool lane_clear(BoardBox *const *v, size_t n, const BoardBox *x, int lo, int hi, int l, int r)
{
	for (size_t i = 0; i < n; i++) {
		const BoardBox *o = v[i];
		if (o != x && o->offset < hi && o->offset + o->h > lo && o->x - 6 < r && l < o->x + o->w + 6)
			return false;
	}
	return true;
}

static int iabs(int v)
{
	return v < 0 ? -v : v;
}

/* Finds the shortest jog into 'x' (the least run across), if any. */
static bool jog_port(Board *b, const BoardBox *x, Jog *found)
{
	int wl = x->x - JOG_REACH, wr = x->x + x->w + JOG_REACH;
	size_t n = 0;
	BoardBox **v = arena_alloc(b->a, (b->nboxes ? b->nboxes : 1) * sizeof *v);
	for (size_t i = 0; i < b->nboxes; i++) {
		BoardBox *o = b->boxes[i];
		if (o != x && o->place == x->place && o->x < wr && wl < o->x + o->w)
			v[n++] = o;
	}
	if (n > 4 * STACK_SEARCH_MAX)
		return false;
	/* Where the lines may run: just off the boxes' sides, the points of
	 * the axis (the gaps between boxes), and the ends of x's edge. */
	size_t nc = 0;
	int *cols = arena_alloc(b->a, (2 * n + b->nticks + 2) * sizeof *cols);
	cols[nc++] = x->x + PORT_INSET;
	cols[nc++] = x->x + x->w - PORT_INSET;
	for (size_t i = 0; i < n; i++) {
		cols[nc++] = v[i]->x - 6 - EDGE_MIN;
		cols[nc++] = v[i]->x + v[i]->w + 6 + EDGE_MIN;
	}
	for (size_t k = 0; k < b->nticks; k++)
		if (b->x0 + b->tick_x[k] > wl && b->x0 + b->tick_x[k] < wr)
			cols[nc++] = b->x0 + b->tick_x[k];
	qsort(cols, nc, sizeof *cols, cmp_int);
	int best = -1;
	for (size_t i = 0; i < n; i++) {
		int level = v[i]->offset + v[i]->h + VGAP / 2;
		if (level + VGAP / 2 > x->offset)
			continue;
		for (size_t a = 0; a < nc; a++) {
			int c1 = cols[a];
			if (c1 < x->x + PORT_INSET || c1 > x->x + x->w - PORT_INSET ||
			    !lane_clear(v, n, x, level, x->offset, c1, c1))
				continue;
			for (size_t k = 0; k < nc; k++) {
				int c2 = cols[k], run = iabs(c2 - c1);
				if ((best >= 0 && run >= best) ||
				    !lane_clear(v, n, x, -LANE_PAD, level, c2, c2) ||
				    !lane_clear(v, n, x, level - VGAP / 2 + 1, level + VGAP / 2 - 1,
						c1 < c2 ? c1 : c2, c1 < c2 ? c2 : c1))
					continue;
				best = run;
				*found = (Jog){ c1, level, c2 };
			}
		}
	}
	return best >= 0;
}

typedef struct PortRef {
	BoardLink *link;
	int other;              /* the other end's middle */
	bool from;              /* this is the link's seller end */
} PortRef;

static int cmp_port(const void *pa, const void *pb)
{
	const PortRef *a = pa, *b = pb;
	if (a->other != b->other)
		return (a->other > b->other) - (a->other < b->other);
	return (a->link->seq > b->link->seq) - (a->link->seq < b->link->seq);
}

/* Spreads the links of each box along the free part of its edge, in the
 * order of where they go, so they do not cross at the box. */
static void place_ports(Board *b)
{
	PortRef *refs = arena_alloc(b->a, (2 * b->nlinks + 1) * sizeof *refs);
	for (size_t i = 0; i < b->nboxes; i++) {
		BoardBox *x = b->boxes[i];
		if (!on_axis(x))
			continue;
		size_t n = 0;
		for (size_t k = 0; k < b->nlinks; k++) {
			BoardLink *l = b->links[k];
			if (l->from == x)
				refs[n++] = (PortRef){ l, l->to->x + l->to->w / 2, true };
			else if (l->to == x)
				refs[n++] = (PortRef){ l, l->from->x + l->from->w / 2, false };
		}
		if (n == 0)
			continue;
		qsort(refs, n, sizeof *refs, cmp_port);
		bool covered;
		Interval e = free_edge(b, x, &covered);
		int side = 0, gap = 0;
		Jog jog = { 0, -1, 0 };
		if (covered && (side = side_port(b, x, &gap)) != 0)
			/* The links share the outer half of the gap: the arrowhead
			 * into the side needs the inner one. */
			e = side < 0 ? (Interval){ gap - HGAP / 4, gap } : (Interval){ gap, gap + HGAP / 4 };
		else if (covered)
			(void)jog_port(b, x, &jog);
		for (size_t k = 0; k < n; k++) {
			int p = e.l + (int)((double)(e.r - e.l) * (double)(k + 1) / (double)(n + 1));
			/* Links that jog share the run, a few points apart. */
			int spread = (int)k * 3 - (int)(n - 1) * 3 / 2;
			if (spread < -4 || spread > 4)
				spread = spread < 0 ? -4 : 4;
			if (jog.level >= 0)
				p = jog.to_x + spread;
			int jx = jog.from_x + spread, jy = jog.level < 0 ? -1 : lane_y(b, x->place, jog.level + spread);
			if (refs[k].from) {
				refs[k].link->x_from = p;
				refs[k].link->side_from = side;
				refs[k].link->jog_x_from = jx;
				refs[k].link->jog_y_from = jy;
			} else {
				refs[k].link->x_to = p;
				refs[k].link->side_to = side;
				refs[k].link->jog_x_to = jx;
				refs[k].link->jog_y_to = jy;
			}
		}
	}
}

/* ---- putting it together ---- */

void board_render(Board *b, RenderGraph *g, double *width, double *height)
{
	b->g = g;
	b->x0 = MARGIN + GUTTER;
	for (size_t i = 0; i <= b->nboxes; i++) {
		BoardBox *x = i < b->nboxes ? b->boxes[i] : b->title;
		for (size_t k = 0; x && k < x->nrows; k++) {
			BoardRow *r = x->rows[k];
			BoardBadge m = more_badge(b, r->hidden);
			if (r->hidden)
				ARENA_PUSH(b->a, r->badges, r->nbadges, r->badges_cap, m);
		}
	}
	for (size_t i = 0; i < b->nlinks; i++) {
		BoardLink *l = b->links[i];
		BoardBadge m = more_badge(b, l->hidden);
		if (l->hidden)
			ARENA_PUSH(b->a, l->badges, l->nbadges, l->badges_cap, m);
	}
	int *natural = arena_alloc(b->a, (b->nboxes ? b->nboxes : 1) * sizeof *natural);
	for (size_t i = 0; i < b->nboxes; i++) {
		natural[i] = measure_box(b, b->boxes[i]);
		if (!on_axis(b->boxes[i]))
			b->boxes[i]->w = natural[i];
	}
	if (b->title)
		b->title->w = measure_box(b, b->title);
	place_axis(b, natural);
	for (size_t i = 0; i < b->nboxes; i++)
		flow_box(b, b->boxes[i]);
	if (b->title)
		flow_box(b, b->title);

	/* Across: the axis, then the set-apart area. */
	b->apart_x = b->x0 + b->axis_w + APART_GAP;
	int content_right = b->x0 + b->axis_w;
	for (size_t i = 0; i < b->nboxes; i++)
		if (b->boxes[i]->place == BOARD_APART)
			content_right = b->apart_x;     /* widened once the area is stacked */

	/* Down: the title, the head panels, the lanes, the axis, the foot. */
	int y = MARGIN;
	int panel_right = content_right > 1000 ? content_right : 1000;
	if (b->title) {
		b->title->x = MARGIN;
		b->title->y = y;
		y += b->title->h + 8;
	}
	int head = flow_panels(b, BOARD_HEAD, y, panel_right);
	if (head)
		y += head + PANEL_GAP;
	b->seller_top = y;
	int seller_h = stack_lane(b, BOARD_SELLER);
	int apart_h = stack_apart(b, seller_h > MIN_APART_COLUMN ? seller_h : MIN_APART_COLUMN,
				  y + LABEL_BAND + board_pitch(9) + 4);
	if (apart_h)
		apart_h += board_pitch(9) + 4;
	int lane_h = seller_h > apart_h ? seller_h : apart_h;
	int caption_h = board_pitch(12) + board_pitch(8);
	if (lane_h < caption_h)
		lane_h = caption_h;
	b->seller_bottom = y + LABEL_BAND + LANE_PAD + lane_h + LANE_PAD;
	b->buyer_top = b->seller_bottom + CORRIDOR;
	int buyer_h = stack_lane(b, BOARD_BUYER);
	if (buyer_h < caption_h)
		buyer_h = caption_h;
	b->buyer_bottom = b->buyer_top + LANE_PAD + buyer_h + LANE_PAD;
	b->axis_y = b->buyer_bottom + 10;
	y = b->buyer_bottom + AXIS_BAND;
	for (size_t i = 0; i < b->nboxes; i++) {
		BoardBox *x = b->boxes[i];
		if (x->place == BOARD_SELLER)
			x->y = b->seller_bottom - LANE_PAD - x->offset - x->h;
		else if (x->place == BOARD_BUYER)
			x->y = b->buyer_top + LANE_PAD + x->offset;
	}
	if (b->apart_w)
		content_right = b->apart_x + b->apart_w;
	int foot = flow_panels(b, BOARD_FOOT, y + 8, panel_right);
	if (foot)
		y += 8 + foot;

	/* The width: whatever reaches furthest right. */
	int right = content_right;
	for (size_t i = 0; i < b->nboxes; i++)
		if (b->boxes[i]->x + b->boxes[i]->w > right)
			right = b->boxes[i]->x + b->boxes[i]->w;
	if (b->title && b->title->x + b->title->w > right)
		right = b->title->x + b->title->w;
	b->width = right + MARGIN;
	b->height = y + MARGIN;
	place_ports(b);

	board_draw(b, g);
	*width = b->width;
	*height = b->height;
}
