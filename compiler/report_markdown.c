/* report_markdown.c - `--format markdown`: the findings as Markdown tables.
 *
 * For people reading in a pull-request comment, a wiki or a job summary
 * (GitHub's $GITHUB_STEP_SUMMARY renders it). A table of roadmaps with
 * their counts and coverage comes first, then one section per roadmap with
 * a row per finding: where, severity, check, message and help. Suppressed
 * findings are left out, as in the text format. User text is escaped for
 * table cells (escape_markdown), so a '|' in a stage name cannot break the
 * table. */
#include "report.h"
#include "escape.h"

/* A coverage cell; in bold, with the minimum, when it is below
 * --min-coverage ('low'), so the failing figure stands out in the table. */
static void coverage_cell(StrBuf *out, size_t done, size_t total, bool low, int min)
{
	strbuf_puts(out, low ? " **" : " ");
	report_percent(out, done, total);
	strbuf_printf(out, " (%zu/%zu)", done, total);
	if (low) {
		strbuf_puts(out, ", below the minimum of ");
		report_tenths(out, (unsigned)min);
		strbuf_puts(out, "**");
	}
	strbuf_puts(out, " |");
}

static void overview(StrBuf *out, const ReportContext *ctx)
{
	strbuf_puts(out, "| roadmap | product | errors | warnings | info | suppressed "
			 "| question coverage | stage coverage |\n");
	strbuf_puts(out, "|---|---|---:|---:|---:|---:|---:|---:|\n");
	for (size_t u = 0; u < ctx->nunits; u++) {
		const Unit *c = ctx->units[u];
		const DiagList *dl = &c->diags;
		strbuf_puts(out, "| ");
		escape_markdown(out, c->name);
		strbuf_puts(out, " | ");
		if (c->roadmap && c->roadmap->product)
			escape_markdown(out, c->roadmap->product);
		strbuf_printf(out, " | %zu | %zu | %zu | %zu |", diag_count(dl, SEV_ERROR),
			      diag_count(dl, SEV_WARNING), diag_count(dl, SEV_INFO),
			      diag_count_suppressed(dl));
		if (c->checked) {
			StrBuf why = STRBUF_INIT;
			coverage_cell(out, c->coverage.questions_done, c->coverage.questions_total,
				      report_coverage_low(ctx, c, GATE_QUESTIONS, &why), ctx->min_coverage);
			coverage_cell(out, c->coverage.stages_done, c->coverage.stages_total,
				      report_coverage_low(ctx, c, GATE_STAGES, &why), ctx->min_coverage);
			strbuf_free(&why);
		} else {
			strbuf_printf(out, " %s | |", c->loaded ? "not checked" : "not read");
		}
		strbuf_putc(out, '\n');
	}
}

static void finding(StrBuf *out, const Diag *d)
{
	strbuf_puts(out, "| ");
	if (d->loc.src)
		strbuf_printf(out, "%d:%d", d->loc.line, d->loc.col);
	strbuf_printf(out, " | %s | `%s` | ", severity_name(d->sev), d->check);
	escape_markdown(out, d->message);
	for (const DiagNote *n = d->notes; n; n = n->next) {
		strbuf_puts(out, n->kind == NOTE_HELP ? "<br>*help:* " : "<br>*note:* ");
		if (n->loc.src && n->loc.src->path && n->loc.src != d->loc.src) {
			escape_markdown(out, n->loc.src->path);
			strbuf_putc(out, ':');
		}
		if (n->loc.src)
			strbuf_printf(out, "%d:%d: ", n->loc.line, n->loc.col);
		escape_markdown(out, n->text);
	}
	strbuf_puts(out, " |\n");
}

static void section(StrBuf *out, const ReportContext *ctx, const Unit *c)
{
	strbuf_puts(out, "\n## ");
	escape_markdown(out, c->name);
	strbuf_puts(out, "\n\n");
	StrBuf why = STRBUF_INIT;
	for (int w = 0; w < GATE_COUNT; w++) {
		strbuf_reset(&why);
		if (report_coverage_low(ctx, c, w, &why)) {
			strbuf_puts(out, "**Fails:** ");
			escape_markdown(out, strbuf_cstr(&why));
			strbuf_puts(out, ".\n\n");
		}
	}
	strbuf_free(&why);
	if (c->error) {
		escape_markdown(out, c->error);
		strbuf_puts(out, "\n");
		return;
	}
	size_t shown = 0;
	for (size_t i = 0; i < c->diags.n; i++)
		shown += c->diags.items[i]->suppressed == NULL;
	if (!shown) {
		strbuf_puts(out, "No findings.\n");
		return;
	}
	if (!c->checked)
		strbuf_puts(out, "Structural errors: the checks run once they are fixed.\n\n");
	strbuf_puts(out, "| line:col | severity | check | finding |\n|---|---|---|---|\n");
	for (size_t i = 0; i < c->diags.n; i++)
		if (!c->diags.items[i]->suppressed)
			finding(out, c->diags.items[i]);
}

void report_markdown(const ReportContext *ctx, StrBuf *out)
{
	strbuf_puts(out, "# roadmapc report\n\n");
	overview(out, ctx);
	for (size_t u = 0; u < ctx->nunits; u++)
		section(out, ctx, ctx->units[u]);
}
