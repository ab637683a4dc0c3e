/* suggest.h - "did you mean ...?" for misspelled keys, words and ids.
 *
 * Used by the schema layer, resolution and the catalog to turn a near miss
 * into a help line. A candidate is suggested when its edit distance
 * (Damerau-Levenshtein, adjacent transpositions count as one edit, letters
 * compared without case) is at most a third of the word's length (at least
 * 1), or, failing that, when the word is a prefix of it of 3 letters or more
 * ("info" -> "information"). Among equals the candidate offered first wins,
 * so suggestions never depend on anything but the order of the candidates. */
#ifndef ROADMAPC_SUGGEST_H
#define ROADMAPC_SUGGEST_H

#include <stddef.h>

/* Words longer than this get no suggestion: nobody mistypes a paragraph,
 * and it keeps the distance computation small and bounded. */
#define SUGGEST_MAX_LEN 64

/* Optimal string alignment distance between 'a' and 'b', ASCII letters
 * compared without case; SIZE_MAX when either is longer than SUGGEST_MAX_LEN. */
size_t suggest_distance(const char *a, size_t alen, const char *b, size_t blen);

/* Accumulates the best candidate for one word. Strings are not copied: they
 * must outlive the Suggest. */
typedef struct Suggest {
	const char *word;
	size_t len;
	const char *best;       /* NULL until a candidate qualifies */
	size_t best_score;
	size_t limit;           /* most edits a suggestion may be away */
} Suggest;

void suggest_init(Suggest *s, const char *word, size_t len);
/* Suggests only candidates within 'max' edits (or prefixes), for words
 * where a looser match would mislabel: 'spreadsheet' is no 'spec-sheet'.
 * Call after suggest_init, before suggest_add. */
void suggest_limit(Suggest *s, size_t max);
void suggest_add(Suggest *s, const char *candidate);
/* The best candidate so far, or NULL. Never the word itself. */
const char *suggest_result(const Suggest *s);

/* Shorthand: the best of the NULL-terminated list 'candidates', or NULL. */
const char *suggest_word(const char *word, const char *const *candidates);

#endif
