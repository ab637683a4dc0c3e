/* test_diagram.c - unit tests for the diagrams' own modules: the font
 * metrics and wrapping, the Graphviz escapers, the DOT writer, and the
 * board's placement of boxes on the time axis. */
#include "harness.h"

#include "arena.h"
#include "board.h"
#include "escape.h"
#include "fontmetric.h"
#include "render.h"
#include "strbuf.h"

#include <string.h>

/* Widths Graphviz itself gave these texts (dot -Tjson, DejaVu Sans). */
TEST(fontmetric_agrees_with_graphviz)
{
	EXPECT(fontmetric_width("Line one gy \xc3\x89\xc3\x87", 16, 10, FONT_REGULAR) == 73);
	EXPECT(fontmetric_width("What do dropped client requests cost a firm our", 47, 9,
				FONT_REGULAR) == 220);
	EXPECT(fontmetric_width("", 0, 10, FONT_BOLD) == 1);
	/* Bold is wider, a glyph the table lacks wider than any it has. */
	EXPECT(fontmetric_width("Pricing", 7, 10, FONT_BOLD) > fontmetric_width("Pricing", 7, 10, FONT_REGULAR));
	EXPECT(fontmetric_width("\xe4\xb8\xad", 3, 10, FONT_REGULAR) > fontmetric_width("W", 1, 10, FONT_REGULAR));
	/* An invalid byte counts as the replacement character; controls as nothing. */
	EXPECT(fontmetric_width("\xff", 1, 10, FONT_REGULAR) == fontmetric_width("\xef\xbf\xbd", 3, 10, FONT_REGULAR));
	EXPECT(fontmetric_width("a\x01", 2, 10, FONT_REGULAR) == fontmetric_width("a", 1, 10, FONT_REGULAR));
}

TEST(fontmetric_wraps_within_the_width)
{
	Arena a;
	arena_init(&a);
	const char **lines;
	EXPECT(fontmetric_wrap(&a, "", 9, FONT_REGULAR, 100, &lines) == 0);
	EXPECT(fontmetric_wrap(&a, "   ", 9, FONT_REGULAR, 100, &lines) == 0);
	EXPECT(fontmetric_wrap(&a, "a  b", 9, FONT_REGULAR, 100, &lines) == 1);
	EXPECT_STR(lines[0], "a b");
	size_t n = fontmetric_wrap(&a, "one two three four five six seven eight nine ten", 9, FONT_REGULAR,
				   80, &lines);
	EXPECT(n > 1);
	for (size_t i = 0; i < n; i++)
		EXPECT(fontmetric_width(lines[i], strlen(lines[i]), 9, FONT_REGULAR) <= 80);
	/* A word wider than a line is split, at a character. */
	n = fontmetric_wrap(&a, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 10,
			    FONT_REGULAR, 20, &lines);
	EXPECT(n == 3);         /* an e-acute is 6 points at 10, and a text 1 more */
	EXPECT_STR(lines[0], "\xc3\xa9\xc3\xa9\xc3\xa9");
	EXPECT_STR(lines[2], "\xc3\xa9\xc3\xa9");
	/* The text's own line breaks are kept. */
	n = fontmetric_wrap(&a, "first\nsecond\r\nthird", 10, FONT_REGULAR, 500, &lines);
	EXPECT(n == 3);
	EXPECT_STR(lines[2], "third");
	arena_free(&a);
}

TEST(graphviz_escapers)
{
	StrBuf sb = STRBUF_INIT;
	escape_graphviz_html(&sb, "<b>R&D</b> \"q\" 'x' C:\\N\nend\x01");
	EXPECT_STR(strbuf_cstr(&sb), "&lt;b&gt;R&amp;D&lt;/b&gt; &quot;q&quot; &#39;x&#39; C:\\\\N end");
	strbuf_reset(&sb);
	escape_graphviz_tooltip(&sb, "a\\N & \"b\"\nc");
	EXPECT_STR(strbuf_cstr(&sb), "a&#92;&#92;&#92;&#92;N &amp; &quot;b&quot;&#10;c");
	EXPECT(strpbrk(strbuf_cstr(&sb), "\"\\") == NULL);
	strbuf_free(&sb);
}

TEST(dot_writer_splits_long_strings)
{
	Arena a;
	arena_init(&a);
	RenderGraph g;
	render_graph_init(&g, &a, "t");
	char *big = arena_alloc(&a, 20001);
	memset(big, 'x', 20000);
	render_set(&g, &g.graph, "_background", big);
	RenderObj *n = render_node(&g, "n1");
	render_set_html(&g, n, "label", "<B>hi</B>");
	render_edge(&g, n, n);
	StrBuf out = STRBUF_INIT, err = STRBUF_INIT, warn = STRBUF_INIT;
	EXPECT(render_emit(&g, "dot", 10, 10, &out, &err, &warn) == RENDER_OK);
	const char *dot = strbuf_cstr(&out);
	EXPECT(strstr(dot, "\" + \"") != NULL);
	EXPECT(strstr(dot, "\"n1\" [label=<<B>hi</B>>];") != NULL);
	EXPECT(strstr(dot, "\"n1\" -> \"n1\";") != NULL);
	/* No quoted piece is longer than the DOT lexer takes. */
	size_t run = 0, longest = 0;
	for (const char *p = dot; *p; p++) {
		run = *p == '"' ? 0 : run + 1;
		if (run > longest)
			longest = run;
	}
	EXPECT(longest < 16384);
	strbuf_free(&out);
	strbuf_free(&err);
	strbuf_free(&warn);
	arena_free(&a);
}

TEST(a_picture_too_big_for_a_png_is_refused)
{
	Arena a;
	arena_init(&a);
	RenderGraph g;
	render_graph_init(&g, &a, "t");
	StrBuf out = STRBUF_INIT, err = STRBUF_INIT, warn = STRBUF_INIT;
	EXPECT(render_emit(&g, "png", 40000, 100, &out, &err, &warn) == RENDER_TOO_BIG);
	EXPECT(out.len == 0 && strstr(strbuf_cstr(&err), "too big for a readable PNG") != NULL);
	strbuf_free(&out);
	strbuf_free(&err);
	strbuf_free(&warn);
	arena_free(&a);
}

/* Three stages one after another and one alongside them; a seller action
 * over the first two. Time runs left to right, the one alongside is
 * stacked under the others, and the seller box spans its window. */
TEST(board_places_by_time_and_stacks_overlaps)
{
	Arena a;
	arena_init(&a);
	Board *b = board_new(&a);
	BoardBox *s[4];
	double when[4][2] = { { 0, 2 }, { 2, 4 }, { 4, 6 }, { 1, 5 } };
	for (int i = 0; i < 4; i++) {
		s[i] = board_box(b, BOARD_BUYER, (BoardTime){ when[i][0], 0 }, (BoardTime){ when[i][1], 0 },
				 i == 0 ? "s0" : i == 1 ? "s1" : i == 2 ? "s2" : "s3");
		board_row(b, s[i], 0, NULL, "A stage with a name", 10, FONT_BOLD, NULL);
	}
	BoardBox *act = board_box(b, BOARD_SELLER, (BoardTime){ 0, 0 }, (BoardTime){ 4, 0 }, "a");
	board_row(b, act, 0, NULL, "Action", 10, FONT_BOLD, NULL);
	board_link(b, act, s[1], (BoardStyle){ NULL, "#000000", NULL, 1, false }, (BoardTag){ NULL, NULL, NULL });
	RenderGraph g;
	render_graph_init(&g, &a, "t");
	double w, h;
	board_render(b, &g, &w, &h);
	EXPECT(s[0]->x < s[1]->x && s[1]->x < s[2]->x);
	EXPECT(s[0]->x + s[0]->w <= s[1]->x && s[1]->x + s[1]->w <= s[2]->x);
	EXPECT(s[0]->offset == 0 && s[1]->offset == 0 && s[2]->offset == 0);
	EXPECT(s[3]->offset > 0 && s[3]->y >= s[0]->y + s[0]->h);
	EXPECT(s[0]->x < s[3]->x && s[3]->x < s[1]->x);
	EXPECT(act->y + act->h < s[0]->y);
	EXPECT(act->x <= s[0]->x && act->x + act->w >= s[1]->x + s[1]->w - 1);
	EXPECT(w > 0 && h > 0 && g.nedges == 1);
	arena_free(&a);
}

int main(void)
{
	RUN(fontmetric_agrees_with_graphviz);
	RUN(fontmetric_wraps_within_the_width);
	RUN(graphviz_escapers);
	RUN(dot_writer_splits_long_strings);
	RUN(a_picture_too_big_for_a_png_is_refused);
	RUN(board_places_by_time_and_stacks_overlaps);
	return HARNESS_RESULT();
}
