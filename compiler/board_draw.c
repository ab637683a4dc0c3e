/* board_draw.c - the placed board as a RenderGraph: boxes as fixed-size
 * HTML tables, badges, labels, links with their routes, and the lanes,
 * grid and axis as the graph's background; see board_draw.h. Graphviz's
 * coordinates grow upwards: gy() turns ours into them. */
#include "board_draw.h"
#include "alloc.h"
#include "escape.h"

#include <stdlib.h>
#include <string.h>

static const char *const SELLER_BAND = "#EEF3F9";
static const char *const BUYER_BAND = "#F8F4EA";
static const char *const GRID = "#C8C8C8";
static const char *const AXIS = "#555555";
/* The text colour nodes have unless a text says otherwise. */
#define DEFAULT_INK "#111111"

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
	int w = board_ceil(board_text_width(text, size, style)) + 2, h = board_pitch(size);
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
			bg_line(b, left + 2, mid, left + 2 + board_sample_width(r), mid, &r->sample_line);
		else if (r->sample == SAMPLE_SWATCH)
			describe_badge(b, &r->sample_swatch, left, mid - BADGE_H / 2, board_sample_width(r));
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
			text_node(b, MARGIN + 8, y + board_pitch(12), lanes[i].note, 8, FONT_ITALIC, "#444444",
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
		text_node(b, b->x0, b->axis_y + 7 + board_pitch(LABEL_SIZE) + 4, b->cap_axis, 9,
			  FONT_ITALIC, "#333333", "LEFT");
	if (b->apart_w && b->cap_apart)
		text_node(b, b->apart_x, b->seller_top + 3, b->cap_apart, 9, FONT_BOLD, "#333333",
			  "LEFT");
}

/* Appends to 'p' the straight line from its last point to (x, y), as a
 * Bezier piece. */
static size_t line_to(double (*p)[2], size_t n, double x, double y)
{
	double x0 = p[n - 1][0], y0 = p[n - 1][1];
	for (int k = 1; k <= 3; k++) {
		p[n][0] = x0 + (x - x0) * k / 3;
		p[n][1] = y0 + (y - y0) * k / 3;
		n++;
	}
	return n;
}

/* A link: down from the seller box, across the corridor in one S-curve,
 * down into the buyer box, arrowhead at its top. A box whose edge is
 * covered by others is left or entered by its side instead, the link
 * running down the gap beside it (board.c, side_port), or, when those gaps
 * are blocked too, with a jog across the gap between two stacked boxes
 * (board.c, jog_port). */
static void describe_link(Board *b, const BoardLink *l)
{
	const BoardBox *from = l->from, *to = l->to;
	double xs = l->x_from, xt = l->x_to;
	double yc1 = b->seller_bottom, yc2 = b->buyer_top, mid = (yc2 - yc1) / 2;
	double p[28][2];
	size_t n = 1;
	if (l->jog_y_from >= 0) {
		p[0][0] = l->jog_x_from;
		p[0][1] = from->y + from->h;
		n = line_to(p, n, l->jog_x_from, l->jog_y_from);
		n = line_to(p, n, xs, l->jog_y_from);
	} else if (l->side_from) {
		double y = from->y + from->h - PORT_INSET;
		p[0][0] = l->side_from < 0 ? from->x : from->x + from->w;
		p[0][1] = y;
		n = line_to(p, n, xs, y);
	} else {
		p[0][0] = xs;
		p[0][1] = from->y + from->h;
	}
	n = line_to(p, n, xs, yc1);
	p[n][0] = xs, p[n][1] = yc1 + mid, n++;         /* the S-curve */
	p[n][0] = xt, p[n][1] = yc2 - mid, n++;
	p[n][0] = xt, p[n][1] = yc2, n++;
	double ex, ey;                                  /* the arrowhead's tip */
	if (l->jog_y_to >= 0) {
		ex = l->jog_x_to;
		ey = to->y;
		n = line_to(p, n, xt, l->jog_y_to);
		n = line_to(p, n, ex, l->jog_y_to);
		n = line_to(p, n, ex, to->y - ARROW);
	} else if (l->side_to) {
		ey = to->y + PORT_INSET;
		ex = l->side_to < 0 ? to->x : to->x + to->w;
		n = line_to(p, n, xt, ey);
		n = line_to(p, n, ex + l->side_to * ARROW, ey);
	} else {
		ex = xt;
		ey = to->y;
		n = line_to(p, n, xt, to->y - ARROW);
	}
	RenderObj *e = render_edge(b->g, from->node, to->node);
	StrBuf pos = STRBUF_INIT;
	strbuf_printf(&pos, "e,%s,%s", fmt_num(b, ex), fmt_num(b, gy(b, ey)));
	for (size_t i = 0; i < n; i++)
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
			int w = board_badge_width(&l->badges[k]);
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

void board_draw(Board *b, RenderGraph *g)
{
	b->g = g;
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
}
