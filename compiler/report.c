/* report.c - the table of output formats; one file per format (report_*.c). */
#include "report.h"
#include "model_index.h"

#include <string.h>

const ReportFormat report_formats[] = {
	{ "text", report_text, "diagnostics with source lines and carets, for people" },
	{ "json", report_json, "one JSON object: roadmaps with coverage, and diagnostics" },
	{ "sarif", report_sarif, "SARIF 2.1.0, for GitHub code scanning and SARIF viewers" },
	{ "junit", report_junit, "JUnit XML: a test case per roadmap and check, for Jenkins and others" },
	{ "github", report_github, "GitHub Actions workflow commands: annotations on the pull request" },
	{ "gitlab", report_gitlab, "GitLab Code Quality JSON, for merge request widgets" },
	{ "markdown", report_markdown, "Markdown tables, for pull-request comments and job summaries" },
};
const size_t report_formats_len = sizeof report_formats / sizeof report_formats[0];

void report_tenths(StrBuf *out, unsigned t)
{
	if (t % 10)
		strbuf_printf(out, "%u.%u%%", t / 10, t % 10);
	else
		strbuf_printf(out, "%u%%", t / 10);
}

void report_percent(StrBuf *out, size_t done, size_t total)
{
	report_tenths(out, model_coverage_tenths(done, total));
}

const char *report_gate_figure(int which)
{
	ASSERT(which >= 0 && which < GATE_COUNT);
	return which == GATE_QUESTIONS ? "questions" : "stages";
}

bool report_coverage_low(const ReportContext *ctx, const Unit *c, int which, StrBuf *why)
{
	ASSERT(which >= 0 && which < GATE_COUNT);
	if (ctx->min_coverage <= 0 || !c->checked)
		return false;
	const Coverage *cv = &c->coverage;
	size_t done = which == GATE_QUESTIONS ? cv->questions_done : cv->stages_done;
	size_t total = which == GATE_QUESTIONS ? cv->questions_total : cv->stages_total;
	if (model_coverage_tenths(done, total) >= (unsigned)ctx->min_coverage)
		return false;
	strbuf_printf(why, "%s coverage ", which == GATE_QUESTIONS ? "question" : "stage");
	report_percent(why, done, total);
	strbuf_printf(why, " (%zu/%zu) is below --min-coverage ", done, total);
	report_tenths(why, (unsigned)ctx->min_coverage);
	return true;
}

const ReportFormat *report_find(const char *name)
{
	for (size_t i = 0; i < report_formats_len; i++)
		if (strcmp(report_formats[i].name, name) == 0)
			return &report_formats[i];
	return NULL;
}
