/* baseline.c - writing and applying baselines of accepted findings.
 *
 * Runs in the driver between the checks and the reports; see baseline.h for
 * the contract and docs/checks.md for the format. A baseline is a text file:
 *
 *     # roadmapc baseline 1
 *     roadmaps/close.yaml<TAB>content-stale<TAB>content:price-list
 *
 * one line per accepted finding (repeated when there are several), sorted
 * bytewise so that the file is stable and diffs well under review. Tabs,
 * newlines and backslashes in a field are written as \t, \n and \\. Entries
 * are compared in this escaped form, so applying never needs to unescape. */
#include "baseline.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outfile.h"
#include "textio.h"

#define BASELINE_HEADER "# roadmapc baseline 1"

/* Largest baseline read: a million accepted findings; it keeps
 * `--baseline /dev/zero` from reading until memory runs out. */
#define BASELINE_MAX_SIZE ((size_t)64 * 1024 * 1024)

/* Appends 's' with tab, newline, carriage return and backslash escaped. */
static void put_field(StrBuf *sb, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\t': strbuf_puts(sb, "\\t"); break;
		case '\n': strbuf_puts(sb, "\\n"); break;
		case '\r': strbuf_puts(sb, "\\r"); break;
		case '\\': strbuf_puts(sb, "\\\\"); break;
		default: strbuf_putc(sb, *s); break;
		}
	}
}

/* The file name as recorded: the unit's normalised name (path.h), so
 * `check ./a.yaml`, `check .//a.yaml` and `check a.yaml` share a baseline. */
static const char *entry_path(const Unit *c)
{
	return c->name;
}

/* The entry line (without newline) for finding 'd' of 'c', malloc'ed. */
static char *entry_for(const Unit *c, const Diag *d)
{
	StrBuf sb = STRBUF_INIT;
	put_field(&sb, entry_path(c));
	strbuf_putc(&sb, '\t');
	put_field(&sb, d->check);
	strbuf_putc(&sb, '\t');
	put_field(&sb, d->item);
	char *s = xstrdup(strbuf_cstr(&sb));
	strbuf_free(&sb);
	return s;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A growable array of malloc'ed strings. */
typedef struct Entries {
	char **items;
	size_t n, cap;
} Entries;

static void entries_push(Entries *e, char *s)
{
	if (e->n == e->cap) {
		e->cap = e->cap ? 2 * e->cap : 16;
		e->items = xrealloc(e->items, e->cap * sizeof *e->items);
	}
	e->items[e->n++] = s;
}

static void entries_free(Entries *e)
{
	for (size_t i = 0; i < e->n; i++)
		free(e->items[i]);
	free(e->items);
}

int baseline_write(const char *path, Unit *const *units, size_t n, StrBuf *err)
{
	Entries e = { NULL, 0, 0 };
	for (size_t i = 0; i < n; i++) {
		const DiagList *dl = &units[i]->diags;
		for (size_t j = 0; j < dl->n; j++) {
			const Diag *d = dl->items[j];
			/* Structural errors have no item and cannot be accepted. */
			if (!d->item || (d->suppressed && strcmp(d->suppressed, "baseline") != 0))
				continue;
			entries_push(&e, entry_for(units[i], d));
		}
	}
	if (e.n > 1)
		qsort(e.items, e.n, sizeof *e.items, cmp_str);
	StrBuf out = STRBUF_INIT;
	strbuf_puts(&out, BASELINE_HEADER "\n");
	strbuf_puts(&out, "# Accepted findings, one per line: FILE<TAB>CHECK<TAB>ITEM.\n");
	strbuf_puts(&out, "# Written by 'roadmapc check --write-baseline'; read by --baseline.\n");
	for (size_t i = 0; i < e.n; i++)
		strbuf_printf(&out, "%s\n", e.items[i]);
	int rc = outfile_write(path, strbuf_cstr(&out), out.len, err);
	strbuf_free(&out);
	entries_free(&e);
	return rc;
}

/* Splits the baseline text into entries; comments and blank lines are
 * skipped. Returns 0, or -1 with "FILE:LINE: ..." in 'err'. */
static int parse_entries(const char *path, const char *text, size_t len, Entries *e,
			 StrBuf *err)
{
	size_t lineno = 0;
	const char *end = text + len;
	for (const char *p = text; p < end;) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		size_t n = (size_t)(eol - p);
		lineno++;
		if (n > 0 && p[n - 1] == '\r')
			n--;    /* a baseline edited on Windows */
		if (n > 0 && p[0] != '#') {
			const char *tab1 = memchr(p, '\t', n);
			const char *tab2 = tab1 ? memchr(tab1 + 1, '\t', n - (size_t)(tab1 + 1 - p)) : NULL;
			bool extra = tab2 && memchr(tab2 + 1, '\t', n - (size_t)(tab2 + 1 - p));
			if (!tab2 || extra || tab1 == p || tab2 == tab1 + 1 || tab2 + 1 == p + n ||
			    memchr(p, '\0', n)) {
				strbuf_printf(err, "%s:%zu: not a baseline entry (expected "
					      "FILE<TAB>CHECK<TAB>ITEM)", path, lineno);
				return -1;
			}
			char *s = xmalloc(n + 1);
			memcpy(s, p, n);
			s[n] = '\0';
			entries_push(e, s);
		}
		p = eol < end ? eol + 1 : end;
	}
	return 0;
}

int baseline_apply(const char *path, Unit *const *units, size_t n, StrBuf *err)
{
	Entries e = { NULL, 0, 0 };
	size_t len;
	char *text = textio_read(path, "baseline", BASELINE_MAX_SIZE, &len, err);
	int rc = text ? parse_entries(path, text, len, &e, err) : -1;
	free(text);
	if (rc < 0) {
		entries_free(&e);
		return -1;
	}
	if (e.n > 1)
		qsort(e.items, e.n, sizeof *e.items, cmp_str);
	/* An entry is used up by the first finding it matches; 'used' runs
	 * parallel to the sorted entries, and equal entries are adjacent. */
	bool *used = xcalloc(e.n ? e.n : 1, sizeof *used);
	for (size_t i = 0; i < n; i++) {
		DiagList *dl = &units[i]->diags;
		for (size_t j = 0; j < dl->n; j++) {
			Diag *d = dl->items[j];
			if (!d->item || d->suppressed)
				continue;
			char *key = entry_for(units[i], d);
			/* An empty baseline has no array at all: bsearch needs one. */
			char **hit = e.n ? bsearch(&key, e.items, e.n, sizeof *e.items, cmp_str) : NULL;
			if (hit) {
				size_t k = (size_t)(hit - e.items);
				while (k > 0 && strcmp(e.items[k - 1], key) == 0)
					k--;
				for (; k < e.n && strcmp(e.items[k], key) == 0; k++) {
					if (!used[k]) {
						used[k] = true;
						d->suppressed = "baseline";
						break;
					}
				}
			}
			free(key);
		}
	}
	/* Entries of files checked now that matched nothing are stale; those of
	 * files not on this command line say nothing either way. */
	int stale = 0;
	for (size_t k = 0; k < e.n; k++) {
		if (used[k])
			continue;
		for (size_t i = 0; i < n; i++) {
			StrBuf file = STRBUF_INIT;     /* the file field, escaped as written */
			put_field(&file, entry_path(units[i]));
			bool mine = units[i]->checked && strncmp(e.items[k], strbuf_cstr(&file), file.len) == 0 &&
				    e.items[k][file.len] == '\t';
			strbuf_free(&file);
			if (mine) {
				stale++;
				break;
			}
		}
	}
	free(used);
	entries_free(&e);
	return stale;
}
