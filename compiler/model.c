/* model.c - vocabularies and small helpers over the model (model.h). */
#include "model.h"

#include <string.h>

const char *const vocab_values[] = {
	"information", "pricing", "demonstration", "trial", "proof", "visit", "proposal",
	"negotiation", "onboarding", "training", "support", "left-alone", NULL
};
const char *const vocab_channels[] = {
	"web", "email", "phone", "video-call", "in-person", "event", "peer", "review-site",
	"social", "partner", "in-product", "chat", "print", NULL
};
const char *const vocab_phases[] = { "pre-purchase", "purchase", "post-purchase", NULL };
const char *const vocab_categories[] = { "impulse", "considered", "complex", NULL };
const char *const vocab_timelines[] = { "day", "week", "month", NULL };
const char *const vocab_priorities[] = { "high", "medium", "low", NULL };
const char *const vocab_statuses[] = { "published", "draft", "planned", "retired", NULL };

int vocab_find(const char *const *words, const char *word)
{
	for (int i = 0; words[i]; i++)
		if (strcmp(words[i], word) == 0)
			return i;
	return -1;
}

ValueSet model_seller_delivers(const SellerAction *sa)
{
	ValueSet v = sa->delivers;
	for (size_t i = 0; i < sa->uses.n; i++) {
		const Content *c = sa->uses.items[i].target;
		if (c)
			v |= c->delivers;
	}
	return v;
}

bool model_stage_left_alone(const Stage *st)
{
	return st->expects == (1u << VALUE_LEFT_ALONE);
}

static bool is_leap(long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

long model_parse_date(const char *s)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	long y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1970 || m < 1 || m > 12 || d < 1)
		return -1;
	if (d > mdays[m - 1] + (m == 2 && is_leap(y)))
		return -1;
	/* Days from civil (Howard Hinnant's algorithm), exact for the Gregorian calendar. */
	long yy = y - (m <= 2);
	long era = yy / 400;
	long yoe = yy - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}
