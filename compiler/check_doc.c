/* check_doc.c - what each built-in check finds, why it matters, how to fix it.
 *
 * Checks layer. The documentation of the built-in checks has one home,
 * docs/checks.md, which the Makefile embeds in the binary (checkdoc.inc,
 * made by compiler/gen/embed.c). `explain` prints a check's section of it,
 * `list-checks` its "Finds:" line, and the SARIF report its paragraphs, so
 * changing the wording of a check is one edit, in the docs. A section is:
 *
 *   ### NAME
 *   Default severity: SEVERITY [(NOTE)]      or "Severity: error, always (...)"
 *
 *   Finds: ...            (one paragraph each, wrapped)
 *   Why it matters: ...
 *   How to fix it: ...
 *
 *   Example:
 *   ```yaml file=NAME.yaml       (explain drops the file name)
 *   ```console                   (explain drops these: output for readers)
 */
#include "check.h"

#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverlength-strings"
#endif
static const struct {
	const char *name;
	const char *text;
	size_t len;
} embedded_docs[] = {
#include "checkdoc.inc"
};
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

/* The parsed sections, made on first use and kept for the whole run. */
static CheckDoc *docs;
static size_t ndocs;

/* A line of the document: start and length, without the newline. */
typedef struct Line {
	const char *s;
	size_t n;
} Line;

static bool starts(Line l, const char *prefix)
{
	size_t n = strlen(prefix);
	return l.n >= n && memcmp(l.s, prefix, n) == 0;
}

static char *dup_line(Line l)
{
	char *s = xmalloc(l.n + 1);
	memcpy(s, l.s, l.n);
	s[l.n] = '\0';
	return s;
}

/* The paragraph that starts with 'label' in lines [from, to), its lines
 * joined with spaces and without the label; NULL when there is none. */
static const char *paragraph(const Line *lines, size_t from, size_t to, const char *label)
{
	for (size_t i = from; i < to; i++) {
		if (!starts(lines[i], label))
			continue;
		StrBuf sb = STRBUF_INIT;
		strbuf_put(&sb, lines[i].s + strlen(label), lines[i].n - strlen(label));
		for (size_t k = i + 1; k < to && lines[k].n > 0; k++) {
			strbuf_putc(&sb, ' ');
			strbuf_put(&sb, lines[k].s, lines[k].n);
		}
		char *p = xstrdup(strbuf_cstr(&sb));
		strbuf_free(&sb);
		return p;
	}
	return NULL;
}

/* One "### NAME" section, lines [from, to) after its heading. */
static void parse_section(CheckDoc *d, Line heading, const Line *lines, size_t from, size_t to)
{
	d->name = dup_line((Line){ heading.s + 4, heading.n - 4 });
	StrBuf text = STRBUF_INIT, example = STRBUF_INIT;
	strbuf_printf(&text, "%s\n", d->name);
	bool fence = false, skip = false, in_example = false;
	size_t keep = text.len;         /* length without trailing blank lines */
	for (size_t i = from; i < to; i++) {
		Line l = lines[i];
		if (starts(l, "```")) {
			if (!fence) {
				fence = true;
				if (starts(l, "```console")) {
					skip = true;
					continue;
				}
				in_example = starts(l, "```yaml");
				if (in_example)
					l.n = 7;        /* "```yaml": the file name is for the docs' tests */
			} else {
				fence = false;
				in_example = false;
				if (skip) {
					skip = false;
					continue;
				}
			}
		} else if (in_example) {
			strbuf_put(&example, l.s, l.n);
			strbuf_putc(&example, '\n');
		}
		if (skip)
			continue;
		strbuf_put(&text, l.s, l.n);
		strbuf_putc(&text, '\n');
		if (l.n > 0)
			keep = text.len;
	}
	text.len = keep;
	text.data[keep] = '\0';
	d->text = xstrdup(strbuf_cstr(&text));
	d->example = example.len ? xstrdup(strbuf_cstr(&example)) : NULL;
	strbuf_free(&text);
	strbuf_free(&example);
	d->summary = paragraph(lines, from, to, "Finds: ");
	d->why = paragraph(lines, from, to, "Why it matters: ");
	d->fix = paragraph(lines, from, to, "How to fix it: ");
	/* "Default severity: warning (error when `category: complex`)" */
	for (size_t i = from; i < to; i++) {
		if (!starts(lines[i], "Default severity: "))
			continue;
		const char *open = memchr(lines[i].s, '(', lines[i].n);
		if (open && lines[i].s[lines[i].n - 1] == ')')
			d->severity_note = dup_line((Line){ open + 1, (size_t)(lines[i].s + lines[i].n - open - 2) });
		break;
	}
}

static void parse_docs(void)
{
	const char *text = embedded_docs[0].text, *end = text + embedded_docs[0].len;
	Line *lines = NULL;
	size_t n = 0, cap = 0;
	for (const char *p = text; p < end;) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		if (n == cap)
			lines = xrealloc(lines, (cap = cap ? 2 * cap : 512) * sizeof *lines);
		lines[n++] = (Line){ p, (size_t)(eol - p) };
		p = eol + 1;
	}
	/* The "### " headings under "## The checks", outside code fences. */
	bool fence = false, checks = false;
	size_t *heads = xmalloc((n + 1) * sizeof *heads), nheads = 0, stop = n;
	for (size_t i = 0; i < n; i++) {
		if (starts(lines[i], "```"))
			fence = !fence;
		if (fence)
			continue;
		if (starts(lines[i], "## ")) {
			if (checks) {
				stop = i;
				break;
			}
			checks = lines[i].n == strlen("## The checks") && starts(lines[i], "## The checks");
		} else if (checks && starts(lines[i], "### ")) {
			heads[nheads++] = i;
		}
	}
	docs = xcalloc(nheads ? nheads : 1, sizeof *docs);
	for (size_t h = 0; h < nheads; h++) {
		size_t to = h + 1 < nheads ? heads[h + 1] : stop;
		parse_section(&docs[ndocs++], lines[heads[h]], lines, heads[h] + 1, to);
	}
	free(heads);
	free(lines);
}

const CheckDoc *check_doc_find(const char *name)
{
	if (!docs)
		parse_docs();
	for (size_t i = 0; i < ndocs; i++)
		if (strcmp(docs[i].name, name) == 0)
			return &docs[i];
	return NULL;
}
