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

/* Appends "KIND:ID" for one subject. */
static void put_name(StrBuf *sb, Subject s)
{
	switch (s.kind) {
	case SUBJECT_NONE: break;
	case SUBJECT_ROADMAP: strbuf_puts(sb, "roadmap"); break;
	case SUBJECT_STAGE: strbuf_printf(sb, "stage:%s", ((const Stage *)s.item)->id); break;
	case SUBJECT_QUESTION: strbuf_printf(sb, "question:%s", ((const Question *)s.item)->id); break;
	case SUBJECT_CONCERN: strbuf_printf(sb, "concern:%s", ((const Concern *)s.item)->id); break;
	case SUBJECT_SELLER: strbuf_printf(sb, "seller:%s", ((const SellerAction *)s.item)->id); break;
	case SUBJECT_CONTENT: strbuf_printf(sb, "content:%s", ((const Content *)s.item)->id); break;
	case SUBJECT_VALUE: strbuf_printf(sb, "value:%s", (const char *)s.item); break;
	case SUBJECT_IGNORE: strbuf_printf(sb, "ignore:%s", ((const Ignore *)s.item)->check); break;
	case SUBJECT_PROCESS_START: strbuf_puts(sb, "process:start"); break;
	case SUBJECT_PROCESS_END: strbuf_puts(sb, "process:end"); break;
	case SUBJECT_TEXT: strbuf_printf(sb, "text:%s", ((const CutText *)s.item)->text); break;
	case SUBJECT_KEY: strbuf_printf(sb, "key:%s", (const char *)s.item); break;
	case SUBJECT_RULE_ITEM: strbuf_puts(sb, (const char *)s.item); break;
	}
}

const char *model_item_name(Arena *a, Subject s, Subject o)
{
	StrBuf sb = STRBUF_INIT;
	put_name(&sb, s);
	if (o.kind != SUBJECT_NONE) {
		strbuf_putc(&sb, '>');
		put_name(&sb, o);
	}
	const char *name = arena_strdup(a, strbuf_cstr(&sb));
	strbuf_free(&sb);
	return name;
}
