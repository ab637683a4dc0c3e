/* yaml2json.c - test tool: a YAML file as JSON, as roadmapc reads it.
 *
 * Usage: yaml2json FILE > FILE.json
 *
 * Converts through roadmapc's own YAML front end (YAML 1.2 core schema,
 * merge keys applied, aliases expanded), so the JSON is exactly what the
 * schema layer sees, and what editors that speak YAML 1.2 see: `yes` stays
 * text, `2026-05-01` stays a string, a quoted "1" stays text. The JSON
 * Schema suite (tests/suite_schema.sh) validates roadmaps with it.
 * Exit status: 0 converted; 1 the file has YAML errors (printed on stderr);
 * 2 usage or I/O error. */
#include "front_yaml.h"
#include "textio.h"

#include <stdio.h>
#include <stdlib.h>

/* A JSON string of the 'len' bytes at 's', NUL bytes included (escape.h
 * stops at the first NUL; roadmapc sees the whole text). */
static void string(StrBuf *out, const char *s, size_t len)
{
	strbuf_putc(out, '"');
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			strbuf_printf(out, "\\%c", c);
		else if (c < 0x20)
			strbuf_printf(out, "\\u%04x", c);
		else
			strbuf_putc(out, (char)c);
	}
	strbuf_putc(out, '"');
}

static void value(StrBuf *out, const Node *n)
{
	switch (n->kind) {
	case NODE_SCALAR:
		if (n->type == SCALAR_NULL)
			strbuf_puts(out, "null");
		else if (n->type == SCALAR_BOOL)
			strbuf_puts(out, n->boolean ? "true" : "false");
		else if (n->type == SCALAR_NUMBER)
			strbuf_printf(out, "%.17g", n->number);
		else
			string(out, n->str, n->len);
		break;
	case NODE_MAP:
		strbuf_putc(out, '{');
		for (size_t i = 0; i < n->npairs; i++) {
			if (i)
				strbuf_putc(out, ',');
			string(out, n->pairs[i].key->str, n->pairs[i].key->len);
			strbuf_putc(out, ':');
			value(out, n->pairs[i].value);
		}
		strbuf_putc(out, '}');
		break;
	case NODE_SEQ:
		strbuf_putc(out, '[');
		for (size_t i = 0; i < n->nitems; i++) {
			if (i)
				strbuf_putc(out, ',');
			value(out, n->items[i]);
		}
		strbuf_putc(out, ']');
		break;
	}
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: yaml2json FILE\n");
		return 2;
	}
	StrBuf err = STRBUF_INIT;
	size_t len;
	char *text = textio_read(argv[1], "YAML file", LIMITS_DEFAULT_FILE_SIZE, &len, &err);
	if (!text) {
		fprintf(stderr, "yaml2json: %s\n", strbuf_cstr(&err));
		return 2;
	}
	Arena a;
	arena_init(&a);
	DiagList dl;
	diag_init(&dl, &a);
	SrcFile sf;
	Limits lim = limits_default();
	FrontResult fr;
	int rc = 0;
	if (srcfile_init(&sf, &a, argv[1], text, len) < 0 ||
	    front_yaml_parse(&sf, &lim, &a, &dl, &fr) < 0 || diag_has_errors(&dl)) {
		for (size_t i = 0; i < dl.n; i++)
			fprintf(stderr, "%s:%d:%d: %s [%s]\n", argv[1], dl.items[i]->loc.line,
				dl.items[i]->loc.col, dl.items[i]->message, dl.items[i]->check);
		rc = 1;
	} else {
		StrBuf out = STRBUF_INIT;
		if (fr.root)
			value(&out, fr.root);
		else
			strbuf_puts(&out, "null");
		strbuf_putc(&out, '\n');
		fputs(strbuf_cstr(&out), stdout);
		strbuf_free(&out);
	}
	free(text);
	arena_free(&a);
	return rc;
}
