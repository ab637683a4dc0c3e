/* board.h - the timeline board both diagrams are drawn on.
 *
 * Outputs layer, between the views (render_roadmap.c, render_gaps.c) and
 * Graphviz (render.h); it knows nothing of roadmaps. A view puts boxes of
 * text in two lanes, the seller's above and the buyer's below, each at a
 * span of one time axis; links seller boxes to buyer boxes; hangs badges
 * under rows and on links; and adds panels above and below the lanes.
 * board_render() then places everything itself and describes the picture,
 * every node at its final position, as a RenderGraph.
 *
 * Why our own placement and not dot's ranks: the picture is a time axis,
 * and dot can only order ranks, not put a box at week 5; its cost grows
 * faster than linearly and has cliffs, where this placement is a sort and
 * a sweep. How it places:
 *  - every text is measured in the diagram font (fontmetric.h) and wrapped
 *    to its box's maximum width, so a box's size is known before Graphviz
 *    runs, and no text overflows it (Graphviz warns if one did);
 *  - the axis points every box starts or ends at are spaced left to right:
 *    as far apart as their times say (one scale, bounded so the picture
 *    stays compact), and never closer than the widest box between them
 *    needs; a box spans its start to its end, so time order is left to
 *    right and a later box never starts left of an earlier one;
 *  - in each lane, a box whose span overlaps a box already placed goes
 *    beside it, away from the other lane (first fit), never over it;
 *    narrow boxes are placed first, so a wide one (a stage that runs
 *    alongside others) lies beyond them, and its links pass between them;
 *  - stacking keeps a way in for every linked box where it can: a box goes
 *    at the smallest offset that leaves it one and closes none of a box
 *    placed before;
 *  - links leave a seller box downwards and enter a buyer box from above,
 *    through a gap between the boxes in the way; a box whose edge such
 *    boxes cover whole (two of the same span) is left or entered by its
 *    side, the link running down the gap beside it; when those gaps are
 *    blocked too, the link jogs: out of a free stretch of the edge, across
 *    the gap between two stacked boxes, down a clear column; so a link
 *    passes under no box but its own two; the lanes are drawn first,
 *    links next, boxes last.
 * Everything lives in the board's arena; geometry is in points. */
#ifndef ROADMAPC_BOARD_H
#define ROADMAPC_BOARD_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "fontmetric.h"
#include "render.h"

/* A point of the time axis. 'sub' orders points at the same time: the
 * views use it for items with no time of their own, placed after a timed
 * one. */
typedef struct BoardTime {
	double t;
	int sub;
} BoardTime;

typedef enum BoardPlace {
	BOARD_SELLER,           /* the upper lane, on the time axis */
	BOARD_BUYER,            /* the lower lane, on the time axis */
	BOARD_APART,            /* the upper lane, right of the axis: set apart */
	BOARD_HEAD,             /* panels under the title */
	BOARD_FOOT              /* panels under the axis */
} BoardPlace;

/* How a box, badge or link looks. Colours are Graphviz colours. */
typedef struct BoardStyle {
	const char *fill;       /* NULL: none */
	const char *line;       /* the border or the link */
	const char *dash;       /* NULL: solid; "dashed" or "dotted" */
	double penwidth;
	bool rounded;
} BoardStyle;

/* What SVG readers and tests see of an object: its class list, its id and
 * its tooltip (all optional, plain text). */
typedef struct BoardTag {
	const char *klass;
	const char *id;
	const char *tooltip;
} BoardTag;

/* A small one-line label: a mark of the gaps view, an alignment tag on a
 * link. */
typedef struct BoardBadge {
	const char *text;
	BoardStyle style;
	const char *color;      /* of the text */
	BoardTag tag;
} BoardBadge;

typedef enum BoardSample { SAMPLE_NONE, SAMPLE_LINE, SAMPLE_SWATCH } BoardSample;

typedef struct BoardRow BoardRow;
typedef struct BoardBox BoardBox;
typedef struct BoardLink BoardLink;
typedef struct Board Board;

/* A box: rows of text, from the top. The view sets 'style', 'tag' and
 * 'max_width' after board_box(). */
struct BoardBox {
	BoardPlace place;
	BoardTime start, end;
	const char *name;       /* the Graphviz node's name */
	BoardStyle style;
	BoardTag tag;
	double max_width;       /* text wraps at it (default: the board's) */
	int indent[2];          /* widths of the glyph columns of levels 1, 2 */
	BoardRow **rows;
	size_t nrows, rows_cap;
	/* set by board_render() */
	size_t seq;             /* creation order, the last sort key */
	int w, h;               /* size */
	int x, y;               /* top left, y growing downwards */
	int offset;             /* lanes: the distance from the other lane */
	RenderObj *node;
};

Board *board_new(Arena *a);

/* The captions of the lanes, the axis and the set-apart area. */
void board_captions(Board *b, const char *seller, const char *seller_note, const char *buyer,
		    const char *buyer_note, const char *axis, const char *apart);

/* The title: rows like a box's, above everything, without a border. */
BoardBox *board_title(Board *b);

/* A new box at 'place'. For the lanes, it spans [start, end] (a point is
 * given a width of its own); the other places ignore the times. 'name'
 * must be unique and plain. */
BoardBox *board_box(Board *b, BoardPlace place, BoardTime start, BoardTime end, const char *name);

/* Appends a paragraph to 'x', wrapped to the box: 'level' 0 starts at the
 * box's left, 1 and 2 after one or two glyph columns; 'glyph' (or NULL) is
 * drawn in the column just before the text, on its first line only. */
BoardRow *board_row(Board *b, BoardBox *x, int level, const char *glyph, const char *text,
		    double size, FontStyle style, const char *color);

/* Hangs 'badge' under row 'r' (badges flow left to right, and wrap). A row,
 * and a link, shows at most 20 badges; a last one counts the rest ("+N
 * more", class "more"). */
void board_row_badge(Board *b, BoardRow *r, const BoardBadge *badge);

/* Makes row 'r' (of level 1) a legend entry: a sample of a link ('kind'
 * SAMPLE_LINE, 'swatch' NULL) or of a box or badge (SAMPLE_SWATCH: 'swatch'
 * is drawn, without its tag) in its glyph column. */
void board_row_sample(Board *b, BoardRow *r, BoardSample kind, BoardStyle line,
		      const BoardBadge *swatch);

/* A link from seller box 'from' to buyer box 'to'. */
BoardLink *board_link(Board *b, BoardBox *from, BoardBox *to, BoardStyle style, BoardTag tag);
void board_link_badge(Board *b, BoardLink *l, const BoardBadge *badge);
/* A link's tag, and a new look for it (views learn how well a link serves
 * its stage after making it). */
const BoardTag *board_link_tag(const BoardLink *l);
void board_link_set(BoardLink *l, BoardStyle style, BoardTag tag);

/* Labels axis point 't' (a tick, a grid line, a label above and below). */
void board_axis_label(Board *b, BoardTime t, const char *label);

/* Places everything and describes it into 'g' (initialised by the
 * caller); '*width' and '*height' get the picture's size in points. */
void board_render(Board *b, RenderGraph *g, double *width, double *height);

#endif
