/* fontmetric.h - how wide a text is in the diagram font, and how it wraps.
 *
 * Base layer. The diagrams place every box themselves (board.h), before
 * Graphviz sets a single glyph, so they need the text widths up front. The
 * font is fixed: every diagram names FONTMETRIC_FAMILY, `make deps` installs
 * it (fonts-dejavu-core), and the tables in fontmetric.c hold its advance
 * widths as Graphviz's own text layout measures them: pango hints each
 * glyph to whole pixels, differently at each size, so each size the
 * diagrams use (FONTMETRIC_SIZES) has its own table, and a width computed
 * from it is the width Graphviz computes (tests/tools/font_metrics.py
 * makes and checks the tables). A glyph the tables lack counts as wider
 * than any they have, and another size is scaled with a margin, so a text
 * is never measured short. */
#ifndef ROADMAPC_FONTMETRIC_H
#define ROADMAPC_FONTMETRIC_H

#include <stddef.h>

#include "arena.h"

#define FONTMETRIC_FAMILY "DejaVu Sans"
#define FONTMETRIC_SIZES "8, 9, 10, 12 and 16 points"

typedef enum FontStyle { FONT_REGULAR, FONT_BOLD, FONT_ITALIC } FontStyle;

/* Width in points of the UTF-8 text 's' ('len' bytes) set at 'size' points,
 * as Graphviz measures it.
 * Invalid bytes count as the replacement character the escapers put there;
 * control characters (which no output keeps) count as nothing. */
double fontmetric_width(const char *s, size_t len, double size, FontStyle style);

/* The lines of 's' wrapped to 'max_width' points: broken at spaces, at its
 * own line breaks, and inside a word only when the word alone is too wide.
 * Runs of spaces collapse; an empty text gives no lines. Returns the number
 * of lines and sets '*lines' to them; all of it lives in 'a'. */
size_t fontmetric_wrap(Arena *a, const char *s, double size, FontStyle style, double max_width,
		       const char ***lines);

#endif
