/* strbuf.h - a growable byte buffer with printf-style append.
 *
 * Used by diagnostics and every report format to build output in memory; the
 * caller owns the buffer and releases it with strbuf_free(). The contents are
 * always NUL-terminated. */
#ifndef ROADMAPC_STRBUF_H
#define ROADMAPC_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

/* Where a streaming buffer's contents go (strbuf_flush): 'write' takes
 * the bytes and returns 0, or -1, after which the sink says it failed. */
typedef struct StrBufSink {
	int (*write)(void *ctx, const char *data, size_t len);
	void *ctx;
} StrBufSink;

typedef struct StrBuf {
	char *data;
	size_t len, cap;
	/* When set, the contents go to the sink whenever they pass
	 * STRBUF_FLUSH_AT bytes, and at strbuf_flush(): a report is written
	 * as it is made instead of held whole. Text already flushed cannot be
	 * read back, so only writers that never look back stream. */
	const StrBufSink *sink;
} StrBuf;

#define STRBUF_INIT { NULL, 0, 0, NULL }
#define STRBUF_FLUSH_AT (64 * 1024)

void strbuf_put(StrBuf *sb, const char *s, size_t n);
void strbuf_puts(StrBuf *sb, const char *s);
void strbuf_putc(StrBuf *sb, char c);
/* 'n' spaces; a whole number in decimal (no printf: reports write many). */
void strbuf_put_spaces(StrBuf *sb, size_t n);
void strbuf_put_uint(StrBuf *sb, unsigned long long v);
void strbuf_put_int(StrBuf *sb, long long v);
void strbuf_printf(StrBuf *sb, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
void strbuf_vprintf(StrBuf *sb, const char *fmt, va_list ap)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 0)))
#endif
	;
/* Sends the contents to the sink, if any, and empties the buffer. Returns
 * 0, or -1 when the sink failed (now or before). */
int strbuf_flush(StrBuf *sb);
/* Returns the NUL-terminated contents ("" when empty); valid until the next
 * change. With a sink, only what has not been flushed yet. */
const char *strbuf_cstr(StrBuf *sb);
void strbuf_reset(StrBuf *sb);
void strbuf_free(StrBuf *sb);

#endif
