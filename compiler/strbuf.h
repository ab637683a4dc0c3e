/* strbuf.h - a growable byte buffer with printf-style append.
 *
 * Used by diagnostics and every report format to build output in memory; the
 * caller owns the buffer and releases it with strbuf_free(). The contents are
 * always NUL-terminated. */
#ifndef ROADMAPC_STRBUF_H
#define ROADMAPC_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct StrBuf {
	char *data;
	size_t len, cap;
} StrBuf;

#define STRBUF_INIT { NULL, 0, 0 }

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
/* Returns the NUL-terminated contents ("" when empty); valid until the next change. */
const char *strbuf_cstr(StrBuf *sb);
void strbuf_reset(StrBuf *sb);
void strbuf_free(StrBuf *sb);

#endif
