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
