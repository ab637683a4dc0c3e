/* test_suggest.c - the "did you mean" suggester (compiler/suggest.c). */
#include "harness.h"
#include "suggest.h"

#include <stdint.h>
#include <string.h>

static size_t dist(const char *a, const char *b)
{
	return suggest_distance(a, strlen(a), b, strlen(b));
}

TEST(distance_basics)
{
	EXPECT(dist("", "") == 0);
	EXPECT(dist("abc", "abc") == 0);
	EXPECT(dist("", "abc") == 3);
	EXPECT(dist("abc", "") == 3);
	EXPECT(dist("questons", "questions") == 1);     /* deletion */
	EXPECT(dist("questionss", "questions") == 1);   /* insertion */
	EXPECT(dist("pricng", "pricing") == 1);
	EXPECT(dist("kitten", "sitting") == 3);
}

TEST(distance_transposition_is_one_edit)
{
	EXPECT(dist("qeustions", "questions") == 1);
	EXPECT(dist("ab", "ba") == 1);
	/* Optimal string alignment: a transposed pair is not edited again. */
	EXPECT(dist("ca", "abc") == 3);
}

TEST(distance_ignores_ascii_case)
{
	EXPECT(dist("Questions", "questions") == 0);
	EXPECT(dist("WEB", "web") == 0);
}

TEST(distance_refuses_long_words)
{
	char longw[SUGGEST_MAX_LEN + 2];
	memset(longw, 'a', sizeof longw - 1);
	longw[sizeof longw - 1] = '\0';
	EXPECT(suggest_distance(longw, strlen(longw), "a", 1) == SIZE_MAX);
	EXPECT(suggest_distance(longw, SUGGEST_MAX_LEN, "a", 1) == SUGGEST_MAX_LEN - 1);
}

TEST(distance_counts_bytes_past_nul)
{
	/* Scalars may hold NUL bytes; lengths, not strlen, decide. */
	EXPECT(suggest_distance("a\0b", 3, "ab", 2) == 1);
}

static const char *const keys[] = {
	"id", "name", "phase", "when", "expects", "prefers", "concerns", "actions",
	"questions", "ignore", NULL
};

TEST(suggests_close_keys)
{
	EXPECT_STR(suggest_word("questons", keys), "questions");
	EXPECT_STR(suggest_word("qeustions", keys), "questions");
	EXPECT_STR(suggest_word("nam", keys), "name");
	EXPECT_STR(suggest_word("Questions", keys), "questions");
	EXPECT_STR(suggest_word("expect", keys), "expects");
}

TEST(no_suggestion_when_far)
{
	EXPECT(suggest_word("banana", keys) == NULL);
	EXPECT(suggest_word("xyz", keys) == NULL);
	EXPECT(suggest_word("", keys) == NULL);
	/* A third of the length: 'abcdef' may differ by 2, not 3. */
	static const char *const w[] = { "abcxyz", NULL };
	EXPECT(suggest_word("abcdef", w) == NULL);
	static const char *const w2[] = { "abcdxy", NULL };
	EXPECT_STR(suggest_word("abcdef", w2), "abcdxy");
}

TEST(a_limit_keeps_only_close_spellings)
{
	Suggest s;
	suggest_init(&s, "spreadsheet", 11);
	suggest_add(&s, "spec-sheet");
	EXPECT_STR(suggest_result(&s), "spec-sheet");  /* a third of 11: 3 edits pass */
	suggest_init(&s, "spreadsheet", 11);
	suggest_limit(&s, 2);
	suggest_add(&s, "spec-sheet");
	EXPECT(suggest_result(&s) == NULL);
	suggest_add(&s, "spreadsheets");
	EXPECT_STR(suggest_result(&s), "spreadsheets");
	suggest_limit(&s, 9);                           /* never loosens */
	EXPECT(s.limit == 2);
}

TEST(never_suggests_the_word_itself)
{
	EXPECT(suggest_word("name", keys) == NULL);
}

TEST(prefix_ranks_below_spelling)
{
	static const char *const values[] = { "information", "pricing", "demonstration", NULL };
	EXPECT_STR(suggest_word("info", values), "information");
	EXPECT_STR(suggest_word("demo", values), "demonstration");
	/* Two letters are too few to call a prefix. */
	EXPECT(suggest_word("in", values) == NULL);
	/* A close spelling beats a prefix listed earlier. */
	static const char *const w[] = { "warning-levels", "warming", NULL };
	EXPECT_STR(suggest_word("warning", w), "warming");
}

TEST(ties_go_to_the_first_candidate)
{
	static const char *const ab[] = { "cat", "car", NULL };
	static const char *const ba[] = { "car", "cat", NULL };
	EXPECT_STR(suggest_word("cax", ab), "cat");
	EXPECT_STR(suggest_word("cax", ba), "car");
}

TEST(accumulator_matches_shorthand)
{
	Suggest s;
	suggest_init(&s, "supprots", 8);
	EXPECT(suggest_result(&s) == NULL);
	suggest_add(&s, "delivers");
	suggest_add(&s, "supports");
	suggest_add(&s, "support");
	EXPECT_STR(suggest_result(&s), "supports");
}

int main(void)
{
	RUN(distance_basics);
	RUN(distance_transposition_is_one_edit);
	RUN(distance_ignores_ascii_case);
	RUN(distance_refuses_long_words);
	RUN(distance_counts_bytes_past_nul);
	RUN(suggests_close_keys);
	RUN(no_suggestion_when_far);
	RUN(never_suggests_the_word_itself);
	RUN(prefix_ranks_below_spelling);
	RUN(ties_go_to_the_first_candidate);
	RUN(accumulator_matches_shorthand);
	RUN(a_limit_keeps_only_close_spellings);
	return HARNESS_RESULT();
}
