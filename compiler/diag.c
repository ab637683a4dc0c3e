/* diag.c - collecting and ordering diagnostics; printing is in report_*.c. */
#include "diag.h"

#include <stdlib.h>
#include <string.h>

static const char *const severity_names[] = { "off", "info", "warning", "error" };

const char *severity_name(Severity s)
{
	ASSERT(s >= SEV_OFF && s <= SEV_ERROR);
	return severity_names[s];
}

int severity_parse(const char *s, Severity *out)
{
	for (int i = SEV_OFF; i <= SEV_ERROR; i++) {
		if (strcmp(s, severity_names[i]) == 0) {
			*out = (Severity)i;
			return 0;
		}
	}
	return -1;
}

/* A location with a line but no column (srcfile.h) becomes the whole line:
 * from its first non-blank character to its end, so every report has a
 * column and the text caret underlines what the front end could point at. */
static SrcLoc whole_line(SrcLoc loc)
{
	size_t n;
	const char *line = loc.src && loc.col == 0 ? srcfile_line(loc.src, loc.line, &n) : NULL;
	if (!line) {
		if (loc.col == 0)
			loc.col = 1;
		return loc;
	}
	/* Blanks are one byte each, so bytes and characters agree on them. */
	size_t start = 0;
	while (start < n && (line[start] == ' ' || line[start] == '\t'))
		start++;
	size_t end = n;
	while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t'))
		end--;
	loc.col = (int)start + 1;
	loc.len = end > start ? (int)(srcfile_line_chars(loc.src, loc.line) - start - (n - end)) : 1;
	return loc;
}

/* The text of a message. A format without conversions is its own text:
 * formats are string literals (the build refuses others: -Wformat=2), so
 * it outlives the list, and most help lines need no formatting at all. */
static PRINTF_LIKE(2, 0) const char *text_of(DiagList *dl, const char *fmt, va_list ap)
{
	if (!strchr(fmt, '%'))
		return fmt;
	return arena_vprintf(dl->arena, fmt, ap);
}

void diag_init(DiagList *dl, Arena *arena)
{
	memset(dl, 0, sizeof *dl);
	dl->arena = arena;
}

/* The error past the limit: said once, then nothing more is recorded. */
static Diag *over_limit(DiagList *dl, SrcLoc loc)
{
	if (dl->nerrors++ == dl->max_errors) {
		size_t max = dl->max_errors;
		dl->max_errors = 0;     /* record this one */
		Diag *d = diag_report(dl, loc, SEV_ERROR, "limit-exceeded",
				      "more than %zu errors in this file; the rest are not reported", max);
		diag_help(dl, d, "fix these first, or raise the limit with --limit errors=N");
		dl->max_errors = max;
	}
	memset(&dl->discarded, 0, sizeof dl->discarded);
	dl->discarded.notes_tail = &dl->discarded.notes;
	return &dl->discarded;
}

bool diag_full(const DiagList *dl)
{
	return dl->max_errors && dl->nerrors >= dl->max_errors;
}

void diag_skip_error(DiagList *dl, SrcLoc loc)
{
	ASSERT(diag_full(dl));
	over_limit(dl, loc);
}

Diag *diag_vreport(DiagList *dl, SrcLoc loc, Severity sev, const char *check,
		   const char *fmt, va_list ap)
{
	if (sev == SEV_ERROR && diag_full(dl))
		return over_limit(dl, loc);
	if (sev == SEV_ERROR)
		dl->nerrors++;
	Diag *d = arena_alloc(dl->arena, sizeof *d);
	d->loc = whole_line(loc);
	d->sev = sev;
	d->check = check;
	d->message = text_of(dl, fmt, ap);
	d->notes_tail = &d->notes;
	d->seq = dl->n;
	ARENA_PUSH(dl->arena, dl->items, dl->n, dl->cap, d);
	return d;
}

Diag *diag_report(DiagList *dl, SrcLoc loc, Severity sev, const char *check,
		  const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	Diag *d = diag_vreport(dl, loc, sev, check, fmt, ap);
	va_end(ap);
	return d;
}

static void add_note(DiagList *dl, Diag *d, DiagNoteKind kind, SrcLoc loc,
		     const char *fmt, va_list ap) PRINTF_LIKE(5, 0);

static void add_note(DiagList *dl, Diag *d, DiagNoteKind kind, SrcLoc loc,
		     const char *fmt, va_list ap)
{
	if (d == &dl->discarded)
		return;
	DiagNote *n = arena_alloc(dl->arena, sizeof *n);
	n->kind = kind;
	n->loc = loc.src ? whole_line(loc) : loc;
	n->text = text_of(dl, fmt, ap);
	*d->notes_tail = n;
	d->notes_tail = &n->next;
}

void diag_note(DiagList *dl, Diag *d, SrcLoc loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add_note(dl, d, NOTE_NOTE, loc, fmt, ap);
	va_end(ap);
}

void diag_help(DiagList *dl, Diag *d, const char *fmt, ...)
{
	va_list ap;
	SrcLoc none = { 0 };
	va_start(ap, fmt);
	add_note(dl, d, NOTE_HELP, none, fmt, ap);
	va_end(ap);
}

static int cmp_diag(const void *pa, const void *pb)
{
	const Diag *a = *(const Diag *const *)pa, *b = *(const Diag *const *)pb;
	if (a->loc.src != b->loc.src) {         /* nearly always one file: no strcmp */
		const char *fa = a->loc.src ? a->loc.src->path : "";
		const char *fb = b->loc.src ? b->loc.src->path : "";
		int c = strcmp(fa, fb);
		if (c)
			return c;
	}
	if (a->loc.line != b->loc.line)
		return a->loc.line < b->loc.line ? -1 : 1;
	if (a->loc.col != b->loc.col)
		return a->loc.col < b->loc.col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void diag_sort(DiagList *dl)
{
	if (dl->n > 1)
		qsort(dl->items, dl->n, sizeof *dl->items, cmp_diag);
}

size_t diag_count(const DiagList *dl, Severity sev)
{
	size_t n = 0;
	for (size_t i = 0; i < dl->n; i++)
		n += !dl->items[i]->suppressed && dl->items[i]->sev == sev;
	return n;
}

size_t diag_count_suppressed(const DiagList *dl)
{
	size_t n = 0;
	for (size_t i = 0; i < dl->n; i++)
		n += dl->items[i]->suppressed != NULL;
	return n;
}

int diag_has_errors(const DiagList *dl) { return diag_count(dl, SEV_ERROR) > 0; }
