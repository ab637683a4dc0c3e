/* report_json.c - `--format json`: one object with roadmaps and diagnostics.
 *
 * The shape is fixed by the language reference (section 8); fields are only
 * ever added. Numbers are printed in the C locale with at most four decimals,
 * so the same input always gives the same bytes. */
#include "report.h"
#include "escape.h"

#include <stdio.h>
#include <string.h>

static void ratio(StrBuf *out, size_t done, size_t total)
{
	double r = total ? (double)done / (double)total : 0.0;
	char buf[32];
	snprintf(buf, sizeof buf, "%.4f", r);
	size_t n = strlen(buf);
	while (n > 3 && buf[n - 1] == '0' && buf[n - 2] != '.')
		buf[--n] = '\0';
	strbuf_puts(out, buf);
}

static void loc_fields(StrBuf *out, SrcLoc loc, const char *fallback)
{
	strbuf_puts(out, "\"file\": ");
	escape_json(out, loc.src ? loc.src->path : fallback);
	strbuf_printf(out, ", \"line\": %d, \"column\": %d", loc.src ? loc.line : 0, loc.src ? loc.col : 0);
}

static void roadmap(StrBuf *out, const Compilation *c)
{
	const Roadmap *rm = c->roadmap;
	strbuf_puts(out, "    { \"file\": ");
	escape_json(out, compilation_name(c));
	strbuf_puts(out, ", \"product\": ");
	if (rm && rm->product)
		escape_json(out, rm->product);
	else
		strbuf_puts(out, "null");
	strbuf_puts(out, ", \"segment\": ");
	if (rm && rm->segment)
		escape_json(out, rm->segment);
	else
		strbuf_puts(out, "null");
	strbuf_printf(out, ", \"checked\": %s", c->checked ? "true" : "false");
	strbuf_puts(out, ",\n      \"coverage\": ");
	if (c->checked) {
		const Coverage *cv = &c->coverage;
		strbuf_puts(out, "{ \"questions\": ");
		ratio(out, cv->questions_done, cv->questions_total);
		strbuf_puts(out, ", \"stages\": ");
		ratio(out, cv->stages_done, cv->stages_total);
		strbuf_printf(out, ", \"questions_covered\": %zu, \"questions_total\": %zu"
			      ", \"stages_covered\": %zu, \"stages_total\": %zu }",
			      cv->questions_done, cv->questions_total, cv->stages_done, cv->stages_total);
	} else {
		strbuf_puts(out, "null");
	}
	const DiagList *dl = &c->diags;
	strbuf_printf(out, ",\n      \"counts\": { \"error\": %zu, \"warning\": %zu, \"info\": %zu, \"suppressed\": %zu } }",
		      diag_count(dl, SEV_ERROR), diag_count(dl, SEV_WARNING), diag_count(dl, SEV_INFO),
		      diag_count_suppressed(dl));
}

static void diagnostic(StrBuf *out, const Compilation *c, const Diag *d)
{
	strbuf_puts(out, "    { ");
	loc_fields(out, d->loc, compilation_name(c));
	strbuf_printf(out, ", \"severity\": \"%s\", \"check\": ", severity_name(d->sev));
	escape_json(out, d->check);
	strbuf_puts(out, ",\n      \"message\": ");
	escape_json(out, d->message);
	if (d->loc.src && d->loc.len > 1)
		strbuf_printf(out, ", \"end_column\": %d", d->loc.col + d->loc.len);
	if (d->item) {
		strbuf_puts(out, ", \"item\": ");
		escape_json(out, d->item);
	}
	if (d->suppressed) {
		strbuf_puts(out, ", \"suppressed\": ");
		escape_json(out, d->suppressed);
	}
	if (d->notes) {
		strbuf_puts(out, ",\n      \"notes\": [");
		for (const DiagNote *n = d->notes; n; n = n->next) {
			strbuf_printf(out, "%s{ \"kind\": \"%s\", \"message\": ", n == d->notes ? " " : ", ",
				      n->kind == NOTE_HELP ? "help" : "note");
			escape_json(out, n->text);
			if (n->loc.src) {
				strbuf_puts(out, ", ");
				loc_fields(out, n->loc, compilation_name(c));
			}
			strbuf_puts(out, " }");
		}
		strbuf_puts(out, " ]");
	}
	strbuf_puts(out, " }");
}

void report_json(const ReportContext *ctx, StrBuf *out)
{
	strbuf_puts(out, "{ \"version\": 1,\n  \"roadmaps\": [\n");
	for (size_t u = 0; u < ctx->nunits; u++) {
		roadmap(out, ctx->units[u]);
		strbuf_puts(out, u + 1 < ctx->nunits ? ",\n" : "\n");
	}
	strbuf_puts(out, "  ],\n  \"diagnostics\": [");
	bool first = true;
	for (size_t u = 0; u < ctx->nunits; u++) {
		const Compilation *c = ctx->units[u];
		for (size_t i = 0; i < c->diags.n; i++) {
			strbuf_puts(out, first ? "\n" : ",\n");
			diagnostic(out, c, c->diags.items[i]);
			first = false;
		}
	}
	strbuf_puts(out, first ? "]\n}\n" : "\n  ]\n}\n");
}
