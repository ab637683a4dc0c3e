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
#include "escape.h"
#include "fingerprint.h"

#include <stdlib.h>

static const char *gitlab_severity(const Diag *d)
{
	const CheckInfo *ci = check_find(d->check);
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

static void issue(StrBuf *out, const Compilation *c, const Diag *d, const Fingerprint *fp)
{
	strbuf_puts(out, "  {\n    \"description\": ");
	escape_json(out, d->message);
	strbuf_puts(out, ",\n    \"check_name\": ");
	escape_json(out, d->check);
	strbuf_printf(out, ",\n    \"fingerprint\": \"%s\",\n    \"severity\": \"%s\",\n",
		      fp->hex, gitlab_severity(d));
	strbuf_puts(out, "    \"location\": { \"path\": ");
	escape_json(out, fingerprint_path(d->loc.src ? d->loc.src->path : compilation_name(c)));
	strbuf_printf(out, ", \"lines\": { \"begin\": %d } }\n  }", d->loc.src ? d->loc.line : 1);
}

void report_gitlab(const ReportContext *ctx, StrBuf *out)
{
	bool first = true;
	strbuf_putc(out, '[');
	for (size_t u = 0; u < ctx->nunits; u++) {
		const Compilation *c = ctx->units[u];
		if (c->diags.n == 0)
			continue;
		Fingerprint *fps = xcalloc(c->diags.n, sizeof *fps);
		fingerprint_unit(c, fps);
		for (size_t i = 0; i < c->diags.n; i++) {
			const Diag *d = c->diags.items[i];
			if (d->suppressed)
				continue;
			strbuf_puts(out, first ? "\n" : ",\n");
			issue(out, c, d, &fps[i]);
			first = false;
		}
		free(fps);
	}
	strbuf_puts(out, first ? "]\n" : "\n]\n");
}
