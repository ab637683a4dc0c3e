/* number.h - decimal numbers in text, read the same way everywhere.
 *
 * Base layer. Roadmaps write numbers as plain decimals (`roadmap: 1`,
 * `when: 0.5-2`); the YAML front end types a scalar as a number with
 * number_parse(), and the schema reads `when` ranges with number_scan().
 * Parsed by hand: strtod would follow the locale's decimal separator. */
#ifndef ROADMAPC_NUMBER_H
#define ROADMAPC_NUMBER_H

#include <stdbool.h>
#include <stddef.h>

/* Reads -?digits(.digits)? (at most 15 digits, so it is exact in a double)
 * at '*p', before 'end', advancing '*p'; false (and '*p' unchanged) when
 * there is none. */
bool number_scan(const char **p, const char *end, double *out);

/* True when all 'len' bytes of 's' are one such number. */
bool number_parse(const char *s, size_t len, double *out);

#endif
