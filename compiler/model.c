/* model.c - vocabularies and small helpers over the model (model.h). */
#include "model.h"
#include "strbuf.h"

#include <string.h>

const char *const vocab_values[] = {
	"information", "pricing", "demonstration", "trial", "proof", "visit", "proposal",
	"negotiation", "onboarding", "training", "support", "left-alone", NULL
};
const char *const vocab_channels[] = {
	"web", "email", "phone", "video-call", "in-person", "event", "peer", "review-site",
	"social", "partner", "in-product", "chat", "print", "mobile-app", NULL
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
		const Content *c = sa->uses.items[i].target.content;
		if (c)
			v |= c->delivers;
	}
	return v;
}

bool model_stage_left_alone(const Stage *st)
{
	return st->expects == (1u << VALUE_LEFT_ALONE);
}

/* Channels by which a seller action reaches out to the buyer uninvited. */
static const ChannelSet REACH_OUT_CHANNELS = (1u << CHANNEL_PHONE) | (1u << CHANNEL_EMAIL) |
	(1u << CHANNEL_IN_PERSON) | (1u << CHANNEL_VIDEO_CALL);

bool model_channel_reaches_out(int channel)
{
	return channel >= 0 && (REACH_OUT_CHANNELS & (1u << channel)) != 0;
}

bool model_seller_reaches_out(const SellerAction *sa)
{
	return model_channel_reaches_out(sa->channel) ||
	       (model_seller_delivers(sa) & (1u << VALUE_VISIT)) != 0;
}

/* ---- words for people ---- */

const char *model_words(Arena *a, const char *const *vocab, unsigned set, const char *conj)
{
	size_t total = 0, seen = 0;
	for (int i = 0; vocab[i]; i++)
		total += (set >> i) & 1u;
	StrBuf sb = STRBUF_INIT;
	for (int i = 0; vocab[i]; i++) {
		if (!((set >> i) & 1u))
			continue;
		if (seen > 0)
			strbuf_puts(&sb, seen + 1 == total ? " " : ", ");
		if (seen > 0 && seen + 1 == total)
			strbuf_printf(&sb, "%s ", conj);
		strbuf_puts(&sb, vocab[i]);
		seen++;
	}
	const char *s = arena_strdup(a, strbuf_cstr(&sb));
	strbuf_free(&sb);
	return s;
}

static const char *const unit_singular[] = { "day", "week", "month" };
static const char *const unit_plural[] = { "days", "weeks", "months" };

const char *model_point_text(Arena *a, Timeline t, double x)
{
	ASSERT(t >= 0 && t < TIMELINE_COUNT);
	return arena_printf(a, "%s %g", unit_singular[t], x);
}

const char *model_window_text(Arena *a, Timeline t, const Window *w)
{
	ASSERT(t >= 0 && t < TIMELINE_COUNT);
	if (w->start == w->end)
		return model_point_text(a, t, w->start);
	return arena_printf(a, "%s %g-%g", unit_plural[t], w->start, w->end);
}

/* ---- subjects ---- */

Subject subject_value(int value)
{
	ASSERT(value >= 0 && value < VALUE_COUNT);
	return (Subject){ SUBJECT_VALUE, vocab_values[value] };
}

const Stage *subject_as_stage(Subject s)
{
	bool stage = s.kind == SUBJECT_STAGE || s.kind == SUBJECT_PROCESS_START ||
		     s.kind == SUBJECT_PROCESS_END;
	return stage ? s.item : NULL;
}

const Question *subject_as_question(Subject s)
{
	return s.kind == SUBJECT_QUESTION ? s.item : NULL;
}

const Concern *subject_as_concern(Subject s)
{
	return s.kind == SUBJECT_CONCERN ? s.item : NULL;
}

const SellerAction *subject_as_seller(Subject s)
{
	return s.kind == SUBJECT_SELLER ? s.item : NULL;
}

const Content *subject_as_content(Subject s)
{
	return s.kind == SUBJECT_CONTENT ? s.item : NULL;
}

/* The model is read-only after resolve except for Ignore.used; the casts
 * below are that one exception, made in one place. */
IgnoreList *subject_ignore_list(Subject s)
{
	switch (s.kind) {
	case SUBJECT_STAGE:
	case SUBJECT_PROCESS_START:
	case SUBJECT_PROCESS_END:
		return &((Stage *)s.item)->ignore;
	case SUBJECT_QUESTION: return &((Question *)s.item)->ignore;
	case SUBJECT_CONCERN: return &((Concern *)s.item)->ignore;
	case SUBJECT_SELLER: return &((SellerAction *)s.item)->ignore;
	case SUBJECT_CONTENT: return &((Content *)s.item)->ignore;
	default: return NULL;
	}
}

const Stage *subject_stage_of(Subject s)
{
	if (s.kind == SUBJECT_QUESTION)
		return ((const Question *)s.item)->stage;
	if (s.kind == SUBJECT_CONCERN)
		return ((const Concern *)s.item)->stage;
	return subject_as_stage(s);
}

/* "KIND:ID" of one subject, as a prefix and an id. */
static void name_parts(Subject s, const char **prefix, const char **id)
{
	*id = "";
	switch (s.kind) {
	case SUBJECT_NONE: *prefix = ""; break;
	case SUBJECT_ROADMAP: *prefix = "roadmap"; break;
	case SUBJECT_STAGE: *prefix = "stage:"; *id = ((const Stage *)s.item)->id; break;
	case SUBJECT_QUESTION: *prefix = "question:"; *id = ((const Question *)s.item)->id; break;
	case SUBJECT_CONCERN: *prefix = "concern:"; *id = ((const Concern *)s.item)->id; break;
	case SUBJECT_SELLER: *prefix = "seller:"; *id = ((const SellerAction *)s.item)->id; break;
	case SUBJECT_CONTENT: *prefix = "content:"; *id = ((const Content *)s.item)->id; break;
	case SUBJECT_VALUE: *prefix = "value:"; *id = (const char *)s.item; break;
	case SUBJECT_IGNORE: *prefix = "ignore:"; *id = ((const Ignore *)s.item)->check; break;
	case SUBJECT_PROCESS_START: *prefix = "process:start"; break;
	case SUBJECT_PROCESS_END: *prefix = "process:end"; break;
	case SUBJECT_TEXT: *prefix = "text:"; *id = ((const CutText *)s.item)->text; break;
	case SUBJECT_KEY: *prefix = "key:"; *id = (const char *)s.item; break;
	case SUBJECT_RULE_ITEM: *prefix = ""; *id = (const char *)s.item; break;
	}
}

/* Made for every finding: assembled straight into the arena. */
const char *model_item_name(Arena *a, Subject s, Subject o)
{
	const char *part[5] = { "", "", "", "", "" };
	name_parts(s, &part[0], &part[1]);
	if (o.kind != SUBJECT_NONE) {
		part[2] = ">";
		name_parts(o, &part[3], &part[4]);
	}
	size_t len[5], total = 0;
	for (int i = 0; i < 5; i++)
		total += len[i] = strlen(part[i]);
	char *name = arena_alloc(a, total + 1), *p = name;
	for (int i = 0; i < 5; i++) {
		memcpy(p, part[i], len[i]);
		p += len[i];
	}
	*p = '\0';
	return name;
}
