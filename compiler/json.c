/* json.c - the pretty-printing JSON writer; see json.h. */
#include "json.h"
#include "alloc.h"
#include "escape.h"

#include <stdio.h>
#include <string.h>

void json_init(Json *j, StrBuf *out)
{
	memset(j, 0, sizeof *j);
	j->out = out;
}

/* Starts a member of the innermost container: separator, then "key": when
 * the container is an object. */
static void member(Json *j, const char *key)
{
	if (j->depth == 0)
		return;
	int d = j->depth - 1;
	if (j->one_line[d]) {
		strbuf_puts(j->out, j->empty[d] ? (j->closer[d] == '}' ? " " : "") : ", ");
	} else {
		strbuf_puts(j->out, j->empty[d] ? "\n" : ",\n");
		strbuf_put_spaces(j->out, 2 * (size_t)j->depth);
	}
	j->empty[d] = false;
	if (key) {
		escape_json(j->out, key);
		strbuf_puts(j->out, ": ");
	}
}

void json_open(Json *j, const char *key, char opener, bool one_line)
{
	ASSERT(j->depth < JSON_MAX_DEPTH);
	ASSERT(opener == '{' || opener == '[');
	member(j, key);
	strbuf_putc(j->out, opener);
	int d = j->depth++;
	j->one_line[d] = one_line || (d > 0 && j->one_line[d - 1]);
	j->empty[d] = true;
	j->closer[d] = opener == '{' ? '}' : ']';
}

void json_close(Json *j)
{
	ASSERT(j->depth > 0);
	int d = --j->depth;
	if (!j->empty[d]) {
		if (j->one_line[d])
			strbuf_puts(j->out, j->closer[d] == '}' ? " " : "");
		else {
			strbuf_putc(j->out, '\n');
			strbuf_put_spaces(j->out, 2 * (size_t)d);
		}
	}
	strbuf_putc(j->out, j->closer[d]);
	if (j->depth == 0)
		strbuf_putc(j->out, '\n');
}

void json_string(Json *j, const char *key, const char *value)
{
	member(j, key);
	escape_json(j->out, value);
}

void json_string_or_null(Json *j, const char *key, const char *value)
{
	if (value)
		json_string(j, key, value);
	else
		json_null(j, key);
}

void json_int(Json *j, const char *key, long value)
{
	member(j, key);
	strbuf_put_int(j->out, value);
}

void json_bool(Json *j, const char *key, bool value)
{
	member(j, key);
	strbuf_puts(j->out, value ? "true" : "false");
}

void json_null(Json *j, const char *key)
{
	member(j, key);
	strbuf_puts(j->out, "null");
}

void json_ratio(Json *j, const char *key, double value)
{
	char buf[32];
	/* Digits are formatted by hand around snprintf's integer output, so a
	 * locale with a decimal comma cannot reach the JSON. */
	long scaled = (long)(value * 10000.0 + 0.5);
	snprintf(buf, sizeof buf, "%ld.%04ld", scaled / 10000, scaled % 10000);
	size_t n = strlen(buf);
	while (n > 3 && buf[n - 1] == '0' && buf[n - 2] != '.')
		buf[--n] = '\0';
	member(j, key);
	strbuf_puts(j->out, buf);
}
