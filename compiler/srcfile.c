/* srcfile.c - source text, line index and offset-to-location conversion.
 *
 * Sits before both front ends: the driver loads a file into a SrcFile, the
 * parser reads its text, and diagnostics read lines back out of it. */
#include "srcfile.h"
#include "alloc.h"

#include <string.h>

int utf8_seqlen(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if ((c & 0xE0) == 0xC0)
		return 2;
	if ((c & 0xF0) == 0xE0)
		return 3;
	if ((c & 0xF8) == 0xF0)
		return 4;
	return 1;
}

size_t utf8_valid_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n == 0)
		return 0;
	size_t len = (size_t)utf8_seqlen(u[0]);
	if (u[0] < 0x80)
		return 1;
	if (len == 1 || len > n || (len == 2 && u[0] < 0xC2))
		return 0;
	unsigned long cp = u[0] & (0xFFu >> (len + 1));
	for (size_t k = 1; k < len; k++) {
		if ((u[k] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (u[k] & 0x3F);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
	    (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
		return 0;
	return len;
}

int utf8_count(const char *s, size_t n)
{
	int count = 0;
	for (size_t i = 0; i < n; count++) {
		size_t step = (size_t)utf8_seqlen((unsigned char)s[i]);
		i += step;
	}
	return count;
}

/* Length of the line break at 'p' (0 when there is none), as the file's
 * parser counts them. libyaml: LF, CRLF, CR, NEL (C2 85), LS (E2 80 A8) and
 * PS (E2 80 A9). Lua: LF or CR, and a pair of different ones (CRLF, LFCR)
 * is one break; NEL, LS and PS are just characters to it. */
static size_t break_len(const unsigned char *p, const unsigned char *end, Syntax syntax)
{
	if (p >= end)
		return 0;
	if (syntax == SYNTAX_LUA) {
		if (*p != '\n' && *p != '\r')
			return 0;
		return (p + 1 < end && (p[1] == '\n' || p[1] == '\r') && p[1] != *p) ? 2 : 1;
	}
	if (*p == '\n')
		return 1;
	if (*p == '\r')
		return (p + 1 < end && p[1] == '\n') ? 2 : 1;
	if (*p == 0xC2 && p + 1 < end && p[1] == 0x85)
		return 2;
	if (*p == 0xE2 && p + 2 < end && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9))
		return 3;
	return 0;
}

static void put_utf8(char *out, size_t *n, unsigned long cp)
{
	if (cp < 0x80) {
		out[(*n)++] = (char)cp;
	} else if (cp < 0x800) {
		out[(*n)++] = (char)(0xC0 | (cp >> 6));
		out[(*n)++] = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		out[(*n)++] = (char)(0xE0 | (cp >> 12));
		out[(*n)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[(*n)++] = (char)(0x80 | (cp & 0x3F));
	} else {
		out[(*n)++] = (char)(0xF0 | (cp >> 18));
		out[(*n)++] = (char)(0x80 | ((cp >> 12) & 0x3F));
		out[(*n)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[(*n)++] = (char)(0x80 | (cp & 0x3F));
	}
}

/* Converts UTF-16 (after its BOM) to UTF-8 in the arena. libyaml would accept
 * UTF-16 itself, but then our byte offsets and lines would not match the text
 * we print, so the front end always sees UTF-8. */
static int from_utf16(Arena *a, const unsigned char *p, size_t len, int big,
		      char **out, size_t *outlen)
{
	char *buf = arena_alloc(a, len / 2 * 3 + 4);
	size_t n = 0;
	if (len % 2)
		return -1;
	for (size_t i = 0; i < len; i += 2) {
		unsigned long u = big ? (p[i] << 8 | p[i + 1]) : (p[i + 1] << 8 | p[i]);
		if (u >= 0xD800 && u < 0xDC00) {
			if (i + 3 >= len)
				return -1;
			unsigned long v = big ? (p[i + 2] << 8 | p[i + 3]) : (p[i + 3] << 8 | p[i + 2]);
			if (v < 0xDC00 || v > 0xDFFF)
				return -1;
			u = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
			i += 2;
		} else if (u >= 0xDC00 && u <= 0xDFFF) {
			return -1;
		}
		put_utf8(buf, &n, u);
	}
	buf[n] = '\0';
	*out = buf;
	*outlen = n;
	return 0;
}

/* The start of every line, split as the file's syntax splits them. */
static void index_lines(SrcFile *sf, Arena *a)
{
	size_t cap = 0, n = sf->len;
	const unsigned char *p = (const unsigned char *)sf->text, *end = p + n;
	size_t start = (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) ? 3 : 0;
	sf->line_start = NULL;
	sf->nlines = 0;
	ARENA_PUSH(a, sf->line_start, sf->nlines, cap, start);
	for (size_t i = start; i < n;) {
		size_t b = break_len(p + i, end, sf->syntax);
		if (b) {
			i += b;
			ARENA_PUSH(a, sf->line_start, sf->nlines, cap, i);
		} else {
			i++;
		}
	}
}

int srcfile_init(SrcFile *sf, Arena *a, const char *path, const char *text, size_t len)
{
	const unsigned char *u = (const unsigned char *)text;
	char *copy;
	size_t n;
	int rc = 0;

	memset(sf, 0, sizeof *sf);
	sf->path = arena_strdup(a, path);
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		if (from_utf16(a, u + 2, len - 2, u[0] == 0xFE, &copy, &n) < 0) {
			rc = -1;
			copy = arena_strndup(a, "", 0);
			n = 0;
		}
	} else {
		copy = arena_strndup(a, text, len);
		n = len;
	}
	sf->text = copy;
	sf->len = n;
	index_lines(sf, a);
	return rc;
}

void srcfile_set_syntax(SrcFile *sf, Arena *a, Syntax syntax)
{
	if (sf->syntax == syntax)
		return;
	sf->syntax = syntax;
	index_lines(sf, a);
}

const char *srcfile_line(const SrcFile *sf, int line, size_t *len)
{
	if (!sf || line < 1 || (size_t)line > sf->nlines)
		return NULL;
	size_t start = sf->line_start[line - 1];
	size_t end = start;
	const unsigned char *p = (const unsigned char *)sf->text;
	while (end < sf->len && !break_len(p + end, p + sf->len, sf->syntax))
		end++;
	*len = end - start;
	return sf->text + start;
}

void srcfile_locate(const SrcFile *sf, size_t offset, int *line, int *col)
{
	size_t lo = 0, hi = sf->nlines;
	if (offset > sf->len)
		offset = sf->len;
	while (hi - lo > 1) {           /* last line whose start <= offset */
		size_t mid = (lo + hi) / 2;
		if (sf->line_start[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	size_t start = sf->line_start[lo];
	if (offset < start)
		offset = start;
	*line = (int)lo + 1;
	*col = utf8_count(sf->text + start, offset - start) + 1;
}
