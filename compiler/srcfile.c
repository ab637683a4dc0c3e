/* srcfile.c - source text, line index and offset-to-location conversion.
 *
 * Sits before both front ends: the driver loads a file into a SrcFile, the
 * parser reads its text, and diagnostics read lines back out of it. */
#include "srcfile.h"
#include "alloc.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
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

static void add_marks(SrcFile *sf, Arena *a, size_t *cap, size_t start, size_t n);

/* True when one of the 8 bytes at 'p' may start a line break ('\n',
 * '\r', or the first byte of NEL, LS and PS): a word at a time, since
 * the text is scanned once for every file. */
static bool may_break(const unsigned char *p)
{
	uint64_t v;
	memcpy(&v, p, sizeof v);
	const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
#define HAS_BYTE(x, b) ((((x) ^ (ones * (b))) - ones) & ~((x) ^ (ones * (b))) & highs)
	return (HAS_BYTE(v, 0x0A) | HAS_BYTE(v, 0x0D) | HAS_BYTE(v, 0xC2) | HAS_BYTE(v, 0xE2)) != 0;
#undef HAS_BYTE
}

/* The next line break at or after byte 'i' of the 'n' at 'p': its offset
 * (n when there is none), and its length through 'blen'. */
static size_t next_break(const unsigned char *p, size_t n, size_t i, Syntax syntax, size_t *blen)
{
	for (;; i++) {
		while (i + 8 <= n && !may_break(p + i))
			i += 8;
		while (i < n && p[i] != '\n' && p[i] != '\r' && p[i] != 0xC2 && p[i] != 0xE2)
			i++;
		if (i >= n || (*blen = break_len(p + i, p + n, syntax)) > 0)
			return i;
	}
}

/* Indexes the lines of sf->text, in one pass into a heap array that is
 * then copied at its final size. */
static void index_lines(SrcFile *sf, Arena *a)
{
	const unsigned char *p = (const unsigned char *)sf->text;
	size_t n = sf->len, blen = 0, marks_cap = 0, cap = 1024, count = 0;
	size_t *starts = xmalloc(cap * sizeof *starts);
	size_t line = (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) ? 3 : 0;
	for (;;) {
		if (count == cap)
			starts = xrealloc(starts, (cap *= 2) * sizeof *starts);
		starts[count++] = line;
		size_t i = next_break(p, n, line, sf->syntax, &blen);
		if (i - line > SRCFILE_MARK_EVERY)
			add_marks(sf, a, &marks_cap, line, i - line);
		if (i >= n)
			break;
		line = i + blen;
	}
	sf->line_start = arena_alloc(a, count * sizeof *sf->line_start);
	memcpy(sf->line_start, starts, count * sizeof *starts);
	sf->nlines = count;
	free(starts);
}

/* Sets the text of 'sf' from 'len' bytes at 'text'; UTF-16 (after its
 * mark) is converted into the arena, anything else is used as it is when
 * 'in_place', else copied. */
static int set_text(SrcFile *sf, Arena *a, const char *text, size_t len, bool in_place)
{
	const unsigned char *u = (const unsigned char *)text;
	int rc = 0;
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		char *copy;
		if (from_utf16(a, u + 2, len - 2, u[0] == 0xFE, &copy, &sf->len) < 0) {
			rc = -1;
			copy = arena_strndup(a, "", 0);
			sf->len = 0;
		}
		sf->text = copy;
	} else {
		sf->text = in_place ? text : arena_strndup(a, text, len);
		sf->len = len;
	}
	return rc;
}

static int init(SrcFile *sf, Arena *a, const char *path, const char *text, size_t len,
		bool in_place)
{
	memset(sf, 0, sizeof *sf);
	sf->path = arena_strdup(a, path);
	int rc = set_text(sf, a, text, len, in_place);
	index_lines(sf, a);
	return rc;
}

int srcfile_init(SrcFile *sf, Arena *a, const char *path, const char *text, size_t len)
{
	return init(sf, a, path, text, len, false);
}

int srcfile_init_in_place(SrcFile *sf, Arena *a, const char *path, const char *text, size_t len)
{
	return init(sf, a, path, text, len, true);
}

/* Length of the line break that ends just before byte 'next', which starts
 * a line; 'start' is where the line before it starts. The forward scan of
 * index_lines() split the text there, taking the longest break, so the
 * longest break that fits is the one. */
static size_t break_before(const unsigned char *p, size_t start, size_t next, Syntax syntax)
{
	for (size_t k = 3; k > 1; k--)
		if (next - start >= k && break_len(p + next - k, p + next, syntax) == k)
			return k;
	return 1;
}

void srcfile_set_syntax(SrcFile *sf, Arena *a, Syntax syntax)
{
	if (sf->syntax == syntax)
		return;
	sf->syntax = syntax;
	sf->marks = NULL;       /* index_lines() makes them again */
	sf->nmarks = 0;
	index_lines(sf, a);
}

const char *srcfile_line(const SrcFile *sf, int line, size_t *len)
{
	if (!sf || line < 1 || (size_t)line > sf->nlines)
		return NULL;
	size_t start = sf->line_start[line - 1];
	size_t end = sf->len;
	if ((size_t)line < sf->nlines)
		end = sf->line_start[line] - break_before((const unsigned char *)sf->text, start,
							  sf->line_start[line], sf->syntax);
	*len = end - start;
	return sf->text + start;
}

/* ---- columns on long lines ---- */

/* Steps over the character at byte 'off' of the 'n' bytes at 's'. */
static size_t char_step(const char *s, size_t n, size_t off)
{
	size_t len = (size_t)utf8_seqlen((unsigned char)s[off]);
	return len > n - off ? 1 : len;
}

static void add_marks(SrcFile *sf, Arena *a, size_t *cap, size_t start, size_t n)
{
	const char *s = sf->text + start;
	size_t chars = 0;
	for (size_t off = 0; off < n; off += char_step(s, n, off), chars++)
		if (chars > 0 && chars % SRCFILE_MARK_EVERY == 0)
			ARENA_PUSH(a, sf->marks, sf->nmarks, *cap, start + off);
}

/* The index of the first mark at or after byte 'offset'. */
static size_t first_mark_from(const SrcFile *sf, size_t offset)
{
	size_t lo = 0, hi = sf->nmarks;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (sf->marks[mid] < offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Starts a walk to character 'chars' of line 'line' (of 'n' bytes at byte
 * 'start') from the last mark at or before it: its byte offset within the
 * line in '*off', its character number in '*at'. */
static void nearest_mark(const SrcFile *sf, size_t start, size_t n, size_t chars, size_t *off,
			 size_t *at)
{
	*off = *at = 0;
	if (n <= SRCFILE_MARK_EVERY || chars < SRCFILE_MARK_EVERY)
		return;
	size_t first = first_mark_from(sf, start);
	size_t past = first_mark_from(sf, start + n);   /* the line's marks: [first, past) */
	size_t want = chars / SRCFILE_MARK_EVERY;       /* mark k is character (k + 1) * EVERY */
	size_t k = want < past - first ? want : past - first;
	if (k == 0)
		return;
	*off = sf->marks[first + k - 1] - start;
	*at = k * SRCFILE_MARK_EVERY;
}

size_t srcfile_char_offset(const SrcFile *sf, int line, size_t chars)
{
	size_t n, off, at;
	const char *s = srcfile_line(sf, line, &n);
	if (!s)
		return 0;
	nearest_mark(sf, (size_t)(s - sf->text), n, chars, &off, &at);
	for (; at < chars && off < n; at++)
		off += char_step(s, n, off);
	return off;
}

size_t srcfile_line_chars(const SrcFile *sf, int line)
{
	size_t n, off, at;
	const char *s = srcfile_line(sf, line, &n);
	if (!s)
		return 0;
	nearest_mark(sf, (size_t)(s - sf->text), n, (size_t)-1, &off, &at);
	for (; off < n; at++)
		off += char_step(s, n, off);
	return at;
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
