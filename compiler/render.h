/* render.h - Graphviz, in process: the only module that includes cgraph and gvc.
 *
 * Outputs layer. A view describes its picture as a RenderGraph: nodes,
 * and edges with their Graphviz attributes, every node already at
 * its place (the views place things themselves, board.h). render_emit()
 * writes that description as DOT text itself (`-T dot`, the graph before
 * layout: Graphviz's own writer is quadratic in subgraphs and never runs),
 * or hands it to Graphviz: it builds the cgraph graph in the order the
 * DOT text gives, lays it out with the `nop2` engine (positions as
 * given, as `neato -n2` does), checks agerrors(), and renders svg, png,
 * pdf or json. Running `dot` on the DOT text gives the same picture.
 *
 * One graph at a time: each call opens its own context and graph, and
 * closes both before it returns, because Graphviz keeps state in globals
 * (attribute caches, the error handler) that would leak from one graph into
 * the next. Everything in a RenderGraph lives in its arena. */
#ifndef ROADMAPC_RENDER_H
#define ROADMAPC_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "strbuf.h"

typedef struct RenderAttr {
	const char *name;
	const char *value;
	bool html;              /* an HTML-like label: <...> in DOT */
} RenderAttr;

/* A node, an edge, or the graph itself (its attributes). There are no
 * subgraphs: Graphviz orders them by address, which would make the output
 * differ from run to run. */
typedef struct RenderObj RenderObj;
struct RenderObj {
	const char *name;       /* nodes; unique among them */
	RenderObj *tail, *head; /* edges */
	RenderAttr *attrs;
	size_t nattrs, attrs_cap;
};

typedef struct RenderGraph {
	Arena *arena;
	const char *name;
	RenderObj graph, node_defaults, edge_defaults;
	RenderObj **nodes;      /* in creation order: Graphviz draws them in it */
	size_t nnodes, nodes_cap;
	RenderObj **edges;
	size_t nedges, edges_cap;
} RenderGraph;

void render_graph_init(RenderGraph *g, Arena *a, const char *name);

/* New objects, in drawing order. Names are the caller's (and must be
 * plain: no quote or backslash), kept as given. */
RenderObj *render_node(RenderGraph *g, const char *name);
RenderObj *render_edge(RenderGraph *g, RenderObj *tail, RenderObj *head);

/* Sets attribute 'name' of 'o' (the value is copied into the arena). A
 * plain value must hold no '"' or '\': user text goes through
 * escape_graphviz_attr() first. render_set_html() sets an HTML-like label
 * made with escape_graphviz_html(). */
void render_set(RenderGraph *g, RenderObj *o, const char *name, const char *value);
void render_setf(RenderGraph *g, RenderObj *o, const char *name, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;
void render_set_html(RenderGraph *g, RenderObj *o, const char *name, const char *html);

/* The formats render_emit() writes: svg, png, pdf, json (the laid-out
 * graph, for tools and tests) and dot (the graph before layout). */
bool render_format_known(const char *format);

typedef enum RenderStatus {
	RENDER_OK = 0,
	RENDER_FAILED = -1,     /* 'err' says why; nothing in 'out' */
	RENDER_TOO_BIG = 1      /* a bitmap too big to be readable; 'err' says so */
} RenderStatus;

/* Lays out and renders 'g' in 'format' into 'out'. 'width' and 'height'
 * are the picture's size in points (its bb), for the bitmap limit. What
 * Graphviz warned about is appended to 'warnings', a line each. PDF output
 * carries a fixed creation date, so the same graph gives the same bytes. */
RenderStatus render_emit(const RenderGraph *g, const char *format, double width, double height,
			 StrBuf *out, StrBuf *err, StrBuf *warnings);

#endif
