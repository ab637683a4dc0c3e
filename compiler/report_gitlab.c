/* report_gitlab.c - `--format gitlab`: GitLab Code Quality JSON, the artifact
 * (artifacts:reports:codequality) GitLab shows in merge requests.
 *
 * An array with one issue per unsuppressed finding: description, check_name,
 * fingerprint (fingerprint.h: independent of the line, so GitLab does not
 * report a moved finding as fixed and new), severity and location. Severities
 * map as: structural error -> blocker (nothing else could be checked),
 * error -> critical, warning -> major, info -> info. Files that could not be
 * read have no issue (the run reports them on stderr and exits 2).
 * docs/formats.md describes the mapping. */
#include "report.h"
#include "fingerprint.h"
#include "json.h"

#include <stdio.h>
#include <stdlib.h>

static const char *gitlab_severity(const Unit *c, const Diag *d)
{
	const CheckInfo *ci = registry_find(&c->registry, d->check);
	if (ci && ci->structural)
		return "blocker";
	switch (d->sev) {
	case SEV_ERROR: return "critical";
	case SEV_WARNING: return "major";
	case SEV_INFO:
	case SEV_OFF: break;
	}
	return "info";
}

static void issue(Json *j, const char *description, const char *check, const Fingerprint *fp,
		  const char *severity, const char *path, int line)
{
	json_open(j, NULL, '{', false);
	json_string(j, "description", description);
	json_string(j, "check_name", check);
	json_string(j, "fingerprint", fp->hex);
	json_string(j, "severity", severity);
	json_open(j, "location", '{', true);
	json_string(j, "path", path);
	json_open(j, "lines", '{', true);
	json_int(j, "begin", line);
	json_close(j);
	json_close(j);
	json_close(j);
}

/* A coverage figure below --min-coverage is an issue too, so the merge
 * request shows why the pipeline failed; its fingerprint is made from the
 * file and the figure ("coverage:questions"). */
static void coverage_issues(Json *j, const ReportContext *ctx, const Unit *c)
{
	StrBuf why = STRBUF_INIT;
	for (int w = 0; w < GATE_COUNT; w++) {
		strbuf_reset(&why);
		if (!report_coverage_low(ctx, c, w, &why))
			continue;
		Fingerprint fp;
		char item[32];
		snprintf(item, sizeof item, "coverage:%s", report_gate_figure(w));
		fingerprint_named(c->name, REPORT_GATE_NAME, item, &fp);
		issue(j, strbuf_cstr(&why), REPORT_GATE_NAME, &fp, "critical", c->name, 1);
	}
	strbuf_free(&why);
}

void report_gitlab(const ReportContext *ctx, StrBuf *out)
{
	Json j;
	json_init(&j, out);
	json_open(&j, NULL, '[', false);
	for (size_t u = 0; u < ctx->nunits; u++) {
		const Unit *c = ctx->units[u];
		coverage_issues(&j, ctx, c);
		if (c->diags.n == 0)
			continue;
		Fingerprint *fps = xcalloc(c->diags.n, sizeof *fps);
		fingerprint_unit(c, fps);
		for (size_t i = 0; i < c->diags.n; i++) {
			const Diag *d = c->diags.items[i];
			if (!d->suppressed)
				issue(&j, d->message, d->check, &fps[i], gitlab_severity(c, d),
				      d->loc.src ? d->loc.src->path : c->name, d->loc.src ? d->loc.line : 1);
		}
		free(fps);
	}
	json_close(&j);
}
