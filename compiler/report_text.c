/* report_text.c - diagnostics for people, in the GCC/Clang style.
 *
 *   roadmap.yaml:12:7: error: unknown key 'questons' in a question [unknown-key]
 *      12 |       questons:
 *         |       ^~~~~~~~
 *   help: did you mean 'questions'?
 *
 * The caret lines up under multi-byte and wide characters and tabs; very long
 * lines are shown as a window around the column. So that a person can read
 * the output of a roadmap with many gaps, a check that fires many times in a
 * file shows its first few findings in full and names the rest on one line
 * (-v shows all; every other format lists every finding). A summary line per
 * file, with the count of each check, ends the output (and a total when
 * there are several files). */
#include "report.h"
#include "escape.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WINDOW_BEFORE 60        /* characters shown before the column of a long line */
#define WINDOW_AFTER 80
#define LONG_LINE 160

typedef struct Style {
	const char *bold, *reset, *error, *warning, *info, *note, *help, *caret;
} Style;

static const Style plain_style = { "", "", "", "", "", "", "", "" };
static const Style color_style = {
	"\033[1m", "\033[0m", "\033[1;31m", "\033[1;35m", "\033[1;36m",
	"\033[1;36m", "\033[1;32m", "\033[1;32m",
};

/* Display width of the code point: 2 for East Asian wide and emoji ranges. */
static int char_width(unsigned long cp)
{
	if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
	    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
	    (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD))
		return 2;
	return 1;
}

static unsigned long decode(const unsigned char *s, size_t n, size_t *len)
{
	*len = (size_t)utf8_seqlen(s[0]);
	if (*len > n)
		*len = 1;
	if (*len == 1)
		return s[0];
	unsigned long cp = s[0] & (0xFF >> (*len + 1));
	for (size_t i = 1; i < *len; i++)
		cp = cp << 6 | (s[i] & 0x3F);
	return cp;
}

/* Byte offset of character 'chars' (0-based) in the line, clamped to its end. */
static size_t char_offset(const char *line, size_t n, int chars)
{
	size_t off = 0;
	for (int c = 0; c < chars && off < n; c++) {
		size_t len;
		decode((const unsigned char *)line + off, n - off, &len);
		off += len;
	}
	return off;
}

/* Appends the padding that puts the caret under the text between 'from' and
 * 'to': a tab for a tab, two spaces for a wide character, else one space. */
static void pad_under(StrBuf *out, const char *s, size_t n)
{
	for (size_t off = 0; off < n;) {
		size_t len;
		unsigned long cp = decode((const unsigned char *)s + off, n - off, &len);
		if (cp == '\t')
			strbuf_putc(out, '\t');
		else
			strbuf_puts(out, char_width(cp) == 2 ? "  " : " ");
		off += len;
	}
}

static void snippet(StrBuf *out, const Style *st, SrcLoc loc)
{
	size_t n;
	const char *line = srcfile_line(loc.src, loc.line, &n);
	if (!line)
		return;
	/* Every scan below is bounded by the window, not by the line: a long
	 * line with a finding every few characters stays linear. */
	size_t col = loc.col > 1 ? (size_t)loc.col - 1 : 0;
	size_t col_off = srcfile_char_offset(loc.src, loc.line, col);
	size_t from = 0, to = n;
	bool cut_left = false, cut_right = false;
	if (n > LONG_LINE && srcfile_line_chars(loc.src, loc.line) > LONG_LINE) {
		if (col > WINDOW_BEFORE) {
			from = srcfile_char_offset(loc.src, loc.line, col - WINDOW_BEFORE);
			cut_left = true;
		}
		to = col_off + char_offset(line + col_off, n - col_off, WINDOW_AFTER);
		cut_right = to < n;
	}
	/* The gutter: the line number right-aligned in five columns or more. */
	size_t digits = 1;
	for (int l = loc.line; l >= 10; l /= 10)
		digits++;
	size_t width = digits < 5 ? 5 : digits;
	strbuf_put_spaces(out, width - digits);
	strbuf_put_int(out, loc.line);
	strbuf_puts(out, cut_left ? " | ..." : " | ");
	escape_terminal(out, line + from, to - from);
	strbuf_puts(out, cut_right ? "...\n" : "\n");

	strbuf_put_spaces(out, width);
	strbuf_puts(out, cut_left ? " |    " : " | ");
	pad_under(out, line + from, col_off - from);
	int span = loc.len > 1 ? loc.len : 1;
	size_t end = col_off + char_offset(line + col_off, to - col_off, span);
	int shown = utf8_count(line + col_off, end - col_off);
	strbuf_puts(out, st->caret);
	strbuf_putc(out, '^');
	for (int i = 1; i < shown; i++)
		strbuf_putc(out, '~');
	strbuf_puts(out, st->reset);
	strbuf_putc(out, '\n');
}

static const char *sev_color(const Style *st, Severity s)
{
	return s == SEV_ERROR ? st->error : s == SEV_WARNING ? st->warning : st->info;
}

/* User text (paths, names inside messages) goes through escape_terminal,
 * so a control character in a roadmap cannot drive the user's terminal. */
static void text(StrBuf *out, const char *s)
{
	escape_terminal(out, s, strlen(s));
}

static void location(StrBuf *out, const Style *st, SrcLoc loc, const char *fallback)
{
	strbuf_puts(out, st->bold);
	text(out, loc.src ? loc.src->path : fallback);
	if (loc.src) {
		strbuf_putc(out, ':');
		strbuf_put_int(out, loc.line);
		strbuf_putc(out, ':');
		strbuf_put_int(out, loc.col);
	}
	strbuf_putc(out, ':');
	strbuf_puts(out, st->reset);
	strbuf_putc(out, ' ');
}

/* "error: ", "note: ": a label in its colour. */
static void label(StrBuf *out, const char *colour, const char *name, const Style *st)
{
	strbuf_puts(out, colour);
	strbuf_puts(out, name);
	strbuf_putc(out, ':');
	strbuf_puts(out, st->reset);
	strbuf_putc(out, ' ');
}

static void diagnostic(StrBuf *out, const Style *st, const Unit *c, const Diag *d)
{
	location(out, st, d->loc, c->name);
	label(out, sev_color(st, d->sev), severity_name(d->sev), st);
	text(out, d->message);
	strbuf_puts(out, " [");
	strbuf_puts(out, d->check);
	strbuf_puts(out, "]\n");
	if (d->loc.src)
		snippet(out, st, d->loc);
	for (const DiagNote *n = d->notes; n; n = n->next) {
		bool note = n->kind == NOTE_NOTE;
		if (note && n->loc.src)
			location(out, st, n->loc, c->name);
		label(out, note ? st->note : st->help, note ? "note" : "help", st);
		text(out, n->text);
		strbuf_putc(out, '\n');
		if (note && n->loc.src)
			snippet(out, st, n->loc);
	}
}

/* The coverage figures of 'c' below --min-coverage, one line each, shown
 * even with -q: they fail the run as an error does. */
static void coverage_gate(StrBuf *out, const Style *st, const ReportContext *ctx, const Unit *c)
{
	StrBuf why = STRBUF_INIT;
	for (int w = 0; w < GATE_COUNT; w++) {
		strbuf_reset(&why);
		if (!report_coverage_low(ctx, c, w, &why))
			continue;
		SrcLoc none = { 0 };
		location(out, st, none, c->name);
		strbuf_printf(out, "%serror:%s %s [" REPORT_GATE_NAME "]\n", st->error, st->reset,
			      strbuf_cstr(&why));
	}
	strbuf_free(&why);
}

/* ---- per check: folding and counts ---- */

/* A check's findings in one file shown in full before the rest are folded
 * into one line, and the most findings named on that line. A check that
 * fires FOLD_SHOWN + 1 times is shown whole: a fold line for one finding
 * saves nothing. */
#define FOLD_SHOWN 3
#define FOLD_NAMED 12

/* The unsuppressed findings of one check in one file. */
typedef struct CheckCount {
	const char *check;
	Severity sev;
	size_t n;               /* how many */
	size_t shown;           /* shown in full so far */
	size_t rank;            /* position in the registry (unknown ones last) */
} CheckCount;

typedef struct CheckCounts {
	CheckCount *items;
	size_t n;
} CheckCounts;

static CheckCount *count_of(CheckCounts *cc, const char *check)
{
	for (size_t i = 0; i < cc->n; i++)
		if (strcmp(cc->items[i].check, check) == 0)
			return &cc->items[i];
	return NULL;
}

/* Counts the unsuppressed findings of 'c' per check (a handful of checks,
 * so a list is enough). */
static void count_checks(const ReportContext *ctx, const Unit *c, CheckCounts *cc)
{
	cc->items = NULL;
	cc->n = 0;
	for (size_t i = 0; i < c->diags.n; i++) {
		const Diag *d = c->diags.items[i];
		if (d->suppressed)
			continue;
		CheckCount *k = count_of(cc, d->check);
		if (!k) {
			cc->items = xrealloc(cc->items, (cc->n + 1) * sizeof *cc->items);
			k = &cc->items[cc->n++];
			const CheckInfo *ci = ctx->registry ? registry_find(ctx->registry, d->check) : NULL;
			*k = (CheckCount){ d->check, d->sev, 0, 0,
					   ci ? registry_position(ctx->registry, ci) : SIZE_MAX };
		}
		k->n++;
	}
}

/* Most findings first; among equals, registry order, then by name. */
static int cmp_count(const void *pa, const void *pb)
{
	const CheckCount *a = pa, *b = pb;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return strcmp(a->check, b->check);
}

/* The line that stands for the findings of 'k' not shown in full: how
 * many, and which items, with their lines. */
static void fold_line(StrBuf *out, const Style *st, const Unit *c, const CheckCount *k)
{
	size_t folded = k->n - FOLD_SHOWN, seen = 0, named = 0;
	SrcLoc none = { 0 };
	location(out, st, none, c->name);
	strbuf_printf(out, "%snote:%s %zu more %s finding%s (-v shows them in full): ", st->note,
		      st->reset, folded, k->check, folded == 1 ? "" : "s");
	for (size_t i = 0; i < c->diags.n && named < FOLD_NAMED; i++) {
		const Diag *d = c->diags.items[i];
		if (d->suppressed || strcmp(d->check, k->check) != 0 || seen++ < FOLD_SHOWN)
			continue;
		strbuf_puts(out, named++ ? ", " : "");
		text(out, d->item ? d->item : d->check);
		if (d->loc.src)
			strbuf_printf(out, " (line %d)", d->loc.line);
	}
	if (folded > named)
		strbuf_printf(out, " and %zu more", folded - named);
	strbuf_putc(out, '\n');
}

/* The findings of 'c', a check's past the first FOLD_SHOWN folded into one
 * line unless the run asked for all (-v). Structural errors, which have no
 * item, are always shown: each is a mistake to fix where it is. */
static void findings(StrBuf *out, const Style *st, const ReportContext *ctx, const Unit *c)
{
	CheckCounts cc;
	count_checks(ctx, c, &cc);
	for (size_t i = 0; i < c->diags.n; i++) {
		const Diag *d = c->diags.items[i];
		if (d->suppressed)
			continue;
		CheckCount *k = count_of(&cc, d->check);
		if (ctx->no_fold || !d->item || k->n <= FOLD_SHOWN + 1) {
			diagnostic(out, st, c, d);
		} else if (k->shown < FOLD_SHOWN) {
			diagnostic(out, st, c, d);
			if (++k->shown == FOLD_SHOWN)
				fold_line(out, st, c, k);
		}
	}
	free(cc.items);
}

/* "2 warnings (expected-value-missing, stage-without-questions)": the
 * count of one severity and the checks behind it, the most frequent first,
 * with their counts when above one. */
static void severity_count(StrBuf *out, const CheckCounts *cc, Severity sev, const char *noun,
			   const char *plural)
{
	size_t total = 0;
	for (size_t i = 0; i < cc->n; i++)
		total += cc->items[i].sev == sev ? cc->items[i].n : 0;
	strbuf_printf(out, "%zu %s", total, total == 1 ? noun : plural);
	const char *sep = " (";
	for (size_t i = 0; i < cc->n; i++) {
		const CheckCount *k = &cc->items[i];
		if (k->sev != sev)
			continue;
		strbuf_printf(out, "%s%s", sep, k->check);
		if (k->n > 1)
			strbuf_printf(out, " %zu", k->n);
		sep = ", ";
	}
	if (total)
		strbuf_putc(out, ')');
}

static void percent(StrBuf *out, const char *what, size_t done, size_t total)
{
	strbuf_printf(out, "%s ", what);
	report_percent(out, done, total);
	strbuf_printf(out, " (%zu/%zu)", done, total);
}

static void counts(StrBuf *out, size_t e, size_t w, size_t i, size_t s)
{
	strbuf_printf(out, "%zu error%s, %zu warning%s, %zu info", e, e == 1 ? "" : "s", w,
		      w == 1 ? "" : "s", i);
	if (s)
		strbuf_printf(out, ", %zu suppressed", s);
}

static void summary(StrBuf *out, const Style *st, const ReportContext *ctx)
{
	size_t te = 0, tw = 0, ti = 0, ts = 0;
	for (size_t u = 0; u < ctx->nunits; u++) {
		const Unit *c = ctx->units[u];
		size_t e = diag_count(&c->diags, SEV_ERROR), w = diag_count(&c->diags, SEV_WARNING);
		size_t i = diag_count(&c->diags, SEV_INFO), s = diag_count_suppressed(&c->diags);
		te += e, tw += w, ti += i, ts += s;
		strbuf_puts(out, st->bold);
		text(out, c->name);
		strbuf_printf(out, ":%s ", st->reset);
		CheckCounts cc;
		count_checks(ctx, c, &cc);
		if (cc.n > 1)
			qsort(cc.items, cc.n, sizeof *cc.items, cmp_count);
		severity_count(out, &cc, SEV_ERROR, "error", "errors");
		strbuf_puts(out, ", ");
		severity_count(out, &cc, SEV_WARNING, "warning", "warnings");
		strbuf_puts(out, ", ");
		severity_count(out, &cc, SEV_INFO, "info", "info");
		if (s)
			strbuf_printf(out, ", %zu suppressed", s);
		free(cc.items);
		if (c->checked) {
			strbuf_puts(out, "; coverage: ");
			percent(out, "questions", c->coverage.questions_done, c->coverage.questions_total);
			percent(out, ", stages", c->coverage.stages_done, c->coverage.stages_total);
		} else if (c->loaded) {
			strbuf_puts(out, "; not checked until the errors above are fixed");
		} else {
			strbuf_puts(out, "; not read");
		}
		strbuf_putc(out, '\n');
	}
	if (ctx->nunits > 1) {
		strbuf_printf(out, "%stotal:%s %zu files, ", st->bold, st->reset, ctx->nunits);
		counts(out, te, tw, ti, ts);
		strbuf_putc(out, '\n');
	}
}

void report_text_summary(const ReportContext *ctx, StrBuf *out)
{
	summary(out, &plain_style, ctx);
}

void report_text(const ReportContext *ctx, StrBuf *out)
{
	const Style *st = ctx->color ? &color_style : &plain_style;
	for (size_t u = 0; u < ctx->nunits; u++) {
		findings(out, st, ctx, ctx->units[u]);
		coverage_gate(out, st, ctx, ctx->units[u]);
	}
	if (!ctx->quiet)
		summary(out, st, ctx);
}
