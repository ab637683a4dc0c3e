/* slug.h - text made into an id-like word: "What does it cost?" -> "what-does-it-cost".
 *
 * Base layer. Two callers need the same transformation: the schema suggests
 * an id for one written with capitals or spaces (`Need Analysis` ->
 * `need-analysis`), and resolve.c derives the id of a question or concern
 * written without one from its text, so that the id depends on that text
 * alone. The rule: ASCII letters in lower case, digits and '_' are kept; the
 * Latin-1 letters lose their accents ("É" -> "e", "ß" -> "ss"); every run of
 * anything else becomes one '-'; no '-' or '_' at the start, no '-' or '_'
 * at the end. */
#ifndef ROADMAPC_SLUG_H
#define ROADMAPC_SLUG_H

#include <stddef.h>

#include "strbuf.h"

/* Appends the slug of the 'len' bytes at 's' to 'out' (nothing when no
 * letter or digit is left). */
void slug_append(StrBuf *out, const char *s, size_t len);

#endif
