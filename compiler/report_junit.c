/* report_junit.c - `--format junit`: JUnit XML, for Jenkins and the other CI
 * systems that show test results.
 *
 * One <testsuite> per input file and, in it, one <testcase> per check: every
 * row of the run's registry (then any other rule a finding names), so a check that
 * found nothing shows as a passed test and the number of tests is the same
 * for every file. A test case fails when its check has an unsuppressed
 * error or warning; info findings and suppressed ones are listed in its
 * <system-out> without failing it. In a file with structural errors only the
 * structural checks that fired have results; the others were not run and
 * are <skipped/>, as is every check of a file that could not be read and
 * every check turned off by `checks:` or -W (it was not run either).
 * docs/formats.md describes the mapping. */
#include "check.h"
#include "report.h"
#include "escape.h"
#include "fingerprint.h"

#include <stdlib.h>
#include <string.h>

typedef struct Counts {
	size_t tests, failures, skipped;
} Counts;

/* Every check a test case is written for: the registry, then the names
 * findings use that it does not know, in order of first use. */
typedef struct CheckNames {
	const char **names;
	size_t n;
} CheckNames;

static bool has_name(const CheckNames *cn, const char *name)
{
	for (size_t i = 0; i < cn->n; i++)
		if (strcmp(cn->names[i], name) == 0)
			return true;
	return false;
}

static void collect_checks(const ReportContext *ctx, CheckNames *cn)
{
	cn->names = xcalloc(ctx->registry->n ? ctx->registry->n : 1, sizeof *cn->names);
	for (size_t i = 0; i < ctx->registry->n; i++)
		cn->names[cn->n++] = ctx->registry->items[i]->name;
	for (size_t u = 0; u < ctx->nunits; u++) {
		const DiagList *dl = &ctx->units[u]->diags;
		for (size_t i = 0; i < dl->n; i++) {
			if (has_name(cn, dl->items[i]->check))
				continue;
			cn->names = xrealloc(cn->names, (cn->n + 1) * sizeof *cn->names);
			cn->names[cn->n++] = dl->items[i]->check;
		}
	}
}

/* Appends "FILE:LINE:COL: " (or "FILE: " without a position), escaped. */
static void position(StrBuf *out, SrcLoc loc, const char *fallback)
{
	escape_xml(out, loc.src ? loc.src->path : fallback);
	if (loc.src)
		strbuf_printf(out, ":%d:%d", loc.line, loc.col);
	strbuf_puts(out, ": ");
}

/* The first line of a finding, as the text format prints it without the
 * check name (the test case names it): FILE:LINE:COL: SEVERITY: MESSAGE. */
static void finding_line(StrBuf *out, const Unit *c, const Diag *d)
{
	position(out, d->loc, c->name);
	strbuf_printf(out, "%s: ", severity_name(d->sev));
	escape_xml(out, d->message);
}

/* The finding and its note and help lines, one per line. */
static void finding_block(StrBuf *out, const Unit *c, const Diag *d)
{
	finding_line(out, c, d);
	if (d->suppressed) {
		strbuf_puts(out, " (suppressed: ");
		escape_xml(out, d->suppressed);
		strbuf_putc(out, ')');
	}
	strbuf_putc(out, '\n');
	for (const DiagNote *n = d->notes; n; n = n->next) {
		if (n->kind == NOTE_NOTE && n->loc.src)
			position(out, n->loc, c->name);
		strbuf_puts(out, n->kind == NOTE_HELP ? "help: " : "note: ");
		escape_xml(out, n->text);
		strbuf_putc(out, '\n');
	}
}

static bool fails(const Diag *d)
{
	return !d->suppressed && d->sev >= SEV_WARNING;
}

/* "roadmapc.roadmaps/acme_yaml": Jenkins splits a classname at its last dot
 * into package and class, so the dots of the file name would split it in
 * the wrong place. */
static void classname(StrBuf *out, const char *path)
{
	StrBuf sb = STRBUF_INIT;
	strbuf_puts(&sb, "roadmapc.");
	for (const char *p = path; *p; p++)
		strbuf_putc(&sb, *p == '.' ? '_' : *p);
	escape_xml(out, strbuf_cstr(&sb));
	strbuf_free(&sb);
}

/* True when 'check' was turned off for this roadmap (by `checks:` or -W):
 * its test case is skipped, not passed, since nothing was checked. */
static bool turned_off(const ReportContext *ctx, const Unit *c, const char *check)
{
	const CheckInfo *ci = registry_find(&c->registry, check);
	return ctx->checks && c->checked && ci && !ci->structural &&
	       registry_severity(ci, c->roadmap, ctx->checks) == SEV_OFF;
}

/* What the test case of 'check' in unit 'c' says: how many of its findings
 * fail it and how many do not, the worst severity among the first, and
 * whether the check was turned off. Worked out once: the counts of every
 * suite must be written before the suites themselves, which stream. */
typedef struct Verdict {
	size_t nfail, nother;
	Severity worst;
	bool off;
} Verdict;

static Verdict verdict(const ReportContext *ctx, const Unit *c, const char *check)
{
	Verdict v = { 0, 0, SEV_OFF, false };
	for (size_t i = 0; i < c->diags.n; i++) {
		const Diag *d = c->diags.items[i];
		if (strcmp(d->check, check) != 0)
			continue;
		if (fails(d)) {
			v.nfail++;
			v.worst = d->sev > v.worst ? d->sev : v.worst;
		} else {
			v.nother++;
		}
	}
	v.off = v.nfail == 0 && v.nother == 0 && turned_off(ctx, c, check);
	return v;
}

/* The <skipped> of a test case in a file that was not checked. */
static void not_checked(StrBuf *out, const Unit *c)
{
	strbuf_puts(out, "      <skipped message=\"not checked: ");
	escape_xml(out, c->error ? c->error : "the file has structural errors");
	strbuf_puts(out, "\"/>\n");
}

static void count(Counts *n, const Unit *c, const Verdict *v)
{
	n->tests++;
	if (v->nfail)
		n->failures++;
	else if (v->off || !c->checked)
		n->skipped++;
}

static void testcase(StrBuf *out, const Unit *c, const char *check, const Verdict *v)
{
	strbuf_puts(out, "    <testcase name=\"");
	escape_xml(out, check);
	strbuf_puts(out, "\" classname=\"");
	classname(out, c->name);
	strbuf_putc(out, '"');

	if (v->nfail == 0 && v->nother == 0 && c->checked && !v->off) {
		strbuf_puts(out, "/>\n");
		return;
	}
	strbuf_puts(out, ">\n");
	if (v->nfail) {
		strbuf_printf(out, "      <failure type=\"%s\" message=\"", severity_name(v->worst));
		size_t k = 0;
		for (size_t i = 0; i < c->diags.n; i++) {
			const Diag *d = c->diags.items[i];
			if (strcmp(d->check, check) != 0 || !fails(d))
				continue;
			if (k++)
				strbuf_puts(out, "&#10;");
			finding_line(out, c, d);
		}
		strbuf_puts(out, "\">");
		for (size_t i = 0; i < c->diags.n; i++) {
			const Diag *d = c->diags.items[i];
			if (strcmp(d->check, check) == 0 && fails(d))
				finding_block(out, c, d);
		}
		strbuf_puts(out, "</failure>\n");
	} else if (v->off) {
		strbuf_puts(out, "      <skipped message=\"turned off\"/>\n");
	} else if (!c->checked) {
		not_checked(out, c);
	}
	if (v->nother) {
		strbuf_puts(out, "      <system-out>");
		for (size_t i = 0; i < c->diags.n; i++) {
			const Diag *d = c->diags.items[i];
			if (strcmp(d->check, check) == 0 && !fails(d))
				finding_block(out, c, d);
		}
		strbuf_puts(out, "</system-out>\n");
	}
	strbuf_puts(out, "    </testcase>\n");
}

/* With --min-coverage, one more test case per roadmap: it fails when a
 * coverage figure is below the minimum, as the run does, and is skipped
 * like the checks when the file could not be checked. */
static bool coverage_low(const ReportContext *ctx, const Unit *c)
{
	StrBuf why = STRBUF_INIT;
	bool low = false;
	for (int w = 0; w < GATE_COUNT && !low; w++)
		low = report_coverage_low(ctx, c, w, &why);
	strbuf_free(&why);
	return low;
}

static void coverage_count(Counts *n, const ReportContext *ctx, const Unit *c)
{
	if (ctx->min_coverage <= 0)
		return;
	n->tests++;
	if (coverage_low(ctx, c))
		n->failures++;
	else if (!c->checked)
		n->skipped++;
}

static void coverage_testcase(StrBuf *out, const ReportContext *ctx, const Unit *c)
{
	if (ctx->min_coverage <= 0)
		return;
	StrBuf attr = STRBUF_INIT, body = STRBUF_INIT, why = STRBUF_INIT;
	for (int w = 0; w < GATE_COUNT; w++) {
		strbuf_reset(&why);
		if (!report_coverage_low(ctx, c, w, &why))
			continue;
		if (attr.len)
			strbuf_puts(&attr, "&#10;");
		for (StrBuf *sb = &attr; sb; sb = sb == &attr ? &body : NULL) {
			escape_xml(sb, c->name);
			strbuf_puts(sb, ": error: ");
			escape_xml(sb, strbuf_cstr(&why));
		}
		strbuf_putc(&body, '\n');
	}
	strbuf_puts(out, "    <testcase name=\"" REPORT_GATE_NAME "\" classname=\"");
	classname(out, c->name);
	strbuf_putc(out, '"');
	if (attr.len) {
		strbuf_printf(out, ">\n      <failure type=\"error\" message=\"%s\">%s</failure>\n"
			      "    </testcase>\n", strbuf_cstr(&attr), strbuf_cstr(&body));
	} else if (!c->checked) {
		strbuf_puts(out, ">\n");
		not_checked(out, c);
		strbuf_puts(out, "    </testcase>\n");
	} else {
		strbuf_puts(out, "/>\n");
	}
	strbuf_free(&attr);
	strbuf_free(&body);
	strbuf_free(&why);
}

static void property(StrBuf *out, const char *name, const char *value)
{
	strbuf_printf(out, "      <property name=\"%s\" value=\"", name);
	escape_xml(out, value);
	strbuf_puts(out, "\"/>\n");
}

/* What the roadmap is and how much of it is covered, for the suite's page. */
static void properties(StrBuf *out, const Unit *c)
{
	const Roadmap *rm = c->roadmap;
	if (!c->checked || !rm)
		return;
	strbuf_puts(out, "    <properties>\n");
	if (rm->product)
		property(out, "product", rm->product);
	if (rm->segment)
		property(out, "segment", rm->segment);
	strbuf_printf(out, "      <property name=\"coverage.questions\" value=\"%zu/%zu\"/>\n",
		      c->coverage.questions_done, c->coverage.questions_total);
	strbuf_printf(out, "      <property name=\"coverage.stages\" value=\"%zu/%zu\"/>\n",
		      c->coverage.stages_done, c->coverage.stages_total);
	strbuf_puts(out, "    </properties>\n");
}

/* One suite; 'v' holds the verdicts of its checks, in the order of 'cn'. */
static void testsuite(StrBuf *out, const ReportContext *ctx, const Unit *c, const CheckNames *cn,
		      const Verdict *v)
{
	Counts n = { 0, 0, 0 };
	for (size_t k = 0; k < cn->n; k++)
		count(&n, c, &v[k]);
	coverage_count(&n, ctx, c);
	strbuf_puts(out, "  <testsuite name=\"");
	escape_xml(out, c->name);
	strbuf_printf(out, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"%zu\">\n",
		      n.tests, n.failures, n.skipped);
	properties(out, c);
	for (size_t k = 0; k < cn->n; k++)
		testcase(out, c, cn->names[k], &v[k]);
	coverage_testcase(out, ctx, c);
	if (c->error) {
		strbuf_puts(out, "    <system-err>");
		escape_xml(out, c->error);
		strbuf_puts(out, "\n</system-err>\n");
	}
	strbuf_puts(out, "  </testsuite>\n");
}

void report_junit(const ReportContext *ctx, StrBuf *out)
{
	CheckNames cn = { NULL, 0 };
	collect_checks(ctx, &cn);
	size_t nv = ctx->nunits * cn.n;
	Verdict *v = xcalloc(nv ? nv : 1, sizeof *v);
	Counts total = { 0, 0, 0 };
	for (size_t u = 0; u < ctx->nunits; u++) {
		for (size_t k = 0; k < cn.n; k++) {
			v[u * cn.n + k] = verdict(ctx, ctx->units[u], cn.names[k]);
			count(&total, ctx->units[u], &v[u * cn.n + k]);
		}
		coverage_count(&total, ctx, ctx->units[u]);
	}
	strbuf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	strbuf_printf(out, "<testsuites name=\"roadmapc\" tests=\"%zu\" failures=\"%zu\" errors=\"0\""
		      " skipped=\"%zu\">\n", total.tests, total.failures, total.skipped);
	for (size_t u = 0; u < ctx->nunits; u++)
		testsuite(out, ctx, ctx->units[u], &cn, &v[u * cn.n]);
	strbuf_puts(out, "</testsuites>\n");
	free(v);
	free(cn.names);
}
