/* report_json.c - `--format json`: one object with roadmaps and diagnostics.
 *
 * The shape is fixed by the language reference (section 8); fields are only
 * ever added. Numbers are printed in the C locale with at most four decimals,
 * so the same input always gives the same bytes. */
#include "report.h"
#include "json.h"

static double ratio(size_t done, size_t total)
{
	return total ? (double)done / (double)total : 0.0;
}

static void loc_fields(Json *j, SrcLoc loc, const char *fallback)
{
	json_string(j, "file", loc.src ? loc.src->path : fallback);
	json_int(j, "line", loc.src ? loc.line : 0);
	json_int(j, "column", loc.src ? loc.col : 0);
}

static void roadmap(Json *j, const ReportContext *ctx, const Unit *c)
{
	const Roadmap *rm = c->roadmap;
	json_open(j, NULL, '{', false);
	json_string(j, "file", c->name);
	json_string_or_null(j, "product", rm ? rm->product : NULL);
	json_string_or_null(j, "segment", rm ? rm->segment : NULL);
	json_bool(j, "checked", c->checked);
	if (c->checked) {
		const Coverage *cv = &c->coverage;
		json_open(j, "coverage", '{', true);
		json_ratio(j, "questions", ratio(cv->questions_done, cv->questions_total));
		json_ratio(j, "stages", ratio(cv->stages_done, cv->stages_total));
		json_int(j, "questions_covered", (long)cv->questions_done);
		json_int(j, "questions_total", (long)cv->questions_total);
		json_int(j, "stages_covered", (long)cv->stages_done);
		json_int(j, "stages_total", (long)cv->stages_total);
		if (ctx->min_coverage > 0) {
			json_ratio(j, "minimum", ctx->min_coverage / 1000.0);
			json_open(j, "below_minimum", '[', true);
			StrBuf why = STRBUF_INIT;
			for (int w = 0; w < GATE_COUNT; w++)
				if (report_coverage_low(ctx, c, w, &why))
					json_string(j, NULL, report_gate_figure(w));
			strbuf_free(&why);
			json_close(j);
		}
		json_close(j);
	} else {
		json_null(j, "coverage");
	}
	const DiagList *dl = &c->diags;
	json_open(j, "counts", '{', true);
	json_int(j, "error", (long)diag_count(dl, SEV_ERROR));
	json_int(j, "warning", (long)diag_count(dl, SEV_WARNING));
	json_int(j, "info", (long)diag_count(dl, SEV_INFO));
	json_int(j, "suppressed", (long)diag_count_suppressed(dl));
	json_close(j);
	json_close(j);
}

static void diagnostic(Json *j, const Unit *c, const Diag *d)
{
	json_open(j, NULL, '{', false);
	loc_fields(j, d->loc, c->name);
	json_string(j, "severity", severity_name(d->sev));
	json_string(j, "check", d->check);
	json_string(j, "message", d->message);
	if (d->loc.src && d->loc.len > 1)
		json_int(j, "end_column", d->loc.col + d->loc.len);
	if (d->item)
		json_string(j, "item", d->item);
	if (d->suppressed)
		json_string(j, "suppressed", d->suppressed);
	if (d->notes) {
		json_open(j, "notes", '[', false);
		for (const DiagNote *n = d->notes; n; n = n->next) {
			json_open(j, NULL, '{', true);
			json_string(j, "kind", n->kind == NOTE_HELP ? "help" : "note");
			json_string(j, "message", n->text);
			if (n->loc.src)
				loc_fields(j, n->loc, c->name);
			json_close(j);
		}
		json_close(j);
	}
	json_close(j);
}

void report_json(const ReportContext *ctx, StrBuf *out)
{
	Json j;
	json_init(&j, out);
	json_open(&j, NULL, '{', false);
	json_int(&j, "version", 1);
	json_open(&j, "roadmaps", '[', false);
	for (size_t u = 0; u < ctx->nunits; u++)
		roadmap(&j, ctx, ctx->units[u]);
	json_close(&j);
	json_open(&j, "diagnostics", '[', false);
	for (size_t u = 0; u < ctx->nunits; u++) {
		const Unit *c = ctx->units[u];
		for (size_t i = 0; i < c->diags.n; i++)
			diagnostic(&j, c, c->diags.items[i]);
	}
	json_close(&j);
	json_close(&j);
}
