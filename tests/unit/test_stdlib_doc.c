/* test_stdlib_doc.c - docs/stdlib.md says what the stage templates say.
 *
 * The part of docs/stdlib.md between the templates markers is made from
 * the templates of stdlib/ as the compiler reads them (every stage, its
 * window, phase, expectations, channels, concerns, buyer actions and
 * questions), so the documentation cannot drift from the files
 * (doctext.h: UPDATE=1 rewrites it). */
#include "doctext.h"
#include "templates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DOCS "docs/stdlib.md"
#define BEGIN_MARK "<!-- templates:begin -->\n"
#define END_MARK "<!-- templates:end -->\n"

static const char *const unit_names[] = { "Days", "Weeks", "Months" };

/* One template: its description, a table of its stages, then each stage. */
static void template_text(StrBuf *sb, const Template *t, const Roadmap *rm)
{
	strbuf_printf(sb, "### `%s`\n\n*%s.*\n\n%s\n\n", t->name, t->summary, t->description);
	strbuf_printf(sb, "Category `%s`; windows in %ss.", vocab_categories[rm->category],
		      vocab_timelines[rm->timeline]);
	if (t->extends)
		strbuf_printf(sb, " Extends `%s`.", t->extends);
	strbuf_puts(sb, "\n\n");
	strbuf_puts(sb, "| stage | phase | when | expects | prefers |\n|---|---|---|---|---|\n");
	for (size_t i = 0; i < rm->nstages; i++) {
		const Stage *st = rm->stages[i];
		strbuf_printf(sb, "| `%s`: %s | %s | %g-%g | ", st->id, st->name,
			      vocab_phases[st->phase], st->when.start, st->when.end);
		doc_words(sb, st->expects, vocab_values, "nothing");
		strbuf_puts(sb, " | ");
		doc_words(sb, st->prefers, vocab_channels, "nothing");
		strbuf_puts(sb, " |\n");
	}
	for (size_t i = 0; i < rm->nstages; i++) {
		const Stage *st = rm->stages[i];
		strbuf_printf(sb, "\n#### `%s`: %s\n\n%s %g-%g, %s. Expects ", st->id, st->name,
			      unit_names[rm->timeline], st->when.start, st->when.end,
			      vocab_phases[st->phase]);
		doc_words(sb, st->expects, vocab_values, "nothing");
		strbuf_puts(sb, "; prefers ");
		doc_words(sb, st->prefers, vocab_channels, "nothing");
		strbuf_puts(sb, ".\n\nConcerns:\n\n");
		for (size_t j = 0; j < st->nconcerns; j++)
			strbuf_printf(sb, "- `%s`: %s\n", st->concerns[j]->id, st->concerns[j]->text);
		strbuf_puts(sb, "\nWhat the buyer does:\n\n");
		for (size_t j = 0; j < st->nactions; j++)
			strbuf_printf(sb, "- %s\n", st->actions[j]);
		strbuf_puts(sb, "\nQuestions:\n\n");
		for (size_t j = 0; j < st->nquestions; j++) {
			const Question *q = st->questions[j];
			strbuf_printf(sb, "- `%s`%s: %s\n", q->id,
				      q->priority == PRIORITY_HIGH ? " (high priority)" : "", q->ask);
		}
	}
}

static void add_template(const Template *t, const Roadmap *rm, void *data)
{
	StrBuf *sb = data;
	strbuf_puts(sb, sb->len ? "\n" : "");
	template_text(sb, t, rm);
}

TEST(docs_describe_every_template)
{
	StrBuf want = STRBUF_INIT;
	EXPECT(each_template(add_template, &want) >= 6);
	doc_expect_part(DOCS, BEGIN_MARK, END_MARK, &want);
	strbuf_free(&want);
}

int main(void)
{
	RUN(docs_describe_every_template);
	return HARNESS_RESULT();
}
