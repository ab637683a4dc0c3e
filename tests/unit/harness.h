/* harness.h - a tiny unit-test harness for the small modules.
 *
 * Each test_*.c is its own program: TEST(name) { ... } blocks registered by
 * hand in main() with RUN(name). A failed EXPECT prints the expression and
 * its position; RUN prints "PASS: name" or "FAIL: name", the lines
 * tests/run.sh counts. */
#ifndef ROADMAPC_TEST_HARNESS_H
#define ROADMAPC_TEST_HARNESS_H

#include <stdio.h>
#include <string.h>

static int harness_failed;
static int harness_any_failed;

#define TEST(name) static void name(void)

#define EXPECT(cond)                                                                \
	do {                                                                        \
		if (!(cond)) {                                                      \
			printf("    %s:%d: expected %s\n", __FILE__, __LINE__, #cond);  \
			harness_failed = 1;                                         \
		}                                                                   \
	} while (0)

#define EXPECT_STR(got, want)                                                       \
	do {                                                                        \
		const char *g_ = (got), *w_ = (want);                               \
		if (!g_ || strcmp(g_, w_) != 0) {                                   \
			printf("    %s:%d: got \"%s\", expected \"%s\"\n", __FILE__,    \
			       __LINE__, g_ ? g_ : "(null)", w_);                    \
			harness_failed = 1;                                         \
		}                                                                   \
	} while (0)

#define RUN(name)                                                                   \
	do {                                                                        \
		harness_failed = 0;                                                 \
		name();                                                             \
		printf("%s: %s\n", harness_failed ? "FAIL" : "PASS", #name);        \
		harness_any_failed |= harness_failed;                               \
	} while (0)

#define HARNESS_RESULT() (harness_any_failed ? 1 : 0)

#endif
