/* board_draw.h - the board's inside, shared by its two halves.
 *
 * Outputs layer; private to board.c, which builds, measures and places a
 * board, and board_draw.c, which turns the placed board into a RenderGraph.
 * Nothing else includes it: views use board.h. Coordinates grow downwards
 * from the top left, in whole points. */
#ifndef ROADMAPC_BOARD_DRAW_H
#define ROADMAPC_BOARD_DRAW_H

#include <stdbool.h>
#include <stddef.h>

#include "board.h"
#include "strbuf.h"

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
	int x_from, x_to;       /* the ports: where the link runs down from, and into */
	int side_from, side_to; /* -1, +1: the box's edge is covered, and the link runs
				 * beside the box, leaving or entering it by its left or
				 * right side; 0: by its edge */
	int jog_y_from, jog_y_to;       /* -1, or the box's edge is covered and the link
					 * leaves or enters it at jog_x, runs across at
					 * jog_y to x_from or x_to, and on to the corridor */
	int jog_x_from, jog_x_to;
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

/* Measures both halves use. */
int board_ceil(double v);
double board_text_width(const char *s, double size, FontStyle style);
int board_pitch(double size);
int board_lead(const BoardBox *x, int level);
int board_badge_width(const BoardBadge *bd);
int board_sample_width(const BoardRow *r);

/* Describes the placed board 'b' into 'g': the background, the links,
 * then the boxes, badges and labels, in the order Graphviz draws them. */
void board_draw(Board *b, RenderGraph *g);

#endif
