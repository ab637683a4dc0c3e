/* path.c - lexical path normalisation; see path.h. */
#include "path.h"
#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

bool path_is_absolute(const char *path)
{
	return path[0] == '/';
}

/* One segment of a path: start and length. */
typedef struct Seg {
	const char *s;
	size_t n;
} Seg;

static bool seg_is(Seg g, const char *word)
{
	return g.n == strlen(word) && memcmp(g.s, word, g.n) == 0;
}

/* Splits 'path' into normal segments in 'segs' (room for strlen/2+1);
 * returns how many. */
static size_t normal_segments(const char *path, Seg *segs)
{
	bool abs = path_is_absolute(path);
	size_t n = 0;
	for (const char *p = path; *p;) {
		while (*p == '/')
			p++;
		const char *start = p;
		while (*p && *p != '/')
			p++;
		Seg g = { start, (size_t)(p - start) };
		if (g.n == 0 || seg_is(g, "."))
			continue;
		if (seg_is(g, "..") && n > 0 && !seg_is(segs[n - 1], "..")) {
			n--;
			continue;
		}
		if (seg_is(g, "..") && abs && n == 0)
			continue;       /* "/.." is "/" */
		segs[n++] = g;
	}
	return n;
}

void path_normalize(StrBuf *out, const char *path)
{
	if (strcmp(path, "-") == 0) {
		strbuf_puts(out, "-");
		return;
	}
	Seg *segs = xmalloc((strlen(path) / 2 + 1) * sizeof *segs);
	size_t n = normal_segments(path, segs);
	bool abs = path_is_absolute(path);
	if (abs)
		strbuf_putc(out, '/');
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_putc(out, '/');
		strbuf_put(out, segs[i].s, segs[i].n);
	}
	if (!abs && n == 0)
		strbuf_putc(out, '.');
	free(segs);
}

int path_absolute(StrBuf *out, const char *path)
{
	if (path_is_absolute(path)) {
		path_normalize(out, path);
		return 0;
	}
	char cwd[4096];
	if (!getcwd(cwd, sizeof cwd)) {
		path_normalize(out, path);
		return -1;
	}
	char *joined = xmalloc(strlen(cwd) + strlen(path) + 2);
	sprintf(joined, "%s/%s", cwd, path);
	path_normalize(out, joined);
	free(joined);
	return 0;
}

void path_dirname(StrBuf *out, const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		strbuf_putc(out, '.');
	else if (slash == path)
		strbuf_putc(out, '/');
	else
		strbuf_put(out, path, (size_t)(slash - path));
}

void path_relative(StrBuf *out, const char *base, const char *path)
{
	Seg *b = xmalloc((strlen(base) / 2 + 1) * sizeof *b);
	Seg *p = xmalloc((strlen(path) / 2 + 1) * sizeof *p);
	size_t nb = normal_segments(base, b), np = normal_segments(path, p);
	size_t common = 0;
	while (common < nb && common < np && b[common].n == p[common].n &&
	       memcmp(b[common].s, p[common].s, b[common].n) == 0)
		common++;
	size_t start = out->len;
	for (size_t i = common; i < nb; i++)
		strbuf_puts(out, out->len > start ? "/.." : "..");
	for (size_t i = common; i < np; i++) {
		if (out->len > start)
			strbuf_putc(out, '/');
		strbuf_put(out, p[i].s, p[i].n);
	}
	if (out->len == start)
		strbuf_putc(out, '.');
	free(b);
	free(p);
}
