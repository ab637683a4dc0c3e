/* strbuf.c - growable byte buffer; see strbuf.h. */
#include "strbuf.h"
#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void reserve(StrBuf *sb, size_t extra)
{
	if (sb->len + extra + 1 <= sb->cap)
		return;
	size_t cap = sb->cap ? sb->cap : 64;
	while (cap < sb->len + extra + 1)
		cap *= 2;
	sb->data = xrealloc(sb->data, cap);
	sb->cap = cap;
}

int strbuf_flush(StrBuf *sb)
{
	if (!sb->sink)
		return 0;
	int rc = sb->len ? sb->sink->write(sb->sink->ctx, sb->data, sb->len) : 0;
	strbuf_reset(sb);
	return rc;
}

/* After every append: a streaming buffer that grew past the mark flushes. */
static inline void maybe_flush(StrBuf *sb)
{
	if (sb->sink && sb->len >= STRBUF_FLUSH_AT)
		strbuf_flush(sb);
}

void strbuf_put(StrBuf *sb, const char *s, size_t n)
{
	reserve(sb, n);
	if (n)
		memcpy(sb->data + sb->len, s, n);
	sb->len += n;
	sb->data[sb->len] = '\0';
	maybe_flush(sb);
}

void strbuf_puts(StrBuf *sb, const char *s) { strbuf_put(sb, s, strlen(s)); }

void strbuf_putc(StrBuf *sb, char c)
{
	if (sb->len + 2 > sb->cap)
		reserve(sb, 1);
	sb->data[sb->len++] = c;
	sb->data[sb->len] = '\0';
	maybe_flush(sb);
}

void strbuf_put_spaces(StrBuf *sb, size_t n)
{
	reserve(sb, n);
	memset(sb->data + sb->len, ' ', n);
	sb->len += n;
	sb->data[sb->len] = '\0';
	maybe_flush(sb);
}

void strbuf_put_uint(StrBuf *sb, unsigned long long v)
{
	char buf[24], *p = buf + sizeof buf;
	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	strbuf_put(sb, p, (size_t)(buf + sizeof buf - p));
}

void strbuf_put_int(StrBuf *sb, long long v)
{
	if (v < 0) {
		strbuf_putc(sb, '-');
		strbuf_put_uint(sb, 0ull - (unsigned long long)v);
	} else {
		strbuf_put_uint(sb, (unsigned long long)v);
	}
}

/* One formatting pass when the text fits in the room left, which it
 * nearly always does once the buffer has grown; a second one when not. */
void strbuf_vprintf(StrBuf *sb, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	reserve(sb, 64);
	size_t room = sb->cap - sb->len;
	int n = vsnprintf(sb->data + sb->len, room, fmt, ap2);
	va_end(ap2);
	ASSERT(n >= 0);
	if ((size_t)n >= room) {
		reserve(sb, (size_t)n);
		vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
	}
	sb->len += (size_t)n;
	maybe_flush(sb);
}

void strbuf_printf(StrBuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	strbuf_vprintf(sb, fmt, ap);
	va_end(ap);
}

const char *strbuf_cstr(StrBuf *sb) { return sb->data ? sb->data : ""; }

void strbuf_reset(StrBuf *sb)
{
	sb->len = 0;
	if (sb->data)
		sb->data[0] = '\0';
}

void strbuf_free(StrBuf *sb)
{
	free(sb->data);
	sb->data = NULL;
	sb->len = sb->cap = 0;
}
