/* stdlib_files.c - the embedded standard library and the directory search.
 *
 * Sits beside the front ends: catalog.c (and later the template and rule
 * loaders) ask here for a stdlib file by name. The table below is generated
 * by the Makefile (compiler/gen/embed.c) from every stdlib/ file, in name
 * order, so the binary carries its stdlib and needs no installation. */
#include "stdlib_files.h"
#include "alloc.h"
#include "limits.h"
#include "textio.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The embedded files are long string literals; ISO C only promises 4095
 * characters per literal, which GCC and Clang exceed without trouble, so
 * -Woverlength-strings (part of -Wpedantic) says nothing useful here. */
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverlength-strings"
#endif
static const StdlibFile embedded[] = {
#include "stdlib.inc"
	{ NULL, NULL, 0 }       /* sentinel: keeps the table valid if stdlib/ is empty */
};
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#define NEMBEDDED (sizeof embedded / sizeof *embedded - 1)

const StdlibFile *stdlib_find(const char *name)
{
	for (const StdlibFile *f = embedded; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

const StdlibFile *stdlib_files(size_t *n)
{
	*n = NEMBEDDED;
	return embedded;
}

const StdlibFile *stdlib_find_template(const char *name)
{
	char file[256];
	int n = snprintf(file, sizeof file, "%s.yaml", name);
	if (n < 0 || (size_t)n >= sizeof file || strcmp(file, STDLIB_CATALOG) == 0)
		return NULL;
	return stdlib_find(file);
}

/* Reads the regular file 'path' into the arena, at most 'max' bytes; -1
 * when it is not a regular file or cannot be read, with a message in 'err'
 * when it exists but is unreadable or too big. */
static int read_file(const char *path, size_t max, Arena *a, char **text, size_t *len, StrBuf *err)
{
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return -1;
	char *buf = textio_read(path, "stdlib file", max, len, err);
	if (!buf)
		return -1;
	*text = arena_strndup(a, buf, *len);
	free(buf);
	return 0;
}

int stdlib_load(const char *name, const char *const *dirs, size_t ndirs, Arena *a,
		StdlibText *out, StrBuf *err)
{
	for (size_t i = 0; i < ndirs; i++) {
		size_t dlen = strlen(dirs[i]);
		if (dlen == 0)
			continue;       /* an empty ROADMAPC_PATH entry means nothing */
		const char *sep = dirs[i][dlen - 1] == '/' ? "" : "/";
		char *path = arena_printf(a, "%s%s%s", dirs[i], sep, name);
		char *text;
		size_t len;
		size_t before = err->len;
		if (read_file(path, LIMITS_DEFAULT_FILE_SIZE, a, &text, &len, err) == 0) {
			out->path = path;
			out->text = text;
			out->len = len;
			out->embedded = false;
			return 0;
		}
		if (err->len > before)
			return -2;      /* there, but unreadable or too big: say so */
	}
	const StdlibFile *f = stdlib_find(name);
	if (!f)
		return -1;
	out->path = arena_printf(a, "<builtin>/%s", name);
	out->text = f->text;
	out->len = f->len;
	out->embedded = true;
	return 0;
}
