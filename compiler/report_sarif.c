/* report_sarif.c - `--format sarif`: SARIF 2.1.0, as GitHub code scanning
 * and other SARIF viewers read it.
 *
 * One run. Its tool lists one rule per check, every row of the run's
 * registry in registration order (then any rule a finding names that the table does not know,
 * in order of first use), so a check's ruleIndex is the same in every log.
 * Every unsuppressed diagnostic becomes a result. Suppressed ones are left
 * out, as in the text format: SARIF could carry them with a `suppressions`
 * entry, but GitHub code scanning ignores that property and would open an
 * alert for every finding the roadmap accepted with `ignore:` or a baseline
 * (the json format keeps them, marked). A file that could not be read is a
 * tool execution notification, not a result. Columns count Unicode
 * characters, like our SrcLoc, hence columnKind "unicodeCodePoints" (SARIF's
 * default is UTF-16 code units). The partial fingerprint is fingerprint.h's
 * line-independent identity, under the name GitHub reads, so an alert
 * survives edits elsewhere in the file. docs/formats.md has the mapping. */
#include "report.h"
#include "escape.h"
#include "json.h"
#include "fingerprint.h"
#include "version.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

/* { "text": value } under 'key', on one line. */
static void json_text(Json *j, const char *key, const char *value)
{
	json_open(j, key, '{', true);
	json_string(j, "text", value);
	json_close(j);
}

/* ---- the rules ---- */

/* Checks the findings use that the run's registry does not know (rules a
 * roadmap defines for itself), in order of first use, with their rows from
 * the unit's registry (NULL when even that does not know the name). */
typedef struct ExtraRules {
	const char **names;
	const CheckInfo **rows;
	size_t n;
} ExtraRules;

static long extra_index(const ExtraRules *x, const char *name)
{
	for (size_t i = 0; i < x->n; i++)
		if (strcmp(x->names[i], name) == 0)
			return (long)i;
	return -1;
}

static void collect_extra_rules(const ReportContext *ctx, ExtraRules *x)
{
	for (size_t u = 0; u < ctx->nunits; u++) {
		const DiagList *dl = &ctx->units[u]->diags;
		for (size_t i = 0; i < dl->n; i++) {
			const char *name = dl->items[i]->check;
			if (registry_find(ctx->registry, name) || extra_index(x, name) >= 0)
				continue;
			x->names = xrealloc(x->names, (x->n + 1) * sizeof *x->names);
			x->rows = xrealloc(x->rows, (x->n + 1) * sizeof *x->rows);
			x->rows[x->n] = registry_find(&ctx->units[u]->registry, name);
			x->names[x->n++] = name;
		}
	}
}

/* The position of the rule for 'check' in tool.driver.rules. */
static long rule_index(const ReportContext *ctx, const ExtraRules *x, const char *check)
{
	const CheckInfo *ci = registry_find(ctx->registry, check);
	if (ci)
		return (long)registry_position(ctx->registry, ci);
	long i = extra_index(x, check);
	ASSERT(i >= 0);
	return (long)ctx->registry->n + i;
}

static const char *level_name(Severity s)
{
	switch (s) {
	case SEV_ERROR: return "error";
	case SEV_WARNING: return "warning";
	case SEV_INFO: return "note";
	case SEV_OFF: return "none";
	}
	UNREACHABLE();
}

/* "stage-without-seller-action" -> "StageWithoutSellerAction": SARIF wants
 * reportingDescriptor.name to be an identifier-like word. */
static void pascal_name(StrBuf *out, const char *check)
{
	bool up = true;
	for (const char *p = check; *p; p++) {
		if (*p == '-' || *p == '_') {
			up = true;
			continue;
		}
		strbuf_putc(out, up ? (char)toupper((unsigned char)*p) : *p);
		up = false;
	}
}

/* The help of a rule, as plain text or Markdown: how to fix it, the
 * default severity, an example that triggers it, and where to read more. */
static void rule_help(StrBuf *out, const CheckInfo *ci, bool markdown)
{
	const CheckDoc *doc = ci->description ? NULL : check_doc_find(ci->name);
	const char *fix = doc ? doc->fix : ci->description;
	if (fix)
		strbuf_printf(out, "%s\n\n", fix);
	strbuf_printf(out, markdown ? "Default severity: **%s**" : "Default severity: %s",
		      severity_name(ci->default_severity));
	if (ci->structural)
		strbuf_puts(out, " (a structural error: it cannot be turned off or ignored)");
	else if (doc && doc->severity_note)
		strbuf_printf(out, " (%s)", doc->severity_note);
	strbuf_puts(out, ".\n\n");
	if (doc && doc->example) {
		size_t n = strlen(doc->example);
		const char *end = n > 0 && doc->example[n - 1] == '\n' ? "" : "\n";
		strbuf_puts(out, "A roadmap that triggers it:\n\n");
		strbuf_printf(out, markdown ? "```yaml\n%s%s```\n\n" : "%s%s\n", doc->example, end);
	}
	strbuf_printf(out, markdown ? "More: `roadmapc explain %s`" : "More: roadmapc explain %s",
		      ci->name);
}

static void rule(Json *j, const CheckInfo *ci)
{
	StrBuf sb = STRBUF_INIT;
	json_open(j, NULL, '{', false);
	json_string(j, "id", ci->name);
	pascal_name(&sb, ci->name);
	json_string(j, "name", strbuf_cstr(&sb));
	const CheckDoc *doc = ci->description ? NULL : check_doc_find(ci->name);
	if (*check_summary(ci))
		json_text(j, "shortDescription", check_summary(ci));
	if (doc && doc->why)
		json_text(j, "fullDescription", doc->why);
	else if (ci->description)
		json_text(j, "fullDescription", ci->description);
	json_open(j, "help", '{', true);
	strbuf_reset(&sb);
	rule_help(&sb, ci, false);
	json_string(j, "text", strbuf_cstr(&sb));
	strbuf_reset(&sb);
	rule_help(&sb, ci, true);
	json_string(j, "markdown", strbuf_cstr(&sb));
	json_close(j);
	json_open(j, "defaultConfiguration", '{', true);
	json_string(j, "level", level_name(ci->default_severity));
	json_close(j);
	json_open(j, "properties", '{', true);
	json_open(j, "tags", '[', true);
	json_string(j, NULL, "roadmap");
	json_string(j, NULL, ci->structural ? "structural" : "buying-process");
	json_close(j);
	json_string(j, "precision", "very-high");   /* the checks are exact, not heuristic */
	json_close(j);
	json_close(j);
	strbuf_free(&sb);
}

/* A rule the registry does not describe: its id is all we know. */
static void extra_rule(Json *j, const char *name)
{
	StrBuf sb = STRBUF_INIT;
	json_open(j, NULL, '{', false);
	json_string(j, "id", name);
	pascal_name(&sb, name);
	json_string(j, "name", strbuf_cstr(&sb));
	strbuf_reset(&sb);
	strbuf_printf(&sb, "findings of the rule '%s'", name);
	json_text(j, "shortDescription", strbuf_cstr(&sb));
	json_open(j, "properties", '{', true);
	json_open(j, "tags", '[', true);
	json_string(j, NULL, "roadmap");
	json_string(j, NULL, "rule");
	json_close(j);
	json_close(j);
	json_close(j);
	strbuf_free(&sb);
}

static void tool(Json *j, const ReportContext *ctx, const ExtraRules *x)
{
	json_open(j, "tool", '{', false);
	json_open(j, "driver", '{', false);
	json_string(j, "name", "roadmapc");
	json_string(j, "version", ROADMAPC_VERSION);
	json_string(j, "semanticVersion", ROADMAPC_VERSION);
	json_open(j, "rules", '[', false);
	for (size_t i = 0; i < ctx->registry->n; i++)
		rule(j, ctx->registry->items[i]);
	for (size_t i = 0; i < x->n; i++) {
		if (x->rows[i])
			rule(j, x->rows[i]);
		else
			extra_rule(j, x->names[i]);
	}
	json_close(j);
	json_close(j);
	json_close(j);
}

/* ---- locations ---- */

/* Appends 'path' as a URI reference: unreserved characters and '/' as they
 * are, every other byte percent-encoded (spaces, '%', '#', ':', non-ASCII). */
static void uri_encode(StrBuf *out, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (isalnum(*p) || *p == '-' || *p == '.' || *p == '_' || *p == '~' || *p == '/') {
			strbuf_putc(out, (char)*p);
		} else {
			strbuf_putc(out, '%');
			strbuf_putc(out, hex[*p >> 4]);
			strbuf_putc(out, hex[*p & 15]);
		}
	}
}

/* A relative path is relative to the root of the checkout (%SRCROOT%, which
 * GitHub and other consumers resolve); an absolute one becomes a file URI. */
static void artifact_location(Json *j, const char *path)
{
	/* Every result of a file names it: encoded once per file, not per
	 * result (kept for the run; compared by text, not by address). */
	static StrBuf uri = STRBUF_INIT, encoded = STRBUF_INIT;
	if (strcmp(strbuf_cstr(&encoded), path) != 0) {
		strbuf_reset(&encoded);
		strbuf_puts(&encoded, path);
		strbuf_reset(&uri);
		if (path[0] == '/')
			strbuf_puts(&uri, "file://");
		uri_encode(&uri, path);
	}
	json_open(j, "artifactLocation", '{', true);
	json_string(j, "uri", strbuf_cstr(&uri));
	if (path[0] != '/')
		json_string(j, "uriBaseId", "%SRCROOT%");
	json_close(j);
}

/* The members of a location object: the file, and the region when the
 * position is known. endColumn is exclusive, and only given for a span. */
static void location_members(Json *j, SrcLoc loc, const char *fallback)
{
	json_open(j, "physicalLocation", '{', true);
	artifact_location(j, loc.src ? loc.src->path : fallback);
	if (loc.src) {
		json_open(j, "region", '{', true);
		json_int(j, "startLine", loc.line);
		json_int(j, "startColumn", loc.col);
		if (loc.len > 1)
			json_int(j, "endColumn", (long)loc.col + loc.len);
		json_close(j);
	}
	json_close(j);
}

/* ---- results ---- */

/* Appends 's' as the link text of an embedded link ("[text](1)"), where
 * '[', ']' and '\' are escaped with a backslash (SARIF 3.11.6). Elsewhere in
 * a plain text message they may stand as they are. */
static void link_text(StrBuf *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '[' || *s == ']' || *s == '\\')
			strbuf_putc(out, '\\');
		strbuf_putc(out, *s);
	}
}

/* The message, then one line per note and help. A note with a location of
 * its own is a link to the related location of the same number. */
static void result_message(Json *j, const Diag *d)
{
	StrBuf sb = STRBUF_INIT;
	strbuf_puts(&sb, d->message);
	int related = 0;
	for (const DiagNote *n = d->notes; n; n = n->next) {
		strbuf_puts(&sb, n->kind == NOTE_HELP ? "\nhelp: " : "\nnote: ");
		if (n->kind == NOTE_NOTE && n->loc.src) {
			strbuf_putc(&sb, '[');
			link_text(&sb, n->text);
			strbuf_printf(&sb, "](%d)", ++related);
		} else {
			strbuf_puts(&sb, n->text);
		}
	}
	json_text(j, "message", strbuf_cstr(&sb));
	strbuf_free(&sb);
}

static void related_locations(Json *j, const Unit *c, const Diag *d)
{
	int id = 0;
	for (const DiagNote *n = d->notes; n; n = n->next) {
		if (n->kind != NOTE_NOTE || !n->loc.src)
			continue;
		if (id == 0)
			json_open(j, "relatedLocations", '[', false);
		json_open(j, NULL, '{', true);
		json_int(j, "id", ++id);
		location_members(j, n->loc, c->name);
		json_text(j, "message", n->text);
		json_close(j);
	}
	if (id > 0)
		json_close(j);
}

static void result(Json *j, const ReportContext *ctx, const ExtraRules *x, const Unit *c,
		   const Diag *d, const Fingerprint *fp)
{
	json_open(j, NULL, '{', false);
	json_string(j, "ruleId", d->check);
	json_int(j, "ruleIndex", rule_index(ctx, x, d->check));
	json_string(j, "level", level_name(d->sev));
	result_message(j, d);
	json_open(j, "locations", '[', false);
	json_open(j, NULL, '{', true);
	location_members(j, d->loc, c->name);
	json_close(j);
	json_close(j);
	related_locations(j, c, d);
	json_open(j, "partialFingerprints", '{', true);
	/* GitHub's own key: supplying it keeps the upload action from computing
	 * a line-content hash instead of our item-based identity. */
	json_string(j, "primaryLocationLineHash", fp->hex);
	json_close(j);
	json_close(j);
}

static void results(Json *j, const ReportContext *ctx, const ExtraRules *x)
{
	json_open(j, "results", '[', false);
	for (size_t u = 0; u < ctx->nunits; u++) {
		const Unit *c = ctx->units[u];
		Fingerprint *fps = xcalloc(c->diags.n ? c->diags.n : 1, sizeof *fps);
		fingerprint_unit(c, fps);
		for (size_t i = 0; i < c->diags.n; i++)
			if (!c->diags.items[i]->suppressed)
				result(j, ctx, x, c, c->diags.items[i], &fps[i]);
		free(fps);
	}
	json_close(j);
}

/* An error notification about file 'c', with the id of what it reports
 * ('id' NULL: none). */
static void notification(Json *j, const Unit *c, const char *id, const char *message)
{
	json_open(j, NULL, '{', true);
	json_string(j, "level", "error");
	json_text(j, "message", message);
	if (id) {
		json_open(j, "descriptor", '{', true);
		json_string(j, "id", id);
		json_close(j);
	}
	json_open(j, "locations", '[', true);
	json_open(j, NULL, '{', true);
	json_open(j, "physicalLocation", '{', true);
	artifact_location(j, c->name);
	json_close(j);
	json_close(j);
	json_close(j);
	json_close(j);
}

/* The run succeeded unless a file could not be read; each such file is a
 * notification, since there is no finding to attach it to. A coverage
 * figure below --min-coverage fails the run too: it is a notification as
 * well (the tool ran, so the execution still succeeded), so a SARIF viewer
 * can tell why the job failed. */
static void invocations(Json *j, const ReportContext *ctx)
{
	bool ok = true, notes = false;
	StrBuf why = STRBUF_INIT;
	for (size_t u = 0; u < ctx->nunits; u++) {
		ok &= ctx->units[u]->error == NULL;
		for (int w = 0; w < GATE_COUNT; w++)
			notes |= report_coverage_low(ctx, ctx->units[u], w, &why);
	}
	json_open(j, "invocations", '[', false);
	json_open(j, NULL, '{', false);
	json_bool(j, "executionSuccessful", ok);
	if (!ok || notes) {
		json_open(j, "toolExecutionNotifications", '[', false);
		for (size_t u = 0; u < ctx->nunits; u++) {
			const Unit *c = ctx->units[u];
			if (c->error)
				notification(j, c, NULL, c->error);
			for (int w = 0; w < GATE_COUNT; w++) {
				strbuf_reset(&why);
				if (report_coverage_low(ctx, c, w, &why))
					notification(j, c, REPORT_GATE_NAME, strbuf_cstr(&why));
			}
		}
		json_close(j);
	}
	json_close(j);
	json_close(j);
	strbuf_free(&why);
}

void report_sarif(const ReportContext *ctx, StrBuf *out)
{
	ExtraRules extra = { NULL, NULL, 0 };
	collect_extra_rules(ctx, &extra);
	Json j;
	json_init(&j, out);
	json_open(&j, NULL, '{', false);
	json_string(&j, "$schema", SARIF_SCHEMA);
	json_string(&j, "version", "2.1.0");
	json_open(&j, "runs", '[', false);
	json_open(&j, NULL, '{', false);
	tool(&j, ctx, &extra);
	invocations(&j, ctx);
	json_string(&j, "columnKind", "unicodeCodePoints");
	results(&j, ctx, &extra);
	json_close(&j);
	json_close(&j);
	json_close(&j);
	ASSERT(j.depth == 0);
	free(extra.names);
	free(extra.rows);
}
