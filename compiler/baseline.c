/* baseline.c - writing and applying baselines of accepted findings.
 *
 * Runs in the driver between the checks and the reports; see baseline.h for
 * the contract and docs/checks.md for the format. A baseline is a text file:
 *
 *     # roadmapc baseline 2
 *     roadmaps/close.yaml<TAB>content-stale<TAB>content:price-list
 *
 * one line per accepted finding (repeated when there are several), sorted
 * bytewise so that the file is stable and diffs well under review, with
 * file names relative to the baseline's directory. Tabs, newlines,
 * carriage returns and backslashes in a field are written as \t, \n, \r
 * and \\. In memory every entry is a key "FILE<TAB>CHECK<TAB>ITEM" whose
 * FILE is absolute; the keys stay in the escaped form throughout (path
 * arithmetic is not affected: no escape holds a '/'), so applying never
 * needs to unescape. */
#include "baseline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outfile.h"
#include "path.h"
#include "textio.h"

#define BASELINE_HEADER "# roadmapc baseline "
#define BASELINE_FORMAT 2

/* Largest baseline read: a million accepted findings; it keeps
 * `--baseline /dev/zero` from reading until memory runs out. */
#define BASELINE_MAX_SIZE ((size_t)64 * 1024 * 1024)

/* The name standard input has in a baseline; not a path. */
#define STDIN_NAME "<stdin>"

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

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *take(StrBuf *sb)
{
	char *s = xstrdup(strbuf_cstr(sb));
	strbuf_free(sb);
	return s;
}

struct Baseline {
	char *path;             /* as the user named it, for messages */
	int format;             /* 1: names relative to the directory it ran in */
	Entries e;              /* keys with absolute file names, sorted */
	bool *used;             /* parallel to e.items: matched a finding */
};

/* ---- file names ---- */

/* The absolute, escaped name of the file of unit 'u', malloc'ed. */
static char *unit_file(const Unit *u)
{
	StrBuf raw = STRBUF_INIT, sb = STRBUF_INIT;
	if (strcmp(u->path, "-") == 0)
		strbuf_puts(&raw, STDIN_NAME);
	else
		path_absolute(&raw, u->path);
	put_field(&sb, strbuf_cstr(&raw));
	strbuf_free(&raw);
	return take(&sb);
}

/* The absolute, escaped directory names in a baseline at 'path' are
 * relative to ("-": the current directory), malloc'ed. */
static char *baseline_dir(const char *path)
{
	StrBuf dir = STRBUF_INIT, abs = STRBUF_INIT, sb = STRBUF_INIT;
	if (strcmp(path, "-") == 0)
		strbuf_putc(&dir, '.');
	else
		path_dirname(&dir, path);
	path_absolute(&abs, strbuf_cstr(&dir));
	put_field(&sb, strbuf_cstr(&abs));
	strbuf_free(&dir);
	strbuf_free(&abs);
	return take(&sb);
}

/* Appends 'file' (escaped, absolute, or STDIN_NAME) as seen from directory
 * 'dir' (escaped, absolute). */
static void put_relative(StrBuf *out, const char *dir, const char *file)
{
	if (strcmp(file, STDIN_NAME) == 0)
		strbuf_puts(out, file);
	else
		path_relative(out, dir, file);
}

/* The length of the file field of entry key 'key'. */
static size_t file_len(const char *key)
{
	return (size_t)(strchr(key, '\t') - key);
}

static bool same_file(const char *key, const char *file)
{
	size_t n = file_len(key);
	return strlen(file) == n && strncmp(key, file, n) == 0;
}

/* ---- reading ---- */

/* The format a header line "# roadmapc baseline N" declares, or 0 when the
 * line is another comment. */
static int header_format(const char *line, size_t n)
{
	size_t h = strlen(BASELINE_HEADER);
	if (n <= h || strncmp(line, BASELINE_HEADER, h) != 0)
		return 0;
	int v = 0;
	for (size_t i = h; i < n; i++) {
		if (line[i] < '0' || line[i] > '9' || v > 1000)
			return 0;
		v = v * 10 + (line[i] - '0');
	}
	return v;
}

/* Splits the baseline text into entries whose file names are made absolute
 * against 'base' (escaped); comments and blank lines are skipped, and the
 * header sets b->format. Returns 0, or -1 with "FILE:LINE: ..." in 'err'. */
static int parse_entries(Baseline *b, const char *text, size_t len, StrBuf *err)
{
	char *base = NULL;
	size_t lineno = 0;
	const char *end = text + len;
	int rc = 0;
	b->format = BASELINE_FORMAT;
	for (const char *p = text; p < end && rc == 0; p = p < end ? p + 1 : end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		size_t n = (size_t)(eol - p);
		const char *line = p;
		p = eol;
		lineno++;
		if (n > 0 && line[n - 1] == '\r')
			n--;    /* a baseline edited on Windows */
		if (n > 0 && line[0] == '#') {
			int v = lineno == 1 ? header_format(line, n) : 0;
			if (v > BASELINE_FORMAT) {
				strbuf_printf(err, "%s:%zu: baseline format %d is newer than this roadmapc "
					      "reads (1 to %d); use a newer roadmapc", b->path, lineno, v,
					      BASELINE_FORMAT);
				rc = -1;
			} else if (v) {
				b->format = v;
			}
			continue;
		}
		if (n == 0)
			continue;
		const char *tab1 = memchr(line, '\t', n);
		const char *tab2 = tab1 ? memchr(tab1 + 1, '\t', n - (size_t)(tab1 + 1 - line)) : NULL;
		bool extra = tab2 && memchr(tab2 + 1, '\t', n - (size_t)(tab2 + 1 - line));
		if (!tab2 || extra || tab1 == line || tab2 == tab1 + 1 || tab2 + 1 == line + n ||
		    memchr(line, '\0', n)) {
			strbuf_printf(err, "%s:%zu: not a baseline entry (expected "
				      "FILE<TAB>CHECK<TAB>ITEM)", b->path, lineno);
			rc = -1;
			continue;
		}
		if (!base) {
			/* Format 1 named files from the directory it ran in. */
			base = b->format == 1 ? baseline_dir("-") : baseline_dir(b->path);
		}
		char *file = xmalloc((size_t)(tab1 - line) + 1);
		memcpy(file, line, (size_t)(tab1 - line));
		file[tab1 - line] = '\0';
		StrBuf key = STRBUF_INIT;
		if (strcmp(file, STDIN_NAME) == 0 || path_is_absolute(file)) {
			if (strcmp(file, STDIN_NAME) == 0)
				strbuf_puts(&key, file);
			else
				path_normalize(&key, file);
		} else {
			char *joined = xmalloc(strlen(base) + strlen(file) + 2);
			sprintf(joined, "%s/%s", base, file);
			path_normalize(&key, joined);
			free(joined);
		}
		free(file);
		strbuf_put(&key, tab1, (size_t)(line + n - tab1));
		entries_push(&b->e, take(&key));
	}
	free(base);
	return rc;
}

Baseline *baseline_load(const char *path, StrBuf *err)
{
	size_t len;
	char *text = textio_read(path, "baseline", BASELINE_MAX_SIZE, &len, err);
	if (!text)
		return NULL;
	Baseline *b = xcalloc(1, sizeof *b);
	b->path = xstrdup(path);
	int rc = parse_entries(b, text, len, err);
	free(text);
	if (rc < 0) {
		baseline_free(b);
		return NULL;
	}
	if (b->e.n > 1)
		qsort(b->e.items, b->e.n, sizeof *b->e.items, cmp_str);
	b->used = xcalloc(b->e.n ? b->e.n : 1, sizeof *b->used);
	return b;
}

void baseline_free(Baseline *b)
{
	if (!b)
		return;
	entries_free(&b->e);
	free(b->used);
	free(b->path);
	free(b);
}

/* ---- applying ---- */

/* The key of finding 'd' of a unit whose file is 'file', malloc'ed. */
static char *finding_key(const char *file, const Diag *d)
{
	StrBuf sb = STRBUF_INIT;
	strbuf_puts(&sb, file);
	strbuf_putc(&sb, '\t');
	put_field(&sb, d->check);
	strbuf_putc(&sb, '\t');
	put_field(&sb, d->item);
	return take(&sb);
}

/* Marks the first unused entry equal to 'key'; true if there was one.
 * Equal entries are adjacent in the sorted array. */
static bool use_entry(Baseline *b, const char *key)
{
	if (b->e.n == 0)        /* bsearch needs an array, and there is none */
		return false;
	char **hit = bsearch(&key, b->e.items, b->e.n, sizeof *b->e.items, cmp_str);
	if (!hit)
		return false;
	size_t k = (size_t)(hit - b->e.items);
	while (k > 0 && strcmp(b->e.items[k - 1], key) == 0)
		k--;
	for (; k < b->e.n && strcmp(b->e.items[k], key) == 0; k++) {
		if (!b->used[k]) {
			b->used[k] = true;
			return true;
		}
	}
	return false;
}

static const char *base_name(const char *file, size_t n)
{
	const char *s = file;
	for (size_t i = 0; i < n; i++)
		if (file[i] == '/')
			s = file + i + 1;
	return s;
}

/* Says that the entries of baseline 'b' for a file this run does not
 * check look meant for unit 'u', which it does: the same file name in
 * another directory. 'entry' is one such key, 'count' how many there are. */
static void note_mixup(const Baseline *b, const char *entry, size_t count, const Unit *u,
		       const char *ufile, StrBuf *notes)
{
	char *cwd = baseline_dir("-"), *dir = baseline_dir(b->path);
	StrBuf shown = STRBUF_INIT, named = STRBUF_INIT;
	char *file = xmalloc(file_len(entry) + 1);
	memcpy(file, entry, file_len(entry));
	file[file_len(entry)] = '\0';
	put_relative(&shown, cwd, file);
	strbuf_printf(notes, "roadmapc: note: '%s' has %zu entr%s for '%s', which this run does "
		      "not check; it checks '%s'", b->path, count, count == 1 ? "y" : "ies",
		      strbuf_cstr(&shown), u->name);
	if (b->format == 1) {
		strbuf_printf(notes, ". This baseline was written by roadmapc 0.1, whose file names "
			      "are relative to the directory it ran in: run from there, or refresh "
			      "it with --baseline %s --write-baseline %s to make it work from any "
			      "directory\n", b->path, b->path);
	} else {
		put_relative(&named, dir, ufile);
		strbuf_printf(notes, ", which the baseline would name '%s': file names in a "
			      "baseline are relative to the baseline's directory\n",
			      strbuf_cstr(&named));
	}
	free(file);
	free(cwd);
	free(dir);
	strbuf_free(&shown);
	strbuf_free(&named);
}

void baseline_apply(Baseline *b, Unit *const *units, size_t n, bool refreshing, StrBuf *notes)
{
	char **files = xcalloc(n ? n : 1, sizeof *files);
	for (size_t i = 0; i < n; i++) {
		files[i] = unit_file(units[i]);
		DiagList *dl = &units[i]->diags;
		for (size_t j = 0; j < dl->n; j++) {
			Diag *d = dl->items[j];
			if (!d->item || d->suppressed)
				continue;
			char *key = finding_key(files[i], d);
			if (use_entry(b, key))
				d->suppressed = "baseline";
			free(key);
		}
	}
	/* Unused entries: of a file checked now, the gap was closed (stale);
	 * of a file on the command line but not checked, nothing is known; of
	 * a file not on the command line, nothing is said, unless a file of
	 * the same name is checked: then the names were probably written from
	 * another directory. */
	size_t stale = 0, mixups = 0;
	const char *mixup = NULL;
	size_t mixup_unit = 0;
	for (size_t k = 0; k < b->e.n; k++) {
		if (b->used[k])
			continue;
		const char *key = b->e.items[k];
		size_t i = 0;
		while (i < n && !same_file(key, files[i]))
			i++;
		if (i < n) {
			stale += units[i]->checked;
			continue;
		}
		if (mixup) {
			mixups += file_len(key) == file_len(mixup) &&
				  strncmp(key, mixup, file_len(key)) == 0;
			continue;
		}
		const char *name = base_name(key, file_len(key));
		size_t nlen = file_len(key) - (size_t)(name - key);
		for (i = 0; i < n; i++) {
			const char *other = base_name(files[i], strlen(files[i]));
			if (units[i]->checked && strlen(other) == nlen && strncmp(other, name, nlen) == 0) {
				mixup = key;
				mixup_unit = i;
				mixups = 1;
				break;
			}
		}
	}
	if (stale > 0) {
		strbuf_printf(notes, "roadmapc: note: %zu entr%s of '%s' match%s no finding any more",
			      stale, stale == 1 ? "y" : "ies", b->path, stale == 1 ? "es" : "");
		if (refreshing)
			strbuf_puts(notes, "; they are left out of the new baseline\n");
		else
			strbuf_printf(notes, "; refresh it with --baseline %s --write-baseline %s\n",
				      b->path, b->path);
	}
	if (mixup)
		note_mixup(b, mixup, mixups, units[mixup_unit], files[mixup_unit], notes);
	for (size_t i = 0; i < n; i++)
		free(files[i]);
	free(files);
}

/* ---- writing ---- */

long baseline_write(const char *path, const Baseline *prev, Unit *const *units, size_t n,
		    StrBuf *err)
{
	char *dir = baseline_dir(path);
	char **files = xcalloc(n ? n : 1, sizeof *files);
	Entries e = { NULL, 0, 0 };
	long written = 0;
	for (size_t i = 0; i < n; i++) {
		files[i] = unit_file(units[i]);
		const DiagList *dl = &units[i]->diags;
		for (size_t j = 0; j < dl->n; j++) {
			const Diag *d = dl->items[j];
			/* Structural errors have no item and cannot be accepted. */
			if (!d->item || (d->suppressed && strcmp(d->suppressed, "baseline") != 0))
				continue;
			StrBuf sb = STRBUF_INIT;
			put_relative(&sb, dir, files[i]);
			char *key = finding_key("", d);
			strbuf_puts(&sb, key);
			free(key);
			entries_push(&e, take(&sb));
			written++;
		}
	}
	/* What was accepted for files this run did not check stays. */
	for (size_t k = 0; prev && k < prev->e.n; k++) {
		const char *key = prev->e.items[k];
		bool checked = false;
		for (size_t i = 0; i < n && !checked; i++)
			checked = units[i]->checked && same_file(key, files[i]);
		if (checked)
			continue;
		StrBuf sb = STRBUF_INIT;
		char *file = xmalloc(file_len(key) + 1);
		memcpy(file, key, file_len(key));
		file[file_len(key)] = '\0';
		put_relative(&sb, dir, file);
		free(file);
		strbuf_puts(&sb, key + file_len(key));
		entries_push(&e, take(&sb));
	}
	if (e.n > 1)
		qsort(e.items, e.n, sizeof *e.items, cmp_str);
	StrBuf out = STRBUF_INIT;
	strbuf_printf(&out, BASELINE_HEADER "%d\n", BASELINE_FORMAT);
	strbuf_puts(&out, "# Accepted findings, one per line: FILE<TAB>CHECK<TAB>ITEM, with FILE\n"
			  "# relative to the directory of this file.\n");
	strbuf_puts(&out, "# Written by 'roadmapc check --write-baseline'; read by --baseline.\n");
	for (size_t i = 0; i < e.n; i++)
		strbuf_printf(&out, "%s\n", e.items[i]);
	int rc = outfile_write(path, strbuf_cstr(&out), out.len, err);
	strbuf_free(&out);
	entries_free(&e);
	for (size_t i = 0; i < n; i++)
		free(files[i]);
	free(files);
	free(dir);
	return rc < 0 ? -1 : written;
}
