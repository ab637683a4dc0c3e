/* json.h - the one JSON writer, for every JSON output (json, sarif, gitlab).
 *
 * Base layer. Writes into a StrBuf with escaping done in one place
 * (escape.h), so no format can emit a stray control character or an
 * unpaired quote. Containers are laid out one member per line, except those
 * opened "inline", which (with everything inside them) go on one line:
 * short objects such as { "text": "..." } read better that way. Keys are
 * written in the order the caller gives them, so output is deterministic. */
#ifndef ROADMAPC_JSON_H
#define ROADMAPC_JSON_H

#include <stdbool.h>

#include "strbuf.h"

#define JSON_MAX_DEPTH 16

typedef struct Json {
	StrBuf *out;
	int depth;                      /* open containers */
	bool one_line[JSON_MAX_DEPTH];  /* container at this depth is inline */
	bool empty[JSON_MAX_DEPTH];     /* nothing written in it yet */
	char closer[JSON_MAX_DEPTH];
} Json;

void json_init(Json *j, StrBuf *out);

/* Opens an object ('{') or array ('[') as member 'key' of the innermost
 * object (key NULL inside an array or at the top). */
void json_open(Json *j, const char *key, char opener, bool one_line);
void json_close(Json *j);

void json_string(Json *j, const char *key, const char *value);
/* 'value' NULL writes null. */
void json_string_or_null(Json *j, const char *key, const char *value);
void json_int(Json *j, const char *key, long value);
void json_bool(Json *j, const char *key, bool value);
void json_null(Json *j, const char *key);
/* A ratio such as 0.8333 with at most four decimals (C locale). */
void json_ratio(Json *j, const char *key, double value);

#endif
