/* board.c - the timeline board: measuring, placing, routing, describing;
 * see board.h for what it does and why. Coordinates here grow downwards
 * from the top left; describe() turns them into Graphviz's, which grow
 * upwards. Every size is a whole number of points, because Graphviz's HTML
 * tables take whole numbers. */
#include "board.h"
#include "alloc.h"
#include "escape.h"
#include "strbuf.h"
#include "strmap.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- geometry (points) ---- */

enum {
	MARGIN = 24,            /* around the picture */
	GUTTER = 100,           /* left of the axis: the lane captions */
	PAD_X = 8,              /* inside a box, left and right */
	PAD_TOP = 6,
	PAD_BOTTOM = 7,
	ROW_GAP = 2,            /* between the paragraphs of a box */
	HGAP = 18,              /* between boxes side by side */
	VGAP = 12,              /* between boxes stacked */
	LANE_PAD = 14,          /* between a lane's edge and its boxes */
	LABEL_BAND = 18,        /* the axis labels repeated at the top */
	CORRIDOR = 76,          /* between the lanes: where links run */
	AXIS_BAND = 46,         /* under the buyer lane: the axis */
	BADGE_H = 15,
	BADGE_PAD = 5,          /* inside a badge, left and right */
	BADGE_GAP = 4,          /* between badges */
	PORT_INSET = 12,        /* links keep this far from a box's corners */
	ARROW = 8,              /* the arrowhead's length (arrowsize 0.8) */
	APART_GAP = 40,         /* between the axis's end and the set-apart area */
	PANEL_GAP = 16,
	BOX_MIN_W = 120,        /* a box on the axis */
	DEFAULT_MAX_W = 240,
	MIN_APART_COLUMN = 320  /* the set-apart area stacks at least this high */
};

/* Text sizes are among those fontmetric.h measured exactly. */
#define BADGE_SIZE 8
#define LABEL_SIZE 8
/* A row or a link shows this many badges at most, and one more that counts
 * the rest: a roadmap with thousands of findings about one item must not
 * make a picture of thousands of badges. */
#define BADGES_MAX 20
/* Room for what the glyph table cannot know: a kerning pair that widens. */
#define TEXT_SLACK 1

static const char *const SELLER_BAND = "#EEF3F9";
static const char *const BUYER_BAND = "#F8F4EA";
static const char *const GRID = "#C8C8C8";
static const char *const AXIS = "#555555";
/* The text colour nodes have unless a text says otherwise. */
#define DEFAULT_INK "#111111"

struct BoardRow {
	int level;
	const char *glyph;
	const char *text;
	double size;
	FontStyle style;
	const char *color;
	BoardBadge *badges;
	size_t nbadges, badges_cap;
	size_t hidden;          /* badges beyond BADGES_MAX, counted */
	BoardSample sample;
	BoardStyle sample_line;
	BoardBadge sample_swatch;
	/* measured */
	const char **lines;
	size_t nlines;
	int pitch;
	int *badge_x, *badge_y, *badge_w;       /* within the box */
	int y, h;               /* within the box; h includes the badges */
	int space;              /* under the text: the badges and the gap */
};

struct BoardLink {
	BoardBox *from, *to;
	BoardStyle style;
	BoardTag tag;
	BoardBadge *badges;
	size_t nbadges, badges_cap;
	size_t hidden;          /* badges beyond BADGES_MAX, counted */
	size_t seq;
	int x_from, x_to;       /* the ports */
};

typedef struct AxisLabel {
	BoardTime t;
	const char *text;
} AxisLabel;

struct Board {
	Arena *a;
	const char *cap_seller, *note_seller, *cap_buyer, *note_buyer, *cap_axis, *cap_apart;
	BoardBox *title;
	BoardBox **boxes;
	size_t nboxes, boxes_cap;
	BoardLink **links;
	size_t nlinks, links_cap;
	AxisLabel *labels;
	size_t nlabels, labels_cap;
	/* placed */
	BoardTime *ticks;
	int *tick_x;            /* from the axis's left end */
	const char **tick_label;        /* or NULL */
	size_t nticks;
	int x0;                 /* the axis's left end */
	int axis_w;
	int seller_top, seller_bottom, buyer_top, buyer_bottom, axis_y;
	int apart_x, apart_w;
	int width, height;
	RenderGraph *g;
	StrBuf bg;              /* the _background's xdot operations */
	size_t nodes;           /* for names of the board's own nodes */
};

static int ceil_int(double v)
{
	return (int)ceil(v - 1e-6);
}

static double text_width(const char *s, double size, FontStyle style)
{
	return fontmetric_width(s, strlen(s), size, style) + TEXT_SLACK;
}

static int pitch_of(double size)
{
	return ceil_int(size * 1.3);
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

static int lead_of(const BoardBox *x, int level)
{
	return level == 0 ? 0 : level == 1 ? x->indent[0] : x->indent[0] + x->indent[1];
}

static int badge_width(const BoardBadge *bd)
{
	return ceil_int(text_width(bd->text, BADGE_SIZE, FONT_BOLD)) + 2 * BADGE_PAD;
}

static int sample_width(const BoardRow *r)
{
	if (r->sample == SAMPLE_LINE)
		return 30;
	if (r->sample == SAMPLE_SWATCH)
		return badge_width(&r->sample_swatch);
	return 0;
}

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
			need = ceil_int(text_width(r->glyph, r->size, r->style)) + 3;
		if (r->sample)
			need = sample_width(r) + 6;
		if (need > x->indent[col])
			x->indent[col] = need;
	}
	int need = 0;
	for (size_t i = 0; i < x->nrows; i++) {
		BoardRow *r = x->rows[i];
		int lead = lead_of(x, r->level);
		double avail = max_w - 2 * PAD_X - lead - TEXT_SLACK;
		if (avail < 40)
			avail = 40;
		r->nlines = fontmetric_wrap(b->a, r->text, r->size, r->style, avail, &r->lines);
		r->pitch = pitch_of(r->size);
		if (r->sample == SAMPLE_SWATCH && r->pitch < BADGE_H + 3)
			r->pitch = BADGE_H + 3;         /* room for the swatch */
		for (size_t k = 0; k < r->nlines; k++) {
			int w = lead + ceil_int(text_width(r->lines[k], r->size, r->style));
			if (w > need)
				need = w;
		}
		for (size_t k = 0; k < r->nbadges; k++) {
			int w = lead + badge_width(&r->badges[k]);
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
			int left = PAD_X + lead_of(x, r->level);
			int right = x->w - PAD_X;
			int bx = left, by = y + text_h + 2;
			for (size_t k = 0; k < r->nbadges; k++) {
				int w = badge_width(&r->badges[k]);
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
		b->tick_x[k] = ceil_int(x);
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
		label_w[k] = ceil_int(text_width(b->tick_label[k], LABEL_SIZE, FONT_REGULAR));
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

static int cmp_box_start(const void *pa, const void *pb)
{
	const BoardBox *a = *(BoardBox *const *)pa, *b = *(BoardBox *const *)pb;
	int c = cmp_time(a->start, b->start);
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

/* Gives every box of 'place' its offset from the other lane: the smallest
 * at which it overlaps no box placed before it. Returns the lane's height
 * of boxes. */
static int stack_lane(Board *b, BoardPlace place)
{
	size_t n = 0;
	BoardBox **v = arena_alloc(b->a, (b->nboxes ? b->nboxes : 1) * sizeof *v);
	for (size_t i = 0; i < b->nboxes; i++)
		if (b->boxes[i]->place == place)
			v[n++] = b->boxes[i];
	qsort(v, n, sizeof *v, cmp_box_start);
	BoardBox **active = arena_alloc(b->a, (n ? n : 1) * sizeof *active);
	int *cand = arena_alloc(b->a, (n + 1) * sizeof *cand);
	size_t nactive = 0;
	int height = 0;
	for (size_t i = 0; i < n; i++) {
		BoardBox *x = v[i];
		/* Boxes are in order of their left edges: one that ends before
		 * this box starts can overlap no box after it either. */
		size_t k = 0;
		for (size_t j = 0; j < nactive; j++)
			if (active[j]->x + active[j]->w > x->x)
				active[k++] = active[j];
		nactive = k;
		size_t nc = 0;
		int top = 0;
		cand[nc++] = 0;
		for (size_t j = 0; j < nactive; j++) {
			if (!x_overlap(active[j], x))
				continue;
			int above = active[j]->offset + active[j]->h + VGAP;
			if (above > top)
				top = above;
			if (nc <= STACK_SEARCH_MAX)
				cand[nc++] = above;
		}
		int at = top;
		if (nc <= STACK_SEARCH_MAX) {
			qsort(cand, nc, sizeof *cand, cmp_int);
			for (size_t c = 0; c < nc; c++) {
				bool free_here = true;
				for (size_t j = 0; free_here && j < nactive; j++)
					free_here = !x_overlap(active[j], x) ||
						    cand[c] + x->h + VGAP <= active[j]->offset ||
						    active[j]->offset + active[j]->h + VGAP <= cand[c];
				if (free_here) {
					at = cand[c];
					break;
				}
			}
		}
		x->offset = at;
		if (at + x->h > height)
			height = at + x->h;
		active[nactive++] = x;
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

typedef struct Interval {
	int l, r;
} Interval;

/* The widest stretch of 'x''s lower (seller) or upper (buyer) edge that
 * no box between it and the other lane covers. */
static Interval free_edge(const Board *b, const BoardBox *x)
{
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
		cov[n++] = (Interval){ o->x - 6, o->x + o->w + 6 };
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
	/* Fully covered: the link passes under the boxes in its way. */
	return found.r >= found.l ? found : best;
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
		Interval e = free_edge(b, x);
		for (size_t k = 0; k < n; k++) {
			int p = e.l + (int)((double)(e.r - e.l) * (double)(k + 1) / (double)(n + 1));
			if (refs[k].from)
				refs[k].link->x_from = p;
			else
				refs[k].link->x_to = p;
		}
	}
}

/* ---- describing: the RenderGraph ---- */

static const char *fmt_num(Board *b, double v)
{
	return arena_printf(b->a, "%.2f", v);
}

/* Graphviz's y: upwards from the bottom. */
static double gy(const Board *b, double y)
{
	return b->height - y;
}

static const char *node_name(Board *b, const char *kind)
{
	return arena_printf(b->a, "%s~%zu", kind, ++b->nodes);
}

/* A class or id as Graphviz passes it on to SVG unchanged: what is not a
 * letter, digit or one of " _-.:>~" becomes '_' (item names are made of
 * those; a rule's item could hold anything). */
static const char *plain_token(Board *b, const char *s)
{
	char *t = arena_strdup(b->a, s);
	for (char *p = t; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		      strchr(" _-.:>~", *p)))
			*p = '_';
	return t;
}

static void set_tag(Board *b, RenderObj *o, const BoardTag *t)
{
	if (t->klass)
		render_set(b->g, o, "class", plain_token(b, t->klass));
	if (t->id)
		render_set(b->g, o, "id", plain_token(b, t->id));
	if (t->tooltip) {
		StrBuf sb = STRBUF_INIT;
		escape_graphviz_tooltip(&sb, t->tooltip);
		render_set(b->g, o, "tooltip", strbuf_cstr(&sb));
		strbuf_free(&sb);
	}
}

static void set_style(Board *b, RenderObj *o, const BoardStyle *s)
{
	RenderGraph *g = b->g;
	StrBuf st = STRBUF_INIT;
	if (s->fill)
		strbuf_puts(&st, "filled");
	if (s->rounded)
		strbuf_printf(&st, "%srounded", st.len ? "," : "");
	if (s->dash)
		strbuf_printf(&st, "%s%s", st.len ? "," : "", s->dash);
	if (st.len)
		render_set(g, o, "style", strbuf_cstr(&st));
	if (s->fill)
		render_set(g, o, "fillcolor", s->fill);
	render_set(g, o, "color", s->line ? s->line : "transparent");
	if (s->penwidth != 1)
		render_set(g, o, "penwidth", arena_printf(b->a, "%g", s->penwidth));
	strbuf_free(&st);
}

/* A node at [x, x+w] x [y, y+h] (ours), with a fixed size. */
static RenderObj *place_node(Board *b, const char *name, int x, int y, int w,
			     int h)
{
	RenderGraph *g = b->g;
	RenderObj *n = render_node(g, name);
	render_setf(g, n, "pos", "%s,%s", fmt_num(b, x + w / 2.0), fmt_num(b, gy(b, y + h / 2.0)));
	render_setf(g, n, "width", "%.5f", w / 72.0);
	render_setf(g, n, "height", "%.5f", h / 72.0);
	return n;
}

static void put_text(StrBuf *html, const char *text, double size, FontStyle style, const char *color)
{
	strbuf_printf(html, "<FONT POINT-SIZE=\"%g\"", size);
	if (color && strcmp(color, DEFAULT_INK) != 0)
		strbuf_printf(html, " COLOR=\"%s\"", color);
	strbuf_puts(html, ">");
	if (style == FONT_BOLD)
		strbuf_puts(html, "<B>");
	else if (style == FONT_ITALIC)
		strbuf_puts(html, "<I>");
	escape_graphviz_html(html, text);
	if (style == FONT_BOLD)
		strbuf_puts(html, "</B>");
	else if (style == FONT_ITALIC)
		strbuf_puts(html, "</I>");
	strbuf_puts(html, "</FONT>");
}

static void put_cell(StrBuf *html, int colspan, int w, int h)
{
	strbuf_puts(html, "<TD");
	if (colspan > 1)
		strbuf_printf(html, " COLSPAN=\"%d\"", colspan);
	strbuf_printf(html, " WIDTH=\"%d\" HEIGHT=\"%d\"", w, h);
}

/* A box's rows as a fixed-size table, as wide as the box less its side
 * padding (Graphviz centres it): three columns (the two glyph columns and
 * the text), a row per line at the line's pitch, and a row of the right
 * height for the padding and wherever badges hang. The glyph cells carry
 * no height: the text cell of their row has it. A line break after each
 * row (Graphviz ignores it) keeps the DOT text readable and diffable. */
static void box_table(const BoardBox *x, StrBuf *html)
{
	int i1 = x->indent[0], i2 = x->indent[1];
	int w = x->w - 2 * PAD_X;
	int tw = w - i1 - i2;
	strbuf_printf(html, "<TABLE FIXEDSIZE=\"TRUE\" WIDTH=\"%d\" HEIGHT=\"%d\" BORDER=\"0\" "
		      "CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">\n", w, x->h);
	strbuf_printf(html, "<TR><TD WIDTH=\"%d\" HEIGHT=\"%d\"></TD><TD WIDTH=\"%d\"></TD>"
		      "<TD WIDTH=\"%d\"></TD></TR>\n", i1, PAD_TOP, i2, tw);
	for (size_t i = 0; i < x->nrows; i++) {
		const BoardRow *r = x->rows[i];
		size_t lines = r->nlines ? r->nlines : 1;
		for (size_t k = 0; k < lines; k++) {
			strbuf_puts(html, "<TR>");
			if (r->level >= 1) {
				strbuf_printf(html, "<TD ALIGN=\"LEFT\">");
				if (k == 0 && r->glyph && r->level == 1 && !r->sample)
					put_text(html, r->glyph, r->size, r->style, r->color);
				strbuf_puts(html, "</TD>");
			}
			if (r->level == 2) {
				strbuf_printf(html, "<TD ALIGN=\"LEFT\">");
				if (k == 0 && r->glyph)
					put_text(html, r->glyph, r->size, r->style, r->color);
				strbuf_puts(html, "</TD>");
			}
			put_cell(html, 3 - r->level, tw + (r->level == 0 ? i1 + i2 : r->level == 1 ? i2 : 0),
				 r->pitch);
			strbuf_puts(html, " ALIGN=\"LEFT\">");
			if (r->nlines)
				put_text(html, r->lines[k], r->size, r->style, r->color);
			strbuf_puts(html, "</TD></TR>\n");
		}
		if (r->space > 0) {
			strbuf_puts(html, "<TR>");
			put_cell(html, 3, w, r->space);
			strbuf_puts(html, "></TD></TR>\n");
		}
	}
	strbuf_puts(html, "<TR>");
	put_cell(html, 3, w, PAD_BOTTOM);
	strbuf_puts(html, "></TD></TR></TABLE>");
}

/* A one-line label: a fixed-size table around one cell. */
static void line_table(StrBuf *html, const char *text, int w, int h, double size, FontStyle style,
		       const char *color, const char *align)
{
	strbuf_printf(html, "<TABLE FIXEDSIZE=\"TRUE\" WIDTH=\"%d\" HEIGHT=\"%d\" BORDER=\"0\" "
		      "CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR>", w, h);
	put_cell(html, 1, w, h);
	strbuf_printf(html, " ALIGN=\"%s\">", align);
	put_text(html, text, size, style, color);
	strbuf_puts(html, "</TD></TR></TABLE>");
}

static RenderObj *text_node(Board *b, int x, int y, const char *text, double size,
			    FontStyle style, const char *color, const char *align)
{
	int w = ceil_int(text_width(text, size, style)) + 2, h = pitch_of(size);
	if (strcmp(align, "CENTER") == 0)
		x -= w / 2;
	RenderObj *n = place_node(b, node_name(b, "text"), x, y, w, h);
	render_set(b->g, n, "color", "transparent");
	StrBuf html = STRBUF_INIT;
	line_table(&html, text, w, h, size, style, color, "LEFT");
	render_set_html(b->g, n, "label", strbuf_cstr(&html));
	strbuf_free(&html);
	return n;
}

static void describe_badge(Board *b, const BoardBadge *bd, int x, int y, int w)
{
	RenderObj *n = place_node(b, node_name(b, "badge"), x, y, w, BADGE_H);
	set_style(b, n, &bd->style);
	set_tag(b, n, &bd->tag);
	StrBuf html = STRBUF_INIT;
	line_table(&html, bd->text, w, BADGE_H, BADGE_SIZE, FONT_BOLD, bd->color, "CENTER");
	render_set_html(b->g, n, "label", strbuf_cstr(&html));
	strbuf_free(&html);
}

/* ---- the background ----
 *
 * The lanes, the grid, the axis and the samples of legend lines are xdot
 * drawing operations in the graph's _background, which Graphviz draws
 * before anything else: under the links and the boxes, and with no node or
 * subgraph of their own. (Lane clusters would not do: Graphviz orders
 * subgraphs by address, so they come out in another order on every run.) */

static void bg_color(Board *b, const char *op, const char *color)
{
	strbuf_printf(&b->bg, "%s %zu -%s ", op, strlen(color), color);
}

static void bg_rect(Board *b, int x1, int y1, int x2, int y2, const char *fill)
{
	bg_color(b, "c", fill);
	bg_color(b, "C", fill);
	strbuf_printf(&b->bg, "P 4 %d %s %d %s %d %s %d %s\n", x1, fmt_num(b, gy(b, y1)), x2,
		      fmt_num(b, gy(b, y1)), x2, fmt_num(b, gy(b, y2)), x1, fmt_num(b, gy(b, y2)));
}

static void bg_line(Board *b, double x1, double y1, double x2, double y2, const BoardStyle *s)
{
	const char *dash = s->dash ? s->dash : "solid";
	const char *width = arena_printf(b->a, "setlinewidth(%g)", s->penwidth);
	bg_color(b, "c", s->line);
	strbuf_printf(&b->bg, "S %zu -%s S %zu -%s L 2 %s %s %s %s\n", strlen(dash), dash, strlen(width),
		      width, fmt_num(b, x1), fmt_num(b, gy(b, y1)), fmt_num(b, x2), fmt_num(b, gy(b, y2)));
}

static void describe_box(Board *b, BoardBox *x)
{
	RenderObj *n = place_node(b, x->name, x->x, x->y, x->w, x->h);
	x->node = n;
	set_style(b, n, &x->style);
	set_tag(b, n, &x->tag);
	StrBuf html = STRBUF_INIT;
	box_table(x, &html);
	render_set_html(b->g, n, "label", strbuf_cstr(&html));
	strbuf_free(&html);
}

/* What hangs on a box's rows: samples and badges, drawn over the box. */
static void describe_row_extras(Board *b, const BoardBox *x)
{
	for (size_t i = 0; i < x->nrows; i++) {
		const BoardRow *r = x->rows[i];
		int left = x->x + PAD_X;       /* samples are in the first glyph column */
		int mid = x->y + r->y + r->pitch / 2;
		if (r->sample == SAMPLE_LINE)
			bg_line(b, left + 2, mid, left + 2 + sample_width(r), mid, &r->sample_line);
		else if (r->sample == SAMPLE_SWATCH)
			describe_badge(b, &r->sample_swatch, left, mid - BADGE_H / 2, sample_width(r));
		for (size_t k = 0; k < r->nbadges; k++)
			describe_badge(b, &r->badges[k], x->x + r->badge_x[k], x->y + r->badge_y[k],
				       r->badge_w[k]);
	}
}

/* The lanes, their captions, the grid and the axis. The lanes are also
 * invisible nodes, "lane:seller" and "lane:buyer", so that tools reading
 * the laid-out graph know where they are. */
static void describe_lanes(Board *b)
{
	struct {
		const char *name, *fill, *cap, *note;
		int top, bottom;
	} lanes[2] = {
		{ "lane:seller", SELLER_BAND, b->cap_seller, b->note_seller, b->seller_top, b->seller_bottom },
		{ "lane:buyer", BUYER_BAND, b->cap_buyer, b->note_buyer, b->buyer_top, b->buyer_bottom },
	};
	for (int i = 0; i < 2; i++) {
		bg_rect(b, MARGIN, lanes[i].top, b->width - MARGIN, lanes[i].bottom, lanes[i].fill);
		RenderObj *n = place_node(b, lanes[i].name, MARGIN, lanes[i].top, b->width - 2 * MARGIN,
					  lanes[i].bottom - lanes[i].top);
		render_set(b->g, n, "style", "invis");
		int y = lanes[i].top + LABEL_BAND;
		text_node(b, MARGIN + 8, y, lanes[i].cap ? lanes[i].cap : "", 12, FONT_BOLD, "#222222",
			  "LEFT");
		if (lanes[i].note)
			text_node(b, MARGIN + 8, y + pitch_of(12), lanes[i].note, 8, FONT_ITALIC, "#444444",
				  "LEFT");
	}
	BoardStyle grid = { NULL, GRID, "dashed", 0.8, false };
	BoardStyle axis = { NULL, AXIS, NULL, 1.2, false };
	int left = b->x0, right = b->x0 + b->axis_w;
	for (size_t k = 0; k < b->nticks; k++) {
		if (!b->tick_label[k])
			continue;
		int x = b->x0 + b->tick_x[k];
		bg_line(b, x, b->seller_top + LABEL_BAND, x, b->axis_y, &grid);
		bg_line(b, x, b->axis_y, x, b->axis_y + 5, &axis);
	}
	bg_line(b, left, b->axis_y, right > left ? right : left + 1, b->axis_y, &axis);
	if (b->apart_w) {
		BoardStyle div = { NULL, "#9A9A9A", "dashed", 1, false };
		int x = b->apart_x - APART_GAP / 2;
		bg_line(b, x, b->seller_top + 4, x, b->seller_bottom - 4, &div);
	}
}

static void describe_axis_labels(Board *b)
{
	for (size_t k = 0; k < b->nticks; k++) {
		const char *text = b->tick_label[k];
		if (!text)
			continue;
		int x = b->x0 + b->tick_x[k];
		text_node(b, x, b->axis_y + 7, text, LABEL_SIZE, FONT_REGULAR, "#333333", "CENTER");
		text_node(b, x, b->seller_top + 3, text, LABEL_SIZE, FONT_REGULAR, "#555555", "CENTER");
	}
	if (b->cap_axis)
		text_node(b, b->x0, b->axis_y + 7 + pitch_of(LABEL_SIZE) + 4, b->cap_axis, 9,
			  FONT_ITALIC, "#333333", "LEFT");
	if (b->apart_w && b->cap_apart)
		text_node(b, b->apart_x, b->seller_top + 3, b->cap_apart, 9, FONT_BOLD, "#333333",
			  "LEFT");
}

/* A link: down from the seller box, across the corridor in one S-curve,
 * down into the buyer box, arrowhead at its top. */
static void describe_link(Board *b, const BoardLink *l)
{
	double xs = l->x_from, xt = l->x_to;
	double y1 = l->from->y + l->from->h, yc1 = b->seller_bottom, yc2 = b->buyer_top;
	double y2 = l->to->y - ARROW;
	double mid = (yc2 - yc1) / 2;
	double p[10][2] = {
		{ xs, y1 }, { xs, y1 + (yc1 - y1) / 3 }, { xs, y1 + 2 * (yc1 - y1) / 3 }, { xs, yc1 },
		{ xs, yc1 + mid }, { xt, yc2 - mid }, { xt, yc2 },
		{ xt, yc2 + (y2 - yc2) / 3 }, { xt, yc2 + 2 * (y2 - yc2) / 3 }, { xt, y2 },
	};
	RenderObj *e = render_edge(b->g, l->from->node, l->to->node);
	StrBuf pos = STRBUF_INIT;
	strbuf_printf(&pos, "e,%s,%s", fmt_num(b, xt), fmt_num(b, gy(b, l->to->y)));
	for (int i = 0; i < 10; i++)
		strbuf_printf(&pos, " %s,%s", fmt_num(b, p[i][0]), fmt_num(b, gy(b, p[i][1])));
	render_set(b->g, e, "pos", strbuf_cstr(&pos));
	strbuf_free(&pos);
	render_set(b->g, e, "color", l->style.line);
	if (l->style.dash)
		render_set(b->g, e, "style", l->style.dash);
	if (l->style.penwidth != 1)
		render_set(b->g, e, "penwidth", arena_printf(b->a, "%g", l->style.penwidth));
	set_tag(b, e, &l->tag);
}

typedef struct LinkBadge {
	const BoardBadge *badge;
	int want, w;            /* the wanted middle, the width */
	size_t order;
} LinkBadge;

static int cmp_link_badge(const void *pa, const void *pb)
{
	const LinkBadge *a = pa, *b = pb;
	if (a->want != b->want)
		return (a->want > b->want) - (a->want < b->want);
	return (a->order > b->order) - (a->order < b->order);
}

/* Link badges sit in the corridor just above the arrowheads, in one row:
 * sorted by where they belong and pushed right until none overlaps. */
static void describe_link_badges(Board *b)
{
	size_t n = 0;
	for (size_t i = 0; i < b->nlinks; i++)
		n += b->links[i]->nbadges;
	if (!n)
		return;
	LinkBadge *v = arena_alloc(b->a, n * sizeof *v);
	n = 0;
	for (size_t i = 0; i < b->nlinks; i++) {
		const BoardLink *l = b->links[i];
		for (size_t k = 0; k < l->nbadges; k++) {
			int w = badge_width(&l->badges[k]);
			v[n] = (LinkBadge){ &l->badges[k], l->x_to, w, n };
			n++;
		}
	}
	qsort(v, n, sizeof *v, cmp_link_badge);
	int y = b->buyer_top - BADGE_H - 16;
	int right = -1000000;
	for (size_t i = 0; i < n; i++) {
		int x = v[i].want - v[i].w / 2;
		if (x < right + BADGE_GAP)
			x = right + BADGE_GAP;
		describe_badge(b, v[i].badge, x, y, v[i].w);
		right = x + v[i].w;
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
				  y + LABEL_BAND + pitch_of(9) + 4);
	if (apart_h)
		apart_h += pitch_of(9) + 4;
	int lane_h = seller_h > apart_h ? seller_h : apart_h;
	int caption_h = pitch_of(12) + pitch_of(8);
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

	/* The graph. Drawing order: the background, the edges, then the nodes
	 * as made. */
	render_set(g, &g->graph, "layout", "nop2");
	render_set(g, &g->graph, "notranslate", "true");
	render_set(g, &g->graph, "outputorder", "edgesfirst");
	render_setf(g, &g->graph, "bb", "0,0,%d,%d", b->width, b->height);
	render_set(g, &g->graph, "bgcolor", "white");
	render_set(g, &g->graph, "fontname", FONTMETRIC_FAMILY);
	render_set(g, &g->node_defaults, "shape", "box");
	render_set(g, &g->node_defaults, "fixedsize", "true");
	render_set(g, &g->node_defaults, "margin", "0");
	render_set(g, &g->node_defaults, "label", "");
	render_set(g, &g->node_defaults, "fontname", FONTMETRIC_FAMILY);
	render_set(g, &g->node_defaults, "fontsize", "10");
	render_set(g, &g->node_defaults, "fontcolor", DEFAULT_INK);
	render_set(g, &g->edge_defaults, "arrowsize", "0.8");
	render_set(g, &g->edge_defaults, "fontname", FONTMETRIC_FAMILY);

	/* A node as big as the picture fixes its size: with positions given,
	 * Graphviz measures the picture by what is in it. */
	RenderObj *canvas = place_node(b, "canvas", 0, 0, b->width, b->height);
	render_set(g, canvas, "style", "invis");
	describe_lanes(b);
	describe_axis_labels(b);
	if (b->title)
		describe_box(b, b->title);
	for (size_t i = 0; i < b->nboxes; i++)
		describe_box(b, b->boxes[i]);
	for (size_t i = 0; i < b->nlinks; i++)
		describe_link(b, b->links[i]);
	for (size_t i = 0; i < b->nboxes; i++)
		describe_row_extras(b, b->boxes[i]);
	if (b->title)
		describe_row_extras(b, b->title);
	describe_link_badges(b);
	render_set(g, &g->graph, "_background", strbuf_cstr(&b->bg));
	strbuf_free(&b->bg);
	*width = b->width;
	*height = b->height;
}
