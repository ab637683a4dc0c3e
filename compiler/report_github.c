/* report_github.c - `--format github`: GitHub Actions workflow commands, which
 * the runner turns into annotations on the pull request's changed files.
 *
 *   ::error file=roadmap.yaml,line=12,col=7,endColumn=14,title=unknown-key::unknown key ...
 *
 * GitHub annotates at most 10 errors, 10 warnings and 10 notices per step
 * and drops the rest silently. So each level gets at most 10 commands,
 * shared among the files so that each gets some; when findings are left
 * over, one notice says how many, and they follow as plain lines in the
 * text format, so every finding is still in the log. (The notice takes one
 * of the 10 notice places, so info findings get 9 then.)
 * Suppressed findings are left out, as in the text format. A summary per
 * file ends the output unless -q. The plain lines are fenced off when they
 * hold anything the runner would read as a command. docs/formats.md
 * describes all of it. */
#include "report.h"
#include "escape.h"
#include "fingerprint.h"
#include "hash.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* GitHub's limit per step and level (docs: "workflow commands"). */
#define ANNOTATIONS_PER_LEVEL 10

static const char *command_name(Severity s)
{
	return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "notice";
}

/* ---- annotations ---- */

static void property(StrBuf *out, bool *first, const char *name, const char *value)
{
	strbuf_printf(out, "%s%s=", *first ? " " : ",", name);
	escape_workflow_property(out, value);
	*first = false;
}

/* The message of an annotation: the diagnostic's message, then its note and
 * help lines, which GitHub shows as further lines of the annotation. */
static void annotation_text(StrBuf *out, const Diag *d)
{
	strbuf_puts(out, d->message);
	for (const DiagNote *n = d->notes; n; n = n->next) {
		strbuf_putc(out, '\n');
		if (n->kind == NOTE_NOTE && n->loc.src)
			strbuf_printf(out, "%s:%d:%d: ", n->loc.src->path, n->loc.line, n->loc.col);
		strbuf_puts(out, n->kind == NOTE_HELP ? "help: " : "note: ");
		strbuf_puts(out, n->text);
	}
}

/* GitHub's columns are 1-based like ours; endColumn is the last column of
 * the span, given only when the span is longer than one character. */
static void annotation(StrBuf *out, const Unit *c, const Diag *d)
{
	bool first = true;
	char num[24];
	strbuf_printf(out, "::%s", command_name(d->sev));
	const char *file = d->loc.src ? d->loc.src->path : c->name;
	property(out, &first, "file", file);
	if (d->loc.src) {
		snprintf(num, sizeof num, "%d", d->loc.line);
		property(out, &first, "line", num);
		snprintf(num, sizeof num, "%d", d->loc.col);
		property(out, &first, "col", num);
		if (d->loc.len > 1) {
			snprintf(num, sizeof num, "%d", d->loc.col + d->loc.len - 1);
			property(out, &first, "endColumn", num);
		}
	}
	property(out, &first, "title", d->check);
	strbuf_puts(out, "::");
	StrBuf text = STRBUF_INIT;
	annotation_text(&text, d);
	escape_workflow_data(out, strbuf_cstr(&text));
	strbuf_free(&text);
	strbuf_putc(out, '\n');
}

/* ---- plain lines, for what does not fit ---- */

static void plain(StrBuf *out, const char *s)
{
	escape_terminal(out, s, strlen(s));
}

/* A finding as the text format's first line, then its note and help lines.
 * Control characters are neutralised, so a line can never be read as a
 * workflow command of its own. */
static void plain_finding(StrBuf *out, const Unit *c, const Diag *d)
{
	plain(out, d->loc.src ? d->loc.src->path : c->name);
	if (d->loc.src)
		strbuf_printf(out, ":%d:%d", d->loc.line, d->loc.col);
	strbuf_printf(out, ": %s: ", severity_name(d->sev));
	plain(out, d->message);
	strbuf_puts(out, " [");
	plain(out, d->check);
	strbuf_puts(out, "]\n");
	for (const DiagNote *n = d->notes; n; n = n->next) {
		if (n->kind == NOTE_NOTE && n->loc.src) {
			plain(out, n->loc.src->path);
			strbuf_printf(out, ":%d:%d: ", n->loc.line, n->loc.col);
		}
		strbuf_puts(out, n->kind == NOTE_HELP ? "help: " : "note: ");
		plain(out, n->text);
		strbuf_putc(out, '\n');
	}
}

/* How many commands of each level each file may write ('quota[u][sev]').
 * GitHub shows 10 per level and step, whatever the number of files, so the
 * 10 are shared: one to each file that has something at that level, in
 * file order, round after round, so that every file gets some before any
 * gets many. When anything is left over, the notice saying so takes one of
 * the notice places. A file that could not be read, and a coverage figure
 * below --min-coverage, count as errors. */
static void annotation_quota(const ReportContext *ctx, size_t (*quota)[SEV_ERROR + 1])
{
	size_t n = ctx->nunits;
	size_t (*want)[SEV_ERROR + 1] = xcalloc(n ? n : 1, sizeof *want);
	size_t total[SEV_ERROR + 1] = { 0 };
	StrBuf why = STRBUF_INIT;
	for (size_t u = 0; u < n; u++) {
		const Unit *c = ctx->units[u];
		want[u][SEV_ERROR] = (c->error != NULL) + diag_count(&c->diags, SEV_ERROR);
		for (int w = 0; w < GATE_COUNT; w++)
			want[u][SEV_ERROR] += report_coverage_low(ctx, c, w, &why);
		want[u][SEV_WARNING] = diag_count(&c->diags, SEV_WARNING);
		want[u][SEV_INFO] = diag_count(&c->diags, SEV_INFO);
		for (int s = SEV_INFO; s <= SEV_ERROR; s++)
			total[s] += want[u][s];
	}
	strbuf_free(&why);
	bool overflow = false;
	for (int s = SEV_INFO; s <= SEV_ERROR; s++)
		overflow |= total[s] > ANNOTATIONS_PER_LEVEL;
	for (int s = SEV_INFO; s <= SEV_ERROR; s++) {
		size_t room = ANNOTATIONS_PER_LEVEL - (s == SEV_INFO && overflow ? 1 : 0);
		for (size_t u = 0; u < n; u++)
			quota[u][s] = 0;
		/* Rounds of one each; a round that gives nothing ends it. */
		for (bool gave = true; room > 0 && gave;) {
			gave = false;
			for (size_t u = 0; u < n && room > 0; u++) {
				if (quota[u][s] < want[u][s]) {
					quota[u][s]++;
					room--;
					gave = true;
				}
			}
		}
	}
	free(want);
}

static void overflow_notice(StrBuf *out, size_t n)
{
	strbuf_printf(out, "::notice title=roadmapc::%zu more finding%s not annotated: GitHub shows "
		      "at most %d errors, %d warnings and %d notices per step. %s listed below; "
		      "the sarif format has every finding.\n",
		      n, n == 1 ? " is" : "s are", ANNOTATIONS_PER_LEVEL, ANNOTATIONS_PER_LEVEL,
		      ANNOTATIONS_PER_LEVEL, n == 1 ? "It is" : "They are");
}

/* ---- keeping plain lines plain ---- */

/* True when 'hay' contains 'needle' (memmem is not standard C). */
static bool memmem_plain(const char *hay, size_t n, const char *needle)
{
	size_t m = strlen(needle);
	for (size_t i = 0; i + m <= n; i++)
		if (hay[i] == needle[0] && memcmp(hay + i, needle, m) == 0)
			return true;
	return false;
}

/* True when 'hay' contains 'needle', ignoring ASCII case (the runner
 * compares command names so). */
static bool contains_nocase(const char *hay, size_t n, const char *needle)
{
	size_t m = strlen(needle);
	for (size_t i = 0; i + m <= n; i++) {
		size_t k = 0;
		while (k < m && tolower((unsigned char)hay[i + k]) == tolower((unsigned char)needle[k]))
			k++;
		if (k == m)
			return true;
	}
	return false;
}

/* Appends the plain lines of 'block' so that the runner reads none of them
 * as a command. It reads `::name ...::` at the start of a line (after any
 * white space, Unicode's included) and the older `##[name ...]` anywhere
 * in one, so a file named `::error title=X::y.yaml` would make an
 * annotation of its own. When the block holds either marker, it is put
 * between `::stop-commands::TOKEN` and `::TOKEN::`, which the runner
 * documents for printing untrusted text. The token is made from the block
 * (same input, same output) and checked not to occur in it. */
static void put_plain_block(StrBuf *out, const char *block, size_t n)
{
	if (!memmem_plain(block, n, "::") && !memmem_plain(block, n, "##[")) {
		strbuf_put(out, block, n);
		return;
	}
	char token[40];
	uint64_t h = hash_bytes(&HASH_FIXED_KEY, block, n);
	do
		snprintf(token, sizeof token, "roadmapc-%016llx", (unsigned long long)h++);
	while (contains_nocase(block, n, token));
	strbuf_printf(out, "::stop-commands::%s\n", token);
	strbuf_put(out, block, n);
	strbuf_printf(out, "::%s::\n", token);
}

void report_github(const ReportContext *ctx, StrBuf *out)
{
	size_t (*quota)[SEV_ERROR + 1] = xcalloc(ctx->nunits ? ctx->nunits : 1, sizeof *quota);
	annotation_quota(ctx, quota);
	StrBuf rest = STRBUF_INIT;      /* what does not fit, as plain lines */
	size_t nrest = 0;
	for (size_t u = 0; u < ctx->nunits; u++) {
		const Unit *c = ctx->units[u];
		size_t *room = quota[u];
		if (c->error && room[SEV_ERROR] > 0) {
			room[SEV_ERROR]--;
			strbuf_puts(out, "::error title=roadmapc::");
			escape_workflow_data(out, c->error);
			strbuf_putc(out, '\n');
		} else if (c->error) {
			strbuf_puts(&rest, "roadmapc: ");
			plain(&rest, c->error);
			strbuf_putc(&rest, '\n');
			nrest++;
		}
		StrBuf why = STRBUF_INIT;
		for (int w = 0; w < GATE_COUNT; w++) {
			strbuf_reset(&why);
			if (!report_coverage_low(ctx, c, w, &why))
				continue;
			if (room[SEV_ERROR] > 0) {
				room[SEV_ERROR]--;
				bool first = true;
				strbuf_puts(out, "::error");
				property(out, &first, "file", c->name);
				property(out, &first, "title", REPORT_GATE_NAME);
				strbuf_puts(out, "::");
				escape_workflow_data(out, strbuf_cstr(&why));
				strbuf_putc(out, '\n');
			} else {
				plain(&rest, c->name);
				strbuf_puts(&rest, ": error: ");
				plain(&rest, strbuf_cstr(&why));
				strbuf_puts(&rest, " [" REPORT_GATE_NAME "]\n");
				nrest++;
			}
		}
		strbuf_free(&why);
		for (size_t i = 0; i < c->diags.n; i++) {
			const Diag *d = c->diags.items[i];
			if (d->suppressed || d->sev == SEV_OFF)
				continue;
			if (room[d->sev] > 0) {
				room[d->sev]--;
				annotation(out, c, d);
			} else {
				plain_finding(&rest, c, d);
				nrest++;
			}
		}
	}
	if (nrest)
		overflow_notice(out, nrest);
	if (!ctx->quiet)
		report_text_summary(ctx, &rest);
	put_plain_block(out, strbuf_cstr(&rest), rest.len);
	strbuf_free(&rest);
	free(quota);
}
