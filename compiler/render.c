/* render.c - Graphviz in process: the graph description, the DOT writer, and
 * layout and rendering through cgraph and gvc; see render.h. */
#include "render.h"
#include "alloc.h"
#include "fontmetric.h"

#include <stdarg.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

/* Graphviz, pango, cairo and fontconfig keep caches for the life of the
 * process, and Graphviz leaks a little per HTML label and layout (libs.md
 * 4.5). The sanitizer build's leak checker is told to overlook what those
 * libraries allocated, and nothing else: a leak of ours still fails it. */
#if defined(__SANITIZE_ADDRESS__)
#define RENDER_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RENDER_LSAN 1
#endif
#endif
#ifdef RENDER_LSAN
const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
	return "print_suppressions=0";  /* else every run lists them on stderr */
}

const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libgvc.so\nleak:libcgraph.so\nleak:libcdt.so\nleak:libpathplan.so\n"
	       "leak:libgvplugin_\nleak:libpango\nleak:libcairo\nleak:libfontconfig.so\n"
	       "leak:libfreetype.so\nleak:libharfbuzz.so\nleak:libglib-2.0.so\nleak:libgobject-2.0.so\n";
}
#endif

/* ---- the description ---- */

void render_graph_init(RenderGraph *g, Arena *a, const char *name)
{
	memset(g, 0, sizeof *g);
	g->arena = a;
	g->name = arena_strdup(a, name);
}

static RenderObj *new_obj(RenderGraph *g, const char *name)
{
	RenderObj *o = arena_alloc(g->arena, sizeof *o);
	o->name = name ? arena_strdup(g->arena, name) : NULL;
	return o;
}

RenderObj *render_node(RenderGraph *g, const char *name)
{
	RenderObj *o = new_obj(g, name);
	ARENA_PUSH(g->arena, g->nodes, g->nnodes, g->nodes_cap, o);
	return o;
}

RenderObj *render_edge(RenderGraph *g, RenderObj *tail, RenderObj *head)
{
	RenderObj *o = new_obj(g, NULL);
	o->tail = tail;
	o->head = head;
	ARENA_PUSH(g->arena, g->edges, g->nedges, g->edges_cap, o);
	return o;
}

static void set_attr(RenderGraph *g, RenderObj *o, const char *name, const char *value, bool html)
{
	/* A quote or backslash in a plain value would not survive the DOT
	 * lexer (it reads \" inside a string as a quote); user text never gets
	 * here unescaped. */
	ASSERT(html || strpbrk(value, "\"\\") == NULL);
	for (size_t i = 0; i < o->nattrs; i++) {
		if (strcmp(o->attrs[i].name, name) == 0) {
			o->attrs[i].value = arena_strdup(g->arena, value);
			o->attrs[i].html = html;
			return;
		}
	}
	RenderAttr at = { arena_strdup(g->arena, name), arena_strdup(g->arena, value), html };
	ARENA_PUSH(g->arena, o->attrs, o->nattrs, o->attrs_cap, at);
}

void render_set(RenderGraph *g, RenderObj *o, const char *name, const char *value)
{
	set_attr(g, o, name, value, false);
}

void render_setf(RenderGraph *g, RenderObj *o, const char *name, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *v = arena_vprintf(g->arena, fmt, ap);
	va_end(ap);
	set_attr(g, o, name, v, false);
}

void render_set_html(RenderGraph *g, RenderObj *o, const char *name, const char *html)
{
	set_attr(g, o, name, html, true);
}

/* ---- DOT, written here: the graph before layout ----
 *
 * The order is the order render_emit() builds the graph in: the nodes,
 * then the edges. Graphviz draws nodes in creation order, so `dot` on this
 * text draws exactly what render_emit() does. */

/* The DOT lexer of Graphviz takes no quoted string longer than 16384
 * bytes; longer values (a big picture's background) are written as pieces
 * joined with '+', which DOT concatenates. A piece never ends inside a
 * UTF-8 character. HTML-like labels have no such limit. */
#define DOT_PIECE 8000

static void put_quoted(StrBuf *out, const char *v)
{
	size_t n = strlen(v);
	strbuf_putc(out, '"');
	while (n > DOT_PIECE) {
		size_t k = DOT_PIECE;
		while (k > 0 && ((unsigned char)v[k] & 0xC0) == 0x80)
			k--;
		strbuf_put(out, v, k);
		strbuf_puts(out, "\" + \"");
		v += k;
		n -= k;
	}
	strbuf_put(out, v, n);
	strbuf_putc(out, '"');
}

static void put_attrs(StrBuf *out, const RenderObj *o)
{
	for (size_t i = 0; i < o->nattrs; i++) {
		const RenderAttr *at = &o->attrs[i];
		strbuf_printf(out, "%s%s=", i ? ", " : "", at->name);
		if (at->html)
			strbuf_printf(out, "<%s>", at->value);
		else
			put_quoted(out, at->value);
	}
}

static void put_stmt(StrBuf *out, const char *indent, const char *what, const RenderObj *o)
{
	if (!o->nattrs)
		return;
	strbuf_printf(out, "%s%s [", indent, what);
	put_attrs(out, o);
	strbuf_puts(out, "];\n");
}

static void put_node(StrBuf *out, const char *indent, const RenderObj *n)
{
	strbuf_printf(out, "%s\"%s\"", indent, n->name);
	if (n->nattrs) {
		strbuf_puts(out, " [");
		put_attrs(out, n);
		strbuf_putc(out, ']');
	}
	strbuf_puts(out, ";\n");
}

static void write_dot(const RenderGraph *g, StrBuf *out)
{
	strbuf_printf(out, "digraph \"%s\" {\n", g->name);
	put_stmt(out, "\t", "graph", &g->graph);
	put_stmt(out, "\t", "node", &g->node_defaults);
	put_stmt(out, "\t", "edge", &g->edge_defaults);
	for (size_t i = 0; i < g->nnodes; i++)
		put_node(out, "\t", g->nodes[i]);
	for (size_t i = 0; i < g->nedges; i++) {
		const RenderObj *e = g->edges[i];
		strbuf_printf(out, "\t\"%s\" -> \"%s\"", e->tail->name, e->head->name);
		if (e->nattrs) {
			strbuf_puts(out, " [");
			put_attrs(out, e);
			strbuf_putc(out, ']');
		}
		strbuf_puts(out, ";\n");
	}
	strbuf_puts(out, "}\n");
}

/* ---- Graphviz ---- */

bool render_format_known(const char *format)
{
	static const char *const formats[] = { "svg", "png", "pdf", "json", "dot", NULL };
	for (const char *const *f = formats; *f; f++)
		if (strcmp(*f, format) == 0)
			return true;
	return false;
}

/* Graphviz reports through one process-wide handler, in fragments
 * ("Warning", ": ", text); it collects here for the one graph being
 * rendered. */
static StrBuf gv_messages;

static int collect_message(char *msg)
{
	strbuf_puts(&gv_messages, msg);
	return 0;
}

/* Graphviz's char * parameters: it does not write through them. */
#define GV(s) ((char *)(s))

/* Sets the attributes of one object as the DOT parser would: an attribute
 * not declared yet is declared with an empty default. */
static void apply_attrs(Agraph_t *root, void *obj, const RenderObj *o)
{
	for (size_t i = 0; i < o->nattrs; i++) {
		const RenderAttr *at = &o->attrs[i];
		char *v = at->html ? agstrdup_html(root, GV(at->value)) : GV(at->value);
		agsafeset(obj, GV(at->name), v, GV(""));
		if (at->html)
			agstrfree(root, v);     /* agsafeset took its own reference */
	}
}

static void declare_defaults(Agraph_t *root, int kind, const RenderObj *o)
{
	for (size_t i = 0; i < o->nattrs; i++)
		agattr(root, kind, GV(o->attrs[i].name), GV(o->attrs[i].value));
}

/* Builds the cgraph graph of 'g', in the order write_dot() writes it. */
static Agraph_t *build(const RenderGraph *g)
{
	Agraph_t *root = agopen(GV(g->name), Agdirected, NULL);
	declare_defaults(root, AGRAPH, &g->graph);
	declare_defaults(root, AGNODE, &g->node_defaults);
	declare_defaults(root, AGEDGE, &g->edge_defaults);
	for (size_t i = 0; i < g->nnodes; i++)
		apply_attrs(root, agnode(root, GV(g->nodes[i]->name), 1), g->nodes[i]);
	for (size_t i = 0; i < g->nedges; i++) {
		const RenderObj *e = g->edges[i];
		Agnode_t *t = agnode(root, GV(e->tail->name), 0);
		Agnode_t *h = agnode(root, GV(e->head->name), 0);
		ASSERT(t && h);
		Agedge_t *ed = agedge(root, t, h, NULL, 1);
		apply_attrs(root, ed, e);
	}
	return root;
}

/* Graphviz's pango plugin remembers, in a static variable, the name of
 * the font it last set text in: a pointer into the font table of the
 * context it ran in, which gvFreeContext() frees. The next graph's first
 * text compares its font's name with that freed memory (AddressSanitizer
 * catches it). So before a context goes, one more text is measured in a
 * font whose name is ours and static, and the plugin is left pointing at
 * memory that stays. textspan_size() is exported by libgvc but declared in
 * no public header. */
pointf textspan_size(GVC_t *gvc, textspan_t *span);

static void leave_font_name(GVC_t *gvc)
{
	static char family[] = FONTMETRIC_FAMILY;
	static textfont_t font = { family, NULL, NULL, 10, 0, 0 };
	static char text[] = "x";
	textspan_t span = { text, &font, NULL, NULL, 0, 0, { 0, 0 }, 'l' };
	textspan_size(gvc, &span);
	if (span.free_layout && span.layout)
		span.free_layout(span.layout);
}

/* cairo's PDF carries the time it was written; the same graph must give
 * the same bytes, so the date becomes the epoch, digit for digit (the
 * length, and with it every offset in the file, stays the same). It is
 * fixed in Graphviz's buffer, before any of it reaches the output: an
 * output may stream (strbuf.h), and what it flushed cannot be read back. */
static void fix_pdf_date(char *data, size_t len)
{
	static const char key[] = "/CreationDate (D:";
	static const char epoch[] = "19700101000000";
	char *end = data + len;
	size_t klen = sizeof key - 1;
	for (char *p = data; p && p + klen <= end; p++) {
		if (memcmp(p, key, klen) != 0)
			continue;
		size_t d = 0;
		for (char *q = p + klen; q < end && *q != ')'; q++)
			if (*q >= '0' && *q <= '9')
				*q = d < sizeof epoch - 1 ? epoch[d++] : '0';
	}
}

/* The largest bitmap we write. cairo cannot make one wider or taller than
 * 32767 pixels (Graphviz then scales the whole picture down until the text
 * is unreadable), and a picture of more pixels than this is more than a
 * viewer shows at once. PNG is 96 dots per inch; Graphviz pads 4 points. */
#define BITMAP_MAX_SIDE 32000.0
#define BITMAP_MAX_PIXELS 64.0e6
#define BITMAP_DPI 96.0

/* The Graphviz messages as lines: warnings into 'warnings', errors into
 * 'err' (either may be NULL: dropped). A line that starts neither ("in
 * label of node x") goes on with the message before it. A text too big for
 * its cell means the font is not the one the boxes were measured in: that
 * is said once, however many texts it concerns. */
static void split_messages(StrBuf *warnings, StrBuf *err)
{
	const char *p = strbuf_cstr(&gv_messages);
	StrBuf *to = NULL;
	StrBuf overflow = STRBUF_INIT;  /* the first text that does not fit */
	size_t overflows = 0;
	while (*p) {
		size_t n = strcspn(p, "\n");
		bool warning = strncmp(p, "Warning: ", 9) == 0;
		bool error = strncmp(p, "Error: ", 7) == 0;
		if (warning || error) {
			p += warning ? 9 : 7;
			n -= warning ? 9 : 7;
			to = warning ? warnings : err;
			if (warning && strstr(p, "too small for content") && strstr(p, "too small for content") < p + n) {
				to = overflows++ ? NULL : &overflow;
				n = 0;
			}
			if (to && to->len && to != &overflow)
				strbuf_putc(to, '\n');
		} else if (to && to->len) {
			strbuf_puts(to, to == &overflow ? "" : ", ");
		}
		if (to)
			strbuf_put(to, p, n);
		p += strcspn(p, "\n");
		if (*p)
			p++;
	}
	if (warnings && overflows) {
		if (warnings->len)
			strbuf_putc(warnings, '\n');
		strbuf_printf(warnings, "%zu text%s do%s not fit %s (the first %s): is the font "
			      FONTMETRIC_FAMILY " installed? ('make deps' installs it)", overflows,
			      overflows == 1 ? "" : "s", overflows == 1 ? "es" : "",
			      overflows == 1 ? "its box" : "their boxes", strbuf_cstr(&overflow));
	}
	if (warnings && warnings->len)
		strbuf_putc(warnings, '\n');
	if (err && err->len)
		strbuf_putc(err, '\n');
	strbuf_free(&overflow);
}

RenderStatus render_emit(const RenderGraph *g, const char *format, double width, double height,
			 StrBuf *out, StrBuf *err, StrBuf *warnings)
{
	ASSERT(render_format_known(format));
	if (strcmp(format, "dot") == 0) {
		write_dot(g, out);
		return RENDER_OK;
	}
	if (strcmp(format, "png") == 0) {
		double w = (width + 8) * BITMAP_DPI / 72, h = (height + 8) * BITMAP_DPI / 72;
		if (w > BITMAP_MAX_SIDE || h > BITMAP_MAX_SIDE || w * h > BITMAP_MAX_PIXELS) {
			strbuf_printf(err, "the diagram would be %.0f x %.0f pixels, too big for a readable PNG "
				      "(at most %.0f pixels a side and %.0f million in all); write it as svg or pdf",
				      w, h, BITMAP_MAX_SIDE, BITMAP_MAX_PIXELS / 1e6);
			return RENDER_TOO_BIG;
		}
	}

	strbuf_reset(&gv_messages);
	agusererrf previous = agseterrf(collect_message);
	agreseterrors();
	RenderStatus st = RENDER_FAILED;
	GVC_t *gvc = gvContext();
	Agraph_t *root = build(g);
	char *data = NULL;
	unsigned int len = 0;
	StrBuf why = STRBUF_INIT;

	int rc = gvLayout(gvc, root, GV("nop2"));
	if (rc != 0) {
		strbuf_puts(&why, "Graphviz on this machine cannot lay out the diagram (its neato plugin, "
			    "part of libgvc6, is missing or not registered: run 'dot -c' as root)");
	} else if (agerrors() > 0) {
		strbuf_puts(&why, "Graphviz could not lay out the diagram");
	} else if (gvRenderData(gvc, root, GV(format), &data, &len) != 0 || agerrors() > 0) {
		strbuf_printf(&why, "Graphviz on this machine cannot write %s (its %s plugin is missing "
			      "or not registered: install libgvc6 and run 'dot -c' as root)", format,
			      strcmp(format, "png") == 0 || strcmp(format, "pdf") == 0 ? "cairo" : "core");
	} else {
		st = RENDER_OK;
		if (strcmp(format, "pdf") == 0)
			fix_pdf_date(data, len);
		strbuf_put(out, data, len);
	}
	if (data)
		gvFreeRenderData(data);
	if (rc == 0)
		gvFreeLayout(gvc, root);
	agclose(root);
	leave_font_name(gvc);
	gvFreeContext(gvc);
	agseterrf(previous);

	if (st != RENDER_OK) {
		StrBuf detail = STRBUF_INIT;
		split_messages(NULL, &detail);
		strbuf_puts(err, strbuf_cstr(&why));
		if (detail.len) {
			detail.data[--detail.len] = '\0';       /* the last newline */
			strbuf_printf(err, ": %s", strbuf_cstr(&detail));
		}
		strbuf_free(&detail);
	} else {
		split_messages(warnings, NULL);
	}
	strbuf_free(&why);
	strbuf_free(&gv_messages);
	return st;
}
