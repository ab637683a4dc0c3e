/* suggest.c - nearest-word suggestions for diagnostics; see suggest.h.
 *
 * Input words come from untrusted files, so the distance is computed only for
 * words of at most SUGGEST_MAX_LEN bytes, in fixed-size rows on the stack. */
#include "suggest.h"

#include <stdint.h>
#include <string.h>

static unsigned char fold(char c)
{
	unsigned char u = (unsigned char)c;
	return (u >= 'A' && u <= 'Z') ? (unsigned char)(u - 'A' + 'a') : u;
}

static size_t min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;
	return m < c ? m : c;
}

size_t suggest_distance(const char *a, size_t alen, const char *b, size_t blen)
{
	/* Three rows of the classic dynamic programme: the current one, the
	 * previous one and the one before it (for transpositions). */
	size_t rows[3][SUGGEST_MAX_LEN + 1];
	size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2];

	if (alen > SUGGEST_MAX_LEN || blen > SUGGEST_MAX_LEN)
		return SIZE_MAX;
	for (size_t j = 0; j <= blen; j++)
		prev[j] = j;
	for (size_t i = 1; i <= alen; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= blen; j++) {
			size_t cost = fold(a[i - 1]) != fold(b[j - 1]);
			cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
			if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) &&
			    fold(a[i - 2]) == fold(b[j - 1]) && prev2[j - 2] + 1 < cur[j])
				cur[j] = prev2[j - 2] + 1;
		}
		size_t *t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[blen];
}

void suggest_init(Suggest *s, const char *word, size_t len)
{
	s->word = word;
	s->len = len;
	s->best = NULL;
	s->best_score = SIZE_MAX;
	s->limit = len / 3 > 1 ? len / 3 : 1;
}

void suggest_limit(Suggest *s, size_t max)
{
	if (max < s->limit)
		s->limit = max;
}

static int is_prefix_nocase(const char *word, size_t len, const char *cand, size_t clen)
{
	if (len > clen)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (fold(word[i]) != fold(cand[i]))
			return 0;
	return 1;
}

void suggest_add(Suggest *s, const char *candidate)
{
	size_t clen = strlen(candidate);
	size_t limit = s->limit;
	size_t score;

	if (clen == s->len && memcmp(candidate, s->word, clen) == 0)
		return;                 /* the word itself is no suggestion */
	/* The distance is at least the difference in length: most candidates
	 * are ruled out without running the dynamic programme. */
	size_t diff = clen > s->len ? clen - s->len : s->len - clen;
	size_t d = diff <= limit ? suggest_distance(s->word, s->len, candidate, clen) : SIZE_MAX;
	if (d <= limit)
		score = d;
	else if (s->len >= 3 && is_prefix_nocase(s->word, s->len, candidate, clen))
		score = limit + 1;      /* a prefix ranks below every close spelling */
	else
		return;
	if (score < s->best_score) {    /* strictly: the first of equals wins */
		s->best = candidate;
		s->best_score = score;
	}
}

const char *suggest_result(const Suggest *s)
{
	return s->best;
}

const char *suggest_word(const char *word, const char *const *candidates)
{
	Suggest s;
	suggest_init(&s, word, strlen(word));
	for (size_t i = 0; candidates[i]; i++)
		suggest_add(&s, candidates[i]);
	return suggest_result(&s);
}
