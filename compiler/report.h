/* report.h - output formats for diagnostics and coverage.
 *
 * Last phase of `check`: each format is a pure function from the finished
 * compilations to text in a StrBuf (one file per format, report_<name>.c,
 * registered in the table of report.c). Only the driver decides where the
 * text goes, so tests render to memory. */
#ifndef ROADMAPC_REPORT_H
#define ROADMAPC_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "check.h"
#include "unit.h"
#include "strbuf.h"

typedef struct ReportContext {
	Unit *const *units;
	size_t nunits;
	bool color;             /* ANSI colour (text only) */
	bool quiet;             /* no summary */
	/* The run's check settings (-W, --today), so a format can tell a
	 * check that passed from one that was turned off; may be NULL. */
	const CheckConfig *checks;
	/* The run's checks (each unit's registry adds the file's own rules). */
	const CheckRegistry *registry;
	/* --min-coverage in tenths of a percent; 0 when not set (a minimum of
	 * 0 cannot fail). A figure below it fails the run, and every format
	 * says so (report_coverage_low). */
	int min_coverage;
	/* -v: the text format shows every finding in full, instead of folding
	 * a check's findings past the first few into one line. */
	bool no_fold;
} ReportContext;

typedef void (*ReportFn)(const ReportContext *ctx, StrBuf *out);

typedef struct ReportFormat {
	const char *name;
	ReportFn emit;
	const char *description;
} ReportFormat;

extern const ReportFormat report_formats[];
extern const size_t report_formats_len;

/* The formats, one per report_<name>.c, registered in report.c. */
void report_text(const ReportContext *ctx, StrBuf *out);
/* The text format's summary lines alone, without colour; other formats
 * that print a summary for people (github) reuse it. */
void report_text_summary(const ReportContext *ctx, StrBuf *out);
void report_json(const ReportContext *ctx, StrBuf *out);
void report_markdown(const ReportContext *ctx, StrBuf *out);
void report_sarif(const ReportContext *ctx, StrBuf *out);
void report_junit(const ReportContext *ctx, StrBuf *out);
void report_github(const ReportContext *ctx, StrBuf *out);
void report_gitlab(const ReportContext *ctx, StrBuf *out);

/* Appends a coverage figure as every format shows it: "85.7%" for 6/7,
 * rounded down to a tenth (model_coverage_tenths), "100%" when whole. */
void report_percent(StrBuf *out, size_t done, size_t total);
/* The same for a figure in tenths of a percent: "85.7%", "80%". */
void report_tenths(StrBuf *out, unsigned tenths);

/* The coverage figures a --min-coverage applies to, in the order the
 * formats list them. */
enum { GATE_QUESTIONS, GATE_STAGES, GATE_COUNT };

/* When figure 'which' (GATE_*) of checked unit 'c' is below the run's
 * --min-coverage, appends why to 'why' ("question coverage 50% (1/2) is
 * below --min-coverage 80%") and returns true; false (appending nothing)
 * otherwise. The name the formats give this failure is "min-coverage"
 * (REPORT_GATE_NAME), like a check's. */
bool report_coverage_low(const ReportContext *ctx, const Unit *c, int which, StrBuf *why);
#define REPORT_GATE_NAME "min-coverage"

/* "questions" or "stages": figure 'which' as JSON and SARIF name it. */
const char *report_gate_figure(int which);

/* The format called 'name', or NULL. */
const ReportFormat *report_find(const char *name);

#endif
