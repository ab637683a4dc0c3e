/* starter.c - the starter roadmap of `roadmapc init`; see starter.h.
 *
 * Outputs layer: reads a resolved roadmap that extends the template (the
 * driver makes one), writes text. The two syntaxes share the words and the
 * layout; only the comment marker and the way values are written differ.
 * Text from the template (names, questions) only ever goes into comments,
 * made one line each, so no template can change what the starter says. */
#include "starter.h"

#include <stdio.h>
#include <string.h>

#define WIDTH 78                /* the comments' right margin */

typedef struct Style {
	const char *mark;       /* "#" or "--" */
} Style;

static const Style yaml_style = { "#" };
static const Style lua_style = { "--" };

/* Appends 'n' bytes of 's' with every control character (a line break in
 * a template's text) made a space, so it stays inside one comment line. */
static void put_flat(StrBuf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		strbuf_putc(out, (unsigned char)s[i] < 0x20 || s[i] == 0x7F ? ' ' : s[i]);
}

/* 'text' as comment lines starting with 'indent', the marker and a space,
 * broken between words before WIDTH. */
static void comment(StrBuf *out, const Style *st, const char *indent, const char *text)
{
	size_t lead = strlen(indent) + strlen(st->mark) + 1;
	const char *p = text;
	do {
		while (*p == ' ')
			p++;
		size_t room = WIDTH > lead ? WIDTH - lead : 20, n = strlen(p);
		if (n > room) {
			size_t cut = room;
			while (cut > 0 && p[cut] != ' ')
				cut--;
			n = cut ? cut : room;
		}
		strbuf_printf(out, "%s%s%s", indent, st->mark, n ? " " : "");
		put_flat(out, p, n);
		strbuf_putc(out, '\n');
		p += n;
	} while (*p);
}

/* A comment line written as is (already laid out). */
static void line(StrBuf *out, const Style *st, const char *indent, const char *text)
{
	strbuf_printf(out, "%s%s%s", indent, st->mark, *text ? " " : "");
	put_flat(out, text, strlen(text));
	strbuf_putc(out, '\n');
}

/* "web, peer" */
static void put_words(StrBuf *out, unsigned set, const char *const *words)
{
	int any = 0;
	for (int i = 0; words[i]; i++)
		if (set & (1u << i))
			strbuf_printf(out, "%s%s", any++ ? ", " : "", words[i]);
	if (!any)
		strbuf_puts(out, "nothing said");
}

static int first_word(unsigned set)
{
	for (int i = 0; i < 32; i++)
		if (set & (1u << i))
			return i;
	return -1;
}

static const char *const units[] = { "days", "weeks", "months" };

/* "Recognise the need: weeks 0-1, pre-purchase; expects information;
 * prefers web, peer." */
static void stage_summary(StrBuf *sb, const Roadmap *rm, const Stage *st)
{
	strbuf_puts(sb, st->name);
	if (st->when.set)
		strbuf_printf(sb, ": %s %g-%g,", units[rm->timeline], st->when.start, st->when.end);
	else
		strbuf_puts(sb, ":");
	strbuf_printf(sb, " %s; expects ", vocab_phases[st->phase]);
	put_words(sb, st->expects, vocab_values);
	strbuf_puts(sb, "; prefers ");
	put_words(sb, st->prefers, vocab_channels);
	strbuf_puts(sb, ".");
}

/* The comments at the top of the file. */
static void intro(StrBuf *out, const Style *st, const Starter *s)
{
	StrBuf sb = STRBUF_INIT;
	strbuf_printf(&sb, "%s - a buying-process roadmap, started from the stage template '%s'%s%s%s",
		      s->file, s->template_name, *s->summary ? ": " : "", s->summary,
		      *s->summary ? "." : ".");
	comment(out, st, "", strbuf_cstr(&sb));
	strbuf_free(&sb);
	line(out, st, "", "");
	comment(out, st, "",
		"The template gives the stages below, and at each stage the questions buyers "
		"typically ask there. Find out from real customers which of them they asked, "
		"what answer satisfied them and where they found it. Write that answer here, "
		"with the content that delivers it, and add what your company does at each "
		"stage under 'seller'. Then check the roadmap: every finding is a gap to close, "
		"and 'roadmapc explain CHECK' says how to close it.");
	line(out, st, "", "");
	sb = (StrBuf)STRBUF_INIT;
	strbuf_printf(&sb, "  roadmapc check %s", s->file);
	line(out, st, "", strbuf_cstr(&sb));
	strbuf_free(&sb);
}

/* What the template says of stage 'stg', as comments: its summary, its
 * concerns and its questions by id, ready to be answered. */
static void stage_comments(StrBuf *out, const Style *st, const char *indent, const Roadmap *rm,
			   const Stage *stg)
{
	StrBuf sb = STRBUF_INIT;
	stage_summary(&sb, rm, stg);
	strbuf_putc(out, '\n');
	comment(out, st, indent, strbuf_cstr(&sb));
	if (stg->nconcerns)
		line(out, st, indent, "Concerns, by id:");
	for (size_t i = 0; i < stg->nconcerns; i++) {
		strbuf_reset(&sb);
		strbuf_printf(&sb, "  %s: %s", stg->concerns[i]->id, stg->concerns[i]->text);
		line(out, st, indent, strbuf_cstr(&sb));
	}
	if (stg->nquestions)
		line(out, st, indent, "Questions, by id:");
	for (size_t i = 0; i < stg->nquestions; i++) {
		const Question *q = stg->questions[i];
		strbuf_reset(&sb);
		strbuf_printf(&sb, "  %s: %s%s", q->id, q->ask,
			      q->priority == PRIORITY_HIGH ? " (high priority)" : "");
		line(out, st, indent, strbuf_cstr(&sb));
	}
	strbuf_free(&sb);
}

/* A field of a commented example item, in both syntaxes. */
typedef struct Field {
	const char *key;
	char yaml[96], lua[96];
} Field;

/* The example seller action, from what the first stage wants: its window,
 * the first value it expects and the first channel it prefers. */
static size_t seller_fields(const Stage *first, Field *f)
{
	size_t n = 0;
	int value = first_word(first->expects), channel = first_word(first->prefers);
	f[n] = (Field){ "owner", "marketing", "\"marketing\"" };
	n++;
	if (first->when.set) {
		f[n].key = "when";
		snprintf(f[n].yaml, sizeof f[n].yaml, "%g-%g", first->when.start, first->when.end);
		snprintf(f[n].lua, sizeof f[n].lua, "{%g, %g}", first->when.start, first->when.end);
		n++;
	}
	f[n].key = "supports";
	snprintf(f[n].yaml, sizeof f[n].yaml, "[%s]", first->id);
	snprintf(f[n].lua, sizeof f[n].lua, "{\"%s\"}", first->id);
	n++;
	if (value >= 0) {
		f[n].key = "delivers";
		snprintf(f[n].yaml, sizeof f[n].yaml, "[%s]", vocab_values[value]);
		snprintf(f[n].lua, sizeof f[n].lua, "\"%s\"", vocab_values[value]);
		n++;
	}
	f[n] = (Field){ "uses", "[buyer-guide]", "{\"buyer-guide\"}" };
	n++;
	if (channel >= 0) {
		f[n].key = "channel";
		snprintf(f[n].yaml, sizeof f[n].yaml, "%s", vocab_channels[channel]);
		snprintf(f[n].lua, sizeof f[n].lua, "\"%s\"", vocab_channels[channel]);
		n++;
	}
	return n;
}

static const Field content_fields[] = {
	{ "title", "How to choose a solution like ours", "\"How to choose a solution like ours\"" },
	{ "type", "buyer-guide", "\"buyer-guide\"" },
	{ "owner", "product-marketing", "\"product-marketing\"" },
	{ "url", "https://example.com/buyer-guide", "\"https://example.com/buyer-guide\"" },
};

/* A commented example item 'kind' ("seller", "content") called 'id', after
 * a line saying what it is: in YAML an entry of the list the caller has
 * opened, in Lua a DSL call. */
static void example(StrBuf *out, const Style *st, const char *what, const char *kind,
		    const char *id, const Field *f, size_t n)
{
	bool lua = st == &lua_style;
	const char *indent = lua ? "" : "  ";
	StrBuf sb = STRBUF_INIT;
	comment(out, st, indent, what);
	line(out, st, indent, "");
	if (lua)
		strbuf_printf(&sb, "%s \"%s\" {", kind, id);
	else
		strbuf_printf(&sb, "- id: %s", id);
	line(out, st, indent, strbuf_cstr(&sb));
	for (size_t i = 0; i < n; i++) {
		strbuf_reset(&sb);
		if (lua)
			strbuf_printf(&sb, "  %s = %s,", f[i].key, f[i].lua);
		else
			strbuf_printf(&sb, "  %s: %s", f[i].key, f[i].yaml);
		line(out, st, indent, strbuf_cstr(&sb));
	}
	if (lua)
		line(out, st, indent, "}");
	strbuf_free(&sb);
}

static void examples(StrBuf *out, const Style *st, const Roadmap *rm)
{
	bool lua = st == &lua_style;
	strbuf_puts(out, lua ? "\n" : "\nseller:\n");
	if (rm->nstages) {
		Field f[8];
		size_t n = seller_fields(rm->stages[0], f);
		example(out, st, "What your company does, when, and for which stages. For example:",
			"seller", "buyer-guide-campaign", f, n);
	}
	strbuf_puts(out, lua ? "\n" : "\ncontent:\n");
	example(out, st, "The content that delivers the answers, and who keeps it current "
		"('roadmapc schema' lists the types). For example:", "content", "buyer-guide",
		content_fields, sizeof content_fields / sizeof *content_fields);
}

/* ==== YAML ==== */

void starter_yaml(const Starter *s, StrBuf *out)
{
	const Roadmap *rm = s->rm;
	const Style *st = &yaml_style;
	/* yaml-language-server (VS Code, Neovim, ...) reads this line. */
	strbuf_puts(out, "# yaml-language-server: $schema=roadmap.schema.json\n#\n");
	intro(out, st, s);
	line(out, st, "", "");
	comment(out, st, "",
		"For completion and checking as you type, save the schema next to this file "
		"once: roadmapc schema > roadmap.schema.json");
	strbuf_printf(out,
		      "\nroadmap: 1\n"
		      "product: Your product            # the product this roadmap is for\n"
		      "segment: Your customers          # who buys it: one roadmap per segment\n"
		      "category: %-22s # impulse | considered | complex: how hard they look\n"
		      "# critical_characteristic: the one thing that makes these customers buy\n"
		      "extends: %-23s # 'roadmapc list-templates' lists the templates\n",
		      vocab_categories[rm->category], s->template_name);

	strbuf_puts(out, "\nstages:\n");
	comment(out, st, "  ",
		"Each stage below merges into the template's stage of the same id. Answer an "
		"inherited question by its id; drop one your buyers never ask with 'omit: "
		"REASON'; add questions of your own; add a stage with 'after: STAGE-ID'. "
		"The first stage shows how.");
	for (size_t i = 0; i < rm->nstages; i++) {
		const Stage *stg = rm->stages[i];
		stage_comments(out, st, "  ", rm, stg);
		strbuf_printf(out, "  - id: %s\n", stg->id);
		if (i > 0 || !stg->nquestions)
			continue;
		const Question *q = stg->questions[0], *last = stg->questions[stg->nquestions - 1];
		StrBuf sb = STRBUF_INIT;
		line(out, st, "    ", "questions:");
		strbuf_printf(&sb, "  - id: %s", q->id);
		line(out, st, "    ", strbuf_cstr(&sb));
		line(out, st, "    ", "    answer: What settled it for your customers, in their words");
		line(out, st, "    ", "    content: [buyer-guide]     # an id under 'content'");
		if (last != q) {
			strbuf_reset(&sb);
			strbuf_printf(&sb, "  - id: %s", last->id);
			line(out, st, "    ", strbuf_cstr(&sb));
			line(out, st, "    ", "    omit: \"our buyers never ask this\"");
		}
		strbuf_free(&sb);
	}

	examples(out, st, rm);
}

/* ==== Lua ==== */

/* The first lines of a commented question call, in the first stage:
 * question "ASK" {
 *   id = "ID", */
static void lua_question(StrBuf *out, const Style *st, const Question *q)
{
	StrBuf sb = STRBUF_INIT;
	strbuf_puts(&sb, "question \"");
	for (const char *c = q->ask; *c; c++) {   /* a Lua string literal */
		if (*c == '"' || *c == '\\')
			strbuf_putc(&sb, '\\');
		strbuf_putc(&sb, *c);
	}
	strbuf_puts(&sb, "\" {");
	line(out, st, "  ", strbuf_cstr(&sb));
	strbuf_reset(&sb);
	strbuf_printf(&sb, "  id = \"%s\",", q->id);
	line(out, st, "  ", strbuf_cstr(&sb));
	strbuf_free(&sb);
}

void starter_lua(const Starter *s, StrBuf *out)
{
	const Roadmap *rm = s->rm;
	const Style *st = &lua_style;
	intro(out, st, s);
	strbuf_printf(out,
		      "\nroadmap {\n"
		      "  product = \"Your product\",      -- the product this roadmap is for\n"
		      "  segment = \"Your customers\",    -- who buys it: one roadmap per segment\n"
		      "  category = \"%s\",  -- impulse | considered | complex: how hard they look\n"
		      "  -- critical_characteristic = \"the one thing that makes these customers buy\",\n"
		      "  extends = \"%s\",  -- 'roadmapc list-templates' lists the templates\n"
		      "}\n\n",
		      vocab_categories[rm->category], s->template_name);
	comment(out, st, "",
		"Each stage below merges into the template's stage of the same id. Answer an "
		"inherited question by its id; drop one your buyers never ask with omit = "
		"\"REASON\"; add questions of your own; add a stage with after = \"STAGE-ID\". "
		"The first stage shows how.");
	for (size_t i = 0; i < rm->nstages; i++) {
		const Stage *stg = rm->stages[i];
		stage_comments(out, st, "", rm, stg);
		strbuf_printf(out, "stage \"%s\" {\n", stg->id);
		if (i == 0 && stg->nquestions) {
			const Question *q = stg->questions[0], *last = stg->questions[stg->nquestions - 1];
			lua_question(out, st, q);
			line(out, st, "  ", "  answer = \"What settled it for your customers, in their words\",");
			line(out, st, "  ", "  content = {\"buyer-guide\"},    -- an id of a content item");
			line(out, st, "  ", "},");
			if (last != q) {
				lua_question(out, st, last);
				line(out, st, "  ", "  omit = \"our buyers never ask this\",");
				line(out, st, "  ", "},");
			}
		}
		strbuf_puts(out, "}\n");
	}
	examples(out, st, rm);
}
