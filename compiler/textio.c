/* textio.c - bounded whole-file reads; see textio.h. */
#include "textio.h"
#include "alloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The reader behind both entry points; 'what' names the input in messages. */
static char *read_capped(const char *path, const char *what, size_t max, size_t *len,
			 int *truncated, StrBuf *err)
{
	bool std_in = strcmp(path, "-") == 0;
	const char *shown = std_in ? "<stdin>" : path;
	const char *sp = what ? " " : "";
	what = what ? what : "";
	FILE *f = std_in ? stdin : fopen(path, "rb");
	*truncated = 0;
	if (!f) {
		strbuf_printf(err, "cannot read %s%s'%s': %s", what, sp, shown, strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		strbuf_printf(err, "cannot read %s%s'%s': %s", what, sp, shown, strerror(EISDIR));
		if (!std_in)
			fclose(f);
		return NULL;
	}
	/* Start from the file's size when it has one, but never trust it:
	 * files grow, and devices report 0. */
	size_t cap = 4096, n = 0;
	if (S_ISREG(st.st_mode) && st.st_size > 0 && (unsigned long long)st.st_size < max)
		cap = (size_t)st.st_size + 1;
	char *buf = xmalloc(cap + 1);
	for (;;) {
		if (n == cap) {
			cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
			buf = xrealloc(buf, cap + 1);
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (n > max) {
			*truncated = 1;
			n = max + 1;
			break;
		}
		if (got == 0)
			break;
	}
	int failed = ferror(f), saved = errno;
	if (!std_in)
		fclose(f);
	if (failed) {
		free(buf);
		strbuf_printf(err, "cannot read %s%s'%s': %s", what, sp, shown,
			      strerror(saved ? saved : EIO));
		return NULL;
	}
	if (n + 1 < cap)        /* a pipe's buffer grew by doubling: give back the rest */
		buf = xrealloc(buf, n + 1);
	buf[n] = '\0';
	*len = n;
	return buf;
}

char *textio_read_capped(const char *path, size_t max, size_t *len, int *truncated, StrBuf *err)
{
	return read_capped(path, NULL, max, len, truncated, err);
}

char *textio_read(const char *path, const char *what, size_t max, size_t *len, StrBuf *err)
{
	int truncated;
	char *buf = read_capped(path, what, max, len, &truncated, err);
	if (buf && truncated) {
		free(buf);
		strbuf_printf(err, "%s%s'%s' is larger than the limit of %zu bytes", what ? what : "",
			      what ? " " : "", strcmp(path, "-") == 0 ? "<stdin>" : path, max);
		return NULL;
	}
	return buf;
}
