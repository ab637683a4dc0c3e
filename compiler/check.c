/* check.c - the built-in checks: names, default severities, functions.
 *
 * Checks layer. The table below lists every built-in check; the run's
 * registry (registry.h) starts from it. Order matters: it is the order of
 * the language reference, of `list-checks` and of docs/checks.md, and the
 * order the checks run in. The words about each check are in docs/checks.md
 * (check_doc.c), so `explain` and the docs cannot disagree. */
#include "check.h"

#include <string.h>

#define STRUCTURAL(n) { .name = n, .default_severity = SEV_ERROR, .structural = true }
#define CHECK(n, sev, f) { .name = n, .default_severity = sev, .fn = f }

const CheckInfo check_table[] = {
	/* ---- structural: reported by the front ends, schema and resolve ---- */
	STRUCTURAL("yaml-syntax"),
	STRUCTURAL("lua-error"),
	STRUCTURAL("unknown-key"),
	STRUCTURAL("wrong-type"),
	STRUCTURAL("missing-field"),
	STRUCTURAL("duplicate-key"),
	STRUCTURAL("duplicate-id"),
	STRUCTURAL("unknown-reference"),
	STRUCTURAL("invalid-value"),
	STRUCTURAL("limit-exceeded"),

	/* ---- semantic: one function each, in check_*.c ---- */
	CHECK("stage-without-seller-action", SEV_ERROR, check_stage_without_seller_action),
	CHECK("question-without-answer", SEV_ERROR, check_question_without_answer),
	CHECK("answer-without-content", SEV_ERROR, check_answer_without_content),
	CHECK("content-not-published", SEV_WARNING, check_content_not_published),
	CHECK("expected-value-missing", SEV_WARNING, check_expected_value_missing),
	CHECK("unwanted-value", SEV_WARNING, check_unwanted_value),
	CHECK("seller-action-without-stage", SEV_WARNING, check_seller_action_without_stage),
	CHECK("timing-mismatch", SEV_WARNING, check_timing_mismatch),
	CHECK("process-misaligned", SEV_WARNING, check_process_misaligned),
	CHECK("roadmap-ends-at-sale", SEV_WARNING, check_roadmap_ends_at_sale),
	CHECK("phase-out-of-order", SEV_WARNING, check_phase_out_of_order),
	CHECK("stages-skipped", SEV_INFO, check_stages_skipped),
	CHECK("concern-unaddressed", SEV_WARNING, check_concern_unaddressed),
	CHECK("complex-without-concerns", SEV_WARNING, check_complex_without_concerns),
	CHECK("stage-without-questions", SEV_WARNING, check_stage_without_questions),
	CHECK("critical-characteristic-unaddressed", SEV_WARNING, check_critical_characteristic_unaddressed),
	CHECK("channel-mismatch", SEV_INFO, check_channel_mismatch),
	CHECK("content-unused", SEV_INFO, check_content_unused),
	CHECK("content-stale", SEV_WARNING, check_content_stale),
	CHECK("content-unreviewed", SEV_INFO, check_content_unreviewed),
	CHECK("missing-owner", SEV_INFO, check_missing_owner),
	CHECK("text-cut-by-comment", SEV_WARNING, check_text_cut_by_comment),
	/* Must stay last: it reports the ignores the checks above did not use. */
	CHECK("unused-ignore", SEV_INFO, check_unused_ignore),
};

const size_t check_table_len = sizeof check_table / sizeof check_table[0];

void check_register_builtins(CheckRegistry *reg)
{
	for (size_t i = 0; i < check_table_len; i++)
		registry_add(reg, &check_table[i]);
}

const char *check_summary(const CheckInfo *ci)
{
	if (ci->summary)
		return ci->summary;
	const CheckDoc *doc = check_doc_find(ci->name);
	return doc && doc->summary ? doc->summary : "";
}

/* ---- explain and list-checks ---- */

#define EXPLAIN_WIDTH 72

/* Appends "label text" word-wrapped at EXPLAIN_WIDTH columns, then a newline. */
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

int check_explain(const CheckRegistry *reg, const char *name, StrBuf *out)
{
	const CheckInfo *ci = registry_find(reg, name);
	if (!ci)
		return -1;
	const CheckDoc *doc = ci->description ? NULL : check_doc_find(name);
	if (doc) {
		strbuf_puts(out, doc->text);
		return 0;
	}
	/* A check defined at run time says what it is itself. */
	strbuf_printf(out, "%s\nDefault severity: %s\n\n", ci->name,
		      severity_name(ci->default_severity));
	put_wrapped(out, "Finds: ", check_summary(ci));
	if (ci->description && strcmp(ci->description, check_summary(ci)) != 0) {
		strbuf_putc(out, '\n');
		put_wrapped(out, "", ci->description);
	}
	if (ci->loc.src)
		strbuf_printf(out, "\nDefined at %s:%d.\n", ci->loc.src->path, ci->loc.line);
	return 0;
}

void check_list(const CheckRegistry *reg, StrBuf *out)
{
	size_t width = 0;
	for (size_t i = 0; i < reg->n; i++) {
		size_t n = strlen(reg->items[i]->name);
		if (n > width)
			width = n;
	}
	for (size_t i = 0; i < reg->n; i++) {
		const CheckInfo *ci = reg->items[i];
		strbuf_printf(out, "%-*s  %-7s  %s\n", (int)width, ci->name,
			      severity_name(ci->default_severity), check_summary(ci));
	}
}
