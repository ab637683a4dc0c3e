/* doctext.h - parts of the documentation made from the stdlib, for tests.
 *
 * docs/stdlib.md holds tables and sections made from stdlib/ files (the
 * catalog, the templates); the tests that make them compare them with the
 * document between two marker lines. On a mismatch the test fails and
 * prints the first differing line; with UPDATE=1 in the environment it
 * rewrites the part instead (review the diff). Tests run from the
 * repository root, as tests/run.sh does. */
#ifndef ROADMAPC_TEST_DOCTEXT_H
#define ROADMAPC_TEST_DOCTEXT_H

#include "harness.h"
#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "a, b" from a bit set over a NULL-terminated vocabulary; 'none' when empty. */
static void doc_words(StrBuf *sb, unsigned set, const char *const *words, const char *none)
{
	int any = 0;
	for (int i = 0; words[i]; i++) {
		if (set & (1u << i)) {
			strbuf_printf(sb, "%s%s", any ? ", " : "", words[i]);
			any = 1;
		}
	}
	if (!any)
		strbuf_puts(sb, none);
}

static char *doc_slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	StrBuf sb = STRBUF_INIT;
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_put(&sb, buf, n);
	fclose(f);
	char *s = strdup(strbuf_cstr(&sb));
	strbuf_free(&sb);
	return s;
}

/* Prints the first line where 'got' and 'want' differ. */
static void doc_first_difference(const char *path, const char *got, const char *want)
{
	int line = 1;
	while (*got && *got == *want) {
		line += *got == '\n';
		got++, want++;
	}
	while (line > 1 && got[-1] != '\n')
		got--, want--;
	printf("    %s, generated part, line %d:\n      has:    %.*s\n      should: %.*s\n", path,
	       line, (int)strcspn(got, "\n"), got, (int)strcspn(want, "\n"), want);
	printf("    with UPDATE=1 in the environment, the test rewrites it\n");
}

/* EXPECTs that the text of 'path' between the lines 'begin' and 'end'
 * (each with its newline) is 'want'; rewrites it under UPDATE=1. */
static void doc_expect_part(const char *path, const char *begin, const char *end,
			    const StrBuf *want)
{
	char *doc = doc_slurp(path);
	EXPECT(doc != NULL);
	char *b = doc ? strstr(doc, begin) : NULL;
	char *e = b ? strstr(b, end) : NULL;
	EXPECT(b && e);
	if (b && e) {
		b += strlen(begin);
		size_t len = (size_t)(e - b);
		int same = len == want->len && memcmp(b, want->data, len) == 0;
		const char *update = getenv("UPDATE");
		if (!same && update && strcmp(update, "1") == 0) {
			FILE *f = fopen(path, "wb");
			EXPECT(f != NULL);
			if (f) {
				fwrite(doc, 1, (size_t)(b - doc), f);
				fwrite(want->data, 1, want->len, f);
				fputs(e, f);
				EXPECT(fclose(f) == 0);
				printf("    rewrote the generated part of %s\n", path);
			}
		} else if (!same) {
			b[len] = '\0';
			doc_first_difference(path, b, want->data ? want->data : "");
			EXPECT(same);
		}
	}
	free(doc);
}

#endif
