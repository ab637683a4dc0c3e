/* check.c - the check registry, severity resolution, suppression and the runner.
 *
 * Third phase of `check`, after schema and resolve: check_run() walks the
 * registry below and runs each enabled semantic check (check_*.c) on one
 * resolved roadmap. The table is the single source of truth for a check's
 * name, default severity and documentation: `list-checks`, `explain` and
 * docs/checks.md all come from it (tests/suite_checks_doc.sh keeps the docs
 * honest). Order matters: it is the order of the language reference, of
 * `list-checks` and of docs/checks.md, and the order the checks run in. */
#include "check.h"

#include <stdarg.h>
#include <string.h>

/* ---- the registry ---- */

/* Runs last (the last row): it reports the `ignore:` entries that the checks
 * before it did not use. */
static void check_unused_ignore(CheckCtx *ctx);

/* Examples share this head: the three required keys. */
#define EX_HEAD "roadmap: 1\nproduct: Acme Close\nsegment: Finance teams\n"

const CheckInfo check_table[] = {
	/* ---- structural: reported by the front ends, schema and resolve ---- */
	{ "yaml-syntax", SEV_ERROR, true, NULL,
	  "the file is not valid YAML",
	  "Nothing can be checked against the buying process until the file parses.",
	  "Fix the text at the position shown; the usual causes are indentation, a "
	  "missing ':' after a key, a tab used for indentation, or an unclosed quote.",
	  EX_HEAD "stages:\n  - id: need\n    name: \"Recognise the need\n", NULL },
	{ "lua-error", SEV_ERROR, true, NULL,
	  "a Lua roadmap fails to load or run, or exceeds its instruction or memory budget",
	  "A roadmap written in Lua is a program; when it fails, there is no roadmap to check.",
	  "Read the Lua message and the line it names. A budget error usually means an "
	  "endless loop; the budgets can be raised on the command line.",
	  NULL, NULL },
	{ "unknown-key", SEV_ERROR, true, NULL,
	  "a key the format does not know, with a suggestion when a known key is close",
	  "A misspelled key is silently ignored by most tools, so the question, stage or "
	  "seller action it was meant to describe would be missing from every check.",
	  "Correct the spelling (the diagnostic suggests the closest known key) or remove "
	  "the key. docs/language.md lists every key.",
	  EX_HEAD "stages:\n  - id: need\n    questons:\n      - ask: What does a slow close cost us?\n",
	  NULL },
	{ "wrong-type", SEV_ERROR, true, NULL,
	  "a value of the wrong kind, such as a mapping where text or a list is expected",
	  "A value of the wrong shape cannot mean what its author intended, so the "
	  "compiler refuses to guess.",
	  "Write the value in the form the key takes: text, a number, a list (a single "
	  "item may also be written alone) or a mapping.",
	  EX_HEAD "stages:\n  - id: need\n    expects: { value: information }\n", NULL },
	{ "missing-field", SEV_ERROR, true, NULL,
	  "a required key is absent, such as `product`, `segment` or a question's `ask`",
	  "Every roadmap is for one product and one customer segment, and every question "
	  "is something a buyer asks; without them the roadmap says nothing.",
	  "Add the key named in the diagnostic.",
	  "roadmap: 1\nproduct: Acme Close\nstages:\n  - id: need\n", NULL },
	{ "duplicate-key", SEV_ERROR, true, NULL,
	  "the same key twice in one mapping",
	  "YAML parsers keep one of the two values without a word, so half of what was "
	  "written would be lost.",
	  "Merge the two entries into one, or remove the one that is out of date.",
	  EX_HEAD "stages:\n  - id: need\n    name: Recognise the need\n    name: Feel the pain\n",
	  NULL },
	{ "duplicate-id", SEV_ERROR, true, NULL,
	  "two items of the same kind (stages, questions, concerns, seller actions, "
	  "content) with the same id",
	  "Seller actions and questions refer to stages and content by id; with two items "
	  "of one id, a reference could mean either.",
	  "Give each item its own id; the diagnostic points at both.",
	  EX_HEAD "stages:\n  - id: need\n  - id: need\n", NULL },
	{ "unknown-reference", SEV_ERROR, true, NULL,
	  "a reference to an id that does not exist (a stage in `supports`, content in "
	  "`content` or `uses`, a concern, a template)",
	  "A reference to nothing is a broken link: the seller action or answer it was "
	  "meant to connect is not connected.",
	  "Correct the id (the diagnostic suggests the closest existing one) or add the "
	  "missing item.",
	  EX_HEAD "stages:\n  - id: need\nseller:\n  - id: sdr-sequence\n    supports: [nead]\n",
	  NULL },
	{ "invalid-value", SEV_ERROR, true, NULL,
	  "a value outside its vocabulary or format (a value, channel, phase, date, window "
	  "or content type)",
	  "The checks compare values and channels word for word; a misspelled word would "
	  "match nothing.",
	  "Use one of the words the diagnostic lists (it suggests the closest), or write "
	  "the date or window in the documented form.",
	  EX_HEAD "stages:\n  - id: need\n    expects: [informaton]\n", NULL },
	{ "limit-exceeded", SEV_ERROR, true, NULL,
	  "the input exceeds a resource limit (nesting depth, aliases, file size, text "
	  "length or number of nodes)",
	  "Roadmaps may come from untrusted pull requests, so every dimension a hostile "
	  "file could blow up is bounded.",
	  "Simplify the file; if it is genuine, raise the limit named in the diagnostic "
	  "on the command line.",
	  NULL, NULL },

	/* ---- semantic: one function each, in check_*.c ---- */
	{ "stage-without-seller-action", SEV_ERROR, false, check_stage_without_seller_action,
	  "a buyer stage that no seller action `supports`",
	  "At a stage nobody on the selling side serves, the buyer looks for answers alone, "
	  "and stalls or buys elsewhere. This is the gap the roadmap exists to find.",
	  "Add a seller action with the stage's id in `supports`. If buyers want to be "
	  "left alone at this stage, say so with `expects: [left-alone]`: such a stage "
	  "needs no seller action.",
	  EX_HEAD "stages:\n  - id: compare\n    name: Compare vendors\n    expects: pricing\n",
	  NULL },
	{ "question-without-answer", SEV_ERROR, false, check_question_without_answer,
	  "a buyer question with no `answer`",
	  "A question the company cannot answer blocks the decision; buyers who cannot get "
	  "an answer stall or go to a competitor who has one.",
	  "Write in `answer` what actually satisfies the buyer, as customers told it in "
	  "interviews, not the company's boilerplate.",
	  EX_HEAD "stages:\n  - id: need\n    questions:\n      - ask: What does a slow close cost us?\n",
	  NULL },
	{ "answer-without-content", SEV_ERROR, false, check_answer_without_content,
	  "an answered question with no `content` that delivers the answer",
	  "An answer only helps when it reaches the buyer: through a page, a case study, "
	  "a demo or a call. An answer nobody delivers is a note in a file.",
	  "List in the question's `content` the items that deliver the answer; if they do "
	  "not exist yet, add them to the inventory with `status: planned`.",
	  EX_HEAD "stages:\n  - id: need\n    questions:\n      - ask: What does a slow close cost us?\n"
	  "        answer: A benchmark of close cost by company size\n",
	  NULL },
	{ "content-not-published", SEV_WARNING, false, check_content_not_published,
	  "a question, concern or seller action relies on content that is draft, planned or "
	  "retired",
	  "Until content is published, the buyer cannot see it: the answer it delivers "
	  "does not reach anyone. Retired content is worse: the reference points at "
	  "something withdrawn.",
	  "Publish the content and set `status: published`, or point the reference at "
	  "published content.",
	  EX_HEAD "stages:\n  - id: need\n    questions:\n      - ask: What does a slow close cost us?\n"
	  "        answer: A benchmark of close cost by company size\n        content: [benchmark]\n"
	  "content:\n  - id: benchmark\n    title: 2026 Close Benchmark Report\n    type: report\n"
	  "    status: draft\n",
	  NULL },
	{ "expected-value-missing", SEV_WARNING, false, check_expected_value_missing,
	  "a stage expects a value that neither its seller actions nor its questions' "
	  "content deliver",
	  "At each stage the buyer expects something specific from the seller: information, "
	  "pricing, a demonstration, a visit. Delivering something else leaves the "
	  "expectation unmet, however much is delivered.",
	  "Add a seller action supporting the stage that delivers the value (or uses "
	  "content that does), or reference content that delivers it from one of the "
	  "stage's questions.",
	  EX_HEAD "stages:\n  - id: compare\n    name: Compare vendors\n    expects: [pricing]\n"
	  "seller:\n  - id: sdr-call\n    name: SDR discovery call\n    supports: [compare]\n"
	  "    delivers: [information]\n",
	  NULL },
	{ "unwanted-value", SEV_WARNING, false, check_unwanted_value,
	  "a seller action delivers only values its stage does not expect, or reaches out "
	  "where buyers want to be left alone",
	  "A call when the buyer wanted a price list, or a pitch when they wanted to be "
	  "left alone, pushes the buyer away. Automating it (a CRM cadence, an email "
	  "sequence) only automates the mistake.",
	  "Change what the action delivers to what the stage expects, or stop supporting "
	  "that stage with it. Where buyers want to be left alone, serve them without "
	  "reaching out: web pages, in-product help, a community.",
	  EX_HEAD "stages:\n  - id: use\n    name: Use the product\n    phase: post-purchase\n"
	  "    expects: [left-alone]\nseller:\n  - id: upsell-calls\n    name: Upsell calls\n"
	  "    supports: [use]\n    channel: phone\n",
	  NULL },
	{ "seller-action-without-stage", SEV_WARNING, false, check_seller_action_without_stage,
	  "a seller action that supports no buyer stage",
	  "A selling step that mirrors no buying step was built for the seller's "
	  "convenience, not the buyer's; it costs effort and serves nobody.",
	  "List in `supports` the buyer stages it serves; if it serves none, stop doing it.",
	  EX_HEAD "stages:\n  - id: need\nseller:\n  - id: newsletter\n    name: Quarterly newsletter\n",
	  NULL },
	{ "timing-mismatch", SEV_WARNING, false, check_timing_mismatch,
	  "a seller action whose `when` does not overlap the `when` of a stage it supports",
	  "A demo weeks before the buyer is ready to evaluate, or after they decided, "
	  "serves no one: the step is out of sync with the buying step it claims to serve.",
	  "Move the action into the stage's window (windows are closed: 0-2 and 2-4 "
	  "overlap), or make it support the stage it really serves.",
	  EX_HEAD "stages:\n  - id: evaluate\n    name: Evaluate solutions\n    when: 2-4\n"
	  "seller:\n  - id: demo\n    name: Product demo\n    supports: [evaluate]\n    when: 6-7\n",
	  NULL },
	{ "process-misaligned", SEV_WARNING, false, check_process_misaligned,
	  "the selling process starts after the buying process starts, or ends before it ends",
	  "When selling starts late, no one is there when buyers first look; when it ends "
	  "early, everyone is gone after the signature, where buyers abandon just as often.",
	  "Add seller actions with a `when` at the start and at the end of the buying "
	  "process, supporting the first and last stages.",
	  EX_HEAD "stages:\n  - id: need\n    when: 0-2\n  - id: renew\n    when: 50-52\n"
	  "seller:\n  - id: demo\n    supports: [need]\n    when: 1-2\n",
	  NULL },
	{ "roadmap-ends-at-sale", SEV_WARNING, false, check_roadmap_ends_at_sale,
	  "no post-purchase stage: the roadmap stops at the sale",
	  "Buyers abandon near the end as often as at the start, and onboarding, use, "
	  "support and renewal decide whether they buy again and refer others. A roadmap "
	  "that stops at the sale is incomplete.",
	  "Add the stages after the purchase (onboarding, use, support, renewal). A stage "
	  "after one marked `phase: purchase` is post-purchase unless it says otherwise.",
	  EX_HEAD "stages:\n  - id: need\n  - id: buy\n    phase: pre-purchase\n", NULL },
	{ "concern-unaddressed", SEV_WARNING, false, check_concern_unaddressed,
	  "a buyer concern that no answered question with content, and no content of its "
	  "own, addresses",
	  "Skepticism pulls buyers back as desire pushes them forward, and the more complex "
	  "the purchase, the stronger it is. A concern left unanswered is where deals end "
	  "in no decision; it is answered with proof more than with persuasion.",
	  "Give the concern `content` that addresses it (proof works best: a case study, "
	  "a reference call, a trial), or name it in the `concern` of a question that has "
	  "an answer and content.",
	  EX_HEAD "stages:\n  - id: need\n    concerns:\n      - Is a faster close worth a new system?\n",
	  "error when `category: complex`" },
	{ "stage-without-questions", SEV_WARNING, false, check_stage_without_questions,
	  "a stage with no buyer questions (discovery not done)",
	  "The questions buyers ask at a stage are what the seller must answer there; a "
	  "stage without them means nobody asked customers how they bought.",
	  "Interview customers about this stage and add the questions they asked under "
	  "`questions`, each with the answer that satisfied them.",
	  EX_HEAD "stages:\n  - id: need\n    name: Recognise the need\n", NULL },
	{ "critical-characteristic-unaddressed", SEV_WARNING, false, check_critical_characteristic_unaddressed,
	  "the critical characteristic is set but no answered critical question with "
	  "content comes before the post-purchase stages",
	  "The critical characteristic is the one attribute that compels the customer to "
	  "buy. If no answer delivered before the purchase carries it, buyers decide "
	  "without the one argument that matters most.",
	  "Mark the question whose answer proves the critical characteristic with "
	  "`critical: true`, and give it an answer and content, in a stage before the "
	  "post-purchase stages.",
	  EX_HEAD "critical_characteristic: Closes the books three days faster\nstages:\n"
	  "  - id: need\n    questions:\n      - ask: How fast can we close?\n",
	  NULL },
	{ "channel-mismatch", SEV_INFO, false, check_channel_mismatch,
	  "a stage prefers channels that none of its content or seller actions uses",
	  "Buyers look for answers where they prefer to look: on the web, with peers, on "
	  "review sites. Answers delivered only elsewhere are not found.",
	  "Deliver at least one answer of the stage on a channel it prefers: content with "
	  "those `channels`, or a seller action with that `channel`.",
	  EX_HEAD "stages:\n  - id: research\n    prefers: [peer, review-site]\nseller:\n"
	  "  - id: cold-email\n    supports: [research]\n    channel: email\n",
	  NULL },
	{ "content-unused", SEV_INFO, false, check_content_unused,
	  "inventory content that no question, concern or seller action uses",
	  "Content that answers no question any buyer asks is noise, and content nobody "
	  "uses is waste: every asset should serve a question or a selling step.",
	  "Reference it from the question, concern or seller action it serves, or retire "
	  "it and remove it from the inventory.",
	  EX_HEAD "stages:\n  - id: need\ncontent:\n  - id: brochure\n    title: Product brochure\n"
	  "    type: spec-sheet\n",
	  NULL },
	{ "content-stale", SEV_WARNING, false, check_content_stale,
	  "content whose `reviewed` date is more than `max_age_days` (default 365) before "
	  "today",
	  "Out-of-date prices, screenshots and claims cost trust exactly when the buyer is "
	  "deciding whether to believe the seller.",
	  "Review the content and update `reviewed`. If it ages slowly, raise the limit: "
	  "`content-stale: { max_age_days: 730 }` under `checks:`. The run's date is "
	  "today's, or `--today YYYY-MM-DD`.",
	  EX_HEAD "stages:\n  - id: need\ncontent:\n  - id: price-list\n    title: Price list\n"
	  "    type: pricing-page\n    reviewed: 2024-01-15\n",
	  NULL },
	{ "missing-owner", SEV_INFO, false, check_missing_owner,
	  "a seller action or content item without an `owner`",
	  "Work nobody owns is not done: the action plan assigns each fix to the owner of "
	  "the item, and content without an owner is never reviewed.",
	  "Name the team or person responsible in `owner`.",
	  EX_HEAD "stages:\n  - id: need\nseller:\n  - id: sdr-sequence\n    supports: [need]\n",
	  NULL },
	{ "unused-ignore", SEV_INFO, false, check_unused_ignore,
	  "an `ignore` entry that suppressed nothing",
	  "An `ignore` documents an accepted gap. Once the gap is closed, the entry is a "
	  "false statement about the roadmap, and it would hide the problem if it "
	  "came back.",
	  "Remove the entry.",
	  EX_HEAD "stages:\n  - id: need\n    ignore:\n      stage-without-seller-action: "
	  "Served by partners\n    questions:\n      - ask: What does a slow close cost us?\n",
	  NULL },
};

const size_t check_table_len = sizeof check_table / sizeof check_table[0];

const CheckInfo *check_find(const char *name)
{
	for (size_t i = 0; i < check_table_len; i++)
		if (strcmp(check_table[i].name, name) == 0)
			return &check_table[i];
	return NULL;
}

/* ---- severity ---- */

Severity check_severity(const CheckInfo *check, const Roadmap *rm, const CheckConfig *cfg)
{
	if (check->structural)
		return SEV_ERROR;
	if (cfg) {
		/* The command line wins, and among its -W options the last one. */
		for (size_t i = cfg->noverrides; i-- > 0;)
			if (strcmp(cfg->overrides[i].check, check->name) == 0)
				return cfg->overrides[i].severity;
	}
	for (size_t i = 0; i < rm->nchecks; i++)
		if (rm->checks[i].has_severity && strcmp(rm->checks[i].check, check->name) == 0)
			return rm->checks[i].severity;
	if (rm->category == CATEGORY_COMPLEX && strcmp(check->name, "concern-unaddressed") == 0)
		return SEV_ERROR;
	return check->default_severity;
}

long check_max_age_days(const Roadmap *rm)
{
	for (size_t i = 0; i < rm->nchecks; i++)
		if (rm->checks[i].has_max_age && strcmp(rm->checks[i].check, "content-stale") == 0)
			return rm->checks[i].max_age_days;
	return 365;
}

/* ---- reporting with suppression ---- */

/* Marks every entry of 'ignore' that names 'check' as used; true if any did. */
static bool ignore_match(IgnoreList *ignore, const char *check)
{
	bool hit = false;
	if (!ignore)
		return false;
	for (size_t i = 0; i < ignore->n; i++) {
		if (strcmp(ignore->items[i].check, check) == 0) {
			ignore->items[i].used = true;
			hit = true;
		}
	}
	return hit;
}

static Diag *report_v(CheckCtx *ctx, SrcLoc loc, const char *item, IgnoreList *first,
		      IgnoreList *second, const char *fmt, va_list ap)
{
	ASSERT(ctx->sev != SEV_OFF);
	Diag *d = diag_vreport(ctx->dl, loc, ctx->sev, ctx->info->name, fmt, ap);
	d->item = arena_strdup(ctx->dl->arena, item);
	/* Both lists are always consulted, so that each matching entry counts as
	 * used and none is reported as unused-ignore. */
	bool a = ignore_match(first, ctx->info->name);
	bool b = ignore_match(second, ctx->info->name);
	if (a || b)
		d->suppressed = "ignore";
	return d;
}

Diag *check_report(CheckCtx *ctx, SrcLoc loc, const char *item, IgnoreList *ignore,
		   const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	Diag *d = report_v(ctx, loc, item, ignore, NULL, fmt, ap);
	va_end(ap);
	return d;
}

Diag *check_report_pair(CheckCtx *ctx, SrcLoc loc, const char *item, IgnoreList *first,
			IgnoreList *second, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	Diag *d = report_v(ctx, loc, item, first, second, fmt, ap);
	va_end(ap);
	return d;
}

const char *check_item(CheckCtx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = arena_vprintf(ctx->dl->arena, fmt, ap);
	va_end(ap);
	return s;
}

const char *check_words(CheckCtx *ctx, const char *const *vocab, unsigned set, const char *conj)
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
	const char *s = arena_strdup(ctx->dl->arena, strbuf_cstr(&sb));
	strbuf_free(&sb);
	return s;
}

bool check_supports(const SellerAction *sa, const Stage *st)
{
	for (size_t i = 0; i < sa->supports.n; i++)
		if (sa->supports.items[i].target == st)
			return true;
	return false;
}

/* ---- unused ignores ---- */

/* Reports the unused entries of one item's `ignore:`. Entries for checks that
 * did not run (turned off) are left alone: nobody knows whether they would
 * have suppressed something. Entries naming something outside the registry
 * (a Lua rule) belong to the rule runner. An item may ignore unused-ignore
 * itself, which then suppresses the item's other unused entries. */
static void report_unused(CheckCtx *ctx, IgnoreList *ignore, const char *kind, const char *id,
			  const char *label)
{
	for (size_t i = 0; i < ignore->n; i++) {
		Ignore *ig = &ignore->items[i];
		const CheckInfo *ci = check_find(ig->check);
		if (ig->used || !ci || ci == ctx->info)
			continue;
		if (ci->fn == NULL || check_severity(ci, ctx->rm, ctx->cfg) == SEV_OFF)
			continue;
		Diag *d = check_report(ctx, ig->loc,
				       check_item(ctx, "%s:%s>ignore:%s", kind, id, ig->check),
				       ignore, "%s ignores %s, but it has no such finding to suppress",
				       label, ig->check);
		diag_help(ctx->dl, d, "remove this entry: the gap it accepted is closed");
	}
	/* The item's own unused-ignore entry, when it suppressed nothing. */
	for (size_t i = 0; i < ignore->n; i++) {
		Ignore *ig = &ignore->items[i];
		if (ig->used || strcmp(ig->check, ctx->info->name) != 0)
			continue;
		Diag *d = diag_report(ctx->dl, ig->loc, ctx->sev, ctx->info->name,
				      "%s ignores %s, but it has no such finding to suppress",
				      label, ig->check);
		d->item = check_item(ctx, "%s:%s>ignore:%s", kind, id, ig->check);
		diag_help(ctx->dl, d, "remove this entry: the gap it accepted is closed");
	}
}

static void check_unused_ignore(CheckCtx *ctx)
{
	const Roadmap *rm = ctx->rm;
	for (size_t i = 0; i < rm->nstages; i++) {
		Stage *st = rm->stages[i];
		report_unused(ctx, &st->ignore, "stage", st->id,
			      check_item(ctx, "stage '%s'", st->name));
		for (size_t j = 0; j < st->nconcerns; j++) {
			Concern *co = st->concerns[j];
			report_unused(ctx, &co->ignore, "concern", co->id,
				      check_item(ctx, "concern '%s'", co->text));
		}
		for (size_t j = 0; j < st->nquestions; j++) {
			Question *q = st->questions[j];
			report_unused(ctx, &q->ignore, "question", q->id,
				      check_item(ctx, "question '%s'", q->ask));
		}
	}
	for (size_t i = 0; i < rm->nseller; i++) {
		SellerAction *sa = rm->seller[i];
		report_unused(ctx, &sa->ignore, "seller", sa->id,
			      check_item(ctx, "seller action '%s'", sa->name));
	}
	for (size_t i = 0; i < rm->ncontent; i++) {
		Content *c = rm->content[i];
		report_unused(ctx, &c->ignore, "content", c->id,
			      check_item(ctx, "content '%s'", c->title ? c->title : c->id));
	}
}

/* ---- the runner ---- */

void check_run(const Roadmap *rm, const CheckConfig *cfg, DiagList *dl)
{
	CheckCtx ctx = { rm, cfg, dl, NULL, SEV_OFF };
	for (size_t i = 0; i < check_table_len; i++) {
		const CheckInfo *ci = &check_table[i];
		if (ci->structural || !ci->fn)
			continue;
		ctx.info = ci;
		ctx.sev = check_severity(ci, rm, cfg);
		if (ctx.sev != SEV_OFF)
			ci->fn(&ctx);
	}
}

/* ---- explain and list-checks ---- */

#define EXPLAIN_WIDTH 72

/* Appends "label text" word-wrapped at EXPLAIN_WIDTH columns, then a newline.
 * docs/checks.md holds the same lines, so the wrapping is part of the format. */
static void put_wrapped(StrBuf *out, const char *label, const char *text)
{
	size_t col = 0;
	StrBuf para = STRBUF_INIT;
	strbuf_printf(&para, "%s%s", label, text);
	const char *p = strbuf_cstr(&para);
	while (*p) {
		const char *w = p;
		while (*p && *p != ' ')
			p++;
		size_t wlen = (size_t)(p - w);
		if (col > 0 && col + 1 + wlen > EXPLAIN_WIDTH) {
			strbuf_putc(out, '\n');
			col = 0;
		} else if (col > 0) {
			strbuf_putc(out, ' ');
			col++;
		}
		strbuf_put(out, w, wlen);
		col += wlen;
		while (*p == ' ')
			p++;
	}
	strbuf_putc(out, '\n');
	strbuf_free(&para);
}

int check_explain(const char *name, StrBuf *out)
{
	const CheckInfo *ci = check_find(name);
	if (!ci)
		return -1;
	strbuf_printf(out, "%s\n", ci->name);
	if (ci->structural)
		strbuf_puts(out, "Severity: error, always (a structural check: it cannot be turned "
			    "off or ignored)\n");
	else if (ci->severity_note)
		strbuf_printf(out, "Default severity: %s (%s)\n", severity_name(ci->default_severity),
			      ci->severity_note);
	else
		strbuf_printf(out, "Default severity: %s\n", severity_name(ci->default_severity));
	strbuf_putc(out, '\n');
	put_wrapped(out, "Finds: ", ci->summary);
	strbuf_putc(out, '\n');
	put_wrapped(out, "Why it matters: ", ci->why);
	strbuf_putc(out, '\n');
	put_wrapped(out, "How to fix it: ", ci->fix);
	if (ci->example)
		strbuf_printf(out, "\nExample:\n\n```yaml\n%s```\n", ci->example);
	return 0;
}

void check_list(StrBuf *out)
{
	size_t width = 0;
	for (size_t i = 0; i < check_table_len; i++) {
		size_t n = strlen(check_table[i].name);
		if (n > width)
			width = n;
	}
	for (size_t i = 0; i < check_table_len; i++) {
		const CheckInfo *ci = &check_table[i];
		strbuf_printf(out, "%-*s  %-7s  %s\n", (int)width, ci->name,
			      severity_name(ci->default_severity), ci->summary);
	}
}
