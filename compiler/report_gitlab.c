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

static void issue(Json *j, const Unit *c, const Diag *d, const Fingerprint *fp)
{
	json_open(j, NULL, '{', false);
	json_string(j, "description", d->message);
	json_string(j, "check_name", d->check);
	json_string(j, "fingerprint", fp->hex);
	json_string(j, "severity", gitlab_severity(c, d));
	json_open(j, "location", '{', true);
	json_string(j, "path", d->loc.src ? d->loc.src->path : c->name);
	json_open(j, "lines", '{', true);
	json_int(j, "begin", d->loc.src ? d->loc.line : 1);
	json_close(j);
	json_close(j);
	json_close(j);
}

void report_gitlab(const ReportContext *ctx, StrBuf *out)
{
	Json j;
	json_init(&j, out);
	json_open(&j, NULL, '[', false);
	for (size_t u = 0; u < ctx->nunits; u++) {
		const Unit *c = ctx->units[u];
		if (c->diags.n == 0)
			continue;
		Fingerprint *fps = xcalloc(c->diags.n, sizeof *fps);
		fingerprint_unit(c, fps);
		for (size_t i = 0; i < c->diags.n; i++)
			if (!c->diags.items[i]->suppressed)
				issue(&j, c, c->diags.items[i], &fps[i]);
		free(fps);
	}
	json_close(&j);
}
