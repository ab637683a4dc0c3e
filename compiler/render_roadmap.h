/* render_roadmap.h - the picture of a roadmap that both views draw.
 *
 * Outputs layer. render_roadmap.c puts a roadmap on the board (board.h):
 * the title, the seller actions on the upper lane and the buyer's stages
 * on the lower one at their windows, a box each with what the roadmap says
 * of it, and a link from each seller action to each stage it supports. The
 * roadmap view draws that picture as it is; the gaps view (render_gaps.c)
 * draws the same picture with every finding marked at its item, so it
 * finds the rows and links to mark by the items' names. */
#ifndef ROADMAPC_RENDER_ROADMAP_H
#define ROADMAPC_RENDER_ROADMAP_H

#include <stdbool.h>

#include "arena.h"
#include "board.h"
#include "output.h"
#include "strmap.h"

/* More stages than this, or more rows of questions, concerns and content
 * than ROADMAP_DETAIL_ROWS, and a stage's box shows how many questions and
 * concerns it has instead of their words, a seller action's how much
 * content it uses (the marks hang on the counts): the picture stays a few
 * hundred points tall, and its width grows by one narrow box per stage. */
#define ROADMAP_DETAIL_MAX 40
#define ROADMAP_DETAIL_ROWS 1200
/* More stages and seller actions than this, and there is no picture (a
 * warning says why; the action plan lists every gap): it would take
 * Graphviz minutes to draw, and no one could read it. */
#define ROADMAP_DIAGRAM_MAX 2000

typedef struct RoadmapPicture {
	Arena *arena;           /* the picture's own, freed by the caller */
	const Roadmap *rm;
	Board *board;
	BoardBox *title;
	BoardBox **stages;      /* by Stage.index */
	/* Rows and links by the name of their item (model_item_name), a row
	 * of an item's part by "NAME#part": "stage:need#expects",
	 * "stage:need#meta" (its window), "stage:need#prefers",
	 * "stage:need#questions", "seller:demo#owner", "seller:demo#name",
	 * "question:q#answer", "roadmap#critical", "question:q>content:c" (a
	 * reference), "seller:a>stage:b" (a link). */
	StrMap rows, links, boxes;
	BoardTime first, last;  /* where the stages start and end on the axis */
	bool timed;             /* some stage or seller action has a window */
	bool collapsed;         /* a big roadmap: counts instead of words */
} RoadmapPicture;

/* Puts ctx->unit's roadmap on a new board in 'a'. 'view' names the
 * picture in its title ("roadmap", "gaps"). Returns -1, with the reason
 * in 'err', when the roadmap is too big for a picture. */
int roadmap_picture_build(RoadmapPicture *p, const OutputContext *ctx, Arena *a, const char *view,
			  StrBuf *err);

/* The row, link or box of item 'key', or NULL. */
BoardRow *roadmap_picture_row(const RoadmapPicture *p, const char *key);
BoardLink *roadmap_picture_link(const RoadmapPicture *p, const char *key);
BoardBox *roadmap_picture_box(const RoadmapPicture *p, const char *key);

/* "days 3-10", "week 2", "no window", in the roadmap's unit. Lives in 'a'. */
const char *roadmap_window_text(Arena *a, const Roadmap *rm, const Window *w);

/* Places the picture and renders it in ctx->format into 'out'; the
 * emitters' contract (output.h). */
int roadmap_picture_emit(RoadmapPicture *p, const OutputContext *ctx, StrBuf *out, StrBuf *err);

#endif
